//! The first four scenes (water, groundwater, fields, efficiency): their
//! numbers and pictures, from the data files or the model's outcome for a
//! named scenario.

use super::*;
use changji_model::household::scale;

pub(super) fn water(d: &Data) -> (Vec<Number>, Picture) {
    let r = &d.public.resources;
    let used = outcome_of(d, "status-2020").total;
    let numbers = vec![
        n(
            "total",
            r.total.value,
            2,
            data("public.json#resources.total"),
        ),
        n(
            "usable",
            r.usable.value,
            1,
            data("public.json#resources.usable"),
        ),
        n("used", used, 2, cli("preset=status-2020", "total")),
        n(
            "tubs_yi",
            1e8 * 1000.0 / d.public.equivalents.bathtub_litres.value / 1e8,
            1,
            Origin::Derived("10⁸ m³ × 1000 ÷ public.equivalents.bathtub_litres ÷ 10⁸"),
        ),
    ];
    let picture = Picture {
        unit: "story.unit.yi",
        bars: vec![
            bar("story.bar.resources", r.total.value, false),
            bar("story.bar.usable", r.usable.value, false),
            bar("story.bar.used_2020", used, used > r.usable.value),
        ],
        line: Some((r.usable.value, "story.bar.usable")),
        decimals: 2,
    };
    (numbers, picture)
}

pub(super) fn groundwater(d: &Data) -> (Vec<Number>, Picture) {
    let y2015 = d
        .plan
        .history
        .iter()
        .find(|h| h.year == 2015)
        .and_then(|h| h.groundwater)
        .unwrap_or(f64::NAN);
    let exploitable = d.public.resources.groundwater_exploitable.value;
    let caps = [2020, 2025, 2030].map(|y| cap(d, y, CapId::Groundwater));
    let numbers = vec![
        n(
            "y2015",
            y2015,
            2,
            data("plan.json#history.2015.groundwater"),
        ),
        n("y2020", caps[0], 2, data("plan.json#caps.2020.groundwater")),
        n("y2025", caps[1], 2, data("plan.json#caps.2025.groundwater")),
        n("y2030", caps[2], 2, data("plan.json#caps.2030.groundwater")),
        n(
            "exploitable",
            exploitable,
            2,
            data("public.json#resources.groundwater_exploitable"),
        ),
    ];
    let picture = Picture {
        unit: "story.unit.yi",
        bars: vec![
            bar("story.bar.y2015", y2015, y2015 > exploitable),
            bar("story.bar.y2020", caps[0], caps[0] > exploitable),
            bar("story.bar.y2025", caps[1], caps[1] > exploitable),
            bar("story.bar.y2030", caps[2], caps[2] > exploitable),
        ],
        line: Some((exploitable, "story.bar.exploitable")),
        decimals: 2,
    };
    (numbers, picture)
}

/// m³ a year that a family of the data's size uses at the urban households'
/// figure.
fn family_year_m3(d: &Data) -> f64 {
    let family = d.public.equivalents.family_size.value;
    family * scale(d, 0.0).reference_lpd * 365.0 / 1000.0
}

pub(super) fn fields(d: &Data) -> (Vec<Number>, Picture) {
    let o = outcome_of(d, "status-2020");
    let share = o.indicators.sector_shares[0];
    let cotton = d
        .crops
        .iter()
        .find(|c| c.id == LeverId::Cotton)
        .map_or(f64::NAN, |c| c.drip);
    let tubs = cotton * 1000.0 / d.public.equivalents.bathtub_litres.value;
    let family = family_year_m3(d);
    let numbers = vec![
        n(
            "share",
            share,
            1,
            cli("preset=status-2020", "indicators.sector_shares.0"),
        ),
        n("cotton_m3", cotton, 0, data("crops.json#cotton.drip")),
        n(
            "family",
            d.public.equivalents.family_size.value,
            0,
            data("public.json#equivalents.family_size"),
        ),
        n(
            "tubs",
            tubs,
            0,
            Origin::Derived("cotton × 1000 ÷ public.equivalents.bathtub_litres"),
        ),
        n(
            "families",
            cotton / family,
            1,
            Origin::Derived("cotton ÷ (family_size × households' L/person·d × 365 ÷ 1000)"),
        ),
    ];
    let picture = Picture {
        unit: "story.unit.m3",
        bars: vec![
            bar("story.bar.cotton_mu", cotton, true),
            bar("story.bar.family_year", family, false),
        ],
        line: None,
        decimals: 0,
    };
    (numbers, picture)
}

pub(super) fn efficiency(d: &Data, eta: f64) -> (Vec<Number>, Picture) {
    let mut s = Scenario::default_for(d);
    let eta = s.set(d, LeverId::Eta, eta).unwrap_or(0.67);
    let o = evaluate(&s, d);
    let q = query_of(d, &s);
    let eta_2020 = d.plan.constants.eta_2020.value;
    let numbers = vec![
        n("eta_now", eta, 3, cli(&q, "indicators.eta")),
        n(
            "eta_2020",
            eta_2020,
            2,
            data("plan.json#constants.eta_2020"),
        ),
        n(
            "eta_plan",
            d.plan.constants.plan_eta.value,
            2,
            data("plan.json#constants.plan_eta"),
        ),
        n(
            "saving",
            o.indicators.saving_vs_2020,
            3,
            cli(&q, "indicators.saving_vs_2020"),
        ),
        n(
            "agriculture",
            o.sectors.primary,
            2,
            cli(&q, "sectors.primary"),
        ),
    ];
    let picture = Picture {
        unit: "story.unit.percent",
        bars: vec![
            bar("story.bar.reaches_crops", eta * 100.0, false),
            bar("story.bar.lost_on_way", (1.0 - eta) * 100.0, true),
        ],
        line: None,
        decimals: 1,
    };
    (numbers, picture)
}
