//! One lever: a labelled range input with a number box, unit, a mark at the
//! plan's value, its feasible band, the marked points of its row, a reset,
//! and a short help text with its source. Everything comes from the lever's
//! row of the table; nothing here branches on a lever's id.

use crate::follow::shown_value;
use crate::format::{decimals_for_step, lever_num, num, unit};
use crate::i18n::{grade_name, lever_name, text, tr, tr_with};
use crate::state::use_app_state;
use changji_model::band::Band;
use changji_model::{Data, LeverDef};
use leptos::prelude::*;

/// Position of `v` on the lever's track, in percent.
fn pos(l: &LeverDef, v: f64) -> f64 {
    ((v - l.min) / (l.max - l.min) * 100.0).clamp(0.0, 100.0)
}

/// A lever's value in the scenario (a signal that changes only with it:
/// crate::follow), its preset's and the plan's (memos).
#[derive(Clone, Copy)]
struct Values {
    value: ReadSignal<f64>,
    preset: Memo<f64>,
    plan: Memo<f64>,
}

impl Values {
    fn of(def: &'static LeverDef) -> Values {
        let state = use_app_state();
        let id = def.id;
        let at = move |s: &changji_model::Scenario| shown_value(s, id);
        Values {
            value: state.levers.signal(id),
            preset: Memo::new(move |_| state.preset_scenario.with(at)),
            plan: Memo::new(move |_| state.plan_scenario.with(at)),
        }
    }
}

/// A lever row.
#[component]
pub fn Lever(
    /// The lever's row of the lever table.
    def: &'static LeverDef,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let id = def.id;
    let values = Values::of(def);
    let changed = Memo::new(move |_| (values.value.get() - values.preset.get()).abs() > 1e-12);
    // Outer None: not analysed yet; inner None: no value keeps every cap.
    let analysed = Memo::new(move |_| {
        state.feasible.with(|f| {
            f.as_ref()
                .map(|f| f.bands.get(id.index()).copied().flatten())
        })
    });
    let input_id = format!("lever-input-{id}");
    let shown = move || crate::format::lever_value(lang.get(), def, values.value.get());
    let label = move || text(lang.get(), &def.label).to_string();
    view! {
        <div class="lever" class:changed=changed class:key=def.key>
            <div class="lever-head">
                <label for=input_id.clone()>{label}</label>
                <output
                    for=input_id.clone()
                    data-testid=format!("lever-value-{id}")
                    data-prov=format!("lever-{id}")
                    tabindex="0"
                    role="button"
                    aria-label=move || crate::components::provenance::open_label(lang.get(), label(), shown())
                >
                    {shown}
                </output>
            </div>
            <Track def=def values=values analysed=analysed input_id=input_id.clone()/>
            <Marks def=def value=values.value/>
            <Foot def=def values=values input_id=input_id/>
            <BandText def=def analysed=analysed/>
            <Help def=def/>
        </div>
    }
}

/// The range input with the feasible band and the plan's mark.
#[component]
fn Track(
    def: &'static LeverDef,
    values: Values,
    analysed: Memo<Option<Option<Band>>>,
    input_id: String,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let id = def.id;
    let band = Memo::new(move |_| analysed.get().flatten());
    let shown = move || crate::format::lever_value(lang.get(), def, values.value.get());
    view! {
        <div class="track">
            <span
                class="band"
                class:empty=move || band.get().is_none()
                aria-hidden="true"
                data-testid=format!("band-{id}")
                data-min=move || band.get().map(|b| b.min.to_string()).unwrap_or_default()
                data-max=move || band.get().map(|b| b.max.to_string()).unwrap_or_default()
                style=move || match band.get() {
                    Some(b) => format!(
                        "left: {:.3}%; width: {:.3}%",
                        pos(def, b.min),
                        pos(def, b.max) - pos(def, b.min)
                    ),
                    None => String::new(),
                }
            ></span>
            <input
                type="range"
                id=input_id
                data-testid=format!("lever-{id}")
                min=def.min
                max=def.max
                step=def.step
                aria-describedby=format!("lever-help-{id} lever-band-{id}")
                aria-valuetext=shown
                prop:value=move || values.value.get().to_string()
                on:input=move |ev| set_from_text(def, event_target_value(&ev))
                on:keydown=move |ev| {
                    if let Some(v) = arrow_key(def, &ev, values.value.get_untracked()) {
                        // A key press is a change (the browser's own, cancelled,
                        // would have fired one); held, its repeats are a run.
                        state.page.draws.note_change(crate::browser::now());
                        state.set_lever(id, v);
                    }
                }
            />
            <span
                class="plan-mark"
                aria-hidden="true"
                style=move || format!("left: {:.3}%", pos(def, values.plan.get()))
                title=move || format!("{} {}", tr(lang.get(), "lever.plan_mark"), lever_num(def, values.plan.get()))
            ></span>
        </div>
    }
}

