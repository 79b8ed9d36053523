//! The one place that talks to plotly.js (`window.Plotly`, served by the site).

use plotly::Plot;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Plotly, js_name = react, catch)]
    fn plotly_react(el: &web_sys::HtmlElement, figure: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Plotly, js_name = downloadImage, catch)]
    fn plotly_download_image(
        el: &web_sys::HtmlElement,
        options: &JsValue,
    ) -> Result<JsValue, JsValue>;
}

/// Saves the chart in `el` as a PNG file named `name.png`. Returns false when
/// plotly.js is missing or refuses.
pub fn download_png(el: &web_sys::HtmlElement, name: &str) -> bool {
    if !available() {
        return false;
    }
    let options = js_sys::Object::new();
    let set =
        |k: &str, v: JsValue| js_sys::Reflect::set(&options, &JsValue::from_str(k), &v).is_ok();
    let ok = set("format", JsValue::from_str("png"))
        && set("filename", JsValue::from_str(name))
        && set("width", JsValue::from_f64(1200.0))
        && set("height", JsValue::from_f64(700.0))
        && set("scale", JsValue::from_f64(1.0));
    ok && plotly_download_image(el, &options).is_ok()
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
