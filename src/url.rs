//! The URL is the scenario: read it once at start, write it (debounced, with
//! `history.replaceState`, so a slider drag does not flood history) on change.

use crate::i18n::Lang;
use changji_model::codec::{parse_query, write_query, Notice, VERSION_KEY};
use changji_model::{Data, Scenario, MODEL_VERSION};
use std::cell::RefCell;

/// Page keys the model codec passes through.
pub const PAGE_KEYS: &[&str] = &["lang", "mode", "view", "scene", "actuals"];

/// Which page a link opens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The scenario explorer (no `view` key).
    #[default]
    Explorer,
    /// The story (`view=story`, with `scene=N`).
    Story,
    /// The 2030 challenge (`view=challenge`, with the scenario's levers).
    Challenge,
    /// The household calculator (`view=household`).
    Household,
    /// Where Changji stands: actual years against the plan's path
    /// (`view=progress`, with the entered figures as `actuals=`).
    Progress,
}

impl View {
    /// Every public page, in the order of their links.
    pub const PUBLIC: [View; 4] = [
        View::Progress,
        View::Story,
        View::Challenge,
        View::Household,
    ];

    /// Its `view=` value (`""` for the explorer).
    pub fn code(self) -> &'static str {
        match self {
            View::Explorer => "",
            View::Story => "story",
            View::Challenge => "challenge",
            View::Household => "household",
            View::Progress => "progress",
        }
    }

    fn from_code(s: &str) -> Option<View> {
        [
            View::Explorer,
            View::Story,
            View::Challenge,
            View::Household,
            View::Progress,
        ]
        .into_iter()
        .find(|v| v.code() == s)
    }
}

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
    /// The page.
    pub view: View,
    /// The story's scene (1-based; 1 when not given).
    pub scene: usize,
    /// Whether the query set any lever or preset (the challenge then starts
    /// from the link's scenario).
    pub has_scenario: bool,
    /// Entered actual figures the link carries (`actuals=`, CSV rows), read
    /// by the progress page.
    pub actuals: Option<String>,
}

/// Reads a query string (pure: natively testable).
pub fn read_query(query: &str) -> PageQuery {
    let data = Data::get();
    let mut parsed = parse_query(data, query, PAGE_KEYS);
    let mut lang = Lang::default();
    let mut present = false;
    let mut view = View::Explorer;
    let mut scene = 1;
    let not_a_choice = |key: &str, v: &str, choices: &str| Notice::NotAChoice {
        key: key.into(),
        value: v.chars().take(16).collect(),
        choices: choices.into(),
    };
    let views = View::PUBLIC.map(View::code).join(", ");
    let mut actuals = None;
    let scenes = crate::story::SCENE_KEYS.len();
    for (k, v) in &parsed.extras {
        if k == "view" {
            match View::from_code(v) {
                Some(x) => view = x,
                None => parsed.notices.push(not_a_choice("view", v, &views)),
            }
        }
        if k == "scene" {
            match v.parse::<usize>() {
                Ok(n) if (1..=scenes).contains(&n) => scene = n,
                _ => parsed
                    .notices
                    .push(not_a_choice("scene", v, &format!("1–{scenes}"))),
            }
        }
        if k == "mode" {
            if v == "present" {
                present = true;
            } else {
                parsed.notices.push(not_a_choice("mode", v, "present"));
            }
        }
        if k == "actuals" {
            actuals = Some(v.clone());
        }
        if k == "lang" {
            match Lang::from_code(v) {
                Some(l) => lang = l,
                None => parsed.notices.push(not_a_choice("lang", v, "zh, en")),
            }
        }
    }
    let has_scenario = query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|kv| kv.split('=').next())
        .any(|k| !k.is_empty() && !PAGE_KEYS.contains(&k) && k != VERSION_KEY);
    PageQuery {
        scenario: parsed.scenario,
        lang,
        present,
        notices: parsed.notices,
        view,
        scene,
        has_scenario,
        actuals,
    }
}

