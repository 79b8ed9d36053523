//! `evaluate(&Scenario, &Data) -> Outcome`, in four steps: demand by sector,
//! allocation to sources (each by its own rule), the caps' verdicts, and the
//! indicators.

use crate::calibration::{field_quota_scaled, industry_water, urban_use, Calibration};
use crate::data::{Data, YearCaps};
use crate::scenario::{reference_preset, Scenario};
use std::sync::OnceLock;

pub use crate::cap::{CapId, CapKind, CapResult, CapState};
pub use crate::outcome::{Detail, Indicators, Outcome, Sectors, Sources};

/// Lever positions resolved once, so an evaluation does no string lookups.
struct Ix {
    eta: usize,
    drip: usize,
    urban_pop: usize,
    rural_pop: usize,
    urban_lpd: usize,
    rural_lpd: usize,
    leakage: usize,
    collection: usize,
    reuse: usize,
    eco: usize,
    other_nonconv: usize,
    industry_growth: usize,
    industry_intensity: usize,
    surface: usize,
    runoff: usize,
    gdp_growth: usize,
    year: usize,
}

fn ix(data: &Data) -> &'static Ix {
    static IX: OnceLock<Ix> = OnceLock::new();
    IX.get_or_init(|| {
        let f = |id: &str| data.lever_index(id).unwrap_or(usize::MAX);
        Ix {
            eta: f("eta"),
            drip: f("drip"),
            urban_pop: f("urban_pop"),
            rural_pop: f("rural_pop"),
            urban_lpd: f("urban_lpd"),
            rural_lpd: f("rural_lpd"),
            leakage: f("leakage"),
            collection: f("collection"),
            reuse: f("reuse"),
            eco: f("eco"),
            other_nonconv: f("other_nonconv"),
            industry_growth: f("industry_growth"),
            industry_intensity: f("industry_intensity"),
            surface: f("surface"),
            runoff: f("runoff"),
            gdp_growth: f("gdp_growth"),
            year: f("year"),
        }
    })
}

fn share(part: f64, total: f64) -> f64 {
    if total > 0.0 {
        part / total * 100.0
    } else {
        0.0
    }
}

/// The model's uncertain inputs, at their central values by default. The
/// uncertainty analysis ([`crate::uncertainty`]) evaluates scenarios under drawn
/// values of these.
#[derive(Clone, Debug, PartialEq)]
pub struct Assumptions {
    /// Calibration factors (quota factor, return factor).
    pub calibration: Calibration,
    /// Multiplier on each crop's quotas, indexed like [`Data::crops`] (empty: all 1).
    pub crop_scale: Vec<f64>,
    /// Runoff exceedance probability of the year, %, replacing the `runoff`
    /// lever when set.
    pub runoff: Option<f64>,
}

impl Assumptions {
    /// The central assumptions: the derived calibration, quotas as in the data,
    /// the runoff year of the scenario.
    pub fn central() -> Assumptions {
        Assumptions {
            calibration: Calibration::get(),
            crop_scale: Vec::new(),
            runoff: None,
        }
    }
}

/// The scenario's lever values, clamped into each lever's range.
struct Values {
    ix: &'static Ix,
    clamped: Scenario,
}

impl Values {
    fn of(s: &Scenario, data: &Data) -> Values {
        let mut clamped = s.clone();
        clamped.values.resize(data.levers.len(), f64::NAN);
        for (x, l) in clamped.values.iter_mut().zip(&data.levers) {
            *x = if x.is_finite() { l.clamp(*x) } else { l.min };
        }
        Values {
            ix: ix(data),
            clamped,
        }
    }

    fn get(&self, i: usize) -> f64 {
        self.clamped.values.get(i).copied().unwrap_or(0.0)
    }
}

/// Step 1: what each sector needs.
struct Demand {
    area: f64,
    field: f64,
    net: f64,
    eta: f64,
    gross: f64,
    primary: f64,
    secondary: f64,
    industry_va: f64,
    urban: f64,
    urban_supply: f64,
    rural: f64,
    eco: f64,
}

impl Demand {
    fn total(&self) -> f64 {
        self.primary + self.secondary + self.tertiary()
    }
    fn tertiary(&self) -> f64 {
        self.urban_supply + self.rural + self.eco
    }
}

