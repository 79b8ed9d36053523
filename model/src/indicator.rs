//! The indicator table: every indicator the page shows, with its unit,
//! decimals, target, the quantity it reads and what explains it. The strip,
//! the CSV, provenance and the print brief read this table.

use crate::data::Data;
use crate::lever_id::LeverId;
use crate::outcome::Outcome;
use crate::provenance::Quantity;
use std::fmt;
use std::str::FromStr;

/// An indicator; its string form is the CLI's field name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IndicatorId {
    /// Gross comprehensive irrigation quota.
    GrossQuota,
    /// Irrigation efficiency η.
    Eta,
    /// Reclaimed-water reuse rate.
    Reuse,
    /// Urban network leakage.
    Leakage,
    /// Water per 万元 GDP.
    WaterPerGdp,
    /// Area the agricultural cap supports.
    SupportedArea,
    /// Saving by the plan's formula.
    SavingVs2020,
    /// Reduction from 2020's total.
    ReductionVs2020,
    /// Saving from the crop mix.
    StructureSaving,
    /// Water per 万元 industrial value added.
    WaterPerIndustryVa,
    /// Industrial reuse rate implied by it.
    IndustryReuse,
    /// Municipal reclaimed water used.
    ReclaimedM3PerDay,
}

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

/// A number filled into an indicator's note, with how to show it.
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

/// The line under an indicator's value.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Note {
    /// "target ≤ / ≥ x".
    Target,
    /// "2020: x", the plan's status figure.
    Base2020(f64),
    /// The text `ind.<id>.note` with these numbers filled in.
    Text(&'static [&'static str]),
}

/// One row of the indicator table.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct IndicatorDef {
    /// Which indicator.
    pub id: IndicatorId,
    /// Unit.
    pub unit: &'static str,
    /// Decimals shown.
    pub decimals: usize,
    /// The target, if the plan sets one.
    pub target: Option<Target>,
    /// The line under the value.
    pub note: Note,
    /// The quantity that explains it (provenance).
    pub quantity: Quantity,
}

impl IndicatorId {
    /// Every indicator, in the strip's order.
    pub const ALL: [IndicatorId; 12] = [
        IndicatorId::GrossQuota,
        IndicatorId::Eta,
        IndicatorId::Reuse,
        IndicatorId::Leakage,
        IndicatorId::WaterPerGdp,
        IndicatorId::SupportedArea,
        IndicatorId::SavingVs2020,
        IndicatorId::ReductionVs2020,
        IndicatorId::StructureSaving,
        IndicatorId::WaterPerIndustryVa,
        IndicatorId::IndustryReuse,
        IndicatorId::ReclaimedM3PerDay,
    ];

