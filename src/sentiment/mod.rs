//! Sentiment of quotes, speakers and entities.
//!
//! Requires: sentences, entities, quotes and speakers. Assigns: `sentiment` on
//! each [`Quote`](crate::doc::Quote), [`SpeakerSentiment`](crate::doc::SpeakerSentiment)
//! and [`Entity`](crate::doc::Entity).
//!
//! Two linear models over VADER-style lexicon figures, hashed n-grams and the
//! text's mean word vector ([`features`], [`vectors`]), trained by [`train`]
//! and embedded from `data/sentiment/model.bin`:
//! - **text**: a regression of human valence (NYT snippets) and a three-class
//!   classifier of the same snippets, used for quotes and
//!   [`SentimentScorer::score_text`]: the classifier picks the label, the
//!   regression the size of the score ([`train::calibrated_score`]);
//! - **target**: a three-class classifier of the sentiment toward a span of a
//!   sentence (NewsMTSC), used for entities and [`SentimentScorer::score_target`].
//!
//! Labels: a score >= [`POSITIVE_CUTOFF`] is POSITIVE, <= -[`POSITIVE_CUTOFF`]
//! NEGATIVE, else NEUTRAL. A targeted label is the classifier's most likely
//! class and its score `p(pos) - p(neg)`. A speaker's score is the mean of its
//! quotes' scores weighted by quote length in characters; the label is MIXED
//! when one of its quotes scores >= [`STRONG`] and another <= -[`STRONG`].
//! An entity's score averages the class probabilities over the sentences that
//! mention it.

mod eval;
mod features;
mod io;
mod lexicon;
mod model;
mod terms;
mod train;
mod vectors;

pub use eval::{evaluate, MtscFigures, NytFigures, Report};
pub use train::{
    byte_offset, load_mtsc, load_nyt, load_other_rated, train, MtscSentence, MtscTarget, NytRow,
    OtherRatedSet, OTHER_RATED_DIR,
};

use crate::doc::{Doc, QuoteKind, Sentiment, SentimentLabel, Span};
use crate::error::Result;
use features::{add_target_sentence, add_text, target_part, Features, BITS, TEXT_BITS};
use lexicon::Lexicon;
use model::Scoring;
use terms::{ModelScore, TextScore, WordTerms, TARGET_OUTPUTS};

/// The embedded model, built by `textanalysis train sentiment`.
const MODEL: &[u8] = include_bytes!("../../data/sentiment/model.bin");

/// A score at or above this is POSITIVE, at or below its negative NEGATIVE.
pub const POSITIVE_CUTOFF: f32 = 0.05;

/// A quote this far from zero counts as a strong statement for MIXED: a
/// predicted human valence of about ±1.25 on the -4..4 scale (score =
/// 0.2 x valence), "clearly positive/negative" rather than leaning (27 % of
/// NYT snippets are rated beyond ±1 by people, 4 % beyond ±1.8).
pub const STRONG: f32 = 0.25;

/// Quotes shorter than this many words are scored in their framing clause.
pub const SHORT_QUOTE_WORDS: usize = 6;

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
#[derive(Clone, Debug)]
pub struct SentimentScorer {
    lexicon: Lexicon,
    models: Scoring,
    terms: WordTerms,
}

impl SentimentScorer {
    /// The scorer with its built-in lexicon and models.
    pub fn new() -> Result<SentimentScorer> {
        let lexicon = Lexicon::new();
        let models = Scoring::from_bytes(MODEL)?;
        let terms = WordTerms::new(&lexicon, &models.text, &models.target);
        Ok(SentimentScorer {
            lexicon,
            models,
            terms,
        })
    }

    /// The label of a score by the cut-offs.
    pub fn label(score: f32) -> SentimentLabel {
        if score >= POSITIVE_CUTOFF {
            SentimentLabel::Positive
        } else if score <= -POSITIVE_CUTOFF {
            SentimentLabel::Negative
        } else {
            SentimentLabel::Neutral
        }
    }

    /// Sentiment of a text (quote, sentence, headline).
    pub fn score_text(&self, text: &str) -> Sentiment {
        self.read_text(text).sentiment()
    }

