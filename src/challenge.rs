//! The 2030 challenge as logic: its levers, when it is met, and an honest hint
//! from the model's solver (which one lever, moved how far, would mend the
//! first broken cap alone, or which comes closest).

use changji_model::band::{solve, SolveError};
use changji_model::evaluate::CapId;
use changji_model::{Data, LeverId, Outcome, Scenario};

/// The challenge's levers, in the order shown.
pub const LEVERS: [LeverId; 4] = [
    LeverId::Eta,
    LeverId::Cotton,
    LeverId::Reuse,
    LeverId::Surface,
];

/// Whether the challenge is met: every cap `ok` — none broken and no demand
/// left undelivered (groundwater within its cap with all irrigation delivered).
pub fn met(o: &Outcome) -> bool {
    o.caps.iter().all(|c| c.ok)
}

/// The cap to mend first: groundwater if it is over or held with water
/// undelivered, else any cap that is over.
pub fn broken(o: &Outcome) -> Option<CapId> {
    if o.cap(CapId::Groundwater).is_some_and(|c| !c.ok) {
        Some(CapId::Groundwater)
    } else {
        o.caps.iter().find(|c| !c.ok).map(|c| c.id)
    }
}

/// A hint.
#[derive(Clone, Debug, PartialEq)]
pub enum Hint {
    /// Nothing is broken.
    None,
    /// `lever` at `value` (now `now`) mends `cap` alone; of those that can, it
    /// moves least (as a share of its range).
    Alone {
        /// The lever.
        lever: LeverId,
        /// The value that mends the cap.
        value: f64,
        /// Its value now.
        now: f64,
        /// The cap.
        cap: CapId,
    },
    /// No lever mends `cap` alone; `lever` leaves the smallest `gap` (亿m³).
    Closest {
        /// The lever.
        lever: LeverId,
        /// What stays over at its best.
        gap: f64,
        /// The cap.
        cap: CapId,
    },
}

/// The hint for scenario `s` with outcome `o`. Crop areas move alone (the
/// irrigated area changes with them).
pub fn hint(d: &Data, s: &Scenario, o: &Outcome) -> Hint {
    let Some(cap) = broken(o) else {
        return Hint::None;
    };
    let mut alone: Option<(f64, Hint)> = None;
    let mut closest: Option<Hint> = None;
    for lever in LEVERS {
        let def = d.def(lever);
        let now = s.value(lever);
        match solve(d, s, cap, lever, false) {
            Ok(value) => {
                let moved = (value - now).abs() / (def.max - def.min).max(f64::EPSILON);
                if alone.as_ref().is_none_or(|(m, _)| moved < *m) {
                    alone = Some((
                        moved,
                        Hint::Alone {
                            lever,
                            value,
                            now,
                            cap,
                        },
                    ));
                }
            }
            Err(SolveError::Unreachable { gap, .. }) if gap.is_finite() => {
                let better = match &closest {
                    Some(Hint::Closest { gap: g, .. }) => gap < *g,
                    _ => true,
                };
                if better {
                    closest = Some(Hint::Closest { lever, gap, cap });
                }
            }
            Err(_) => {}
        }
    }
    alone.map(|(_, h)| h).or(closest).unwrap_or(Hint::None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::challenge_start;
    use changji_model::evaluate;
    use changji_model::evaluate::CapState;

    #[test]
    fn the_challenge_starts_open_and_the_hint_leads_somewhere() {
        let d = Data::get();
        let mut s = challenge_start(d);
        let o = evaluate(&s, d);
        assert!(
            !met(&o),
            "the start leaves irrigation water undelivered in 2030"
        );
        assert_eq!(broken(&o), Some(CapId::Groundwater));
        assert_eq!(
            o.cap(CapId::Groundwater).map(|c| c.state),
            Some(CapState::Unmet)
        );
        // Following the hints one at a time meets the challenge in a few steps.
        for _ in 0..6 {
            let o = evaluate(&s, d);
            if met(&o) {
                break;
            }
            match hint(d, &s, &o) {
                Hint::Alone { lever, value, .. } => {
                    s.set(d, lever, value).expect("in range");
                }
                Hint::Closest { lever, .. } => {
                    let def = d.def(lever);
                    let best = if lever == LeverId::Cotton {
                        def.min
                    } else {
                        def.max
                    };
                    s.set(d, lever, best).expect("in range");
                }
                Hint::None => break,
            }
        }
        let end = evaluate(&s, d);
        assert!(met(&end), "{:?}", end.caps);
        assert_eq!(end.detail.undelivered, 0.0);
    }

    #[test]
    fn the_2030_target_meets_the_challenge() {
        let d = Data::get();
        let s = Scenario::preset(d, "target-2030").expect("preset");
        let o = evaluate(&s, d);
        assert!(met(&o));
        assert_eq!(hint(d, &s, &o), Hint::None);
    }
}
