//! `evaluate(&Scenario, &Data) -> Outcome`: demand by sector, allocation to sources,
//! caps and indicators.

use crate::calibration::{field_quota_scaled, industry_water, urban_use, Calibration};
use crate::data::Data;
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

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
    /// Reclaimed and other non-conventional water (the plan's "other sources").
    pub reclaimed: f64,
}

/// The five caps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CapId {
    /// Total water use.
    Total,
    /// Groundwater.
    Groundwater,
    /// Conventional surface water.
    Surface,
    /// Other sources.
    Other,
    /// Agricultural water.
    Agriculture,
}

impl CapId {
    /// All caps, in display order.
    pub const ALL: [CapId; 5] = [
        CapId::Total,
        CapId::Groundwater,
        CapId::Surface,
        CapId::Other,
        CapId::Agriculture,
    ];

    /// The id used in tests, URLs and translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            CapId::Total => "total",
            CapId::Groundwater => "groundwater",
            CapId::Surface => "surface",
            CapId::Other => "other",
            CapId::Agriculture => "agriculture",
        }
    }
}

/// One cap against the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CapResult {
    /// Which cap.
    pub id: CapId,
    /// The cap, 亿m³.
    pub limit: f64,
    /// The scenario's value, 亿m³.
    pub value: f64,
    /// `value <= limit`.
    pub ok: bool,
}

impl CapResult {
    /// `limit - value` (negative when over).
    pub fn margin(&self) -> f64 {
        self.limit - self.value
    }
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
    /// Saving against 2020's η by the plan's formula (十(二)1), 亿m³.
    pub saving_vs_2020: f64,
    /// Water per 万元 GDP (comparable prices), m³.
    pub water_per_gdp: f64,
    /// Water per 万元 industrial value added, m³.
    pub water_per_industry_va: f64,
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
    /// Other non-conventional water available.
    pub other_nonconv: f64,
    /// Surface water available this runoff year.
    pub surface_available: f64,
    /// Runoff factor of the selected runoff year.
    pub runoff_factor: f64,
    /// Groundwater above its cap (0 when within).
    pub overdraft: f64,
    /// Demand that would go unmet if groundwater were held to its cap.
    pub unmet_if_groundwater_capped: f64,
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
}

/// Lever positions resolved once, so an evaluation does no string lookups.
struct Ix {
    eta: usize,
    drip: usize,
    urban_pop: usize,
    rural_pop: usize,
    urban_lpd: usize,
    rural_lpd: usize,
    leakage: usize,
    collection: usize,
    reuse: usize,
    eco: usize,
    other_nonconv: usize,
    industry_growth: usize,
    industry_intensity: usize,
    industry_reuse: usize,
    surface: usize,
    runoff: usize,
    gdp_growth: usize,
    year: usize,
}

fn ix(data: &Data) -> &'static Ix {
    static IX: OnceLock<Ix> = OnceLock::new();
    IX.get_or_init(|| {
        let f = |id: &str| data.lever_index(id).unwrap_or(usize::MAX);
        Ix {
            eta: f("eta"),
            drip: f("drip"),
            urban_pop: f("urban_pop"),
            rural_pop: f("rural_pop"),
            urban_lpd: f("urban_lpd"),
            rural_lpd: f("rural_lpd"),
            leakage: f("leakage"),
            collection: f("collection"),
            reuse: f("reuse"),
            eco: f("eco"),
            other_nonconv: f("other_nonconv"),
            industry_growth: f("industry_growth"),
            industry_intensity: f("industry_intensity"),
            industry_reuse: f("industry_reuse"),
            surface: f("surface"),
            runoff: f("runoff"),
            gdp_growth: f("gdp_growth"),
            year: f("year"),
        }
    })
}

fn share(part: f64, total: f64) -> f64 {
    if total > 0.0 {
        part / total * 100.0
    } else {
        0.0
    }
}

/// The model's uncertain inputs, at their central values by default. The
/// uncertainty analysis ([`crate::uncertainty`]) evaluates scenarios under drawn
/// values of these.
#[derive(Clone, Debug, PartialEq)]
pub struct Assumptions {
    /// Calibration factors (quota factor, return factor).
    pub calibration: Calibration,
    /// Multiplier on each crop's quotas, indexed like [`Data::crops`] (empty: all 1).
    pub crop_scale: Vec<f64>,
    /// Runoff exceedance probability of the year, %, replacing the `runoff`
    /// lever when set.
    pub runoff: Option<f64>,
}

impl Assumptions {
    /// The central assumptions: the derived calibration, quotas as in the data,
    /// the runoff year of the scenario.
    pub fn central() -> Assumptions {
        Assumptions {
            calibration: Calibration::get(),
            crop_scale: Vec::new(),
            runoff: None,
        }
    }
}

/// Evaluates a scenario against the embedded data's caps.
///
/// Values are read clamped into each lever's range, so even a hand-built
/// scenario with wild values gives finite, non-negative results.
pub fn evaluate(s: &Scenario, data: &Data) -> Outcome {
    evaluate_with(s, data, &Assumptions::central())
}

