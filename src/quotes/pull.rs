//! Pull quotes: a statement set apart on a line of its own without quote marks,
//! as pages display a blockquote, and as it survives copying the page to text.
//!
//! A line is taken for one only when it looks like a displayed statement (one
//! line, six words or more, no closing punctuation, no quote marks) and echoes
//! words the article quotes elsewhere: a quoted phrase of the headline
//! ("‘Time has come’: ...") or five words running of a quote in the body.
//! Its speaker is the one quoted with those words, else the person the text
//! was talking about just before it.

use super::coref::{Ctx, Said};
use super::marks;
use crate::doc::{EntityId, Quote, QuoteKind, Span};

/// Fewest words of a pull quote.
const MIN_WORDS: usize = 6;
/// Most words of a pull quote: longer lines are paragraphs.
const MAX_WORDS: usize = 60;
/// Words a body quote and the line must share in a row.
const BODY_ECHO_WORDS: usize = 5;
/// Words a headline's quoted phrase needs to count (two-word phrases are too common).
const TITLE_ECHO_WORDS: usize = 3;

/// Lowercase alphanumeric words of `text`.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `needle` occurs in `hay` as consecutive words.
fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Whether `a` and `b` share `n` consecutive words.
fn share_run(a: &[String], b: &[String], n: usize) -> bool {
    a.len() >= n && b.len() >= n && a.windows(n).any(|w| contains_run(b, w))
}

/// A line shaped like a displayed statement rather than a paragraph or a heading.
fn displayed_statement(line: &str) -> bool {
    let count = line.split_whitespace().count();
    let last = line.chars().next_back();
    (MIN_WORDS..=MAX_WORDS).contains(&count)
        && !line.contains('\n')
        && line.chars().next().is_some_and(char::is_uppercase)
        && !last.is_some_and(|c| ".!?…:;,".contains(c))
        && !line.chars().any(crate::segment::is_quote_char)
}

/// Pull quotes of the body, given the quotes already found and the headline.
pub fn find(
    ctx: &Ctx,
    title: &str,
    paragraphs: &[Span],
    quotes: &[Quote],
    said: &[Said],
) -> Vec<Quote> {
    let title_phrases: Vec<Vec<String>> = if title.is_empty() {
        Vec::new()
    } else {
        marks::find(title, &[Span::from_range(0..title.len())])
            .iter()
            .flat_map(|m| m.pieces.iter().map(|&p| words(&title[p])))
            .filter(|w| w.len() >= TITLE_ECHO_WORDS)
            .collect()
    };
    let body_quotes: Vec<(Vec<String>, Option<EntityId>)> = quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Scare)
        .map(|q| (words(&q.text(ctx.body)), q.speaker))
        .filter(|(w, _)| w.len() >= BODY_ECHO_WORDS)
        .collect();
    if title_phrases.is_empty() && body_quotes.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for &para in paragraphs {
        let raw = &ctx.body[para];
        let line = raw.trim();
        if !displayed_statement(line) || quotes.iter().any(|q| q.span.overlaps(para)) {
            continue;
        }
        let lead = raw.len() - raw.trim_start().len();
        let span = Span::from_range(para.start() + lead..para.start() + lead + line.len());
        let line_words = words(line);
        let echoed = body_quotes
            .iter()
            .find(|(w, _)| share_run(&line_words, w, BODY_ECHO_WORDS));
        let (speaker, confidence) = match echoed {
            Some(&(_, Some(id))) => (Some(id), 0.6),
            Some(&(_, None)) => (ctx.salient(span.start(), None, said), 0.4),
            None if title_phrases.iter().any(|p| contains_run(&line_words, p)) => {
                (ctx.salient(span.start(), None, said), 0.5)
            }
            None => continue,
        };
        out.push(Quote {
            span,
            fragments: Vec::new(),
            kind: QuoteKind::Direct,
            speaker,
            speaker_span: None,
            cue: None,
            confidence: if speaker.is_some() { confidence } else { 0.0 },
            sentiment: None,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displayed_statements_are_single_unpunctuated_lines() {
        assert!(displayed_statement(
            "The moment has arrived, the moment is right, to rebuild trust"
        ));
        assert!(!displayed_statement("Short line here"));
        assert!(!displayed_statement(
            "The moment has arrived, the moment is right, to rebuild trust."
        ));
        assert!(!displayed_statement(
            "“The moment has arrived, the moment is right, to rebuild trust”"
        ));
        assert!(!displayed_statement(
            "the moment has arrived, the moment is right, to rebuild trust"
        ));
    }

    #[test]
    fn runs_of_words_are_matched_whole() {
        let a = words("The moment has arrived, to rebuild trust");
        assert!(contains_run(&a, &words("moment has arrived")));
        assert!(!contains_run(&a, &words("moment arrived")));
        assert!(share_run(&a, &words("we said to rebuild trust now"), 3));
        assert!(!share_run(&a, &words("rebuild the trust"), 2));
    }
}
