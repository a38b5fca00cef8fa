//! Indirect speech: reported content without quote marks ("X said that …",
//! "X told reporters that …", "according to X, …", "…, according to X.").
//! Sentences holding a marked quote are left to the marked quote.

use super::coref::{Ctx, Mention, Said};
use super::cues::{cue_at, is_reporting, CueKind};
use crate::doc::{Quote, QuoteKind, Span};

/// Fewest words of reported content.
const MIN_WORDS: usize = 4;

/// Indirect quotes of the document.
pub fn find(ctx: &Ctx, said: &[Said]) -> Vec<Quote> {
    let mut out = Vec::new();
    for s in ctx.sentences {
        let (first, end) = (s.first_token as usize, s.end_token as usize);
        if (first..end)
            .any(|i| ctx.token_in_zone(i) || ctx.tokens[i].kind == crate::doc::TokenKind::Quote)
        {
            continue;
        }
        if let Some(q) = in_sentence(ctx, first, end, said) {
            out.push(q);
        }
    }
    out
}

fn content(ctx: &Ctx, from: usize, to: usize) -> Option<Span> {
    let mut to = to;
    while to > from && !ctx.is_word(to - 1) {
        to -= 1;
    }
    (to > from && (from..to).filter(|&i| ctx.is_word(i)).count() >= MIN_WORDS)
        .then(|| ctx.span(from, to))
}

fn quote(ctx: &Ctx, span: Span, cue: Span, mention: Mention, said: &[Said]) -> Quote {
    let resolved = ctx.resolve(&mention, said);
    Quote {
        span,
        fragments: Vec::new(),
        kind: QuoteKind::Indirect,
        speaker: resolved.map(|r| r.0),
        speaker_span: Some(ctx.span(mention.first, mention.end)),
        cue: Some(cue),
        confidence: resolved.map_or(0.0, |r| r.1 * 0.8),
        sentiment: None,
    }
}

fn in_sentence(ctx: &Ctx, first: usize, end: usize, said: &[Said]) -> Option<Quote> {
    for c in first..end {
        let w = ctx.word(c);
        let next = if c + 1 < end { ctx.word(c + 1) } else { "" };
        if let Some((n, CueKind::According)) = cue_at(&[w, next]) {
            let m = ctx.mention_starting_at(c + n, end)?;
            let cue = ctx.span(c, c + n);
            if c == first || (c == first + 1 && !ctx.is_word(first)) {
                // "According to X, content."
                let comma = (m.end..end).find(|&i| ctx.word(i) == ",")?;
                let span = content(ctx, comma + 1, end)?;
                return Some(quote(ctx, span, cue, m, said));
            }
            if c > first && ctx.word(c - 1) == "," && m.end + 1 >= end {
                // "Content, according to X."
                let span = content(ctx, first, c - 1)?;
                return Some(quote(ctx, span, cue, m, said));
            }
            return None;
        }
        if !is_reporting(w) {
            continue;
        }
        // "X said that …" / "X told reporters that …"
        let that = (c + 1..(c + 6).min(end)).find(|&i| ctx.word(i).eq_ignore_ascii_case("that"))?;
        if (c + 1..that).any(|i| !ctx.is_word(i)) {
            return None;
        }
        let m = super::attribution::subject_before(ctx, c, first)?;
        let span = content(ctx, that + 1, end)?;
        return Some(quote(ctx, span, ctx.span(c, c + 1), m, said));
    }
    None
}
