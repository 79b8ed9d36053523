//! Actual figures: a year's value of a measure with its source, grade and
//! scope, read from and written to a bulletin's table as CSV (`year, measure,
//! value, unit, source, grade`; two-language `source_zh`/`source_en` and
//! `scope_zh`/`scope_en` columns as in `model/data/actuals.csv`). A bad row
//! is named with its line and reason; the good rows are kept.

use super::measure::{Measure, MeasureDef};
use super::problem::{Problem, RowError, MAX_ROWS, YEARS};
use crate::data::{Grade, Text};
use serde::{Deserialize, Serialize};

/// One actual figure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actual {
    /// The year.
    pub year: u32,
    /// The measure.
    pub measure: Measure,
    /// The figure, in the measure's unit.
    pub value: f64,
    /// Where it comes from.
    pub source: Text,
    /// Its grade: H official, M reported, L estimate (`plan` for the plan's own).
    pub grade: Grade,
    /// What it covers (e.g. whether the Bingtuan is included).
    pub scope: Text,
    /// Entered by a user (in the page, a file or a link), not shipped.
    #[serde(default)]
    pub entered: bool,
}

/// The columns of a table, by name (a header row) or by position.
struct Columns {
    year: usize,
    measure: usize,
    value: usize,
    unit: Option<usize>,
    source_zh: Option<usize>,
    source_en: Option<usize>,
    grade: Option<usize>,
    scope_zh: Option<usize>,
    scope_en: Option<usize>,
}

impl Columns {
    /// From a header row, if it names `year`, `measure` and `value`.
    fn named(header: &csv::StringRecord) -> Option<Columns> {
        let at = |names: &[&str]| {
            header.iter().position(|h| {
                names.contains(
                    &h.trim()
                        .trim_start_matches('\u{feff}')
                        .to_lowercase()
                        .as_str(),
                )
            })
        };
        Some(Columns {
            year: at(&["year", "年份"])?,
            measure: at(&["measure", "指标"])?,
            value: at(&["value", "数值"])?,
            unit: at(&["unit", "单位"]),
            source_zh: at(&["source_zh", "source", "来源"]),
            source_en: at(&["source_en", "source", "来源"]),
            grade: at(&["grade", "等级"]),
            scope_zh: at(&["scope_zh", "scope", "note", "范围", "说明"]),
            scope_en: at(&["scope_en", "scope", "note", "范围", "说明"]),
        })
    }

    /// The bulletin's order: year, measure, value, unit, source, grade.
    fn positional() -> Columns {
        Columns {
            year: 0,
            measure: 1,
            value: 2,
            unit: Some(3),
            source_zh: Some(4),
            source_en: Some(4),
            grade: Some(5),
            scope_zh: None,
            scope_en: None,
        }
    }
}

fn field(r: &csv::StringRecord, i: Option<usize>) -> String {
    i.and_then(|i| r.get(i)).unwrap_or("").trim().to_string()
}

fn grade_of(s: &str) -> Result<Grade, Problem> {
    match s.trim().to_ascii_uppercase().as_str() {
        "H" => Ok(Grade::H),
        "M" | "" => Ok(Grade::M),
        "L" => Ok(Grade::L),
        "PLAN" => Ok(Grade::Plan),
        other => Err(Problem::Grade {
            given: other.chars().take(16).collect(),
        }),
    }
}

