//! The flow diagram: where the water comes from and where it goes.

use super::*;
use plotly::sankey::{Link, Node};
use plotly::Sankey;

/// The diagram's links, (source node, sector node, 亿m³), from the model's
/// flows (`Outcome::flows`: the allocation's own rule); nodes 0–2 are surface
/// water, groundwater and other sources, 3–5 the three sectors.
pub fn flows(o: &Outcome) -> Vec<(usize, usize, f64)> {
    let f = &o.flows;
    let mut links = Vec::new();
    for (from, to_sectors) in [f.surface, f.groundwater, f.other].iter().enumerate() {
        for (k, v) in to_sectors.iter().enumerate() {
            links.push((from, 3 + k, *v));
        }
    }
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
) -> Figure {
    let _ = pinned; // The flow diagram compares with the plan in its labels only.
    let plan_word = tr(lang, "chart.plan");
    let label = |key: &str, v: f64, p: f64| {
        // Two short lines, so a source's label does not run into the
        // sectors' (on a phone too: a sector's name without its gloss,
        // "Tertiary" for "Tertiary (domestic, ecology)", which the sectors
        // chart gives).
        format!(
            "{} {}<br>{plan_word} {}",
            super::ticks::short(&tr(lang, key)),
            num(v, 2),
            num(p, 2)
        )
    };
    let data = Data::get();
    let labels: Vec<String> = Quantity::SOURCES
        .into_iter()
        .chain(Quantity::SECTORS)
        .map(|q| {
            let of = |x: &Outcome| q.in_outcome(data, x).unwrap_or(f64::NAN);
            label(&q.label_key().unwrap_or_default(), of(o), of(plan))
        })
        .collect();
    let links = flows(o);
    // A link's hover label: its amount in the page's unit. plotly.js's own
    // says "source:" and "target:" in English whatever the page's language,
    // and cannot take a label a link (an array template is not read).
    let link_hover = format!("%{{value:.2f}} {}<extra></extra>", tr(lang, "chart.unit"));
    let mut colors: Vec<&str> = SOURCES.to_vec();
    colors.extend(SECTORS);
    let sankey = Sankey::new()
        .orientation(Orientation::Horizontal)
        // plotly.js's default SI format wrote 0.53 as "531m".
        .value_format(HOVER_VALUE)
        .node(
            Node::new()
                .label(labels.iter().map(String::as_str).collect())
                .color_array(colors.iter().map(|c| c.to_string()).collect())
                .pad(36)
                .thickness(18)
                .hover_template("%{label}<extra></extra>"),
        )
        .link(
            Link::new()
                .source(links.iter().map(|l| l.0).collect())
                .target(links.iter().map(|l| l.1).collect())
                .value(links.iter().map(|l| (l.2 * 1e4).round() / 1e4).collect())
                .hover_template(&link_hover)
                .color_array(
                    links
                        .iter()
                        .map(|l| format!("{}66", SOURCES[l.0.min(2)]))
                        .collect(),
                ),
        );
    let layout = Layout::new()
        .font(font(12))
        .margin(Margin::new().left(8).right(8).top(8).bottom(22))
        .paper_background_color(CLEAR)
        .auto_size(true);
    Figure::new(vec![sankey.into()], layout)
}

/// The flow diagram's legend: none, its node labels name everything.
pub fn flow_legend(_lang: Lang, _pinned: bool) -> Vec<LegendEntry> {
    Vec::new()
}
