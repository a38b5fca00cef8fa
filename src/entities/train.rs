//! Training: an averaged structured perceptron over the hashed features,
//! Viterbi-decoded, sentences shuffled each epoch by a seeded generator so a
//! run is reproducible.

use super::conll::{self, Document};
use super::features::{self, N_FEATURES};
use super::gazetteer::Gazetteer;
use super::model::{self, viterbi, Model, Transitions, TAGS, TAG_NAMES};

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    /// Passes over the training data.
    pub epochs: usize,
    /// Seed of the shuffling.
    pub seed: u64,
    /// log2 of the weight-table rows.
    pub bits: u32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            epochs: 12,
            seed: 7,
            bits: 18,
        }
    }
}

/// Features and gold tags of one sentence.
struct Example {
    feats: Vec<u32>,
    gold: Vec<u8>,
}

/// Featurise CoNLL documents (document-level features use each whole document).
fn examples(docs: &[Document], gaz: &Gazetteer, bits: u32) -> Vec<Example> {
    let mut out = Vec::new();
    for doc in docs {
        let infos = features::document_infos(
            doc.sentences
                .iter()
                .map(|s| s.words.iter().map(String::as_str)),
            gaz,
        );
        for (sentence, info) in doc.sentences.iter().zip(&infos) {
            let mut feats = Vec::with_capacity(info.len() * N_FEATURES);
            features::extract(info, bits, &mut feats);
            out.push(Example {
                feats,
                gold: sentence.gold.iter().map(|t| model::tag_id(t)).collect(),
            });
        }
    }
    out
}

/// xorshift64*: small, seeded, good enough for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Transitions,
    tu: Transitions,
    c: f32,
}

impl Perceptron {
    fn emissions(w: &[f32], feats: &[u32], out: &mut Vec<[f32; TAGS]>) {
        out.clear();
        for token in feats.chunks_exact(N_FEATURES) {
            let mut sum = [0f32; TAGS];
            for &b in token {
                let row = &w[b as usize * TAGS..b as usize * TAGS + TAGS];
                for (s, &x) in sum.iter_mut().zip(row) {
                    *s += x;
                }
            }
            out.push(sum);
        }
    }

    fn update(&mut self, ex: &Example, pred: &[u8]) {
        let c = self.c;
        let mut prev: (usize, usize) = (TAGS, TAGS);
        for (i, (&g, &p)) in ex.gold.iter().zip(pred).enumerate() {
            let (g, p) = (g as usize, p as usize);
            if g != p {
                for &b in &ex.feats[i * N_FEATURES..(i + 1) * N_FEATURES] {
                    let b = b as usize * TAGS;
                    self.w[b + g] += 1.0;
                    self.u[b + g] += c;
                    self.w[b + p] -= 1.0;
                    self.u[b + p] -= c;
                }
            }
            if (prev.0, g) != (prev.1, p) {
                self.tw[prev.0][g] += 1.0;
                self.tu[prev.0][g] += c;
                self.tw[prev.1][p] -= 1.0;
                self.tu[prev.1][p] -= c;
            }
            prev = (g, p);
        }
    }

    fn averaged(&self, bits: u32) -> Model {
        let c = self.c;
        let w: Vec<f32> = self.w.iter().zip(&self.u).map(|(w, u)| w - u / c).collect();
        let mut t = self.tw;
        for (row, urow) in t.iter_mut().zip(&self.tu) {
            for (x, u) in row.iter_mut().zip(urow) {
                *x -= u / c;
            }
        }
        Model::quantise(bits, &w, t)
    }
}

/// Score a model on featurised examples: `(gold, predicted, correct)` chunks.
fn score(model: &Model, examples: &[Example]) -> (usize, usize, usize) {
    let mut counts = conll::Counts::default();
    let (mut em, mut pred) = (Vec::new(), Vec::new());
    for ex in examples {
        model.tag(&ex.feats, &mut em, &mut pred);
        let g: Vec<&str> = ex.gold.iter().map(|&t| TAG_NAMES[t as usize]).collect();
        let p: Vec<&str> = pred.iter().map(|&t| TAG_NAMES[t as usize]).collect();
        counts.add(&g, &p);
    }
    counts.total()
}

/// Train a model on `train`; when `dev` is given, log its F1 after each epoch.
pub fn train(
    train: &[Document],
    dev: Option<&[Document]>,
    gaz: &Gazetteer,
    options: Options,
    mut log: impl FnMut(String),
) -> Model {
    let bits = options.bits;
    let data = examples(train, gaz, bits);
    let dev = dev.map(|d| examples(d, gaz, bits));
    let size = (1usize << bits) * TAGS;
    let mut p = Perceptron {
        w: vec![0.0; size],
        u: vec![0.0; size],
        tw: [[0.0; TAGS]; TAGS + 1],
        tu: [[0.0; TAGS]; TAGS + 1],
        c: 1.0,
    };
    let mut rng = Rng(options.seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let (mut em, mut pred) = (Vec::new(), Vec::new());
    for epoch in 1..=options.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        for &i in &order {
            let ex = &data[i];
            Perceptron::emissions(&p.w, &ex.feats, &mut em);
            viterbi(&em, &p.tw, &mut pred);
            if pred != ex.gold {
                errors += 1;
                p.update(ex, &pred);
            }
            p.c += 1.0;
        }
        let mut line = format!("epoch {epoch}: {errors} of {} sentences wrong", data.len());
        if let Some(dev) = &dev {
            let (g, pr, c) = score(&p.averaged(bits), dev);
            let (_, _, f) = conll::prf(g, pr, c);
            line.push_str(&format!("; dev F1 {f:.4}"));
        }
        log(line);
    }
    p.averaged(bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_tiny_pattern_reproducibly() {
        let text = "Anna x B-PER\nsang x O\n\nBob x B-PER\nran x O\n\nin x O\nOslo x B-LOC\n\n";
        let docs = conll::read(text);
        let gaz = Gazetteer::default();
        let options = Options {
            epochs: 5,
            seed: 1,
            bits: 12,
        };
        let a = train(&docs, None, &gaz, options, |_| {});
        let b = train(&docs, None, &gaz, options, |_| {});
        assert_eq!(a.to_bytes(), b.to_bytes());
        let ex = examples(&docs, &gaz, 12);
        assert_eq!(score(&a, &ex), (3, 3, 3));
    }
}
