//! Live uncertainty: a Monte Carlo over the inputs the data grades M or L
//! (crop quotas, the town sewage factor, the runoff of the chosen year).
//!
//! Each draw keeps the scenario's own runoff year and reading of a dry year's
//! shortfall: a scenario at P95 is drawn around P95. A cap the plan does not
//! report for the year is never counted as held; for groundwater held at its
//! cap, the analysis also says how often all demand is delivered and how much
//! is not.
//!
//! The draws are made once from a fixed seed ([`Draws::get`]) and reused for
//! every scenario (common random numbers), so the spread moves smoothly with the
//! sliders and tests see the same figures every run.

use crate::calibration::Calibration;
use crate::cap::TOLERANCE;
use crate::data::Data;
use crate::evaluate::{Assumptions, CapId, Judged, Values};
use crate::scenario::Scenario;
use rand_core::{RngCore, SeedableRng};
use rand_pcg::Pcg64Mcg;
use serde::Serialize;
use std::sync::OnceLock;

/// The drawn assumptions, one per Monte Carlo draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Draws(pub Vec<Assumptions>);

/// Percentiles of one quantity over the draws, 亿m³.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Quantiles {
    /// 5th percentile.
    pub p5: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// One cap under uncertainty.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CapSpread {
    /// Which cap.
    pub id: CapId,
    /// Share of the draws in which the cap holds, 0–1 (held at the cap with
    /// demand undelivered counts as holding); `None` where the plan reports
    /// no verdict for the year.
    pub p_hold: Option<f64>,
    /// Percentiles of the cap's value.
    pub value: Quantiles,
    /// The cap's headroom at the central values, 亿m³: its margin were every
    /// demand delivered (negative when over a ceiling, short of a floor, or
    /// held with water undelivered): how much a draw may take before the
    /// verdict turns.
    pub headroom: f64,
}

/// Water not delivered under the held reading, over the draws.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Undelivered {
    /// Share of the draws in which all demand is delivered, 0–1.
    pub p_delivered: f64,
    /// Expected water not delivered, 亿m³ (mean over all draws).
    pub mean: f64,
    /// 95th percentile of the water not delivered, 亿m³.
    pub p95: f64,
}

/// What the Monte Carlo says about a scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Spread {
    /// Number of draws.
    pub draws: usize,
    /// The five caps, in [`CapId::ALL`] order.
    pub caps: Vec<CapSpread>,
    /// Irrigation water not delivered (all zero under the pumped reading).
    pub undelivered: Undelivered,
    /// Primary (agricultural) use.
    pub primary: Quantiles,
    /// Secondary (industrial) use.
    pub secondary: Quantiles,
    /// Tertiary use.
    pub tertiary: Quantiles,
}

impl Spread {
    /// One cap's spread.
    pub fn cap(&self, id: CapId) -> Option<&CapSpread> {
        self.caps.iter().find(|c| c.id == id)
    }
}

