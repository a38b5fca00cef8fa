//! Scoring the cleaner on the article-extraction benchmark
//! (`shared/data/boilerplate/`): the benchmark's own metric, token 4-gram
//! ("shingle") precision/recall/F1 macro-averaged over pages, for the HTML
//! pages and for their plain-text dumps.
//!
//! Tokens are runs of word characters (`\w+`: letters, digits, underscore),
//! case kept. Each page's shingle counts give `tp`, `fp`, `fn`, normalised by
//! their sum; precision is averaged over pages with a non-empty prediction,
//! recall over pages with a non-empty truth, and F1 is taken of the two means.

use super::{decode_html, Cleaner};
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

/// Word tokens of `text` (`\w+`).
pub fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
}

fn shingles<'a>(text: &'a str, ids: &mut HashMap<&'a str, u32>) -> HashMap<[u32; 4], u32> {
    let toks: Vec<u32> = tokens(text)
        .map(|t| {
            let next = ids.len() as u32;
            *ids.entry(t).or_insert(next)
        })
        .collect();
    let mut counts = HashMap::new();
    if toks.is_empty() {
        return counts;
    }
    if toks.len() < 4 {
        let mut key = [u32::MAX; 4];
        key[..toks.len()].copy_from_slice(&toks);
        counts.insert(key, 1);
        return counts;
    }
    for w in toks.windows(4) {
        *counts.entry([w[0], w[1], w[2], w[3]]).or_insert(0) += 1;
    }
    counts
}

/// Normalised `(tp, fp, fn)` of one page.
pub fn page_counts(truth: &str, pred: &str) -> (f64, f64, f64) {
    let mut ids = HashMap::new();
    let t = shingles(truth, &mut ids);
    let p = shingles(pred, &mut ids);
    let (mut tp, mut fp, mut fn_) = (0u64, 0u64, 0u64);
    for (k, &a) in &t {
        let b = p.get(k).copied().unwrap_or(0);
        tp += u64::from(a.min(b));
        fn_ += u64::from(a.saturating_sub(b));
    }
    for (k, &b) in &p {
        let a = t.get(k).copied().unwrap_or(0);
        fp += u64::from(b.saturating_sub(a));
    }
    let sum = (tp + fp + fn_) as f64;
    if sum > 0.0 {
        (tp as f64 / sum, fp as f64 / sum, fn_ as f64 / sum)
    } else {
        (0.0, 0.0, 0.0)
    }
}

/// Precision, recall and F1 over a set of pages.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Scores {
    /// Mean page precision over pages with a non-empty prediction.
    pub precision: f64,
    /// Mean page recall over pages with a non-empty truth.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
    /// Share of pages whose tokens equal the truth's exactly.
    pub accuracy: f64,
    /// Pages scored.
    pub pages: usize,
}

/// Scores of `(truth, prediction)` pairs.
pub fn score<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Scores {
    let (mut ps, mut rs, mut exact, mut n) = (Vec::new(), Vec::new(), 0usize, 0usize);
    for (truth, pred) in pairs {
        n += 1;
        let (tp, fp, fn_) = page_counts(truth, pred);
        let perfect = fp == 0.0 && fn_ == 0.0;
        if tp + fp > 0.0 {
            ps.push(if perfect { 1.0 } else { tp / (tp + fp) });
        }
        if tp + fn_ > 0.0 {
            rs.push(if perfect { 1.0 } else { tp / (tp + fn_) });
        }
        if tokens(truth).eq(tokens(pred)) {
            exact += 1;
        }
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (precision, recall) = (mean(&ps), mean(&rs));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Scores {
        precision,
        recall,
        f1,
        accuracy: if n == 0 { 0.0 } else { exact as f64 / n as f64 },
        pages: n,
    }
}

/// Bag-of-tokens F1 (lower-cased `\w+` tokens), as the seed scorer computes it.
pub fn bag_f1(pred: &str, gold: &str) -> f64 {
    let bag = |text: &str| {
        let mut counts: HashMap<String, u32> = HashMap::new();
        for t in tokens(text) {
            *counts.entry(t.to_lowercase()).or_default() += 1;
        }
        counts
    };
    let (p, g) = (bag(pred), bag(gold));
    let tp: u32 = p
        .iter()
        .map(|(k, &a)| a.min(g.get(k).copied().unwrap_or(0)))
        .sum();
    if tp == 0 {
        return 0.0;
    }
    let precision = f64::from(tp) / f64::from(p.values().sum::<u32>());
    let recall = f64::from(tp) / f64::from(g.values().sum::<u32>());
    2.0 * precision * recall / (precision + recall)
}

/// One benchmark page: id, HTML, plain-text dump and the true article body.
#[derive(Clone, Debug)]
pub struct Page {
    /// The page id.
    pub id: String,
    /// Raw HTML bytes.
    pub html: Vec<u8>,
    /// The plain-text dump.
    pub text: String,
    /// The annotated article body.
    pub truth: String,
}

/// Errors reading a benchmark folder.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DataError {
    /// A file could not be read.
    #[error("cannot read {path:?}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// `ground-truth.json` is not what the README describes.
    #[error("cannot parse {path:?}")]
    Json {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        #[source]
        source: serde_json::Error,
    },
}

