//! The state, provided as context: the scenario (the one source of truth,
//! mirrored into the URL) and everything derived from it, with the page's own
//! state beside it ([`PageState`]: language, presentation, drawing).

use crate::follow::{follow, LeverValues};
use crate::i18n::Lang;
pub use crate::page_state::PageState;
use changji_model::band::{bands, set_lever, Band};
use changji_model::uncertainty::{spread, Draws, Spread};
use changji_model::{codec::Notice, evaluate, Data, LeverId, Outcome, Scenario};
use leptos::prelude::*;

/// How a crop slider changes the crop structure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CropMode {
    /// Move area between crops; the irrigated area stays the same.
    #[default]
    Shift,
    /// Change one crop's area; the irrigated area changes with it.
    Free,
}

/// The scenario and what is derived from it, with the page's state (`page`).
/// Derived values are memos, never copies.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The current scenario.
    pub scenario: RwSignal<Scenario>,
    /// Crop slider mode.
    pub crop_mode: RwSignal<CropMode>,
    /// The model's outcome for the current scenario.
    pub outcome: Memo<Outcome>,
    /// Every lever's value in the scenario, a signal each.
    pub levers: LeverValues,
    /// The id of the scenario's preset.
    pub preset_id: ReadSignal<String>,
    /// The scenario's preset with every lever at its default.
    pub preset_scenario: Memo<Scenario>,
    /// The plan's reference scenario for the selected year.
    pub plan_scenario: Memo<Scenario>,
    /// The model's outcome for that reference scenario.
    pub plan: Memo<Outcome>,
    /// A scenario pinned for comparison.
    pub pinned: RwSignal<Option<Scenario>>,
    /// The model's outcome for the pinned scenario.
    pub pinned_outcome: Memo<Option<Outcome>>,
    /// The Monte Carlo of the scenario as it was when the last change settled
    /// (see `App`), so the numbers never wait for it; `None` until start-up's.
    pub analyses: RwSignal<Option<Analyses>>,
    /// The levers' feasible bands, computed after the frame that paints the
    /// charts of a settled change (the levers show them, no chart does);
    /// `None` until start-up's.
    pub feasible: RwSignal<Option<Feasible>>,
    /// Scenarios to go back to (newest last), pushed by one-click changes
    /// such as applying a solved value.
    pub history: RwSignal<Vec<Scenario>>,
    /// How the page shows it.
    pub page: PageState,
}

/// The Monte Carlo of one scenario, with the outcome the charts draw.
#[derive(Clone, Debug, PartialEq)]
pub struct Analyses {
    /// The scenario analysed.
    pub scenario: Scenario,
    /// The model's outcome for it (the charts draw this, so bars and Monte Carlo
    /// band always belong together).
    pub outcome: Outcome,
    /// The Monte Carlo spread.
    pub spread: Spread,
    /// How long computing it took, ms (shown to the benchmark as `data-analysis-ms`).
    pub ms: f64,
    /// How many analyses the page has run, this one included (`data-analysed`).
    pub seq: u64,
}

impl Analyses {
    /// Analyses a scenario whose outcome is `outcome`, as the page's `seq`-th
    /// analysis, timing the work with `now` (ms).
    pub fn of(
        (scenario, outcome): (Scenario, Outcome),
        seq: u64,
        now: impl Fn() -> f64,
    ) -> Analyses {
        let t0 = now();
        let spread = spread(&scenario, Data::get(), Draws::get());
        Analyses {
            scenario,
            outcome,
            spread,
            ms: now() - t0,
            seq,
        }
    }
}

/// The feasible band of every lever for one scenario and crop mode.
#[derive(Clone, Debug, PartialEq)]
pub struct Feasible {
    /// The scenario analysed.
    pub scenario: Scenario,
    /// The crop mode it was analysed under (bands of crop levers depend on it).
    pub mode: CropMode,
    /// Feasible band of every lever, in table order.
    pub bands: Vec<Option<Band>>,
    /// How long computing them took, ms (`data-bands-ms`).
    pub ms: f64,
}

impl Feasible {
    /// The bands of `scenario` under `mode`, timed with `now` (ms).
    pub fn of(scenario: Scenario, mode: CropMode, now: impl Fn() -> f64) -> Feasible {
        let t0 = now();
        let bands = bands(Data::get(), &scenario, mode == CropMode::Shift);
        Feasible {
            scenario,
            mode,
            bands,
            ms: now() - t0,
        }
    }
}

/// Most scenarios kept for undo.
pub const HISTORY: usize = 20;

