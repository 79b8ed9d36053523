//! The page: reads the URL once, provides the state, lays out the panels, and
//! keeps the URL and `<html lang>` in step with the state.

use crate::components::public::PublicPage;
use crate::components::{
    cap_panel::CapPanel, charts_panel::ChartsPanel, compare::Compare, header::Header,
    indicators::Indicators, lever_panel::LeverPanel, notes::Notes, notices::Notices,
    print_brief::PrintBrief, provenance::Provenance, saved_panel::SavedPanel, solve::Solve,
    summary_bar::SummaryBar, waterfall::Waterfall,
};
use crate::i18n::tr_with;
use crate::state::{provide_app_state, AppState};
use crate::url::{current_search, query_with_mode, read_query, write_debounced, PageQuery, View};
use changji_model::MODEL_VERSION;
use leptos::either::Either;
use leptos::prelude::*;

/// Runs the analyses in the first animation frame in which no run of inputs
/// goes on ([`DrawQueue::busy`](crate::draw_queue::DrawQueue::busy)): a
/// single change is analysed in the frame that paints its numbers.
fn settle_when_quiet(state: AppState, settling: StoredValue<bool>) {
    request_animation_frame(move || {
        if state.draws.busy(crate::browser::now()) {
            settle_when_quiet(state, settling);
        } else {
            settling.set_value(false);
            state.settle(crate::browser::now);
        }
    });
}

/// The whole page: the explorer, or a public page when the link asks for one.
#[component]
pub fn App() -> impl IntoView {
    let q = read_query(&current_search());
    if q.view == View::Explorer {
        Either::Left(view! { <Explorer query=q /> })
    } else {
        Either::Right(view! { <PublicPage query=q /> })
    }
}

/// The scenario explorer.
#[component]
fn Explorer(
    /// What the link asked for.
    query: PageQuery,
) -> impl IntoView {
    let q = query;
    let state = AppState::new(q.scenario, q.lang, q.notices);
    state.present.set(q.present);
    provide_app_state(state);

    // The URL is the scenario: write it back (debounced, replace, no scroll).
    Effect::new(move |_| {
        let query = state
            .scenario
            .with(|s| query_with_mode(s, state.lang.get(), state.present.get()));
        write_debounced(query);
    });
    // The slower analyses (feasible bands, Monte Carlo) catch up with the
    // scenario in the first animation frame after the input pauses
    // (`DrawQueue::busy`): during a drag only the numbers move, and the bands,
    // the spread and then the charts (`DrawQueue::when_quiet`) follow as soon
    // as the slider rests. A change that came with no input event (a preset,
    // undo, a saved scenario) counts as one, so that its numbers are painted
    // before the charts are drawn too.
    let settling = StoredValue::new(false);
    let _input = window_event_listener(leptos::ev::input, move |_| {
        state.draws.note_input(crate::browser::now());
    });
    Effect::new(move |_| {
        state.scenario.track();
        state.crop_mode.track();
        state.draws.note_change(crate::browser::now());
        if !settling.get_value() {
            settling.set_value(true);
            settle_when_quiet(state, settling);
        }
    });
    // Language of the document, for screen readers and fonts.
    Effect::new(move |_| {
        let lang = state.lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang.html_lang());
        }
        document().set_title(&crate::i18n::tr(lang, "app.title"));
    });
    // Presentation mode styles the whole page.
    Effect::new(move |_| {
        let on = state.present.get();
        if let Some(body) = document().body() {
            let _ = body.class_list().toggle_with_force("present", on);
        }
    });
    // Printing (from the browser's menu or the Print button) draws every chart.
    let printing = state.printing;
    let _print_on = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let _print_off = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    // Keyboard: in presentation mode, 1–9 pick a preset and Escape leaves.
    let _keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !state.present.get_untracked() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|el| {
                let tag = el.tag_name().to_ascii_lowercase();
                tag == "select"
                    || tag == "textarea"
                    || (tag == "input" && el.get_attribute("type").as_deref() != Some("range"))
            });
        if typing {
            return;
        }
        // Escape in the provenance dialog closes the dialog, not presentation mode.
        let in_dialog = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|el| el.closest(".prov").ok().flatten())
            .is_some();
        if in_dialog || state.explain.get_untracked().is_some() {
            return;
        }
        let key = ev.key();
        if key == "Escape" {
            state.present.set(false);
        } else if let Some(d) = key.parse::<usize>().ok().filter(|d| (1..=9).contains(d)) {
            if let Some(p) = changji_model::Data::get().presets.get(d - 1) {
                state.load_preset(&p.id);
                ev.prevent_default();
            }
        }
    });

    view! {
        <a class="skip" href="#levers">{move || crate::i18n::tr(state.lang.get(), "app.skip")}</a>
        <Header/>
        <Notices/>
        <SummaryBar/>
        <main class="layout">
            <LeverPanel/>
            <section class="results" aria-label="results" data-analysis-ms=move || state.analyses.with(|a| a.as_ref().map(|a| a.ms.to_string()))
                data-analysed=move || state.analyses.with(|a| a.as_ref().map(|a| a.seq.to_string()))>
                <CapPanel/>
                <Solve/>
                <Waterfall/>
                <Compare/>
                <SavedPanel/>
                <Indicators/>
                <ChartsPanel/>
            </section>
        </main>
        <Notes/>
        <PrintBrief/>
        <Provenance/>
        <footer class="footer">
            {move || tr_with(state.lang.get(), "app.footer", &[("v", MODEL_VERSION.to_string())])}
        </footer>
    }
}
