//! A scene as HTML text (pure, natively testable): its title, its picture as
//! SVG, its words with each number in a `<b class="num">` that carries the
//! value and its origin, and its source. Written as text because this part
//! of the page is static between scene changes, and a Leptos view of it was
//! most of the story's WebAssembly.

use crate::format::num;
use crate::i18n::{text, tr, tr_with, Lang};
use crate::story::{Kind, Number, Picture, Scene};

/// `s` with `&`, `<`, `>` and `"` escaped for HTML text and attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// A piece of a scene's text: words, or one of its numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Words.
    Words(String),
    /// A number, by its index in the scene's numbers.
    Number(usize),
}

/// Splits `template` at its `%{name}` placeholders.
pub fn pieces(template: &str, numbers: &[Number]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find("%{") {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        let name = &rest[start + 2..start + len];
        match numbers.iter().position(|n| n.name == name) {
            Some(i) => {
                if start > 0 {
                    out.push(Piece::Words(rest[..start].to_string()));
                }
                out.push(Piece::Number(i));
            }
            None => out.push(Piece::Words(rest[..start + len + 1].to_string())),
        }
        rest = &rest[start + len + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Words(rest.to_string()));
    }
    out
}

const WIDTH: f64 = 340.0;
const LEFT: f64 = 8.0;
const BAR_H: f64 = 22.0;
const ROW_H: f64 = 50.0;
const TOP: f64 = 28.0;

/// The picture as SVG: horizontal bars on one scale with their values, and
/// the line across, named for screen readers by `title` and its values.
pub fn picture_svg(p: &Picture, title: &str, lang: Lang) -> String {
    let top = p
        .bars
        .iter()
        .map(|b| b.value)
        .chain(p.line.map(|l| l.0))
        .fold(0.0f64, f64::max);
    let k = if top > 0.0 {
        (WIDTH - LEFT - 70.0) / top
    } else {
        1.0
    };
    let height = TOP + ROW_H * p.bars.len() as f64 + 18.0;
    let unit = tr(lang, p.unit);
    let named: Vec<String> = p
        .bars
        .iter()
        .map(|b| format!("{} {}", tr(lang, b.label), num(b.value, p.decimals)))
        .collect();
    let mut svg = format!(
        r#"<svg class="scene-picture" role="img" aria-label="{}" viewBox="0 0 {WIDTH} {height:.0}" preserveAspectRatio="xMidYMid meet">"#,
        escape(&format!("{title}: {} ({unit})", named.join("; ")))
    );
    for (i, b) in p.bars.iter().enumerate() {
        let y = TOP + ROW_H * i as f64;
        let w = (b.value * k).max(1.0);
        let class = if b.alarm { "pic-bar alarm" } else { "pic-bar" };
        svg.push_str(&format!(
            r#"<text class="pic-label" x="{LEFT}" y="{:.1}">{}</text><rect class="{class}" x="{LEFT}" y="{y:.1}" width="{w:.1}" height="{BAR_H}" rx="3"></rect><text class="pic-value" x="{:.1}" y="{:.1}">{}</text>"#,
            y - 6.0,
            escape(&tr(lang, b.label)),
            LEFT + w + 6.0,
            y + 16.0,
            num(b.value, p.decimals)
        ));
    }
    if let Some((v, key)) = p.line {
        let x = LEFT + v * k;
        let bottom = TOP + ROW_H * p.bars.len() as f64 - 20.0;
        svg.push_str(&format!(
            r#"<line class="pic-line" x1="{x:.1}" x2="{x:.1}" y1="{:.1}" y2="{bottom:.1}"></line><text class="pic-line-label" x="{:.1}" y="{:.1}">{} {}</text>"#,
            TOP - 20.0,
            x + 4.0,
            bottom + 14.0,
            escape(&tr(lang, key)),
            num(v, p.decimals)
        ));
    }
    svg.push_str(&format!(
        r#"<text class="pic-unit" x="{:.1}" y="{:.1}" text-anchor="end">{}</text></svg>"#,
        WIDTH - 4.0,
        height - 4.0,
        escape(&unit)
    ));
    svg
}

/// The units a visitor may not know, with what each means in things a
/// person knows (catalogue keys `unit.help.*`).
const UNITS: [(&str, &str); 3] = [
    ("亿m³", "unit.help.yi"),
    ("万m³", "unit.help.wan"),
    ("万亩", "unit.help.mu"),
];

