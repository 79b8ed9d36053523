//! The embedded reference data is complete and consistent.
#![allow(clippy::unwrap_used, missing_docs)]

use changji_model::{Data, Scenario};

#[test]
fn parses() {
    Data::parse().unwrap();
}

#[test]
fn every_preset_sets_every_lever_within_range() {
    let data = Data::get();
    for p in &data.presets {
        let s = Scenario::preset(data, &p.id).unwrap();
        for l in &data.levers {
            let v = data.preset_value(&p.id, &l.id);
            assert!(v.is_some(), "preset {} has no value for {}", p.id, l.id);
            let v = v.unwrap();
            assert!(
                l.accepts(v.value),
                "preset {}: {} = {} outside {}–{}",
                p.id,
                l.id,
                v.value,
                l.min,
                l.max
            );
            assert!(!v.source.is_empty());
        }
        assert_eq!(s.values.len(), data.levers.len());
        if let Some(b) = &p.base {
            assert!(data.preset(b).is_some(), "{} has unknown base {b}", p.id);
        }
    }
}

#[test]
fn every_crop_lever_has_quotas_and_every_lever_a_source() {
    let data = Data::get();
    let ids: Vec<_> = data.levers.iter().map(|l| l.id.as_str()).collect();
    for l in &data.levers {
        assert!(
            !l.source.is_empty() && l.min < l.max && l.step > 0.0,
            "{}",
            l.id
        );
        assert_eq!(
            ids.iter().filter(|i| **i == l.id).count(),
            1,
            "duplicate {}",
            l.id
        );
        if l.crop {
            let c = data.crops.iter().find(|c| c.id == l.id);
            assert!(c.is_some(), "no quota for crop {}", l.id);
            let c = c.unwrap();
            assert!(c.drip_low <= c.drip && c.drip <= c.drip_high && c.drip < c.conventional);
        }
    }
    for id in [
        "year",
        "eta",
        "reuse",
        "leakage",
        "collection",
        "surface",
        "runoff",
        "cotton",
        "wheat",
        "maize",
        "vegetables",
        "cash",
        "forage",
        "orchards",
        "forest",
        "drip",
        "industry_growth",
        "industry_intensity",
        "industry_reuse",
        "urban_lpd",
        "rural_lpd",
        "eco",
    ] {
        assert!(ids.contains(&id), "lever {id} missing (fixed interface)");
    }
}

#[test]
fn reference_presets_exist_and_notes_cover_the_inconsistencies() {
    let data = Data::get();
    for id in [
        "status-2020",
        "plan-2025",
        "target-2030",
        "dry-95",
        "surface-14.5",
        "cotton-expansion",
        "northwest-benchmark",
    ] {
        assert!(data.preset(id).is_some(), "{id}");
    }
    let notes: Vec<_> = data.notes.iter().map(|n| n.id.as_str()).collect();
    for id in [
        "total-vs-parts",
        "ratio-2020",
        "surface-2025",
        "overdraft-area",
        "calibration",
    ] {
        assert!(notes.contains(&id), "{id}");
    }
    for n in &data.notes {
        assert!(!n.zh.is_empty() && !n.en.is_empty() && !n.source.is_empty());
    }
}

#[test]
fn runoff_factors_follow_the_plan_table() {
    let data = Data::get();
    assert!((data.runoff_factor(50.0) - 1.0).abs() < 1e-12);
    assert!((data.runoff_factor(95.0) - 24.05 / 28.81).abs() < 1e-12);
    assert!(data.runoff_factor(20.0) > 1.0);
}

#[test]
fn derived_preset_values_match_their_derivation() {
    // The 'derived' defaults (eco, intensity, other sources) must still give the
    // plan's sector figures: if a quota or population changes, this test says so.
    let data = Data::get();
    let o = changji_model::evaluate(&Scenario::preset(data, "plan-2025").unwrap(), data);
    assert!((o.sectors.tertiary / o.total * 100.0 - 7.4).abs() < 0.1);
    assert!((o.sectors.secondary / o.total * 100.0 - 7.5).abs() < 0.1);
    assert!(o.sources.reclaimed <= 0.53 + 1e-9);
}
