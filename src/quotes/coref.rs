//! Speaker mentions and what they refer to: names (entities from the
//! entities stage), pronouns ("he", "she") resolved to the most salient
//! preceding person, and descriptions ("the French foreign minister",
//! "the interlocutor of RT") resolved through the titles and appositions that
//! introduced each person earlier in the article.

use super::cues::{
    self, is_description_head, is_determiner, is_indefinite, is_preposition, is_role, role_key,
    strip_possessive,
};
use crate::doc::{Doc, Entity, EntityId, EntityType, Sentence, Span, Token, TokenKind};

/// Most tokens a description may span ("the head of the Center for ... Sciences").
const MAX_DESCRIPTION: usize = 14;
/// Most sentences opened by a description that one description's
/// resolution follows back ("The Spaniard …. The 31-year-old …").
const MAX_CHAIN: u8 = 3;
/// How many sentences back a pronoun looks for its antecedent.
const SALIENCE_SENTENCES: usize = 8;

/// Most tokens of a fronted adverbial before the subject it precedes, its
/// comma included.
const ADVERBIAL_REACH: usize = 12;

/// What a speaker mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MentionKind {
    /// A name of an entity.
    Name(EntityId),
    /// "he" / "she" (feminine when `Some(true)`).
    Pronoun(Option<bool>),
    /// "it" / "they": an organisation speaking ("…,” it said in a statement).
    Neuter,
    /// "the company", "the agency": an organisation named before.
    Organization,
    /// "who" after a noun phrase: refers to the phrase before the comma.
    Relative,
    /// "the ROLE ...": `head` is the token index of the role noun.
    Description {
        /// Token index of the role noun.
        head: usize,
    },
}

/// A speaker mention: tokens `first..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Kind.
    pub kind: MentionKind,
}

/// A quote already attributed, as salience evidence for later pronouns.
#[derive(Clone, Copy, Debug)]
pub struct Said {
    /// Sentence index of the quote's opening mark.
    pub sentence: usize,
    /// Byte offset of the opening mark.
    pub pos: usize,
    /// Resolved speaker.
    pub speaker: EntityId,
}

/// Per-document view for attribution: tokens, entity per token, quote zones and learned roles.
pub struct Ctx<'a> {
    /// The body.
    pub body: &'a str,
    /// Tokens of the body.
    pub tokens: &'a [Token],
    /// Sentences of the body.
    pub sentences: &'a [Sentence],
    pub(super) entities: &'a [Entity],
    /// Entity id and mention span covering each token.
    pub(super) token_entity: Vec<Option<(EntityId, Span)>>,
    /// Byte ranges of every marked quote (opening to closing mark), sorted.
    zones: Vec<(usize, usize)>,
    pub(super) roles: Vec<super::roles::LearnedRole>,
    /// Gender from an honorific ("Mr", "Ms"): pronouns must agree.
    pub(super) gender: Vec<Option<bool>>,
    /// Gender the first name suggests: pronouns prefer to agree.
    name_gender: Vec<Option<bool>>,
    /// How many descriptions deep [`Ctx::subject_opening_previous_sentence`]
    /// is resolving, so that a run of sentences each opened by a
    /// description ("The Spaniard …") cannot recurse through the article.
    chain: std::cell::Cell<u8>,
}

