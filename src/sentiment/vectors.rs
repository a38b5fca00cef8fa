//! Static word vectors: for each of ~60,000 words, the corpus average of a
//! sentence-embedding model's contextual vectors for it, reduced to
//! [`DIMS`] principal components. The mean over a text's words stands in for
//! the model's sentence embedding (which is a mean of token vectors) at the
//! cost of one lookup per word; the linear models take it as dense features.
//!
//! Built by `scripts/build_word_vectors.py` (source model, corpus and file
//! layout are described there) into `data/sentiment/word_vectors.bin`.

#[cfg(test)]
use super::lexicon::word_hash;
use super::lexicon::Word;

/// Numbers per word.
pub(crate) const DIMS: usize = 32;

const MAGIC: &[u8; 8] = b"TAVEC1\n\0";

/// The embedded table.
const FILE: &[u8] = include_bytes!("../../data/sentiment/word_vectors.bin");

/// Word vectors keyed by the lexicon's lower-case word hash.
#[derive(Clone, Debug, Default)]
pub(crate) struct WordVectors {
    /// Each row's word as written in the file (the lexicon's table keys
    /// them by hash).
    words: Vec<&'static str>,
    /// Row-major, `DIMS` per word, quantised (a quarter of the cache
    /// footprint of f32: the lookups are random).
    values: Vec<i8>,
    /// Value of one quantisation step.
    scale: f32,
}

impl WordVectors {
    /// The embedded table.
    pub(crate) fn embedded() -> WordVectors {
        WordVectors::parse(FILE).0
    }

    /// Parse the file format; also returns the word count the header
    /// announces, so a truncated or foreign file is detectable (the table
    /// keeps the words read before the damage).
    fn parse(bytes: &'static [u8]) -> (WordVectors, usize) {
        let mut table = WordVectors::default();
        let Some(mut rest) = bytes.strip_prefix(MAGIC.as_slice()) else {
            return (table, usize::MAX);
        };
        let header = take(&mut rest, 12).unwrap_or(&[0; 12]);
        let u32_at =
            |i: usize| u32::from_le_bytes([header[i], header[i + 1], header[i + 2], header[i + 3]]);
        let (dims, count) = (u32_at(0) as usize, u32_at(4) as usize);
        let scale = f32::from_bits(u32_at(8));
        if dims != DIMS || !scale.is_finite() {
            return (table, count.max(1));
        }
        table.scale = scale;
        table.values.reserve(count.min(1 << 20) * DIMS);
        for _ in 0..count {
            let Some(&[len]) = take(&mut rest, 1) else {
                break;
            };
            let (Some(word), Some(vector)) =
                (take(&mut rest, usize::from(len)), take(&mut rest, DIMS))
            else {
                break;
            };
            let Ok(word) = std::str::from_utf8(word) else {
                break;
            };
            table.words.push(word);
            table.values.extend(vector.iter().map(|&q| q as i8));
        }
        (table, count)
    }

    /// Words in the table.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.values.len() / DIMS
    }

    /// Every word with its row, for the lexicon's table (a word's row
    /// reaches the scorer as [`WordInfo::vector`](super::lexicon::WordInfo::vector)).
    pub(crate) fn words(&self) -> impl Iterator<Item = (&'static str, u32)> + '_ {
        self.words
            .iter()
            .enumerate()
            .map(|(row, &w)| (w, row as u32))
    }

    /// The quantised vector in row `row`.
    pub(crate) fn quantised(&self, row: u32) -> Option<&[i8]> {
        let row = row as usize;
        self.values.get(row * DIMS..(row + 1) * DIMS)
    }

    /// The value of quantised component `q`.
    pub(crate) fn value(&self, q: i8) -> f32 {
        f32::from(q) * self.scale
    }

    /// The vector of the word with lower-case hash `hash`.
    #[cfg(test)]
    pub(crate) fn get(&self, hash: u64) -> Option<Vec<f32>> {
        // The last row of a word wins, as in the lexicon's table.
        let row = self.words.iter().rposition(|&w| word_hash(w) == hash)?;
        let q = self.quantised(row as u32)?;
        Some(q.iter().map(|&x| f32::from(x) * self.scale).collect())
    }

    /// Mean vector of the known words of `words` (analysed, so each carries
    /// its row) into `out`; returns how many were known (zero leaves `out`
    /// all zero).
    pub(crate) fn mean_into(&self, words: &[Word<'_>], out: &mut [f32; DIMS]) -> usize {
        out.fill(0.0);
        let mut sums = [0i32; DIMS];
        let mut known = 0usize;
        for w in words {
            if let Some(v) = w.info.vector.and_then(|row| self.quantised(row)) {
                for (o, &x) in sums.iter_mut().zip(v) {
                    *o += i32::from(x);
                }
                known += 1;
            }
        }
        if known > 0 {
            let step = self.scale / known as f32;
            for (o, &x) in out.iter_mut().zip(&sums) {
                *o = x as f32 * step;
            }
        }
        known
    }
}

fn take<'a>(bytes: &mut &'a [u8], n: usize) -> Option<&'a [u8]> {
    if bytes.len() < n {
        return None;
    }
    let (head, rest) = bytes.split_at(n);
    *bytes = rest;
    Some(head)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentiment::lexicon::Lexicon;

    #[test]
    fn embedded_table_is_whole() {
        let (table, announced) = WordVectors::parse(FILE);
        assert_eq!(table.len(), announced);
        assert!(table.len() > 30_000, "{}", table.len());
        assert!(table.get(word_hash("government")).is_some());
        assert!(
            table.get(word_hash("Government")).is_some(),
            "lookups ignore case"
        );
    }

    #[test]
    fn truncated_or_foreign_files_give_what_was_read() {
        let (_, announced) = WordVectors::parse(b"nonsense");
        assert_eq!(announced, usize::MAX);
        let (table, announced) = WordVectors::parse(&FILE[..FILE.len() / 2]);
        assert!(table.len() < announced && table.len() > 1000);
    }

    #[test]
    fn related_words_are_nearer_than_unrelated_ones() {
        let table = WordVectors::embedded();
        let v = |w: &str| table.get(word_hash(w)).unwrap();
        let dist =
            |a: &[f32], b: &[f32]| a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum::<f32>();
        let (war, conflict, recipe) = (v("war"), v("conflict"), v("recipe"));
        assert!(dist(&war, &conflict) < dist(&war, &recipe));
    }

    #[test]
    fn mean_skips_unknown_words() {
        let lex = Lexicon::new();
        let table = &lex.vectors;
        let mut out = [0.0; DIMS];
        assert_eq!(
            table.mean_into(&lex.analyze("war zzqxv").words, &mut out),
            1
        );
        assert_eq!(out.to_vec(), table.get(word_hash("war")).unwrap());
        assert_eq!(table.mean_into(&lex.analyze("zzqxv").words, &mut out), 0);
        assert!(out.iter().all(|&x| x == 0.0));
    }
}
