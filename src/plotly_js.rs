//! The one place that talks to plotly.js (`window.Plotly`, served by the site).
//!
//! The build (`scripts/lazy-plotly.mjs`) turns the page's plotly.js `<script>`
//! into `<meta name="plotly-src" content="…" data-integrity="…">`, so the
//! library (most of the page's weight) is fetched only when a chart first comes
//! near the screen, or the page is printed; [`load`] does that, once.

use gloo_events::EventListener;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Plotly, js_name = react, catch)]
    fn plotly_react(el: &web_sys::HtmlElement, figure: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(js_namespace = Plotly, js_name = downloadImage, catch)]
    fn plotly_download_image(figure: &JsValue, options: &JsValue) -> Result<JsValue, JsValue>;
}

/// Where plotly.js stands on this page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Not asked for yet.
    Idle,
    /// Its script is on the way.
    Loading,
    /// `window.Plotly` is there.
    Ready,
    /// It could not be loaded (no address in the page, network or integrity
    /// failure); the charts show a text fallback.
    Failed,
}

/// `Ready` when plotly.js is already on the page (a build that loads it eagerly),
/// `Idle` otherwise.
pub fn initial_status() -> Status {
    if available() {
        Status::Ready
    } else {
        Status::Idle
    }
}

/// Starts loading plotly.js from the address the build wrote into the page, once;
/// `status` follows it to `Ready` or `Failed`.
pub fn load(status: RwSignal<Status>) {
    if status.get_untracked() != Status::Idle {
        return;
    }
    if available() {
        status.set(Status::Ready);
        return;
    }
    status.set(if insert_script(status) {
        Status::Loading
    } else {
        Status::Failed
    });
}

fn insert_script(status: RwSignal<Status>) -> bool {
    let doc = gloo_utils::document();
    let Some(meta) = doc.query_selector("meta[name=plotly-src]").ok().flatten() else {
        return false;
    };
    let Some(src) = meta.get_attribute("content").filter(|s| !s.is_empty()) else {
        return false;
    };
    let Some(script) = doc
        .create_element("script")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlScriptElement>().ok())
    else {
        return false;
    };
    script.set_src(&src);
    if let Some(integrity) = meta.get_attribute("data-integrity") {
        script.set_integrity(&integrity);
    }
    // Each listener fires at most once and lives as long as the script element.
    EventListener::once(&script, "load", move |_| {
        status.set(if available() {
            Status::Ready
        } else {
            Status::Failed
        });
    })
    .forget();
    EventListener::once(&script, "error", move |_| status.set(Status::Failed)).forget();
    gloo_utils::head().append_child(&script).is_ok()
}

/// Saves the figure `json` (plotly.js's `{"data", "layout"}`, drawn apart from
/// the page) as a PNG file named `name.png`, `width` × `height` pixels.
/// Returns false when plotly.js is missing or refuses.
pub fn download_png(json: &str, name: &str, (width, height): (f64, f64)) -> bool {
    if !available() {
        return false;
    }
    let Ok(figure) = js_sys::JSON::parse(json) else {
        return false;
    };
    let options = js_sys::Object::new();
    let set =
        |k: &str, v: JsValue| js_sys::Reflect::set(&options, &JsValue::from_str(k), &v).is_ok();
    let ok = set("format", JsValue::from_str("png"))
        && set("filename", JsValue::from_str(name))
        && set("width", JsValue::from_f64(width))
        && set("height", JsValue::from_f64(height))
        && set("scale", JsValue::from_f64(1.0));
    ok && plotly_download_image(&figure, &options).is_ok()
}

/// Whether plotly.js is loaded.
pub fn available() -> bool {
    js_sys::Reflect::get(&gloo_utils::window(), &JsValue::from_str("Plotly"))
        .is_ok_and(|p| !p.is_undefined() && !p.is_null())
}

/// Draws (or redraws in place) the figure `json` (plotly.js's
/// `{"data", "layout"}`) into `el`, with `config` (JSON) when given: a
/// chart's first draw sets it, and plotly.js keeps it for the redraws.
/// Returns false when plotly.js is missing or refuses the figure; the caller
/// then shows a text fallback.
pub fn react(el: &web_sys::HtmlElement, json: &str, config: Option<&str>) -> bool {
    if !available() {
        return false;
    }
    let Ok(figure) = js_sys::JSON::parse(json) else {
        return false;
    };
    if let Some(config) = config {
        let Ok(config) = js_sys::JSON::parse(config) else {
            return false;
        };
        if js_sys::Reflect::set(&figure, &JsValue::from_str("config"), &config).is_err() {
            return false;
        }
    }
    let drawn = plotly_react(el, &figure).is_ok();
    hide_drawing(el);
    drawn
}

/// Keeps plotly.js's own drawing out of the accessibility tree: the chart is
/// one image with a name and a data table (`ChartBox`), not the unnamed SVGs
/// inside it, nor the measuring SVG plotly.js leaves in the body.
fn hide_drawing(el: &web_sys::HtmlElement) {
    let mut svgs: Vec<web_sys::Element> = Vec::new();
    if let Ok(list) = el.query_selector_all("svg:not([aria-hidden])") {
        svgs.extend(
            (0..list.length())
                .filter_map(|i| list.item(i))
                .filter_map(|n| n.dyn_into().ok()),
        );
    }
    let tester = gloo_utils::document().get_element_by_id("js-plotly-tester");
    svgs.extend(tester.filter(|t| !t.has_attribute("aria-hidden")));
    for svg in svgs {
        let _ = svg.set_attribute("aria-hidden", "true");
    }
}
