//! The pipeline: every stage built once, run in a fixed order
//! (clean → segment → entities → quotes → sentiment; the last three only
//! for an English body). Stages read the [`Doc`];
//! only the pipeline writes their results into it.

use crate::clean::{Cleaner, Content};
use crate::config::{Config, Limits};
use crate::doc::Doc;
use crate::entities::EntityRecognizer;
use crate::error::{Error, Result};
use crate::language::{self, Language};
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
        // Load the English word list now, not on the first request.
        language::is_common_word("the");
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
            let _span =
                tracing::debug_span!("stage", stage = "clean", otel.name = "stage clean").entered();
            let started = Instant::now();
            let doc = self.cleaner.run(content, options.skip_cleaning)?;
            timed("clean", started);
            doc
        };
        check("segment")?;
        {
            let _span =
                tracing::debug_span!("stage", stage = "segment", otel.name = "stage segment")
                    .entered();
            let started = Instant::now();
            let (tokens, sentences) = self.segmenter.run(&doc.body);
            doc.tokens = tokens;
            doc.sentences = sentences;
            timed("segment", started);
        }
        doc.language = language::detect(&doc.body, &doc.tokens);
        // The models are English-only: on other languages they give
        // confident nonsense (every German noun reads as a person).
        let options = &if doc.language == Language::English {
            *options
        } else {
            tracing::debug!("body is not English: entities, quotes and sentiment skipped");
            Options {
                skip_entities: true,
                skip_quotes: true,
                skip_sentiment: true,
                ..*options
            }
        };
        self.check_work(&doc, options)?;
        if !options.skip_entities {
            check("entities")?;
            let _span =
                tracing::debug_span!("stage", stage = "entities", otel.name = "stage entities")
                    .entered();
            let started = Instant::now();
            doc.entities = self.recognizer.run(&doc);
            timed("entities", started);
        }
        if !options.skip_quotes {
            check("quotes")?;
            bound(
                "quotation marks",
                count_quote_marks(&doc.body),
                self.limits.max_quote_marks,
                "limits.max_quote_marks",
            )?;
            let _span = tracing::debug_span!("stage", stage = "quotes", otel.name = "stage quotes")
                .entered();
            let started = Instant::now();
            doc.quotes = self.quotes.run(&doc);
            doc.speakers = quotes::speakers(&doc.quotes);
            timed("quotes", started);
        }
        if !options.skip_sentiment {
            check("sentiment")?;
            let _span =
                tracing::debug_span!("stage", stage = "sentiment", otel.name = "stage sentiment")
                    .entered();
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

impl Pipeline {
    /// Refuse, before the entity stage, an article whose token counts are
    /// past `limits`: the later stages' work grows faster than linearly in them.
    fn check_work(&self, doc: &Doc, options: &Options) -> Result<()> {
        bound(
            "tokens",
            doc.tokens.len(),
            self.limits.max_tokens,
            "limits.max_tokens",
        )?;
        if !options.skip_entities {
            let capitalized = doc
                .tokens
                .iter()
                .filter(|t| doc.body.as_str()[t.span].starts_with(char::is_uppercase))
                .count();
            bound(
                "capitalised tokens",
                capitalized,
                self.limits.max_capitalized_tokens,
                "limits.max_capitalized_tokens",
            )?;
        }
        Ok(())
    }
}

fn bound(what: &'static str, count: usize, max: usize, key: &'static str) -> Result<()> {
    if count > max {
        Err(Error::TooMuchWork {
            what,
            count,
            max,
            key,
        })
    } else {
        Ok(())
    }
}

/// Quotation marks in `body`, not counting apostrophes between letters.
pub fn count_quote_marks(body: &str) -> usize {
    let mut count = 0;
    let mut prev: Option<char> = None;
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if crate::segment::is_quote_char(c) {
            let apostrophe = matches!(c, '\'' | '’')
                && prev.is_some_and(char::is_alphanumeric)
                && chars.peek().is_some_and(|n| n.is_alphanumeric());
            if !apostrophe {
                count += 1;
            }
        }
        prev = Some(c);
    }
    count
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

    /// The stages that ran on `text` (from the observer) and the result.
    fn stages_run(pipeline: &Pipeline, text: String) -> (Vec<&'static str>, Result<Doc>) {
        let ran = std::sync::Mutex::new(Vec::new());
        let result = pipeline.analyze_observed(
            &Content::Text(text),
            &Options::default(),
            None,
            &|stage, _| ran.lock().unwrap().push(stage),
        );
        (ran.into_inner().unwrap(), result)
    }

    fn refused(result: Result<Doc>) -> &'static str {
        match result {
            Err(Error::TooMuchWork { key, .. }) => key,
            other => panic!(
                "expected TooMuchWork, got {:?}",
                other.map(|d| d.tokens.len())
            ),
        }
    }

    #[test]
    fn a_megabyte_of_capitalised_words_is_refused_before_entities() {
        let text = "Alpha Bravo Charlie Delta ".repeat(40_000);
        let (ran, result) = stages_run(&pipeline(), text);
        assert_eq!(refused(result), "limits.max_capitalized_tokens");
        assert_eq!(ran, ["clean", "segment"]);
    }

    #[test]
    fn a_megabyte_of_quote_marks_is_refused_before_entities() {
        let (ran, result) = stages_run(&pipeline(), "\"".repeat(1 << 20));
        assert_eq!(refused(result), "limits.max_tokens");
        assert_eq!(ran, ["clean", "segment"]);
    }

    #[test]
    fn many_quoted_words_are_refused_before_quotes() {
        let (ran, result) = stages_run(&pipeline(), "\"a\" ".repeat(20_000));
        assert_eq!(refused(result), "limits.max_quote_marks");
        assert_eq!(ran, ["clean", "segment", "entities"]);
    }

    #[test]
    fn a_long_real_article_stays_within_every_bound() {
        let seed = include_str!("../seeds/004_29795408d260e6de.txt");
        let (ran, result) = stages_run(&pipeline(), seed.repeat(8));
        let doc = result.unwrap();
        assert_eq!(ran, ["clean", "segment", "entities", "quotes", "sentiment"]);
        assert!(!doc.quotes.is_empty());
    }

    #[test]
    fn a_body_that_is_not_english_skips_the_english_stages() {
        let german = "Die elektronische Patientenakte wird seit Jahren diskutiert, sagte Minister Jens Spahn. „Alle Ärzte und Krankenhäuser sollen bis zum nächsten Jahr an die neue Infrastruktur angeschlossen werden“, sagte er am Montag in Berlin vor der Presse.";
        let (ran, result) = stages_run(&pipeline(), german.to_owned());
        let doc = result.unwrap();
        assert_eq!(ran, ["clean", "segment"]);
        assert_eq!(doc.language, Language::Other);
        assert!(doc.entities.is_empty() && doc.quotes.is_empty());
        let seed = include_str!("../seeds/000_014238c15a46f1f0.txt");
        let doc = pipeline()
            .analyze(&Content::Text(seed.into()), &Options::default())
            .unwrap();
        assert_eq!(doc.language, Language::English);
    }

    #[test]
    fn apostrophes_inside_words_are_not_quote_marks() {
        assert_eq!(count_quote_marks("don't France’s"), 0);
        assert_eq!(count_quote_marks("'yes' “no” «si»"), 6);
    }

    #[test]
    fn segments_the_body() {
        let doc = pipeline()
            .analyze(&Content::Text("One. Two.".into()), &Options::default())
            .unwrap();
        assert_eq!(doc.sentences.len(), 2);
    }
}
