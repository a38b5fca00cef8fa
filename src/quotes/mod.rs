//! Quotations and their speakers.
//!
//! Requires: tokens, sentences and entities. Assigns: [`Doc::quotes`](crate::doc::Doc::quotes)
//! and, through [`speakers`], [`Doc::speakers`](crate::doc::Doc::speakers).
//!
//! 1. [`marks`] pairs quote marks of every style paragraph by paragraph.
//! 2. [`attribution`] finds each quote's speech cue ([`cues`]) and speaker
//!    mention around it; [`coref`] resolves names, pronouns and descriptions (through
//!    titles learned per article, [`roles`]) to
//!    entities. A quote-only sentence or paragraph continues the previous speaker.
//! 3. Quotes interrupted by their attribution (`"A," he said, "B."`) are joined
//!    into fragments of one quote; each quote gets its [`QuoteKind`].
//! 4. Optionally, [`indirect`] adds reported speech ("X said that ...").
//!
//! A speaker is set only when a mention resolves to an entity of the entities
//! stage; otherwise it stays empty, never guessed.

pub mod attribution;
pub mod coref;
pub mod cues;
pub mod eval;
pub mod indirect;
pub mod marks;
pub mod pull;
pub mod roles;

use crate::doc::{Doc, EntityId, Quote, QuoteKind, Sentence, Span, SpeakerSentiment, Token};
use crate::error::Result;
use attribution::{attribute, sentence_initial, Found, Place};
use coref::{Ctx, Mention, Said};

/// Longest heading (in words) whose quotes are titles, not quotations.
const HEADING_WORDS: usize = 25;
/// Quotes of at most this many words with no speech cue are scare quotes.
const SCARE_WORDS: usize = 4;

/// Settings of the quote stage (`quotes` in the config file).
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Also report indirect speech ("X said that ...") as INDIRECT quotes.
    /// Off by default: gold sets of direct quotes count them as false positives.
    pub indirect: bool,
}

/// Finds quotations and attributes them. Build once and share.
#[derive(Clone, Debug, Default)]
pub struct QuoteExtractor {
    indirect: bool,
}

/// A quote being built.
#[derive(Clone, Debug)]
struct Draft {
    marked: marks::Marked,
    place: Place,
    found: Option<Found>,
    speaker: Option<EntityId>,
    speaker_span: Option<Span>,
    confidence: f32,
    kind: QuoteKind,
}

impl Draft {
    /// A direct quote whose speaker is mention `m` outside its sentence,
    /// resolved with `confidence`.
    fn spoken_by(&mut self, ctx: &Ctx, m: &Mention, said: &[Said], confidence: f32) {
        self.speaker_span = Some(ctx.span(m.first, m.end));
        self.speaker = ctx.resolve(m, said).map(|(id, _)| id);
        self.confidence = confidence;
        self.kind = QuoteKind::Direct;
    }
}

impl QuoteExtractor {
    /// The extractor (marked quotes only; see [`QuoteExtractor::with_indirect`]).
    pub fn new() -> Result<QuoteExtractor> {
        cues::warm();
        roles::warm();
        Ok(QuoteExtractor { indirect: false })
    }

    /// Also report indirect speech ("X said that ...") as [`QuoteKind::Indirect`].
    pub fn with_indirect(mut self, indirect: bool) -> QuoteExtractor {
        self.indirect = indirect;
        self
    }

