//! What the model derives once from the tables in [`crate::data`]: the
//! reference scenarios (the status of 2020, the plan of 2025, the target of
//! 2030, built from their presets) and the calibration that reads them. The
//! modules depend one way: the tables, then the scenarios and the
//! calibration, then this, then the evaluation.

use crate::calibration::Calibration;
use crate::data::Data;
use crate::scenario::{reference_preset, Scenario};
use std::borrow::Cow;
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

    /// What `data` gives: [`Derived::get`] for the embedded data, derived
    /// afresh for any other (a test's edited copy), so a function given a
    /// `Data` reads that data's references and calibration.
    pub fn for_data(data: &Data) -> Cow<'static, Derived> {
        if std::ptr::eq(data, Data::get()) {
            Cow::Borrowed(Derived::get())
        } else {
            Cow::Owned(Derived::of(data))
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate;

    #[test]
    fn an_edited_copy_of_the_data_is_calibrated_on_itself() {
        let data = Data::get();
        let mut edited = data.clone();
        for c in &mut edited.crops {
            c.conventional *= 1.1;
            c.drip *= 1.1;
        }
        let s = Scenario::preset(data, "plan-2025").expect("preset");
        let (a, b) = (evaluate(&s, data), evaluate(&s, &edited));
        // The quota factor absorbs the change: the plan's gross quota stays
        // the plan's figure (with the embedded data's factor it rose 10 %).
        let k = Derived::for_data(&edited).calibration.quota_factor;
        assert!((k - a.detail.calibration.quota_factor / 1.1).abs() < 1e-12);
        assert_eq!(b.detail.calibration.quota_factor, k);
        assert!((a.indicators.gross_quota - b.indicators.gross_quota).abs() < 1e-9);
        // The embedded data is derived once.
        assert!(matches!(Derived::for_data(data), Cow::Borrowed(_)));
    }
}
