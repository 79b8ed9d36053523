//! The four charts as pure functions of outcomes: `fn(&Outcome, &Outcome) -> Plot`.
//! Natively testable; the page only hands the result to plotly.js.

use crate::format::num;
use crate::i18n::{tr, tr_with, Lang};
use changji_model::uncertainty::{Quantiles, Spread};
use changji_model::{evaluate::CapId, Data, Outcome};
use plotly::common::{
    DashType, ErrorData, ErrorType, Font, Line, Marker, MarkerSymbol, Mode, Orientation, Title,
};
use plotly::configuration::DisplayModeBar;
use plotly::layout::{Axis, BarMode, Legend, Margin};
use plotly::sankey::{Link, Node};
use plotly::{Bar, Configuration, Layout, Plot, Sankey, Scatter};

/// Colour of this scenario's bars.
pub const SCENARIO: &str = "#1f6f9f";
/// Colour of the plan's bars.
pub const PLAN: &str = "#a9b8c6";
/// Colour of the pinned scenario.
pub const PINNED: &str = "#e0a100";
/// Colour of caps and targets.
pub const CAP: &str = "#c0392b";
/// Colours of the sources: surface, groundwater, reclaimed.
pub const SOURCES: [&str; 3] = ["#2f80c0", "#b7791f", "#2f855a"];
/// Colours of the sectors: primary, secondary, tertiary.
pub const SECTORS: [&str; 3] = ["#6b8e23", "#7f5a83", "#d08c3a"];

/// Fonts installed on the reader's machine only: nothing is downloaded.
const FONTS: &str = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

fn base_layout(lang: Lang, y_title: &str) -> Layout {
    Layout::new()
        .font(Font::new().family(FONTS).size(13))
        .margin(Margin::new().left(56).right(12).top(12).bottom(48))
        .legend(Legend::new().orientation(Orientation::Horizontal).y(-0.18))
        .paper_background_color("rgba(0,0,0,0)")
        .plot_background_color("rgba(0,0,0,0)")
        .y_axis(
            Axis::new()
                .title(Title::with_text(format!(
                    "{y_title} ({})",
                    tr(lang, "chart.unit")
                )))
                .zero_line(true)
                .grid_color("#e3e8ee"),
        )
        .auto_size(true)
}

fn config() -> Configuration {
    Configuration::new()
        .display_mode_bar(DisplayModeBar::False)
        .responsive(true)
}

fn cap_markers(lang: Lang, x: Vec<String>, y: Vec<f64>, name: &str) -> Box<Scatter<String, f64>> {
    let _ = lang;
    Scatter::new(x, y).name(name).mode(Mode::Markers).marker(
        Marker::new()
            .symbol(MarkerSymbol::LineEWOpen)
            .size(44)
            .color(CAP)
            .line(plotly::common::Line::new().width(3.0).color(CAP)),
    )
}

fn pinned_bar(lang: Lang, x: Vec<String>, y: Vec<f64>) -> Box<Bar<String, f64>> {
    Bar::new(x, y)
        .name(tr(lang, "chart.pinned"))
        .marker(Marker::new().color(PINNED))
}

/// Error bars from each value to the 5th and 95th percentiles of the Monte Carlo.
fn spread_bars(values: &[f64], band: &[Quantiles]) -> ErrorData {
    ErrorData::new(ErrorType::Data)
        .symmetric(false)
        .array(
            values
                .iter()
                .zip(band)
                .map(|(v, q)| (q.p95 - v).max(0.0))
                .collect(),
        )
        .array_minus(
            values
                .iter()
                .zip(band)
                .map(|(v, q)| (v - q.p5).max(0.0))
                .collect(),
        )
        .color("#0b3c5d")
        .thickness(1.5)
        .width(6)
}

