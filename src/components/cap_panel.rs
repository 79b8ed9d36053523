//! The grand total, the five cap cards, and the screen-reader announcement when
//! a cap is crossed. The cards come in two tasks ([`later`]), before the page
//! is shown.

use crate::components::cap_card::CapCard;
use crate::components::later::{even_runs, later};
use crate::components::provenance::open_label;
use crate::format::{num, with_unit};
use crate::i18n::{tr, tr_with, Lang};
use crate::state::use_app_state;
use changji_model::evaluate::{CapId, CapState};
use changji_model::Outcome;
use leptos::prelude::*;

/// The most cap cards mounted in one task: the panel with all five was a
/// 16–20 ms task unthrottled at a slow hour (docs/performance.md).
const CARDS_A_TASK: usize = 3;

/// Sentences for the caps whose state differs between `before` and `after`.
pub fn crossings(lang: Lang, before: &Outcome, after: &Outcome) -> Vec<String> {
    after
        .caps
        .iter()
        .filter_map(|c| {
            let was = before.cap(c.id)?;
            (was.state != c.state).then(|| {
                let key = match (was.state, c.state) {
                    (_, CapState::Over) => "cap.announce_over",
                    (_, CapState::Short) => "cap.announce_short",
                    (_, CapState::Unmet) => "cap.announce_unmet",
                    (_, CapState::NotReported) => "cap.announce_not_reported",
                    (CapState::Unmet, _) => "cap.announce_delivered",
                    (CapState::Short, _) => "cap.announce_reached",
                    _ => "cap.announce_ok",
                };
                tr_with(
                    lang,
                    key,
                    &[
                        ("cap", tr(lang, &format!("cap.{}", c.id.as_str()))),
                        ("value", with_unit(lang, c.value, 2, "亿m³")),
                        ("limit", with_unit(lang, c.limit, 2, "亿m³")),
                        (
                            "undelivered",
                            with_unit(lang, after.detail.undelivered, 2, "亿m³"),
                        ),
                    ],
                )
            })
        })
        .collect()
}

/// What a screen reader is told when a change has settled: the total if it
/// moved, then each cap whose state changed; `None` when nothing did.
pub fn settled_news(lang: Lang, before: &Outcome, after: &Outcome) -> Option<String> {
    let mut said = Vec::new();
    if (after.total - before.total).abs() >= 0.005 {
        said.push(tr_with(
            lang,
            "total.announce",
            &[("value", with_unit(lang, after.total, 2, "亿m³"))],
        ));
    }
    said.extend(crossings(lang, before, after));
    (!said.is_empty()).then(|| said.join(" "))
}

