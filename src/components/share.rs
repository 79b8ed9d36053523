//! Share: the exact link of this scenario, copied to the clipboard and shown as
//! a QR code for people in the room to scan.

use crate::browser::{copy, link_for};
use crate::i18n::tr;
use crate::qr::qr_svg;
use crate::state::use_app_state;
use crate::url::query_for;
use leptos::prelude::*;

/// The share button and its panel.
#[component]
pub fn Share() -> impl IntoView {
    let state = use_app_state();
    let lang = state.page.lang;
    let open = RwSignal::new(false);
    let copied = RwSignal::new(false);
    let button: NodeRef<leptos::html::Button> = NodeRef::new();
    // Closing returns focus to the share button (never to the page body).
    let close = move || {
        open.set(false);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let current_link = move || {
        state
            .scenario
            .with_untracked(|s| link_for(&query_for(s, lang.get_untracked())))
    };
    // Built only while the panel is open: no QR code work on every slider input.
    let link = Memo::new(move |_| {
        if open.get() {
            state.scenario.track();
            lang.track();
            current_link()
        } else {
            String::new()
        }
    });
    let svg = Memo::new(move |_| {
        if open.get() {
            qr_svg(&link.get()).unwrap_or_default()
        } else {
            String::new()
        }
    });
    view! {
        <button
            class="share"
            data-testid="share"
            node_ref=button
            aria-expanded=move || open.get().to_string()
            on:click=move |_| {
                copy(&current_link());
                copied.set(true);
                open.update(|o| *o = !*o);
            }
        >
            {move || tr(lang.get(), "share.button")}
        </button>
        {move || open.get().then(|| view! {
            <div class="share-panel" role="dialog" aria-label=move || tr(lang.get(), "share.title") data-testid="share-panel"
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { ev.prevent_default(); close(); }>
                <h2>{move || tr(lang.get(), "share.title")}</h2>
                <div class="qr" data-testid="share-qr" inner_html=move || svg.get()></div>
                <label>
                    <span>{move || tr(lang.get(), "share.link")}</span>
                    <input type="text" readonly data-testid="share-url" prop:value=move || link.get() on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(i) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            i.select();
                        }
                    }/>
                </label>
                <p class="hint" aria-live="polite">
                    {move || if copied.get() { tr(lang.get(), "share.copied") } else { String::new() }}
                </p>
                <button data-testid="share-close" on:click=move |_| close()>{move || tr(lang.get(), "share.close")}</button>
            </div>
        })}
    }
}
