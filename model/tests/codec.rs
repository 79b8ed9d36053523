//! The query-string codec: parsing, clamping, notices, round trips, no panics.
#![allow(clippy::unwrap_used, missing_docs)]

use changji_model::codec::{Notice, MAX_QUERY_LEN};
use changji_model::{parse_query, write_query, Data, Scenario};
use proptest::prelude::*;

mod common;
use common::any_scenario;

#[test]
fn parses_preset_and_levers() {
    let data = Data::get();
    let p = parse_query(data, "?preset=plan-2025&eta=0.7&cotton=210", &[]);
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    assert_eq!(p.scenario.preset, "plan-2025");
    assert_eq!(p.scenario.get("eta"), Some(0.7));
    assert_eq!(p.scenario.get("cotton"), Some(210.0));
}

#[test]
fn links_carry_values_at_the_step() {
    let data = Data::get();
    let mut s = Scenario::preset(data, "plan-2025").expect("preset");
    s.set(data, "wheat", 119.91685912240183).expect("lever");
    s.set(data, "eta", 0.70049).expect("lever");
    let q = write_query(data, &s, &[]);
    assert!(
        q.contains("wheat=119.9&") || q.ends_with("wheat=119.9"),
        "{q}"
    );
    assert!(q.contains("eta=0.7&") || q.ends_with("eta=0.7"), "{q}");
    // A hand-written finer value is read at the step, without a notice.
    let p = parse_query(data, "eta=0.70049&cotton=165.26", &[]);
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    assert_eq!(p.scenario.get("eta"), Some(0.7));
    assert_eq!(p.scenario.get("cotton"), Some(165.3));
    let year = data.lever("year").expect("year");
    assert_eq!(year.link_text(2030.0), "2030");
    assert_eq!(data.lever("eta").expect("eta").step_decimals(), 3);
}

#[test]
fn clamps_and_reports() {
    let data = Data::get();
    let p = parse_query(data, "eta=5&year=2027&cotton=-3", &[]);
    assert_eq!(p.scenario.get("eta"), Some(0.85));
    assert_eq!(p.scenario.get("year"), Some(2025.0));
    assert_eq!(p.scenario.get("cotton"), Some(0.0));
    assert_eq!(p.notices.len(), 3, "{:?}", p.notices);
    assert!(p
        .notices
        .iter()
        .all(|n| matches!(n, Notice::Clamped { .. })));
}

#[test]
fn a_retired_lever_is_read_with_a_notice_and_changes_nothing() {
    let data = Data::get();
    let p = parse_query(data, "industry_reuse=95&runoff=60", &[]);
    assert_eq!(
        p.notices,
        vec![Notice::Retired {
            key: "industry_reuse".into()
        }]
    );
    // The runoff year is continuous now: 60 % is kept as given.
    assert_eq!(p.scenario.get("runoff"), Some(60.0));
}

#[test]
fn reports_unknown_and_unparsable_keeping_defaults() {
    let data = Data::get();
    let plan = Scenario::preset(data, "plan-2025").unwrap();
    let p = parse_query(
        data,
        "foo=1&eta=abc&reuse=NaN&leakage=inf&preset=nope&lang=en",
        &["lang"],
    );
    assert_eq!(p.scenario.values, plan.values);
    assert_eq!(p.extras, vec![("lang".to_string(), "en".to_string())]);
    let kinds: Vec<_> = p
        .notices
        .iter()
        .map(|n| serde_json::to_value(n).unwrap()["kind"].clone())
        .collect();
    assert!(kinds.contains(&"unknown_key".into()));
    assert!(kinds.contains(&"unparsable".into()));
    assert!(kinds.contains(&"unknown_preset".into()));
    assert_eq!(p.notices.len(), 5, "{:?}", p.notices);
    for n in &p.notices {
        assert!(!n.to_string().is_empty());
    }
}

#[test]
fn version_and_duplicates_are_noticed() {
    let data = Data::get();
    let p = parse_query(data, "v=0&eta=0.7&eta=0.72", &[]);
    assert_eq!(p.scenario.get("eta"), Some(0.72));
    assert!(p
        .notices
        .iter()
        .any(|n| matches!(n, Notice::OtherVersion { .. })));
    assert!(p
        .notices
        .iter()
        .any(|n| matches!(n, Notice::Duplicate { .. })));
    let p = parse_query(data, &format!("v={}", changji_model::MODEL_VERSION), &[]);
    assert!(p.notices.is_empty());
}

#[test]
fn long_queries_are_cut_with_a_notice() {
    let data = Data::get();
    let q = format!("eta=0.7&x={}", "é".repeat(MAX_QUERY_LEN));
    let p = parse_query(data, &q, &[]);
    assert_eq!(p.scenario.get("eta"), Some(0.7));
    assert!(p
        .notices
        .iter()
        .any(|n| matches!(n, Notice::TooLong { .. })));
}

#[test]
fn many_problems_are_summarised() {
    let data = Data::get();
    let q: Vec<String> = (0..500).map(|i| format!("junk{i}=1&eta=x")).collect();
    let p = parse_query(data, &q.join("&"), &[]);
    assert_eq!(p.notices.len(), changji_model::codec::MAX_NOTICES);
    assert!(matches!(p.notices.last(), Some(Notice::More { count }) if *count > 400));
}

#[test]
fn writes_only_non_default_levers() {
    let data = Data::get();
    let mut s = Scenario::preset(data, "plan-2025").unwrap();
    assert_eq!(write_query(data, &s, &[]), "");
    s.set(data, "eta", 0.7).unwrap();
    assert_eq!(write_query(data, &s, &[("lang", "en")]), "eta=0.7&lang=en");
    let s = Scenario::preset(data, "dry-95").unwrap();
    assert_eq!(write_query(data, &s, &[]), "preset=dry-95");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn round_trips(s in any_scenario()) {
        let data = Data::get();
        let q = write_query(data, &s, &[]);
        let p = parse_query(data, &q, &[]);
        prop_assert!(p.notices.is_empty(), "{q}: {:?}", p.notices);
        // Every value that differs from the preset comes back at its lever's step.
        let base = Scenario::preset(data, &s.preset).expect("preset");
        let mut want = s.clone();
        for ((l, v), b) in data.levers.iter().zip(want.values.iter_mut()).zip(&base.values) {
            if *v != *b {
                *v = l.clamp(l.on_step(*v));
            }
        }
        prop_assert_eq!(p.scenario, want);
    }

    #[test]
    fn never_panics_on_arbitrary_text(q in ".{0,300}") {
        let data = Data::get();
        let p = parse_query(data, &q, &["lang"]);
        prop_assert_eq!(p.scenario.values.len(), data.levers.len());
        for (l, v) in data.levers.iter().zip(&p.scenario.values) {
            prop_assert!(v.is_finite() && *v >= l.min && *v <= l.max);
        }
    }

    #[test]
    fn never_panics_on_lever_like_text(k in "(eta|reuse|cotton|year|runoff|preset|v|lang|x)", v in "[-+0-9.eE naif%&=]{0,24}") {
        let data = Data::get();
        let p = parse_query(data, &format!("{k}={v}"), &["lang"]);
        for (l, x) in data.levers.iter().zip(&p.scenario.values) {
            prop_assert!(x.is_finite() && *x >= l.min && *x <= l.max);
        }
    }
}
