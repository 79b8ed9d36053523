//! The URL is the scenario: read it once at start, write it (debounced, with
//! `history.replaceState`, so a slider drag does not flood history) on change.

use crate::i18n::Lang;
use changji_model::codec::{parse_query, write_query, Notice, VERSION_KEY};
use changji_model::{Data, Scenario, MODEL_VERSION};
use std::cell::RefCell;

/// Page keys the model codec passes through.
pub const PAGE_KEYS: &[&str] = &["lang", "mode"];

/// What the page reads from a query string.
#[derive(Clone, Debug, PartialEq)]
pub struct PageQuery {
    /// The scenario.
    pub scenario: Scenario,
    /// The language (Chinese unless `lang=en`).
    pub lang: Lang,
    /// Presentation mode (`mode=present`).
    pub present: bool,
    /// Notices for the user.
    pub notices: Vec<Notice>,
}

/// Reads a query string (pure: natively testable).
pub fn read_query(query: &str) -> PageQuery {
    let data = Data::get();
    let mut parsed = parse_query(data, query, PAGE_KEYS);
    let mut lang = Lang::default();
    let mut present = false;
    for (k, v) in &parsed.extras {
        if k == "mode" {
            if v == "present" {
                present = true;
            } else {
                parsed.notices.push(Notice::Unparsable {
                    key: "mode".into(),
                    value: v.chars().take(16).collect(),
                });
            }
        }
        if k == "lang" {
            match Lang::from_code(v) {
                Some(l) => lang = l,
                None => parsed.notices.push(Notice::Unparsable {
                    key: "lang".into(),
                    value: v.chars().take(16).collect(),
                }),
            }
        }
    }
    PageQuery {
        scenario: parsed.scenario,
        lang,
        present,
        notices: parsed.notices,
    }
}

/// The query string for a scenario and language (pure), without `?`; empty for
/// the default scenario in Chinese.
pub fn query_for(scenario: &Scenario, lang: Lang) -> String {
    query_with_mode(scenario, lang, false)
}

/// As [`query_for`], with `mode=present` when presenting.
pub fn query_with_mode(scenario: &Scenario, lang: Lang, present: bool) -> String {
    let data = Data::get();
    let version = MODEL_VERSION.to_string();
    let mut extras: Vec<(&str, &str)> = Vec::new();
    if lang != Lang::default() {
        extras.push(("lang", lang.code()));
    }
    if present {
        extras.push(("mode", "present"));
    }
    let q = write_query(data, scenario, &extras);
    if q.is_empty() {
        q
    } else {
        format!("{q}&{VERSION_KEY}={version}")
    }
}

/// The current `location.search`.
pub fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

thread_local! {
    static PENDING: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
}

/// Replaces the URL's query after a short pause (a new call cancels the last).
pub fn write_debounced(query: String) {
    let timeout = gloo_timers::callback::Timeout::new(150, move || replace_now(&query));
    PENDING.with(|p| *p.borrow_mut() = Some(timeout));
}

/// Replaces the URL's query now, keeping the path (so sub-path hosting works).
pub fn replace_now(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() {
        path
    } else {
        format!("{path}?{query}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_scenario_has_an_empty_query() {
        let q = read_query("");
        assert_eq!(q.lang, Lang::Zh);
        assert!(q.notices.is_empty());
        assert_eq!(query_for(&q.scenario, q.lang), "");
    }

    #[test]
    fn language_and_levers_round_trip() {
        let q = read_query("?preset=dry-95&eta=0.7&lang=en");
        assert_eq!(q.lang, Lang::En);
        let written = query_for(&q.scenario, q.lang);
        assert_eq!(written, "preset=dry-95&eta=0.7&lang=en&v=1");
        assert_eq!(read_query(&written), q);
    }

    #[test]
    fn presentation_mode_is_in_the_link() {
        let q = read_query("mode=present&eta=0.7");
        assert!(q.present);
        assert_eq!(
            query_with_mode(&q.scenario, q.lang, true),
            "eta=0.7&mode=present&v=1"
        );
        assert_eq!(read_query("mode=x").notices.len(), 1);
    }

    #[test]
    fn a_bad_language_is_a_notice() {
        let q = read_query("lang=fr");
        assert_eq!(q.lang, Lang::Zh);
        assert_eq!(q.notices.len(), 1);
    }
}
