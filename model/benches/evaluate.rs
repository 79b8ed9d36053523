//! Benchmarks: one full evaluation, and the per-update analyses (feasible bands
//! of all levers, the Monte Carlo, the attribution of the preset differences).
#![allow(missing_docs)]

use changji_model::attribution::attribute;
use changji_model::band::bands;
use changji_model::uncertainty::{spread, Draws};
use changji_model::{evaluate, Data, Scenario};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let data = Data::get();
    let preset =
        |id: &str| Scenario::preset(data, id).unwrap_or_else(|_| Scenario::default_for(data));
    let s = preset("plan-2025");
    c.bench_function("evaluate plan-2025", |b| {
        b.iter(|| evaluate(black_box(&s), data))
    });
    c.bench_function("bands of all levers, plan-2025", |b| {
        b.iter(|| bands(data, black_box(&s), true))
    });
    let draws = Draws::get();
    c.bench_function("monte carlo, plan-2025", |b| {
        b.iter(|| spread(black_box(&s), data, draws))
    });
    let mut ten = s.clone();
    for (id, v) in [
        ("eta", 0.7),
        ("cotton", 200.0),
        ("wheat", 100.0),
        ("reuse", 80.0),
        ("leakage", 8.0),
        ("surface", 15.0),
        ("drip", 90.0),
        ("urban_lpd", 150.0),
        ("industry_reuse", 90.0),
        ("eco", 1.0),
    ] {
        let _ = ten.set(data, id, v);
    }
    c.bench_function("attribution, 10 levers changed", |b| {
        b.iter(|| attribute(data, &s, black_box(&ten)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
