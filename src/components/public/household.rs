//! The household calculator: a few questions → litres per person a day
//! against the town households' figure, and the honest scale of it. The
//! answers are Leptos inputs; the result is HTML text ([`result_html`]), which
//! keeps this page's share of the WebAssembly small.

use super::scene_html::{explain_units, kind_source, kind_tag};
use crate::format::num;
use crate::html::{html, template, Markup};
use crate::i18n::{text, tr, tr_with, Lang};
use crate::story::Kind;
use crate::url::{public_query, replace_now, View};
use changji_model::household::{
    scale, Household, Scale, BUCKETS, FLUSHES, LOADS, PEOPLE, SHOWER_MINUTES,
};
use changji_model::{evaluate, Data, LeverId, Scenario, Text};
use leptos::prelude::*;

/// 万m³ a year that farming saves when η rises by 0.01 from the plan's (the
/// model's estimate for the plan-2025 scenario).
fn eta_step_saving(d: &Data) -> f64 {
    let plan = Scenario::default_for(d);
    let mut better = plan.clone();
    let _ = better.set(d, LeverId::Eta, plan.value(LeverId::Eta) + 0.01);
    (evaluate(&plan, d).detail.primary_demand - evaluate(&better, d).detail.primary_demand) * 1e4
}

/// What the calculator's numbers rest on: the plan-2025 scenario's urban
/// population, the households' reference figure, the litres of the answers.
fn kinds(d: &Data) -> [(&'static str, Kind); 3] {
    let k = &d.public.household;
    let pop = d
        .preset_value("plan-2025", LeverId::UrbanPop)
        .map(|v| v.source.clone())
        .unwrap_or_default();
    let reference = Text::new(
        format!(
            "规划2025情景的城镇人均用水减去公共用水（{}）；国家标准GB/T 50331-2002六区城市居民为75–125升；规划所依据的新疆生活用水定额（新政办发〔2007〕105号）本页未取得其数值",
            k.public_lpd.source.zh
        ),
        format!(
            "the plan-2025 scenario's urban use per person less public use ({}); GB/T 50331-2002 gives 75–125 L for city residents in zone 6; the Xinjiang domestic quota the plan cites (新政办发〔2007〕105号) could not be read for this page",
            k.public_lpd.source.en
        ),
    );
    let answers = Text::new(
        "你的回答 × 每次用水的示意升数（见下方“计算所用的用水量”）",
        "your answers × the illustrative litres of each use (see 'The litres used here' below)",
    );
    [
        ("pop", Kind::Illustrative(pop)),
        ("reference", Kind::Illustrative(reference)),
        ("answers", Kind::Illustrative(answers)),
    ]
}

/// `key`'s text with each `%{name}` replaced by its number, marked up with its
/// kind (a visible tag, and the full basis as the tag's title).
fn fill(lang: Lang, key: &str, args: &[(&str, String, &Kind)]) -> Markup {
    template(&tr(lang, key), |name| {
        args.iter().find(|(n, _, _)| *n == name).map(|(name, value, kind)| {
            html! {
                b class="num" data-name=(name) data-kind=(kind.id()) { (value) }
                span class="kind-tag" data-kind=(kind.id()) title=(kind_source(kind, lang)) { (kind_tag(kind, lang)) }
            }
        })
    })
}

/// The result as HTML text: litres per person a day (`household-lpd`), the
/// scale (`household-saving`, 万m³ a year) and the comparison with the fields;
/// every number with its kind beside it.
pub fn result_html(lpd: f64, s: &Scale, eta_saving: f64, lang: Lang) -> String {
    let d = Data::get();
    let [(_, pop), (_, reference), (_, answers)] = kinds(d);
    let caps = Kind::Plan(Text::new(
        "规划§一(一)(3)：地下水指标2020年9.09、2025年7.64、2030年6.07",
        "Plan §一(一)(3): groundwater index 9.09 (2020), 7.64 (2025), 6.07 (2030)",
    ));
    let share_kind = Kind::Illustrative(Text::new(
        format!(
            "上面的示意节水量 ÷ 规划的地下水压减量（{}）",
            kind_source(&caps, Lang::Zh)
        ),
        format!(
            "the illustrative saving above ÷ the plan's groundwater cut ({})",
            kind_source(&caps, Lang::En)
        ),
    ));
    let result = fill(
        lang,
        "household.result",
        &[
            ("lpd", num(lpd, 0), &answers),
            ("reference", num(s.reference_lpd, 0), &reference),
        ],
    );
    let saving = if s.saving >= 0.0 {
        fill(
            lang,
            "household.saving",
            &[
                ("pop", num(s.urban_pop, 1), &pop),
                ("saving", num(s.saving, 0), &answers),
                ("share_2025", num(s.share(s.cut_2025), 1), &share_kind),
                ("share_2030", num(s.share(s.cut_2030), 1), &share_kind),
            ],
        )
    } else {
        fill(
            lang,
            "household.more",
            &[
                ("pop", num(s.urban_pop, 1), &pop),
                ("more", num(-s.saving, 0), &answers),
            ],
        )
    };
    let fields = fill(
        lang,
        "household.fields",
        &[(
            "eta_saving",
            num(eta_saving, 0),
            &Kind::Model("story.scenario.plan_2025"),
        )],
    );
    let saving = explain_units(saving, lang);
    let top = lpd.max(s.reference_lpd) * 1.1;
    let width = |v: f64| format!("width: {:.1}%", (v / top * 100.0).clamp(0.0, 100.0));
    html! {
        p class="hh-lpd" data-testid="household-lpd" data-value=(lpd) { (result) }
        div class="hh-bars" aria-hidden="true" {
            span class="hh-bar mine" style=(width(lpd)) {}
            span class="hh-bar reference" style=(width(s.reference_lpd)) {}
        }
        p class="hh-saving" data-testid="household-saving" data-value=(s.saving) { (saving) }
        p class="hh-fields" { (fields) }
    }
    .into_string()
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
        let sources = [
            &k.shower_lpm.source,
            &k.flush_litres.source,
            &k.load_litres.source,
            &k.kitchen_lpd.source,
            &k.bucket_litres.source,
            &k.public_lpd.source,
        ];
        html! { @for src in sources { li { (text(l, src)) } } }.into_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_number_of_the_result_says_what_it_is() {
        let d = Data::get();
        for lpd in [60.0, 155.0, 300.0] {
            for lang in [Lang::Zh, Lang::En] {
                let html = result_html(lpd, &scale(d, lpd), eta_step_saving(d), lang);
                let numbers = html.matches(r#"<b class="num""#).count();
                let tags = html.matches(r#"<span class="kind-tag""#).count();
                assert!(numbers >= 4, "{html}");
                assert_eq!(numbers, tags, "{html}");
                assert!(!html.contains("%{"), "{html}");
                // The reference says it is illustrative, and where it comes from.
                assert!(html.contains("GB/T 50331-2002"), "{html}");
            }
        }
        assert!(eta_step_saving(d) > 0.0);
    }

    #[test]
    fn text_in_a_basis_is_escaped() {
        let k = Kind::Illustrative(Text::new("<img src=x>", "<img src=x>"));
        let html = fill(Lang::En, "household.result", &[("lpd", "1".into(), &k)]).into_string();
        assert!(!html.contains("<img"), "{html}");
    }
}