    /// The id: the CLI's field name, the CSV id, the page's `ind-<id>` test
    /// hook and the translation key `ind.<id>`.
    pub fn as_str(self) -> &'static str {
        match self {
            IndicatorId::GrossQuota => "gross_quota",
            IndicatorId::Eta => "eta",
            IndicatorId::Reuse => "reuse",
            IndicatorId::Leakage => "leakage",
            IndicatorId::WaterPerGdp => "water_per_gdp",
            IndicatorId::SupportedArea => "supported_area",
            IndicatorId::SavingVs2020 => "saving_vs_2020",
            IndicatorId::ReductionVs2020 => "reduction_vs_2020",
            IndicatorId::StructureSaving => "structure_saving",
            IndicatorId::WaterPerIndustryVa => "water_per_industry_va",
            IndicatorId::IndustryReuse => "industry_reuse",
            IndicatorId::ReclaimedM3PerDay => "reclaimed_m3_per_day",
        }
    }

    /// The indicator's value in an outcome.
    pub fn value(self, o: &Outcome) -> f64 {
        let i = &o.indicators;
        match self {
            IndicatorId::GrossQuota => i.gross_quota,
            IndicatorId::Eta => i.eta,
            IndicatorId::Reuse => i.reuse,
            IndicatorId::Leakage => i.leakage,
            IndicatorId::WaterPerGdp => i.water_per_gdp,
            IndicatorId::SupportedArea => i.supported_area,
            IndicatorId::SavingVs2020 => i.saving_vs_2020,
            IndicatorId::ReductionVs2020 => i.reduction_vs_2020,
            IndicatorId::StructureSaving => i.structure_saving,
            IndicatorId::WaterPerIndustryVa => i.water_per_industry_va,
            IndicatorId::IndustryReuse => i.industry_reuse,
            IndicatorId::ReclaimedM3PerDay => i.reclaimed_m3_per_day,
        }
    }

    /// The indicator's row: the table. Targets and reference figures come
    /// from the plan's constants in `data`; the supported area's target is
    /// the scenario's irrigated area.
    pub fn def(self, data: &Data, o: &Outcome) -> IndicatorDef {
        let c = &data.plan.constants;
        let row = |unit, decimals, target, note, quantity| IndicatorDef {
            id: self,
            unit,
            decimals,
            target,
            note,
            quantity,
        };
        match self {
            IndicatorId::GrossQuota => row(
                "m³/亩",
                1,
                Some(Target::AtMost(c.plan_gross_quota.value)),
                Note::Target,
                Quantity::GrossQuota,
            ),
            IndicatorId::Eta => row(
                "",
                3,
                Some(Target::AtLeast(c.plan_eta.value)),
                Note::Target,
                Quantity::Lever(LeverId::Eta),
            ),
            IndicatorId::Reuse => row(
                "%",
                1,
                Some(Target::AtLeast(c.reuse_target.value)),
                Note::Target,
                Quantity::Lever(LeverId::Reuse),
            ),
            IndicatorId::Leakage => row(
                "%",
                2,
                Some(Target::AtMost(c.leakage_cap.value)),
                Note::Target,
                Quantity::Lever(LeverId::Leakage),
            ),
            IndicatorId::WaterPerGdp => row(
                "m³/万元",
                1,
                None,
                Note::Base2020(c.water_per_gdp_2020.value),
                Quantity::WaterPerGdp,
            ),
            IndicatorId::SupportedArea => row(
                "万亩",
                1,
                Some(Target::AtLeast(o.indicators.irrigated_area)),
                Note::Text(&["irrigated"]),
                Quantity::SupportedArea,
            ),
            IndicatorId::SavingVs2020 => row("亿m³", 3, None, Note::Text(&[]), Quantity::Saving),
            IndicatorId::ReductionVs2020 => row(
                "亿m³",
                2,
                None,
                Note::Text(&["total_2020"]),
                Quantity::Reduction,
            ),
            IndicatorId::StructureSaving => {
                row("亿m³", 3, None, Note::Text(&[]), Quantity::StructureSaving)
            }
            IndicatorId::WaterPerIndustryVa => row(
                "m³/万元",
                1,
                None,
                Note::Base2020(c.industry_intensity_2020.value),
                Quantity::Lever(LeverId::IndustryIntensity),
            ),
            IndicatorId::IndustryReuse => row(
                "%",
                1,
                None,
                Note::Text(&["intensity_2020", "reuse_2020"]),
                Quantity::IndustryReuse,
            ),
            IndicatorId::ReclaimedM3PerDay => row(
                "万m³/d",
                2,
                None,
                Note::Base2020(c.reclaimed_2020.value),
                Quantity::ReclaimedPerDay,
            ),
        }
    }

    /// The numbers a note's text names, by placeholder.
    pub fn arg(self, name: &'static str, data: &Data, o: &Outcome) -> Option<Arg> {
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

impl fmt::Display for IndicatorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for IndicatorId {
    type Err = ();
    fn from_str(s: &str) -> Result<IndicatorId, ()> {
        IndicatorId::ALL
            .into_iter()
            .find(|i| i.as_str() == s)
            .ok_or(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{evaluate, Scenario};

    #[test]
    fn the_table_reads_the_outcome_and_the_plan_meets_its_targets() {
        let data = Data::get();
        let s = Scenario::preset(data, "plan-2025").expect("preset");
        let o = evaluate(&s, data);
        let json = serde_json::to_value(o.indicators).expect("indicators serialise");
        for id in IndicatorId::ALL {
            let d = id.def(data, &o);
            assert_eq!(id.as_str().parse::<IndicatorId>(), Ok(id));
            // The id is the CLI's field, and the value is that field's.
            assert_eq!(json[id.as_str()].as_f64(), Some(id.value(&o)), "{id}");
            if let Some(t) = d.target {
                assert!(t.met(id.value(&o), d.decimals), "{id} at the plan");
            }
            if let Note::Text(names) = d.note {
                for n in names {
                    assert!(id.arg(n, data, &o).is_some(), "{id}: {n}");
                }
            }
        }
    }
}
