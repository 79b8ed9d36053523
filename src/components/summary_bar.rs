//! A compact, sticky line of the total and each cap's state, shown on narrow
//! screens where the levers sit below the cards: moving a slider on a phone
//! still shows what it does.

use crate::format::num;
use crate::i18n::tr;
use crate::state::use_app_state;
use changji_model::evaluate::CapId;
use leptos::prelude::*;

/// The sticky summary.
#[component]
pub fn SummaryBar() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    view! {
        <div class="summary-bar" data-testid="summary" aria-hidden="true">
            <span class="sum-total">
                {move || tr(lang.get(), "total.label")}
                " "
                <b>{move || num(state.outcome.with(|o| o.total), 2)}</b>
            </span>
            {CapId::ALL
                .iter()
                .skip(1)
                .map(|id| {
                    let id = *id;
                    let ok = move || state.outcome.with(|o| o.cap(id).is_none_or(|c| c.ok));
                    let value = move || state.outcome.with(|o| o.cap(id).map_or(0.0, |c| c.value));
                    view! {
                        <span class="sum-cap" class:over=move || !ok()>
                            {move || if ok() { "✓ " } else { "! " }}
                            {move || tr(lang.get(), &format!("cap.{}", id.as_str()))}
                            " "
                            {move || num(value(), 2)}
                        </span>
                    }
                })
                .collect_view()}
        </div>
    }
}
