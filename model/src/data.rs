//! The reference data, embedded at compile time from `model/data/*.json`.
//!
//! Every value carries its source (a plan section or a `domain/data.md` line) and a
//! confidence grade, so the page can show where any number comes from.

use crate::cap::CapId;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// Confidence of a value: the plan itself, or `domain/data.md`'s H / M / L.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    /// Read in the plan.
    #[serde(rename = "plan")]
    Plan,
    /// Read directly in an official or peer-reviewed source.
    H,
    /// Read directly, but secondary or ambiguous.
    M,
    /// An estimate.
    L,
}

impl Grade {
    /// Short id: `plan`, `H`, `M` or `L` (as in the data files).
    pub fn key(self) -> &'static str {
        match self {
            Grade::Plan => "plan",
            Grade::H => "H",
            Grade::M => "M",
            Grade::L => "L",
        }
    }
}

/// A reader-facing text in both languages of the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from its two languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in the language with this code (`zh` or `en`; anything
    /// else reads as Chinese, the page's default).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.zh
        }
    }

    /// Whether either language is empty.
    pub fn is_empty(&self) -> bool {
        self.zh.trim().is_empty() || self.en.trim().is_empty()
    }
}

/// One row of the lever table: everything about a lever, written once.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LeverDef {
    /// Id used in the URL, the CLI, tests and translation keys.
    pub id: String,
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
    /// For discrete levers, the allowed values.
    #[serde(default)]
    pub options: Option<Vec<f64>>,
    /// Marked points on a continuous slider (one click sets them).
    #[serde(default)]
    pub marks: Option<Vec<f64>>,
    /// Whether the lever is a crop group's irrigated area.
    pub crop: bool,
    /// Where the range and defaults come from.
    pub source: Text,
    /// Translation key of the help text.
    pub help: String,
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

/// Field irrigation quotas of one crop group, m³/亩.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CropDef {
    /// Lever id of the crop's area.
    pub id: String,
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

/// A number with its source and confidence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sourced<T> {
    /// The value.
    pub value: T,
    /// Plan section or publication.
    pub source: Text,
    /// Confidence.
    pub grade: Grade,
}

/// The caps of one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct YearCaps {
    /// Calendar year.
    pub year: u32,
    /// Total water use cap.
    pub total: Sourced<f64>,
    /// Groundwater cap.
    pub groundwater: Sourced<f64>,
    /// Conventional surface water cap.
    pub surface: Sourced<f64>,
    /// Other sources (reclaimed and non-conventional) cap.
    pub other: Sourced<f64>,
    /// Agricultural water cap.
    pub agriculture: Sourced<f64>,
    /// Caps for which the plan reports no verdict in this year (2020: the plan
    /// reports the total used, 25.48, 23.84 of it within the indicators, and
    /// nothing per source). The model shows these as "not reported".
    #[serde(default)]
    pub not_reported: Vec<CapId>,
}

impl YearCaps {
    /// One cap's figure.
    pub fn get(&self, id: CapId) -> &Sourced<f64> {
        match id {
            CapId::Total => &self.total,
            CapId::Groundwater => &self.groundwater,
            CapId::Surface => &self.surface,
            CapId::Other => &self.other,
            CapId::Agriculture => &self.agriculture,
        }
    }

    /// Whether the plan gives a verdict on this cap in this year.
    pub fn reported(&self, id: CapId) -> bool {
        !self.not_reported.contains(&id)
    }
}

/// One point of the runoff frequency table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunoffPoint {
    /// Exceedance probability, %.
    pub exceedance: f64,
    /// Annual runoff, 亿m³.
    pub runoff: f64,
}

/// Scalar constants of the plan used by the model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Constants {
    /// Status year.
    pub base_year: Sourced<f64>,
    /// Industrial value added in the base year, 亿元.
    pub industry_va_base: Sourced<f64>,
    /// Industrial reuse rate in 2020, the rate at which the 2020 intensity is
    /// net intake, %.
    pub industry_reuse_base: Sourced<f64>,
    /// Water per 万元 industrial value added in 2020 (net intake), m³.
    pub industry_intensity_2020: Sourced<f64>,
    /// Water per 万元 GDP in 2020, m³.
    pub water_per_gdp_2020: Sourced<f64>,
    /// Actual total use 2020.
    pub total_2020: Sourced<f64>,
    /// Reclaimed water used in 2020, 万m³/d.
    pub reclaimed_2020: Sourced<f64>,
    /// Reuse rate in 2020, %.
    pub reuse_2020: Sourced<f64>,
    /// Collection rate in 2020, %.
    pub collection_2020: Sourced<f64>,
    /// η in 2020.
    pub eta_2020: Sourced<f64>,
    /// Gross comprehensive quota 2025, m³/亩.
    pub plan_gross_quota: Sourced<f64>,
    /// η 2025.
    pub plan_eta: Sourced<f64>,
    /// Irrigated area 20.64 亿m³ supports at 345 m³/亩 in 2025, 万亩.
    pub plan_area: Sourced<f64>,
    /// Agricultural water of the plan's worked saving.
    pub plan_agriculture: Sourced<f64>,
    /// Surface water reaching the irrigation districts.
    pub surface_to_districts: Sourced<f64>,
    /// 2025 target sector shares, %.
    pub target_shares_2025: Sourced<[f64; 3]>,
    /// Gross quota 2020, m³/亩.
    pub gross_quota_2020: Sourced<f64>,
    /// Leakage cap, %.
    pub leakage_cap: Sourced<f64>,
    /// Reuse target 2025, %.
    pub reuse_target: Sourced<f64>,
}

