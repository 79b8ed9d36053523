//! Scenario files: the JSON form of named scenarios (the page's saved scenarios,
//! exported files), and the validation of anything read back, with errors a
//! person can act on. Never panics on any input (fuzzed).

use crate::{Data, Scenario, MODEL_VERSION};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Format tag of exported files.
pub const FORMAT: &str = "changji-water-scenarios";
/// Version of the file format.
pub const FILE_VERSION: u32 = 1;
/// Largest file accepted, bytes.
pub const MAX_FILE: usize = 1 << 20;
/// Longest name kept, characters.
pub const MAX_NAME: usize = 80;

/// One saved scenario: levers by id, so files survive changes to the lever table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedScenario {
    /// The name the user gave.
    pub name: String,
    /// The preset it started from.
    pub preset: String,
    /// Every lever's value, by id.
    pub levers: BTreeMap<String, f64>,
}

/// A file (or storage entry) of saved scenarios.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedFile {
    /// Always [`FORMAT`].
    pub format: String,
    /// File format version.
    pub version: u32,
    /// Model version that wrote it.
    pub model_version: u32,
    /// The scenarios.
    pub scenarios: Vec<SavedScenario>,
    /// The actual figures a user entered on the progress page, as the
    /// bulletin's CSV ([`crate::progress::write_csv`]); empty when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub actuals: String,
}

impl SavedFile {
    /// The file of `list`, in this version of the format.
    pub fn of(list: &[SavedScenario]) -> Self {
        SavedFile {
            format: FORMAT.into(),
            version: FILE_VERSION,
            model_version: MODEL_VERSION,
            scenarios: list.to_vec(),
            actuals: String::new(),
        }
    }
}

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// Larger than [`MAX_FILE`].
    TooLarge(usize),
    /// Not JSON; the parser's message.
    NotJson(String),
    /// JSON, but not a scenarios file (what was expected).
    WrongFormat(String),
    /// A newer file format.
    Version(u32),
}

/// Something in a file that was fixed up rather than refused.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportWarning {
    /// A lever id this version does not know; ignored.
    UnknownLever {
        /// Scenario name.
        scenario: String,
        /// The id.
        lever: String,
    },
    /// A value outside its range; clamped.
    Clamped {
        /// Scenario name.
        scenario: String,
        /// The lever.
        lever: String,
        /// The value in the file.
        given: f64,
        /// The value used.
        used: f64,
    },
    /// An unknown preset; the default was used.
    UnknownPreset {
        /// Scenario name.
        scenario: String,
        /// The preset id in the file.
        preset: String,
    },
    /// A scenario with no name; one was given.
    Unnamed {
        /// The name given.
        name: String,
    },
}

impl SavedScenario {
    /// Captures a scenario under a name.
    pub fn capture(data: &Data, name: &str, s: &Scenario) -> SavedScenario {
        SavedScenario {
            name: clean_name(name),
            preset: s.preset.clone(),
            levers: data
                .levers
                .iter()
                .zip(&s.values)
                .map(|(l, v)| (l.id.to_string(), *v))
                .collect(),
        }
    }

    /// The scenario it describes, and what had to be fixed on the way.
    pub fn restore(&self, data: &Data) -> (Scenario, Vec<ImportWarning>) {
        let mut warnings = Vec::new();
        let mut s = Scenario::preset(data, &self.preset).unwrap_or_else(|_| {
            warnings.push(ImportWarning::UnknownPreset {
                scenario: self.name.clone(),
                preset: self.preset.chars().take(40).collect(),
            });
            Scenario::default_for(data)
        });
        for (id, v) in &self.levers {
            match data.lever(id) {
                None => warnings.push(ImportWarning::UnknownLever {
                    scenario: self.name.clone(),
                    lever: id.chars().take(40).collect(),
                }),
                Some(l) => {
                    if let Ok(Some(used)) = s.set_reported(data, l.id, *v) {
                        warnings.push(ImportWarning::Clamped {
                            scenario: self.name.clone(),
                            lever: id.clone(),
                            given: *v,
                            used,
                        });
                    }
                }
            }
        }
        (s, warnings)
    }
}

/// A trimmed, length-limited name.
pub fn clean_name(name: &str) -> String {
    name.trim()
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME)
        .collect()
}

/// The JSON text of a list of scenarios.
pub fn file_text(list: &[SavedScenario]) -> String {
    file_text_with(list, "")
}

/// The JSON text of a list of scenarios with the entered actual figures
/// (CSV text; empty: none).
pub fn file_text_with(list: &[SavedScenario], actuals: &str) -> String {
    let mut f = SavedFile::of(list);
    f.actuals = actuals.to_string();
    serde_json::to_string_pretty(&f).unwrap_or_default()
}

