//! The query-string codec shared by the page and the CLI:
//! `?preset=plan-2025&eta=0.7&cotton=210`.
//!
//! Parsing never fails and never panics: unknown keys, unparsable values, unknown
//! presets and out-of-range values become [`Notice`]s, and the scenario keeps sane
//! values (the preset's, or the clamped value). Writing emits only the levers that
//! differ from the preset, so links stay short and readable.

use crate::data::Data;
use crate::scenario::{Scenario, DEFAULT_PRESET};
use crate::MODEL_VERSION;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Longest query the codec reads; the rest is ignored with a notice.
pub const MAX_QUERY_LEN: usize = 4096;

/// Something about a query that the user should be told.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Notice {
    /// A key that is neither a lever nor a known page key; ignored.
    UnknownKey {
        /// The key.
        key: String,
    },
    /// A lever id of an earlier version; read, not used (see [`crate::data::RetiredLever`]).
    Retired {
        /// The key.
        key: String,
    },
    /// A value that is not a finite number; the preset's value is kept.
    Unparsable {
        /// The lever id.
        key: String,
        /// The text given.
        value: String,
    },
    /// A page key (view, scene, language, mode) whose value is none of its
    /// choices; the page's default is used.
    NotAChoice {
        /// The key.
        key: String,
        /// The text given.
        value: String,
        /// The choices, as the reader is told them.
        choices: String,
    },
    /// A value outside the lever's range (or not one of its options); clamped.
    Clamped {
        /// The lever id.
        key: String,
        /// The value given.
        given: f64,
        /// The value used.
        used: f64,
    },
    /// A preset id that does not exist; the default preset is used.
    UnknownPreset {
        /// The id given.
        value: String,
    },
    /// A link written by another model version.
    OtherVersion {
        /// The version in the link.
        given: String,
        /// This version.
        current: u32,
    },
    /// A key given more than once; the last value wins.
    Duplicate {
        /// The key.
        key: String,
    },
    /// The query was longer than [`MAX_QUERY_LEN`]; the rest was ignored.
    TooLong {
        /// Length of the query.
        len: usize,
    },
    /// More notices than [`MAX_NOTICES`]; the rest are summarised.
    More {
        /// How many were left out.
        count: usize,
    },
}

/// Most notices reported one by one.
pub const MAX_NOTICES: usize = 12;

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Notice::UnknownKey { key } => write!(f, "unknown parameter '{key}' ignored"),
            Notice::Retired { key } => write!(
                f,
                "'{key}' is no longer a lever (see the data notes); its value is not used"
            ),
            Notice::Unparsable { key, value } => {
                write!(f, "'{value}' is not a number for '{key}'; default kept")
            }
            Notice::NotAChoice {
                key,
                value,
                choices,
            } => write!(
                f,
                "'{value}' is not a choice for '{key}' ({choices}); default used"
            ),
            Notice::Clamped { key, given, used } => {
                write!(f, "{key}={given} is out of range; {used} used")
            }
            Notice::UnknownPreset { value } => {
                write!(f, "unknown preset '{value}'; {DEFAULT_PRESET} used")
            }
            Notice::OtherVersion { given, current } => write!(
                f,
                "link made with model version {given}; opened with version {current}"
            ),
            Notice::Duplicate { key } => write!(f, "'{key}' given more than once; last value used"),
            Notice::TooLong { len } => write!(
                f,
                "link is {len} characters long; only the first {MAX_QUERY_LEN} were read"
            ),
            Notice::More { count } => write!(f, "{count} more problems in the link"),
        }
    }
}

/// What a query string says.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The scenario it describes.
    pub scenario: Scenario,
    /// Page keys that are not levers (e.g. `lang`), in order, for the caller.
    pub extras: Vec<(String, String)>,
    /// Everything the user should be told.
    pub notices: Vec<Notice>,
}

/// Keys the codec itself handles.
const PRESET_KEY: &str = "preset";
/// Key of the model version.
pub const VERSION_KEY: &str = "v";

