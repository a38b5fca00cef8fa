//! Sparse features for the linear models: a few dense lexicon figures
//! (VADER compound, positive/negative mass, negation, contrast; AFINN's and
//! pattern's ratings) and hashed
//! n-grams, with negation scope marked on the words it covers. For a target
//! span the context is added: words left and right of the target by distance,
//! lexicon mass near it, the first polar word on each side within its clause,
//! and where the target stands (sentence start, inside quote marks).

use super::lexicon::{hash_lower, Analysis, Lexicon, Word, WordInfo};
use super::vectors::DIMS;

/// Hashed feature space: `1 << BITS` weights per output.
pub(crate) const BITS: u32 = 18;
/// The text model's smaller space: trained on a few thousand snippets it
/// uses few rows, and a table half the size misses cache less (its four
/// outputs share a row). 16 bits cost .004 of CV Pearson r, 17 nothing.
pub(crate) const TEXT_BITS: u32 = 17;
/// Indices below this are dense features; hashed ones land above.
const DENSE: u32 = VECTOR_SLOT + DIMS as u32;
/// Dense slots of AFINN's and pattern's figures ([`add_other_ratings`]).
/// The text classifier leaves them out: in cross-validation they raise the
/// regression's Pearson r (.600 to .605) but not the class decision's
/// macro-F1 (.605 with them left out, .604 with them in).
pub(crate) const OTHER_RATINGS: std::ops::RangeInclusive<u32> = 48..=54;
/// Dense bias slots marking the text model's training rows from other
/// domains, one per rated set: a set's own level of ratings goes to its
/// slot, which no scored text has, instead of the NYT intercept.
pub(crate) const OTHER_DOMAIN_SLOTS: [u32; 4] = [60, 61, 62, 63];
/// First dense slot of the text's mean word vector.
const VECTOR_SLOT: u32 = 64;
/// Brings the mean word vector's components (about ±0.1) near the other
/// dense features' range.
const VECTOR_GAIN: f32 = 4.0;

/// A sparse feature vector.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Features {
    pub idx: Vec<u32>,
    pub val: Vec<f32>,
    /// Size of the hashed space in bits; 0 means [`BITS`].
    pub bits: u32,
}

impl Features {
    fn with_capacity(n: usize) -> Features {
        Features {
            idx: Vec::with_capacity(n),
            val: Vec::with_capacity(n),
            bits: BITS,
        }
    }
}

/// Where features go: a [`Features`] list for training, or straight into a
/// model's scores at scoring time (no list is built).
pub(crate) trait FeatureSink {
    /// Dense feature `slot` (below the hashed space) with `value`.
    fn dense(&mut self, slot: u32, value: f32);
    /// The hashed feature `hash` with `value`.
    fn hashed(&mut self, hash: u64, value: f32);
    /// Word `w`'s unigram (negation-marked inside a negation scope) and
    /// prefix features, `weight` each. Called once for every word of a text,
    /// in order; a sink may take the word's precomputed terms instead.
    fn word(&mut self, w: &Word<'_>, negated: bool, weight: f32) {
        word_features(self, w.hash, w.prefix_hash, negated, weight);
    }
}

impl FeatureSink for Features {
    fn dense(&mut self, slot: u32, value: f32) {
        debug_assert!(slot < DENSE);
        if keeps_dense(value) {
            self.idx.push(slot);
            self.val.push(value);
        }
    }

    fn hashed(&mut self, hash: u64, value: f32) {
        let bits = if self.bits == 0 { BITS } else { self.bits };
        self.idx.push(hashed_index(hash, bits));
        self.val.push(value);
    }
}

/// Index of hashed feature `hash` in a `bits`-bit feature space.
#[inline]
pub(crate) fn hashed_index(hash: u64, bits: u32) -> u32 {
    let mixed = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 20;
    // The two spaces in use get constant divisors, which the compiler
    // turns into a multiply: a division per feature cost more than the
    // rest of the feature's work.
    let slot = match bits {
        TEXT_BITS => mixed % hashed_space(TEXT_BITS),
        BITS => mixed % hashed_space(BITS),
        _ => mixed % hashed_space(bits),
    };
    DENSE + slot as u32
}

/// Whether a dense feature is kept: training lists skip zeros and
/// non-finite values, so scoring sinks must too.
#[inline]
pub(crate) fn keeps_dense(value: f32) -> bool {
    value != 0.0 && value.is_finite()
}

