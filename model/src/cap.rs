//! The five caps of a year: their ids, whether each is a ceiling or a floor, and
//! the verdict the model gives a scenario against each.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The five caps.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CapId {
    /// Total water use.
    Total,
    /// Groundwater.
    Groundwater,
    /// Conventional surface water.
    Surface,
    /// Other sources (reclaimed and other non-conventional water).
    Other,
    /// Agricultural water.
    Agriculture,
}

impl CapId {
    /// All caps, in display order.
    pub const ALL: [CapId; 5] = [
        CapId::Total,
        CapId::Groundwater,
        CapId::Surface,
        CapId::Other,
        CapId::Agriculture,
    ];

    /// The id used in tests, URLs and translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            CapId::Total => "total",
            CapId::Groundwater => "groundwater",
            CapId::Surface => "surface",
            CapId::Other => "other",
            CapId::Agriculture => "agriculture",
        }
    }

    /// Whether the plan's figure is an upper limit or a floor it counts on.
    ///
    /// Other sources are a floor: the plan wants non-conventional water taken
    /// into the allocation first and used as much as possible (§13.1–13.2), so
    /// more of it is never a breach; less means the target is not reached.
    pub fn kind(self) -> CapKind {
        match self {
            CapId::Other => CapKind::Floor,
            _ => CapKind::Ceiling,
        }
    }
}

impl fmt::Display for CapId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A string that names no cap.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown cap '{0}' (known: total, groundwater, surface, other, agriculture)")]
pub struct UnknownCap(pub String);

impl FromStr for CapId {
    type Err = UnknownCap;
    fn from_str(s: &str) -> Result<CapId, UnknownCap> {
        CapId::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| UnknownCap(s.to_string()))
    }
}

/// Whether a cap limits use from above or is a target to reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CapKind {
    /// Use must stay at or below the figure.
    Ceiling,
    /// The figure is what the plan counts on; more is welcome.
    Floor,
}

/// The verdict on one cap.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CapState {
    /// Within the ceiling, or the floor reached.
    Ok,
    /// Above a ceiling.
    Over,
    /// Below a floor: the target is not reached (not a breach of a limit).
    Short,
    /// The plan reports no verdict for this cap in this year (2020's status).
    NotReported,
}

impl CapState {
    /// The id used in `data-state` and translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            CapState::Ok => "ok",
            CapState::Over => "over",
            CapState::Short => "short",
            CapState::NotReported => "not_reported",
        }
    }
}

/// Tolerance of a verdict, 亿m³ (well below the plan's two decimals).
pub const TOLERANCE: f64 = 1e-9;

/// One cap against the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CapResult {
    /// Which cap.
    pub id: CapId,
    /// Ceiling or floor.
    pub kind: CapKind,
    /// The plan's figure, 亿m³.
    pub limit: f64,
    /// The scenario's value, 亿m³.
    pub value: f64,
    /// The verdict.
    pub state: CapState,
    /// No cap broken: anything but [`CapState::Over`]. A floor that is short
    /// is a target not reached, shown as such, but breaks no cap (the water
    /// it would have given shows up on groundwater instead).
    pub ok: bool,
}

impl CapResult {
    /// Judges `value` against `limit` for cap `id`; `reported` is false where
    /// the plan gives no verdict for the year.
    pub fn judge(id: CapId, limit: f64, value: f64, reported: bool) -> CapResult {
        let kind = id.kind();
        let state = if !reported {
            CapState::NotReported
        } else {
            match kind {
                CapKind::Ceiling if value > limit + TOLERANCE => CapState::Over,
                CapKind::Floor if value < limit - TOLERANCE => CapState::Short,
                _ => CapState::Ok,
            }
        };
        CapResult {
            id,
            kind,
            limit,
            value,
            state,
            ok: state != CapState::Over,
        }
    }

    /// Within the ceiling or the floor reached (or not reported): what the
    /// uncertainty analysis counts as "holds".
    pub fn met(&self) -> bool {
        matches!(self.state, CapState::Ok | CapState::NotReported)
    }

    /// How far the value is on the good side of the figure (negative when over
    /// a ceiling or short of a floor).
    pub fn margin(&self) -> f64 {
        match self.kind {
            CapKind::Ceiling => self.limit - self.value,
            CapKind::Floor => self.value - self.limit,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_unknown_ones_are_named() {
        for c in CapId::ALL {
            assert_eq!(c.to_string().parse::<CapId>(), Ok(c));
        }
        let e = "ground".parse::<CapId>().expect_err("not a cap");
        assert!(e.to_string().contains("'ground'"));
    }

    #[test]
    fn a_floor_is_never_over_and_a_ceiling_never_short() {
        let over = CapResult::judge(CapId::Other, 0.53, 5.0, true);
        assert_eq!((over.state, over.ok), (CapState::Ok, true));
        assert!(over.margin() > 0.0);
        let short = CapResult::judge(CapId::Other, 0.53, 0.2, true);
        assert_eq!(
            (short.state, short.ok, short.met()),
            (CapState::Short, true, false)
        );
        assert!(short.margin() < 0.0);
        let under = CapResult::judge(CapId::Groundwater, 7.64, 0.0, true);
        assert_eq!(under.state, CapState::Ok);
        let over = CapResult::judge(CapId::Groundwater, 7.64, 7.65, true);
        assert_eq!((over.state, over.ok), (CapState::Over, false));
    }

    #[test]
    fn an_unreported_cap_is_neither_flagged_nor_passed_as_measured() {
        let r = CapResult::judge(CapId::Groundwater, 9.09, 12.0, false);
        assert_eq!(r.state, CapState::NotReported);
        assert!(r.ok);
    }
}
