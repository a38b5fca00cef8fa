//! Attribution: the speech cue and speaker mention of a marked quote, looked
//! for around the quote in its sentence: after the closing mark ("…,” said X",
//! "…,” X said", "…,” the expert summed up"), before the opening mark ("X said
//! that “…", "according to X, “…"), or later in the sentence.

use super::coref::{is_possessive_mark, Ctx, Mention, MentionKind};
use super::cues::{self, cue_at, CueKind};
use crate::doc::Span;

/// Most words scanned back from a cue for its subject.
const SUBJECT_REACH: usize = 30;

/// An attribution found for a quote.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    /// The cue's span.
    pub cue: Span,
    /// The speaker mention, when found.
    pub mention: Option<Mention>,
    /// True when the attribution directly follows the closing mark.
    pub immediate: bool,
    /// Token index just past the attribution (cue or mention, whichever is later).
    pub end: usize,
}

/// Where a quote sits, in token indices.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    /// First token of the sentence holding the opening mark.
    pub left: usize,
    /// Token index of the opening mark.
    pub open: usize,
    /// First token after the closing mark.
    pub after: usize,
    /// One past the last token of the sentence holding the closing mark.
    pub right: usize,
}

/// The cue (its length in tokens and kind) starting at token `i`, before `limit`.
pub(super) fn cue(ctx: &Ctx, i: usize, limit: usize) -> Option<(usize, CueKind)> {
    if i >= limit.min(ctx.tokens.len()) || ctx.token_in_zone(i) || !ctx.is_word(i) {
        return None;
    }
    let mut words = [""; 2];
    let end = limit.min(i + 2).min(ctx.tokens.len());
    for (slot, t) in words.iter_mut().zip(i..end) {
        *slot = ctx.word(t);
    }
    let found = cue_at(&words[..end - i])?;
    // "Sunak was accused of “…”", "she was told “…”": a passive verb's
    // subject is not the speaker.
    let passive = found.1 == CueKind::Verb
        && (words[0].ends_with("ed") || words[0].eq_ignore_ascii_case("told"))
        && i > 0
        && ["was", "were", "been", "being", "is", "are", "be"]
            .iter()
            .any(|b| ctx.word(i - 1).eq_ignore_ascii_case(b));
    // "the DMK's job promises were “…”": a plural noun, the subject of the
    // verb after it, not a speech verb.
    let plural_noun = found.1 == CueKind::Verb
        && words[0].ends_with('s')
        && ["were", "are", "have"]
            .iter()
            .any(|v| words[1].eq_ignore_ascii_case(v));
    (!passive && !plural_noun).then_some(found)
}

/// Most tokens of a relative clause between a subject and its verb.
const RELATIVE_CLAUSE_REACH: usize = 20;

