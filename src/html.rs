//! HTML written as text, for the parts of the public pages that are static
//! between changes and go in by `inner_html` (a scene, its picture, the
//! household result, the challenge's gauges, the progress charts, the page
//! links): with maud, whose `html!` escapes every text and attribute value by
//! construction, so a translation, a data source or a user's CSV cannot
//! bring markup. Here: the two things maud does not do, each keeping that
//! guarantee — a translation's `%{name}` placeholders filled with markup, and
//! a word's first use in the text wrapped.

use maud::PreEscaped;
pub use maud::{html, Markup};

/// A piece of a translation's text: words, or a `%{name}` placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part<'a> {
    /// Words.
    Words(&'a str),
    /// A placeholder, by its name.
    Name(&'a str),
}

/// Splits `template` at its `%{name}` placeholders (an unclosed `%{` is words).
pub fn parts(template: &str) -> Vec<Part<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("%{") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        if start > 0 {
            out.push(Part::Words(&rest[..start]));
        }
        out.push(Part::Name(&rest[start + 2..start + len]));
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        out.push(Part::Words(rest));
    }
    out
}

/// `template` (a translation's text) escaped, each `%{name}` that `fill`
/// knows replaced by the markup it gives; any other placeholder stays as text.
pub fn template(template: &str, fill: impl Fn(&str) -> Option<Markup>) -> Markup {
    let out: String = parts(template)
        .into_iter()
        .map(|p| match p {
            Part::Words(w) => html! { (w) }.0,
            Part::Name(n) => fill(n).map_or_else(|| html! { "%{" (n) "}" }.0, |m| m.0),
        })
        .collect();
    PreEscaped(out)
}

/// `m` with the first use of `word` in its text (outside every tag and
/// attribute) replaced by `wrap(word)`. `word` has no character HTML
/// escapes, so it is found in the text as it is.
pub fn wrap_first(m: Markup, word: &str, wrap: impl FnOnce(&str) -> Markup) -> Markup {
    if word.contains(['<', '>', '&', '"']) {
        return m;
    }
    let s = m.0;
    let at = s.match_indices(word).map(|(i, _)| i).find(|&i| {
        let before = &s[..i];
        before.rfind('<') <= before.rfind('>')
    });
    match at {
        Some(i) => PreEscaped(format!(
            "{}{}{}",
            &s[..i],
            wrap(word).0,
            &s[i + word.len()..]
        )),
        None => PreEscaped(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = r#"<img src=x onerror="alert(1)">&"#;

    #[test]
    fn text_and_attribute_values_are_escaped() {
        let m = html! { p title=(HOSTILE) { (HOSTILE) b data-value=(1.5) { "x" } } };
        assert_eq!(
            m.into_string(),
            r#"<p title="&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;">&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;<b data-value="1.5">x</b></p>"#
        );
    }

    #[test]
    fn a_template_fills_its_placeholders_and_escapes_its_words() {
        let m = template("a < %{n} and %{m} %{", |name| {
            (name == "n").then(|| html! { b { "1" } })
        });
        assert_eq!(m.into_string(), "a &lt; <b>1</b> and %{m} %{");
        // What fills a placeholder is markup already: text in it was escaped.
        let m = template("%{n}", |_| Some(html! { (HOSTILE) }));
        assert!(!m.into_string().contains('<'));
    }

    #[test]
    fn wrap_first_wraps_only_text_outside_tags() {
        let m = html! { b title="亿m³" { "x" } " 亿m³ and 亿m³" };
        let w = wrap_first(m, "亿m³", |t| html! { span { (t) } });
        assert_eq!(
            w.into_string(),
            r#"<b title="亿m³">x</b> <span>亿m³</span> and 亿m³"#
        );
        let none = wrap_first(html! { "no unit" }, "亿m³", |t| html! { (t) });
        assert_eq!(none.into_string(), "no unit");
        // A word HTML would escape is left alone rather than half-matched.
        let amp = wrap_first(html! { "a & b" }, "&", |t| html! { i { (t) } });
        assert_eq!(amp.into_string(), "a &amp; b");
    }
}