/// Total and caps.
#[component]
pub fn CapPanel() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    // Said once a change has settled (the analyses run then, never on a drag's
    // frames): the total, when it moved, and every cap whose state changed
    // since the last time anything was said.
    let announcement = RwSignal::new(String::new());
    let previous = StoredValue::new(None::<Outcome>);
    Effect::new(move |_| {
        let Some(now) = state
            .analyses
            .with(|a| a.as_ref().map(|a| a.outcome.clone()))
        else {
            return;
        };
        if let Some(before) = previous.get_value() {
            let l = lang.get_untracked();
            if let Some(said) = settled_news(l, &before, &now) {
                announcement.set(said);
            }
        }
        previous.set_value(Some(now));
    });
    let total = move || state.outcome.with(|o| o.total);
    let year = move || state.outcome.with(|o| o.year);
    // The overdraft is shown only where the groundwater verdict is "over"
    // (not where the plan reports no figure for the year, as for 2020 by
    // source); the water not delivered where it is "unmet".
    let shortfall = Memo::new(move |_| {
        state
            .outcome
            .with(|o| match o.cap(CapId::Groundwater).map(|c| c.state) {
                Some(CapState::Over) => Some(("total.overdraft", o.detail.overdraft, 0.0)),
                Some(CapState::Unmet) => Some((
                    "total.undelivered",
                    o.detail.undelivered,
                    o.detail.undelivered_area,
                )),
                _ => None,
            })
    });
    let shortfall_key = Memo::new(move |_| shortfall.get().map(|s| s.0));
    view! {
        <section class="caps-panel" aria-labelledby="caps-title">
            <div class="total-row">
                <div class="total">
                    <span class="label">{move || tr(lang.get(), "total.label")}</span>
                    <span class="big" data-testid="total" data-value=move || total().to_string() data-prov="total" tabindex="0" role="button"
                        aria-label=move || open_label(lang.get(), tr(lang.get(), "total.label"), with_unit(lang.get(), total(), 2, "亿m³"))>
                        {move || num(total(), 2)}
                    </span>
                    <span class="unit">{move || crate::format::unit(lang.get(), "亿m³")}</span>
                    <span class="vs-plan">
                        {move || tr_with(lang.get(), "total.vs_plan", &[("value", num(state.plan.with(|p| p.total), 2))])}
                    </span>
                </div>
                // Built again only when the kind of shortfall changes; a step
                // that moves its amount rewrites the amount.
                {move || shortfall_key.get().map(|key| {
                    let (value, area) = (
                        move || shortfall.get().map_or(0.0, |s| s.1),
                        move || shortfall.get().map_or(0.0, |s| s.2),
                    );
                    view! {
                        <p
                            class="overdraft"
                            data-testid=if key == "total.overdraft" { "overdraft" } else { "undelivered" }
                            data-value=move || value().to_string()
                            data-area=move || area().to_string()
                        >
                            {move || tr_with(lang.get(), key, &[
                                ("value", with_unit(lang.get(), value(), 2, "亿m³")),
                                ("area", with_unit(lang.get(), area(), 1, "万亩")),
                            ])}
                        </p>
                    }
                })}
            </div>
            <h2 id="caps-title">{move || tr_with(lang.get(), "caps.title", &[("year", year().to_string())])}</h2>
            <div class="cards">
                {even_runs(&CapId::ALL, CARDS_A_TASK)
                    .into_iter()
                    .map(|run| {
                        let cards = move || run.into_iter().map(|id| view! { <CapCard id=id/> }).collect_view();
                        view! { <div class="later first" node_ref=later(state, true, cards)></div> }
                    })
                    .collect_view()}
            </div>
            <p class="sr-only" aria-live="polite" data-testid="announcer">{move || announcement.get()}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use changji_model::{evaluate, Data, Scenario};

    fn preset(id: &str) -> Outcome {
        let d = Data::get();
        evaluate(&Scenario::preset(d, id).expect("preset"), d)
    }

    #[test]
    fn crossing_a_cap_is_announced_both_ways() {
        let d = Data::get();
        let (plan, cotton) = (preset("plan-2025"), preset("cotton-expansion"));
        let said = crossings(Lang::En, &plan, &cotton);
        assert!(
            said.iter()
                .any(|s| s.contains("Groundwater held at its cap") && s.contains("not delivered")),
            "{said:?}"
        );
        let back = crossings(Lang::Zh, &cotton, &plan);
        assert!(
            back.iter().any(|s| s.contains("全部需水重新得到供给")),
            "{back:?}"
        );
        let mut pumped = Scenario::preset(d, "cotton-expansion").expect("p");
        pumped
            .set(d, changji_model::LeverId::Shortfall, 1.0)
            .expect("lever");
        let over = crossings(Lang::En, &plan, &evaluate(&pumped, d));
        assert!(
            over.iter()
                .any(|s| s.contains("Agricultural water is over")),
            "{over:?}"
        );
        assert!(crossings(Lang::En, &plan, &plan).is_empty());
    }

    #[test]
    fn a_settled_change_says_the_total_and_the_crossings_once() {
        let d = Data::get();
        let (plan, cotton) = (preset("plan-2025"), preset("cotton-expansion"));
        // Held at the groundwater cap, more cotton leaves the total where it
        // was (use counts water delivered): only the crossing is said.
        let said = settled_news(Lang::En, &plan, &cotton).expect("news");
        assert!(said.starts_with("Groundwater held at its cap"), "{said}");
        assert!(said.contains("not delivered"), "{said}");
        // Nothing moved: nothing is said.
        assert_eq!(settled_news(Lang::Zh, &plan, &plan), None);
        // The total moved but no cap changed state: the total alone.
        let mut s = Scenario::preset(d, "plan-2025").expect("p");
        s.set(d, changji_model::LeverId::Eta, 0.68).expect("lever");
        let said = settled_news(Lang::Zh, &plan, &evaluate(&s, d)).expect("news");
        assert!(
            said.starts_with("用水总量") && !said.contains("指标"),
            "{said}"
        );
    }

    #[test]
    fn switching_to_2020_says_no_verdict_never_back_within() {
        let said = crossings(Lang::En, &preset("plan-2025"), &preset("status-2020"));
        let gw = said
            .iter()
            .find(|s| s.starts_with("Groundwater"))
            .expect("groundwater changes state");
        assert!(gw.contains("no verdict"), "{said:?}");
        assert!(said.iter().all(|s| !s.contains("back within")), "{said:?}");
    }
}
