//! The lever table's rows, crop quotas, and lever ids of earlier versions.

use super::{Grade, Text};
use crate::lever_id::LeverId;
use serde::{Deserialize, Serialize};

/// One row of the lever table: everything about a lever, written once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverDef {
    /// Id (its string form is used in the URL, the CLI, tests and translation keys).
    pub id: LeverId,
    /// Panel group: `crops`, `irrigation`, `towns`, `industry`, `supply`.
    pub group: String,
    /// Unit shown beside the value.
    pub unit: String,
    /// Lowest allowed value.
    pub min: f64,
    /// Highest allowed value.
    pub max: f64,
    /// Slider step.
    pub step: f64,
    /// The value where a preset does not set the lever (a new lever needs no
    /// preset edits); without it, presets must set it.
    #[serde(default)]
    pub default: Option<f64>,
    /// For discrete levers, the allowed values.
    #[serde(default)]
    pub options: Option<Vec<f64>>,
    /// Marked points on the slider, each a one-click button (the 14.5 that
    /// reaches the irrigation districts, the runoff table's rows).
    #[serde(default)]
    pub marks: Vec<LeverMark>,
    /// One of the key levers: shown in presentation mode and the challenge.
    #[serde(default)]
    pub key: bool,
    /// Whether the lever is a crop group's irrigated area.
    pub crop: bool,
    /// Where the range and defaults come from.
    pub source: Text,
    /// Its name on the slider, in the dialogs and the exports.
    pub label: Text,
    /// One or two sentences on what it does.
    pub help: Text,
}

impl LeverDef {
    /// Clamps `v` into range (and onto the nearest option for discrete levers).
    pub fn clamp(&self, v: f64) -> f64 {
        let c = v.clamp(self.min, self.max);
        match &self.options {
            Some(opts) => opts
                .iter()
                .copied()
                .min_by(|a, b| (a - c).abs().total_cmp(&(b - c).abs()))
                .unwrap_or(c),
            None => c,
        }
    }

    /// Whether `v` is a value this lever accepts as it is.
    pub fn accepts(&self, v: f64) -> bool {
        v.is_finite()
            && v >= self.min
            && v <= self.max
            && self
                .options
                .as_ref()
                .is_none_or(|o| o.iter().any(|x| (x - v).abs() < 1e-9))
    }
}

/// A marked point on a lever's slider.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverMark {
    /// The value it sets.
    pub value: f64,
    /// Translation key of its label.
    pub label: String,
}

/// Field irrigation quotas of one crop group, m³/亩.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CropDef {
    /// Lever id of the crop's area.
    pub id: LeverId,
    /// Conventional (surface) irrigation quota.
    pub conventional: f64,
    /// High-efficiency (drip) quota, default.
    pub drip: f64,
    /// Low end of the drip quota's range.
    pub drip_low: f64,
    /// High end of the drip quota's range.
    pub drip_high: f64,
    /// Confidence.
    pub grade: Grade,
    /// Source.
    pub source: Text,
}

/// A lever id that earlier versions had: links and scripts that set it still
/// open, with a notice that says what became of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RetiredLever {
    /// The old id.
    pub id: String,
    /// What it became.
    pub text: Text,
}