/// The unigram and prefix features of a word with hashes `hash` and
/// `prefix_hash` (see [`Word`]).
pub(crate) fn word_features<S: FeatureSink + ?Sized>(
    sink: &mut S,
    hash: u64,
    prefix_hash: u64,
    negated: bool,
    weight: f32,
) {
    let uni = if negated {
        ns(Ns::NegUni, hash)
    } else {
        ns(Ns::Uni, hash)
    };
    sink.hashed(uni, weight);
    // A five-letter prefix stands in for a stem ("negotiat-", "catastr-").
    if prefix_hash != 0 {
        sink.hashed(ns(Ns::Prefix, prefix_hash), weight);
    }
}

/// Slots of a `bits`-bit feature space left for hashed features.
const fn hashed_space(bits: u32) -> u64 {
    (1u64 << bits) - DENSE as u64
}

/// Namespaces keep the same word apart in different roles.
#[derive(Clone, Copy)]
#[repr(u8)]
enum Ns {
    Uni = 1,
    NegUni,
    Bi,
    Left,
    Right,
    Left1,
    Right1,
    Target,
    LeftPolar,
    RightPolar,
    LeftBi,
    RightBi,
    Prefix,
}

fn ns(ns: Ns, h: u64) -> u64 {
    (h ^ (u64::from(ns as u8) << 56)).wrapping_mul(0x0100_0000_01b3)
}

fn pair(a: u64, b: u64) -> u64 {
    a.rotate_left(17).wrapping_mul(31) ^ b
}

/// Marks each word inside a negation scope: after a negator, up to three
/// words or the end of its clause.
fn negation_scope<'w>(lex: &'w Lexicon, words: &'w [Word<'_>]) -> impl Iterator<Item = bool> + 'w {
    words.iter().scan(0u8, move |left, w| {
        let inside = *left > 0;
        if lex.is_negation(w) {
            *left = 3;
        } else {
            *left = left.saturating_sub(1);
        }
        if w.clause_end {
            *left = 0;
        }
        Some(inside)
    })
}

/// Features of a whole text (quote, sentence, snippet), in the text
/// model's space, without the word-vector part: see [`add_vectors`].
pub(crate) fn text_features(lex: &Lexicon, a: &Analysis<'_>) -> Features {
    let n = a.words.len();
    let mut f = Features::with_capacity(3 * n + 24 + DIMS);
    f.bits = TEXT_BITS;
    add_text(lex, a, &mut f);
    f
}

/// Appends the text's mean word vector as dense features. Training adds
/// them; the scorer adds their share of the scores word by word instead
/// ([`WordTerms`](super::terms::WordTerms)), which sums to the same.
pub(crate) fn add_vectors(lex: &Lexicon, a: &Analysis<'_>, f: &mut Features) {
    let mut mean = [0.0f32; DIMS];
    if lex.vectors.mean_into(&a.words, &mut mean) > 0 {
        for (k, x) in mean.iter().enumerate() {
            f.dense(VECTOR_SLOT + k as u32, x * VECTOR_GAIN);
        }
    }
}

/// The dense slot and gain of word-vector component `k`.
pub(crate) fn vector_slot(k: usize) -> (u32, f32) {
    (VECTOR_SLOT + k as u32, VECTOR_GAIN)
}

/// The text model's features of a text (analysed as `a`), without the
/// word-vector part, into `f`: the lexicon figures and the n-grams.
pub(crate) fn add_text<S: FeatureSink>(lex: &Lexicon, a: &Analysis<'_>, f: &mut S) {
    let n = a.words.len();
    let s = a.score;
    f.dense(0, 1.0);
    f.dense(1, s.compound);
    f.dense(2, s.pos);
    f.dense(3, s.neg);
    let (mut pos_n, mut neg_n, mut sum, mut max, mut min) =
        (0.0f32, 0.0f32, 0.0f32, 0.0f32, 0.0f32);
    let (mut pos_s, mut neg_s) = (0.0f32, 0.0f32);
    for &v in &a.valences {
        sum += v;
        if v > 0.0 {
            pos_s += v;
        } else {
            neg_s += v;
        }
        max = max.max(v);
        min = min.min(v);
        if v > 0.0 {
            pos_n += 1.0;
        } else if v < 0.0 {
            neg_n += 1.0;
        }
    }
    f.dense(4, (sum / 4.0).clamp(-3.0, 3.0));
    f.dense(5, max / 4.0);
    f.dense(6, min / 4.0);
    f.dense(7, (pos_n + 1.0).ln() - (neg_n + 1.0).ln());
    f.dense(8, (a.marks.exclamations > 0).into());
    f.dense(9, (a.marks.questions > 0).into());
    f.dense(10, ((n as f32) + 1.0).ln() / 4.0);
    f.dense(11, (pos_s / 4.0).min(3.0));
    f.dense(12, (neg_s / 4.0).max(-3.0));
    f.dense(13, (sum / 3.0).tanh());
    // The compound in eight bins, so the linear model can bend it.
    let bin = ((s.compound + 1.0) * 4.0).floor().clamp(0.0, 7.0) as u32;
    f.dense(40 + bin, 1.0);
    add_other_ratings(&a.words, f);
    add_ngrams(&a.words, negation_scope(lex, &a.words), f);
}

