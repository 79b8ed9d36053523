//! The last three scenes (towns, the 2030 gap, what you can do): their
//! numbers and pictures, from the data files or the model's outcome for a
//! named scenario, each with what it is (the plan's, the model's, or
//! illustrative).

use super::*;

pub(super) fn towns(d: &Data) -> (Vec<Number>, Picture) {
    let plan_2025 = outcome_of(d, "plan-2025");
    let c = &d.plan.constants;
    let leak_2020 = changji_model::derived::Derived::get()
        .reference(2020.0)
        .value(LeverId::Leakage);
    let leak_source = d
        .preset_value("status-2020", LeverId::Leakage)
        .map(|v| v.source.clone())
        .unwrap_or_default();
    let numbers = vec![
        n(
            "leak_2020",
            leak_2020,
            2,
            cli("preset=status-2020", "indicators.leakage"),
            Kind::Plan(leak_source),
        ),
        n(
            "leakage_cap",
            c.leakage_cap.value,
            0,
            data("plan.json#constants.leakage_cap"),
            Kind::Plan(c.leakage_cap.source.clone()),
        ),
        n(
            "reuse_2020",
            c.reuse_2020.value,
            0,
            data("plan.json#constants.reuse_2020"),
            Kind::Plan(c.reuse_2020.source.clone()),
        ),
        n(
            "reuse_2025",
            c.reuse_target.value,
            0,
            data("plan.json#constants.reuse_target"),
            Kind::Plan(c.reuse_target.source.clone()),
        ),
        n(
            "reclaimed_2020",
            c.reclaimed_2020.value,
            2,
            data("plan.json#constants.reclaimed_2020"),
            Kind::Plan(c.reclaimed_2020.source.clone()),
        ),
        n(
            "reclaimed_2025",
            plan_2025.indicators.reclaimed_m3_per_day,
            2,
            cli("preset=plan-2025", "indicators.reclaimed_m3_per_day"),
            model("story.scenario.plan_2025"),
        ),
    ];
    let picture = Picture {
        unit: "story.unit.wan_m3_day",
        bars: vec![
            bar("story.bar.reclaimed_2020", c.reclaimed_2020.value, false),
            bar(
                "story.bar.reclaimed_2025",
                plan_2025.indicators.reclaimed_m3_per_day,
                false,
            ),
        ],
        line: None,
        decimals: 2,
    };
    (numbers, picture)
}

/// How far we have come: the latest actual years of total use and
/// groundwater against the plan's path.
pub(super) fn progress(_d: &Data) -> (Vec<Number>, Picture) {
    use changji_model::progress::{def, shipped, Measure};
    let actual = |m: Measure, y: u32| shipped().iter().find(|a| a.measure == m && a.year == y);
    let path = |m: Measure, y: u32| {
        def(m)
            .and_then(|d| d.path_at(f64::from(y)))
            .unwrap_or(f64::NAN)
    };
    let path_kind = |m: Measure| {
        let pts = def(m).map(|d| d.path.clone()).unwrap_or_default();
        let join = |f: fn(&changji_model::progress::PathPoint) -> String| {
            pts.iter().map(f).collect::<Vec<_>>().join("、")
        };
        Kind::Plan(Text::new(
            format!(
                "规划路径：{}之间的直线（规划§一(一)(3)）",
                join(|p| format!("{}年{}", p.year, p.value))
            ),
            format!(
                "the plan's path: straight lines between {} (plan §一(一)(3))",
                join(|p| format!("{} in {}", p.value, p.year))
            ),
        ))
    };
    let mut numbers = Vec::new();
    for (name, m, y) in [
        ("total_2023", Measure::Total, 2023),
        ("gw_2022", Measure::Groundwater, 2022),
        ("gw_2023", Measure::Groundwater, 2023),
    ] {
        let a = actual(m, y);
        numbers.push(n(
            name,
            a.map_or(f64::NAN, |a| a.value),
            2,
            Origin::Progress {
                what: "actual",
                measure: m,
                year: y,
            },
            Kind::Actual(
                a.map(|a| a.source.clone()).unwrap_or_default(),
                a.map_or(changji_model::Grade::L, |a| a.grade),
            ),
        ));
    }
    for (name, m, y) in [
        ("total_path_2023", Measure::Total, 2023),
        ("gw_path_2022", Measure::Groundwater, 2022),
        ("gw_path_2023", Measure::Groundwater, 2023),
    ] {
        numbers.push(n(
            name,
            path(m, y),
            2,
            Origin::Progress {
                what: "path",
                measure: m,
                year: y,
            },
            path_kind(m),
        ));
    }
    let get = |k: &str| {
        numbers
            .iter()
            .find(|x| x.name == k)
            .map_or(f64::NAN, |x| x.value)
    };
    let picture = Picture {
        unit: "story.unit.yi",
        bars: vec![
            bar(
                "story.bar.gw_2022",
                get("gw_2022"),
                get("gw_2022") > get("gw_path_2022"),
            ),
            bar("story.bar.gw_path_2022", get("gw_path_2022"), false),
            bar(
                "story.bar.gw_2023",
                get("gw_2023"),
                get("gw_2023") > get("gw_path_2023"),
            ),
            bar("story.bar.gw_path_2023", get("gw_path_2023"), false),
        ],
        line: None,
        decimals: 2,
    };
    (numbers, picture)
}

