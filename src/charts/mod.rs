//! The four charts as pure functions of outcomes, each a plotly.js figure
//! written in plotly.js's own JSON schema (<https://plotly.com/javascript/reference/>).
//! Natively testable; the page only hands the result to plotly.js.
//!
//! Why not the `plotly` crate: its typed builders and their serde code were a
//! sixth of the page's WebAssembly (twiggy: ~170 KB of 930 KB of code) to
//! write four small figures; `serde_json::json!` writes the same JSON.

use crate::format::num;
use crate::i18n::{tr, Lang};
use changji_model::uncertainty::{Quantiles, Spread};
use changji_model::{evaluate::CapId, Data, Outcome};
use serde_json::{json, Value};

mod flow;
pub use flow::{flow_chart, flows};

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

/// A plotly.js figure: its traces and its layout.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    /// The traces, in drawing order.
    pub data: Vec<Value>,
    /// The layout (axes, legend, margins, fonts).
    pub layout: Value,
}

impl Figure {
    /// The figure as plotly.js takes it (`{"data": [...], "layout": {...}}`),
    /// drawn `width` × `height` CSS pixels when both are given (the page sizes
    /// the charts itself, so plotly.js never measures the page to autosize).
    pub fn to_json_sized(&self, size: Option<(f64, f64)>) -> String {
        let mut layout = self.layout.clone();
        if let (Some((w, h)), Some(l)) = (size, layout.as_object_mut()) {
            l.insert("autosize".into(), Value::Bool(false));
            l.insert("width".into(), json!(w.round()));
            l.insert("height".into(), json!(h.round()));
        }
        json!({ "data": self.data, "layout": layout, "config": { "displayModeBar": false } })
            .to_string()
    }

    /// The figure as JSON, with plotly.js sizing it to its container.
    pub fn to_json(&self) -> String {
        self.to_json_sized(None)
    }
}

fn base_layout(lang: Lang, y_title: &str) -> Value {
    json!({
        "font": { "family": FONTS, "size": 13 },
        "margin": { "l": 56, "r": 12, "t": 12, "b": 48 },
        "legend": { "orientation": "h", "y": -0.18 },
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "yaxis": {
            "title": { "text": format!("{y_title} ({})", tr(lang, "chart.unit")) },
            "zeroline": true,
            "gridcolor": "#e3e8ee",
        },
        "autosize": true,
    })
}

fn cap_markers(x: &[String], y: &[f64], name: &str) -> Value {
    json!({
        "type": "scatter", "x": x, "y": y, "name": name, "mode": "markers",
        "marker": { "symbol": "line-ew-open", "size": 44, "color": CAP, "line": { "width": 3.0, "color": CAP } },
    })
}

/// Error bars from each value to the 5th and 95th percentiles of the Monte Carlo.
fn spread_bars(values: &[f64], band: &[Quantiles]) -> Value {
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
    json!({
        "type": "data", "symmetric": false, "array": up, "arrayminus": down,
        "color": "#0b3c5d", "thickness": 1.5, "width": 6,
    })
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
) -> Figure {
    let bar = |y: Vec<f64>, name: String, color: &str| json!({ "type": "bar", "x": labels, "y": y, "name": name, "marker": { "color": color } });
    let mut data = vec![bar(vals(plan), tr(lang, "chart.plan"), PLAN)];
    let values = vals(o);
    let mut mine = bar(values.clone(), tr(lang, "chart.scenario"), SCENARIO);
    mine["text"] = json!(values.iter().map(|v| num(*v, 2)).collect::<Vec<_>>());
    mine["textposition"] = json!("outside");
    if let Some(b) = band {
        mine["error_y"] = spread_bars(&values, &b);
    }
    data.push(mine);
    if let Some(p) = pinned {
        data.push(bar(vals(p), tr(lang, "chart.pinned"), PINNED));
    }
    data.push(cap_markers(&labels, &limits, &tr(lang, limit_key)));
    let mut layout = base_layout(lang, &tr(lang, title_key));
    layout["barmode"] = json!("group");
    Figure { data, layout }
}

