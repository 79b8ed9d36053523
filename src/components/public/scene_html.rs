//! A scene as HTML text (pure, natively testable): its title, its picture as
//! SVG, its words with each number in a `<b class="num">` that carries the
//! value and its origin, and its source. Written as text (with maud, which
//! escapes by construction: `crate::html`) because this part of the page is
//! static between scene changes, and a Leptos view of it was most of the
//! story's WebAssembly.

use crate::format::num;
use crate::html::{html, parts, template, wrap_first, Markup, Part};
use crate::i18n::{text, tr, tr_with, Lang};
use crate::story::{Kind, Number, Picture, Scene};

/// A piece of a scene's text: words, or one of its numbers.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    /// Words.
    Words(String),
    /// A number, by its index in the scene's numbers.
    Number(usize),
}

/// Splits `template` at its `%{name}` placeholders, each a number of
/// `numbers` (a name it does not have stays as words).
pub fn pieces(template: &str, numbers: &[Number]) -> Vec<Piece> {
    parts(template)
        .into_iter()
        .map(|p| match p {
            Part::Words(w) => Piece::Words(w.to_string()),
            Part::Name(name) => numbers
                .iter()
                .position(|n| n.name == name)
                .map_or_else(|| Piece::Words(format!("%{{{name}}}")), Piece::Number),
        })
        .collect()
}

const WIDTH: f64 = 340.0;
const LEFT: f64 = 8.0;
const BAR_H: f64 = 22.0;
const ROW_H: f64 = 50.0;
const TOP: f64 = 28.0;

/// The picture as SVG: horizontal bars on one scale with their values, and
/// the line across, named for screen readers by `title` and its values.
pub fn picture_svg(p: &Picture, title: &str, lang: Lang) -> Markup {
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
    let f = |v: f64| format!("{v:.1}");
    let bottom = TOP + ROW_H * p.bars.len() as f64 - 20.0;
    html! {
        svg class="scene-picture" role="img" aria-label=(format!("{title}: {} ({unit})", named.join("; ")))
            viewBox=(format!("0 0 {WIDTH} {height:.0}")) preserveAspectRatio="xMidYMid meet" {
            @for (i, b) in p.bars.iter().enumerate() {
                @let y = TOP + ROW_H * i as f64;
                @let w = (b.value * k).max(1.0);
                text class="pic-label" x=(LEFT) y=(f(y - 6.0)) { (tr(lang, b.label)) }
                rect class=(if b.alarm { "pic-bar alarm" } else { "pic-bar" }) x=(LEFT) y=(f(y))
                    width=(f(w)) height=(BAR_H) rx="3" {}
                text class="pic-value" x=(f(LEFT + w + 6.0)) y=(f(y + 16.0)) { (num(b.value, p.decimals)) }
            }
            @if let Some((v, key)) = p.line {
                @let x = LEFT + v * k;
                line class="pic-line" x1=(f(x)) x2=(f(x)) y1=(f(TOP - 20.0)) y2=(f(bottom)) {}
                text class="pic-line-label" x=(f(x + 4.0)) y=(f(bottom + 14.0)) { (tr(lang, key)) " " (num(v, p.decimals)) }
            }
            text class="pic-unit" x=(f(WIDTH - 4.0)) y=(f(height - 4.0)) text-anchor="end" { (unit) }
        }
    }
}

/// The units a visitor may not know, with what each means in things a
/// person knows (catalogue keys `unit.help.*`).
const UNITS: [(&str, &str); 3] = [
    ("亿m³", "unit.help.yi"),
    ("万m³", "unit.help.wan"),
    ("万亩", "unit.help.mu"),
];