/// The subject before a relative clause or an apposition that ends right
/// before token `at`: in "Reed, who will be the company’s chairman, told …"
/// the description inside the clause says what Reed is; Reed is the one
/// who speaks.
fn head_of_relative_clause(ctx: &Ctx, at: usize, floor: usize) -> Option<Mention> {
    let comma = at
        .checked_sub(1)
        .filter(|&c| c > floor && ctx.word(c) == ",")?;
    // "CCIA Europe, whose members include Google, Meta and Amazon,
    // called": the relative clause may hold commas of its own, and run
    // long ("Piastri, who passed Verstappen … before the second round of
    // stops, said").
    let relative = (comma
        .saturating_sub(2 * RELATIVE_CLAUSE_REACH)
        .max(floor + 1)..comma)
        .rev()
        .filter(|&k| ctx.word(k) == ",")
        .find(|&k| {
            ["who", "whose", "which"]
                .iter()
                .any(|w| ctx.word(k + 1).eq_ignore_ascii_case(w))
        });
    if let Some(opening) = relative {
        // "Okafor, 29, who holds …": past an age set off by commas.
        let mut before = opening.checked_sub(1)?;
        // "Sen. Curtis Varga (R-Idaho), who voted no, told": past a
        // bracketed party and state.
        if ctx.word(before) == ")" {
            before = (floor + 1..before)
                .rev()
                .take(8)
                .find(|&k| ctx.word(k) == "(")?
                .checked_sub(1)?;
        }
        let aged = before >= floor + 2
            && ctx.word(before).bytes().all(|b| b.is_ascii_digit())
            && ctx.word(before - 1) == ",";
        let last = if aged { before - 2 } else { before };
        return ctx.mention_ending_at(last, floor);
    }
    let opening = opening_comma(ctx, comma, floor)?;
    let pronoun = ctx.word(opening + 1);
    // "Jorge Rodríguez, the head of the Assembly and a close Maduro ally,
    // called …": a name before an apposition is the subject, not a name
    // inside it.
    // So is one before "President Donald Trump’s nominee to lead the
    // Labor Department," or "his deputy,": a possessive opens the aside.
    let possessive = (opening + 1..comma.min(opening + 6)).any(|k| {
        let w = ctx.word(k);
        ["’s", "'s", "’", "'"].contains(&w) || cues::strip_possessive(w).len() < w.len()
    });
    let possessive_pronoun = ["his", "her", "their", "its"]
        .iter()
        .any(|w| pronoun.eq_ignore_ascii_case(w));
    // "Maloney, released by Watford as a 16-year-old, said": a participle
    // opens the aside; so does a title without an article ("Jordan
    // Bardella, president of the far-right Rassemblement National, wrote").
    let participle = pronoun.chars().all(char::is_lowercase) && cues::is_participle_shaped(pronoun);
    // "Niamh Kearney SC, for Mr Mulcahy, said": so does a preposition.
    let preposition = pronoun.chars().all(char::is_lowercase) && cues::is_preposition(pronoun);
    if ["the", "a", "an"]
        .iter()
        .any(|w| pronoun.eq_ignore_ascii_case(w))
        || possessive
        || possessive_pronoun
        || participle
        || preposition
        || cues::is_role(pronoun)
    {
        // "Niamh Kearney SC, for …": past post-nominal letters.
        let mut before = opening.checked_sub(1)?;
        let letters = ctx.word(before);
        if before > floor
            && (2..=3).contains(&letters.len())
            && letters.bytes().all(|b| b.is_ascii_uppercase())
            && ctx.is_person(before - 1).is_some()
        {
            before -= 1;
        }
        // "Another employee, posting on the app Blind, wrote": an unnamed
        // person before a participle aside is the subject too.
        return ctx.mention_ending_at(before, floor).filter(|m| {
            matches!(m.kind, MentionKind::Name(_))
                || participle && matches!(m.kind, MentionKind::Description { .. })
        });
    }
    None
}

/// The comma that opens the aside closed by the comma at token `closing`:
/// the nearest one before it, within [`RELATIVE_CLAUSE_REACH`], after `floor`.
fn opening_comma(ctx: &Ctx, closing: usize, floor: usize) -> Option<usize> {
    (closing.saturating_sub(RELATIVE_CLAUSE_REACH).max(floor + 1)..closing)
        .rev()
        .find(|&k| ctx.word(k) == ",")
}

/// The nearest speaker mention ending before token `at`, not before `floor`.
pub fn subject_before(ctx: &Ctx, at: usize, floor: usize) -> Option<Mention> {
    if let Some(head) = head_of_relative_clause(ctx, at, floor) {
        return Some(head);
    }
    // "Shearer … called Rice's free-kick “…” and said …": a verb joined by
    // "and" shares the clause's subject, not the nearest name.
    if at > floor + 1 && ["and", "but"].contains(&ctx.word(at - 1)) {
        if let Some(m) = ctx
            .main_subject(floor, at - 1)
            .filter(|m| ctx.names_a_person(m))
        {
            return Some(m);
        }
    }
    let mut seen = 0;
    let mut t = at;
    let mut comma = false;
    while t > floor && seen < SUBJECT_REACH {
        t -= 1;
        if ctx.token_in_zone(t) {
            continue;
        }
        seen += 1;
        comma |= ctx.word(t) == ",";
        // "… begin when readers ask us, “…”": the cue's clause opens after
        // a subordinating word and has its own subject, unnamed here ("X,
        // when asked, said" is not such a clause: a comma closes it).
        if !comma && t + 1 < at && cues::is_subordinator(ctx.word(t)) {
            return None;
        }
        if let Some(m) = ctx.mention_ending_at(t, floor) {
            // "an expert at the University of York who did not work on the
            // study, told": a relative pronoun with no comma before it
            // belongs to a description further back, not to the name it follows.
            let loose_relative =
                m.kind == MentionKind::Relative && (m.first == 0 || ctx.word(m.first - 1) != ",");
            if ctx.is_object(&m, floor) || loose_relative {
                t = m.first;
                continue;
            }
            // "Mr Hargreaves' family said": the family speaks, unnamed.
            // So does "One angler who has fished the Teme near Ludlow …,
            // and who asked not to be named," (not the river).
            if kin_of(ctx, &m, at) || inside_unnamed_relative(ctx, &m, floor) {
                return None;
            }
            return Some(outer_apposition(ctx, m, floor).unwrap_or(m));
        }
    }
    None
}