fn demand(v: &Values, data: &Data, a: &Assumptions) -> Demand {
    let ix = v.ix;
    let c = &data.plan.constants;
    let years = v.get(ix.year) - c.base_year.value;
    // Primary: area × gross quota; gross = calibrated field quota ÷ η.
    let drip = v.get(ix.drip) / 100.0;
    let area = v.clamped.irrigated_area(data);
    let field = field_quota_scaled(data, &v.clamped, drip, &a.crop_scale);
    let net = field * a.calibration.quota_factor;
    let eta = v.get(ix.eta);
    let gross = net / eta;
    // Secondary: value added × net intake per 万元 (counted once).
    let growth = v.get(ix.industry_growth);
    let secondary = industry_water(data, years, growth, v.get(ix.industry_intensity));
    let industry_va = c.industry_va_base.value * (1.0 + growth / 100.0).powf(years);
    // Tertiary: domestic use with the network's losses, plus greening and ecology.
    let urban = urban_use(v.get(ix.urban_pop), v.get(ix.urban_lpd));
    Demand {
        area,
        field,
        net,
        eta,
        gross,
        primary: area * gross / 1e4,
        secondary,
        industry_va,
        urban,
        urban_supply: urban / (1.0 - v.get(ix.leakage) / 100.0),
        rural: urban_use(v.get(ix.rural_pop), v.get(ix.rural_lpd)),
        eco: v.get(ix.eco),
    }
}

/// Step 2: where the water comes from.
struct Allocation {
    municipal: f64,
    municipal_used: f64,
    other_nonconv: f64,
    nonconventional: f64,
    runoff_factor: f64,
    surface_available: f64,
    surface: f64,
    groundwater: f64,
    overdraft: f64,
}

/// Each source by its own rule. Non-conventional water (municipal reclaimed
/// plus other) is used first, up to the demand of the uses it may serve
/// (industry, greening, ecology). Surface use is the least of its cap, what
/// the runoff year makes available, and the demand left. Groundwater takes the
/// rest; above its cap that is overdraft. So more non-conventional water
/// replaces groundwater first, and surface water only once groundwater is zero.
fn allocate(d: &Demand, v: &Values, data: &Data, a: &Assumptions, caps: &YearCaps) -> Allocation {
    let ix = v.ix;
    let cal = a.calibration;
    let municipal = (d.urban + d.secondary)
        * cal.return_factor
        * (v.get(ix.collection) / 100.0)
        * (v.get(ix.reuse) / 100.0);
    let other_nonconv = v.get(ix.other_nonconv);
    let offered = municipal + other_nonconv;
    let nonconventional = offered.min(d.secondary + d.eco);
    let municipal_used = if offered > 0.0 {
        municipal * nonconventional / offered
    } else {
        0.0
    };
    let runoff_factor = data.runoff_factor(a.runoff.unwrap_or_else(|| v.get(ix.runoff)));
    let surface_available = v.get(ix.surface) * runoff_factor;
    let fresh = (d.total() - nonconventional).max(0.0);
    let surface = surface_available
        .min(caps.surface.value)
        .min(fresh)
        .max(0.0);
    let groundwater = fresh - surface;
    Allocation {
        municipal,
        municipal_used,
        other_nonconv,
        nonconventional,
        runoff_factor,
        surface_available,
        surface,
        groundwater,
        overdraft: (groundwater - caps.groundwater.value).max(0.0),
    }
}

/// Step 3: the verdict on each cap of the year.
fn judge(caps: &YearCaps, d: &Demand, al: &Allocation) -> Vec<CapResult> {
    CapId::ALL
        .into_iter()
        .map(|id| {
            let value = match id {
                CapId::Total => d.total(),
                CapId::Groundwater => al.groundwater,
                CapId::Surface => al.surface,
                CapId::Other => al.nonconventional,
                CapId::Agriculture => d.primary,
            };
            CapResult::judge(id, caps.get(id).value, value, caps.reported(id))
        })
        .collect()
}

/// The crop areas of each year's reference preset (for the structure saving).
fn reference_mix(data: &Data, year: f64) -> &'static Scenario {
    static MIXES: OnceLock<[Scenario; 3]> = OnceLock::new();
    let mixes = MIXES.get_or_init(|| {
        [2020.0, 2025.0, 2030.0].map(|y| {
            Scenario::preset(data, reference_preset(y))
                .unwrap_or_else(|_| Scenario::default_for(data))
        })
    });
    let k = match reference_preset(year) {
        "status-2020" => 0,
        "target-2030" => 2,
        _ => 1,
    };
    &mixes[k]
}

