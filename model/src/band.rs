//! One lever at a time, the others held: the feasible band (the values that keep
//! every cap of the year) and solve-for-target (the value that meets one cap
//! exactly).
//!
//! Both scan the lever's reachable range on a grid, then bisect: the caps are
//! piecewise smooth but not all monotone in every lever (more reuse lowers
//! groundwater but raises "other sources"), so a closed form would not cover
//! every lever, while 33 grid points and 48 halvings cost about 130
//! evaluations a lever.

use crate::data::Data;
use crate::evaluate::{evaluate, Assumptions, CapId, Judged, Values};
use crate::scenario::LeverRef;
use crate::scenario::Scenario;
use serde::Serialize;

/// Grid points over a lever's range.
const GRID: usize = 33;
/// Halvings of a grid cell: 2⁻⁴⁸ of the cell, far below any slider step.
const HALVINGS: usize = 48;

/// The interval of a lever's values that keeps every cap, the others held.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Band {
    /// Lowest feasible value.
    pub min: f64,
    /// Highest feasible value.
    pub max: f64,
}

/// Why solve-for-target found no value.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub enum SolveError {
    /// The lever takes a few listed values only (runoff year, scenario year).
    Discrete,
    /// No value in the lever's reachable range meets the cap exactly; `closest`
    /// is the value that comes nearest and `gap` what remains (value − cap).
    Unreachable {
        /// The value nearest to the cap.
        closest: f64,
        /// Cap value minus limit at `closest`, 亿m³.
        gap: f64,
    },
    /// Unknown lever.
    UnknownLever,
}

/// Sets lever `i` as the page would: crops in "shift" mode move area between
/// crops, everything else is set directly. Returns the value actually set.
pub fn set_lever(data: &Data, s: &mut Scenario, i: usize, value: f64, shift: bool) -> f64 {
    let Some(l) = data.levers.get(i) else {
        return value;
    };
    let r = if shift && l.crop {
        s.shift_crop(data, l.id, value)
    } else {
        s.set(data, l.id, value)
    };
    r.unwrap_or(value)
}

/// The values lever `i` can reach from `s` (narrower than its range for a crop
/// in shift mode, where the other crops must absorb the change).
pub fn reachable(data: &Data, s: &Scenario, i: usize, shift: bool) -> (f64, f64) {
    let Some(l) = data.levers.get(i) else {
        return (0.0, 0.0);
    };
    if !(shift && l.crop) {
        return (l.min, l.max);
    }
    let lo = set_lever(data, &mut s.clone(), i, l.min, true);
    let hi = set_lever(data, &mut s.clone(), i, l.max, true);
    (lo, hi)
}

fn with(data: &Data, s: &Scenario, i: usize, v: f64, shift: bool) -> Scenario {
    let mut t = s.clone();
    set_lever(data, &mut t, i, v, shift);
    t
}

fn feasible(data: &Data, s: &Scenario) -> bool {
    let central = Assumptions::central_for(data);
    Judged::of(&Values::of(s, data), data, &central)
        .caps
        .iter()
        .all(|c| c.ok)
}

fn grid(lo: f64, hi: f64) -> impl Iterator<Item = f64> {
    (0..GRID).map(move |k| {
        if k + 1 == GRID {
            hi
        } else {
            lo + (hi - lo) * k as f64 / (GRID - 1) as f64
        }
    })
}

/// Bisects between `a` (where `inside` holds) and `b` (where it does not) and
/// returns the last point where it holds.
fn edge(mut a: f64, mut b: f64, inside: impl Fn(f64) -> bool) -> f64 {
    for _ in 0..HALVINGS {
        let m = 0.5 * (a + b);
        if inside(m) {
            a = m;
        } else {
            b = m;
        }
    }
    a
}

