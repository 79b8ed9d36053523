//! The progress page's words and pictures (pure, natively testable): the
//! status and pace of a measure in words, why a row was not taken, and each
//! measure's chart as SVG — the plan's path, its figures and the actual
//! points, each point with its year, value, grade and source as a tooltip
//! and in a list beside it. Everything a person entered is escaped.

use crate::format::{num, with_unit};
use crate::html::{html, Markup};
use crate::i18n::{text, tr, tr_with, Lang};
use changji_model::cap::CapKind;
use changji_model::progress::{Actual, Line, MeasureDef, Pace, Problem, RowError, Status, YEARS};

/// The status of the latest year, in words.
pub fn status_text(lang: Lang, d: &MeasureDef, l: &Line) -> String {
    let key = match (l.status, d.kind) {
        (Status::Within, CapKind::Ceiling) => "progress.status.within",
        (Status::Within, CapKind::Floor) => "progress.status.reached",
        (Status::Above, CapKind::Ceiling) => "progress.status.above",
        (Status::Above, CapKind::Floor) => "progress.status.below",
        (Status::NoData, _) if d.path.is_empty() => "progress.status.no_path",
        (Status::NoData, _) => "progress.status.no_data",
    };
    tr(lang, key)
}

/// The pace to 2030, in words.
pub fn pace_text(lang: Lang, d: &MeasureDef, l: &Line) -> String {
    let key = match l.pace {
        Pace::OnTrack => "progress.pace.on_track",
        Pace::SpeedUp => "progress.pace.speed_up",
        Pace::MovingAway => "progress.pace.moving_away",
        Pace::Reached => "progress.pace.reached",
        Pace::NoData if d.path.is_empty() => "progress.pace.no_path",
        Pace::NoData => "progress.pace.no_data",
    };
    tr_with(
        lang,
        key,
        &[
            (
                "target",
                l.target
                    .map_or_else(String::new, |t| with_unit(lang, t, d.decimals, &d.unit)),
            ),
            ("since", l.since.map_or_else(String::new, |y| y.to_string())),
        ],
    )
}

/// Why a row was not taken, with its line.
pub fn problem_text(lang: Lang, e: &RowError) -> String {
    let (key, args): (&str, Vec<(&str, String)>) = match &e.problem {
        Problem::Malformed { detail } => (
            "progress.problem.malformed",
            vec![("detail", detail.clone())],
        ),
        Problem::Year { given } => ("progress.problem.year", vec![("given", given.clone())]),
        Problem::YearRange { year } => (
            "progress.problem.year_range",
            vec![
                ("year", year.to_string()),
                ("from", YEARS.0.to_string()),
                ("to", YEARS.1.to_string()),
            ],
        ),
        Problem::Measure { given } => ("progress.problem.measure", vec![("given", given.clone())]),
        Problem::Value { given } => ("progress.problem.value", vec![("given", given.clone())]),
        Problem::Negative { value } => (
            "progress.problem.negative",
            vec![("value", value.to_string())],
        ),
        Problem::Absurd { value, max } => (
            "progress.problem.absurd",
            vec![("value", value.to_string()), ("max", max.to_string())],
        ),
        Problem::Unit { given, want } => (
            "progress.problem.unit",
            vec![("given", given.clone()), ("want", want.clone())],
        ),
        Problem::Grade { given } => ("progress.problem.grade", vec![("given", given.clone())]),
        Problem::TooMany => ("progress.problem.too_many", vec![]),
    };
    let reason = tr_with(lang, key, &args);
    tr_with(
        lang,
        "progress.problem.line",
        &[("line", e.line.to_string()), ("reason", reason)],
    )
}

/// A figure's grade, in words.
pub fn grade_text(lang: Lang, a: &Actual) -> String {
    tr(lang, &format!("progress.grade.{}", a.grade.key()))
}

const W: f64 = 320.0;
const H: f64 = 150.0;
const LEFT: f64 = 40.0;
const RIGHT: f64 = 18.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 24.0;
const FROM: f64 = 2015.0;
const TO: f64 = 2030.0;

