//! How the provenance dialog opens and closes: a click on any `[data-prov]`
//! element, or Enter / Space on one with focus, opens it; Escape closes it;
//! focus moves into it, stays in it (Tab) and goes back to what opened it.

use crate::state::use_app_state;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The key of the `[data-prov]` element an event started in, if any.
fn prov_target(ev: &web_sys::Event) -> Option<(String, web_sys::HtmlElement)> {
    let el: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let host = el.closest("[data-prov]").ok()??;
    let key = host.get_attribute("data-prov")?;
    Some((key, host.dyn_into().ok()?))
}

/// Opens the dialog on a click on any `[data-prov]` element, or Enter / Space
/// on one that has focus; Escape closes it.
pub(super) fn listen_for_openers(open: impl Fn(String, web_sys::HtmlElement) + Copy + 'static) {
    let state = use_app_state();
    let _click = window_event_listener(leptos::ev::click, move |ev| {
        if let Some((key, el)) = prov_target(&ev) {
            open(key, el);
        }
    });
    let _keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let key = ev.key();
        if state.page.explain.get_untracked().is_some() {
            if key == "Escape" {
                ev.stop_propagation();
                state.page.explain.set(None);
            }
            return;
        }
        if key == "Enter" || key == " " {
            if let Some((k, el)) = prov_target(&ev) {
                ev.prevent_default();
                open(k, el);
            }
        }
    });
}

/// The focus moves into the dialog (its close button) when it opens and back
/// to what opened it when it closes.
pub(super) fn focus_follows(
    close_btn: NodeRef<leptos::html::Button>,
    opener: StoredValue<Option<web_sys::HtmlElement>, LocalStorage>,
) {
    let explain = use_app_state().page.explain;
    Effect::new(move |was_open: Option<bool>| {
        let is_open = explain.with(Option::is_some);
        if is_open {
            request_animation_frame(move || {
                if let Some(b) = close_btn.get_untracked() {
                    let _ = b.focus();
                }
            });
        } else if was_open == Some(true) {
            if let Some(el) = opener.get_value() {
                let _ = el.focus();
            }
        }
        is_open
    });
}

/// Keeps Tab inside the dialog (it is modal): from its last control to its
/// first, and with Shift from its first to its last.
pub(super) fn trap_tab(ev: web_sys::KeyboardEvent) {
    if ev.key() != "Tab" {
        return;
    }
    let Some(dialog) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(list) = dialog.query_selector_all("button:not([disabled]), [href], [tabindex=\"0\"]")
    else {
        return;
    };
    let n = list.length();
    let (Some(first), Some(last)) = (list.item(0), n.checked_sub(1).and_then(|i| list.item(i)))
    else {
        return;
    };
    let active = document().active_element();
    let at = |node: &web_sys::Node| active.as_ref().is_some_and(|a| a.is_same_node(Some(node)));
    let outside = !active.as_ref().is_some_and(|a| dialog.contains(Some(a)));
    let to = if ev.shift_key() && (at(&first) || outside) {
        Some(last)
    } else if !ev.shift_key() && (at(&last) || outside) {
        Some(first)
    } else {
        None
    };
    if let Some(el) = to.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        ev.prevent_default();
        let _ = el.focus();
    }
}
