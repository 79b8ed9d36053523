//! `scenario`: evaluate one scenario and print it as JSON.
//!
//! ```text
//! scenario [--preset ID] [--set id=value]… [--query 'URL query']
//! ```
//!
//! Bad input (unknown preset or lever, a value that is not a number or is out of
//! range) prints a message on stderr and exits with code 2.

use changji_model::codec::Notice;
use changji_model::{evaluate, parse_query, Data, ModelError, Scenario};
use clap::Parser;
use serde_json::json;
use std::process::ExitCode;

/// Evaluate a Changji water scenario and print one JSON object.
#[derive(Parser, Debug)]
#[command(name = "scenario", version)]
struct Args {
    /// Preset to start from (default plan-2025).
    #[arg(long)]
    preset: Option<String>,
    /// Set a lever: id=value (repeatable; strict range check).
    #[arg(long = "set", value_name = "ID=VALUE")]
    set: Vec<String>,
    /// A page query string, e.g. 'preset=plan-2025&eta=0.7'.
    #[arg(long)]
    query: Option<String>,
    /// List presets and levers instead of evaluating.
    #[arg(long)]
    list: bool,
}

fn fail(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("scenario: {msg}");
    ExitCode::from(2)
}

fn build(data: &Data, args: &Args) -> Result<Scenario, String> {
    let mut scenario = match &args.preset {
        Some(p) => Scenario::preset(data, p).map_err(|e| e.to_string())?,
        None => Scenario::default_for(data),
    };
    if let Some(q) = &args.query {
        let parsed = parse_query(data, q, &["lang"]);
        for n in &parsed.notices {
            match n {
                Notice::Clamped { .. } | Notice::OtherVersion { .. } | Notice::Duplicate { .. } => {
                    eprintln!("scenario: warning: {n}")
                }
                _ => return Err(format!("bad query: {n}")),
            }
        }
        if let Some(p) = &args.preset {
            if parsed.scenario.preset != *p {
                return Err(format!(
                    "--preset {p} conflicts with preset={} in --query",
                    parsed.scenario.preset
                ));
            }
        }
        scenario = parsed.scenario;
    }
    for a in &args.set {
        let (id, value) = a
            .split_once('=')
            .ok_or_else(|| ModelError::BadAssignment(a.clone()).to_string())?;
        let id = id.trim();
        let x: f64 = value
            .trim()
            .parse()
            .ok()
            .filter(|x: &f64| x.is_finite())
            .ok_or_else(|| {
                ModelError::NotANumber {
                    id: id.to_string(),
                    value: value.to_string(),
                }
                .to_string()
            })?;
        scenario
            .set_strict(data, id, x)
            .map_err(|e| e.to_string())?;
    }
    Ok(scenario)
}

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(a) => a,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let data = match Data::parse() {
        Ok(d) => d,
        Err(e) => return fail(format!("embedded data is invalid: {e}")),
    };
    if args.list {
        let presets: Vec<&str> = data.presets.iter().map(|p| p.id.as_str()).collect();
        let levers: Vec<_> = data
            .levers
            .iter()
            .map(|l| json!({"id": l.id, "min": l.min, "max": l.max, "unit": l.unit, "options": l.options}))
            .collect();
        println!("{}", json!({"presets": presets, "levers": levers}));
        return ExitCode::SUCCESS;
    }
    let scenario = match build(&data, &args) {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    let o = evaluate(&scenario, Data::get());
    let caps: Vec<_> = o
        .caps
        .iter()
        .map(|c| json!({"id": c.id.as_str(), "limit": c.limit, "value": c.value, "ok": c.ok}))
        .collect();
    let out = json!({
        "preset": scenario.preset,
        "year": o.year,
        "total": o.total,
        "sectors": o.sectors,
        "sources": o.sources,
        "caps": caps,
        "indicators": o.indicators,
        "detail": o.detail,
    });
    println!("{out}");
    ExitCode::SUCCESS
}