    /// Quotes of `doc` in body order.
    pub fn run(&self, doc: &Doc) -> Vec<Quote> {
        debug_assert!(
            doc.entities
                .iter()
                .all(|e| e.mentions.iter().all(|m| m.end() <= doc.body.len())),
            "entity mentions lie inside the body"
        );
        if doc.body.trim().is_empty() {
            return Vec::new();
        }
        let owned;
        let (tokens, sentences): (&[Token], &[Sentence]) = if doc.tokens.is_empty() {
            owned = crate::segment::Segmenter::new().run(&doc.body);
            (&owned.0, &owned.1)
        } else {
            (&doc.tokens, &doc.sentences)
        };
        if tokens.is_empty() || sentences.is_empty() {
            return Vec::new();
        }
        let paragraphs = if doc.paragraphs.is_empty() {
            crate::clean::line_blocks(&doc.body)
        } else {
            doc.paragraphs.clone()
        };
        let heading: Vec<bool> = paragraphs
            .iter()
            .map(|&p| is_heading(doc.text(p)))
            .collect();
        let marked: Vec<marks::Marked> = marks::find(&doc.body, &paragraphs)
            .into_iter()
            .filter(|m| !heading[m.paragraph])
            .collect();
        let zones = marked.iter().map(|m| (m.open, m.close)).collect();
        let ctx = Ctx::new(doc, tokens, sentences, zones);
        let mut said: Vec<Said> = Vec::new();
        let mut drafts: Vec<Draft> = Vec::with_capacity(marked.len());
        let listed = listed(&doc.body, &marked);
        for (m, listed) in marked.into_iter().zip(listed) {
            let draft = self.attribute(&ctx, m, listed, &drafts, &said, &paragraphs);
            if let Some(speaker) = draft.speaker {
                said.push(Said {
                    sentence: ctx.sentence_of(draft.marked.open),
                    pos: draft.marked.open,
                    speaker,
                });
            }
            drafts.push(draft);
        }
        let drafts = join_fragments(&ctx, drafts);
        let mut quotes: Vec<Quote> = drafts.into_iter().map(|d| finish(&ctx, d)).collect();
        let pulled = pull::find(&ctx, &doc.title, &paragraphs, &quotes, &said);
        quotes.extend(pulled);
        if self.indirect {
            quotes.extend(indirect::find(&ctx, &said));
        }
        quotes.sort_by_key(|q| q.span);
        quotes
    }

