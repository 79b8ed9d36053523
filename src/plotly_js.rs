//! The one place that talks to plotly.js (`window.Plotly`, served by the site).

use plotly::Plot;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Plotly, js_name = react, catch)]
    fn plotly_react(el: &web_sys::HtmlElement, figure: &JsValue) -> Result<JsValue, JsValue>;
}

/// Whether plotly.js is loaded.
pub fn available() -> bool {
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &JsValue::from_str("Plotly")).ok())
        .is_some_and(|p| !p.is_undefined() && !p.is_null())
}

/// Draws (or redraws in place) `plot` into `el`. Returns false when plotly.js is
/// missing or refuses the figure; the caller then shows a text fallback.
pub fn react(el: &web_sys::HtmlElement, plot: &Plot) -> bool {
    if !available() {
        return false;
    }
    let Ok(figure) = js_sys::JSON::parse(&plot.to_json()) else {
        return false;
    };
    plotly_react(el, &figure).is_ok()
}