/// A historical point for the path chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryPoint {
    /// Year.
    pub year: u32,
    /// Total (actual use or cap).
    pub total: f64,
    /// Groundwater, when known.
    #[serde(default)]
    pub groundwater: Option<f64>,
    /// Agriculture cap, when known.
    #[serde(default)]
    pub agriculture: Option<f64>,
    /// Primary-sector use, when known.
    #[serde(default)]
    pub primary: Option<f64>,
    /// `actual` or `cap`.
    pub kind: String,
    /// Source.
    pub source: Text,
}

/// The plan's figures used by the model.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    /// Caps by year.
    pub caps: Vec<YearCaps>,
    /// Runoff frequency table.
    pub runoff: Vec<RunoffPoint>,
    /// Source of the runoff table.
    pub runoff_source: Text,
    /// Scalar constants.
    pub constants: Constants,
    /// History for the path chart.
    pub history: Vec<HistoryPoint>,
}

/// A preset: a named, complete set of lever values (or changes to a base preset).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PresetDef {
    /// Id used in the URL and the CLI.
    pub id: String,
    /// `reference` (reproduces the plan) or `point` (makes a point).
    pub kind: String,
    /// For `point` presets, the preset they change.
    #[serde(default)]
    pub base: Option<String>,
    /// Lever values with their sources.
    pub values: std::collections::BTreeMap<String, Sourced<f64>>,
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
    /// Chinese text.
    pub zh: String,
    /// English text.
    pub en: String,
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
    /// `triangular` or `uniform`.
    pub distribution: String,
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
    /// Data notes.
    pub notes: Vec<DataNote>,
    /// The uncertainty analysis set-up.
    pub uncertainty: UncertaintySpec,
    /// Lever ids of earlier versions, still read from links and the CLI.
    pub retired: Vec<RetiredLever>,
}

/// A lever id that earlier versions had: links and scripts that set it still
/// open, with a notice that says what became of it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RetiredLever {
    /// The old id.
    pub id: String,
    /// What it became, in Chinese.
    pub zh: String,
    /// What it became, in English.
    pub en: String,
}

const LEVERS: &str = include_str!("../data/levers.json");
const CROPS: &str = include_str!("../data/crops.json");
const PLAN: &str = include_str!("../data/plan.json");
const PRESETS: &str = include_str!("../data/presets.json");
const NOTES: &str = include_str!("../data/notes.json");
const UNCERTAINTY: &str = include_str!("../data/uncertainty.json");
const RETIRED: &str = include_str!("../data/retired.json");

impl Data {
    /// Parses the embedded files. They are part of the build, so a failure here is a
    /// build defect caught by the tests; [`Data::get`] relies on it.
    pub fn parse() -> Result<Data, serde_json::Error> {
        Ok(Data {
            levers: serde_json::from_str(LEVERS)?,
            crops: serde_json::from_str(CROPS)?,
            plan: serde_json::from_str(PLAN)?,
            presets: serde_json::from_str(PRESETS)?,
            notes: serde_json::from_str(NOTES)?,
            uncertainty: serde_json::from_str(UNCERTAINTY)?,
            retired: serde_json::from_str(RETIRED)?,
        })
    }

    /// The embedded data, parsed once.
    #[allow(clippy::expect_used)]
    pub fn get() -> &'static Data {
        static DATA: OnceLock<Data> = OnceLock::new();
        DATA.get_or_init(|| Data::parse().expect("embedded data files are valid (tested)"))
    }

    /// Index of a lever in the table.
    pub fn lever_index(&self, id: &str) -> Option<usize> {
        self.levers.iter().position(|l| l.id == id)
    }

    /// A lever's definition.
    pub fn lever(&self, id: &str) -> Option<&LeverDef> {
        self.levers.iter().find(|l| l.id == id)
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
    pub fn preset_value(&self, preset: &str, lever: &str) -> Option<&Sourced<f64>> {
        let p = self.preset(preset)?;
        match p.values.get(lever) {
            Some(v) => Some(v),
            None => self.preset_value(p.base.as_deref()?, lever),
        }
    }

    /// Runoff scaling of a normal-year surface supply for an exceedance probability
    /// (the runoff at that probability ÷ the 50 % runoff), continuous along the
    /// plan's frequency curve (see [`crate::runoff`]).
    pub fn runoff_factor(&self, exceedance: f64) -> f64 {
        let normal = crate::runoff::runoff_at(&self.plan.runoff, 50.0);
        if normal > 0.0 {
            crate::runoff::runoff_at(&self.plan.runoff, exceedance) / normal
        } else {
            1.0
        }
    }

    /// The lever that replaced a retired id, with the reason, if `id` is one.
    pub fn retired(&self, id: &str) -> Option<&RetiredLever> {
        self.retired.iter().find(|r| r.id == id)
    }
}
