//! Features of the tagger: every feature is a hash of a template id and a few
//! per-token hashes, folded into a bucket of a fixed-size weight table. No
//! strings are built: token text is hashed char by char, normalised on the fly
//! (curly quotes and apostrophes to ASCII, digits to `0`).

use super::gazetteer::{self, Gazetteer};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hasher for short token strings (the per-document cache of infos).
#[derive(Default)]
struct StrHasher(u64);

impl Hasher for StrHasher {
    fn finish(&self) -> u64 {
        self.0.wrapping_mul(K)
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().expect("chunks of 8 bytes"));
            self.0 = mix(self.0, word);
        }
        for &b in chunks.remainder() {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.0 = mix(self.0, u64::from(n));
    }
}

/// Features per token (fixed, so the features of token `i` are `feats[i * N_FEATURES..]`).
pub const N_FEATURES: usize = 36;

const SEED: u64 = 0x9e37_79b9_7f4a_7c15;
const K: u64 = 0x517c_c1b7_2722_0a95;

/// One step of an Fx-style hash.
#[inline]
pub fn mix(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Bit flags describing a token's form.
mod flag {
    pub const INIT_CAP: u16 = 1;
    pub const ALL_CAPS: u16 = 2;
    pub const HAS_DIGIT: u16 = 4;
    pub const HAS_HYPHEN: u16 = 8;
    pub const HAS_PERIOD: u16 = 16;
    pub const ALL_LOWER: u16 = 32;
    pub const NO_LETTER: u16 = 64;
    pub const MIXED_CAPS: u16 = 128;
    pub const SINGLE_CHAR: u16 = 256;
    pub const HAS_APOSTROPHE: u16 = 512;
}

/// Per-token hashes computed once and shared by all templates.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokenInfo {
    /// Normalised exact form.
    pub exact: u64,
    /// Normalised lowercase form.
    pub lower: u64,
    /// Shape with runs collapsed ("Xx", "X.X.", "d-d").
    pub shape: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    /// Form flags (`flag::*`).
    pub flags: u16,
    /// Gazetteer flags (`gazetteer::*`).
    pub gaz: u8,
    /// Document flags (`DOC_*`).
    pub doc: u8,
}

/// The lowercase form occurs in the document written all in lowercase.
pub const DOC_LOWER_SEEN: u8 = 1;
/// The token occurs capitalised away from a sentence start elsewhere in the document.
pub const DOC_MIDCAP_SEEN: u8 = 2;

#[inline]
fn normalise(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '`' | '´' | '‛' | '‚' => '\'',
        '“' | '”' | '„' | '‟' | '«' | '»' | '＂' => '"',
        '–' | '—' | '‐' | '‑' | '−' => '-',
        '0'..='9' => '0',
        _ => c,
    }
}

