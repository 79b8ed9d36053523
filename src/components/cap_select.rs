//! A labelled choice of one of the five caps (used by solve and attribution).

use crate::i18n::tr;
use crate::state::use_app_state;
use changji_model::evaluate::CapId;
use leptos::prelude::*;

/// A `<select>` of the caps, bound to `value`, with the label "Cap".
#[component]
pub fn CapSelect(
    /// The chosen cap.
    value: RwSignal<CapId>,
    /// Test id of the select.
    testid: &'static str,
) -> impl IntoView {
    let lang = use_app_state().page.lang;
    view! {
        <label class="cap-select">
            {move || tr(lang.get(), "solve.cap")}
            <select
                data-testid=testid
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Ok(c) = v.parse::<CapId>() {
                        value.set(c);
                    }
                }
            >
                {CapId::ALL.into_iter().map(|c| view! {
                    <option value=c.as_str() selected=move || value.get() == c>
                        {move || tr(lang.get(), &format!("cap.{}", c.as_str()))}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}
