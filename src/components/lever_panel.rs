//! The lever panel: levers grouped as in the plan, with the crop-mode switch.
//! Each group's levers are mounted a few at a time, a task each
//! ([`later`], [`even_runs`]), so no start-up task builds more than [`CHUNK`]
//! of them.

use crate::components::later::{even_runs, later};
use crate::components::lever::Lever;
use crate::format::with_unit;
use crate::i18n::tr;
use crate::state::{use_app_state, CropMode};
use changji_model::{Data, LeverDef};
use leptos::prelude::*;

/// The most levers mounted in one task. At 4× CPU slowdown a lever takes
/// 10–14 ms to build at a fast hour of the build machine and twice that at a
/// slow one, so a task of four was 40–92 ms, over the 50 ms beyond which a task
/// counts as blocking; two are 20–46 (docs/performance.md).
pub const CHUNK: usize = 2;

/// Every lever group, each a fieldset whose levers come in later tasks.
#[component]
pub fn LeverGroups() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let data = Data::get();
    let area = move || state.outcome.with(|o| o.indicators.irrigated_area);
    data.groups()
        .into_iter()
        .map(|group| {
            let defs: Vec<&'static LeverDef> =
                data.levers.iter().filter(|l| l.group == group).collect();
            let levers = even_runs(&defs, CHUNK)
                .into_iter()
                .map(|run| {
                    let mount = move || run.into_iter().map(|def| view! { <Lever def=def/> }).collect_view();
                    view! { <div class="later first" node_ref=later(state, true, mount)></div> }
                })
                .collect_view();
            let has_key = defs.iter().any(|l| l.key);
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
        .collect_view()
}
