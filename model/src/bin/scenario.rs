//! `scenario`: evaluate one scenario and print it as JSON.
//!
//! ```text
//! scenario [--preset ID] [--set id=value]… [--query 'URL query']
//!          [--analysis] [--crop-mode shift|free] [--solve CAP:LEVER] [--explain KEY]
//! scenario --progress [--actuals FILE.csv]
//! ```
//!
//! Bad input (unknown preset or lever, a value that is not a number or is out of
//! range) prints a message on stderr and exits with code 2.

use changji_model::attribution::attribute;
use changji_model::band::{bands, solve, SolveError};
use changji_model::codec::Notice;
use changji_model::provenance::explain;
use changji_model::quantity::Quantity;
use changji_model::uncertainty::{spread, Draws};
use changji_model::{evaluate, parse_query, CapId, Data, LeverId, ModelError, Scenario};
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
    /// Also print feasible bands, the Monte Carlo spread and the attribution
    /// against the year's reference preset.
    #[arg(long)]
    analysis: bool,
    /// Crop sliders move area between crops (`shift`, the page's default) or
    /// change the irrigated area (`free`); used by --analysis and --solve.
    #[arg(long, default_value = "shift", value_parser = ["shift", "free"])]
    crop_mode: String,
    /// Solve for a target: CAP:LEVER, e.g. total:eta.
    #[arg(long, value_name = "CAP:LEVER")]
    solve: Option<String>,
    /// Explain a number: its formula, inputs and sources (e.g. total, limit-groundwater, lever-eta).
    #[arg(long, value_name = "KEY")]
    explain: Option<String>,
    /// Print where Changji stands instead: the plan's path year by year, the
    /// actual figures and each measure's status and pace to 2030.
    #[arg(long)]
    progress: bool,
    /// With --progress: a bulletin's table of figures (CSV: year, measure,
    /// value, unit, source, grade) to add over the shipped ones.
    #[arg(long, value_name = "FILE.csv", requires = "progress")]
    actuals: Option<std::path::PathBuf>,
}

/// `--progress [--actuals FILE]`: the summary as JSON; rows of the file that
/// were not taken are listed in `rejected` and on stderr.
fn progress(file: Option<&std::path::Path>) -> ExitCode {
    use changji_model::progress::{measures, read_csv, summary};
    let (entered, rejected) = match file {
        None => (Vec::new(), Vec::new()),
        Some(f) => match std::fs::read_to_string(f) {
            Ok(text) => read_csv(&text, measures()),
            Err(e) => return fail(format!("cannot read {}: {e}", f.display())),
        },
    };
    for r in &rejected {
        eprintln!("scenario: {r}");
    }
    println!("{}", json!(summary(&entered, &rejected)));
    ExitCode::SUCCESS
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
                Notice::Clamped { .. }
                | Notice::OtherVersion { .. }
                | Notice::Duplicate { .. }
                | Notice::Retired { .. } => {
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
        if let Some(r) = data.retired(id) {
            eprintln!(
                "scenario: warning: {id} is no longer a lever: {}",
                r.text.en
            );
            continue;
        }
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

fn analysis(scenario: &Scenario, shift: bool) -> serde_json::Value {
    let data = Data::get();
    let bands: serde_json::Map<String, serde_json::Value> = data
        .levers
        .iter()
        .zip(bands(data, scenario, shift))
        .map(|(l, b)| (l.id.to_string(), json!(b)))
        .collect();
    let year = scenario.value(LeverId::Year);
    let reference = changji_model::derived::Derived::get()
        .reference(year)
        .clone();
    json!({
        "bands": bands,
        "uncertainty": spread(scenario, data, Draws::get()),
        "attribution": attribute(data, &reference, scenario),
    })
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
    if args.progress {
        return progress(args.actuals.as_deref());
    }
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
        .map(|c| {
            json!({"id": c.id.as_str(), "kind": c.kind, "limit": c.limit, "value": c.value,
                   "ok": c.ok, "state": c.state})
        })
        .collect();
    let shift = args.crop_mode == "shift";
    let mut out = json!({
        "preset": scenario.preset,
        "year": o.year,
        "total": o.total,
        "sectors": o.sectors,
        "sources": o.sources,
        "caps": caps,
        "indicators": o.indicators,
        "detail": o.detail,
    });
    if args.analysis {
        out["analysis"] = analysis(&scenario, shift);
    }
    if let Some(spec) = &args.solve {
        let Some((cap, lever)) = spec.split_once(':') else {
            return fail(format!("--solve wants CAP:LEVER, got {spec}"));
        };
        let cap = match cap.parse::<CapId>() {
            Ok(c) => c,
            Err(e) => return fail(e),
        };
        out["solve"] = match solve(Data::get(), &scenario, cap, lever, shift) {
            Ok(v) => json!({"value": v}),
            Err(SolveError::UnknownLever) => return fail(format!("unknown lever {lever}")),
            Err(e) => json!({"error": e}),
        };
    }
    if let Some(key) = &args.explain {
        let Some(q) = Quantity::parse(key) else {
            return fail(format!("nothing to explain under {key}"));
        };
        out["explain"] = json!(explain(Data::get(), &scenario, &o, q));
    }
    println!("{out}");
    ExitCode::SUCCESS
}