/// Grouped bars of the plan, this scenario (with value labels and, when given,
/// its Monte Carlo 5–95 % band) and the pinned scenario over three categories,
/// with red marks for the limits.
fn bar_comparison(
    lang: Lang,
    labels: Vec<String>,
    vals: impl Fn(&Outcome) -> Vec<f64>,
    (o, plan, pinned, band): (&Outcome, &Outcome, Option<&Outcome>, Option<Vec<Quantiles>>),
    (limits, limit_key, title_key): (Vec<f64>, &str, &str),
) -> Plot {
    let mut plot = Plot::new();
    plot.add_trace(
        Bar::new(labels.clone(), vals(plan))
            .name(tr(lang, "chart.plan"))
            .marker(Marker::new().color(PLAN)),
    );
    let mine = Bar::new(labels.clone(), vals(o))
        .name(tr(lang, "chart.scenario"))
        .text_array(vals(o).iter().map(|v| num(*v, 2)).collect())
        .text_position(plotly::common::TextPosition::Outside)
        .marker(Marker::new().color(SCENARIO));
    plot.add_trace(match band {
        Some(b) => mine.error_y(spread_bars(&vals(o), &b)),
        None => mine,
    });
    if let Some(p) = pinned {
        plot.add_trace(pinned_bar(lang, labels.clone(), vals(p)));
    }
    plot.add_trace(cap_markers(lang, labels, limits, &tr(lang, limit_key)));
    plot.set_layout(base_layout(lang, &tr(lang, title_key)).bar_mode(BarMode::Group));
    plot.set_configuration(config());
    plot
}

/// Supply by source for this scenario and the plan, against each source's cap.
pub fn sources_chart(
    o: &Outcome,
    plan: &Outcome,
    pinned: Option<&Outcome>,
    spread: Option<&Spread>,
    lang: Lang,
) -> Plot {
    let labels: Vec<String> = ["source.surface", "source.groundwater", "source.reclaimed"]
        .iter()
        .map(|k| tr(lang, k))
        .collect();
    let caps: Vec<f64> = [CapId::Surface, CapId::Groundwater, CapId::Other]
        .iter()
        .map(|id| o.cap(*id).map_or(f64::NAN, |c| c.limit))
        .collect();
    bar_comparison(
        lang,
        labels,
        |x| {
            vec![
                x.sources.surface,
                x.sources.groundwater,
                x.sources.reclaimed,
            ]
        },
        (
            o,
            plan,
            pinned,
            spread.map(|sp| {
                [CapId::Surface, CapId::Groundwater, CapId::Other]
                    .iter()
                    .filter_map(|id| sp.cap(*id).map(|c| c.value))
                    .collect()
            }),
        ),
        (caps, "chart.cap", "chart.sources"),
    )
}

/// Use by sector for this scenario and the plan, against the plan's target ratio
/// applied to this scenario's total.
pub fn sectors_chart(
    o: &Outcome,
    plan: &Outcome,
    pinned: Option<&Outcome>,
    spread: Option<&Spread>,
    lang: Lang,
) -> Plot {
    let labels: Vec<String> = ["sector.primary", "sector.secondary", "sector.tertiary"]
        .iter()
        .map(|k| tr(lang, k))
        .collect();
    let shares = Data::get().plan.constants.target_shares_2025.value;
    let target: Vec<f64> = shares.iter().map(|s| s / 100.0 * o.total).collect();
    bar_comparison(
        lang,
        labels,
        |x| vec![x.sectors.primary, x.sectors.secondary, x.sectors.tertiary],
        (
            o,
            plan,
            pinned,
            spread.map(|sp| vec![sp.primary, sp.secondary, sp.tertiary]),
        ),
        (target, "chart.target", "chart.sectors"),
    )
}

