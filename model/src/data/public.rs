//! Figures the public pages need beyond the model's: the water resources of
//! the plan's §一(一)(2), everyday equivalents, and the household calculator's
//! coefficients (each with its source and grade; most are illustrative).

use super::plan::Sourced;
use serde::{Deserialize, Serialize};

/// The prefecture's water resources, 亿m³ a year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Resources {
    /// Total water resources.
    pub total: Sourced<f64>,
    /// Usable water (surface and groundwater).
    pub usable: Sourced<f64>,
    /// Groundwater that can be pumped sustainably.
    pub groundwater_exploitable: Sourced<f64>,
    /// The plan's cut of groundwater abstraction over 2021–2025, 亿m³.
    pub groundwater_cut: Sourced<f64>,
}

/// Things people know, to give volumes a size.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Equivalents {
    /// Litres in a filled bathtub.
    pub bathtub_litres: Sourced<f64>,
    /// People in the family of "a family's year of tap water".
    pub family_size: Sourced<f64>,
}

/// The household calculator's coefficients.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HouseholdData {
    /// Urban public use per person a day, in the urban figure but not a household's.
    pub public_lpd: Sourced<f64>,
    /// Shower heads, litres a minute: ordinary, water-saving.
    pub shower_lpm: Sourced<[f64; 2]>,
    /// Toilets, litres a flush: old, ordinary, water-saving.
    pub flush_litres: Sourced<[f64; 3]>,
    /// Litres a washing-machine load.
    pub load_litres: Sourced<f64>,
    /// Kitchen, drinking and cleaning, litres per person a day.
    pub kitchen_lpd: Sourced<f64>,
    /// Litres a bucket (garden watering).
    pub bucket_litres: Sourced<f64>,
}

/// Everything in `data/public.json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Public {
    /// Water resources.
    pub resources: Resources,
    /// Everyday equivalents.
    pub equivalents: Equivalents,
    /// Household coefficients.
    pub household: HouseholdData,
}
