//! Cost of the sentiment stage (`cargo bench --bench sentiment`): per
//! article on seed articles whose other stages have run, and per sentence for
//! `score_text` (issue 6's one-core target is in sentences per second) over
//! the NYT snippets of `../shared/data/sentiment` when that folder is beside
//! the repo, and over the seed articles' lines in any case.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use textanalysis::clean::Content;
use textanalysis::config::Config;
use textanalysis::sentiment::{load_nyt, SentimentScorer};
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

    let mut group = c.benchmark_group("sentiment_sentences");
    let mut sets = vec![("seed_lines", seed_lines())];
    if let Some(nyt) = nyt_snippets() {
        sets.push(("nyt_snippets", nyt));
    }
    for (name, sentences) in &sets {
        group.throughput(Throughput::Elements(sentences.len() as u64));
        group.bench_function(format!("score_text/{name}"), |b| {
            b.iter(|| {
                sentences
                    .iter()
                    .map(|s| scorer.score_text(black_box(s)).score)
                    .sum::<f32>()
            })
        });
    }
    group.finish();
}

/// The seed articles' non-empty lines of at least four words (headlines,
/// paragraphs, boilerplate lines: what callers send one at a time).
fn seed_lines() -> Vec<String> {
    SEEDS
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| l.split_whitespace().count() >= 4)
        .map(str::to_owned)
        .collect()
}

/// The shared NYT snippets, if the data folder is there.
fn nyt_snippets() -> Option<Vec<String>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data/sentiment/vader_nyt/nytEditorialSnippets_GroundTruth.shared.tsv");
    let rows: Vec<String> = load_nyt(&path).ok()?.into_iter().map(|r| r.text).collect();
    (!rows.is_empty()).then_some(rows)
}

criterion_group!(benches, bench);
criterion_main!(benches);
