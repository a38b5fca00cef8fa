//! Training the two linear models from `../shared/data/sentiment/`
//! (layout in that folder's README): the text model is a ridge regression of
//! NYT snippets' human valence (AdaGrad, squared loss), the target model a
//! three-class logistic regression on NewsMTSC `train.jsonl`. Deterministic:
//! examples are shuffled by a seeded xorshift generator.

use super::features::{target_features, text_features, Features};
use super::lexicon::Lexicon;
use super::model::{Linear, Models};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

/// Seed for every shuffle.
pub const SEED: u64 = 0x5eed_2024;

/// One NYT snippet with its mean human valence (-4..4).
#[derive(Clone, Debug)]
pub struct NytRow {
    /// Row id as in the file.
    pub id: String,
    /// Mean human rating, -4..4.
    pub valence: f32,
    /// The snippet.
    pub text: String,
}

/// A NewsMTSC target: byte span in its sentence and the gold class.
#[derive(Clone, Copy, Debug)]
pub struct MtscTarget {
    /// Byte offsets `[start, end)` in the sentence.
    pub span: (usize, usize),
    /// 0 negative, 1 neutral, 2 positive.
    pub class: usize,
}

/// A NewsMTSC sentence with its targets.
#[derive(Clone, Debug)]
pub struct MtscSentence {
    /// The sentence.
    pub text: String,
    /// Its targets.
    pub targets: Vec<MtscTarget>,
}

fn data_error(path: &Path, reason: String) -> Error {
    Error::ConfigFile {
        path: path.to_path_buf(),
        reason,
    }
}

fn read(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The NYT ground-truth file under `dir` (the sentiment data folder).
pub fn nyt_path(dir: &Path) -> PathBuf {
    dir.join("vader_nyt/nytEditorialSnippets_GroundTruth.shared.tsv")
}

/// Read the NYT snippets (`ID \t MEAN \t TEXT`).
pub fn load_nyt(path: &Path) -> Result<Vec<NytRow>> {
    let mut rows = Vec::new();
    for (n, line) in read(path)?.lines().enumerate() {
        let mut cols = line.splitn(3, '\t');
        let (Some(id), Some(mean), Some(text)) = (cols.next(), cols.next(), cols.next()) else {
            continue;
        };
        let valence = mean
            .trim()
            .parse::<f32>()
            .map_err(|e| data_error(path, format!("line {}: {e}", n + 1)))?;
        rows.push(NytRow {
            id: id.to_owned(),
            valence,
            text: text.to_owned(),
        });
    }
    Ok(rows)
}

/// Byte offset of code point `cp` in `text` (clamped to its end).
pub fn byte_offset(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

/// Read a NewsMTSC JSONL file; `from`/`to` code-point offsets become byte offsets.
pub fn load_mtsc(path: &Path) -> Result<Vec<MtscSentence>> {
    #[derive(serde::Deserialize)]
    struct Line {
        sentence_normalized: String,
        targets: Vec<Target>,
    }
    #[derive(serde::Deserialize)]
    struct Target {
        from: usize,
        to: usize,
        polarity: f32,
    }
    let mut out = Vec::new();
    for (n, line) in read(path)?.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(line)
            .map_err(|e| data_error(path, format!("line {}: {e}", n + 1)))?;
        let text = parsed.sentence_normalized;
        let targets = parsed
            .targets
            .iter()
            .map(|t| MtscTarget {
                span: (byte_offset(&text, t.from), byte_offset(&text, t.to)),
                class: if t.polarity < 3.0 {
                    0
                } else if t.polarity > 5.0 {
                    2
                } else {
                    1
                },
            })
            .collect();
        out.push(MtscSentence { text, targets });
    }
    Ok(out)
}

/// Maps a predicted human valence (-4..4) to the score: linear (Pearson is
/// unaffected) with slope [`SCORE_PER_VALENCE`], clamped to -1..1. The slope
/// undoes the regression's shrinkage toward zero so that the label cut-off
/// ±0.05 falls at a predicted valence of about ±0.36, near the NYT class
/// boundary ±0.5 (tuned by cross-validated macro-F1).
pub fn valence_to_score(v: f32) -> f32 {
    (v * SCORE_PER_VALENCE).clamp(-1.0, 1.0)
}

/// Score per unit of predicted valence.
pub const SCORE_PER_VALENCE: f32 = 0.14;

/// Optimiser settings.
#[derive(Clone, Copy, Debug)]
pub struct TrainOptions {
    /// Passes over the data.
    pub epochs: usize,
    /// AdaGrad step.
    pub lr: f32,
    /// L2 penalty per update.
    pub l2: f32,
    /// Shuffle seed.
    pub seed: u64,
}

impl TrainOptions {
    /// Settings for the text regression.
    pub const TEXT: TrainOptions = TrainOptions {
        epochs: 12,
        lr: 0.05,
        l2: 1e-4,
        seed: SEED,
    };
    /// Settings for the target classifier.
    pub const TARGET: TrainOptions = TrainOptions {
        epochs: 10,
        lr: 0.05,
        l2: 1e-4,
        seed: SEED,
    };
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// Generic AdaGrad over sparse examples; `grad` gives d(loss)/d(output) for
/// example `k` and the current outputs.
fn adagrad(
    xs: &[Features],
    outputs: usize,
    opt: TrainOptions,
    mut grad: impl FnMut(usize, &[f32], &mut [f32]),
) -> Linear {
    let mut model = Linear::zeros(outputs);
    let mut acc = vec![1e-6f32; model.weights.len()];
    let mut order: Vec<usize> = (0..xs.len()).collect();
    let mut rng = Rng(opt.seed | 1);
    let mut out = vec![0.0; outputs];
    let mut g = vec![0.0; outputs];
    let mut avg = vec![0.0f32; model.weights.len()];
    let avg_from = opt.epochs / 2;
    for epoch in 0..opt.epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let f = &xs[k];
            model.predict(f, &mut out);
            grad(k, &out, &mut g);
            for (&i, &v) in f.idx.iter().zip(&f.val) {
                for (o, &go) in g.iter().enumerate() {
                    let at = i as usize * outputs + o;
                    let gi = go * v + opt.l2 * model.weights[at];
                    acc[at] += gi * gi;
                    model.weights[at] -= opt.lr * gi / acc[at].sqrt();
                }
            }
        }
        // Average the weights of the later epochs (less variance than the last).
        if epoch >= avg_from {
            for (a, w) in avg.iter_mut().zip(&model.weights) {
                *a += w;
            }
        }
    }
    let n = (opt.epochs - avg_from) as f32;
    model.weights = avg.into_iter().map(|a| a / n).collect();
    model
}