/// Total and groundwater from the 2015/2019/2020 figures to the scenario year,
/// with the caps of each year.
pub fn path_chart(
    o: &Outcome,
    plan: &Outcome,
    pinned: Option<&Outcome>,
    _spread: Option<&Spread>,
    lang: Lang,
) -> Plot {
    let data = Data::get();
    let mut plot = Plot::new();
    let hist: Vec<_> = data
        .plan
        .history
        .iter()
        .filter(|h| h.kind == "actual")
        .collect();
    let mut hx: Vec<f64> = hist.iter().map(|h| f64::from(h.year)).collect();
    let mut hy: Vec<f64> = hist.iter().map(|h| h.total).collect();
    // The 2015 index and each year's caps.
    let mut cx = vec![2015.0];
    let mut cy = vec![data
        .plan
        .history
        .iter()
        .find(|h| h.year == 2015)
        .map_or(f64::NAN, |h| h.total)];
    let mut gx = vec![2015.0];
    let mut gy = vec![data
        .plan
        .history
        .iter()
        .find(|h| h.year == 2015)
        .and_then(|h| h.groundwater)
        .unwrap_or(f64::NAN)];
    for c in &data.plan.caps {
        cx.push(f64::from(c.year));
        cy.push(c.total.value);
        gx.push(f64::from(c.year));
        gy.push(c.groundwater.value);
    }
    plot.add_trace(
        Scatter::new(cx, cy)
            .name(tr(lang, "chart.caps_path"))
            .mode(Mode::LinesMarkers)
            .line(Line::new().color(CAP).dash(DashType::Dash).width(2.0)),
    );
    plot.add_trace(
        Scatter::new(gx, gy)
            .name(tr(lang, "chart.gw_caps_path"))
            .mode(Mode::LinesMarkers)
            .line(Line::new().color(SOURCES[1]).dash(DashType::Dot).width(2.0)),
    );
    let last = (
        hx.last().copied().unwrap_or(2020.0),
        hy.last().copied().unwrap_or(f64::NAN),
    );
    plot.add_trace(
        Scatter::new(hx.clone(), hy.clone())
            .name(tr(lang, "chart.actual"))
            .mode(Mode::LinesMarkers)
            .line(Line::new().color("#333").width(2.5)),
    );
    let to = |x: &Outcome| (vec![last.0, f64::from(x.year)], vec![last.1, x.total]);
    let (px, py) = to(plan);
    plot.add_trace(
        Scatter::new(px, py)
            .name(tr(lang, "chart.plan"))
            .mode(Mode::LinesMarkers)
            .line(Line::new().color(PLAN).width(3.0)),
    );
    if let Some(p) = pinned {
        let (qx, qy) = to(p);
        plot.add_trace(
            Scatter::new(qx, qy)
                .name(tr(lang, "chart.pinned"))
                .mode(Mode::LinesMarkers)
                .line(Line::new().color(PINNED).width(2.5).dash(DashType::DashDot)),
        );
    }
    let (sx, sy) = to(o);
    hx.clear();
    hy.clear();
    plot.add_trace(
        Scatter::new(sx, sy)
            .name(tr(lang, "chart.scenario"))
            .mode(Mode::LinesMarkers)
            .line(Line::new().color(SCENARIO).width(3.0))
            .marker(Marker::new().size(10)),
    );
    plot.add_trace(
        Scatter::new(vec![f64::from(o.year)], vec![o.sources.groundwater])
            .name(tr(lang, "source.groundwater"))
            .mode(Mode::Markers)
            .marker(
                Marker::new()
                    .size(10)
                    .color(SOURCES[1])
                    .symbol(MarkerSymbol::Diamond),
            ),
    );
    plot.set_layout(
        base_layout(lang, &tr(lang, "chart.path"))
            .x_axis(Axis::new().dtick(5.0).range(vec![2014.0, 2031.0])),
    );
    plot.set_configuration(config());
    plot
}

