//! A chart container: builds its figure from the outcomes and hands it to
//! plotly.js when the analyses move (once an animation frame, with the Monte
//! Carlo band), so slider input never waits for a chart.

use crate::i18n::{tr, Lang};
use crate::plotly_js;
use crate::state::use_app_state;
use changji_model::uncertainty::Spread;
use changji_model::Outcome;
use leptos::prelude::*;
use plotly::Plot;

/// Builds a chart from this scenario's outcome, the plan's, the pinned one, the
/// Monte Carlo spread and the language.
pub type Builder = fn(&Outcome, &Outcome, Option<&Outcome>, Option<&Spread>, Lang) -> Plot;

/// One chart with its title.
#[component]
pub fn ChartBox(
    /// Translation key of the title.
    title: &'static str,
    /// Test id of the chart container.
    testid: &'static str,
    /// The figure builder.
    builder: Builder,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let node = NodeRef::<leptos::html::Div>::new();
    let failed = RwSignal::new(false);
    let drawn = RwSignal::new(0u32);

    let draw = move || {
        let Some(el) = node.get_untracked() else {
            return;
        };
        let pinned = state.pinned_outcome.get_untracked();
        // The outcome is of the analysed scenario: the analyses are caught up in
        // the same animation frame that runs this.
        let Some(plot) = state.analyses.with_untracked(|a| {
            a.as_ref().map(|a| {
                state.outcome.with_untracked(|o| {
                    state.plan.with_untracked(|p| {
                        builder(o, p, pinned.as_ref(), Some(&a.spread), lang.get_untracked())
                    })
                })
            })
        }) else {
            return;
        };
        let ok = plotly_js::react(&el, &plot);
        failed.set(!ok);
        if ok {
            drawn.update(|n| *n = n.wrapping_add(1));
        }
    };
    Effect::new(move |_| {
        // Track everything the figure depends on. The analyses move once an
        // animation frame, however many inputs came in it.
        state.analyses.track();
        state.plan.track();
        state.pinned_outcome.track();
        lang.track();
        draw();
    });

    view! {
        <figure class="chart">
            <figcaption>
                <span>{move || tr(lang.get(), title)}</span>
                <button
                    class="png"
                    data-testid=format!("{testid}-png")
                    aria-label=move || format!("{} {}", tr(lang.get(), "chart.png"), tr(lang.get(), title))
                    on:click=move |_| {
                        if let Some(el) = node.get_untracked() {
                            plotly_js::download_png(&el, &format!("changji-water-{testid}"));
                        }
                    }
                >
                    "PNG"
                </button>
            </figcaption>
            <div class="plot" node_ref=node data-testid=testid data-drawn=move || drawn.get().to_string()></div>
            <Show when=move || failed.get()>
                <p class="chart-fallback">{move || tr(lang.get(), "chart.unavailable")}</p>
            </Show>
        </figure>
    }
}
