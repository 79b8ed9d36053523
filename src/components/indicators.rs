//! The indicator strip: one tile per indicator of the model's quantity table
//! (`changji_model::quantity`), each against its plan target or 2020 figure.

use crate::components::provenance::open_label;
use crate::format::{num, with_unit};
use crate::i18n::{tr, tr_with, Lang};
use crate::state::use_app_state;
use changji_model::quantity::{Note, Quantity, Target};
use changji_model::{Data, Outcome};
use leptos::prelude::*;

/// The line under an indicator's value.
pub fn note_text(lang: Lang, q: Quantity, o: &Outcome) -> String {
    let data = Data::get();
    let d = q.spec(data, o);
    match d.note {
        Note::Target => d.target.map_or_else(String::new, |t| {
            let (sign, v) = match t {
                Target::AtMost(v) => ("≤", v),
                Target::AtLeast(v) => ("≥", v),
            };
            let shown = with_unit(lang, v, d.decimals.min(2), &d.unit);
            tr_with(lang, "ind.target", &[("value", format!("{sign} {shown}"))])
        }),
        Note::Base2020(v) => format!("2020: {}", num(v, 2)),
        Note::Text(names) => {
            let args: Vec<(&str, String)> = names
                .iter()
                .filter_map(|n| Quantity::arg(n, data, o))
                .map(|a| (a.name, with_unit(lang, a.value, a.decimals, a.unit)))
                .collect();
            let key = q.label_key().unwrap_or_default();
            tr_with(lang, &format!("{key}.note"), &args)
        }
    }
}

/// One indicator tile.
#[component]
fn Tile(
    /// Which indicator (one of [`Quantity::INDICATORS`]).
    q: Quantity,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let data = Data::get();
    let o = state.outcome;
    // Each worked out once a change, and what shows it updated only when it
    // moved (most tiles keep their value under most levers).
    let spec = Memo::new(move |_| o.with(|o| q.spec(data, o)));
    let value = Memo::new(move |_| state.scenario.with(|s| o.with(|o| q.value(data, s, o))));
    let good = Memo::new(move |_| spec.with(|d| d.target.map(|t| t.met(value.get(), d.decimals))));
    let id = q.indicator_id().unwrap_or_default();
    let label = move || tr(lang.get(), &q.label_key().unwrap_or_default());
    let shown =
        Memo::new(move |_| spec.with(|d| with_unit(lang.get(), value.get(), d.decimals, &d.unit)));
    let note = Memo::new(move |_| o.with(|o| note_text(lang.get(), q, o)));
    view! {
        <div
            class="tile"
            class:good=move || good.get() == Some(true)
            class:bad=move || good.get() == Some(false)
            data-testid=format!("ind-{id}")
            data-value=move || value.get().to_string()
        >
            <span class="tile-label">{label}</span>
            <span class="tile-value" data-prov=q.key() tabindex="0" role="button"
                aria-label=move || open_label(lang.get(), label(), shown.get())>
                {shown}
            </span>
            <span class="tile-note">{note}</span>
        </div>
    }
}

/// The strip.
#[component]
pub fn Indicators() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let o = state.outcome;
    view! {
        <section class="indicators" aria-labelledby="ind-title">
            <h2 id="ind-title">{move || tr(lang.get(), "ind.title")}</h2>
            <div class="tiles">
                {Quantity::INDICATORS.into_iter().map(|q| view! { <Tile q=q/> }).collect_view()}
            </div>
            <p class="calibration">
                {move || tr_with(lang.get(), "ind.calibration", &[("k", num(o.with(|o| o.detail.calibration.quota_factor), 3))])}
            </p>
        </section>
    }
}
