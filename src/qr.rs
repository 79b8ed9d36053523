//! QR codes of share links, rendered in the page as SVG (no network).

use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// An SVG QR code of `text`, or `None` when it is too long for a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(220, 220)
            .dark_color(svg::Color("#0f2a3a"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_links_and_refuses_the_impossible() {
        let svg = qr_svg("http://127.0.0.1:8080/?preset=dry-95&eta=0.7&lang=en&v=1").expect("svg");
        assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"));
        assert!(svg.contains("<svg") && svg.contains("#0f2a3a"));
        assert!(qr_svg(&"x".repeat(5000)).is_none());
    }
}
