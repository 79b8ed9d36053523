//! Where each source's water goes: the allocation's rule, sector by sector.
//! Non-conventional water serves the uses it may serve (industry, and ecology
//! in the tertiary sector) in proportion to their demand; fresh water serves
//! what is left of each sector, surface water and groundwater in the
//! proportion they are supplied. The flows add up to each source and to each
//! sector's use.

use super::{Allocation, Demand};
use crate::outcome::Flows;

/// The flows of an allocation; `primary` is irrigation's use after any water
/// not delivered.
pub(super) fn flows(d: &Demand, al: &Allocation, primary: f64) -> Flows {
    let r = al.nonconventional;
    let eligible = d.secondary + d.eco;
    let (r_sec, r_ter) = if eligible > 0.0 {
        (r * d.secondary / eligible, r * d.eco / eligible)
    } else {
        (0.0, 0.0)
    };
    let fresh = al.surface + al.groundwater;
    let surface_share = if fresh > 0.0 { al.surface / fresh } else { 0.0 };
    let need = [
        primary,
        (d.secondary - r_sec).max(0.0),
        (d.tertiary() - r_ter).max(0.0),
    ];
    Flows {
        surface: need.map(|n| n * surface_share),
        groundwater: need.map(|n| n * (1.0 - surface_share)),
        reclaimed: [0.0, r_sec, r_ter],
    }
}
