//! CSV export of results and lever values (pure; the page only downloads it).
//!
//! UTF-8 with a byte-order mark so Excel opens Chinese text correctly; values in
//! full precision so they equal what the page and the CLI compute.

use crate::i18n::{lever_name, text, tr, Lang};
use changji_model::quantity::Quantity;
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
    rows.extend(result_rows(lang, (s, o), (plan_s, plan)));
    rows.extend(indicator_rows(lang, (s, o), (plan_s, plan)));
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

/// A scenario and its outcome.
type Evaluated<'a> = (&'a Scenario, &'a Outcome);

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
fn result_rows(lang: Lang, (s, o): Evaluated, (plan_s, plan): Evaluated) -> Vec<Vec<String>> {
    let data = Data::get();
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
    // The sources and the sectors, as the quantity table lists them.
    for q in Quantity::SOURCES.into_iter().chain(Quantity::SECTORS) {
        rows.push(vec![
            tr(lang, "csv.results"),
            tr(lang, &q.label_key().unwrap_or_default()),
            q.key(),
            f(q.value(data, s, o)),
            q.spec(data, o).unit,
            String::new(),
            f(q.value(data, plan_s, plan)),
        ]);
    }
    rows
}

/// Every indicator of the quantity table.
fn indicator_rows(lang: Lang, (s, o): Evaluated, (plan_s, plan): Evaluated) -> Vec<Vec<String>> {
    let data = Data::get();
    Quantity::INDICATORS
        .into_iter()
        .map(|q| {
            let spec = q.spec(data, o);
            vec![
                tr(lang, "csv.indicators"),
                tr(lang, &q.label_key().unwrap_or_default()),
                q.indicator_id().unwrap_or_default().into(),
                f(q.value(data, s, o)),
                spec.unit,
                spec.target.map_or(String::new(), |t| f(t.value())),
                f(q.value(data, plan_s, plan)),
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
            let source = text(lang, data.lever_source(&s.preset, l.id).0).to_string();
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
        for q in Quantity::INDICATORS {
            let id = q.indicator_id().expect("id");
            let row = get(id);
            assert_eq!(
                row[3].parse::<f64>().expect("num"),
                q.value(d, &s, &o),
                "{id}"
            );
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
