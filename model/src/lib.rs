//! The allocation model of the Changji Prefecture water-saving plan 2021–2025.
//!
//! Pure Rust, no web dependencies: the page, the `scenario` CLI and the tests all
//! call [`evaluate()`] on a [`Scenario`] built from the embedded reference [`Data`].
//!
//! Units are 亿m³ a year unless a name says otherwise.

pub mod attribution;
pub mod band;
pub mod calibration;
pub mod cap;
pub mod codec;
pub mod data;
pub mod derived;
pub mod error;
pub mod evaluate;
pub mod file;
pub mod household;
pub mod lever_id;
pub mod outcome;
pub mod progress;
pub mod provenance;
pub mod quantity;
pub mod runoff;
pub mod scenario;
pub mod uncertainty;

pub use calibration::Calibration;
pub use codec::{parse_query, write_query, Notice, Parsed};
pub use data::{Data, Grade, LeverDef, LeverMark, Text};
pub use error::ModelError;
pub use evaluate::{
    evaluate, evaluate_with, Assumptions, CapId, CapKind, CapResult, CapState, Outcome,
};
pub use lever_id::LeverId;
pub use scenario::Scenario;

/// Version of the model and its reference data, written into shared links.
pub const MODEL_VERSION: u32 = 1;
