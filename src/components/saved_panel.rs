//! Named saved scenarios: save, load, delete; export to and import from a JSON
//! file, validated with clear messages.

use crate::browser::download;
use crate::i18n::{tr, tr_with, Lang};
use crate::state::use_app_state;
use crate::storage::{load, store, LoadNote};
use changji_model::file::{
    file_actuals, file_text_with, parse_file, ImportError, ImportWarning, SavedScenario,
};
use leptos::prelude::*;

/// An import error as a sentence.
pub fn error_text(lang: Lang, e: &ImportError) -> String {
    match e {
        ImportError::TooLarge(n) => tr_with(lang, "saved.err_large", &[("n", n.to_string())]),
        ImportError::NotJson(m) => tr_with(lang, "saved.err_json", &[("detail", m.clone())]),
        ImportError::WrongFormat(m) => tr_with(lang, "saved.err_format", &[("detail", m.clone())]),
        ImportError::Version(v) => tr_with(lang, "saved.err_version", &[("v", v.to_string())]),
    }
}

/// An import warning as a sentence.
pub fn warning_text(lang: Lang, w: &ImportWarning) -> String {
    match w {
        ImportWarning::UnknownLever { scenario, lever } => tr_with(
            lang,
            "saved.warn_lever",
            &[("name", scenario.clone()), ("lever", lever.clone())],
        ),
        ImportWarning::Clamped {
            scenario,
            lever,
            given,
            used,
        } => tr_with(
            lang,
            "saved.warn_clamped",
            &[
                ("name", scenario.clone()),
                ("lever", lever.clone()),
                ("given", given.to_string()),
                ("used", used.to_string()),
            ],
        ),
        ImportWarning::UnknownPreset { scenario, preset } => tr_with(
            lang,
            "saved.warn_preset",
            &[("name", scenario.clone()), ("preset", preset.clone())],
        ),
        ImportWarning::Unnamed { name } => {
            tr_with(lang, "saved.warn_unnamed", &[("name", name.clone())])
        }
    }
}

/// The saved-scenarios panel.
#[component]
pub fn SavedPanel() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let (initial, note) = load();
    let list = RwSignal::new(initial);
    let message = RwSignal::new(match note {
        Some(LoadNote::Unreadable(_)) => tr(lang.get_untracked(), "saved.unreadable"),
        Some(LoadNote::Unavailable) => tr(lang.get_untracked(), "saved.unavailable"),
        None => String::new(),
    });
    let name = RwSignal::new(String::new());
    let persist = move || {
        if !list.with_untracked(|l| store(l)) {
            message.set(tr(lang.get_untracked(), "saved.not_stored"));
        }
    };
    let save = move |_| {
        let n = name.get_untracked();
        let n = if n.trim().is_empty() {
            tr(
                lang.get_untracked(),
                &format!(
                    "preset.{}.name",
                    state.scenario.with_untracked(|s| s.preset.clone())
                ),
            )
        } else {
            n
        };
        let item = state
            .scenario
            .with_untracked(|s| SavedScenario::capture(changji_model::Data::get(), &n, s));
        list.update(|l| {
            l.retain(|x| x.name != item.name);
            l.push(item);
        });
        name.set(String::new());
        message.set(tr_with(lang.get_untracked(), "saved.saved", &[("name", n)]));
        persist();
    };
    let export = move |_| list.with_untracked(|l| export_file(l));
    let import = move |ev: leptos::ev::Event| {
        crate::browser::read_chosen_file(&ev, move |text| {
            let (said, merged) = merge_file(lang.get_untracked(), text, list);
            message.set(said);
            if merged {
                persist();
            }
        });
    };
    view! {
        <section class="saved" aria-labelledby="saved-title">
            <h2 id="saved-title">{move || tr(lang.get(), "saved.title")}</h2>
            <div class="saved-row">
                <input
                    type="text"
                    data-testid="saved-name"
                    maxlength="80"
                    placeholder=move || tr(lang.get(), "saved.name")
                    aria-label=move || tr(lang.get(), "saved.name")
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                />
                <button data-testid="saved-save" on:click=save>{move || tr(lang.get(), "saved.save")}</button>
                <button data-testid="saved-export" on:click=export disabled=move || list.with(Vec::is_empty)>
                    {move || tr(lang.get(), "saved.export")}
                </button>
                <label class="file">
                    <span>{move || tr(lang.get(), "saved.import")}</span>
                    <input type="file" accept=".json,application/json" data-testid="saved-import" on:change=import/>
                </label>
            </div>
            <p class="saved-message" role="status" data-testid="saved-message">{move || message.get()}</p>
            <SavedList list=list message=message/>
        </section>
    }
}

