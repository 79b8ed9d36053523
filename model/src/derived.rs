//! What the model derives once from the tables in [`crate::data`]: the
//! reference scenarios (the status of 2020, the plan of 2025, the target of
//! 2030, built from their presets) and the calibration that reads them. The
//! modules depend one way: the tables, then the scenarios and the
//! calibration, then this, then the evaluation.

use crate::calibration::Calibration;
use crate::data::Data;
use crate::scenario::{reference_preset, Scenario};
use std::sync::OnceLock;

/// One year of each reference preset.
const REFERENCE_YEARS: [f64; 3] = [2020.0, 2025.0, 2030.0];

/// The reference scenarios and the calibration, derived from the data.
#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    /// The calibration factors.
    pub calibration: Calibration,
    /// The reference scenarios of 2020, 2025 and 2030 (status, plan, target).
    pub references: Vec<Scenario>,
}

impl Derived {
    /// Derives both from `data`: the references first (the calibration reads
    /// the status of 2020 and the plan of 2025).
    pub fn of(data: &Data) -> Derived {
        let references: Vec<Scenario> = REFERENCE_YEARS
            .iter()
            .map(|&y| {
                Scenario::preset(data, reference_preset(y))
                    .unwrap_or_else(|_| Scenario::default_for(data))
            })
            .collect();
        let calibration = Calibration::derive(data, &references[0], &references[1]);
        Derived {
            calibration,
            references,
        }
    }

    /// What the embedded data ([`Data::get`]) gives, derived once.
    pub fn get() -> &'static Derived {
        static DERIVED: OnceLock<Derived> = OnceLock::new();
        DERIVED.get_or_init(|| Derived::of(Data::get()))
    }

    /// The reference scenario of a year: the status, the plan or the 2030
    /// target (see [`reference_preset`]).
    pub fn reference(&self, year: f64) -> &Scenario {
        let k = REFERENCE_YEARS
            .iter()
            .position(|&y| reference_preset(y) == reference_preset(year))
            .unwrap_or(1);
        &self.references[k]
    }
}