/// [`evaluate`] under given assumptions for the uncertain inputs.
pub fn evaluate_with(s: &Scenario, data: &Data, a: &Assumptions) -> Outcome {
    let ix = ix(data);
    let cal = a.calibration;
    let c = &data.plan.constants;
    let v = |i: usize| {
        let raw = s.values.get(i).copied().unwrap_or(f64::NAN);
        match data.levers.get(i) {
            Some(l) if raw.is_finite() => l.clamp(raw),
            Some(l) => l.min,
            None => 0.0,
        }
    };
    let year = v(ix.year);
    let years = year - c.base_year.value;

    // Primary: area × gross quota.
    let drip = v(ix.drip) / 100.0;
    let mut clamped = s.clone();
    for (i, x) in clamped.values.iter_mut().enumerate() {
        *x = v(i);
    }
    let area = clamped.irrigated_area(data);
    let field = field_quota_scaled(data, &clamped, drip, &a.crop_scale);
    let net = field * cal.quota_factor;
    let eta = v(ix.eta);
    let gross = net / eta;
    let primary = area * gross / 1e4;

    // Secondary: industrial value added × intensity, scaled by reuse.
    let secondary = industry_water(
        data,
        years,
        v(ix.industry_growth),
        v(ix.industry_intensity),
        v(ix.industry_reuse),
    );
    let industry_va = c.industry_va_base.value * (1.0 + v(ix.industry_growth) / 100.0).powf(years);

    // Tertiary: domestic with network losses, plus greening and ecology.
    let urban = urban_use(v(ix.urban_pop), v(ix.urban_lpd));
    let urban_supply = urban / (1.0 - v(ix.leakage) / 100.0);
    let rural = urban_use(v(ix.rural_pop), v(ix.rural_lpd));
    let eco = v(ix.eco);
    let tertiary = urban_supply + rural + eco;

    let total = primary + secondary + tertiary;

    // Reclaimed water replaces fresh water in industry, greening and ecology.
    let municipal =
        (urban + secondary) * cal.return_factor * v(ix.collection) / 100.0 * v(ix.reuse) / 100.0;
    let other_nonconv = v(ix.other_nonconv);
    let eligible = secondary + eco;
    let offered = municipal + other_nonconv;
    let reclaimed = offered.min(eligible);
    let municipal_used = if offered > 0.0 {
        municipal * reclaimed / offered
    } else {
        0.0
    };

    // Then surface water up to what this runoff year gives, then groundwater.
    let runoff_factor = data.runoff_factor(a.runoff.unwrap_or_else(|| v(ix.runoff)));
    let surface_available = v(ix.surface) * runoff_factor;
    let fresh = total - reclaimed;
    let surface = surface_available.min(fresh);
    let groundwater = fresh - surface;

    let caps_y = data.caps(year);
    let cap = |id: CapId, limit: f64, value: f64| CapResult {
        id,
        limit,
        value,
        ok: value <= limit + 1e-9,
    };
    let caps = vec![
        cap(CapId::Total, caps_y.total.value, total),
        cap(CapId::Groundwater, caps_y.groundwater.value, groundwater),
        cap(CapId::Surface, caps_y.surface.value, surface),
        cap(CapId::Other, caps_y.other.value, reclaimed),
        cap(CapId::Agriculture, caps_y.agriculture.value, primary),
    ];
    let overdraft = (groundwater - caps_y.groundwater.value).max(0.0);

    let gdp2020 = c.total_2020.value * 1e8 / c.water_per_gdp_2020.value / 1e4;
    let gdp = gdp2020 * (1.0 + v(ix.gdp_growth) / 100.0).powf(years);

    let indicators = Indicators {
        gross_quota: gross,
        net_quota: net,
        eta,
        irrigated_area: area,
        supported_area: if gross > 0.0 {
            caps_y.agriculture.value * 1e4 / gross
        } else {
            0.0
        },
        reclaimed_m3_per_day: municipal_used * 1e8 / 1e4 / 365.0,
        sector_shares: [
            share(primary, total),
            share(secondary, total),
            share(tertiary, total),
        ],
        saving_vs_2020: primary * (eta / c.eta_2020.value - 1.0),
        water_per_gdp: if gdp > 0.0 {
            total * 1e8 / (gdp * 1e4)
        } else {
            0.0
        },
        water_per_industry_va: if industry_va > 0.0 {
            secondary * 1e8 / (industry_va * 1e4)
        } else {
            0.0
        },
        reuse: v(ix.reuse),
        leakage: v(ix.leakage),
    };

    Outcome {
        year: year.round() as u32,
        total,
        sectors: Sectors {
            primary,
            secondary,
            tertiary,
        },
        sources: Sources {
            surface,
            groundwater,
            reclaimed,
        },
        caps,
        indicators,
        detail: Detail {
            field_quota: field,
            urban_use: urban,
            urban_supply,
            rural_use: rural,
            eco,
            industry_va,
            gdp,
            municipal_reclaimed: municipal,
            other_nonconv,
            surface_available,
            runoff_factor,
            overdraft,
            unmet_if_groundwater_capped: overdraft,
            calibration: cal,
        },
    }
}