/// The entered actual figures a scenarios file carries (CSV text), if any;
/// read them with [`crate::progress::read_csv`], which names any bad row.
pub fn file_actuals(text: &str) -> Option<String> {
    if text.len() > MAX_FILE {
        return None;
    }
    let value: serde_json::Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).ok()?;
    value
        .get("actuals")
        .and_then(|a| a.as_str())
        .filter(|a| !a.is_empty())
        .map(str::to_string)
}

/// Reads a scenarios file: every scenario, validated (values clamped, unknown
/// levers dropped, each with a warning), or an error that says what is wrong.
pub fn parse_file(
    data: &Data,
    text: &str,
) -> Result<(Vec<SavedScenario>, Vec<ImportWarning>), ImportError> {
    if text.len() > MAX_FILE {
        return Err(ImportError::TooLarge(text.len()));
    }
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|e| ImportError::NotJson(e.to_string()))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::WrongFormat(format!(
            "\"format\": \"{FORMAT}\""
        )));
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v as u32 <= FILE_VERSION && v > 0 => {}
        Some(v) => return Err(ImportError::Version(v.min(u64::from(u32::MAX)) as u32)),
        None => return Err(ImportError::WrongFormat("\"version\": 1".into())),
    }
    let file: SavedFile =
        serde_json::from_value(value).map_err(|e| ImportError::WrongFormat(e.to_string()))?;
    let mut warnings = Vec::new();
    let mut out = Vec::new();
    for (i, mut s) in file.scenarios.into_iter().enumerate() {
        let name = clean_name(&s.name);
        s.name = if name.is_empty() {
            let n = format!("#{}", i + 1);
            warnings.push(ImportWarning::Unnamed { name: n.clone() });
            n
        } else {
            name
        };
        let (restored, w) = s.restore(data);
        warnings.extend(w);
        out.push(SavedScenario::capture(data, &s.name, &restored));
    }
    Ok((out, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<SavedScenario> {
        let d = Data::get();
        let mut s = Scenario::preset(d, "dry-95").expect("preset");
        s.set(d, "eta", 0.71).expect("set");
        vec![SavedScenario::capture(Data::get(), "干旱年 + η 0.71", &s)]
    }

    #[test]
    fn round_trips() {
        let list = sample();
        let (back, warnings) = parse_file(Data::get(), &file_text(&list)).expect("parse");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(back, list);
        let (s, _) = back[0].restore(Data::get());
        assert_eq!(s.get("eta"), Some(0.71));
        assert_eq!(s.preset, "dry-95");
    }

    #[test]
    fn refuses_what_is_not_a_scenarios_file() {
        assert!(matches!(
            parse_file(Data::get(), "not json"),
            Err(ImportError::NotJson(_))
        ));
        assert!(matches!(
            parse_file(Data::get(), "{\"a\":1}"),
            Err(ImportError::WrongFormat(_))
        ));
        assert!(matches!(
            parse_file(Data::get(), "[]"),
            Err(ImportError::WrongFormat(_))
        ));
        let v9 = format!(
            "{{\"format\":\"{FORMAT}\",\"version\":9,\"model_version\":1,\"scenarios\":[]}}"
        );
        assert!(matches!(
            parse_file(Data::get(), &v9),
            Err(ImportError::Version(9))
        ));
        let bad = format!("{{\"format\":\"{FORMAT}\",\"version\":1,\"model_version\":1,\"scenarios\":[{{\"name\":\"x\",\"preset\":\"plan-2025\",\"levers\":{{\"eta\":\"high\"}}}}]}}");
        assert!(matches!(
            parse_file(Data::get(), &bad),
            Err(ImportError::WrongFormat(_))
        ));
        assert!(matches!(
            parse_file(Data::get(), &" ".repeat(MAX_FILE + 1)),
            Err(ImportError::TooLarge(_))
        ));
    }

    #[test]
    fn fixes_up_values_with_warnings() {
        let text = format!("{{\"format\":\"{FORMAT}\",\"version\":1,\"model_version\":0,\"scenarios\":[{{\"name\":\"  \",\"preset\":\"nope\",\"levers\":{{\"eta\":9,\"zzz\":1,\"cotton\":-1e308}}}}]}}");
        let (list, warnings) = parse_file(Data::get(), &text).expect("parse");
        assert_eq!(list[0].name, "#1");
        assert_eq!(list[0].preset, "plan-2025");
        assert_eq!(list[0].levers["eta"], 0.85);
        assert_eq!(list[0].levers["cotton"], 0.0);
        assert_eq!(warnings.len(), 5, "{warnings:?}");
    }
}
