//! The tagger's model: a hashed weight table of quantised feature weights per
//! tag, tag-transition weights, and Viterbi decoding under BIO constraints.
//!
//! File format (little endian): `b"NERH"`, version `u32`, hash bits `u32`,
//! scale `f32`, `(TAGS + 1) * TAGS` transition weights `f32` (last row: sentence
//! start), a row count `u32`, then per non-zero row its bucket `u32` and `TAGS`
//! weights `i16` (multiply by scale).

use super::features::N_FEATURES;
use crate::doc::EntityType;

/// Number of BIO tags: O and B/I of four types.
pub const TAGS: usize = 9;
const MAGIC: &[u8; 4] = b"NERH";
const VERSION: u32 = 1;

/// BIO tag names, indexed by tag id.
pub const TAG_NAMES: [&str; TAGS] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];

/// Tag id of a BIO tag name (IOB1 `I-` and unknown types read as given; unknown tags as O).
pub fn tag_id(name: &str) -> u8 {
    TAG_NAMES.iter().position(|&n| n == name).unwrap_or(0) as u8
}

/// True for a `B-` tag.
pub fn is_begin(tag: u8) -> bool {
    !tag.is_multiple_of(2)
}

/// True for an `I-` tag.
pub fn is_inside(tag: u8) -> bool {
    tag != 0 && tag.is_multiple_of(2)
}

/// The entity type of a B/I tag.
pub fn tag_type(tag: u8) -> Option<EntityType> {
    match tag.div_ceil(2) {
        1 => Some(EntityType::Person),
        2 => Some(EntityType::Organization),
        3 => Some(EntityType::Location),
        4 => Some(EntityType::Misc),
        _ => None,
    }
}

/// `I-X` may only follow `B-X` or `I-X`.
pub fn allowed(prev: Option<u8>, tag: u8) -> bool {
    if !is_inside(tag) {
        return true;
    }
    matches!(prev, Some(p) if p != 0 && p.div_ceil(2) == tag.div_ceil(2))
}

/// Transition weights: row `TAGS` is the sentence start.
pub type Transitions = [[f32; TAGS]; TAGS + 1];

/// Best tag sequence for per-token emission scores.
pub fn viterbi(emissions: &[[f32; TAGS]], trans: &Transitions, out: &mut Vec<u8>) {
    viterbi_with(emissions, trans, &mut Vec::new(), out);
}

/// The tags each tag may follow, in ascending order: all of them, except that
/// `I-X` follows only `B-X` and `I-X`.
const fn predecessors() -> [([u8; TAGS], usize); TAGS] {
    let mut out = [([0u8; TAGS], 0usize); TAGS];
    let mut t = 0;
    while t < TAGS {
        let mut n = 0;
        let mut p = 0;
        while p < TAGS {
            let inside = t != 0 && t % 2 == 0;
            if !inside || (p != 0 && p.div_ceil(2) == t.div_ceil(2)) {
                out[t].0[n] = p as u8;
                n += 1;
            }
            p += 1;
        }
        out[t].1 = n;
        t += 1;
    }
    out
}

const PREDECESSORS: [([u8; TAGS], usize); TAGS] = predecessors();

/// [`viterbi`] with a reusable back-pointer buffer. Disallowed transitions
/// (see [`allowed`]) are skipped: they score -inf, so they never win, and the
/// allowed ones are tried in the same ascending order with the same strict
/// comparison, so ties resolve as if every transition were tried.
fn viterbi_with(
    emissions: &[[f32; TAGS]],
    trans: &Transitions,
    back: &mut Vec<[u8; TAGS]>,
    out: &mut Vec<u8>,
) {
    out.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    back.clear();
    back.resize(n, [0u8; TAGS]);
    let mut score = [f32::NEG_INFINITY; TAGS];
    for (t, s) in score.iter_mut().enumerate() {
        *s = if allowed(None, t as u8) {
            trans[TAGS][t] + emissions[0][t]
        } else {
            f32::NEG_INFINITY
        };
    }
    for i in 1..n {
        let mut next = [f32::NEG_INFINITY; TAGS];
        for t in 0..TAGS {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            let (preds, count) = &PREDECESSORS[t];
            for &p in &preds[..*count] {
                let s = score[p as usize] + trans[p as usize][t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            next[t] = best + emissions[i][t];
            back[i][t] = arg;
        }
        score = next;
    }
    let mut tag = (0..TAGS)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]))
        .expect("TAGS > 0") as u8;
    out.resize(n, 0);
    for i in (0..n).rev() {
        out[i] = tag;
        tag = back[i][tag as usize];
    }
}

