//! Where Changji stands (`?view=progress`): the report card first (each
//! measure's latest actual year against the plan's path, and the pace to
//! 2030), then each measure's chart, then the bureau's own figures — added or
//! corrected in a form, imported from and exported to a bulletin's CSV, kept
//! in the browser and in the page's link. Text a person entered is shown as
//! text (Leptos text nodes, or escaped in the charts).

use super::progress_entry::Entry;
use super::progress_html::{chart_block, grade_text, pace_text, status_text};
use crate::actuals_store;
use crate::browser::download;
use crate::format::with_unit;
use crate::i18n::{text, tr, tr_with, Lang};
use crate::url::{progress_query, replace_now};
use changji_model::progress::{
    def, measures, merge, read_csv, report, shipped, upsert, write_csv, write_link, Actual,
    RowError,
};
use leptos::prelude::*;

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
        upsert(&mut start, rows);
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
        crate::browser::read_chosen_file(&ev, move |text| {
            let l = lang.get_untracked();
            let Some(text) = text else {
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
            entered.update(|e| upsert(e, rows));
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