/// `m` with the first use of each unit (亿m³, 万m³, 万亩) in its text marked
/// up with its meaning, shown on hover, tap or keyboard focus.
pub fn explain_units(m: Markup, lang: Lang) -> Markup {
    UNITS.into_iter().fold(m, |m, (unit, key)| {
        let help = tr(lang, key);
        wrap_first(m, unit, |u| {
            html! { span class="unit-help" tabindex="0" data-help=(help) title=(help) { (u) } }
        })
    })
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

/// A number of the words: its value and origin for the page and its tests
/// (`data-*`), shown as the scene shows it, then its visible kind tag with
/// what it rests on as the tag's title.
fn number_html(n: &Number, lang: Lang) -> Markup {
    html! {
        b class="num" data-name=(n.name) data-value=(n.value) data-decimals=(n.decimals)
            data-origin=(n.origin.code()) data-kind=(n.kind.id()) { (num(n.value, n.decimals)) }
        span class="kind-tag" data-kind=(n.kind.id()) title=(kind_source(&n.kind, lang)) { (kind_tag(&n.kind, lang)) }
    }
}

/// The scene's words, its numbers marked up, each followed by its visible
/// kind tag.
pub fn text_html(s: &Scene, lang: Lang) -> Markup {
    template(&tr(lang, &format!("story.{}.body", s.key)), |name| {
        s.numbers
            .iter()
            .find(|n| n.name == name)
            .map(|n| number_html(n, lang))
    })
}

/// The scene's sources: each number with what it rests on, in the order the
/// words use them.
pub fn origins_html(s: &Scene, lang: Lang) -> Markup {
    let words = tr(lang, &format!("story.{}.body", s.key));
    let used = pieces(&words, &s.numbers)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Number(i) => Some(&s.numbers[i]),
            Piece::Words(_) => None,
        });
    html! {
        ul class="scene-origins" {
            @for n in used {
                li data-name=(n.name) data-kind=(n.kind.id()) {
                    b { (num(n.value, n.decimals)) } " "
                    span class="kind-tag" data-kind=(n.kind.id()) { (kind_tag(&n.kind, lang)) }
                    " " (kind_source(&n.kind, lang))
                }
            }
        }
    }
}

/// Scene number `k` of `count` as two parts: the head (count, title,
/// picture) and the body (words and source), so a control can sit between.
pub fn scene_html(s: &Scene, k: usize, count: usize, lang: Lang) -> (Markup, Markup) {
    let title = tr(lang, &format!("story.{}.title", s.key));
    let section = tr(lang, &format!("story.{}.section", s.key));
    let of = tr_with(
        lang,
        "story.of",
        &[("n", k.to_string()), ("count", count.to_string())],
    );
    let head = html! {
        p class="scene-count" { (of) }
        h2 { (title) }
        (picture_svg(&s.picture, &title, lang))
    };
    let body = html! {
        p class="scene-text" { (explain_units(text_html(s, lang), lang)) }
        div class="scene-source" {
            p { (tr_with(lang, "story.source", &[("section", section)])) }
            (origins_html(s, lang))
        }
    };
    (head, body)
}

/// [`scene_html`] as text, for `inner_html`.
pub fn scene_strings(s: &Scene, k: usize, count: usize, lang: Lang) -> (String, String) {
    let (head, body) = scene_html(s, k, count, lang);
    (head.into_string(), body.into_string())
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
                let html = head.into_string() + &body.into_string();
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
        let html = explain_units(html! { "a 亿m³ b 亿m³ c 万亩" }, Lang::Zh).into_string();
        assert_eq!(html.matches("unit-help").count(), 2, "{html}");
        assert!(html.contains(r#">亿m³</span> b 亿m³"#), "{html}");
        // Never inside a tag.
        let tagged =
            explain_units(html! { b title="亿m³" { "x" } " 亿m³" }, Lang::En).into_string();
        assert!(
            tagged.starts_with(r#"<b title="亿m³">x</b> <span class="unit-help""#),
            "{tagged}"
        );
    }

    #[test]
    fn a_scene_escapes_what_its_texts_say() {
        let n = Number {
            name: "x",
            value: 1.0,
            decimals: 0,
            origin: crate::story::Origin::Data("plan.json#x\"<b>".into()),
            kind: Kind::Illustrative(changji_model::Text::new("<img src=x>", "<i>\"")),
        };
        let html = number_html(&n, Lang::En).into_string();
        assert!(!html.contains("<i>") && !html.contains("<img"), "{html}");
        assert!(html.contains("&lt;i&gt;"), "{html}");
    }
}