/// Whether name mention `m` stands inside a relative clause, with no comma
/// before it, whose antecedent is an unnamed person ("One angler who has
/// fished the Teme near Ludlow …").
fn inside_unnamed_relative(ctx: &Ctx, m: &Mention, floor: usize) -> bool {
    let matches_name = matches!(m.kind, MentionKind::Name(_));
    let who = (m.first.saturating_sub(RELATIVE_CLAUSE_REACH).max(floor + 1)..m.first)
        .rev()
        .take_while(|&k| ctx.word(k) != ",")
        .find(|&k| ctx.word(k).eq_ignore_ascii_case("who"));
    matches_name
        && who.is_some_and(|k| {
            (k.saturating_sub(3).max(floor)..k).any(|d| cues::is_indefinite(ctx.word(d))) && {
                let noun = ctx.word(k - 1);
                cues::is_person_noun(noun) || noun.ends_with("man") || noun.ends_with("men")
            }
        })
}

/// Whether the name mention `m` is in the possessive right before one of
/// the kin nouns ([`cues::is_kin`]) that ends before token `at`.
fn kin_of(ctx: &Ctx, m: &Mention, at: usize) -> bool {
    if !ctx.ends_possessive(m.end, at) {
        return false;
    }
    // Past the possessive when it is a token of its own.
    let k = m.end + usize::from(m.end < at && is_possessive_mark(ctx.word(m.end)));
    k + 1 == at && cues::is_kin(ctx.word(k))
}

/// "Prince Andrew, the younger brother of heir to the throne, Charles, has
/// told": a name set off by commas right after a description "the … of …"
/// names the noun inside that description (the heir); the subject is the
/// person the description follows.
fn outer_apposition(ctx: &Ctx, m: Mention, floor: usize) -> Option<Mention> {
    let comma = m.first.checked_sub(1).filter(|&c| c > floor)?;
    if ctx.word(comma) != "," || m.end >= ctx.tokens.len() || ctx.word(m.end) != "," {
        return None;
    }
    let opening = opening_comma(ctx, comma, floor)?;
    let description = opening + 1..comma;
    let relational = description.clone().any(|k| ctx.word(k) == "of")
        && cues::is_determiner(ctx.word(description.start));
    if !relational {
        return None;
    }
    let head = ctx.mention_ending_at(opening.checked_sub(1)?, floor)?;
    matches!(head.kind, MentionKind::Name(_)).then_some(head)
}

fn is_dash_or_comma(ctx: &Ctx, i: usize) -> bool {
    matches!(ctx.word(i), "," | "-" | "–" | "—")
}

