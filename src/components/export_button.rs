//! Export: the results and lever values as a CSV file that Excel opens with
//! Chinese text intact.

use crate::browser::{download, link_for};
use crate::export::results_csv;
use crate::i18n::tr;
use crate::state::use_app_state;
use crate::url::query_for;
use leptos::prelude::*;

/// The CSV export button.
#[component]
pub fn ExportButton() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let export = move |_| {
        let l = lang.get_untracked();
        let plan_s = state.plan_scenario.get_untracked();
        let text = state.scenario.with_untracked(|s| {
            state.outcome.with_untracked(|o| {
                state.plan.with_untracked(|p| {
                    results_csv(l, s, o, &plan_s, p, &link_for(&query_for(s, l)))
                })
            })
        });
        let name = state
            .scenario
            .with_untracked(|s| format!("changji-water-{}.csv", s.preset));
        download(&name, "text/csv;charset=utf-8", &text);
    };
    view! {
        <button class="export" data-testid="export-csv" on:click=export>
            {move || tr(lang.get(), "export.csv")}
        </button>
    }
}
