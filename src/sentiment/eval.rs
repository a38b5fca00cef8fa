//! `textanalysis eval sentiment`: the figures of `../shared/data/sentiment/README.md`.
//!
//! NYT rows are the text model's training data, so the honest NYT figure is
//! k-fold cross-validation, 5 folds unless asked (each row scored by a model
//! trained without it);
//! the shipped model's in-sample figure and the lexicon alone are printed
//! beside it. NewsMTSC dev sets are never trained on.

use super::lexicon::Lexicon;
use super::train::{cross_validate_nyt, load_mtsc, load_nyt, load_other_rated, nyt_path};
use super::SentimentScorer;
use crate::doc::SentimentLabel;
use crate::error::Result;
use std::fmt;
use std::path::Path;

/// NYT snippet figures.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NytFigures {
    /// Rows scored.
    pub n: usize,
    /// Pearson r with the human mean.
    pub pearson: f64,
    /// Spearman rho.
    pub spearman: f64,
    /// 3-class accuracy.
    pub accuracy: f64,
    /// 3-class macro-F1.
    pub macro_f1: f64,
}

/// NewsMTSC figures.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct MtscFigures {
    /// Targets scored.
    pub n: usize,
    /// Macro-F1 over neg/neu/pos.
    pub macro_f1: f64,
    /// Accuracy.
    pub accuracy: f64,
    /// Mean of the positive and negative F1.
    pub f1pn: f64,
}

/// Everything `eval sentiment` prints.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Lexicon and rules alone (VADER compound).
    pub nyt_lexicon: NytFigures,
    /// Cross-validated text model.
    pub nyt_cv: NytFigures,
    /// Folds of that cross-validation.
    pub folds: usize,
    /// Shipped model, in-sample (trained on these rows).
    pub nyt_shipped: NytFigures,
    /// NewsMTSC dev rw.
    pub dev_rw: MtscFigures,
    /// NewsMTSC dev mt.
    pub dev_mt: MtscFigures,
    /// `score_text` throughput over the NYT snippets, sentences per second (one thread).
    pub text_per_sec: f64,
    /// `score_target` throughput over NewsMTSC dev targets, targets per second.
    pub target_per_sec: f64,
}

