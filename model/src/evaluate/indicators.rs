//! Step 4 of an evaluation: the indicators.

use super::{Allocation, Assumptions, Demand, Values};
use crate::calibration::field_quota_scaled;
use crate::data::{Data, YearCaps};
use crate::lever_id::LeverId;
use crate::outcome::Indicators;

fn share(part: f64, total: f64) -> f64 {
    if total > 0.0 {
        part / total * 100.0
    } else {
        0.0
    }
}

/// GDP at comparable prices, 亿元: 2020's, derived from its water use and
/// water per 万元 GDP (data note "gdp-basis"), grown at the GDP growth lever.
pub(super) fn gdp_of(data: &Data, v: &Values) -> f64 {
    let c = &data.plan.constants;
    let years = v.get(LeverId::Year) - c.base_year.value;
    c.total_2020.value * 1e8 / c.water_per_gdp_2020.value / 1e4
        * (1.0 + v.get(LeverId::GdpGrowth) / 100.0).powf(years)
}

/// Step 4: the indicators.
pub(super) fn indicators(
    d: &Demand,
    al: &Allocation,
    v: &Values,
    data: &Data,
    a: &Assumptions,
    caps: &YearCaps,
) -> Indicators {
    let c = &data.plan.constants;
    let total = super::delivered_total(d, al);
    let gdp = gdp_of(data, v);
    let intensity = v.get(LeverId::IndustryIntensity);
    let gross_per_va =
        c.industry_intensity_2020.value / (1.0 - c.industry_reuse_base.value / 100.0);
    let derived = crate::derived::Derived::for_data(data);
    let reference = derived.reference(v.get(LeverId::Year));
    let ref_field =
        field_quota_scaled(data, reference, v.get(LeverId::Drip) / 100.0, &a.crop_scale);
    let net_need = d.fixed.area * d.net / 1e4;
    Indicators {
        gross_quota: d.gross,
        net_quota: d.net,
        eta: d.fixed.eta,
        irrigated_area: d.fixed.area,
        supported_area: if d.gross > 0.0 {
            caps.agriculture.value * 1e4 / d.gross
        } else {
            0.0
        },
        reclaimed_m3_per_day: al.municipal_used * 1e8 / 1e4 / 365.0,
        sector_shares: [
            share(super::delivered(d, al).primary, total),
            share(d.fixed.secondary, total),
            share(d.tertiary(), total),
        ],
        saving_vs_2020: if d.fixed.eta > 0.0 {
            net_need * (1.0 / c.eta_2020.value - 1.0 / d.fixed.eta)
        } else {
            0.0
        },
        reduction_vs_2020: c.total_2020.value - total,
        structure_saving: d.fixed.area * (ref_field - d.field) * a.calibration.quota_factor
            / d.fixed.eta
            / 1e4,
        water_per_gdp: if gdp > 0.0 {
            total * 1e8 / (gdp * 1e4)
        } else {
            0.0
        },
        water_per_industry_va: if d.fixed.industry_va > 0.0 {
            d.fixed.secondary * 1e8 / (d.fixed.industry_va * 1e4)
        } else {
            0.0
        },
        industry_reuse: if gross_per_va > 0.0 {
            (100.0 * (1.0 - intensity / gross_per_va)).clamp(0.0, 100.0)
        } else {
            0.0
        },
        reuse: v.get(LeverId::Reuse),
        leakage: v.get(LeverId::Leakage),
    }
}

#[cfg(test)]
mod tests {
    use super::share;

    #[test]
    fn a_share_of_nothing_is_zero_not_a_division_by_zero() {
        assert_eq!(share(1.0, 0.0), 0.0);
        assert_eq!(share(0.0, 0.0), 0.0);
        assert!((share(1.0, 4.0) - 25.0).abs() < 1e-12);
    }
}
