//! Seed speaker sentiment: Docs built from the gold quotes (offsets into the
//! seed files) with the gold speakers, scored by the sentiment stage. The
//! quote stage is tested on its own; here every gold quote is given.

use serde_json::Value;
use textanalysis::doc::{Doc, InputFormat, Quote, QuoteKind, SentimentLabel, SpeakerSentiment};
use textanalysis::segment::Segmenter;
use textanalysis::sentiment::SentimentScorer;
use textanalysis::Span;

fn seed_file(n: &str) -> String {
    let dir = std::fs::read_dir("seeds").unwrap();
    let path = dir
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&format!("{n}_"))
        })
        .unwrap();
    std::fs::read_to_string(path).unwrap()
}

/// For each gold speaker with a sentiment: (seed, name, gold label, got label).
fn speaker_labels(with_optional: bool) -> Vec<(String, String, String, SentimentLabel, f32)> {
    let scorer = SentimentScorer::new().unwrap();
    let mut out = Vec::new();
    for n in ["000", "001", "002", "003", "004"] {
        let gold: Value = serde_json::from_str(
            &std::fs::read_to_string(format!("seeds/gold/{n}.gold.json")).unwrap(),
        )
        .unwrap();
        let body = seed_file(n);
        let mut doc = Doc::new(body, InputFormat::Text);
        let (tokens, sentences) = Segmenter::new().run(&doc.body);
        doc.tokens = tokens;
        doc.sentences = sentences;
        let mut quotes: Vec<&Value> = gold["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|q| with_optional || !q["optional"].as_bool().unwrap())
            .collect();
        quotes.sort_by_key(|q| q["start"].as_u64().unwrap());
        for q in &quotes {
            let span = Span::new(
                q["start"].as_u64().unwrap() as u32,
                q["end"].as_u64().unwrap() as u32,
            );
            assert_eq!(&doc.body[span.range()], q["text"].as_str().unwrap());
            doc.quotes.push(Quote {
                span,
                fragments: vec![],
                kind: QuoteKind::Direct,
                speaker: None,
                speaker_span: None,
                cue: None,
                confidence: 1.0,
                sentiment: None,
            });
        }
        let names: Vec<(String, String)> = gold["speaker_sentiment"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
            .collect();
        for (entity, (name, _)) in names.iter().enumerate() {
            let idx = quotes
                .iter()
                .enumerate()
                .filter(|(_, q)| {
                    q["speakers"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|s| s.as_str() == Some(name))
                })
                .map(|(i, _)| i)
                .collect();
            doc.speakers.push(SpeakerSentiment {
                entity,
                quotes: idx,
                sentiment: None,
            });
        }
        let scores = scorer.run(&doc);
        for ((name, want), got) in names.iter().zip(&scores.speakers) {
            let got = got.unwrap();
            out.push((
                n.to_owned(),
                name.clone(),
                want.clone(),
                got.label,
                got.score,
            ));
        }
    }
    out
}

fn check() {
    let labels = speaker_labels(false);
    let wrong: Vec<_> = labels
        .iter()
        .filter(|(_, _, want, got, _)| !got.to_string().eq_ignore_ascii_case(want))
        .collect();
    eprintln!("{labels:?}");
    assert!(
        wrong.is_empty(),
        "wrong speaker sentiment (seed, speaker, want, got, score): {wrong:?}"
    );
    assert_eq!(labels.len(), 7);
}

/// Required (non-optional) gold quotes only: optional ones are spans the
/// quote stage may or may not report.
#[test]
fn seed_speaker_sentiment_from_required_gold_quotes() {
    check();
}
