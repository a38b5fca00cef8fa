//! Tagging speed of the named-entity recogniser on a seed article
//! (`cargo bench --bench entities`); throughput is in tokens.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use textanalysis::doc::{Doc, InputFormat};
use textanalysis::entities::EntityRecognizer;
use textanalysis::segment::Segmenter;

const SEED: &str = include_str!("../../seeds/000_014238c15a46f1f0.txt");

fn bench(c: &mut Criterion) {
    let recognizer = EntityRecognizer::new().expect("embedded model loads");
    let mut doc = Doc::new(SEED.to_owned(), InputFormat::Text);
    (doc.tokens, doc.sentences) = Segmenter::new().run(SEED);
    let mut group = c.benchmark_group("entities");
    group.throughput(Throughput::Elements(doc.tokens.len() as u64));
    group.bench_function("tag", |b| {
        b.iter(|| {
            let mentions = recognizer.mentions(&doc);
            assert!(mentions.len() > 20);
            mentions
        })
    });
    group.bench_function("tag_and_group", |b| {
        b.iter(|| {
            let entities = recognizer.run(&doc);
            assert!(entities.len() > 10);
            entities
        })
    });
    group.finish();
    c.bench_function("entities/load", |b| {
        b.iter(|| EntityRecognizer::new().expect("embedded model loads"))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