/// `html` (escaped text) with the first use of each unit (亿m³, 万m³, 万亩) marked
/// up with its meaning, shown on hover, tap or keyboard focus.
pub fn explain_units(html: &str, lang: Lang) -> String {
    let mut out = html.to_string();
    for (unit, key) in UNITS {
        // The first use outside a tag or attribute (the text before it has
        // closed every '<').
        let outside = out.match_indices(unit).map(|(i, _)| i).find(|&i| {
            let before = &out[..i];
            before.rfind('<') <= before.rfind('>')
        });
        if let Some(i) = outside {
            let help = escape(&tr(lang, key));
            let span = format!(
                r#"<span class="unit-help" tabindex="0" data-help="{help}" title="{help}">{unit}</span>"#
            );
            out = format!("{}{span}{}", &out[..i], &out[i + unit.len()..]);
        }
    }
    out
}

/// The short tag shown beside a number: the plan's, the model's, or
/// illustrative.
pub fn kind_tag(k: &Kind, lang: Lang) -> String {
    tr(lang, &format!("story.kind.{}", k.id()))
}

/// What a number rests on, in full: the plan's section, the scenario the
/// model estimated it for, or the basis of an illustrative value.
pub fn kind_source(k: &Kind, lang: Lang) -> String {
    match k {
        Kind::Plan(section) => text(lang, section).to_string(),
        Kind::Model(scenario) => tr_with(
            lang,
            "story.kind.model_for",
            &[("scenario", tr(lang, scenario))],
        ),
        Kind::Illustrative(basis) => tr_with(
            lang,
            "story.kind.illustrative_on",
            &[("basis", text(lang, basis).to_string())],
        ),
        Kind::Actual(source, grade) => tr_with(
            lang,
            "story.kind.actual_from",
            &[
                ("source", text(lang, source).to_string()),
                (
                    "grade",
                    tr(lang, &format!("progress.grade.{}", grade.key())),
                ),
            ],
        ),
    }
}

/// The scene's words, its numbers marked up, each followed by its visible
/// kind tag.
pub fn text_html(s: &Scene, lang: Lang) -> String {
    let template = tr(lang, &format!("story.{}.body", s.key));
    pieces(&template, &s.numbers)
        .into_iter()
        .map(|p| match p {
            Piece::Words(w) => escape(&w),
            Piece::Number(i) => {
                let n = &s.numbers[i];
                format!(
                    r#"<b class="num" data-name="{}" data-value="{}" data-decimals="{}" data-origin="{}" data-kind="{}">{}</b><span class="kind-tag" data-kind="{}" title="{}">{}</span>"#,
                    n.name,
                    n.value,
                    n.decimals,
                    escape(&n.origin.code()),
                    n.kind.id(),
                    num(n.value, n.decimals),
                    n.kind.id(),
                    escape(&kind_source(&n.kind, lang)),
                    escape(&kind_tag(&n.kind, lang)),
                )
            }
        })
        .collect()
}

/// The scene's sources: each number with what it rests on, in the order the
/// words use them.
pub fn origins_html(s: &Scene, lang: Lang) -> String {
    let template = tr(lang, &format!("story.{}.body", s.key));
    let items: String = pieces(&template, &s.numbers)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Number(i) => Some(&s.numbers[i]),
            Piece::Words(_) => None,
        })
        .map(|n| {
            format!(
                r#"<li data-name="{}" data-kind="{}"><b>{}</b> <span class="kind-tag" data-kind="{}">{}</span> {}</li>"#,
                n.name,
                n.kind.id(),
                num(n.value, n.decimals),
                n.kind.id(),
                escape(&kind_tag(&n.kind, lang)),
                escape(&kind_source(&n.kind, lang)),
            )
        })
        .collect();
    format!(r#"<ul class="scene-origins">{items}</ul>"#)
}

