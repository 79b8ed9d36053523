//! The two calibrations the model needs, computed from data (never typed in):
//! the crop-quota factor and the wastewater return factor.

use crate::data::Data;
use crate::lever_id::LeverId;
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// Calibration factors, derived from the plan's own scenarios.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Calibration {
    /// Net comprehensive quota ÷ area-weighted field quota. Derived so that the
    /// plan-2025 scenario has net = 345 × 0.67 m³/亩.
    pub quota_factor: f64,
    /// Area-weighted field quota of the plan-2025 scenario, m³/亩.
    pub plan_field_quota: f64,
    /// Town sewage per unit of town domestic and public use, before the
    /// collection rate. Derived so that the status-2020 scenario reuses the
    /// plan's 7.57 万m³/d at 62 % and 76.36 % collection (≈ 1.76: the plants
    /// treat more than the per-person figures account for; data note
    /// "reclaimed-base").
    pub return_factor: f64,
}

/// Area-weighted field quota (m³/亩) of the crop mix at a high-efficiency
/// share, with each crop's quotas multiplied by `scale[k]` (`k` indexes
/// [`Data::crops`]; a missing entry or an empty `scale` means 1; the
/// uncertainty analysis draws them).
pub fn field_quota_scaled(data: &Data, s: &Scenario, drip_share: f64, scale: &[f64]) -> f64 {
    field_quota_of(crop_terms(data, s, drip_share), scale)
}

/// Each crop of the mix as `(k, area, quota)`: its index in [`Data::crops`],
/// its area in `s` (万亩) and its field quota at the high-efficiency share
/// (m³/亩) before any scale. The Monte Carlo collects them once a scenario and
/// scales them in each draw ([`field_quota_of`]).
pub(crate) fn crop_terms<'a>(
    data: &'a Data,
    s: &'a Scenario,
    drip_share: f64,
) -> impl Iterator<Item = (usize, f64, f64)> + 'a {
    data.levers
        .iter()
        .zip(&s.values)
        .filter(|(lever, _)| lever.crop)
        .filter_map(move |(lever, &v)| {
            let (k, c) = data
                .crops
                .iter()
                .enumerate()
                .find(|(_, c)| c.id == lever.id)?;
            Some((
                k,
                v,
                drip_share * c.drip + (1.0 - drip_share) * c.conventional,
            ))
        })
}

/// The area-weighted field quota of [`crop_terms`], each crop's quota
/// multiplied by `scale[k]` (missing: 1).
pub(crate) fn field_quota_of(
    terms: impl IntoIterator<Item = (usize, f64, f64)>,
    scale: &[f64],
) -> f64 {
    let mut area = 0.0;
    let mut water = 0.0;
    for (k, v, quota) in terms {
        let q = scale.get(k).copied().unwrap_or(1.0) * quota;
        area += v;
        water += v * q;
    }
    if area > 0.0 {
        water / area
    } else {
        0.0
    }
}

/// Urban domestic use at the tap, 亿m³ (urban people × L/person/day).
pub fn urban_use(urban_pop: f64, urban_lpd: f64) -> f64 {
    urban_pop * 1e4 * urban_lpd * 1e-3 * 365.0 / 1e8
}

/// Industrial value added (亿元) `years` after the base year at `growth` %
/// a year.
pub fn industry_va(data: &Data, years: f64, growth: f64) -> f64 {
    data.plan.constants.industry_va_base.value * (1.0 + growth / 100.0).powf(years)
}

/// Industrial water (net intake), 亿m³: value added `va` (亿元, from
/// [`industry_va`]) × water per 万元 value added. The plan's 40.55 m³/万元 is
/// net intake at 84 % reuse already, so the reuse rate is not applied again.
pub fn industry_water(va: f64, intensity: f64) -> f64 {
    // 亿元 × 1e4 = 万元; × m³/万元 = m³; ÷ 1e8 = 亿m³
    va * 1e4 * intensity / 1e8
}

impl Calibration {
    /// Computes both factors from the plan figures and the reference
    /// scenarios of 2020 (`status`) and 2025 (`plan`).
    pub fn derive(data: &Data, status: &Scenario, plan: &Scenario) -> Calibration {
        let c = &data.plan.constants;
        let (quota_factor, plan_field_quota) = Calibration::quota_factor(data, plan, &[]);
        let at = |id| status.value(id);
        let base = urban_use(at(LeverId::UrbanPop), at(LeverId::UrbanLpd));
        let reclaimed = c.reclaimed_2020.value * 1e4 * 365.0 / 1e8;
        let denom = base * c.collection_2020.value / 100.0 * c.reuse_2020.value / 100.0;
        let return_factor = if denom > 0.0 { reclaimed / denom } else { 0.0 };
        Calibration {
            quota_factor,
            plan_field_quota,
            return_factor,
        }
    }

    /// The quota factor and the plan-2025 mix's field quota, with each crop's
    /// quotas scaled by `crop_scale` (see [`field_quota_scaled`]; empty: as in the
    /// data). The uncertainty analysis derives it again for every draw.
    pub fn quota_factor(data: &Data, plan: &Scenario, crop_scale: &[f64]) -> (f64, f64) {
        let c = &data.plan.constants;
        let drip = plan.value(LeverId::Drip) / 100.0;
        let field = field_quota_scaled(data, plan, drip, crop_scale);
        let net = c.plan_gross_quota.value * c.plan_eta.value;
        (if field > 0.0 { net / field } else { 1.0 }, field)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_sewage_collected_in_2020_gives_no_return_factor_not_a_division_by_zero() {
        let mut data = Data::parse().expect("data");
        data.plan.constants.collection_2020.value = 0.0;
        let r = crate::derived::Derived::of(&data).references;
        assert_eq!(Calibration::derive(&data, &r[0], &r[1]).return_factor, 0.0);
    }

    #[test]
    fn a_plan_mix_without_field_quota_leaves_the_quotas_as_they_are() {
        let data = Data::get();
        let none = vec![0.0; data.crops.len()];
        let plan = crate::derived::Derived::get().reference(2025.0);
        assert_eq!(Calibration::quota_factor(data, plan, &none), (1.0, 0.0));
        // And the factor is the plan's net quota over its mix's field quota.
        let (k, field) = Calibration::quota_factor(data, plan, &[]);
        let c = &data.plan.constants;
        assert!((k * field - c.plan_gross_quota.value * c.plan_eta.value).abs() < 1e-9);
    }
}
