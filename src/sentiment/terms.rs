//! Each table word's share of the models' scores, computed once from the
//! weights when the scorer is built, so scoring a word costs one row read
//! (found by the lexicon lookup) instead of hashing its features and
//! reading a weight row for each:
//! - through the text's mean word vector, for both models (the scorer never
//!   sums vectors: each word adds its vector times the weights, and the sum
//!   is divided by the count of words with a vector);
//! - through its unigram and prefix features, for the text model, outside
//!   and inside a negation scope.
//!
//! [`TextScore`] adds up the text model's outputs feature by feature with
//! these terms; a unit test checks it against the training features.

use super::features::{
    hashed_index, keeps_dense, vector_slot, word_features, FeatureSink, TEXT_BITS,
};
use super::lexicon::{Lexicon, Word};
use super::model::{Compact, TEXT_OUTPUTS};
use super::vectors::DIMS;

/// Logits of the target model.
const TARGET_OUTPUTS: usize = 3;

/// One word's terms; one cache line.
#[derive(Clone, Copy, Debug, Default)]
#[repr(C, align(64))]
struct Terms {
    /// Through the mean word vector: the text model's outputs.
    text_vector: [f32; TEXT_OUTPUTS],
    /// Through the mean word vector: the target model's logits.
    target_vector: [f32; TARGET_OUTPUTS],
    /// 1 when the word has a vector (it counts toward the mean), else 0.
    known: f32,
    /// The text model's unigram and prefix weights, outside and inside a
    /// negation scope.
    ngrams: [[f32; TEXT_OUTPUTS]; 2],
}

/// Every table word's [`Terms`], by [`Word::entry`].
#[derive(Clone, Debug, Default)]
pub(crate) struct WordTerms {
    rows: Vec<Terms>,
}

impl WordTerms {
    /// The terms of every word of `lex`'s table under the `text` and
    /// `target` models.
    pub(crate) fn new(lex: &Lexicon, text: &Compact, target: &Compact) -> WordTerms {
        let vector_weights = |model: &Compact| -> Vec<Vec<f32>> {
            (0..DIMS)
                .map(|k| {
                    let (slot, gain) = vector_slot(k);
                    model.row(slot).map(|w| w * gain).collect()
                })
                .collect()
        };
        let (text_w, target_w) = (vector_weights(text), vector_weights(target));
        let rows = lex
            .entries()
            .iter()
            .map(|key| {
                let mut t = Terms::default();
                if let Some(q) = key.vector.and_then(|row| lex.vectors.quantised(row)) {
                    t.known = 1.0;
                    for (k, &x) in q.iter().enumerate() {
                        let x = lex.vectors.value(x);
                        for (o, w) in t.text_vector.iter_mut().zip(&text_w[k]) {
                            *o += w * x;
                        }
                        for (o, w) in t.target_vector.iter_mut().zip(&target_w[k]) {
                            *o += w * x;
                        }
                    }
                }
                for (negated, out) in t.ngrams.iter_mut().enumerate() {
                    let mut sum = TextScore::new(text, None);
                    word_features(&mut sum, key.hash, key.prefix_hash, negated == 1, 1.0);
                    *out = sum.out;
                }
                t
            })
            .collect();
        WordTerms { rows }
    }

    fn get(&self, w: &Word<'_>) -> Option<&Terms> {
        self.rows.get(w.entry? as usize)
    }

    /// Adds the mean word vector's share of the target model's logits.
    pub(crate) fn add_target_mean(&self, words: &[Word<'_>], logits: &mut [f32; TARGET_OUTPUTS]) {
        let mut sum = [0.0f32; TARGET_OUTPUTS];
        let mut known = 0.0f32;
        for t in words.iter().filter_map(|w| self.get(w)) {
            for (s, x) in sum.iter_mut().zip(&t.target_vector) {
                *s += x;
            }
            known += t.known;
        }
        if known > 0.0 {
            let inv = 1.0 / known;
            for (o, s) in logits.iter_mut().zip(&sum) {
                *o += s * inv;
            }
        }
    }
}

/// The text model's outputs for one text, added up feature by feature as
/// [`add_text`](super::features::add_text) gives them; no feature list is
/// built. With word terms, a table word's unigram, prefix and vector shares
/// come from its [`Terms`].
pub(crate) struct TextScore<'m> {
    model: &'m Compact,
    terms: Option<&'m WordTerms>,
    out: [f32; TEXT_OUTPUTS],
    vector: [f32; TEXT_OUTPUTS],
    known: f32,
}

impl<'m> TextScore<'m> {
    pub(crate) fn new(model: &'m Compact, terms: Option<&'m WordTerms>) -> TextScore<'m> {
        TextScore {
            model,
            terms,
            out: [0.0; TEXT_OUTPUTS],
            vector: [0.0; TEXT_OUTPUTS],
            known: 0.0,
        }
    }

    /// The outputs, with the mean word vector's share.
    pub(crate) fn finish(mut self) -> [f32; TEXT_OUTPUTS] {
        if self.known > 0.0 {
            let inv = 1.0 / self.known;
            for (o, s) in self.out.iter_mut().zip(&self.vector) {
                *o += s * inv;
            }
        }
        self.out
    }
}

impl FeatureSink for TextScore<'_> {
    fn dense(&mut self, slot: u32, value: f32) {
        if keeps_dense(value) {
            self.model.add_row(slot, value, &mut self.out);
        }
    }

    fn hashed(&mut self, hash: u64, value: f32) {
        self.model
            .add_row(hashed_index(hash, TEXT_BITS), value, &mut self.out);
    }

    fn word(&mut self, w: &Word<'_>, negated: bool, weight: f32) {
        if let Some(t) = self.terms.and_then(|terms| terms.get(w)) {
            for (s, x) in self.vector.iter_mut().zip(&t.text_vector) {
                *s += x;
            }
            self.known += t.known;
            if w.as_entry {
                for (o, x) in self.out.iter_mut().zip(&t.ngrams[usize::from(negated)]) {
                    *o += x * weight;
                }
                return;
            }
        }
        word_features(self, w.hash, w.prefix_hash, negated, weight);
    }
}
