//! Named entities: mentions of people, organisations, locations and other
//! names, grouped into one [`Entity`] per real-world referent.
//!
//! Requires: tokens and sentences. Assigns: [`Doc::entities`](crate::doc::Doc::entities).
//!
//! Two steps:
//! 1. A sequence tagger ([`Tagger`]) labels each token with a BIO tag: an averaged
//!    structured perceptron over hashed features (word forms, shapes, affixes,
//!    context window, gazetteers, document-level casing), Viterbi-decoded. It is
//!    trained on CoNLL-2003 (Reuters newswire; see `docs/data-sources.md`) by
//!    `textanalysis train ner` and embedded from `models/ner.bin`.
//! 2. `rules` corrects mentions in running text (a person named after a role
//!    inside a longer mention, place nouns and heads, coordination, organisation
//!    head words); CoNLL evaluation scores the tagger alone.
//! 3. [`grouping`] merges the mentions of one referent: surnames with full names,
//!    titles and possessives stripped, spelling variants, acronyms.
//!
//! CoNLL splits the possessive "'s" off a word; our tokenizer keeps "Macron's"
//! whole, so the tagger sees it split the CoNLL way.

pub mod conll;
pub mod features;
pub mod gazetteer;
pub mod grouping;
pub mod model;
pub mod names;
mod rules;
pub mod train;

use crate::doc::{Doc, Entity, EntityType, Span, TokenKind};
use crate::error::{Error, Result};
use features::N_FEATURES;
use gazetteer::Gazetteer;
use model::{Model, TAGS};

/// The embedded tagger model, built by `textanalysis train ner`.
static MODEL: &[u8] = include_bytes!("../../models/ner.bin");

/// The BIO tagger: model and gazetteers.
#[derive(Debug)]
pub struct Tagger {
    model: Model,
    gaz: Gazetteer,
}

impl Tagger {
    /// The tagger with the embedded model.
    pub fn embedded() -> Result<Tagger> {
        Tagger::from_bytes(MODEL)
    }

    /// A tagger with a model read from `bytes` (the `models/ner.bin` format).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger> {
        let model = Model::from_bytes(bytes).map_err(|reason| Error::Model {
            name: "ner",
            reason: reason.to_owned(),
        })?;
        Ok(Tagger::with_model(model))
    }

    /// A tagger around a model in memory.
    pub fn with_model(model: Model) -> Tagger {
        Tagger {
            model,
            gaz: Gazetteer::embedded(),
        }
    }

    /// BIO tag ids (see [`model::TAG_NAMES`]) of every token of a document's sentences.
    pub fn tag_document<'a, S>(&self, sentences: &[S]) -> Vec<Vec<u8>>
    where
        S: AsRef<[&'a str]>,
    {
        let infos = features::document_infos(
            sentences.iter().map(|s| s.as_ref().iter().copied()),
            &self.gaz,
        );
        let mut feats = Vec::new();
        let mut emissions: Vec<[f32; TAGS]> = Vec::new();
        let mut back = Vec::new();
        infos
            .iter()
            .map(|info| {
                feats.clear();
                feats.reserve(info.len() * N_FEATURES);
                features::extract(info, self.model.bits(), &mut feats);
                let mut tags = Vec::with_capacity(info.len());
                self.model
                    .tag_with(&feats, &mut emissions, &mut back, &mut tags);
                tags
            })
            .collect()
    }

    /// Gazetteer flags ([`gazetteer::FIRST`], ...) of one word.
    pub fn word_flags(&self, word: &str) -> u8 {
        self.gaz.word_flags(word)
    }

    /// `FIRST` / `LAST` flags from other countries' name lists (see
    /// [`gazetteer::Gazetteer::world_name_flags`]).
    pub fn world_name_flags(&self, word: &str) -> u8 {
        self.gaz.world_name_flags(word)
    }

    /// [`Tagger::word_flags`] with other countries' first names and
    /// surnames added: whether a word is a name anywhere.
    pub fn any_name_flags(&self, word: &str) -> u8 {
        self.word_flags(word) | self.world_name_flags(word)
    }

    /// See [`gazetteer::Gazetteer::is_country`].
    pub fn is_country(&self, words: &[&str]) -> bool {
        self.gaz.is_country(words)
    }

    /// See [`gazetteer::Gazetteer::is_rule_place`].
    pub fn is_rule_place(&self, words: &[&str]) -> bool {
        self.gaz.is_rule_place(words)
    }

    /// Gazetteer flags of a multi-word phrase (see [`gazetteer::Gazetteer::phrase_flags`]).
    pub fn phrase_flags(&self, words: &[&str]) -> u8 {
        self.gaz.phrase_flags(words)
    }

    /// Tag a CoNLL file and return it with the predicted tag appended to each token line.
    pub fn tag_conll(&self, text: &str) -> String {
        let docs = conll::read(text);
        let predicted = self.tag_conll_docs(&docs);
        conll::write(&docs, &predicted)
    }

    /// Tag a CoNLL file and score the predictions against its last column.
    pub fn eval_conll(&self, text: &str) -> conll::Counts {
        let docs = conll::read(text);
        let predicted = self.tag_conll_docs(&docs);
        let mut counts = conll::Counts::default();
        for (doc, tags) in docs.iter().zip(&predicted) {
            for (sentence, tags) in doc.sentences.iter().zip(tags) {
                let gold: Vec<&str> = sentence.gold.iter().map(String::as_str).collect();
                let pred: Vec<&str> = tags.iter().map(|&t| model::TAG_NAMES[t as usize]).collect();
                counts.add(&gold, &pred);
            }
        }
        counts
    }

    fn tag_conll_docs(&self, docs: &[conll::Document]) -> Vec<Vec<Vec<u8>>> {
        docs.iter()
            .map(|doc| {
                let sentences: Vec<Vec<&str>> = doc
                    .sentences
                    .iter()
                    .map(|s| s.words.iter().map(String::as_str).collect())
                    .collect();
                self.tag_document(&sentences)
            })
            .collect()
    }
}

