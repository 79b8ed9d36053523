//! Where each source's water goes: the allocation's rule, sector by sector.
//! Non-conventional water serves the uses it may serve (industry, and ecology
//! in the tertiary sector) in proportion to their demand; fresh water serves
//! what is left of each sector, surface water and groundwater in the
//! proportion they are supplied. The flows add up to each source and to each
//! sector's use.

use super::{Allocation, Demand};
use crate::outcome::Flows;

/// The flows of an allocation (irrigation's use is its demand less any water
/// not delivered).
pub(super) fn flows(d: &Demand, al: &Allocation) -> Flows {
    let r = al.other;
    let eligible = d.fixed.secondary + d.fixed.eco;
    let (r_sec, r_ter) = if eligible > 0.0 {
        (r * d.fixed.secondary / eligible, r * d.fixed.eco / eligible)
    } else {
        (0.0, 0.0)
    };
    let fresh = al.surface + al.groundwater;
    let share = |part: f64| if fresh > 0.0 { part / fresh } else { 0.0 };
    let (surface_share, groundwater_share) = (share(al.surface), share(al.groundwater));
    let need = [
        super::delivered(d, al).primary,
        (d.fixed.secondary - r_sec).max(0.0),
        (d.tertiary() - r_ter).max(0.0),
    ];
    Flows {
        surface: need.map(|n| n * surface_share),
        groundwater: need.map(|n| n * groundwater_share),
        other: [0.0, r_sec, r_ter],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::evaluate::demand::Fixed;

    fn demand(primary: f64, secondary: f64, eco: f64, urban_supply: f64) -> Demand {
        Demand {
            fixed: Fixed {
                drip: 0.0,
                area: 0.0,
                eta: 0.67,
                secondary,
                industry_va: 0.0,
                urban: 0.0,
                urban_supply,
                rural: 0.0,
                eco,
            },
            field: 0.0,
            net: 0.0,
            gross: 0.0,
            primary,
        }
    }

    fn allocation(other: f64, surface: f64, groundwater: f64) -> Allocation {
        Allocation {
            municipal: other,
            municipal_used: other,
            other_nonconv: 0.0,
            other,
            runoff_factor: 1.0,
            surface_available: surface,
            surface,
            groundwater_demand: groundwater,
            groundwater,
            overdraft: 0.0,
            undelivered: 0.0,
        }
    }

    #[test]
    fn other_sources_split_by_demand_and_fresh_water_by_supply() {
        // Industry 1 and ecology 3 share 2 of other sources as 0.5 and 1.5;
        // fresh water (surface 3 of 4) serves the rest: 2.5, 0.5 and 2.5.
        let f = flows(&demand(2.5, 1.0, 3.0, 1.0), &allocation(2.0, 3.0, 2.5));
        let near = |a: [f64; 3], b: [f64; 3]| a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-12);
        assert!(near(f.other, [0.0, 0.5, 1.5]), "{f:?}");
        let share = 3.0 / 5.5;
        assert!(
            near(f.surface, [2.5 * share, 0.5 * share, 2.5 * share]),
            "{f:?}"
        );
        assert!(
            near(
                f.groundwater,
                [
                    2.5 * (1.0 - share),
                    0.5 * (1.0 - share),
                    2.5 * (1.0 - share)
                ]
            ),
            "{f:?}"
        );
    }

    #[test]
    fn no_water_goes_nowhere_and_is_never_nan() {
        let f = flows(&demand(0.0, 0.0, 0.0, 0.0), &allocation(0.0, 0.0, 0.0));
        for x in f.surface.iter().chain(&f.groundwater).chain(&f.other) {
            assert_eq!(*x, 0.0);
        }
        // Demand but no fresh supply: nothing flows from surface or groundwater.
        let f = flows(&demand(0.0, 1.0, 0.0, 1.0), &allocation(1.0, 0.0, 0.0));
        assert_eq!(
            (f.surface, f.groundwater, f.other),
            ([0.0; 3], [0.0; 3], [0.0, 1.0, 0.0])
        );
    }
}
