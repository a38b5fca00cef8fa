//! Quotations and their speakers.
//!
//! Requires: tokens, sentences and entities. Assigns: [`Doc::quotes`](crate::doc::Doc::quotes)
//! and, through [`speakers`], [`Doc::speakers`](crate::doc::Doc::speakers).
//!
//! Quote detection arrives with its own issue; until then nothing is found.

use crate::doc::{Doc, Quote, QuoteKind, SpeakerSentiment};
use crate::error::Result;

/// Finds quotations and attributes them. Build once and share.
#[derive(Clone, Debug, Default)]
pub struct QuoteExtractor {}

impl QuoteExtractor {
    /// The extractor.
    pub fn new() -> Result<QuoteExtractor> {
        Ok(QuoteExtractor {})
    }

    /// Quotes of `doc` in body order.
    pub fn run(&self, doc: &Doc) -> Vec<Quote> {
        let _ = doc;
        Vec::new()
    }
}

/// Every speaker entity with the indices of its quotes (scare quotes excluded),
/// in order of first quote.
pub fn speakers(quotes: &[Quote]) -> Vec<SpeakerSentiment> {
    let mut speakers: Vec<SpeakerSentiment> = Vec::new();
    for (index, quote) in quotes.iter().enumerate() {
        let Some(entity) = quote.speaker else {
            continue;
        };
        if quote.kind == QuoteKind::Scare {
            continue;
        }
        match speakers.iter_mut().find(|s| s.entity == entity) {
            Some(speaker) => speaker.quotes.push(index),
            None => speakers.push(SpeakerSentiment {
                entity,
                quotes: vec![index],
                sentiment: None,
            }),
        }
    }
    speakers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::Span;

    fn quote(speaker: Option<usize>, kind: QuoteKind) -> Quote {
        Quote {
            span: Span::new(0, 1),
            fragments: vec![],
            kind,
            speaker,
            speaker_span: None,
            cue: None,
            confidence: 1.0,
            sentiment: None,
        }
    }

    #[test]
    fn speakers_group_quotes_and_skip_scare_quotes() {
        let quotes = vec![
            quote(Some(2), QuoteKind::Direct),
            quote(Some(0), QuoteKind::Partial),
            quote(Some(2), QuoteKind::Scare),
            quote(None, QuoteKind::Direct),
            quote(Some(2), QuoteKind::Indirect),
        ];
        let speakers = speakers(&quotes);
        assert_eq!(speakers.len(), 2);
        assert_eq!(
            (speakers[0].entity, speakers[0].quotes.clone()),
            (2, vec![0, 4])
        );
        assert_eq!(
            (speakers[1].entity, speakers[1].quotes.clone()),
            (0, vec![1])
        );
    }
}
