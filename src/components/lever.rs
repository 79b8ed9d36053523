//! One lever: a labelled range input with a number box, unit, a mark at the
//! plan's value, a reset, and a short help text with its source.

use crate::format::{decimals_for_step, num, unit, with_unit};
use crate::i18n::{tr, tr_with};
use crate::state::use_app_state;
use changji_model::{Data, LeverDef};
use leptos::prelude::*;

/// Position of `v` on the lever's track, in percent.
fn pos(l: &LeverDef, v: f64) -> f64 {
    ((v - l.min) / (l.max - l.min) * 100.0).clamp(0.0, 100.0)
}

/// A lever row.
#[component]
pub fn Lever(
    /// The lever's row of the lever table.
    def: &'static LeverDef,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let data = Data::get();
    let id: &'static str = def.id.as_str();
    let decimals = decimals_for_step(def.step);
    let value = Memo::new(move |_| state.scenario.with(|s| s.get(data, id).unwrap_or(def.min)));
    let preset_value = Memo::new(move |_| {
        state
            .preset_scenario
            .with(|p| p.get(data, id).unwrap_or(def.min))
    });
    let plan_value = Memo::new(move |_| {
        state
            .plan_scenario
            .with(|s| s.get(data, id).unwrap_or(def.min))
    });
    let changed = Memo::new(move |_| (value.get() - preset_value.get()).abs() > 1e-12);
    let index = data.lever_index(id).unwrap_or(usize::MAX);
    // Outer None: not analysed yet; inner None: no value keeps every cap.
    let analysed = Memo::new(move |_| {
        state
            .analyses
            .with(|a| a.as_ref().map(|a| a.bands.get(index).copied().flatten()))
    });
    let band = Memo::new(move |_| analysed.get().flatten());
    let infeasible = move || analysed.get() == Some(None);
    let band_id = format!("lever-band-{id}");
    let band_text = move || {
        let l = lang.get();
        match analysed.get() {
            None => String::new(),
            Some(Some(b)) => tr_with(
                l,
                "band.range",
                &[
                    ("min", num(b.min, decimals)),
                    ("max", with_unit(l, b.max, decimals, &def.unit)),
                ],
            ),
            Some(None) => tr(l, "band.none"),
        }
    };
    let on_value = move |text: String| {
        if let Ok(v) = text.trim().parse::<f64>() {
            if v.is_finite() {
                state.set_lever(id, v);
            }
        }
    };
    let input_id = format!("lever-input-{id}");
    let help_id = format!("lever-help-{id}");
    let label_key = format!("lever.{id}.label");
    let help_key = format!("lever.{id}.help");
    let grade = move || {
        state.preset_id.with(|p| {
            data.preset_value(p, id)
                .map(|v| (v.grade.key().to_string(), v.source.clone()))
        })
    };
    let shown = move || with_unit(lang.get(), value.get(), decimals, &def.unit);
    let marks_145 = id == "surface";
    let options = def.marks.clone().filter(|_| id == "runoff");

    view! {
        <div class="lever" class:changed=changed class:key=crate::state::KEY_LEVERS.contains(&id)>
            <div class="lever-head">
                <label for=input_id.clone()>{move || tr(lang.get(), &label_key)}</label>
                <output
                    for=input_id.clone()
                    data-testid=format!("lever-value-{id}")
                    data-prov=format!("lever-{id}")
                    tabindex="0"
                    role="button"
                >
                    {shown}
                </output>
            </div>
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
                    id=input_id.clone()
                    data-testid=format!("lever-{id}")
                    min=def.min
                    max=def.max
                    step=def.step
                    aria-describedby=format!("{help_id} {band_id}")
                    aria-valuetext=shown
                    prop:value=move || value.get().to_string()
                    on:input=move |ev| on_value(event_target_value(&ev))
                />
                <span
                    class="plan-mark"
                    aria-hidden="true"
                    style=move || format!("left: {:.3}%", pos(def, plan_value.get()))
                    title=move || format!("{} {}", tr(lang.get(), "lever.plan_mark"), num(plan_value.get(), decimals))
                ></span>
                {marks_145.then(|| view! {
                    <button
                        class="mark-145"
                        style=format!("left: {:.3}%", pos(def, 14.5))
                        on:click=move |_| state.set_lever(id, 14.5)
                    >
                        {move || tr(lang.get(), "lever.surface.mark_145")}
                    </button>
                })}
            </div>
            {options.map(|opts| view! {
                <div class="chips" role="group">
                    {opts.into_iter().map(|o| view! {
                        <button
                            class="chip"
                            aria-pressed=move || ((value.get() - o).abs() < 1e-9).to_string()
                            on:click=move |_| state.set_lever(id, o)
                        >
                            {move || format!("{}% {}", o, tr(lang.get(), &format!("runoff.{o}")))}
                        </button>
                    }).collect_view()}
                </div>
            })}
            <div class="lever-foot">
                <input
                    type="number"
                    class="num"
                    data-testid=format!("lever-{id}-number")
                    min=def.min
                    max=def.max
                    step=def.step
                    aria-label=move || format!("{} ({})", tr(lang.get(), &format!("lever.{id}.label")), unit(lang.get(), &def.unit))
                    prop:value=move || num(value.get(), decimals).replace(',', "")
                    on:change=move |ev| on_value(event_target_value(&ev))
                />
                <span class="unit">{move || unit(lang.get(), &def.unit)}</span>
                <span class="plan-value">
                    {move || format!("{} {}", tr(lang.get(), "lever.plan_mark"), num(plan_value.get(), decimals))}
                </span>
                <button
                    class="reset"
                    data-testid=format!("reset-{id}")
                    disabled=move || (value.get() - preset_value.get()).abs() < 1e-12
                    on:click=move |_| state.scenario.update(|s| {
                        let _ = s.set(data, id, preset_value.get_untracked());
                    })
                >
                    {move || tr_with(lang.get(), "reset.one", &[("value", num(preset_value.get(), decimals))])}
                </button>
            </div>
            <p class="band-text" class:empty=infeasible id=band_id data-testid=format!("band-text-{id}")>
                {band_text}
            </p>
            <p class="help" id=help_id>
                {move || tr(lang.get(), &help_key)}
                " "
                <span class="source">
                    {move || {
                        let (g, src) = grade().unwrap_or_default();
                        format!("{}: {} [{}]", tr(lang.get(), "lever.source"), src.get(lang.get().code()), tr(lang.get(), &format!("grade.{g}")))
                    }}
                </span>
            </p>
        </div>
    }
}
