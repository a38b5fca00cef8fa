//! The shared document model: one [`Doc`] per article, byte-offset [`Span`]s into
//! its body, and the annotations each stage adds.
//!
//! Every offset is a UTF-8 byte offset into [`Doc::body`], half-open. For
//! plain-text input, cleaning keeps ranges of the request text; [`SourceMap`]
//! maps body offsets back to the request text.

use serde::Serialize;
use std::fmt;

/// Half-open range `[start, end)` of UTF-8 byte offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Panics
    /// If `start > end`.
    pub fn new(start: u32, end: u32) -> Span {
        assert!(start <= end, "span start {start} > end {end}");
        Span { start, end }
    }

    /// A span from `usize` offsets, as produced by `str` APIs.
    ///
    /// # Panics
    /// If `start > end` or an offset exceeds `u32::MAX` (inputs are size-limited far below that).
    pub fn from_range(range: std::ops::Range<usize>) -> Span {
        let conv = |x: usize| u32::try_from(x).expect("input size is limited below 4 GiB");
        Span::new(conv(range.start), conv(range.end))
    }

    /// First byte, inclusive.
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// Byte after the last, exclusive.
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// As a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start()..self.end()
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span shifted right by `offset` bytes.
    pub fn shift(self, offset: usize) -> Span {
        Span::from_range(self.start() + offset..self.end() + offset)
    }
}

impl std::ops::Index<Span> for str {
    type Output = str;
    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// Coarse class of a token, decided by the tokenizer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum TokenKind {
    /// Letters, possibly with internal apostrophes, hyphens or dots ("France’s", "U.S.").
    Word,
    /// Digits, possibly with separators ("1,000", "3.5", "2+2").
    Number,
    /// A quote mark of any style.
    Quote,
    /// Any other punctuation or symbol, one character.
    Punct,
}

/// A token of the body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Token {
    /// Where the token is in the body.
    pub span: Span,
    /// Its class.
    pub kind: TokenKind,
}

/// A sentence of the body: its span and the tokens it holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Sentence {
    /// Where the sentence is in the body.
    pub span: Span,
    /// Index of its first token in [`Doc::tokens`].
    pub first_token: u32,
    /// Index one past its last token.
    pub end_token: u32,
}

impl Sentence {
    /// Token indices of the sentence.
    pub fn token_range(&self) -> std::ops::Range<usize> {
        self.first_token as usize..self.end_token as usize
    }
}

/// Kind of named entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A place.
    Location,
    /// Other names (nationalities, events, works).
    Misc,
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EntityType::Person => "PERSON",
            EntityType::Organization => "ORGANIZATION",
            EntityType::Location => "LOCATION",
            EntityType::Misc => "MISC",
        })
    }
}

/// Index of an entity in [`Doc::entities`].
pub type EntityId = usize;

/// One real-world referent and its mentions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Entity {
    /// Canonical name: the fullest correct form.
    pub name: String,
    /// Kind.
    pub kind: EntityType,
    /// Mention spans in the body, sorted.
    pub mentions: Vec<Span>,
    /// Tone of the sentences mentioning it; set by the sentiment stage.
    pub sentiment: Option<Sentiment>,
}

/// What sort of quotation a [`Quote`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum QuoteKind {
    /// A full quoted statement.
    Direct,
    /// A quoted phrase inside the writer's sentence.
    Partial,
    /// Quote marks with no speech act.
    Scare,
    /// Reported speech without quote marks.
    Indirect,
}

impl fmt::Display for QuoteKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            QuoteKind::Direct => "DIRECT",
            QuoteKind::Partial => "PARTIAL",
            QuoteKind::Scare => "SCARE",
            QuoteKind::Indirect => "INDIRECT",
        })
    }
}