/// GDP at comparable prices, 亿元: 2020's, derived from its water use and
/// water per 万元 GDP (data note "gdp-basis"), grown at the GDP growth lever.
fn gdp_of(data: &Data, v: &Values) -> f64 {
    let c = &data.plan.constants;
    let years = v.get(v.ix.year) - c.base_year.value;
    c.total_2020.value * 1e8 / c.water_per_gdp_2020.value / 1e4
        * (1.0 + v.get(v.ix.gdp_growth) / 100.0).powf(years)
}

/// Step 4: the indicators.
fn indicators(
    d: &Demand,
    al: &Allocation,
    v: &Values,
    data: &Data,
    a: &Assumptions,
    caps: &YearCaps,
) -> Indicators {
    let ix = v.ix;
    let c = &data.plan.constants;
    let total = d.total();
    let gdp = gdp_of(data, v);
    let intensity = v.get(ix.industry_intensity);
    let gross_per_va =
        c.industry_intensity_2020.value / (1.0 - c.industry_reuse_base.value / 100.0);
    let reference = reference_mix(data, v.get(ix.year));
    let ref_field = field_quota_scaled(data, reference, v.get(ix.drip) / 100.0, &a.crop_scale);
    let plan_net = c.plan_area.value * c.plan_gross_quota.value * c.plan_eta.value / 1e4;
    Indicators {
        gross_quota: d.gross,
        net_quota: d.net,
        eta: d.eta,
        irrigated_area: d.area,
        supported_area: if d.gross > 0.0 {
            caps.agriculture.value * 1e4 / d.gross
        } else {
            0.0
        },
        reclaimed_m3_per_day: al.municipal_used * 1e8 / 1e4 / 365.0,
        sector_shares: [
            share(d.primary, total),
            share(d.secondary, total),
            share(d.tertiary(), total),
        ],
        saving_vs_2020: plan_net / c.eta_2020.value - d.primary,
        reduction_vs_2020: c.total_2020.value - total,
        structure_saving: d.area * (ref_field - d.field) * a.calibration.quota_factor / d.eta / 1e4,
        water_per_gdp: if gdp > 0.0 {
            total * 1e8 / (gdp * 1e4)
        } else {
            0.0
        },
        water_per_industry_va: if d.industry_va > 0.0 {
            d.secondary * 1e8 / (d.industry_va * 1e4)
        } else {
            0.0
        },
        industry_reuse: if gross_per_va > 0.0 {
            (100.0 * (1.0 - intensity / gross_per_va)).clamp(0.0, 100.0)
        } else {
            0.0
        },
        reuse: v.get(ix.reuse),
        leakage: v.get(ix.leakage),
    }
}

/// Evaluates a scenario against the embedded data's caps.
///
/// Values are read clamped into each lever's range, so even a hand-built
/// scenario with wild values gives finite, non-negative results.
pub fn evaluate(s: &Scenario, data: &Data) -> Outcome {
    evaluate_with(s, data, &Assumptions::central())
}

/// [`evaluate`] under given assumptions for the uncertain inputs.
pub fn evaluate_with(s: &Scenario, data: &Data, a: &Assumptions) -> Outcome {
    let v = Values::of(s, data);
    let year = v.get(v.ix.year);
    let caps_y = data.caps(year);
    let d = demand(&v, data, a);
    let al = allocate(&d, &v, data, a, caps_y);
    let caps = judge(caps_y, &d, &al);
    let indicators = indicators(&d, &al, &v, data, a, caps_y);
    Outcome {
        year: year.round() as u32,
        total: d.total(),
        sectors: Sectors {
            primary: d.primary,
            secondary: d.secondary,
            tertiary: d.tertiary(),
        },
        sources: Sources {
            surface: al.surface,
            groundwater: al.groundwater,
            reclaimed: al.nonconventional,
        },
        caps,
        indicators,
        detail: Detail {
            field_quota: d.field,
            urban_use: d.urban,
            urban_supply: d.urban_supply,
            rural_use: d.rural,
            eco: d.eco,
            industry_va: d.industry_va,
            gdp: gdp_of(data, &v),
            municipal_reclaimed: al.municipal,
            municipal_used: al.municipal_used,
            other_nonconv: al.other_nonconv,
            surface_available: al.surface_available,
            surface_unallocated: (al.surface_available - al.surface).max(0.0),
            runoff_factor: al.runoff_factor,
            overdraft: al.overdraft,
            unmet_if_groundwater_capped: al.overdraft,
            calibration: a.calibration,
        },
    }
}