/// Downloads the saved scenarios as one file, with the figures entered on the
/// progress page.
fn export_file(list: &[SavedScenario]) {
    let (entered, _) = crate::actuals_store::load();
    let actuals = if entered.is_empty() {
        String::new()
    } else {
        changji_model::progress::write_csv(&entered, changji_model::progress::measures())
    };
    let text = file_text_with(list, &actuals);
    download("changji-water-scenarios.json", "application/json", &text);
}

/// Merges a chosen file's scenarios into `list` (one of the same name is
/// replaced) and its figures into the progress page's; says what came of it,
/// and whether the list changed.
fn merge_file(l: Lang, text: Option<String>, list: RwSignal<Vec<SavedScenario>>) -> (String, bool) {
    let Some(text) = text else {
        return (tr(l, "saved.unreadable_file"), false);
    };
    match parse_file(changji_model::Data::get(), &text) {
        Ok((items, warnings)) => {
            let n = items.len();
            list.update(|lst| {
                for it in items {
                    lst.retain(|x| x.name != it.name);
                    lst.push(it);
                }
            });
            let mut msg = tr_with(l, "saved.imported", &[("n", n.to_string())]);
            msg.push_str(&import_actuals(l, &text));
            for w in warnings.iter().take(12) {
                msg.push(' ');
                msg.push_str(&warning_text(l, w));
            }
            (msg, true)
        }
        Err(e) => (error_text(l, &e), false),
    }
}

/// The saved scenarios, each with Load and Delete.
#[component]
fn SavedList(list: RwSignal<Vec<SavedScenario>>, message: RwSignal<String>) -> impl IntoView {
    let state = use_app_state();
    let list_ref = NodeRef::<leptos::html::Ul>::new();
    let lang = state.page.lang;
    let persist = move || {
        if !list.with_untracked(|l| store(l)) {
            message.set(tr(lang.get_untracked(), "saved.not_stored"));
        }
    };
    view! {
        <ul class="saved-list" data-testid="saved-list" node_ref=list_ref>
            {move || {
                list.get()
                    .into_iter()
                    .enumerate()
                    .map(|(i, item)| {
                        let for_load = item.clone();
                        let name_for_delete = item.name.clone();
                        view! {
                            <li data-testid=format!("saved-item-{i}")>
                                <span class="saved-name">{item.name.clone()}</span>
                                <small>{move || tr(lang.get(), &format!("preset.{}.name", item.preset))}</small>
                                <button data-testid=format!("saved-load-{i}") on:click=move |_| {
                                    let (s, _) = for_load.restore(changji_model::Data::get());
                                    state.scenario.set(s);
                                }>{move || tr(lang.get(), "saved.load")}</button>
                                <button data-testid=format!("saved-delete-{i}") on:click=move |_| {
                                    list.update(|l| l.retain(|x| x.name != name_for_delete));
                                    persist();
                                    focus_after_delete(list_ref, i);
                                }>{move || tr(lang.get(), "saved.delete")}</button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}

/// After the `i`-th saved scenario is deleted (its button gone with it), focus
/// goes to the Delete of the one that took its place, or of the last, or, with
/// none left, to the panel's first button (Save); once the list is drawn again.
fn focus_after_delete(list: NodeRef<leptos::html::Ul>, i: usize) {
    set_timeout(
        move || {
            let Some(ul) = list.get_untracked() else {
                return;
            };
            let items = ul.children();
            let n = items.length();
            let target = if n == 0 {
                let section = ul.closest("section").ok().flatten();
                section.and_then(|s| s.query_selector("button").ok().flatten())
            } else {
                let li = items.item((i as u32).min(n - 1));
                li.and_then(|li| li.query_selector("button:last-of-type").ok().flatten())
            };
            crate::browser::focus(target);
        },
        std::time::Duration::ZERO,
    );
}

/// Adds a file's entered actual figures to the browser's (the progress page
/// shows them); says how many, or nothing when the file has none.
fn import_actuals(l: Lang, text: &str) -> String {
    use changji_model::progress::{measures, read_csv, upsert};
    let Some(csv) = file_actuals(text) else {
        return String::new();
    };
    let (rows, _) = read_csv(&csv, measures());
    let n = rows.len();
    let (mut entered, _) = crate::actuals_store::load();
    upsert(&mut entered, rows);
    crate::actuals_store::store(&entered);
    format!(
        " {}",
        tr_with(l, "saved.imported_actuals", &[("n", n.to_string())])
    )
}