/// A trained, quantised model ready for tagging.
#[derive(Clone)]
pub struct Model {
    bits: u32,
    scale: f32,
    /// One row of `TAGS` weights per hash bucket.
    weights: Vec<[i16; TAGS]>,
    trans: Transitions,
}

impl std::fmt::Debug for Model {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Model")
            .field("bits", &self.bits)
            .field("scale", &self.scale)
            .finish_non_exhaustive()
    }
}

/// Why a model file cannot be read.
pub type FormatError = &'static str;

struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], FormatError> {
        if self.0.len() < N {
            return Err("truncated");
        }
        let (head, rest) = self.0.split_at(N);
        self.0 = rest;
        Ok(head.try_into().expect("split_at gave N bytes"))
    }
    fn u32(&mut self) -> Result<u32, FormatError> {
        self.take::<4>().map(u32::from_le_bytes)
    }
    fn f32(&mut self) -> Result<f32, FormatError> {
        self.take::<4>().map(f32::from_le_bytes)
    }
}

impl Model {
    /// Hash bits of the weight table.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// Quantise float weights (`(1 << bits) * TAGS`) into a model.
    pub fn quantise(bits: u32, weights: &[f32], trans: Transitions) -> Model {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let weights = weights
            .chunks_exact(TAGS)
            .map(|row| {
                let mut q = [0i16; TAGS];
                for (q, w) in q.iter_mut().zip(row) {
                    *q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                }
                q
            })
            .collect();
        Model {
            bits,
            scale,
            weights,
            trans,
        }
    }

