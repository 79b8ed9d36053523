//! Step 1: the scenario's values, clamped, and what each sector needs of
//! water under the assumptions of one evaluation (or one Monte Carlo draw).

use super::Assumptions;
use crate::calibration::{field_quota_scaled, industry_va, industry_water, urban_use};
use crate::data::Data;
use crate::lever_id::LeverId;
use crate::scenario::Scenario;

/// The scenario's lever values, clamped into each lever's range, and what
/// they give that no drawn assumption changes (read once for the Monte
/// Carlo's 2,000 draws).
pub(crate) struct Values {
    pub(super) clamped: Scenario,
    /// The runoff year's factor on a normal year's surface supply.
    pub(super) runoff_factor: f64,
    /// The demand that no drawn assumption changes: all but irrigation's
    /// quotas (in the Monte Carlo's draws, the powers and sums of each draw
    /// were the same each time).
    pub(super) fixed: Fixed,
}

/// Demand that the values alone set (see [`Values`]).
#[derive(Clone, Copy)]
pub(super) struct Fixed {
    /// Share of the irrigated area under drip, 0–1.
    pub(super) drip: f64,
    pub(super) area: f64,
    pub(super) eta: f64,
    pub(super) secondary: f64,
    pub(super) industry_va: f64,
    pub(super) urban: f64,
    pub(super) urban_supply: f64,
    pub(super) rural: f64,
    pub(super) eco: f64,
}

impl Fixed {
    fn of(clamped: &Scenario, data: &Data) -> Fixed {
        let c = &data.plan.constants;
        let get = |id| clamped.value(id);
        let years = get(LeverId::Year) - c.base_year.value;
        // Secondary: value added × net intake per 万元 (counted once).
        let va = industry_va(data, years, get(LeverId::IndustryGrowth));
        // Tertiary: domestic use with the network's losses, plus greening and ecology.
        let urban = urban_use(get(LeverId::UrbanPop), get(LeverId::UrbanLpd));
        Fixed {
            drip: get(LeverId::Drip) / 100.0,
            area: clamped.irrigated_area(data),
            eta: get(LeverId::Eta),
            secondary: industry_water(va, get(LeverId::IndustryIntensity)),
            industry_va: va,
            urban,
            urban_supply: urban / (1.0 - get(LeverId::Leakage) / 100.0),
            rural: urban_use(get(LeverId::RuralPop), get(LeverId::RuralLpd)),
            eco: get(LeverId::Eco),
        }
    }
}

impl Values {
    pub(crate) fn of(s: &Scenario, data: &Data) -> Values {
        Values::owned(s.clone(), data)
    }

    /// [`Values::of`] a scenario the caller no longer needs.
    pub(crate) fn owned(mut clamped: Scenario, data: &Data) -> Values {
        clamped.values.resize(data.levers.len(), f64::NAN);
        for (x, l) in clamped.values.iter_mut().zip(&data.levers) {
            *x = if x.is_finite() { l.clamp(*x) } else { l.min };
        }
        let runoff_factor = crate::runoff::runoff_factor(data, clamped.value(LeverId::Runoff));
        let fixed = Fixed::of(&clamped, data);
        Values {
            clamped,
            runoff_factor,
            fixed,
        }
    }

    pub(crate) fn get(&self, id: LeverId) -> f64 {
        self.clamped.value(id)
    }

    /// The crop mix's area-weighted field quota under `a`'s quota scales.
    pub(crate) fn field_quota(&self, data: &Data, a: &Assumptions) -> f64 {
        field_quota_scaled(data, &self.clamped, self.fixed.drip, &a.crop_scale)
    }

    /// The crop mix's terms of the field quota, for a field quota under many
    /// assumptions ([`crate::calibration::field_quota_of`]).
    pub(crate) fn crop_terms<'a>(
        &'a self,
        data: &'a Data,
    ) -> impl Iterator<Item = (usize, f64, f64)> + 'a {
        crate::calibration::crop_terms(data, &self.clamped, self.fixed.drip)
    }
}

/// Step 1: what each sector needs.
pub(crate) struct Demand {
    /// All but irrigation's quotas: what the levers alone set.
    pub(super) fixed: Fixed,
    pub(super) field: f64,
    pub(super) net: f64,
    pub(super) gross: f64,
    pub(super) primary: f64,
}

impl Demand {
    pub(crate) fn total(&self) -> f64 {
        self.primary + self.fixed.secondary + self.tertiary()
    }
    pub(crate) fn tertiary(&self) -> f64 {
        self.fixed.urban_supply + self.fixed.rural + self.fixed.eco
    }
}

#[cfg(test)]
pub(super) fn demand(v: &Values, data: &Data, a: &Assumptions) -> Demand {
    demand_at(v, a, v.field_quota(data, a))
}

/// Step 1 at the area-weighted field quota `field` (m³/亩) of the scenario's
/// crop mix under `a`.
pub(super) fn demand_at(v: &Values, a: &Assumptions, field: f64) -> Demand {
    let f = v.fixed;
    // Primary: area × gross quota; gross = calibrated field quota ÷ η.
    let net = field * a.calibration.quota_factor;
    let gross = net / f.eta;
    Demand {
        fixed: f,
        field,
        net,
        gross,
        primary: f.area * gross / 1e4,
    }
}
