//! The embedded reference data is complete and consistent.
#![allow(clippy::unwrap_used, missing_docs)]

use changji_model::{Data, Scenario};

#[test]
fn parses() {
    Data::parse().unwrap();
    assert!(!Data::parse_notes().unwrap().is_empty());
}

#[test]
fn every_preset_sets_every_lever_within_range() {
    let data = Data::get();
    for p in &data.presets {
        let s = Scenario::preset(data, &p.id).unwrap();
        for l in &data.levers {
            let Some(v) = data.preset_value(&p.id, l.id) else {
                // A lever the presets do not set takes its row's default.
                let d = l.default.unwrap_or(f64::NAN);
                assert!(
                    l.accepts(d),
                    "preset {}: no value and no default for {}",
                    p.id,
                    l.id
                );
                continue;
            };
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
fn every_presets_lever_value_says_where_it_comes_from() {
    let data = Data::get();
    for p in &data.presets {
        for l in &data.levers {
            let (source, grade) = data.lever_source(&p.id, l.id);
            assert!(!source.is_empty(), "{} {} has no source", p.id, l.id);
            // A grade only where the preset sets the value itself (or its base does).
            assert_eq!(grade.is_some(), data.preset_value(&p.id, l.id).is_some());
        }
    }
    // The dry-year reading is left to the row's default by every preset: its
    // source is the row's, the plan's metering and caps of the wells.
    let (source, grade) = data.lever_source("plan-2025", changji_model::LeverId::Shortfall);
    assert!(grade.is_none() && source.en.contains("§14.4"));
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
            ids.iter().filter(|i| **i == l.id.as_str()).count(),
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
        "urban_lpd",
        "rural_lpd",
        "eco",
    ] {
        assert!(ids.contains(&id), "lever {id} missing (fixed interface)");
    }
    // Retired ids are still read (with a notice) and are no longer levers.
    for r in &data.retired {
        assert!(!ids.contains(&r.id.as_str()) && !r.text.is_empty());
    }
    assert!(data.retired("industry_reuse").is_some());
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
    let notes: Vec<_> = data.notes().iter().map(|n| n.id.as_str()).collect();
    for id in [
        "total-vs-parts",
        "ratio-2020",
        "surface-2025",
        "overdraft-area",
        "calibration",
    ] {
        assert!(notes.contains(&id), "{id}");
    }
    for n in data.notes() {
        assert!(!n.text.is_empty() && !n.source.is_empty());
    }
}

#[test]
fn runoff_factors_follow_the_plan_table() {
    let data = Data::get();
    assert!((changji_model::runoff::runoff_factor(data, 50.0) - 1.0).abs() < 1e-12);
    assert!((changji_model::runoff::runoff_factor(data, 95.0) - 24.05 / 28.81).abs() < 1e-12);
    assert!((changji_model::runoff::runoff_factor(data, 20.0) - 32.25 / 28.81).abs() < 1e-12);
    assert!((changji_model::runoff::runoff_factor(data, 75.0) - 26.56 / 28.81).abs() < 1e-12);
    // Between the rows, on the curve: 60 % lies between the 50 % and 75 % rows.
    let f60 = changji_model::runoff::runoff_factor(data, 60.0);
    assert!(f60 < 1.0 && f60 > 26.56 / 28.81, "{f60}");
}

#[test]
fn derived_preset_values_match_their_derivation() {
    // The 'derived' defaults (eco, intensity, other sources) must still give the
    // plan's sector figures: if a quota or population changes, this test says so.
    let data = Data::get();
    let o = changji_model::evaluate(&Scenario::preset(data, "plan-2025").unwrap(), data);
    assert!((o.sectors.tertiary / o.total * 100.0 - 7.4).abs() < 0.1);
    assert!((o.sectors.secondary / o.total * 100.0 - 7.5).abs() < 0.1);
    // Other sources reach the plan's 0.53 (a floor), without a surplus that
    // would hide groundwater; the demand fits the plan's allocation
    // 16.06 + 7.64 + 0.53 = 24.23, leaving the 0.03 as headroom under 24.26.
    assert!(o.sources.other >= 0.53 && o.sources.other < 0.535);
    assert!(o.total <= 16.06 + 7.64 + 0.53 + 1e-9 && o.total > 24.2);
    let t = changji_model::evaluate(&Scenario::preset(data, "target-2030").unwrap(), data);
    assert!(t.sources.other >= 0.53 && t.sources.other < 0.535);
    assert!(t.total <= 22.99 + 1e-9);
}

#[test]
fn every_source_reads_in_both_languages_and_names_no_internal_file() {
    let data = Data::get();
    let mut texts: Vec<&changji_model::Text> = Vec::new();
    texts.extend(data.levers.iter().map(|l| &l.source));
    texts.extend(data.crops.iter().map(|c| &c.source));
    texts.extend(data.notes().iter().map(|n| &n.source));
    texts.extend(data.plan.history.iter().map(|h| &h.source));
    texts.push(&data.plan.runoff_source);
    for y in &data.plan.caps {
        texts.extend(changji_model::CapId::ALL.iter().map(|&c| &y.get(c).source));
    }
    for p in &data.presets {
        texts.extend(p.values.values().map(|v| &v.source));
    }
    let u = &data.uncertainty;
    texts.extend([
        &u.crop_quotas.source,
        &u.return_factor.source,
        &u.runoff.source,
    ]);
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for t in texts {
        assert!(!t.is_empty(), "{t:?}");
        assert!(cjk(&t.zh), "no Chinese in {t:?}");
        for s in [&t.zh, &t.en] {
            for bad in [".json", ".md", "domain/", "as cotton", "同棉花"] {
                assert!(!s.contains(bad), "{s}");
            }
        }
    }
    for n in data.notes() {
        for s in [&n.text.zh, &n.text.en] {
            assert!(!s.contains(".json") && !s.contains(".md"), "{s}");
        }
    }
}
