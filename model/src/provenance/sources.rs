//! Formulas of use by source, the caps' figures and reclaimed water.

use super::formulas::{Formula, Parts};
use super::terms::{return_source, YI};
use crate::data::Text;
use crate::lever_id::LeverId;
use crate::quantity::Quantity;

/// Use by source, the caps' figures and reclaimed water.
pub(super) fn formulas(p: &Parts, q: Quantity) -> Option<Formula> {
    let Parts {
        cx,
        o,
        d,
        caps,
        data,
        ..
    } = *p;
    Some(match q {
        Quantity::Other => (
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
        ),
        Quantity::Surface => (
            "Sf = min(cap_s, Q × φ(p), W − O)",
            vec![
                cx.constant("cap_s", "surface", &caps.surface, YI),
                cx.lever("Q", LeverId::Surface),
                cx.computed(
                    "φ(p)",
                    "runoff_factor",
                    d.runoff_factor,
                    "",
                    data.plan.runoff_source.clone(),
                ),
                cx.lever("p", LeverId::Runoff),
                cx.derived("W", Quantity::Total, o.total, YI),
                cx.derived("O", Quantity::Other, o.sources.other, YI),
            ],
        ),
        Quantity::Groundwater => (
            "G = W − O − Sf",
            vec![
                cx.derived("W", Quantity::Total, o.total, YI),
                cx.derived("O", Quantity::Other, o.sources.other, YI),
                cx.derived("Sf", Quantity::Surface, o.sources.surface, YI),
            ],
        ),
        Quantity::Limit(id) => ("cap", vec![cx.constant("cap", id.as_str(), caps.get(id), YI)]),
        Quantity::ReclaimedPerDay => (
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
        ),
        _ => return None,
    })
}