fn row(r: &csv::StringRecord, c: &Columns, defs: &[MeasureDef]) -> Result<Actual, Problem> {
    let cut = |s: &str| s.chars().take(32).collect::<String>();
    let need = [c.year, c.measure, c.value].into_iter().max().unwrap_or(0);
    if r.len() <= need {
        return Err(Problem::Malformed {
            detail: format!("{} columns", r.len()),
        });
    }
    let y = field(r, Some(c.year));
    let year: i64 = y.parse().map_err(|_| Problem::Year { given: cut(&y) })?;
    if year < i64::from(YEARS.0) || year > i64::from(YEARS.1) {
        return Err(Problem::YearRange { year });
    }
    let m = field(r, Some(c.measure));
    let measure: Measure = m.parse().map_err(|_| Problem::Measure { given: cut(&m) })?;
    let def = defs.iter().find(|d| d.id == measure);
    let v = field(r, Some(c.value));
    let value: f64 = v
        .replace(',', "")
        .parse()
        .ok()
        .filter(|x: &f64| x.is_finite())
        .ok_or_else(|| Problem::Value { given: cut(&v) })?;
    if value < 0.0 {
        return Err(Problem::Negative { value });
    }
    if let Some(d) = def {
        if value > d.max {
            return Err(Problem::Absurd { value, max: d.max });
        }
        let unit = field(r, c.unit);
        if !unit.is_empty() && unit != d.unit {
            return Err(Problem::Unit {
                given: cut(&unit),
                want: d.unit.clone(),
            });
        }
    }
    let grade = grade_of(&field(r, c.grade))?;
    let text = |zh: Option<usize>, en: Option<usize>| {
        let (z, e) = (field(r, zh), field(r, en));
        let z = if z.is_empty() { e.clone() } else { z };
        let e = if e.is_empty() { z.clone() } else { e };
        Text::new(z, e)
    };
    Ok(Actual {
        year: year as u32,
        measure,
        value,
        source: text(c.source_zh, c.source_en),
        grade,
        scope: text(c.scope_zh, c.scope_en),
        entered: true,
    })
}

/// Reads a table of figures: the rows taken (marked entered) and the rows
/// not taken, each with its line and reason. A first row that names `year`,
/// `measure` and `value` is a header; without one the columns are year,
/// measure, value, unit, source, grade.
pub fn read_csv(text: &str, defs: &[MeasureDef]) -> (Vec<Actual>, Vec<RowError>) {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let mut columns: Option<Columns> = None;
    for (k, rec) in reader.records().enumerate() {
        // The line the record starts on (a quoted cell may span lines).
        let line = match &rec {
            Ok(r) => r.position().map(|p| p.line() as usize),
            Err(e) => e.position().map(|p| p.line() as usize),
        }
        .unwrap_or(k + 1);
        if good.len() + bad.len() >= MAX_ROWS {
            bad.push(RowError {
                line,
                problem: Problem::TooMany,
            });
            break;
        }
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                bad.push(RowError {
                    line,
                    problem: Problem::Malformed {
                        detail: e.to_string().chars().take(60).collect(),
                    },
                });
                continue;
            }
        };
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if k == 0 {
            if let Some(c) = Columns::named(&rec) {
                columns = Some(c);
                continue;
            }
        }
        let c = columns.get_or_insert_with(Columns::positional);
        match row(&rec, c, defs) {
            Ok(a) => good.push(a),
            Err(problem) => bad.push(RowError { line, problem }),
        }
    }
    (good, bad)
}

/// The figures as a table with a header, in both languages (what
/// [`read_csv`] reads back).
pub fn write_csv(rows: &[Actual], defs: &[MeasureDef]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let _ = w.write_record([
        "year",
        "measure",
        "value",
        "unit",
        "source_zh",
        "source_en",
        "grade",
        "scope_zh",
        "scope_en",
    ]);
    for a in rows {
        let unit = defs
            .iter()
            .find(|d| d.id == a.measure)
            .map_or("", |d| d.unit.as_str());
        let _ = w.write_record([
            a.year.to_string().as_str(),
            a.measure.as_str(),
            a.value.to_string().as_str(),
            unit,
            &a.source.zh,
            &a.source.en,
            a.grade.key(),
            &a.scope.zh,
            &a.scope.en,
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// One row given field by field in the bulletin's order (year, measure,
/// value, unit, source, grade), as the page's form gives it: the figure
/// (marked entered) or why not.
pub fn parse_row(fields: &[&str], defs: &[MeasureDef]) -> Result<Actual, Problem> {
    row(
        &csv::StringRecord::from(fields.to_vec()),
        &Columns::positional(),
        defs,
    )
}

/// The entered figures in the compact form a share link carries: one CSV row
/// each, in the bulletin's order without a header (source in Chinese, the
/// language it was entered in; [`read_csv`] reads it back).
pub fn write_link(rows: &[Actual]) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    for a in rows {
        let _ = w.write_record([
            a.year.to_string().as_str(),
            a.measure.as_str(),
            a.value.to_string().as_str(),
            "",
            &a.source.zh,
            a.grade.key(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}