/// Train a tagger model on `DIR/train.txt`, logging dev F1 per epoch when `DIR/dev.txt` exists.
pub fn train_dir(
    dir: &std::path::Path,
    options: train::Options,
    log: impl FnMut(String),
) -> Result<Model> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read_to_string(&path).map_err(|source| Error::Io { path, source })
    };
    let train_docs = conll::read(&read("train.txt")?);
    let dev_docs = dir
        .join("dev.txt")
        .exists()
        .then(|| read("dev.txt"))
        .transpose()?
        .map(|t| conll::read(&t));
    Ok(train::train(
        &train_docs,
        dev_docs.as_deref(),
        &Gazetteer::embedded(),
        options,
        log,
    ))
}

/// Finds and groups named entities. Build once and share.
#[derive(Debug)]
pub struct EntityRecognizer {
    tagger: Tagger,
}

/// A name mention found by the tagger: its span in the body and its type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Where it is.
    pub span: Span,
    /// What the tagger called it.
    pub kind: EntityType,
}

/// Adds a PERSON mention for every other occurrence of the surname of a
/// person the text names in full ("Marc Benioff … “…,” Benioff said"), where
/// the tagger missed it. A full name is two or three words opening with a
/// known first name of any country ("Olivier Dussopt") (not "Black Friday" or "Topical Team", which the tagger
/// may call people). Only capitalised words inside a sentence count: at the
/// start of one a surname may be a common word ("Young people …").
fn propagate_surnames(tagger: &Tagger, doc: &Doc, mentions: &mut Vec<Mention>) {
    let body = doc.body.as_str();
    let mut surnames: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .filter_map(|m| {
            let words: Vec<&str> = body[m.span].split_whitespace().collect();
            if let Some(family) = names::family_name_first(&words) {
                return Some(family);
            }
            let (&first, &last) = (words.first()?, words.last()?);
            // An unknown first name will do when neither word is an
            // ordinary one ("Ronen Azoulay"; not "Topical Team", "Black
            // Friday").
            let ordinary = |w: &str| crate::language::is_common_word(w);
            ((2..=3).contains(&words.len())
                && (tagger.any_name_flags(first) & gazetteer::FIRST != 0
                    || looks_like_surname(first) && !ordinary(first) && !ordinary(last))
                && last.chars().count() > 2
                && last.split('-').all(looks_like_surname))
            .then_some(last)
        })
        .collect();
    surnames.sort_unstable();
    surnames.dedup();
    if surnames.is_empty() {
        return;
    }
    // Surnames that span several tokens ("Ortiz-Kessler", "O'Sullivan").
    let joined: Vec<&str> = surnames
        .iter()
        .copied()
        .filter(|s| s.contains(['-', '\'', '\u{2019}']))
        .collect();
    let mut added = Vec::new();
    for sentence in &doc.sentences {
        let tokens = doc.tokens.get(sentence.token_range()).unwrap_or_default();
        let words = tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.kind == TokenKind::Word);
        for (k, token) in words {
            let word = &body[token.span];
            let stem = &word[..word.len() - possessive_len(word)];
            let rest = &body[token.span.start()..];
            let hyphenated = joined.iter().find(|s| {
                rest.starts_with(**s)
                    && !rest[s.len()..]
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_alphanumeric() || c == '-')
            });
            // A sentence's first word only when it is such a surname, no
            // common word ("Young people …").
            if k == 0 && hyphenated.is_none() {
                continue;
            }
            let stem = hyphenated.copied().unwrap_or(stem);
            let span = Span::from_range(token.span.start()..token.span.start() + stem.len());
            if surnames.binary_search(&stem).is_ok() && !is_covered(span, mentions) {
                added.push(Mention {
                    span,
                    kind: EntityType::Person,
                });
            }
        }
    }
    add_mentions(mentions, added);
}

/// A capitalised word of letters, an apostrophe allowed, at most two
/// capitals: "Early", "O'Sullivan", "McAdams"; not "NASA".
fn looks_like_surname(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '\u{2019}')
        && word.chars().filter(|c| c.is_uppercase()).count() <= 2
        && word.chars().any(char::is_lowercase)
}

/// Whether a mention of `mentions` (sorted by span) overlaps `span`.
fn is_covered(span: Span, mentions: &[Mention]) -> bool {
    let at = mentions.partition_point(|m| m.span.end() <= span.start());
    mentions.get(at).is_some_and(|m| m.span.overlaps(span))
}

/// Adds `added` to `mentions`, keeping them sorted by span.
fn add_mentions(mentions: &mut Vec<Mention>, added: Vec<Mention>) {
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.span);
    }
}

