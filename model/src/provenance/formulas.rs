//! The formulas of use and its sectors, one function a quantity;
//! [`super::explain`] routes each quantity to its own. The types they share.

use super::terms::{field_quota_source, quota_factor_source, Ctx, YI};
use super::Term;
use crate::data::{Constants, Data, YearCaps};
use crate::lever_id::LeverId;
use crate::outcome::{Detail, Indicators, Outcome};
use crate::quantity::Quantity;

/// A formula's text and inputs (its value and unit are the quantity table's).
pub(super) type Formula = (&'static str, Vec<Term>);

/// Everything a formula reads.
#[derive(Clone, Copy)]
pub(super) struct Parts<'a> {
    pub cx: &'a Ctx<'a>,
    pub o: &'a Outcome,
    pub c: &'a Constants,
    pub d: &'a Detail,
    pub ind: &'a Indicators,
    pub caps: &'a YearCaps,
    pub data: &'a Data,
}

/// The formula of [`Quantity::Total`].
pub(super) fn total(p: &Parts) -> Formula {
    let Parts { cx, o, .. } = *p;
    (
        "W = P + S + T",
        vec![
            cx.derived("P", Quantity::Primary, o.sectors.primary, YI),
            cx.derived("S", Quantity::Secondary, o.sectors.secondary, YI),
            cx.derived("T", Quantity::Tertiary, o.sectors.tertiary, YI),
        ],
    )
}

/// The formula of [`Quantity::Primary`].
pub(super) fn primary(p: &Parts) -> Formula {
    let Parts { cx, d, ind, .. } = *p;
    (
        "P = A × q ÷ 10⁴ − U",
        vec![
            cx.derived("A", Quantity::IrrigatedArea, ind.irrigated_area, "万亩"),
            cx.derived("q", Quantity::GrossQuota, ind.gross_quota, "m³/亩"),
            cx.derived("U", Quantity::Undelivered, d.undelivered, YI),
        ],
    )
}

/// The formula of [`Quantity::GrossQuota`].
pub(super) fn gross_quota(p: &Parts) -> Formula {
    let Parts { cx, ind, .. } = *p;
    (
        "q = q_net ÷ η",
        vec![
            cx.derived("q_net", Quantity::NetQuota, ind.net_quota, "m³/亩"),
            cx.lever("η", LeverId::Eta),
        ],
    )
}

/// The formula of [`Quantity::NetQuota`].
pub(super) fn net_quota(p: &Parts) -> Formula {
    let Parts { cx, c, d, .. } = *p;
    (
        "q_net = k × q_field",
        vec![
            cx.computed(
                "k",
                "quota_factor",
                d.calibration.quota_factor,
                "",
                quota_factor_source(c),
            ),
            cx.computed(
                "q_field",
                "field_quota",
                d.field_quota,
                "m³/亩",
                field_quota_source(),
            ),
            cx.lever("d", LeverId::Drip),
        ],
    )
}

/// The formula of [`Quantity::IrrigatedArea`].
pub(super) fn irrigated_area(p: &Parts) -> Formula {
    let Parts { cx, data, .. } = *p;
    (
        "A = Σaᵢ",
        data.levers
            .iter()
            .filter(|l| l.crop)
            .map(|l| cx.lever("aᵢ", l.id))
            .collect(),
    )
}

/// The formula of [`Quantity::Secondary`].
pub(super) fn secondary(p: &Parts) -> Formula {
    let Parts { cx, c, .. } = *p;
    (
        "S = VA₀ × (1 + g)^(y − y₀) × I ÷ 10⁴",
        vec![
            cx.constant("VA₀", "industry_va_base", &c.industry_va_base, "亿元"),
            cx.lever("g", LeverId::IndustryGrowth),
            cx.lever("y", LeverId::Year),
            cx.constant("y₀", "base_year", &c.base_year, ""),
            cx.lever("I", LeverId::IndustryIntensity),
        ],
    )
}

/// The formula of [`Quantity::Tertiary`].
pub(super) fn tertiary(p: &Parts) -> Formula {
    let Parts { cx, .. } = *p;
    (
        "T = (Nᵤ × Lᵤ × 365 ÷ (1 − λ) + Nᵣ × Lᵣ × 365) ÷ 10⁷ + E",
        vec![
            cx.lever("Nᵤ", LeverId::UrbanPop),
            cx.lever("Lᵤ", LeverId::UrbanLpd),
            cx.lever("λ", LeverId::Leakage),
            cx.lever("Nᵣ", LeverId::RuralPop),
            cx.lever("Lᵣ", LeverId::RuralLpd),
            cx.lever("E", LeverId::Eco),
        ],
    )
}
