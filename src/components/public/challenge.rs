//! The 2030 challenge: four big levers, the 2030 caps as live gauges, a clear
//! success state, an honest hint, a share card, and the result in the full
//! explorer.

use super::share_card::ShareCard;
use crate::challenge::{hint, met, Hint, LEVERS};
use crate::format::num;
use crate::html::{html, Markup};
use crate::i18n::{lever_name, tr, tr_with, Lang};
use crate::story::challenge_start;
use crate::url::{public_query, query_for, write_debounced, View};
use changji_model::evaluate::{CapId, CapState};
use changji_model::{evaluate, Data, LeverId, Outcome, Scenario};
use leptos::prelude::*;

fn lever_label(lang: Lang, id: LeverId) -> String {
    if id == LeverId::Surface {
        tr(lang, "challenge.lever.surface")
    } else {
        lever_name(lang, id)
    }
}

fn cap_name(lang: Lang, id: CapId) -> String {
    tr(lang, &format!("cap.{}", id.as_str()))
}

/// The challenge, starting from `start` (the link's scenario, or the plan's
/// 2025 choices carried to 2030).
#[component]
pub fn Challenge(
    /// The scenario to start from.
    start: Scenario,
    /// The language.
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let data = Data::get();
    let scenario = RwSignal::new(start);
    let outcome: Memo<Outcome> = Memo::new(move |_| scenario.with(|s| evaluate(s, data)));
    let done = Memo::new(move |_| outcome.with(met));
    let shown_hint = RwSignal::new(None::<Hint>);
    Effect::new(move |_| {
        let q = scenario.with(|s| public_query(View::Challenge, 1, Some(s), lang.get()));
        write_debounced(q);
    });
    // A hint belongs to the scenario it was asked for.
    Effect::new(move |_| {
        scenario.track();
        shown_hint.set(None);
    });
    let gw_cap = move || outcome.with(|o| o.cap(CapId::Groundwater).map_or(f64::NAN, |c| c.limit));
    let status = move || outcome.with(|o| status_text(o, lang.get()));
    let hint_text = move || shown_hint.get().map(|h| hint_sentence(&h, lang.get()));
    let card_lines = Signal::derive(move || {
        let l = lang.get();
        vec![tr(l, "challenge.title"), status()]
    });
    let card_link = Signal::derive(move || {
        scenario.with(|s| public_query(View::Challenge, 1, Some(s), lang.get()))
    });
    view! {
        <section
            class="challenge"
            data-testid="challenge"
            data-state=move || if done.get() { "met" } else { "open" }
        >
            <h2>{move || tr(lang.get(), "challenge.title")}</h2>
            <p class="challenge-intro">
                {move || tr_with(lang.get(), "challenge.intro", &[("cap", num(gw_cap(), 2))])}
            </p>
            <p class="challenge-status" role="status" data-testid="challenge-status">{status}</p>
            <div class="challenge-levers">
                {LEVERS.into_iter().map(|id| view! { <BigLever id=id scenario=scenario lang=lang /> }).collect_view()}
            </div>
            <h3>{move || tr(lang.get(), "challenge.caps")}</h3>
            <ul class="gauges" inner_html=move || outcome.with(|o| gauges_html(o, lang.get()).into_string())></ul>
            <div class="challenge-actions">
                <button
                    data-testid="challenge-hint"
                    on:click=move |_| {
                        let h = scenario.with_untracked(|s| outcome.with_untracked(|o| hint(data, s, o)));
                        shown_hint.set(Some(h));
                    }
                >
                    {move || tr(lang.get(), "challenge.hint")}
                </button>
                <button
                    data-testid="challenge-reset"
                    on:click=move |_| scenario.set(challenge_start(data))
                >
                    {move || tr(lang.get(), "challenge.reset")}
                </button>
                <a
                    class="button"
                    data-testid="challenge-explorer"
                    href=move || scenario.with(|s| format!("?{}", query_for(s, lang.get())))
                >
                    {move || tr(lang.get(), "challenge.explorer")}
                </a>
                <ShareCard lines=card_lines link=card_link lang=lang name="changji-water-challenge" />
            </div>
            <p class="challenge-hint" aria-live="polite" data-testid="challenge-hint-text">{hint_text}</p>
        </section>
    }
}