impl<'a> Ctx<'a> {
    /// The view of `doc` given its tokens, sentences and quote zones.
    pub fn new(
        doc: &'a Doc,
        tokens: &'a [Token],
        sentences: &'a [Sentence],
        zones: Vec<(usize, usize)>,
    ) -> Ctx<'a> {
        let mut token_entity = vec![None; tokens.len()];
        for (id, entity) in doc.entities.iter().enumerate() {
            for &m in &entity.mentions {
                if m.end() > doc.body.len() {
                    continue;
                }
                let first = tokens.partition_point(|t| t.span.end() <= m.start());
                let end = tokens.partition_point(|t| t.span.start() < m.end());
                for slot in token_entity.iter_mut().take(end).skip(first) {
                    slot.get_or_insert((id, m));
                }
            }
        }
        let mut ctx = Ctx {
            body: &doc.body,
            tokens,
            sentences,
            entities: &doc.entities,
            token_entity,
            zones,
            roles: Vec::new(),
            chain: std::cell::Cell::new(0),
            gender: vec![None; doc.entities.len()],
            name_gender: doc
                .entities
                .iter()
                .map(|e| {
                    (e.kind == EntityType::Person)
                        .then(|| super::roles::name_gender(&e.name))
                        .flatten()
                })
                .collect(),
        };
        ctx.learn_roles();
        ctx
    }

    /// Text of token `i`.
    pub fn word(&self, i: usize) -> &'a str {
        &self.body[self.tokens[i].span]
    }

    /// True when token `i` is a word.
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.tokens[i].kind, TokenKind::Word | TokenKind::Number)
    }

    /// True when token `i` starts with a capital letter.
    pub(super) fn starts_upper(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// True when byte `pos` lies inside a marked quote.
    pub fn in_zone(&self, pos: usize) -> bool {
        let idx = self.zones.partition_point(|z| z.1 <= pos);
        self.zones.get(idx).is_some_and(|z| z.0 <= pos)
    }

    /// True when token `i` lies inside a marked quote.
    pub fn token_in_zone(&self, i: usize) -> bool {
        self.in_zone(self.tokens[i].span.start())
    }

    /// Byte span of tokens `first..end`.
    pub fn span(&self, first: usize, end: usize) -> Span {
        Span::new(
            self.tokens[first].span.start() as u32,
            self.tokens[end.max(first + 1) - 1].span.end() as u32,
        )
    }

    /// Index of the sentence holding byte `pos` (or the last one before it).
    pub fn sentence_of(&self, pos: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.start() <= pos)
            .saturating_sub(1)
    }

    fn speaker_entity(&self, i: usize) -> Option<(EntityId, Span)> {
        let (id, span) = self.token_entity[i]?;
        matches!(
            self.entities[id].kind,
            EntityType::Person | EntityType::Organization
        )
        .then_some((id, span))
    }

    /// Whether entity `id` is a person.
    pub(super) fn is_person_entity(&self, id: EntityId) -> bool {
        self.entities[id].kind == EntityType::Person
    }

    /// Whether mention `m` is a person's name.
    pub(super) fn names_a_person(&self, m: &Mention) -> bool {
        matches!(m.kind, MentionKind::Name(id) if self.is_person_entity(id))
    }

    pub(super) fn is_person(&self, i: usize) -> Option<(EntityId, Span)> {
        let (id, span) = self.token_entity[i]?;
        (self.entities[id].kind == EntityType::Person).then_some((id, span))
    }

    pub(super) fn token_range(&self, span: Span) -> (usize, usize) {
        let first = self
            .tokens
            .partition_point(|t| t.span.end() <= span.start());
        let end = self.tokens.partition_point(|t| t.span.start() < span.end());
        (first, end.max(first + 1).min(self.tokens.len()))
    }

    /// Whether token `i` can end a description of a person: a role or an
    /// age, a nationality's noun with nothing after it but punctuation or
    /// the speech verb ("the Spaniard said", not "the American embassy"),
    /// or an agent noun right before the speech verb that the text gave
    /// someone as a title ("filmmaker X" … "the filmmaker told reporters";
    /// not "the back of the chamber shouted").
    fn heads_a_description(&self, i: usize) -> bool {
        let n = self.tokens.len();
        // "the software developer from Modiin said": a place of origin may
        // stand between the noun and the verb.
        let origin_end = (i + 1 < n && ["from", "of", "in", "at"].contains(&self.word(i + 1)))
            .then(|| {
                (i + 2..(i + 5).min(n))
                    .take_while(|&k| self.starts_upper(k))
                    .last()
            })
            .flatten();
        let before_verb = i + 1 < n && self.speech_verb_at(i + 1)
            || origin_end.is_some_and(|k| k + 1 < n && self.speech_verb_at(k + 1));
        let word = self.word(i);
        // "the world No 3 told his news conference": a ranking.
        let ranked = i >= 2
            && (word.bytes().all(|b| b.is_ascii_digit()) || word.eq_ignore_ascii_case("one"))
            && ["no", "no.", "number"].contains(&self.word(i - 1).to_lowercase().as_str())
            && self.word(i - 2).eq_ignore_ascii_case("world");
        if ranked {
            return true;
        }
        // "the King said", "the President told": a capitalised title, not
        // a name it begins ("the President Hotel").
        let titled = word.chars().next().is_some_and(char::is_uppercase)
            && !(i + 1 < n && self.starts_upper(i + 1))
            && is_description_head(&word.to_lowercase());
        if titled {
            return true;
        }
        // "said the Mercedes driver": the verb, then only the article and
        // capitalised words before the noun.
        let after_verb = || {
            (i.saturating_sub(4)..i).rev().any(|k| {
                self.speech_verb_at(k)
                    && (k + 1..i).all(|j| is_determiner(self.word(j)) || self.starts_upper(j))
            })
        };
        let qualified = i > 0 && self.starts_upper(i - 1) && !is_determiner(self.word(i - 1));
        is_description_head(word)
            || cues::is_person_demonym(word)
            || (cues::is_demonym_noun(word)
                && (i + 1 >= self.tokens.len() || !self.is_word(i + 1) || before_verb))
            || (cues::is_person_noun(word) && (before_verb || after_verb()) && {
                let key = role_key(word);
                // As a title before a name ("filmmaker X") or opening an
                // apposition ("X, a filmmaker from Lagos").
                qualified
                    || self.roles.iter().any(|r| {
                        r.words.last() == Some(&key) || r.words.iter().take(3).any(|w| *w == key)
                    })
            })
    }

    /// A description whose head role noun is token `head`: extends left to a determiner.
    fn description_at_head(&self, head: usize, floor: usize) -> Option<usize> {
        if !self.heads_a_description(head) || self.word(head).chars().all(|c| c.is_uppercase()) {
            return None;
        }
        // "…,” counsel said", "prosecuting counsel told the court": the
        // courtroom's bare title.
        if self.word(head) == "counsel" && (head == 0 || !is_determiner(self.word(head - 1))) {
            let qualified = head > floor
                && ["prosecuting", "defence", "defense", "senior"].contains(&self.word(head - 1));
            return Some(if qualified { head - 1 } else { head });
        }
        let mut i = head;
        for _ in 0..5 {
            if i <= floor {
                return None;
            }
            i -= 1;
            if !self.is_word(i) || self.speaker_entity(i).is_some() && self.is_person(i).is_some() {
                return None;
            }
            if is_determiner(self.word(i)) {
                return Some(i);
            }
        }
        None
    }

    /// A mention of entity `id` over body `span`, clipped to start at token `floor` or later.
    fn name_mention(&self, id: EntityId, span: Span, floor: usize) -> Mention {
        let (first, end) = self.token_range(span);
        Mention {
            first: first.max(floor),
            end,
            kind: MentionKind::Name(id),
        }
    }

    /// The speaker mention ending at token `last` (inclusive), not before token `floor`.
    pub fn mention_ending_at(&self, last: usize, floor: usize) -> Option<Mention> {
        let word = self.word(last);
        if let Some((id, span)) = self.is_person(last) {
            return Some(self.name_mention(id, span, floor));
        }
        // "the interlocutor of RT": a role noun with an "of" complement.
        for back in 1..=6usize {
            let Some(of) = last.checked_sub(back) else {
                break;
            };
            if of <= floor || !self.is_word(of) {
                break;
            }
            if self.word(of).eq_ignore_ascii_case("of") && of > floor {
                if let Some(first) = self.description_at_head(of - 1, floor) {
                    return Some(Mention {
                        first,
                        // Reached from the comma after it: the comma is not part of it.
                        end: if self.is_word(last) { last + 1 } else { last },
                        kind: MentionKind::Description { head: of - 1 },
                    });
                }
            }
        }
        if let Some(person) = self.person_before_of(last, floor) {
            return Some(person);
        }
        if let Some((id, span)) = self.speaker_entity(last) {
            return Some(self.name_mention(id, span, floor));
        }
        if let Some(kind) = self.pronoun_at(last) {
            return Some(Mention {
                first: last,
                end: last + 1,
                kind,
            });
        }
        // "“…,” the company said": an organisation, as "it" would be; also
        // with a lower-case word between ("the hurricane center said").
        let article = (last > floor && self.word(last - 1).eq_ignore_ascii_case("the"))
            .then(|| last - 1)
            .or_else(|| {
                (last > floor + 1
                    && self.word(last - 2).eq_ignore_ascii_case("the")
                    && self.word(last - 1).chars().all(|c| c.is_lowercase()))
                .then(|| last - 2)
            });
        if let Some(article) =
            article.filter(|_| cues::is_organization_noun(word) && self.speech_verb_at(last + 1))
        {
            return Some(Mention {
                first: article,
                end: last + 1,
                kind: MentionKind::Organization,
            });
        }
        if word.eq_ignore_ascii_case("who") {
            return Some(Mention {
                first: last,
                end: last + 1,
                kind: MentionKind::Relative,
            });
        }
        let first = self.description_at_head(last, floor)?;
        Some(Mention {
            first,
            end: last + 1,
            kind: MentionKind::Description { head: last },
        })
    }

    /// "Christian Lindner of the Free Democrats", "Sarah Hughes, of Avon and
    /// Somerset Police,": a person named before "of" and the capitalised
    /// name of a body ending at token `last`; the person is the speaker,
    /// not the body.
    fn person_before_of(&self, last: usize, floor: usize) -> Option<Mention> {
        let capitalised = |i: usize| self.is_word(i) && self.starts_upper(i);
        if !capitalised(last) || self.is_person(last).is_some() {
            return None;
        }
        let mut k = last;
        for _ in 0..6 {
            if k <= floor + 1 {
                return None;
            }
            k -= 1;
            let word = self.word(k);
            if word == "of" {
                // "Sarah Hughes, of Avon and Somerset Police, said" too.
                let before = if self.word(k - 1) == "," && k - 1 > floor {
                    k - 2
                } else {
                    k - 1
                };
                let (id, span) = self.is_person(before)?;
                return Some(self.name_mention(id, span, floor));
            }
            if !(capitalised(k) || word == "the" || word == "and") {
                return None;
            }
        }
        None
    }

    /// "NASA administrator Jim Bridenstine": the person named right after an
    /// organisation and a title word (tokens from `at`, before `limit`)
    /// speaks, not the organisation.
    /// Up to nine title words may stand between ("AIADMK general secretary
    /// and leader of opposition Edappadi K Palaniswami"), one of them a
    /// person's title and none a speech verb.
    fn title_holder_after(&self, at: usize, limit: usize) -> Option<Mention> {
        let mut titled = false;
        for i in at..(at + 10).min(limit) {
            // "The Congress party's general secretary …, Jairam Ramesh,":
            // a possessive inside, a comma right before the name.
            let apposed = self.word(i) == "," && i + 1 < limit && self.is_person(i + 1).is_some();
            if is_possessive_mark(self.word(i)) || apposed {
                continue;
            }
            if !self.is_word(i) || self.speech_verb_at(i) {
                return None;
            }
            if let Some((id, span)) = self.is_person(i) {
                let (_, end) = self.token_range(span);
                return titled.then_some(Mention {
                    first: i,
                    end: end.min(limit),
                    kind: MentionKind::Name(id),
                });
            }
            // "White House Press Secretary Stephanie Grisham": capitalised too.
            titled |= cues::is_person_noun(&self.word(i).to_lowercase());
        }
        None
    }

    /// The speaker mention starting at token `first`, ending before token `limit`.
    pub fn mention_starting_at(&self, first: usize, limit: usize) -> Option<Mention> {
        if first >= limit {
            return None;
        }
        if let Some((id, span)) = self.speaker_entity(first) {
            let (_, end) = self.token_range(span);
            if self.entities[id].kind == EntityType::Organization {
                if let Some(holder) = self.title_holder_after(end, limit) {
                    return Some(holder);
                }
            }
            return Some(Mention {
                first,
                end: end.min(limit),
                kind: MentionKind::Name(id),
            });
        }
        if let Some(kind) = self.pronoun_at(first) {
            return Some(Mention {
                first,
                end: first + 1,
                kind,
            });
        }
        // "according to the National Weather Service", "said the RCN": the
        // body after "according to" or an inverted verb.
        let inverted = first > 0
            && [
                "to",
                "said",
                "says",
                "added",
                "adds",
                "wrote",
                "writes",
                "stated",
                "reported",
                "warned",
                "announced",
            ]
            .iter()
            .any(|w| self.word(first - 1).eq_ignore_ascii_case(w));
        if inverted && self.word(first).eq_ignore_ascii_case("the") && first + 1 < limit {
            if let Some((id, span)) = self
                .speaker_entity(first + 1)
                .filter(|&(id, _)| self.entities[id].kind == EntityType::Organization)
            {
                let (start, end) = self.token_range(span);
                // The body itself, not "the CFDT chief": punctuation or
                // the verb comes next.
                let alone = end >= limit || !self.is_word(end) || self.speech_verb_at(end);
                if start == first + 1 && alone {
                    return Some(Mention {
                        first: first + 1,
                        end: end.min(limit),
                        kind: MentionKind::Name(id),
                    });
                }
            }
        }
        // "said the agency", "the agency said": not "the group remembers it",
        // nor the first word of a name ("describes the Court Dance").
        let in_name = first + 2 < self.tokens.len()
            && self.starts_upper(first + 1)
            && self.starts_upper(first + 2);
        if first + 2 <= limit
            && self.word(first).eq_ignore_ascii_case("the")
            && cues::is_organization_noun(self.word(first + 1))
            && !in_name
            && (self.speech_verb_at(first + 2)
                || first.checked_sub(1).is_some_and(|v| self.speech_verb_at(v)))
        {
            return Some(Mention {
                first,
                end: first + 2,
                kind: MentionKind::Organization,
            });
        }
        // "the editor of Arsenal magazine Alexei Leonkov", "planetary
        // geologist Rosaly Lopes": the name is the mention.
        for i in first..(first + 10).min(limit) {
            // "one OPEC+ delegate told Al Jazeera": a name after the verb
            // is who heard it.
            if !self.is_word(i) || (i > first && self.speech_verb_at(i)) {
                break;
            }
            if let Some((id, span)) = self.is_person(i) {
                // "the software developer from Modiin said": a name after a
                // preposition is where the described person is from.
                if i > first && is_preposition(self.word(i - 1)) {
                    break;
                }
                if i == first
                    || is_determiner(self.word(first))
                    || self.starts_upper(first)
                    || (i - first <= 4 && cues::is_person_noun(self.word(i - 1)))
                {
                    let (_, end) = self.token_range(span);
                    return Some(Mention {
                        first: i,
                        end: end.min(limit),
                        kind: MentionKind::Name(id),
                    });
                }
                break;
            }
        }
        if !is_determiner(self.word(first)) {
            // "according to French Foreign Minister Jean-Yves Le Drian"
            for i in first..(first + 5).min(limit) {
                if !self.is_word(i) || !self.starts_upper(i) {
                    return None;
                }
                if let Some((id, span)) = self.is_person(i) {
                    let (_, end) = self.token_range(span);
                    return Some(Mention {
                        first: i,
                        end: end.min(limit),
                        kind: MentionKind::Name(id),
                    });
                }
            }
            return None;
        }
        let mut head = None;
        for i in first + 1..(first + 6).min(limit) {
            if !self.is_word(i) {
                break;
            }
            if let Some((id, span)) = self.is_person(i) {
                // Not a name after a preposition: "the developer from Modiin".
                if i > first + 1 && is_preposition(self.word(i - 1)) {
                    break;
                }
                // "the French minister Jean-Yves Le Drian": the name is the mention.
                let (_, end) = self.token_range(span);
                return Some(Mention {
                    first: i,
                    end: end.min(limit),
                    kind: MentionKind::Name(id),
                });
            }
            if self.heads_a_description(i) {
                // The last of a run of role nouns heads it: "the chief
                // diplomat", "the deputy minister".
                let mut last = i;
                while last + 1 < limit && is_role(self.word(last + 1)) {
                    last += 1;
                }
                head = Some(last);
                break;
            }
        }
        let head = head?;
        let mut end = head + 1;
        if end < limit && self.word(end).eq_ignore_ascii_case("of") {
            let mut j = end + 1;
            while j < limit && j < head + MAX_DESCRIPTION && self.is_word(j) {
                let w = self.word(j);
                // "the Minister of Defense", and in lower case "the secretary
                // of state", "the minister of foreign affairs".
                let complement = w.chars().next().is_some_and(char::is_uppercase)
                    || super::roles::is_title_complement(w);
                if !(complement || ["the", "of", "and", "for"].contains(&w)) {
                    break;
                }
                j += 1;
                if complement {
                    end = j;
                }
            }
        }
        Some(Mention {
            first,
            end,
            kind: MentionKind::Description { head },
        })
    }

    /// The entity a mention refers to, with a confidence, given the quotes attributed so far.
    pub fn resolve(&self, mention: &Mention, said: &[Said]) -> Option<(EntityId, f32)> {
        let pos = self.tokens[mention.first].span.start();
        match mention.kind {
            MentionKind::Name(id) => Some((id, 0.9)),
            MentionKind::Pronoun(gender) => self.salient(pos, gender, said).map(|id| (id, 0.7)),
            MentionKind::Neuter => self.organization_in_reach(pos, said).map(|id| (id, 0.6)),
            MentionKind::Organization => self
                .organization_described_as(mention.end.saturating_sub(1), pos)
                .or_else(|| self.organization_in_reach(pos, said))
                .or_else(|| self.organization_named_before(pos))
                .map(|id| (id, 0.6)),
            MentionKind::Relative => {
                // "the French defense minister, who said": the phrase before the comma.
                let comma = mention.first.checked_sub(1)?;
                if self.word(comma) != "," || comma == 0 {
                    return None;
                }
                let before = self.mention_ending_at(comma - 1, 0)?;
                if before.kind == MentionKind::Relative {
                    return None;
                }
                self.resolve(&before, said)
            }
            MentionKind::Description { head } => {
                // Apposition "Lavrov, the Russian foreign minister, said".
                // Also past short asides: "Lang, 54, a former diplomat, said".
                if mention.first >= 2 && self.word(mention.first - 1) == "," {
                    let floor = mention.first.saturating_sub(6);
                    for t in (floor..mention.first - 1).rev() {
                        if let Some((id, _)) = self.is_person(t) {
                            return Some((id, 0.85));
                        }
                        // Only an age or a comma between: "Mahama that
                        // evening, the King said" is no apposition.
                        let age = self.word(t).bytes().all(|b| b.is_ascii_digit());
                        if self.word(t) != "," && !age {
                            break;
                        }
                    }
                    if self.unknown_name_before(mention.first - 1) {
                        return None;
                    }
                }
                // "A spokesperson for Deutsche Bahn said", "the spokesperson
                // said" after one: the organisation speaks through them.
                // "Peskov dismissed the meeting. “…,” the Kremlin spokesman
                // said": a definite one the text has named is that person.
                if let Some(org) = self.represented_organization(head, mention.first) {
                    let definite = self.word(mention.first).eq_ignore_ascii_case("the");
                    let named = definite
                        .then(|| self.by_role(mention, head, pos))
                        .flatten()
                        .map(|(id, _)| id)
                        .or_else(|| {
                            definite
                                .then(|| self.subject_opening_previous_sentence(pos, said))
                                .flatten()
                                .filter(|&id| self.is_person_entity(id))
                        });
                    return Some(named.map_or((org, 0.6), |id| (id, 0.6)));
                }
                if cues::is_indefinite(self.word(mention.first)) {
                    return None; // "one aide said": someone new, unnamed
                }
                if let Some((id, _)) = self.by_role(mention, head, pos) {
                    // "Leader of the Opposition X …. A senior BJP leader,
                    // who did not wish to be named, …. “…,” the leader
                    // said": the unnamed one, introduced since.
                    let introduced = self
                        .latest_unnamed_introduction(head, mention.first)
                        .map(|i| self.tokens[i].span.start());
                    let last_named = self.entities[id]
                        .mentions
                        .iter()
                        .filter(|m| m.start() < pos)
                        .map(|m| m.start())
                        .max();
                    if introduced.is_some_and(|at| last_named.is_none_or(|n| at > n)) {
                        return None;
                    }
                    if let Some(near) = self.salient_within(pos, None, said, 2) {
                        // The person of the previous sentence or two who was just
                        // reported speaking is a likelier referent than a titled one
                        // further back, if the text never gave their title, or if the
                        // description is bare ("the minister") and the titled person
                        // is not named in those sentences.
                        let bare = head <= mention.first + 1 && mention.end <= head + 1;
                        if near != id
                            && (!self.has_role(near, pos)
                                || (bare && !self.named_within(id, pos, 2)))
                            && self.speaks_near(near, pos, said)
                        {
                            return Some((near, 0.6));
                        }
                    }
                    return Some((id, 0.75));
                }
                // "Google's head of philanthropy says": someone of that
                // body the text has not named, unless a title matched above.
                // "A doctor on the scene told …" earlier: "the doctor" is
                // that unnamed person, not whoever was quoted last.
                if cues::is_named_possessive(self.word(mention.first))
                    || self.introduced_unnamed(head, mention.first)
                {
                    return None;
                }
                // "Union leader Laurent Berger warned …. “…,” the CFDT chief
                // told …": no learned title names the role, so the person
                // of this sentence or the one before is likelier than one
                // quoted further back.
                // "Best actress went to newcomer Ngozi Eze-Lindqvist, who …
                // “…,” the 29-year-old told …": an age the text never gave
                // describes the person it has just introduced.
                // Only when nobody was quoted since that sentence: "…,’
                // Moyes said. ‘…’ ¶ Asked whether …, the 62-year-old was
                // unrepentant" is Moyes, quoted last.
                // "the 29-year-old nurse" too.
                let aged = (mention.first..=head).any(|t| self.word(t).ends_with("-year-old"));
                // A person opening the sentence before as its subject comes
                // first ("Smith, named Player of the Match, kept it simple.
                // ‘…,’ the 25-year-old said"); a description names a
                // person, so "Everton" opening it is no "62-year-old".
                if let Some(near) = self
                    .subject_opening_previous_sentence(pos, said)
                    .filter(|&id| self.is_person_entity(id))
                {
                    return Some((near, 0.5));
                }
                if aged {
                    let since = self
                        .unquoted_sentence_before(pos)
                        .map_or(0, |s| self.sentences[s].span.start());
                    let quoted_since = said.iter().any(|q| q.pos > since && q.pos < pos);
                    if let Some(id) = self
                        .newcomer_of_previous_sentence(pos)
                        .filter(|_| !quoted_since)
                    {
                        return Some((id, 0.5));
                    }
                }
                // "the analyst", "the expert": most often the person quoted last.
                let s0 = self.sentence_of(pos);
                if let Some(q) = said
                    .iter()
                    .rev()
                    .find(|q| q.pos < pos && q.sentence + SALIENCE_SENTENCES * 2 >= s0)
                {
                    return Some((q.speaker, 0.5));
                }
                self.salient(pos, None, said).map(|id| (id, 0.5))
            }
        }
    }

    /// The organisation a spokesperson at token `head` speaks for: named
    /// after it ("a spokesperson for Deutsche Bahn", "a spokesman at the
    /// ministry of X") or right before it ("a Boeing spokeswoman"); for
    /// "the spokesperson" (the description opening at token `first`), the
    /// one an earlier spokesperson of the text spoke for, at most
    /// [`SALIENCE_SENTENCES`] back.
    fn represented_organization(&self, head: usize, first: usize) -> Option<EntityId> {
        let spokes = |i: usize| {
            self.word(i)
                .get(..6)
                .is_some_and(|w| w.eq_ignore_ascii_case("spokes"))
        };
        if !spokes(head) {
            return None;
        }
        let organization_at = |i: usize| {
            self.speaker_entity(i)
                .filter(|&(id, _)| self.entities[id].kind == EntityType::Organization)
                .map(|(id, _)| id)
        };
        let named_for = |h: usize| {
            let link = h + 1 < self.tokens.len()
                && ["for", "of", "at"]
                    .iter()
                    .any(|w| self.word(h + 1).eq_ignore_ascii_case(w));
            let after = if link && h + 2 < self.tokens.len() && self.word(h + 2) == "the" {
                h + 3
            } else {
                h + 2
            };
            // "a council spokesperson said": the body named or described
            // before.
            let described = |k: usize| {
                let pos = self.tokens[k].span.start();
                cues::is_organization_noun(self.word(k))
                    .then(|| {
                        self.organization_headed_by(k, pos)
                            .or_else(|| self.organization_described_as(k, pos))
                            .or_else(|| self.organization_named_before(pos))
                    })
                    .flatten()
            };
            let before = (h > 0)
                .then(|| organization_at(h - 1).or_else(|| described(h - 1)))
                .flatten();
            before.or_else(|| {
                if !link || after >= self.tokens.len() {
                    return None;
                }
                // "a spokesperson for the federal Department of
                // Infrastructure": past a lower-case modifier or two.
                let modifiers = (after..(after + 2).min(self.tokens.len()))
                    .take_while(|&k| {
                        self.is_word(k) && self.word(k).chars().all(char::is_lowercase)
                    })
                    .count();
                organization_at(after + modifiers).or_else(|| {
                    // "a spokesperson for the charity".
                    self.word(after - 1)
                        .eq_ignore_ascii_case("the")
                        .then(|| described(after))
                        .flatten()
                })
            })
        };
        if let Some(org) = named_for(head) {
            return Some(org);
        }
        // "In a statement, teaching union NEU Cymru said it would respond.
        // ¶ “…,” a spokesperson said": the body the sentence before is
        // about.
        if cues::is_indefinite(self.word(first)) && head == first + 1 {
            let pos = self.tokens[first].span.start();
            let sentence = self.sentences[self.unquoted_sentence_before(pos)?];
            let m =
                self.main_subject(sentence.first_token as usize, sentence.end_token as usize)?;
            return match m.kind {
                MentionKind::Name(id) if self.entities[id].kind == EntityType::Organization => {
                    Some(id)
                }
                _ => None,
            };
        }
        if !self.word(first).eq_ignore_ascii_case("the") {
            return None;
        }
        let s0 = self.sentence_of(self.tokens[first].span.start());
        let floor = self.sentences[s0.saturating_sub(SALIENCE_SENTENCES)].first_token as usize;
        (floor..first)
            .rev()
            .filter(|&i| spokes(i))
            .find_map(named_for)
    }

    /// Whether the role noun at token `head` was used before token `before`
    /// for someone the text does not name: after an indefinite article ("a
    /// doctor on the scene", "one aide"), outside quotes, and not named
    /// ([`Ctx::named_after`]).
    fn introduced_unnamed(&self, head: usize, before: usize) -> bool {
        self.latest_unnamed_introduction(head, before).is_some()
    }

    /// The token of the latest such unnamed use ([`Ctx::introduced_unnamed`]).
    fn latest_unnamed_introduction(&self, head: usize, before: usize) -> Option<usize> {
        let key = role_key(self.word(head));
        (1..before).rev().find(|&i| {
            // Not in apposition to a name: "David Moor, a researcher at …".
            let apposed =
                |d: usize| d >= 2 && self.word(d - 1) == "," && self.is_person(d - 2).is_some();
            // "A senior Kenyan health ministry official": up to four
            // words between.
            let indefinite = (1..=5).any(|back| {
                i >= back
                    && is_indefinite(self.word(i - back))
                    && !apposed(i - back)
                    && (i - back + 1..i).all(|k| self.is_word(k) && self.is_person(k).is_none())
            });
            indefinite
                && !self.token_in_zone(i)
                && role_key(strip_possessive(self.word(i))) == key
                && !self.named_after(i, before)
        })
    }

    /// Whether a person's name follows token `i` as its apposition or name
    /// ("a doctor, Ana Ruiz,", "a doctor named Ana Ruiz"), before token `before`.
    fn named_after(&self, i: usize, before: usize) -> bool {
        let link = |k: usize| {
            k < before
                && (self.word(k) == ","
                    || ["named", "called"]
                        .iter()
                        .any(|w| self.word(k).eq_ignore_ascii_case(w)))
        };
        link(i + 1) && (i + 2..(i + 4).min(before)).any(|k| self.is_person(k).is_some())
    }

    /// Whether `id` is named in the sentence of `pos` (before it) or the `back` sentences before.
    fn named_within(&self, id: EntityId, pos: usize, back: usize) -> bool {
        let s0 = self.sentence_of(pos);
        let from = self.sentences[s0.saturating_sub(back)].span.start();
        self.entities[id]
            .mentions
            .iter()
            .any(|m| m.start() >= from && m.start() < pos)
    }

    /// Whether `id` is quoted, or named next to a speech cue, in the two sentences before `pos`.
    fn speaks_near(&self, id: EntityId, pos: usize, said: &[Said]) -> bool {
        let s0 = self.sentence_of(pos);
        let lo = s0.saturating_sub(2);
        if said
            .iter()
            .any(|q| q.speaker == id && q.sentence >= lo && q.pos < pos)
        {
            return true;
        }
        (lo..=s0).any(|s| {
            let range = self.sentences[s].token_range();
            let named = range
                .clone()
                .any(|i| self.token_entity[i].is_some_and(|e| e.0 == id));
            named
                && range.clone().any(|i| {
                    let next = if i + 1 < range.end {
                        self.word(i + 1)
                    } else {
                        ""
                    };
                    self.tokens[i].span.start() < pos
                        && cues::cue_at(&[self.word(i), next]).is_some()
                })
        })
    }

    /// The index of the sentence before the one at byte `pos`, past up to
    /// three sentences of the quote itself ("“It happens. The most
    /// important thing is that we won,” the Egyptian forward told …").
    fn unquoted_sentence_before(&self, pos: usize) -> Option<usize> {
        let mut s = self.sentence_of(pos).checked_sub(1)?;
        let quoted = |s: usize| {
            let sentence = self.sentences[s];
            (sentence.first_token as usize..sentence.end_token as usize)
                .find(|&t| self.is_word(t))
                .is_some_and(|t| self.token_in_zone(t))
        };
        for _ in 0..3 {
            if !quoted(s) {
                break;
            }
            s = s.checked_sub(1)?;
        }
        Some(s)
    }

    /// The one person first named in the sentence before the one at byte
    /// `pos` (past the quote's own sentences), if exactly one is, not after
    /// a preposition.
    fn newcomer_of_previous_sentence(&self, pos: usize) -> Option<EntityId> {
        let sentence = self.sentences[self.unquoted_sentence_before(pos)?];
        let from = sentence.span.start();
        let mut found: Option<EntityId> = None;
        for t in sentence.first_token as usize..sentence.end_token as usize {
            let Some((id, span)) = self.is_person(t).filter(|_| !self.token_in_zone(t)) else {
                continue;
            };
            // Not a name after a preposition: "the move at Les Combes";
            // but "For Priya Raman, the timing could hardly be worse" is
            // about her.
            let (first, _) = self.token_range(span);
            if self.prepositional(first, sentence.first_token as usize) {
                continue;
            }
            let first_named = self.entities[id].mentions.iter().map(|m| m.start()).min();
            if first_named.is_some_and(|f| f >= from) && found != Some(id) {
                if found.is_some() {
                    return None;
                }
                found = Some(id);
            }
        }
        found
    }

    /// The person or organisation that opens the sentence before the one at
    /// byte `pos` as its subject, within its first four words ("Union
    /// leader Laurent Berger warned …"); not a possessive ("He praised
    /// Macron's efforts").
    fn subject_opening_previous_sentence(&self, pos: usize, said: &[Said]) -> Option<EntityId> {
        let sentence = self.sentences[self.unquoted_sentence_before(pos)?];
        let (first, end) = (sentence.first_token as usize, sentence.end_token as usize);
        // "The Spaniard has now scored points …. “…,” the 31-year-old
        // said": a sentence opened by a pronoun or a description is about
        // whoever that names.
        let opener = (first..end)
            .find(|&t| self.is_word(t))
            .filter(|_| self.chain.get() < MAX_CHAIN);
        if let Some(t) = opener {
            if let Some(m) = self.mention_starting_at(t, end).filter(|m| {
                m.first == t
                    && matches!(
                        m.kind,
                        MentionKind::Pronoun(_) | MentionKind::Description { .. }
                    )
            }) {
                return self.person_referred_to(&m, said);
            }
        }
        // "When Mr. Palaniswami rose to respond, Speaker M. Appavu
        // declined …": a fronted subordinate clause has its own subject;
        // the sentence's comes after its comma.
        let first = opener.map_or(first, |t| self.main_clause_start(t, end));
        let m = self.main_subject(first, end)?;
        // Right after a fronted adverbial ("Barely two hours after Modi's
        // speech, at a roadshow in Behala, Banerjee dismissed …") the
        // subject still opens its clause.
        let after_adverbial = m.first > first && self.word(m.first - 1) == ",";
        match m.kind {
            MentionKind::Name(id) if m.first < first + 4 || after_adverbial => Some(id),
            _ => None,
        }
    }

    /// Where the main clause of a sentence opening at token `opener` (and
    /// ending before `end`) starts: after the comma that closes a fronted
    /// subordinate clause ("When Mr. Palaniswami rose to respond, Speaker
    /// M. Appavu declined …"), else at `opener`.
    pub(super) fn main_clause_start(&self, opener: usize, end: usize) -> usize {
        if !cues::is_subordinator(self.word(opener)) {
            return opener;
        }
        (opener + 1..end.min(opener + ADVERBIAL_REACH))
            .find(|&k| self.word(k) == ",")
            .map_or(opener, |comma| comma + 1)
    }

    /// The subject of the clause that runs from token `from` to `to`: the
    /// first person or organisation named there, not after a preposition.
    /// "Liu said that the army could be deployed, warning: “…”": the
    /// participle's subject is Liu, not the nearest name.
    pub fn main_subject(&self, from: usize, to: usize) -> Option<Mention> {
        let mut t = from;
        while t < to {
            if self.token_in_zone(t) {
                t += 1;
                continue;
            }
            if let Some((id, span)) = self.speaker_entity(t) {
                let m = self.name_mention(id, span, from);
                // "The company that runs the AMAs, Dick Clark Productions,
                // denies": not a name inside a relative clause.
                let relative = (from..m.first)
                    .rev()
                    .take_while(|&k| self.word(k) != ",")
                    .any(|k| {
                        ["that", "who", "which", "whom", "whose"]
                            .iter()
                            .any(|w| self.word(k).eq_ignore_ascii_case(w))
                    });
                if !relative
                    && !self.prepositional(m.first, from)
                    && !self.ends_possessive(m.end, to)
                {
                    // "InfoNation President Dan McDowell": the organisation
                    // qualifies the title of the person who is the subject.
                    // So does it in "Hamas official Basem Naim".
                    let titled = (m.end..(m.end + 3).min(to))
                        .take_while(|&k| self.starts_upper(k))
                        .find_map(|k| self.is_person(k));
                    let organization = self.entities[id].kind == EntityType::Organization;
                    return Some(match titled {
                        Some((id, span)) => self.name_mention(id, span, from),
                        None if organization => self.title_holder_after(m.end, to).unwrap_or(m),
                        None => m,
                    });
                }
                t = m.end.max(t + 1);
                continue;
            }
            t += 1;
        }
        None
    }

    /// True when the words from the start of the sentence to the comma at
    /// token `comma` look like a name no entity covers ("Cheuk Hau-yip, the
    /// commander of Kowloon West district, said"): the description is that
    /// person's, someone the tagger missed, not someone named earlier.
    fn unknown_name_before(&self, comma: usize) -> bool {
        let sentence = &self.sentences[self.sentence_of(self.tokens[comma].span.start())];
        let first = sentence.first_token as usize;
        let words = first..comma;
        !words.is_empty()
            && comma - first <= 4
            && !is_preposition(self.word(first))
            && !is_determiner(self.word(first))
            && cues::pronoun(self.word(first)).is_none()
            && words.clone().all(|t| {
                self.starts_upper(t)
                    && self.is_word(t)
                    && self.is_person(t).is_none()
                    && self.speaker_entity(t).is_none()
            })
    }

    /// The kind of the pronoun at token `i` if it can name a speaker. "it"
    /// and "they" count only as the subject of a speech verb right after
    /// them ("it added"), never as an object ("remembers it as", "said it
    /// viewed").
    pub(super) fn pronoun_at(&self, i: usize) -> Option<MentionKind> {
        let word = self.word(i);
        if let Some(gender) = cues::pronoun(word) {
            return Some(MentionKind::Pronoun(gender));
        }
        (cues::is_neuter_pronoun(word) && self.speech_verb_at(i + 1)).then_some(MentionKind::Neuter)
    }

    /// Whether a speech verb starts at token `i` ("said", "told").
    fn speech_verb_at(&self, i: usize) -> bool {
        matches!(
            super::attribution::cue(self, i, self.tokens.len()),
            Some((_, cues::CueKind::Verb))
        )
    }

    /// The organisation an "it" or "they" at byte `pos` speaks for: the
    /// speaker of the latest quote in this or the previous sentence if that is
    /// an organisation, else the organisation that is the subject of the
    /// previous sentence ("Big Machine have denied it. “…,” they said").
    /// A person quoted or named as subject there instead gives no one: "they"
    /// may be people, and "it" is not that person.
    fn organization_in_reach(&self, pos: usize, said: &[Said]) -> Option<EntityId> {
        let s0 = self.sentence_of(pos);
        // The sentence before the quote this attributes, past the quote's
        // own sentences ("“… race. The Council should …,” the group said").
        let before = self
            .unquoted_sentence_before(pos)
            .unwrap_or(s0.saturating_sub(1));
        let is_org = |id: EntityId| self.entities[id].kind == EntityType::Organization;
        if let Some(q) = said
            .iter()
            .rev()
            .find(|q| q.pos < pos && q.sentence >= before)
        {
            return is_org(q.speaker).then_some(q.speaker);
        }
        let previous = self.sentences.get(before).filter(|_| s0 > 0)?;
        let subject =
            self.main_subject(previous.first_token as usize, previous.end_token as usize)?;
        match subject.kind {
            MentionKind::Name(id) if is_org(id) => Some(id),
            _ => None,
        }
    }

    /// Every mention of an organisation, with its entity.
    fn organization_mentions(&self) -> impl Iterator<Item = (Span, EntityId)> + '_ {
        self.entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityType::Organization)
            .flat_map(|(id, e)| e.mentions.iter().map(move |m| (*m, id)))
    }

    /// The organisation of the latest mention before byte `pos`, within
    /// [`SALIENCE_SENTENCES`] sentences, that `fits`.
    fn latest_organization_fitting(
        &self,
        pos: usize,
        fits: impl Fn(Span) -> bool,
    ) -> Option<EntityId> {
        let s0 = self.sentence_of(pos);
        let from = self.sentences[s0.saturating_sub(SALIENCE_SENTENCES)]
            .span
            .start();
        self.organization_mentions()
            .filter(|(m, _)| m.start() >= from && m.end() <= pos && fits(*m))
            .max_by_key(|(m, _)| m.start())
            .map(|(_, id)| id)
    }

    /// The organisation named last before byte `pos` whose name ends in
    /// the noun at token `head` ("Calderdale Council … a council
    /// spokesperson").
    fn organization_headed_by(&self, head: usize, pos: usize) -> Option<EntityId> {
        let noun = self.word(head);
        self.latest_organization_fitting(pos, |m| {
            self.body[m]
                .rsplit(' ')
                .next()
                .is_some_and(|last| last.eq_ignore_ascii_case(noun))
        })
    }

    /// The organisation that an apposition described with the noun at token
    /// `head` ("Eurofer, the European steel association, said …. “…,” the
    /// association said"): the latest such one before byte `pos`.
    fn organization_described_as(&self, head: usize, pos: usize) -> Option<EntityId> {
        let noun = self.word(head);
        let n = self.tokens.len();
        self.latest_organization_fitting(pos, |m| {
            let (_, end) = self.token_range(m);
            end + 2 < n
                && self.word(end) == ","
                && is_determiner(self.word(end + 1))
                && (end + 2..(end + 8).min(n))
                    .take_while(|&k| self.word(k) != ",")
                    .any(|k| self.word(k).eq_ignore_ascii_case(noun))
        })
    }

    /// The organisation a description at byte `pos` refers to: the one
    /// named last before it in its sentence ("GateHouse laid off 60
    /// employees (the company called it “immaterial”)"), else the first
    /// one the sentence before names, its likeliest subject ("Clarke said
    /// NASA is building … for the VIPER rover. The agency is …").
    fn organization_named_before(&self, pos: usize) -> Option<EntityId> {
        let s0 = self.sentence_of(pos);
        let start_of = |s: usize| {
            let first = self.sentences.get(s)?.first_token as usize;
            self.tokens.get(first).map(|t| t.span.start())
        };
        let orgs = || self.organization_mentions();
        let here = start_of(s0)?;
        if let Some((_, id)) = orgs()
            .filter(|(m, _)| m.start() >= here && m.end() <= pos)
            .max_by_key(|(m, _)| m.start())
        {
            return Some(id);
        }
        let before = start_of(s0.checked_sub(1)?)?;
        orgs()
            .filter(|(m, _)| m.start() >= before && m.end() <= here)
            .min_by_key(|(m, _)| m.start())
            .map(|(_, id)| id)
    }

    /// The most salient person before byte `pos`: the speaker of the latest
    /// attributed quote or the subject-like person of the latest sentence naming one.
    pub fn salient(&self, pos: usize, gender: Option<bool>, said: &[Said]) -> Option<EntityId> {
        self.salient_within(pos, gender, said, SALIENCE_SENTENCES)
    }

    /// [`Ctx::salient`] looking at most `back` sentences back. A "she"
    /// skips a person whose first name is a man's ("Oliver Sacks") when a
    /// woman or a person of unknown gender is in reach, and the reverse;
    /// with no such person in reach the first names are ignored.
    fn salient_within(
        &self,
        pos: usize,
        gender: Option<bool>,
        said: &[Said],
        back: usize,
    ) -> Option<EntityId> {
        self.salient_agreeing(pos, gender, said, back, true)
            .or_else(|| self.salient_agreeing(pos, gender, said, back, false))
    }

    /// [`Ctx::salient_within`] with the first names' genders taken into
    /// account (`by_name`) or not.
    fn salient_agreeing(
        &self,
        pos: usize,
        gender: Option<bool>,
        said: &[Said],
        back: usize,
        by_name: bool,
    ) -> Option<EntityId> {
        if self.sentences.is_empty() {
            return None;
        }
        let s0 = self.sentence_of(pos);
        let known = |id: EntityId| {
            self.gender[id].or_else(|| if by_name { self.name_gender[id] } else { None })
        };
        let compatible = |id: EntityId| match (gender, known(id)) {
            (Some(a), Some(b)) => a == b,
            _ => true,
        };
        // A person after a preposition ("more nervous than Rose-Lynn") is
        // taken only when no subject-like person is in reach further back.
        let mut fallback = None;
        for s in (s0.saturating_sub(back)..=s0).rev() {
            let sentence = self.sentences[s];
            let limit = if s == s0 { pos } else { sentence.span.end() };
            // "he" and "she" are people: an organisation quoted last
            // ("An Garda Síochána said: “…”") is no referent.
            let referent =
                |id: EntityId| compatible(id) && (gender.is_none() || self.is_person_entity(id));
            if let Some(q) = said
                .iter()
                .rev()
                .find(|q| q.sentence == s && q.pos < limit && referent(q.speaker))
            {
                return Some(q.speaker);
            }
            // "He also noted that Turkish President Erdoğan had offered …":
            // a sentence whose subject is "he" keeps the focus on whoever
            // that "he" is, not on the people named inside it.
            let opener = (sentence.first_token as usize..sentence.end_token as usize)
                .find(|&t| self.is_word(t) && !self.token_in_zone(t))
                .filter(|&t| self.tokens[t].span.start() < limit);
            if let Some(t) = opener {
                // "One juror, who asked not to be named, said …. “…,” she
                // said": someone the text never names holds the focus.
                // Also after a fronted adverbial: "Outside the court, a
                // relative of one of the victims … said".
                let end = sentence.end_token as usize;
                let adverbial = cues::opens_fronted_clause(&self.word(t).to_lowercase());
                // Not "For Margaret Hollis, a 79-year-old widow, …": a name
                // before the comma makes it an apposition.
                // "In a victim impact statement read to the court, one
                // woman … said": an adverbial may run a dozen words.
                let after_adverbial = (t..(t + ADVERBIAL_REACH).min(end))
                    .filter(|_| adverbial)
                    .take_while(|&k| self.is_person(k).is_none())
                    .find(|&k| self.word(k) == ",")
                    .map(|comma| comma + 1)
                    .filter(|&k| k < end);
                if self.opens_with_unnamed_person(t, end)
                    || after_adverbial.is_some_and(|k| self.opens_with_unnamed_person(k, end))
                {
                    return None;
                }
                // "The chief minister also cited the … scheme. He said: “…”":
                // a sentence opened by a definite description of a person
                // is about whoever that describes.
                // So is one after a fronted adverbial, which may hold a
                // participle clause: "Later, talking to reporters outside
                // the assembly building, the chief minister dismissed …".
                let described = self.described_opener(t, end, said).or_else(|| {
                    let from = after_adverbial?;
                    (from - 1..(t + ADVERBIAL_REACH).min(end))
                        .take_while(|&k| self.is_person(k).is_none())
                        .filter(|&k| self.word(k) == "," && k + 1 < end)
                        .filter(|&k| self.verb_follows_description(k + 1, end))
                        .find_map(|k| self.described_opener(k + 1, end, said))
                });
                if let Some(id) = described {
                    if compatible(id) {
                        return Some(id);
                    }
                }
                if let Some(g) = cues::pronoun(self.word(t)).filter(|_| t > 0) {
                    if gender.is_none() || g == gender {
                        let start = sentence.span.start();
                        let earlier = s0.saturating_sub(back);
                        let left = s.saturating_sub(earlier);
                        if left > 0 && start > 0 {
                            return self.salient_agreeing(start, g, said, left, by_name);
                        }
                    }
                }
            }
            // "When Mr. Palaniswami rose, Speaker M. Appavu declined …":
            // a person inside a fronted subordinate clause is taken only
            // when the main clause names nobody.
            let main_from = opener.map_or(0, |t| {
                self.main_clause_start(t, sentence.end_token as usize)
            });
            let mut i = sentence.first_token as usize;
            while i < sentence.end_token as usize && self.tokens[i].span.start() < limit {
                if self.token_in_zone(i) {
                    i += 1;
                    continue;
                }
                if let Some((id, span)) = self.is_person(i) {
                    let (first, end) = self.token_range(span);
                    if i < main_from {
                        if compatible(id) && s != s0 {
                            fallback.get_or_insert(id);
                        }
                        i = end.max(i + 1);
                        continue;
                    }
                    // "Holden's deputy, Brandon Bryant, was blunt": the person
                    // named in apposition to the possessive's noun is the
                    // subject. A possessive alone ("Buckley's voice swells")
                    // still puts its person in focus.
                    let apposed = self
                        .ends_possessive(end, self.tokens.len())
                        .then(|| self.person_in_apposition_after(end))
                        .flatten()
                        .filter(|&other| compatible(other));
                    if let Some(other) = apposed {
                        return Some(other);
                    }
                    if compatible(id) {
                        if !self.prepositional(first, sentence.first_token as usize) {
                            return Some(id);
                        }
                        if s != s0 {
                            fallback.get_or_insert(id);
                        }
                    }
                    i = end.max(i + 1);
                    continue;
                }
                i += 1;
            }
        }
        fallback
    }

    /// True when the description starting at token `t` is followed by a
    /// lower-case word that is no preposition, as a verb would be ("the
    /// chief minister dismissed"; not "the head of the institute, Anna
    /// Berg, called", whose subject is the name in apposition).
    fn verb_follows_description(&self, t: usize, end: usize) -> bool {
        self.mention_starting_at(t, end)
            .filter(|m| m.first == t && matches!(m.kind, MentionKind::Description { .. }))
            .is_some_and(|m| {
                m.end < end && {
                    let next = self.word(m.end);
                    next.chars().next().is_some_and(char::is_lowercase)
                        && !cues::is_preposition(next)
                }
            })
    }

    /// The person a definite description opening a sentence at token `t`
    /// refers to ("The chief minister also cited …"), with the chain of
    /// such look-ups bounded by [`MAX_CHAIN`].
    fn described_opener(&self, t: usize, end: usize, said: &[Said]) -> Option<EntityId> {
        if self.chain.get() >= MAX_CHAIN || cues::is_indefinite(self.word(t)) {
            return None;
        }
        let m = self
            .mention_starting_at(t, end)
            .filter(|m| m.first == t && matches!(m.kind, MentionKind::Description { .. }))?;
        // "The French ambassador, Jérôme Bonnafont, was blunter": the name
        // in apposition.
        // Also past a title: "The trust’s chief executive, Dr Alison
        // Merriweather, apologised".
        if m.end + 1 < end && self.word(m.end) == "," {
            let title = cues::is_name_title(self.word(m.end + 1));
            let name_at = m.end + 1 + usize::from(title && m.end + 2 < end);
            if let Some((id, _)) = self.is_person(name_at) {
                return Some(id);
            }
        }
        self.person_referred_to(&m, said)
    }

    /// The person a pronoun or description opening a sentence refers to,
    /// resolved one step further down the chain of such look-ups (see
    /// [`MAX_CHAIN`], which the callers check).
    fn person_referred_to(&self, m: &Mention, said: &[Said]) -> Option<EntityId> {
        self.chain.set(self.chain.get() + 1);
        let referent = self.resolve(m, said);
        self.chain.set(self.chain.get() - 1);
        referent
            .map(|(id, _)| id)
            .filter(|&id| self.is_person_entity(id))
    }

    /// Whether the words from token `t` are an indefinite description of a
    /// person that names no one: "One juror", "A senior BJP leader", "An
    /// aide to the minister" (before token `end`).
    fn opens_with_unnamed_person(&self, t: usize, end: usize) -> bool {
        // "Her daughter, who asked not to be named, said": a relative the
        // text does not name.
        let pronoun_kin = ["her", "his", "their"]
            .iter()
            .any(|p| self.word(t).eq_ignore_ascii_case(p))
            && t + 1 < end
            && cues::is_kin(self.word(t + 1))
            && !(t + 3 < end && self.word(t + 2) == "," && self.is_person(t + 3).is_some());
        if pronoun_kin {
            return true;
        }
        if !is_indefinite(self.word(t)) {
            return false;
        }
        for i in t + 1..(t + 5).min(end) {
            if !self.is_word(i) || self.is_person(i).is_some() {
                return false;
            }
            let word = self.word(i);
            if is_description_head(word) || cues::is_person_noun(word) {
                // Not "a spokesperson for Deutsche Bahn": that body speaks.
                // Nor "A retired wheat farmer, he has lived …": a fronted
                // description of whom the pronoun names.
                let apposed = i + 2 < end
                    && self.word(i + 1) == ","
                    && (self.is_person(i + 2).is_some()
                        || cues::pronoun(self.word(i + 2)).is_some());
                return self.represented_organization(i, t).is_none() && !apposed;
            }
        }
        false
    }

    /// Whether the mention ending before token `end` is in the possessive:
    /// "Russia’s", or a name whose "’s" is a token of its own, before `limit`.
    pub(super) fn ends_possessive(&self, end: usize, limit: usize) -> bool {
        is_possessive(self.word(end - 1)) || (end < limit && is_possessive_mark(self.word(end)))
    }

    /// The person named after a comma right behind a possessive's noun:
    /// "Holden's deputy, Brandon Bryant," (tokens from `from`, the first
    /// after the possessive).
    fn person_in_apposition_after(&self, from: usize) -> Option<EntityId> {
        let n = self.tokens.len();
        let mut i = from;
        if i < n && is_possessive_mark(self.word(i)) {
            i += 1;
        }
        let noun_end = (i..(i + 3).min(n)).find(|&k| self.word(k) == ",")?;
        if noun_end == i || !(i..noun_end).all(|k| self.is_word(k) && self.is_person(k).is_none()) {
            return None;
        }
        (noun_end + 1 < n)
            .then(|| self.is_person(noun_end + 1))
            .flatten()
            .map(|(id, _)| id)
    }

    /// True for an organisation named after a preposition ("between the EU")
    /// or a person right after one ("with Epstein"): an object, not the
    /// subject of a nearby speech verb.
    pub fn is_object(&self, m: &Mention, floor: usize) -> bool {
        // "X told the BBC the speech “…”": who was told.
        let told = |k: usize| cues::is_tell(self.word(k));
        let after_told = (m.first > floor && told(m.first - 1))
            || (m.first > floor + 1
                && self.word(m.first - 1).eq_ignore_ascii_case("the")
                && told(m.first - 2));
        if after_told && matches!(m.kind, MentionKind::Name(_)) {
            return true;
        }
        match m.kind {
            // A person only right after the preposition ("his friendship
            // with Epstein"): "Secretary of State Mike Pompeo" is a title.
            MentionKind::Name(id) if self.entities[id].kind == EntityType::Person => {
                m.first > floor && is_preposition(self.word(m.first - 1))
            }
            MentionKind::Name(_) => self.prepositional(m.first, floor),
            _ => false,
        }
    }

    /// True when the name at token `first` follows a preposition (past its title words).
    fn prepositional(&self, first: usize, floor: usize) -> bool {
        let mut i = first;
        while i > floor {
            i -= 1;
            let w = self.word(i);
            if w.chars().next().is_some_and(char::is_uppercase) && !is_preposition(w)
                || w.eq_ignore_ascii_case("the")
            {
                continue;
            }
            // "Secretary of State Antony Blinken", "Minister of Foreign
            // Affairs X": the "of" of a title, not a preposition before X.
            if w == "of"
                && i > floor
                && self.starts_upper(i - 1)
                && is_role(&self.word(i - 1).to_lowercase())
            {
                continue;
            }
            // "in the journal JAMA Psychiatry": a common noun naming what follows.
            let apposed_noun = w.chars().all(|c| c.is_ascii_lowercase())
                && i >= floor + 2
                && is_determiner(self.word(i - 1))
                && is_preposition(self.word(i - 2));
            // "the U.K.'s University of York": the dotted acronym ends its
            // token, so the possessive is the apostrophe and "s".
            let split_possessive =
                w == "s" && i > floor && matches!(self.word(i - 1), "'" | "\u{2019}");
            // "According to Josep Borrell, …": the source, as good as a subject.
            let according = w.eq_ignore_ascii_case("to")
                && i > 0
                && self.word(i - 1).eq_ignore_ascii_case("according");
            // "For Margaret Hollis, the rise means …": the sentence's topic.
            let topic = w.eq_ignore_ascii_case("for") && i == floor;
            // "The state's Finance Department said": a possessive that
            // opens the clause makes the name its subject.
            let opening_possessive = is_possessive(w)
                && (i == floor || i == floor + 1 && is_determiner(self.word(floor)));
            return (is_preposition(w) && !according && !topic)
                || apposed_noun
                || is_possessive(w) && !opening_possessive
                || split_possessive;
        }
        false
    }
}

/// A possessive ending split off as a token of its own ("’s", "'").
pub(super) fn is_possessive_mark(word: &str) -> bool {
    matches!(word, "’s" | "'s" | "’" | "'")
}

/// True for a word with a possessive ending ("Swift's", "Russia’s").
fn is_possessive(word: &str) -> bool {
    word.ends_with("’s") || word.ends_with("'s")
}