/// "…,” said X" or "…,” X said" right after the closing mark.
pub fn right_immediate(ctx: &Ctx, place: &Place) -> Option<Found> {
    let mut r = place.after;
    while r < place.right && is_dash_or_comma(ctx, r) {
        r += 1;
    }
    if r >= place.right {
        return None;
    }
    if let Some((n, CueKind::Verb)) = cue(ctx, r, place.right) {
        if cues::is_tell(ctx.word(r)) {
            return None;
        }
        let found = ctx.mention_starting_at(r + n, place.right);
        // "said her daughter, Dr Kirsty Hale.": the name set off after a
        // short description is the speaker.
        let apposed = || {
            let comma = (r + n + 1..(r + n + 5).min(place.right))
                .take_while(|&k| ctx.is_word(k) || ctx.word(k) == ",")
                .find(|&k| ctx.word(k) == ",")?;
            ctx.mention_starting_at(comma + 1, place.right)
                .filter(|m| matches!(m.kind, MentionKind::Name(_)) && m.first <= comma + 3)
        };
        let m = match found {
            Some(m) if matches!(m.kind, MentionKind::Name(_)) => m,
            other => apposed().or(other)?,
        };
        return Some(Found {
            cue: ctx.span(r, r + n),
            mention: Some(m),
            immediate: true,
            end: m.end,
        });
    }
    let mut m = ctx.mention_starting_at(r, place.right)?;
    let mut j = m.end;
    if j < place.right && ctx.word(j) == "," {
        // Apposition: "Smith, the foreign minister, said".
        let close = (j + 1..place.right.min(j + 16)).find(|&k| ctx.word(k) == ",")?;
        // "the union's district president, Jon Holden, said": the name set
        // off after a description is the speaker.
        if !matches!(m.kind, MentionKind::Name(_)) {
            if let Some(name) = ctx
                .mention_starting_at(j + 1, close)
                .filter(|n| matches!(n.kind, MentionKind::Name(_)) && n.end == close)
            {
                m = name;
            }
        }
        j = close + 1;
    }
    for _ in 0..3 {
        if j >= place.right {
            return None;
        }
        if let Some((n, CueKind::Verb)) = cue(ctx, j, place.right) {
            return Some(Found {
                cue: ctx.span(j, j + n),
                mention: Some(m),
                immediate: true,
                end: j + n,
            });
        }
        if !ctx.is_word(j) || ctx.word(j).chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        j += 1; // an adverb: "he also said", "Lavrov later told"
    }
    None
}

/// The nearest cue before the opening mark and its speaker.
fn left(ctx: &Ctx, place: &Place) -> Option<Found> {
    let mut c = place.open;
    while c > place.left {
        c -= 1;
        let Some((n, kind)) = cue(ctx, c, place.open) else {
            continue;
        };
        // "a warning from Chinese Commerce Minister Wang Wentao that the
        // move would “…”": who the speech noun is from speaks.
        if kind != CueKind::According && c + n + 1 < place.open && ctx.word(c + n) == "from" {
            if let Some(m) = ctx.mention_starting_at(c + n + 1, place.open) {
                return Some(Found {
                    cue: ctx.span(c, c + n),
                    mention: Some(m),
                    immediate: false,
                    end: m.end,
                });
            }
        }
        // "X told the BBC the speech “…”": the verb before a speech noun
        // is the cue.
        if kind == CueKind::Noun {
            let verb = (place.left..c)
                .rev()
                .find(|&k| matches!(cue(ctx, k, c), Some((_, CueKind::Verb))));
            if let Some(v) = verb {
                c = v + 1;
                continue;
            }
        }
        // "X said rents had risen, according to the Tenancies Board, and
        // that young people were “…”": the source of a figure in between
        // does not say the quote.
        if kind == CueKind::According
            && (c + n..place.open.saturating_sub(1))
                .any(|k| ctx.word(k) == "and" && ctx.word(k + 1) == "that")
        {
            continue;
        }
        // "That said, ..." is not a cue; "…, Le Drian said, at …" is.
        if kind == CueKind::Verb
            && c + n < place.open
            && ctx.word(c + n) == ","
            && c + n + 1 != place.open
            && !ctx.token_in_zone(c + n + 1)
            && (c == 0 || ctx.mention_ending_at(c - 1, place.left).is_none())
        {
            continue;
        }
        // ", warning: “…”", ", adding that “…”": the participle shares the
        // subject of its clause.
        let participle = kind == CueKind::Verb
            && c > place.left
            && ctx.word(c - 1) == ","
            && ctx.word(c).ends_with("ing");
        let mention = match kind {
            CueKind::According => according_to(ctx, c + n, place.open),
            // "He declined to say whether the EU would …, adding: “…”": a
            // pronoun opening the sentence is its subject.
            CueKind::Verb if participle => opening_pronoun(ctx, place.left, c)
                .or_else(|| subject_after_adverbial(ctx, place.left, c))
                .or_else(|| ctx.main_subject(place.left, c))
                .or_else(|| subject_before(ctx, c, place.left)),
            // "… claimed that Big Machine had “…”": a name after "that"
            // is the reported clause's subject, not the speaker.
            CueKind::Verb | CueKind::Noun => subject_before(ctx, c, place.left).or_else(|| {
                (c == place.left
                    || c + n < place.open && !ctx.word(c + n).eq_ignore_ascii_case("that"))
                .then(|| ctx.mention_starting_at(c + n, place.open))
                .flatten()
                .filter(|m| !matches!(m.kind, MentionKind::Description { .. }) || c == place.left)
            }),
        };
        if kind == CueKind::Noun && mention.is_none() {
            continue;
        }
        return Some(Found {
            cue: ctx.span(c, c + n),
            mention,
            immediate: false,
            end: c + n,
        });
    }
    None
}

