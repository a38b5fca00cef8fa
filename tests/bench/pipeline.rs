//! criterion benchmarks: each stage and the whole pipeline on a seed article,
//! each asserting a count so a broken stage cannot look fast.
//!
//! `cargo bench --bench pipeline` (release build). Figures go to docs/performance.md.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use textanalysis::clean::{Cleaner, Content};
use textanalysis::config::Config;
use textanalysis::segment::Segmenter;
use textanalysis::{Options, Pipeline};

const SEED: &str = include_str!("../../seeds/004_29795408d260e6de.txt");

fn stages(c: &mut Criterion) {
    let content = Content::Text(SEED.to_owned());
    let mut group = c.benchmark_group("seed-004");
    group.throughput(Throughput::Bytes(SEED.len() as u64));

    let cleaner = Cleaner::new();
    group.bench_function("clean", |b| {
        b.iter(|| {
            let doc = cleaner.run(black_box(&content), false).unwrap();
            assert!(!doc.body.is_empty());
        })
    });

    let segmenter = Segmenter::new();
    group.bench_function("segment", |b| {
        b.iter(|| {
            let (tokens, sentences) = segmenter.run(black_box(SEED));
            assert!(tokens.len() > 1000 && sentences.len() > 30);
        })
    });

    let pipeline = Pipeline::new(&Config::default()).unwrap();
    group.bench_function("pipeline", |b| {
        b.iter(|| {
            let doc = pipeline
                .analyze(black_box(&content), &Options::default())
                .unwrap();
            assert!(doc.sentences.len() > 30);
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