/// The flows from sources to sectors (reclaimed water to industry and ecology
/// first, fresh water to the rest in proportion to surface and groundwater).
pub fn flows(o: &Outcome) -> Vec<(usize, usize, f64)> {
    let r = o.sources.reclaimed;
    let eligible = o.sectors.secondary + o.detail.eco;
    let (r_sec, r_ter) = if eligible > 0.0 {
        (
            r * o.sectors.secondary / eligible,
            r * o.detail.eco / eligible,
        )
    } else {
        (0.0, 0.0)
    };
    let fresh = o.sources.surface + o.sources.groundwater;
    let sf = if fresh > 0.0 {
        o.sources.surface / fresh
    } else {
        0.0
    };
    let need = [
        o.sectors.primary,
        (o.sectors.secondary - r_sec).max(0.0),
        (o.sectors.tertiary - r_ter).max(0.0),
    ];
    let mut links = Vec::new();
    for (k, n) in need.iter().enumerate() {
        links.push((0, 3 + k, n * sf));
        links.push((1, 3 + k, n * (1.0 - sf)));
    }
    links.push((2, 4, r_sec));
    links.push((2, 5, r_ter));
    links.retain(|l| l.2 > 1e-9);
    links
}

/// Flow diagram from sources to sectors; node labels carry this scenario's and
/// the plan's values.
pub fn flow_chart(
    o: &Outcome,
    plan: &Outcome,
    pinned: Option<&Outcome>,
    _spread: Option<&Spread>,
    lang: Lang,
) -> Plot {
    let _ = pinned; // The flow diagram compares with the plan in its labels only.
    let plan_word = tr(lang, "chart.plan");
    let label = |key: &str, v: f64, p: f64| {
        format!(
            "{} {} ({plan_word} {})",
            tr(lang, key),
            num(v, 2),
            num(p, 2)
        )
    };
    let labels = [
        label("source.surface", o.sources.surface, plan.sources.surface),
        label(
            "source.groundwater",
            o.sources.groundwater,
            plan.sources.groundwater,
        ),
        label(
            "source.reclaimed",
            o.sources.reclaimed,
            plan.sources.reclaimed,
        ),
        label("sector.primary", o.sectors.primary, plan.sectors.primary),
        label(
            "sector.secondary",
            o.sectors.secondary,
            plan.sectors.secondary,
        ),
        label("sector.tertiary", o.sectors.tertiary, plan.sectors.tertiary),
    ];
    let links = flows(o);
    let mut colors: Vec<&str> = SOURCES.to_vec();
    colors.extend(SECTORS);
    let node = Node::new()
        .label(labels.iter().map(String::as_str).collect())
        .color_array(colors.iter().map(|c| c.to_string()).collect())
        .pad(18)
        .thickness(18);
    let link = Link::new()
        .source(links.iter().map(|l| l.0).collect())
        .target(links.iter().map(|l| l.1).collect())
        .value(
            links
                .iter()
                .map(|l| (l.2 * 1e4).round() / 1e4)
                .collect::<Vec<f64>>(),
        )
        .color_array(
            links
                .iter()
                .map(|l| format!("{}66", SOURCES[l.0.min(2)]))
                .collect(),
        );
    let mut plot = Plot::new();
    plot.add_trace(
        Sankey::new()
            .node(node)
            .link(link)
            .orientation(Orientation::Horizontal),
    );
    plot.set_layout(
        Layout::new()
            .font(Font::new().family(FONTS).size(12))
            .margin(Margin::new().left(8).right(8).top(8).bottom(8))
            .paper_background_color("rgba(0,0,0,0)")
            .auto_size(true),
    );
    plot.set_configuration(config());
    let _ = tr_with;
    plot
}

#[cfg(test)]
mod tests {
    use super::*;
    use changji_model::{evaluate, Scenario};

    fn outcome(p: &str) -> Outcome {
        let d = Data::get();
        evaluate(&Scenario::preset(d, p).expect("preset"), d)
    }