/// What AFINN and pattern make of the words (see [`WordInfo`]), in the
/// [`OTHER_RATINGS`] slots: AFINN's sum and extremes, pattern's mean
/// polarity and subjectivity and its extremes. Two more sets of raters,
/// whose disagreements with VADER the models can weigh.
fn add_other_ratings<S: FeatureSink>(words: &[Word<'_>], f: &mut S) {
    let (mut afinn_sum, mut afinn_max, mut afinn_min) = (0i32, 0i8, 0i8);
    let (mut rated, mut polarity_sum, mut subjectivity_sum) = (0i32, 0i32, 0i32);
    let (mut polarity_max, mut polarity_min) = (i8::MIN, i8::MAX);
    for info in words.iter().map(|w| w.info) {
        afinn_sum += i32::from(info.afinn);
        afinn_max = afinn_max.max(info.afinn);
        afinn_min = afinn_min.min(info.afinn);
        if info.has(WordInfo::PATTERN) {
            rated += 1;
            polarity_sum += i32::from(info.polarity);
            subjectivity_sum += i32::from(info.subjectivity);
            polarity_max = polarity_max.max(info.polarity);
            polarity_min = polarity_min.min(info.polarity);
        }
    }
    let slot = |k: u32| OTHER_RATINGS.start() + k;
    f.dense(slot(0), (afinn_sum as f32 / 5.0).clamp(-3.0, 3.0));
    f.dense(slot(1), f32::from(afinn_max) / 5.0);
    f.dense(slot(2), f32::from(afinn_min) / 5.0);
    if rated > 0 {
        let mean = |sum: i32| sum as f32 / (rated as f32 * 100.0);
        f.dense(slot(3), mean(polarity_sum));
        f.dense(slot(4), mean(subjectivity_sum));
        f.dense(slot(5), f32::from(polarity_max) / 100.0);
        f.dense(slot(6), f32::from(polarity_min) / 100.0);
    }
}

fn add_ngrams<S: FeatureSink>(
    words: &[Word<'_>],
    scope: impl IntoIterator<Item = bool>,
    f: &mut S,
) {
    let n = words.len();
    let weight = 0.5 / ((2 * n).max(1) as f32).sqrt();
    let mut prev = 0x5bd1_e995u64; // sentence start
    for (w, negated) in words.iter().zip(scope) {
        f.word(w, negated, weight);
        f.hashed(ns(Ns::Bi, pair(prev, w.hash)), weight * 0.5);
        prev = w.hash;
    }
}

/// Features of the target at byte span `target` of `text` for training: the
/// sentence's share ([`add_target_sentence`]), its word vectors ([`add_vectors`])
/// and the target's ([`target_part`]).
pub(crate) fn target_features(
    lex: &Lexicon,
    a: &Analysis<'_>,
    text: &str,
    target: (usize, usize),
) -> Features {
    let mut f = Features::with_capacity(5 * a.words.len() + 24);
    let scope = add_target_sentence(lex, a, &mut f);
    add_vectors(lex, a, &mut f);
    target_part(a, &scope, text, target, &mut f);
    f
}

/// The sentence-level part of a target's features (text analysed as `a`)
/// into `sink`; returns the sentence's negation scope, which the target's
/// own part ([`target_part`]) needs.
pub(crate) fn add_target_sentence<S: FeatureSink>(
    lex: &Lexicon,
    a: &Analysis<'_>,
    sink: &mut S,
) -> Vec<bool> {
    add_text(lex, a, sink);
    let scope: Vec<bool> = negation_scope(lex, &a.words).collect();
    // The target model was trained with the n-grams listed twice (once by
    // `add_text`, once here); kept so its weights mean the same.
    add_ngrams(&a.words, scope.iter().copied(), sink);
    scope
}

/// Appends the features of the target at byte span `target` of `text`
/// (analysed as `a`, negation scope `scope`) to `f`: the target's words, its
/// position, and the words and lexicon mass around it.
pub(crate) fn target_part(
    a: &Analysis<'_>,
    scope: &[bool],
    text: &str,
    target: (usize, usize),
    f: &mut Features,
) {
    let words = &a.words;
    let n = words.len();
    // Words overlapping the target, and the first/last index.
    let (ts, te) = target;
    let first = words.partition_point(|w| w.start + w.text.len() <= ts);
    let mut end = first;
    while end < n && words[end].start < te {
        end += 1;
    }
    for w in &words[first..end] {
        f.hashed(ns(Ns::Target, w.hash), 0.5);
    }
    // Position.
    f.dense(20, if first == 0 { 1.0 } else { 0.0 });
    f.dense(21, if end >= n { 1.0 } else { 0.0 });
    f.dense(22, if n > 0 { first as f32 / n as f32 } else { 0.0 });
    let before = text.get(..ts).unwrap_or(text);
    let opens = before.matches(['\u{201c}', '"']).count();
    let closes = before.matches('\u{201d}').count();
    let in_quote = if before.contains('\u{201c}') {
        opens > closes
    } else {
        opens % 2 == 1
    };
    f.dense(23, in_quote.into());
    f.dense(24, text.contains(['\u{201c}', '"']).into());

    // Context words by side and distance.
    let mut left_sum = [0.0f32; 2];
    let mut right_sum = [0.0f32; 2];
    let mut weighted = 0.0f32;
    let mut clause_left = 0.0f32;
    let mut clause_right = 0.0f32;
    let mut left_clause_open = true;
    let mut left_polar: Option<(u64, f32)> = None;
    for d in 1..=first {
        let i = first - d;
        let w = &words[i];
        let v = a.valences[i];
        if w.clause_end {
            left_clause_open = false;
        }
        if d <= 5 {
            f.hashed(ns(Ns::Left, w.hash), 0.4);
        }
        if d == 1 {
            f.hashed(ns(Ns::Left1, w.hash), 0.7);
            if i > 0 {
                f.hashed(ns(Ns::LeftBi, pair(words[i - 1].hash, w.hash)), 0.5);
            }
        }
        if d <= 3 {
            left_sum[0] += v;
        }
        if d <= 8 {
            left_sum[1] += v;
        }
        weighted += v / (1.0 + d as f32);
        if left_clause_open {
            clause_left += v;
            if v != 0.0 && left_polar.is_none() {
                left_polar = Some((w.hash, v));
            }
        }
    }
    let mut right_clause_open = end == 0 || !words[end - 1].clause_end;
    let mut right_polar: Option<(u64, f32)> = None;
    for i in end..n {
        let d = i + 1 - end;
        let w = &words[i];
        let v = a.valences[i];
        if d <= 5 {
            f.hashed(ns(Ns::Right, w.hash), 0.4);
        }
        if d == 1 {
            f.hashed(ns(Ns::Right1, w.hash), 0.7);
            if let Some(next) = words.get(i + 1) {
                f.hashed(ns(Ns::RightBi, pair(w.hash, next.hash)), 0.5);
            }
        }
        if d <= 3 {
            right_sum[0] += v;
        }
        if d <= 8 {
            right_sum[1] += v;
        }
        weighted += v / (1.0 + d as f32);
        if right_clause_open {
            clause_right += v;
            if v != 0.0 && right_polar.is_none() {
                let negated = scope.get(i).copied().unwrap_or(false);
                let h = if negated {
                    hash_lower(w.hash, " not")
                } else {
                    w.hash
                };
                right_polar = Some((h, v));
            }
            if w.clause_end {
                right_clause_open = false;
            }
        }
    }
    f.dense(30, left_sum[0] / 4.0);
    f.dense(31, left_sum[1] / 4.0);
    f.dense(32, right_sum[0] / 4.0);
    f.dense(33, right_sum[1] / 4.0);
    f.dense(34, weighted / 2.0);
    f.dense(35, clause_left / 4.0);
    f.dense(36, clause_right / 4.0);
    if let Some((h, v)) = left_polar {
        f.hashed(ns(Ns::LeftPolar, h), 0.7);
        f.dense(37, v / 4.0);
    }
    if let Some((h, v)) = right_polar {
        f.hashed(ns(Ns::RightPolar, h), 0.7);
        f.dense(38, v / 4.0);
    }
}
