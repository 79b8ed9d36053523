//! A share card: a PNG drawn in the page (a canvas, no network) with a few
//! lines of text and the QR code of the page's link, sized for phone sharing
//! (1080 × 1350), downloaded as a file.

use crate::browser::{link_for, save_url};
use crate::fonts::FONTS;
use crate::i18n::{tr, Lang};
use crate::qr::qr_modules;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Card size, pixels.
pub const SIZE: (u32, u32) = (1080, 1350);
const MARGIN: f64 = 80.0;
const INK: &str = "#0f2a3a";
const BRAND: &str = "#1f6f9f";

/// Splits `text` into lines no wider than `width` as `measure` measures them,
/// breaking between any two characters (Chinese has no spaces to break at).
pub fn wrap(text: &str, width: f64, measure: impl Fn(&str) -> f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for ch in text.chars() {
        let mut next = line.clone();
        next.push(ch);
        if measure(&next) > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
            if ch != ' ' {
                line.push(ch);
            }
        } else {
            line = next;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn draw(lines: &[String], link: &str, scan: &str) -> Option<String> {
    let doc = gloo_utils::document();
    let canvas = doc
        .create_element("canvas")
        .ok()?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .ok()?;
    canvas.set_width(SIZE.0);
    canvas.set_height(SIZE.1);
    let cx = canvas
        .get_context("2d")
        .ok()??
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .ok()?;
    let (w, h) = (f64::from(SIZE.0), f64::from(SIZE.1));
    cx.set_fill_style_str("#ffffff");
    cx.fill_rect(0.0, 0.0, w, h);
    cx.set_fill_style_str(BRAND);
    cx.fill_rect(0.0, 0.0, w, 24.0);
    let mut y = MARGIN + 40.0;
    for (i, text) in lines.iter().enumerate() {
        let (size, weight) = if i == 0 { (60.0, "700") } else { (44.0, "400") };
        cx.set_font(&format!("{weight} {size}px {FONTS}"));
        cx.set_fill_style_str(if i == 0 { BRAND } else { INK });
        let measure = |s: &str| cx.measure_text(s).map_or(0.0, |m| m.width());
        for line in wrap(text, w - 2.0 * MARGIN, measure) {
            let _ = cx.fill_text(&line, MARGIN, y);
            y += size * 1.35;
        }
        y += 24.0;
    }
    // The QR code of the link, bottom centre.
    let (dark, n) = qr_modules(link)?;
    let side = 460.0;
    let module = (side / n as f64).floor();
    let x0 = (w - module * n as f64) / 2.0;
    let y0 = h - MARGIN - 60.0 - module * n as f64;
    cx.set_fill_style_str(INK);
    for (k, d) in dark.iter().enumerate() {
        if *d {
            let (col, row) = ((k % n) as f64, (k / n) as f64);
            cx.fill_rect(x0 + col * module, y0 + row * module, module, module);
        }
    }
    cx.set_font(&format!("400 34px {FONTS}"));
    cx.set_text_align("center");
    let _ = cx.fill_text(scan, w / 2.0, h - MARGIN - 10.0);
    canvas.to_data_url_with_type("image/png").ok()
}

/// The button that saves the card of `lines` (the first is the title) with
/// the QR code of `link` (a query of this page).
#[component]
pub fn ShareCard(
    /// The lines; the first is the title.
    lines: Signal<Vec<String>>,
    /// The page's query for the QR code.
    link: Signal<String>,
    /// The language.
    lang: RwSignal<Lang>,
    /// File name, without `.png`.
    name: &'static str,
) -> impl IntoView {
    let failed = RwSignal::new(false);
    view! {
        <button
            class="share-card"
            data-testid="share-png"
            on:click=move |_| {
                let l = lang.get_untracked();
                let url = link_for(&link.get_untracked());
                let mut all = lines.get_untracked();
                all.push(url.clone());
                let ok = draw(&all, &url, &tr(l, "share.card_scan")).is_some_and(|png| save_url(&png, &format!("{name}.png")));
                failed.set(!ok);
            }
        >
            {move || tr(lang.get(), "share.card_png")}
        </button>
        {move || failed.get().then(|| view! {
            <span class="share-card-failed" role="alert">{tr(lang.get(), "share.card_failed")}</span>
        })}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_character_and_the_width() {
        let text = "昌吉州一年的水资源总量是32.81亿m³，能安全利用的只有25.2亿m³。";
        let measure = |s: &str| s.chars().count() as f64 * 10.0;
        let lines = wrap(text, 100.0, measure);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| measure(l) <= 100.0));
        assert_eq!(lines.concat(), text);
    }
}
