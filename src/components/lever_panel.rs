//! The lever panel: levers grouped as in the plan, with the crop-mode switch.
//! Each group's levers are mounted a few at a time, a task each
//! ([`later`]), so no start-up task builds more than [`CHUNK`] of them.

use crate::components::later::later;
use crate::components::lever::Lever;
use crate::format::with_unit;
use crate::i18n::tr;
use crate::state::{use_app_state, CropMode};
use changji_model::{Data, LeverDef};
use leptos::prelude::*;

/// The most levers mounted in one task. At 4× CPU slowdown on the build
/// machine's slow hour a lever takes 10–14 ms to build, so a task of four is
/// 40–56 ms, about the 50 ms beyond which a task counts as blocking
/// (docs/performance.md).
pub const CHUNK: usize = 4;

/// A group's levers in runs of at most [`CHUNK`], as even as can be (9
/// levers: 3, 3, 3, not 4, 4, 1), in the table's order.
pub fn chunks_of(levers: &[&'static LeverDef]) -> Vec<Vec<&'static LeverDef>> {
    let parts = levers.len().div_ceil(CHUNK).max(1);
    let mut out = Vec::with_capacity(parts);
    let mut rest = levers;
    for k in 0..parts {
        let take = rest.len().div_ceil(parts - k);
        let (head, tail) = rest.split_at(take);
        out.push(head.to_vec());
        rest = tail;
    }
    out
}

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
            let levers = chunks_of(&defs)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_hold_every_lever_once_in_order_none_too_many_and_evenly() {
        let data = Data::get();
        for n in 0..=data.levers.len() {
            let defs: Vec<&'static LeverDef> = data.levers.iter().take(n).collect();
            let chunks = chunks_of(&defs);
            let flat: Vec<&str> = chunks.iter().flatten().map(|d| d.id.as_str()).collect();
            let want: Vec<&str> = defs.iter().map(|d| d.id.as_str()).collect();
            assert_eq!(flat, want, "{n} levers");
            assert_eq!(chunks.len(), n.div_ceil(CHUNK).max(1), "{n} levers");
            let sizes: Vec<usize> = chunks.iter().map(Vec::len).collect();
            let (lo, hi) = (sizes.iter().min().copied(), sizes.iter().max().copied());
            assert!(hi.unwrap_or(0) <= CHUNK, "{n} levers: {sizes:?}");
            assert!(
                hi.unwrap_or(0) - lo.unwrap_or(0) <= 1,
                "{n} levers: {sizes:?}"
            );
        }
    }
}
