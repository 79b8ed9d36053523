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
    /// Groundwater held at its cap with demand left undelivered (a dry year
    /// under the plan's 双控): a problem, not a breach of the cap.
    Unmet,
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
            CapState::Unmet => "unmet",
            CapState::NotReported => "not_reported",
        }
    }
}

/// Tolerance of a verdict, 亿m³: 5 万m³ a year, a twentieth of the plan's
/// last decimal (its figures have two). Below it a difference is the plan's
/// own rounding: its 2030 surface figure closes the total exactly (22.99 −
/// 6.07 − 0.53 = 16.39), so a scenario with every source at its figure and
/// other sources rounded up to 0.5304 is at the total, not over it.
pub const TOLERANCE: f64 = 5e-4;

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
    /// Nothing to flag on this cap: neither [`CapState::Over`] (a cap broken)
    /// nor [`CapState::Unmet`] (held at the cap with demand not delivered). A
    /// floor that is short is a target not reached, shown as such, but breaks
    /// no cap (the water it would have given shows up on groundwater instead).
    pub ok: bool,
}

impl CapResult {
    /// Judges `value` against `limit` for cap `id`; `reported` is false where
    /// the plan gives no verdict for the year, and `undelivered` (亿m³) is the
    /// demand left undelivered because this cap held: above the tolerance the
    /// state is [`CapState::Unmet`] unless the cap is broken or not reported.
    pub fn judge(id: CapId, limit: f64, value: f64, reported: bool, undelivered: f64) -> CapResult {
        let kind = id.kind();
        let state = if !reported {
            CapState::NotReported
        } else {
            match kind {
                CapKind::Ceiling if value > limit + TOLERANCE => CapState::Over,
                CapKind::Floor if value < limit - TOLERANCE => CapState::Short,
                _ if undelivered > TOLERANCE => CapState::Unmet,
                _ => CapState::Ok,
            }
        };
        CapResult {
            id,
            kind,
            limit,
            value,
            state,
            ok: !matches!(state, CapState::Over | CapState::Unmet),
        }
    }

    /// Whether the cap holds: within the ceiling (also when held there with
    /// demand undelivered) or the floor reached; `None` where the plan reports
    /// no verdict, which is never counted as held.
    pub fn holds(&self) -> Option<bool> {
        match self.state {
            CapState::Ok | CapState::Unmet => Some(true),
            CapState::Over | CapState::Short => Some(false),
            CapState::NotReported => None,
        }
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
        let over = CapResult::judge(CapId::Other, 0.53, 5.0, true, 0.0);
        assert_eq!((over.state, over.ok), (CapState::Ok, true));
        assert!(over.margin() > 0.0);
        let short = CapResult::judge(CapId::Other, 0.53, 0.2, true, 0.0);
        assert_eq!(
            (short.state, short.ok, short.holds()),
            (CapState::Short, true, Some(false))
        );
        assert!(short.margin() < 0.0);
        let under = CapResult::judge(CapId::Groundwater, 7.64, 0.0, true, 0.0);
        assert_eq!(under.state, CapState::Ok);
        let over = CapResult::judge(CapId::Groundwater, 7.64, 7.65, true, 0.0);
        assert_eq!((over.state, over.ok), (CapState::Over, false));
    }

    #[test]
    fn an_unreported_cap_is_neither_flagged_nor_passed_as_measured() {
        let r = CapResult::judge(CapId::Groundwater, 9.09, 12.0, false, 0.0);
        assert_eq!((r.state, r.holds()), (CapState::NotReported, None));
        assert!(r.ok);
    }

    #[test]
    fn held_at_the_cap_with_water_undelivered_is_unmet_not_ok_and_not_over() {
        let r = CapResult::judge(CapId::Groundwater, 7.64, 7.64, true, 2.65);
        assert_eq!(
            (r.state, r.ok, r.holds()),
            (CapState::Unmet, false, Some(true))
        );
        assert_eq!(r.margin(), 0.0);
        let none = CapResult::judge(CapId::Groundwater, 7.64, 7.64, true, 0.0);
        assert_eq!((none.state, none.ok), (CapState::Ok, true));
        // Over stays over; a cap the plan does not report stays unreported.
        let over = CapResult::judge(CapId::Groundwater, 7.64, 7.7, true, 1.0);
        assert_eq!(over.state, CapState::Over);
        let nr = CapResult::judge(CapId::Groundwater, 9.09, 9.09, false, 1.0);
        assert_eq!(nr.state, CapState::NotReported);
    }

    #[test]
    fn a_floor_exactly_at_its_target_is_reached_and_margins_are_signed() {
        let at = CapResult::judge(CapId::Other, 0.53, 0.53, true, 0.0);
        assert_eq!((at.state, at.margin()), (CapState::Ok, 0.0));
        let ceil = CapResult::judge(CapId::Total, 24.26, 24.0, true, 0.0);
        assert!((ceil.margin() - 0.26).abs() < 1e-12);
        let floor = CapResult::judge(CapId::Other, 0.53, 0.6, true, 0.0);
        assert!((floor.margin() - 0.07).abs() < 1e-12);
    }

    #[test]
    fn the_tolerance_is_the_edge_of_each_verdict() {
        let judge = |id, limit, value, undelivered| {
            CapResult::judge(id, limit, value, true, undelivered).state
        };
        // A ceiling: at the limit plus the tolerance still within, beyond it over.
        assert_eq!(
            judge(CapId::Total, 24.26, 24.26 + TOLERANCE, 0.0),
            CapState::Ok
        );
        assert_eq!(
            judge(CapId::Total, 24.26, 24.26 + 2.0 * TOLERANCE, 0.0),
            CapState::Over
        );
        // A floor: at its target less the tolerance still reached, below it short.
        assert_eq!(
            judge(CapId::Other, 0.53, 0.53 - TOLERANCE, 0.0),
            CapState::Ok
        );
        assert_eq!(
            judge(CapId::Other, 0.53, 0.53 - 2.0 * TOLERANCE, 0.0),
            CapState::Short
        );
        // Water undelivered up to the tolerance is the plan's rounding, not unmet.
        assert_eq!(
            judge(CapId::Groundwater, 7.64, 7.64, TOLERANCE),
            CapState::Ok
        );
        assert_eq!(
            judge(CapId::Groundwater, 7.64, 7.64, 2.0 * TOLERANCE),
            CapState::Unmet
        );
    }

    #[test]
    fn each_state_has_the_id_the_page_and_its_tests_read() {
        let ids = [
            (CapState::Ok, "ok"),
            (CapState::Over, "over"),
            (CapState::Short, "short"),
            (CapState::Unmet, "unmet"),
            (CapState::NotReported, "not_reported"),
        ];
        for (state, id) in ids {
            assert_eq!(state.as_str(), id);
        }
    }
}
