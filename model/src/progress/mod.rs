//! Where Changji stands: actual years against the plan's path.
//!
//! The plan's path runs in straight lines between its 2020, 2025 and 2030
//! figures (the prefecture's own 2022 index, 25.02, lies on the line from
//! 25.53 to 24.26). Each measure's latest actual figure is judged against
//! that year's path value ([`Status`]), and the pace since its first actual
//! figure, carried on in a straight line, against the path's 2030 value
//! ([`Pace`]). Actual figures are shipped in `model/data/actuals.csv` (the
//! one file a bureau edits to publish its own) and may be added in the page,
//! a file or a link; an entered figure overrides a shipped one of the same
//! year and measure without deleting it.

mod actuals;
mod measure;
mod problem;

pub use actuals::{parse_row, read_csv, write_csv, write_link, Actual};
pub use measure::{Measure, MeasureDef, PathPoint};
pub use problem::{Problem, RowError, MAX_ROWS, YEARS};

use crate::cap::CapKind;
use serde::Serialize;
use std::sync::OnceLock;

/// The year the pace must reach the path by.
pub const TARGET_YEAR: u32 = 2030;

/// The measures, from `model/data/measures.json`, in [`Measure::ALL`] order.
pub fn measures() -> &'static [MeasureDef] {
    static M: OnceLock<Vec<MeasureDef>> = OnceLock::new();
    M.get_or_init(|| {
        let rows: Vec<MeasureDef> =
            serde_json::from_str(include_str!("../../data/measures.json")).unwrap_or_default();
        Measure::ALL
            .iter()
            .filter_map(|m| rows.iter().find(|d| d.id == *m).cloned())
            .collect()
    })
}

/// One measure's definition.
pub fn def(m: Measure) -> Option<&'static MeasureDef> {
    measures().iter().find(|d| d.id == m)
}

/// The shipped figures, from `model/data/actuals.csv` (not marked entered).
pub fn shipped() -> &'static [Actual] {
    static A: OnceLock<Vec<Actual>> = OnceLock::new();
    A.get_or_init(|| {
        let (rows, _) = read_csv(include_str!("../../data/actuals.csv"), measures());
        rows.into_iter()
            .map(|a| Actual {
                entered: false,
                ..a
            })
            .collect()
    })
}

/// The figures in force: `entered` over `shipped` (an entered figure of the
/// same year and measure replaces the shipped one; the last entered wins),
/// sorted by measure and year.
pub fn merge(shipped: &[Actual], entered: &[Actual]) -> Vec<Actual> {
    let mut out = Vec::new();
    upsert(&mut out, shipped.iter().chain(entered).cloned().collect());
    out
}

/// `entered` with `new` added: a figure of the same year and measure is
/// replaced (the last one wins), sorted by measure and year.
pub fn upsert(entered: &mut Vec<Actual>, new: Vec<Actual>) {
    for a in new {
        entered.retain(|b| !(b.year == a.year && b.measure == a.measure));
        entered.push(a);
    }
    entered.sort_by(|a, b| a.measure.cmp(&b.measure).then(a.year.cmp(&b.year)));
}

/// The latest actual year against that year's path value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// On the good side of the path (for a floor or a target: reached).
    Within,
    /// On the wrong side: above a ceiling's path, below a floor's.
    Above,
    /// No actual figure, or no path to judge it by.
    NoData,
}

impl Status {
    /// The id used in `data-status` and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Within => "within",
            Status::Above => "above",
            Status::NoData => "no-data",
        }
    }
}

/// Whether the pace since the first actual figure reaches 2030's path value
/// in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Pace {
    /// Carried on in a straight line, it reaches 2030's value by 2030.
    OnTrack,
    /// Moving the right way, but too slowly for 2030.
    SpeedUp,
    /// Moving the wrong way (or not at all) while short of 2030's value.
    MovingAway,
    /// Already at 2030's level.
    Reached,
    /// Fewer than two actual years (and not at 2030's level), or no path.
    NoData,
}

impl Pace {
    /// The id used in `data-pace` and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Pace::OnTrack => "on-track",
            Pace::SpeedUp => "speed-up",
            Pace::MovingAway => "moving-away",
            Pace::Reached => "reached",
            Pace::NoData => "no-data",
        }
    }
}

