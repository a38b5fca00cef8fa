//! Each table word's share of the models' scores, computed once from the
//! weights when the scorer is built, so scoring a word costs one row read
//! (found by the lexicon lookup) instead of hashing its features and
//! reading a weight row for each:
//! - through the text's mean word vector, for both models (the scorer never
//!   sums vectors: each word adds its vector times the weights, and the sum
//!   is divided by the count of words with a vector);
//! - through its unigram and prefix features, outside and inside a negation
//!   scope, for both models.
//!
//! [`ModelScore`] adds up a model's outputs feature by feature with these
//! terms; a unit test checks it against the training features.

use super::features::{
    hashed_index, keeps_dense, vector_slot, word_features, FeatureSink, BITS, TEXT_BITS,
};
use super::lexicon::{EntryKey, Lexicon, Word};
use super::model::{Compact, TEXT_OUTPUTS};
use super::vectors::DIMS;

/// Logits of the target model.
pub(crate) const TARGET_OUTPUTS: usize = 3;

/// One word's terms under a model with `N` outputs; one cache line.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(64))]
pub(crate) struct Terms<const N: usize> {
    /// Through the mean word vector.
    vector: [f32; N],
    /// 1 when the word has a vector (it counts toward the mean), else 0.
    known: f32,
    /// The unigram and prefix weights, outside and inside a negation scope.
    ngrams: [[f32; N]; 2],
}

/// Every table word's [`Terms`] under the text and the target model, by
/// [`Word::entry`].
#[derive(Clone, Debug, Default)]
pub(crate) struct WordTerms {
    /// Under the text model.
    pub text: Vec<Terms<TEXT_OUTPUTS>>,
    /// Under the target model.
    pub target: Vec<Terms<TARGET_OUTPUTS>>,
}

impl WordTerms {
    /// The terms of every word of `lex`'s table under the `text` and
    /// `target` models.
    pub(crate) fn new(lex: &Lexicon, text: &Compact, target: &Compact) -> WordTerms {
        WordTerms {
            text: terms(lex, text, TEXT_BITS),
            target: terms(lex, target, BITS),
        }
    }
}

/// The terms of every word of `lex`'s table under `model`, whose hashed
/// space has `bits` bits.
fn terms<const N: usize>(lex: &Lexicon, model: &Compact, bits: u32) -> Vec<Terms<N>> {
    let vector_weights: Vec<Vec<f32>> = (0..DIMS)
        .map(|k| {
            let (slot, gain) = vector_slot(k);
            model.row(slot).map(|w| w * gain).collect()
        })
        .collect();
    let word = |key: &EntryKey| {
        let mut t = Terms {
            vector: [0.0; N],
            known: 0.0,
            ngrams: [[0.0; N]; 2],
        };
        if let Some(q) = key.vector.and_then(|row| lex.vectors.quantised(row)) {
            t.known = 1.0;
            for (&x, weights) in q.iter().zip(&vector_weights) {
                let x = lex.vectors.value(x);
                for (o, w) in t.vector.iter_mut().zip(weights) {
                    *o += w * x;
                }
            }
        }
        for (negated, out) in t.ngrams.iter_mut().enumerate() {
            let mut sum = ModelScore::<N>::new(model, bits, None);
            word_features(&mut sum, key.hash, key.prefix_hash, negated == 1, 1.0);
            *out = sum.out;
        }
        t
    };
    lex.entries().iter().map(word).collect()
}

/// A model's outputs for one text, added up feature by feature as the
/// feature functions give them; no feature list is built. With word terms,
/// a table word's unigram, prefix and vector shares come from its [`Terms`].
pub(crate) struct ModelScore<'m, const N: usize> {
    model: &'m Compact,
    bits: u32,
    terms: Option<&'m [Terms<N>]>,
    out: [f32; N],
    vector: [f32; N],
    known: f32,
}

/// The text model's outputs.
pub(crate) type TextScore<'m> = ModelScore<'m, TEXT_OUTPUTS>;

impl<'m, const N: usize> ModelScore<'m, N> {
    /// Scores under `model` (hashed space of `bits` bits), with the words'
    /// precomputed `terms` under it if given.
    pub(crate) fn new(
        model: &'m Compact,
        bits: u32,
        terms: Option<&'m [Terms<N>]>,
    ) -> ModelScore<'m, N> {
        ModelScore {
            model,
            bits,
            terms,
            out: [0.0; N],
            vector: [0.0; N],
            known: 0.0,
        }
    }

    /// The outputs, with the mean word vector's share. (A text whose words
    /// are listed twice, as the target model's are, counts each vector
    /// twice and each word twice: the same mean, exactly, as doubling is.)
    pub(crate) fn finish(mut self) -> [f32; N] {
        if self.known > 0.0 {
            let inv = 1.0 / self.known;
            for (o, s) in self.out.iter_mut().zip(&self.vector) {
                *o += s * inv;
            }
        }
        self.out
    }
}

impl<const N: usize> FeatureSink for ModelScore<'_, N> {
    fn dense(&mut self, slot: u32, value: f32) {
        if keeps_dense(value) {
            self.model.add_row(slot, value, &mut self.out);
        }
    }

    fn hashed(&mut self, hash: u64, value: f32) {
        self.model
            .add_row(hashed_index(hash, self.bits), value, &mut self.out);
    }

    fn word(&mut self, w: &Word<'_>, negated: bool, weight: f32) {
        let row = w
            .entry
            .zip(self.terms)
            .and_then(|(id, t)| t.get(id as usize));
        if let Some(t) = row {
            for (s, x) in self.vector.iter_mut().zip(&t.vector) {
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
