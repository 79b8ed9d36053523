//! What could not be used from the link, in the user's language, dismissable.

use crate::format::num;
use crate::i18n::{text, tr, tr_with, Lang};
use crate::state::use_app_state;
use changji_model::codec::Notice;
use leptos::prelude::*;

/// One notice as a sentence.
pub fn notice_text(lang: Lang, n: &Notice) -> String {
    match n {
        Notice::UnknownKey { key } => tr_with(lang, "notice.unknown_key", &[("key", key.clone())]),
        Notice::Retired { key } => {
            let why = changji_model::Data::get()
                .retired(key)
                .map(|r| text(lang, &r.text).to_string())
                .unwrap_or_default();
            tr_with(
                lang,
                "notice.retired",
                &[("key", key.clone()), ("why", why)],
            )
        }
        Notice::Unparsable { key, value } => tr_with(
            lang,
            "notice.unparsable",
            &[("key", key.clone()), ("value", value.clone())],
        ),
        Notice::NotAChoice {
            key,
            value,
            choices,
        } => {
            let args = [
                ("key", key.clone()),
                ("value", value.clone()),
                ("choices", choices.clone()),
            ];
            match key.as_str() {
                "view" => tr_with(lang, "notice.bad_view", &args),
                "scene" => tr_with(lang, "notice.bad_scene", &args),
                "lang" => tr_with(lang, "notice.bad_lang", &args),
                _ => tr_with(lang, "notice.not_a_choice", &args),
            }
        }
        Notice::Clamped { key, given, used } => tr_with(
            lang,
            "notice.clamped",
            &[
                ("key", key.clone()),
                ("given", given.to_string()),
                ("used", num(*used, 3)),
            ],
        ),
        Notice::UnknownPreset { value } => {
            tr_with(lang, "notice.unknown_preset", &[("value", value.clone())])
        }
        Notice::OtherVersion { given, current } => tr_with(
            lang,
            "notice.other_version",
            &[("given", given.clone()), ("current", current.to_string())],
        ),
        Notice::Duplicate { key } => tr_with(lang, "notice.duplicate", &[("key", key.clone())]),
        Notice::TooLong { len } => tr_with(lang, "notice.too_long", &[("len", len.to_string())]),
        Notice::More { count } => tr_with(lang, "notice.more", &[("count", count.to_string())]),
    }
}

/// The notice banner (absent when there is nothing to say).
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let shown = Memo::new(move |_| state.page.notices.with(|n| !n.is_empty()));
    view! {
        {move || shown.get().then(|| view! {
            <div class="notices" role="status" data-testid="notices">
                <strong>{move || tr(lang.get(), "notice.title")}</strong>
                <ul>
                    {move || {
                        state
                            .page.notices
                            .get()
                            .iter()
                            .map(|n| view! { <li>{notice_text(lang.get(), n)}</li> })
                            .collect_view()
                    }}
                </ul>
                <button on:click=move |_| state.page.notices.set(Vec::new())>
                    {move || tr(lang.get(), "notice.dismiss")}
                </button>
            </div>
        })}
    }
}
