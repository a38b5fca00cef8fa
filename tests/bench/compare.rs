//! criterion benchmark of CompareCoverage's comparison step: 300 pre-analysed
//! articles (the five seeds repeated with light edits) compared at once,
//! asserting the seed statements still cluster so a broken comparison cannot
//! look fast.
//!
//! `cargo bench --bench compare` (release build). Target: < 2 s on one core.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;
use textanalysis::compare::{self, Article};
use textanalysis::config::Config;
use textanalysis::{Content, Doc, Options, Pipeline};

mod seeds;
use seeds::SEEDS;

/// Light edits so the copies are not identical: a wording change in some
/// quotes, an extra first line.
const EDITS: [(&str, &str); 4] = [
    ("the time is right", "the moment is right"),
    ("misunderstanding", "misunderstandings"),
    ("possible and necessary", "both possible and necessary"),
    ("Moscow", "the Russian capital"),
];

fn articles(count: usize) -> Vec<(String, Doc)> {
    let pipeline = Pipeline::new(&Config::default()).unwrap();
    (0..count)
        .map(|i| {
            let (from, to) = EDITS[(i / SEEDS.len()) % EDITS.len()];
            let text = format!(
                "Edition {i}.\n\n{}",
                SEEDS[i % SEEDS.len()].replace(from, to)
            );
            let doc = pipeline
                .analyze(&Content::Text(text), &Options::default())
                .unwrap();
            (format!("{:03}-{i}", i % SEEDS.len()), doc)
        })
        .collect()
}

fn compare_300(c: &mut Criterion) {
    let analysed = articles(300);
    let inputs: Vec<Article<'_>> = analysed
        .iter()
        .map(|(id, doc)| Article { id, doc })
        .collect();
    let config = compare::Config::default();
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.bench_function("300-articles", |b| {
        b.iter(|| {
            let cmp = compare::compare(black_box(&inputs), &config);
            let talk = cmp
                .statements
                .iter()
                .find(|s| {
                    s.variants
                        .iter()
                        .any(|v| v.text.contains("talk to each other"))
                })
                .expect("Parly's statement is found");
            // Seeds 000, 001 and 002 carry it: 180 of the 300 articles.
            let mut outlets: Vec<usize> = talk.variants.iter().map(|v| v.article).collect();
            outlets.dedup();
            assert!(outlets.len() >= 180, "{}", outlets.len());
        })
    });
    group.finish();
}

criterion_group!(benches, compare_300);
criterion_main!(benches);