/// The pages of a benchmark split folder (`ground-truth.json`, `html/ID.html.gz`, `text/ID.txt`).
pub fn load_pages(dir: &Path) -> Result<Vec<Page>, DataError> {
    use std::io::Read;
    let read = |path: std::path::PathBuf| {
        std::fs::read(&path).map_err(|source| DataError::Io { path, source })
    };
    let gt_path = dir.join("ground-truth.json");
    let truth: HashMap<String, serde_json::Value> = serde_json::from_slice(&read(gt_path.clone())?)
        .map_err(|source| DataError::Json {
            path: gt_path,
            source,
        })?;
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut pages = Vec::with_capacity(ids.len());
    for id in ids {
        let html_path = dir.join("html").join(format!("{id}.html.gz"));
        let gz = read(html_path.clone())?;
        let mut html = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut html)
            .map_err(|source| DataError::Io {
                path: html_path,
                source,
            })?;
        let text_path = dir.join("text").join(format!("{id}.txt"));
        let text = String::from_utf8_lossy(&read(text_path)?).into_owned();
        let body = truth[id]
            .get("articleBody")
            .and_then(|b| b.as_str())
            .unwrap_or("")
            .to_owned();
        pages.push(Page {
            id: id.clone(),
            html,
            text,
            truth: body,
        });
    }
    Ok(pages)
}

/// Scores and timing of one input variant.
#[derive(Clone, Debug, Default)]
pub struct VariantReport {
    /// The metric.
    pub scores: Scores,
    /// Time spent cleaning (decoding included for HTML).
    pub elapsed: Duration,
    /// Predicted body per page id.
    pub predictions: Vec<(String, String)>,
}

impl VariantReport {
    /// Pages cleaned per second.
    pub fn pages_per_second(&self) -> f64 {
        self.scores.pages as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// Cleans every page as HTML and scores the bodies.
pub fn evaluate_html(cleaner: &Cleaner, pages: &[Page]) -> VariantReport {
    evaluate(pages, |page| match decode_html(&page.html) {
        Ok((html, _)) => cleaner.clean_html(&html, false).body,
        Err(_) => String::new(),
    })
}

/// Cleans every page's plain-text dump and scores the bodies.
pub fn evaluate_text(cleaner: &Cleaner, pages: &[Page]) -> VariantReport {
    evaluate(pages, |page| cleaner.clean_text(&page.text, false).body)
}

/// Cleans every page's plain-text dump hard-wrapped at `width` columns, as
/// `lynx -dump` or `html2text` would give it, and scores the bodies.
pub fn evaluate_wrapped_text(cleaner: &Cleaner, pages: &[Page], width: usize) -> VariantReport {
    let wrapped: Vec<Page> = pages
        .iter()
        .map(|page| Page {
            text: hard_wrap(&page.text, width),
            ..page.clone()
        })
        .collect();
    evaluate_text(cleaner, &wrapped)
}

/// Every line of `text` wrapped greedily at `width` characters (a word
/// longer than that gets a line of its own); blank lines stay.
pub fn hard_wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / width.max(1));
    for line in text.lines() {
        let mut column = 0;
        for word in line.split_whitespace() {
            let len = word.chars().count();
            if column > 0 && column + 1 + len > width {
                out.push('\n');
                column = 0;
            } else if column > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += len;
        }
        out.push('\n');
    }
    out
}

fn evaluate(pages: &[Page], mut clean: impl FnMut(&Page) -> String) -> VariantReport {
    let mut elapsed = Duration::ZERO;
    let mut predictions = Vec::with_capacity(pages.len());
    for page in pages {
        let start = Instant::now();
        let body = clean(page);
        elapsed += start.elapsed();
        predictions.push((page.id.clone(), body));
    }
    let scores = score(
        pages
            .iter()
            .zip(&predictions)
            .map(|(page, (_, pred))| (page.truth.as_str(), pred.as_str())),
    );
    VariantReport {
        scores,
        elapsed,
        predictions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_texts_score_one() {
        let s = score([("one two three four five", "one two three four five")]);
        assert_eq!(
            (s.precision, s.recall, s.f1, s.accuracy),
            (1.0, 1.0, 1.0, 1.0)
        );
    }

    #[test]
    fn extra_text_lowers_precision_only() {
        let truth = "a b c d e";
        let pred = "a b c d e f g";
        let (tp, fp, fn_) = page_counts(truth, pred);
        assert!((tp - 0.5).abs() < 1e-9 && (fp - 0.5).abs() < 1e-9 && fn_ == 0.0);
        let s = score([(truth, pred)]);
        assert_eq!(s.recall, 1.0);
        assert!((s.precision - 0.5).abs() < 1e-9);
    }

    #[test]
    fn short_texts_are_one_shingle_and_empty_predictions_skip_precision() {
        assert_eq!(page_counts("a b", "a b"), (1.0, 0.0, 0.0));
        let s = score([("a b c d", ""), ("x y z w", "x y z w")]);
        assert_eq!(s.precision, 1.0);
        assert_eq!(s.recall, 0.5);
    }

    #[test]
    fn bag_f1_ignores_case_and_order() {
        assert_eq!(bag_f1("The cat sat", "sat the CAT"), 1.0);
        assert_eq!(bag_f1("", "x"), 0.0);
    }
}
