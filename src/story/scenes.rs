//! The first four scenes (water, groundwater, fields, efficiency): their
//! numbers and pictures, from the data files or the model's outcome for a
//! named scenario, each with what it is (the plan's, the model's, or
//! illustrative).

use super::*;
use changji_model::household::scale;

pub(super) fn water(d: &Data) -> (Vec<Number>, Picture) {
    let r = &d.public.resources;
    let c = &d.plan.constants;
    let used = c.total_2020.value;
    // Fresh water: the plan's 2020 use less its reclaimed water (7.57 万m³/d).
    let fresh = used - c.reclaimed_2020.value * 365.0 / 1e4;
    let tub = &d.public.equivalents.bathtub_litres;
    let numbers = vec![
        n(
            "total",
            r.total.value,
            2,
            data("public.json#resources.total"),
            Kind::Plan(r.total.source.clone()),
        ),
        n(
            "usable",
            r.usable.value,
            1,
            data("public.json#resources.usable"),
            Kind::Plan(r.usable.source.clone()),
        ),
        n(
            "used",
            used,
            2,
            data("plan.json#constants.total_2020"),
            Kind::Plan(c.total_2020.source.clone()),
        ),
        n(
            "fresh",
            fresh,
            2,
            Origin::Derived("constants.total_2020 − constants.reclaimed_2020 × 365 ÷ 10⁴"),
            plan(
                "规划§一(一)(3)的25.48减去§13.3(1)的再生水7.57万m³/d",
                "Plan §一(一)(3)'s 25.48 less §13.3(1)'s reclaimed water, 7.57 万m³/d",
            ),
        ),
        n(
            "tubs_yi",
            1e8 * 1000.0 / tub.value / 1e8,
            1,
            Origin::Derived("10⁸ m³ × 1000 ÷ public.equivalents.bathtub_litres ÷ 10⁸"),
            illustrative(&tub.source),
        ),
    ];
    let picture = Picture {
        unit: "story.unit.yi",
        bars: vec![
            bar("story.bar.resources", r.total.value, false),
            bar("story.bar.usable", r.usable.value, false),
            bar(
                "story.bar.fresh_2020",
                fresh,
                fresh >= r.usable.value - 0.05,
            ),
        ],
        line: Some((r.usable.value, "story.bar.usable")),
        decimals: 2,
    };
    (numbers, picture)
}

pub(super) fn groundwater(d: &Data) -> (Vec<Number>, Picture) {
    let h2015 = d.plan.history.iter().find(|h| h.year == 2015);
    let y2015 = h2015.and_then(|h| h.groundwater).unwrap_or(f64::NAN);
    let r = &d.public.resources;
    let exploitable = r.groundwater_exploitable.value;
    let caps = [2020, 2025, 2030].map(|y| cap(d, y, CapId::Groundwater));
    let cap_source =
        |y: u32| Kind::Plan(d.caps(f64::from(y)).get(CapId::Groundwater).source.clone());
    let numbers = vec![
        n(
            "y2015",
            y2015,
            2,
            data("plan.json#history.2015.groundwater"),
            Kind::Plan(h2015.map(|h| h.source.clone()).unwrap_or_default()),
        ),
        n(
            "y2020",
            caps[0],
            2,
            data("plan.json#caps.2020.groundwater"),
            cap_source(2020),
        ),
        n(
            "y2025",
            caps[1],
            2,
            data("plan.json#caps.2025.groundwater"),
            cap_source(2025),
        ),
        n(
            "y2030",
            caps[2],
            2,
            data("plan.json#caps.2030.groundwater"),
            cap_source(2030),
        ),
        n(
            "exploitable",
            exploitable,
            2,
            data("public.json#resources.groundwater_exploitable"),
            Kind::Plan(r.groundwater_exploitable.source.clone()),
        ),
        n(
            "cut",
            r.groundwater_cut.value,
            2,
            data("public.json#resources.groundwater_cut"),
            Kind::Plan(r.groundwater_cut.source.clone()),
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
    // The plan's 2020 figures: 22.36 of 25.48 to the primary sector (87.76 %).
    let h2020 = d.plan.history.iter().find(|h| h.year == 2020);
    let share = h2020
        .and_then(|h| h.primary.map(|p| p / h.total * 100.0))
        .unwrap_or(f64::NAN);
    let crop = d.crops.iter().find(|c| c.id == LeverId::Cotton);
    let cotton = crop.map_or(f64::NAN, |c| c.drip);
    let eq = &d.public.equivalents;
    let tubs = cotton * 1000.0 / eq.bathtub_litres.value;
    let family = family_year_m3(d);
    let household = Text::new(
        format!(
            "{}；{}；家庭用水为示意值（见“我家用水”）",
            eq.family_size.source.zh, eq.bathtub_litres.source.zh
        ),
        format!(
            "{}; {}; the household figure is illustrative (see My household)",
            eq.family_size.source.en, eq.bathtub_litres.source.en
        ),
    );
    let numbers = vec![
        n(
            "share",
            share,
            1,
            Origin::Derived("history.2020.primary ÷ history.2020.total × 100"),
            Kind::Plan(h2020.map(|h| h.source.clone()).unwrap_or_default()),
        ),
        n(
            "cotton_m3",
            cotton,
            0,
            data("crops.json#cotton.drip"),
            illustrative(&crop.map(|c| c.source.clone()).unwrap_or_default()),
        ),
        n(
            "family",
            eq.family_size.value,
            0,
            data("public.json#equivalents.family_size"),
            illustrative(&eq.family_size.source),
        ),
        n(
            "tubs",
            tubs,
            0,
            Origin::Derived("cotton × 1000 ÷ public.equivalents.bathtub_litres"),
            illustrative(&eq.bathtub_litres.source),
        ),
        n(
            "families",
            cotton / family,
            1,
            Origin::Derived("cotton ÷ (family_size × households' L/person·d × 365 ÷ 1000)"),
            illustrative(&household),
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
    let c = &d.plan.constants;
    let numbers = vec![
        n(
            "eta_now",
            eta,
            3,
            cli(&q, "indicators.eta"),
            model("story.scenario.plan_eta"),
        ),
        n(
            "eta_2020",
            c.eta_2020.value,
            2,
            data("plan.json#constants.eta_2020"),
            Kind::Plan(c.eta_2020.source.clone()),
        ),
        n(
            "eta_plan",
            c.plan_eta.value,
            2,
            data("plan.json#constants.plan_eta"),
            Kind::Plan(c.plan_eta.source.clone()),
        ),
        n(
            "saving",
            o.indicators.saving_vs_2020,
            3,
            cli(&q, "indicators.saving_vs_2020"),
            model("story.scenario.plan_eta"),
        ),
        n(
            "agriculture",
            o.sectors.primary,
            2,
            cli(&q, "sectors.primary"),
            model("story.scenario.plan_eta"),
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
