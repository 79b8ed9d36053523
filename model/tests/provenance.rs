//! Every explained number, recomputed from the formula and the terms the
//! provenance dialog shows (`common::formula`), in several scenarios: a
//! formula that leaves out an input, or says what the model does not compute,
//! fails here. And every lever reaches some number's explanation.
#![allow(clippy::unwrap_used, missing_docs)]

mod common;

use changji_model::provenance::{explain, TermKind};
use changji_model::{evaluate, Data, LeverId, Scenario};
use common::formula::recompute;
use proptest::prelude::*;

/// Every explained number of `s` whose formula does not give it, said.
fn check(s: &Scenario) -> Vec<String> {
    let data = Data::get();
    let o = evaluate(s, data);
    let mut wrong = Vec::new();
    for q in common::all_quantities() {
        let x = explain(data, s, &o, q);
        // 84 % is 0.84 in a formula (`r = 1 − I × (1 − r₀) ÷ I₀`).
        let fraction = |unit: &str, v: f64| if unit.starts_with('%') { v / 100.0 } else { v };
        let terms: Vec<(&str, f64)> = x
            .terms
            .iter()
            .map(|t| (t.symbol, fraction(&t.unit, t.value)))
            .collect();
        let want = fraction(&x.unit, x.value);
        match recompute(x.formula, &terms) {
            Err(e) => wrong.push(format!("{}: {e}", x.key)),
            // The model shows 0 where a formula would divide by zero (no area,
            // no quota): the guard, not a different rule.
            Ok(got) if !got.is_finite() && x.value == 0.0 => {}
            Ok(got) if (got - want).abs() > 1e-9 * want.abs().max(1.0) => wrong.push(format!(
                "{} = {want} but its formula '{}' gives {got} from {terms:?}",
                x.key, x.formula
            )),
            Ok(_) => {}
        }
    }
    wrong
}

#[test]
fn every_formula_recomputes_its_number_in_every_preset() {
    let data = Data::get();
    for p in &data.presets {
        let s = Scenario::preset(data, &p.id).unwrap();
        let wrong = check(&s);
        assert!(wrong.is_empty(), "{}:\n{}", p.id, wrong.join("\n"));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn every_formula_recomputes_its_number_anywhere(s in common::any_scenario()) {
        let wrong = check(&s);
        prop_assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }
}

#[test]
fn every_lever_reaches_the_explanation_of_a_computed_number() {
    let data = Data::get();
    let s = Scenario::preset(data, "plan-2025").unwrap();
    let o = evaluate(&s, data);
    let computed: Vec<_> = common::all_quantities()
        .into_iter()
        .filter(|q| !matches!(q, changji_model::quantity::Quantity::Lever(_)))
        .collect();
    let missing: Vec<LeverId> = LeverId::ALL
        .into_iter()
        .filter(|id| {
            !computed.iter().any(|q| {
                explain(data, &s, &o, *q)
                    .terms
                    .iter()
                    .any(|t| t.kind == TermKind::Lever && t.id == id.to_string())
            })
        })
        .collect();
    assert!(
        missing.is_empty(),
        "levers no explanation lists: {missing:?}"
    );
}
