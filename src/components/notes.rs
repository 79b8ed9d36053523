//! Data notes: where the plan's figures do not close and how the model reads
//! them, and where every input's default comes from. The notes come a few at
//! a time, a task each ([`later`]): laid out at once, their text was the
//! longest task after the page is shown (36–80 ms at 412×823, unthrottled).

use crate::components::later::later;
use crate::format::{decimals_for_step, num};
use crate::i18n::{grade_name, lever_name, text, tr};
use crate::state::use_app_state;
use changji_model::data::DataNote;
use changji_model::Data;
use leptos::prelude::*;

/// The most notes laid out in one task.
const NOTES_A_TASK: usize = 5;

/// Notes as a description list.
fn note_list(notes: &'static [DataNote]) -> impl IntoView {
    let lang = use_app_state().page.lang;
    view! {
        <dl class="note-list">
            {notes
                .iter()
                .map(|n| view! {
                    <dt data-testid=format!("note-{}", n.id)>{n.figures.clone()} <small>" · "{move || text(lang.get(), &n.source).to_string()}</small></dt>
                    <dd>{move || text(lang.get(), &n.text).to_string()}</dd>
                })
                .collect_view()}
        </dl>
    }
}

/// The notes panel.
#[component]
pub fn Notes() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let data = Data::get();
    view! {
        <section class="notes" id="notes" data-testid="notes" aria-labelledby="notes-title">
            <h2 id="notes-title">{move || tr(lang.get(), "notes.title")}</h2>
            <p>{move || tr(lang.get(), "notes.intro")}</p>
            {data
                .notes()
                .chunks(NOTES_A_TASK)
                .map(|run| view! { <div class="later" node_ref=later(state, false, move || note_list(run))></div> })
                .collect_view()}
            <details class="sources">
                <summary>{move || tr(lang.get(), "notes.sources_title")}</summary>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || tr(lang.get(), "notes.col_input")}</th>
                            <th scope="col">{move || tr(lang.get(), "notes.col_value")}</th>
                            <th scope="col">{move || tr(lang.get(), "notes.col_grade")}</th>
                            <th scope="col">{move || tr(lang.get(), "notes.col_source")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            let preset = state.preset_id.get();
                            data.levers
                                .iter()
                                .map(|l| {
                                    let v = data.preset_value(&preset, l.id);
                                    // A lever the preset leaves at its row's default reads the row's own source.
                                    let value = v
                                        .map(|v| v.value)
                                        .or(l.default)
                                        .map_or("—".to_string(), |x| num(x, decimals_for_step(l.step)));
                                    let (source, grade) = data.lever_source(&preset, l.id);
                                    let grade = grade.map_or(String::new(), |g| grade_name(lang.get(), g));
                                    let source = text(lang.get(), source).to_string();
                                    view! {
                                        <tr>
                                            <th scope="row">{lever_name(lang.get(), l.id)}</th>
                                            <td>{value}" "{l.unit.clone()}</td>
                                            <td>{grade}</td>
                                            <td>{source}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </details>
        </section>
    }
}
