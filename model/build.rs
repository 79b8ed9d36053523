//! Generates `LeverId` from the lever table (`data/levers.json`), so a lever
//! is added by adding its row: the enum, its string form and its table index
//! come from the row, in table order.

use std::fmt::Write as _;
use std::path::Path;

fn camel(id: &str) -> String {
    id.split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect()
}

fn main() {
    println!("cargo:rerun-if-changed=data/levers.json");
    let text = std::fs::read_to_string("data/levers.json").expect("data/levers.json is readable");
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&text).expect("data/levers.json is JSON");
    let ids: Vec<&str> = rows
        .iter()
        .map(|r| r["id"].as_str().expect("every lever row has a string id"))
        .collect();
    for id in &ids {
        assert!(
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
            "lever id {id:?}: lower-case letters, digits and '_' only"
        );
    }
    let mut out = String::new();
    out.push_str(
        "/// A lever of the table (`model/data/levers.json`), in table order; generated\n",
    );
    out.push_str("/// by `model/build.rs` from the table's `id` column.\n");
    out.push_str(
        "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\npub enum LeverId {\n",
    );
    for id in &ids {
        let _ = writeln!(out, "    /// `{id}`\n    {},", camel(id));
    }
    out.push_str("}\n\nimpl LeverId {\n    /// Every lever, in table order.\n");
    let _ = writeln!(out, "    pub const ALL: [LeverId; {}] = [", ids.len());
    for id in &ids {
        let _ = writeln!(out, "        LeverId::{},", camel(id));
    }
    out.push_str(
        "    ];\n\n    /// The id used in the URL, the CLI, files and translation keys.\n",
    );
    out.push_str("    pub fn as_str(self) -> &'static str {\n        match self {\n");
    for id in &ids {
        let _ = writeln!(out, "            LeverId::{} => {id:?},", camel(id));
    }
    out.push_str("        }\n    }\n}\n");
    let dest =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("lever_id.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}
