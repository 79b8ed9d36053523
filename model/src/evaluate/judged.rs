//! Steps 1 to 3 together, and the one rule of what is delivered: what the
//! feasible bands and the Monte Carlo read, and the start of an outcome.

use super::{allocate, demand_at, Allocation, Assumptions, Demand, Values};
use crate::cap::{CapId, CapResult};
use crate::data::{Data, YearCaps};
use crate::lever_id::LeverId;
use crate::outcome::Sectors;

/// Steps 1 to 3 for one scenario's values under one set of assumptions: what
/// the feasible bands and the Monte Carlo read, without the indicators and
/// flows an [`Outcome`] adds (each draw of the Monte Carlo is one of these).
pub(crate) struct Judged {
    pub(super) d: Demand,
    pub(super) al: Allocation,
    /// Each cap's verdict, in [`CapId::ALL`] order (an array: the Monte
    /// Carlo makes 2,000 of these an analysis).
    pub(crate) caps: [CapResult; CapId::ALL.len()],
}

impl Judged {
    /// Demand, allocation and verdicts of `v` under `a`.
    pub(crate) fn of(v: &Values, data: &Data, a: &Assumptions) -> Judged {
        Judged::at(v, data, a, v.field_quota(data, a))
    }

    /// [`Judged::of`] with the crop mix's field quota under `a` already
    /// known (the Monte Carlo's draws: [`Values::crop_terms`]).
    pub(crate) fn at(v: &Values, data: &Data, a: &Assumptions, field: f64) -> Judged {
        let caps_y = data.caps(v.get(LeverId::Year));
        let d = demand_at(v, a, field);
        let al = allocate(&d, v, a, caps_y);
        let caps = judge(caps_y, &d, &al);
        Judged { d, al, caps }
    }

    /// Each sector's use of water delivered.
    pub(crate) fn sectors(&self) -> Sectors {
        delivered(&self.d, &self.al)
    }

    /// Water the held wells could not give, 亿m³.
    pub(crate) fn undelivered(&self) -> f64 {
        self.al.undelivered
    }
}

/// Each sector's use of water delivered: water the held wells could not give
/// comes off agriculture (the one place the model says so).
pub(crate) fn delivered(d: &Demand, al: &Allocation) -> Sectors {
    Sectors {
        primary: d.primary - al.undelivered,
        secondary: d.fixed.secondary,
        tertiary: d.tertiary(),
    }
}

/// Total use of water delivered.
pub(crate) fn delivered_total(d: &Demand, al: &Allocation) -> f64 {
    d.total() - al.undelivered
}

/// Step 3: the verdict on each cap of the year.
pub(super) fn judge(caps: &YearCaps, d: &Demand, al: &Allocation) -> [CapResult; CapId::ALL.len()] {
    let total = delivered_total(d, al);
    let primary = delivered(d, al).primary;
    CapId::ALL.map(|id| {
        let (value, undelivered) = match id {
            CapId::Total => (total, 0.0),
            CapId::Groundwater => (al.groundwater, al.undelivered),
            CapId::Surface => (al.surface, 0.0),
            CapId::Other => (al.other, 0.0),
            CapId::Agriculture => (primary, 0.0),
        };
        CapResult::judge(
            id,
            caps.get(id).value,
            value,
            caps.reported(id),
            undelivered,
        )
    })
}