/// Supply by source for this scenario and the plan, against each source's cap.
pub fn sources_chart(
    o: &Outcome,
    plan: &Outcome,
    pinned: Option<&Outcome>,
    spread: Option<&Spread>,
    lang: Lang,
) -> Figure {
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
) -> Figure {
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
) -> Figure {
    let data = Data::get();
    let history = &data.plan.history;
    let actual: Vec<_> = history.iter().filter(|h| h.kind == "actual").collect();
    let hx: Vec<f64> = actual.iter().map(|h| f64::from(h.year)).collect();
    let hy: Vec<f64> = actual.iter().map(|h| h.total).collect();
    // The 2015 index and each year's caps.
    let index = history.iter().find(|h| h.year == 2015);
    let mut cx = vec![2015.0];
    let mut cy = vec![index.map_or(f64::NAN, |h| h.total)];
    let mut gy = vec![index.and_then(|h| h.groundwater).unwrap_or(f64::NAN)];
    for c in &data.plan.caps {
        cx.push(f64::from(c.year));
        cy.push(c.total.value);
        gy.push(c.groundwater.value);
    }
    let line = |x: &[f64], y: &[f64], name: String, line: Value| json!({ "type": "scatter", "x": x, "y": y, "name": name, "mode": "lines+markers", "line": line });
    let last = (
        hx.last().copied().unwrap_or(2020.0),
        hy.last().copied().unwrap_or(f64::NAN),
    );
    let to = |x: &Outcome| ([last.0, f64::from(x.year)], [last.1, x.total]);
    let mut traces = vec![
        line(
            &cx,
            &cy,
            tr(lang, "chart.caps_path"),
            json!({ "color": CAP, "dash": "dash", "width": 2.0 }),
        ),
        line(
            &cx,
            &gy,
            tr(lang, "chart.gw_caps_path"),
            json!({ "color": SOURCES[1], "dash": "dot", "width": 2.0 }),
        ),
        line(
            &hx,
            &hy,
            tr(lang, "chart.actual"),
            json!({ "color": "#333", "width": 2.5 }),
        ),
    ];
    let (px, py) = to(plan);
    traces.push(line(
        &px,
        &py,
        tr(lang, "chart.plan"),
        json!({ "color": PLAN, "width": 3.0 }),
    ));
    if let Some(p) = pinned {
        let (qx, qy) = to(p);
        traces.push(line(
            &qx,
            &qy,
            tr(lang, "chart.pinned"),
            json!({ "color": PINNED, "width": 2.5, "dash": "dashdot" }),
        ));
    }
    let (sx, sy) = to(o);
    let mut mine = line(
        &sx,
        &sy,
        tr(lang, "chart.scenario"),
        json!({ "color": SCENARIO, "width": 3.0 }),
    );
    mine["marker"] = json!({ "size": 10 });
    traces.push(mine);
    traces.push(json!({
        "type": "scatter", "x": [f64::from(o.year)], "y": [o.sources.groundwater],
        "name": tr(lang, "source.groundwater"), "mode": "markers",
        "marker": { "size": 10, "color": SOURCES[1], "symbol": "diamond" },
    }));
    let mut layout = base_layout(lang, &tr(lang, "chart.path"));
    layout["xaxis"] = json!({ "dtick": 5.0, "range": [2014.0, 2031.0] });
    Figure {
        data: traces,
        layout,
    }
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
    fn a_sized_figure_keeps_its_size_and_an_unsized_one_fits_its_box() {
        let o = outcome("plan-2025");
        let fig = sources_chart(&o, &o, None, None, Lang::Zh);
        let sized: serde_json::Value =
            serde_json::from_str(&fig.to_json_sized(Some((460.4, 319.6)))).expect("json");
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
