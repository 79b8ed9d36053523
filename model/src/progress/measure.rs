//! The measures the plan caps or targets, and the plan's path for each: one
//! row of `model/data/measures.json` a measure (unit, ceiling or floor, the
//! plan's figures with their sections).

use crate::cap::CapKind;
use crate::data::{Grade, Text};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A measure the plan caps or targets; its string form is used in CSV files,
/// links, test hooks (`progress-<id>`) and the CLI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Total water use, 亿m³.
    Total,
    /// Groundwater, 亿m³.
    Groundwater,
    /// Surface water, 亿m³.
    Surface,
    /// Other sources (reclaimed and other non-conventional water), 亿m³.
    Other,
    /// Agricultural water, 亿m³.
    Agriculture,
    /// Industrial water, 亿m³.
    Industry,
    /// Domestic water, 亿m³.
    Domestic,
    /// Ecological water, 亿m³.
    Ecology,
    /// Irrigation efficiency coefficient η.
    Eta,
    /// Reclaimed-water reuse rate, %.
    Reuse,
    /// Urban pipe network leakage, %.
    Leakage,
    /// Water per 万元 GDP, m³.
    WaterPerGdp,
    /// Water per 万元 industrial value added, m³.
    WaterPerIndustryVa,
    /// Reclaimed water used, 万m³/d.
    Reclaimed,
    /// Irrigated area, 万亩.
    IrrigatedArea,
    /// High-efficiency irrigation share, %.
    HighEfficiency,
    /// High-efficiency irrigated area, 万亩.
    HighEfficiencyArea,
}

impl Measure {
    /// Every measure, in the report card's order.
    pub const ALL: [Measure; 17] = [
        Measure::Total,
        Measure::Groundwater,
        Measure::Surface,
        Measure::Other,
        Measure::Agriculture,
        Measure::Industry,
        Measure::Domestic,
        Measure::Ecology,
        Measure::Eta,
        Measure::Reuse,
        Measure::Leakage,
        Measure::WaterPerGdp,
        Measure::WaterPerIndustryVa,
        Measure::Reclaimed,
        Measure::IrrigatedArea,
        Measure::HighEfficiency,
        Measure::HighEfficiencyArea,
    ];

    /// The id used in files, links and test hooks.
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Total => "total",
            Measure::Groundwater => "groundwater",
            Measure::Surface => "surface",
            Measure::Other => "other",
            Measure::Agriculture => "agriculture",
            Measure::Industry => "industry",
            Measure::Domestic => "domestic",
            Measure::Ecology => "ecology",
            Measure::Eta => "eta",
            Measure::Reuse => "reuse",
            Measure::Leakage => "leakage",
            Measure::WaterPerGdp => "water_per_gdp",
            Measure::WaterPerIndustryVa => "water_per_industry_va",
            Measure::Reclaimed => "reclaimed",
            Measure::IrrigatedArea => "irrigated_area",
            Measure::HighEfficiency => "high_efficiency",
            Measure::HighEfficiencyArea => "high_efficiency_area",
        }
    }
}

impl fmt::Display for Measure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Measure {
    type Err = String;
    fn from_str(s: &str) -> Result<Measure, String> {
        let s = s.trim();
        Measure::ALL
            .into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| s.to_string())
    }
}

/// One figure of the plan on a measure's path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PathPoint {
    /// The year.
    pub year: u32,
    /// The plan's figure.
    pub value: f64,
    /// Its grade (`plan`, or M where the model reads it off the plan).
    pub grade: Grade,
    /// Where in the plan.
    pub source: Text,
}

/// One measure: its unit, whether it is a ceiling or a floor (a target to
/// reach), the bound above which a figure is absurd, and the plan's figures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MeasureDef {
    /// The measure.
    pub id: Measure,
    /// Its unit, as in the bureau's tables.
    pub unit: String,
    /// Decimals shown.
    pub decimals: usize,
    /// Ceiling (lower is better) or floor (a target to reach).
    pub kind: CapKind,
    /// Largest plausible figure: above it a figure is rejected as absurd.
    pub max: f64,
    /// Its name.
    pub label: Text,
    /// The plan's figures, by year (may be empty: the plan gives none).
    pub path: Vec<PathPoint>,
}

impl MeasureDef {
    /// The plan's path at `year`: straight lines between the plan's figures,
    /// held flat before the first and after the last (a cap or a target once
    /// set stays). `None` where the plan gives no figure at all.
    pub fn path_at(&self, year: f64) -> Option<f64> {
        let first = self.path.first()?;
        let last = self.path.last()?;
        if year <= f64::from(first.year) {
            return Some(first.value);
        }
        if year >= f64::from(last.year) {
            return Some(last.value);
        }
        self.path.windows(2).find_map(|w| {
            let (a, b) = (&w[0], &w[1]);
            let (ya, yb) = (f64::from(a.year), f64::from(b.year));
            (year >= ya && year <= yb)
                .then(|| a.value + (b.value - a.value) * (year - ya) / (yb - ya))
        })
    }

    /// Whether `value` is on the good side of `target` (at or below a
    /// ceiling, at or above a floor), within the verdicts' tolerance scaled
    /// to the measure's decimals.
    pub fn meets(&self, value: f64, target: f64) -> bool {
        let tol = 0.5 * 10f64.powi(-(self.decimals as i32)) * 0.1;
        match self.kind {
            CapKind::Ceiling => value <= target + tol,
            CapKind::Floor => value >= target - tol,
        }
    }
}