/// One measure's chart as SVG: the path (2020–2030, where the plan gives
/// figures), the plan's figures as squares, the actual points as circles
/// (entered ones hollow), each with a tooltip; `name` labels it for screen
/// readers together with every point.
pub fn chart_svg(lang: Lang, d: &MeasureDef, figures: &[Actual]) -> Option<Markup> {
    let own: Vec<&Actual> = figures.iter().filter(|a| a.measure == d.id).collect();
    let path_years: Vec<(f64, f64)> = if d.path.is_empty() {
        Vec::new()
    } else {
        (2020..=2030)
            .filter_map(|y| d.path_at(f64::from(y)).map(|v| (f64::from(y), v)))
            .collect()
    };
    let values = own
        .iter()
        .map(|a| a.value)
        .chain(path_years.iter().map(|p| p.1));
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if !lo.is_finite() {
        return None;
    }
    let pad = ((hi - lo) * 0.15).max(hi.abs() * 0.02).max(1e-6);
    let (lo, hi) = (lo - pad, hi + pad);
    let x = |y: f64| LEFT + (y - FROM) / (TO - FROM) * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let name = text(lang, &d.label).to_string();
    let unit = crate::format::unit(lang, &d.unit);
    let said: Vec<String> = own
        .iter()
        .map(|a| format!("{} {}", a.year, num(a.value, d.decimals)))
        .collect();
    let aria = tr_with(
        lang,
        "progress.chart_label",
        &[
            ("name", name.clone()),
            ("unit", unit.clone()),
            ("points", said.join("; ")),
        ],
    );
    let f = |v: f64| format!("{v:.1}");
    let points: Vec<String> = path_years
        .iter()
        .map(|(a, v)| format!("{:.1},{:.1}", x(*a), y(*v)))
        .collect();
    Some(html! {
        svg class="progress-chart" role="img" aria-label=(aria) viewBox=(format!("0 0 {W} {H}")) {
            @for yr in [2015.0, 2020.0, 2025.0, 2030.0] {
                line class="grid" x1=(f(x(yr))) x2=(f(x(yr))) y1=(TOP) y2=(f(H - BOTTOM)) {}
                text class="tick" x=(f(x(yr))) y=(f(H - 8.0)) text-anchor="middle" { (yr as u32) }
            }
            @for v in [lo + pad, hi - pad] {
                text class="tick" x=(f(LEFT - 4.0)) y=(f(y(v) + 4.0)) text-anchor="end" { (num(v, d.decimals.min(2))) }
            }
            @if points.len() > 1 {
                polyline class="path" points=(points.join(" ")) {}
            }
            @for p in &d.path {
                rect class="plan-point" x=(f(x(f64::from(p.year)) - 3.5)) y=(f(y(p.value) - 3.5)) width="7" height="7" {
                    title {
                        (p.year) " " (tr(lang, "progress.plan_point")) ": "
                        (with_unit(lang, p.value, d.decimals, &d.unit)) " (" (text(lang, &p.source)) ")"
                    }
                }
            }
            @for a in &own {
                circle class=(if a.entered { "actual entered" } else { "actual" }) cx=(f(x(f64::from(a.year)))) cy=(f(y(a.value)))
                    r="4.5" data-year=(a.year) data-value=(a.value) {
                    title {
                        (a.year) ": " (with_unit(lang, a.value, d.decimals, &d.unit)) " · "
                        (grade_text(lang, a)) " · " (text(lang, &a.source))
                    }
                }
            }
        }
    })
}

/// The chart and, under it, every point with its grade and source (what a
/// tap cannot show as a tooltip).
pub fn chart_block(lang: Lang, d: &MeasureDef, figures: &[Actual]) -> String {
    let Some(svg) = chart_svg(lang, d, figures) else {
        return String::new();
    };
    let points = figures.iter().filter(|a| a.measure == d.id);
    html! {
        figure class="progress-figure" data-testid=(format!("progress-chart-{}", d.id)) {
            figcaption { (text(lang, &d.label)) }
            (svg)
            ul class="points" {
                @for a in points {
                    li {
                        b { (a.year) } " " (with_unit(lang, a.value, d.decimals, &d.unit)) " "
                        span class="grade" { (grade_text(lang, a)) }
                        @if a.entered {
                            " " span class="entered-tag" { (tr(lang, "progress.entered")) }
                        }
                        " · " (text(lang, &a.source))
                        @if !a.scope.zh.is_empty() {
                            " · " (text(lang, &a.scope))
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use changji_model::progress::{def, measures, merge, report, shipped, Measure};
    use changji_model::Text;

    #[test]
    fn every_measure_has_its_words_in_both_languages() {
        let figures = merge(shipped(), &[]);
        for (d, l) in measures().iter().zip(report(&figures)) {
            for lang in [Lang::Zh, Lang::En] {
                for s in [status_text(lang, d, &l), pace_text(lang, d, &l)] {
                    assert!(
                        !s.is_empty() && !s.contains("%{") && !s.contains("progress."),
                        "{s}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_chart_shows_the_path_and_the_points_and_escapes_what_was_entered() {
        let d = def(Measure::Groundwater).expect("measure");
        let mut figures = merge(shipped(), &[]);
        figures.push(Actual {
            year: 2024,
            measure: Measure::Groundwater,
            value: 7.4,
            source: Text::new(
                "<img src=x onerror=alert(1)>",
                "<img src=x onerror=alert(1)>",
            ),
            grade: changji_model::Grade::H,
            scope: Text::default(),
            entered: true,
        });
        let html = chart_block(Lang::En, d, &figures);
        assert!(html.contains("<polyline class=\"path\""), "{html}");
        assert_eq!(html.matches("<circle").count(), 3);
        assert!(html.contains("actual entered"));
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img"), "{html}");
        // No figure and no path: no chart.
        assert!(chart_block(Lang::Zh, def(Measure::Domestic).expect("measure"), &[]).is_empty());
    }

    #[test]
    fn a_bad_row_is_named_with_its_line_and_reason() {
        let e = RowError {
            line: 3,
            problem: Problem::Measure {
                given: "tota".into(),
            },
        };
        assert!(
            problem_text(Lang::En, &e).contains("Line 3"),
            "{}",
            problem_text(Lang::En, &e)
        );
        assert!(
            problem_text(Lang::Zh, &e).contains("第3行"),
            "{}",
            problem_text(Lang::Zh, &e)
        );
        assert!(problem_text(Lang::Zh, &e).contains("tota"));
    }
}
