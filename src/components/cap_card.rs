//! One cap: value, limit, margin and state in text and colour, as a meter.

use crate::components::provenance::open_label;
use crate::format::{num, with_unit};
use crate::i18n::{tr, tr_with};
use crate::state::use_app_state;
use changji_model::evaluate::{CapId, CapKind, CapState};
use changji_model::uncertainty::{CapSpread, Spread};
use changji_model::Outcome;
use leptos::prelude::*;

/// The sentence under a cap's value: within or over a ceiling, a floor reached
/// or short, held at the cap with irrigation water not delivered, or no
/// verdict in the plan for the year.
pub fn state_text(lang: crate::i18n::Lang, c: &changji_model::CapResult, o: &Outcome) -> String {
    let m = c.margin().abs();
    let margin = num(m, if m < 0.1 { 3 } else { 2 });
    let key = match (c.state, c.kind) {
        (CapState::Ok, CapKind::Ceiling) => "cap.ok",
        (CapState::Ok, CapKind::Floor) => "cap.reached",
        (CapState::Over, _) => "cap.over",
        (CapState::Short, _) => "cap.short",
        (CapState::Unmet, _) => "cap.unmet",
        (CapState::NotReported, _) => "cap.not_reported",
    };
    tr_with(
        lang,
        key,
        &[
            ("margin", margin),
            ("value", with_unit(lang, o.detail.undelivered, 2, "亿m³")),
            (
                "area",
                with_unit(lang, o.detail.undelivered_area, 1, "万亩"),
            ),
        ],
    )
}

/// The uncertainty sentence: how often the cap holds (never for a cap the
/// plan does not report), the 90 % range, for groundwater held at its cap how
/// often all demand is delivered and how much is not, and why a verdict with
/// little headroom is fragile.
pub fn prob_text(lang: crate::i18n::Lang, p: &CapSpread, sp: &Spread, pumped: bool) -> String {
    let pct = |x: f64| {
        let v = x * 100.0;
        num(
            v,
            if v > 0.0 && v < 1.0 || v > 99.0 && v < 100.0 {
                1
            } else {
                0
            },
        )
    };
    let range = [
        ("n", num(sp.draws as f64, 0)),
        ("lo", num(p.value.p5, 2)),
        ("hi", num(p.value.p95, 2)),
    ];
    let Some(hold) = p.p_hold else {
        return tr_with(lang, "cap.prob_not_reported", &range);
    };
    let floor = p.id.kind() == CapKind::Floor;
    let mut args = range.to_vec();
    args.push(("p", pct(hold)));
    let mut s = tr_with(
        lang,
        if floor { "cap.prob_floor" } else { "cap.prob" },
        &args,
    );
    let u = sp.undelivered;
    if p.id == CapId::Groundwater && !pumped {
        s.push(' ');
        s.push_str(&tr_with(
            lang,
            "cap.prob_delivered",
            &[
                ("p", pct(u.p_delivered)),
                ("mean", with_unit(lang, u.mean, 2, "亿m³")),
                ("p95", with_unit(lang, u.p95, 2, "亿m³")),
            ],
        ));
    }
    let fragile = if p.id == CapId::Groundwater && !pumped {
        u.p_delivered < 1.0
    } else {
        hold < 1.0
    };
    if fragile && p.headroom >= 0.0 && p.headroom < 0.05 {
        s.push(' ');
        s.push_str(&tr_with(
            lang,
            "cap.fragile",
            &[("headroom", with_unit(lang, p.headroom, 4, "亿m³"))],
        ));
    }
    s
}

/// A cap card's line on the Monte Carlo: how often the cap holds, its 90 %
/// range, and for groundwater held at its cap how much is not delivered.
#[component]
fn CapProb(
    /// Which cap.
    id: CapId,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let prob = Memo::new(move |_| {
        state
            .analyses
            .with(|a| a.as_ref().and_then(|a| a.spread.cap(id).copied()))
    });
    let text = move || {
        let pumped = state.outcome.with(|o| o.detail.shortfall_pumped);
        state.analyses.with(|a| {
            a.as_ref().and_then(|a| {
                a.spread
                    .cap(id)
                    .map(|p| prob_text(lang.get(), p, &a.spread, pumped))
            })
        })
    };
    view! {
        <p
            class="cap-prob"
            data-testid=format!("prob-{}", id.as_str())
            data-p=move || prob.get().and_then(|p| p.p_hold).map(|p| p.to_string()).unwrap_or_default()
            data-p5=move || prob.get().map(|p| p.value.p5.to_string()).unwrap_or_default()
            data-p95=move || prob.get().map(|p| p.value.p95.to_string()).unwrap_or_default()
            data-headroom=move || prob.get().map(|p| p.headroom.to_string()).unwrap_or_default()
        >
            {text}
        </p>
    }
}

