//! The story's scenes as data: each scene's numbers, read from the model's
//! data or computed by the model for a named scenario (never typed into the
//! prose), with where each comes from, so a test can check every one against
//! the data files or the CLI. The words are catalogue keys
//! (`story.<key>.title|body|section`) with `%{name}` where a number goes.

use changji_model::codec::write_query;
use changji_model::evaluate::CapId;
use changji_model::{evaluate, Data, LeverId, Outcome, Scenario, Text};

mod people;
mod scenes;

/// The scenes, in order; the key names their texts in the catalogue.
pub const SCENE_KEYS: [&str; 8] = [
    "water",
    "groundwater",
    "fields",
    "efficiency",
    "towns",
    "progress",
    "challenge",
    "you",
];

/// The scene whose picture has a slider: the visitor moves η.
pub const ETA_SCENE: usize = 4;

/// Where a number comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// A figure of the data files (`model/data/`), as `file#path`: e.g.
    /// `public.json#resources.total`; a number or id in the path picks the
    /// array element of that year or id, and a `{value, …}` object its value.
    Data(String),
    /// A field of the CLI's output (`scenario --query Q`), by its dotted path.
    Cli {
        /// The query the CLI is given.
        query: String,
        /// The field, e.g. `sources.groundwater` or `indicators.sector_shares.0`.
        field: &'static str,
    },
    /// Computed from other numbers of the scene; the formula in words.
    Derived(&'static str),
    /// What `scenario --progress` prints: an actual figure (`actual`, year,
    /// measure) or the plan's path (`path`, measure, year).
    Progress {
        /// `actual` or `path`.
        what: &'static str,
        /// The measure.
        measure: changji_model::progress::Measure,
        /// The year.
        year: u32,
    },
}

impl Origin {
    /// The origin as the page writes it into `data-origin`:
    /// `data:<path>`, `cli:<query>:<field>` or `derived:<formula>`.
    pub fn code(&self) -> String {
        match self {
            Origin::Data(p) => format!("data:{p}"),
            Origin::Cli { query, field } => format!("cli:{query}:{field}"),
            Origin::Derived(f) => format!("derived:{f}"),
            Origin::Progress {
                what,
                measure,
                year,
            } => format!("progress:{what}:{measure}:{year}"),
        }
    }
}

/// What a number is, as the page says beside it: every number the public
/// pages show is one of these three.
#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    /// A figure of the plan (or read off its figures); the section that
    /// holds it.
    Plan(Text),
    /// The model's estimate for a named scenario: the catalogue key of the
    /// scenario's name.
    Model(&'static str),
    /// An illustrative value; what it rests on.
    Illustrative(Text),
    /// An actual year's figure (not the plan's, not the model's): its source
    /// and grade.
    Actual(Text, changji_model::Grade),
}

impl Kind {
    /// The id the page writes into `data-kind`: `plan`, `model` or
    /// `illustrative`.
    pub fn id(&self) -> &'static str {
        match self {
            Kind::Plan(_) => "plan",
            Kind::Model(_) => "model",
            Kind::Illustrative(_) => "illustrative",
            Kind::Actual(..) => "actual",
        }
    }
}

/// One number of a scene.
#[derive(Clone, Debug, PartialEq)]
pub struct Number {
    /// Its placeholder in the scene's text.
    pub name: &'static str,
    /// The value.
    pub value: f64,
    /// Decimals shown.
    pub decimals: usize,
    /// Where it comes from, for a check against the data or the CLI.
    pub origin: Origin,
    /// What it is, for the reader.
    pub kind: Kind,
}

/// A bar of a scene's picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Catalogue key of its label.
    pub label: &'static str,
    /// Its value (the unit is the picture's).
    pub value: f64,
    /// Whether it is the one to look at (drawn in the warning colour).
    pub alarm: bool,
}

/// A scene's picture: horizontal bars on one scale, with an optional line.
#[derive(Clone, Debug, PartialEq)]
pub struct Picture {
    /// Catalogue key of the unit (shown under the bars).
    pub unit: &'static str,
    /// The bars, top to bottom.
    pub bars: Vec<Bar>,
    /// A line across the bars at a value, with its label key.
    pub line: Option<(f64, &'static str)>,
    /// Decimals of the values printed at the bars.
    pub decimals: usize,
}

/// One scene.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// Its key (see [`SCENE_KEYS`]).
    pub key: &'static str,
    /// Its numbers.
    pub numbers: Vec<Number>,
    /// Its picture.
    pub picture: Picture,
}

fn n(name: &'static str, value: f64, decimals: usize, origin: Origin, kind: Kind) -> Number {
    Number {
        name,
        value,
        decimals,
        origin,
        kind,
    }
}

/// A plan figure with the section that holds it.
fn plan(zh: &str, en: &str) -> Kind {
    Kind::Plan(Text::new(zh, en))
}

/// The model's estimate for the scenario named by catalogue key `scenario`.
fn model(scenario: &'static str) -> Kind {
    Kind::Model(scenario)
}

/// An illustrative value resting on `basis`.
fn illustrative(basis: &Text) -> Kind {
    Kind::Illustrative(basis.clone())
}

fn data(path: &str) -> Origin {
    Origin::Data(path.to_string())
}