/// One measure's line of the report card.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Line {
    /// The measure.
    pub measure: Measure,
    /// The latest actual year, its figure and that year's path value.
    pub year: Option<u32>,
    /// The latest actual figure.
    pub actual: Option<f64>,
    /// The path's value in that year.
    pub path: Option<f64>,
    /// The latest year against the path.
    pub status: Status,
    /// The first actual year the pace is measured from.
    pub since: Option<u32>,
    /// Change a year since then (in the measure's unit).
    pub per_year: Option<f64>,
    /// The path's value in [`TARGET_YEAR`].
    pub target: Option<f64>,
    /// The pace against it.
    pub pace: Pace,
}

/// One measure's line, from the figures in force.
pub fn line(d: &MeasureDef, figures: &[Actual]) -> Line {
    let mut own: Vec<&Actual> = figures.iter().filter(|a| a.measure == d.id).collect();
    own.sort_by_key(|a| a.year);
    let first = own.first().copied();
    let last = own.last().copied();
    let path = last.and_then(|a| d.path_at(f64::from(a.year)));
    let status = match (last, path) {
        (Some(a), Some(p)) if d.meets(a.value, p) => Status::Within,
        (Some(_), Some(_)) => Status::Above,
        _ => Status::NoData,
    };
    let target = d.path_at(f64::from(TARGET_YEAR));
    let per_year = match (first, last) {
        (Some(f), Some(l)) if l.year > f.year => {
            Some((l.value - f.value) / f64::from(l.year - f.year))
        }
        _ => None,
    };
    let pace = match (last, target) {
        (Some(l), Some(t)) if d.meets(l.value, t) => Pace::Reached,
        (Some(l), Some(t)) => match per_year {
            None => Pace::NoData,
            Some(r) => {
                let right_way = match d.kind {
                    CapKind::Ceiling => r < 0.0,
                    CapKind::Floor => r > 0.0,
                };
                let at_target =
                    l.value + r * (f64::from(TARGET_YEAR) - f64::from(l.year.min(TARGET_YEAR)));
                if !right_way {
                    Pace::MovingAway
                } else if d.meets(at_target, t) {
                    Pace::OnTrack
                } else {
                    Pace::SpeedUp
                }
            }
        },
        _ => Pace::NoData,
    };
    Line {
        measure: d.id,
        year: last.map(|a| a.year),
        actual: last.map(|a| a.value),
        path,
        status,
        since: first.map(|a| a.year),
        per_year,
        target,
        pace,
    }
}

/// The report card: one line a measure, in [`Measure::ALL`] order.
pub fn report(figures: &[Actual]) -> Vec<Line> {
    measures().iter().map(|d| line(d, figures)).collect()
}

/// One year of a measure's path.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct PathYear {
    /// The year.
    pub year: u32,
    /// The path's value.
    pub value: f64,
}

/// Everything `scenario --progress` prints: each measure's path year by
/// year (2020–2030, where the plan gives figures), the figures in force, the
/// report card and the rows of an added file that were not taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    /// The path, by measure id.
    pub path: std::collections::BTreeMap<&'static str, Vec<PathYear>>,
    /// The figures in force (shipped, overridden by entered).
    pub actuals: Vec<Actual>,
    /// The report card.
    pub measures: Vec<Line>,
    /// Rows not taken, with their line and reason.
    pub rejected: Vec<String>,
}

/// The summary of the shipped figures with `entered` over them.
pub fn summary(entered: &[Actual], rejected: &[RowError]) -> Summary {
    let figures = merge(shipped(), entered);
    Summary {
        path: measures()
            .iter()
            .filter(|d| !d.path.is_empty())
            .map(|d| {
                let years = (2020..=TARGET_YEAR)
                    .filter_map(|y| {
                        d.path_at(f64::from(y))
                            .map(|value| PathYear { year: y, value })
                    })
                    .collect();
                (d.id.as_str(), years)
            })
            .collect(),
        measures: report(&figures),
        actuals: figures,
        rejected: rejected.iter().map(ToString::to_string).collect(),
    }
}

#[cfg(test)]
mod tests;