/// Adds an ORGANIZATION mention for a known company or brand the tagger
/// missed, most often at the start of a sentence ("Boeing on Wednesday cut
/// its forecast"): one to four capitalised words that spell a listed name
/// exactly. A single word must be no ordinary word ("Apple", "Shell"), no
/// first name or surname ("Ford"), which only context could settle, and
/// hold no digit ("PM2" of "PM2.5", "V8").
fn add_known_organizations(tagger: &Tagger, doc: &Doc, mentions: &mut Vec<Mention>) {
    let body = doc.body.as_str();
    let mut added = Vec::new();
    for sentence in &doc.sentences {
        let tokens = doc.tokens.get(sentence.token_range()).unwrap_or_default();
        let mut i = 0;
        while i < tokens.len() {
            let starts_name = tokens[i].kind == TokenKind::Word
                && body[tokens[i].span]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
            let found = starts_name
                .then(|| {
                    (1..=4.min(tokens.len() - i)).rev().find_map(|n| {
                        let last = &tokens[i + n - 1];
                        let span = Span::from_range(tokens[i].span.start()..last.span.end());
                        let name = &body[span];
                        let single_word_ok = || {
                            !crate::language::is_common_word(name)
                                && !name.contains(|c: char| c.is_ascii_digit())
                                && tagger.any_name_flags(name)
                                    & (gazetteer::FIRST | gazetteer::LAST)
                                    == 0
                        };
                        // The list look-up first: most capitalised words are in no list.
                        (last.kind == TokenKind::Word
                            && rules::is_known_organization(name)
                            && (n > 1 || single_word_ok())
                            && !is_covered(span, mentions))
                        .then_some((n, span))
                    })
                })
                .flatten();
            match found {
                Some((n, span)) => {
                    added.push(Mention {
                        span,
                        kind: EntityType::Organization,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
    }
    add_mentions(mentions, added);
}

/// Nouns that head a description of an organisation in apposition: "Eurofer,
/// the European steel association, said".
const ORGANIZATION_NOUNS: &[&str] = &[
    "association",
    "federation",
    "union",
    "company",
    "group",
    "firm",
    "agency",
    "body",
    "organisation",
    "organization",
    "lobby",
    "regulator",
    "watchdog",
    "bank",
    "lender",
    "insurer",
    "airline",
    "carrier",
    "maker",
    "manufacturer",
    "producer",
    "retailer",
    "broadcaster",
    "newspaper",
    "charity",
    "consultancy",
    "developer",
    "operator",
    "startup",
    "tank",
];

/// Adds ORGANIZATION mentions for a name the tagger missed that an
/// apposition describes as a body ("Eurofer, the European steel
/// association, said"): one to three capitalised words no mention covers,
/// opening the sentence or after a lower-case word, then ", the" or ", a"
/// and a description ending in an organisation noun before a comma. Every
/// other occurrence of the name in the text is the same body. A first
/// name or a known place opening the words rules them out.
fn add_organizations_by_apposition(tagger: &Tagger, doc: &Doc, mentions: &mut Vec<Mention>) {
    let body = doc.body.as_str();
    let word = |t: &crate::doc::Token| &body[t.span];
    let capital = |t: &crate::doc::Token| {
        t.kind == TokenKind::Word && word(t).chars().next().is_some_and(char::is_uppercase)
    };
    let mut names: Vec<String> = Vec::new();
    for sentence in &doc.sentences {
        let tokens = doc.tokens.get(sentence.token_range()).unwrap_or_default();
        for i in 0..tokens.len() {
            let after_lower =
                i == 0 || !capital(&tokens[i - 1]) && tokens[i - 1].kind == TokenKind::Word;
            if !capital(&tokens[i]) || !(i == 0 || after_lower) {
                continue;
            }
            let n = (i..tokens.len().min(i + 3))
                .take_while(|&k| capital(&tokens[k]))
                .count();
            let comma = i + n;
            let described = tokens.get(comma).is_some_and(|t| word(t) == ",")
                && tokens
                    .get(comma + 1)
                    .is_some_and(|t| ["the", "a", "an"].contains(&word(t)))
                && (comma + 2..tokens.len().min(comma + 8))
                    .find(|&k| word(&tokens[k]) == ",")
                    .is_some_and(|close| {
                        close > comma + 2 && ORGANIZATION_NOUNS.contains(&word(&tokens[close - 1]))
                    });
            if !described {
                continue;
            }
            let span = Span::from_range(tokens[i].span.start()..tokens[comma - 1].span.end());
            let first = word(&tokens[i]);
            let flags = tagger.any_name_flags(first);
            if is_covered(span, mentions)
                || flags & (gazetteer::FIRST | gazetteer::LOC) != 0
                || crate::language::is_common_word(first)
            {
                continue;
            }
            names.push(body[span].to_owned());
        }
    }
    let mut added: Vec<Mention> = Vec::new();
    for name in &names {
        for (at, _) in body.match_indices(name.as_str()) {
            let span = Span::from_range(at..at + name.len());
            if is_whole_words(body, span)
                && !is_covered(span, mentions)
                && !added.iter().any(|m| m.span.overlaps(span))
            {
                added.push(Mention {
                    span,
                    kind: EntityType::Organization,
                });
            }
        }
    }
    added.sort_by_key(|m| m.span);
    add_mentions(mentions, added);
}

/// Whether `span` of `body` starts and ends at word boundaries.
fn is_whole_words(body: &str, span: Span) -> bool {
    let glued_before = body[..span.start()]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric);
    let glued_after = body[span.end()..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric);
    !glued_before && !glued_after
}

/// Every other occurrence of an organisation's name of two words or more
/// is that organisation ("talks with Transport Scotland officials …. A
/// Transport Scotland spokesperson", where the tagger saw only "Scotland"
/// the second time): shorter mentions inside an occurrence give way to it.
fn propagate_organization_names(doc: &Doc, mentions: &mut Vec<Mention>) {
    let body = doc.body.as_str();
    let mut names: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Organization)
        .map(|m| &body[m.span])
        .filter(|name| name.split_whitespace().count() >= 2 && !name.contains('\n'))
        .collect();
    names.sort_unstable();
    names.dedup();
    if names.is_empty() {
        return;
    }
    let Ok(finder) = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(&names)
    else {
        return;
    };
    let mut replaced: Vec<Span> = Vec::new();
    let mut added: Vec<Mention> = Vec::new();
    for found in finder.find_iter(body) {
        let span = Span::from_range(found.range());
        if !is_whole_words(body, span) {
            continue;
        }
        let Some(inside) = mentions_inside(mentions, span) else {
            continue;
        };
        replaced.extend(inside.iter().map(|m| m.span));
        added.push(Mention {
            span,
            kind: EntityType::Organization,
        });
    }
    replace_mentions(mentions, &replaced, added);
}

/// "Borealis Bank of Canada … Borealis shares fell": a lone word read as
/// a person that opens an organisation's longer name is that organisation,
/// unless it is an ordinary word, a place, a first name or
/// a word of a person's name in the text ("Toronto Stock Exchange" leaves
/// "Toronto" a city).
fn organization_first_words(tagger: &Tagger, doc: &Doc, mentions: &mut [Mention]) {
    let body = doc.body.as_str();
    let mut openers: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Organization)
        .filter_map(|m| {
            let mut words = body[m.span].split_whitespace();
            let first = words.next()?;
            words.next()?;
            Some(first)
        })
        .filter(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(char::is_alphabetic)
                && !crate::language::is_common_word(w)
                && tagger.any_name_flags(w) & (gazetteer::FIRST | gazetteer::LOC) == 0
                && !tagger.is_rule_place(&[w])
        })
        .collect();
    openers.sort_unstable();
    openers.dedup();
    let person_words: Vec<&str> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person && body[m.span].contains(' '))
        .flat_map(|m| body[m.span].split_whitespace())
        .collect();
    openers.retain(|w| !person_words.contains(w));
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Person && openers.contains(&&body[m.span]) {
            m.kind = EntityType::Organization;
        }
    }
}

