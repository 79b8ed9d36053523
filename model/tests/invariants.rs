//! Invariants over random scenarios across the whole lever space.
#![allow(clippy::unwrap_used, missing_docs)]

use changji_model::cap::TOLERANCE;
use changji_model::evaluate::{CapId, CapKind, CapState};
use changji_model::{evaluate, Data, Scenario};
use proptest::prelude::*;

mod common;
use common::any_scenario;

fn lever(id: &str) -> usize {
    Data::get().lever_index(id).unwrap()
}

/// `s` with lever `id` at the lower and at the higher of `a` and `b`:
/// `(lo, hi, at lo, at hi)`.
fn at_two(s: Scenario, id: &str, a: f64, b: f64) -> (f64, f64, Scenario, Scenario) {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    let mut s1 = s.clone();
    s1.values[lever(id)] = lo;
    let mut s2 = s;
    s2.values[lever(id)] = hi;
    (lo, hi, s1, s2)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn balances_close_and_nothing_is_negative(s in any_scenario()) {
        let o = evaluate(&s, Data::get());
        let src = o.sources.surface + o.sources.groundwater + o.sources.other;
        let sec = o.sectors.primary + o.sectors.secondary + o.sectors.tertiary;
        prop_assert!((src - o.total).abs() < 1e-9, "sources {src} vs total {}", o.total);
        prop_assert!((sec - o.total).abs() < 1e-9, "sectors {sec} vs total {}", o.total);
        let all = [o.total, o.sectors.primary, o.sectors.secondary, o.sectors.tertiary,
            o.sources.surface, o.sources.groundwater, o.sources.other,
            o.indicators.gross_quota, o.indicators.net_quota, o.indicators.supported_area,
            o.indicators.reclaimed_m3_per_day, o.indicators.water_per_gdp,
            o.indicators.water_per_industry_va, o.detail.overdraft];
        for x in all {
            prop_assert!(x.is_finite() && x >= 0.0, "bad value {x} in {o:?}");
        }
        for c in &o.caps {
            prop_assert!(c.value.is_finite() && c.limit > 0.0);
            let want = match (c.state, c.kind) {
                (CapState::NotReported, _) => true,
                (CapState::Over, CapKind::Ceiling) => c.value > c.limit + TOLERANCE,
                (CapState::Short, CapKind::Floor) => c.value < c.limit - TOLERANCE,
                (CapState::Ok, CapKind::Ceiling) => c.value <= c.limit + TOLERANCE,
                (CapState::Ok, CapKind::Floor) => c.value >= c.limit - TOLERANCE,
                (CapState::Unmet, CapKind::Ceiling) => {
                    c.id == CapId::Groundwater && o.detail.undelivered > TOLERANCE
                }
                _ => false,
            };
            prop_assert!(want, "{c:?}");
            prop_assert_eq!(c.ok, !matches!(c.state, CapState::Over | CapState::Unmet));
        }
        let shares: f64 = o.indicators.sector_shares.iter().sum();
        prop_assert!((shares - 100.0).abs() < 1e-6 || o.total == 0.0);
    }

    #[test]
    fn each_source_keeps_its_rule(s in any_scenario()) {
        let data = Data::get();
        let o = evaluate(&s, data);
        let cap = |id: CapId| o.cap(id).unwrap().limit;
        let d = &o.detail;
        // Surface: the least of its cap, what the year makes available, demand.
        let fresh = o.total - o.sources.other;
        let want = cap(CapId::Surface).min(d.surface_available).min(fresh).max(0.0);
        prop_assert!((o.sources.surface - want).abs() < 1e-9);
        prop_assert!(o.sources.surface <= cap(CapId::Surface) + 1e-9);
        prop_assert!((d.surface_unallocated - (d.surface_available - o.sources.surface).max(0.0)).abs() < 1e-9);
        // Non-conventional water: never a breach, never more than its uses need.
        prop_assert!(o.cap(CapId::Other).unwrap().ok);
        prop_assert!(o.sources.other <= o.sectors.secondary + d.eco + 1e-9);
        // Groundwater takes the rest up to its cap; what is left above it is
        // irrigation water not delivered (held) or overdraft (pumped), never both.
        let gw_cap = cap(CapId::Groundwater);
        let over = (o.sources.groundwater - gw_cap).max(0.0);
        prop_assert!((d.overdraft - over).abs() < 1e-9);
        prop_assert!(d.overdraft < 1e-9 || d.undelivered < 1e-9);
        prop_assert!((o.sources.groundwater + d.undelivered - d.groundwater_demand).abs() < 1e-9);
        prop_assert!(d.undelivered <= d.primary_demand + 1e-9);
        prop_assert!((o.sectors.primary + d.undelivered - d.primary_demand).abs() < 1e-9);
        let reported = o.cap(CapId::Groundwater).unwrap().state != CapState::NotReported;
        if d.shortfall_pumped || !reported {
            prop_assert!(d.undelivered == 0.0);
        } else if d.undelivered > TOLERANCE {
            // Held at the cap, with the rest of the demand not delivered.
            prop_assert!((o.sources.groundwater - gw_cap).abs() < 1e-9
                || d.undelivered >= d.primary_demand - 1e-9);
            prop_assert_eq!(o.cap(CapId::Groundwater).unwrap().state, CapState::Unmet);
        }
        // Savings: the plan's formula and the reduction move with use.
        prop_assert!((o.indicators.reduction_vs_2020 - (25.48 - o.total)).abs() < 1e-9);
    }

    #[test]
    fn the_flows_add_up_and_other_sources_serve_industry_and_ecology_alone(s in any_scenario()) {
        let o = evaluate(&s, Data::get());
        let f = &o.flows;
        let sum = |a: [f64; 3]| a.iter().sum::<f64>();
        prop_assert!((sum(f.surface) - o.sources.surface).abs() < 1e-9);
        prop_assert!((sum(f.groundwater) - o.sources.groundwater).abs() < 1e-9);
        prop_assert!((sum(f.other) - o.sources.other).abs() < 1e-9);
        let into = |k: usize| f.surface[k] + f.groundwater[k] + f.other[k];
        for (k, want) in [o.sectors.primary, o.sectors.secondary, o.sectors.tertiary].into_iter().enumerate() {
            prop_assert!((into(k) - want).abs() < 1e-9, "sector {k}: {} vs {want}", into(k));
        }
        prop_assert!(f.other[0] == 0.0);
        prop_assert!(f.other[2] <= o.detail.eco + 1e-9);
        for x in f.surface.iter().chain(&f.groundwater).chain(&f.other) {
            prop_assert!(x.is_finite() && *x >= 0.0);
        }
    }

    #[test]
    fn drier_years_never_lower_groundwater(s in any_scenario(), a in 20.0f64..95.0, b in 20.0f64..95.0) {
        let data = Data::get();
        let (_, _, s1, s2) = at_two(s, "runoff", a, b);
        let (o1, o2) = (evaluate(&s1, data), evaluate(&s2, data));
        prop_assert!(o2.detail.surface_available <= o1.detail.surface_available + 1e-12);
        prop_assert!(o2.sources.surface <= o1.sources.surface + 1e-12);
        prop_assert!(o2.sources.groundwater >= o1.sources.groundwater - 1e-12);
    }

    #[test]
    fn more_reclaimed_water_never_raises_groundwater(
        s in any_scenario(), id in proptest::sample::select(vec!["reuse", "collection", "other_nonconv"]),
        a in 0.0f64..1.0, b in 0.0f64..1.0,
    ) {
        let data = Data::get();
        let l = &data.levers[lever(id)];
        let at = |x: f64| l.min + x * (l.max - l.min);
        let (_, _, s1, s2) = at_two(s, id, at(a), at(b));
        let (o1, o2) = (evaluate(&s1, data), evaluate(&s2, data));
        prop_assert!(o2.sources.groundwater <= o1.sources.groundwater + 1e-12);
        prop_assert!(o2.sources.other >= o1.sources.other - 1e-12);
        // It replaces groundwater first: surface falls only once groundwater is gone.
        if o2.sources.surface < o1.sources.surface - 1e-12 {
            prop_assert!(o2.sources.groundwater < 1e-9);
        }
    }

    #[test]
    fn less_agricultural_water_is_always_a_larger_reduction(s in any_scenario(), crop in 0usize..8, cut in 0.0f64..100.0) {
        let data = Data::get();
        let i = data.levers.iter().enumerate().filter(|(_, l)| l.crop).nth(crop).unwrap().0;
        let mut s2 = s.clone();
        s2.values[i] = (s.values[i] - cut).max(0.0);
        let (o1, o2) = (evaluate(&s, data), evaluate(&s2, data));
        prop_assume!(o2.detail.primary_demand < o1.detail.primary_demand - 1e-12);
        // Use falls unless groundwater was held with water undelivered (then
        // less of it goes undelivered instead).
        prop_assert!(o2.indicators.reduction_vs_2020 >= o1.indicators.reduction_vs_2020 - 1e-12);
        prop_assert!(o2.detail.undelivered <= o1.detail.undelivered + 1e-12);
    }

    #[test]
    fn the_efficiency_saving_is_the_plans_formula_and_rises_with_eta(s in any_scenario(), a in 0.5f64..0.85, b in 0.5f64..0.85) {
        prop_assume!((a - b).abs() > 1e-6);
        let data = Data::get();
        let (lo, _, s1, s2) = at_two(s, "eta", a, b);
        prop_assume!(s1.irrigated_area(data) > 1.0);
        let (o1, o2) = (evaluate(&s1, data), evaluate(&s2, data));
        let i = &o1.indicators;
        let net = i.irrigated_area * i.net_quota / 1e4;
        prop_assert!((i.saving_vs_2020 - net * (1.0 / 0.65 - 1.0 / lo)).abs() < 1e-9);
        prop_assert!(o2.indicators.saving_vs_2020 > i.saving_vs_2020);
        prop_assert_eq!(i.saving_vs_2020 > 0.0, lo > 0.65);
    }

    #[test]
    fn industry_water_per_value_added_is_the_intensity(s in any_scenario()) {
        let o = evaluate(&s, Data::get());
        let i = s.values[lever("industry_intensity")];
        let l = &Data::get().levers[lever("industry_intensity")];
        prop_assert!((o.indicators.water_per_industry_va - l.clamp(i)).abs() < 1e-9);
    }

    #[test]
    fn primary_strictly_decreases_in_eta(s in any_scenario(), a in 0.5f64..0.85, b in 0.5f64..0.85) {
        prop_assume!((a - b).abs() > 1e-6);
        let data = Data::get();
        let (lo, hi, s1, s2) = at_two(s, "eta", a, b);
        prop_assume!(s1.irrigated_area(data) > 0.0);
        let p1 = evaluate(&s1, data).detail.primary_demand;
        let p2 = evaluate(&s2, data).detail.primary_demand;
        prop_assert!(p2 < p1, "η {lo} → {p1}, η {hi} → {p2}");
    }

    #[test]
    fn total_does_not_increase_with_reuse(s in any_scenario(), a in 0.0f64..100.0, b in 0.0f64..100.0) {
        let data = Data::get();
        let (_, _, s1, s2) = at_two(s, "reuse", a, b);
        let o1 = evaluate(&s1, data);
        let o2 = evaluate(&s2, data);
        // Demand never rises with reuse; what is delivered may (less goes short).
        let demand = |o: &changji_model::Outcome| o.total + o.detail.undelivered;
        prop_assert!(demand(&o2) <= demand(&o1) + 1e-12);
        prop_assert!(o2.detail.undelivered <= o1.detail.undelivered + 1e-12);
        // More reuse never draws more fresh water.
        prop_assert!(o2.sources.groundwater + o2.sources.surface
            <= o1.sources.groundwater + o1.sources.surface + 1e-12);
    }

    #[test]
    fn total_does_not_decrease_with_any_crop_area(s in any_scenario(), crop in 0usize..8, extra in 0.0f64..100.0) {
        let data = Data::get();
        let crops: Vec<usize> = data.levers.iter().enumerate().filter(|(_, l)| l.crop).map(|(i, _)| i).collect();
        let i = crops[crop];
        let mut s2 = s.clone();
        s2.values[i] = (s.values[i] + extra).min(data.levers[i].max);
        let o1 = evaluate(&s, data);
        let o2 = evaluate(&s2, data);
        prop_assert!(o2.total >= o1.total - 1e-12, "{} → {}", o1.total, o2.total);
    }

    #[test]
    fn shifting_a_crop_keeps_the_area(s in any_scenario(), crop in 0usize..8, target in 0.0f64..300.0) {
        let data = Data::get();
        let id = data.levers.iter().filter(|l| l.crop).nth(crop).unwrap().id;
        let mut s2 = s.clone();
        let used = s2.shift_crop(data, id, target).unwrap();
        prop_assert!((s2.irrigated_area(data) - s.irrigated_area(data)).abs() < 1e-9);
        for (l, v) in data.levers.iter().zip(&s2.values) {
            prop_assert!(*v >= l.min - 1e-9 && *v <= l.max + 1e-9, "{} = {v}", l.id);
        }
        prop_assert!((s2.get(id).unwrap() - used).abs() < 1e-12);
    }
}

#[test]
fn wild_values_give_finite_results() {
    let data = Data::get();
    for x in [
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        -1e300,
        1e300,
        0.0,
    ] {
        let s = Scenario {
            preset: "plan-2025".into(),
            values: vec![x; data.levers.len()],
        };
        let o = evaluate(&s, data);
        assert!(o.total.is_finite() && o.total >= 0.0, "{x}: {o:?}");
    }
    // Too few values: the rest read as the lever minimum.
    let o = evaluate(
        &Scenario {
            preset: "x".into(),
            values: vec![],
        },
        data,
    );
    assert!(o.total.is_finite());
}
