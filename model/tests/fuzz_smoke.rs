//! A short fuzz run on stable Rust: the fuzz targets' own checks
//! (`model/fuzz/checks.rs`) over 20,000 seeded inputs each: raw bytes, and
//! queries and files built from the real keys with hostile values (NaN,
//! infinities, negatives, extremes, very long numbers and names, duplicates,
//! bad percent-encoding). The long runs are `cargo fuzz` (see the README).

#[path = "../fuzz/checks.rs"]
mod checks;

use changji_model::file::FORMAT;
use changji_model::{Data, MODEL_VERSION};
use rand_core::{RngCore, SeedableRng};
use rand_pcg::Pcg64Mcg;

const RUNS: usize = 20_000;

const HOSTILE: &[&str] = &[
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Infinity",
    "-Infinity",
    "1e309",
    "-1e309",
    "1e308",
    "-0",
    "0x10",
    "",
    " ",
    "+",
    "-",
    "1e",
    ".",
    "..5",
    "1.2.3",
    "١٢",
    "%00",
    "%ZZ",
    "%F0%9F%98%80",
    "0.67%20",
    "99999999999999999999999999999999999999999999",
    "-5e-324",
    "4.9e-324",
    "NULL",
    "true",
    "[1]",
];

fn one_in(rng: &mut Pcg64Mcg, n: u64) -> bool {
    rng.next_u64().is_multiple_of(n)
}

fn pick<'a>(rng: &mut Pcg64Mcg, xs: &[&'a str]) -> &'a str {
    xs[(rng.next_u64() % xs.len() as u64) as usize]
}

fn value(rng: &mut Pcg64Mcg) -> String {
    match rng.next_u64() % 4 {
        0 => pick(rng, HOSTILE).to_string(),
        1 => format!("{}", f64::from_bits(rng.next_u64())),
        2 => format!("{}", (rng.next_u64() % 20_000) as f64 / 10.0 - 500.0),
        _ => "9".repeat((rng.next_u64() % 5000) as usize),
    }
}

fn ids(data: &Data) -> Vec<&str> {
    let mut v: Vec<&str> = data.levers.iter().map(|l| l.id.as_str()).collect();
    v.extend([
        "preset", "lang", "mode", "v", "", "eta%00", "ETA", "cotton[]",
    ]);
    v
}

fn query(rng: &mut Pcg64Mcg, ids: &[&str]) -> Vec<u8> {
    let n = rng.next_u64() % 40;
    let mut q = String::new();
    for k in 0..n {
        if k > 0 {
            q.push(if one_in(rng, 9) { ';' } else { '&' });
        }
        let id = pick(rng, ids);
        let v = if id == "preset" {
            pick(rng, &["plan-2025", "dry-95", "nope", "", "%E4%B8%AD"]).to_string()
        } else {
            value(rng)
        };
        q.push_str(&format!("{id}={v}"));
    }
    q.into_bytes()
}

fn file(rng: &mut Pcg64Mcg, ids: &[&str]) -> Vec<u8> {
    let scenarios: Vec<String> = (0..rng.next_u64() % 5)
        .map(|_| {
            let levers: Vec<String> = (0..rng.next_u64() % 12)
                .map(|_| {
                    // Mostly JSON numbers (extreme ones included); now and then
                    // something else, which rejects the whole file.
                    let json = if one_in(rng, 50) {
                        format!("{:?}", pick(rng, HOSTILE))
                    } else {
                        let x = f64::from_bits(rng.next_u64());
                        match rng.next_u64() % 4 {
                            0 if x.is_finite() => format!("{x:e}"),
                            1 => pick(
                                rng,
                                &["1e308", "-1e308", "-5", "0", "4.9e-324", "-0.0", "1e-300"],
                            )
                            .to_string(),
                            _ => format!("{}", (rng.next_u64() % 20_000) as f64 / 10.0 - 500.0),
                        }
                    };
                    format!("{:?}: {json}", pick(rng, ids))
                })
                .collect();
            let name = "名".repeat((rng.next_u64() % 300) as usize);
            format!(
                r#"{{"name": {name:?}, "preset": {:?}, "levers": {{{}}}}}"#,
                pick(rng, &["plan-2025", "nope", ""]),
                levers.join(", ")
            )
        })
        .collect();
    let version = if one_in(rng, 3) {
        pick(rng, &["2", "0", "-1", "1e9", "\"1\"", "null"])
    } else {
        "1"
    };
    let format = if one_in(rng, 8) { "other" } else { FORMAT };
    format!(
        r#"{{"format": {format:?}, "version": {version}, "model_version": {MODEL_VERSION}, "scenarios": [{}]}}"#,
        scenarios.join(", ")
    )
    .into_bytes()
}