    /// The draft of `marked`; `listed` when it is one of a list of quotes
    /// (see [`listed`]), which makes it a label.
    fn attribute(
        &self,
        ctx: &Ctx,
        marked: marks::Marked,
        listed: bool,
        earlier: &[Draft],
        said: &[Said],
        paragraphs: &[Span],
    ) -> Draft {
        let tokens = ctx.tokens;
        let open = tokens.partition_point(|t| t.span.start() < marked.open);
        let after = tokens.partition_point(|t| t.span.start() < marked.close);
        let s_open = ctx.sentence_of(marked.open);
        let s_close = ctx.sentence_of(marked.close.saturating_sub(1).max(marked.open));
        let place = Place {
            left: (ctx.sentences[s_open].first_token as usize).min(open),
            open,
            after,
            right: (ctx.sentences[s_close].end_token as usize).max(after),
        };
        let found = attribute(ctx, &place)
            .or_else(|| introduced(ctx, &place, paragraphs, marked.paragraph))
            .or_else(|| attributed_after_exclamation(ctx, &place, &marked, s_close));
        let mut draft = Draft {
            marked,
            place,
            found,
            speaker: None,
            speaker_span: None,
            confidence: 0.0,
            kind: QuoteKind::Direct,
        };
        let words = word_count(ctx, &draft.marked.pieces);
        let initial = sentence_initial(ctx, &place);
        // A whole sentence in quotes ("Nobody should doubt that.") is a statement, however short.
        let sentence = initial
            && draft
                .marked
                .pieces
                .last()
                .is_some_and(|&p| ctx.body[p].trim_end().ends_with(['.', '!', '?', '…']));
        if let Some(f) = found {
            if let Some(m) = f.mention {
                draft.speaker_span = Some(ctx.span(m.first, m.end));
                if let Some((id, conf)) = ctx.resolve(&m, said) {
                    draft.speaker = Some(id);
                    draft.confidence = conf;
                }
            } else if let Some(prev) = earlier
                .last()
                .filter(|p| p.speaker.is_some() && ctx.sentence_of(p.marked.open) == s_open)
            {
                // "… said Parly, but added …, “…”": the same sentence's speaker.
                draft.speaker = prev.speaker;
                draft.speaker_span = prev.speaker_span;
                draft.confidence = 0.6;
            }
            draft.kind = if initial {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
        } else if let Some(m) = initial
            .then(|| source_named_after(ctx, &draft.marked, paragraphs))
            .flatten()
        {
            draft.spoken_by(ctx, &m, said, 0.5);
        } else if let Some(prev) =
            continued(ctx, &draft, earlier, paragraphs, initial, words, sentence)
        {
            draft.speaker = prev.speaker;
            draft.speaker_span = prev.speaker_span;
            draft.confidence = 0.6;
            draft.kind = QuoteKind::Direct;
        } else if let Some((m, (id, conf))) = (initial && sentence)
            .then(|| {
                attribution_closing_previous_sentence(
                    ctx,
                    &place,
                    paragraphs,
                    draft.marked.paragraph,
                )
            })
            .flatten()
            .and_then(|m| Some((m, ctx.resolve(&m, said)?)))
        {
            draft.speaker_span = Some(ctx.span(m.first, m.end));
            draft.speaker = Some(id);
            draft.confidence = conf.min(0.6);
            draft.kind = QuoteKind::Direct;
        } else if let Some(m) = (initial && sentence)
            .then(|| {
                subject_of_previous_sentence(ctx, &place, paragraphs, draft.marked.paragraph)
                    .or_else(|| reporter_of_previous_paragraph(ctx, &draft.marked, paragraphs))
            })
            .flatten()
        {
            draft.spoken_by(ctx, &m, said, 0.5);
        } else if let Some(m) =
            named_in_next_paragraph(ctx, &draft.marked, paragraphs, earlier.is_empty())
        {
            draft.spoken_by(ctx, &m, said, 0.4);
        } else if words <= SCARE_WORDS && !sentence {
            draft.kind = QuoteKind::Scare;
        } else {
            draft.kind = if initial {
                QuoteKind::Direct
            } else {
                QuoteKind::Partial
            };
        }
        if listed
            || draft.kind != QuoteKind::Direct && looks_like_label(ctx, &draft, words)
            || is_performed_title(ctx, &draft)
        {
            draft.kind = QuoteKind::Scare;
        }
        if draft.kind == QuoteKind::Scare {
            draft.speaker = None;
            draft.speaker_span = None;
            draft.confidence = 0.0;
        }
        draft
    }
}

/// "Smith said:" closing the previous paragraph introduces a quote that opens its paragraph.
fn introduced(ctx: &Ctx, place: &Place, paragraphs: &[Span], p: usize) -> Option<Found> {
    let prev = paragraphs.get(p.checked_sub(1)?)?;
    if !ctx.body[*prev].trim_end().ends_with(':') || !sentence_initial(ctx, place) {
        return None;
    }
    let s = ctx.sentence_of(prev.end().saturating_sub(1));
    let widened = Place {
        left: ctx.sentences[s].first_token as usize,
        ..*place
    };
    attribution::attribute(ctx, &widened).filter(|f| f.mention.is_some() && !f.immediate)
}

/// Fewest quotes in a row, joined only by commas, "and" or "or", that make
/// a list of titles or terms rather than quotations.
const LIST_QUOTES: usize = 3;

/// For each marked quote, whether it belongs to a list ("including “Listen
/// To The Music,” “China Grove” and “Black Water”"): song and book titles,
/// slogans, terms. Nobody says them; they are labels.
fn listed(body: &str, marked: &[marks::Marked]) -> Vec<bool> {
    let joined = |a: &marks::Marked, b: &marks::Marked| {
        a.pieces.len() == 1
            && b.pieces.len() == 1
            && body.get(a.close..b.open).is_some_and(|gap| {
                // "“A,” “B”", "“A”, “B”" or "“A” and “B”", in one paragraph;
                // "“A.” “B.”" are two sentences of speech.
                let comma_inside = body[a.pieces[0]].ends_with(',');
                let joiner =
                    comma_inside || gap.contains(',') || gap.contains("and") || gap.contains("or");
                let mut words = gap.split(|c: char| c.is_whitespace() || c == ',');
                !gap.contains('\n')
                    && joiner
                    && words.all(|w| w.is_empty() || w == "and" || w == "or")
            })
    };
    let mut out = vec![false; marked.len()];
    let mut start = 0;
    for i in 1..=marked.len() {
        if i < marked.len() && joined(&marked[i - 1], &marked[i]) {
            continue;
        }
        if i - start >= LIST_QUOTES {
            out[start..i].fill(true);
        }
        start = i;
    }
    out
}

/// "“… Kentucky!” Trump tweeted.": a quote that ends in `!` or `?` ends its
/// sentence for the segmenter, which puts the attribution right after it in
/// the next one. Only an attribution that directly follows the mark counts.
fn attributed_after_exclamation(
    ctx: &Ctx,
    place: &Place,
    marked: &marks::Marked,
    s_close: usize,
) -> Option<Found> {
    let exclaims = marked.pieces.last().is_some_and(|&p| {
        // Past the closing marks of a quote inside it: "… you know?’”".
        ctx.body[p]
            .trim_end_matches(|c: char| c.is_whitespace() || "’'\"”»)".contains(c))
            .ends_with(['!', '?'])
    });
    let next = ctx.sentences.get(s_close + 1)?;
    let next_start = ctx.tokens.get(place.after)?.span.start();
    let same_paragraph = !ctx
        .body
        .get(marked.close..next_start)
        .is_some_and(|gap| gap.contains('\n'));
    if !exclaims
        || !same_paragraph
        || place.right != place.after
        || next.first_token as usize != place.after
    {
        return None;
    }
    let widened = Place {
        right: next.end_token as usize,
        ..*place
    };
    // "Trump tweeted", "said Trump": the name (after its titles: "Mr.
    // Ramesh said") or the verb opens the sentence.
    let opens = |f: &Found| {
        f.mention.is_some_and(|m| {
            (place.after..m.first).all(|t| ctx.starts_upper(t) || ctx.word(t) == ".")
        }) || f.cue.start() == next_start
    };
    attribution::right_immediate(ctx, &widened).filter(opens)
}

/// The previous sentence of the quote's paragraph, when it ends before the
/// quote's own sentence begins.
fn previous_sentence(
    ctx: &Ctx,
    place: &Place,
    paragraphs: &[Span],
    paragraph: usize,
) -> Option<(usize, usize)> {
    let s = ctx.sentence_of(ctx.tokens.get(place.left)?.span.start());
    let previous = ctx.sentences.get(s.checked_sub(1)?)?;
    let para = paragraphs.get(paragraph)?;
    let first = previous.first_token as usize;
    if ctx.tokens.get(first)?.span.start() < para.start() || first >= place.left {
        return None;
    }
    Some((first, previous.end_token as usize))
}

/// "Sometimes employees don't follow the rules, he said. “But does that
/// mean …?”": a whole-sentence quote with no cue, right after a sentence of
/// the same paragraph that reports speech through an attribution clause set
/// off by commas, is that speaker's. The clause closes the sentence
/// (", he said.", ", said Figgins.") or sits inside it ("The tuft cell,
/// Herbert said, is constantly sensing …").
fn attribution_closing_previous_sentence(
    ctx: &Ctx,
    place: &Place,
    paragraphs: &[Span],
    paragraph: usize,
) -> Option<Mention> {
    let (first, end) = previous_sentence(ctx, place, paragraphs, paragraph)?;
    let last_word = (first..end).rev().find(|&t| ctx.is_word(t))?;
    let commas: Vec<usize> = (first..last_word).filter(|&t| ctx.word(t) == ",").collect();
    commas.iter().enumerate().rev().find_map(|(k, &comma)| {
        // The clause runs to the next comma, or to the sentence's last word.
        let right = commas.get(k + 1).copied().unwrap_or(last_word + 1);
        let clause = Place {
            left: first,
            open: comma,
            after: comma,
            right,
        };
        let found = attribution::right_immediate(ctx, &clause)?;
        found.mention.filter(|_| found.end == right)
    })
}

/// "Bridenstine expects three rockets by 2024. “Adding one more could —
/// I’m not confident that could happen.”": a whole-sentence quote with no
/// cue, right after a sentence of the same paragraph that opens with a
/// person's name, is that person's. Only a name that opens the sentence
/// counts (its subject), never one further in.
fn subject_of_previous_sentence(
    ctx: &Ctx,
    place: &Place,
    paragraphs: &[Span],
    paragraph: usize,
) -> Option<Mention> {
    let (first, end) = previous_sentence(ctx, place, paragraphs, paragraph)?;
    person_opening(ctx, first, end)
}

/// The person's name that opens the sentence of tokens `first..end`, as its
/// subject, or opens its main clause after a fronted adverbial ("In a
/// statement she read to the court, Bríd Nolan described …").
fn person_opening(ctx: &Ctx, first: usize, end: usize) -> Option<Mention> {
    // "When Mr. Palaniswami rose, Speaker M. Appavu declined …": the
    // main clause's subject.
    let first = ctx.main_clause_start(first, end);
    let m = ctx.main_subject(first, end)?;
    let person = ctx.names_a_person(&m);
    let after_adverbial = m.first > first && ctx.word(m.first - 1) == ",";
    // "Justice Sonia Sotomayor interjected.": titles before the name.
    // "Board chair Linda Voss said": lower-case title words too.
    let titled = m.first <= first + 4
        && (first..m.first).all(|t| {
            ctx.starts_upper(t) || ctx.word(t) == "." || cues::is_person_noun(ctx.word(t))
        });
    (person && (m.first == first || after_adverbial || titled)).then_some(m)
}

/// Paragraphs from the top of the body within which a quote may open the
/// story as its lede.
const LEDE_PARAGRAPHS: usize = 3;

/// The speaker of a cue-less quote that stands as a paragraph of its own
/// (after a dateline at most), named by the paragraph after it:
/// - anywhere, "« Paris is playing with fire. » ¶ The warning came from
///   Kremlin spokesman Dmitry Peskov, …";
/// - when it opens the story (`first_quote`, in the first
///   [`LEDE_PARAGRAPHS`]), as that paragraph's subject: "FILLMORE, Calif.
///   — “We grabbed the dog …” ¶ Dana Whitfield has lived on the same
///   cul-de-sac …", or after "That's how": "That's how Maya Krishnan, …,
///   describes the problem".
fn named_in_next_paragraph(
    ctx: &Ctx,
    marked: &marks::Marked,
    paragraphs: &[Span],
    first_quote: bool,
) -> Option<Mention> {
    let (before, after, _) = around_in_paragraphs(ctx, marked, paragraphs)?;
    let before = before.trim_end();
    let dateline = before.is_empty() || before.ends_with(['—', '–', '-']);
    if !dateline || has_words(after) {
        return None;
    }
    let next = paragraphs.get(marked.paragraph + marked.pieces.len())?;
    let s = ctx.sentence_of(next.start());
    let sentence = ctx.sentences.get(s)?;
    let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
    let person = |m: &Mention| ctx.names_a_person(m);
    let came_from = named_as_source(ctx, first, end);
    if came_from.is_some() || !first_quote || marked.paragraph >= LEDE_PARAGRAPHS {
        return came_from;
    }
    let points_back = ["That's", "That’s", "That", "So"].contains(&ctx.word(first))
        && (first + 1..(first + 3).min(end))
            .any(|t| ["how", "s", "’s", "'s", "is", "says", "said"].contains(&ctx.word(t)));
    person_opening(ctx, first, end).or_else(|| {
        points_back
            .then(|| ctx.main_subject(first, end).filter(person))
            .flatten()
    })
}

/// The person a sentence of tokens `first..end` names as the source of the
/// words before it: "The warning came from X", "Those words came not from
/// an opposition politician but from X" (the last "from"), "That was the
/// verdict of third-generation grower X", "The words were X's own", "So
/// said X".
fn named_as_source(ctx: &Ctx, first: usize, end: usize) -> Option<Mention> {
    let person = |m: &Mention| ctx.names_a_person(m);
    let word = |t: usize| if t < end { ctx.word(t) } else { "" };
    // The first person named within a few words of `at`, past the party,
    // title or description before them ("Yesh Atid MK Michal R. Shalev").
    let person_near = |at: usize| {
        (at..(at + 6).min(end))
            .take_while(|&t| !matches!(word(t), "," | "." | ";"))
            .find_map(|t| {
                ctx.mention_starting_at(t, end)
                    .filter(|m| m.first == t && person(m))
            })
    };
    if let Some(came) = (first..(first + 6).min(end)).find(|&t| word(t) == "came") {
        let from = (came + 1..end.min(came + 12))
            .rev()
            .find(|&t| word(t) == "from")?;
        return person_near(from + 1);
    }
    // "So said Nyeri Governor Peter Gitonga, who …".
    if word(first) == "So" && ["said", "says"].contains(&word(first + 1)) {
        return person_near(first + 2);
    }
    let pointer = ["That", "This", "Those", "These", "Such"].contains(&word(first));
    let words_were = word(first) == "The" && word(first + 1) == "words";
    let copula = |t: usize| ["was", "were", "is", "are"].contains(&word(t));
    if words_were && copula(first + 2) {
        // "The words were Pilling's own".
        let m = ctx.mention_starting_at(first + 3, end).filter(person)?;
        return ctx.ends_possessive(m.end, end).then_some(m);
    }
    if !pointer || !copula(first + 1) {
        return None;
    }
    // "That was how Mariana Ferreyra, chief economist at …, summed up".
    if word(first + 2) == "how" {
        return person_near(first + 3);
    }
    // "That was the verdict of …", "That was the message from …": a noun
    // or two, then "of" or "from" and the person, past the words that
    // describe them.
    let of = (first + 2..(first + 6).min(end)).find(|&t| ["of", "from"].contains(&word(t)))?;
    person_near(of + 1)
}

/// The body text before a quote in its first paragraph and after it in
/// its last one, with the byte where the text after starts.
fn around_in_paragraphs<'b>(
    ctx: &Ctx<'b>,
    marked: &marks::Marked,
    paragraphs: &[Span],
) -> Option<(&'b str, &'b str, usize)> {
    let para = paragraphs.get(marked.paragraph)?;
    let last = paragraphs.get(marked.paragraph + marked.pieces.len().saturating_sub(1))?;
    let after_start = marked.close.min(last.end());
    let before = ctx.body.get(para.start()..marked.open)?;
    let after = ctx.body.get(after_start..last.end())?;
    Some((before, after, after_start))
}

