//! Statement clusters: quotes from different articles that render the same
//! statement.
//!
//! Each quote (scare quotes excluded) becomes a set of normalised words
//! (folded, lightly stemmed; stopwords weigh [`STOPWORD_WEIGHT`]). Two quotes
//! match when their weighted similarity, the larger of the Dice overlap and the
//! containment of the smaller set in the larger (damped for sets of fewer than
//! [`FULL_CONTAINMENT_WEIGHT`], and only with [`MIN_SHARED_FOR_CONTAINMENT`]
//! content words in common), reaches the threshold; the same speaker adds
//! [`SAME_SPEAKER_BONUS`]; two different known speakers never match.
//!
//! Candidate pairs come from inverted indexes: a pair is a candidate when one
//! quote's [`BLOCKING_KEYS`] rarest content words occur in the other. Pairs
//! from one article, with different known speakers, or already in one cluster
//! are skipped, so the work grows with the quotes that share rare words, not
//! with all quote pairs. Clusters are built by union-find; a union that would
//! join two different known speakers is refused.

use super::{diff, text, Article, Config, Statement, Variant};
use crate::doc::{EntityId, QuoteKind};
use std::collections::HashMap;

/// Weight of a stopword in the overlap (content words weigh 1).
pub const STOPWORD_WEIGHT: f32 = 0.15;
/// Containment counts fully only when the smaller quote weighs this much;
/// below, it is scaled down ("essential" inside a long quote is no match).
pub const FULL_CONTAINMENT_WEIGHT: f32 = 2.5;
/// Containment counts only when the quotes share this many content words
/// ("in the coming days" is not inside "the time has come").
pub const MIN_SHARED_FOR_CONTAINMENT: usize = 2;
/// Containment is worth slightly less than equal overlap.
pub const CONTAINMENT_FACTOR: f32 = 0.95;
/// Added to the similarity when both quotes have the same known speaker.
pub const SAME_SPEAKER_BONUS: f32 = 0.1;
/// Rarest content words of a quote used to find its candidates.
pub const BLOCKING_KEYS: usize = 4;

/// A quote prepared for matching.
struct Prepared {
    article: usize,
    quote: usize,
    speaker: Option<usize>,
    text: String,
    /// (term id, weight), sorted by term id, distinct.
    terms: Vec<(u32, f32)>,
    weight: f32,
}

/// Weighted normalised word sets, interned.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
}

impl Vocabulary {
    fn terms(&mut self, text: &str) -> (Vec<(u32, f32)>, f32) {
        let mut terms: Vec<(u32, f32)> = text::words(text)
            .map(|word| {
                let weight = if text::is_stopword(&word) {
                    STOPWORD_WEIGHT
                } else {
                    1.0
                };
                let stem = text::stem(&word);
                let next = self.ids.len() as u32;
                (*self.ids.entry(stem).or_insert(next), weight)
            })
            .collect();
        terms.sort_by_key(|t| t.0);
        terms.dedup_by_key(|t| t.0);
        let weight = terms.iter().map(|t| t.1).sum();
        (terms, weight)
    }
}

