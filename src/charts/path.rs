//! The path chart: total and groundwater from the plan's history to the
//! scenario year, against each year's caps.

use super::*;

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
    let (cx, cy, gy) = cap_path(data);
    let line = |x: &[f64], y: &[f64], name: String, line: Line| {
        Scatter::new(x.to_vec(), y.to_vec())
            .name(name)
            .mode(Mode::LinesMarkers)
            .line(line)
    };
    let last = (
        hx.last().copied().unwrap_or(2020.0),
        hy.last().copied().unwrap_or(f64::NAN),
    );
    let to = |x: &Outcome| ([last.0, f64::from(x.year)], [last.1, x.total]);
    let stroke = |color: &str, width: f64| Line::new().color(color.to_string()).width(width);
    let mut traces: Vec<AnyTrace> = [
        line(
            &cx,
            &cy,
            tr(lang, "chart.caps_path"),
            stroke(CAP, 2.0).dash(DashType::Dash),
        ),
        line(
            &cx,
            &gy,
            tr(lang, "chart.gw_caps_path"),
            stroke(SOURCES[1], 2.0).dash(DashType::Dot),
        ),
        line(&hx, &hy, tr(lang, "chart.actual"), stroke(ACTUAL, 2.5)),
    ]
    .into_iter()
    .map(AnyTrace::from)
    .collect();
    let (px, py) = to(plan);
    traces.push(line(&px, &py, tr(lang, "chart.plan"), stroke(PLAN, 3.0)).into());
    if let Some(p) = pinned {
        let (qx, qy) = to(p);
        traces.push(
            line(
                &qx,
                &qy,
                tr(lang, "chart.pinned"),
                stroke(PINNED, 2.5).dash(DashType::DashDot),
            )
            .into(),
        );
    }
    let (sx, sy) = to(o);
    traces.push(
        line(&sx, &sy, tr(lang, "chart.scenario"), stroke(SCENARIO, 3.0))
            .marker(Marker::new().size(10))
            .into(),
    );
    traces.extend(actual_points(lang));
    traces.push(
        Scatter::new(vec![f64::from(o.year)], vec![o.sources.groundwater])
            .name(tr(lang, "source.groundwater"))
            .mode(Mode::Markers)
            .marker(
                Marker::new()
                    .size(10)
                    .color(SOURCES[1])
                    .symbol(MarkerSymbol::Diamond),
            )
            .into(),
    );
    let layout = base_layout(lang).x_axis(axis().dtick(5.0).range(AxisRange::new(2014.0, 2031.0)));
    Figure::new(traces, layout)
}

/// The caps' path: the years (2015, the index, then each cap's year), the
/// total and the groundwater at each.
fn cap_path(data: &Data) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
    let index = data.plan.history.iter().find(|h| h.year == 2015);
    let mut cx = vec![2015.0];
    let mut cy = vec![index.map_or(f64::NAN, |h| h.total)];
    let mut gy = vec![index.and_then(|h| h.groundwater).unwrap_or(f64::NAN)];
    for c in &data.plan.caps {
        cx.push(f64::from(c.year));
        cy.push(c.total.value);
        gy.push(c.groundwater.value);
    }
    (cx, cy, gy)
}

/// The path chart's legend, in its traces' order.
pub fn path_legend(lang: Lang, pinned: bool) -> Vec<LegendEntry> {
    let mut legend = vec![
        entry(tr(lang, "chart.caps_path"), CAP, Swatch::Line(true)),
        entry(
            tr(lang, "chart.gw_caps_path"),
            SOURCES[1],
            Swatch::Line(true),
        ),
        entry(tr(lang, "chart.actual"), ACTUAL, Swatch::Line(false)),
        entry(tr(lang, "chart.plan"), PLAN, Swatch::Line(false)),
    ];
    if pinned {
        legend.push(entry(tr(lang, "chart.pinned"), PINNED, Swatch::Line(true)));
    }
    legend.push(entry(
        tr(lang, "chart.scenario"),
        SCENARIO,
        Swatch::Line(false),
    ));
    legend.push(entry(tr(lang, "chart.actual_years"), ACTUAL, Swatch::Point));
    legend.push(entry(
        tr(lang, "source.groundwater"),
        SOURCES[1],
        Swatch::Point,
    ));
    legend
}

/// The actual years after the plan's 2020 (shipped, and entered on the
/// progress page): total and groundwater as points, each with its source and
/// grade on hover.
fn actual_points(lang: Lang) -> Vec<AnyTrace> {
    use changji_model::progress::{merge, shipped, Measure};
    let figures = merge(shipped(), &crate::actuals_store::cached());
    [
        (Measure::Total, ACTUAL, MarkerSymbol::Circle),
        (Measure::Groundwater, SOURCES[1], MarkerSymbol::CircleOpen),
    ]
    .into_iter()
    .map(|(m, color, symbol)| {
        let pts: Vec<_> = figures
            .iter()
            .filter(|a| a.measure == m && a.year > 2020)
            .collect();
        let tips = pts
            .iter()
            .map(|a| {
                format!(
                    "{} {}: {} · {} · {}",
                    a.year,
                    tr(lang, &format!("cap.{m}")),
                    num(a.value, 2),
                    tr(lang, &format!("progress.grade.{}", a.grade.key())),
                    crate::i18n::text(lang, &a.source)
                )
            })
            .collect();
        Scatter::new(
            pts.iter().map(|a| f64::from(a.year)).collect(),
            pts.iter().map(|a| a.value).collect(),
        )
        .name(tr(lang, "chart.actual_years"))
        .mode(Mode::Markers)
        .marker(Marker::new().size(9).color(color).symbol(symbol))
        .text_array(tips)
        .hover_info(plotly::common::HoverInfo::Text)
        .show_legend(false)
        .into()
    })
    .collect()
}
