//! Sentiment of quotes, speakers and entities.
//!
//! Requires: quotes, speakers and entities. Assigns: `sentiment` on each
//! [`Quote`](crate::doc::Quote), [`SpeakerSentiment`](crate::doc::SpeakerSentiment)
//! and [`Entity`](crate::doc::Entity).
//!
//! The scorer arrives with its own issue; until then nothing is scored.

use crate::doc::{Doc, Sentiment};
use crate::error::Result;

/// Scores for one document, aligned with its quotes, speakers and entities.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// One per [`Doc::quotes`](crate::doc::Doc::quotes).
    pub quotes: Vec<Option<Sentiment>>,
    /// One per [`Doc::speakers`](crate::doc::Doc::speakers).
    pub speakers: Vec<Option<Sentiment>>,
    /// One per [`Doc::entities`](crate::doc::Doc::entities).
    pub entities: Vec<Option<Sentiment>>,
}

/// Scores sentiment. Build once and share.
#[derive(Clone, Debug, Default)]
pub struct SentimentScorer {}

impl SentimentScorer {
    /// The scorer with its built-in lexicon.
    pub fn new() -> Result<SentimentScorer> {
        Ok(SentimentScorer {})
    }

    /// Scores for `doc`'s quotes, speakers and entities.
    pub fn run(&self, doc: &Doc) -> Scores {
        Scores {
            quotes: vec![None; doc.quotes.len()],
            speakers: vec![None; doc.speakers.len()],
            entities: vec![None; doc.entities.len()],
        }
    }
}