    /// Serialise to the file format.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.trans {
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        let rows: Vec<(usize, &[i16; TAGS])> = self
            .weights
            .iter()
            .enumerate()
            .filter(|(_, r)| r.iter().any(|&w| w != 0))
            .collect();
        out.extend_from_slice(&(rows.len() as u32).to_le_bytes());
        for (bucket, row) in rows {
            out.extend_from_slice(&(bucket as u32).to_le_bytes());
            for w in row {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Read the file format.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, FormatError> {
        let mut r = Reader(bytes);
        if &r.take::<4>()? != MAGIC {
            return Err("not an NER model (bad magic)");
        }
        if r.u32()? != VERSION {
            return Err("unsupported model version");
        }
        let bits = r.u32()?;
        if !(8..=26).contains(&bits) {
            return Err("hash bits out of range");
        }
        let scale = r.f32()?;
        let mut trans = [[0f32; TAGS]; TAGS + 1];
        for row in &mut trans {
            for w in row.iter_mut() {
                *w = r.f32()?;
            }
        }
        let rows = r.u32()? as usize;
        let mut weights = vec![[0i16; TAGS]; 1usize << bits];
        for _ in 0..rows {
            let bucket = r.u32()? as usize;
            if bucket >= 1 << bits {
                return Err("bucket out of range");
            }
            for w in &mut weights[bucket] {
                *w = i16::from_le_bytes(r.take::<2>()?);
            }
        }
        if !r.0.is_empty() {
            return Err("trailing bytes");
        }
        Ok(Model {
            bits,
            scale,
            weights,
            trans,
        })
    }

    /// Tags of a sentence whose features are `feats` (`N_FEATURES` per token).
    pub fn tag(&self, feats: &[u32], emissions: &mut Vec<[f32; TAGS]>, out: &mut Vec<u8>) {
        self.tag_with(feats, emissions, &mut Vec::new(), out);
    }

    /// [`Model::tag`] reusing a back-pointer buffer across sentences.
    pub fn tag_with(
        &self,
        feats: &[u32],
        emissions: &mut Vec<[f32; TAGS]>,
        back: &mut Vec<[u8; TAGS]>,
        out: &mut Vec<u8>,
    ) {
        emissions.clear();
        for token in feats.chunks_exact(N_FEATURES) {
            let mut sum = [0i32; TAGS];
            for &b in token {
                // Buckets are below `1 << bits`, the table's length.
                let row = &self.weights[b as usize];
                for k in 0..TAGS {
                    sum[k] += i32::from(row[k]);
                }
            }
            emissions.push(sum.map(|s| s as f32 * self.scale));
        }
        viterbi_with(emissions, &self.trans, back, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_never_starts_with_inside_tag() {
        let mut em = [[0f32; TAGS]; 2];
        em[0][2] = 5.0; // I-PER strongly preferred, but not allowed first
        em[0][1] = 1.0;
        em[1][2] = 5.0;
        let mut out = Vec::new();
        viterbi(&em, &[[0f32; TAGS]; TAGS + 1], &mut out);
        assert_eq!(out, vec![1, 2]);
    }

    /// Viterbi trying every transition, disallowed ones at -inf (the reference).
    fn viterbi_all_pairs(emissions: &[[f32; TAGS]], trans: &Transitions) -> Vec<u8> {
        let mut t2 = *trans;
        for (p, row) in t2.iter_mut().enumerate() {
            for (t, w) in row.iter_mut().enumerate() {
                if !allowed((p < TAGS).then_some(p as u8), t as u8) {
                    *w = f32::NEG_INFINITY;
                }
            }
        }
        let n = emissions.len();
        let mut back = vec![[0u8; TAGS]; n];
        let mut score: [f32; TAGS] = std::array::from_fn(|t| t2[TAGS][t] + emissions[0][t]);
        for i in 1..n {
            let mut next = [f32::NEG_INFINITY; TAGS];
            for t in 0..TAGS {
                let (mut best, mut arg) = (f32::NEG_INFINITY, 0u8);
                for (p, &sp) in score.iter().enumerate() {
                    if sp + t2[p][t] > best {
                        best = sp + t2[p][t];
                        arg = p as u8;
                    }
                }
                next[t] = best + emissions[i][t];
                back[i][t] = arg;
            }
            score = next;
        }
        let mut tag = (0..TAGS)
            .max_by(|&a, &b| score[a].total_cmp(&score[b]))
            .unwrap() as u8;
        let mut out = vec![0; n];
        for i in (0..n).rev() {
            out[i] = tag;
            tag = back[i][tag as usize];
        }
        out
    }

    #[test]
    fn viterbi_skipping_disallowed_transitions_matches_trying_all() {
        // Coarse values so that ties happen often.
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 7) as f32 - 3.0
        };
        let mut back = Vec::new();
        for len in 1..40 {
            let trans: Transitions = std::array::from_fn(|_| std::array::from_fn(|_| next()));
            let em: Vec<[f32; TAGS]> = (0..len).map(|_| std::array::from_fn(|_| next())).collect();
            let mut out = Vec::new();
            viterbi_with(&em, &trans, &mut back, &mut out);
            assert_eq!(out, viterbi_all_pairs(&em, &trans), "length {len}");
        }
    }

    #[test]
    fn viterbi_uses_transitions() {
        let em = [[0f32; TAGS], [0f32; TAGS]];
        let mut trans = [[0f32; TAGS]; TAGS + 1];
        trans[TAGS][5] = 1.0; // start -> B-LOC
        trans[5][6] = 1.0; // B-LOC -> I-LOC
        let mut out = Vec::new();
        viterbi(&em, &trans, &mut out);
        assert_eq!(out, vec![5, 6]);
    }

    #[test]
    fn model_round_trips_through_bytes() {
        let mut w = vec![0f32; (1 << 8) * TAGS];
        w[3 * TAGS + 1] = 2.5;
        w[7 * TAGS + 8] = -1.0;
        let mut trans = [[0f32; TAGS]; TAGS + 1];
        trans[0][1] = 0.5;
        let model = Model::quantise(8, &w, trans);
        let back = Model::from_bytes(&model.to_bytes()).unwrap();
        assert_eq!(back.weights, model.weights);
        assert_eq!(back.trans, model.trans);
        assert!(Model::from_bytes(b"NERH").is_err());
        assert!(Model::from_bytes(&[]).is_err());
    }

    #[test]
    fn tag_types_and_bio_helpers_agree() {
        assert_eq!(tag_type(tag_id("B-LOC")), Some(EntityType::Location));
        assert_eq!(tag_type(tag_id("I-MISC")), Some(EntityType::Misc));
        assert_eq!(tag_type(0), None);
        assert!(is_begin(tag_id("B-ORG")) && is_inside(tag_id("I-ORG")));
        assert!(!allowed(Some(tag_id("B-PER")), tag_id("I-ORG")));
    }
}
