//! Cross-article comparison: how several articles about one event cover it.
//!
//! Requires analysed [`Doc`]s (entities, quotes, speakers; sentiment when
//! wanted). Builds a [`Comparison`]:
//! - [`CrossEntity`]: one entity per referent across all articles, spelling and
//!   transliteration variants merged ("Parly"/"Parley", "Sergei"/"Sergey"),
//!   with per-article mention counts ([`entities`]);
//! - [`Statement`]: quotes from different articles that render the same
//!   statement, with a word-level diff of each rendering against the first
//!   ([`statements`], [`diff`]);
//! - [`SpeakerCoverage`]: per speaker, the quotes and tone each article gave them.
//!
//! Articles are referred to by their index in the input slice.

pub mod diff;
pub mod entities;
pub mod report;
pub mod statements;
pub mod text;

use crate::doc::{Doc, EntityId, EntityType, Sentiment};
use std::collections::HashMap;

/// Comparison settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Config {
    /// Minimum similarity (0..1) for two quotes to render the same statement.
    pub min_similarity: f32,
}

/// Default of [`Config::min_similarity`]: measured on the seed statements
/// (see docs/accuracy.md, "Cross-article comparison").
pub const DEFAULT_MIN_SIMILARITY: f32 = 0.5;

impl Default for Config {
    fn default() -> Self {
        Config {
            min_similarity: DEFAULT_MIN_SIMILARITY,
        }
    }
}

/// One analysed article of a comparison.
#[derive(Clone, Copy, Debug)]
pub struct Article<'a> {
    /// The caller's id (`Article.id`, the file name in the CLI).
    pub id: &'a str,
    /// Its analysis.
    pub doc: &'a Doc,
}

/// The result of comparing articles. Article fields are indices into the
/// compared slice.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Comparison {
    /// Ids of the compared articles, by index.
    pub articles: Vec<String>,
    /// One entity per referent, most widely covered first.
    pub entities: Vec<CrossEntity>,
    /// Statements, those carried by most articles first.
    pub statements: Vec<Statement>,
    /// Speakers, most quoted first.
    pub speakers: Vec<SpeakerCoverage>,
}

/// An entity across articles.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossEntity {
    /// Canonical name: the fullest form seen.
    pub name: String,
    /// Kind.
    pub kind: EntityType,
    /// Distinct surface forms of its mentions across articles.
    pub aliases: Vec<String>,
    /// Per article that mentions it, in article order.
    pub articles: Vec<EntityInArticle>,
}

/// An entity's presence in one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityInArticle {
    /// Article index.
    pub article: usize,
    /// The article's own entity (the most mentioned one when several merged).
    pub entity: EntityId,
    /// Mentions in that article.
    pub mentions: usize,
}

/// One statement as rendered by different articles.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    /// Index into [`Comparison::entities`] of the speaker, when known.
    pub speaker: Option<usize>,
    /// Renderings in article order; the first is the reference for diffs.
    pub variants: Vec<Variant>,
    /// True when only one article carries the statement.
    pub single_outlet: bool,
}

/// One article's wording of a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    /// Article index.
    pub article: usize,
    /// Index of the quote in that article's [`Doc::quotes`].
    pub quote: usize,
    /// The quoted words.
    pub text: String,
    /// Word-level difference from the first variant.
    pub diff: Vec<DiffOp>,
    /// Similarity to the first variant, 0..1.
    pub similarity: f32,
}

/// Kind of a run in a word-level diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DiffKind {
    /// Words in both.
    Equal,
    /// Words only in this variant.
    Insert,
    /// Words only in the first variant.
    Delete,
}

/// A run of words in a diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiffOp {
    /// Equal, inserted or deleted.
    pub kind: DiffKind,
    /// The words, space-separated.
    pub text: String,
}

/// A speaker across articles.
#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerCoverage {
    /// Index into [`Comparison::entities`].
    pub entity: usize,
    /// Per article that quotes the speaker, in article order.
    pub articles: Vec<SpeakerInArticle>,
}

/// A speaker's quotes in one article.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpeakerInArticle {
    /// Article index.
    pub article: usize,
    /// Quotes attributed to the speaker there (scare quotes excluded).
    pub quotes: usize,
    /// Aggregate tone of those quotes, when scored.
    pub sentiment: Option<Sentiment>,
}

/// Compare analysed articles.
pub fn compare(articles: &[Article<'_>], config: &Config) -> Comparison {
    let merged = entities::merge(articles);
    let statements = statements::cluster(articles, &merged.index, config);
    let speakers = speakers(articles, &merged.index);
    Comparison {
        articles: articles.iter().map(|a| a.id.to_owned()).collect(),
        entities: merged.entities,
        statements,
        speakers,
    }
}

/// Speaker coverage from each article's speakers.
fn speakers(
    articles: &[Article<'_>],
    index: &HashMap<(usize, EntityId), usize>,
) -> Vec<SpeakerCoverage> {
    let mut by_entity: HashMap<usize, Vec<SpeakerInArticle>> = HashMap::new();
    for (article, input) in articles.iter().enumerate() {
        for speaker in &input.doc.speakers {
            let Some(&cross) = index.get(&(article, speaker.entity)) else {
                continue;
            };
            let rows = by_entity.entry(cross).or_default();
            let row = SpeakerInArticle {
                article,
                quotes: speaker.quotes.len(),
                sentiment: speaker.sentiment,
            };
            match rows.last_mut() {
                Some(last) if last.article == article => *last = combine(*last, row),
                _ => rows.push(row),
            }
        }
    }
    let mut speakers: Vec<SpeakerCoverage> = by_entity
        .into_iter()
        .map(|(entity, articles)| SpeakerCoverage { entity, articles })
        .collect();
    let total = |s: &SpeakerCoverage| s.articles.iter().map(|a| a.quotes).sum::<usize>();
    speakers.sort_by(|a, b| total(b).cmp(&total(a)).then(a.entity.cmp(&b.entity)));
    speakers
}

/// Two entities of one article that merged into one speaker: counts add up,
/// tone is the quote-weighted mean labelled as the larger share's.
fn combine(a: SpeakerInArticle, b: SpeakerInArticle) -> SpeakerInArticle {
    let sentiment = match (a.sentiment, b.sentiment) {
        (Some(x), Some(y)) => {
            let (wa, wb) = (a.quotes.max(1) as f32, b.quotes.max(1) as f32);
            let label = if wa >= wb { x.label } else { y.label };
            Some(Sentiment {
                score: (x.score * wa + y.score * wb) / (wa + wb),
                label,
            })
        }
        (x, y) => x.or(y),
    };
    SpeakerInArticle {
        article: a.article,
        quotes: a.quotes + b.quotes,
        sentiment,
    }
}

#[cfg(test)]
mod tests;