/// Who speaks after "according to" at token `at`: the mention there, or
/// the source of a document named there ("according to a statement
/// issued later by the Turkish Ministry of Foreign Affairs", "a readout
/// from the ministry", "a 2018 survey by Penelope Muse Abernathy").
fn according_to(ctx: &Ctx, at: usize, limit: usize) -> Option<Mention> {
    ctx.mention_starting_at(at, limit).or_else(|| {
        // "according to the latest quarterly report by …": a few
        // modifiers before the document.
        let document = (at..(at + 5).min(limit)).any(|k| {
            [
                "statement",
                "readout",
                "release",
                "report",
                "transcript",
                "survey",
                "study",
                "poll",
                "analysis",
                "review",
                "memo",
                "letter",
                "filing",
            ]
            .contains(&ctx.word(k))
        });
        if !document {
            return None;
        }
        let by = (at + 1..(at + 8).min(limit))
            .take_while(|&k| ctx.is_word(k))
            .find(|&k| ["by", "from"].contains(&ctx.word(k)))?;
        let the = by + 1 < limit && ctx.word(by + 1).eq_ignore_ascii_case("the");
        ctx.mention_starting_at(by + 1 + usize::from(the), limit)
    })
}

/// The "he" or "she" that opens the clause of tokens `first..end`.
pub(super) fn opening_pronoun(ctx: &Ctx, first: usize, end: usize) -> Option<Mention> {
    let t = (first..end).find(|&t| ctx.is_word(t) && !ctx.token_in_zone(t))?;
    pronoun_mention(ctx, t)
}

/// A mention of the "he" or "she" at token `t`.
fn pronoun_mention(ctx: &Ctx, t: usize) -> Option<Mention> {
    match ctx.pronoun_at(t)? {
        kind @ MentionKind::Pronoun(_) => Some(Mention {
            first: t,
            end: t + 1,
            kind,
        }),
        _ => None,
    }
}

/// The subject opening the main clause after a fronted adverbial ("After
/// the hearing, the senator told reporters …"): the name, pronoun or
/// description right after the adverbial's comma, within the clause of
/// tokens `first..end` whose first word is a preposition or an adverbial
/// opener.
pub(super) fn subject_after_adverbial(ctx: &Ctx, first: usize, end: usize) -> Option<Mention> {
    let t = (first..end).find(|&t| ctx.is_word(t) && !ctx.token_in_zone(t))?;
    let opener = ctx.word(t).to_lowercase();
    // "Asked whether …, the American laughed": a participle opens it too.
    if !cues::opens_fronted_clause(&opener) && !cues::is_participle_shaped(&opener) {
        return None;
    }
    let comma = (t + 1..end.min(t + 8)).find(|&k| ctx.word(k) == ",")?;
    opening_pronoun(ctx, comma + 1, end).or_else(|| {
        ctx.mention_starting_at(comma + 1, end)
            .filter(|m| m.first == comma + 1)
    })
}

/// A cue later in the sentence: "…,” Macron's office said in a statement."
fn right_later(ctx: &Ctx, place: &Place) -> Option<Found> {
    for c in place.after..place.right {
        let Some((n, kind)) = cue(ctx, c, place.right) else {
            continue;
        };
        let mention = match kind {
            CueKind::According => according_to(ctx, c + n, place.right),
            // "…,” one delegate told Al Jazeera": who was told is no speaker.
            CueKind::Verb => subject_before(ctx, c, place.after).or_else(|| {
                (!cues::is_tell(ctx.word(c)))
                    .then(|| ctx.mention_starting_at(c + n, place.right))
                    .flatten()
            }),
            CueKind::Noun => continue,
        };
        if let Some(m) = mention {
            return Some(Found {
                cue: ctx.span(c, c + n),
                mention: Some(m),
                immediate: false,
                end: m.end.max(c + n),
            });
        }
    }
    None
}

