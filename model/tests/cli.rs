//! The `scenario` CLI contract of design.md.
#![allow(clippy::unwrap_used, missing_docs)]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_scenario"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn prints_the_contract() {
    let (code, out, _) = run(&["--preset", "plan-2025", "--set", "eta=0.7"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["year"], 2025);
    assert!(v["total"].as_f64().unwrap() > 20.0);
    for k in ["primary", "secondary", "tertiary"] {
        assert!(v["sectors"][k].is_number(), "{k}");
    }
    for k in ["surface", "groundwater", "reclaimed"] {
        assert!(v["sources"][k].is_number(), "{k}");
    }
    let ids: Vec<_> = v["caps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        ids,
        ["total", "groundwater", "surface", "other", "agriculture"]
    );
    for c in v["caps"].as_array().unwrap() {
        assert!(c["limit"].is_number() && c["value"].is_number() && c["ok"].is_boolean());
    }
    for k in [
        "gross_quota",
        "net_quota",
        "eta",
        "irrigated_area",
        "supported_area",
        "reclaimed_m3_per_day",
        "saving_vs_2020",
    ] {
        assert!(v["indicators"][k].is_number(), "{k}");
    }
    assert_eq!(
        v["indicators"]["sector_shares"].as_array().unwrap().len(),
        3
    );
    assert_eq!(v["indicators"]["eta"], 0.7);
}

#[test]
fn query_and_set_agree() {
    let (_, a, _) = run(&["--query", "?preset=plan-2025&eta=0.7&cotton=210"]);
    let (_, b, _) = run(&["--set", "eta=0.7", "--set", "cotton=210"]);
    assert_eq!(a, b);
}

#[test]
fn bad_input_exits_2_with_a_message() {
    for args in [
        vec!["--preset", "nope"],
        vec!["--set", "eta=abc"],
        vec!["--set", "eta"],
        vec!["--set", "nosuch=1"],
        vec!["--set", "eta=5"],
        vec!["--set", "year=2027"],
        vec!["--set", "eta=NaN"],
        vec!["--query", "foo=1"],
        vec!["--query", "eta=zz"],
        vec!["--bogus"],
        vec!["--preset", "plan-2025", "--query", "preset=dry-95"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {out} {err}");
        assert!(!err.trim().is_empty(), "{args:?}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn clamped_query_values_warn_but_succeed() {
    let (code, out, err) = run(&["--query", "eta=0.99"]);
    assert_eq!(code, 0);
    assert!(err.contains("warning"));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["indicators"]["eta"], 0.85);
}
