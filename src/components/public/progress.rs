//! Where Changji stands (`?view=progress`): the report card first (each
//! measure's latest actual year against the plan's path, and the pace to
//! 2030), then each measure's chart, then the bureau's own figures — added or
//! corrected in a form, imported from and exported to a bulletin's CSV, kept
//! in the browser and in the page's link. Text a person entered is shown as
//! text (Leptos text nodes, or escaped in the charts).

use super::progress_html::{chart_block, grade_text, pace_text, problem_text, status_text};
use crate::actuals_store;
use crate::browser::download;
use crate::format::{num, with_unit};
use crate::i18n::{text, tr, tr_with, Lang};
use crate::url::{progress_query, replace_now};
use changji_model::progress::{
    def, measures, merge, parse_row, read_csv, report, shipped, write_csv, write_link, Actual,
    Measure, RowError,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// `entered` with `new` added: a figure of the same year and measure is
/// replaced (the last one wins).
fn add_all(entered: &mut Vec<Actual>, new: Vec<Actual>) {
    for a in new {
        entered.retain(|b| !(b.year == a.year && b.measure == a.measure));
        entered.push(a);
    }
    entered.sort_by(|a, b| a.measure.cmp(&b.measure).then(a.year.cmp(&b.year)));
}

/// The page.
#[component]
pub fn Progress(
    /// The language.
    lang: RwSignal<Lang>,
    /// The figures the link carries (`actuals=`), if any.
    from_link: Option<String>,
) -> impl IntoView {
    let (mut start, mut problems) = actuals_store::load();
    if let Some(link) = from_link {
        let (rows, bad) = read_csv(&link, measures());
        add_all(&mut start, rows);
        problems.extend(bad);
    }
    let entered = RwSignal::new(start);
    let rejected: RwSignal<Vec<RowError>> = RwSignal::new(problems);
    let message = RwSignal::new(String::new());
    Effect::new(move |_| {
        let rows = entered.get();
        actuals_store::store(&rows);
        replace_now(&progress_query(&write_link(&rows), lang.get()));
    });
    let figures = Memo::new(move |_| entered.with(|e| merge(shipped(), e)));
    let lines = Memo::new(move |_| figures.with(|f| report(f)));
    let charts = move || {
        let l = lang.get();
        figures.with(|f| {
            measures()
                .iter()
                .map(|d| chart_block(l, d, f))
                .collect::<String>()
        })
    };
    let import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        leptos::task::spawn_local(async move {
            let l = lang.get_untracked();
            let Ok(text) = gloo_file::futures::read_as_text(&gloo_file::Blob::from(file)).await
            else {
                message.set(tr(l, "progress.unreadable_file"));
                return;
            };
            let (rows, bad) = read_csv(&text, measures());
            message.set(tr_with(
                l,
                "progress.imported",
                &[
                    ("n", rows.len().to_string()),
                    ("bad", bad.len().to_string()),
                ],
            ));
            entered.update(|e| add_all(e, rows));
            rejected.set(bad);
        });
    };
    let export = move |_| {
        let text = figures.with_untracked(|f| write_csv(f, measures()));
        download(
            "changji-water-actuals.csv",
            "text/csv;charset=utf-8",
            &format!("\u{feff}{text}"),
        );
    };
    view! {
        <section class="progress" data-testid="progress">
            <h2>{move || tr(lang.get(), "progress.title")}</h2>
            <p>{move || tr(lang.get(), "progress.intro")}</p>
            <p class="progress-note">{move || tr(lang.get(), "progress.path_note")}</p>
            <ul class="report-card" aria-label=move || tr(lang.get(), "progress.card")>
                {move || lines.get().into_iter().map(|l| view! { <CardLine line=l lang=lang figures=figures/> }).collect_view()}
            </ul>
            <h3>{move || tr(lang.get(), "progress.charts")}</h3>
            <div class="progress-charts" inner_html=charts></div>
            <Entry lang=lang entered=entered rejected=rejected message=message/>
            <div class="progress-files">
                <label class="file-button">
                    {move || tr(lang.get(), "progress.import")}
                    <input type="file" accept=".csv,text/csv" data-testid="progress-import" on:change=import/>
                </label>
                <button type="button" data-testid="progress-export" on:click=export>
                    {move || tr(lang.get(), "progress.export")}
                </button>
            </div>
            <p class="progress-note">{move || tr(lang.get(), "progress.publish_note")}</p>
        </section>
    }
}

