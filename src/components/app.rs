//! The page: reads the URL once, provides the state, lays out the panels, and
//! keeps the URL and `<html lang>` in step with the state.

use crate::components::charts_panel::CHART_COUNT;
use crate::components::later::later;
use crate::components::public::PublicPage;
use crate::components::{
    cap_panel::CapPanel, charts_panel::ChartsPanel, compare::Compare, header::Header,
    indicators::Indicators, lever_panel::LeverGroups, notes::Notes, notices::Notices,
    print_brief::while_printing, provenance::Provenance, saved_panel::SavedPanel, solve::Solve,
    summary_bar::SummaryBar, waterfall::Waterfall,
};
use crate::i18n::tr_with;
use crate::state::{provide_app_state, AppState};
use crate::url::{current_search, query_with_mode, read_query, write_debounced, PageQuery, View};
use changji_model::MODEL_VERSION;
use leptos::either::Either;
use leptos::prelude::*;

/// Listens, ahead of every other listener (capture phase on the window), for
/// the input events that tell a drag from a settled change
/// ([`DrawQueue`](crate::draw_queue::DrawQueue)), for as long as the page lives.
fn watch_motion(state: AppState) {
    use gloo_events::{EventListener, EventListenerOptions};
    let window = gloo_utils::window();
    let opts = EventListenerOptions::run_in_capture_phase();
    EventListener::new_with_options(&window, "input", opts, move |_| {
        state.page.draws.note_input(crate::browser::now());
    })
    .forget();
    // `change` is handled after the page's own listeners (bubbling), so the
    // value it commits is already in the state when the work runs.
    EventListener::new(&window, "change", move |_| {
        state.page.draws.note_change(crate::browser::now());
    })
    .forget();
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
    state.page.present.set(q.present);
    provide_app_state(state);

    // The URL is the scenario: write it back (debounced, replace, no scroll).
    Effect::new(move |_| {
        let query = state
            .scenario
            .with(|s| query_with_mode(s, state.page.lang.get(), state.page.present.get()));
        write_debounced(query);
    });
    // The slower analyses (the Monte Carlo, then the charts that read it, then
    // the feasible bands after the frame that paints them) wait while a slider
    // moves and follow the moment it is let go (`DrawQueue`); a change that
    // came with no input event (a preset, undo, a saved scenario) is settled
    // at once.
    watch_motion(state);
    // Language of the document, for screen readers and fonts.
    Effect::new(move |_| {
        let lang = state.page.lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", lang.html_lang());
        }
        document().set_title(&crate::i18n::tr(lang, "app.title"));
    });
    // Presentation mode styles the whole page.
    Effect::new(move |_| {
        let on = state.page.present.get();
        if let Some(body) = document().body() {
            let _ = body.class_list().toggle_with_force("present", on);
        }
    });
    follow_printing(state.page.printing);
    present_keys(state);

    analyses(state);
    // Start-up in short tasks (`later`): the analyses, the header, the
    // notices, the summary bar, the cap cards, the lever groups' frame, the
    // levers a few at a time and the dialog, a task each; then the page is
    // shown, then each panel below follows, one a frame.
    view! {
        <a class="skip" href="#levers">{move || crate::i18n::tr(state.page.lang.get(), "app.skip")}</a>
        <div class="later first" node_ref=later(state, true, || view! { <Header/> })></div>
        <div class="later first" node_ref=later(state, true, || view! { <Notices/> })></div>
        <div class="later first" node_ref=later(state, true, || view! { <SummaryBar/> })></div>
        <main class="layout">
            // data-analysis-ms, data-analysed, data-bands-ms: for the tests and the bench (docs/quality.md).
            <section class="results" aria-label="results" data-analysis-ms=move || state.analyses.with(|a| a.as_ref().map(|a| a.ms.to_string()))
                data-analysed=move || state.analyses.with(|a| a.as_ref().map(|a| a.seq.to_string()))
                data-bands-ms=move || state.feasible.with(|f| f.as_ref().map(|f| f.ms.to_string()))>
                <div class="later first" node_ref=later(state, true, || view! { <CapPanel/> })></div>
                <div class="later" node_ref=later(state, false, || view! { <Solve/> })></div>
                <div class="later" node_ref=later(state, false, || view! { <Waterfall/> })></div>
                <div class="later" node_ref=later(state, false, || view! { <Compare/><SavedPanel/> })></div>
                <div class="later" node_ref=later(state, false, || view! { <Indicators/> })></div>
                <div class="later" node_ref=later(state, false, || view! { <ChartsPanel/> })></div>
            </section>
            <aside class="levers" id="levers">
                <div class="later first" node_ref=later(state, true, || view! { <LeverGroups/> })></div>
            </aside>
        </main>
        <div class="later" node_ref=later(state, false, || view! { <Notes/> })></div>
        <div class="later" node_ref=while_printing(state)></div>
        // The dialog listens for clicks on every number: it is in before the page shows.
        <div class="later first" node_ref=later(state, true, || view! { <Provenance/> })></div>
        <div class="later" node_ref=later(state, false, move || view! {
            <footer class="footer" data-testid="footer">
                {move || tr_with(state.page.lang.get(), "app.footer", &[("v", MODEL_VERSION.to_string())])}
            </footer>
        })></div>
    }
}

