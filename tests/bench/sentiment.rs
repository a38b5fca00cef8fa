//! Cost of the sentiment stage on seed articles whose other stages have run
//! (`cargo bench --bench sentiment`); throughput is in articles.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use textanalysis::clean::Content;
use textanalysis::config::Config;
use textanalysis::sentiment::SentimentScorer;
use textanalysis::{Options, Pipeline};

mod seeds;
use seeds::SEEDS;

fn bench(c: &mut Criterion) {
    let pipeline = Pipeline::new(&Config::default()).expect("pipeline builds");
    let options = Options {
        skip_sentiment: true,
        ..Options::default()
    };
    let docs: Vec<_> = SEEDS
        .iter()
        .map(|s| {
            pipeline
                .analyze(&Content::Text((*s).to_owned()), &options)
                .expect("seed analyses")
        })
        .collect();
    let scorer = SentimentScorer::new().expect("embedded model loads");
    let mut group = c.benchmark_group("sentiment");
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.bench_function("run_five_seeds", |b| {
        b.iter(|| {
            let mut scored = 0;
            for doc in &docs {
                let scores = scorer.run(black_box(doc));
                scored += scores.entities.iter().flatten().count();
            }
            assert!(scored > 100);
            scored
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
