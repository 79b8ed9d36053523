//! QR codes of share links (no network): the modules of a link, drawn as an
//! SVG path here and as canvas squares on the share card
//! (`components::public::share_card`), from one encoder.

use qrcode::{Color, EcLevel, QrCode};

/// The modules of `text`'s QR code, row by row (`true` dark), and the side in
/// modules, or `None` when it is too long for a QR code.
pub fn qr_modules(text: &str) -> Option<(Vec<bool>, usize)> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let n = code.width();
    Some((
        code.to_colors()
            .into_iter()
            .map(|c| c == Color::Dark)
            .collect(),
        n,
    ))
}

/// An SVG QR code of `text` (with its quiet zone of four modules), or `None`
/// when it is too long for a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let (dark, n) = qr_modules(text)?;
    let side = n + 8;
    let mut path = String::new();
    for (k, _) in dark.iter().enumerate().filter(|(_, d)| **d) {
        path.push_str(&format!("M{} {}h1v1h-1z", k % n + 4, k / n + 4));
    }
    Some(format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {side} {side}" width="220" height="220" shape-rendering="crispEdges"><rect width="{side}" height="{side}" fill="#ffffff"/><path fill="#0f2a3a" d="{path}"/></svg>"##
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_links_and_refuses_the_impossible() {
        let svg = qr_svg("http://127.0.0.1:8080/?preset=dry-95&eta=0.7&lang=en&v=1").expect("svg");
        assert!(svg.starts_with("<svg") && svg.contains("#0f2a3a"));
        assert!(qr_svg(&"x".repeat(5000)).is_none());
        let (dark, n) = qr_modules("hello").expect("code");
        assert_eq!(dark.len(), n * n);
        // The three finder patterns: the corners are dark.
        assert!(dark[0] && dark[n - 1] && dark[n * (n - 1)]);
    }
}