/// The progress page's query (pure): `view=progress`, the entered figures in
/// their link form (CSV rows, percent-encoded), and the language.
pub fn progress_query(entered_link: &str, lang: Lang) -> String {
    let mut q = form_urlencoded::Serializer::new(String::from("view=progress"));
    if !entered_link.is_empty() {
        q.append_pair("actuals", entered_link);
    }
    if lang != Lang::default() {
        q.append_pair("lang", lang.code());
    }
    q.finish()
}

/// The query of a public page (pure): `view=…`, the story's scene, the
/// challenge's scenario, and the language.
pub fn public_query(view: View, scene: usize, scenario: Option<&Scenario>, lang: Lang) -> String {
    let mut q = format!("view={}", view.code());
    if view == View::Story {
        q.push_str(&format!("&scene={scene}"));
    }
    if let Some(s) = scenario {
        let levers = write_query(Data::get(), s, &[]);
        if !levers.is_empty() {
            q.push('&');
            q.push_str(&levers);
        }
    }
    if lang != Lang::default() {
        q.push_str(&format!("&lang={}", lang.code()));
    }
    q
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
    gloo_utils::window().location().search().unwrap_or_default()
}

thread_local! {
    static PENDING: RefCell<Option<gloo_timers::callback::Timeout>> = const { RefCell::new(None) };
}

/// Replaces the URL's query after a short pause (a new call cancels the last).
pub fn write_debounced(query: String) {
    let timeout = gloo_timers::callback::Timeout::new(150, move || replace_now(&query));
    PENDING.with(|p| *p.borrow_mut() = Some(timeout));
}

/// Replaces the URL's query now, keeping the path (so sub-path hosting works);
/// nothing when the URL already has it (the page's first write, a change
/// undone): a history entry replaced costs the browser a few milliseconds.
pub fn replace_now(query: &str) {
    let window = gloo_utils::window();
    let location = window.location();
    let search = location.search().unwrap_or_default();
    if search.strip_prefix('?').unwrap_or(&search) == query {
        return;
    }
    let path = location.pathname().unwrap_or_default();
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
    fn public_pages_have_their_links() {
        let q = read_query("view=story&scene=3&lang=en");
        assert_eq!((q.view, q.scene, q.lang), (View::Story, 3, Lang::En));
        assert!(!q.has_scenario);
        assert_eq!(
            public_query(View::Story, 3, None, Lang::En),
            "view=story&scene=3&lang=en"
        );
        let bad = read_query("view=nope&scene=99");
        assert_eq!((bad.view, bad.scene), (View::Explorer, 1));
        assert_eq!(bad.notices.len(), 2);
        let d = Data::get();
        let s = crate::story::challenge_start(d);
        let link = public_query(View::Challenge, 1, Some(&s), Lang::Zh);
        assert!(
            link.starts_with("view=challenge&") && link.contains("preset=target-2030"),
            "{link}"
        );
        let back = read_query(&link);
        assert!(back.has_scenario);
        assert_eq!(back.scenario, s);
    }

    #[test]
    fn a_bad_language_is_a_notice() {
        let q = read_query("lang=fr");
        assert_eq!(q.lang, Lang::Zh);
        assert_eq!(q.notices.len(), 1);
    }

    #[test]
    fn a_bad_view_language_or_scene_says_what_was_wrong_in_those_words() {
        use crate::components::notices::notice_text;
        let q = read_query("view=progres&lang=xx&scene=19");
        let said: Vec<String> = q.notices.iter().map(|n| notice_text(Lang::En, n)).collect();
        assert_eq!(said.len(), 3, "{said:?}");
        assert!(
            said[0].contains("no page “progres”") && said[0].contains("progress, story"),
            "{said:?}"
        );
        assert!(said[1].contains("language “xx”"), "{said:?}");
        assert!(
            said[2].contains("no scene “19”") && said[2].contains("1–8"),
            "{said:?}"
        );
        assert!(said.iter().all(|s| !s.contains("not a number")), "{said:?}");
        let zh = notice_text(Lang::Zh, &q.notices[0]);
        assert!(zh.contains("没有“progres”这个页面"), "{zh}");
    }
}