/// Whether `text` holds a letter or digit.
fn has_words(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// "“…” ¶ Those words came not from an opposition politician but from
/// Alasdair Grant, …", "“…” The words were Pilling's own": a cue-less quote
/// opening its paragraph is the speaker's whom the sentence right after it
/// (in the same paragraph or opening the next) names as its source,
/// before any continuation of the quote before it.
fn source_named_after(ctx: &Ctx, marked: &marks::Marked, paragraphs: &[Span]) -> Option<Mention> {
    let (before, after, after_start) = around_in_paragraphs(ctx, marked, paragraphs)?;
    if has_words(before) {
        return None;
    }
    let at = match after.find(char::is_alphanumeric) {
        Some(k) => after_start + k,
        None => paragraphs
            .get(marked.paragraph + marked.pieces.len())?
            .start(),
    };
    let sentence = ctx.sentences.get(ctx.sentence_of(at))?;
    let first = sentence.first_token as usize;
    // Only a sentence that opens after the quote, not the quote's own.
    if ctx.tokens.get(first)?.span.start() < marked.close {
        return None;
    }
    named_as_source(ctx, first, sentence.end_token as usize)
}

/// "Erekat said it was only the latest move by the US. ¶ “They wanted us on
/// our knees.”": a paragraph that is one cue-less quote, after a paragraph
/// whose last sentence opens with a person's name and a speech verb
/// (reported speech), is that person's; with another verb only when the
/// quote speaks in the first person ("X opened with an account of his
/// upbringing. ¶ “I grew up …”"; not "Berg visited the site. ¶ “The
/// ground shook for hours.”").
fn reporter_of_previous_paragraph(
    ctx: &Ctx,
    marked: &marks::Marked,
    paragraphs: &[Span],
) -> Option<Mention> {
    let (before, after, _) = around_in_paragraphs(ctx, marked, paragraphs)?;
    if has_words(before) || has_words(after) {
        return None;
    }
    let previous = paragraphs.get(marked.paragraph.checked_sub(1)?)?;
    let s = ctx.sentence_of(previous.end().checked_sub(1)?);
    let sentence = ctx.sentences.get(s)?;
    let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
    if ctx.tokens.get(first)?.span.start() < previous.start() {
        return None;
    }
    // "He said the past year had been the hardest of his career. ¶ «I
    // worked every day …»": a pronoun opening the sentence will do too.
    // "Asked whether he was concerned …, the American laughed. ¶ ‘…’":
    // or the subject after a fronted clause, a description too.
    let m = person_opening(ctx, first, end)
        .or_else(|| attribution::opening_pronoun(ctx, first, end))
        .or_else(|| attribution::subject_after_adverbial(ctx, first, end))?;
    let speaks = matches!(
        attribution::cue(ctx, m.end, end),
        Some((_, cues::CueKind::Verb))
    );
    (speaks || speaks_in_first_person(ctx, marked)).then_some(m)
}

/// Whether the quote's words include "I", "my", "we", "our" …: someone
/// speaking of themselves, whom a paragraph about one person names.
fn speaks_in_first_person(ctx: &Ctx, marked: &marks::Marked) -> bool {
    const FIRST_PERSON: &[&str] = &[
        "i", "i'm", "i’m", "i've", "i’ve", "my", "me", "we", "our", "us",
    ];
    marked.pieces.iter().any(|&piece| {
        ctx.body[piece]
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .any(|w| FIRST_PERSON.iter().any(|f| w.eq_ignore_ascii_case(f)))
    })
}

/// The earlier quote whose speaker a cue-less quote continues: the previous
/// quote of the same paragraph, or of the previous paragraph when this
/// paragraph is quotes only, with no other person named in between.
fn continued<'d>(
    ctx: &Ctx,
    draft: &Draft,
    earlier: &'d [Draft],
    paragraphs: &[Span],
    initial: bool,
    words: usize,
    sentence: bool,
) -> Option<&'d Draft> {
    let prev = last_quote(ctx, earlier)?;
    prev.speaker?;
    if !initial || (words <= SCARE_WORDS && !sentence) {
        return None;
    }
    let p = draft.marked.paragraph;
    let prev_p = prev.marked.paragraph + prev.marked.pieces.len().saturating_sub(1);
    let same = prev_p == p;
    let quote_only = {
        let para = paragraphs[p];
        let body = ctx.body;
        let mut outside = String::new();
        let mut at = para.start();
        for d in earlier.iter().filter(|d| d.marked.paragraph == p) {
            outside.push_str(body.get(at..d.marked.open.max(at)).unwrap_or(""));
            at = d.marked.close.max(at);
        }
        outside.push_str(body.get(at..draft.marked.open.max(at)).unwrap_or(""));
        outside.push_str(
            body.get(draft.marked.close.min(para.end())..para.end())
                .unwrap_or(""),
        );
        !has_words(&outside)
    };
    (same || (prev_p + 1 == p && quote_only)).then_some(prev)
}

