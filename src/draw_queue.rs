//! Chart redraws, out of the way of input. While the user is moving a slider
//! (an input less than [`QUIET_MS`] ago, less than [`RUN_GAP_MS`] after the
//! one before) nothing is drawn at all: one plotly.js redraw takes longer than
//! a frame here, so drawing during a drag would hold back the numbers. A
//! single change (a key, a click, a typed value) is not a drag: [`FOLLOW_MS`]
//! after it (its numbers and analyses are painted meanwhile, and a drag's next
//! input would have come by then) every waiting chart is drawn, all in one
//! task, so that no frame of half-drawn charts comes between them. After a
//! drag the charts catch up one a task, as the drag may only have stalled.

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

    /// Records a change of the scenario at time `t` (ms) as an input, unless
    /// an input event came less than a frame before (the change is its own:
    /// the page reacts to an input within the frame).
    pub fn note_change(self, t: f64) {
        if t - self.last_input.get_value() >= FRAME_MS {
            self.note_input(t);
        }
    }

    /// Whether the user is in the middle of moving something at time `t`.
    pub fn busy(self, t: f64) -> bool {
        in_a_run(
            t,
            self.last_input.get_value(),
            self.previous_input.get_value(),
        )
    }

    /// Whole milliseconds from `t` until the last input can be taken as
    /// settled (see [`wait_for_quiet`]); 0 when it is.
    pub fn wait(self, t: f64) -> u32 {
        wait_for_quiet(
            t,
            self.last_input.get_value(),
            self.previous_input.get_value(),
        )
    }

    /// Calls `job` in a later task, once the last input has settled
    /// ([`DrawQueue::wait`]; asking again then, as inputs may have come in
    /// meanwhile). Never in this task, even when the input is old enough: a
    /// drag's next input may be waiting behind it (due, but not yet taken,
    /// when the frame after the first came late), and a timer runs after the
    /// ones already due. The wait is a `gloo_timers` future, freed when it
    /// fires (a forgotten `Timeout` would leave its closure behind at every
    /// hop, and a drag asks again about every [`QUIET_MS`]).
    pub fn when_quiet(self, job: impl FnOnce() + 'static) {
        let ms = self.wait(crate::browser::now()).max(1);
        leptos::task::spawn_local(async move {
            gloo_timers::future::TimeoutFuture::new(ms).await;
            if self.wait(crate::browser::now()) == 0 {
                job();
            } else {
                self.when_quiet(job);
            }
        });
    }

    /// Queues `job` under `key` unless that key is already waiting (the job
    /// reads the state when it runs, so the later request is served by it).
    /// The queue runs once the last input has settled.
    pub fn push(self, key: &'static str, job: Rc<dyn Fn()>) {
        self.jobs.update_value(|q| {
            if !q.iter().any(|(k, _)| *k == key) {
                q.push_back((key, job));
            }
        });
        if !self.scheduled.get_value() {
            self.scheduled.set_value(true);
            self.when_quiet(move || self.run());
        }
    }

    /// Whether nothing is waiting.
    pub fn is_idle(self) -> bool {
        self.jobs.with_value(VecDeque::is_empty)
    }

    /// Runs the queued jobs: all of them, one after another, after a single
    /// change; one a task after a run of inputs, which may only have stalled
    /// (a drag whose next input waits behind a long frame looks paused for a
    /// moment), so that such an input waits one chart, not all of them.
    fn run(self) {
        self.scheduled.set_value(false);
        let after_a_run = one_run(self.last_input.get_value(), self.previous_input.get_value());
        while let Some((_, job)) = self.jobs.try_update_value(VecDeque::pop_front).flatten() {
            job();
            if after_a_run && !self.is_idle() {
                self.scheduled.set_value(true);
                self.when_quiet(move || self.run());
                return;
            }
        }
    }
}

/// Milliseconds a single change waits before the charts follow it: a drag
/// sends an input a frame (16.7 ms), so by then its next one is due, and it
/// begins a run ([`in_a_run`]) that holds the charts until the drag rests.
pub const FOLLOW_MS: f64 = 24.0;

/// One frame at 60 Hz, in milliseconds.
pub const FRAME_MS: f64 = 16.7;

/// Inputs closer than this (ms) belong to one run (a drag, a held key), even
/// when the first input's work held back the second.
pub const RUN_GAP_MS: f64 = 150.0;

/// Whether, at time `t`, the inputs at `last` and `previous` are a run still
/// going: the last one recent, and itself close to the one before (a drag,
/// a held key), not a single change.
pub fn in_a_run(t: f64, last: f64, previous: f64) -> bool {
    t - last < QUIET_MS && one_run(last, previous)
}

/// Whether the inputs at `last` and `previous` belong to one run.
fn one_run(last: f64, previous: f64) -> bool {
    last - previous < RUN_GAP_MS
}

/// Whole milliseconds from `t` until the input at `last` (after one at
/// `previous`) has settled: [`QUIET_MS`] after it in a run, [`FOLLOW_MS`]
/// after a single change; 0 when it has. Never a part of a millisecond short
/// (a timer of 0 ms runs in Chromium ahead of timers already overdue, such as
/// a drag's next input).
pub fn wait_for_quiet(t: f64, last: f64, previous: f64) -> u32 {
    let until = if in_a_run(t, last, previous) {
        last + QUIET_MS
    } else {
        last + FOLLOW_MS
    };
    let ms = (until - t).ceil();
    if ms > 0.0 {
        ms as u32
    } else {
        0
    }
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
        // One key press after a long pause: not a run.
        assert!(!in_a_run(1000.0 + 5.0, 1000.0, 200.0));
        // The first ever input.
        assert!(!in_a_run(5.0, 0.0, f64::NEG_INFINITY));
    }

    #[test]
    fn a_single_change_settles_a_frame_and_more_after_it() {
        let long_ago = 200.0;
        // Asked in the frame after the input: wait until FOLLOW_MS after it,
        // later than a drag's next input (due 16.7 ms after).
        assert_eq!(wait_for_quiet(1008.0, 1000.0, long_ago), 16);
        assert!(f64::from(wait_for_quiet(1000.0, 1000.0, long_ago)) > 16.7);
        // A part of a millisecond short is a whole one.
        assert_eq!(
            wait_for_quiet(1000.0 + FOLLOW_MS - 0.5, 1000.0, long_ago),
            1
        );
        // Settled: no wait.
        assert_eq!(wait_for_quiet(1000.0 + FOLLOW_MS, 1000.0, long_ago), 0);
        assert_eq!(wait_for_quiet(5000.0, 1000.0, long_ago), 0);
        assert_eq!(wait_for_quiet(5.0, f64::NEG_INFINITY, f64::NEG_INFINITY), 0);
    }

    #[test]
    fn a_run_settles_when_it_pauses() {
        // A drag: an input every frame; it settles QUIET_MS after the last.
        assert_eq!(wait_for_quiet(1005.0, 1000.0, 1000.0 - 16.7), 29);
        assert_eq!(wait_for_quiet(1000.0 + QUIET_MS, 1000.0, 1000.0 - 16.7), 0);
    }
}
