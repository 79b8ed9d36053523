//! The last three scenes (towns, the 2030 gap, what you can do): their
//! numbers and pictures, from the data files or the model's outcome for a
//! named scenario.

use super::*;

pub(super) fn towns(d: &Data) -> (Vec<Number>, Picture) {
    let now = outcome_of(d, "status-2020");
    let plan = outcome_of(d, "plan-2025");
    let leakage_cap = d.plan.constants.leakage_cap.value;
    let numbers = vec![
        n(
            "leak_2020",
            now.indicators.leakage,
            2,
            cli("preset=status-2020", "indicators.leakage"),
        ),
        n(
            "leakage_cap",
            leakage_cap,
            0,
            data("plan.json#constants.leakage_cap"),
        ),
        n(
            "reuse_2020",
            now.indicators.reuse,
            0,
            cli("preset=status-2020", "indicators.reuse"),
        ),
        n(
            "reuse_2025",
            plan.indicators.reuse,
            0,
            cli("preset=plan-2025", "indicators.reuse"),
        ),
        n(
            "reclaimed_2020",
            now.indicators.reclaimed_m3_per_day,
            2,
            cli("preset=status-2020", "indicators.reclaimed_m3_per_day"),
        ),
        n(
            "reclaimed_2025",
            plan.indicators.reclaimed_m3_per_day,
            2,
            cli("preset=plan-2025", "indicators.reclaimed_m3_per_day"),
        ),
    ];
    let picture = Picture {
        unit: "story.unit.wan_m3_day",
        bars: vec![
            bar(
                "story.bar.reclaimed_2020",
                now.indicators.reclaimed_m3_per_day,
                false,
            ),
            bar(
                "story.bar.reclaimed_2025",
                plan.indicators.reclaimed_m3_per_day,
                false,
            ),
        ],
        line: None,
        decimals: 2,
    };
    (numbers, picture)
}

pub(super) fn challenge(d: &Data) -> (Vec<Number>, Picture) {
    let start = challenge_start(d);
    let o = evaluate(&start, d);
    let limit = cap(d, 2030, CapId::Groundwater);
    let gw = o.sources.groundwater;
    let numbers = vec![
        n(
            "start",
            gw,
            2,
            cli(&query_of(d, &start), "sources.groundwater"),
        ),
        n("cap", limit, 2, data("plan.json#caps.2030.groundwater")),
        n("gap", gw - limit, 2, Origin::Derived("start − cap")),
    ];
    let picture = Picture {
        unit: "story.unit.yi",
        bars: vec![bar("story.bar.start_2030", gw, gw > limit)],
        line: Some((limit, "story.bar.cap_2030")),
        decimals: 2,
    };
    (numbers, picture)
}

pub(super) fn you(d: &Data) -> (Vec<Number>, Picture) {
    let o = outcome_of(d, "plan-2025");
    let homes = o.detail.urban_use;
    let homes_share = homes / o.total * 100.0;
    let fields = o.indicators.sector_shares[0];
    let numbers = vec![
        n(
            "homes",
            homes,
            2,
            cli("preset=plan-2025", "detail.urban_use"),
        ),
        n(
            "homes_share",
            homes_share,
            1,
            Origin::Derived("detail.urban_use ÷ total × 100"),
        ),
        n(
            "fields_share",
            fields,
            1,
            cli("preset=plan-2025", "indicators.sector_shares.0"),
        ),
    ];
    let picture = Picture {
        unit: "story.unit.percent",
        bars: vec![
            bar("story.bar.fields", fields, true),
            bar("story.bar.homes", homes_share, false),
        ],
        line: None,
        decimals: 1,
    };
    (numbers, picture)
}