/// Nouns for members of a party or a legislature, which a party's name
/// stands before ("a Sinn Féin TD", "One Fianna Fáil backbencher").
const MEMBER_NOUNS: &[&str] = &[
    "td",
    "tds",
    "mp",
    "mps",
    "msp",
    "msps",
    "mla",
    "mlas",
    "mep",
    "meps",
    "senator",
    "senators",
    "councillor",
    "councillors",
    "backbencher",
    "backbenchers",
    "lawmaker",
    "lawmakers",
];

/// "One Fianna Fáil backbencher", "several Sinn Féin TDs", "Sinn Féin TD
/// Caoimhe Ní Dhonnchadha": a name read as a person before a member noun,
/// itself after a determiner or before a name, is a party, and so is every
/// mention of it read as a person ("Micheál Martin and Sinn Féin traded
/// accusations"). Not "Keir Starmer MP said", a person's post-nominal.
fn parties_before_members(doc: &Doc, mentions: &mut [Mention]) {
    let body = doc.body.as_str();
    let word_after = |at: usize| rules::next_word(body, Span::from_range(at..at)).map(|s| &body[s]);
    let word_before = |at: usize| rules::previous_word(body, Span::from_range(at..at));
    // A member noun after the name, itself after a determiner or before
    // a name.
    let stands_for_party = |start: usize, end: usize| {
        let member_end = end + 1 + word_after(end).map_or(0, str::len);
        let named_after = word_after(member_end).is_some_and(|w| w.starts_with(char::is_uppercase));
        let determiner = word_before(start).is_some_and(|w| {
            [
                "a", "an", "the", "one", "several", "two", "three", "another", "other",
            ]
            .iter()
            .any(|d| w.eq_ignore_ascii_case(d))
        });
        named_after || determiner
    };
    let is_member = |w: &str| MEMBER_NOUNS.contains(&w.to_lowercase().as_str());
    let mut parties: Vec<&str> = Vec::new();
    for m in mentions.iter_mut() {
        let (start, end) = (m.span.start(), m.span.end());
        match m.kind {
            // "Sinn Féin TD" read whole as a body is the party before the
            // noun.
            EntityType::Organization => {
                let Some((party, member)) = body[m.span].rsplit_once(' ') else {
                    continue;
                };
                let member_start = start + party.len() + 1;
                if is_member(member) && stands_for_party(start, member_start - 1) {
                    parties.push(party);
                    m.span = Span::from_range(start..start + party.len());
                }
            }
            EntityType::Person
                if word_after(end).is_some_and(is_member) && stands_for_party(start, end) =>
            {
                parties.push(&body[m.span]);
            }
            _ => {}
        }
    }
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Person && parties.contains(&&body[m.span]) {
            m.kind = EntityType::Organization;
        }
    }
}

/// The mentions of `mentions` (sorted, not overlapping each other) that
/// overlap `span`, when all of them lie inside it and none is `span`
/// itself; `None` when one crosses its edge or equals it.
fn mentions_inside(mentions: &[Mention], span: Span) -> Option<&[Mention]> {
    let at = mentions.partition_point(|m| m.span.end() <= span.start());
    let n = mentions[at..]
        .iter()
        .take_while(|m| m.span.start() < span.end())
        .count();
    let overlapping = &mentions[at..at + n];
    overlapping
        .iter()
        .all(|m| m.span != span && m.span.start() >= span.start() && m.span.end() <= span.end())
        .then_some(overlapping)
}

/// Removes the mentions at `replaced` and adds `added`, keeping the order.
fn replace_mentions(mentions: &mut Vec<Mention>, replaced: &[Span], added: Vec<Mention>) {
    if !replaced.is_empty() {
        mentions.retain(|m| !replaced.contains(&m.span));
    }
    add_mentions(mentions, added);
}

