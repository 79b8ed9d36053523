//! Saved scenarios in the browser's local storage, through `gloo-storage`.
//!
//! The entry is the scenarios file itself (`SavedFile` as JSON, the format of
//! an exported file), read back through `parse_file`, which validates and
//! clamps every scenario. gloo's `LocalStorage::raw()` throws when storage is
//! disabled (private windows, strict settings), so the browser is asked first
//! (without throwing) and the page keeps working without storage.

use changji_model::file::{parse_file, SavedFile, SavedScenario};
use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage, Storage};

/// Storage key of the saved scenarios.
pub const KEY: &str = "changji-water.saved";
/// Where an unreadable entry is kept, so nothing the user saved is lost.
pub const CORRUPT_KEY: &str = "changji-water.saved.unreadable";

/// Whether this browser lets the page use local storage (asked without
/// throwing).
fn available() -> bool {
    web_sys::window().is_some_and(|w| matches!(w.local_storage(), Ok(Some(_))))
}

/// What loading found.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadNote {
    /// Storage is not available; saving will not persist.
    Unavailable,
    /// The stored value could not be read; it was moved to [`CORRUPT_KEY`].
    Unreadable(String),
}

/// The saved scenarios, and a note when something was wrong.
pub fn load() -> (Vec<SavedScenario>, Option<LoadNote>) {
    if !available() {
        return (Vec::new(), Some(LoadNote::Unavailable));
    }
    let problem = match LocalStorage::get::<serde_json::Value>(KEY) {
        Err(StorageError::KeyNotFound(_)) => return (Vec::new(), None),
        Ok(value) => match parse_file(changji_model::Data::get(), &value.to_string()) {
            Ok((list, _)) => return (list, None),
            Err(e) => format!("{e:?}"),
        },
        Err(e) => e.to_string(),
    };
    // Keep the entry as it was, byte for byte, beside the fresh list.
    if let Ok(Some(text)) = LocalStorage::raw().get_item(KEY) {
        let _ = LocalStorage::raw().set_item(CORRUPT_KEY, &text);
    }
    LocalStorage::delete(KEY);
    (Vec::new(), Some(LoadNote::Unreadable(problem)))
}

/// Stores the list. Returns false when the browser refused (no storage, quota).
pub fn store(list: &[SavedScenario]) -> bool {
    available() && LocalStorage::set(KEY, SavedFile::of(list)).is_ok()
}
