//! `evaluate(&Scenario, &Data) -> Outcome`, in four steps: demand by sector,
//! allocation to sources (each by its own rule), the caps' verdicts, and the
//! indicators.

use crate::calibration::Calibration;
use crate::data::{Data, YearCaps};
use crate::lever_id::LeverId;
use crate::scenario::Scenario;

mod demand;
mod flows;
mod indicators;
mod judged;

#[cfg(test)]
use demand::demand;
use demand::demand_at;
pub(crate) use demand::{Demand, Values};

#[cfg(test)]
use judged::judge;
pub(crate) use judged::{delivered, delivered_total, Judged};

pub use crate::cap::{CapId, CapKind, CapResult, CapState};
pub use crate::outcome::{Detail, Flows, Indicators, Outcome, Sectors, Sources};

/// The model's uncertain inputs, at their central values by default. The
/// uncertainty analysis ([`crate::uncertainty`]) evaluates scenarios under drawn
/// values of these.
#[derive(Clone, Debug, PartialEq)]
pub struct Assumptions {
    /// Calibration factors (quota factor, return factor).
    pub calibration: Calibration,
    /// Multiplier on each crop's quotas, indexed like [`Data::crops`] (empty: all 1).
    pub crop_scale: Vec<f64>,
    /// Multiplier on the runoff factor of the scenario's own runoff year (1:
    /// the frequency curve as the plan tabulates it). The uncertainty analysis
    /// draws it around 1, so a scenario at P95 is drawn around P95.
    pub runoff_scale: f64,
}

impl Assumptions {
    /// The central assumptions: the calibration derived from the embedded data
    /// ([`crate::derived::Derived`]), quotas as in the data, the runoff year of
    /// the scenario.
    pub fn central() -> Assumptions {
        Assumptions::central_for(Data::get())
    }

    /// The central assumptions of `data` (its own calibration).
    pub fn central_for(data: &Data) -> Assumptions {
        Assumptions {
            calibration: crate::derived::Derived::for_data(data).calibration,
            crop_scale: Vec::new(),
            runoff_scale: 1.0,
        }
    }
}

/// Step 2: where the water comes from.
pub(crate) struct Allocation {
    municipal: f64,
    municipal_used: f64,
    other_nonconv: f64,
    /// Other sources used (reclaimed and other non-conventional water).
    other: f64,
    runoff_factor: f64,
    surface_available: f64,
    surface: f64,
    groundwater_demand: f64,
    groundwater: f64,
    overdraft: f64,
    undelivered: f64,
}

/// Whether a dry year's shortfall is pumped (the `shortfall` lever at 1) or
/// left undelivered with groundwater held at its cap (0, the plan's 双控).
pub(crate) fn shortfall_pumped(v: &Values) -> bool {
    v.get(LeverId::Shortfall) >= 0.5
}

/// Each source by its own rule. Non-conventional water (municipal reclaimed
/// plus other) is used first, up to the demand of the uses it may serve
/// (industry, greening, ecology). Surface use is the least of its cap, what
/// the runoff year makes available, and the demand left. Groundwater takes the
/// rest up to its cap; what is left above the cap is irrigation water not
/// delivered (the plan's 双控, §14.4) or, under the `shortfall` lever's other
/// reading or in a year whose groundwater the plan does not report (2020),
/// pumped as overdraft. Towns and industry come first (the region's 95 %
/// guarantee against agriculture's 75 %), so only irrigation goes short.
/// More non-conventional water replaces groundwater first, and surface water
/// only once groundwater is zero.
fn allocate(d: &Demand, v: &Values, a: &Assumptions, caps: &YearCaps) -> Allocation {
    let cal = a.calibration;
    // Town sewage comes from town domestic and public use: industrial
    // wastewater stays out of town sewers (§13.4) and industry's own reuse is
    // inside its net intake.
    let municipal = d.fixed.urban
        * cal.return_factor
        * (v.get(LeverId::Collection) / 100.0)
        * (v.get(LeverId::Reuse) / 100.0);
    let other_nonconv = v.get(LeverId::OtherNonconv);
    let offered = municipal + other_nonconv;
    let other = offered.min(d.fixed.secondary + d.fixed.eco);
    let municipal_used = if offered > 0.0 {
        municipal * other / offered
    } else {
        0.0
    };
    let runoff_factor = v.runoff_factor * a.runoff_scale.max(0.0);
    let surface_available = v.get(LeverId::Surface) * runoff_factor;
    let fresh = (d.total() - other).max(0.0);
    let surface = surface_available
        .min(caps.surface.value)
        .min(fresh)
        .max(0.0);
    let groundwater_demand = fresh - surface;
    let cap = caps.groundwater.value;
    let held = !shortfall_pumped(v) && caps.reported(CapId::Groundwater);
    let undelivered = if held {
        (groundwater_demand - cap).max(0.0).min(d.primary)
    } else {
        0.0
    };
    let groundwater = groundwater_demand - undelivered;
    Allocation {
        municipal,
        municipal_used,
        other_nonconv,
        other,
        runoff_factor,
        surface_available,
        surface,
        groundwater_demand,
        groundwater,
        overdraft: (groundwater - cap).max(0.0),
        undelivered,
    }
}

/// Evaluates a scenario against the embedded data's caps.
///
/// Values are read clamped into each lever's range, so even a hand-built
/// scenario with wild values gives finite, non-negative results.
pub fn evaluate(s: &Scenario, data: &Data) -> Outcome {
    evaluate_with(s, data, &Assumptions::central_for(data))
}

/// [`evaluate`] under given assumptions for the uncertain inputs.
pub fn evaluate_with(s: &Scenario, data: &Data, a: &Assumptions) -> Outcome {
    let v = Values::of(s, data);
    let year = v.get(LeverId::Year);
    let caps_y = data.caps(year);
    let Judged { d, al, caps } = Judged::of(&v, data, a);
    let (d, al) = (&d, &al);
    let indicators = indicators::indicators(d, al, &v, data, a, caps_y);
    let flows = flows::flows(d, al);
    Outcome {
        year: year.round() as u32,
        total: delivered_total(d, al),
        sectors: delivered(d, al),
        sources: Sources {
            surface: al.surface,
            groundwater: al.groundwater,
            other: al.other,
        },
        flows,
        caps: caps.to_vec(),
        indicators,
        detail: Detail {
            field_quota: d.field,
            urban_use: d.fixed.urban,
            urban_supply: d.fixed.urban_supply,
            rural_use: d.fixed.rural,
            eco: d.fixed.eco,
            industry_va: d.fixed.industry_va,
            gdp: indicators::gdp_of(data, &v),
            municipal_reclaimed: al.municipal,
            municipal_used: al.municipal_used,
            other_nonconv: al.other_nonconv,
            surface_available: al.surface_available,
            surface_unallocated: (al.surface_available - al.surface).max(0.0),
            runoff_factor: al.runoff_factor,
            overdraft: al.overdraft,
            groundwater_demand: al.groundwater_demand,
            primary_demand: d.primary,
            undelivered: al.undelivered,
            undelivered_area: if d.gross > 0.0 {
                al.undelivered * 1e4 / d.gross
            } else {
                0.0
            },
            shortfall_pumped: shortfall_pumped(&v),
            calibration: a.calibration,
        },
    }
}

#[cfg(test)]
mod tests;
