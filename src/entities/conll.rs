//! CoNLL-2003 column files: reading, writing back with a predicted tag column,
//! and conlleval-style scoring (exact match of span and type).

use super::model::TAG_NAMES;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A sentence of a CoNLL file.
#[derive(Clone, Debug, Default)]
pub struct Sentence {
    /// The lines as read.
    pub lines: Vec<String>,
    /// First column of each line.
    pub words: Vec<String>,
    /// Last column of each line (the gold tag).
    pub gold: Vec<String>,
}

/// A `-DOCSTART-` document (the whole file when there is no marker).
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// True when the document began with a `-DOCSTART-` line.
    pub marked: bool,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
}

/// Parse a CoNLL file.
pub fn read(text: &str) -> Vec<Document> {
    let mut docs: Vec<Document> = Vec::new();
    let mut sentence = Sentence::default();
    let flush = |docs: &mut Vec<Document>, sentence: &mut Sentence| {
        if !sentence.words.is_empty() {
            if docs.is_empty() {
                docs.push(Document::default());
            }
            docs.last_mut()
                .expect("pushed above")
                .sentences
                .push(std::mem::take(sentence));
        }
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut docs, &mut sentence);
            continue;
        }
        if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sentence);
            docs.push(Document {
                marked: true,
                sentences: Vec::new(),
            });
            continue;
        }
        let mut cols = line.split_whitespace();
        let word = cols.next().unwrap_or_default().to_owned();
        let tag = line.split_whitespace().last().unwrap_or("O").to_owned();
        sentence.words.push(word);
        sentence.gold.push(tag);
        sentence.lines.push(line.to_owned());
    }
    flush(&mut docs, &mut sentence);
    docs
}

/// The file with `predicted[d][s][t]` (tag ids) appended to each token line.
pub fn write(docs: &[Document], predicted: &[Vec<Vec<u8>>]) -> String {
    let mut out = String::new();
    for (doc, tags) in docs.iter().zip(predicted) {
        if doc.marked {
            out.push_str("-DOCSTART- -X- -X- O O\n\n");
        }
        for (sentence, tags) in doc.sentences.iter().zip(tags) {
            for (line, &tag) in sentence.lines.iter().zip(tags) {
                let _ = writeln!(out, "{line} {}", TAG_NAMES[tag as usize]);
            }
            out.push('\n');
        }
    }
    out
}

fn split_tag(tag: &str) -> (char, &str) {
    match tag.split_once('-') {
        Some((p, t)) => (p.chars().next().unwrap_or('O'), t),
        None => (if tag == "O" { 'O' } else { 'B' }, ""),
    }
}

/// Chunks `(start, end, type)` of a tag sequence, by conlleval's rules.
pub fn chunks<'a>(tags: impl IntoIterator<Item = &'a str>) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let (mut prev_p, mut prev_t) = ('O', "");
    let mut n = 0;
    for (i, tag) in tags.into_iter().enumerate() {
        let (p, t) = split_tag(tag);
        let end = matches!((prev_p, p), ('E' | 'S', _) | ('B' | 'I', 'B' | 'S' | 'O'))
            || (prev_p != 'O' && prev_t != t);
        let start = matches!(p, 'B' | 'S')
            || (matches!(prev_p, 'E' | 'S' | 'O') && matches!(p, 'E' | 'I'))
            || (p != 'O' && prev_t != t);
        if end {
            if let Some((s, ty)) = open.take() {
                out.push((s, i, ty.to_owned()));
            }
        }
        if start && p != 'O' {
            open = Some((i, t));
        }
        (prev_p, prev_t) = (p, t);
        n = i + 1;
    }
    if let Some((s, ty)) = open {
        out.push((s, n, ty.to_owned()));
    }
    out
}

/// Counts per entity type: gold chunks, predicted chunks, exact matches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// `type -> (gold, predicted, correct)`.
    pub by_type: BTreeMap<String, (usize, usize, usize)>,
}

impl Counts {
    /// Add one sentence's gold and predicted tags.
    pub fn add<'a>(&mut self, gold: &[&'a str], predicted: &[&'a str]) {
        let g = chunks(gold.iter().copied());
        let p = chunks(predicted.iter().copied());
        for c in &g {
            self.by_type.entry(c.2.clone()).or_default().0 += 1;
        }
        for c in &p {
            let e = self.by_type.entry(c.2.clone()).or_default();
            e.1 += 1;
            if g.contains(c) {
                e.2 += 1;
            }
        }
    }

    /// Micro totals over all types: `(gold, predicted, correct)`.
    pub fn total(&self) -> (usize, usize, usize) {
        self.by_type
            .values()
            .fold((0, 0, 0), |a, &(g, p, c)| (a.0 + g, a.1 + p, a.2 + c))
    }

    /// The report: P/R/F1 per type and overall.
    pub fn report(&self) -> String {
        let mut out = String::from("type        gold   pred  correct  precision  recall      F1\n");
        let mut line = |name: &str, (g, p, c): (usize, usize, usize)| {
            let (pr, re, f) = prf(g, p, c);
            let _ = writeln!(
                out,
                "{name:<10} {g:>5} {p:>6} {c:>8}  {pr:>9.4}  {re:>6.4}  {f:>6.4}"
            );
        };
        for (ty, &counts) in &self.by_type {
            line(ty, counts);
        }
        line("overall", self.total());
        out
    }
}

/// Precision, recall, F1 from gold, predicted and correct counts.
pub fn prf(gold: usize, pred: usize, correct: usize) -> (f64, f64, f64) {
    let p = if pred > 0 {
        correct as f64 / pred as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        correct as f64 / gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_documents_sentences_and_last_column() {
        let text =
            "-DOCSTART- -X- -X- O\n\nAnna NNP B-NP B-PER\nsang VBD B-VP O\n\nOslo NNP B-NP B-LOC\n";
        let docs = read(text);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].words, ["Anna", "sang"]);
        assert_eq!(docs[0].sentences[0].gold, ["B-PER", "O"]);
    }

    #[test]
    fn chunks_follow_conlleval_rules() {
        let c = chunks(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]);
        assert_eq!(
            c,
            vec![
                (0, 2, "PER".to_owned()),
                (3, 4, "LOC".to_owned()),
                (4, 5, "LOC".to_owned()),
                (5, 6, "ORG".to_owned())
            ]
        );
    }

    #[test]
    fn counts_exact_matches_only() {
        let mut counts = Counts::default();
        counts.add(&["B-PER", "I-PER", "O"], &["B-PER", "O", "O"]);
        counts.add(&["B-LOC"], &["B-LOC"]);
        assert_eq!(counts.total(), (2, 2, 1));
        let (p, r, f) = prf(2, 2, 1);
        assert!((p - 0.5).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 0.5).abs() < 1e-9);
    }

    #[test]
    fn writes_prediction_as_last_column() {
        let docs = read("A x B-PER\n\n");
        assert_eq!(write(&docs, &[vec![vec![1]]]), "A x B-PER B-PER\n\n");
    }
}
