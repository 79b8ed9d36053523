//! The household calculator: a household's answers → litres per person a day,
//! and the honest scale of it: what the prefecture would save if every urban
//! resident used the same, against the groundwater cut the plan still needs.

use crate::cap::CapId;
use crate::data::{Data, HouseholdData};
use crate::lever_id::LeverId;

/// Answer ranges: people, shower minutes, flushes, loads, buckets.
pub const PEOPLE: (f64, f64) = (1.0, 8.0);
/// Minutes under the shower per person a day.
pub const SHOWER_MINUTES: (f64, f64) = (0.0, 40.0);
/// Flushes per person a day.
pub const FLUSHES: (f64, f64) = (0.0, 15.0);
/// Washing-machine loads a week (the household).
pub const LOADS: (f64, f64) = (0.0, 21.0);
/// Buckets of garden or balcony watering a week (the household).
pub const BUCKETS: (f64, f64) = (0.0, 50.0);

/// A household's answers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Household {
    /// People living in it.
    pub people: f64,
    /// Minutes under the shower, per person a day.
    pub shower_minutes: f64,
    /// A water-saving shower head.
    pub saving_shower: bool,
    /// Flushes per person a day.
    pub flushes: f64,
    /// The toilet: 0 old, 1 ordinary, 2 water-saving.
    pub toilet: usize,
    /// Washing-machine loads a week.
    pub loads: f64,
    /// Buckets of watering a week.
    pub buckets: f64,
}

impl Default for Household {
    /// A household of three with ordinary fittings, 8-minute showers, five
    /// flushes a day, four loads a week and no garden.
    fn default() -> Self {
        Household {
            people: 3.0,
            shower_minutes: 8.0,
            saving_shower: false,
            flushes: 5.0,
            toilet: 1,
            loads: 4.0,
            buckets: 0.0,
        }
    }
}

fn clamp(v: f64, (lo, hi): (f64, f64), default: f64) -> f64 {
    if v.is_finite() {
        v.clamp(lo, hi)
    } else {
        default
    }
}

impl Household {
    /// The answers within their ranges (a number that is not one takes the
    /// default's value; people are whole).
    pub fn clamped(self) -> Self {
        let d = Household::default();
        Household {
            people: clamp(self.people, PEOPLE, d.people).round(),
            shower_minutes: clamp(self.shower_minutes, SHOWER_MINUTES, d.shower_minutes),
            saving_shower: self.saving_shower,
            flushes: clamp(self.flushes, FLUSHES, d.flushes),
            toilet: self.toilet.min(2),
            loads: clamp(self.loads, LOADS, d.loads),
            buckets: clamp(self.buckets, BUCKETS, d.buckets),
        }
    }

    /// Litres per person a day: shower + toilet + kitchen and cleaning, plus the
    /// household's laundry and watering shared among its people.
    pub fn litres_per_person_day(&self, k: &HouseholdData) -> f64 {
        let h = self.clamped();
        let shower = h.shower_minutes * k.shower_lpm.value[usize::from(h.saving_shower)];
        let toilet = h.flushes * k.flush_litres.value[h.toilet];
        let shared =
            (h.loads * k.load_litres.value + h.buckets * k.bucket_litres.value) / (7.0 * h.people);
        shower + toilet + k.kitchen_lpd.value + shared
    }
}

/// A household's use at the scale of the prefecture.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    /// The urban households' figure, L per person a day: the plan scenario's
    /// urban use per person less public use.
    pub reference_lpd: f64,
    /// Urban residents in the plan scenario, 万.
    pub urban_pop: f64,
    /// What every urban resident using `lpd` would save a year, 万m³
    /// (negative: use more).
    pub saving: f64,
    /// The groundwater cut from the 2020 index to the 2025 cap, 万m³.
    pub cut_2025: f64,
    /// The groundwater cut from the 2020 index to the 2030 cap, 万m³.
    pub cut_2030: f64,
}

impl Scale {
    /// The saving as a share of the groundwater cut to `year`'s cap (2025 or
    /// 2030), in %.
    pub fn share(&self, cut: f64) -> f64 {
        if cut > 0.0 {
            self.saving / cut * 100.0
        } else {
            f64::NAN
        }
    }
}

/// Litres per person a day, times people, times days: 万m³ a year.
fn wan_m3_per_year(lpd: f64, people_wan: f64) -> f64 {
    lpd * people_wan * 365.0 / 1000.0
}

