//! The four charts as pure functions of outcomes, each a figure built with the
//! `plotly` crate's typed traces and layouts (what plotly.js's schema allows,
//! the compiler checks). Natively testable; the page hands the figure's JSON to
//! plotly.js, which it loads lazily (`crate::plotly_js`).
//!
//! The crate's own `bindings` are not used: they take an element id instead of
//! the element and panic when plotly.js refuses a figure, where the page shows
//! a text fallback.

use crate::fonts::FONTS;
use crate::format::num;
use crate::i18n::{tr, Lang};
use changji_model::quantity::Quantity;
use changji_model::uncertainty::{Quantiles, Spread};
use changji_model::{Data, Outcome};
use plotly::common::{
    DashType, ErrorData, ErrorType, Font, Line, Marker, MarkerSymbol, Mode, Orientation,
    TextPosition, TickMode, Title,
};
use plotly::layout::{Axis, AxisRange, BarMode, Legend, Margin, RangeMode};
use plotly::{Bar, Layout, Scatter};

mod figure;
mod flow;
mod path;
pub mod table;
mod ticks;

use figure::AnyTrace;
pub use figure::{Figure, LegendEntry, Swatch};
pub use flow::{flow_chart, flow_legend, flows};
pub use path::{path_chart, path_legend};

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
/// Colour of the reported use.
const ACTUAL: &str = "#333";
/// Colour of the chart grid.
const GRID: &str = "#e3e8ee";
/// A transparent background: the page's shows through.
const CLEAR: &str = "rgba(0,0,0,0)";

/// plotly.js's format for a value in a hover label: 亿m³ to the hundredth, as
/// the charts' own labels write it (`num(v, 2)`), not the model's raw float.
const HOVER_VALUE: &str = ".2f";

/// The font of every chart, at `size` pixels.
fn font(size: usize) -> Font {
    Font::new().family(FONTS).size(size)
}

/// An axis of the page's charts. It does not zoom or pan: without a mode bar
/// a zoom could not be undone but by a double click, a finger scrolling past a
/// chart on a phone would zoom it, and plotly.js then has no drag handles to
/// build on each redraw. Its margin grows to hold its tick labels and title
/// (long labels turn on a narrow chart and would be cut off at the edge).
fn axis() -> Axis {
    Axis::new().fixed_range(true).auto_margin(true)
}

/// A category axis whose labels are broken into short lines
/// ([`ticks::wrap`]), so that they fit side by side instead of turning and
/// taking the chart's height. The traces keep the whole names (hover labels,
/// the data table).
fn category_axis(labels: &[String]) -> Axis {
    axis()
        .tick_mode(TickMode::Array)
        .tick_values((0..labels.len()).map(|i| i as f64).collect())
        .tick_text(labels.iter().map(|l| ticks::wrap(l)).collect())
}

/// The layout every chart starts from. The y axis's title is the unit alone
/// (亿m³, ×10⁸ m³ as the cap cards write it; with the chart's title it was
/// cut off at both ends). It starts at 0: every quantity is a volume, and
/// plotly.js's own range went to −10 on a short plot (room for bar labels).
fn base_layout(lang: Lang) -> Layout {
    Layout::new()
        .font(font(13))
        .margin(Margin::new().left(56).right(12).top(12).bottom(48))
        .show_legend(false)
        .legend(Legend::new().orientation(Orientation::Horizontal).y(-0.18))
        .paper_background_color(CLEAR)
        .plot_background_color(CLEAR)
        .x_axis(axis())
        .y_axis(
            axis()
                .title(Title::with_text(crate::format::unit(lang, "亿m³")))
                .range_mode(RangeMode::NonNegative)
                .zero_line(true)
                .grid_color(GRID)
                .hover_format(HOVER_VALUE),
        )
        .auto_size(true)
}

fn entry(name: String, color: &'static str, swatch: Swatch) -> LegendEntry {
    LegendEntry {
        name,
        color,
        swatch,
    }
}

