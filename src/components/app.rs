//! The page: reads the URL once, provides the state, lays out the panels, and
//! keeps the URL and `<html lang>` in step with the state.

use crate::components::{
    cap_panel::CapPanel, charts_panel::ChartsPanel, header::Header, indicators::Indicators,
    lever_panel::LeverPanel, notes::Notes, notices::Notices, summary_bar::SummaryBar,
};
use crate::i18n::tr_with;
use crate::state::{provide_app_state, AppState};
use crate::url::{current_search, query_for, read_query, write_debounced};
use changji_model::MODEL_VERSION;
use leptos::prelude::*;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let q = read_query(&current_search());
    let state = AppState::new(q.scenario, q.lang, q.notices);
    provide_app_state(state);

    // The URL is the scenario: write it back (debounced, replace, no scroll).
    Effect::new(move |_| {
        let query = state.scenario.with(|s| query_for(s, state.lang.get()));
        write_debounced(query);
    });
    // Language of the document, for screen readers and fonts.
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang.html_lang());
        }
        document().set_title(&crate::i18n::tr(lang, "app.title"));
    });

    view! {
        <a class="skip" href="#levers">{move || crate::i18n::tr(state.lang.get(), "group.crops")}</a>
        <Header/>
        <Notices/>
        <SummaryBar/>
        <main class="layout">
            <LeverPanel/>
            <section class="results" aria-label="results">
                <CapPanel/>
                <Indicators/>
                <ChartsPanel/>
            </section>
        </main>
        <Notes/>
        <footer class="footer">
            {move || tr_with(state.lang.get(), "app.footer", &[("v", MODEL_VERSION.to_string())])}
        </footer>
    }
}
