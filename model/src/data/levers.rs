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
    /// Slider step: the finest value a drag sets.
    pub step: f64,
    /// What one arrow key press moves in the explorer, where that is coarser
    /// than `step` (η: a drag sets thousandths, as η is reported; a key moves
    /// 0.005); the public pages' sliders move in it too.
    #[serde(default)]
    pub key_step: Option<f64>,
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

    /// The step of one key press: [`key_step`](LeverDef::key_step) where the
    /// lever has one, its slider step where not. The public pages' sliders
    /// step by it.
    pub fn coarse_step(&self) -> f64 {
        self.key_step.unwrap_or(self.step)
    }

    /// Where an arrow key press moves the lever from `v` (`up`: right or up),
    /// for a lever with a [`key_step`](LeverDef::key_step): the next multiple
    /// of it that way, within range. `None` where the slider's own step serves.
    pub fn key_target(&self, v: f64, up: bool) -> Option<f64> {
        let k = self.key_step.filter(|k| *k > 0.0)?;
        let n = v / k;
        let n = if up {
            (n + 1e-6).floor() + 1.0
        } else {
            (n - 1e-6).ceil() - 1.0
        };
        Some(((n * k * 1e9).round() / 1e9).clamp(self.min, self.max))
    }

    /// `v` on this lever's step grid, rounded to the step's decimals (a link
    /// carries a value at the step its slider moves by: a shifted crop area
    /// such as 119.91685912240183 is written 119.9).
    /// A lever of a few options (the year) keeps `v`: a value that is not one
    /// of them is reported when read ([`LeverDef::clamp`]), not moved quietly.
    pub fn on_step(&self, v: f64) -> f64 {
        if self.step <= 0.0 || !v.is_finite() || self.options.is_some() {
            return v;
        }
        let p = 10f64.powi(self.step_decimals());
        ((v / self.step).round() * self.step * p).round() / p
    }

    /// How many decimals the step has (0.005 → 3, 5 → 0).
    pub fn step_decimals(&self) -> i32 {
        let mut d = 0;
        let mut s = self.step;
        while d < 9 && (s - s.round()).abs() > 1e-9 {
            s *= 10.0;
            d += 1;
        }
        d
    }

    /// `v` as a link writes it: on the step, without trailing zeros.
    pub fn link_text(&self, v: f64) -> String {
        format!("{}", self.on_step(v))
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

#[cfg(test)]
mod tests {
    use crate::{Data, LeverId};

    #[test]
    fn eta_drags_in_thousandths_and_keys_in_the_table_step() {
        let eta = Data::get().def(LeverId::Eta);
        assert_eq!(eta.step, 0.001);
        assert_eq!(eta.key_target(0.67, true), Some(0.675));
        assert_eq!(eta.key_target(0.67, false), Some(0.665));
        // From a dragged value, a key goes to the next multiple that way.
        assert_eq!(eta.key_target(0.671, true), Some(0.675));
        assert_eq!(eta.key_target(0.671, false), Some(0.67));
        // Never past the ends.
        assert_eq!(eta.key_target(eta.max, true), Some(eta.max));
        assert_eq!(eta.key_target(eta.min, false), Some(eta.min));
        assert_eq!(eta.coarse_step(), 0.005);
        // A lever without a key step keeps the slider's own.
        let reuse = Data::get().def(LeverId::Reuse);
        assert_eq!(reuse.key_target(62.0, true), None);
        assert_eq!(reuse.coarse_step(), reuse.step);
    }
}
