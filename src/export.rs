//! CSV export of results and lever values (pure; the page only downloads it).
//!
//! UTF-8 with a byte-order mark so Excel opens Chinese text correctly; values in
//! full precision so they equal what the page and the CLI compute.

use crate::i18n::{tr, Lang};
use changji_model::evaluate::CapId;
use changji_model::{Data, Outcome, Scenario, MODEL_VERSION};

/// Column headers.
const HEAD: [&str; 8] = [
    "csv.section",
    "csv.item",
    "csv.id",
    "csv.value",
    "csv.unit",
    "csv.limit",
    "csv.plan",
    "csv.source",
];

/// The CSV text of a scenario's results and inputs, beside the plan's reference
/// scenario (`plan_s`) and its outcome (`plan`).
pub fn results_csv(
    lang: Lang,
    s: &Scenario,
    o: &Outcome,
    plan_s: &Scenario,
    plan: &Outcome,
    link: &str,
) -> String {
    let data = Data::get();
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let mut rows: Vec<Vec<String>> = vec![HEAD.iter().map(|k| tr(lang, k)).collect()];
    let f = |x: f64| x.to_string();
    let sec = |k: &str| tr(lang, k);
    rows.push(vec![
        sec("csv.meta"),
        tr(lang, "preset.label"),
        "preset".into(),
        s.preset.clone(),
    ]);
    rows.push(vec![
        sec("csv.meta"),
        tr(lang, "lever.year.label"),
        "year".into(),
        o.year.to_string(),
    ]);
    rows.push(vec![
        sec("csv.meta"),
        "model".into(),
        "v".into(),
        MODEL_VERSION.to_string(),
    ]);
    rows.push(vec![
        sec("csv.meta"),
        tr(lang, "csv.link"),
        "link".into(),
        link.to_string(),
    ]);
    rows.push(vec![
        sec("csv.results"),
        tr(lang, "total.label"),
        "total".into(),
        f(o.total),
        "亿m³".into(),
        String::new(),
        f(plan.total),
    ]);
    for id in CapId::ALL {
        if let Some(c) = o.cap(id) {
            rows.push(vec![
                sec("csv.caps"),
                tr(lang, &format!("cap.{}", id.as_str())),
                format!("cap-{}", id.as_str()),
                f(c.value),
                "亿m³".into(),
                f(c.limit),
                plan.cap(id).map_or(String::new(), |p| f(p.value)),
                c.state.as_str().into(),
            ]);
        }
    }
    let flows = [
        (
            "source.surface",
            "surface",
            o.sources.surface,
            plan.sources.surface,
        ),
        (
            "source.groundwater",
            "groundwater",
            o.sources.groundwater,
            plan.sources.groundwater,
        ),
        (
            "source.reclaimed",
            "reclaimed",
            o.sources.reclaimed,
            plan.sources.reclaimed,
        ),
        (
            "sector.primary",
            "primary",
            o.sectors.primary,
            plan.sectors.primary,
        ),
        (
            "sector.secondary",
            "secondary",
            o.sectors.secondary,
            plan.sectors.secondary,
        ),
        (
            "sector.tertiary",
            "tertiary",
            o.sectors.tertiary,
            plan.sectors.tertiary,
        ),
    ];
    for (key, id, v, p) in flows {
        rows.push(vec![
            sec("csv.results"),
            tr(lang, key),
            id.into(),
            f(v),
            "亿m³".into(),
            String::new(),
            f(p),
        ]);
    }
    let i = &o.indicators;
    let pi = &plan.indicators;
    let inds = [
        (
            "ind.gross_quota",
            "gross_quota",
            i.gross_quota,
            pi.gross_quota,
            "m³/亩",
        ),
        ("ind.eta", "eta", i.eta, pi.eta, ""),
        (
            "ind.supported_area",
            "supported_area",
            i.supported_area,
            pi.supported_area,
            "万亩",
        ),
        (
            "ind.reclaimed",
            "reclaimed_m3_per_day",
            i.reclaimed_m3_per_day,
            pi.reclaimed_m3_per_day,
            "万m³/d",
        ),
        (
            "ind.saving",
            "saving_vs_2020",
            i.saving_vs_2020,
            pi.saving_vs_2020,
            "亿m³",
        ),
        (
            "ind.water_per_gdp",
            "water_per_gdp",
            i.water_per_gdp,
            pi.water_per_gdp,
            "m³/万元",
        ),
        (
            "ind.reduction",
            "reduction_vs_2020",
            i.reduction_vs_2020,
            pi.reduction_vs_2020,
            "亿m³",
        ),
        (
            "ind.structure_saving",
            "structure_saving",
            i.structure_saving,
            pi.structure_saving,
            "亿m³",
        ),
        (
            "prov.q.industry_reuse",
            "industry_reuse",
            i.industry_reuse,
            pi.industry_reuse,
            "%",
        ),
        ("ind.reuse", "reuse", i.reuse, pi.reuse, "%"),
        ("ind.leakage", "leakage", i.leakage, pi.leakage, "%"),
    ];
    for (key, id, v, p, unit) in inds {
        rows.push(vec![
            sec("csv.indicators"),
            tr(lang, key),
            id.into(),
            f(v),
            unit.into(),
            String::new(),
            f(p),
        ]);
    }
    for (l, v) in data.levers.iter().zip(&s.values) {
        let source = data
            .preset_value(&s.preset, &l.id)
            .map_or(&l.source, |p| &p.source)
            .get(lang.code())
            .to_string();
        rows.push(vec![
            sec("csv.levers"),
            tr(lang, &format!("lever.{}.label", l.id)),
            l.id.clone(),
            f(*v),
            l.unit.clone(),
            String::new(),
            plan_s.get(data, &l.id).map_or(String::new(), f),
            source,
        ]);
    }
    for r in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&r);
    }
    let body = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&body))
}

#[cfg(test)]
mod tests {
    use super::*;
    use changji_model::evaluate;

    #[test]
    fn csv_has_bom_every_cap_and_lever_and_round_trips_numbers() {
        let d = Data::get();
        let s = Scenario::preset(d, "dry-95").expect("preset");
        let o = evaluate(&s, d);
        let plan_s = Scenario::preset(d, "plan-2025").expect("preset");
        let p = evaluate(&plan_s, d);
        let text = results_csv(
            Lang::Zh,
            &s,
            &o,
            &plan_s,
            &p,
            "http://127.0.0.1/?preset=dry-95",
        );
        assert!(text.starts_with('\u{feff}'));
        let mut r = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.expect("row")).collect();
        let get = |id: &str| rows.iter().find(|x| &x[2] == id).expect(id).clone();
        assert_eq!(get("total")[3].parse::<f64>().expect("num"), o.total);
        assert_eq!(get("cap-groundwater")[7].to_string(), "over");
        assert_eq!(get("runoff")[3].to_string(), "95");
        assert!(text.contains("地下水"));
        assert_eq!(
            rows.iter()
                .filter(|x| x[0] == *tr(Lang::Zh, "csv.levers"))
                .count(),
            d.levers.len()
        );
    }
}