/// The scale of a household using `lpd` litres per person a day.
pub fn scale(data: &Data, lpd: f64) -> Scale {
    let derived = crate::derived::Derived::for_data(data);
    let plan = derived.reference(2025.0);
    let reference_lpd = plan.value(LeverId::UrbanLpd) - data.public.household.public_lpd.value;
    let urban_pop = plan.value(LeverId::UrbanPop);
    let groundwater = |year: f64| data.caps(year).get(CapId::Groundwater).value;
    let cut = |year: f64| (groundwater(2020.0) - groundwater(year)) * 1e4;
    Scale {
        reference_lpd,
        urban_pop,
        saving: wan_m3_per_year(reference_lpd - lpd, urban_pop),
        cut_2025: cut(2025.0),
        cut_2030: cut(2030.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_household_adds_up_by_hand() {
        let d = Data::get();
        let k = &d.public.household;
        let h = Household::default();
        let by_hand = 8.0 * k.shower_lpm.value[0]
            + 5.0 * k.flush_litres.value[1]
            + k.kitchen_lpd.value
            + 4.0 * k.load_litres.value / 21.0;
        assert!((h.litres_per_person_day(k) - by_hand).abs() < 1e-9);
    }

    #[test]
    fn a_household_that_waters_adds_up_by_hand_too() {
        let k = &Data::get().public.household;
        let h = Household {
            people: 2.0,
            shower_minutes: 10.0,
            saving_shower: true,
            flushes: 4.0,
            toilet: 2,
            loads: 7.0,
            buckets: 14.0,
        };
        let by_hand = 10.0 * k.shower_lpm.value[1]
            + 4.0 * k.flush_litres.value[2]
            + k.kitchen_lpd.value
            + (7.0 * k.load_litres.value + 14.0 * k.bucket_litres.value) / 14.0;
        assert!((h.litres_per_person_day(k) - by_hand).abs() < 1e-9);
        // Watering is shared among the household: more buckets, more litres each.
        let drier = Household { buckets: 28.0, ..h };
        let more = 14.0 * k.bucket_litres.value / 14.0;
        assert!((drier.litres_per_person_day(k) - by_hand - more).abs() < 1e-9);
    }

    #[test]
    fn a_share_of_no_cut_is_no_number() {
        let s = scale(Data::get(), 100.0);
        assert!(s.share(0.0).is_nan());
        assert!(s.share(-1.0).is_nan());
        assert!((s.share(s.cut_2025) - s.saving / s.cut_2025 * 100.0).abs() < 1e-9);
    }

    #[test]
    fn saving_fittings_and_shorter_showers_use_less() {
        let k = &Data::get().public.household;
        let h = Household::default();
        let base = h.litres_per_person_day(k);
        for better in [
            Household {
                saving_shower: true,
                ..h
            },
            Household { toilet: 2, ..h },
            Household {
                shower_minutes: 4.0,
                ..h
            },
            Household { loads: 2.0, ..h },
        ] {
            assert!(better.litres_per_person_day(k) < base, "{better:?}");
        }
        assert!(Household { toilet: 0, ..h }.litres_per_person_day(k) > base);
    }

    #[test]
    fn bad_answers_are_clamped_not_propagated() {
        let k = &Data::get().public.household;
        let h = Household {
            people: 0.0,
            shower_minutes: f64::NAN,
            flushes: -3.0,
            toilet: 9,
            loads: f64::INFINITY,
            buckets: 1e9,
            saving_shower: false,
        };
        let v = h.litres_per_person_day(k);
        assert!(v.is_finite() && v > 0.0, "{v}");
        assert_eq!(h.clamped().people, 1.0);
        assert_eq!(h.clamped().toilet, 2);
    }

    #[test]
    fn the_scale_reads_the_plan_and_its_caps() {
        let d = Data::get();
        let s = scale(d, 135.0);
        // The plan's cuts: 9.09 → 7.64 and 9.09 → 6.07 亿m³.
        assert!((s.cut_2025 - 14_500.0).abs() < 1e-6, "{}", s.cut_2025);
        assert!((s.cut_2030 - 30_200.0).abs() < 1e-6, "{}", s.cut_2030);
        // Households' own figure: the plan's urban litres a day less public use.
        let plan = crate::derived::Derived::get().reference(2025.0);
        let own = plan.value(LeverId::UrbanLpd) - d.public.household.public_lpd.value;
        assert!((s.reference_lpd - own).abs() < 1e-12, "{}", s.reference_lpd);
        assert!(s.reference_lpd < plan.value(LeverId::UrbanLpd));
        let by_hand = (s.reference_lpd - 135.0) * s.urban_pop * 365.0 / 1000.0;
        assert!((s.saving - by_hand).abs() < 1e-9);
        // Households matter, fields decide: even 20 L less each is a few % of the cut.
        let twenty = scale(d, s.reference_lpd - 20.0);
        assert!(twenty.share(twenty.cut_2025) < 10.0 && twenty.share(twenty.cut_2025) > 1.0);
        // Using the reference figure saves nothing.
        assert!(scale(d, s.reference_lpd).saving.abs() < 1e-9);
    }
}
