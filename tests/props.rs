//! Property tests over the whole pipeline: any text or HTML, no panic, and
//! every span in bounds, on char boundaries, sorted where it must be.

use proptest::prelude::*;
use std::sync::OnceLock;
use textanalysis::{Config, Content, Doc, Options, Pipeline};

fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(|| Pipeline::new(&Config::default()).unwrap())
}

fn check_doc(doc: &Doc) {
    if let Err(broken) = doc.check_spans() {
        panic!("{broken}");
    }
}

/// Text made of words, quote marks of every style, punctuation and odd characters.
fn newsy_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        Just("The".to_owned()),
        Just("minister".to_owned()),
        Just("Lavrov".to_owned()),
        Just("said".to_owned()),
        Just("Mr.".to_owned()),
        Just("U.S.".to_owned()),
        Just("\"".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("„".to_owned()),
        Just(",".to_owned()),
        Just(".".to_owned()),
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("é".to_owned()),
        Just("😀".to_owned()),
        Just("שלום".to_owned()),
        Just("\u{0}".to_owned()),
        "[A-Z][a-z]{0,8}",
        "[a-z]{1,8}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(pieces, 0..120).prop_map(|words| words.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_text_analyses_without_panic(text in newsy_text()) {
        for skip_cleaning in [false, true] {
            let options = Options { skip_cleaning, ..Options::default() };
            if let Ok(doc) = pipeline().analyze(&Content::Text(text.clone()), &options) {
                check_doc(&doc);
                if skip_cleaning {
                    prop_assert_eq!(&doc.body, &text);
                }
            }
        }
    }

    #[test]
    fn arbitrary_unicode_analyses_without_panic(text in "\\PC{0,400}") {
        if let Ok(doc) = pipeline().analyze(&Content::Text(text), &Options::default()) {
            check_doc(&doc);
        }
    }

    #[test]
    fn any_html_analyses_without_panic(body in newsy_text(), tags in prop::collection::vec("</?(p|div|span|a|script|h1|li|ul|article|nav)>", 0..30)) {
        let mut html = String::from("<html><head><title>T</title></head><body>");
        for (i, word) in body.split(' ').enumerate() {
            html.push_str(word);
            html.push(' ');
            if let Some(tag) = tags.get(i % tags.len().max(1)) {
                html.push_str(tag);
            }
        }
        if let Ok(doc) = pipeline().analyze(&Content::Html(html.into_bytes()), &Options::default()) {
            check_doc(&doc);
        }
    }

    #[test]
    fn arbitrary_bytes_as_html_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(doc) = pipeline().analyze(&Content::Html(bytes), &Options::default()) {
            check_doc(&doc);
        }
    }
}
