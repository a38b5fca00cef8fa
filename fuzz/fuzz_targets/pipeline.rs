//! The whole pipeline on arbitrary input: the first byte picks text or HTML and
//! whether cleaning runs; the rest is the article. No panic, and every span in
//! bounds, on char boundaries, sorted where it must be (as `tests/props.rs`).
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline -- -max_total_time=600 -max_len=65536`
//! from the repository root (see docs/reliability.md).

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use textanalysis::{Config, Content, Doc, Options, Pipeline, Span};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(&Config::default()).expect("the default config is valid"))
}

fn check_span(doc: &Doc, span: Span, what: &str) {
    assert!(
        span.end() <= doc.body.len(),
        "{what} {span:?} past the body"
    );
    assert!(
        doc.body.is_char_boundary(span.start()),
        "{what} {span:?} start"
    );
    assert!(doc.body.is_char_boundary(span.end()), "{what} {span:?} end");
}

fn check_doc(doc: &Doc) {
    for pair in doc.tokens.windows(2) {
        assert!(
            pair[0].span.end() <= pair[1].span.start(),
            "tokens sorted and disjoint"
        );
    }
    for pair in doc.sentences.windows(2) {
        assert!(
            pair[0].span.end() <= pair[1].span.start(),
            "sentences sorted and disjoint"
        );
    }
    for token in &doc.tokens {
        check_span(doc, token.span, "token");
    }
    for sentence in &doc.sentences {
        check_span(doc, sentence.span, "sentence");
    }
    for paragraph in &doc.paragraphs {
        check_span(doc, *paragraph, "paragraph");
    }
    for entity in &doc.entities {
        assert!(!entity.mentions.is_empty(), "entity without mentions");
        for mention in &entity.mentions {
            check_span(doc, *mention, "mention");
        }
    }
    for pair in doc.quotes.windows(2) {
        assert!(
            pair[0].span.start() <= pair[1].span.start(),
            "quotes in body order"
        );
    }
    for quote in &doc.quotes {
        check_span(doc, quote.span, "quote");
        for fragment in &quote.fragments {
            check_span(doc, *fragment, "quote fragment");
        }
        if let Some(speaker) = quote.speaker {
            assert!(speaker < doc.entities.len(), "speaker index in range");
        }
        for span in [quote.speaker_span, quote.cue].into_iter().flatten() {
            check_span(doc, span, "attribution");
        }
    }
    for speaker in &doc.speakers {
        assert!(speaker.entity < doc.entities.len());
        assert!(speaker.quotes.iter().all(|&q| q < doc.quotes.len()));
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let content = if mode & 1 == 0 {
        match std::str::from_utf8(rest) {
            Ok(text) => Content::Text(text.to_owned()),
            Err(_) => Content::Text(String::from_utf8_lossy(rest).into_owned()),
        }
    } else {
        Content::Html(rest.to_vec())
    };
    let options = Options {
        skip_cleaning: mode & 2 != 0,
        ..Options::default()
    };
    if let Ok(doc) = pipeline().analyze(&content, &options) {
        check_doc(&doc);
        if let (true, Content::Text(text)) = (options.skip_cleaning, &content) {
            assert_eq!(&doc.body, text, "skip_cleaning keeps the input");
        }
    }
});
