//! Chart redraws spread over animation frames: each frame draws queued charts
//! until a time budget is spent (always at least one), so on a slow machine a
//! drag keeps the numbers moving between chart redraws, and on a fast one all
//! charts still redraw in the same frame.

use leptos::prelude::*;
use std::collections::VecDeque;
use std::rc::Rc;

/// Milliseconds of chart drawing a frame may start more of.
pub const BUDGET_MS: f64 = 8.0;

type Job = (&'static str, Rc<dyn Fn()>);

/// The queue (a `Copy` handle).
#[derive(Clone, Copy)]
pub struct DrawQueue {
    jobs: StoredValue<VecDeque<Job>, LocalStorage>,
    scheduled: StoredValue<bool, LocalStorage>,
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
        }
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

    /// Runs queued jobs until [`BUDGET_MS`] is spent (at least one), and asks
    /// for another frame if some are left.
    fn run(self, now: fn() -> f64) {
        self.scheduled.set_value(false);
        let t0 = now();
        while let Some((_, job)) = self.jobs.try_update_value(VecDeque::pop_front).flatten() {
            job();
            if now() - t0 >= BUDGET_MS {
                break;
            }
        }
        if !self.is_idle() && !self.scheduled.get_value() {
            self.scheduled.set_value(true);
            request_animation_frame(move || self.run(now));
        }
    }
}
