//! Errors a user, a URL or a command line can cause.

use thiserror::Error;

/// Everything that can go wrong when a scenario is built from outside input.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ModelError {
    /// A lever id that the lever table does not know.
    #[error("unknown lever '{0}'")]
    UnknownLever(String),
    /// A preset id that the preset table does not know.
    #[error("unknown preset '{0}' (known: {1})")]
    UnknownPreset(String, String),
    /// A value that does not parse as a finite number.
    #[error("value '{value}' for '{id}' is not a finite number")]
    NotANumber {
        /// The lever id.
        id: String,
        /// The text given.
        value: String,
    },
    /// A value outside the lever's range.
    #[error("value {value} for '{id}' is outside {min}–{max}")]
    OutOfRange {
        /// The lever id.
        id: String,
        /// The value given.
        value: f64,
        /// The lever's minimum.
        min: f64,
        /// The lever's maximum.
        max: f64,
    },
    /// A value not among a discrete lever's options.
    #[error("value {value} for '{id}' is not one of {options}")]
    NotAnOption {
        /// The lever id.
        id: String,
        /// The value given.
        value: f64,
        /// The allowed values, comma-separated.
        options: String,
    },
    /// A `--set` argument without `=`.
    #[error("expected id=value, got '{0}'")]
    BadAssignment(String),
}
