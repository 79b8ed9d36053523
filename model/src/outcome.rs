//! What an evaluation says: use by sector and source, the caps' verdicts, the
//! indicators and the intermediate quantities behind them.

use crate::calibration::Calibration;
use crate::cap::{CapId, CapResult};
use serde::{Deserialize, Serialize};

/// Water use by sector, 亿m³.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sectors {
    /// Irrigation (incl. livestock via the comprehensive quota).
    pub primary: f64,
    /// Industry.
    pub secondary: f64,
    /// Domestic, services, greening and ecology.
    pub tertiary: f64,
}

/// Water use by source, 亿m³.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sources {
    /// Conventional surface water.
    pub surface: f64,
    /// Groundwater.
    pub groundwater: f64,
    /// Reclaimed and other non-conventional water (the plan's "other
    /// sources"); `reclaimed` in the CLI's JSON.
    #[serde(rename = "reclaimed")]
    pub other: f64,
}

/// Where each source's water goes, 亿m³, by sector: `[primary, secondary,
/// tertiary]` for each source (the allocation's rule, `evaluate::flows`).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flows {
    /// Surface water to each sector.
    pub surface: [f64; 3],
    /// Groundwater to each sector.
    pub groundwater: [f64; 3],
    /// Other sources' water to each sector (none to irrigation);
    /// `reclaimed` in the CLI's JSON.
    #[serde(rename = "reclaimed")]
    pub other: [f64; 3],
}

/// Indicators shown in the strip and printed by the CLI.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicators {
    /// Gross comprehensive irrigation quota, m³/亩.
    pub gross_quota: f64,
    /// Net comprehensive quota, m³/亩.
    pub net_quota: f64,
    /// Irrigation water-use efficiency coefficient.
    pub eta: f64,
    /// Irrigated area, 万亩.
    pub irrigated_area: f64,
    /// Area the agricultural cap supports at this gross quota, 万亩.
    pub supported_area: f64,
    /// Municipal reclaimed water used, 万m³/d.
    pub reclaimed_m3_per_day: f64,
    /// Primary, secondary, tertiary shares of the total, %.
    pub sector_shares: [f64; 3],
    /// Water saved by efficiency, by the plan's own formula (十(二)1) on the
    /// scenario's own net need: net need × (1/0.65 − 1/η), 亿m³ (0.635 for the
    /// plan, 0 at 2020's η 0.65, positive whenever η rises above it).
    pub saving_vs_2020: f64,
    /// Reduction of total use from 2020's actual 25.48, 亿m³.
    pub reduction_vs_2020: f64,
    /// Agricultural water saved by the crop mix against the year's plan mix, at
    /// the scenario's area, η and high-efficiency share, 亿m³.
    pub structure_saving: f64,
    /// Water per 万元 GDP (comparable prices), m³.
    pub water_per_gdp: f64,
    /// Water per 万元 industrial value added (net intake), m³.
    pub water_per_industry_va: f64,
    /// Industrial water reuse rate implied by that intake, % (the 2020 gross
    /// use per 万元, 40.55 ÷ (1 − 84 %), held).
    pub industry_reuse: f64,
    /// Reclaimed-water reuse rate, %.
    pub reuse: f64,
    /// Urban network leakage, %.
    pub leakage: f64,
}

/// Intermediate quantities, for provenance and charts.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Detail {
    /// Area-weighted field quota, m³/亩.
    pub field_quota: f64,
    /// Urban domestic use at the tap.
    pub urban_use: f64,
    /// Urban supply needed, incl. network losses.
    pub urban_supply: f64,
    /// Rural domestic use.
    pub rural_use: f64,
    /// Greening and ecological water.
    pub eco: f64,
    /// Industrial value added, 亿元.
    pub industry_va: f64,
    /// GDP at comparable prices, 亿元.
    pub gdp: f64,
    /// Municipal reclaimed water available.
    pub municipal_reclaimed: f64,
    /// Municipal reclaimed water used.
    pub municipal_used: f64,
    /// Other non-conventional water available.
    pub other_nonconv: f64,
    /// Surface water available this runoff year (the `surface` lever scaled
    /// along the frequency curve).
    pub surface_available: f64,
    /// Surface water available but not allocated (above the cap or demand).
    pub surface_unallocated: f64,
    /// Runoff factor of the selected runoff year.
    pub runoff_factor: f64,
    /// Groundwater above its cap (0 when within; always 0 where groundwater
    /// is held at its cap). A quantity of the model; the verdict, which may be
    /// "not reported" (2020), is in [`Outcome::caps`].
    pub overdraft: f64,
    /// What groundwater would have to give to meet all demand: the fresh
    /// demand less surface water.
    pub groundwater_demand: f64,
    /// What irrigation needs: irrigated area × gross quota (the primary
    /// sector's use is this less [`Detail::undelivered`]).
    pub primary_demand: f64,
    /// Irrigation water not delivered because groundwater is held at its cap
    /// (0 unless a dry year's shortfall meets the cap under the held reading).
    pub undelivered: f64,
    /// The irrigated area that water would have served at the scenario's
    /// gross quota, 万亩.
    pub undelivered_area: f64,
    /// The reading of a dry year's shortfall: pumped (true) or not delivered.
    pub shortfall_pumped: bool,
    /// Calibration factors used.
    pub calibration: Calibration,
}

/// Everything the model says about a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    /// Scenario year (selects the caps).
    pub year: u32,
    /// Total water use.
    pub total: f64,
    /// Use by sector.
    pub sectors: Sectors,
    /// Supply by source.
    pub sources: Sources,
    /// Where each source's water goes, by sector.
    pub flows: Flows,
    /// The five caps of the year.
    pub caps: Vec<CapResult>,
    /// Indicators.
    pub indicators: Indicators,
    /// Intermediate quantities.
    pub detail: Detail,
}

impl Outcome {
    /// One cap's result.
    pub fn cap(&self, id: CapId) -> Option<&CapResult> {
        self.caps.iter().find(|c| c.id == id)
    }

    /// The cap's value were every demand delivered: its value plus the
    /// irrigation water not delivered, for the caps that water counts in
    /// (total, groundwater, agriculture). The same as the value under the
    /// pumped reading, or when nothing goes undelivered. Solve-for-target
    /// aims at it, so "meets the cap" also means "delivers all demand".
    pub fn value_if_delivered(&self, id: CapId) -> Option<f64> {
        let c = self.cap(id)?;
        Some(match id {
            CapId::Total | CapId::Groundwater | CapId::Agriculture => {
                c.value + self.detail.undelivered
            }
            CapId::Surface | CapId::Other => c.value,
        })
    }
}
