//! The quantity table: every number the page, the CLI, the CSV, provenance
//! and the story can show, one enum. Each quantity's spec (unit, decimals,
//! target, the line under it: [`Quantity::spec`]) and its value in an outcome
//! ([`Quantity::value`]) are exhaustive matches, so a new quantity does not
//! compile until it has them; its formula is in [`crate::provenance`]. The
//! lists the charts, the CSV and the flow diagram read ([`Quantity::SOURCES`],
//! [`Quantity::SECTORS`], [`Quantity::INDICATORS`]) are this table's.
//!
//! Strings are spelled at the edges only, each in one function of `ids.rs`: the
//! provenance key (`data-prov`, [`Quantity::key`]), the indicator id (the CLI's
//! `indicators` field, the CSV id, the page's `ind-<id>` hook:
//! [`Quantity::indicator_id`]) and the translation key ([`Quantity::label_key`]).

mod ids;
mod spec;

use ids::INDICATOR_IDS;

pub use spec::{Arg, Note, Spec, Target};

use crate::cap::CapId;
use crate::data::Data;
use crate::evaluate::Values;
use crate::lever_id::LeverId;
use crate::outcome::Outcome;
use crate::scenario::Scenario;
use serde::Serialize;

/// A number the page can show and explain.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
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
    /// Other sources (reclaimed and other non-conventional water) used: the
    /// plan's "other sources", [`CapId::Other`]'s value.
    Other,
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
    /// Irrigation's demand before any goes undelivered.
    PrimaryDemand,
    /// What groundwater would have to give for every demand to be met.
    GroundwaterDemand,
    /// Irrigation water not delivered (groundwater held at its cap).
    Undelivered,
    /// The irrigated area that water would have watered.
    UndeliveredArea,
    /// Groundwater pumped above its cap.
    Overdraft,
    /// Surface water available but not used (its cap, or no demand left).
    SurfaceUnallocated,
    /// A lever's value.
    Lever(LeverId),
}

impl Quantity {
    /// Use by source, in the charts', the CSV's and the flow diagram's order.
    pub const SOURCES: [Quantity; 3] = [Quantity::Surface, Quantity::Groundwater, Quantity::Other];

    /// Use by sector, in the same places' order.
    pub const SECTORS: [Quantity; 3] = [Quantity::Primary, Quantity::Secondary, Quantity::Tertiary];

    /// The indicators, in the strip's (and the CSV's, the print brief's) order.
    pub const INDICATORS: [Quantity; INDICATOR_IDS.len()] = {
        let mut out = [Quantity::Total; INDICATOR_IDS.len()];
        let mut i = 0;
        while i < out.len() {
            out[i] = INDICATOR_IDS[i].0;
            i += 1;
        }
        out
    };

    /// Every quantity but the levers' and the caps' (which are listed by
    /// their own tables): the sources and uses, the indicators' and the
    /// details the page shows (what is not delivered, demands, overdraft).
    pub const OUTCOMES: [Quantity; 23] = [
        Quantity::Total,
        Quantity::Primary,
        Quantity::Secondary,
        Quantity::Tertiary,
        Quantity::Surface,
        Quantity::Groundwater,
        Quantity::Other,
        Quantity::GrossQuota,
        Quantity::NetQuota,
        Quantity::IrrigatedArea,
        Quantity::WaterPerGdp,
        Quantity::SupportedArea,
        Quantity::Saving,
        Quantity::Reduction,
        Quantity::StructureSaving,
        Quantity::IndustryReuse,
        Quantity::ReclaimedPerDay,
        Quantity::PrimaryDemand,
        Quantity::GroundwaterDemand,
        Quantity::Undelivered,
        Quantity::UndeliveredArea,
        Quantity::Overdraft,
        Quantity::SurfaceUnallocated,
    ];

    /// Every quantity: [`Quantity::OUTCOMES`], each cap's limit, each lever.
    pub fn all() -> Vec<Quantity> {
        Quantity::OUTCOMES
            .into_iter()
            .chain(CapId::ALL.map(Quantity::Limit))
            .chain(LeverId::ALL.map(Quantity::Lever))
            .collect()
    }

    /// The quantity's value for scenario `s`, whose outcome is `o`.
    pub fn value(self, data: &Data, s: &Scenario, o: &Outcome) -> f64 {
        match (self.in_outcome(data, o), self) {
            (Some(v), _) => v,
            // Any other lever as the model reads it (clamped into its range).
            (None, Quantity::Lever(id)) => Values::of(s, data).get(id),
            (None, _) => f64::NAN,
        }
    }

    /// The quantity's value as the outcome `o` reports it: every quantity but
    /// a lever the outcome does not report (the charts, which have outcomes
    /// only, read the sources and sectors here).
    pub fn in_outcome(self, data: &Data, o: &Outcome) -> Option<f64> {
        let i = &o.indicators;
        Some(match self {
            Quantity::Total => o.total,
            Quantity::Primary => o.sectors.primary,
            Quantity::Secondary => o.sectors.secondary,
            Quantity::Tertiary => o.sectors.tertiary,
            Quantity::Surface => o.sources.surface,
            Quantity::Groundwater => o.sources.groundwater,
            Quantity::Other => o.sources.other,
            Quantity::Limit(c) => data.caps(f64::from(o.year)).get(c).value,
            Quantity::GrossQuota => i.gross_quota,
            Quantity::NetQuota => i.net_quota,
            Quantity::IrrigatedArea => i.irrigated_area,
            Quantity::WaterPerGdp => i.water_per_gdp,
            Quantity::SupportedArea => i.supported_area,
            Quantity::Saving => i.saving_vs_2020,
            Quantity::Reduction => i.reduction_vs_2020,
            Quantity::StructureSaving => i.structure_saving,
            Quantity::IndustryReuse => i.industry_reuse,
            Quantity::ReclaimedPerDay => i.reclaimed_m3_per_day,
            Quantity::PrimaryDemand => o.detail.primary_demand,
            Quantity::GroundwaterDemand => o.detail.groundwater_demand,
            Quantity::Undelivered => o.detail.undelivered,
            Quantity::UndeliveredArea => o.detail.undelivered_area,
            Quantity::Overdraft => o.detail.overdraft,
            Quantity::SurfaceUnallocated => o.detail.surface_unallocated,
            // The levers the outcome reports as indicators, as it reports them.
            Quantity::Lever(LeverId::Eta) => i.eta,
            Quantity::Lever(LeverId::Reuse) => i.reuse,
            Quantity::Lever(LeverId::Leakage) => i.leakage,
            Quantity::Lever(LeverId::IndustryIntensity) => i.water_per_industry_va,
            Quantity::Lever(_) => return None,
        })
    }

    /// The cap that limits this quantity, if one does (the inverse of
    /// [`Quantity::measured_by`]).
    pub fn cap(self) -> Option<CapId> {
        CapId::ALL
            .into_iter()
            .find(|&c| Quantity::measured_by(c) == self)
    }

    /// The quantity a cap measures.
    pub fn measured_by(cap: CapId) -> Quantity {
        match cap {
            CapId::Total => Quantity::Total,
            CapId::Groundwater => Quantity::Groundwater,
            CapId::Surface => Quantity::Surface,
            CapId::Other => Quantity::Other,
            CapId::Agriculture => Quantity::Primary,
        }
    }
}

#[cfg(test)]
mod tests;
