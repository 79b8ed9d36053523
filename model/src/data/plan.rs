//! The plan's figures: caps by year, the runoff table, constants, history.

use super::{Grade, Text};
use crate::cap::CapId;
use serde::{Deserialize, Serialize};

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
    /// 2025 target sector shares, %.
    pub target_shares_2025: Sourced<[f64; 3]>,
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
