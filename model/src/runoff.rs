//! The runoff year: annual runoff read off the plan's frequency table
//! (表1.1-2) at any exceedance probability, and the factor that scales a
//! normal year's surface supply.
//!
//! The table gives four points of a Pearson III frequency curve (20, 50, 75 and
//! 95 %). Between them the model interpolates linearly in the standard normal
//! quantile of the exceedance probability — the abscissa of the probability
//! paper on which hydrologists draw such curves — so the curve is continuous
//! and every drier year gives less water. Outside the table's range the end
//! rows hold (the model does not extrapolate the plan's curve).

use crate::data::RunoffPoint;

/// The standard normal quantile Φ⁻¹(p) for 0 < p < 1 (Acklam's rational
/// approximation, relative error below 1.2e-9; enough for a plotting axis).
pub fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 6] = [
        -3.969_683_028_665_376e1,
        2.209_460_984_245_205e2,
        -2.759_285_104_469_687e2,
        1.383_577_518_672_69e2,
        -3.066_479_806_614_716e1,
        2.506_628_277_459_239,
    ];
    const B: [f64; 5] = [
        -5.447_609_879_822_406e1,
        1.615_858_368_580_409e2,
        -1.556_989_798_598_866e2,
        6.680_131_188_771_972e1,
        -1.328_068_155_288_572e1,
    ];
    const C: [f64; 6] = [
        -7.784_894_002_430_293e-3,
        -3.223_964_580_411_365e-1,
        -2.400_758_277_161_838,
        -2.549_732_539_343_734,
        4.374_664_141_464_968,
        2.938_163_982_698_783,
    ];
    const D: [f64; 4] = [
        7.784_695_709_041_462e-3,
        3.224_671_290_700_398e-1,
        2.445_134_137_142_996,
        3.754_408_661_907_416,
    ];
    let p = p.clamp(1e-12, 1.0 - 1e-12);
    let tail = |q: f64| {
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
            / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1.0)
    };
    if p < 0.024_25 {
        tail((-2.0 * p.ln()).sqrt())
    } else if p > 1.0 - 0.024_25 {
        -tail((-2.0 * (1.0 - p).ln()).sqrt())
    } else {
        let q = p - 0.5;
        let r = q * q;
        (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1.0)
    }
}

/// Annual runoff, 亿m³, at an exceedance probability in % (see the module
/// docs for how the table is interpolated). `table` need not be sorted.
pub fn runoff_at(table: &[RunoffPoint], exceedance: f64) -> f64 {
    // The table's driest and wettest rows (no allocation: this runs in every
    // evaluation the analyses make).
    let by_exceedance = |a: &&RunoffPoint, b: &&RunoffPoint| a.exceedance.total_cmp(&b.exceedance);
    let (Some(first), Some(last)) = (
        table.iter().min_by(by_exceedance),
        table.iter().max_by(by_exceedance),
    ) else {
        return 0.0;
    };
    let p = if exceedance.is_finite() {
        exceedance.clamp(first.exceedance, last.exceedance)
    } else {
        50.0_f64.clamp(first.exceedance, last.exceedance)
    };
    // The first row at or beyond p, and the last row before it.
    let Some(b) = table
        .iter()
        .filter(|r| r.exceedance >= p)
        .min_by(by_exceedance)
    else {
        return last.runoff;
    };
    let Some(a) = table
        .iter()
        .filter(|r| r.exceedance < p)
        .max_by(by_exceedance)
    else {
        return b.runoff;
    };
    let z = |e: f64| normal_quantile(e / 100.0);
    let (za, zb) = (z(a.exceedance), z(b.exceedance));
    let t = if zb > za {
        (z(p) - za) / (zb - za)
    } else {
        0.0
    };
    a.runoff + t * (b.runoff - a.runoff)
}

/// Runoff scaling of a normal-year surface supply for an exceedance probability
/// (the runoff at that probability ÷ the 50 % runoff), continuous along the
/// plan's frequency curve.
pub fn runoff_factor(data: &crate::data::Data, exceedance: f64) -> f64 {
    let normal = runoff_at(&data.plan.runoff, 50.0);
    if normal > 0.0 {
        runoff_at(&data.plan.runoff, exceedance) / normal
    } else {
        1.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Vec<RunoffPoint> {
        [(95.0, 24.05), (20.0, 32.25), (75.0, 26.56), (50.0, 28.81)]
            .into_iter()
            .map(|(exceedance, runoff)| RunoffPoint { exceedance, runoff })
            .collect()
    }

    #[test]
    fn quantile_matches_known_values() {
        assert!(normal_quantile(0.5).abs() < 1e-9);
        assert!((normal_quantile(0.975) - 1.959_963_985).abs() < 1e-8);
        assert!((normal_quantile(0.05) + 1.644_853_627).abs() < 1e-8);
        assert!((normal_quantile(0.001) + 3.090_232_306).abs() < 1e-7);
        // The upper tail has its own branch (p above 0.975 75).
        assert!((normal_quantile(0.999) - 3.090_232_306).abs() < 1e-7);
        assert!((normal_quantile(0.99) - 2.326_347_874).abs() < 1e-7);
        // Certainty is clamped to a finite quantile at either end.
        let (lo, hi) = (normal_quantile(0.0), normal_quantile(1.0));
        assert!(
            lo.is_finite() && hi.is_finite() && lo < -6.0 && hi > 6.0,
            "{lo} {hi}"
        );
        assert!((lo + hi).abs() < 1e-3, "{lo} {hi}");
    }

    #[test]
    fn table_rows_are_reproduced_and_the_ends_hold() {
        let t = table();
        for r in &t {
            assert!((runoff_at(&t, r.exceedance) - r.runoff).abs() < 1e-12);
        }
        assert_eq!(runoff_at(&t, 5.0), 32.25);
        assert_eq!(runoff_at(&t, 99.0), 24.05);
        assert_eq!(runoff_at(&t, f64::NAN), 28.81);
        assert_eq!(runoff_at(&[], 50.0), 0.0);
    }

    #[test]
    fn a_row_given_twice_is_not_a_division_by_zero() {
        let t: Vec<RunoffPoint> = [(50.0, 28.81), (50.0, 30.0), (95.0, 24.05)]
            .into_iter()
            .map(|(exceedance, runoff)| RunoffPoint { exceedance, runoff })
            .collect();
        assert_eq!(runoff_at(&t, 50.0), 28.81);
    }

    #[test]
    fn drier_years_give_less_water_everywhere_on_the_curve() {
        let t = table();
        let mut last = f64::INFINITY;
        for k in 0..=750 {
            let p = 20.0 + f64::from(k) * 0.1;
            let r = runoff_at(&t, p);
            assert!(r < last, "runoff at {p} % is {r}, not below {last}");
            last = r;
        }
    }
}