fn cap_markers(x: &[String], y: &[f64], name: &str) -> AnyTrace {
    Scatter::new(x.to_vec(), y.to_vec())
        .name(name)
        .mode(Mode::Markers)
        .marker(
            Marker::new()
                .symbol(MarkerSymbol::LineEWOpen)
                .size(44)
                .color(CAP)
                .line(plotly::common::Line::new().width(3.0).color(CAP)),
        )
        .into()
}

/// Error bars from each value to the 5th and 95th percentiles of the Monte Carlo.
fn spread_bars(values: &[f64], band: &[Quantiles]) -> ErrorData {
    let up: Vec<f64> = values
        .iter()
        .zip(band)
        .map(|(v, q)| (q.p95 - v).max(0.0))
        .collect();
    let down: Vec<f64> = values
        .iter()
        .zip(band)
        .map(|(v, q)| (v - q.p5).max(0.0))
        .collect();
    ErrorData::new(ErrorType::Data)
        .symmetric(false)
        .array(up)
        .array_minus(down)
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
    (limits, limit_key): (Vec<f64>, &str),
) -> Figure {
    let bar = |y: Vec<f64>, name: String, color: &str| {
        Bar::new(labels.clone(), y)
            .name(name)
            .marker(Marker::new().color(color.to_string()))
    };
    let values = vals(o);
    let mut mine = bar(values.clone(), tr(lang, "chart.scenario"), SCENARIO)
        .text_array(values.iter().map(|v| num(*v, 2)).collect())
        .text_position(TextPosition::Outside);
    if let Some(b) = band {
        mine = mine.error_y(spread_bars(&values, &b));
    }
    let mut traces: Vec<AnyTrace> = vec![
        bar(vals(plan), tr(lang, "chart.plan"), PLAN).into(),
        mine.into(),
    ];
    if let Some(p) = pinned {
        traces.push(bar(vals(p), tr(lang, "chart.pinned"), PINNED).into());
    }
    traces.push(cap_markers(&labels, &limits, &tr(lang, limit_key)));
    let layout = base_layout(lang)
        .x_axis(category_axis(&labels))
        .bar_mode(BarMode::Group);
    Figure::new(traces, layout)
}

/// A chart's legend in a language, with a pinned scenario's entry when one is
/// pinned: the entries change with nothing else, so the page builds them
/// without building the figure (at start-up that compiled and ran every
/// chart's figure code, one task of 60–100 ms at 4× CPU slowdown).
pub type LegendOf = fn(Lang, bool) -> Vec<LegendEntry>;

/// The legend of a bar chart ([`bar_comparison`]) whose limits are named by
/// `limit_key`.
fn bar_legend(lang: Lang, pinned: bool, limit_key: &str) -> Vec<LegendEntry> {
    let mut legend = vec![
        entry(tr(lang, "chart.plan"), PLAN, Swatch::Bar),
        entry(tr(lang, "chart.scenario"), SCENARIO, Swatch::Bar),
    ];
    if pinned {
        legend.push(entry(tr(lang, "chart.pinned"), PINNED, Swatch::Bar));
    }
    legend.push(entry(tr(lang, limit_key), CAP, Swatch::Mark));
    legend
}

/// The legend of [`sources_chart`], with the pinned scenario's entry when one
/// is `pinned`.
pub fn sources_legend(lang: Lang, pinned: bool) -> Vec<LegendEntry> {
    bar_legend(lang, pinned, SOURCES_LIMIT)
}

/// The legend of [`sectors_chart`].
pub fn sectors_legend(lang: Lang, pinned: bool) -> Vec<LegendEntry> {
    bar_legend(lang, pinned, SECTORS_LIMIT)
}

/// What the red marks of the sources chart are: the caps.
const SOURCES_LIMIT: &str = "chart.cap";
/// What the red marks of the sectors chart are: the target ratio.
const SECTORS_LIMIT: &str = "chart.target";

