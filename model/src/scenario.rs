//! A scenario: one value per lever, in lever-table order, plus the preset it started from.

use crate::data::Data;
use crate::error::ModelError;
use crate::lever_id::LeverId;
use serde::{Deserialize, Serialize};

/// One value per lever of [`Data::levers`], in table order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// The preset whose defaults the scenario starts from.
    pub preset: String,
    /// Lever values, in lever-table order.
    pub values: Vec<f64>,
}

/// Default preset id.
pub const DEFAULT_PRESET: &str = "plan-2025";

/// The reference preset of a year: the status, the plan or the 2030 target.
/// Attribution and the "plan" marks compare against it.
pub fn reference_preset(year: f64) -> &'static str {
    if year < 2022.5 {
        "status-2020"
    } else if year > 2027.5 {
        "target-2030"
    } else {
        "plan-2025"
    }
}

impl Scenario {
    /// The scenario of a preset, with every lever at the preset's value.
    pub fn preset(data: &Data, id: &str) -> Result<Scenario, ModelError> {
        if data.preset(id).is_none() {
            let known: Vec<&str> = data.presets.iter().map(|p| p.id.as_str()).collect();
            return Err(ModelError::UnknownPreset(id.to_string(), known.join(", ")));
        }
        let values = data
            .levers
            .iter()
            .map(|l| {
                data.preset_value(id, l.id)
                    .map(|s| s.value)
                    .or(l.default)
                    .unwrap_or((l.min + l.max) / 2.0)
            })
            .collect();
        Ok(Scenario {
            preset: id.to_string(),
            values,
        })
    }

    /// The default scenario (the plan for 2025).
    pub fn default_for(data: &Data) -> Scenario {
        Scenario::preset(data, DEFAULT_PRESET).unwrap_or_else(|_| Scenario {
            preset: DEFAULT_PRESET.to_string(),
            values: data.levers.iter().map(|l| l.min).collect(),
        })
    }

    /// A lever's value as stored (not clamped; `NaN` when the scenario has
    /// fewer values than the table).
    pub fn value(&self, id: LeverId) -> f64 {
        self.values.get(id.index()).copied().unwrap_or(f64::NAN)
    }

    /// A lever's value, by typed id or by its string form.
    pub fn get(&self, id: impl LeverRef) -> Option<f64> {
        let i = id.lever_id().ok()?.index();
        self.values.get(i).copied()
    }

    /// Sets a lever, clamped into its range. Returns the value actually set.
    pub fn set(&mut self, data: &Data, id: impl LeverRef, value: f64) -> Result<f64, ModelError> {
        let id = id.lever_id()?;
        let i = id.index();
        finite(id, value)?;
        let v = data.levers[i].clamp(value);
        if let Some(slot) = self.values.get_mut(i) {
            *slot = v;
        }
        Ok(v)
    }

    /// Sets a lever the lenient way links and files are read: clamped into its
    /// range and onto its options. Returns `Some(used)` when the value given was
    /// not acceptable as it stands (the reader reports it), `None` when it was.
    pub fn set_reported(
        &mut self,
        data: &Data,
        id: impl LeverRef,
        value: f64,
    ) -> Result<Option<f64>, ModelError> {
        let id = id.lever_id()?;
        let accepted = data.def(id).accepts(value);
        let used = self.set(data, id, value)?;
        Ok((!accepted).then_some(used))
    }

    /// Sets a lever strictly: out-of-range values and non-options are errors.
    pub fn set_strict(
        &mut self,
        data: &Data,
        id: impl LeverRef,
        value: f64,
    ) -> Result<f64, ModelError> {
        let id = id.lever_id()?;
        let l = data.def(id);
        finite(id, value)?;
        if value < l.min || value > l.max {
            return Err(ModelError::OutOfRange {
                id: id.to_string(),
                value,
                min: l.min,
                max: l.max,
            });
        }
        if let Some(o) = &l.options {
            if !o.iter().any(|x| (x - value).abs() < 1e-9) {
                let list: Vec<String> = o.iter().map(|x| x.to_string()).collect();
                return Err(ModelError::NotAnOption {
                    id: id.to_string(),
                    value,
                    options: list.join(", "),
                });
            }
        }
        self.set(data, id, value)
    }