    /// The text model's outputs for `text`.
    fn read_text(&self, text: &str) -> TextReading {
        let a = self.lexicon.analyze(text);
        if a.words.is_empty() {
            return TextReading::NEUTRAL;
        }
        let mut score = TextScore::new(&self.models.text, TEXT_BITS, Some(&self.terms.text));
        add_text(&self.lexicon, &a, &mut score);
        let out = score.finish();
        TextReading {
            valence: out[0] * 4.0,
            probs: train::softmax(&out[1..]),
        }
    }

    /// Class probabilities (negative, neutral, positive) toward the byte
    /// range `target` of `sentence`; out-of-range or mid-character offsets
    /// are clamped to the nearest valid ones.
    pub fn target_probs(&self, sentence: &str, target: (usize, usize)) -> [f32; 3] {
        let prepared = self.prepare(sentence);
        self.target_probs_prepared(&prepared, sentence, target, &mut Features::default())
    }

    /// [`SentimentScorer::target_probs`] over a sentence already prepared by
    /// [`SentimentScorer::prepare`], so a sentence mentioning several
    /// entities is analysed and its sentence-level features scored once.
    fn target_probs_prepared(
        &self,
        p: &Prepared<'_>,
        sentence: &str,
        target: (usize, usize),
        buf: &mut Features,
    ) -> [f32; 3] {
        let start = floor_boundary(sentence, target.0);
        let end = floor_boundary(sentence, target.1).max(start);
        buf.idx.clear();
        buf.val.clear();
        target_part(&p.analysis, &p.scope, sentence, (start, end), buf);
        let mut out = [0.0f32; 3];
        self.models.target.predict(buf, &mut out);
        for (o, s) in out.iter_mut().zip(p.logits) {
            *o += s;
        }
        train::softmax(&out)
    }

    /// A sentence's lexicon analysis, sentence-level target features and
    /// their share of the target model's logits.
    fn prepare<'a>(&self, sentence: &'a str) -> Prepared<'a> {
        let analysis = self.lexicon.analyze(sentence);
        let mut score =
            ModelScore::<TARGET_OUTPUTS>::new(&self.models.target, BITS, Some(&self.terms.target));
        let scope = add_target_sentence(&self.lexicon, &analysis, &mut score);
        Prepared {
            analysis,
            scope,
            logits: score.finish(),
        }
    }

    /// Most likely class toward `target`: 0 negative, 1 neutral, 2 positive.
    pub fn target_class(&self, sentence: &str, target: (usize, usize)) -> usize {
        argmax(&self.target_probs(sentence, target))
    }

    /// Sentiment toward the byte span `target` of `sentence`.
    pub fn score_target(&self, sentence: &str, target: Span) -> Sentiment {
        from_probs(&self.target_probs(sentence, (target.start(), target.end())))
    }

    /// Scores for `doc`'s quotes, speakers and entities.
    pub fn run(&self, doc: &Doc) -> Scores {
        let readings: Vec<TextReading> = (0..doc.quotes.len())
            .map(|i| self.read_quote(doc, i))
            .collect();
        let quotes: Vec<Option<Sentiment>> = readings.iter().map(|r| Some(r.sentiment())).collect();
        let speakers = doc
            .speakers
            .iter()
            .map(|s| {
                let parts = s.quotes.iter().filter_map(|&i| {
                    let q = doc.quotes.get(i)?;
                    let len: usize = q
                        .pieces()
                        .iter()
                        .map(|p| doc.body.get(p.range()).map_or(0, |t| t.chars().count()))
                        .sum();
                    Some((*readings.get(i)?, len))
                });
                aggregate(parts)
            })
            .collect();
        let mut prepared: Vec<Option<Prepared<'_>>> = Vec::new();
        prepared.resize_with(doc.sentences.len(), || None);
        let mut buf = Features::default();
        let entities = doc
            .entities
            .iter()
            .map(|e| self.entity(doc, &e.mentions, &mut prepared, &mut buf))
            .collect();
        Scores {
            quotes,
            speakers,
            entities,
        }
    }

    /// A quote's score. A partial quote or one of fewer than
    /// [`SHORT_QUOTE_WORDS`] words ("possible and necessary") takes its tone
    /// from the writer's clause that frames it: the sentence from its start,
    /// or from the end of an earlier quote in it, through the quote.
    fn read_quote(&self, doc: &Doc, i: usize) -> TextReading {
        let q = &doc.quotes[i];
        let text = q.text(&doc.body);
        let short = text.split_whitespace().count() < SHORT_QUOTE_WORDS;
        if !(short || q.kind == QuoteKind::Partial) {
            return self.read_text(&text);
        }
        let Some(si) = doc.sentence_at(q.span.start()) else {
            return self.read_text(&text);
        };
        let sentence = doc.sentences[si].span;
        let mut from = sentence.start();
        for other in &doc.quotes[..i] {
            if other.span.end() <= q.span.start() && other.span.end() > from {
                from = other.span.end();
            }
        }
        let to = q.span.end().max(from);
        match doc.body.get(from..to) {
            Some(context) if !context.trim().is_empty() => self.read_text(context),
            _ => self.read_text(&text),
        }
    }

    fn entity<'d>(
        &self,
        doc: &'d Doc,
        mentions: &[Span],
        prepared: &mut [Option<Prepared<'d>>],
        buf: &mut Features,
    ) -> Option<Sentiment> {
        let mut sum = [0.0f32; 3];
        let mut seen: Vec<usize> = Vec::new();
        for m in mentions {
            let Some(si) = doc.sentence_at(m.start()) else {
                continue;
            };
            if seen.contains(&si) {
                continue;
            }
            seen.push(si);
            let span = doc.sentences[si].span;
            let Some(sentence) = doc.body.get(span.range()) else {
                continue;
            };
            let end = m.end().min(span.end());
            let prep = prepared[si].get_or_insert_with(|| self.prepare(sentence));
            let p = self.target_probs_prepared(
                prep,
                sentence,
                (m.start() - span.start(), end - span.start()),
                buf,
            );
            for (s, v) in sum.iter_mut().zip(p) {
                *s += v;
            }
        }
        if seen.is_empty() {
            return None;
        }
        let n = seen.len() as f32;
        Some(from_probs(&sum.map(|s| s / n)))
    }
}