/// A name defined by the acronym in brackets after it ("Medicines and
/// Healthcare products Regulatory Agency (MHRA)") is one mention, however
/// the tagger cut it: the capitalised words before the bracket whose
/// initials spell the acronym, with "and", "of", "for", "the" and one
/// lower-case word ("products") allowed between them. Mentions inside it
/// give way; a mention crossing its edge leaves it alone.
fn join_acronym_definitions(doc: &Doc, mentions: &mut Vec<Mention>) {
    let body = doc.body.as_str();
    let word_tokens: Vec<&crate::doc::Token> = doc
        .tokens
        .iter()
        .filter(|t| !body[t.span].trim().is_empty())
        .collect();
    let mut added = Vec::new();
    let mut replaced = Vec::new();
    let mut defined: Vec<&str> = Vec::new();
    for k in 1..word_tokens.len().saturating_sub(2) {
        let (open, acronym, close) = (word_tokens[k], word_tokens[k + 1], word_tokens[k + 2]);
        let letters = &body[acronym.span];
        // "Securities and Exchange Board of India (Sebi)": a word-cased
        // acronym counts too; its letters must spell the initials.
        let word_cased = names::is_word_cased_acronym(letters);
        if &body[open.span] != "(" || &body[close.span] != ")" {
            continue;
        }
        if !names::is_acronym(letters) && !word_cased {
            continue;
        }
        let wanted: Vec<char> = letters.to_ascii_lowercase().chars().collect();
        let mut left = wanted.len();
        let mut start = None;
        let mut lowercase_allowed = 1;
        for t in word_tokens[..k].iter().rev().take(3 * names::MAX_ACRONYM) {
            let word = &body[t.span];
            let initial = word.chars().next().unwrap_or(' ');
            if initial.is_uppercase() {
                if initial.to_lowercase().next() != Some(wanted[left - 1]) {
                    break;
                }
                left -= 1;
                start = Some(t.span.start());
                if left == 0 {
                    break;
                }
            } else if names::STOPWORDS.contains(&word) || word == "-" {
                continue;
            } else if initial.is_lowercase() && lowercase_allowed > 0 && start.is_some() {
                lowercase_allowed -= 1;
            } else {
                break;
            }
        }
        let (0, Some(start)) = (left, start) else {
            continue;
        };
        let span = Span::from_range(start..word_tokens[k - 1].span.end());
        if wanted.len() < 2 || body[span].contains('\n') {
            continue;
        }
        if word_cased {
            defined.push(letters);
        }
        let Some(overlapping) = mentions_inside(mentions, span) else {
            continue;
        };
        // What the tagger called the mentions inside when they agree and
        // are no person (a name read as one: "Rapid Support Forces"), as
        // "Democratic Republic" + "Congo" (DRC); else a body.
        let kind = match overlapping.first() {
            Some(first)
                if first.kind != EntityType::Person
                    && overlapping.iter().all(|m| m.kind == first.kind) =>
            {
                first.kind
            }
            _ => EntityType::Organization,
        };
        replaced.extend(overlapping.iter().map(|m| m.span));
        added.push(Mention { span, kind });
    }
    replace_mentions(mentions, &replaced, added);
    // A word-cased acronym read as a person anywhere ("Sebi said") is the
    // body it stands for.
    for m in mentions.iter_mut() {
        if m.kind == EntityType::Person && defined.contains(&&body[m.span]) {
            m.kind = EntityType::Organization;
        }
    }
}

/// Length in bytes of a possessive ending ("'s", "’s") that CoNLL would split off.
fn possessive_len(word: &str) -> usize {
    for suffix in ["'s", "’s", "ʼs", "'S", "’S"] {
        if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
            return suffix.len();
        }
    }
    0
}