    #[test]
    fn flows_conserve_water() {
        for p in ["plan-2025", "status-2020", "dry-95", "surface-14.5"] {
            let o = outcome(p);
            let links = flows(&o);
            let out_of = |n: usize| links.iter().filter(|l| l.0 == n).map(|l| l.2).sum::<f64>();
            let into = |n: usize| links.iter().filter(|l| l.1 == n).map(|l| l.2).sum::<f64>();
            assert!((out_of(0) - o.sources.surface).abs() < 1e-9, "{p}");
            assert!((out_of(1) - o.sources.groundwater).abs() < 1e-9, "{p}");
            assert!((out_of(2) - o.sources.reclaimed).abs() < 1e-9, "{p}");
            assert!((into(3) - o.sectors.primary).abs() < 1e-9, "{p}");
            assert!((into(4) - o.sectors.secondary).abs() < 1e-9, "{p}");
            assert!((into(5) - o.sectors.tertiary).abs() < 1e-9, "{p}");
        }
    }

    #[test]
    fn every_chart_shows_plan_and_scenario() {
        let o = outcome("dry-95");
        let plan = outcome("plan-2025");
        for lang in [Lang::Zh, Lang::En] {
            for plot in [
                sources_chart(&o, &plan, None, None, lang),
                sectors_chart(&o, &plan, None, None, lang),
                path_chart(&o, &plan, None, None, lang),
            ] {
                let json = plot.to_json();
                assert!(json.contains(&tr(lang, "chart.plan")), "{json}");
                assert!(json.contains(&tr(lang, "chart.scenario")), "{json}");
            }
            let json = flow_chart(&o, &plan, None, None, lang).to_json();
            assert!(json.contains("sankey") && json.contains(&tr(lang, "chart.plan")));
        }
    }

    #[test]
    fn a_pinned_scenario_appears_on_the_charts() {
        let o = outcome("dry-95");
        let plan = outcome("plan-2025");
        let pin = outcome("status-2020");
        for plot in [
            sources_chart(&o, &plan, Some(&pin), None, Lang::En),
            sectors_chart(&o, &plan, Some(&pin), None, Lang::En),
            path_chart(&o, &plan, Some(&pin), None, Lang::En),
        ] {
            assert!(plot.to_json().contains(&tr(Lang::En, "chart.pinned")));
        }
        assert!(!sources_chart(&o, &plan, None, None, Lang::En)
            .to_json()
            .contains(&tr(Lang::En, "chart.pinned")));
    }

    #[test]
    fn sources_chart_carries_the_numbers() {
        let o = outcome("surface-14.5");
        let plan = outcome("plan-2025");
        let v: serde_json::Value =
            serde_json::from_str(&sources_chart(&o, &plan, None, None, Lang::En).to_json())
                .expect("json");
        let y = &v["data"][1]["y"];
        assert_eq!(y[0].as_f64(), Some(14.5));
        assert_eq!(v["data"][2]["y"][1].as_f64(), Some(7.64));
    }
}

#[cfg(test)]
mod spread_tests {
    use super::*;
    use changji_model::uncertainty::{spread, Draws};
    use changji_model::{evaluate, Scenario};

    #[test]
    fn the_monte_carlo_band_rides_on_the_scenario_bars() {
        let data = Data::get();
        let s = Scenario::preset(data, "dry-95").expect("preset");
        let o = evaluate(&s, data);
        let sp = spread(&s, data, Draws::get());
        let json: serde_json::Value =
            serde_json::from_str(&sources_chart(&o, &o, None, Some(&sp), Lang::En).to_json())
                .expect("json");
        let bars = &json["data"][1];
        let up = bars["error_y"]["array"].as_array().expect("error bars");
        let down = bars["error_y"]["arrayminus"]
            .as_array()
            .expect("error bars");
        let gw = sp.cap(CapId::Groundwater).expect("cap").value;
        let v = o.sources.groundwater;
        assert!((up[1].as_f64().expect("num") - (gw.p95 - v).max(0.0)).abs() < 1e-9);
        assert!((down[1].as_f64().expect("num") - (v - gw.p5).max(0.0)).abs() < 1e-9);
        // In a 95 % year almost every other year is wetter: the band reaches down.
        assert!(
            down[1].as_f64().expect("num") > 0.1,
            "the dry year spreads groundwater"
        );
    }
}
