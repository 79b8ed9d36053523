//! `evaluate(&Scenario, &Data) -> Outcome`, in four steps: demand by sector,
//! allocation to sources (each by its own rule), the caps' verdicts, and the
//! indicators.

use crate::calibration::{field_quota_scaled, industry_water, urban_use, Calibration};
use crate::data::{Data, YearCaps};
use crate::lever_id::LeverId;
use crate::scenario::Scenario;

mod indicators;

pub use crate::cap::{CapId, CapKind, CapResult, CapState};
pub use crate::outcome::{Detail, Indicators, Outcome, Sectors, Sources};

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
    pub fn central(data: &Data) -> Assumptions {
        Assumptions {
            calibration: data.derived.calibration,
            crop_scale: Vec::new(),
            runoff: None,
        }
    }
}

/// The scenario's lever values, clamped into each lever's range.
pub(crate) struct Values {
    clamped: Scenario,
}

impl Values {
    fn of(s: &Scenario, data: &Data) -> Values {
        let mut clamped = s.clone();
        clamped.values.resize(data.levers.len(), f64::NAN);
        for (x, l) in clamped.values.iter_mut().zip(&data.levers) {
            *x = if x.is_finite() { l.clamp(*x) } else { l.min };
        }
        Values { clamped }
    }

    pub(crate) fn get(&self, id: LeverId) -> f64 {
        self.clamped.value(id)
    }
}

/// Step 1: what each sector needs.
pub(crate) struct Demand {
    area: f64,
    field: f64,
    net: f64,
    eta: f64,
    gross: f64,
    primary: f64,
    secondary: f64,
    industry_va: f64,
    urban: f64,
    urban_supply: f64,
    rural: f64,
    eco: f64,
}

impl Demand {
    pub(crate) fn total(&self) -> f64 {
        self.primary + self.secondary + self.tertiary()
    }
    pub(crate) fn tertiary(&self) -> f64 {
        self.urban_supply + self.rural + self.eco
    }
}

fn demand(v: &Values, data: &Data, a: &Assumptions) -> Demand {
    let c = &data.plan.constants;
    let years = v.get(LeverId::Year) - c.base_year.value;
    // Primary: area × gross quota; gross = calibrated field quota ÷ η.
    let drip = v.get(LeverId::Drip) / 100.0;
    let area = v.clamped.irrigated_area(data);
    let field = field_quota_scaled(data, &v.clamped, drip, &a.crop_scale);
    let net = field * a.calibration.quota_factor;
    let eta = v.get(LeverId::Eta);
    let gross = net / eta;
    // Secondary: value added × net intake per 万元 (counted once).
    let growth = v.get(LeverId::IndustryGrowth);
    let secondary = industry_water(data, years, growth, v.get(LeverId::IndustryIntensity));
    let industry_va = c.industry_va_base.value * (1.0 + growth / 100.0).powf(years);
    // Tertiary: domestic use with the network's losses, plus greening and ecology.
    let urban = urban_use(v.get(LeverId::UrbanPop), v.get(LeverId::UrbanLpd));
    Demand {
        area,
        field,
        net,
        eta,
        gross,
        primary: area * gross / 1e4,
        secondary,
        industry_va,
        urban,
        urban_supply: urban / (1.0 - v.get(LeverId::Leakage) / 100.0),
        rural: urban_use(v.get(LeverId::RuralPop), v.get(LeverId::RuralLpd)),
        eco: v.get(LeverId::Eco),
    }
}

/// Step 2: where the water comes from.
pub(crate) struct Allocation {
    municipal: f64,
    municipal_used: f64,
    other_nonconv: f64,
    nonconventional: f64,
    runoff_factor: f64,
    surface_available: f64,
    surface: f64,
    groundwater: f64,
    overdraft: f64,
}