/// The names of some quantities of the model's table.
fn quantity_labels(qs: &[Quantity], lang: Lang) -> Vec<String> {
    qs.iter()
        .map(|q| tr(lang, &q.label_key().unwrap_or_default()))
        .collect()
}

/// Their values in an outcome.
fn quantity_values(qs: &[Quantity], o: &Outcome) -> Vec<f64> {
    let data = Data::get();
    qs.iter()
        .map(|q| q.in_outcome(data, o).unwrap_or(f64::NAN))
        .collect()
}

/// Supply by source for this scenario and the plan, against each source's cap.
pub fn sources_chart(
    o: &Outcome,
    plan: &Outcome,
    pinned: Option<&Outcome>,
    spread: Option<&Spread>,
    lang: Lang,
) -> Figure {
    let labels = quantity_labels(&Quantity::SOURCES, lang);
    let caps: Vec<f64> = Quantity::SOURCES
        .iter()
        .map(|q| {
            q.cap()
                .and_then(|id| o.cap(id))
                .map_or(f64::NAN, |c| c.limit)
        })
        .collect();
    bar_comparison(
        lang,
        labels,
        |x| quantity_values(&Quantity::SOURCES, x),
        (
            o,
            plan,
            pinned,
            spread.map(|sp| {
                Quantity::SOURCES
                    .iter()
                    .filter_map(|q| q.cap().and_then(|id| sp.cap(id)).map(|c| c.value))
                    .collect()
            }),
        ),
        (caps, SOURCES_LIMIT),
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
) -> Figure {
    let labels = quantity_labels(&Quantity::SECTORS, lang);
    let shares = Data::get().plan.constants.target_shares_2025.value;
    let target: Vec<f64> = shares.iter().map(|s| s / 100.0 * o.total).collect();
    bar_comparison(
        lang,
        labels,
        |x| quantity_values(&Quantity::SECTORS, x),
        (
            o,
            plan,
            pinned,
            spread.map(|sp| vec![sp.primary, sp.secondary, sp.tertiary]),
        ),
        (target, SECTORS_LIMIT),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use changji_model::uncertainty::{spread, Draws};
    use changji_model::{evaluate, Scenario};

    fn outcome(p: &str) -> Outcome {
        let d = Data::get();
        evaluate(&Scenario::preset(d, p).expect("preset"), d)
    }

    /// The bar and line charts of `o` against itself, as plotly.js's JSON.
    fn cartesian_json(o: &Outcome, lang: Lang) -> [serde_json::Value; 3] {
        cartesian_json_with(o, None, lang)
    }

    /// The same, with the Monte Carlo's error bars from `spread`.
    fn cartesian_json_with(
        o: &Outcome,
        spread: Option<&Spread>,
        lang: Lang,
    ) -> [serde_json::Value; 3] {
        [
            sources_chart(o, o, None, spread, lang),
            sectors_chart(o, o, None, spread, lang),
            path_chart(o, o, None, spread, lang),
        ]
        .map(|fig| serde_json::from_str(&fig.to_json()).expect("json"))
    }

    #[test]
    fn category_ticks_are_wrapped_and_the_bars_keep_whole_names() {
        let o = outcome("plan-2025");
        for lang in [Lang::Zh, Lang::En] {
            for (fig, qs) in [(0, &Quantity::SOURCES), (1, &Quantity::SECTORS)] {
                let fig = &cartesian_json(&o, lang)[fig];
                let names = quantity_labels(qs, lang);
                let x = &fig["layout"]["xaxis"];
                assert_eq!(x["tickvals"], serde_json::json!([0.0, 1.0, 2.0]));
                for (k, name) in names.iter().enumerate() {
                    assert_eq!(x["ticktext"][k], ticks::wrap(name));
                    assert_eq!(fig["data"][1]["x"][k], *name, "the bars keep the name");
                }
            }
        }
    }

    #[test]
    fn the_y_axis_title_is_the_unit() {
        // The chart's own title says what it shows; the axis gives the unit,
        // short enough for the smallest plot (the e2e test "no chart's text
        // is cut off" checks the fit in the browser).
        let o = outcome("plan-2025");
        for (lang, unit) in [(Lang::Zh, "亿m³"), (Lang::En, "×10⁸ m³")] {
            for fig in cartesian_json(&o, lang) {
                assert_eq!(fig["layout"]["yaxis"]["title"]["text"], unit);
                assert_eq!(fig["layout"]["yaxis"]["automargin"], true);
            }
        }
    }

    #[test]
    fn the_y_axis_never_goes_below_zero_and_hides_no_value() {
        // Every value and every error bar's foot is a volume, 0 or more, so
        // the axis that starts at 0 hides nothing, in every preset, with
        // its Monte Carlo's error bars drawn.
        let data = Data::get();
        let mut feet = 0;
        for p in data.presets.iter().map(|d| d.id.as_str()) {
            let s = Scenario::preset(data, p).expect("preset");
            let o = evaluate(&s, data);
            let sp = spread(&s, data, Draws::get());
            for fig in cartesian_json_with(&o, Some(&sp), Lang::En) {
                assert_eq!(fig["layout"]["yaxis"]["rangemode"], "nonnegative");
                for t in fig["data"].as_array().expect("traces") {
                    let ys = t["y"].as_array().expect("y");
                    let minus = t["error_y"]["arrayminus"].as_array();
                    for (k, y) in ys.iter().enumerate() {
                        let y = y.as_f64().expect("number");
                        let foot = minus.map_or(0.0, |m| m[k].as_f64().expect("number"));
                        feet += usize::from(minus.is_some());
                        assert!(y - foot >= 0.0, "{p}: {} {y} - {foot}", t["name"]);
                    }
                }
            }
        }
        assert!(feet > 0, "the error bars' feet were checked");
    }

    #[test]
    fn the_flow_table_names_each_flow_by_its_nodes() {
        let o = outcome("plan-2025");
        for lang in [Lang::Zh, Lang::En] {
            let rows = table::rows(&flow_chart(&o, &o, None, None, lang).to_json());
            let names = |qs: &[Quantity]| -> Vec<String> {
                quantity_labels(qs, lang)
                    .iter()
                    .map(|n| ticks::short(n).to_string())
                    .collect()
            };
            let (from, to) = (names(&Quantity::SOURCES), names(&Quantity::SECTORS));
            assert_eq!(rows.len(), flows(&o).len());
            for r in &rows {
                assert!(from.contains(&r.series), "{r:?} / {from:?}");
                assert!(to.contains(&r.at), "{r:?} / {to:?}");
            }
        }
    }

    #[test]
    fn each_legend_names_its_charts_traces() {
        let o = outcome("dry-95");
        let plan = outcome("plan-2025");
        let pin = outcome("status-2020");
        for lang in [Lang::Zh, Lang::En] {
            for pinned in [None, Some(&pin)] {
                let charts: [(Figure, LegendOf); 4] = [
                    (sources_chart(&o, &plan, pinned, None, lang), sources_legend),
                    (sectors_chart(&o, &plan, pinned, None, lang), sectors_legend),
                    (path_chart(&o, &plan, pinned, None, lang), path_legend),
                    (flow_chart(&o, &plan, pinned, None, lang), flow_legend),
                ];
                for (fig, legend) in charts {
                    let json: serde_json::Value =
                        serde_json::from_str(&fig.to_json()).expect("json");
                    let mut traces: Vec<String> = json["data"]
                        .as_array()
                        .expect("data")
                        .iter()
                        .filter_map(|t| t["name"].as_str().map(str::to_string))
                        .collect();
                    let mut names: Vec<String> = legend(lang, pinned.is_some())
                        .into_iter()
                        .map(|e| e.name)
                        .collect();
                    traces.sort();
                    traces.dedup();
                    names.sort();
                    assert_eq!(names, traces, "{lang:?}, pinned {}", pinned.is_some());
                }
            }
        }
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
            assert!((out_of(2) - o.sources.other).abs() < 1e-9, "{p}");
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
    fn a_sized_figure_keeps_its_size_and_an_unsized_one_fits_its_box() {
        let o = outcome("plan-2025");
        let fig = sources_chart(&o, &o, None, None, Lang::Zh);
        let sized: serde_json::Value =
            serde_json::from_str(&fig.clone().to_json_sized(Some((460.4, 319.6)))).expect("json");
        assert_eq!(sized["layout"]["width"].as_f64(), Some(460.0));
        assert_eq!(sized["layout"]["height"].as_f64(), Some(320.0));
        assert_eq!(sized["layout"]["autosize"], serde_json::Value::Bool(false));
        assert_eq!(
            sized["config"]["displayModeBar"],
            serde_json::Value::Bool(false)
        );
        let free: serde_json::Value = serde_json::from_str(&fig.to_json()).expect("json");
        assert_eq!(free["layout"]["autosize"], serde_json::Value::Bool(true));
        assert!(free["layout"].get("width").is_none());
        assert_eq!(sized["data"], free["data"], "size changes the layout only");
    }

    #[test]
    fn no_chart_zooms_or_pans() {
        for v in cartesian_json(&outcome("plan-2025"), Lang::Zh) {
            for axis in ["xaxis", "yaxis"] {
                assert_eq!(v["layout"][axis]["fixedrange"], true, "{axis}: {v}");
            }
            assert_eq!(v["config"]["showAxisDragHandles"], false);
        }
    }

    #[test]
    fn hover_labels_round_as_the_charts_do() {
        // plotly.js would show the model's float (7.63902) on the bars and
        // lines, and 0.53 in SI units ("531m") on the flows.
        let o = outcome("plan-2025");
        for v in cartesian_json(&o, Lang::En) {
            assert_eq!(v["layout"]["yaxis"]["hoverformat"], ".2f", "{v}");
        }
        let flow = flow_chart(&o, &o, None, None, Lang::En);
        let v: serde_json::Value = serde_json::from_str(&flow.to_json()).expect("json");
        assert_eq!(v["data"][0]["valueformat"], ".2f", "{v}");
        // In the page's unit, not plotly.js's English "source:" and "target:".
        assert_eq!(
            v["data"][0]["link"]["hovertemplate"],
            "%{value:.2f} 亿m³ (10⁸ m³)<extra></extra>"
        );
        let zh = flow_chart(&o, &o, None, None, Lang::Zh);
        let v: serde_json::Value = serde_json::from_str(&zh.to_json()).expect("json");
        assert_eq!(
            v["data"][0]["link"]["hovertemplate"],
            "%{value:.2f} 亿m³<extra></extra>"
        );
        assert_eq!(
            v["data"][0]["node"]["hovertemplate"],
            "%{label}<extra></extra>"
        );
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
    use changji_model::evaluate::CapId;
    use changji_model::uncertainty::{spread, Draws};
    use changji_model::{evaluate, Scenario};

    #[test]
    fn the_monte_carlo_band_rides_on_the_scenario_bars() {
        let data = Data::get();
        // Pumped: the dry year's shortfall shows on groundwater (held, it
        // stays at the cap in every draw and the water not delivered varies).
        let mut s = Scenario::preset(data, "dry-95").expect("preset");
        s.set(data, changji_model::LeverId::Shortfall, 1.0)
            .expect("lever");
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
        // The runoff of the 95 % year is drawn around it: the band reaches down.
        assert!(
            down[1].as_f64().expect("num") > 0.1,
            "the dry year spreads groundwater"
        );
    }
}
