//! One cap: value, limit, margin and state in text and colour, as a meter.

use crate::format::{num, with_unit};
use crate::i18n::{tr, tr_with};
use crate::state::use_app_state;
use changji_model::evaluate::CapId;
use leptos::prelude::*;

/// A cap card. `data-value` is the plain value in 亿m³; `data-state` is `ok` or `over`.
#[component]
pub fn CapCard(
    /// Which cap.
    id: CapId,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let cap = Memo::new(move |_| state.outcome.with(|o| o.cap(id).copied()));
    let plan = Memo::new(move |_| state.plan.with(|o| o.cap(id).map(|c| c.value)));
    let pinned = Memo::new(move |_| {
        state
            .pinned_outcome
            .with(|o| o.as_ref().and_then(|o| o.cap(id).map(|c| c.value)))
    });
    let value = move || cap.get().map_or(0.0, |c| c.value);
    let limit = move || cap.get().map_or(0.0, |c| c.limit);
    let ok = move || cap.get().is_none_or(|c| c.ok);
    let fill = move || {
        let l = limit();
        if l > 0.0 {
            (value() / l * 100.0).clamp(0.0, 150.0) / 1.5
        } else {
            0.0
        }
    };
    let prob = Memo::new(move |_| {
        state
            .analyses
            .with(|a| a.as_ref().and_then(|a| a.spread.cap(id).copied()))
    });
    let draws = Memo::new(move |_| {
        state
            .analyses
            .with(|a| a.as_ref().map_or(0, |a| a.spread.draws))
    });
    let name_key = format!("cap.{}", id.as_str());
    let name_key2 = name_key.clone();
    view! {
        <article
            class="cap"
            class:over=move || !ok()
            data-testid=format!("cap-{}", id.as_str())
            data-value=move || value().to_string()
            data-limit=move || limit().to_string()
            data-state=move || if ok() { "ok" } else { "over" }
        >
            <h3>{move || tr(lang.get(), &name_key)}</h3>
            <p class="cap-value">
                <span class="big" data-prov=format!("cap-{}", id.as_str()) tabindex="0" role="button">
                    {move || num(value(), 2)}
                </span>
                " "
                <span class="unit">{move || crate::format::unit(lang.get(), "亿m³")}</span>
            </p>
            <div
                class="meter"
                role="meter"
                aria-label=move || tr(lang.get(), &name_key2)
                aria-valuemin="0"
                aria-valuemax=move || num(limit() * 1.5, 2)
                aria-valuenow=move || num(value(), 2)
                aria-valuetext=move || format!("{} / {}", num(value(), 2), num(limit(), 2))
            >
                <span class="bar" style=move || format!("width: {:.2}%", fill())></span>
                <span class="limit-mark" style="left: 66.667%"></span>
            </div>
            <p class="cap-limit" data-prov=format!("limit-{}", id.as_str()) tabindex="0" role="button">
                {move || tr_with(lang.get(), "cap.limit", &[("limit", with_unit(lang.get(), limit(), 2, "亿m³"))])}
            </p>
            <p class="cap-state" data-testid=format!("cap-{}-state", id.as_str())>
                <span class="icon" aria-hidden="true">{move || if ok() { "✓" } else { "!" }}</span>
                {move || {
                    let m = (limit() - value()).abs();
                    let margin = num(m, if m < 0.1 { 3 } else { 2 });
                    if ok() {
                        tr_with(lang.get(), "cap.ok", &[("margin", margin)])
                    } else {
                        tr_with(lang.get(), "cap.over", &[("margin", margin)])
                    }
                }}
            </p>
            <p
                class="cap-prob"
                data-testid=format!("prob-{}", id.as_str())
                data-p=move || prob.get().map(|p| p.p_hold.to_string()).unwrap_or_default()
                data-p5=move || prob.get().map(|p| p.value.p5.to_string()).unwrap_or_default()
                data-p95=move || prob.get().map(|p| p.value.p95.to_string()).unwrap_or_default()
            >
                {move || prob.get().map(|p| {
                    let pct = p.p_hold * 100.0;
                    tr_with(lang.get(), "cap.prob", &[
                        ("p", num(pct, if pct > 0.0 && pct < 1.0 || pct > 99.0 && pct < 100.0 { 1 } else { 0 })),
                        ("n", num(draws.get() as f64, 0)),
                        ("lo", num(p.value.p5, 2)),
                        ("hi", num(p.value.p95, 2)),
                    ])
                })}
            </p>
            <p class="cap-plan">
                {move || tr_with(lang.get(), "cap.plan", &[("value", num(plan.get().unwrap_or(f64::NAN), 2))])}
            </p>
            {move || pinned.get().map(|v| view! {
                <p class="cap-pinned" data-testid=format!("cap-{}-pinned", id.as_str())>
                    {tr_with(lang.get(), "cap.pinned", &[("value", num(v, 2))])}
                </p>
            })}
        </article>
    }
}