/// Similarity of two prepared word sets, 0..1.
fn similarity(a: &[(u32, f32)], wa: f32, b: &[(u32, f32)], wb: f32) -> f32 {
    if wa <= 0.0 || wb <= 0.0 {
        return 0.0;
    }
    let (mut i, mut j, mut shared, mut shared_content) = (0, 0, 0.0f32, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a[i].1;
                if a[i].1 >= 1.0 {
                    shared_content += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    let dice = 2.0 * shared / (wa + wb);
    let smaller = wa.min(wb);
    let containment = if shared_content >= MIN_SHARED_FOR_CONTAINMENT {
        shared / smaller * (smaller / FULL_CONTAINMENT_WEIGHT).min(1.0)
    } else {
        0.0
    };
    dice.max(CONTAINMENT_FACTOR * containment).min(1.0)
}

/// Similarity of two quote texts (no speaker information), 0..1.
pub fn text_similarity(a: &str, b: &str) -> f32 {
    let mut vocabulary = Vocabulary::default();
    let (ta, wa) = vocabulary.terms(a);
    let (tb, wb) = vocabulary.terms(b);
    similarity(&ta, wa, &tb, wb)
}

/// Union-find over quotes, each root holding its cluster's known speaker.
struct Clusters {
    parent: Vec<usize>,
    speaker: Vec<Option<usize>>,
}

impl Clusters {
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Join the clusters of `a` and `b` unless they have different known speakers.
    fn union(&mut self, a: usize, b: usize) -> bool {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return true;
        }
        match (self.speaker[ra], self.speaker[rb]) {
            (Some(x), Some(y)) if x != y => false,
            (sa, sb) => {
                let (root, child) = if ra < rb { (ra, rb) } else { (rb, ra) };
                self.parent[child] = root;
                self.speaker[root] = sa.or(sb);
                true
            }
        }
    }
}

/// Cluster the quotes of all articles into statements.
pub fn cluster(
    articles: &[Article<'_>],
    index: &HashMap<(usize, EntityId), usize>,
    config: &Config,
) -> Vec<Statement> {
    let mut vocabulary = Vocabulary::default();
    let mut quotes: Vec<Prepared> = Vec::new();
    for (article, input) in articles.iter().enumerate() {
        for (quote, found) in input.doc.quotes.iter().enumerate() {
            if found.kind == QuoteKind::Scare {
                continue;
            }
            let text = found.text(&input.doc.body);
            let (terms, weight) = vocabulary.terms(&text);
            quotes.push(Prepared {
                article,
                quote,
                speaker: found
                    .speaker
                    .and_then(|e| index.get(&(article, e)).copied()),
                text,
                terms,
                weight,
            });
        }
    }
    let mut clusters = Clusters {
        parent: (0..quotes.len()).collect(),
        speaker: quotes.iter().map(|q| q.speaker).collect(),
    };
    link(&quotes, &mut clusters, config.min_similarity);
    statements(quotes, &mut clusters)
}

/// Find candidate pairs through the rare-word index and join matching ones.
fn link(quotes: &[Prepared], clusters: &mut Clusters, threshold: f32) {
    let mut df: HashMap<u32, u32> = HashMap::new();
    for q in quotes {
        for &(term, weight) in &q.terms {
            if weight >= 1.0 {
                *df.entry(term).or_default() += 1;
            }
        }
    }
    // Each quote is indexed under its rarest words (`by_key`) and under all
    // its words (`by_word`); a new quote probes the first with all its words
    // and the second with its rarest, so a pair is found when either quote's
    // rarest words occur in the other.
    let mut by_key: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut by_word: HashMap<u32, Vec<usize>> = HashMap::new();
    let mut seen: Vec<usize> = vec![usize::MAX; quotes.len()];
    let mut candidates: Vec<usize> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let mut words: Vec<(u32, u32)> = q
            .terms
            .iter()
            .filter(|t| t.1 >= 1.0)
            .map(|t| (df.get(&t.0).copied().unwrap_or(0), t.0))
            .collect();
        if words.is_empty() {
            // Function words only: use them all, they are few.
            words = q.terms.iter().map(|t| (0, t.0)).collect();
        }
        words.sort_unstable();
        let keys = &words[..words.len().min(BLOCKING_KEYS)];
        candidates.clear();
        let probes = words
            .iter()
            .filter_map(|w| by_key.get(&w.1))
            .chain(keys.iter().filter_map(|k| by_word.get(&k.1)));
        for list in probes {
            for &j in list {
                if seen[j] != i {
                    seen[j] = i;
                    candidates.push(j);
                }
            }
        }
        for &j in &candidates {
            let other = &quotes[j];
            if other.article == q.article {
                continue;
            }
            let same_speaker = match (q.speaker, other.speaker) {
                (Some(a), Some(b)) if a != b => continue,
                (Some(_), Some(_)) => true,
                _ => false,
            };
            if clusters.find(i) == clusters.find(j) {
                continue;
            }
            let mut score = similarity(&q.terms, q.weight, &other.terms, other.weight);
            if same_speaker {
                score += SAME_SPEAKER_BONUS;
            }
            if score >= threshold {
                clusters.union(i, j);
            }
        }
        for &(_, term) in keys {
            by_key.entry(term).or_default().push(i);
        }
        for &(_, term) in &words {
            by_word.entry(term).or_default().push(i);
        }
    }
}

/// Clusters to statements, those carried by most articles first.
fn statements(quotes: Vec<Prepared>, clusters: &mut Clusters) -> Vec<Statement> {
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..quotes.len() {
        groups.entry(clusters.find(i)).or_default().push(i);
    }
    let mut statements: Vec<(usize, (usize, usize), Statement)> = groups
        .into_iter()
        .map(|(root, members)| {
            // Members are in (article, quote) order: quotes were prepared so.
            let first = &quotes[members[0]];
            let variants: Vec<Variant> = members
                .iter()
                .map(|&m| {
                    let q = &quotes[m];
                    Variant {
                        article: q.article,
                        quote: q.quote,
                        text: q.text.clone(),
                        diff: diff::words(&first.text, &q.text),
                        similarity: if m == members[0] {
                            1.0
                        } else {
                            similarity(&first.terms, first.weight, &q.terms, q.weight)
                        },
                    }
                })
                .collect();
            let mut outlets: Vec<usize> = variants.iter().map(|v| v.article).collect();
            outlets.dedup();
            let statement = Statement {
                speaker: clusters.speaker[root],
                single_outlet: outlets.len() == 1,
                variants,
            };
            (outlets.len(), (first.article, first.quote), statement)
        })
        .collect();
    statements.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    statements.into_iter().map(|s| s.2).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translations_of_one_statement_are_similar() {
        let a = "The time has come, the time is right to work to reduce mistrust with Russia,";
        let b = "the time has come, the time is right, to work toward reducing distrust.";
        let c = "The time has come, the time is right, to work towards reducing distrust";
        assert!(text_similarity(a, b) > 0.7, "{}", text_similarity(a, b));
        assert!(text_similarity(b, c) > 0.95, "{}", text_similarity(b, c));
        assert!(text_similarity(a, c) > 0.7);
    }

    #[test]
    fn a_partial_quote_is_contained_in_the_full_one() {
        let full = "it is important to talk to each other, to avoid misunderstanding and friction,";
        let part = "to avoid misunderstandings, friction.";
        assert!(
            text_similarity(full, part) > 0.9,
            "{}",
            text_similarity(full, part)
        );
    }

    #[test]
    fn one_word_inside_a_long_quote_is_no_match() {
        let long = "this cooperation is essential for the security of the whole continent";
        assert!(text_similarity(long, "essential") < 0.5);
    }

    #[test]
    fn different_statements_on_one_topic_stay_apart() {
        let a = "Of course, there will be no durable reconciliation between Russia and Europe \
                 without having any progress on the issue of Ukraine,";
        let b = "there is no real progress in eastern Ukraine, no decrease of violence, and no \
                 strong concrete gestures from Moscow except the prisoners' exchange.";
        assert!(text_similarity(a, b) < 0.4, "{}", text_similarity(a, b));
    }

    #[test]
    fn one_shared_word_is_no_containment() {
        let long = "The time has come, the time is right to work to reduce mistrust with Russia,";
        assert!(text_similarity(long, "in the coming days.") < 0.3);
    }

    #[test]
    fn empty_and_punctuation_only_quotes_have_zero_similarity() {
        assert_eq!(text_similarity("", ""), 0.0);
        assert_eq!(text_similarity("…", "?!"), 0.0);
    }
}
