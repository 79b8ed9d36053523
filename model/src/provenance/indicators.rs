//! Formulas of the indicators and of the levers themselves.

use super::formulas::{Formula, Parts};
use super::terms::YI;
use crate::data::Text;
use crate::lever_id::LeverId;
use crate::quantity::Quantity;

/// The formula of [`Quantity::WaterPerGdp`].
pub(super) fn water_per_gdp(p: &Parts) -> Formula {
    let Parts { cx, o, c, .. } = *p;
    (
        "w = W × 10⁴ ÷ (GDP₀ × (1 + g)^(y − y₀))",
        vec![
            cx.derived("W", Quantity::Total, o.total, YI),
            cx.constant("W₀", "total_2020", &c.total_2020, YI),
            cx.constant("w₀", "water_per_gdp_2020", &c.water_per_gdp_2020, "m³/万元"),
            cx.computed(
                "GDP₀",
                "gdp_2020",
                c.total_2020.value * 1e8 / c.water_per_gdp_2020.value / 1e4,
                "亿元",
                gdp_2020_source(),
            ),
            cx.lever("g", LeverId::GdpGrowth),
            cx.lever("y", LeverId::Year),
            cx.constant("y₀", "base_year", &c.base_year, ""),
        ],
    )
}

/// The formula of [`Quantity::SupportedArea`].
pub(super) fn supported_area(p: &Parts) -> Formula {
    let Parts { cx, ind, caps, .. } = *p;
    (
        "A_s = cap_agri × 10⁴ ÷ q",
        vec![
            cx.constant("cap_agri", "agriculture", &caps.agriculture, YI),
            cx.derived("q", Quantity::GrossQuota, ind.gross_quota, "m³/亩"),
        ],
    )
}

/// The formula of [`Quantity::Saving`].
pub(super) fn saving(p: &Parts) -> Formula {
    let Parts { cx, c, ind, .. } = *p;
    (
        "ΔW = A × q_net ÷ 10⁴ × (1 ÷ η₂₀₂₀ − 1 ÷ η)",
        vec![
            cx.derived("A", Quantity::IrrigatedArea, ind.irrigated_area, "万亩"),
            cx.derived("q_net", Quantity::NetQuota, ind.net_quota, "m³/亩"),
            cx.constant("η₂₀₂₀", "eta_2020", &c.eta_2020, ""),
            cx.lever("η", LeverId::Eta),
        ],
    )
}

/// The formula of [`Quantity::Reduction`].
pub(super) fn reduction(p: &Parts) -> Formula {
    let Parts { cx, o, c, .. } = *p;
    (
        "ΔW = W₂₀₂₀ − W",
        vec![
            cx.constant("W₂₀₂₀", "total_2020", &c.total_2020, YI),
            cx.derived("W", Quantity::Total, o.total, YI),
        ],
    )
}

/// The formula of [`Quantity::StructureSaving`].
pub(super) fn structure_saving(p: &Parts) -> Formula {
    let Parts { cx, d, ind, .. } = *p;
    (
        "ΔW = A × k × (q_field,plan − q_field) ÷ η ÷ 10⁴",
        vec![
            cx.derived("A", Quantity::IrrigatedArea, ind.irrigated_area, "万亩"),
            cx.computed(
                "k",
                "quota_factor",
                d.calibration.quota_factor,
                "",
                Text::new("见综合净灌溉定额", "see the net comprehensive quota"),
            ),
            cx.computed(
                "q_field,plan",
                "reference_field_quota",
                plan_mix_field_quota(p),
                "m³/亩",
                Text::new(
                    "本年份规划情景的作物结构（示意值，L级）在本情景高效节水比例下的加权田间定额",
                    "the field quota of the year's plan crop mix (illustrative, grade L) at this scenario's drip share",
                ),
            ),
            cx.computed(
                "q_field",
                "field_quota",
                d.field_quota,
                "m³/亩",
                Text::new("本情景作物结构的加权田间定额", "the field quota of this scenario's crop mix"),
            ),
            cx.lever("η", LeverId::Eta),
        ],
    )
}

/// The formula of [`Quantity::IndustryReuse`].
pub(super) fn industry_reuse(p: &Parts) -> Formula {
    let Parts { cx, c, .. } = *p;
    (
        "r = 1 − I × (1 − r₀) ÷ I₀",
        vec![
            cx.lever("I", LeverId::IndustryIntensity),
            cx.constant("r₀", "industry_reuse_base", &c.industry_reuse_base, "%"),
            cx.constant(
                "I₀",
                "industry_intensity_2020",
                &c.industry_intensity_2020,
                "m³/万元",
            ),
        ],
    )
}

/// The formula of [`Quantity::Lever`].
pub(super) fn lever(p: &Parts, id: LeverId) -> Formula {
    let Parts { cx, .. } = *p;
    ("x", vec![cx.lever("x", id)])
}

/// Where 2020's GDP comes from.
fn gdp_2020_source() -> Text {
    Text::new(
        "W₀ ÷ w₀（可比价）；见数据说明“GDP口径”",
        "W₀ ÷ w₀ (comparable prices); see the data note on the GDP basis",
    )
}

/// The field quota of the year's plan crop mix at the scenario's drip share,
/// computed here from the data (not back from the saving it explains).
fn plan_mix_field_quota(p: &Parts) -> f64 {
    let data = p.data;
    // The drip share as the model reads it (clamped into its range).
    let share = crate::evaluate::Values::of(p.cx.s, data).get(LeverId::Drip) / 100.0;
    let derived = crate::derived::Derived::for_data(data);
    let plan = derived.reference(f64::from(p.o.year));
    crate::calibration::field_quota_scaled(data, plan, share, &[])
}
