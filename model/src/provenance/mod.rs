//! Provenance: for any number the page shows, its formula, its inputs with their
//! values, and where each input comes from (a plan section, a data source, the
//! user's setting, or another computed number that can be explained in turn).

mod details;
mod formulas;
mod indicators;
mod sources;
mod terms;

use crate::data::{Data, Grade, Text};
use crate::evaluate::Outcome;
use crate::quantity::Quantity;
use crate::scenario::Scenario;
use formulas::Parts;
use serde::Serialize;
use terms::Ctx;

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

/// Explains one number of the outcome `o` of scenario `s`: its value and unit
/// from the quantity table, its formula and inputs from its own function.
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
    // Every quantity has its formula: a new one does not compile until it is
    // given one (and `model/tests/provenance.rs` fails until the formula
    // recomputes its number from the terms it lists).
    let p = &parts;
    let (formula, terms) = match q {
        Quantity::Total => formulas::total(p),
        Quantity::Primary => formulas::primary(p),
        Quantity::GrossQuota => formulas::gross_quota(p),
        Quantity::NetQuota => formulas::net_quota(p),
        Quantity::IrrigatedArea => formulas::irrigated_area(p),
        Quantity::Secondary => formulas::secondary(p),
        Quantity::Tertiary => formulas::tertiary(p),
        Quantity::Other => sources::other(p),
        Quantity::Surface => sources::surface(p),
        Quantity::Groundwater => sources::groundwater(p),
        Quantity::Limit(id) => sources::limit(p, id),
        Quantity::ReclaimedPerDay => sources::reclaimed_per_day(p),
        Quantity::WaterPerGdp => indicators::water_per_gdp(p),
        Quantity::SupportedArea => indicators::supported_area(p),
        Quantity::Saving => indicators::saving(p),
        Quantity::Reduction => indicators::reduction(p),
        Quantity::StructureSaving => indicators::structure_saving(p),
        Quantity::IndustryReuse => indicators::industry_reuse(p),
        Quantity::PrimaryDemand => details::primary_demand(p),
        Quantity::GroundwaterDemand => details::groundwater_demand(p),
        Quantity::Undelivered => details::undelivered(p),
        Quantity::UndeliveredArea => details::undelivered_area(p),
        Quantity::Overdraft => details::overdraft(p),
        Quantity::SurfaceUnallocated => details::surface_unallocated(p),
        Quantity::Lever(id) => indicators::lever(p, id),
    };
    Explanation {
        key: q.key(),
        value: q.value(data, s, o),
        unit: q.spec(data, o).unit,
        formula,
        terms,
    }
}