    /// Ids of the levers whose value differs from the scenario's preset, in table order.
    pub fn changed(&self, data: &Data) -> Vec<LeverId> {
        let base =
            Scenario::preset(data, &self.preset).unwrap_or_else(|_| Scenario::default_for(data));
        data.levers
            .iter()
            .zip(self.values.iter().zip(&base.values))
            .filter(|(_, (a, b))| (**a - **b).abs() > 1e-12)
            .map(|(l, _)| l.id)
            .collect()
    }

    /// Total irrigated area, 万亩.
    pub fn irrigated_area(&self, data: &Data) -> f64 {
        data.levers
            .iter()
            .zip(&self.values)
            .filter(|(l, _)| l.crop)
            .map(|(_, v)| *v)
            .sum()
    }

    /// Sets one crop's area and moves the difference to the other crops in
    /// proportion to their areas, so the irrigated area stays the same
    /// ("shift area between crops, total fixed"). Where the others cannot absorb
    /// the change within their ranges, the crop is limited to what they can.
    pub fn shift_crop(
        &mut self,
        data: &Data,
        id: impl LeverRef,
        value: f64,
    ) -> Result<f64, ModelError> {
        let id = id.lever_id()?;
        let i = id.index();
        if !data.levers[i].crop {
            return self.set(data, id, value);
        }
        finite(id, value)?;
        let others: Vec<usize> = (0..data.levers.len())
            .filter(|&j| j != i && data.levers[j].crop)
            .collect();
        let room_down: f64 = others
            .iter()
            .map(|&j| self.values[j] - data.levers[j].min)
            .sum();
        let room_up: f64 = others
            .iter()
            .map(|&j| data.levers[j].max - self.values[j])
            .sum();
        let old = self.values[i];
        let lever = &data.levers[i];
        let target = lever.clamp(value).clamp(old - room_up, old + room_down);
        let delta = target - old;
        if delta > 0.0 && room_down > 0.0 {
            for &j in &others {
                let share = (self.values[j] - data.levers[j].min) / room_down;
                self.values[j] -= delta * share;
            }
        } else if delta < 0.0 && room_up > 0.0 {
            for &j in &others {
                let share = (data.levers[j].max - self.values[j]) / room_up;
                self.values[j] -= delta * share;
            }
        }
        self.values[i] = target;
        Ok(target)
    }
}

/// `value` itself if it is a finite number, else [`ModelError::NotANumber`].
fn finite(id: LeverId, value: f64) -> Result<f64, ModelError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(ModelError::NotANumber {
            id: id.to_string(),
            value: value.to_string(),
        })
    }
}

/// A lever named by its typed id, or by its string form where a string comes
/// in (URL, CLI, files, tests).
pub trait LeverRef {
    /// The typed id, or [`ModelError::UnknownLever`].
    fn lever_id(&self) -> Result<LeverId, ModelError>;
}

impl LeverRef for LeverId {
    fn lever_id(&self) -> Result<LeverId, ModelError> {
        Ok(*self)
    }
}

impl LeverRef for &LeverId {
    fn lever_id(&self) -> Result<LeverId, ModelError> {
        Ok(**self)
    }
}

impl LeverRef for &str {
    fn lever_id(&self) -> Result<LeverId, ModelError> {
        self.parse()
            .map_err(|_| ModelError::UnknownLever((*self).to_string()))
    }
}

impl LeverRef for &String {
    fn lever_id(&self) -> Result<LeverId, ModelError> {
        self.as_str().lever_id()
    }
}
