//! The page's one font list, for the charts (plotly.js) and the share card
//! (a canvas); the stylesheet's `--font` (style/main.css) is the same list, a
//! test checks it.
//!
//! Only fonts on the reader's machine: nothing is downloaded. `system-ui` is
//! the platform's own face (San Francisco, Segoe UI, Roboto), so
//! `-apple-system` and `"Segoe UI"` are not named again; the Chinese faces
//! follow, for a platform whose `system-ui` has no Chinese. (Naming fewer
//! missing faces did not make the first layout measurably shorter on the
//! build machine, which has none of them: `node scripts/trace-start.mjs`,
//! six loads each.)

/// The font families, most wanted first, as CSS writes them.
pub const FONTS: &str =
    "system-ui, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

#[cfg(test)]
mod tests {
    use super::FONTS;

    #[test]
    fn the_stylesheet_names_the_same_fonts() {
        let css = include_str!("../style/main.css");
        let line = css
            .lines()
            .find_map(|l| l.trim().strip_prefix("--font:"))
            .expect("style/main.css sets --font");
        assert_eq!(line.trim().trim_end_matches(';').replace('"', "'"), FONTS);
    }
}
