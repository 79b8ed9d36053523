//! Languages and the page's translation catalogue.
//!
//! One mechanism for every reader-facing string: a [`Text`] holds a string in
//! both languages. The page's own strings are `Text`s under keys in
//! `locales/app.json` (embedded at compile time); the data's texts (sources,
//! notes) are `Text`s beside the values they describe in `model/data/`. The
//! `rust-i18n` crate did the page's part before; a map of `Text`s does the same
//! with the model's type, and its catalogue no longer compiles into code.

use changji_model::Text;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The page's catalogue, parsed once.
fn catalogue() -> &'static HashMap<String, Text> {
    static CATALOGUE: OnceLock<HashMap<String, Text>> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        // A broken catalogue is a build defect the tests catch; the page then
        // shows keys rather than failing.
        serde_json::from_str(include_str!("../locales/app.json")).unwrap_or_default()
    })
}

/// Parses the catalogue now, if not yet (start-up does it in a task of its
/// own rather than in the first task that shows a word).
pub fn load() {
    catalogue();
}

/// Every key of the catalogue (for the tests).
pub fn keys() -> impl Iterator<Item = &'static str> {
    catalogue().keys().map(String::as_str)
}

/// A language of the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// Simplified Chinese, the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Catalogue code, also used in the URL (`lang=en`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Value for `<html lang>`.
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// Parses a URL value; anything else is `None`.
    pub fn from_code(s: &str) -> Option<Lang> {
        match s.to_ascii_lowercase().as_str() {
            "zh" | "zh-cn" | "cn" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The other language (for the switch button).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }
}

/// The text of `key` in `lang`. A missing key yields the key itself, which the
/// catalogue tests catch.
pub fn tr(lang: Lang, key: &str) -> String {
    catalogue()
        .get(key)
        .map_or_else(|| key.to_string(), |t| t.get(lang.code()).to_string())
}

/// A lever's name, by its id (its row's label; the id itself if unknown).
pub fn lever_name(lang: Lang, id: impl std::fmt::Display) -> String {
    let id = id.to_string();
    id.parse::<changji_model::LeverId>().map_or(id, |l| {
        text(lang, &changji_model::Data::get().def(l).label).to_string()
    })
}

/// The name of a source's grade (plan, high, medium, estimate).
pub fn grade_name(lang: Lang, grade: changji_model::Grade) -> String {
    tr(lang, &format!("grade.{}", grade.key()))
}

/// A data text in `lang`.
pub fn text(lang: Lang, t: &Text) -> &str {
    t.get(lang.code())
}

/// The text of `key` with `%{name}` placeholders filled in.
pub fn tr_with(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    let mut s = tr(lang, key);
    for (name, value) in args {
        s = s.replace(&format!("%{{{name}}}"), value);
    }
    s
}

/// Whether the catalogue has `key` in `lang`.
pub fn has(lang: Lang, key: &str) -> bool {
    tr(lang, key) != key
}