/// Least-squares regression of `ys`.
pub(crate) fn train_regression(xs: &[Features], ys: &[f32], opt: TrainOptions) -> Linear {
    adagrad(xs, 1, opt, |k, out, g| g[0] = out[0] - ys[k])
}

/// Softmax regression of `ys` (class indices) with per-class weights.
pub(crate) fn train_softmax(
    xs: &[Features],
    ys: &[usize],
    class_weight: [f32; 3],
    opt: TrainOptions,
) -> Linear {
    adagrad(xs, 3, opt, |k, out, g| {
        let p = softmax(out);
        let w = class_weight[ys[k]];
        for c in 0..3 {
            g[c] = w * (p[c] - if c == ys[k] { 1.0 } else { 0.0 });
        }
    })
}

/// Softmax of three logits.
pub(crate) fn softmax(z: &[f32]) -> [f32; 3] {
    let m = z.iter().fold(f32::NEG_INFINITY, |a, &b| a.max(b));
    let e = [(z[0] - m).exp(), (z[1] - m).exp(), (z[2] - m).exp()];
    let s = e[0] + e[1] + e[2];
    [e[0] / s, e[1] / s, e[2] / s]
}

/// Text-model examples: features and regression targets (valence / 4).
pub(crate) fn text_examples(lex: &Lexicon, rows: &[NytRow]) -> (Vec<Features>, Vec<f32>) {
    rows.iter()
        .map(|r| {
            let a = lex.analyze(&r.text);
            (text_features(lex, &a, &r.text), r.valence / 4.0)
        })
        .unzip()
}

