//! The pipeline: every stage built once, run in a fixed order
//! (clean → segment → entities → quotes → sentiment). Stages read the [`Doc`];
//! only the pipeline writes their results into it.

use crate::clean::{Cleaner, Content};
use crate::config::{Config, Limits};
use crate::doc::Doc;
use crate::entities::EntityRecognizer;
use crate::error::{Error, Result};
use crate::quotes::{self, QuoteExtractor};
use crate::segment::Segmenter;
use crate::sentiment::SentimentScorer;
use std::time::{Duration, Instant};

/// Which stages to run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The content is already the article body.
    pub skip_cleaning: bool,
    /// Do not recognise entities.
    pub skip_entities: bool,
    /// Do not extract quotes.
    pub skip_quotes: bool,
    /// Do not score sentiment.
    pub skip_sentiment: bool,
}

/// All stages, built once and shared (`Send + Sync`) across requests.
#[derive(Debug)]
pub struct Pipeline {
    limits: Limits,
    cleaner: Cleaner,
    segmenter: Segmenter,
    recognizer: EntityRecognizer,
    quotes: QuoteExtractor,
    sentiment: SentimentScorer,
}

impl Pipeline {
    /// Build every stage (loads the models) from a validated config.
    pub fn new(config: &Config) -> Result<Pipeline> {
        config.validate()?;
        Ok(Pipeline {
            limits: config.limits.clone(),
            cleaner: Cleaner::new(),
            segmenter: Segmenter::new(),
            recognizer: EntityRecognizer::new()?,
            quotes: QuoteExtractor::new()?.with_indirect(config.quotes.indirect),
            sentiment: SentimentScorer::new()?,
        })
    }

    /// The limits the pipeline enforces.
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Analyse one article with no deadline.
    pub fn analyze(&self, content: &Content, options: &Options) -> Result<Doc> {
        self.analyze_until(content, options, None)
    }

    /// Analyse one article, stopping between stages once `deadline` has passed.
    pub fn analyze_until(
        &self,
        content: &Content,
        options: &Options,
        deadline: Option<Instant>,
    ) -> Result<Doc> {
        self.analyze_observed(content, options, deadline, &|_, _| {})
    }

    /// As [`Pipeline::analyze_until`], reporting each stage's duration to `observe` (for metrics).
    pub fn analyze_observed(
        &self,
        content: &Content,
        options: &Options,
        deadline: Option<Instant>,
        observe: &dyn Fn(&'static str, Duration),
    ) -> Result<Doc> {
        if content.len() > self.limits.max_input_bytes {
            return Err(Error::InputTooLarge {
                len: content.len(),
                max: self.limits.max_input_bytes,
            });
        }
        let check = |stage: &'static str| match deadline {
            Some(deadline) if Instant::now() >= deadline => Err(Error::DeadlineExceeded { stage }),
            _ => Ok(()),
        };
        let timed = |stage: &'static str, started: Instant| observe(stage, started.elapsed());
        let mut doc = {
            let _span = tracing::debug_span!("stage", stage = "clean").entered();
            let started = Instant::now();
            let doc = self.cleaner.run(content, options.skip_cleaning)?;
            timed("clean", started);
            doc
        };
        check("segment")?;
        {
            let _span = tracing::debug_span!("stage", stage = "segment").entered();
            let started = Instant::now();
            let (tokens, sentences) = self.segmenter.run(&doc.body);
            doc.tokens = tokens;
            doc.sentences = sentences;
            timed("segment", started);
        }
        if !options.skip_entities {
            check("entities")?;
            let _span = tracing::debug_span!("stage", stage = "entities").entered();
            let started = Instant::now();
            doc.entities = self.recognizer.run(&doc);
            timed("entities", started);
        }
        if !options.skip_quotes {
            check("quotes")?;
            let _span = tracing::debug_span!("stage", stage = "quotes").entered();
            let started = Instant::now();
            doc.quotes = self.quotes.run(&doc);
            doc.speakers = quotes::speakers(&doc.quotes);
            timed("quotes", started);
        }
        if !options.skip_sentiment {
            check("sentiment")?;
            let _span = tracing::debug_span!("stage", stage = "sentiment").entered();
            let started = Instant::now();
            let scores = self.sentiment.run(&doc);
            timed("sentiment", started);
            for (quote, score) in doc.quotes.iter_mut().zip(scores.quotes) {
                quote.sentiment = score;
            }
            for (speaker, score) in doc.speakers.iter_mut().zip(scores.speakers) {
                speaker.sentiment = score;
            }
            for (entity, score) in doc.entities.iter_mut().zip(scores.entities) {
                entity.sentiment = score;
            }
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pipeline() -> Pipeline {
        Pipeline::new(&Config::default()).unwrap()
    }

    #[test]
    fn oversized_input_is_rejected_before_work() {
        let mut config = Config::default();
        config.limits.max_input_bytes = 10;
        let pipeline = Pipeline::new(&config).unwrap();
        let err = pipeline
            .analyze(&Content::Text("x".repeat(11)), &Options::default())
            .unwrap_err();
        assert!(matches!(err, Error::InputTooLarge { len: 11, max: 10 }));
    }

    #[test]
    fn past_deadline_stops_between_stages() {
        let err = pipeline()
            .analyze_until(
                &Content::Text("Some text.".into()),
                &Options::default(),
                Some(Instant::now()),
            )
            .unwrap_err();
        assert!(matches!(err, Error::DeadlineExceeded { stage: "segment" }));
    }

    #[test]
    fn segments_the_body() {
        let doc = pipeline()
            .analyze(&Content::Text("One. Two.".into()), &Options::default())
            .unwrap();
        assert_eq!(doc.sentences.len(), 2);
    }
}