impl EntityRecognizer {
    /// The recogniser with its built-in model.
    pub fn new() -> Result<EntityRecognizer> {
        Ok(EntityRecognizer {
            tagger: Tagger::embedded()?,
        })
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Tagged mentions of `doc`, in body order, before grouping.
    pub fn mentions(&self, doc: &Doc) -> Vec<Mention> {
        let body = doc.body.as_str();
        // Tokens as the tagger sees them, per sentence: possessives split off.
        let mut spans: Vec<Vec<Span>> = Vec::with_capacity(doc.sentences.len());
        for sentence in &doc.sentences {
            let mut s = Vec::with_capacity(sentence.token_range().len() + 2);
            for token in doc.tokens.get(sentence.token_range()).unwrap_or_default() {
                let cut = if token.kind == TokenKind::Word {
                    possessive_len(&body[token.span])
                } else {
                    0
                };
                if cut > 0 {
                    let mid = token.span.end() - cut;
                    s.push(Span::from_range(token.span.start()..mid));
                    s.push(Span::from_range(mid..token.span.end()));
                } else {
                    s.push(token.span);
                }
            }
            spans.push(s);
        }
        let texts: Vec<Vec<&str>> = spans
            .iter()
            .map(|s| s.iter().map(|&span| &body[span]).collect())
            .collect();
        let tags = self.tagger.tag_document(&texts);
        let mut mentions = Vec::new();
        for (spans, tags) in spans.iter().zip(&tags) {
            let mut open: Option<(Span, EntityType)> = None;
            for (&span, &tag) in spans.iter().zip(tags) {
                if model::is_inside(tag) {
                    if let Some((s, _)) = &mut open {
                        *s = s.cover(span);
                        continue;
                    }
                }
                if let Some((span, kind)) = open.take() {
                    mentions.push(Mention { span, kind });
                }
                if let Some(kind) = model::tag_type(tag) {
                    open = Some((span, kind));
                }
            }
            if let Some((span, kind)) = open {
                mentions.push(Mention { span, kind });
            }
        }
        mentions
    }

    /// Entities of `doc`, in order of first mention.
    pub fn run(&self, doc: &Doc) -> Vec<Entity> {
        debug_assert!(
            !doc.tokens.is_empty()
                || doc
                    .body
                    .chars()
                    .all(|c| c.is_whitespace() || c.is_control()),
            "segmentation must run first"
        );
        let mut mentions = rules::refine(&self.tagger, &doc.body, self.mentions(doc));
        propagate_surnames(&self.tagger, doc, &mut mentions);
        add_known_organizations(&self.tagger, doc, &mut mentions);
        add_organizations_by_apposition(&self.tagger, doc, &mut mentions);
        join_acronym_definitions(doc, &mut mentions);
        propagate_organization_names(doc, &mut mentions);
        organization_first_words(&self.tagger, doc, &mut mentions);
        parties_before_members(doc, &mut mentions);
        let mentions =
            rules::without_headline_noise(&self.tagger, &doc.body, &doc.paragraphs, mentions);
        grouping::group(&doc.body, &mentions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> Doc {
        let mut doc = Doc::new(text.to_owned(), crate::doc::InputFormat::Text);
        let (tokens, sentences) = crate::segment::Segmenter::new().run(text);
        doc.tokens = tokens;
        doc.sentences = sentences;
        doc
    }

    #[test]
    fn embedded_model_loads_and_tags_a_sentence() {
        let start = std::time::Instant::now();
        let recognizer = EntityRecognizer::new().unwrap();
        assert!(
            start.elapsed().as_secs_f64() < 5.0,
            "slow load (debug build)"
        );
        let d = doc(
            "Chancellor Angela Merkel met Italian officials in Berlin on Tuesday, \
                     and Merkel’s office said the European Commission agreed.",
        );
        let got: Vec<(String, EntityType)> = recognizer
            .run(&d)
            .into_iter()
            .map(|e| (e.name, e.kind))
            .collect();
        assert!(
            got.contains(&("Angela Merkel".to_owned(), EntityType::Person)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Berlin".to_owned(), EntityType::Location)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Italian".to_owned(), EntityType::Misc)),
            "{got:?}"
        );
        assert!(
            got.contains(&("European Commission".to_owned(), EntityType::Organization)),
            "{got:?}"
        );
        let merkel = recognizer
            .run(&d)
            .into_iter()
            .find(|e| e.name == "Angela Merkel")
            .unwrap();
        assert_eq!(merkel.mentions.len(), 2, "possessive mention grouped");
        assert_eq!(d.text(merkel.mentions[1]), "Merkel");
    }

    #[test]
    fn a_name_defined_by_an_acronym_is_one_mention() {
        let text = "The Medicines and Healthcare products Regulatory Agency (MHRA) said. Fighting in the Democratic Republic of Congo (DRC) and in Sudan (SAF) went on.\n";
        let d = doc(text);
        let mention = |t: &str, kind| {
            let at = text.find(t).unwrap();
            Mention {
                span: Span::from_range(at..at + t.len()),
                kind,
            }
        };
        let mut mentions = vec![
            mention("Medicines and Healthcare", EntityType::Organization),
            mention("Regulatory Agency", EntityType::Person),
            mention("MHRA", EntityType::Organization),
            mention("Democratic Republic", EntityType::Location),
            mention("Congo", EntityType::Location),
            mention("Sudan", EntityType::Location),
        ];
        join_acronym_definitions(&d, &mut mentions);
        let found: Vec<(&str, EntityType)> =
            mentions.iter().map(|m| (d.text(m.span), m.kind)).collect();
        assert_eq!(
            found,
            [
                (
                    "Medicines and Healthcare products Regulatory Agency",
                    EntityType::Organization
                ),
                ("MHRA", EntityType::Organization),
                ("Democratic Republic of Congo", EntityType::Location),
                ("Sudan", EntityType::Location),
            ]
        );
    }

    #[test]
    fn an_organisation_name_covers_its_other_occurrences() {
        let text = "Talks with Transport Scotland officials ended. A Transport Scotland spokesperson said Transport Scotland Ferries Board would meet.\n";
        let d = doc(text);
        let mention = |t: &str, nth: usize, kind| {
            let at = text.match_indices(t).nth(nth).unwrap().0;
            Mention {
                span: Span::from_range(at..at + t.len()),
                kind,
            }
        };
        let mut mentions = vec![
            mention("Transport Scotland", 0, EntityType::Organization),
            mention("Scotland", 1, EntityType::Location),
            mention(
                "Transport Scotland Ferries Board",
                0,
                EntityType::Organization,
            ),
        ];
        mentions.sort_by_key(|m| m.span);
        propagate_organization_names(&d, &mut mentions);
        let found: Vec<(&str, EntityType)> =
            mentions.iter().map(|m| (d.text(m.span), m.kind)).collect();
        // The second occurrence replaces the place inside it; the longer
        // name is left alone.
        assert_eq!(
            found,
            [
                ("Transport Scotland", EntityType::Organization),
                ("Transport Scotland", EntityType::Organization),
                ("Transport Scotland Ferries Board", EntityType::Organization),
            ]
        );
    }

    #[test]
    fn a_full_name_lends_its_surname_to_untagged_occurrences() {
        let recognizer = EntityRecognizer::new().unwrap();
        let text = "Chris Early leads strategy at the studio.\n\"Streaming is binary,\" says Early. Young people play, Early added. Early results came. Topical Team and Black Friday sales.\n";
        let d = doc(text);
        let tagger = recognizer.tagger();
        let person = |t: &str| {
            let at = text.find(t).unwrap();
            Mention {
                span: Span::from_range(at..at + t.len()),
                kind: EntityType::Person,
            }
        };
        // As if the tagger had found only the full names.
        let mut mentions = vec![person("Chris Early"), person("Topical Team")];
        propagate_surnames(tagger, &d, &mut mentions);
        let found: Vec<&str> = mentions.iter().map(|m| d.text(m.span)).collect();
        // "Early" twice inside sentences; not "Team" (no first name opens
        // "Topical Team"), and never the first word of a sentence.
        assert_eq!(found, ["Chris Early", "Early", "Early", "Topical Team"]);

        // A first name from another country's list opens a full name too.
        let text = "Olivier Dussopt defended it.\nAsked again, Dussopt replied at once.\n";
        let d = doc(text);
        let at = text.find("Olivier Dussopt").unwrap();
        let mut mentions = vec![Mention {
            span: Span::from_range(at..at + "Olivier Dussopt".len()),
            kind: EntityType::Person,
        }];
        propagate_surnames(tagger, &d, &mut mentions);
        let found: Vec<&str> = mentions.iter().map(|m| d.text(m.span)).collect();
        assert_eq!(found, ["Olivier Dussopt", "Dussopt"]);

        // An unknown first name before a surname, neither an ordinary word.
        let text = "Ronen Azoulay adjourned it.\n“No,” Azoulay shot back at once.\n";
        let d = doc(text);
        let at = text.find("Ronen Azoulay").unwrap();
        let mut mentions = vec![Mention {
            span: Span::from_range(at..at + "Ronen Azoulay".len()),
            kind: EntityType::Person,
        }];
        propagate_surnames(tagger, &d, &mut mentions);
        let found: Vec<&str> = mentions.iter().map(|m| d.text(m.span)).collect();
        assert_eq!(found, ["Ronen Azoulay", "Azoulay"]);

        // A hyphenated or apostrophe surname spans several tokens.
        let text = "Raymond Ortiz-Kessler testified.
“I will follow the law,” Ortiz-Kessler replied.
";
        let d = doc(text);
        let mut mentions = vec![Mention {
            span: Span::from_range(0.."Raymond Ortiz-Kessler".len()),
            kind: EntityType::Person,
        }];
        propagate_surnames(tagger, &d, &mut mentions);
        let found: Vec<&str> = mentions.iter().map(|m| d.text(m.span)).collect();
        assert_eq!(found, ["Raymond Ortiz-Kessler", "Ortiz-Kessler"]);

        // An apostrophe surname, even opening a sentence (no common word).
        let text = "Bernadette O'Sullivan-Hayes spoke.
O'Sullivan-Hayes said one colleague left.
";
        let d = doc(text);
        let mut mentions = vec![Mention {
            span: Span::from_range(0.."Bernadette O'Sullivan-Hayes".len()),
            kind: EntityType::Person,
        }];
        propagate_surnames(tagger, &d, &mut mentions);
        let found: Vec<&str> = mentions.iter().map(|m| d.text(m.span)).collect();
        assert_eq!(found, ["Bernadette O'Sullivan-Hayes", "O'Sullivan-Hayes"]);
    }

    #[test]
    fn a_name_written_family_name_first_is_one_person() {
        let recognizer = EntityRecognizer::new().unwrap();
        let d = doc("President Moon Jae-in spoke to Shinzo Abe on Thursday. \
            \"Our companies need certainty,\" Moon told reporters. \
            \"Nothing has been settled,\" said Park Ji-won, a researcher in Seoul.");
        let people: Vec<(String, usize)> = recognizer
            .run(&d)
            .into_iter()
            .filter(|e| e.kind == EntityType::Person)
            .map(|e| (e.name, e.mentions.len()))
            .collect();
        assert!(
            people.contains(&("Moon Jae-in".to_owned(), 2)),
            "{people:?}"
        );
        assert!(
            people.contains(&("Park Ji-won".to_owned(), 1)),
            "{people:?}"
        );
    }

    #[test]
    fn known_companies_the_tagger_missed_are_added() {
        let recognizer = EntityRecognizer::new().unwrap();
        let text = "Boeing on Wednesday cut its forecast, and T-Mobile gained.\nFord said Apple was quiet.\n";
        let d = doc(text);
        let mut mentions = Vec::new();
        add_known_organizations(recognizer.tagger(), &d, &mut mentions);
        let found: Vec<&str> = mentions.iter().map(|m| d.text(m.span)).collect();
        // Not "Ford" (a surname too) nor "Apple" (an ordinary word).
        assert_eq!(found, ["Boeing", "T-Mobile"]);
    }

    #[test]
    fn weird_input_does_not_panic() {
        let recognizer = EntityRecognizer::new().unwrap();
        for text in [
            "",
            "   ",
            "\u{0}\u{1}’s",
            "’s ’s 's",
            "ÀÉÎ ÕÜ ß ﬁ 𝔘𝔫𝔦",
            &"A ".repeat(5000),
        ] {
            let _ = recognizer.run(&doc(text));
        }
    }

    #[test]
    fn possessive_endings_are_measured() {
        assert_eq!(possessive_len("Macron's"), 2);
        assert_eq!(possessive_len("Macron’s"), "’s".len());
        assert_eq!(possessive_len("is"), 0);
        assert_eq!(possessive_len("'s"), 0);
    }

    fn entities_of(text: &str) -> Vec<(String, EntityType, usize)> {
        EntityRecognizer::new()
            .unwrap()
            .run(&doc(text))
            .into_iter()
            .map(|e| (e.name, e.kind, e.mentions.len()))
            .collect()
    }

    #[test]
    fn a_company_by_its_first_word_and_a_body_after_based_are_one() {
        let got = entities_of(
            "Borealis Bank of Canada has agreed to buy Halifax-based Maritime Commerce Bank. \
             Borealis shares fell 3 per cent, while Borealis chief executive Alexandra \
             Dufresne said the deal made sense. Analysts at Jefferies were unimpressed.",
        );
        for want in [
            ("Borealis Bank of Canada", EntityType::Organization, 3),
            ("Maritime Commerce Bank", EntityType::Organization, 1),
            ("Halifax", EntityType::Location, 1),
            ("Jefferies", EntityType::Organization, 1),
        ] {
            assert!(
                got.contains(&(want.0.to_owned(), want.1, want.2)),
                "{want:?} not in {got:?}"
            );
        }
    }

    #[test]
    fn an_office_of_the_body_and_a_foreign_acronym_are_one_body() {
        let got = entities_of(
            "The deal needs approval from the Office of the Superintendent of Financial \
             Institutions. The German Property Federation (ZIA) said the vote was wrong. \
             A ZIA spokeswoman agreed.",
        );
        assert!(
            got.iter().any(|(name, kind, _)| name
                == "Office of the Superintendent of Financial Institutions"
                && *kind == EntityType::Organization),
            "{got:?}"
        );
        assert!(
            got.contains(&(
                "German Property Federation".to_owned(),
                EntityType::Organization,
                3
            )),
            "{got:?}"
        );
    }

    #[test]
    fn an_ordinary_word_after_the_is_no_person() {
        let got = entities_of(
            "Moving the Bill, Minister Arun Kumar said the Bill would protect farmers. \
             The Eagles beat the Giants on Sunday.",
        );
        assert!(
            !got.iter()
                .any(|(name, kind, _)| name == "Bill" && *kind == EntityType::Person),
            "{got:?}"
        );
        assert!(
            !got.iter()
                .any(|(name, kind, _)| name == "Eagles" && *kind == EntityType::Person),
            "{got:?}"
        );
    }

    #[test]
    fn a_word_cased_acronym_in_brackets_names_its_body() {
        let got = entities_of(
            "Last week, the Securities and Exchange Board of India (Sebi) cautioned investors. \
             “Such platforms are unregulated,” Sebi said in a statement.",
        );
        assert!(
            got.contains(&(
                "Securities and Exchange Board of India".to_owned(),
                EntityType::Organization,
                3
            )),
            "{got:?}"
        );
    }

    #[test]
    fn place_heads_body_tails_and_law_tails_type_names() {
        let got = entities_of(
            "Residents of Palmira Hills and Arabian Ranches were evacuated to Hobble Creek \
             Canyon. The Pakistan Peoples Party objected. \
             The General Data Protection Regulation applies, said \
             David Law of the State Administration for Market Regulation.",
        );
        let kind_of = |name: &str| {
            got.iter()
                .find(|(n, _, _)| n == name)
                .map(|(_, kind, _)| *kind)
        };
        assert_eq!(
            kind_of("Palmira Hills"),
            Some(EntityType::Location),
            "{got:?}"
        );
        assert_eq!(
            kind_of("Pakistan Peoples Party"),
            Some(EntityType::Organization),
            "{got:?}"
        );
        assert_eq!(
            kind_of("General Data Protection Regulation"),
            Some(EntityType::Misc),
            "{got:?}"
        );
        assert_eq!(kind_of("David Law"), Some(EntityType::Person), "{got:?}");
        assert_eq!(
            kind_of("State Administration for Market Regulation"),
            Some(EntityType::Organization),
            "{got:?}"
        );
    }

    #[test]
    fn what_a_resident_is_of_is_a_place() {
        let got = entities_of(
            "A resident of Ouallam, about 40 kilometres from Tingara, described hearing \
             heavy weapons fire for hours.",
        );
        assert!(
            got.contains(&("Ouallam".to_owned(), EntityType::Location, 1)),
            "{got:?}"
        );
    }

    #[test]
    fn an_award_before_a_noun_is_no_person() {
        let got = entities_of(
            "Marisol Vega posted a photo on Instagram. “I see you,” the Emmy nominee wrote.",
        );
        assert!(
            !got.iter()
                .any(|(name, kind, _)| name == "Emmy" && *kind == EntityType::Person),
            "{got:?}"
        );
    }

    #[test]
    fn a_name_before_a_member_noun_is_a_party() {
        let got = entities_of(
            "Taoiseach Micheál Martin and Sinn Féin traded accusations over new figures.\n\n\
             Sinn Féin TD Caoimhe Ní Dhonnchadha, who represents Dublin Bay North, opened \
             the exchange.\n\nWithin Government ranks, there is growing unease. One Fianna \
             Fáil backbencher, who asked not to be named, said the party was worried.\n\n\
             Jess Phillips MP said little.",
        );
        for party in ["Sinn Féin", "Fianna Fáil"] {
            assert!(
                got.iter()
                    .any(|(name, kind, _)| name == party && *kind == EntityType::Organization),
                "{party}: {got:?}"
            );
        }
        assert!(
            got.iter()
                .any(|(name, kind, _)| name == "Jess Phillips" && *kind == EntityType::Person),
            "{got:?}"
        );
    }

    #[test]
    fn a_name_before_senior_counsel_is_a_person() {
        let got = entities_of("Niamh Kearney SC, for the accused, said her client was sorry.");
        assert!(
            got.iter()
                .any(|(name, kind, _)| name.ends_with("Kearney") && *kind == EntityType::Person),
            "{got:?}"
        );
        assert!(
            !got.iter().any(|(name, _, _)| name.contains("SC")),
            "{got:?}"
        );
    }

    #[test]
    fn a_body_named_in_apposition_and_an_arabic_surname_are_found() {
        let d = doc(
            "Eurofer, the European steel association, said the decision came late. \
             Eurofer wants more. Majed al-Ansari, a spokesman, spoke in Doha, and Ansari \
             later told reporters the talks would go on.",
        );
        let got: Vec<(String, EntityType, usize)> = EntityRecognizer::new()
            .unwrap()
            .run(&d)
            .into_iter()
            .map(|e| (e.name, e.kind, e.mentions.len()))
            .collect();
        assert!(
            got.contains(&("Eurofer".to_owned(), EntityType::Organization, 2)),
            "{got:?}"
        );
        assert!(
            got.contains(&("Majed al-Ansari".to_owned(), EntityType::Person, 2)),
            "{got:?}"
        );
    }
}