fn cut(query: &str) -> (&str, Option<Notice>) {
    let q = query.strip_prefix('?').unwrap_or(query);
    if q.len() <= MAX_QUERY_LEN {
        return (q, None);
    }
    let mut end = MAX_QUERY_LEN;
    while !q.is_char_boundary(end) {
        end -= 1;
    }
    (&q[..end], Some(Notice::TooLong { len: q.len() }))
}

/// Parses a query string (with or without the leading `?`). `page_keys` are keys
/// the caller handles itself (returned in `extras`, never reported as unknown).
pub fn parse_query(data: &Data, query: &str, page_keys: &[&str]) -> Parsed {
    let (q, too_long) = cut(query);
    let mut notices: Vec<Notice> = too_long.into_iter().collect();
    let pairs: Vec<(String, String)> = form_urlencoded::parse(q.as_bytes())
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .filter(|(k, _)| !k.is_empty())
        .collect();

    let mut seen = std::collections::HashSet::new();
    let mut reported = std::collections::HashSet::new();
    for (k, _) in &pairs {
        if !seen.insert(k.as_str()) && reported.insert(k.as_str()) {
            notices.push(Notice::Duplicate { key: k.clone() });
        }
    }

    let preset_id = pairs
        .iter()
        .rev()
        .find(|(k, _)| k == PRESET_KEY)
        .map(|(_, v)| v.as_str());
    let mut scenario = match preset_id {
        Some(id) => Scenario::preset(data, id).unwrap_or_else(|_| {
            notices.push(Notice::UnknownPreset {
                value: id.chars().take(64).collect(),
            });
            Scenario::default_for(data)
        }),
        None => Scenario::default_for(data),
    };

    let mut extras = Vec::new();
    for (k, v) in &pairs {
        if k == PRESET_KEY {
            continue;
        }
        if k == VERSION_KEY {
            if v != &MODEL_VERSION.to_string() {
                notices.push(Notice::OtherVersion {
                    given: v.chars().take(16).collect(),
                    current: MODEL_VERSION,
                });
            }
            continue;
        }
        if page_keys.contains(&k.as_str()) {
            extras.push((k.clone(), v.clone()));
            continue;
        }
        if data.retired(k).is_some() {
            notices.push(Notice::Retired { key: k.clone() });
            continue;
        }
        let Some(lever) = data.lever(k) else {
            notices.push(Notice::UnknownKey {
                key: k.chars().take(64).collect(),
            });
            continue;
        };
        match v.parse::<f64>() {
            Ok(x) if x.is_finite() => {
                // On the lever's step, as links are written (no notice: a
                // finer value is not wrong, only finer than a slider moves).
                if let Ok(Some(used)) = scenario.set_reported(data, lever.id, lever.on_step(x)) {
                    notices.push(Notice::Clamped {
                        key: k.clone(),
                        given: x,
                        used,
                    });
                }
            }
            _ => notices.push(Notice::Unparsable {
                key: k.clone(),
                value: v.chars().take(64).collect(),
            }),
        }
    }
    if notices.len() > MAX_NOTICES {
        let count = notices.len() - (MAX_NOTICES - 1);
        notices.truncate(MAX_NOTICES - 1);
        notices.push(Notice::More { count });
    }
    Parsed {
        scenario,
        extras,
        notices,
    }
}

/// Writes a scenario as a query string (without `?`): the preset when it is not
/// the default, then every lever that differs from the preset (at its step,
/// [`LeverDef::on_step`](crate::data::LeverDef::on_step)), then `extras`.
pub fn write_query(data: &Data, s: &Scenario, extras: &[(&str, &str)]) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    if s.preset != DEFAULT_PRESET {
        out.append_pair(PRESET_KEY, &s.preset);
    }
    let base = Scenario::preset(data, &s.preset).unwrap_or_else(|_| Scenario::default_for(data));
    for ((lever, v), b) in data.levers.iter().zip(&s.values).zip(&base.values) {
        // Any difference is written, at the lever's step (which is how the
        // link is read back).
        if v != b {
            out.append_pair(lever.id.as_str(), &lever.link_text(*v));
        }
    }
    for (k, v) in extras {
        out.append_pair(k, v);
    }
    out.finish()
}