/// A sentence made ready for targeted scoring (see [`SentimentScorer::prepare`]).
struct Prepared<'a> {
    analysis: lexicon::Analysis<'a>,
    /// Negation scope of each word.
    scope: Vec<bool>,
    /// The sentence-level features' share of the target model's logits.
    logits: [f32; 3],
}

/// What the text model says of a text: predicted human valence (-4..4) and
/// the classifier's probabilities (negative, neutral, positive).
#[derive(Clone, Copy, Debug, PartialEq)]
struct TextReading {
    valence: f32,
    probs: [f32; 3],
}

impl TextReading {
    /// An empty text.
    const NEUTRAL: TextReading = TextReading {
        valence: 0.0,
        probs: [0.0, 1.0, 0.0],
    };

    fn sentiment(&self) -> Sentiment {
        let score = train::calibrated_score(self.valence, &self.probs);
        Sentiment {
            score,
            label: SentimentScorer::label(score),
        }
    }
}

/// A speaker's sentiment from `(reading, length)` of its quotes: the
/// length-weighted mean valence and class probabilities, scored as one text
/// would be (so a speaker with one quote gets that quote's score); MIXED when
/// one quote scores >= [`STRONG`] and another <= -[`STRONG`].
fn aggregate(parts: impl IntoIterator<Item = (TextReading, usize)>) -> Option<Sentiment> {
    let mut mean = TextReading {
        valence: 0.0,
        probs: [0.0; 3],
    };
    let (mut weight, mut max, mut min) = (0.0f32, f32::MIN, f32::MAX);
    for (reading, len) in parts {
        let w = len.max(1) as f32;
        mean.valence += reading.valence * w;
        for (m, p) in mean.probs.iter_mut().zip(reading.probs) {
            *m += p * w;
        }
        weight += w;
        let score = reading.sentiment().score;
        max = max.max(score);
        min = min.min(score);
    }
    if weight == 0.0 {
        return None;
    }
    mean.valence /= weight;
    mean.probs.iter_mut().for_each(|p| *p /= weight);
    let mut sentiment = mean.sentiment();
    if max >= STRONG && min <= -STRONG {
        sentiment.label = SentimentLabel::Mixed;
    }
    Some(sentiment)
}

