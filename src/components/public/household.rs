//! The household calculator: a few questions → litres per person a day
//! against the town households' figure, and the honest scale of it. The
//! answers are Leptos inputs; the result is HTML text ([`result_html`]), which
//! keeps this page's share of the WebAssembly small.

use super::scene_html::escape;
use crate::format::num;
use crate::i18n::{text, tr, tr_with, Lang};
use crate::url::{public_query, replace_now, View};
use changji_model::household::{
    scale, Household, Scale, BUCKETS, FLUSHES, LOADS, PEOPLE, SHOWER_MINUTES,
};
use changji_model::{evaluate, Data, LeverId, Scenario};
use leptos::prelude::*;

/// 万m³ a year that farming saves when η rises by 0.01 from the plan's.
fn eta_step_saving(d: &Data) -> f64 {
    let plan = Scenario::default_for(d);
    let mut better = plan.clone();
    let _ = better.set(d, LeverId::Eta, plan.value(LeverId::Eta) + 0.01);
    (evaluate(&plan, d).sectors.primary - evaluate(&better, d).sectors.primary) * 1e4
}

/// The result as HTML text: litres per person a day (`household-lpd`), the
/// scale (`household-saving`, 万m³ a year) and the comparison with the fields.
pub fn result_html(lpd: f64, s: &Scale, eta_saving: f64, lang: Lang) -> String {
    let result = tr_with(
        lang,
        "household.result",
        &[("lpd", num(lpd, 0)), ("reference", num(s.reference_lpd, 0))],
    );
    let saving = if s.saving >= 0.0 {
        tr_with(
            lang,
            "household.saving",
            &[
                ("pop", num(s.urban_pop, 1)),
                ("saving", num(s.saving, 0)),
                ("share_2025", num(s.share(s.cut_2025), 1)),
                ("share_2030", num(s.share(s.cut_2030), 1)),
            ],
        )
    } else {
        tr_with(
            lang,
            "household.more",
            &[("pop", num(s.urban_pop, 1)), ("more", num(-s.saving, 0))],
        )
    };
    let top = lpd.max(s.reference_lpd) * 1.1;
    let width = |v: f64| (v / top * 100.0).clamp(0.0, 100.0);
    format!(
        r#"<p class="hh-lpd" data-testid="household-lpd" data-value="{lpd}">{}</p><div class="hh-bars" aria-hidden="true"><span class="hh-bar mine" style="width: {:.1}%"></span><span class="hh-bar reference" style="width: {:.1}%"></span></div><p class="hh-saving" data-testid="household-saving" data-value="{}">{}</p><p class="hh-fields">{}</p>"#,
        escape(&result),
        width(lpd),
        width(s.reference_lpd),
        s.saving,
        escape(&saving),
        escape(&tr_with(
            lang,
            "household.fields",
            &[("eta_saving", num(eta_saving, 0))]
        )),
    )
}

type Read = fn(&Household) -> f64;
type Write = fn(&mut Household, f64);

/// The calculator.
#[component]
pub fn HouseholdCalculator(
    /// The language.
    lang: RwSignal<Lang>,
) -> impl IntoView {
    let data = Data::get();
    let k = &data.public.household;
    let h = RwSignal::new(Household::default());
    let eta_saving = eta_step_saving(data);
    Effect::new(move |_| replace_now(&public_query(View::Household, 1, None, lang.get())));
    let result = move || {
        let lpd = h.with(|h| h.litres_per_person_day(k));
        result_html(lpd, &scale(data, lpd), eta_saving, lang.get())
    };
    // One kind of question: a slider (toilet and shower head are 0/1/2 steps).
    let question = move |key: &'static str,
                         (lo, hi): (f64, f64),
                         get: Read,
                         set: Write,
                         label: Option<fn(Lang, f64) -> String>| {
        view! {
            <label class="hh-question">
                <span>{move || tr(lang.get(), key)}</span>
                <input
                    type="range"
                    data-testid=format!("household-{}", key.trim_start_matches("household."))
                    min=lo.to_string()
                    max=hi.to_string()
                    step="1"
                    prop:value=move || h.with(get).to_string()
                    aria-valuetext=move || label.map_or_else(|| num(h.with(get), 0), |f| f(lang.get(), h.with(get)))
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            h.update(|x| {
                                set(x, v);
                                *x = x.clamped();
                            });
                        }
                    }
                />
                <output>{move || label.map_or_else(|| num(h.with(get), 0), |f| f(lang.get(), h.with(get)))}</output>
            </label>
        }
    };
    let head_label: fn(Lang, f64) -> String = |l, v| {
        let k = &Data::get().public.household;
        let i = usize::from(v > 0.5);
        let key = [
            "household.shower_head.ordinary",
            "household.shower_head.saving",
        ][i];
        tr_with(l, key, &[("l", num(k.shower_lpm.value[i], 0))])
    };
    let toilet_label: fn(Lang, f64) -> String = |l, v| {
        let k = &Data::get().public.household;
        let i = (v.max(0.0) as usize).min(2);
        let key = [
            "household.toilet.old",
            "household.toilet.ordinary",
            "household.toilet.saving",
        ][i];
        tr_with(l, key, &[("l", num(k.flush_litres.value[i], 0))])
    };
    let assumptions = move || {
        let l = lang.get();
        [
            &k.shower_lpm.source,
            &k.flush_litres.source,
            &k.load_litres.source,
            &k.kitchen_lpd.source,
            &k.bucket_litres.source,
            &k.public_lpd.source,
        ]
        .into_iter()
        .map(|src| format!("<li>{}</li>", escape(text(l, src))))
        .collect::<String>()
    };
    view! {
        <section class="household" data-testid="household">
            <h2>{move || tr(lang.get(), "household.title")}</h2>
            <p>{move || tr(lang.get(), "household.intro")}</p>
            <div class="hh-questions">
                {question("household.people", PEOPLE, |x| x.people, |x, v| x.people = v, None)}
                {question("household.shower", SHOWER_MINUTES, |x| x.shower_minutes, |x, v| x.shower_minutes = v, None)}
                {question("household.shower_head", (0.0, 1.0), |x| f64::from(u8::from(x.saving_shower)), |x, v| x.saving_shower = v > 0.5, Some(head_label))}
                {question("household.flushes", FLUSHES, |x| x.flushes, |x, v| x.flushes = v, None)}
                {question("household.toilet", (0.0, 2.0), |x| x.toilet as f64, |x, v| x.toilet = (v.max(0.0) as usize).min(2), Some(toilet_label))}
                {question("household.loads", LOADS, |x| x.loads, |x, v| x.loads = v, None)}
                {question("household.buckets", BUCKETS, |x| x.buckets, |x, v| x.buckets = v, None)}
            </div>
            <div class="hh-result" aria-live="polite" inner_html=result></div>
            <details class="hh-assumptions">
                <summary>{move || tr(lang.get(), "household.assumptions")}</summary>
                <ul inner_html=assumptions></ul>
            </details>
        </section>
    }
}
