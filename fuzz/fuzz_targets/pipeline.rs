//! The whole pipeline on arbitrary input: the first byte picks text or HTML and
//! whether cleaning runs; the rest is the article. No panic, and every span in
//! bounds, on char boundaries, sorted where it must be (as `tests/props.rs`).
//!
//! `RUSTC_BOOTSTRAP=1 cargo fuzz run pipeline -- -max_total_time=600 -max_len=65536`
//! from the repository root (see docs/reliability.md).

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use textanalysis::{Config, Content, Doc, Options, Pipeline};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(&Config::default()).expect("the default config is valid"))
}

fn check_doc(doc: &Doc) {
    if let Err(broken) = doc.check_spans() {
        panic!("{broken}");
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
