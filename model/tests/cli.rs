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

#[test]
fn progress_prints_the_path_the_actuals_and_each_status() {
    let (code, out, _) = run(&["--progress"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let at = |m: &str, y: u64| {
        v["path"][m]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["year"] == y)
            .unwrap()["value"]
            .as_f64()
            .unwrap()
    };
    assert!((at("total", 2022) - 25.02).abs() < 0.005);
    assert!((at("groundwater", 2022) - 8.51).abs() < 1e-9);
    let actual = |y: u64, m: &str| {
        v["actuals"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["year"] == y && a["measure"] == m)
            .cloned()
            .unwrap()
    };
    assert_eq!(actual(2022, "groundwater")["value"], 9.68);
    assert_eq!(actual(2023, "total")["grade"], "M");
    assert!(actual(2023, "groundwater")["source"]["zh"]
        .as_str()
        .unwrap()
        .contains("水利局"));
    let line = |m: &str| {
        v["measures"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["measure"] == m)
            .cloned()
            .unwrap()
    };
    assert_eq!(line("groundwater")["status"], "within");
    assert_eq!(line("groundwater")["year"], 2023);
    assert_eq!(line("groundwater")["pace"], "on-track");
    assert_eq!(line("domestic")["status"], "no-data");
}

#[test]
fn progress_takes_a_bulletins_figures_and_names_the_bad_rows() {
    let dir = std::env::temp_dir().join(format!("changji-actuals-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("bulletin.csv");
    std::fs::write(
        &f,
        "year,measure,value,unit,source,grade\n2024,groundwater,7.40,亿m³,公报,H\n2024,nope,1,,x,H\n",
    )
    .unwrap();
    let (code, out, err) = run(&["--progress", "--actuals", f.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let gw = v["measures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["measure"] == "groundwater")
        .cloned()
        .unwrap();
    assert_eq!(
        (gw["year"].as_u64(), gw["actual"].as_f64()),
        (Some(2024), Some(7.4))
    );
    assert_eq!(v["rejected"].as_array().unwrap().len(), 1);
    assert!(
        err.contains("line 3") && err.contains("unknown measure 'nope'"),
        "{err}"
    );
    let (code, _, err) = run(&["--progress", "--actuals", "/nonexistent/x.csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