/// A quotation and its attribution.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words (inside the marks); for a broken quote, first fragment start to last fragment end.
    pub span: Span,
    /// Fragments of a quote interrupted by its attribution; empty when one piece.
    pub fragments: Vec<Span>,
    /// Kind.
    pub kind: QuoteKind,
    /// The speaker entity, when resolved.
    pub speaker: Option<EntityId>,
    /// The mention (name, pronoun, description) that attributes it.
    pub speaker_span: Option<Span>,
    /// The speech cue ("said", "according to").
    pub cue: Option<Span>,
    /// Confidence in the attribution, 0..1.
    pub confidence: f32,
    /// Tone of the quoted words; set by the sentiment stage.
    pub sentiment: Option<Sentiment>,
}

impl Quote {
    /// The quote's pieces: its fragments, or its span when it is one piece.
    pub fn pieces(&self) -> &[Span] {
        if self.fragments.is_empty() {
            std::slice::from_ref(&self.span)
        } else {
            &self.fragments
        }
    }

    /// The quoted text, fragments joined by a space.
    pub fn text(&self, body: &str) -> String {
        let mut text = String::new();
        for piece in self.pieces() {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&body[*piece]);
        }
        text
    }
}

/// Label of a sentiment score.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
pub enum SentimentLabel {
    /// Clearly negative.
    Negative,
    /// Neither.
    Neutral,
    /// Clearly positive.
    Positive,
    /// Both strongly positive and strongly negative statements.
    Mixed,
}

impl fmt::Display for SentimentLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SentimentLabel::Negative => "NEGATIVE",
            SentimentLabel::Neutral => "NEUTRAL",
            SentimentLabel::Positive => "POSITIVE",
            SentimentLabel::Mixed => "MIXED",
        })
    }
}

/// A sentiment score in [-1, 1] with its label.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Sentiment {
    /// -1 most negative .. 1 most positive.
    pub score: f32,
    /// Label.
    pub label: SentimentLabel,
}

/// A speaker's quotes and aggregate tone.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerSentiment {
    /// The speaker entity.
    pub entity: EntityId,
    /// Indices into [`Doc::quotes`] attributed to the speaker (SCARE quotes excluded).
    pub quotes: Vec<usize>,
    /// Aggregate tone weighted by quote length; set by the sentiment stage.
    pub sentiment: Option<Sentiment>,
}

/// A block of the input that cleaning removed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RemovedBlock {
    /// Offsets into the request text (plain-text input), when known.
    pub source_span: Option<Span>,
    /// Why, e.g. "navigation" or "share-prompt".
    pub reason: &'static str,
    /// The removed text (a hard-wrapped paragraph's lines joined).
    pub text: String,
}

/// Maps body offsets back to offsets in the request text, for plain-text input
/// where the body is made of kept ranges of the input.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SourceMap {
    /// `(body_start, source_start, len)` runs, sorted by `body_start`.
    runs: Vec<(u32, u32, u32)>,
}

impl SourceMap {
    /// The identity map over `len` bytes.
    pub fn identity(len: usize) -> SourceMap {
        let mut map = SourceMap::default();
        map.push(0, 0, len);
        map
    }

    /// Record that `len` body bytes from `body_start` are copied from `source_start`.
    pub fn push(&mut self, body_start: usize, source_start: usize, len: usize) {
        let conv = |x: usize| u32::try_from(x).expect("input size is limited below 4 GiB");
        if let Some(last) = self.runs.last() {
            debug_assert!(
                last.0 + last.2 <= conv(body_start),
                "runs pushed in body order"
            );
        }
        self.runs
            .push((conv(body_start), conv(source_start), conv(len)));
    }

    /// The source span of a body span, when both ends fall in copied runs.
    pub fn to_source(&self, span: Span) -> Option<Span> {
        let start = self.offset(span.start(), false)?;
        let end = self.offset(span.end(), true)?;
        (start <= end).then(|| Span::from_range(start..end))
    }

    fn offset(&self, body_offset: usize, is_end: bool) -> Option<usize> {
        let pos = body_offset as u32;
        let idx = self.runs.partition_point(|run| {
            if is_end {
                run.0 + run.2 < pos
            } else {
                run.0 + run.2 <= pos
            }
        });
        let run = self.runs.get(idx)?;
        (run.0 <= pos).then(|| (run.1 + (pos - run.0)) as usize)
    }
}

