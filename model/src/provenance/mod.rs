//! Provenance: for any number the page shows, its formula, its inputs with their
//! values, and where each input comes from (a plan section, a data source, the
//! user's setting, or another computed number that can be explained in turn).

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
/// from the quantity table, its formula and inputs from its group (a group
/// that lacks the quantity gives no formula, which the tests catch).
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
        | Quantity::Other
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
    let (formula, terms) = group(&parts, q).unwrap_or_default();
    Explanation {
        key: q.key(),
        value: q.value(data, s, o),
        unit: q.spec(data, o).unit,
        formula,
        terms,
    }
}