/// Scene number `k` of `count` as two parts: the head (count, title,
/// picture) and the body (words and source), so a control can sit between.
pub fn scene_html(s: &Scene, k: usize, count: usize, lang: Lang) -> (String, String) {
    let title = tr(lang, &format!("story.{}.title", s.key));
    let section = tr(lang, &format!("story.{}.section", s.key));
    let head = format!(
        r#"<p class="scene-count">{}</p><h2>{}</h2>{}"#,
        escape(&tr_with(
            lang,
            "story.of",
            &[("n", k.to_string()), ("count", count.to_string())]
        )),
        escape(&title),
        picture_svg(&s.picture, &title, lang),
    );
    let body = format!(
        r#"<p class="scene-text">{}</p><div class="scene-source"><p>{}</p>{}</div>"#,
        explain_units(&text_html(s, lang), lang),
        escape(&tr_with(lang, "story.source", &[("section", section)])),
        origins_html(s, lang),
    );
    (head, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::{scene, Origin, SCENE_KEYS};
    use changji_model::Data;

    fn number(name: &'static str) -> Number {
        Number {
            name,
            value: 1.0,
            decimals: 0,
            origin: Origin::Derived("x"),
            kind: Kind::Model("story.scenario.plan_2025"),
        }
    }

    #[test]
    fn a_template_splits_at_its_numbers() {
        let ns = [number("a"), number("b")];
        assert_eq!(
            pieces("x %{a} y %{b}", &ns),
            vec![
                Piece::Words("x ".into()),
                Piece::Number(0),
                Piece::Words(" y ".into()),
                Piece::Number(1)
            ]
        );
        // An unknown name stays as words; an unclosed one too.
        assert_eq!(
            pieces("%{zz} %{a", &ns),
            vec![Piece::Words("%{zz}".into()), Piece::Words(" %{a".into())]
        );
    }

    #[test]
    fn every_scene_text_uses_every_number_in_both_languages() {
        let d = Data::get();
        for k in 1..=SCENE_KEYS.len() {
            let s = scene(d, k, 0.67);
            for lang in [Lang::Zh, Lang::En] {
                let template = tr(lang, &format!("story.{}.body", s.key));
                let ps = pieces(&template, &s.numbers);
                for i in 0..s.numbers.len() {
                    assert!(
                        ps.contains(&Piece::Number(i)),
                        "{} {:?} {}",
                        s.key,
                        lang,
                        s.numbers[i].name
                    );
                }
                for p in &ps {
                    if let Piece::Words(w) = p {
                        assert!(
                            !w.contains("%{"),
                            "a placeholder with no number in {}",
                            s.key
                        );
                    }
                }
                if lang == Lang::Zh {
                    // "At most ~100 Chinese characters": the words, numbers aside.
                    let words: usize = ps
                        .iter()
                        .map(|p| match p {
                            Piece::Words(w) => w.chars().count(),
                            Piece::Number(_) => 0,
                        })
                        .sum();
                    assert!(words <= 110, "{}: {words} characters", s.key);
                }
                let (head, body) = scene_html(&s, k, SCENE_KEYS.len(), lang);
                let html = head + &body;
                let shown = ps.iter().filter(|p| matches!(p, Piece::Number(_))).count();
                assert_eq!(html.matches("class=\"num\"").count(), shown);
                // Every number carries its kind beside it and in the sources.
                assert_eq!(html.matches("<span class=\"kind-tag\"").count(), 2 * shown);
                for x in &s.numbers {
                    let source = kind_source(&x.kind, lang);
                    assert!(!source.trim().is_empty(), "{} {}", s.key, x.name);
                    if let Kind::Plan(_) = x.kind {
                        assert!(
                            source.contains('§')
                                || source.contains("Table")
                                || source.contains('表'),
                            "{} {}: a plan figure names its section: {source}",
                            s.key,
                            x.name
                        );
                    }
                }
                assert!(html.contains("<svg") && html.contains("</svg>"));
            }
        }
    }

    #[test]
    fn units_are_explained_where_first_used() {
        let html = explain_units("a 亿m³ b 亿m³ c 万亩", Lang::Zh);
        assert_eq!(html.matches("unit-help").count(), 2, "{html}");
        assert!(html.contains(r#">亿m³</span> b 亿m³"#), "{html}");
        // Never inside a tag.
        let tagged = explain_units(r#"<b title="亿m³">x</b> 亿m³"#, Lang::En);
        assert!(
            tagged.starts_with(r#"<b title="亿m³">x</b> <span class="unit-help""#),
            "{tagged}"
        );
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"<a href="x">&</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;"
        );
    }
}
