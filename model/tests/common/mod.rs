//! Shared test helpers: random scenarios across the whole lever space.
#![allow(dead_code)]

use changji_model::{Data, Scenario};
use proptest::prelude::*;

/// Any scenario: every lever anywhere in its range (discrete levers on their
/// options), starting from any preset.
pub fn any_scenario() -> impl Strategy<Value = Scenario> {
    let data = Data::get();
    let ranges: Vec<_> = data
        .levers
        .iter()
        .map(|l| match &l.options {
            Some(o) => proptest::sample::select(o.clone()).boxed(),
            None => (l.min..=l.max).boxed(),
        })
        .collect();
    let presets: Vec<String> = data.presets.iter().map(|p| p.id.clone()).collect();
    (ranges, proptest::sample::select(presets))
        .prop_map(|(values, preset)| Scenario { preset, values })
}

pub mod formula;

/// Every number the provenance dialog explains: the quantity table's.
pub fn all_quantities() -> Vec<changji_model::quantity::Quantity> {
    changji_model::quantity::Quantity::all()
}
