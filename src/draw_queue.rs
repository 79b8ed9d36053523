//! Chart redraws, out of the way of input. While the user is moving a slider
//! (an input less than [`QUIET_MS`] ago, less than [`RUN_GAP_MS`] after the one before) nothing
//! is drawn at all: one plotly.js redraw takes longer than a frame here, so
//! drawing during a drag would hold back the numbers. A single change (a key,
//! a click, a typed value) is not a drag and draws at once. Queued charts are
//! drawn one after another, until the browser says an input is waiting
//! (`navigator.scheduling.isInputPending`, where the browser has it; a
//! [`BUDGET_MS`] time budget where not), so a new touch waits at most one chart.

use leptos::prelude::*;
use std::collections::VecDeque;
use std::rc::Rc;

/// Milliseconds of chart drawing a frame may start more of, in a browser that
/// cannot tell whether an input is waiting.
pub const BUDGET_MS: f64 = 8.0;

/// Milliseconds without input after which charts draw again (two frames: a
/// drag sends an input every frame).
pub const QUIET_MS: f64 = 34.0;

type Job = (&'static str, Rc<dyn Fn()>);

/// The queue (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct DrawQueue {
    jobs: StoredValue<VecDeque<Job>, LocalStorage>,
    scheduled: StoredValue<bool, LocalStorage>,
    last_input: StoredValue<f64, LocalStorage>,
    previous_input: StoredValue<f64, LocalStorage>,
}

impl Default for DrawQueue {
    fn default() -> Self {
        Self::new()
    }
}

impl DrawQueue {
    /// An empty queue.
    pub fn new() -> Self {
        DrawQueue {
            jobs: StoredValue::new_local(VecDeque::new()),
            scheduled: StoredValue::new_local(false),
            last_input: StoredValue::new_local(f64::NEG_INFINITY),
            previous_input: StoredValue::new_local(f64::NEG_INFINITY),
        }
    }

    /// Records that the user moved something at time `t` (ms).
    pub fn note_input(self, t: f64) {
        self.previous_input.set_value(self.last_input.get_value());
        self.last_input.set_value(t);
    }

    /// Whether the user is in the middle of moving something at time `t`.
    pub fn busy(self, t: f64) -> bool {
        in_a_run(
            t,
            self.last_input.get_value(),
            self.previous_input.get_value(),
        )
    }

    /// Queues `job` under `key` unless that key is already waiting (the job
    /// reads the state when it runs, so the later request is served by it).
    pub fn push(self, key: &'static str, job: Rc<dyn Fn()>) {
        self.jobs.update_value(|q| {
            if !q.iter().any(|(k, _)| *k == key) {
                q.push_back((key, job));
            }
        });
        if !self.scheduled.get_value() {
            self.scheduled.set_value(true);
            // The numbers are on screen already (the charts follow the
            // analyses, a frame after the input): no need to wait a frame more.
            queue_microtask(move || self.run(crate::browser::now));
        }
    }

    /// Whether nothing is waiting.
    pub fn is_idle(self) -> bool {
        self.jobs.with_value(VecDeque::is_empty)
    }

    /// Runs queued jobs until an input is waiting (or, where the browser cannot
    /// tell, [`BUDGET_MS`] is spent; at least one job), and asks for another
    /// frame if some are left.
    fn run(self, now: fn() -> f64) {
        self.scheduled.set_value(false);
        let t0 = now();
        if self.busy(t0) {
            self.scheduled.set_value(true);
            request_animation_frame(move || self.run(now));
            return;
        }
        let pending = input_pending_probe();
        while let Some((_, job)) = self.jobs.try_update_value(VecDeque::pop_front).flatten() {
            job();
            let stop = match &pending {
                Some(probe) => probe(),
                None => now() - t0 >= BUDGET_MS,
            };
            if stop {
                break;
            }
        }
        if !self.is_idle() && !self.scheduled.get_value() {
            self.scheduled.set_value(true);
            request_animation_frame(move || self.run(now));
        }
    }
}

/// Inputs closer than this (ms) belong to one run (a drag, a held key), even
/// when a busy frame spaced two of them out.
pub const RUN_GAP_MS: f64 = 100.0;

/// Whether, at time `t`, the inputs at `last` and `previous` are a run still
/// going: the last one recent, and itself close to the one before (a drag,
/// a held key), not a single change.
pub fn in_a_run(t: f64, last: f64, previous: f64) -> bool {
    t - last < QUIET_MS && last - previous < RUN_GAP_MS
}

/// `navigator.scheduling.isInputPending()` as a function, where the browser
/// has it (Chromium); `None` elsewhere.
fn input_pending_probe() -> Option<impl Fn() -> bool> {
    use wasm_bindgen::{JsCast, JsValue};
    let get = |o: &JsValue, k: &str| {
        js_sys::Reflect::get(o, &JsValue::from_str(k))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    let scheduling = get(&gloo_utils::window().navigator(), "scheduling")?;
    let f = get(&scheduling, "isInputPending")?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    Some(move || f.call0(&scheduling).is_ok_and(|v| v.is_truthy()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drag_is_a_run_and_a_single_change_is_not() {
        // A drag: an input every frame.
        assert!(in_a_run(1000.0 + 5.0, 1000.0, 1000.0 - 16.7));
        // The drag paused: quiet again.
        assert!(!in_a_run(1000.0 + QUIET_MS + 1.0, 1000.0, 1000.0 - 16.7));
        // A busy frame spaced two inputs of a drag: still a run.
        assert!(in_a_run(1000.0 + 5.0, 1000.0, 1000.0 - 60.0));
        // One key press after a long pause: draw at once.
        assert!(!in_a_run(1000.0 + 5.0, 1000.0, 200.0));
        // The first ever input.
        assert!(!in_a_run(5.0, 0.0, f64::NEG_INFINITY));
    }
}
