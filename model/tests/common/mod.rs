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

/// Every number the provenance dialog explains.
pub fn all_quantities() -> Vec<changji_model::provenance::Quantity> {
    use changji_model::provenance::Quantity;
    use changji_model::{CapId, LeverId};
    let mut qs = vec![
        Quantity::Total,
        Quantity::Primary,
        Quantity::Secondary,
        Quantity::Tertiary,
        Quantity::Surface,
        Quantity::Groundwater,
        Quantity::Reclaimed,
        Quantity::GrossQuota,
        Quantity::NetQuota,
        Quantity::IrrigatedArea,
        Quantity::WaterPerGdp,
        Quantity::SupportedArea,
        Quantity::Saving,
        Quantity::Reduction,
        Quantity::StructureSaving,
        Quantity::IndustryReuse,
        Quantity::ReclaimedPerDay,
    ];
    qs.extend(CapId::ALL.map(Quantity::Limit));
    qs.extend(LeverId::ALL.map(Quantity::Lever));
    qs
}
