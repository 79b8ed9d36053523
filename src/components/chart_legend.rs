//! A chart's legend as HTML: drawn once per change of its entries (language,
//! a pinned scenario), not on every redraw of the chart, readable by screen
//! readers and wrapped by the browser on a phone.

use crate::charts::{LegendEntry, Swatch};
use leptos::prelude::*;

/// The legend of one chart.
#[component]
pub fn Legend(
    /// The entries, in drawing order.
    entries: RwSignal<Vec<LegendEntry>>,
) -> impl IntoView {
    view! {
        <ul class="chart-legend" data-testid="chart-legend">
            {move || {
                entries
                    .get()
                    .into_iter()
                    .map(|e| {
                        view! {
                            <li>
                                <span
                                    class=swatch_class(e.swatch)
                                    style=format!("--swatch: {}", e.color)
                                    aria-hidden="true"
                                ></span>
                                {e.name}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

fn swatch_class(s: Swatch) -> &'static str {
    match s {
        Swatch::Bar => "swatch bar",
        Swatch::Line(false) => "swatch line",
        Swatch::Line(true) => "swatch line dashed",
        Swatch::Mark => "swatch mark",
        Swatch::Point => "swatch point",
    }
}