/// Where an arrow key on `def`'s slider moves it from `value`, for a lever
/// whose key step is coarser than its slider step (η): the browser's own
/// move is then cancelled. `None`: the browser moves the slider itself.
fn arrow_key(def: &LeverDef, ev: &web_sys::KeyboardEvent, value: f64) -> Option<f64> {
    let up = match ev.key().as_str() {
        _ if ev.alt_key() || ev.ctrl_key() || ev.meta_key() => return None,
        "ArrowUp" | "ArrowRight" => true,
        "ArrowDown" | "ArrowLeft" => false,
        _ => return None,
    };
    let v = def.key_target(value, up)?;
    ev.prevent_default();
    Some(v)
}

/// Sets the lever from a text the user typed or the slider gave.
fn set_from_text(def: &'static LeverDef, text: String) {
    if let Ok(v) = text.trim().parse::<f64>() {
        if v.is_finite() {
            use_app_state().set_lever(def.id, v);
        }
    }
}

/// The row's marked points, each a button that sets it (absent when none).
#[component]
fn Marks(def: &'static LeverDef, value: ReadSignal<f64>) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    (!def.marks.is_empty()).then(|| {
        view! {
            <div class="chips" role="group" data-testid=format!("marks-{}", def.id)>
                {def.marks.iter().map(|m| {
                    let v = m.value;
                    view! {
                        <button
                            class="chip"
                            aria-pressed=move || ((value.get() - v).abs() < 1e-9).to_string()
                            on:click=move |_| state.set_lever(def.id, v)
                        >
                            {move || tr(lang.get(), &m.label)}
                        </button>
                    }
                }).collect_view()}
            </div>
        }
    })
}

/// The number box, unit, plan value and reset.
#[component]
fn Foot(def: &'static LeverDef, values: Values, input_id: String) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let (id, decimals) = (def.id, decimals_for_step(def.step));
    view! {
        <div class="lever-foot">
            <input
                type="number"
                class="num"
                data-testid=format!("lever-{id}-number")
                min=def.min
                max=def.max
                step=def.step
                aria-label=move || format!("{} ({})", lever_name(lang.get(), id), unit(lang.get(), &def.unit))
                prop:value=move || num(values.value.get(), decimals).replace(',', "")
                on:change=move |ev| set_from_text(def, event_target_value(&ev))
            />
            <span class="unit">{move || unit(lang.get(), &def.unit)}</span>
            <span class="plan-value">
                {move || format!("{} {}", tr(lang.get(), "lever.plan_mark"), lever_num(def, values.plan.get()))}
            </span>
            <button
                class="reset"
                data-testid=format!("reset-{id}")
                disabled=move || (values.value.get() - values.preset.get()).abs() < 1e-12
                on:click=move |_| {
                    state.scenario.update(|s| drop(s.set(Data::get(), id, values.preset.get_untracked())));
                    crate::browser::focus_id(&input_id); // it is disabled now
                }
            >
                {move || tr_with(lang.get(), "reset.one", &[("value", lever_num(def, values.preset.get()))])}
            </button>
        </div>
    }
}

/// The feasible band in words.
#[component]
fn BandText(def: &'static LeverDef, analysed: Memo<Option<Option<Band>>>) -> impl IntoView {
    let lang = use_app_state().page.lang;
    let text = move || {
        let l = lang.get();
        match analysed.get() {
            None => String::new(),
            Some(Some(b)) => tr_with(
                l,
                "band.range",
                &[
                    ("min", lever_num(def, b.min)),
                    ("max", crate::format::lever_value(l, def, b.max)),
                ],
            ),
            Some(None) => tr(l, "band.none"),
        }
    };
    view! {
        <p
            class="band-text"
            class:empty=move || analysed.get() == Some(None)
            id=format!("lever-band-{}", def.id)
            data-testid=format!("band-text-{}", def.id)
        >
            {text}
        </p>
    }
}

/// The help text and where the preset's value comes from, with its grade.
#[component]
fn Help(def: &'static LeverDef) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let data = Data::get();
    let id = def.id;
    let source = move || {
        let l = lang.get();
        state.preset_id.with(|p| {
            let (src, grade) = data.lever_source(p, id);
            let grade = grade
                .map(|g| format!(" [{}]", grade_name(l, g)))
                .unwrap_or_default();
            format!("{}: {}{grade}", tr(l, "lever.source"), text(l, src))
        })
    };
    view! {
        <p class="help" id=format!("lever-help-{id}")>
            {move || text(lang.get(), &def.help).to_string()}
            " "
            <span class="source">{source}</span>
        </p>
    }
}
