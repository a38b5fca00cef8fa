//! criterion benchmarks: each stage and the whole pipeline, on a seed-sized
//! article (seed 004, 12.7 KB) and on a long one (~50 KB: the five seeds'
//! bodies joined, built here at bench time). Each asserts a count so a broken
//! stage cannot look fast.
//!
//! `cargo bench --bench pipeline` (release build, about two minutes). Stages:
//! clean (plain text and HTML: the text wrapped in a page with navigation and
//! footer built here), segment, entities, quotes, sentiment, and the whole
//! pipeline. Figures go to docs/performance.md.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use std::hint::black_box;
use std::time::Duration;
use textanalysis::clean::{Cleaner, Content};
use textanalysis::config::Config;
use textanalysis::doc::Doc;
use textanalysis::entities::EntityRecognizer;
use textanalysis::quotes::QuoteExtractor;
use textanalysis::segment::Segmenter;
use textanalysis::sentiment::SentimentScorer;
use textanalysis::{Options, Pipeline};

mod seeds;
use seeds::SEEDS;

/// A plain-text article and the same article as an HTML page.
struct Input {
    name: &'static str,
    text: String,
    html: Vec<u8>,
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The text's lines as paragraphs of an article page with site chrome around it.
fn page(title: &str, text: &str) -> Vec<u8> {
    let mut html = format!(
        "<!doctype html><html><head><title>{}</title></head><body>\
         <nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>\
         <li><a href=\"/politics\">Politics</a></li></ul></nav><main><article><h1>{}</h1>",
        escape(title),
        escape(title)
    );
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        html.push_str("<p>");
        html.push_str(&escape(line));
        html.push_str("</p>\n");
    }
    html.push_str(
        "</article></main><aside><h2>Most read</h2><ul><li><a href=\"/a\">Another story</a></li>\
         </ul></aside><footer><p>© News Site. All rights reserved.</p>\
         <a href=\"/privacy\">Privacy</a></footer></body></html>",
    );
    html.into_bytes()
}

fn inputs(pipeline: &Pipeline) -> Vec<Input> {
    let seed = SEEDS[4];
    let title = seed.lines().next().unwrap_or_default();
    // The long article: the seeds' cleaned bodies, one after another, to ~50 KB.
    let mut long = String::new();
    while long.len() < 50_000 {
        for seed in SEEDS {
            let doc = pipeline
                .analyze(&Content::Text(seed.to_owned()), &Options::default())
                .expect("seeds analyse");
            long.push_str(&doc.body);
            long.push_str("\n\n");
        }
    }
    vec![
        Input {
            name: "seed-004",
            text: seed.to_owned(),
            html: page(title, seed),
        },
        Input {
            name: "long-50k",
            html: page("A long article", &long),
            text: long,
        },
    ]
}

fn stages(c: &mut Criterion) {
    let config = Config::default();
    let pipeline = Pipeline::new(&config).expect("pipeline builds");
    let cleaner = Cleaner::new();
    let segmenter = Segmenter::new();
    let recognizer = EntityRecognizer::new().expect("embedded model loads");
    let quotes = QuoteExtractor::new()
        .expect("quote cues load")
        .with_indirect(config.quotes.indirect);
    let sentiment = SentimentScorer::new().expect("sentiment model loads");

    let mut group = c.benchmark_group("stage");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    for input in inputs(&pipeline) {
        let text = Content::Text(input.text.clone());
        let html = Content::Html(input.html.clone());
        // The analysed document the later stages read.
        let doc: Doc = pipeline
            .analyze(&text, &Options::default())
            .expect("input analyses");
        let min_sentences = doc.sentences.len();
        assert!(min_sentences > 30);
        group.throughput(Throughput::Bytes(input.text.len() as u64));

        group.bench_with_input(BenchmarkId::new("clean-text", input.name), &text, |b, t| {
            b.iter(|| {
                let doc = cleaner.run(black_box(t), false).expect("cleans");
                assert!(!doc.body.is_empty());
            })
        });
        group.bench_with_input(BenchmarkId::new("clean-html", input.name), &html, |b, h| {
            b.iter(|| {
                let doc = cleaner.run(black_box(h), false).expect("cleans");
                assert!(doc.body.len() * 2 > input.text.len(), "kept the article");
            })
        });
        group.bench_with_input(BenchmarkId::new("segment", input.name), &doc, |b, d| {
            b.iter(|| {
                let (tokens, sentences) = segmenter.run(black_box(&d.body));
                assert!(tokens.len() > 1000 && sentences.len() == min_sentences);
            })
        });
        group.bench_with_input(BenchmarkId::new("entities", input.name), &doc, |b, d| {
            b.iter(|| {
                let entities = recognizer.run(black_box(d));
                assert_eq!(entities.len(), d.entities.len());
            })
        });
        group.bench_with_input(BenchmarkId::new("quotes", input.name), &doc, |b, d| {
            b.iter(|| {
                let found = quotes.run(black_box(d));
                assert_eq!(found.len(), d.quotes.len());
            })
        });
        group.bench_with_input(BenchmarkId::new("sentiment", input.name), &doc, |b, d| {
            b.iter(|| {
                let scores = sentiment.run(black_box(d));
                assert_eq!(scores.entities.len(), d.entities.len());
            })
        });
        group.bench_with_input(BenchmarkId::new("pipeline", input.name), &text, |b, t| {
            b.iter(|| {
                let doc = pipeline
                    .analyze(black_box(t), &Options::default())
                    .expect("analyses");
                assert_eq!(doc.sentences.len(), min_sentences);
            })
        });
    }
    group.finish();
}

/// The whole pipeline over all five seeds: time per iteration / 5 = per article.
fn seeds(c: &mut Criterion) {
    let pipeline = Pipeline::new(&Config::default()).expect("pipeline builds");
    let contents: Vec<Content> = SEEDS
        .iter()
        .map(|s| Content::Text((*s).to_owned()))
        .collect();
    let mut group = c.benchmark_group("seeds");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .throughput(Throughput::Elements(SEEDS.len() as u64));
    group.bench_function("pipeline-all-five", |b| {
        b.iter(|| {
            for content in &contents {
                let doc = pipeline
                    .analyze(black_box(content), &Options::default())
                    .expect("analyses");
                assert!(!doc.entities.is_empty());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, stages, seeds);
criterion_main!(benches);