/// How the article's content was given.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum InputFormat {
    /// Plain text.
    Text,
    /// Raw HTML.
    Html,
}

/// One analysed article. Cleaning creates it; every later stage reads it and
/// the pipeline writes each stage's result into its own field.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Doc {
    /// The article body after cleaning; every [`Span`] refers into it.
    pub body: String,
    /// Headline, when found.
    pub title: String,
    /// Author(s), when found.
    pub author: String,
    /// Publication date, ISO 8601, when found.
    pub published: String,
    /// Kept blocks of the body.
    pub paragraphs: Vec<Span>,
    /// Blocks of the input that cleaning removed.
    pub removed: Vec<RemovedBlock>,
    /// Body offsets to request-text offsets (plain-text input only).
    pub source_map: Option<SourceMap>,
    /// How the input was given.
    pub input_format: InputFormat,
    /// Charset the HTML was decoded from.
    pub charset: String,
    /// The body's language; when it is not English the English-only stages
    /// do not run ([`crate::language`]).
    pub language: crate::language::Language,
    /// Tokens, sorted and disjoint.
    pub tokens: Vec<Token>,
    /// Sentences, sorted and disjoint.
    pub sentences: Vec<Sentence>,
    /// Entities in order of first mention.
    pub entities: Vec<Entity>,
    /// Quotes in body order.
    pub quotes: Vec<Quote>,
    /// Speakers in order of first quote.
    pub speakers: Vec<SpeakerSentiment>,
}

impl Doc {
    /// The first broken invariant of the annotations, if any: every span inside
    /// the body and on char boundaries, tokens and sentences sorted and disjoint,
    /// quotes in body order, indices in range. Property tests and the fuzz target
    /// call it after every analysis.
    pub fn check_spans(&self) -> std::result::Result<(), String> {
        let span_ok = |span: Span, what: &str| {
            if span.end() > self.body.len() {
                return Err(format!("{what} {span:?} past body end {}", self.body.len()));
            }
            if !self.body.is_char_boundary(span.start()) || !self.body.is_char_boundary(span.end())
            {
                return Err(format!("{what} {span:?} not on a char boundary"));
            }
            Ok(())
        };
        let sorted = |spans: &mut dyn Iterator<Item = Span>, what: &str| {
            let all: Vec<Span> = spans.collect();
            match all.windows(2).find(|p| p[0].end() > p[1].start()) {
                Some(p) => Err(format!(
                    "{what} not sorted and disjoint: {:?} {:?}",
                    p[0], p[1]
                )),
                None => all.iter().try_for_each(|&s| span_ok(s, what)),
            }
        };
        sorted(&mut self.tokens.iter().map(|t| t.span), "token")?;
        sorted(&mut self.sentences.iter().map(|s| s.span), "sentence")?;
        self.paragraphs
            .iter()
            .try_for_each(|&p| span_ok(p, "paragraph"))?;
        for entity in &self.entities {
            if entity.mentions.is_empty() {
                return Err(format!("entity {:?} without mentions", entity.name));
            }
            entity
                .mentions
                .iter()
                .try_for_each(|&m| span_ok(m, "mention"))?;
        }
        if let Some(p) = self
            .quotes
            .windows(2)
            .find(|p| p[0].span.start() > p[1].span.start())
        {
            return Err(format!(
                "quotes out of body order: {:?} {:?}",
                p[0].span, p[1].span
            ));
        }
        for quote in &self.quotes {
            span_ok(quote.span, "quote")?;
            quote
                .fragments
                .iter()
                .try_for_each(|&f| span_ok(f, "quote fragment"))?;
            if quote.speaker.is_some_and(|s| s >= self.entities.len()) {
                return Err(format!("quote {:?} speaker index out of range", quote.span));
            }
            [quote.speaker_span, quote.cue]
                .into_iter()
                .flatten()
                .try_for_each(|s| span_ok(s, "attribution"))?;
        }
        for speaker in &self.speakers {
            if speaker.entity >= self.entities.len()
                || speaker.quotes.iter().any(|&q| q >= self.quotes.len())
            {
                return Err(format!("speaker {} refers out of range", speaker.entity));
            }
        }
        Ok(())
    }

