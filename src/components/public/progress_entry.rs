//! The progress page's form: add or correct a year's figure (checked as a
//! bulletin's row is), the rows a file could not give with their reasons,
//! and the entered figures with a button each to remove them.

use super::progress_html::{grade_text, problem_text};
use crate::format::{num, with_unit};
use crate::i18n::{text, tr, tr_with, Lang};
use changji_model::progress::{def, measures, parse_row, upsert, Actual, Measure, RowError};
use leptos::prelude::*;

/// The form that adds or corrects a figure, and the entered figures with a
/// button each to remove them.
#[component]
pub fn Entry(
    /// The language.
    lang: RwSignal<Lang>,
    /// The entered figures.
    entered: RwSignal<Vec<Actual>>,
    /// Rows a file or link could not give.
    rejected: RwSignal<Vec<RowError>>,
    /// What the last action did.
    message: RwSignal<String>,
) -> impl IntoView {
    let year = RwSignal::new("2024".to_string());
    let measure = RwSignal::new(Measure::Groundwater.as_str().to_string());
    let value = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let grade = RwSignal::new("H".to_string());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let fields = [
            year.get_untracked(),
            measure.get_untracked(),
            value.get_untracked(),
            String::new(),
            source.get_untracked(),
            grade.get_untracked(),
        ];
        let (said, added) = check_row(lang.get_untracked(), &fields);
        message.set(said);
        if let Some(a) = added {
            entered.update(|e| upsert(e, vec![a]));
            value.set(String::new());
        }
    };
    view! {
        <h3>{move || tr(lang.get(), "progress.yours")}</h3>
        <p>{move || tr(lang.get(), "progress.yours_intro")}</p>
        <form class="progress-form" on:submit=add>
            <label>{move || tr(lang.get(), "progress.f.year")}
                <input type="number" min="2015" max="2035" step="1" data-testid="progress-year" prop:value=year on:input=move |ev| year.set(event_target_value(&ev))/>
            </label>
            <label>{move || tr(lang.get(), "progress.f.measure")}
                <select data-testid="progress-measure" on:change=move |ev| measure.set(event_target_value(&ev))>
                    {move || measures().iter().map(|d| {
                        let id = d.id.as_str();
                        view! { <option value=id selected=move || measure.get() == id>{text(lang.get(), &d.label).to_string()}" ("{d.unit.clone()}")"</option> }
                    }).collect_view()}
                </select>
            </label>
            <label>{move || tr(lang.get(), "progress.f.value")}
                <input type="text" inputmode="decimal" data-testid="progress-value" prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
            <label>{move || tr(lang.get(), "progress.f.source")}
                <input type="text" maxlength="200" data-testid="progress-source" prop:value=source on:input=move |ev| source.set(event_target_value(&ev))/>
            </label>
            <label>{move || tr(lang.get(), "progress.f.grade")}
                <select data-testid="progress-grade" on:change=move |ev| grade.set(event_target_value(&ev))>
                    {["H", "M", "L"].map(|g| view! { <option value=g selected=move || grade.get() == g>{move || tr(lang.get(), &format!("progress.grade.{g}"))}</option> })}
                </select>
            </label>
            <button type="submit" data-testid="progress-add">{move || tr(lang.get(), "progress.add")}</button>
        </form>
        <p class="progress-message" role="status" data-testid="progress-message">{move || message.get()}</p>
        <ul class="progress-rejected" data-testid="progress-rejected">
            {move || rejected.get().iter().map(|e| view! { <li>{problem_text(lang.get(), e)}</li> }).collect_view()}
        </ul>
        <Entered lang=lang entered=entered/>
    }
}

/// Checks the form's fields (a bulletin row's: year, measure, value, note,
/// source, grade) and says what happened: the figure to add, or why not.
fn check_row(l: Lang, fields: &[String; 6]) -> (String, Option<Actual>) {
    let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
    match parse_row(&refs, measures()) {
        Ok(a) if a.source.zh.trim().is_empty() => (tr(l, "progress.need_source"), None),
        Ok(a) => {
            let measure =
                def(a.measure).map_or_else(String::new, |d| text(l, &d.label).to_string());
            let said = tr_with(
                l,
                "progress.added",
                &[("year", a.year.to_string()), ("measure", measure)],
            );
            (said, Some(a))
        }
        Err(problem) => (problem_text(l, &RowError { line: 1, problem }), None),
    }
}

/// The entered figures, a button each to remove it.
#[component]
fn Entered(lang: RwSignal<Lang>, entered: RwSignal<Vec<Actual>>) -> impl IntoView {
    view! {
        <ul class="progress-entered" data-testid="progress-entered">
            {move || entered.get().into_iter().map(|a| {
                let key = (a.year, a.measure);
                let testid = format!("entered-{}-{}", a.year, a.measure);
                let remove_id = format!("remove-{}-{}", a.year, a.measure);
                let src = a.source.zh.clone();
                let label = def(a.measure).map(|d| (d.label.clone(), d.decimals, d.unit.clone()));
                view! {
                    <li data-testid=testid>
                        <span class="entered-tag">{move || tr(lang.get(), "progress.entered")}</span>" "
                        {move || {
                            let l = lang.get();
                            match &label {
                                Some((name, dec, unit)) => format!("{} {}: {} · {} · ", a.year, text(l, name), with_unit(l, a.value, *dec, unit), grade_text(l, &a)),
                                None => format!("{} {}", a.year, num(a.value, 2)),
                            }
                        }}
                        {src}
                        " "
                        <button type="button" data-testid=remove_id
                            on:click=move |_| entered.update(|e| e.retain(|b| (b.year, b.measure) != key))>
                            {move || tr(lang.get(), "progress.remove")}
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