/// True when no word precedes the opening mark in its sentence.
pub fn sentence_initial(ctx: &Ctx, place: &Place) -> bool {
    (place.left..place.open).all(|i| !ctx.is_word(i) || ctx.token_in_zone(i))
        || place.open > place.left && matches!(ctx.word(place.open - 1), ":")
}

/// The attribution of the quote at `place`.
pub fn attribute(ctx: &Ctx, place: &Place) -> Option<Found> {
    let found = if sentence_initial(ctx, place) {
        right_immediate(ctx, place)
            .or_else(|| right_later(ctx, place))
            .or_else(|| left(ctx, place))
    } else {
        let before = left(ctx, place);
        if before.is_some_and(|f| f.mention.is_some()) {
            return before;
        }
        right_immediate(ctx, place)
            .or_else(|| right_later(ctx, place))
            .or(before)
    };
    // A cue with no speaker ("Asked about …") yields to a colon's subject.
    if found.is_none_or(|f| f.mention.is_none()) {
        if let Some(by_colon) = colon_subject(ctx, place) {
            return Some(by_colon);
        }
    }
    found
}

/// "Sunak, for his part, was blunt: “…”", "She put it simply: “…”": with no
/// speech verb, a colon (or a dash: "Novak stuck to the familiar line — “…”")
/// right before the quote hands it to the name or pronoun that opens the
/// sentence, after its title if any ("Deputy Prime Minister Alexander
/// Novak"), or that comes right before the verb the colon follows ("Asked
/// about her legacy, she smiled: “…”").
fn colon_subject(ctx: &Ctx, place: &Place) -> Option<Found> {
    let colon = place
        .open
        .checked_sub(1)
        .filter(|&c| c > place.left && matches!(ctx.word(c), ":" | "—" | "–"))?;
    // "Asked about her legacy, she smiled: “…”", "the 62-year-old was
    // unrepentant:": a name, pronoun or description right before the one
    // to three lower-case words (a verb, perhaps with its complement) that
    // the colon follows.
    let lower_run = (1..colon.saturating_sub(place.left))
        .take_while(|&k| k <= 3 && ctx.word(colon - k).chars().all(char::is_lowercase))
        .last();
    let pronoun = |t: usize| pronoun_mention(ctx, t);
    let mention = pronoun(place.left)
        .or_else(|| {
            // Titles before the name, "Board member Linda Park" too.
            ctx.main_subject(place.left, colon).filter(|m| {
                // "Banks' co-promoter Ray Castellano": a possessive too.
                (place.left..m.first).all(|t| {
                    let w = ctx.word(t);
                    (ctx.starts_upper(t)
                        || cues::is_person_noun(w)
                        || ["'", "’", "'s", "’s"].contains(&w))
                        && !ctx.token_in_zone(t)
                })
            })
        })
        .or_else(|| {
            (1..=lower_run?).find_map(|k| {
                let t = colon.checked_sub(k + 1).filter(|&t| t >= place.left)?;
                // "His neighbour, R. Malarvizhi, was blunter:": the name
                // set off by commas before the verb.
                let apposed = (ctx.word(t) == "," && t > place.left)
                    .then(|| ctx.mention_ending_at(t - 1, place.left))
                    .flatten()
                    .filter(|m| matches!(m.kind, MentionKind::Name(_)));
                apposed.or_else(|| pronoun(t)).or_else(|| {
                    ctx.mention_ending_at(t, place.left).filter(|m| {
                        matches!(
                            m.kind,
                            MentionKind::Name(_) | MentionKind::Description { .. }
                        )
                    })
                })
            })
        })?;
    Some(Found {
        cue: ctx.span(colon, colon + 1),
        mention: Some(mention),
        immediate: false,
        end: colon + 1,
    })
}