impl AppState {
    /// Creates the state from a scenario, language and URL notices.
    pub fn new(scenario: Scenario, lang: Lang, notices: Vec<Notice>) -> AppState {
        let data = Data::get();
        let scenario = RwSignal::new(scenario);
        let outcome = Memo::new(move |_| scenario.with(|s| evaluate(s, data)));
        // The preset's and the plan's scenarios are rebuilt only when the
        // preset or the year changes, and a slider's input wakes nothing below
        // them (crate::follow).
        let levers = LeverValues::follow(scenario);
        let preset_id = follow(scenario, |s| s.preset.clone());
        let preset_scenario = Memo::new(move |_| {
            preset_id.with(|id| {
                Scenario::preset(data, id).unwrap_or_else(|_| Scenario::default_for(data))
            })
        });
        let year = follow(scenario, |s| s.value(LeverId::Year));
        let plan_scenario = Memo::new(move |_| {
            changji_model::derived::Derived::get()
                .reference(year.get())
                .clone()
        });
        let plan = Memo::new(move |_| plan_scenario.with(|s| evaluate(s, data)));
        let pinned: RwSignal<Option<Scenario>> = RwSignal::new(None);
        let pinned_outcome =
            Memo::new(move |_| pinned.with(|p| p.as_ref().map(|s| evaluate(s, data))));
        AppState {
            scenario,
            crop_mode: RwSignal::new(CropMode::default()),
            outcome,
            levers,
            preset_id,
            preset_scenario,
            plan_scenario,
            plan,
            pinned,
            pinned_outcome,
            analyses: RwSignal::new(None),
            feasible: RwSignal::new(None),
            history: RwSignal::new(Vec::new()),
            page: PageState::new(lang, notices),
        }
    }

    /// Catches the analyses up with the current scenario: the Monte Carlo
    /// now (the charts and the cap cards wait for it), the feasible bands in a
    /// task after the next frame, so the charts are painted first.
    pub fn settle(self, now: fn() -> f64) {
        self.run_monte_carlo(self.scenario.get_untracked(), now);
        request_animation_frame(move || {
            set_timeout(move || self.settle_bands(now), std::time::Duration::ZERO)
        });
    }

    /// Catches the feasible bands up with the current scenario and crop mode,
    /// unless they are.
    pub fn settle_bands(self, now: fn() -> f64) {
        let scenario = self.scenario.get_untracked();
        let mode = self.crop_mode.get_untracked();
        let current = self.feasible.with_untracked(|f| {
            f.as_ref()
                .is_some_and(|f| f.mode == mode && f.scenario == scenario)
        });
        if !current {
            self.feasible.set(Some(Feasible::of(scenario, mode, now)));
        }
    }

    /// The first analyses, in two tasks: the bands in this one, the Monte
    /// Carlo in the next. Each compiles its code the first time it runs
    /// (the browser compiles WebAssembly lazily), so at start-up the two
    /// together took 38–78 ms at 4× CPU slowdown, one blocking task
    /// (docs/performance.md). If the scenario changes in between, the
    /// analyses that change queued are the ones that count.
    pub fn settle_in_two_tasks(self, now: fn() -> f64) {
        self.settle_bands(now);
        let scenario = self.scenario.get_untracked();
        set_timeout(
            move || {
                if self.scenario.with_untracked(|s| *s == scenario) {
                    self.run_monte_carlo(scenario, now);
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// Sets the analyses to the Monte Carlo of `scenario`, the current one.
    fn run_monte_carlo(self, scenario: Scenario, now: fn() -> f64) {
        let analysed = (scenario, self.outcome.get_untracked());
        let seq = self.next_seq();
        self.analyses.set(Some(Analyses::of(analysed, seq, now)));
    }

    /// The number of the next analysis.
    fn next_seq(&self) -> u64 {
        self.analyses
            .with_untracked(|a| a.as_ref().map_or(0, |a| a.seq))
            .wrapping_add(1)
    }

    /// Applies a change to the scenario as one step that [`AppState::undo`] takes back.
    pub fn apply_undoable(&self, change: impl FnOnce(&mut Scenario)) {
        let before = self.scenario.get_untracked();
        self.history.update(|h| {
            h.push(before);
            if h.len() > HISTORY {
                h.remove(0);
            }
        });
        self.scenario.update(change);
    }

    /// Goes back to the scenario before the last undoable change.
    pub fn undo(&self) {
        let mut last = None;
        self.history.update(|h| last = h.pop());
        if let Some(s) = last {
            self.scenario.set(s);
        }
    }

    /// Sets one lever, honouring the crop mode for crop levers.
    pub fn set_lever(&self, id: LeverId, value: f64) {
        let data = Data::get();
        let shift = self.crop_mode.get_untracked() == CropMode::Shift;
        self.scenario.update(|s| {
            set_lever(data, s, id.index(), value, shift);
        });
    }

    /// Switches to a preset, every lever at its value.
    pub fn load_preset(&self, id: &str) {
        if let Ok(s) = Scenario::preset(Data::get(), id) {
            self.scenario.set(s);
        }
    }
}

/// Puts the state in context.
pub fn provide_app_state(state: AppState) {
    provide_context(state);
}

/// The state from context.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
