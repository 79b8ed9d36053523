//! The slow work of a change (the analyses, then the chart redraws), out of
//! the way of a drag. The browser says when the user lets go: a slider fires
//! `input` while it moves and `change` on release or with each key press; a
//! number box fires `change` on commit. Two rules:
//!
//! 1. The work waits while the user is moving something: after an `input`
//!    not yet followed by its `change` (a drag, typing), or while changes come
//!    less than [`RUN_GAP_MS`] apart (a held key), until nothing has come for
//!    [`RUN_GAP_MS`] (a drag resting under the finger).
//! 2. Otherwise it runs at once, in the task of the change (so nothing is
//!    painted between the numbers and the charts), in the order queued, just
//!    after the change's other effects.

use leptos::prelude::*;
use std::collections::VecDeque;
use std::rc::Rc;

/// Inputs less than this apart (ms) are one run (a drag, a held key, whose
/// repeats come 33–90 ms apart); a run this long without input has settled.
pub const RUN_GAP_MS: f64 = 150.0;

/// What the user is doing, as the input events tell it (times in ms).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Motion {
    /// An `input` came that its `change` has not yet followed.
    pub moving: bool,
    /// The last `change` came less than [`RUN_GAP_MS`] after the one before.
    pub repeating: bool,
    /// When the last `input` or `change` came.
    pub last: f64,
    /// When the last `change` came.
    pub last_change: f64,
}

/// Nothing has moved yet.
pub const STILL: Motion = Motion {
    moving: false,
    repeating: false,
    last: f64::NEG_INFINITY,
    last_change: f64::NEG_INFINITY,
};

impl Motion {
    /// After an `input` at `t`.
    pub fn input(self, t: f64) -> Motion {
        Motion {
            moving: true,
            last: t,
            ..self
        }
    }

    /// After a `change` at `t` (or a key that moved a slider itself).
    pub fn change(self, t: f64) -> Motion {
        let repeating = t - self.last_change < RUN_GAP_MS;
        Motion {
            moving: false,
            repeating,
            last: t,
            last_change: t,
        }
    }

    /// Whole milliseconds from `t` until the work may run (rule 1); 0 when it
    /// may now. Never a part of a millisecond short.
    pub fn wait(self, t: f64) -> u32 {
        let ms = (self.last + RUN_GAP_MS - t).ceil();
        if (self.moving || self.repeating) && ms > 0.0 {
            ms as u32
        } else {
            0
        }
    }
}

type Job = (&'static str, Rc<dyn Fn()>);

/// The queue: jobs by key, what the user is doing, whether a timer or a
/// microtask is set (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct DrawQueue {
    jobs: StoredValue<VecDeque<Job>, LocalStorage>,
    motion: StoredValue<Motion, LocalStorage>,
    timer: StoredValue<bool, LocalStorage>,
    draining: StoredValue<bool, LocalStorage>,
}

impl Default for DrawQueue {
    fn default() -> Self {
        DrawQueue {
            jobs: StoredValue::new_local(VecDeque::new()),
            motion: StoredValue::new_local(STILL),
            timer: StoredValue::new_local(false),
            draining: StoredValue::new_local(false),
        }
    }
}

impl DrawQueue {
    /// The user moved something (an `input` event) at `t` (ms).
    pub fn note_input(self, t: f64) {
        self.motion.update_value(|m| *m = m.input(t));
    }

    /// The user let go or pressed a key (a `change` event) at `t` (ms): the
    /// waiting work runs now unless the changes are a run.
    pub fn note_change(self, t: f64) {
        self.motion.update_value(|m| *m = m.change(t));
        self.run();
    }

    /// Whether nothing is waiting.
    pub fn is_idle(self) -> bool {
        self.jobs.with_value(VecDeque::is_empty)
    }

    /// Queues `job` under `key` unless that key is already waiting (a job
    /// reads the state when it runs, so the later request is served by it),
    /// and runs the queue if nothing holds it.
    pub fn push(self, key: &'static str, job: Rc<dyn Fn()>) {
        self.jobs.update_value(|q| {
            if !q.iter().any(|(k, _)| *k == key) {
                q.push_back((key, job));
            }
        });
        self.run();
    }

    /// Runs every waiting job in a microtask (jobs a job leads to, the charts
    /// after the analyses, are queued by their effects and run in the next
    /// one, still before the paint), or, while rule 1 holds them, once it no
    /// longer does (one timer at a time, a `gloo_timers` future freed when it
    /// fires).
    fn run(self) {
        let wait = self.motion.get_value().wait(crate::browser::now());
        if wait == 0 {
            // In a microtask of its own: the page's other effects of this
            // change (the numbers) finish first, then the jobs run, all before
            // the browser paints.
            if !self.draining.get_value() {
                self.draining.set_value(true);
                queue_microtask(move || {
                    self.draining.set_value(false);
                    while let Some((_, job)) =
                        self.jobs.try_update_value(VecDeque::pop_front).flatten()
                    {
                        job();
                    }
                });
            }
        } else if !self.timer.get_value() && !self.is_idle() {
            self.timer.set_value(true);
            leptos::task::spawn_local(async move {
                gloo_timers::future::TimeoutFuture::new(wait).await;
                self.timer.set_value(false);
                self.run();
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_change_runs_at_once() {
        // A key press or a click: input and change together.
        let m = STILL.input(1000.0).change(1000.0);
        assert_eq!(m.wait(1000.0), 0);
        // A change with no input (a preset, undo).
        assert_eq!(STILL.wait(5.0), 0);
    }

    #[test]
    fn a_drag_waits_for_its_release_or_its_rest() {
        let mut m = STILL;
        for k in 0..10 {
            m = m.input(1000.0 + 16.7 * f64::from(k));
        }
        let last = 1000.0 + 16.7 * 9.0;
        assert!(m.wait(last + 5.0) > 0);
        assert_eq!(m.wait(last + 5.0), (RUN_GAP_MS - 5.0).ceil() as u32);
        // Released: at once.
        assert_eq!(m.change(last + 20.0).wait(last + 20.0), 0);
        // Resting under the finger for RUN_GAP_MS: settled.
        assert_eq!(m.wait(last + RUN_GAP_MS), 0);
        // A part of a millisecond short is a whole one.
        assert_eq!(m.wait(last + RUN_GAP_MS - 0.5), 1);
    }

    #[test]
    fn a_held_key_is_a_run_until_it_stops() {
        // Key repeats every 33 ms: input and change each.
        let mut m = STILL.input(0.0).change(0.0);
        assert_eq!(m.wait(0.0), 0, "the first press runs at once");
        for k in 1..6 {
            let t = 500.0 + 33.0 * f64::from(k);
            m = m.input(t).change(t);
            if k > 1 {
                assert!(m.wait(t) > 0, "repeat {k} waits");
            }
        }
        let last = 500.0 + 33.0 * 5.0;
        assert_eq!(m.wait(last + RUN_GAP_MS), 0);
        // Two presses far enough apart are two single changes.
        let m = STILL.change(0.0).input(RUN_GAP_MS).change(RUN_GAP_MS);
        assert_eq!(m.wait(RUN_GAP_MS), 0);
    }
}