/// Train the text model on NYT rows.
pub(crate) fn train_text(lex: &Lexicon, rows: &[NytRow]) -> Linear {
    let (xs, ys) = text_examples(lex, rows);
    train_regression(&xs, &ys, TrainOptions::TEXT)
}

/// Target-model examples.
pub(crate) fn target_examples(lex: &Lexicon, data: &[MtscSentence]) -> (Vec<Features>, Vec<usize>) {
    let mut xs = Vec::new();
    let mut ys = Vec::new();
    for s in data {
        let a = lex.analyze(&s.text);
        for t in &s.targets {
            xs.push(target_features(lex, &a, &s.text, t.span));
            ys.push(t.class);
        }
    }
    (xs, ys)
}

/// Train the target model on NewsMTSC sentences.
pub(crate) fn train_target(lex: &Lexicon, data: &[MtscSentence]) -> Linear {
    let (xs, ys) = target_examples(lex, data);
    let mut counts = [0.0f32; 3];
    for &y in &ys {
        counts[y] += 1.0;
    }
    let total = counts.iter().sum::<f32>();
    let class_weight = counts.map(|c| if c > 0.0 { total / (3.0 * c) } else { 1.0 });
    train_softmax(&xs, &ys, class_weight, TrainOptions::TARGET)
}

/// Train both models from the sentiment data folder.
pub fn train(dir: &Path) -> Result<Vec<u8>> {
    let lex = Lexicon::new();
    let nyt = load_nyt(&nyt_path(dir))?;
    let mtsc = load_mtsc(&dir.join("newsmtsc/train.jsonl"))?;
    let models = Models {
        text: train_text(&lex, &nyt),
        target: train_target(&lex, &mtsc),
    };
    Ok(models.to_bytes())
}

/// Out-of-fold NYT predictions (label scale) from `k`-fold cross-validation:
/// row `i` is scored by a text model that never saw it.
pub fn cross_validate_nyt(rows: &[NytRow], k: usize) -> Vec<f32> {
    let lex = Lexicon::new();
    let (xs, ys) = text_examples(&lex, rows);
    let mut pred = vec![0.0; rows.len()];
    let mut out = [0.0f32];
    for fold in 0..k {
        let train_idx: Vec<usize> = (0..rows.len()).filter(|i| i % k != fold).collect();
        let fx: Vec<Features> = train_idx.iter().map(|&i| xs[i].clone()).collect();
        let fy: Vec<f32> = train_idx.iter().map(|&i| ys[i]).collect();
        let model = train_regression(&fx, &fy, TrainOptions::TEXT);
        for i in (0..rows.len()).filter(|i| i % k == fold) {
            model.predict(&xs[i], &mut out);
            pred[i] = valence_to_score(out[0] * 4.0);
        }
    }
    pred
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valence_mapping_puts_label_cutoff_inside_the_neutral_band() {
        assert!(valence_to_score(0.3) < 0.05 && valence_to_score(0.4) > 0.05);
        assert!(valence_to_score(-0.4) < -0.05);
        assert_eq!(valence_to_score(-40.0), -1.0);
    }

    #[test]
    fn code_point_offsets_become_byte_offsets() {
        let text = "\u{201c}Obama\u{201d} won";
        assert_eq!(byte_offset(text, 1), 3);
        assert_eq!(&text[byte_offset(text, 1)..byte_offset(text, 6)], "Obama");
        assert_eq!(byte_offset(text, 99), text.len());
    }

    #[test]
    fn regression_learns_a_separable_toy_set() {
        let lex = Lexicon::new();
        let rows: Vec<NytRow> = [("a fine success", 3.0), ("a grim failure", -3.0)]
            .iter()
            .map(|(t, v)| NytRow {
                id: String::new(),
                valence: *v,
                text: (*t).to_owned(),
            })
            .collect();
        let model = train_text(&lex, &rows);
        let (xs, _) = text_examples(&lex, &rows);
        let mut out = [0.0];
        model.predict(&xs[0], &mut out);
        assert!(out[0] > 0.3, "{}", out[0]);
        model.predict(&xs[1], &mut out);
        assert!(out[0] < -0.3, "{}", out[0]);
    }
}
