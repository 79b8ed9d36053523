//! Each quantity's spec: unit, decimals, target and the line under it.

use super::Quantity;
use crate::data::Data;
use crate::lever_id::LeverId;
use crate::outcome::Outcome;

/// The comparison an indicator is judged by.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Target {
    /// At most this.
    AtMost(f64),
    /// At least this.
    AtLeast(f64),
}

impl Target {
    /// Whether `v` meets the target, to half a unit of the last decimal shown.
    pub fn met(self, v: f64, decimals: usize) -> bool {
        let tol = 0.5 * 10f64.powi(-(decimals as i32));
        match self {
            Target::AtMost(t) => v <= t + tol,
            Target::AtLeast(t) => v >= t - tol,
        }
    }

    /// The target's value.
    pub fn value(self) -> f64 {
        match self {
            Target::AtMost(t) | Target::AtLeast(t) => t,
        }
    }
}

/// A number filled into a note, with how to show it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Arg {
    /// The placeholder's name in the note's text (`%{name}`).
    pub name: &'static str,
    /// The value.
    pub value: f64,
    /// Decimals shown.
    pub decimals: usize,
    /// Unit shown after it ("" for none).
    pub unit: &'static str,
}

/// The line under a quantity's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Note {
    /// "target ≤ / ≥ x" (nothing when there is no target).
    Target,
    /// "2020: x", the plan's status figure.
    Base2020(f64),
    /// The text `ind.<id>.note` with these numbers filled in ([`Quantity::arg`]).
    Text(&'static [&'static str]),
}

/// How a quantity is shown and judged.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    /// Unit ("" for none).
    pub unit: String,
    /// Decimals shown.
    pub decimals: usize,
    /// The target, if the plan sets one.
    pub target: Option<Target>,
    /// The line under the value.
    pub note: Note,
}

/// 亿m³, the unit of use, sources and caps.
const YI: &str = "亿m³";

impl Quantity {
    /// The quantity's spec. Targets and reference figures come from the plan's
    /// constants in `data`; the supported area's target is the scenario's
    /// irrigated area (from `o`).
    pub fn spec(self, data: &Data, o: &Outcome) -> Spec {
        let c = &data.plan.constants;
        let spec = |unit: &str, decimals, target, note| Spec {
            unit: unit.to_string(),
            decimals,
            target,
            note,
        };
        match self {
            Quantity::Total
            | Quantity::Primary
            | Quantity::Secondary
            | Quantity::Tertiary
            | Quantity::Surface
            | Quantity::Groundwater
            | Quantity::Other
            | Quantity::Limit(_)
            | Quantity::PrimaryDemand
            | Quantity::GroundwaterDemand
            | Quantity::Undelivered
            | Quantity::Overdraft
            | Quantity::SurfaceUnallocated => spec(YI, 2, None, Note::Target),
            Quantity::UndeliveredArea => spec("万亩", 1, None, Note::Target),
            Quantity::GrossQuota => spec(
                "m³/亩",
                1,
                Some(Target::AtMost(c.plan_gross_quota.value)),
                Note::Target,
            ),
            Quantity::NetQuota => spec("m³/亩", 1, None, Note::Target),
            Quantity::IrrigatedArea => spec("万亩", 1, None, Note::Target),
            Quantity::Lever(LeverId::Eta) => {
                spec("", 3, Some(Target::AtLeast(c.plan_eta.value)), Note::Target)
            }
            Quantity::Lever(LeverId::Reuse) => spec(
                "%",
                1,
                Some(Target::AtLeast(c.reuse_target.value)),
                Note::Target,
            ),
            Quantity::Lever(LeverId::Leakage) => spec(
                "%",
                2,
                Some(Target::AtMost(c.leakage_cap.value)),
                Note::Target,
            ),
            Quantity::WaterPerGdp => spec(
                "m³/万元",
                1,
                None,
                Note::Base2020(c.water_per_gdp_2020.value),
            ),
            Quantity::SupportedArea => spec(
                "万亩",
                1,
                Some(Target::AtLeast(o.indicators.irrigated_area)),
                Note::Text(&["irrigated"]),
            ),
            Quantity::Saving => spec(YI, 3, None, Note::Text(&[])),
            Quantity::Reduction => spec(YI, 2, None, Note::Text(&["total_2020"])),
            Quantity::StructureSaving => spec(YI, 3, None, Note::Text(&[])),
            Quantity::Lever(LeverId::IndustryIntensity) => spec(
                "m³/万元",
                1,
                None,
                Note::Base2020(c.industry_intensity_2020.value),
            ),
            Quantity::IndustryReuse => {
                spec("%", 1, None, Note::Text(&["intensity_2020", "reuse_2020"]))
            }
            Quantity::ReclaimedPerDay => {
                spec("万m³/d", 2, None, Note::Base2020(c.reclaimed_2020.value))
            }
            // Any other lever as its row in the lever table shows it.
            Quantity::Lever(id) => {
                let l = &data.levers[id.index()];
                spec(
                    &l.unit,
                    l.step_decimals().max(0) as usize,
                    None,
                    Note::Target,
                )
            }
        }
    }

    /// The numbers a note's text names, by placeholder.
    pub fn arg(name: &'static str, data: &Data, o: &Outcome) -> Option<Arg> {
        let c = &data.plan.constants;
        let (value, decimals, unit) = match name {
            "irrigated" => (o.indicators.irrigated_area, 1, "万亩"),
            "total_2020" => (c.total_2020.value, 2, "亿m³"),
            "intensity_2020" => (c.industry_intensity_2020.value, 2, "m³/万元"),
            "reuse_2020" => (c.industry_reuse_base.value, 0, "%"),
            _ => return None,
        };
        Some(Arg {
            name,
            value,
            decimals,
            unit,
        })
    }
}