/// The last of `earlier` that is a quote: a label in the sentence that
/// closes the quote before it (“…,” Maley said on CNBC's “Trading Nation”)
/// is part of that quote's attribution and is passed over.
fn last_quote<'d>(ctx: &Ctx, earlier: &'d [Draft]) -> Option<&'d Draft> {
    let mut at = earlier.len().checked_sub(1)?;
    while earlier[at].kind == QuoteKind::Scare {
        let before = earlier.get(at.checked_sub(1)?)?;
        let label_sentence = ctx.sentence_of(earlier[at].marked.open);
        if before.kind == QuoteKind::Scare
            || ctx.sentence_of(before.marked.close.saturating_sub(1)) != label_sentence
        {
            return earlier.get(at);
        }
        at -= 1;
    }
    earlier.get(at)
}

/// A short quote used as a name or label: after "so-called"/"dubbed", a
/// capitalised title after "the" ("the “Norman Four”"), or a title after a
/// possessive, "on"/"in" (“said on CNBC's “Trading Nation””) or a noun
/// naming a work.
fn looks_like_label(ctx: &Ctx, draft: &Draft, words: usize) -> bool {
    let open = draft.place.open;
    if open == 0 || words > SCARE_WORDS {
        return false;
    }
    let before = ctx.word(open - 1);
    if cues::is_scare_marker(before) {
        return true;
    }
    let text = &ctx.body[draft.marked.pieces[0]];
    if !is_title(text) {
        return false;
    }
    let after_the = before.eq_ignore_ascii_case("the");
    let possessive = ["'s", "\u{2019}s"]
        .iter()
        .any(|s| before.to_lowercase().ends_with(s));
    let preposition = ["on", "in"].iter().any(|p| before.eq_ignore_ascii_case(p));
    let work = WORK_NOUNS.iter().any(|w| before.eq_ignore_ascii_case(w));
    after_the && (draft.found.is_none_or(|f| f.mention.is_none()) || words <= 2)
        || possessive
        || preposition
        || work
}

