//! Saved scenarios in the browser's local storage.
//!
//! Uses `web_sys::Storage` directly rather than `gloo-storage`: gloo's
//! `LocalStorage::raw()` throws when storage is disabled (private windows,
//! strict settings), and this page must keep working then.

use crate::saved::{file_text, parse_file, SavedScenario};

/// Storage key of the saved scenarios.
pub const KEY: &str = "changji-water.saved";
/// Where an unreadable entry is kept, so nothing the user saved is lost.
pub const CORRUPT_KEY: &str = "changji-water.saved.unreadable";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
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
    let Some(st) = storage() else {
        return (Vec::new(), Some(LoadNote::Unavailable));
    };
    let Ok(Some(text)) = st.get_item(KEY) else {
        return (Vec::new(), None);
    };
    match parse_file(changji_model::Data::get(), &text) {
        Ok((list, _)) => (list, None),
        Err(e) => {
            let _ = st.set_item(CORRUPT_KEY, &text);
            let _ = st.remove_item(KEY);
            (Vec::new(), Some(LoadNote::Unreadable(format!("{e:?}"))))
        }
    }
}

/// Stores the list. Returns false when the browser refused (no storage, quota).
pub fn store(list: &[SavedScenario]) -> bool {
    storage().is_some_and(|st| st.set_item(KEY, &file_text(list)).is_ok())
}
