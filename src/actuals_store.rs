//! The bureau's own figures in the browser's local storage (`gloo-storage`):
//! the entered rows as CSV text, read back through the same reader as a
//! file, so a damaged entry loses only its bad rows; the entry as it was is
//! kept aside under [`CORRUPT_KEY`].

use changji_model::progress::{measures, read_csv, write_csv, Actual, RowError};
use gloo_storage::{LocalStorage, Storage};
use std::cell::RefCell;

thread_local! {
    /// The entered figures, once read (`None` until then).
    static CACHED: RefCell<Option<Vec<Actual>>> = const { RefCell::new(None) };
}

/// The entered figures as last loaded or stored in this page, read from
/// storage on first use (not at start-up: only the explorer's path chart
/// needs them, when it first draws). Empty where there is no browser, as in
/// native tests.
pub fn cached() -> Vec<Actual> {
    if let Some(rows) = CACHED.with(|c| c.borrow().clone()) {
        return rows;
    }
    if cfg!(target_arch = "wasm32") {
        load().0
    } else {
        Vec::new()
    }
}

fn cache(rows: &[Actual]) {
    CACHED.with(|c| *c.borrow_mut() = Some(rows.to_vec()));
}

/// Storage key of the entered figures.
pub const KEY: &str = "changji-water.actuals";
/// Where an entry with unreadable rows is kept, as it was.
pub const CORRUPT_KEY: &str = "changji-water.actuals.unreadable";

fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// The stored figures, and the rows that could not be read.
pub fn load() -> (Vec<Actual>, Vec<RowError>) {
    if !available() {
        cache(&[]);
        return (Vec::new(), Vec::new());
    }
    let Ok(Some(text)) = LocalStorage::raw().get_item(KEY) else {
        cache(&[]);
        return (Vec::new(), Vec::new());
    };
    let (rows, bad) = read_csv(&text, measures());
    if !bad.is_empty() {
        let _ = LocalStorage::raw().set_item(CORRUPT_KEY, &text);
    }
    cache(&rows);
    (rows, bad)
}

/// Stores the entered figures (none: the entry is removed). False when the
/// browser refused.
pub fn store(rows: &[Actual]) -> bool {
    cache(rows);
    if !available() {
        return false;
    }
    if rows.is_empty() {
        LocalStorage::delete(KEY);
        return true;
    }
    LocalStorage::raw()
        .set_item(KEY, &write_csv(rows, measures()))
        .is_ok()
}
