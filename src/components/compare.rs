//! Compare: pin the current scenario, keep moving sliders, and see both (and
//! the plan) side by side, with a table of differences per cap and per lever.

use crate::format::{decimals_for_step, num};
use crate::i18n::{lever_name, tr};
use crate::state::use_app_state;
use changji_model::evaluate::CapId;
use changji_model::Data;
use leptos::either::Either;
use leptos::prelude::*;

/// Signed difference, written with its sign (`+0.12`, `−0.30`, `0.00`).
pub fn signed(x: f64, decimals: usize) -> String {
    let s = num(x, decimals);
    if x > 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{s}")
    } else {
        s
    }
}

/// The panel's title, with Pin (or Pin again) and Unpin.
#[component]
fn CompareHead(is_pinned: Memo<bool>) -> impl IntoView {
    let state = use_app_state();
    let (lang, pinned) = (state.page.lang, state.pinned);
    let pin = move |_| pinned.set(Some(state.scenario.get_untracked()));
    // "Unpin" goes away when pressed: focus goes to "pin", not to the page.
    let pin_ref = NodeRef::<leptos::html::Button>::new();
    let unpin = move |_| {
        pinned.set(None);
        pin_ref.get_untracked().map(|b| b.focus());
    };
    view! {
        <div class="compare-head">
            <h2 id="compare-title">{move || tr(lang.get(), "compare.title")}</h2>
            <button data-testid="pin" node_ref=pin_ref on:click=pin>
                {move || tr(lang.get(), if is_pinned.get() { "compare.repin" } else { "compare.pin" })}
            </button>
            {move || is_pinned.get().then(|| view! {
                <button data-testid="unpin" on:click=unpin>{move || tr(lang.get(), "compare.unpin")}</button>
            })}
        </div>
    }
}

/// The compare panel.
#[component]
pub fn Compare() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let data = Data::get();
    let pinned = state.pinned;
    let is_pinned = Memo::new(move |_| pinned.with(Option::is_some));
    let cap_rows = move || {
        let p = state.pinned_outcome.get()?;
        let o = state.outcome.get();
        let plan = state.plan.get();
        let rows = CapId::ALL
            .iter()
            .map(|id| {
                let v = o.cap(*id).map_or(f64::NAN, |c| c.value);
                let q = p.cap(*id).map_or(f64::NAN, |c| c.value);
                let r = plan.cap(*id).map_or(f64::NAN, |c| c.value);
                let limit = o.cap(*id).map_or(f64::NAN, |c| c.limit);
                view! {
                    <tr data-testid=format!("compare-cap-{}", id.as_str()) data-delta=(v - q).to_string()>
                        <th scope="row">{tr(lang.get(), &format!("cap.{}", id.as_str()))}</th>
                        <td>{num(v, 2)}</td>
                        <td>{num(q, 2)}</td>
                        <td>{num(r, 2)}</td>
                        <td>{num(limit, 2)}</td>
                        <td class="delta">{signed(v - q, 2)}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(rows)
    };
    let lever_rows = move || {
        let p = pinned.get()?;
        let s = state.scenario.get();
        let plan = state.plan_scenario.get();
        let rows = data
            .levers
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                let (a, b, c) = (s.values[*i], p.values[*i], plan.values[*i]);
                (a - b).abs() > 1e-12 || (a - c).abs() > 1e-12
            })
            .map(|(i, l)| {
                let d = decimals_for_step(l.step);
                view! {
                    <tr data-testid=format!("compare-lever-{}", l.id)>
                        <th scope="row">{lever_name(lang.get(), l.id)}</th>
                        <td>{num(s.values[i], d)}</td>
                        <td>{num(p.values[i], d)}</td>
                        <td>{num(plan.values[i], d)}</td>
                        <td>{l.unit.clone()}</td>
                        <td class="delta">{signed(s.values[i] - p.values[i], d)}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(rows)
    };
    let head = move |first: &'static str, fourth: &'static str| {
        view! {
            <thead>
                <tr>
                    <th scope="col">{move || tr(lang.get(), first)}</th>
                    <th scope="col">{move || tr(lang.get(), "chart.scenario")}</th>
                    <th scope="col">{move || tr(lang.get(), "chart.pinned")}</th>
                    <th scope="col">{move || tr(lang.get(), "chart.plan")}</th>
                    <th scope="col">{move || tr(lang.get(), fourth)}</th>
                    <th scope="col">{move || tr(lang.get(), "compare.delta")}</th>
                </tr>
            </thead>
        }
    };
    view! {
        <section class="compare" aria-labelledby="compare-title">
            <CompareHead is_pinned=is_pinned/>
            {move || if is_pinned.get() {
                Either::Left(view! {
                <div class="compare-tables">
                    <table data-testid="compare-caps">
                        {head("compare.cap", "csv.limit")}
                        <tbody>{cap_rows}</tbody>
                    </table>
                    <table data-testid="compare-levers">
                        {head("notes.col_input", "csv.unit")}
                        <tbody>{lever_rows}</tbody>
                    </table>
                </div>
                })
            } else {
                Either::Right(view! { <p class="hint">{move || tr(lang.get(), "compare.hint")}</p> })
            }}
        </section>
    }
}
