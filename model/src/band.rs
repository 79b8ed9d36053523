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
/// Halvings of a grid cell for the solver: 2⁻⁴⁸ of the cell, so a solved
/// value meets its cap to the last digits.
const HALVINGS: usize = 48;
/// Halvings of a grid cell for a band's edge: 2⁻²⁴ of the cell (under 10⁻⁹
/// of the lever's range; the finest slider step is 0.006 of a cell), far
/// below anything a slider or its number box can set. The bands run on every
/// settled change, 26 of them, so each halving counts.
const BAND_HALVINGS: usize = 24;

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

fn feasible(data: &Data, s: Scenario) -> bool {
    let central = Assumptions::central_for(data);
    Judged::of(&Values::owned(s, data), data, &central)
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
fn edge(mut a: f64, mut b: f64, halvings: usize, inside: impl Fn(f64) -> bool) -> f64 {
    for _ in 0..halvings {
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
    let ok = |v: f64| feasible(data, with(data, s, i, v, shift));
    if let Some(options) = &l.options {
        let good: Vec<f64> = options.iter().copied().filter(|&v| ok(v)).collect();
        let min = good.iter().copied().reduce(f64::min)?;
        let max = good.iter().copied().reduce(f64::max)?;
        return Some(Band { min, max });
    }
    let (lo, hi) = reachable(data, s, i, shift);
    let points: Vec<(f64, bool)> = grid(lo, hi).map(|v| (v, ok(v))).collect();
    let current = s.values.get(i).copied().unwrap_or(lo);
    let (a, b) = nearest_run(&points, current)?;
    let min = if a == 0 {
        points[0].0
    } else {
        -edge(-points[a].0, -points[a - 1].0, BAND_HALVINGS, |v| ok(-v))
    };
    let max = if b + 1 == points.len() {
        points[b].0
    } else {
        edge(points[b].0, points[b + 1].0, BAND_HALVINGS, ok)
    };
    Some(Band { min, max })
}

/// The run of consecutive feasible grid points (`(value, feasible)`, in
/// increasing value) that holds `current`, or else the one nearest to it, as
/// the indices of its first and last point; `None` when no point is feasible.
fn nearest_run(points: &[(f64, bool)], current: f64) -> Option<(usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for (k, (_, good)) in points.iter().enumerate() {
        if *good {
            match runs.last_mut() {
                Some((_, end)) if *end + 1 == k => *end = k,
                _ => runs.push((k, k)),
            }
        }
    }
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
    runs.into_iter()
        .min_by(|p, q| distance(p).total_cmp(&distance(q)))
}

/// The value nearest to `current` (the first of equals), if any.
fn nearest(values: impl Iterator<Item = f64>, current: f64) -> Option<f64> {
    values.fold(None, |best: Option<f64>, r| match best {
        Some(x) if (x - current).abs() <= (r - current).abs() => Some(x),
        _ => Some(r),
    })
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
    let roots = points.windows(2).filter_map(|w| {
        let ((a, ga), (b, gb)) = (w[0], w[1]);
        if ga == 0.0 {
            Some(a)
        } else if gb == 0.0 {
            Some(b)
        } else if (ga < 0.0) != (gb < 0.0) {
            // Keep `a` on the side of ga's sign: 2⁻⁴⁸ of the cell from the root.
            let neg = ga < 0.0;
            Some(edge(a, b, HALVINGS, |v| (gap(v) < 0.0) == neg))
        } else {
            None
        }
    });
    nearest(roots, current).ok_or_else(|| {
        let (closest, g) = points
            .iter()
            .copied()
            .filter(|(_, g)| g.is_finite())
            .min_by(|p, q| p.1.abs().total_cmp(&q.1.abs()))
            .unwrap_or((current, f64::NAN));
        SolveError::Unreachable { closest, gap: g }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(feasible: &str) -> Vec<(f64, bool)> {
        feasible
            .chars()
            .enumerate()
            .map(|(k, c)| (k as f64, c == '#'))
            .collect()
    }

    #[test]
    fn the_run_that_holds_the_current_value_is_chosen() {
        let p = points("##..###..##");
        assert_eq!(nearest_run(&p, 0.0), Some((0, 1)));
        assert_eq!(nearest_run(&p, 5.0), Some((4, 6)));
        assert_eq!(nearest_run(&p, 6.0), Some((4, 6)));
        assert_eq!(nearest_run(&p, 10.0), Some((9, 10)));
    }

    #[test]
    fn else_the_nearest_run_on_either_side() {
        let p = points("##...###....##");
        // Between runs: the nearer edge wins, below or above.
        assert_eq!(nearest_run(&p, 2.2), Some((0, 1)));
        assert_eq!(nearest_run(&p, 4.4), Some((5, 7)));
        assert_eq!(nearest_run(&p, 8.9), Some((5, 7)));
        assert_eq!(nearest_run(&p, 11.6), Some((12, 13)));
        // Outside the grid.
        assert_eq!(nearest_run(&p, -3.0), Some((0, 1)));
        assert_eq!(nearest_run(&p, 40.0), Some((12, 13)));
        // Distances are differences, not ratios: 13 is 3 above the first run
        // and 2 below the second.
        let p = points("###########....##");
        assert_eq!(nearest_run(&p, 13.0), Some((15, 16)));
    }

    #[test]
    fn no_feasible_point_is_no_run_and_one_point_is_a_run() {
        assert_eq!(nearest_run(&points("....."), 2.0), None);
        assert_eq!(nearest_run(&points("..#.."), 0.0), Some((2, 2)));
        assert_eq!(nearest_run(&points("#.#.#"), 2.0), Some((2, 2)));
    }

    #[test]
    fn the_root_nearest_the_current_value_is_taken() {
        let roots = [2.0, 9.0, 5.5, 4.5];
        assert_eq!(nearest(roots.into_iter(), 8.0), Some(9.0));
        assert_eq!(nearest(roots.into_iter(), 3.0), Some(2.0));
        assert_eq!(nearest(roots.into_iter(), -1.0), Some(2.0));
        // Of two as near, the first found.
        assert_eq!(nearest(roots.into_iter(), 5.0), Some(5.5));
        assert_eq!(nearest([4.0, 6.0].into_iter(), 5.0), Some(4.0));
        assert_eq!(nearest(std::iter::empty(), 5.0), None);
    }

    #[test]
    fn the_grid_runs_from_the_lowest_to_the_highest_value_in_even_steps() {
        let g: Vec<f64> = grid(10.0, 42.0).collect();
        assert_eq!(g.len(), GRID);
        assert_eq!(g[0], 10.0);
        assert_eq!(g[GRID - 1], 42.0);
        for w in g.windows(2) {
            assert!((w[1] - w[0] - 1.0).abs() < 1e-12, "{w:?}");
        }
        // The last point is the highest value itself, where the arithmetic
        // would miss it by a rounding (0.127 + 2.707 × 32 / 32 = 2.8339999…).
        assert_eq!(grid(0.127, 2.834).last(), Some(2.834));
    }
}
