//! The lever panel: levers grouped as in the plan, with the crop-mode switch.

use crate::components::lever::Lever;
use crate::format::with_unit;
use crate::i18n::tr;
use crate::state::{use_app_state, CropMode};
use changji_model::Data;
use leptos::prelude::*;

/// All levers, grouped.
#[component]
pub fn LeverPanel() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let data = Data::get();
    let area = move || state.outcome.with(|o| o.indicators.irrigated_area);
    view! {
        <aside class="levers" id="levers">
            {data
                .groups()
                .into_iter()
                .map(|group| {
                    let levers = data
                        .levers
                        .iter()
                        .filter(|l| l.group == group)
                        .map(|def| view! { <Lever def=def/> })
                        .collect_view();
                    let has_key = data
                        .levers
                        .iter()
                        .any(|l| l.group == group && l.key);
                    view! {
                        <fieldset class="group" class:has-key=has_key data-testid=format!("group-{group}")>
                            <legend>{move || tr(lang.get(), &format!("group.{group}"))}</legend>
                            {(group == "crops").then(|| view! {
                                <div class="crop-mode" role="radiogroup" aria-label=move || tr(lang.get(), "crop_mode.label")>
                                    {[(CropMode::Shift, "shift"), (CropMode::Free, "free")]
                                        .into_iter()
                                        .map(|(mode, key)| view! {
                                            <label>
                                                <input
                                                    type="radio"
                                                    name="crop-mode"
                                                    data-testid=format!("crop-mode-{key}")
                                                    prop:checked=move || state.crop_mode.get() == mode
                                                    on:change=move |_| state.crop_mode.set(mode)
                                                />
                                                {move || tr(lang.get(), &format!("crop_mode.{key}"))}
                                            </label>
                                        })
                                        .collect_view()}
                                    <p class="area" data-testid="irrigated-area">
                                        {move || format!("{}: {}", tr(lang.get(), "crop_mode.area"), with_unit(lang.get(), area(), 1, "万亩"))}
                                    </p>
                                </div>
                            })}
                            {levers}
                        </fieldset>
                    }
                })
                .collect_view()}
        </aside>
    }
}
