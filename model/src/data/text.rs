//! Confidence grades and reader-facing texts in both languages.

use serde::{Deserialize, Serialize};

/// Confidence of a value: the plan itself, or `domain/data.md`'s H / M / L.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Grade {
    /// Read in the plan.
    #[serde(rename = "plan")]
    Plan,
    /// Read directly in an official or peer-reviewed source.
    H,
    /// Read directly, but secondary or ambiguous.
    M,
    /// An estimate.
    L,
}

impl Grade {
    /// Short id: `plan`, `H`, `M` or `L` (as in the data files).
    pub fn key(self) -> &'static str {
        match self {
            Grade::Plan => "plan",
            Grade::H => "H",
            Grade::M => "M",
            Grade::L => "L",
        }
    }
}

/// A reader-facing text in both languages of the page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Simplified Chinese.
    pub zh: String,
    /// English.
    pub en: String,
}

impl Text {
    /// A text from its two languages.
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in the language with this code (`zh` or `en`; anything
    /// else reads as Chinese, the page's default).
    pub fn get(&self, lang: &str) -> &str {
        if lang == "en" {
            &self.en
        } else {
            &self.zh
        }
    }

    /// Whether either language is empty.
    pub fn is_empty(&self) -> bool {
        self.zh.trim().is_empty() || self.en.trim().is_empty()
    }
}
