//! Formulas of the details the page shows beside the caps: irrigation's and
//! groundwater's demand, the water not delivered and its area, the overdraft,
//! the surface water left unused.

use super::formulas::{Formula, Parts};
use super::terms::{undelivered_source, YI};
use crate::cap::CapId;
use crate::data::Text;
use crate::lever_id::LeverId;
use crate::quantity::Quantity;

/// The formula of [`Quantity::PrimaryDemand`].
pub(super) fn primary_demand(p: &Parts) -> Formula {
    let Parts { cx, ind, .. } = *p;
    (
        "P_d = A × q ÷ 10⁴",
        vec![
            cx.derived("A", Quantity::IrrigatedArea, ind.irrigated_area, "万亩"),
            cx.derived("q", Quantity::GrossQuota, ind.gross_quota, "m³/亩"),
        ],
    )
}

/// The formula of [`Quantity::GroundwaterDemand`].
pub(super) fn groundwater_demand(p: &Parts) -> Formula {
    let Parts { cx, o, d, .. } = *p;
    (
        "G_d = max(P_d + S + T − O, 0) − Sf",
        vec![
            cx.derived("P_d", Quantity::PrimaryDemand, d.primary_demand, YI),
            cx.derived("S", Quantity::Secondary, o.sectors.secondary, YI),
            cx.derived("T", Quantity::Tertiary, o.sectors.tertiary, YI),
            cx.derived("O", Quantity::Other, o.sources.other, YI),
            cx.derived("Sf", Quantity::Surface, o.sources.surface, YI),
        ],
    )
}

/// The formula of [`Quantity::Undelivered`].
pub(super) fn undelivered(p: &Parts) -> Formula {
    let Parts { cx, d, caps, .. } = *p;
    let held = !d.shortfall_pumped && caps.reported(CapId::Groundwater);
    (
        "U = h × min(max(G_d − cap_g, 0), P_d)",
        vec![
            cx.computed("h", "held", f64::from(u8::from(held)), "", held_source()),
            // The reading that decides h: held at the cap, or pumped.
            cx.lever("s", LeverId::Shortfall),
            cx.derived("G_d", Quantity::GroundwaterDemand, d.groundwater_demand, YI),
            cx.constant("cap_g", "groundwater", &caps.groundwater, YI),
            cx.derived("P_d", Quantity::PrimaryDemand, d.primary_demand, YI),
        ],
    )
}

/// Where the held/pumped reading comes from.
fn held_source() -> Text {
    let u = undelivered_source();
    Text::new(
        format!("1：地下水按指标封顶（读法s为“按指标封顶”，且规划报告该年份的地下水指标）；否则0。{}", u.zh),
        format!("1 when groundwater is held at its cap (reading s 'held at the cap', and the plan reports the year's groundwater index); else 0. {}", u.en),
    )
}

/// The formula of [`Quantity::UndeliveredArea`].
pub(super) fn undelivered_area(p: &Parts) -> Formula {
    let Parts { cx, d, ind, .. } = *p;
    (
        "A_u = U × 10⁴ ÷ q",
        vec![
            cx.derived("U", Quantity::Undelivered, d.undelivered, YI),
            cx.derived("q", Quantity::GrossQuota, ind.gross_quota, "m³/亩"),
        ],
    )
}

/// The formula of [`Quantity::Overdraft`].
pub(super) fn overdraft(p: &Parts) -> Formula {
    let Parts { cx, o, caps, .. } = *p;
    (
        "X = max(G − cap_g, 0)",
        vec![
            cx.derived("G", Quantity::Groundwater, o.sources.groundwater, YI),
            cx.constant("cap_g", "groundwater", &caps.groundwater, YI),
        ],
    )
}

/// The formula of [`Quantity::SurfaceUnallocated`].
pub(super) fn surface_unallocated(p: &Parts) -> Formula {
    let Parts { cx, o, .. } = *p;
    (
        "R = max(Q × φ(p) − Sf, 0)",
        super::sources::available(p)
            .into_iter()
            .chain([cx.derived("Sf", Quantity::Surface, o.sources.surface, YI)])
            .collect(),
    )
}
