//! criterion benchmark of the cleaning stage alone on the 121 dev pages of
//! the article-extraction benchmark (`../shared/data/boilerplate`): HTML
//! pages (decode + readability + block filters) and their plain-text dumps.
//! One iteration cleans every page, so the throughput is in pages per second;
//! each asserts the number of words kept so a broken stage cannot look fast.
//!
//! `cargo bench --bench boilerplate` (release build; skipped when the data
//! folder is absent). Figures go to docs/accuracy.md ("Boilerplate removal").

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::path::Path;
use std::time::Duration;
use textanalysis::clean::eval::load_pages;
use textanalysis::clean::{Cleaner, Content};

const DATA: &str = "../shared/data/boilerplate";

fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

fn dev_pages(c: &mut Criterion) {
    let Ok(pages) = load_pages(Path::new(DATA)) else {
        eprintln!("{DATA} not found: boilerplate benchmark skipped");
        return;
    };
    let cleaner = Cleaner::new();
    let html: Vec<Content> = pages
        .iter()
        .map(|p| Content::Html(p.html.clone()))
        .collect();
    let text: Vec<Content> = pages
        .iter()
        .map(|p| Content::Text(p.text.clone()))
        .collect();
    let truth_words: usize = pages.iter().map(|p| words(&p.truth)).sum();

    let mut group = c.benchmark_group("boilerplate-dev");
    group.throughput(Throughput::Elements(pages.len() as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(15));
    for (name, inputs) in [("html", &html), ("text", &text)] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let kept: usize = inputs
                    .iter()
                    .map(|content| {
                        cleaner
                            .run(black_box(content), false)
                            .map_or(0, |doc| words(&doc.body))
                    })
                    .sum();
                // The article bodies: within a factor of two of the truth's words.
                assert!(
                    kept > truth_words / 2 && kept < truth_words * 2,
                    "{kept} words kept"
                );
            })
        });
    }
    group.finish();
}

criterion_group!(benches, dev_pages);
criterion_main!(benches);
