//! The reference data, embedded at compile time from `model/data/*.json`.
//!
//! Every value carries its source (a plan section or a publication, in Chinese
//! and English) and a confidence grade, so the page can show where any number
//! comes from.

mod levers;
mod plan;
mod public;
mod text;

pub use levers::{CropDef, LeverDef, LeverMark, RetiredLever};
pub use plan::{Constants, HistoryPoint, Plan, RunoffPoint, Sourced, YearCaps};
pub use public::{Equivalents, HouseholdData, Public, Resources};
pub use text::{Grade, Text};

use crate::lever_id::LeverId;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// A preset: a named, complete set of lever values (or changes to a base preset).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PresetDef {
    /// Id used in the URL and the CLI.
    pub id: String,
    /// For `point` presets, the preset they change.
    #[serde(default)]
    pub base: Option<String>,
    /// Lever values with their sources.
    pub values: std::collections::BTreeMap<LeverId, Sourced<f64>>,
}

/// One place where the plan's figures do not close, and the model's reading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DataNote {
    /// Stable id.
    pub id: String,
    /// The figures in question.
    pub figures: String,
    /// Where in the plan.
    pub source: Text,
    /// The note.
    pub text: Text,
}

/// How one uncertain input is drawn.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UncertainInput {
    /// Lower multiplier (where the input is a multiplier on a derived value).
    #[serde(default)]
    pub low: Option<f64>,
    /// Upper multiplier.
    #[serde(default)]
    pub high: Option<f64>,
    /// Where the range comes from.
    pub source: Text,
    /// Confidence of the input.
    pub grade: Grade,
}

/// The Monte Carlo set-up: draw count, seed and the uncertain inputs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UncertaintySpec {
    /// Number of draws per update.
    pub draws: usize,
    /// Seed of the generator (fixed, so every update and test sees the same draws).
    pub seed: u64,
    /// Crop quotas (ranges per crop in [`CropDef`]).
    pub crop_quotas: UncertainInput,
    /// The wastewater return factor, as a multiplier.
    pub return_factor: UncertainInput,
    /// The runoff year.
    pub runoff: UncertainInput,
}

/// All reference data.
#[derive(Clone, Debug, PartialEq)]
pub struct Data {
    /// The lever table, in panel order.
    pub levers: Vec<LeverDef>,
    /// Crop quotas, in the order of the crop levers.
    pub crops: Vec<CropDef>,
    /// Plan figures.
    pub plan: Plan,
    /// Presets, reference ones first.
    pub presets: Vec<PresetDef>,
    /// The uncertainty analysis set-up.
    pub uncertainty: UncertaintySpec,
    /// Lever ids of earlier versions, still read from links and the CLI.
    pub retired: Vec<RetiredLever>,
    /// What the public pages need beyond the model (`data/public.json`).
    pub public: Public,
}

const LEVERS: &str = include_str!("../../data/levers.json");
const CROPS: &str = include_str!("../../data/crops.json");
const PLAN: &str = include_str!("../../data/plan.json");
const PRESETS: &str = include_str!("../../data/presets.json");
const NOTES: &str = include_str!("../../data/notes.json");
const UNCERTAINTY: &str = include_str!("../../data/uncertainty.json");
const RETIRED: &str = include_str!("../../data/retired.json");
const PUBLIC: &str = include_str!("../../data/public.json");

impl Data {
    /// Parses the embedded files. They are part of the build, so a failure here is a
    /// build defect caught by the tests; [`Data::get`] relies on it.
    pub fn parse() -> Result<Data, serde_json::Error> {
        Ok(Data {
            levers: serde_json::from_str(LEVERS)?,
            crops: serde_json::from_str(CROPS)?,
            plan: serde_json::from_str(PLAN)?,
            presets: serde_json::from_str(PRESETS)?,
            uncertainty: serde_json::from_str(UNCERTAINTY)?,
            retired: serde_json::from_str(RETIRED)?,
            public: serde_json::from_str(PUBLIC)?,
        })
    }

    /// Parses the embedded data notes (`data/notes.json`), which [`Data::notes`]
    /// reads; apart from [`Data::parse`], so that no start-up task parses the
    /// notes that only a panel below the first screen shows (about a quarter of
    /// the embedded bytes).
    pub fn parse_notes() -> Result<Vec<DataNote>, serde_json::Error> {
        serde_json::from_str(NOTES)
    }

    /// The data notes, parsed on first use.
    #[allow(clippy::expect_used)]
    pub fn notes(&self) -> &'static [DataNote] {
        static NOTES_PARSED: OnceLock<Vec<DataNote>> = OnceLock::new();
        NOTES_PARSED
            .get_or_init(|| Data::parse_notes().expect("embedded data notes are valid (tested)"))
    }

    /// The embedded data, parsed once.
    #[allow(clippy::expect_used)]
    pub fn get() -> &'static Data {
        static DATA: OnceLock<Data> = OnceLock::new();
        DATA.get_or_init(|| Data::parse().expect("embedded data files are valid (tested)"))
    }

    /// Index of a lever in the table, by its string id (for the edges: URL,
    /// CLI, files).
    pub fn lever_index(&self, id: &str) -> Option<usize> {
        id.parse::<LeverId>().ok().map(LeverId::index)
    }

    /// A lever's definition, by its string id (for the edges).
    pub fn lever(&self, id: &str) -> Option<&LeverDef> {
        self.levers.get(self.lever_index(id)?)
    }

    /// A lever's definition (the table has a row for every [`LeverId`]; its
    /// tests check the order).
    pub fn def(&self, id: LeverId) -> &LeverDef {
        &self.levers[id.index()]
    }

    /// The panel groups, in the order the table first names them.
    pub fn groups(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for l in &self.levers {
            if !out.contains(&l.group.as_str()) {
                out.push(&l.group);
            }
        }
        out
    }

    /// A preset's definition.
    pub fn preset(&self, id: &str) -> Option<&PresetDef> {
        self.presets.iter().find(|p| p.id == id)
    }

    /// The caps of a year (the nearest year with caps).
    pub fn caps(&self, year: f64) -> &YearCaps {
        self.plan
            .caps
            .iter()
            .min_by(|a, b| {
                (f64::from(a.year) - year)
                    .abs()
                    .total_cmp(&(f64::from(b.year) - year).abs())
            })
            .unwrap_or(&self.plan.caps[0])
    }

    /// The source and grade of a preset's lever value (following `base`).
    pub fn preset_value(&self, preset: &str, lever: LeverId) -> Option<&Sourced<f64>> {
        let p = self.preset(preset)?;
        match p.values.get(&lever) {
            Some(v) => Some(v),
            None => self.preset_value(p.base.as_deref()?, lever),
        }
    }

    /// Where a lever's value in a preset comes from: the preset's own source
    /// and grade, or, for a lever the preset leaves at the row's default (the
    /// dry-year reading), the row's own source and no grade.
    pub fn lever_source(&self, preset: &str, lever: LeverId) -> (&Text, Option<Grade>) {
        match self.preset_value(preset, lever) {
            Some(v) => (&v.source, Some(v.grade)),
            None => (&self.def(lever).source, None),
        }
    }

    /// The lever that replaced a retired id, with the reason, if `id` is one.
    pub fn retired(&self, id: &str) -> Option<&RetiredLever> {
        self.retired.iter().find(|r| r.id == id)
    }
}