pub(super) fn challenge(d: &Data) -> (Vec<Number>, Picture) {
    let start = challenge_start(d);
    let o = evaluate(&start, d);
    let caps = d.caps(2030.0);
    let limit = caps.groundwater.value;
    // What groundwater would have to give for every demand to be delivered.
    let need = o.detail.groundwater_demand;
    let numbers = vec![
        n(
            "cap",
            limit,
            2,
            data("plan.json#caps.2030.groundwater"),
            Kind::Plan(caps.groundwater.source.clone()),
        ),
        n(
            "start",
            need,
            2,
            cli(&query_of(d, &start), "detail.groundwater_demand"),
            model("story.scenario.challenge"),
        ),
        n(
            "gap",
            need - limit,
            2,
            Origin::Derived("start − cap"),
            model("story.scenario.challenge"),
        ),
        n(
            "agri_cap",
            caps.agriculture.value,
            2,
            data("plan.json#caps.2030.agriculture"),
            Kind::Plan(caps.agriculture.source.clone()),
        ),
    ];
    let picture = Picture {
        unit: "story.unit.yi",
        bars: vec![bar("story.bar.start_2030", need, need > limit)],
        line: Some((limit, "story.bar.cap_2030")),
        decimals: 2,
    };
    (numbers, picture)
}

pub(super) fn you(d: &Data) -> (Vec<Number>, Picture) {
    let o = outcome_of(d, "plan-2025");
    let k = &d.public.household;
    let urban_pop = changji_model::derived::Derived::get()
        .reference(2025.0)
        .value(LeverId::UrbanPop);
    // Households alone: the urban figure less public use, for the plan's
    // urban residents (the calculator's reference).
    let lpd = changji_model::household::scale(d, 0.0).reference_lpd;
    let homes = lpd * urban_pop * 1e4 * 365.0 / 1000.0 / 1e8;
    let homes_share = homes / o.total * 100.0;
    let fields = o.indicators.sector_shares[0];
    let basis = Text::new(
        format!(
            "示意：规划2025情景城镇人口 × 城镇居民家庭用水{lpd:.0}升/人·日（城镇人均用水减去公共用水；{}）",
            k.public_lpd.source.zh
        ),
        format!(
            "illustrative: the plan-2025 scenario's urban residents × households' {lpd:.0} L/person·d (urban use per person less public use; {})",
            k.public_lpd.source.en
        ),
    );
    let numbers = vec![
        n(
            "homes",
            homes,
            2,
            Origin::Derived("(urban_lpd − household.public_lpd) × urban_pop × 365 (plan-2025)"),
            illustrative(&basis),
        ),
        n(
            "homes_share",
            homes_share,
            1,
            Origin::Derived("homes ÷ total × 100"),
            illustrative(&basis),
        ),
        n(
            "fields_share",
            fields,
            1,
            cli("preset=plan-2025", "indicators.sector_shares.0"),
            model("story.scenario.plan_2025"),
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
