//! The quantity table's strings, each written here once: the provenance
//! key, the indicator id and the translation key (the interfaces outside
//! checks read keep their spelling: other sources are `reclaimed`).

use super::Quantity;
use crate::cap::CapId;
use crate::lever_id::LeverId;

/// The indicators, in the strip's order, with their ids: the CLI's
/// `indicators` field, the CSV id, the page's `ind-<id>` hook and the
/// translation key `ind.<id>`.
pub(super) const INDICATOR_IDS: [(Quantity, &str); 12] = [
    (Quantity::GrossQuota, "gross_quota"),
    (Quantity::Lever(LeverId::Eta), "eta"),
    (Quantity::Lever(LeverId::Reuse), "reuse"),
    (Quantity::Lever(LeverId::Leakage), "leakage"),
    (Quantity::WaterPerGdp, "water_per_gdp"),
    (Quantity::SupportedArea, "supported_area"),
    (Quantity::Saving, "saving_vs_2020"),
    (Quantity::Reduction, "reduction_vs_2020"),
    (Quantity::StructureSaving, "structure_saving"),
    (
        Quantity::Lever(LeverId::IndustryIntensity),
        "water_per_industry_va",
    ),
    (Quantity::IndustryReuse, "industry_reuse"),
    (Quantity::ReclaimedPerDay, "reclaimed_m3_per_day"),
];

impl Quantity {
    /// The id used in `data-prov` attributes and the CLI's `--explain`:
    /// `total`, `limit-groundwater`, `lever-eta`, …
    pub fn key(self) -> String {
        match self {
            Quantity::Total => "total".into(),
            Quantity::Primary => "primary".into(),
            Quantity::Secondary => "secondary".into(),
            Quantity::Tertiary => "tertiary".into(),
            Quantity::Surface => "surface".into(),
            Quantity::Groundwater => "groundwater".into(),
            // The CLI's `sources.reclaimed`: the interface keeps its spelling.
            Quantity::Other => "reclaimed".into(),
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
            Quantity::PrimaryDemand => "primary_demand".into(),
            Quantity::GroundwaterDemand => "groundwater_demand".into(),
            Quantity::Undelivered => "undelivered".into(),
            Quantity::UndeliveredArea => "undelivered_area".into(),
            Quantity::Overdraft => "overdraft".into(),
            Quantity::SurfaceUnallocated => "surface_unallocated".into(),
            Quantity::Lever(id) => format!("lever-{id}"),
        }
    }

    /// Reads a key written by [`Quantity::key`]; the cap values are the sources
    /// and uses they measure (`cap-total` is the total, and so on).
    pub fn parse(key: &str) -> Option<Quantity> {
        if let Some(c) = key.strip_prefix("cap-") {
            return c.parse::<CapId>().ok().map(Quantity::measured_by);
        }
        if let Some(c) = key.strip_prefix("limit-") {
            return c.parse::<CapId>().ok().map(Quantity::Limit);
        }
        if let Some(id) = key.strip_prefix("lever-") {
            return id.parse().ok().map(Quantity::Lever);
        }
        Quantity::OUTCOMES.into_iter().find(|q| q.key() == key)
    }

    /// The indicator's id, for the quantities the strip shows: the CLI's
    /// `indicators` field, the CSV id, the page's `ind-<id>` hook and the
    /// translation key `ind.<id>`.
    pub fn indicator_id(self) -> Option<&'static str> {
        INDICATOR_IDS
            .iter()
            .find(|(q, _)| *q == self)
            .map(|(_, id)| *id)
    }

    /// The translation key of the quantity's name: `ind.<id>` for an
    /// indicator, `source.<id>` and `sector.<id>` for the sources and sectors
    /// (charts, CSV, flow diagram), `cap.<id>` for a cap's limit,
    /// `prov.q.<key>` for the rest; none for a lever, whose name is its row's
    /// label in the lever table.
    pub fn label_key(self) -> Option<String> {
        if let Some(id) = self.indicator_id() {
            return Some(format!("ind.{id}"));
        }
        Some(match self {
            Quantity::Limit(c) => format!("cap.{}", c.as_str()),
            Quantity::Lever(_) => return None,
            q if Quantity::SOURCES.contains(&q) => format!("source.{}", q.key()),
            q if Quantity::SECTORS.contains(&q) => format!("sector.{}", q.key()),
            // The rest are named in the dialog's own words (`tests/catalogue.rs`
            // fails on a missing one).
            q => format!("prov.q.{}", q.key()),
        })
    }
}
