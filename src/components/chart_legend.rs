//! A chart's legend as HTML: drawn once per change of its entries (language,
//! a pinned scenario), not on every redraw of the chart, readable by screen
//! readers and wrapped by the browser on a phone.

use crate::charts::{LegendEntry, LegendOf, Swatch};
use leptos::prelude::*;

/// Keeps `legend` right from the start, whether or not its chart was drawn:
/// the entries change only with the language and a pinned scenario, so a
/// chart far down the page shows its legend before it is drawn, and nothing
/// below it moves when it is (a keyboard user's focus on the chart's data
/// table went off the screen when the legend came in above it). `entries` is
/// the chart's legend function, which needs no figure.
pub fn keep_legend(
    state: crate::state::AppState,
    entries: LegendOf,
    legend: RwSignal<Vec<LegendEntry>>,
) {
    Effect::new(move |_| {
        let e = entries(state.page.lang.get(), state.pinned.with(Option::is_some));
        if legend.with_untracked(|l| *l != e) {
            legend.set(e);
        }
    });
}

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
