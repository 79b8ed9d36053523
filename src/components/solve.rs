//! Solve for a target: pick a cap and a lever; the page finds the lever value
//! that meets the cap exactly (the other levers held) and applies it with one
//! click, as one undoable step.

use crate::components::cap_select::CapSelect;
use crate::components::provenance::quantity_name;
use crate::format::{num, with_unit};
use crate::i18n::{lever_name, tr, tr_with, Lang};
use crate::state::{use_app_state, AppState, CropMode};
use changji_model::band::{set_lever, solve, SolveError};
use changji_model::evaluate::CapId;
use changji_model::{Data, LeverId};
use leptos::prelude::*;

/// The solve panel.
#[component]
pub fn Solve() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let data = Data::get();
    let cap = RwSignal::new(CapId::Groundwater);
    // η first: the lever the plan's own saving turns on.
    let lever = RwSignal::new(LeverId::Eta);
    let levers = solvable(data);
    // Solved against the scenario of the feasible bands (caught up after the
    // frame that paints a settled change's charts), so the search stays off
    // the path from slider input to numbers and charts.
    let result = Memo::new(move |_| {
        let (s, mode) = state
            .feasible
            .with(|f| f.as_ref().map(|f| (f.scenario.clone(), f.mode)))
            .unwrap_or_else(|| (state.scenario.get(), state.crop_mode.get()));
        solve(data, &s, cap.get(), lever.get(), mode == CropMode::Shift)
    });
    let text = move || answer(lang.get(), lever.get(), cap.get(), result.get());
    let apply = move |_| {
        if let Ok(v) = result.get_untracked() {
            let i = lever.get_untracked().index();
            let sh = state.crop_mode.get_untracked() == CropMode::Shift;
            state.apply_undoable(|s| {
                set_lever(data, s, i, v, sh);
            });
        }
    };

    let (apply_ref, lever_ref) = (NodeRef::new(), NodeRef::new());
    let undo = move |_| undo_keeping_focus(state, result, apply_ref, lever_ref);
    view! {
        <section class="solve" data-testid="solve" aria-labelledby="solve-title">
            <h2 id="solve-title">{move || tr(lang.get(), "solve.title")}</h2>
            <div class="solve-form">
                <CapSelect value=cap testid="solve-cap"/>
                <label>
                    {move || tr(lang.get(), "solve.lever")}
                    <select data-testid="solve-lever" node_ref=lever_ref on:change=move |ev| {
                        if let Ok(id) = event_target_value(&ev).parse() {
                            lever.set(id);
                        }
                    }>
                        {levers.into_iter().map(|id| view! {
                            <option value=id.as_str() selected=move || lever.get() == id>
                                {move || lever_name(lang.get(), id)}
                            </option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            <p
                class="solve-result"
                data-testid="solve-result"
                data-value=move || result.get().map(|v| v.to_string()).unwrap_or_default()
                aria-live="polite"
            >
                {text}
            </p>
            <div class="solve-actions">
                <button data-testid="solve-apply" node_ref=apply_ref disabled=move || result.with(Result::is_err) on:click=apply>
                    {move || tr(lang.get(), "solve.apply")}
                </button>
                <button
                    data-testid="undo"
                    disabled=move || state.history.with(Vec::is_empty)
                    on:click=undo
                >
                    {move || tr(lang.get(), "solve.undo")}
                </button>
            </div>
        </section>
    }
}

/// What the solver found, in words: the lever's value that just meets the
/// cap, or the closest it comes and by how much it misses.
fn answer(l: Lang, id: LeverId, cap: CapId, result: Result<f64, SolveError>) -> String {
    let def = Data::get().def(id);
    let unit = def.unit.as_str();
    let dec = crate::format::decimals_for_step(def.step) + 2;
    let name = quantity_name(l, &format!("lever-{id}"));
    let cap_name = tr(l, &format!("cap.{}", cap.as_str()));
    match result {
        Ok(v) => tr_with(
            l,
            "solve.found",
            &[
                ("lever", name),
                ("value", with_unit(l, v, dec, unit)),
                ("cap", cap_name),
            ],
        ),
        Err(SolveError::Unreachable { closest, gap }) => tr_with(
            l,
            if gap > 0.0 {
                "solve.short"
            } else {
                "solve.slack"
            },
            &[
                ("lever", name),
                ("value", with_unit(l, closest, dec, unit)),
                ("cap", cap_name),
                ("gap", num(gap.abs(), 3)),
            ],
        ),
        Err(_) => tr(l, "solve.discrete"),
    }
}

/// Undoes the last change. Undo disables itself when nothing is left to
/// undo: focus then goes to "apply", or to the lever's choice when that is
/// disabled too, not to the page.
fn undo_keeping_focus(
    state: AppState,
    result: Memo<Result<f64, SolveError>>,
    apply: NodeRef<leptos::html::Button>,
    lever: NodeRef<leptos::html::Select>,
) {
    state.undo();
    if state.history.with_untracked(Vec::is_empty) {
        match (result.with_untracked(Result::is_ok), apply.get_untracked()) {
            (true, Some(b)) => drop(b.focus()),
            _ => drop(lever.get_untracked().map(|s| s.focus())),
        }
    }
}

/// The levers the solver can move: every lever but those of listed options.
fn solvable(data: &Data) -> Vec<LeverId> {
    let levers = data.levers.iter().filter(|l| l.options.is_none());
    levers.map(|l| l.id).collect()
}