fn argmax(p: &[f32; 3]) -> usize {
    let mut best = 0;
    for c in 1..3 {
        if p[c] > p[best] {
            best = c;
        }
    }
    best
}

fn from_probs(p: &[f32; 3]) -> Sentiment {
    let label = match argmax(p) {
        0 => SentimentLabel::Negative,
        2 => SentimentLabel::Positive,
        _ => SentimentLabel::Neutral,
    };
    Sentiment {
        score: p[2] - p[0],
        label,
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scorer adds up the text model's outputs with precomputed word
    /// terms; training uses feature lists with the mean vector. Both must
    /// give the same text outputs and the same target probabilities, for
    /// table words (found as such or folded), words outside every table,
    /// negated and non-ASCII words.
    #[test]
    fn word_terms_equal_the_training_features() {
        let s = scorer();
        for text in [
            "Sanctions have failed, and the talks ended in bitter deadlock.",
            "We don't trust zzqxvian promises; DÉTENTE isn't dead, never helped. Woohoos!",
            "Threatens",
        ] {
            let [trained, scored] = both_ways(&s, text, (4, 13));
            for (x, y) in trained.iter().zip(&scored) {
                assert!((x - y).abs() < 1e-4, "{text}: {trained:?} vs {scored:?}");
            }
            let mut plain = TextScore::new(&s.models.text, TEXT_BITS, None);
            add_text(&s.lexicon, &s.lexicon.analyze(text), &mut plain);
            let without = plain.finish();
            assert_ne!(
                without[..],
                scored[..model::TEXT_OUTPUTS],
                "{text}: the vectors contribute"
            );
        }
    }

    fn scorer() -> SentimentScorer {
        SentimentScorer::new().unwrap()
    }

    /// The text model's outputs and the target probabilities toward byte
    /// span `span` of `text`: by the training features, then by the scorer.
    fn both_ways(s: &SentimentScorer, text: &str, span: (usize, usize)) -> [Vec<f32>; 2] {
        let a = s.lexicon.analyze(text);
        let mut f = features::text_features(&s.lexicon, &a);
        features::add_vectors(&s.lexicon, &a, &mut f);
        let mut trained = vec![0.0f32; model::TEXT_OUTPUTS];
        s.models.text.predict(&f, &mut trained);
        let mut logits = [0.0f32; 3];
        let target = features::target_features(&s.lexicon, &a, text, span);
        s.models.target.predict(&target, &mut logits);
        trained.extend(train::softmax(&logits));
        let mut score = TextScore::new(&s.models.text, TEXT_BITS, Some(&s.terms.text));
        add_text(&s.lexicon, &a, &mut score);
        let mut scored = score.finish().to_vec();
        scored.extend(s.target_probs(text, span));
        [trained, scored]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(100))]
        /// The scorer's shortcuts (word rows, folding at build time, the
        /// ASCII scan) give what the training features give, whatever the
        /// words: table words, inflections, unknown, negated, capitalised,
        /// non-ASCII (whose lowercase may change length) and punctuated ones.
        #[test]
        fn scorer_equals_training_features_on_random_texts(
            picks in proptest::collection::vec(0usize..34, 1..25),
            target in 0usize..25,
        ) {
            use std::sync::OnceLock;
            static SCORER: OnceLock<SentimentScorer> = OnceLock::new();
            const POOL: [&str; 34] = [
                "Sanctions", "failed", "helped", "Woohoos", "ecstaticly", "DÉTENTE", "don't",
                "isn\u{2019}t", "never", "not", "good", "BAD", "zzqxv", "talks", "but", "very",
                "kind", "of", "\u{201c}trust\u{201d}", "peace,", "War!", "Über", "naïvely",
                "deaths", "U.S.", "...", "\u{2014}", "1999", "\u{130}stanbul", "threatens",
                "ease", "tensions.", "fines", "superb",
            ];
            let s = SCORER.get_or_init(scorer);
            let mut text = String::new();
            let mut spans = Vec::new();
            for &p in &picks {
                if !text.is_empty() {
                    text.push(' ');
                }
                spans.push((text.len(), text.len() + POOL[p].len()));
                text.push_str(POOL[p]);
            }
            let span = spans[target % spans.len()];
            let [trained, scored] = both_ways(s, &text, span);
            for (x, y) in trained.iter().zip(&scored) {
                proptest::prop_assert!((x - y).abs() < 1e-4, "{text:?}: {trained:?} vs {scored:?}");
            }
        }
    }

    #[test]
    fn aggregate_weighs_by_length() {
        let reading = |valence, probs| TextReading { valence, probs };
        let pos = reading(2.0, [0.1, 0.2, 0.7]);
        let neg = reading(-1.0, [0.6, 0.3, 0.1]);
        let s = aggregate([(pos, 30), (neg, 10)]).unwrap();
        assert!((s.score - valence_score(1.25)).abs() < 1e-6, "{s:?}");
        assert_eq!(s.label, SentimentLabel::Positive);
        let s = aggregate([(pos, 10), (neg, 30)]).unwrap();
        assert_eq!(s.label, SentimentLabel::Negative);
        assert_eq!(aggregate([(pos, 10)]), Some(pos.sentiment()), "one quote");
    }

    fn valence_score(v: f32) -> f32 {
        train::valence_to_score(v)
    }

    #[test]
    fn aggregate_is_mixed_with_strong_opposite_statements() {
        let strong = |valence: f32| TextReading {
            valence,
            probs: if valence > 0.0 {
                [0.0, 0.1, 0.9]
            } else {
                [0.9, 0.1, 0.0]
            },
        };
        let s = aggregate([(strong(3.0), 10), (strong(-3.0), 10)]).unwrap();
        assert_eq!(s.label, SentimentLabel::Mixed);
        assert_eq!(aggregate(std::iter::empty()), None);
    }

    fn doc_with_sentences(body: &str) -> Doc {
        let mut doc = Doc::new(body.to_owned(), crate::doc::InputFormat::Text);
        let (tokens, sentences) = crate::segment::Segmenter::new().run(&doc.body);
        doc.tokens = tokens;
        doc.sentences = sentences;
        doc
    }

    fn span_of(body: &str, needle: &str) -> Span {
        let start = body.find(needle).unwrap();
        Span::from_range(start..start + needle.len())
    }

    #[test]
    fn entity_sentiment_follows_the_sentences_that_mention_it() {
        let body = "Critics condemned Smith for the brutal, deadly crackdown. \
                    Fans praised Jones for her brilliant and generous work.";
        let mut doc = doc_with_sentences(body);
        for name in ["Smith", "Jones"] {
            doc.entities.push(crate::doc::Entity {
                name: name.to_owned(),
                kind: crate::doc::EntityType::Person,
                mentions: vec![span_of(body, name)],
                sentiment: None,
            });
        }
        let scores = scorer().run(&doc);
        assert_eq!(scores.entities[0].unwrap().label, SentimentLabel::Negative);
        assert_eq!(scores.entities[1].unwrap().label, SentimentLabel::Positive);
    }

    #[test]
    fn short_quote_takes_its_tone_from_the_framing_clause() {
        let body = "He welcomed the progress, calling the deal \u{201c}possible.\u{201d}";
        let mut doc = doc_with_sentences(body);
        doc.quotes.push(crate::doc::Quote {
            span: span_of(body, "possible."),
            fragments: vec![],
            kind: QuoteKind::Partial,
            speaker: None,
            speaker_span: None,
            cue: None,
            confidence: 1.0,
            sentiment: None,
        });
        let s = scorer();
        let in_context = s.run(&doc).quotes[0].unwrap();
        assert_eq!(
            in_context,
            s.score_text(&body[..body.find('.').unwrap() + 1])
        );
        assert_eq!(in_context.label, SentimentLabel::Positive);
    }

    #[test]
    fn odd_input_does_not_panic() {
        let s = scorer();
        for text in [
            "",
            " ",
            "\u{0}\u{ffff}",
            "!!!???",
            "é\u{301}",
            &"bad ".repeat(10_000),
        ] {
            let t = s.score_text(text);
            assert!((-1.0..=1.0).contains(&t.score));
            let _ = s.score_target(text, Span::new(1, 1000));
        }
    }
}
