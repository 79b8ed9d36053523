//! Benchmark of one full evaluation.
#![allow(missing_docs)]

use changji_model::{evaluate, Data, Scenario};
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let data = Data::get();
    let s = Scenario::preset(data, "plan-2025").unwrap_or_else(|_| Scenario::default_for(data));
    c.bench_function("evaluate plan-2025", |b| {
        b.iter(|| evaluate(black_box(&s), data))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