/// Each source by its own rule. Non-conventional water (municipal reclaimed
/// plus other) is used first, up to the demand of the uses it may serve
/// (industry, greening, ecology). Surface use is the least of its cap, what
/// the runoff year makes available, and the demand left. Groundwater takes the
/// rest; above its cap that is overdraft. So more non-conventional water
/// replaces groundwater first, and surface water only once groundwater is zero.
fn allocate(d: &Demand, v: &Values, data: &Data, a: &Assumptions, caps: &YearCaps) -> Allocation {
    let cal = a.calibration;
    let municipal = (d.urban + d.secondary)
        * cal.return_factor
        * (v.get(LeverId::Collection) / 100.0)
        * (v.get(LeverId::Reuse) / 100.0);
    let other_nonconv = v.get(LeverId::OtherNonconv);
    let offered = municipal + other_nonconv;
    let nonconventional = offered.min(d.secondary + d.eco);
    let municipal_used = if offered > 0.0 {
        municipal * nonconventional / offered
    } else {
        0.0
    };
    let runoff_factor = data.runoff_factor(a.runoff.unwrap_or_else(|| v.get(LeverId::Runoff)));
    let surface_available = v.get(LeverId::Surface) * runoff_factor;
    let fresh = (d.total() - nonconventional).max(0.0);
    let surface = surface_available
        .min(caps.surface.value)
        .min(fresh)
        .max(0.0);
    let groundwater = fresh - surface;
    Allocation {
        municipal,
        municipal_used,
        other_nonconv,
        nonconventional,
        runoff_factor,
        surface_available,
        surface,
        groundwater,
        overdraft: (groundwater - caps.groundwater.value).max(0.0),
    }
}

/// Step 3: the verdict on each cap of the year.
fn judge(caps: &YearCaps, d: &Demand, al: &Allocation) -> Vec<CapResult> {
    CapId::ALL
        .into_iter()
        .map(|id| {
            let value = match id {
                CapId::Total => d.total(),
                CapId::Groundwater => al.groundwater,
                CapId::Surface => al.surface,
                CapId::Other => al.nonconventional,
                CapId::Agriculture => d.primary,
            };
            CapResult::judge(id, caps.get(id).value, value, caps.reported(id))
        })
        .collect()
}

/// Evaluates a scenario against the embedded data's caps.
///
/// Values are read clamped into each lever's range, so even a hand-built
/// scenario with wild values gives finite, non-negative results.
pub fn evaluate(s: &Scenario, data: &Data) -> Outcome {
    evaluate_with(s, data, &Assumptions::central(data))
}

/// [`evaluate`] under given assumptions for the uncertain inputs.
pub fn evaluate_with(s: &Scenario, data: &Data, a: &Assumptions) -> Outcome {
    let v = Values::of(s, data);
    let year = v.get(LeverId::Year);
    let caps_y = data.caps(year);
    let d = demand(&v, data, a);
    let al = allocate(&d, &v, data, a, caps_y);
    let caps = judge(caps_y, &d, &al);
    let indicators = indicators::indicators(&d, &al, &v, data, a, caps_y);
    Outcome {
        year: year.round() as u32,
        total: d.total(),
        sectors: Sectors {
            primary: d.primary,
            secondary: d.secondary,
            tertiary: d.tertiary(),
        },
        sources: Sources {
            surface: al.surface,
            groundwater: al.groundwater,
            reclaimed: al.nonconventional,
        },
        caps,
        indicators,
        detail: Detail {
            field_quota: d.field,
            urban_use: d.urban,
            urban_supply: d.urban_supply,
            rural_use: d.rural,
            eco: d.eco,
            industry_va: d.industry_va,
            gdp: indicators::gdp_of(data, &v),
            municipal_reclaimed: al.municipal,
            municipal_used: al.municipal_used,
            other_nonconv: al.other_nonconv,
            surface_available: al.surface_available,
            surface_unallocated: (al.surface_available - al.surface).max(0.0),
            runoff_factor: al.runoff_factor,
            overdraft: al.overdraft,
            unmet_if_groundwater_capped: al.overdraft,
            calibration: a.calibration,
        },
    }
}

#[cfg(test)]
mod tests;