/// How full a cap's meter is (percent of its length): the limit sits at two
/// thirds, half as much again fills it.
fn fill_percent(value: f64, limit: f64) -> f64 {
    if limit > 0.0 {
        (value / limit * 100.0).clamp(0.0, 150.0) / 1.5
    } else {
        0.0
    }
}

/// A cap card. `data-value` is the plain value in 亿m³; `data-state` is `ok`,
/// `over` (above a ceiling), `short` (below the other-sources floor, which is a
/// target, not a limit), `unmet` (groundwater held at its cap, irrigation water
/// not delivered) or `not_reported` (the plan gives no verdict that year).
#[component]
pub fn CapCard(
    /// Which cap.
    id: CapId,
) -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
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
    // The meter: the limit at two thirds of its length.
    let fill = move || fill_percent(value(), limit());
    let name = move || tr(lang.get(), &format!("cap.{}", id.as_str()));
    let limit_text = move || {
        let key = if floor { "cap.target" } else { "cap.limit" };
        tr_with(
            lang.get(),
            key,
            &[("limit", with_unit(lang.get(), limit(), 2, "亿m³"))],
        )
    };
    let open = move |value: String| open_label(lang.get(), name(), value);
    view! {
        <article
            class="cap"
            class:over=move || cap_state() == CapState::Over
            class:short=move || cap_state() == CapState::Short
            class:unmet=move || cap_state() == CapState::Unmet
            class:unreported=move || cap_state() == CapState::NotReported
            data-testid=format!("cap-{}", id.as_str())
            data-value=move || value().to_string()
            data-limit=move || limit().to_string()
            data-kind=if floor { "floor" } else { "ceiling" }
            data-state=move || cap_state().as_str()
        >
            <h3>{name}</h3>
            <p class="cap-value">
                <span class="big" data-prov=format!("cap-{}", id.as_str()) tabindex="0" role="button"
                    aria-label=move || open(with_unit(lang.get(), value(), 2, "亿m³"))>
                    {move || num(value(), 2)}
                </span>
                " "
                <span class="unit">{move || crate::format::unit(lang.get(), "亿m³")}</span>
            </p>
            <div
                class="meter"
                role="meter"
                aria-label=name
                aria-valuemin="0"
                aria-valuemax=move || num(limit() * 1.5, 2)
                aria-valuenow=move || num(value(), 2)
                aria-valuetext=move || {
                    let sep = if lang.get() == crate::i18n::Lang::Zh { "，" } else { ", " };
                    format!("{}{sep}{}", with_unit(lang.get(), value(), 2, "亿m³"), limit_text())
                }
            >
                <span class="bar" style=move || format!("width: {:.2}%", fill())></span>
                <span class="limit-mark" style="left: 66.667%"></span>
            </div>
            <p class="cap-limit" data-prov=format!("limit-{}", id.as_str()) tabindex="0" role="button"
                aria-label=move || open(limit_text())>
                {limit_text}
            </p>
            {(id == CapId::Surface).then(|| view! { <SurfaceAvailable/> })}
            <p class="cap-state" data-testid=format!("cap-{}-state", id.as_str())>
                <span class="icon" aria-hidden="true">
                    {move || match cap_state() {
                        CapState::Ok => "✓",
                        CapState::Over => "!",
                        CapState::Short => "↓",
                        CapState::Unmet => "⊘",
                        CapState::NotReported => "–",
                    }}
                </span>
                {move || cap.get().map(|c| state.outcome.with(|o| state_text(lang.get(), &c, o))).unwrap_or_default()}
            </p>
            <CapProb id=id/>
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
    let lang = state.page.lang;
    let avail = Memo::new(move |_| {
        state.outcome.with(|o| {
            (
                o.detail.surface_available,
                o.detail.surface_unallocated,
                o.detail.surface_unallocated.min(o.sources.groundwater),
            )
        })
    });
    view! {
        <p
            class="cap-available"
            data-testid="surface-available"
            data-value=move || avail.get().0.to_string()
            data-unallocated=move || avail.get().1.to_string()
            data-could-replace=move || avail.get().2.to_string()
        >
            {move || {
                let (a, u, r) = avail.get();
                let l = lang.get();
                let mut s = tr_with(l, "cap.available", &[("value", with_unit(l, a, 2, "亿m³"))]);
                if u > 0.005 {
                    s.push(' ');
                    s.push_str(&tr_with(l, "cap.unallocated", &[("value", with_unit(l, u, 2, "亿m³"))]));
                    if r > 0.005 {
                        s.push(' ');
                        s.push_str(&tr_with(l, "cap.replace", &[("value", with_unit(l, r, 2, "亿m³"))]));
                    }
                }
                s
            }}
        </p>
    }
}