/// A title in quote marks after a verb of performing or releasing that is
/// not a speech verb ("After hitting “Takin’ It To the Streets,” the singer
/// told the audience"): a work's name, even with an attribution after it.
fn is_performed_title(ctx: &Ctx, draft: &Draft) -> bool {
    const PERFORMING: [&str; 7] = [
        "played",
        "sang",
        "performed",
        "recorded",
        "released",
        "covered",
        "hit",
    ];
    let open = draft.place.open;
    if open == 0 || !is_title(&ctx.body[draft.marked.pieces[0]]) {
        return false;
    }
    let before = ctx.word(open - 1);
    let lower = before.chars().all(char::is_lowercase);
    lower
        && (PERFORMING.contains(&before) || before.ends_with("ing"))
        && attribution::cue(ctx, open - 1, open).is_none()
}

/// Nouns naming a work whose title may follow in quote marks ("his book
/// “Musicophilia”").
const WORK_NOUNS: [&str; 18] = [
    "book",
    "novel",
    "memoir",
    "film",
    "movie",
    "documentary",
    "song",
    "single",
    "album",
    "show",
    "series",
    "episode",
    "play",
    "podcast",
    "column",
    "essay",
    "poem",
    "magazine",
];

/// Small words a title keeps in lower case after its first word.
const TITLE_SMALL_WORDS: [&str; 9] = ["a", "an", "and", "at", "for", "in", "of", "on", "the"];

