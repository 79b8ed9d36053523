//! Category labels that fit side by side under a narrow chart (and, in the
//! flow diagram, between its two columns of nodes). plotly.js
//! turns labels that are wider than their category, and a turned label takes
//! the chart's height (or, with a fixed margin, was cut off at its edge); so
//! a label is broken into short lines instead, as plotly.js's `<br>` writes
//! them: before a bracket ("Primary" over "(agriculture)"), then at spaces.

/// The widest line wanted, in ems: a category's width on a 390 px phone
/// (three categories in a chart about 240 px wide) at the charts' 13 px.
const LINE_EM: f64 = 6.5;

/// A character's width in ems, roughly: a Chinese character is one em, a
/// Latin letter, digit or mark about half of one.
fn em(c: char) -> f64 {
    if c.len_utf8() >= 3 {
        1.0
    } else {
        0.55
    }
}

/// The width of `s` in ems, roughly.
fn width(s: &str) -> f64 {
    s.chars().map(em).sum()
}

/// `label` without its bracketed gloss ("Primary (agriculture)" → "Primary"),
/// where a chart has no room for it and another chart gives it.
pub fn short(label: &str) -> &str {
    match label.find(['(', '（']) {
        Some(i) if i > 0 => label[..i].trim_end(),
        _ => label,
    }
}

/// `label` in lines of about [`LINE_EM`] at most, joined by `<br>`: a break
/// before an opening bracket, then words filled greedily (a word longer than a
/// line, or a Chinese run with no spaces, stays whole).
pub fn wrap(label: &str) -> String {
    let head = short(label);
    let mut lines = fill(head);
    lines.extend(fill(label[head.len()..].trim_start()));
    lines.join("<br>")
}

/// The words of `part` filled into lines of at most [`LINE_EM`].
fn fill(part: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in part.split_whitespace() {
        match lines.last_mut() {
            Some(line) if width(line) + em(' ') + width(word) <= LINE_EM => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_breaks_before_its_bracket_then_at_spaces() {
        assert_eq!(wrap("Primary (agriculture)"), "Primary<br>(agriculture)");
        assert_eq!(
            wrap("Tertiary (domestic, ecology)"),
            "Tertiary<br>(domestic,<br>ecology)"
        );
        assert_eq!(wrap("Surface water"), "Surface<br>water");
        assert_eq!(wrap("第一产业（农业）"), "第一产业<br>（农业）");
    }

    #[test]
    fn a_label_without_its_gloss() {
        assert_eq!(short("Tertiary (domestic, ecology)"), "Tertiary");
        assert_eq!(short("第三产业（生活、生态）"), "第三产业");
        assert_eq!(short("Reclaimed & other"), "Reclaimed & other");
        assert_eq!(short("(x)"), "(x)");
    }

    #[test]
    fn a_short_label_stays_on_one_line() {
        for l in ["Groundwater", "地下水", "再生水及其他", "Use"] {
            assert_eq!(wrap(l), l);
        }
    }

    #[test]
    fn every_line_fits_unless_it_is_one_word() {
        for l in [
            "Reclaimed & other",
            "Secondary (industry)",
            "a b c d e f g h i j k l m n o p",
        ] {
            for line in wrap(l).split("<br>") {
                assert!(width(line) <= LINE_EM || !line.contains(' '), "{l}: {line}");
            }
            // Nothing is lost but the breaks.
            assert_eq!(
                wrap(l)
                    .replace("<br>", " ")
                    .split_whitespace()
                    .collect::<Vec<_>>(),
                l.split_whitespace().collect::<Vec<_>>()
            );
        }
    }
}