    /// A document whose body is `body`, with no annotations yet.
    pub fn new(body: String, input_format: InputFormat) -> Doc {
        Doc {
            body,
            title: String::new(),
            author: String::new(),
            published: String::new(),
            paragraphs: Vec::new(),
            removed: Vec::new(),
            source_map: None,
            input_format,
            charset: String::new(),
            language: crate::language::Language::English,
            tokens: Vec::new(),
            sentences: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            speakers: Vec::new(),
        }
    }

    /// The body text of a span.
    pub fn text(&self, span: Span) -> &str {
        &self.body[span.range()]
    }

    /// The request-text span of a body span (plain-text input only).
    pub fn source_span(&self, span: Span) -> Option<Span> {
        self.source_map.as_ref()?.to_source(span)
    }

    /// Token indices covered by `span`, by alignment mode.
    pub fn tokens_in(&self, span: Span, align: Align) -> std::ops::Range<usize> {
        let tokens = &self.tokens;
        match align {
            Align::Strict | Align::Contract => {
                let first = tokens.partition_point(|t| t.span.start() < span.start());
                let end = tokens.partition_point(|t| t.span.end() <= span.end());
                first..end.max(first)
            }
            Align::Expand => {
                let first = tokens.partition_point(|t| t.span.end() <= span.start());
                let end = tokens.partition_point(|t| t.span.start() < span.end());
                first..end.max(first)
            }
        }
    }

    /// Index of the sentence holding byte `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let idx = self.sentences.partition_point(|s| s.span.end() <= offset);
        (idx < self.sentences.len() && self.sentences[idx].span.start() <= offset).then_some(idx)
    }
}

/// How [`Doc::tokens_in`] treats tokens cut by the span's edges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Only tokens wholly inside (same as `Contract`; kept for spaCy-like naming).
    Strict,
    /// Only tokens wholly inside.
    Contract,
    /// Every token the span touches.
    Expand,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_spans_finds_spans_past_the_body_and_inside_characters() {
        let mut doc = Doc::new("Zoë said.".to_owned(), InputFormat::Text);
        assert_eq!(doc.check_spans(), Ok(()));
        doc.paragraphs = vec![Span::new(0, 3)]; // inside "ë"
        assert!(doc.check_spans().unwrap_err().contains("char boundary"));
        doc.paragraphs = vec![Span::new(0, 40)];
        assert!(doc.check_spans().unwrap_err().contains("past body end"));
    }

    #[test]
    fn span_indexes_str() {
        let text = "Le Drian said";
        assert_eq!(&text[Span::new(0, 8)], "Le Drian");
    }

    #[test]
    #[should_panic(expected = "span start 3 > end 2")]
    fn span_rejects_reversed_range() {
        let _ = Span::new(3, 2);
    }

    #[test]
    fn source_map_maps_across_runs() {
        let mut map = SourceMap::default();
        map.push(0, 10, 5); // body 0..5 <- source 10..15
        map.push(7, 30, 4); // body 7..11 <- source 30..34
        assert_eq!(map.to_source(Span::new(1, 4)), Some(Span::new(11, 14)));
        assert_eq!(map.to_source(Span::new(7, 11)), Some(Span::new(30, 34)));
        assert_eq!(map.to_source(Span::new(0, 5)), Some(Span::new(10, 15)));
        // Ends inside the separator between runs: unmappable.
        assert_eq!(map.to_source(Span::new(6, 8)), None);
    }

    #[test]
    fn quote_text_joins_fragments() {
        let body = "\"A,\" he said, \"B.\"";
        let quote = Quote {
            span: Span::new(1, 16),
            fragments: vec![Span::new(1, 3), Span::new(15, 17)],
            kind: QuoteKind::Direct,
            speaker: None,
            speaker_span: None,
            cue: None,
            confidence: 0.0,
            sentiment: None,
        };
        assert_eq!(quote.text(body), "A, B.");
    }
}