#[inline]
fn lower(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_alphabetic() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

impl TokenInfo {
    /// Hashes and flags of one token's text.
    pub fn new(text: &str) -> TokenInfo {
        let mut info = TokenInfo::default();
        let (mut exact, mut low, mut shape) = (SEED, SEED, SEED);
        let mut last_shape = '\0';
        let mut ring = ['\0'; 4];
        let (mut n, mut upper, mut lowers, mut letters) = (0usize, 0usize, 0usize, 0usize);
        let mut flags = 0u16;
        for raw in text.chars() {
            let c = normalise(raw);
            let l = lower(c);
            exact = mix(exact, c as u64);
            low = mix(low, l as u64);
            let s = shape_class(c);
            if s != last_shape {
                shape = mix(shape, s as u64);
                last_shape = s;
            }
            if n < 4 {
                info.prefix[n] = low;
            }
            ring[n % 4] = l;
            n += 1;
            if c.is_uppercase() {
                upper += 1;
            } else if c.is_lowercase() {
                lowers += 1;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
            match c {
                '0' => flags |= flag::HAS_DIGIT,
                '-' => flags |= flag::HAS_HYPHEN,
                '.' => flags |= flag::HAS_PERIOD,
                '\'' => flags |= flag::HAS_APOSTROPHE,
                _ => {}
            }
        }
        for k in 0..4 {
            // Suffix of k + 1 chars, hashed from its first char.
            let mut h = SEED ^ 0x55;
            let len = (k + 1).min(n);
            for j in 0..len {
                h = mix(h, ring[(n + 4 - len + j) % 4] as u64);
            }
            info.suffix[k] = h;
            if n < k + 1 {
                info.prefix[k] = low;
            }
        }
        let first_upper = text.chars().next().is_some_and(char::is_uppercase);
        if first_upper {
            flags |= flag::INIT_CAP;
        }
        if letters > 0 && upper == letters {
            flags |= flag::ALL_CAPS;
        }
        if letters > 0 && lowers == letters {
            flags |= flag::ALL_LOWER;
        }
        if letters == 0 {
            flags |= flag::NO_LETTER;
        }
        if upper > 0 && lowers > 0 && !(first_upper && upper == 1) {
            flags |= flag::MIXED_CAPS;
        }
        if n == 1 {
            flags |= flag::SINGLE_CHAR;
        }
        info.exact = exact;
        info.lower = low;
        info.shape = shape;
        info.flags = flags;
        info
    }

    fn is_capitalised(&self) -> bool {
        self.flags & flag::INIT_CAP != 0
    }

    fn is_all_lower(&self) -> bool {
        self.flags & flag::ALL_LOWER != 0
    }
}

/// Infos of a document's sentences (each a slice of token texts), with gazetteer
/// and document-level flags filled in.
pub fn document_infos<'a, S, T>(sentences: S, gaz: &Gazetteer) -> Vec<Vec<TokenInfo>>
where
    S: IntoIterator<Item = T>,
    T: IntoIterator<Item = &'a str>,
{
    // Words recur within a document ("the", names): compute each form's infos once.
    let mut seen: std::collections::HashMap<&str, TokenInfo, BuildHasherDefault<StrHasher>> =
        std::collections::HashMap::default();
    let mut out: Vec<Vec<TokenInfo>> = sentences
        .into_iter()
        .map(|s| {
            s.into_iter()
                .map(|text| *seen.entry(text).or_insert_with(|| TokenInfo::new(text)))
                .collect()
        })
        .collect();
    let mut lower_seen = gazetteer::IdSet::default();
    let mut midcap_seen = gazetteer::IdSet::default();
    for sentence in &out {
        for (i, t) in sentence.iter().enumerate() {
            if t.is_all_lower() {
                lower_seen.insert(t.lower);
            } else if i > 0 && t.is_capitalised() && t.flags & flag::ALL_CAPS == 0 {
                midcap_seen.insert(t.lower);
            }
        }
    }
    for sentence in &mut out {
        gazetteer::mark(gaz, sentence);
        for t in sentence.iter_mut() {
            if lower_seen.contains(&t.lower) {
                t.doc |= DOC_LOWER_SEEN;
            }
            if midcap_seen.contains(&t.lower) {
                t.doc |= DOC_MIDCAP_SEEN;
            }
        }
    }
    out
}

#[inline]
fn bucket(bits: u32, template: u64, a: u64, b: u64) -> u32 {
    let h = mix(mix(mix(SEED, template), a), b);
    // The top bits of a multiplicative hash are the well-mixed ones.
    (h.wrapping_mul(K) >> (64 - bits)) as u32
}

const BOS: TokenInfo = TokenInfo {
    exact: 1,
    lower: 1,
    shape: 1,
    prefix: [1; 4],
    suffix: [1; 4],
    flags: 0x8000,
    gaz: 0,
    doc: 0,
};
const EOS: TokenInfo = TokenInfo {
    exact: 2,
    lower: 2,
    shape: 2,
    prefix: [2; 4],
    suffix: [2; 4],
    flags: 0x4000,
    gaz: 0,
    doc: 0,
};

/// Append the `N_FEATURES` buckets of every token of `sentence` to `out`.
pub fn extract(sentence: &[TokenInfo], bits: u32, out: &mut Vec<u32>) {
    let n = sentence.len();
    let at = |i: isize| -> &TokenInfo {
        if i < 0 {
            &BOS
        } else if i as usize >= n {
            &EOS
        } else {
            &sentence[i as usize]
        }
    };
    for i in 0..n {
        let ii = i as isize;
        let (p2, p1, t, n1, n2) = (at(ii - 2), at(ii - 1), at(ii), at(ii + 1), at(ii + 2));
        let first = u64::from(i == 0);
        let f = |template: u64, a: u64, b: u64| bucket(bits, template, a, b);
        let feats: [u32; N_FEATURES] = [
            f(0, 0, 0),
            f(1, t.lower, 0),
            f(2, t.exact, 0),
            f(3, p1.lower, 0),
            f(4, n1.lower, 0),
            f(5, p2.lower, 0),
            f(6, n2.lower, 0),
            f(7, p1.lower, t.lower),
            f(8, t.lower, n1.lower),
            f(9, t.shape, 0),
            f(10, p1.shape, t.shape),
            f(11, t.shape, n1.shape),
            f(12, mix(p1.shape, t.shape), n1.shape),
            f(13, t.prefix[0], 0),
            f(14, t.prefix[1], 0),
            f(15, t.prefix[2], 0),
            f(16, t.prefix[3], 0),
            f(17, t.suffix[0], 0),
            f(18, t.suffix[1], 0),
            f(19, t.suffix[2], 0),
            f(20, t.suffix[3], 0),
            f(21, u64::from(t.flags), first),
            f(22, u64::from(p1.flags), u64::from(t.flags)),
            f(23, u64::from(t.flags), u64::from(n1.flags)),
            f(24, u64::from(t.gaz), u64::from(t.flags & 3)),
            f(25, u64::from(p1.gaz), u64::from(t.gaz)),
            f(26, u64::from(t.gaz), u64::from(n1.gaz)),
            f(27, p1.exact, t.shape),
            f(28, t.shape, n1.exact),
            f(29, u64::from(t.doc), mix(t.shape, first)),
            f(30, t.lower, u64::from(t.doc)),
            f(31, p1.lower, n1.lower),
            f(32, p2.lower, p1.lower),
            f(33, n1.lower, n2.lower),
            f(34, t.suffix[2], t.shape),
            f(35, p2.shape, mix(p1.shape, t.shape)),
        ];
        out.extend_from_slice(&feats);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_apostrophes_hash_alike() {
        assert_eq!(
            TokenInfo::new("O’Neil").exact,
            TokenInfo::new("O'Neil").exact
        );
    }

    #[test]
    fn digits_are_folded() {
        assert_eq!(TokenInfo::new("1996").lower, TokenInfo::new("2024").lower);
    }

    #[test]
    fn case_is_folded_in_lower_form_only() {
        let (a, b) = (TokenInfo::new("Paris"), TokenInfo::new("PARIS"));
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.exact, b.exact);
        assert_ne!(a.shape, b.shape);
        assert!(b.flags & flag::ALL_CAPS != 0);
    }

    #[test]
    fn shape_collapses_runs() {
        assert_eq!(TokenInfo::new("Paris").shape, TokenInfo::new("Lyon").shape);
        assert_ne!(TokenInfo::new("Paris").shape, TokenInfo::new("paris").shape);
    }

    #[test]
    fn suffixes_of_short_words_do_not_panic() {
        let info = TokenInfo::new("a");
        assert_eq!(info.suffix[0], info.suffix[3]);
    }

    #[test]
    fn extract_gives_fixed_count_in_range() {
        let infos: Vec<TokenInfo> = ["EU", "rejects", "German", "call"]
            .iter()
            .map(|w| TokenInfo::new(w))
            .collect();
        let mut out = Vec::new();
        extract(&infos, 16, &mut out);
        assert_eq!(out.len(), 4 * N_FEATURES);
        assert!(out.iter().all(|&b| b < 1 << 16));
    }
}