/// CPU time of the calling thread in seconds, where Linux exposes it
/// (`/proc/thread-self/schedstat`); the benchmark machine is shared, so wall
/// time would count other processes' work.
fn thread_cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Items per second of `f` over `items` on one thread (CPU time when known,
/// else wall time), repeated for at least half a second.
fn throughput<T>(items: &[T], mut f: impl FnMut(&T) -> f32) -> f64 {
    let start = std::time::Instant::now();
    let cpu_start = thread_cpu_secs();
    let mut done = 0usize;
    let mut sink = 0.0f32;
    while done == 0 || start.elapsed().as_secs_f64() < 1.0 {
        for item in items {
            sink += f(item);
        }
        done += items.len();
    }
    std::hint::black_box(sink);
    let secs = match (cpu_start, thread_cpu_secs()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => start.elapsed().as_secs_f64(),
    };
    done as f64 / secs
}

/// Class of a score by the label cut-offs: 0 negative, 1 neutral, 2 positive.
pub fn score_class(score: f32) -> usize {
    match SentimentScorer::label(score) {
        SentimentLabel::Negative => 0,
        SentimentLabel::Positive => 2,
        _ => 1,
    }
}

/// Gold NYT class of a human mean valence.
pub fn valence_class(v: f32) -> usize {
    if v > 0.5 {
        2
    } else if v < -0.5 {
        0
    } else {
        1
    }
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    if x.is_empty() {
        return 0.0;
    }
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

fn ranks(x: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..x.len()).collect();
    order.sort_by(|&a, &b| x[a].total_cmp(&x[b]));
    let mut r = vec![0.0; x.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && x[order[j + 1]] == x[order[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            r[k] = avg;
        }
        i = j + 1;
    }
    r
}

/// Per-class F1 of `pred` against `gold` (classes 0..3).
fn class_f1(pred: &[usize], gold: &[usize]) -> [f64; 3] {
    let mut f1 = [0.0; 3];
    for (c, out) in f1.iter_mut().enumerate() {
        let tp = pred
            .iter()
            .zip(gold)
            .filter(|(p, g)| **p == c && **g == c)
            .count() as f64;
        let np = pred.iter().filter(|p| **p == c).count() as f64;
        let ng = gold.iter().filter(|g| **g == c).count() as f64;
        if tp > 0.0 {
            let (p, r) = (tp / np, tp / ng);
            *out = 2.0 * p * r / (p + r);
        }
    }
    f1
}

fn accuracy(pred: &[usize], gold: &[usize]) -> f64 {
    if gold.is_empty() {
        return 0.0;
    }
    pred.iter().zip(gold).filter(|(p, g)| p == g).count() as f64 / gold.len() as f64
}

/// NYT figures of `scores` (label scale) against human means.
pub fn nyt_figures(scores: &[f32], gold: &[f32]) -> NytFigures {
    let x: Vec<f64> = scores.iter().map(|&s| f64::from(s)).collect();
    let y: Vec<f64> = gold.iter().map(|&s| f64::from(s)).collect();
    let pred: Vec<usize> = scores.iter().map(|&s| score_class(s)).collect();
    let truth: Vec<usize> = gold.iter().map(|&v| valence_class(v)).collect();
    let f1 = class_f1(&pred, &truth);
    NytFigures {
        n: scores.len(),
        pearson: pearson(&x, &y),
        spearman: pearson(&ranks(&x), &ranks(&y)),
        accuracy: accuracy(&pred, &truth),
        macro_f1: f1.iter().sum::<f64>() / 3.0,
    }
}

/// NewsMTSC figures of predicted classes against gold.
pub fn mtsc_figures(pred: &[usize], gold: &[usize]) -> MtscFigures {
    let f1 = class_f1(pred, gold);
    MtscFigures {
        n: gold.len(),
        macro_f1: f1.iter().sum::<f64>() / 3.0,
        accuracy: accuracy(pred, gold),
        f1pn: (f1[0] + f1[2]) / 2.0,
    }
}

/// Predicted and gold classes over a NewsMTSC file.
pub fn mtsc_predictions(scorer: &SentimentScorer, path: &Path) -> Result<(Vec<usize>, Vec<usize>)> {
    let data = load_mtsc(path)?;
    let mut pred = Vec::new();
    let mut gold = Vec::new();
    for s in &data {
        for t in &s.targets {
            pred.push(scorer.target_class(&s.text, t.span));
            gold.push(t.class);
        }
    }
    Ok((pred, gold))
}

/// Run every evaluation on the sentiment data folder `dir`, with `folds`-fold
/// cross-validation of the text model (rows `i % folds == k` held out); the
/// cross-validated text models also train on the other domains' rated sets
/// in `other_dir`, as the shipped one did. More folds train each model on
/// more rows, which shows the learning curve toward the shipped model.
/// Fewer than 2 folds counts as 2.
pub fn evaluate(
    scorer: &SentimentScorer,
    dir: &Path,
    other_dir: &Path,
    folds: usize,
) -> Result<Report> {
    let folds = folds.max(2);
    let rows = load_nyt(&nyt_path(dir))?;
    let other = load_other_rated(other_dir)?;
    let gold: Vec<f32> = rows.iter().map(|r| r.valence).collect();
    let lex = Lexicon::new();
    let lexicon: Vec<f32> = rows
        .iter()
        .map(|r| lex.analyze(&r.text).score.compound)
        .collect();
    let shipped: Vec<f32> = rows
        .iter()
        .map(|r| scorer.score_text(&r.text).score)
        .collect();
    let cv = cross_validate_nyt(&rows, &other, folds);
    let (rw_p, rw_g) = mtsc_predictions(scorer, &dir.join("newsmtsc/dev_rw.jsonl"))?;
    let (mt_p, mt_g) = mtsc_predictions(scorer, &dir.join("newsmtsc/dev_mt.jsonl"))?;
    let text_per_sec = throughput(&rows, |r| scorer.score_text(&r.text).score);
    let targets: Vec<(String, (usize, usize))> = load_mtsc(&dir.join("newsmtsc/dev_rw.jsonl"))?
        .into_iter()
        .flat_map(|s| {
            s.targets
                .iter()
                .map(|t| (s.text.clone(), t.span))
                .collect::<Vec<_>>()
        })
        .collect();
    let target_per_sec = throughput(&targets, |(text, span)| scorer.target_probs(text, *span)[2]);
    Ok(Report {
        nyt_lexicon: nyt_figures(&lexicon, &gold),
        nyt_cv: nyt_figures(&cv, &gold),
        folds,
        nyt_shipped: nyt_figures(&shipped, &gold),
        dev_rw: mtsc_figures(&rw_p, &rw_g),
        dev_mt: mtsc_figures(&mt_p, &mt_g),
        text_per_sec,
        target_per_sec,
    })
}

impl fmt::Display for NytFigures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "n={} pearson={:.3} spearman={:.3} acc={:.3} macroF1={:.3}",
            self.n, self.pearson, self.spearman, self.accuracy, self.macro_f1
        )
    }
}

impl fmt::Display for MtscFigures {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "n={} macroF1={:.3} acc={:.3} F1pn={:.3}",
            self.n, self.macro_f1, self.accuracy, self.f1pn
        )
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "nyt lexicon-only        {}", self.nyt_lexicon)?;
        let cv = format!("nyt {}-fold CV (honest)", self.folds);
        writeln!(f, "{cv:<23} {}", self.nyt_cv)?;
        writeln!(f, "nyt shipped (in-sample) {}", self.nyt_shipped)?;
        writeln!(f, "newsmtsc dev_rw         {}", self.dev_rw)?;
        writeln!(f, "newsmtsc dev_mt         {}", self.dev_mt)?;
        write!(
            f,
            "speed (one thread, CPU) text {:.0} sentences/s, target {:.0} targets/s",
            self.text_per_sec, self.target_per_sec
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_predictions_score_one() {
        let fig = mtsc_figures(&[0, 1, 2, 2], &[0, 1, 2, 2]);
        assert_eq!(fig.macro_f1, 1.0);
        assert_eq!(fig.f1pn, 1.0);
        let nyt = nyt_figures(&[-0.5, 0.0, 0.6], &[-2.0, 0.1, 2.5]);
        assert!((nyt.spearman - 1.0).abs() < 1e-9);
        assert_eq!(nyt.macro_f1, 1.0);
    }

    #[test]
    fn report_names_its_folds() {
        let report = Report {
            folds: 10,
            ..Report::default()
        };
        let text = report.to_string();
        assert!(text.contains("\nnyt 10-fold CV (honest) n=0"), "{text}");
    }

    #[test]
    fn spearman_handles_ties() {
        let r = ranks(&[1.0, 1.0, 3.0]);
        assert_eq!(r, vec![1.5, 1.5, 3.0]);
    }
}
