//! Why a row of actual figures was not taken, in words a person can act on.

use serde::Serialize;
use std::fmt;

/// Earliest and latest year a figure may have.
pub const YEARS: (u32, u32) = (2015, 2035);

/// Most rows read from one file or link.
pub const MAX_ROWS: usize = 500;

/// Why a row was not taken.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum Problem {
    /// Too few columns, or the CSV itself is malformed.
    Malformed {
        /// What the CSV reader said.
        detail: String,
    },
    /// The year is not a whole number.
    Year {
        /// The text given.
        given: String,
    },
    /// The year is outside [`YEARS`].
    YearRange {
        /// The year given.
        year: i64,
    },
    /// No such measure.
    Measure {
        /// The text given.
        given: String,
    },
    /// The value is not a finite number.
    Value {
        /// The text given.
        given: String,
    },
    /// The value is negative.
    Negative {
        /// The value given.
        value: f64,
    },
    /// The value is above the measure's plausible bound.
    Absurd {
        /// The value given.
        value: f64,
        /// The bound.
        max: f64,
    },
    /// The unit differs from the measure's.
    Unit {
        /// The unit given.
        given: String,
        /// The measure's unit.
        want: String,
    },
    /// The grade is not H, M or L.
    Grade {
        /// The text given.
        given: String,
    },
    /// More rows than [`MAX_ROWS`].
    TooMany,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Malformed { detail } => write!(f, "malformed row ({detail})"),
            Problem::Year { given } => write!(f, "year '{given}' is not a whole number"),
            Problem::YearRange { year } => {
                write!(f, "year {year} is outside {}–{}", YEARS.0, YEARS.1)
            }
            Problem::Measure { given } => write!(f, "unknown measure '{given}'"),
            Problem::Value { given } => write!(f, "value '{given}' is not a number"),
            Problem::Negative { value } => write!(f, "value {value} is negative"),
            Problem::Absurd { value, max } => write!(f, "value {value} is above {max}"),
            Problem::Unit { given, want } => write!(f, "unit '{given}' is not '{want}'"),
            Problem::Grade { given } => write!(f, "grade '{given}' is not H, M or L"),
            Problem::TooMany => write!(f, "more than {MAX_ROWS} rows; the rest were not read"),
        }
    }
}

/// A row not taken: its line in the file (1 = the first line) and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowError {
    /// The line.
    pub line: usize,
    /// Why.
    pub problem: Problem,
}

impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}