/// True for text written as a title: every word capitalised (or a number),
/// but for small words after the first ("Meet the Press").
fn is_title(text: &str) -> bool {
    text.split_whitespace().enumerate().all(|(i, w)| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || i > 0 && TITLE_SMALL_WORDS.contains(&w.trim_end_matches([',', '.']))
    })
}

/// Joins `“A,” he said, “B.”` into one quote with two fragments.
fn join_fragments(ctx: &Ctx, drafts: Vec<Draft>) -> Vec<Draft> {
    let mut out: Vec<Draft> = Vec::with_capacity(drafts.len());
    for d in drafts {
        if let Some(prev) = out.last_mut() {
            if interrupted(ctx, prev, &d) {
                prev.marked.pieces.extend(d.marked.pieces.iter().copied());
                prev.marked.close = d.marked.close;
                prev.kind = QuoteKind::Direct;
                continue;
            }
        }
        out.push(d);
    }
    out
}

fn interrupted(ctx: &Ctx, prev: &Draft, next: &Draft) -> bool {
    let Some(found) = prev.found.filter(|f| f.immediate && f.mention.is_some()) else {
        return false;
    };
    if prev.marked.paragraph != next.marked.paragraph || prev.kind == QuoteKind::Scare {
        return false;
    }
    let Some(last) = prev.marked.pieces.last() else {
        return false;
    };
    let first_text = ctx.body[*last].trim_end();
    if first_text.ends_with(['.', '!', '?', '…']) {
        return false;
    }
    // Between the attribution and the next opening mark: only "," or ":".
    let end = ctx.tokens[found.end.min(ctx.tokens.len()) - 1].span.end();
    let gap = ctx.body.get(end..next.marked.open).unwrap_or("x");
    let gap = gap.trim();
    matches!(gap, "," | ":" | ";" | "—" | "–")
}

fn word_count(ctx: &Ctx, pieces: &[Span]) -> usize {
    pieces
        .iter()
        .map(|&p| {
            ctx.body[p]
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .count()
        })
        .sum()
}

fn finish(ctx: &Ctx, d: Draft) -> Quote {
    let pieces = d.marked.pieces;
    let span = pieces[0].cover(pieces[pieces.len() - 1]);
    let _ = ctx;
    Quote {
        span,
        fragments: if pieces.len() > 1 { pieces } else { Vec::new() },
        kind: d.kind,
        speaker: d.speaker,
        speaker_span: d.speaker_span,
        cue: d
            .found
            .filter(|_| d.kind != QuoteKind::Scare)
            .map(|f| f.cue),
        confidence: d.confidence,
        sentiment: None,
    }
}

/// True for a title-like line: short and without sentence-final punctuation.
fn is_heading(line: &str) -> bool {
    let trimmed = line.trim().trim_end_matches(|c: char| {
        crate::segment::is_quote_char(c) || c == ')' || c.is_whitespace()
    });
    let last = trimmed.chars().next_back();
    let words = trimmed.split_whitespace().count();
    words <= HEADING_WORDS && !last.is_some_and(|c| ".!?…,;".contains(c))
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
mod tests;