/// The feasible band of lever `i`, or `None` when no value keeps every cap.
///
/// Where the feasible values form more than one run, the band is the run that
/// holds the current value, or else the run nearest to it.
pub fn band(data: &Data, s: &Scenario, i: usize, shift: bool) -> Option<Band> {
    let l = data.levers.get(i)?;
    let ok = |v: f64| feasible(data, &with(data, s, i, v, shift));
    if let Some(options) = &l.options {
        let good: Vec<f64> = options.iter().copied().filter(|&v| ok(v)).collect();
        let min = good.iter().copied().reduce(f64::min)?;
        let max = good.iter().copied().reduce(f64::max)?;
        return Some(Band { min, max });
    }
    let (lo, hi) = reachable(data, s, i, shift);
    let points: Vec<(f64, bool)> = grid(lo, hi).map(|v| (v, ok(v))).collect();
    // Runs of consecutive feasible grid points, as index ranges.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (k, (_, good)) in points.iter().enumerate() {
        if *good {
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == k => *end = k,
                _ => runs.push((k, k)),
            }
        }
    }
    let current = s.values.get(i).copied().unwrap_or(lo);
    let distance = |&(a, b): &(usize, usize)| {
        let (x, y) = (points[a].0, points[b].0);
        if current < x {
            x - current
        } else if current > y {
            current - y
        } else {
            0.0
        }
    };
    let (a, b) = runs
        .iter()
        .min_by(|p, q| distance(p).total_cmp(&distance(q)))
        .copied()?;
    let min = if a == 0 {
        points[0].0
    } else {
        -edge(-points[a].0, -points[a - 1].0, |v| ok(-v))
    };
    let max = if b + 1 == points.len() {
        points[b].0
    } else {
        edge(points[b].0, points[b + 1].0, ok)
    };
    Some(Band { min, max })
}

/// The feasible bands of every lever, in table order.
pub fn bands(data: &Data, s: &Scenario, shift: bool) -> Vec<Option<Band>> {
    (0..data.levers.len())
        .map(|i| band(data, s, i, shift))
        .collect()
}

/// The value of lever `id` at which cap `cap` is met exactly, the other levers
/// held, with every demand delivered ([`crate::Outcome::value_if_delivered`]:
/// under the held reading, groundwater at its cap with nothing left
/// undelivered). Where several values do, the one nearest the current value.
pub fn solve(
    data: &Data,
    s: &Scenario,
    cap: CapId,
    id: impl LeverRef,
    shift: bool,
) -> Result<f64, SolveError> {
    let i = id.lever_id().map_err(|_| SolveError::UnknownLever)?.index();
    if data.levers[i].options.is_some() {
        return Err(SolveError::Discrete);
    }
    let gap = |v: f64| {
        let o = evaluate(&with(data, s, i, v, shift), data);
        match (o.cap(cap), o.value_if_delivered(cap)) {
            (Some(c), Some(x)) => x - c.limit,
            _ => f64::NAN,
        }
    };
    let (lo, hi) = reachable(data, s, i, shift);
    let points: Vec<(f64, f64)> = grid(lo, hi).map(|v| (v, gap(v))).collect();
    let current = s.values.get(i).copied().unwrap_or(lo);
    let mut best: Option<f64> = None;
    for w in points.windows(2) {
        let ((a, ga), (b, gb)) = (w[0], w[1]);
        let root = if ga == 0.0 {
            Some(a)
        } else if gb == 0.0 {
            Some(b)
        } else if (ga < 0.0) != (gb < 0.0) {
            // Keep `a` on the side of ga's sign.
            let neg = ga < 0.0;
            let x = edge(a, b, |v| (gap(v) < 0.0) == neg);
            // Take whichever end of the final interval is closer to the cap.
            let y = x + (b - a) / (1u64 << HALVINGS) as f64;
            Some(if gap(x).abs() <= gap(y).abs() { x } else { y })
        } else {
            None
        };
        if let Some(r) = root {
            if best.is_none_or(|x| (r - current).abs() < (x - current).abs()) {
                best = Some(r);
            }
        }
    }
    best.ok_or_else(|| {
        let (closest, g) = points
            .iter()
            .copied()
            .filter(|(_, g)| g.is_finite())
            .min_by(|p, q| p.1.abs().total_cmp(&q.1.abs()))
            .unwrap_or((current, f64::NAN));
        SolveError::Unreachable { closest, gap: g }
    })
}