/// The analyses: the first ones at start-up, and then those of every change
/// of the scenario or the crop mode, through the draw queue.
fn analyses(state: AppState) {
    let analyse = move || {
        state.page.draws.push(
            "analyses",
            std::rc::Rc::new(move || state.settle(crate::browser::now)),
        )
    };
    // The Monte Carlo's draws, generated once, in a task before theirs.
    set_timeout(
        || {
            let _ = changji_model::uncertainty::Draws::get();
        },
        std::time::Duration::ZERO,
    );
    // The first analyses in two tasks of their own (the bands, then the
    // Monte Carlo), before the page is shown (`later`): the cap cards show
    // their uncertainty from the start, as the static first screen does
    // (`scripts/first-scene.mjs`), so nothing moves when the live page takes
    // its place.
    set_timeout(
        move || state.settle_in_two_tasks(crate::browser::now),
        std::time::Duration::ZERO,
    );
    Effect::new(move |first: Option<()>| {
        state.scenario.track();
        state.crop_mode.track();
        if first.is_some() {
            analyse();
        }
    });
}

/// Keeps `printing` true while the page prints (from the browser's menu or the
/// Print button): every chart is drawn and the brief is built. Print media
/// without the print events (a print preview emulated by the browser's tools
/// or a test) prints too.
fn follow_printing(printing: RwSignal<bool>) {
    let _on = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let _off = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    if let Ok(Some(print)) = window().match_media("print") {
        let media = print.clone();
        gloo_events::EventListener::new(&print, "change", move |_| printing.set(media.matches()))
            .forget();
    }
}

/// Presentation mode's keys, for as long as the explorer lives: 1–9 pick a
/// preset, C and Shift+C switch the chart, Escape leaves (not while typing, and
/// not in the explanation dialog, whose Escape closes it).
fn present_keys(state: AppState) {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !state.page.present.get_untracked() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
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
        if in_dialog || state.page.explain.get_untracked().is_some() {
            return;
        }
        let key = ev.key();
        if key == "Escape" {
            state.page.present.set(false);
        } else if key.eq_ignore_ascii_case("c") {
            // The chart on the screen: C the next, Shift+C the one before.
            let step = if ev.shift_key() { CHART_COUNT - 1 } else { 1 };
            state
                .page
                .present_chart
                .update(|k| *k = (*k + step) % CHART_COUNT);
            ev.prevent_default();
        } else if let Some(d) = key.parse::<usize>().ok().filter(|d| (1..=9).contains(d)) {
            if let Some(p) = changji_model::Data::get().presets.get(d - 1) {
                state.load_preset(&p.id);
                ev.prevent_default();
            }
        }
    });
    on_cleanup(move || keys.remove());
}