fn bytes(rng: &mut Pcg64Mcg) -> Vec<u8> {
    let n = (rng.next_u64() % 512) as usize;
    (0..n).map(|_| rng.next_u64() as u8).collect()
}

#[test]
fn codec_survives_a_short_fuzz_run() {
    let data = Data::get();
    let ids = ids(data);
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    for k in 0..RUNS {
        let input = if k % 4 == 0 {
            bytes(&mut rng)
        } else {
            query(&mut rng, &ids)
        };
        checks::codec(&input);
    }
}

#[test]
fn file_importer_survives_a_short_fuzz_run() {
    let data = Data::get();
    let ids = ids(data);
    let mut rng = Pcg64Mcg::seed_from_u64(2);
    let mut accepted = 0;
    for k in 0..RUNS {
        let input = if k % 4 == 0 {
            bytes(&mut rng)
        } else {
            file(&mut rng, &ids)
        };
        if changji_model::file::parse_file(Data::get(), &String::from_utf8_lossy(&input)).is_ok() {
            accepted += 1;
        }
        checks::file(&input);
    }
    // The generator must reach past the format check, or the run tests little.
    assert!(
        accepted > RUNS / 10,
        "only {accepted} of {RUNS} files parsed"
    );
}

/// A bulletin's table with hostile cells: real and unknown measures, years,
/// values, units, grades, quotes, commas and markup.
fn bulletin(rng: &mut Pcg64Mcg) -> Vec<u8> {
    const MEASURES: &[&str] = &[
        "total",
        "groundwater",
        "eta",
        "reuse",
        "leakage",
        "nope",
        "",
        "TOTAL",
    ];
    const CELLS: &[&str] = &[
        "亿m³",
        "%",
        "",
        "m³",
        "H",
        "M",
        "L",
        "plan",
        "Q",
        "\"a,b\"",
        "\"",
        "<img src=x>",
        "2024",
        "-1",
    ];
    let mut out = String::new();
    if one_in(rng, 2) {
        out.push_str("year,measure,value,unit,source,grade\n");
    }
    for _ in 0..(rng.next_u64() % 30) {
        let year = match rng.next_u64() % 3 {
            0 => format!("{}", 2010 + rng.next_u64() % 30),
            1 => pick(rng, HOSTILE).to_string(),
            _ => "2024".to_string(),
        };
        let cols = [
            year,
            pick(rng, MEASURES).to_string(),
            value(rng),
            pick(rng, CELLS).to_string(),
            pick(rng, CELLS).to_string(),
            pick(rng, CELLS).to_string(),
        ];
        let n = (rng.next_u64() % 7) as usize;
        out.push_str(&cols[..n.min(6)].join(","));
        out.push('\n');
    }
    out.into_bytes()
}

#[test]
fn actual_figures_reader_survives_a_short_fuzz_run() {
    let mut rng = Pcg64Mcg::seed_from_u64(3);
    let mut taken = 0;
    for k in 0..RUNS / 4 {
        let input = if k % 4 == 0 {
            bytes(&mut rng)
        } else {
            bulletin(&mut rng)
        };
        let text = String::from_utf8_lossy(&input);
        taken += changji_model::progress::read_csv(&text, changji_model::progress::measures())
            .0
            .len();
        checks::actuals(&input);
    }
    assert!(
        taken > 100,
        "the generator must produce good rows too: {taken}"
    );
}
