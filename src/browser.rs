//! Small browser services: downloads, the clipboard, absolute links.
//! The window and document come from `gloo-utils`; a Blob download has no
//! gloo helper (gloo-file makes object URLs but not the click), so it is `web-sys`.

use wasm_bindgen::JsCast;

/// The absolute link of a query on this page (keeps any sub-path).
pub fn link_for(query: &str) -> String {
    let loc = gloo_utils::window().location();
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    if query.is_empty() {
        format!("{origin}{path}")
    } else {
        format!("{origin}{path}?{query}")
    }
}

/// Offers `text` as a file download. Returns false if the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let ok = save_url(&url, filename);
    let _ = web_sys::Url::revoke_object_url(&url);
    ok
}

/// Saves what `url` points to (an object or data URL) as a file named
/// `filename`. Returns false if the browser refused.
pub fn save_url(url: &str, filename: &str) -> bool {
    gloo_utils::document()
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(url);
            a.set_download(filename);
            a.click();
        })
        .is_some()
}

/// Reads the file a file input's `change` event chose, as text, and hands it
/// to `then` (`None` when the browser could not read it). The input is
/// cleared first, so choosing the same file again fires again. Nothing
/// happens when no file was chosen.
pub fn read_chosen_file(ev: &web_sys::Event, then: impl FnOnce(Option<String>) + 'static) {
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
        let text = gloo_file::futures::read_as_text(&gloo_file::Blob::from(file)).await;
        then(text.ok());
    });
}

/// Copies `text` to the clipboard (asynchronously; failures are silent, the
/// link stays visible and selectable).
pub fn copy(text: &str) {
    let _ = gloo_utils::window()
        .navigator()
        .clipboard()
        .write_text(text);
}

thread_local! {
    /// The page's `performance`, looked up once: a settled input asks the
    /// time more than a dozen times (the draw queue, the timing of the
    /// analyses and of each redraw), and each lookup was three calls into
    /// JavaScript.
    static PERFORMANCE: Option<web_sys::Performance> = gloo_utils::window().performance();
}

/// Milliseconds from `performance.now()` (0 where the browser has no timer).
pub fn now() -> f64 {
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, web_sys::Performance::now))
}

/// Moves keyboard focus to the element with `id`, if there is one (for a
/// button that disables itself when pressed: focus goes to what it acted on,
/// not to the page's body).
pub fn focus_id(id: &str) {
    focus(gloo_utils::document().get_element_by_id(id));
}

/// Moves keyboard focus to `el`, if there is one and it can take focus.
pub fn focus(el: Option<web_sys::Element>) {
    if let Some(el) = el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