fn cli(query: &str, field: &'static str) -> Origin {
    Origin::Cli {
        query: query.to_string(),
        field,
    }
}

fn bar(label: &'static str, value: f64, alarm: bool) -> Bar {
    Bar {
        label,
        value,
        alarm,
    }
}

/// The challenge's starting scenario: the plan's 2025 choices carried to 2030.
///
/// Plan-consistent: the 2030 target's towns, industry, surface water and
/// other sources (2030's own surface figure 16.39 and the plan's 2030 sector
/// figures), with the farms as the plan has them in 2025 (the crop areas, η
/// and the high-efficiency share of `plan-2025`). What is left is the plan's
/// own message: farm use must come down to 2030's 18.96.
pub fn challenge_start(d: &Data) -> Scenario {
    let mut s = Scenario::preset(d, "target-2030").unwrap_or_else(|_| Scenario::default_for(d));
    let farm = Scenario::preset(d, "plan-2025").unwrap_or_else(|_| Scenario::default_for(d));
    for l in &d.levers {
        if l.crop || matches!(l.id, LeverId::Eta | LeverId::Drip) {
            let _ = s.set(d, l.id, farm.value(l.id));
        }
    }
    s
}

/// The CLI's query for scenario `s` (`preset=…` and the levers that differ).
fn query_of(d: &Data, s: &Scenario) -> String {
    let q = write_query(d, s, &[]);
    if q.starts_with("preset=") {
        q
    } else if q.is_empty() {
        format!("preset={}", s.preset)
    } else {
        format!("preset={}&{q}", s.preset)
    }
}

fn outcome_of(d: &Data, preset: &str) -> Outcome {
    evaluate(
        &Scenario::preset(d, preset).unwrap_or_else(|_| Scenario::default_for(d)),
        d,
    )
}

fn cap(d: &Data, year: u32, id: CapId) -> f64 {
    d.caps(f64::from(year)).get(id).value
}

/// Scene `k` (1-based; clamped into range), with η at `eta` in the
/// efficiency scene.
pub fn scene(d: &Data, k: usize, eta: f64) -> Scene {
    let k = k.clamp(1, SCENE_KEYS.len());
    let key = SCENE_KEYS[k - 1];
    let (numbers, picture) = match k {
        1 => scenes::water(d),
        2 => scenes::groundwater(d),
        3 => scenes::fields(d),
        4 => scenes::efficiency(d, eta),
        5 => people::towns(d),
        6 => people::progress(d),
        7 => people::challenge(d),
        _ => people::you(d),
    };
    Scene {
        key,
        numbers,
        picture,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scene_has_numbers_and_a_picture() {
        let d = Data::get();
        for k in 1..=SCENE_KEYS.len() {
            let s = scene(d, k, 0.67);
            assert_eq!(s.key, SCENE_KEYS[k - 1]);
            assert!(!s.numbers.is_empty(), "{k}");
            assert!(!s.picture.bars.is_empty(), "{k}");
            for x in &s.numbers {
                assert!(x.value.is_finite(), "{k} {}", x.name);
            }
        }
        // Out of range clamps.
        assert_eq!(scene(d, 0, 0.67).key, "water");
        assert_eq!(scene(d, 99, 0.67).key, "you");
    }

    #[test]
    fn the_scenes_read_the_plan() {
        let d = Data::get();
        let get = |k: usize, name: &str| {
            scene(d, k, 0.67)
                .numbers
                .into_iter()
                .find(|x| x.name == name)
                .map(|x| x.value)
                .expect("number")
        };
        assert_eq!(get(1, "total"), 32.81);
        assert_eq!(get(1, "usable"), 25.2);
        assert_eq!(get(1, "used"), 25.48);
        // Fresh water: 25.48 less 2020's reclaimed 7.57 万m³/d, at the usable 25.2.
        assert!((get(1, "fresh") - 25.2).abs() < 0.01);
        assert_eq!(get(2, "y2015"), 17.36);
        assert_eq!(get(2, "y2025"), 7.64);
        assert_eq!(get(2, "y2030"), 6.07);
        assert_eq!(get(2, "exploitable"), 5.63);
        assert!((get(4, "saving") - 0.635).abs() < 0.0005);
        assert!((get(5, "reclaimed_2020") - 7.57).abs() < 1e-9);
        assert_eq!(get(6, "gw_2022"), 9.68);
        assert!((get(6, "gw_path_2022") - 8.51).abs() < 1e-9);
        assert!(
            get(7, "gap") > 0.0,
            "the challenge starts above the 2030 cap"
        );
        // Plan-consistent: below 8, the groundwater the CLI gives for the start.
        let start = evaluate(&challenge_start(d), d);
        assert_eq!(get(7, "start"), start.detail.groundwater_demand);
        assert!(get(7, "start") < 8.0);
        assert_eq!(get(7, "agri_cap"), 18.96);
    }

    #[test]
    fn more_efficiency_saves_more_in_the_story() {
        let d = Data::get();
        let saving = |eta: f64| {
            scene(d, ETA_SCENE, eta)
                .numbers
                .into_iter()
                .find(|x| x.name == "saving")
                .map(|x| x.value)
                .expect("saving")
        };
        assert!(saving(0.72) > saving(0.67) && saving(0.67) > saving(0.62));
    }
}
