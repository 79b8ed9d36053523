//! One cap: value, limit, margin and state in text and colour, as a meter.

use crate::format::{num, with_unit};
use crate::i18n::{tr, tr_with};
use crate::state::use_app_state;
use changji_model::evaluate::{CapId, CapKind, CapState};
use leptos::prelude::*;

/// The sentence under a cap's value: within or over a ceiling, a floor reached
/// or short, or no verdict in the plan for the year.
fn state_text(lang: crate::i18n::Lang, c: &changji_model::CapResult) -> String {
    let m = c.margin().abs();
    let margin = num(m, if m < 0.1 { 3 } else { 2 });
    let key = match (c.state, c.kind) {
        (CapState::Ok, CapKind::Ceiling) => "cap.ok",
        (CapState::Ok, CapKind::Floor) => "cap.reached",
        (CapState::Over, _) => "cap.over",
        (CapState::Short, _) => "cap.short",
        (CapState::NotReported, _) => "cap.not_reported",
    };
    tr_with(lang, key, &[("margin", margin)])
}

/// A cap card. `data-value` is the plain value in 亿m³; `data-state` is `ok`,
/// `over` (above a ceiling), `short` (below the other-sources floor, which is a
/// target, not a limit) or `not_reported` (the plan gives no verdict that year).
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
    let cap_state = move || cap.get().map_or(CapState::Ok, |c| c.state);
    let floor = id.kind() == CapKind::Floor;
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
            class:over=move || cap_state() == CapState::Over
            class:short=move || cap_state() == CapState::Short
            class:unreported=move || cap_state() == CapState::NotReported
            data-testid=format!("cap-{}", id.as_str())
            data-value=move || value().to_string()
            data-limit=move || limit().to_string()
            data-kind=if floor { "floor" } else { "ceiling" }
            data-state=move || cap_state().as_str()
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
                {move || tr_with(lang.get(), if floor { "cap.target" } else { "cap.limit" }, &[("limit", with_unit(lang.get(), limit(), 2, "亿m³"))])}
            </p>
            {(id == CapId::Surface).then(|| view! { <SurfaceAvailable/> })}
            <p class="cap-state" data-testid=format!("cap-{}-state", id.as_str())>
                <span class="icon" aria-hidden="true">
                    {move || match cap_state() {
                        CapState::Ok => "✓",
                        CapState::Over => "!",
                        CapState::Short => "↓",
                        CapState::NotReported => "–",
                    }}
                </span>
                {move || cap.get().map(|c| state_text(lang.get(), &c)).unwrap_or_default()}
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
                    tr_with(lang.get(), if floor { "cap.prob_floor" } else { "cap.prob" }, &[
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

/// The surface card's line on the runoff year: what reaches the users this
/// year, and what is available but above the cap (a wet year) or the demand.
#[component]
fn SurfaceAvailable() -> impl IntoView {
    let state = use_app_state();
    let lang = state.lang;
    let avail = Memo::new(move |_| {
        state
            .outcome
            .with(|o| (o.detail.surface_available, o.detail.surface_unallocated))
    });
    view! {
        <p
            class="cap-available"
            data-testid="surface-available"
            data-value=move || avail.get().0.to_string()
            data-unallocated=move || avail.get().1.to_string()
        >
            {move || {
                let (a, u) = avail.get();
                let l = lang.get();
                let mut s = tr_with(l, "cap.available", &[("value", with_unit(l, a, 2, "亿m³"))]);
                if u > 0.005 {
                    s.push(' ');
                    s.push_str(&tr_with(l, "cap.unallocated", &[("value", with_unit(l, u, 2, "亿m³"))]));
                }
                s
            }}
        </p>
    }
}
