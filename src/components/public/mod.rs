//! The public door: the story, the 2030 challenge and the household
//! calculator, on the same model as the explorer, phone first.

pub mod challenge;
pub mod household;
pub mod progress;
pub mod progress_entry;
pub mod progress_html;
pub mod scene_html;
pub mod share_card;
pub mod story;

use crate::components::lang_button::LangButton;
use crate::components::later::later_plain;
use crate::components::notices::notice_text;
use crate::html::{html, Markup};
use crate::i18n::{tr, Lang};
use crate::story::challenge_start;
use crate::url::{public_query, PageQuery, View};
use changji_model::Data;
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// The link of a public page, or of the explorer, in `lang`.
pub fn href(view: View, lang: Lang) -> String {
    match view {
        View::Explorer if lang == Lang::default() => "?".to_string(),
        View::Explorer => format!("?lang={}", lang.code()),
        v => format!("?{}", public_query(v, 1, None, lang)),
    }
}

/// A public page: its header (the three pages, the explorer, the language)
/// and the page itself.
#[component]
pub fn PublicPage(
    /// What the link asked for.
    query: PageQuery,
) -> impl IntoView {
    let lang = RwSignal::new(query.lang);
    let view_kind = query.view;
    Effect::new(move |_| {
        let l = lang.get();
        if let Some(el) = document().document_element() {
            let _ = el.set_attribute("lang", l.html_lang());
        }
        document().set_title(&format!(
            "{} · {}",
            tr(l, &nav_key(view_kind)),
            tr(l, "app.title")
        ));
    });
    let notices = query.notices.clone();
    let start = if query.has_scenario {
        query.scenario.clone()
    } else {
        challenge_start(Data::get())
    };
    let from_link = query.actuals.clone();
    let scene = query.scene;
    // The page itself in a task after its header's (`later_plain`), so no
    // start-up task builds both; the static first scene gives way once it is in.
    let body = move || match view_kind {
        View::Challenge => EitherOf4::A(view! { <challenge::Challenge start=start lang=lang /> }),
        View::Household => EitherOf4::B(view! { <household::HouseholdCalculator lang=lang /> }),
        View::Progress => {
            EitherOf4::D(view! { <progress::Progress lang=lang from_link=from_link /> })
        }
        _ => EitherOf4::C(view! { <story::Story first=scene lang=lang /> }),
    };
    view! {
        <header class="public-header">
            <p class="public-title">{move || tr(lang.get(), "public.title")}</p>
            <nav aria-label=move || tr(lang.get(), "public.nav.label")>
                <span class="public-links-list" inner_html=move || nav_html(view_kind, lang.get()).into_string()></span>
                <LangButton lang=lang />
            </nav>
        </header>
        {(!notices.is_empty()).then(|| view! {
            <ul class="public-notices" role="status">
                {notices.iter().cloned().map(|n| view! { <li>{move || notice_text(lang.get(), &n)}</li> }).collect_view()}
            </ul>
        })}
        <main class="public"><div class="later first" node_ref=later_plain(true, body)></div></main>
    }
}

/// The links of the public pages and the explorer, as HTML text.
pub fn nav_html(current: View, lang: Lang) -> Markup {
    html! {
        @for v in View::PUBLIC.into_iter().chain([View::Explorer]) {
            @let id = if v == View::Explorer { "explorer" } else { v.code() };
            a href=(href(v, lang)) data-testid=(format!("nav-{id}")) aria-current=[(v == current).then_some("page")] {
                (tr(lang, &nav_key(v)))
            }
        }
    }
}

/// The catalogue key of a page's name.
pub fn nav_key(v: View) -> String {
    match v {
        View::Explorer => "public.nav.explorer".to_string(),
        v => format!("public.nav.{}", v.code()),
    }
}
