//! Formulas of use by source, the caps' figures and reclaimed water.

use super::formulas::{Formula, Parts};
use super::terms::{return_source, YI};
use super::Term;
use crate::cap::CapId;
use crate::data::Text;
use crate::lever_id::LeverId;
use crate::quantity::Quantity;

/// The formula of [`Quantity::Other`].
pub(super) fn other(p: &Parts) -> Formula {
    let Parts { cx, o, d, data, .. } = *p;
    (
        "O = min(U × f × c × u + N, S + E)",
        vec![
            cx.computed(
                "U",
                "urban_use",
                d.urban_use,
                YI,
                Text::new(
                    "城镇人口 × 人均日用水量（含公共）× 365（调节项）；工业废水不进城镇管网（规划§13.4），工业自身回用已计入其取水量",
                    "urban population × litres a day (incl. public use) × 365 (levers); industrial wastewater stays out of town sewers (plan §13.4) and industry's own reuse is inside its intake",
                ),
            ),
            cx.derived("S", Quantity::Secondary, o.sectors.secondary, YI),
            cx.computed(
                "f",
                "return_factor",
                d.calibration.return_factor,
                "",
                return_source(data),
            ),
            cx.lever("c", LeverId::Collection),
            cx.lever("u", LeverId::Reuse),
            cx.lever("N", LeverId::OtherNonconv),
            cx.lever("E", LeverId::Eco),
        ],
    )
}

/// The formula of [`Quantity::Surface`].
pub(super) fn surface(p: &Parts) -> Formula {
    let Parts { cx, o, caps, .. } = *p;
    (
        "Sf = min(cap_s, Q × φ(p), W − O)",
        [cx.constant("cap_s", "surface", &caps.surface, YI)]
            .into_iter()
            .chain(available(p))
            .chain([
                cx.derived("W", Quantity::Total, o.total, YI),
                cx.derived("O", Quantity::Other, o.sources.other, YI),
            ])
            .collect(),
    )
}

/// The surface water the runoff year makes available, `Q × φ(p)`: its terms.
pub(super) fn available(p: &Parts) -> [Term; 3] {
    let Parts { cx, d, data, .. } = *p;
    [
        cx.lever("Q", LeverId::Surface),
        cx.computed(
            "φ(p)",
            "runoff_factor",
            d.runoff_factor,
            "",
            data.plan.runoff_source.clone(),
        ),
        cx.lever("p", LeverId::Runoff),
    ]
}

/// The formula of [`Quantity::Groundwater`].
pub(super) fn groundwater(p: &Parts) -> Formula {
    let Parts { cx, o, .. } = *p;
    (
        "G = W − O − Sf",
        vec![
            cx.derived("W", Quantity::Total, o.total, YI),
            cx.derived("O", Quantity::Other, o.sources.other, YI),
            cx.derived("Sf", Quantity::Surface, o.sources.surface, YI),
        ],
    )
}

/// The formula of [`Quantity::Limit`].
pub(super) fn limit(p: &Parts, id: CapId) -> Formula {
    let Parts { cx, caps, .. } = *p;
    (
        "cap",
        vec![cx.constant("cap", id.as_str(), caps.get(id), YI)],
    )
}

/// The formula of [`Quantity::ReclaimedPerDay`].
pub(super) fn reclaimed_per_day(p: &Parts) -> Formula {
    let Parts { cx, o, d, .. } = *p;
    (
        "R = M × O ÷ (M + N) × 10⁴ ÷ 365",
        vec![
            cx.computed(
                "M",
                "municipal_reclaimed",
                d.municipal_reclaimed,
                YI,
                Text::new(
                    "U × f × c × u：见其他水源的公式",
                    "U × f × c × u: see the formula of other sources",
                ),
            ),
            cx.derived("O", Quantity::Other, o.sources.other, YI),
            cx.lever("N", LeverId::OtherNonconv),
        ],
    )
}
