//! Values read off the scenario that tell the page only when they change.
//!
//! A memo on the scenario re-runs on every change of it, and before it does,
//! Leptos's reactive graph wakes every effect below it to check it
//! (reactive_graph 0.2: a memo marks its subscribers for a check when a
//! source changes, and each woken effect asks its memos again). A drag step of
//! one lever then woke the effects of all 26 lever rows, the preset's and the
//! plan year's, to find nothing changed. The signals here are set by one
//! effect each, and only with a new value, so a step wakes the effects of the
//! one value that moved.

use changji_model::{Data, LeverId, Scenario};
use leptos::prelude::*;

/// `f` of the scenario, as a signal that changes only when that value does.
pub fn follow<T>(scenario: RwSignal<Scenario>, f: fn(&Scenario) -> T) -> ReadSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let (value, set) = signal(scenario.with_untracked(f));
    Effect::new(move |_| {
        let v = scenario.with(f);
        if value.with_untracked(|old| *old != v) {
            set.set(v);
        }
    });
    value
}

/// A lever's value as its row shows it: the scenario's, or the lever's
/// minimum where that is not a number (the slider needs one).
pub fn shown_value(s: &Scenario, id: LeverId) -> f64 {
    let v = s.value(id);
    if v.is_finite() {
        v
    } else {
        Data::get().levers[id.index()].min
    }
}

/// Every lever's value in the scenario ([`shown_value`]), a signal each, in
/// the order of [`LeverId::ALL`].
#[derive(Clone, Copy)]
pub struct LeverValues(StoredValue<[RwSignal<f64>; LeverId::ALL.len()]>);

impl LeverValues {
    /// The levers' values of `scenario`, kept in step by one effect that
    /// sets each lever's signal only when its value changed.
    pub fn follow(scenario: RwSignal<Scenario>) -> LeverValues {
        let signals =
            scenario.with_untracked(|s| LeverId::ALL.map(|id| RwSignal::new(shown_value(s, id))));
        let values = LeverValues(StoredValue::new(signals));
        Effect::new(move |_| {
            scenario.with(|s| {
                values.0.with_value(|signals| {
                    for (&id, signal) in LeverId::ALL.iter().zip(signals) {
                        let v = shown_value(s, id);
                        if signal.get_untracked() != v {
                            signal.set(v);
                        }
                    }
                })
            })
        });
        values
    }

    /// Lever `id`'s value as a signal (read-only to the page).
    pub fn signal(self, id: LeverId) -> ReadSignal<f64> {
        // One signal for each of `LeverId::ALL`, at its `index`.
        self.0.with_value(|s| s[id.index()].read_only())
    }
}