/// Where the challenge stands, in words.
fn status_text(o: &Outcome, l: Lang) -> String {
    let gw = o.cap(CapId::Groundwater);
    let value = num(gw.map_or(f64::NAN, |c| c.value), 2);
    let cap = num(gw.map_or(f64::NAN, |c| c.limit), 2);
    let state = gw.map(|c| c.state);
    if met(o) {
        tr_with(l, "challenge.met", &[("value", value), ("cap", cap)])
    } else if state == Some(CapState::Unmet) {
        tr_with(
            l,
            "challenge.unmet",
            &[
                ("cap", cap),
                ("undelivered", num(o.detail.undelivered, 2)),
                ("need", num(o.detail.groundwater_demand, 2)),
            ],
        )
    } else if state == Some(CapState::Over) {
        tr_with(l, "challenge.open", &[("value", value), ("cap", cap)])
    } else {
        let other = o
            .caps
            .iter()
            .find(|c| !c.ok)
            .map(|c| cap_name(l, c.id))
            .unwrap_or_default();
        tr_with(l, "challenge.other_over", &[("cap", other)])
    }
}

/// A hint, in words.
fn hint_sentence(h: &Hint, l: Lang) -> String {
    match *h {
        Hint::None => tr(l, "challenge.hint_none"),
        Hint::Alone {
            lever,
            value,
            now,
            cap,
        } => {
            let d = crate::format::decimals_for_step(Data::get().def(lever).step);
            tr_with(
                l,
                "challenge.hint_alone",
                &[
                    ("lever", lever_label(l, lever)),
                    ("value", num(value, d)),
                    ("now", num(now, d)),
                    ("cap", cap_name(l, cap)),
                ],
            )
        }
        Hint::Closest { lever, gap, cap } => tr_with(
            l,
            "challenge.hint_closest",
            &[
                ("lever", lever_label(l, lever)),
                ("gap", num(gap, 2)),
                ("cap", cap_name(l, cap)),
            ],
        ),
    }
}

/// One big slider of the challenge (`lever-<id>`, as in the explorer).
#[component]
fn BigLever(id: LeverId, scenario: RwSignal<Scenario>, lang: RwSignal<Lang>) -> impl IntoView {
    let data = Data::get();
    let def = data.def(id);
    let decimals = crate::format::decimals_for_step(def.step);
    let value = move || scenario.with(|s| s.value(id));
    let unit = move || crate::format::unit(lang.get(), &def.unit);
    view! {
        <label class="big-lever">
            <span class="big-lever-name" id=format!("challenge-name-{id}")>{move || lever_label(lang.get(), id)}</span>
            <output>{move || format!("{} {}", num(value(), decimals), unit())}</output>
            <input
                type="range"
                data-testid=format!("lever-{id}")
                aria-labelledby=format!("challenge-name-{id}")
                min=def.min.to_string()
                max=def.max.to_string()
                step=def.coarse_step().to_string()
                prop:value=move || value().to_string()
                aria-valuetext=move || format!("{} {}", num(value(), decimals), unit())
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        scenario.update(|s| {
                            let _ = s.set(data, id, v);
                        });
                    }
                }
            />
            <small class="big-lever-help">{move || tr(lang.get(), &format!("challenge.help.{id}"))}</small>
        </label>
    }
}

/// The caps as gauges, as HTML text (`cap-<id>` with `data-state` and
/// `data-value`): the value against the limit, the limit at two thirds.
fn gauges_html(o: &Outcome, lang: Lang) -> Markup {
    let caps = CapId::ALL.into_iter().filter_map(|id| o.cap(id));
    html! {
        @for c in caps {
            @let fill = if c.limit > 0.0 { (c.value / c.limit * 100.0 / 1.5).clamp(0.0, 100.0) } else { 0.0 };
            li class="gauge" data-testid=(format!("cap-{}", c.id.as_str())) data-state=(c.state.as_str()) data-value=(c.value) {
                span class="gauge-name" { (cap_name(lang, c.id)) }
                span class="gauge-track" aria-hidden="true" {
                    span class="gauge-fill" style=(format!("width: {fill:.2}%")) {}
                    span class="gauge-limit" {}
                }
                span class="gauge-value" {
                    (num(c.value, 2)) " / " (num(c.limit, 2))
                    @if c.state == CapState::Unmet {
                        (tr_with(lang, "challenge.gauge_unmet", &[("value", num(o.detail.undelivered, 2))]))
                    }
                }
            }
        }
    }
}
