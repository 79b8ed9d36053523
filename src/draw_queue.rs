//! Chart redraws, out of the way of input. While the user is moving a slider
//! (an input event less than [`QUIET_MS`] ago) nothing is drawn at all: one
//! plotly.js redraw takes longer than a frame here, so drawing during a drag
//! would hold back the numbers. When the input pauses, the queued charts are
//! drawn in one frame, one after another, until the browser says an input is
//! waiting (`navigator.scheduling.isInputPending`, where the browser has it; a
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
        }
    }

    /// Records that the user moved something at time `t` (ms).
    pub fn note_input(self, t: f64) {
        self.last_input.set_value(t);
    }

    /// Whether the user is in the middle of moving something at time `t`.
    pub fn busy(self, t: f64) -> bool {
        t - self.last_input.get_value() < QUIET_MS
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
            request_animation_frame(move || self.run(crate::browser::now));
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
