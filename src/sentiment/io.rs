//! Line formats of `textanalysis sentiment`: a plain line is scored as a text;
//! with `--jsonl` a line is `{"text": ..., "targets": [[start, end], ...]}`
//! (Unicode code-point offsets) and each target is scored too.

use super::train::byte_offset;
use super::SentimentScorer;
use crate::doc::{Sentiment, Span};
use serde_json::{json, Value};

fn sentiment_json(s: Sentiment) -> Value {
    json!({ "score": s.score, "label": s.label.to_string() })
}

impl SentimentScorer {
    /// Score one input line; the JSON object to print. A malformed `--jsonl`
    /// line yields `{"error": ...}` rather than stopping the stream.
    pub fn score_line(&self, line: &str, jsonl: bool) -> Value {
        if !jsonl {
            return sentiment_json(self.score_text(line));
        }
        #[derive(serde::Deserialize)]
        struct Input {
            text: String,
            #[serde(default)]
            targets: Vec<(usize, usize)>,
        }
        let input: Input = match serde_json::from_str(line) {
            Ok(input) => input,
            Err(err) => return json!({ "error": format!("bad input line: {err}") }),
        };
        let mut out = sentiment_json(self.score_text(&input.text));
        let targets: Vec<Value> = input
            .targets
            .iter()
            .map(|&(from, to)| {
                let start = byte_offset(&input.text, from);
                let end = byte_offset(&input.text, to).max(start);
                let span = Span::from_range(start..end);
                sentiment_json(self.score_target(&input.text, span))
            })
            .collect();
        out["targets"] = Value::Array(targets);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_line_gets_one_result_per_target_in_order() {
        let s = SentimentScorer::new().unwrap();
        let line = r#"{"text": "“Obama” praised Merkel.", "targets": [[1, 6], [16, 22], [9, 2]]}"#;
        let out = s.score_line(line, true);
        assert_eq!(out["targets"].as_array().unwrap().len(), 3);
        assert!(out["label"].is_string());
    }

    #[test]
    fn malformed_jsonl_line_reports_an_error() {
        let s = SentimentScorer::new().unwrap();
        assert!(s.score_line("{not json", true)["error"].is_string());
        assert!(s.score_line("{not json", false)["score"].is_number());
    }
}
