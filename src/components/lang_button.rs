//! The language switch (Chinese ⇄ English), the same on every page.

use crate::i18n::{tr, Lang};
use leptos::prelude::*;

/// A button that switches `lang` to the other language.
#[component]
pub fn LangButton(
    /// The page's language.
    lang: RwSignal<Lang>,
) -> impl IntoView {
    view! {
        <button
            class="lang"
            data-testid="lang"
            aria-label=move || tr(lang.get(), "app.lang_switch_label")
            on:click=move |_| lang.update(|l| *l = l.other())
        >
            {move || tr(lang.get(), "app.lang_other")}
        </button>
    }
}
