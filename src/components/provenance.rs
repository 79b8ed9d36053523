//! Provenance on click: any element with `data-prov="<key>"` opens a dialog with
//! the number's formula, its inputs with their values, and where each comes
//! from. Computed inputs link to their own explanation; Back retraces.

use super::provenance_open::{focus_follows, listen_for_openers, trap_tab};
use crate::format::num;
use crate::i18n::{grade_name, has, lever_name, text, tr, tr_with, Lang};
use crate::state::use_app_state;
use changji_model::provenance::{explain, Term, TermKind};
use changji_model::quantity::Quantity;
use changji_model::Data;
use leptos::either::Either;
use leptos::prelude::*;

/// The name of a number that opens its formula: what it is, its value, and
/// what pressing it does ("棉花 165.0 万亩，查看来源与公式").
pub fn open_label(lang: Lang, what: String, value: String) -> String {
    tr_with(lang, "prov.open", &[("what", what), ("value", value)])
}

/// The name of a quantity.
pub fn quantity_name(lang: Lang, key: &str) -> String {
    if let Some(id) = key.strip_prefix("lever-") {
        return lever_name(lang, id);
    }
    if let Some(id) = key.strip_prefix("limit-") {
        return tr_with(
            lang,
            "prov.limit",
            &[("cap", tr(lang, &format!("cap.{id}")))],
        );
    }
    tr(lang, &format!("prov.q.{key}"))
}

fn term_name(lang: Lang, t: &Term) -> String {
    match t.kind {
        TermKind::Lever => lever_name(lang, &t.id),
        TermKind::Derived => quantity_name(lang, &t.id),
        _ if has(lang, &format!("prov.term.{}", t.id)) => tr(lang, &format!("prov.term.{}", t.id)),
        _ => tr_with(
            lang,
            "prov.limit",
            &[("cap", tr(lang, &format!("cap.{}", t.id)))],
        ),
    }
}

fn decimals(x: f64) -> usize {
    let a = x.abs();
    if a == 0.0 || a >= 100.0 {
        1
    } else if a >= 1.0 {
        3
    } else {
        4
    }
}

/// One number's explanation: its name, value, formula and the table of its
/// inputs (a computed input opens its own with `go`), in language `l`.
#[component]
fn Explained(
    x: changji_model::provenance::Explanation,
    l: Lang,
    go: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <h2 id="prov-title">{quantity_name(l, &x.key)}</h2>
        <p class="prov-value" data-testid="prov-value" data-value=x.value.to_string()>
            {format!("{} {}", num(x.value, decimals(x.value)), crate::format::unit(l, &x.unit))}
        </p>
        <p class="prov-formula" data-testid="prov-formula"><code>{x.formula}</code></p>
        <table class="prov-terms">
            <thead>
                <tr>
                    <th scope="col">{tr(l, "prov.symbol")}</th>
                    <th scope="col">{tr(l, "prov.input")}</th>
                    <th scope="col">{tr(l, "prov.value")}</th>
                    <th scope="col">{tr(l, "prov.source")}</th>
                </tr>
            </thead>
            <tbody>
                {x.terms.into_iter().map(|t| view! { <TermRow t=t go=go/> }).collect_view()}
            </tbody>
        </table>
    }
}

/// One input of the formula: symbol, name, value, and its source or a link to
/// its own explanation.
#[component]
fn TermRow(t: Term, go: impl Fn(String) + Copy + Send + Sync + 'static) -> impl IntoView {
    let l = use_app_state().page.lang.get_untracked();
    let name = term_name(l, &t);
    let value = format!(
        "{} {}",
        num(t.value, decimals(t.value)),
        crate::format::unit(l, &t.unit)
    );
    let source = match (&t.kind, &t.link) {
        (TermKind::Derived, Some(link)) => {
            let link = link.clone();
            Either::Left(view! {
                <button class="link" data-testid=format!("prov-link-{link}") on:click=move |_| go(link.clone())>
                    {tr(l, "prov.computed")}
                </button>
            })
        }
        _ => {
            let grade = t
                .grade
                .map(|g| format!(" [{}]", grade_name(l, g)))
                .unwrap_or_default();
            let changed = if t.changed {
                format!("{} · ", tr(l, "prov.changed"))
            } else {
                String::new()
            };
            Either::Right(
                view! { <span>{format!("{changed}{}{grade}", text(l, &t.source))}</span> },
            )
        }
    };
    view! {
        <tr data-testid=format!("prov-term-{}", t.id) data-value=t.value.to_string()>
            <td><code>{t.symbol}</code></td>
            <td>{name}</td>
            <td class="num">{value}</td>
            <td>{source}</td>
        </tr>
    }
}

/// The provenance dialog (one for the page).
#[component]
pub fn Provenance() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let data = Data::get();
    let trail = RwSignal::new(Vec::<String>::new());
    let has_trail = Memo::new(move |_| trail.with(|t| !t.is_empty()));
    let opener = StoredValue::new_local(None::<web_sys::HtmlElement>);
    let close_btn = NodeRef::<leptos::html::Button>::new();

    let open = move |key: String, from: web_sys::HtmlElement| {
        if Quantity::parse(&key).is_some() {
            opener.set_value(Some(from));
            trail.set(Vec::new());
            state.page.explain.set(Some(key));
        }
    };
    listen_for_openers(open);
    focus_follows(close_btn, opener);

    let explanation = Memo::new(move |_| {
        let key = state.page.explain.get()?;
        let q = Quantity::parse(&key)?;
        let s = state.scenario.get();
        Some(state.outcome.with(|o| explain(data, &s, o, q)))
    });
    let go = move |key: String| {
        if let Some(cur) = state.page.explain.get_untracked() {
            trail.update(|t| t.push(cur));
        }
        state.page.explain.set(Some(key));
    };
    let open = Memo::new(move |_| explanation.with(Option::is_some));
    let back = move |_| {
        let mut prev = None;
        trail.update(|t| prev = t.pop());
        if prev.is_some() {
            state.page.explain.set(prev);
        }
    };

    view! {
        {move || open.get().then(|| view! {
            <div class="prov-backdrop" on:click=move |_| state.page.explain.set(None)></div>
            <div
                class="prov"
                role="dialog"
                aria-modal="true"
                on:keydown=trap_tab
                aria-labelledby="prov-title"
                data-testid="provenance"
                data-key=move || state.page.explain.get().unwrap_or_default()
            >
                {move || {
                    let l = lang.get();
                    explanation.get().map(|x| view! { <Explained x=x l=l go=go/> })
                }}
                <div class="prov-actions">
                    {move || has_trail.get().then(|| view! {
                        <button data-testid="prov-back" on:click=back>{move || tr(lang.get(), "prov.back")}</button>
                    })}
                    <button node_ref=close_btn data-testid="prov-close" on:click=move |_| state.page.explain.set(None)>
                        {move || tr(lang.get(), "share.close")}
                    </button>
                </div>
            </div>
        })}
    }
}
