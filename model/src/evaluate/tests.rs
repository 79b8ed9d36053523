//! Each step of an evaluation on its own.

use super::*;
use crate::data::Data;

fn setup(preset: &str) -> (&'static Data, Values, Assumptions) {
    let data = Data::get();
    let s = Scenario::preset(data, preset).expect("preset");
    (data, Values::of(&s, data), Assumptions::central(data))
}

#[test]
fn demand_is_area_times_quota_value_added_times_intake_and_domestic_with_losses() {
    let (data, v, a) = setup("plan-2025");
    let d = demand(&v, data, &a);
    assert!((d.area - 598.0).abs() < 1e-9);
    assert!((d.gross - 345.0).abs() < 1e-9, "{}", d.gross);
    assert!((d.primary - d.area * d.gross / 1e4).abs() < 1e-12);
    let va = d.industry_va * 1e4; // 万元
    assert!((d.secondary - va * v.get(LeverId::IndustryIntensity) / 1e8).abs() < 1e-12);
    let leak = v.get(LeverId::Leakage) / 100.0;
    assert!((d.urban_supply * (1.0 - leak) - d.urban).abs() < 1e-12);
    assert!(
        (d.total() - (d.primary + d.secondary + d.urban_supply + d.rural + d.eco)).abs() < 1e-12
    );
}

#[test]
fn allocation_takes_each_source_by_its_rule() {
    let (data, v, a) = setup("plan-2025");
    let caps = data.caps(2025.0);
    let mut d = demand(&v, data, &a);
    let al = allocate(&d, &v, data, &a, caps);
    // Normal year, surface at its cap, groundwater the rest.
    assert!((al.surface - 16.06).abs() < 1e-12);
    assert!((al.surface + al.groundwater + al.nonconventional - d.total()).abs() < 1e-12);
    assert!(al.nonconventional >= 0.53);
    // Tiny demand: surface serves it all, no groundwater, nothing overdrawn.
    d.primary = 0.0;
    d.secondary = 0.1;
    d.eco = 0.0;
    d.urban_supply = 0.5;
    d.rural = 0.0;
    let small = allocate(&d, &v, data, &a, caps);
    assert!(
        small.nonconventional <= d.secondary + d.eco + 1e-12,
        "only eligible uses take it"
    );
    assert!((small.surface - (d.total() - small.nonconventional)).abs() < 1e-12);
    assert_eq!((small.groundwater, small.overdraft), (0.0, 0.0));
}

#[test]
fn a_dry_year_is_limited_by_availability_and_a_wet_one_by_the_cap() {
    let data = Data::get();
    let caps = data.caps(2025.0);
    for (runoff, limited_by_cap) in [(20.0, true), (95.0, false)] {
        let mut s = Scenario::preset(data, "plan-2025").expect("preset");
        s.set(data, LeverId::Runoff, runoff).expect("lever");
        let v = Values::of(&s, data);
        let a = Assumptions::central(data);
        let al = allocate(&demand(&v, data, &a), &v, data, &a, caps);
        let available = 16.06 * data.runoff_factor(runoff);
        assert!((al.surface_available - available).abs() < 1e-12);
        let want = if limited_by_cap { 16.06 } else { available };
        assert!(
            (al.surface - want).abs() < 1e-12,
            "{runoff}: {}",
            al.surface
        );
        assert_eq!(al.overdraft > 0.0, !limited_by_cap, "{runoff}");
    }
}

#[test]
fn verdicts_read_the_years_caps_and_what_the_plan_reports() {
    let (data, v, a) = setup("status-2020");
    let caps = data.caps(2020.0);
    let d = demand(&v, data, &a);
    let al = allocate(&d, &v, data, &a, caps);
    let verdicts = judge(caps, &d, &al);
    assert_eq!(verdicts.len(), CapId::ALL.len());
    for c in verdicts {
        let want = if caps.reported(c.id) {
            CapState::Ok
        } else {
            CapState::NotReported
        };
        assert_eq!(c.state, want, "{c:?}");
    }
}

#[test]
fn indicators_follow_their_definitions() {
    let (data, v, a) = setup("plan-2025");
    let caps = data.caps(2025.0);
    let d = demand(&v, data, &a);
    let al = allocate(&d, &v, data, &a, caps);
    let i = indicators::indicators(&d, &al, &v, data, &a, caps);
    assert!(
        (i.saving_vs_2020 - 0.635).abs() < 0.001,
        "{}",
        i.saving_vs_2020
    );
    assert!((i.reduction_vs_2020 - (25.48 - d.total())).abs() < 1e-12);
    assert_eq!(
        i.structure_saving, 0.0,
        "the plan's own mix saves nothing against itself"
    );
    assert!((i.water_per_industry_va - v.get(LeverId::IndustryIntensity)).abs() < 1e-9);
    let gdp = indicators::gdp_of(data, &v);
    assert!((i.water_per_gdp - d.total() * 1e8 / (gdp * 1e4)).abs() < 1e-9);
}
