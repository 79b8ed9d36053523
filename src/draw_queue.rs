//! Chart redraws, out of the way of input. While the user is moving a slider
//! (an input less than [`QUIET_MS`] ago, less than [`RUN_GAP_MS`] after the one before) nothing
//! is drawn at all: one plotly.js redraw takes longer than a frame here, so
//! drawing during a drag would hold back the numbers. A single change (a key,
//! a click, a typed value) is not a drag and draws at once. Right after an
//! input, queued charts are drawn one a task: between two charts the browser
//! takes any input that came in (a drag that has just begun), and the next
//! chart waits if that input began a run. So a new touch waits at most one
//! chart.

use leptos::prelude::*;
use std::collections::VecDeque;
use std::rc::Rc;

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

    /// Runs the queued jobs, unless the user is moving something (then it
    /// tries again next animation frame). A task that began less than
    /// [`FOLLOW_MS`] after the last input runs one job and leaves the next to
    /// a new task, so that the second input of a drag, if one is waiting, is
    /// taken first; a later task runs the jobs one after another.
    fn run(self, now: fn() -> f64) {
        self.scheduled.set_value(false);
        let started = now();
        loop {
            if self.busy(now()) {
                self.scheduled.set_value(true);
                request_animation_frame(move || self.run(now));
                return;
            }
            let Some((_, job)) = self.jobs.try_update_value(VecDeque::pop_front).flatten() else {
                return;
            };
            job();
            if self.is_idle() {
                return;
            }
            if started - self.last_input.get_value() < FOLLOW_MS {
                self.scheduled.set_value(true);
                // 1 ms, not 0: Chromium runs a 0 ms timeout as soon as it is
                // posted, ahead of timers that are already overdue.
                gloo_timers::callback::Timeout::new(1, move || self.run(now)).forget();
                return;
            }
        }
    }
}

/// Milliseconds after an input during which another may still come as the
/// next step of a drag (a drag sends one a frame; the page may be a chart
/// late to take it).
pub const FOLLOW_MS: f64 = 50.0;

/// Inputs closer than this (ms) belong to one run (a drag, a held key), even
/// when the first input's analyses and chart (up to ~120 ms here) held back
/// the second.
pub const RUN_GAP_MS: f64 = 150.0;

/// Whether, at time `t`, the inputs at `last` and `previous` are a run still
/// going: the last one recent, and itself close to the one before (a drag,
/// a held key), not a single change.
pub fn in_a_run(t: f64, last: f64, previous: f64) -> bool {
    t - last < QUIET_MS && last - previous < RUN_GAP_MS
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
        // The analyses and a chart spaced two inputs of a drag: still a run.
        assert!(in_a_run(1000.0 + 5.0, 1000.0, 1000.0 - 120.0));
        // Two clicks far enough apart: not a run.
        assert!(!in_a_run(1000.0 + 5.0, 1000.0, 1000.0 - RUN_GAP_MS));
        // One key press after a long pause: draw at once.
        assert!(!in_a_run(1000.0 + 5.0, 1000.0, 200.0));
        // The first ever input.
        assert!(!in_a_run(5.0, 0.0, f64::NEG_INFINITY));
    }
}
