//! UI logic: every string the page asks for exists in both languages.
#![allow(missing_docs)]

use changji_model::evaluate::CapId;
use changji_model::indicator::{IndicatorId, Note};
use changji_model::{Data, Grade};
use changji_water::i18n::{has, tr, Lang};

fn keys() -> Vec<String> {
    let data = Data::get();
    let mut k: Vec<String> = Vec::new();
    for l in &data.levers {
        k.push(format!("lever.{}.label", l.id));
        k.push(format!("lever.{}.help", l.id));
        k.push(format!("group.{}", l.group));
        k.extend(l.marks.iter().map(|m| m.label.clone()));
    }
    for p in &data.presets {
        k.push(format!("preset.{}.name", p.id));
        k.push(format!("preset.{}.desc", p.id));
    }
    for c in CapId::ALL {
        k.push(format!("cap.{}", c.as_str()));
    }
    // The indicator table: a label for every row, its note where it has text.
    let o = changji_model::evaluate(
        &changji_model::Scenario::preset(data, "plan-2025").expect("preset"),
        data,
    );
    for id in IndicatorId::ALL {
        k.push(format!("ind.{id}"));
        if let Note::Text(_) = id.def(data, &o).note {
            k.push(format!("ind.{id}.note"));
        }
    }
    for g in [Grade::Plan, Grade::H, Grade::M, Grade::L] {
        k.push(format!("grade.{}", g.key()));
    }
    for n in [
        "unknown_key",
        "retired",
        "unparsable",
        "clamped",
        "unknown_preset",
        "other_version",
        "duplicate",
        "too_long",
        "more",
    ] {
        k.push(format!("notice.{n}"));
    }
    for f in [
        "app.title",
        "app.subtitle",
        "app.footer",
        "app.lang_other",
        "app.lang_switch_label",
        "chart.sources",
        "chart.sectors",
        "chart.path",
        "chart.flow",
        "cap.ok",
        "cap.over",
        "cap.announce_over",
        "cap.announce_ok",
    ] {
        k.push(f.to_string());
    }
    k
}

#[test]
fn every_key_exists_in_both_languages() {
    let mut missing = Vec::new();
    for key in keys() {
        for lang in [Lang::Zh, Lang::En] {
            if !has(lang, &key) {
                missing.push(format!("{key} ({})", lang.code()));
            }
        }
    }
    assert!(missing.is_empty(), "missing translations: {missing:?}");
}

#[test]
fn languages_differ_and_english_has_no_chinese_labels() {
    for key in ["app.title", "cap.total", "lever.eta.label", "group.crops"] {
        assert_ne!(tr(Lang::Zh, key), tr(Lang::En, key), "{key}");
    }
    for l in &Data::get().levers {
        let en = tr(Lang::En, &format!("lever.{}.label", l.id));
        // 万元 is a unit, kept as the plan writes it; nothing else is Chinese.
        let stripped = en.replace("万元", "");
        assert!(
            !stripped
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{en}"
        );
    }
}

#[test]
fn every_provenance_term_and_quantity_has_a_name() {
    use changji_model::provenance::{explain, Quantity, TermKind};
    use changji_model::{evaluate, Scenario};
    let data = Data::get();
    let s = Scenario::preset(data, "plan-2025").expect("preset");
    let o = evaluate(&s, data);
    // Every quantity the indicator table names, and the ones the sector,
    // source and agriculture formulas link to.
    let mut keys: Vec<String> = IndicatorId::ALL
        .iter()
        .map(|id| id.def(data, &o).quantity.key())
        .filter(|k| !k.starts_with("lever-"))
        .collect();
    keys.extend(
        [
            "total",
            "primary",
            "secondary",
            "tertiary",
            "surface",
            "groundwater",
            "reclaimed",
            "net_quota",
            "irrigated_area",
        ]
        .map(String::from),
    );
    let mut missing = Vec::new();
    for key in &keys {
        let q = Quantity::parse(key).unwrap_or_else(|| panic!("no quantity {key}"));
        for lang in [Lang::Zh, Lang::En] {
            if !has(lang, &format!("prov.q.{key}")) {
                missing.push(format!("prov.q.{key}"));
            }
            for t in explain(data, &s, &o, q).terms {
                let name = match t.kind {
                    TermKind::Lever => format!("lever.{}.label", t.id),
                    TermKind::Derived => format!("prov.q.{}", t.id),
                    _ if has(lang, &format!("prov.term.{}", t.id)) => continue,
                    _ => format!("cap.{}", t.id),
                };
                if !has(lang, &name) {
                    missing.push(format!("{key}: {name} ({})", lang.code()));
                }
            }
        }
    }
    assert!(missing.is_empty(), "{missing:?}");
}
