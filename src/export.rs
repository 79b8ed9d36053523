//! CSV export of results and lever values (pure; the page only downloads it).
//!
//! UTF-8 with a byte-order mark so Excel opens Chinese text correctly; values in
//! full precision so they equal what the page and the CLI compute.

use crate::i18n::{lever_name, text, tr, Lang};
use changji_model::indicator::IndicatorId;
use changji_model::{Data, LeverId, Outcome, Scenario, MODEL_VERSION};

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
    let mut rows: Vec<Vec<String>> = vec![HEAD.iter().map(|k| tr(lang, k)).collect()];
    rows.extend(meta_rows(lang, s, o, link));
    rows.extend(result_rows(lang, o, plan));
    rows.extend(indicator_rows(lang, o, plan));
    rows.extend(lever_rows(lang, s, plan_s));
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for r in rows {
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&r);
    }
    let body = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&body))
}

/// Reads one number of an outcome.
type Read = fn(&Outcome) -> f64;

fn f(x: f64) -> String {
    x.to_string()
}

/// Which scenario, year, model version and link.
fn meta_rows(lang: Lang, s: &Scenario, o: &Outcome, link: &str) -> Vec<Vec<String>> {
    let sec = tr(lang, "csv.meta");
    [
        (tr(lang, "preset.label"), "preset", s.preset.clone()),
        (lever_name(lang, LeverId::Year), "year", o.year.to_string()),
        ("model".to_string(), "v", MODEL_VERSION.to_string()),
        (tr(lang, "csv.link"), "link", link.to_string()),
    ]
    .into_iter()
    .map(|(item, id, value)| vec![sec.clone(), item, id.into(), value])
    .collect()
}

/// The total, every cap with its verdict, and use by source and sector.
fn result_rows(lang: Lang, o: &Outcome, plan: &Outcome) -> Vec<Vec<String>> {
    let mut rows = vec![vec![
        tr(lang, "csv.results"),
        tr(lang, "total.label"),
        "total".into(),
        f(o.total),
        "亿m³".into(),
        String::new(),
        f(plan.total),
    ]];
    for c in &o.caps {
        rows.push(vec![
            tr(lang, "csv.caps"),
            tr(lang, &format!("cap.{}", c.id)),
            format!("cap-{}", c.id),
            f(c.value),
            "亿m³".into(),
            f(c.limit),
            plan.cap(c.id).map_or(String::new(), |p| f(p.value)),
            c.state.as_str().into(),
        ]);
    }
    let flows: [(&str, &str, Read); 6] = [
        ("source.surface", "surface", |o| o.sources.surface),
        ("source.groundwater", "groundwater", |o| {
            o.sources.groundwater
        }),
        ("source.reclaimed", "reclaimed", |o| o.sources.reclaimed),
        ("sector.primary", "primary", |o| o.sectors.primary),
        ("sector.secondary", "secondary", |o| o.sectors.secondary),
        ("sector.tertiary", "tertiary", |o| o.sectors.tertiary),
    ];
    for (key, id, read) in flows {
        rows.push(vec![
            tr(lang, "csv.results"),
            tr(lang, key),
            id.into(),
            f(read(o)),
            "亿m³".into(),
            String::new(),
            f(read(plan)),
        ]);
    }
    rows
}

/// Every row of the model's indicator table.
fn indicator_rows(lang: Lang, o: &Outcome, plan: &Outcome) -> Vec<Vec<String>> {
    let data = Data::get();
    IndicatorId::ALL
        .into_iter()
        .map(|id| {
            let d = id.def(data, o);
            vec![
                tr(lang, "csv.indicators"),
                tr(lang, &format!("ind.{id}")),
                id.to_string(),
                f(id.value(o)),
                d.unit.into(),
                d.target.map_or(String::new(), |t| f(t.value())),
                f(id.value(plan)),
            ]
        })
        .collect()
}

/// Every lever's value, the plan's, and where the preset's value comes from.
fn lever_rows(lang: Lang, s: &Scenario, plan_s: &Scenario) -> Vec<Vec<String>> {
    let data = Data::get();
    data.levers
        .iter()
        .zip(&s.values)
        .map(|(l, v)| {
            let source = data
                .preset_value(&s.preset, l.id)
                .map_or(&l.source, |p| &p.source);
            let source = text(lang, source).to_string();
            vec![
                tr(lang, "csv.levers"),
                lever_name(lang, l.id),
                l.id.to_string(),
                f(*v),
                l.unit.clone(),
                String::new(),
                f(plan_s.value(l.id)),
                source,
            ]
        })
        .collect()
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
        assert_eq!(get("cap-groundwater")[7].to_string(), "unmet");
        assert_eq!(get("runoff")[3].to_string(), "95");
        // Every indicator of the table, under its one id.
        for id in changji_model::indicator::IndicatorId::ALL {
            let row = get(id.as_str());
            assert_eq!(row[3].parse::<f64>().expect("num"), id.value(&o), "{id}");
        }
        assert!(text.contains("地下水"));
        assert_eq!(
            rows.iter()
                .filter(|x| x[0] == *tr(Lang::Zh, "csv.levers"))
                .count(),
            d.levers.len()
        );
    }
}
