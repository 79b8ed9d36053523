//! The parts of a chart's box beside the plot: its title with the PNG button,
//! and its text alternative (the figures as a table).

use crate::components::chart_box::{figure_now, Builder, PNG_SIZE};
use crate::i18n::tr;
use crate::plotly_js;
use crate::state::use_app_state;
use leptos::prelude::*;

/// A chart's title and its PNG button (enabled once the chart has drawn).
#[component]
pub fn Caption(
    /// Translation key of the title.
    title: &'static str,
    /// Test id of the chart container.
    testid: &'static str,
    /// The figure builder.
    builder: Builder,
    /// Times the chart was drawn.
    drawn: RwSignal<u32>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let figure = move || figure_now(state, builder);
    view! {
        <figcaption>
            <span>{move || tr(lang.get(), title)}</span>
            <button
                class="png"
                data-testid=format!("{testid}-png")
                disabled=move || drawn.get() == 0
                aria-label=move || format!("{} {}", tr(lang.get(), "chart.png"), tr(lang.get(), title))
                on:click=move |_| {
                    if let Some(fig) = figure() {
                        plotly_js::download_png(
                            &fig.to_json_for_image(PNG_SIZE),
                            &format!("changji-water-{testid}"),
                            PNG_SIZE,
                        );
                    }
                }
            >
                "PNG"
            </button>
        </figcaption>
    }
}

/// A chart's text alternative: its figures as a table, read from the JSON
/// plotly.js last drew, behind a disclosure (built when opened). Before the
/// chart is drawn (far down a phone's page), or when plotly.js could not be
/// loaded, the table is built from the figure the chart would draw, so the
/// figures are never missing.
#[component]
pub fn DataTable(
    /// Translation key of the chart's title.
    title: &'static str,
    /// The figure builder.
    builder: Builder,
    /// Times the chart was drawn.
    drawn: RwSignal<u32>,
    /// The JSON last drawn.
    figure: StoredValue<String, LocalStorage>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let open = RwSignal::new(false);
    let table = move || {
        drawn.track();
        let l = lang.get();
        open.get().then(|| {
            let drawn_rows =
                figure.with_value(|j| (!j.is_empty()).then(|| crate::charts::table::rows(j)));
            let rows = drawn_rows.unwrap_or_else(|| {
                state.analyses.track();
                let json = figure_now(state, builder).map(|f| f.to_json());
                crate::charts::table::rows(&json.unwrap_or_default())
            });
            view! {
                <table>
                    <caption>{tr(l, title)}</caption>
                    <thead><tr>
                        <th scope="col">{tr(l, "chart.col.series")}</th>
                        <th scope="col">{tr(l, "chart.col.at")}</th>
                        <th scope="col">{tr(l, "chart.col.value")}</th>
                    </tr></thead>
                    <tbody>
                        {rows.into_iter().map(|r| view! {
                            <tr><td>{r.series}</td><td>{r.at}</td><td>{crate::format::num(r.value, 2)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
        })
    };
    view! {
        <details class="chart-data" on:toggle=move |ev| {
            open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
        }>
            <summary>{move || tr(lang.get(), "chart.table")}</summary>
            {table}
        </details>
    }
}
