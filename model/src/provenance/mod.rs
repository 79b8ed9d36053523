//! Provenance: for any number the page shows, its formula, its inputs with their
//! values, and where each input comes from (a plan section, a data source, the
//! user's setting, or another computed number that can be explained in turn).

mod formulas;
mod indicators;
mod sources;
mod terms;

use crate::data::{Data, Grade, Text};
use crate::evaluate::{CapId, Outcome};
use crate::lever_id::LeverId;
use crate::scenario::Scenario;
use formulas::Parts;
use serde::Serialize;
use terms::Ctx;

/// A number the page can explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Quantity {
    /// Total water use.
    Total,
    /// Primary (agricultural) use.
    Primary,
    /// Secondary (industrial) use.
    Secondary,
    /// Tertiary use.
    Tertiary,
    /// Conventional surface water used.
    Surface,
    /// Groundwater used.
    Groundwater,
    /// Other sources (reclaimed and non-conventional) used.
    Reclaimed,
    /// A cap's limit.
    Limit(CapId),
    /// Gross comprehensive irrigation quota.
    GrossQuota,
    /// Net comprehensive quota.
    NetQuota,
    /// Irrigated area.
    IrrigatedArea,
    /// Water per 万元 GDP.
    WaterPerGdp,
    /// Area the agricultural cap supports at the gross quota.
    SupportedArea,
    /// Saving by the plan's formula (十(二)1).
    Saving,
    /// Reduction from 2020's total use.
    Reduction,
    /// Saving from the crop mix against the year's plan mix.
    StructureSaving,
    /// Industrial reuse rate implied by the intake per 万元.
    IndustryReuse,
    /// Municipal reclaimed water used, 万m³/d.
    ReclaimedPerDay,
    /// A lever's value.
    Lever(LeverId),
}

impl Quantity {
    /// The id used in `data-prov` attributes: `total`, `limit-groundwater`, `lever-eta`, …
    pub fn key(self) -> String {
        match self {
            Quantity::Total => "total".into(),
            Quantity::Primary => "primary".into(),
            Quantity::Secondary => "secondary".into(),
            Quantity::Tertiary => "tertiary".into(),
            Quantity::Surface => "surface".into(),
            Quantity::Groundwater => "groundwater".into(),
            Quantity::Reclaimed => "reclaimed".into(),
            Quantity::Limit(c) => format!("limit-{}", c.as_str()),
            Quantity::GrossQuota => "gross_quota".into(),
            Quantity::NetQuota => "net_quota".into(),
            Quantity::IrrigatedArea => "irrigated_area".into(),
            Quantity::WaterPerGdp => "water_per_gdp".into(),
            Quantity::SupportedArea => "supported_area".into(),
            Quantity::Saving => "saving_vs_2020".into(),
            Quantity::Reduction => "reduction_vs_2020".into(),
            Quantity::StructureSaving => "structure_saving".into(),
            Quantity::IndustryReuse => "industry_reuse".into(),
            Quantity::ReclaimedPerDay => "reclaimed_m3_per_day".into(),
            Quantity::Lever(id) => format!("lever-{id}"),
        }
    }

    /// Reads a key written by [`Quantity::key`]; the cap values are the sources
    /// and uses they measure (`cap-total` is the total, and so on).
    pub fn parse(key: &str) -> Option<Quantity> {
        let cap = |s: &str| s.parse::<CapId>().ok();
        Some(match key {
            "total" | "cap-total" => Quantity::Total,
            "primary" | "cap-agriculture" => Quantity::Primary,
            "secondary" => Quantity::Secondary,
            "tertiary" => Quantity::Tertiary,
            "surface" | "cap-surface" => Quantity::Surface,
            "groundwater" | "cap-groundwater" => Quantity::Groundwater,
            "reclaimed" | "cap-other" => Quantity::Reclaimed,
            "gross_quota" => Quantity::GrossQuota,
            "net_quota" => Quantity::NetQuota,
            "irrigated_area" => Quantity::IrrigatedArea,
            "water_per_gdp" => Quantity::WaterPerGdp,
            "supported_area" => Quantity::SupportedArea,
            "saving_vs_2020" => Quantity::Saving,
            "reduction_vs_2020" => Quantity::Reduction,
            "structure_saving" => Quantity::StructureSaving,
            "industry_reuse" => Quantity::IndustryReuse,
            "reclaimed_m3_per_day" => Quantity::ReclaimedPerDay,
            _ => {
                if let Some(c) = key.strip_prefix("limit-") {
                    Quantity::Limit(cap(c)?)
                } else if let Some(id) = key.strip_prefix("lever-") {
                    Quantity::Lever(id.parse().ok()?)
                } else {
                    return None;
                }
            }
        })
    }
}

/// What kind of input a term is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum TermKind {
    /// A lever of the scenario.
    Lever,
    /// A figure of the plan or the data.
    Constant,
    /// A calibration factor derived from the data.
    Calibration,
    /// Another computed number (see `link`).
    Derived,
}

/// One input of a formula.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Term {
    /// The symbol used in the formula.
    pub symbol: &'static str,
    /// Lever id (for [`TermKind::Lever`]) or term id (translation `prov.term.<id>`).
    pub id: String,
    /// Kind of input.
    pub kind: TermKind,
    /// Its value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
    /// Where it comes from (for a lever: the preset value's source).
    pub source: Text,
    /// Confidence, where the data grades it.
    pub grade: Option<Grade>,
    /// For a lever: whether the user moved it away from the preset.
    pub changed: bool,
    /// For a derived term: the key of the quantity that explains it.
    pub link: Option<String>,
}

/// The explanation of one number.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    /// The quantity's key.
    pub key: String,
    /// Its value.
    pub value: f64,
    /// Its unit.
    pub unit: String,
    /// The formula, in the symbols of `terms`.
    pub formula: &'static str,
    /// The inputs.
    pub terms: Vec<Term>,
}

/// Explains one number of the outcome `o` of scenario `s` (a formula group
/// that lacks the quantity gives NaN and no formula, which the tests catch).
pub fn explain(data: &Data, s: &Scenario, o: &Outcome, q: Quantity) -> Explanation {
    let base = Scenario::preset(data, &s.preset).unwrap_or_else(|_| Scenario::default_for(data));
    let cx = Ctx { data, s, base };
    let parts = Parts {
        cx: &cx,
        o,
        c: &data.plan.constants,
        d: &o.detail,
        ind: &o.indicators,
        caps: data.caps(f64::from(o.year)),
        data,
    };
    // Every quantity has its group: a new one does not compile until it is
    // given one (and `model/tests/provenance.rs` fails until its formula is in).
    let group = match q {
        Quantity::Total
        | Quantity::Primary
        | Quantity::Secondary
        | Quantity::Tertiary
        | Quantity::GrossQuota
        | Quantity::NetQuota
        | Quantity::IrrigatedArea => formulas::uses,
        Quantity::Surface
        | Quantity::Groundwater
        | Quantity::Reclaimed
        | Quantity::Limit(_)
        | Quantity::ReclaimedPerDay => sources::formulas,
        Quantity::WaterPerGdp
        | Quantity::SupportedArea
        | Quantity::Saving
        | Quantity::Reduction
        | Quantity::StructureSaving
        | Quantity::IndustryReuse
        | Quantity::Lever(_) => indicators::formulas,
    };
    let (value, unit, formula, terms) =
        group(&parts, q).unwrap_or_else(|| (f64::NAN, String::new(), "", Vec::new()));
    Explanation {
        key: q.key(),
        value,
        unit,
        formula,
        terms,
    }
}