/// One line of the report card, with its test hooks.
#[component]
fn CardLine(
    line: changji_model::progress::Line,
    lang: RwSignal<Lang>,
    figures: Memo<Vec<Actual>>,
) -> impl IntoView {
    let Some(d) = def(line.measure) else {
        return ().into_any();
    };
    let latest = figures.with_untracked(|f| {
        f.iter()
            .filter(|a| a.measure == line.measure)
            .max_by_key(|a| a.year)
            .cloned()
    });
    let opt = |x: Option<f64>| x.map_or_else(String::new, |v| v.to_string());
    let l2 = line.clone();
    let l3 = line.clone();
    let (status, pace) = (line.status.as_str(), line.pace.as_str());
    let (year_attr, actual_attr, path_attr) = (
        line.year.map_or_else(String::new, |y| y.to_string()),
        opt(line.actual),
        opt(line.path),
    );
    let testid = format!("progress-{}", line.measure);
    let actual = line.actual;
    let latest2 = latest.clone();
    view! {
        <li
            class=format!("card-line {status} {pace}")
            data-testid=testid
            data-year=year_attr
            data-actual=actual_attr
            data-path=path_attr
            data-status=status
            data-pace=pace
        >
            <h4>{move || text(lang.get(), &d.label).to_string()}</h4>
            <p class="card-actual">
                {move || {
                    let l = lang.get();
                    match (&latest, actual) {
                        (Some(a), Some(v)) => tr_with(l, "progress.actual", &[
                            ("year", a.year.to_string()),
                            ("value", with_unit(l, v, d.decimals, &d.unit)),
                            ("grade", grade_text(l, a)),
                        ]),
                        _ => tr(l, "progress.no_figure"),
                    }
                }}
                {latest2.map(|a| view! {
                    <span class="card-source">
                        {a.entered.then(|| view! { <span class="entered-tag">{move || tr(lang.get(), "progress.entered")}</span>" " })}
                        {move || text(lang.get(), &a.source).to_string()}
                        {move || {
                            let s = text(lang.get(), &a.scope).to_string();
                            if s.is_empty() { s } else { format!(" · {s}") }
                        }}
                    </span>
                })}
            </p>
            <p class="card-path">
                {move || match l2.path {
                    Some(p) => tr_with(lang.get(), "progress.path_value", &[
                        ("year", l2.year.map_or_else(String::new, |y| y.to_string())),
                        ("value", with_unit(lang.get(), p, d.decimals, &d.unit)),
                    ]),
                    None => String::new(),
                }}
            </p>
            <p class="card-status">{move || status_text(lang.get(), d, &l3)}</p>
            <p class="card-pace">{move || pace_text(lang.get(), d, &line)}</p>
        </li>
    }
    .into_any()
}

/// The form that adds or corrects a figure, and the entered figures with a
/// button each to remove them.
#[component]
fn Entry(
    lang: RwSignal<Lang>,
    entered: RwSignal<Vec<Actual>>,
    rejected: RwSignal<Vec<RowError>>,
    message: RwSignal<String>,
) -> impl IntoView {
    let year = RwSignal::new("2024".to_string());
    let measure = RwSignal::new(Measure::Groundwater.as_str().to_string());
    let value = RwSignal::new(String::new());
    let source = RwSignal::new(String::new());
    let grade = RwSignal::new("H".to_string());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = lang.get_untracked();
        let fields = [
            year.get_untracked(),
            measure.get_untracked(),
            value.get_untracked(),
            String::new(),
            source.get_untracked(),
            grade.get_untracked(),
        ];
        let refs: Vec<&str> = fields.iter().map(String::as_str).collect();
        match parse_row(&refs, measures()) {
            Ok(a) if a.source.zh.trim().is_empty() => message.set(tr(l, "progress.need_source")),
            Ok(a) => {
                message.set(tr_with(
                    l,
                    "progress.added",
                    &[
                        ("year", a.year.to_string()),
                        (
                            "measure",
                            def(a.measure)
                                .map_or_else(String::new, |d| text(l, &d.label).to_string()),
                        ),
                    ],
                ));
                entered.update(|e| add_all(e, vec![a]));
                value.set(String::new());
            }
            Err(problem) => message.set(problem_text(l, &RowError { line: 1, problem })),
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