fn unit(rng: &mut Pcg64Mcg) -> f64 {
    // 53 random bits into [0, 1).
    (rng.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Inverse CDF of the triangular distribution on `[a, b]` with mode `c`.
pub fn triangular(u: f64, a: f64, c: f64, b: f64) -> f64 {
    if b <= a {
        return c;
    }
    let f = (c - a) / (b - a);
    if u < f {
        a + (u * (b - a) * (c - a)).sqrt()
    } else {
        b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
    }
}

impl Draws {
    /// Draws the uncertain inputs as the data's uncertainty set-up says.
    pub fn generate(data: &Data) -> Draws {
        let spec = &data.uncertainty;
        let derived = crate::derived::Derived::for_data(data);
        let central = derived.calibration;
        let (rf_lo, rf_hi) = (
            spec.return_factor.low.unwrap_or(1.0),
            spec.return_factor.high.unwrap_or(1.0),
        );
        let (ro_lo, ro_hi) = (
            spec.runoff.low.unwrap_or(1.0),
            spec.runoff.high.unwrap_or(1.0),
        );
        let mut rng = Pcg64Mcg::seed_from_u64(spec.seed);
        let draws = (0..spec.draws)
            .map(|_| {
                let crop_scale: Vec<f64> = data
                    .crops
                    .iter()
                    .map(|c| {
                        let q = triangular(unit(&mut rng), c.drip_low, c.drip, c.drip_high);
                        if c.drip > 0.0 {
                            q / c.drip
                        } else {
                            1.0
                        }
                    })
                    .collect();
                let (quota_factor, field) =
                    Calibration::quota_factor(data, derived.reference(2025.0), &crop_scale);
                let return_factor =
                    central.return_factor * triangular(unit(&mut rng), rf_lo, 1.0, rf_hi);
                let runoff_scale = triangular(unit(&mut rng), ro_lo, 1.0, ro_hi);
                Assumptions {
                    calibration: Calibration {
                        quota_factor,
                        plan_field_quota: field,
                        return_factor,
                    },
                    crop_scale,
                    runoff_scale,
                }
            })
            .collect();
        Draws(draws)
    }

    /// The draws of the embedded data, made once.
    pub fn get() -> &'static Draws {
        static DRAWS: OnceLock<Draws> = OnceLock::new();
        DRAWS.get_or_init(|| Draws::generate(Data::get()))
    }
}

fn quantiles(xs: &mut [f64]) -> Quantiles {
    // Selections, not a sort: each puts the value a sorted list would hold at
    // that index there. The median's splits the rest, so the 5th percentile
    // is sought below it and the 95th above it.
    let n = xs.len();
    if n == 0 {
        return Quantiles {
            p5: 0.0,
            p50: 0.0,
            p95: 0.0,
        };
    }
    let at = |p: f64| ((n - 1) as f64 * p).round() as usize;
    let (k5, k50, k95) = (at(0.05), at(0.5), at(0.95));
    let (below, &mut p50, above) = xs.select_nth_unstable_by(k50, f64::total_cmp);
    let p5 = if k5 < k50 {
        *below.select_nth_unstable_by(k5, f64::total_cmp).1
    } else {
        p50
    };
    let p95 = if k95 > k50 {
        *above
            .select_nth_unstable_by(k95 - k50 - 1, f64::total_cmp)
            .1
    } else {
        p50
    };
    Quantiles { p5, p50, p95 }
}

/// A cap's headroom at the central values: how far its value were every
/// demand delivered is from its figure (negative when over a ceiling, short
/// of a floor, or held with water undelivered).
fn headroom(o: &crate::Outcome, id: CapId) -> f64 {
    match (o.cap(id), o.value_if_delivered(id)) {
        (Some(c), Some(value)) => crate::CapResult { value, ..*c }.margin(),
        _ => 0.0,
    }
}

/// Runs the Monte Carlo for a scenario.
pub fn spread(s: &Scenario, data: &Data, draws: &Draws) -> Spread {
    let n = draws.0.len();
    let mut caps: Vec<Vec<f64>> = vec![Vec::with_capacity(n); CapId::ALL.len()];
    let mut holds = [0usize; CapId::ALL.len()];
    let mut reported = [true; CapId::ALL.len()];
    let mut sectors: [Vec<f64>; 3] = std::array::from_fn(|_| Vec::with_capacity(n));
    let mut undelivered = Vec::with_capacity(n);
    // The scenario's values are the same in every draw; only the assumptions
    // change (each draw judges the caps, without an outcome's indicators).
    let v = Values::of(s, data);
    let crops: Vec<_> = v.crop_terms(data).collect();
    for a in &draws.0 {
        let field = crate::calibration::field_quota_of(crops.iter().copied(), &a.crop_scale);
        let o = Judged::at(&v, data, a, field);
        for (k, c) in o.caps.iter().enumerate() {
            caps[k].push(c.value);
            match c.holds() {
                Some(true) => holds[k] += 1,
                Some(false) => {}
                None => reported[k] = false,
            }
        }
        let sec = o.sectors();
        sectors[0].push(sec.primary);
        sectors[1].push(sec.secondary);
        sectors[2].push(sec.tertiary);
        undelivered.push(o.undelivered());
    }
    let central = crate::evaluate::evaluate(s, data);
    let delivered = undelivered.iter().filter(|u| **u <= TOLERANCE).count();
    let mean = if n > 0 {
        undelivered.iter().sum::<f64>() / n as f64
    } else {
        0.0
    };
    let [p, sec, t] = &mut sectors;
    Spread {
        draws: n,
        caps: CapId::ALL
            .iter()
            .zip(caps.iter_mut().zip(holds.into_iter().zip(reported)))
            .map(|(&id, (xs, (h, rep)))| CapSpread {
                id,
                p_hold: (rep && n > 0).then(|| h as f64 / n as f64),
                value: quantiles(xs),
                headroom: headroom(&central, id),
            })
            .collect(),
        undelivered: Undelivered {
            p_delivered: if n > 0 {
                delivered as f64 / n as f64
            } else {
                1.0
            },
            mean,
            p95: quantiles(&mut undelivered).p95,
        },
        primary: quantiles(p),
        secondary: quantiles(sec),
        tertiary: quantiles(t),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_draw_is_the_model_under_its_drawn_assumptions() {
        // The Monte Carlo reads each draw's field quota from terms collected
        // once; it must be what a whole evaluation under the draw gives.
        let data = Data::get();
        let some = Draws(Draws::get().0[..201].to_vec());
        for id in [
            "plan-2025",
            "dry-95",
            "status-2020",
            "target-2030",
            "cotton-expansion",
        ] {
            let s = Scenario::preset(data, id).expect("preset");
            let sp = spread(&s, data, &some);
            for cap in CapId::ALL {
                let mut values: Vec<f64> = some
                    .0
                    .iter()
                    .filter_map(|a| {
                        crate::evaluate::evaluate_with(&s, data, a)
                            .cap(cap)
                            .map(|c| c.value)
                    })
                    .collect();
                let got = sp.cap(cap).map(|c| c.value);
                assert_eq!(got, Some(quantiles(&mut values)), "{id}, {cap:?}");
            }
        }
    }

    #[test]
    fn the_triangular_inverse_runs_from_low_through_mode_to_high() {
        // On [1, 5] with mode 2: F(2) = 1/4.
        let t = |u: f64| triangular(u, 1.0, 2.0, 5.0);
        assert_eq!(t(0.0), 1.0);
        assert_eq!(t(1.0), 5.0);
        assert!((t(0.25) - 2.0).abs() < 1e-12);
        // Left of the mode: F(x) = (x − 1)² / 4, so F⁻¹(0.1) = 1 + √0.4.
        assert!((t(0.1) - (1.0 + 0.4f64.sqrt())).abs() < 1e-12);
        // Right of it: 1 − F(x) = (5 − x)² / 12, so F⁻¹(0.5) = 5 − √6.
        assert!((t(0.5) - (5.0 - 6f64.sqrt())).abs() < 1e-12);
        // Either side of the mode, close to it.
        assert!((t(0.22) - (1.0 + 0.88f64.sqrt())).abs() < 1e-12);
        assert!((t(0.4) - (5.0 - 7.2f64.sqrt())).abs() < 1e-12);
        // A point mass where there is no width.
        assert_eq!(triangular(0.3, 2.0, 2.0, 2.0), 2.0);
    }

    #[test]
    fn the_quantiles_are_the_sorted_values_at_5_50_and_95_percent() {
        // 0..=100 shuffled: each percentile is its own value.
        let mut xs: Vec<f64> = (0..=100).map(|k| f64::from((k * 37) % 101)).collect();
        let q = quantiles(&mut xs);
        assert_eq!((q.p5, q.p50, q.p95), (5.0, 50.0, 95.0));
        assert_eq!(quantiles(&mut []).p50, 0.0);
        // Any length, with repeats: the values a full sort holds there.
        for n in [1usize, 2, 3, 4, 7, 20, 21, 101, 2000] {
            let mut xs: Vec<f64> = (0..n).map(|k| ((k * 7919) % 13) as f64 - 6.0).collect();
            let mut sorted = xs.clone();
            sorted.sort_by(f64::total_cmp);
            let at = |p: f64| sorted[((n - 1) as f64 * p).round() as usize];
            let q = quantiles(&mut xs);
            assert_eq!(
                (q.p5, q.p50, q.p95),
                (at(0.05), at(0.5), at(0.95)),
                "n = {n}"
            );
        }
    }

    #[test]
    fn no_draws_give_no_share_and_no_nan() {
        let data = Data::get();
        let sp = spread(&Scenario::default_for(data), data, &Draws(Vec::new()));
        assert_eq!(sp.draws, 0);
        assert!(sp.caps.iter().all(|c| c.p_hold.is_none()));
        assert_eq!(
            (sp.undelivered.p_delivered, sp.undelivered.mean),
            (1.0, 0.0)
        );
    }

    #[test]
    fn a_crop_without_a_drip_quota_keeps_its_scale() {
        let mut data = Data::get().clone();
        let c = &mut data.crops[0];
        (c.drip_low, c.drip, c.drip_high) = (0.0, 0.0, 0.0);
        let d = Draws::generate(&data);
        assert!(d.0.iter().all(|a| a.crop_scale[0] == 1.0));
        assert!(d.0.iter().any(|a| a.crop_scale[1] != 1.0));
    }
}
