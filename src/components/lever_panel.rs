//! The lever panel: levers grouped as in the plan, with the crop-mode switch,
//! mounted in two halves (two tasks, neither long enough to hold a tap on a
//! slow phone).

use crate::components::lever::Lever;
use crate::format::with_unit;
use crate::i18n::tr;
use crate::state::{use_app_state, CropMode};
use changji_model::Data;
use leptos::prelude::*;

/// The lever groups of one half of the panel (`0` or `1`): whole groups in
/// order, a group in the first half when its middle lever is in the first
/// half of all the levers.
pub fn groups_of_half(data: &'static Data, half: usize) -> Vec<&'static str> {
    let mut before = 0;
    data.groups()
        .into_iter()
        .filter(|group| {
            let size = data.levers.iter().filter(|l| l.group == *group).count();
            let first = 2 * before + size <= data.levers.len();
            before += size;
            (half == 0) == first
        })
        .collect()
}

/// One half of the levers, grouped (see [`groups_of_half`]).
#[component]
pub fn LeverGroups(
    /// Which half: 0 or 1.
    half: usize,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let data = Data::get();
    let area = move || state.outcome.with(|o| o.indicators.irrigated_area);
    groups_of_half(data, half)
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
        .collect_view()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_halves_hold_every_group_once_in_order_and_the_levers_about_evenly() {
        let data = Data::get();
        let (a, b) = (groups_of_half(data, 0), groups_of_half(data, 1));
        assert_eq!([a.clone(), b.clone()].concat(), data.groups());
        let levers = |g: &[&str]| {
            data.levers
                .iter()
                .filter(|l| g.contains(&l.group.as_str()))
                .count()
        };
        let (na, nb) = (levers(&a), levers(&b));
        assert!(na > 0 && nb > 0, "{na} / {nb}");
        // Whole groups: the halves differ by no more than the largest group.
        let largest = data
            .groups()
            .iter()
            .map(|g| levers(&[g]))
            .max()
            .unwrap_or(0);
        assert!(na.abs_diff(nb) <= largest, "{na} / {nb}");
    }
}
