//! Corrections of tagged mentions in running text, applied before grouping
//! (not to CoNLL evaluation, which scores the tagger alone):
//! - a person named after a role inside a longer mention is split off
//!   ("Minister of the Armed Forces Florence Parly");
//! - a mention followed by a place noun, or ending in a place head word, is a
//!   place ("X peninsula", "Y Square");
//! - a name after a personal honorific ("Madame X", "Mr. X") is a person, and so is
//!   a first name plus an unknown capitalised word that the tagger took for a
//!   place ("Florence Parley"), unless the pair is a known place;
//! - a name written family name first with a hyphenated given name ("Park
//!   Ji-won") is a person, and its family name alone ("Moon") is too;
//! - a name coordinated with a person ("A and B") and known as a name is a person;
//! - organisation head words extend a mention, and a nationality before an
//!   organisation joins it ("Russian" + "Defense Ministry");
//! - a conjunction or preposition opening a sentence is dropped from the
//!   name the tagger glued it to ("While Buckley", "Although Hitler");
//! - a name that fills a pair of quotation marks is a title, MISC (“Wild
//!   Rose”, “China Grove,”);
//! - a known company, web service or brand read as a person is an
//!   organisation ("Netflix", "Instagram"), unless the document names a
//!   person of that surname or a first name or honorific says it is one;
//! - a "person" made only of ordinary English words, with no first name or
//!   surname among them, is no person ("Disease Control", "Big Machine"
//!   become organisations; a lone "Worry" opening a sentence is dropped);
//! - in a headline-style line (most words capitalised: related-story links,
//!   product lists, section heads) or a quoted title (“Takin’ It to the
//!   Streets”) a mention is kept only when something
//!   besides its capitals says it is a name: the same name outside such
//!   lines, a known place or brand, or a first name opening it;
//! - a person's name ending in an organisation head is an organisation
//!   ("Tax Policy Center", "Royal Navy"), and the planets and moons are
//!   places ("Mars", "Europa").

use super::gazetteer;
use super::names::{family_name_first, fold, fold_is_one_of, PARTICLES};
use super::{Mention, Tagger};
use crate::doc::{EntityType, Span};
use crate::language::is_common_word;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Companies, web services and brands, one per line, as written
/// (`scripts/build_organizations.py`: simple-icons titles, stock-index
/// companies). The tagger learned from 1996 news and reads today's platforms
/// as people.
const ORGANIZATIONS: &str = include_str!("../../data/gazetteers/organizations.txt");

/// News agencies, broadcasters, international agencies and armed groups
/// the lists above lack, hand-written ("Al Jazeera", "Frontex").
const NEWS_ORGANIZATIONS: &str = include_str!("../../data/gazetteers/news_organizations.txt");

/// True when `name` (exactly as written) is a known company, brand, news
/// organisation or agency.
pub(super) fn is_known_organization(name: &str) -> bool {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            ORGANIZATIONS
                .lines()
                .chain(NEWS_ORGANIZATIONS.lines())
                .collect()
        })
        .contains(name)
}

/// Lowercase nouns after a name that make it a place.
const PLACE_NOUNS: &[&str] = &[
    "peninsula",
    "region",
    "province",
    "island",
    "islands",
    "coast",
    "river",
    "valley",
    "mountains",
    "county",
    "district",
    "oblast",
    "archipelago",
    "delta",
    "basin",
];

/// Last words of place names.
const PLACE_HEADS: &[&str] = &[
    "square",
    "street",
    "avenue",
    "boulevard",
    "road",
    "island",
    "islands",
    "river",
    "mountain",
    "mountains",
    "lake",
    "bay",
    "sea",
    "ocean",
    "peninsula",
    "valley",
    "gulf",
    "strait",
    "desert",
    "coast",
    "county",
    "area",
    "stadium",
    "arena",
    "auditorium",
    "airport",
    "gardens",
    "bridge",
    "station",
    "canyon",
    "cave",
    "caves",
    "hills",
    "parish",
    "ranch",
    "ranches",
    "creek",
];

/// Personal honorifics: the capitalised words after one name a person.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "madame", "mme", "madam", "monsieur", "mister", "dr", "sir", "dame",
    "herr", "frau", "signor", "signora", "senor", "señor", "senora", "señora",
];

/// Words that head organisation names.
const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "council",
    "agency",
    "office",
    "committee",
    "commission",
    "army",
    "navy",
    "embassy",
    "government",
    "parliament",
    "institute",
    "bank",
    "court",
    "party",
    "mission",
];

/// Last words that make an organisation of a name the tagger read as a
/// person, besides [`ORG_HEADS`] ("Tax Policy Center"); places keep theirs
/// ("Rockefeller Center").
const PERSON_ORG_HEADS: &[&str] = &[
    "center",
    "centre",
    "laboratory",
    "institution",
    "theater",
    "theatre",
    "hospital",
    "school",
    "college",
    "academy",
    "museum",
    "library",
    "infirmary",
    "clinic",
    "observatory",
    "board",
    "guild",
];

/// The Sun, the Moon and the planets and moons news writes about, as one
/// word: places, though the tagger, which learned from 1996 wire news, reads
/// them as people or companies.
const SKY_BODIES: &[&str] = &[
    "sun",
    "moon",
    "mercury",
    "venus",
    "earth",
    "mars",
    "jupiter",
    "saturn",
    "uranus",
    "neptune",
    "pluto",
    "titan",
    "europa",
    "ganymede",
    "callisto",
    "enceladus",
    "ceres",
];

/// Last words that make a company or institution of a longer name, though
/// the words before it name a person or a place ("Dick Clark Productions",
/// "Big Machine Records", "Stanford University").
const ORG_TAILS: &[&str] = &[
    "productions",
    "records",
    "group",
    "inc",
    "corp",
    "corporation",
    "company",
    "ltd",
    "llc",
    "plc",
    "entertainment",
    "studios",
    "holdings",
    "partners",
    "foundation",
    "university",
    "association",
    "airlines",
    "airways",
    "motors",
    "pharmaceuticals",
    "technologies",
    "industries",
    "enterprises",
    "ventures",
    "laboratories",
    "federation",
    "fund",
    "organization",
    "organisation",
    "alliance",
    "authority",
    "bureau",
    "programme",
    "forum",
    "coalition",
    "society",
    "research",
    "capital",
    "consulting",
    "consultancy",
    "advisors",
    "advisers",
    "analytics",
    "economics",
    "investments",
    "management",
    "media",
    "labs",
    "systems",
    "solutions",
    "pharma",
    "pharmaceutical",
    "health",
    "healthcare",
    "therapeutics",
    "biotech",
    "biosciences",
    "insurance",
    "logistics",
    "trust",
    "clinic",
    "hospital",
    "infirmary",
    "institutet",
];

/// Nouns that name a body right before its name ("optical networking
/// startup Northwind Photonics", "chipmaker Nvidia"); never a person's
/// trade ("developer", "producer").
const BODY_NOUNS_BEFORE_NAMES: &[&str] = &[
    "company",
    "firm",
    "startup",
    "start-up",
    "group",
    "agency",
    "lender",
    "insurer",
    "airline",
    "carrier",
    "retailer",
    "broadcaster",
    "chipmaker",
    "automaker",
    "carmaker",
    "conglomerate",
    "regulator",
    "watchdog",
    "charity",
    "bank",
    "newspaper",
    "consultancy",
];

/// Words that open a sentence ("While Buckley sang, ...", "Hi Pamela,")
/// and that the tagger sometimes takes into the name after them.
const SENTENCE_OPENERS: &[&str] = &[
    "while",
    "although",
    "though",
    "because",
    "since",
    "once",
    "even",
    "unless",
    "until",
    "whereas",
    "when",
    "whenever",
    "after",
    "before",
    "if",
    "as",
    "why",
    "how",
    "in",
    "on",
    "at",
    "for",
    "with",
    "without",
    "despite",
    "but",
    "and",
    "so",
    "yet",
    "meanwhile",
    "then",
    "also",
    "still",
    "now",
    "hi",
    "hey",
    "hello",
    "dear",
    "thanks",
    "oh",
    "well",
    "yes",
    "both",
    "neither",
    "either",
    "only",
    "under",
    "from",
    "during",
    "by",
    "about",
    "against",
    "like",
    "unlike",
    "most",
    "many",
    "some",
    "several",
    "each",
    "every",
    "other",
    "another",
    "these",
    "those",
];

/// Words that are never a name on their own, though the tagger sometimes
/// takes one that opens a sentence or a headline: pronouns and possessive
/// determiners ("My fears …", "Why You Shouldn’t Worry") and interjections
/// ("Ok, now for a little fun", "“Hey, Siri”").
const NEVER_NAMES: &[&str] = &[
    "i", "me", "my", "mine", "you", "your", "yours", "he", "him", "his", "she", "her", "hers",
    "it", "its", "we", "us", "our", "ours", "they", "them", "their", "theirs", "ok", "okay", "hey",
    "hi", "hello", "yes", "oh", "wow", "yeah", "thanks",
];

/// Abbreviations of common nouns that the tagger takes for names ("royal
/// PR aides", "on PC", "a CEO"): never an entity, whatever their case.
const COMMON_ABBREVIATIONS: &[&str] = &[
    "pr", "ceo", "cfo", "coo", "cto", "tv", "pc", "gdp", "vp", "hr", "dna", "ai", "cpu", "gpu",
    "suv", "atm", "faq", "pdf", "url", "diy", "mp",
];

/// True for a one-word mention that is a [`COMMON_ABBREVIATIONS`] entry
/// (plural or not: "CEOs", "PCs").
fn is_common_abbreviation(body: &str, m: Mention) -> bool {
    let word = &body[m.span];
    let singular = word
        .strip_suffix('s')
        .filter(|w| w.chars().all(|c| c.is_ascii_uppercase()))
        .unwrap_or(word);
    singular.chars().all(|c| c.is_ascii_uppercase())
        && fold_is_one_of(singular, COMMON_ABBREVIATIONS)
}

/// True for a one-word person, place or organisation mention in
/// [`NEVER_NAMES`], written in lower or title case ("US", "IT" and "OK" as
/// written stay names; titles of works, MISC, are left alone).
fn is_never_a_name(body: &str, m: Mention) -> bool {
    let word = &body[m.span];
    let lower_after_first = word.chars().skip(1).all(char::is_lowercase);
    (m.kind != EntityType::Misc
        && (word == "I" || lower_after_first)
        && fold_is_one_of(word, NEVER_NAMES))
        // "Nine types of plastic were found": a number opening a sentence.
        || (lower_after_first && fold_is_one_of(word, NUMBER_WORDS))
}

/// Number words, capitalised when they open a sentence.
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "twenty", "thirty", "forty", "fifty", "hundreds", "thousands", "millions", "dozens",
];

/// The mention without the lower-case common words the tagger glued before
/// the name ("Jupiter’s moon Europa"); surname particles ("de Gaulle") and
/// words with a capital inside ("iMac") stay, and MISC is left alone.
fn without_leading_lowercase(body: &str, m: Mention) -> Mention {
    if m.kind == EntityType::Misc {
        return m;
    }
    let w = words(body, m.span);
    let common = |s: &Span| {
        let word = &body[*s];
        word.chars().next().is_some_and(char::is_lowercase)
            && !word.chars().any(char::is_uppercase)
            && !fold_is_one_of(word, PARTICLES)
    };
    match w.iter().position(|s| !common(s)) {
        Some(first) if first > 0 => Mention {
            span: Span::new(w[first].start() as u32, m.span.end() as u32),
            ..m
        },
        _ => m,
    }
}

/// "Halifax-based Maritime Commerce Bank": the place a body is based in
/// is a place, and the body's name starts after it; a lone "Calgary-based"
/// is the place. Pushes the parts to `out` and returns true when `m`
/// opens with such a word.
fn split_based_prefix(body: &str, m: Mention, out: &mut Vec<Mention>) -> bool {
    let w = words(body, m.span);
    let Some(&first) = w.first() else {
        return false;
    };
    let word = &body[first];
    let place_len = ["-based", "-headquartered"].iter().find_map(|suffix| {
        let cut = word.len().checked_sub(suffix.len())?;
        (word.is_char_boundary(cut) && word[cut..].eq_ignore_ascii_case(suffix)).then_some(cut)
    });
    let Some(place_len) = place_len.filter(|&n| n > 0 && capitalised(word)) else {
        return false;
    };
    out.push(Mention {
        span: Span::from_range(first.start()..first.start() + place_len),
        kind: EntityType::Location,
    });
    if let Some(&second) = w.get(1) {
        out.push(Mention {
            span: Span::from_range(second.start()..m.span.end()),
            ..m
        });
    }
    true
}

/// True when only quote marks, brackets or dashes separate byte `at` from
/// the start of the text, of a line, or of a sentence.
fn opens_sentence(body: &str, at: usize) -> bool {
    let before = body
        .get(..at)
        .unwrap_or_default()
        .trim_end_matches(|c: char| {
            c == ' ' || c == '"' || c == '(' || c == '\u{201c}' || c == '\u{2018}' || c == '\''
        });
    before.chars().next_back().is_none_or(|c| {
        matches!(
            c,
            '\n' | '.' | '!' | '?' | ':' | ';' | '\u{2014}' | '\u{2013}'
        )
    })
}

/// A person mention without the number word the tagger glued before the
/// name: "Two Barnet" of "League Two Barnet" (a division and a club).
fn without_leading_number(body: &str, m: Mention) -> Mention {
    let w = words(body, m.span);
    match (w.first(), w.get(1)) {
        (Some(&first), Some(&second))
            if m.kind == EntityType::Person
                && capitalised(&body[first])
                && (fold_is_one_of(&body[first], NUMBER_WORDS) || &body[first] == "One") =>
        {
            Mention {
                span: Span::new(second.start() as u32, m.span.end() as u32),
                ..m
            }
        }
        _ => m,
    }
}

/// The mention without a [`SENTENCE_OPENERS`] word that opens it and its
/// sentence: written "While", not "WHILE" or "AS" ("AS Roma"); titles of
/// works (MISC: "When Doves Cry") are left alone.
fn without_sentence_opener(body: &str, m: Mention) -> Mention {
    let w = words(body, m.span);
    let (Some(&first), Some(&second)) = (w.first(), w.get(1)) else {
        return m;
    };
    let word = &body[first];
    let title_case = capitalised(word) && word.chars().skip(1).all(char::is_lowercase);
    if m.kind == EntityType::Misc
        || !title_case
        || !fold_is_one_of(word, SENTENCE_OPENERS)
        || !opens_sentence(body, first.start())
    {
        return m;
    }
    Mention {
        span: Span::new(second.start() as u32, m.span.end() as u32),
        ..m
    }
}

fn words(body: &str, span: Span) -> Vec<Span> {
    let text = &body[span];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Span::from_range(span.start() + s..span.start() + i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Span::from_range(span.start() + s..span.end()));
    }
    out
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The word right after `span` when only one space separates them.
pub(super) fn next_word(body: &str, span: Span) -> Option<Span> {
    let rest = body.get(span.end()..)?;
    let rest_trim = rest.strip_prefix(' ')?;
    let len = rest_trim
        .find(|c: char| !c.is_alphanumeric() && c != '-')
        .unwrap_or(rest_trim.len());
    (len > 0).then(|| Span::from_range(span.end() + 1..span.end() + 1 + len))
}

/// Short words headline style leaves in lower case.
const HEADLINE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "as", "is", "it", "vs", "via", "so", "up", "over", "into", "after", "about",
];

/// True when `line` is written headline style: four or more words besides
/// [`HEADLINE_SMALL_WORDS`], at least four in five of them capitalised.
fn is_headline_style(line: &str) -> bool {
    let (mut words, mut capitalised) = (0usize, 0usize);
    for word in line.split_whitespace() {
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = word.chars().next().filter(|c| c.is_alphabetic()) else {
            continue;
        };
        if fold_is_one_of(word, HEADLINE_SMALL_WORDS) {
            continue;
        }
        words += 1;
        capitalised += usize::from(first.is_uppercase());
    }
    // A line that ends as a sentence and has a word in lower case is prose,
    // however many names and titles it holds ("German Chancellor Olaf
    // Scholz met British Prime Minister Rishi Sunak in Berlin.").
    let ends_sentence = line
        .trim_end_matches(|c: char| {
            c.is_whitespace() || crate::segment::is_quote_char(c) || c == ')'
        })
        .ends_with(['.', '!', '?']);
    let prose = ends_sentence && capitalised < words;
    words >= 4 && capitalised * 5 >= words * 4 && !prose
}

/// `mentions` without those in headline-style `paragraphs` that nothing but
/// their capitals marks as names. In "Man Shot at Dallas Gas Station Dies at
/// Hospital" or "$10 Off Nintendo Switch Lite and Pokemon Bundle" every word
/// is capitalised, so the tagger's cue is gone and it reads "Man Shot" or
/// "Off Nintendo" as names. A mention there stays when the same name occurs
/// outside such lines, when it is a known place or brand, or when a first
/// name opens it ("Derek Mason").
pub fn without_headline_noise(
    tagger: &Tagger,
    body: &str,
    paragraphs: &[Span],
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut zones: Vec<Span> = paragraphs
        .iter()
        .copied()
        .filter(|&p| body.get(p.range()).is_some_and(is_headline_style))
        .collect();
    zones.extend(quoted_titles(body, paragraphs));
    if zones.is_empty() {
        return mentions;
    }
    let in_zone = |m: &Mention| {
        zones
            .iter()
            .any(|z| z.start() <= m.span.start() && m.span.start() < z.end())
    };
    let named_elsewhere: HashSet<String> = mentions
        .iter()
        .filter(|m| !in_zone(m))
        .map(|m| fold(&body[m.span]))
        .collect();
    let known = |m: &Mention| {
        let w = words(body, m.span);
        let texts: Vec<&str> = w.iter().map(|&s| &body[s]).collect();
        let place = is_known_place(tagger, &texts);
        // A whole quoted title is already a title (MISC, `fills_quotation`).
        m.kind == EntityType::Misc && fills_quotation(body, m.span)
            || named_elsewhere.contains(&fold(&body[m.span]))
            || place
            || is_known_organization(&body[m.span])
            || (texts.len() >= 2 && tagger.word_flags(texts[0]) & gazetteer::FIRST != 0)
    };
    mentions
        .into_iter()
        .filter(|m| !in_zone(m) || known(m))
        .collect()
}

/// Longest quoted title, in words.
const QUOTED_TITLE_WORDS: usize = 10;

/// Spans inside curly quotation marks, within one paragraph, that read as a
/// title: at most [`QUOTED_TITLE_WORDS`] words, two or more of them besides
/// [`HEADLINE_SMALL_WORDS`], all of those capitalised (“Takin’ It to the
/// Streets”, “The Captain and Me”). A name inside one is part of the title.
fn quoted_titles<'a>(body: &'a str, paragraphs: &'a [Span]) -> impl Iterator<Item = Span> + 'a {
    paragraphs.iter().flat_map(move |&p| {
        let text = body.get(p.range()).unwrap_or("");
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(open) = text[from..].find('“').map(|i| from + i + '“'.len_utf8()) {
            let Some(close) = text[open..].find('”').map(|i| open + i) else {
                break;
            };
            let inner = &text[open..close];
            let words: Vec<&str> = inner
                .split_whitespace()
                .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
                .collect();
            let big: Vec<&&str> = words
                .iter()
                .filter(|w| !fold_is_one_of(w, HEADLINE_SMALL_WORDS))
                .collect();
            let titled = words.len() <= QUOTED_TITLE_WORDS
                && big.len() >= 2
                && big
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if titled {
                out.push(Span::from_range(p.start() + open..p.start() + close));
            }
            from = close + '”'.len_utf8();
        }
        out
    })
}

/// Split a person's name off the end of a longer non-person mention.
fn split_person(tagger: &Tagger, body: &str, m: Mention, out: &mut Vec<Mention>) -> bool {
    let w = words(body, m.span);
    if m.kind == EntityType::Person || w.len() < 3 {
        return false;
    }
    for k in [3, 2] {
        if k >= w.len() {
            continue;
        }
        let tail = &w[w.len() - k..];
        let texts: Vec<&str> = tail.iter().map(|&s| &body[s]).collect();
        if !texts.iter().all(|t| capitalised(t)) {
            continue;
        }
        // "Los Angeles Times", "San Diego County": the first name opens a
        // place name begun before it, and no person's name ends in a
        // place or organisation head word ("Bay Area", "Diego County").
        let split = w.len() - k;
        let all: Vec<&str> = w.iter().map(|&s| &body[s]).collect();
        let place_across = (split.saturating_sub(3)..split)
            .any(|j| tagger.phrase_flags(&all[j..=split]) & gazetteer::LOC != 0);
        let last = fold(texts[k - 1]);
        let heads_a_name = [
            PLACE_HEADS,
            ORG_HEADS,
            ORG_TAILS,
            PERSON_ORG_HEADS,
            EVENT_TAILS,
        ]
        .iter()
        .any(|list| list.contains(&last.as_str()));
        if place_across || heads_a_name {
            continue;
        }
        let tags = tagger.tag_document(std::slice::from_ref(&texts));
        let tagged_person = tags[0].first() == Some(&1) && tags[0][1..].iter().all(|&t| t == 2);
        let first_name = k == 2 && tagger.word_flags(texts[0]) & gazetteer::FIRST != 0;
        if tagged_person || first_name {
            let head = Span::from_range(m.span.start()..w[w.len() - k - 1].end());
            out.push(Mention {
                span: head,
                kind: m.kind,
            });
            out.push(Mention {
                span: Span::from_range(tail[0].start()..m.span.end()),
                kind: EntityType::Person,
            });
            return true;
        }
    }
    false
}

/// "Greenpeace and Extinction Rebellion", "Amnesty International and
/// Human Rights Watch": two organisations the tagger joined over "and". Not
/// split: a known name ("Johnson & Johnson"), an "of" complement going on
/// ("Department of Health and Human Services"), or a side that is one
/// ordinary word or one person's name ("Food and Drug Administration",
/// "Marks and Spencer").
fn split_coordination(tagger: &Tagger, body: &str, m: Mention, out: &mut Vec<Mention>) -> bool {
    if m.kind != EntityType::Organization || is_known_organization(&body[m.span]) {
        return false;
    }
    let w = words(body, m.span);
    let ands: Vec<usize> = (1..w.len().saturating_sub(1))
        .filter(|&i| &body[w[i]] == "and")
        .collect();
    let [at] = ands[..] else {
        return false;
    };
    let (left, right) = (&w[..at], &w[at + 1..]);
    let side_ok = |side: &[Span]| {
        let texts: Vec<&str> = side.iter().map(|&s| &body[s]).collect();
        if !texts.iter().all(|t| capitalised(t) || *t == "of") || texts.contains(&"of") {
            return false;
        }
        let [one] = texts[..] else {
            return true;
        };
        let flags = tagger.any_name_flags(one);
        is_known_organization(one)
            || (!is_common_word(one) && flags & (gazetteer::FIRST | gazetteer::LAST) == 0)
    };
    // "Securities and Exchange Commission": a head word closing the right
    // side only ends one name that the "and" runs through.
    let heads = |side: &[Span]| {
        side.last().is_some_and(|&s| {
            let word = fold(&body[s]);
            [
                ORG_HEADS,
                ORG_TAILS,
                PERSON_ORG_HEADS,
                &[
                    "administration",
                    "services",
                    "board",
                    "police",
                    "constabulary",
                ],
            ]
            .iter()
            .any(|list| list.contains(&word.as_str()))
        })
    };
    if !side_ok(left) || !side_ok(right) || (heads(right) && !heads(left)) {
        return false;
    }
    let (Some(l0), Some(l1), Some(r0), Some(r1)) =
        (left.first(), left.last(), right.first(), right.last())
    else {
        return false;
    };
    for span in [l0.cover(*l1), r0.cover(*r1)] {
        out.push(Mention {
            span,
            kind: EntityType::Organization,
        });
    }
    true
}

/// The word right before `span` (dots dropped) when only spaces separate them.
pub(super) fn previous_word(body: &str, span: Span) -> Option<&str> {
    let before = body.get(..span.start())?;
    let word = trailing_word(before.strip_suffix(' ')?.trim_end_matches('.'));
    (!word.is_empty()).then_some(word)
}

/// The letters at the end of `text` ("" when it ends in anything else).
fn trailing_word(text: &str) -> &str {
    let start = text.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    &text[start..]
}

/// The word before the "of " that ends at byte `at`, spaces between them
/// ("Mayor" in "the Mayor of Greater Manchester", `at` on "Greater").
fn title_before_of(body: &str, at: usize) -> Option<&str> {
    let before = body.get(..at)?.strip_suffix("of ")?;
    let trimmed = before.trim_end();
    (trimmed.len() < before.len()).then(|| trailing_word(trimmed))
}

/// A person's name with the first name the tagger left out before it
/// ("Andrés" of "Andrés Manuel López Obrador"): a capitalised word right
/// before the name, not an ordinary word nor a title, known as a first name
/// in some country or opening the sentence, where a capital tells the tagger
/// nothing ("Haitham Mohammed Ibrahim, the health minister, said"), and not
/// part of another mention (`taken`).
fn with_first_name_before(tagger: &Tagger, body: &str, span: Span, taken: &[Span]) -> Span {
    let Some(word) = previous_word(body, span) else {
        return span;
    };
    let Some(start) = span.start().checked_sub(word.len() + 1) else {
        return span;
    };
    let plain_gap = body
        .get(start..span.start())
        .is_some_and(|s| s.ends_with(' ') && s.trim_end() == word);
    // The name itself must read as one ("Manuel López Obrador"), not as a
    // mis-tagged title ("Times Opinion" after "New York").
    let known_name = words(body, span)
        .iter()
        .any(|&w| tagger.any_name_flags(&body[w]) & (gazetteer::FIRST | gazetteer::LAST) != 0);
    let first_name = tagger.any_name_flags(word) & gazetteer::FIRST != 0
        || (words(body, span).len() >= 2
            && opens_a_sentence(body, start)
            && !taken
                .iter()
                .any(|t| t.overlaps(Span::from_range(start..start + word.len())))
            && !looks_like_a_demonym_or_date(word));
    if plain_gap
        && known_name
        && tagger.word_flags(word) & gazetteer::LOC == 0
        && word.chars().skip(1).any(char::is_lowercase)
        && capitalised(word)
        && first_name
        && !crate::language::is_common_word(word)
        && !fold_is_one_of(word, HONORIFICS)
        && !fold_is_one_of(word, super::names::TITLES)
    {
        Span::from_range(start..span.end())
    } else {
        span
    }
}

/// True when only spaces stand between byte `at` and the start of the text,
/// a line break or a sentence's closing mark.
fn opens_a_sentence(body: &str, at: usize) -> bool {
    let before = body.get(..at).unwrap_or("").trim_end_matches(' ');
    before.is_empty() || before.ends_with(['\n', '.', '!', '?'])
}

/// Capitalised words that open sentences before names without being first
/// names: nationalities ("Syrian", "Sudanese", "Danish") and days or months.
fn looks_like_a_demonym_or_date(word: &str) -> bool {
    ["ian", "ean", "ese", "ish"]
        .iter()
        .any(|s| word.ends_with(s))
        || looks_like_a_date(word)
}

/// Days of the week and months ("May" left out: it is also a name).
fn looks_like_a_date(word: &str) -> bool {
    #[rustfmt::skip]
    const DATES: &[&str] = &[
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december",
    ];
    fold_is_one_of(word, DATES)
}

/// Titles the tagger sometimes reads as a person's name when they stand
/// before "of" ("the Mayor of Greater Manchester"); rarely a surname.
#[rustfmt::skip]
const OFFICE_TITLES: &[&str] = &[
    "mayor", "president", "minister", "chancellor", "governor", "senator", "secretary",
    "premier", "ambassador", "director", "chairman", "chairwoman", "commissioner",
];

/// A lone office title before "of", read as a person: "Mayor" in "Andy
/// Burnham, the Mayor of Greater Manchester"; or a professor's rank,
/// whatever its type.
fn is_a_bare_title(body: &str, m: Mention) -> bool {
    let one_word = words(body, m.span).len() == 1;
    // "Associate" of "Associate Professor Lim Jia Hui".
    let rank = one_word
        && fold_is_one_of(
            &body[m.span],
            &["associate", "assistant", "adjunct", "visiting"],
        )
        && body[m.span.end()..].starts_with(" Professor");
    // "Leader of the Opposition", "Speaker of the House".
    let title = fold_is_one_of(&body[m.span], OFFICE_TITLES)
        || fold_is_one_of(&body[m.span], &["leader", "speaker"]);
    rank || m.kind == EntityType::Person
        && one_word
        && title
        && body[m.span.end()..].starts_with(" of ")
}

/// A mention right after "<office title> of " ("Mayor of Greater
/// Manchester", "President of France"): what the office is of.
fn follows_a_title_of(body: &str, m: Mention) -> bool {
    title_before_of(body, m.span.start()).is_some_and(|t| {
        fold_is_one_of(t, OFFICE_TITLES)
            // "A resident of Ouallam", "the outskirts of Kherson".
            || fold_is_one_of(
                t,
                &["resident", "residents", "native", "natives", "outskirts", "suburbs"],
            )
    })
}

/// "State" in "Secretary of State Antony Blinken", "Defence" in "Minister
/// of Defence": the portfolio of a title, no body of its own (a ministry
/// is named "Ministry of Defence", which the tagger takes whole).
fn completes_a_title(body: &str, m: Mention) -> bool {
    if m.kind == EntityType::Person || words(body, m.span).len() > 3 {
        return false;
    }
    title_before_of(body, m.span.start()).is_some_and(|title| {
        capitalised(title) && fold_is_one_of(title, &["secretary", "minister"])
    })
}

/// True when a mention the tagger did not call a person evidently names one.
fn names_a_person(tagger: &Tagger, body: &str, m: Mention, w: &[Span]) -> bool {
    if m.kind == EntityType::Person || w.is_empty() || w.len() > 3 {
        return false;
    }
    if !w.iter().all(|&s| capitalised(&body[s])) {
        return false;
    }
    let honorific = |word: &str| fold_is_one_of(word, HONORIFICS);
    let titled = previous_word(body, m.span).is_some_and(honorific)
        || (w.len() >= 2 && honorific(&body[w[0]]));
    if titled {
        return true;
    }
    let texts: Vec<&str> = w.iter().map(|&s| &body[s]).collect();
    if family_name_first(&texts).is_some() {
        return true;
    }
    // "Florence Parley" read as a place: a first name and a word no list knows as a place.
    if !matches!(m.kind, EntityType::Location | EntityType::Organization) || w.len() != 2 {
        return false;
    }
    let (first, last) = (&body[w[0]], &body[w[1]]);
    let last_is_word = last.chars().skip(1).any(char::is_lowercase)
        && last
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
    let last_folded = fold(last);
    let guards = last_is_word
        && tagger.phrase_flags(&[first, last]) & gazetteer::LOC == 0
        && !fold_is_one_of(last, PLACE_HEADS)
        && ![ORG_HEADS, PERSON_ORG_HEADS, ORG_TAILS]
            .iter()
            .any(|list| list.contains(&last_folded.as_str()))
        && !next_word(body, m.span).is_some_and(|a| PLACE_NOUNS.contains(&&body[a]));
    let (first_flags, last_flags) = (tagger.word_flags(first), tagger.word_flags(last));
    if m.kind == EntityType::Location
        && guards
        && first_flags & gazetteer::FIRST != 0
        && last_flags & gazetteer::LOC == 0
    {
        return true;
    }
    // "Nikolay Petrov", "Pavle Petrović" read as an organisation or a place:
    // a first name of any country that is no place, then a surname of any
    // country or a word no list knows; not a known company, not an ordinary
    // word ("Heinz Field", "Muslim Brotherhood", "Mac Pro").
    let (first_any, last_any) = (
        first_flags | tagger.world_name_flags(first),
        last_flags | tagger.world_name_flags(last),
    );
    let any_first = first_any & gazetteer::FIRST != 0;
    let surname = last_any & gazetteer::LAST != 0;
    let unknown_word = last_any == 0;
    guards
        && any_first
        && first_flags & gazetteer::LOC == 0
        && (surname || unknown_word)
        && !crate::language::is_common_word(last)
        && !crate::language::is_common_word(first)
        && !is_known_organization(&body[m.span])
}

/// True when mention `span` fills a pair of quotation marks, with at most a
/// comma or full stop before the closing one: “Wild Rose”, “Glasgow,”. News
/// quotes whole names only when they title a work (a song, film, show or
/// product line); a person or place named in running text stands bare.
fn fills_quotation(body: &str, span: Span) -> bool {
    let opens = body
        .get(..span.start())
        .and_then(|b| b.chars().next_back())
        .is_some_and(|c| matches!(c, '“' | '"' | '‘'));
    let after = body.get(span.end()..).unwrap_or("");
    let after = after.strip_prefix([',', '.']).unwrap_or(after);
    opens && after.starts_with(['”', '"', '’'])
}

/// A person mention `m` (words `w`) that is a known company or brand
/// ("Netflix", "Boeing") and nothing marks as a person: no honorific before
/// it, and for one word, not a first name nor the surname of a person the
/// document names in full (`surnames`: "Harrison Ford … Ford").
fn brand_read_as_person(
    tagger: &Tagger,
    body: &str,
    m: Mention,
    w: &[Span],
    surnames: &[String],
) -> bool {
    let name = &body[m.span];
    if !is_known_organization(name)
        || previous_word(body, m.span).is_some_and(|p| fold_is_one_of(p, HONORIFICS))
    {
        return false;
    }
    let first_name =
        tagger.word_flags(name) & gazetteer::FIRST != 0 && !fold_is_one_of(name, BRANDS_OVER_NAMES);
    w.len() >= 2 || (!first_name && !surnames.contains(&fold(name)))
}

/// Brands that news names far more often than the places or the first
/// names they share their name with ("Meta" is also a Colombian
/// department and a given name, "Nokia" a Finnish town).
const BRANDS_OVER_NAMES: &[&str] = &[
    "google",
    "meta",
    "nokia",
    "toyota",
    "honda",
    "hitachi",
    "carrefour",
    "komatsu",
    "tata",
    "puma",
    "bose",
    "bentley",
    "sap",
    "nbc",
    "cbs",
];

/// A place mention `m` (words `w`) that is a known company or brand and no
/// place list knows ("Google", "Spotify", "Amazon"), unless "the" comes
/// before it or a place noun after it ("the Amazon", "Amazon rainforest").
fn brand_read_as_place(tagger: &Tagger, body: &str, m: Mention, w: &[Span]) -> bool {
    let article = previous_word(body, m.span).is_some_and(|p| p.eq_ignore_ascii_case("the"));
    let place_noun = next_word(body, m.span)
        .is_some_and(|s| PLACE_NOUNS.contains(&&body[s]) || &body[s] == "rainforest");
    if article || place_noun {
        return false;
    }
    let texts: Vec<&str> = w.iter().map(|&s| &body[s]).collect();
    let place = is_known_place(tagger, &texts) && !fold_is_one_of(&body[m.span], BRANDS_OVER_NAMES);
    !place && is_known_organization(&body[m.span])
}

/// Capitalised words that name a referent although the word list has them
/// in lower case too.
const PROPER_WORDS: &[&str] = &["god", "allah"];

/// True when the words `w` of a person mention are all ordinary English
/// words and neither its first word is a known first name nor its last a
/// known surname: "Disease Control", "Dark Side", "Worry". Real names have
/// one the lists know ("Neil Young", "Tim Cook", "Trump") or a word no
/// dictionary has ("Xi Jinping").
fn only_common_words(tagger: &Tagger, body: &str, w: &[Span]) -> bool {
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    w.len() <= 4
        && w.iter()
            .all(|&s| is_common_word(&body[s]) && !fold_is_one_of(&body[s], PROPER_WORDS))
        && tagger.word_flags(&body[first]) & gazetteer::FIRST == 0
        && tagger.word_flags(&body[last]) & gazetteer::LAST == 0
}

/// A person mention `m` (words `w`) of [`only_common_words`] that nothing else
/// marks as a name: no honorific before it and, for one word, no word of a
/// real person's name in the document (`name_words`: "Xi" of "Xi Jinping",
/// "Scooter" of "Scooter Braun").
fn common_words_read_as_person(
    tagger: &Tagger,
    body: &str,
    m: Mention,
    w: &[Span],
    name_words: &[String],
) -> bool {
    m.kind == EntityType::Person
        && only_common_words(tagger, body, w)
        && (w.len() >= 2 || !name_words.contains(&fold(&body[m.span])))
        && !previous_word(body, m.span).is_some_and(|p| fold_is_one_of(p, HONORIFICS))
}

fn retype(tagger: &Tagger, body: &str, mentions: &mut Vec<Mention>) {
    // Surnames of people named in full somewhere in the document, and family
    // names written first ("Moon Jae-in", whatever the tagger called it).
    let family_names: Vec<String> = mentions
        .iter()
        .filter_map(|m| {
            let texts: Vec<&str> = words(body, m.span).iter().map(|&s| &body[s]).collect();
            family_name_first(&texts).map(fold)
        })
        .collect();
    let surnames: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .filter_map(|m| {
            let w = words(body, m.span);
            (w.len() >= 2).then(|| fold(&body[w[w.len() - 1]]))
        })
        .chain(family_names.iter().cloned())
        .collect();
    // Every word of the document's real multi-word person names.
    let name_words: Vec<String> = mentions
        .iter()
        .filter(|m| m.kind == EntityType::Person)
        .map(|m| words(body, m.span))
        .filter(|w| w.len() >= 2 && !only_common_words(tagger, body, w))
        .flat_map(|w| w.iter().map(|&s| fold(&body[s])).collect::<Vec<_>>())
        .collect();
    // Words the tagger read alone as a person ("Rewane said") more often
    // than as anything else.
    let mut lone_words: std::collections::HashMap<String, (usize, usize)> =
        std::collections::HashMap::new();
    for m in mentions.iter() {
        let w = words(body, m.span);
        if w.len() == 1 {
            let counts = lone_words.entry(fold(&body[w[0]])).or_default();
            if m.kind == EntityType::Person {
                counts.0 += 1;
            } else {
                counts.1 += 1;
            }
        }
    }
    let lone_person_word = |word: &str| {
        let flags = tagger.any_name_flags(word);
        lone_words
            .get(&fold(word))
            .is_some_and(|&(person, other)| person > other)
            && flags & gazetteer::LOC == 0
            && (flags & gazetteer::FIRST == 0 || flags & gazetteer::LAST != 0)
    };
    let mut dropped = Vec::new();
    for i in 0..mentions.len() {
        let m = mentions[i];
        let w = words(body, m.span);
        let last = w.last().map(|&s| fold(&body[s])).unwrap_or_default();
        let after = next_word(body, m.span).map(|s| &body[s]);
        if m.kind != EntityType::Organization && fold_is_one_of(&body[m.span], SEATS_OF_GOVERNMENT)
        {
            mentions[i].kind = EntityType::Organization;
            continue;
        }
        // "The Philippines will …": a country is a place, however it acts.
        // Not a person's first name ("Jordan", "Chad") read as one.
        let texts: Vec<&str> = w.iter().map(|&s| &body[s]).collect();
        if matches!(m.kind, EntityType::Organization | EntityType::Misc)
            && tagger.is_country(&texts)
            && !(texts.len() == 1 && tagger.any_name_flags(texts[0]) & gazetteer::FIRST != 0)
        {
            mentions[i].kind = EntityType::Location;
            continue;
        }
        // Not a person whose surname is one ("David Law").
        let first_named = m.kind == EntityType::Person
            && w.first()
                .is_some_and(|&s| tagger.any_name_flags(&body[s]) & gazetteer::FIRST != 0);
        if m.kind != EntityType::Misc
            && !first_named
            && (names_a_law(body, &w) || names_an_event(body, &w))
        {
            mentions[i].kind = EntityType::Misc;
            continue;
        }
        if m.kind != EntityType::Organization && works_at(tagger, body, m, &w) {
            mentions[i].kind = EntityType::Organization;
            continue;
        }
        if m.kind != EntityType::Location && placed_by_preposition(tagger, body, m, &w, &surnames) {
            mentions[i].kind = EntityType::Location;
            continue;
        }
        // "Pakistan Peoples Party", "African Union", "Louisiana National
        // Guard": a place opening a body's name made it a place.
        if matches!(m.kind, EntityType::Person | EntityType::Location)
            && w.len() >= 2
            && w.last().is_some_and(|&s| capitalised(&body[s]))
            && (ORG_TAILS.contains(&last.as_str())
                || m.kind == EntityType::Location
                    && [
                        "party",
                        "union",
                        "guard",
                        "prefecture",
                        "police",
                        "ministry",
                        "council",
                        "commission",
                        "parliament",
                        "government",
                    ]
                    .contains(&last.as_str()))
        {
            mentions[i].kind = EntityType::Organization;
            continue;
        }
        // "Sinn Féin's health spokesperson Caoimhe Dolan": a name opened
        // by no first name, and no surname of someone the text names in
        // full, whose possessive holds a person's office, is a body.
        let office_holder = m.kind == EntityType::Person && {
            let rest = &body[m.span.end()..];
            let after_possessive = rest
                .strip_prefix("'s ")
                .or_else(|| rest.strip_prefix("’s "))
                .map(|r| m.span.end() + (rest.len() - r.len()));
            let holder = mentions.get(i + 1).filter(|n| n.kind == EntityType::Person);
            match (after_possessive, holder) {
                (Some(from), Some(n)) => {
                    let between = body.get(from..n.span.start()).unwrap_or(",");
                    let words_between = between.split_whitespace().count();
                    (1..=4).contains(&words_between)
                        && !between.contains([',', '.', ';', ':', '(', '"', '“'])
                        && tagger.any_name_flags(&body[w[0]]) & gazetteer::FIRST == 0
                        && !mentions.iter().enumerate().any(|(j, o)| {
                            let ow = words(body, o.span);
                            j != i
                                && o.kind == EntityType::Person
                                && ow.len() >= 2
                                && fold(&body[ow[ow.len() - 1]]) == last
                        })
                }
                _ => false,
            }
        };
        if office_holder {
            mentions[i].kind = EntityType::Organization;
            continue;
        }
        let body_noun_before = previous_word(body, m.span).is_some_and(|p| {
            p.chars().all(char::is_lowercase) && BODY_NOUNS_BEFORE_NAMES.contains(&p)
        });
        if m.kind == EntityType::Person
            && (w.len() >= 2
                && (ORG_HEADS.contains(&last.as_str())
                    || PERSON_ORG_HEADS.contains(&last.as_str()))
                || body_noun_before && tagger.any_name_flags(&body[w[0]]) & gazetteer::FIRST == 0)
        {
            mentions[i].kind = EntityType::Organization;
            continue;
        }
        // "Australian Bureau of Statistics", "German Economic Institute":
        // a nationality opening a body's name made it MISC.
        if m.kind == EntityType::Misc
            && w.len() >= 2
            && w[1..].iter().any(|&s| {
                let word = fold(&body[s]);
                capitalised(&body[s])
                    && (ORG_HEADS.contains(&word.as_str()) || ORG_TAILS.contains(&word.as_str()))
            })
        {
            mentions[i].kind = EntityType::Organization;
            continue;
        }
        // "Bismarck Rewane, chief executive of …" read as an organisation
        // or a place ("Bismarck" is one), then "Rewane said": the surname
        // alone is a person, so the full name is that person's.
        if matches!(m.kind, EntityType::Organization | EntityType::Location)
            && w.len() == 2
            && w.iter().all(|&s| capitalised(&body[s]))
            && lone_person_word(&body[w[1]])
            && !is_common_word(&body[w[0]])
            && !is_known_organization(&body[m.span])
            && ![ORG_HEADS, PERSON_ORG_HEADS, ORG_TAILS, PLACE_HEADS]
                .iter()
                .any(|list| list.contains(&last.as_str()))
        {
            mentions[i].kind = EntityType::Person;
            continue;
        }
        // "said Astana was …": a lone word only the place list knows, read
        // as a person, is the place.
        if w.len() == 1
            && m.kind == EntityType::Person
            && tagger.word_flags(&body[w[0]]) & gazetteer::LOC != 0
            && tagger.any_name_flags(&body[w[0]]) & (gazetteer::FIRST | gazetteer::LAST) == 0
            && !surnames.contains(&last)
            && !previous_word(body, m.span).is_some_and(|p| fold_is_one_of(p, HONORIFICS))
        {
            mentions[i].kind = EntityType::Location;
            continue;
        }
        if w.len() == 1 && m.kind != EntityType::Person && family_names.contains(&last) {
            mentions[i].kind = EntityType::Person;
            continue;
        }
        if w.len() == 1
            && m.kind != EntityType::Location
            && fold_is_one_of(&body[m.span], SKY_BODIES)
            && !surnames.contains(&last)
        {
            mentions[i].kind = EntityType::Location;
            continue;
        }
        if m.kind != EntityType::Misc && fills_quotation(body, m.span) {
            mentions[i].kind = EntityType::Misc;
            continue;
        }
        if m.kind == EntityType::Person && brand_read_as_person(tagger, body, m, &w, &surnames) {
            mentions[i].kind = EntityType::Organization;
            continue;
        }
        if m.kind == EntityType::Location && brand_read_as_place(tagger, body, m, &w) {
            mentions[i].kind = EntityType::Organization;
            continue;
        }
        // "Moving the Bill, …", "the Eagles", "the Wild": an ordinary word
        // after "the" is no person, unless a person of the text bears it;
        // a bill is a law, the rest are bodies.
        // Any other word there that a lower-case noun follows qualifies
        // it: "the Emmy nominee wrote" is no person "Emmy".
        let after_the = m.kind == EntityType::Person
            && w.len() == 1
            && !surnames.contains(&last)
            && !name_words.contains(&last)
            && previous_word(body, m.span).is_some_and(|p| p.eq_ignore_ascii_case("the"));
        let modifier = after.is_some_and(|a| {
            a.chars().all(char::is_lowercase)
                && !PLACE_NOUNS.contains(&a)
                && !PLACE_HEADS.contains(&a)
        });
        if after_the && is_common_word(&body[m.span]) {
            mentions[i].kind = if fold_is_one_of(&body[m.span], &["bill", "bills"]) {
                EntityType::Misc
            } else {
                EntityType::Organization
            };
            continue;
        }
        if after_the && modifier {
            mentions[i].kind = EntityType::Misc;
            continue;
        }
        if common_words_read_as_person(tagger, body, m, &w, &name_words) {
            // A lone word capitalised by its place is no name at all; one
            // inside a sentence ("obtained by Variety") or a phrase of them
            // ("Blue Origin") names a body more often than a thing.
            if w.len() == 1 && opens_sentence(body, m.span.start()) {
                dropped.push(i);
            } else {
                mentions[i].kind = EntityType::Organization;
            }
            continue;
        }
        if names_a_person(tagger, body, m, &w) {
            mentions[i].kind = EntityType::Person;
            continue;
        }
        if m.kind != EntityType::Location
            && (after.is_some_and(|a| PLACE_NOUNS.contains(&a))
                || (w.len() >= 2 && PLACE_HEADS.contains(&last.as_str())))
        {
            mentions[i].kind = EntityType::Location;
            continue;
        }
        if w.len() == 1 {
            let flags = tagger.word_flags(&body[m.span]);
            let is_name =
                flags & (gazetteer::FIRST | gazetteer::LAST) != 0 && flags & gazetteer::LOC == 0;
            let prev_mention = i
                .checked_sub(1)
                .map(|j| &mentions[j])
                .filter(|p| p.span.end() <= m.span.start());
            let next_mention = mentions
                .get(i + 1)
                .filter(|n| n.span.start() >= m.span.end());
            // The words joining this mention to the one before and after.
            let join_before = prev_mention.map(|p| body[p.span.end()..m.span.start()].trim());
            let join_after = next_mention.map(|n| body[m.span.end()..n.span.start()].trim());
            // The type of a mention joined to this one by one of `words`.
            let joined = |other: Option<&Mention>, join: Option<&str>, words: &[&str]| {
                other
                    .zip(join)
                    .and_then(|(o, j)| words.contains(&j).then_some(o.kind))
            };
            // Coordinated: "A and B", "A, B".
            let prev = joined(prev_mention, join_before, &["and", "or", ","]);
            let next = joined(next_mention, join_after, &["and", "or", ","]);
            let with = |kind| prev == Some(kind) || next == Some(kind);
            let known_person = surnames.contains(&fold(&body[m.span]));
            // Joined to a person by "and" or "or", a surname that is also a
            // place is the surname ("Fabre and Walker agreed"); a comma
            // also lists places ("Barry, Berrien, Calhoun").
            let and_person =
                |other, join| joined(other, join, &["and", "or"]) == Some(EntityType::Person);
            let surname_by_person = flags & gazetteer::LAST != 0
                && (and_person(prev_mention, join_before) || and_person(next_mention, join_after));
            // "from London, Harper said": a person's surname after a place.
            let surname_after_a_place = m.kind == EntityType::Person
                && flags & gazetteer::LAST != 0
                && after_a_place_and_comma_only(prev, join_before, next);
            if m.kind != EntityType::Person
                && ((is_name && with(EntityType::Person)) || surname_by_person)
            {
                mentions[i].kind = EntityType::Person;
            } else if !is_name
                && !known_person
                && m.kind != EntityType::Misc
                && !surname_after_a_place
                && with(EntityType::Location)
            {
                mentions[i].kind = EntityType::Location;
            }
        }
    }
    for i in dropped.into_iter().rev() {
        mentions.remove(i);
    }
}

/// A surname written with the Arabic article ("al-Ansari", "el-Sisi") that
/// the tagger took without the given name before it, or as something other
/// than a person: with a first name of any country, or a capitalised word
/// no list knows as an ordinary word or a place, right before it, the two
/// are a person ("Majed al-Ansari"). Alone, "al-Qaeda" stays what it was.
fn with_name_before_arabic_article(tagger: &Tagger, body: &str, m: Mention) -> Mention {
    let text = &body[m.span];
    let articled = super::names::ARABIC_ARTICLES.iter().any(|a| {
        text.strip_prefix(a)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    });
    if !articled {
        return m;
    }
    let Some(given) = previous_word(body, m.span) else {
        return m;
    };
    let Some(start) = m.span.start().checked_sub(given.len() + 1) else {
        return m;
    };
    let plain_gap = body.get(start..m.span.start()) == Some(&format!("{given} ")[..]);
    let first_name = tagger.any_name_flags(given) & gazetteer::FIRST != 0
        || (!is_common_word(given) && tagger.word_flags(given) & gazetteer::LOC == 0);
    if plain_gap
        && capitalised(given)
        && first_name
        && !fold_is_one_of(given, HONORIFICS)
        && !fold_is_one_of(given, super::names::TITLES)
    {
        Mention {
            span: Span::from_range(start..m.span.end()),
            kind: EntityType::Person,
        }
    } else {
        m
    }
}

/// Letters written after a person's name for a rank, an office or an
/// honour: "Aoife Brennan SC", "Jess Phillips MP", "Keir Starmer KC".
const POST_NOMINALS: &[&str] = &[
    "SC", "KC", "QC", "BL", "MP", "MEP", "MSP", "MLA", "TD", "OBE", "CBE", "MBE", "KBE", "DBE",
    "PhD",
];

/// Post-nominals that only a person holds (a party's "Labour MP" is no
/// person): the capitalised words before them are a person's name
/// however the tagger read it ("Kearney SC", "Seán Ó Riordáin BL").
const PERSONAL_POST_NOMINALS: &[&str] =
    &["SC", "KC", "QC", "BL", "OBE", "CBE", "MBE", "KBE", "DBE"];

/// Mentions without the post-nominal letters after a person's name: alone
/// (the tagger's organisation "SC" after a name, "TD" in "the Dublin
/// Central TD") they are dropped;
/// at the end of a person's name, or of a first name and a surname read as
/// something else, they are cut off ("Labour MP" stays).
fn without_post_nominals(tagger: &Tagger, body: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mut m in mentions {
        let w = words(body, m.span);
        let Some(&last) = w.last() else {
            out.push(m);
            continue;
        };
        if !POST_NOMINALS.contains(&&body[last]) {
            out.push(m);
            continue;
        }
        if w.len() == 1 {
            // Alone they are titles, never a name ("The Dublin Central TD
            // said", "Aoife Brennan SC").
            continue;
        }
        let name = &w[..w.len() - 1];
        let first_name = tagger.any_name_flags(&body[name[0]]) & gazetteer::FIRST != 0;
        let full_name = (2..=3).contains(&name.len())
            && first_name
            && name.iter().all(|&s| capitalised(&body[s]));
        let personal = PERSONAL_POST_NOMINALS.contains(&&body[last])
            && name.len() <= 3
            && name.iter().all(|&s| capitalised(&body[s]));
        if m.kind == EntityType::Person || full_name || personal {
            m.span = Span::from_range(m.span.start()..name[name.len() - 1].end());
            m.kind = EntityType::Person;
        }
        out.push(m);
    }
    out
}

/// Buildings whose names news uses for the government inside them ("the
/// White House said", "the Kremlin denied"): organisations.
const SEATS_OF_GOVERNMENT: &[&str] = &[
    "white house",
    "kremlin",
    "pentagon",
    "elysee",
    "élysée",
    "elysee palace",
    "élysée palace",
    "blue house",
    "quai d'orsay",
];

/// Last words of the names of laws, treaties and agreements: "the WARN
/// Act", "the Paris Agreement", "the First Amendment". CoNLL's MISC.
const LAW_TAILS: &[&str] = &[
    "act",
    "bill",
    "law",
    "regulation",
    "code",
    "ordinance",
    "acts",
    "treaty",
    "pact",
    "accord",
    "accords",
    "agreement",
    "agreements",
    "amendment",
    "directive",
    "convention",
];

/// True when the words `w` name a law or treaty: two words or more,
/// capitalised, the last one of [`LAW_TAILS`] ("Treaty of Rome" by its
/// first).
fn names_a_law(body: &str, w: &[Span]) -> bool {
    let is_law_word =
        |s: Span| capitalised(&body[s]) && LAW_TAILS.contains(&fold(&body[s]).as_str());
    // "State Administration for Market Regulation" is a body.
    let body_word = w.iter().any(|&s| {
        fold_is_one_of(
            &body[s],
            &[
                "administration",
                "authority",
                "agency",
                "commission",
                "department",
                "ministry",
                "office",
                "council",
                "committee",
                "board",
                "bureau",
                "institute",
            ],
        )
    });
    if body_word {
        return false;
    }
    match (w.first(), w.last()) {
        (Some(&first), Some(&last)) if w.len() >= 2 => {
            is_law_word(last) || (is_law_word(first) && w.get(1).is_some_and(|&s| &body[s] == "of"))
        }
        _ => false,
    }
}

/// Last words of the name of an event, MISC in CoNLL's convention:
/// "Singapore Grand Prix", "Venice Film Festival", "FA Cup".
const EVENT_TAILS: &[&str] = &[
    "prix",
    "festival",
    "cup",
    "championship",
    "championships",
    "olympics",
    "paralympics",
    "marathon",
    "biennale",
    "expo",
];

/// True when the words `w` name an event: two words or more, the last
/// one capitalised and of [`EVENT_TAILS`].
fn names_an_event(body: &str, w: &[Span]) -> bool {
    w.len() >= 2
        && w.last().is_some_and(|&s| {
            capitalised(&body[s]) && EVENT_TAILS.contains(&fold(&body[s]).as_str())
        })
}

/// Prepositions of place after which an unknown name is a place ("in
/// Darfur", "near Pass Christian", "around Tawila"). "to", "at" and "from"
/// are left out: people and companies follow them as often ("spoke to
/// Ruto", "at Google").
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "around", "across", "outside", "throughout"];

/// True when a mention the tagger read as a person, or as an organisation
/// after a preposition other than "in", follows a preposition of place and
/// no name list marks it as a person's or a company's: its first word is
/// no first name of any country, a lone word no surname and no surname of
/// a person the document names (`surnames`), and no possessive or
/// honorific goes with it. "confidence in Trump" keeps its person by the
/// surname lists.
fn placed_by_preposition(
    tagger: &Tagger,
    body: &str,
    m: Mention,
    w: &[Span],
    surnames: &[String],
) -> bool {
    let Some(preposition) = body
        .get(..m.span.start())
        .and_then(|b| b.strip_suffix(' '))
        .map(trailing_word)
    else {
        return false;
    };
    if !PLACE_PREPOSITIONS.contains(&preposition) {
        return false;
    }
    let kind_fits = match m.kind {
        EntityType::Person => true,
        EntityType::Organization => preposition != "in",
        _ => false,
    };
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
        return false;
    };
    let possessive = body[m.span.end()..].starts_with(['\'', '’']);
    let all_capitals = body[m.span].chars().all(|c| !c.is_lowercase());
    let first_flags = tagger.any_name_flags(&body[first]);
    let doc_surname = surnames.contains(&fold(&body[last]));
    let lone_surname = w.len() == 1 && (first_flags & gazetteer::LAST != 0 || doc_surname);
    // A place the gazetteer knows is one there even if it is also a name:
    // "a manager in Denver".
    let texts: Vec<&str> = w.iter().map(|&s| &body[s]).collect();
    let known_place = is_known_place(tagger, &texts) && !doc_surname;
    kind_fits
        && w.len() <= 3
        && w.iter().all(|&s| capitalised(&body[s]))
        && !possessive
        && !all_capitals
        && (known_place || first_flags & gazetteer::FIRST == 0 && !lone_surname)
        && !is_known_organization(&body[m.span])
}

/// People by their work, before "at" and the body they work for: "an
/// analyst at Jefferies", "economists at Capital Economics".
const WORKER_NOUNS: &[&str] = &[
    "analyst",
    "economist",
    "strategist",
    "researcher",
    "scientist",
    "professor",
    "lecturer",
    "engineer",
    "executive",
    "partner",
    "director",
    "official",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "lawyer",
    "attorney",
    "consultant",
    "trader",
    "banker",
    "adviser",
    "advisor",
    "employee",
    "editor",
];

/// True when a place or name mention `m` (words `w`) follows a worker noun
/// and "at" ("an analyst at Jefferies"): where people work is a body,
/// unless the name is a country or region ("economists at Kenya" does not
/// occur; "an official in Kenya" takes "in").
fn works_at(tagger: &Tagger, body: &str, m: Mention, w: &[Span]) -> bool {
    let Some(before) = body
        .get(..m.span.start())
        .and_then(|b| b.strip_suffix(" at "))
    else {
        return false;
    };
    let noun = trailing_word(before).to_lowercase();
    let singular = noun.strip_suffix('s').unwrap_or(&noun);
    let texts: Vec<&str> = w.iter().map(|&s| &body[s]).collect();
    // "at Lagos-based Crestline Securities": the employer comes after.
    let name_follows = next_word(body, m.span).is_some_and(|s| capitalised(&body[s]));
    matches!(m.kind, EntityType::Location | EntityType::Misc)
        && !name_follows
        && (WORKER_NOUNS.contains(&noun.as_str()) || WORKER_NOUNS.contains(&singular))
        && !tagger.is_rule_place(&texts)
}

/// Nouns for a person's office or trade that stand right before the
/// person's name, besides [`OFFICE_TITLES`]: "Chief minister M K Stalin",
/// "Everton manager David Moyes", "Reuters correspondent Ana Ruiz".
const PERSON_TITLE_NOUNS: &[&str] = &[
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "judge",
    "ceo",
    "manager",
    "coach",
    "captain",
    "striker",
    "economist",
    "analyst",
    "professor",
    "correspondent",
    "reporter",
    "counterpart",
];

/// True for a single capital letter, dotted or not: an initial ("M", "K.").
fn is_initial(word: &str) -> bool {
    let letters = word.strip_suffix('.').unwrap_or(word);
    let mut chars = letters.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// The start of the initials written right before `span`, each after one
/// space ("M K" of "M K Stalin", "J. R." of "J. R. Tolkien"), or the span's
/// own start; at most three.
fn start_with_initials(body: &str, span: Span) -> usize {
    let mut start = span.start();
    for _ in 0..3 {
        let before = &body[..start];
        let Some(gap) = before.strip_suffix(' ') else {
            break;
        };
        let word_start = gap.rfind(' ').map_or(0, |i| i + 1);
        if gap.is_empty() || !is_initial(&gap[word_start..]) {
            break;
        }
        start = word_start;
    }
    start
}

/// People the tagger gave another type or cut short, by the words around
/// their names:
/// - a name after a title noun is a person's, initials in between allowed
///   ("Chief minister M K Stalin" read as a place);
/// - three words with a single capital letter in the middle are a person's
///   ("Edappadi K Palaniswami", "George W. Bush");
/// - a person's initials before the name belong to it ("M K" + "Stalin").
fn people_by_titles_and_initials(body: &str, mentions: &mut [Mention]) {
    let mut taken_until = 0;
    for m in mentions.iter_mut() {
        let w = words(body, m.span);
        // Initials inside the mention before are not taken here (they may
        // move over later: `initial_to_the_person_after`).
        let start = Some(start_with_initials(body, m.span))
            .filter(|&s| s >= taken_until)
            .unwrap_or(m.span.start());
        if m.kind != EntityType::Person {
            let all_capitals = !body[m.span].chars().any(char::is_lowercase);
            let titled = body
                .get(..start)
                .and_then(|b| b.strip_suffix(' '))
                .map(trailing_word)
                .is_some_and(|t| {
                    fold_is_one_of(t, OFFICE_TITLES) || fold_is_one_of(t, PERSON_TITLE_NOUNS)
                });
            // Not "Hanwha Q Cells": the surname is no ordinary word.
            let middle_initial = w.len() == 3
                && is_initial(&body[w[1]])
                && capitalised(&body[w[0]])
                && capitalised(&body[w[2]])
                && !is_common_word(&body[w[2]]);
            let name_like = w.len() <= 3
                && w.iter().all(|&s| capitalised(&body[s]))
                && !all_capitals
                && !is_known_organization(&body[m.span]);
            if name_like && (titled || middle_initial) {
                m.kind = EntityType::Person;
            }
        }
        if m.kind == EntityType::Person && start < m.span.start() {
            m.span = Span::from_range(start..m.span.end());
        }
        taken_until = m.span.end();
    }
}

/// True when a mention follows a place after a comma and no place is joined
/// after it: "from London, Harper said" (`prev`, `next`: the types of the
/// coordinated mentions). A list of places goes on ("Toronto, Denver,
/// Seattle") or is joined by "and" ("Paris and Denver").
fn after_a_place_and_comma_only(
    prev: Option<EntityType>,
    join_before: Option<&str>,
    next: Option<EntityType>,
) -> bool {
    prev == Some(EntityType::Location)
        && join_before == Some(",")
        && next != Some(EntityType::Location)
}

/// Titles a club's or team's name takes before a person's name and a
/// person's name never does: "Villa boss Unai Emery", "Chelsea captain
/// Reece James"; "team" counts before "principal" ("Williams team
/// principal James Vowles").
const TEAM_TITLES: &[&str] = &[
    "boss",
    "manager",
    "coach",
    "captain",
    "chairman",
    "owner",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "winger",
];

/// A team named after a place or a founder ("Aston Villa", "Williams")
/// that the tagger read as a person, found where a team title and a
/// person's name follow it; then every person mention ending in the same
/// word is the team too.
fn teams_read_as_people(tagger: &Tagger, body: &str, mentions: &mut [Mention]) {
    let mut teams: Vec<String> = Vec::new();
    for m in mentions.iter_mut() {
        if m.kind != EntityType::Person {
            continue;
        }
        let Some(title) = next_word(body, m.span) else {
            continue;
        };
        let title = match &body[title] {
            "team" => next_word(body, title).filter(|&w| &body[w] == "principal"),
            word if TEAM_TITLES.contains(&word) => Some(title),
            _ => None,
        };
        let named_after = title
            .and_then(|t| next_word(body, t))
            .is_some_and(|w| capitalised(&body[w]));
        if named_after {
            m.kind = EntityType::Organization;
            if let Some(&last) = words(body, m.span).last() {
                teams.push(fold(&body[last]));
            }
        }
    }
    // Not a person with a common given name: "Serena Williams".
    for m in mentions.iter_mut() {
        let w = words(body, m.span);
        let last = w.last().map(|&s| fold(&body[s]));
        let given = w.len() >= 2 && tagger.word_flags(&body[w[0]]) & gazetteer::FIRST != 0;
        if m.kind == EntityType::Person && !given && last.is_some_and(|l| teams.contains(&l)) {
            m.kind = EntityType::Organization;
        }
    }
}

/// Arabic patronymic links: "son of", "daughter of".
const PATRONYMICS: &[&str] = &["bin", "ibn", "bint"];

/// A person's name cut at its patronymic is one name: "Mohammed", "bin",
/// "Salman" is "Mohammed bin Salman", and "Mohamed", "bin", "Zayed Al
/// Nahyan" is one person; so is "Abdullah bin Zayed" when the tagger took
/// only "Zayed". Split, the given names of different people
/// group as spelling variants of one another.
fn joined_at_patronymic(body: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mut m in mentions {
        let link = previous_word(body, m.span).filter(|w| PATRONYMICS.contains(w));
        let given = link.and_then(|l| {
            let at = m.span.start().checked_sub(l.len() + 1)?;
            previous_word(body, Span::from_range(at..at))
                .filter(|w| capitalised(w) && !is_common_word(w))
                .and_then(|w| at.checked_sub(w.len() + 1))
                .filter(|&start| body.get(start..at).is_some_and(|g| g.ends_with(' ')))
        });
        let free = |start: usize| out.last().is_none_or(|p| p.span.end() <= start);
        if let Some(start) = given.filter(|&s| m.kind == EntityType::Person && free(s)) {
            m.span = Span::from_range(start..m.span.end());
        }
        if let Some(prev) = out.last_mut() {
            let gap = body.get(prev.span.end()..m.span.start()).unwrap_or("");
            let link = gap.strip_prefix(' ').and_then(|g| g.strip_suffix(' '));
            let capitalised_start = body[m.span].chars().next().is_some_and(char::is_uppercase);
            if prev.kind == EntityType::Person
                && link.is_some_and(|l| PATRONYMICS.contains(&l))
                && capitalised_start
            {
                prev.span = prev.span.cover(m.span);
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// "He Jianxiong": the Chinese surname He right before a one-word person
/// name is part of it (in English "He" never runs straight into a name).
fn with_surname_he(body: &str, m: Mention) -> Mention {
    let start = m.span.start();
    let one_word = words(body, m.span).len() == 1;
    // `get` both checks the bytes and that `start - 3` is a char boundary.
    let he = start
        .checked_sub(3)
        .filter(|&p| body.get(p..start) == Some("He "))
        .and_then(|p| body.get(..p))
        .is_some_and(|prefix| !prefix.ends_with(char::is_alphanumeric));
    if m.kind == EntityType::Person && one_word && he {
        Mention {
            span: Span::new(start as u32 - 3, m.span.end() as u32),
            ..m
        }
    } else {
        m
    }
}

fn is_org_head(body: &str, span: Span) -> bool {
    capitalised(&body[span]) && fold_is_one_of(&body[span], ORG_HEADS)
}

/// Words that join an institution's head to what it is for ("Center for
/// Reproductive Rights", "Council on Foreign Relations", "Committee to
/// Protect Journalists").
const HEAD_CONNECTIVES: &[&str] = &["of", "for", "on", "to"];

/// The words of [`ORG_TAILS`] that end a company's name and take no
/// complement: "Solenne Pharma of France" is a company and a country.
const COMPANY_SUFFIXES: &[&str] = &[
    "inc",
    "corp",
    "ltd",
    "llc",
    "plc",
    "holdings",
    "pharma",
    "pharmaceutical",
    "pharmaceuticals",
    "health",
    "healthcare",
    "therapeutics",
    "biotech",
    "biosciences",
    "insurance",
    "logistics",
    "capital",
    "consulting",
    "media",
    "labs",
    "systems",
    "solutions",
];

/// True for a head word that takes a complement ("Center", "Institute").
fn is_complemented_head(body: &str, span: Span) -> bool {
    let word = &body[span];
    capitalised(word)
        && (fold_is_one_of(word, ORG_HEADS)
            || fold_is_one_of(word, PERSON_ORG_HEADS)
            || (fold_is_one_of(word, ORG_TAILS) && !fold_is_one_of(word, COMPANY_SUFFIXES)))
}

/// Feasts and holidays: events (MISC), never people ("his first Christmas
/// address").
const HOLIDAYS: &[&str] = &[
    "christmas",
    "easter",
    "ramadan",
    "eid",
    "hanukkah",
    "thanksgiving",
    "diwali",
    "passover",
];

/// "St. Peter's Square", "Queen's Park": a name, its possessive and a
/// place's last word are one place, not a place and a person "Square".
fn with_possessive_place_head(body: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut rest = mentions.into_iter().peekable();
    while let Some(mut m) = rest.next() {
        let after = body.get(m.span.end()..).unwrap_or("");
        let mark = ["'s ", "’s "].iter().find(|mark| after.starts_with(**mark));
        if let Some(mark) = mark {
            let at = m.span.end() + mark.len();
            let head = next_word(body, Span::from_range(at - 1..at - 1))
                .filter(|&s| capitalised(&body[s]) && fold_is_one_of(&body[s], PLACE_HEADS));
            if let Some(head) = head {
                while rest
                    .peek()
                    .is_some_and(|p| p.span.start() >= at && p.span.end() <= head.end())
                {
                    rest.next();
                }
                m.span = m.span.cover(head);
                m.kind = EntityType::Location;
            }
        }
        out.push(m);
    }
    out
}

/// Words that open a storm's name ("Hurricane Erin", "Typhoon Haiyan").
const STORM_WORDS: &[&str] = &["hurricane", "typhoon", "cyclone"];

/// A storm's name is an event (MISC), not the person or company the tagger
/// took its given name for: "Hurricane Erin" would otherwise be a woman a
/// later "she said" could pick.
fn named_storm(body: &str, m: Mention) -> Mention {
    let first = words(body, m.span).first().map(|&s| &body[s]);
    let opened = first.is_some_and(|w| capitalised(w) && fold_is_one_of(w, STORM_WORDS));
    let before = previous_word(body, m.span)
        .filter(|w| capitalised(w) && fold_is_one_of(w, STORM_WORDS))
        .and_then(|w| m.span.start().checked_sub(w.len() + 1))
        .filter(|&start| {
            body.get(start..m.span.start())
                .is_some_and(|gap| gap.ends_with(' ') && !gap.contains('.'))
        });
    match (opened, before) {
        (_, Some(start)) => Mention {
            span: Span::from_range(start..m.span.end()),
            kind: EntityType::Misc,
        },
        (true, None) if words(body, m.span).len() >= 2 => Mention {
            kind: EntityType::Misc,
            ..m
        },
        _ => m,
    }
}

/// True when the words name a place the gazetteer lists ("Texas", "New
/// York"), a country or a second-level region ("Hampshire").
fn is_known_place(tagger: &Tagger, texts: &[&str]) -> bool {
    let flags = match texts {
        [one] => tagger.word_flags(one),
        _ => tagger.phrase_flags(texts),
    };
    flags & gazetteer::LOC != 0 || tagger.is_rule_place(texts)
}

/// Office words that end a jurisdiction's title before a name ("Texas
/// Attorney General Ken Paxton"), besides [`OFFICE_TITLES`].
const JURISDICTION_TITLES: &[&str] = &[
    "attorney",
    "solicitor",
    "surgeon",
    "inspector",
    "auditor",
    "comptroller",
    "treasurer",
];

/// Titles the tagger glued to the names around them:
/// - a place's office word before a title and a name is not part of the
///   place ("Texas Attorney" of "Texas Attorney General Ken Paxton");
/// - one capitalised word between a title and a person's name is the
///   person's first name ("Director-General Tedros" + "Adhanom
///   Ghebreyesus", "Committee chair Jørgen" + "Watne Frydnes").
fn titles_between_names(tagger: &Tagger, body: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut rest = mentions.into_iter().peekable();
    while let Some(mut m) = rest.next() {
        let w = words(body, m.span);
        if m.kind != EntityType::Person && w.len() >= 2 {
            let last = &body[w[w.len() - 1]];
            let title_follows = next_word(body, m.span).is_some_and(|s| {
                let next = &body[s];
                capitalised(next) && fold_is_one_of(next, super::names::TITLES)
            });
            if title_follows
                && (fold_is_one_of(last, JURISDICTION_TITLES)
                    || fold_is_one_of(last, OFFICE_TITLES))
            {
                m.span = Span::from_range(m.span.start()..w[w.len() - 2].end());
                let texts: Vec<&str> = words(body, m.span).iter().map(|&s| &body[s]).collect();
                if is_known_place(tagger, &texts) {
                    m.kind = EntityType::Location;
                }
            }
        }
        let first_name = m.kind != EntityType::Person
            && w.len() == 1
            && !body[m.span].chars().all(|c| !c.is_lowercase())
            && previous_word(body, m.span).is_some_and(|t| {
                (capitalised(t) && fold_is_one_of(t, super::names::TITLES))
                    || is_lower_case_person_noun(t)
            })
            && rest.peek().is_some_and(|p| {
                p.kind == EntityType::Person && body.get(m.span.end()..p.span.start()) == Some(" ")
            });
        if first_name {
            if let Some(person) = rest.next() {
                m.span = m.span.cover(person.span);
                m.kind = EntityType::Person;
            }
        }
        // Title words the tagger took into a person's name ("Executive" of
        // "Chief Executive Guillaume Faury") are not the name.
        if m.kind == EntityType::Person {
            let w = words(body, m.span);
            let titled = |s: &Span| {
                let word = &body[*s];
                capitalised(word)
                    && (fold_is_one_of(word, OFFICE_TITLES)
                        || fold_is_one_of(word, TITLE_OPENERS)
                        || fold_is_one_of(word, super::names::TITLES))
            };
            let skip = w.iter().take_while(|s| titled(s)).count();
            if skip > 0 && w.len() >= skip + 2 {
                m.span = Span::from_range(w[skip].start()..m.span.end());
            }
        }
        // A title alone before the person's name is no entity ("Pope" of
        // "Pope Leo XIV", "Prince" of "Prince Harry").
        let bare_title = m.kind != EntityType::Person
            && w.len() == 1
            && fold_is_one_of(&body[m.span], super::names::TITLES)
            && rest.peek().is_some_and(|p| {
                p.kind == EntityType::Person && body.get(m.span.end()..p.span.start()) == Some(" ")
            });
        if bare_title {
            continue;
        }
        // A name right after a lower-case noun for a person is that
        // person's ("Hamas official Basem Naim"), unless it is an
        // institution's or a known body's.
        if m.kind == EntityType::Organization
            && (2..=3).contains(&w.len())
            && previous_word(body, m.span).is_some_and(is_lower_case_person_noun)
            && !w.iter().any(|&s| is_complemented_head(body, s))
            && !is_known_organization(&body[m.span])
            && tagger.any_name_flags(&body[w[0]]) & gazetteer::FIRST != 0
        {
            m.kind = EntityType::Person;
        }
        out.push(m);
    }
    out
}

/// Lower-case nouns for people that stand right before a name ("Hamas
/// official Basem Naim", "union leader Sophie Binet").
fn is_lower_case_person_noun(word: &str) -> bool {
    #[rustfmt::skip]
    const NOUNS: &[&str] = &[
        "official", "spokesman", "spokeswoman", "spokesperson", "leader", "minister", "president",
        "chief", "director", "commander", "adviser", "advisor", "aide", "negotiator", "envoy",
        "chair", "chairman", "chairwoman",
        "lawmaker", "senator", "analyst", "economist", "lawyer", "activist", "founder", "executive",
    ];
    NOUNS.contains(&word)
}

/// Words that open a person's title after an institution's name ("Bank of
/// America Chief Executive …"), besides [`OFFICE_TITLES`].
const TITLE_OPENERS: &[&str] = &[
    "chief",
    "head",
    "deputy",
    "vice",
    "acting",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "attorney",
    "judge",
    "executive",
];

/// A "person" whose name opens with an institution's head word is the rest
/// of the institution before it ("Imperial" + "College London"), or an
/// institution of its own.
fn institution_read_as_a_person(body: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mut m in mentions {
        // Not "Inc." closing a sentence before a name ("Apple Inc. Roku is").
        let opens_with_head = m.kind == EntityType::Person
            && words(body, m.span)
                .first()
                .is_some_and(|&s| is_complemented_head(body, s) && !body[s].ends_with('.'));
        if opens_with_head {
            m.kind = EntityType::Organization;
            if let Some(prev) = out.last_mut() {
                if prev.kind != EntityType::Person
                    && body.get(prev.span.end()..m.span.start()) == Some(" ")
                {
                    prev.span = prev.span.cover(m.span);
                    prev.kind = EntityType::Organization;
                    continue;
                }
            }
        }
        out.push(m);
    }
    out
}

/// An institution whose name the tagger cut at its connective ("Center
/// for" + "Reproductive Rights", "Council" + "on Foreign Relations") is one
/// organisation: the head, the connective and the capitalised words after
/// it, up to the end of the mention they open. A person, a title or a date
/// after the connective ends it ("Bank of England Governor Andrew Bailey").
fn join_head_complements(body: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut rest = mentions.into_iter().peekable();
    while let Some(mut m) = rest.next() {
        let w = words(body, m.span);
        let n = w.len();
        let ends_in_connective = n >= 2
            && fold_is_one_of(&body[w[n - 1]], HEAD_CONNECTIVES)
            && is_complemented_head(body, w[n - 2]);
        let connective = if ends_in_connective {
            Some(w[n - 1])
        } else if m.kind != EntityType::Person
            && w.last().is_some_and(|&s| is_complemented_head(body, s))
        {
            next_word(body, m.span).filter(|&s| HEAD_CONNECTIVES.contains(&&body[s]))
        } else {
            None
        };
        if let Some(connective) = connective {
            let mut end = connective;
            let mut taken = 0;
            while taken < 5 {
                let Some(next) = next_word(body, end) else {
                    break;
                };
                let word = &body[next];
                let title = fold_is_one_of(word, OFFICE_TITLES)
                    || fold_is_one_of(word, HONORIFICS)
                    || fold_is_one_of(word, TITLE_OPENERS);
                if !capitalised(word) || title || looks_like_a_date(word) {
                    break;
                }
                match rest.peek() {
                    Some(p) if p.span.start() == next.start() => {
                        // A person's name after a connective the tagger put
                        // in the organisation is the rest of it ("University
                        // of" + "Colorado Boulder").
                        if p.kind == EntityType::Person && !ends_in_connective {
                            break;
                        }
                        end = p.span;
                        rest.next();
                    }
                    Some(p) if p.span.start() < next.end() => break,
                    _ => end = next,
                }
                taken += 1;
            }
            if taken > 0 {
                m.span = m.span.cover(end);
                m.kind = EntityType::Organization;
            }
        }
        out.push(m);
    }
    out
}

/// "Centre for Clinical" + "Brain Sciences": an institution's complement
/// that the tagger cut, reading its last words as a person, is one
/// organisation. The person's first word must be no first name ("Bank of
/// England" + "Andrew Bailey" stay apart), or an ordinary word too ("Brain").
fn join_complement_read_as_person(
    tagger: &Tagger,
    body: &str,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if let Some(prev) = out.last_mut() {
            let w = words(body, prev.span);
            let complemented = prev.kind == EntityType::Organization
                && (1..w.len().saturating_sub(1)).any(|k| {
                    fold_is_one_of(&body[w[k]], HEAD_CONNECTIVES)
                        && is_complemented_head(body, w[k - 1])
                });
            let first = words(body, m.span).first().map(|&s| &body[s]);
            if complemented
                && m.kind == EntityType::Person
                && body.get(prev.span.end()..m.span.start()) == Some(" ")
                && first.is_some_and(|f| {
                    tagger.any_name_flags(f) & gazetteer::FIRST == 0
                        || crate::language::is_common_word(f)
                })
            {
                prev.span = prev.span.cover(m.span);
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// "Opposition S." + "R. Nagaraj Hegde": an initial the tagger left at the
/// end of the name before a person opens the person's name.
fn initial_to_the_person_after(body: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for mut m in mentions {
        if let Some(prev) = out.last_mut() {
            let w = words(body, prev.span);
            let initial = w.last().filter(|&&s| {
                let t = &body[s];
                t.ends_with('.') && is_initial(t)
            });
            if let Some(&initial) = initial.filter(|_| {
                w.len() >= 2
                    && prev.kind != EntityType::Person
                    && m.kind == EntityType::Person
                    && body.get(prev.span.end()..m.span.start()) == Some(" ")
            }) {
                prev.span = Span::from_range(prev.span.start()..w[w.len() - 2].end());
                m.span = Span::from_range(initial.start()..m.span.end());
            }
        }
        out.push(m);
    }
    out
}

/// Apply the corrections; mentions stay in body order.
pub fn refine(tagger: &Tagger, body: &str, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        let m = with_surname_he(
            body,
            without_leading_lowercase(
                body,
                without_sentence_opener(body, without_leading_number(body, m)),
            ),
        );
        if is_never_a_name(body, m) || is_common_abbreviation(body, m) {
            continue;
        }
        if split_coordination(tagger, body, m, &mut out) || split_based_prefix(body, m, &mut out) {
            continue;
        }
        if !split_person(tagger, body, m, &mut out) {
            out.push(m);
        }
    }
    let mut out = without_post_nominals(tagger, body, joined_at_patronymic(body, out));
    for m in &mut out {
        *m = with_name_before_arabic_article(tagger, body, *m);
    }
    out.retain(|&m| !completes_a_title(body, m) && !is_a_bare_title(body, m));
    for m in &mut out {
        // What an office is of is a place, unless a first name opens it.
        if m.kind == EntityType::Person && follows_a_title_of(body, *m) {
            let first = words(body, m.span).first().map(|&s| &body[s]);
            if first.is_some_and(|f| tagger.word_flags(f) & gazetteer::FIRST == 0) {
                m.kind = EntityType::Location;
            }
        }
    }
    for m in &mut out {
        *m = named_storm(body, *m);
        if words(body, m.span).len() == 1 && fold_is_one_of(&body[m.span], HOLIDAYS) {
            m.kind = EntityType::Misc;
        }
    }
    let mut out = with_possessive_place_head(body, out);
    retype(tagger, body, &mut out);
    teams_read_as_people(tagger, body, &mut out);
    people_by_titles_and_initials(body, &mut out);
    let taken: Vec<Span> = out.iter().map(|m| m.span).collect();
    for m in &mut out {
        if m.kind == EntityType::Person {
            m.span = with_first_name_before(tagger, body, m.span, &taken);
        }
    }
    // "Ministry of" + "Foreign Affairs": a head and "of" right before a
    // mention extend it, unless another mention holds the head. So does
    // "of the" before a body ("Office of the" + "Superintendent of
    // Financial Institutions").
    let spans: Vec<Span> = out.iter().map(|m| m.span).collect();
    for m in &mut out {
        let own = m.span;
        let Some(before) = body.get(..own.start()).and_then(|b| {
            b.strip_suffix(" of ").or_else(|| {
                b.strip_suffix(" of the ")
                    .filter(|_| m.kind == EntityType::Organization)
            })
        }) else {
            continue;
        };
        let head_start = before.rfind(' ').map_or(0, |i| i + 1);
        let head = Span::from_range(head_start..before.len());
        let taken = spans.iter().any(|&s| s != own && s.overlaps(head));
        if !taken
            && is_org_head(body, head)
            && !matches!(m.kind, EntityType::Location | EntityType::Person)
        {
            m.span = head.cover(own);
            m.kind = EntityType::Organization;
        }
    }
    // Organisation heads right after a mention extend it, never into
    // another mention ("Turkish" + "Ministry of Foreign Affairs").
    let spans: Vec<Span> = out.iter().map(|m| m.span).collect();
    for m in &mut out {
        if m.kind == EntityType::Person {
            continue;
        }
        let own = m.span;
        let taken = |w: Span| spans.iter().any(|&s| s != own && s.overlaps(w));
        // Up to three capitalised words ending in a head word; then "of X" after a head.
        let mut end = m.span;
        let mut run = Vec::new();
        while run.len() < 3 {
            match next_word(body, end) {
                Some(s) if capitalised(&body[s]) && !taken(s) => {
                    run.push(s);
                    end = s;
                }
                _ => break,
            }
        }
        if let Some(j) = run.iter().rposition(|&s| is_org_head(body, s)) {
            m.span = m.span.cover(run[j]);
            m.kind = EntityType::Organization;
        }
        let ends_in_head = words(body, m.span)
            .last()
            .is_some_and(|&s| is_org_head(body, s));
        if ends_in_head && m.kind == EntityType::Organization {
            if let Some(of) = next_word(body, m.span).filter(|&s| &body[s] == "of") {
                if let Some(x) = next_word(body, of).filter(|&s| capitalised(&body[s]) && !taken(s))
                {
                    m.span = m.span.cover(x);
                }
            }
        }
    }
    let out = join_complement_read_as_person(
        tagger,
        body,
        join_head_complements(body, institution_read_as_a_person(body, out)),
    );
    let out = initial_to_the_person_after(body, out);
    let out = titles_between_names(tagger, body, out);
    // A nationality right before an organisation joins it.
    let mut merged: Vec<Mention> = Vec::with_capacity(out.len());
    for m in out {
        if let Some(prev) = merged.last_mut() {
            let gap = body.get(prev.span.end()..m.span.start());
            let w = words(body, m.span);
            let headed = w.first().is_some_and(|&s| is_org_head(body, s))
                || w.last().is_some_and(|&s| is_org_head(body, s));
            if prev.kind == EntityType::Misc
                && m.kind == EntityType::Organization
                && gap == Some(" ")
                && words(body, prev.span).len() == 1
                && headed
            {
                prev.span = prev.span.cover(m.span);
                prev.kind = EntityType::Organization;
                continue;
            }
            // "Bangko Sentral" + "ng" + "Pilipinas", "Banco" + "de" +
            // "Portugal": a body's name the tagger cut at a particle.
            let particle = gap.and_then(|g| g.strip_prefix(' ')?.strip_suffix(' '));
            if prev.kind == EntityType::Organization
                && particle.is_some_and(|p| fold_is_one_of(p, PARTICLES) || p == "ng")
                && words(body, m.span).len() <= 2
            {
                prev.span = prev.span.cover(m.span);
                continue;
            }
            // "Argyll and Bute Council", "Mull and Iona Ferry Committee":
            // a body named after two places, whose first the tagger kept
            // apart.
            let prev_words = words(body, prev.span);
            let lone_name = prev.kind != EntityType::Person
                || prev_words.len() == 1
                    && tagger.any_name_flags(&body[prev.span]) & gazetteer::FIRST == 0;
            if m.kind == EntityType::Organization
                && gap == Some(" and ")
                && w.last().is_some_and(|&s| is_org_head(body, s))
                && prev_words.len() <= 2
                && lone_name
            {
                prev.span = prev.span.cover(m.span);
                prev.kind = EntityType::Organization;
                continue;
            }
            // "Turkish Ministry of Foreign" + "Affairs": a body's name the
            // tagger cut after its "of" complement began.
            let cut_after_of = words(body, prev.span)
                .iter()
                .rev()
                .nth(1)
                .is_some_and(|&s| &body[s] == "of");
            if prev.kind == EntityType::Organization
                && m.kind == EntityType::Organization
                && gap == Some(" ")
                && cut_after_of
            {
                prev.span = prev.span.cover(m.span);
                continue;
            }
        }
        merged.push(m);
    }
    for m in &mut merged {
        if is_dateline_place(tagger, body, m.span) {
            m.kind = EntityType::Location;
        }
    }
    merged
}

/// True when `span` is a wire dateline's place: capitals opening a
/// paragraph, then the agency in brackets, a comma and the region before a
/// dash or the agency, or (for a place the gazetteer knows, so that "NATO —"
/// stays an organisation) a dash or a colon: "SEATTLE —", "SAO PAULO
/// (Reuters) -", "KYIV, Ukraine (AP) —". The tagger reads lone capitals as
/// acronyms, and so as organisations or people.
fn is_dateline_place(tagger: &Tagger, body: &str, span: Span) -> bool {
    let opens_paragraph = body[..span.start()].ends_with('\n') || span.start() == 0;
    let text = &body[span];
    let all_caps = text.chars().any(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '-' || c == '\'');
    if !opens_paragraph || !all_caps || text.chars().filter(|c| c.is_alphabetic()).count() < 3 {
        return false;
    }
    let after = body[span.end()..].split('\n').next().unwrap_or("");
    let rest = after.trim_start();
    if rest.starts_with('(') {
        return true;
    }
    if rest.starts_with(['—', '–', ':']) || rest.starts_with("- ") {
        let texts: Vec<&str> = words(body, span).iter().map(|&w| &body[w]).collect();
        return is_known_place(tagger, &texts);
    }
    // ", Region" (up to four words) before the dash or the agency.
    after.strip_prefix(", ").is_some_and(|region| {
        let Some(end) = region.find(['(', '—', '–']) else {
            return false;
        };
        let words: Vec<&str> = region[..end].split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words
                .iter()
                .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::OnceLock;

    fn tagger() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger::embedded().unwrap())
    }

    fn at(body: &str, text: &str, kind: EntityType) -> Mention {
        let start = body.find(text).unwrap();
        Mention {
            span: Span::from_range(start..start + text.len()),
            kind,
        }
    }

    /// The kinds `refine` gives mentions (text, tagger's kind) of `body`.
    fn refined_kinds(body: &str, mentions: &[(&str, EntityType)]) -> Vec<EntityType> {
        let mentions = mentions.iter().map(|&(t, k)| at(body, t, k)).collect();
        refine(tagger(), body, mentions)
            .iter()
            .map(|m| m.kind)
            .collect()
    }

    fn shown(body: &str, mentions: &[Mention]) -> Vec<(String, EntityType)> {
        mentions
            .iter()
            .map(|m| (body[m.span].to_owned(), m.kind))
            .collect()
    }

    use EntityType::{Location as L, Misc as M, Organization as O, Person as P};

    /// `refine` over the mentions `(text, kind)` of `body`, shown as text and kind.
    fn refined(body: &str, mentions: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        let mentions = mentions.iter().map(|&(t, k)| at(body, t, k)).collect();
        shown(body, &refine(tagger(), body, mentions))
    }

    /// `(text, kind)` pairs with owned text, for comparing with [`refined`].
    fn owned(pairs: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        pairs.iter().map(|&(t, k)| (t.to_owned(), k)).collect()
    }

    #[test]
    fn a_name_cut_at_its_patronymic_is_one_person() {
        let body = "Mohammed bin Salman met Mohamed bin Zayed Al Nahyan. Abdullah bin Zayed spoke.";
        let mentions = [
            ("Mohammed", P),
            ("Salman", P),
            ("Mohamed", P),
            ("Zayed Al Nahyan", P),
            ("Zayed spoke", P),
        ];
        let mut mentions: Vec<Mention> = mentions.iter().map(|&(t, k)| at(body, t, k)).collect();
        mentions[4].span = Span::from_range(mentions[4].span.start()..mentions[4].span.end() - 6);
        assert_eq!(
            shown(body, &refine(tagger(), body, mentions)),
            owned(&[
                ("Mohammed bin Salman", P),
                ("Mohamed bin Zayed Al Nahyan", P),
                ("Abdullah bin Zayed", P),
            ])
        );
    }

    #[test]
    fn a_team_read_as_a_person_is_found_by_its_title() {
        let body = "Villa boss Unai Emery was angry after Arsenal beat Aston Villa. Williams team principal James Vowles smiled. Serena Williams watched. Smith manages the club.";
        let mentions = [
            ("Villa", P),
            ("Unai Emery", P),
            ("Arsenal", O),
            ("Aston Villa", P),
            ("Williams", P),
            ("James Vowles", P),
            ("Serena Williams", P),
            ("Smith", P),
        ];
        assert_eq!(refined_kinds(body, &mentions), [O, P, O, O, O, P, P, P]);
    }

    #[test]
    fn research_and_capital_firms_and_bodies_opened_by_a_nationality_are_organisations() {
        let body = "said Ana Ruiz of Halcyon Research, Harbourline Capital and the Australian Bureau of Statistics.";
        let mentions = [
            ("Ana Ruiz", P),
            ("Halcyon Research", L),
            ("Harbourline Capital", P),
            ("Australian Bureau of Statistics", M),
        ];
        assert_eq!(refined_kinds(body, &mentions), [P, O, O, O]);
    }

    #[test]
    fn news_organisations_and_agencies_read_as_people_are_organisations() {
        let body = "Frontex said so, one delegate told Al Jazeera.";
        let mentions = [("Frontex", P), ("Al Jazeera", P)];
        assert_eq!(refined_kinds(body, &mentions), [O, O]);
    }

    #[test]
    fn a_wire_dateline_names_a_place() {
        let body = "SEATTLE — The union said so.\nSAO PAULO (Reuters) - Markets fell.\nKYIV, Ukraine (AP) — Talks began.\nNATO — the alliance — met.\nThe talks in SEATTLE — and beyond — went on.";
        let mentions = [
            ("SEATTLE", O),
            ("SAO PAULO", P),
            ("Reuters", O),
            ("KYIV", O),
            ("Ukraine", L),
            ("AP", O),
            ("NATO", O),
            ("SEATTLE — and", O),
        ];
        let kinds = refined_kinds(body, &mentions);
        assert_eq!(kinds, [L, L, O, L, L, O, O, O]);
    }

    #[test]
    fn an_institution_cut_at_its_connective_is_joined() {
        let body = "The Center for Reproductive Rights sued. The Council on Foreign Relations met. The Committee to Protect Journalists spoke. Institute for Fiscal Studies Director Paul Johnson said so. The Department of Justice Friday said no.";
        let mentions = [
            ("Center for", O),
            ("Reproductive Rights", O),
            ("Council", O),
            ("Committee", M),
            ("Institute", O),
            ("Paul Johnson", P),
            ("Department", O),
        ];
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Center for Reproductive Rights", O),
                ("Council on Foreign Relations", O),
                ("Committee to Protect Journalists", O),
                ("Institute for Fiscal Studies", O),
                ("Paul Johnson", P),
                ("Department of Justice", O),
            ])
        );
    }

    #[test]
    fn a_person_opening_with_an_institution_word_is_the_institution() {
        let body = "Valletti teaches at Imperial College London. Hayne works at the University of Colorado Boulder.";
        let mentions = [
            ("Valletti", P),
            ("Imperial", O),
            ("College London", P),
            ("Hayne", P),
            ("University of", O),
            ("Colorado Boulder", P),
        ];
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Valletti", P),
                ("Imperial College London", O),
                ("Hayne", P),
                ("University of Colorado Boulder", O),
            ])
        );
    }

    #[test]
    fn titles_feasts_and_possessive_places_are_no_people() {
        let body = "Pope Leo XIV gave his Christmas address in St. Peter's Square. Hamas official Basem Naim welcomed it.";
        let mentions = [
            ("Pope", O),
            ("Leo XIV", P),
            ("Christmas", P),
            ("St. Peter", L),
            ("Square", P),
            ("Hamas", O),
            ("Basem Naim", O),
        ];
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Leo XIV", P),
                ("Christmas", M),
                ("St. Peter's Square", L),
                ("Hamas", O),
                ("Basem Naim", P),
            ])
        );
    }

    #[test]
    fn titles_between_a_place_and_a_name_belong_to_neither() {
        let body = "Texas Attorney General Ken Paxton sued. WHO Director-General Tedros Adhanom Ghebreyesus spoke. Committee chair Jørgen Watne Frydnes spoke. Chief Executive Guillaume Faury spoke.";
        let mentions = [
            ("Texas Attorney", O),
            ("Ken Paxton", P),
            ("WHO", O),
            ("Tedros", O),
            ("Adhanom Ghebreyesus", P),
            ("Jørgen", O),
            ("Watne Frydnes", P),
            ("Executive Guillaume Faury", P),
        ];
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Texas", L),
                ("Ken Paxton", P),
                ("WHO", O),
                ("Tedros Adhanom Ghebreyesus", P),
                ("Jørgen Watne Frydnes", P),
                ("Guillaume Faury", P),
            ])
        );
    }

    #[test]
    fn a_storm_is_an_event_not_a_person() {
        let body = "Hurricane Erin hit the coast. Erin Burnett reported.";
        let mentions = [("Erin", P), ("Erin Burnett", P)];
        assert_eq!(
            refined(body, &mentions),
            owned(&[("Hurricane Erin", M), ("Erin Burnett", P)])
        );
    }

    #[test]
    fn a_first_name_opening_the_sentence_joins_the_name() {
        let body = "Aid was slow.\nHaitham Mohammed Ibrahim, the minister, spoke. Sudanese Mohammed Ibrahim agreed. Friday Mohammed Ibrahim left.";
        let mentions = [
            ("Mohammed Ibrahim, the", P),
            ("Sudanese", M),
            ("Mohammed Ibrahim agreed", P),
            ("Mohammed Ibrahim left", P),
        ];
        let mentions: Vec<Mention> = mentions
            .iter()
            .map(|&(t, k)| {
                let m = at(body, t, k);
                let len = if k == P {
                    "Mohammed Ibrahim".len()
                } else {
                    t.len()
                };
                Mention {
                    span: Span::from_range(m.span.start()..m.span.start() + len),
                    kind: k,
                }
            })
            .collect();
        assert_eq!(
            shown(body, &refine(tagger(), body, mentions)),
            owned(&[
                ("Haitham Mohammed Ibrahim", P),
                ("Sudanese", M),
                ("Mohammed Ibrahim", P),
                ("Mohammed Ibrahim", P),
            ])
        );
    }

    #[test]
    fn person_after_a_role_is_split_off() {
        let body = "the Minister of the Armed Forces Karen Holm said";
        let got = refine(tagger(), body, vec![at(body, "Armed Forces Karen Holm", O)]);
        assert_eq!(
            shown(body, &got),
            [("Armed Forces".to_owned(), O), ("Karen Holm".to_owned(), P)]
        );
    }

    #[test]
    fn a_place_name_with_a_first_name_inside_is_not_split() {
        let body = "The Los Angeles Times, San Diego County and the San Francisco Bay Area. The Foreign Ministry Karen Holm spoke.";
        let mentions = [
            ("Los Angeles Times", O),
            ("San Diego County", O),
            ("San Francisco Bay Area", L),
            ("Foreign Ministry Karen Holm", O),
        ];
        // A first name ending a place or organisation name stays in it; a
        // person's name after an organisation is still split off.
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Los Angeles Times", O),
                ("San Diego County", L),
                ("San Francisco Bay Area", L),
                ("Foreign Ministry", O),
                ("Karen Holm", P)
            ])
        );
    }

    #[test]
    fn a_word_opening_the_sentence_leaves_the_name() {
        let body = "He sang. While Buckley waited, “Wild Rose” played.\nAS Roma won. In NASCAR, speed rules. When Doves Cry aired.\nHi Pamela, thanks.";
        let got = refine(
            tagger(),
            body,
            vec![
                at(body, "While Buckley", P),
                at(body, "AS Roma", O),
                at(body, "In NASCAR", O),
                at(body, "When Doves Cry", M),
                at(body, "Hi Pamela", P),
            ],
        );
        assert_eq!(
            shown(body, &got),
            [
                ("Buckley".to_owned(), P),
                ("AS Roma".to_owned(), O),
                ("NASCAR".to_owned(), O),
                ("When Doves Cry".to_owned(), M),
                ("Pamela".to_owned(), P)
            ]
        );
        let body = "Both Johnson and Corbyn spoke. Under Trump, tariffs rose. Most Snopes checks start here.";
        assert_eq!(
            refined(
                body,
                &[("Both Johnson", P), ("Under Trump", P), ("Most Snopes", O)]
            ),
            owned(&[("Johnson", P), ("Trump", P), ("Snopes", O)])
        );
        // Not at a sentence start, the word is part of the name.
        let body = "They met Rita Even there.";
        let got = refine(tagger(), body, vec![at(body, "Rita Even", P)]);
        assert_eq!(shown(body, &got), [("Rita Even".to_owned(), P)]);
    }

    #[test]
    fn a_company_word_at_the_end_makes_an_organisation() {
        let body =
            "Dick Clark Productions and Paris Airlines met Jane Group. The Social Network won.";
        let mentions = [
            ("Dick Clark Productions", P),
            ("Paris Airlines", L),
            ("Jane Group", P),
            ("The Social Network", M),
        ];
        // A work (MISC) keeps its type.
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Dick Clark Productions", O),
                ("Paris Airlines", O),
                ("Jane Group", O),
                ("The Social Network", M)
            ])
        );
    }

    #[test]
    fn a_name_filling_quotation_marks_is_a_title() {
        let body = "She sang “Wild Rose,” then \"China Grove\" and ‘Fargo’ in Glasgow for “Mary Poppins fans”.";
        let mentions = [
            ("Wild Rose", P),
            ("China Grove", O),
            ("Fargo", L),
            ("Glasgow", L),
            ("Mary Poppins", P),
        ];
        // A name that is only part of the quoted words keeps its type.
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Wild Rose", M),
                ("China Grove", M),
                ("Fargo", M),
                ("Glasgow", L),
                ("Mary Poppins", P)
            ])
        );
    }

    #[test]
    fn ordinary_words_read_as_a_person_are_no_person() {
        let body = "Officials at Disease Control met Neil Young. Worry grew. Xi Jinping and Xi told Variety about God.";
        let mentions = [
            ("Disease Control", P),
            ("Neil Young", P),
            ("Worry", P),
            ("Xi Jinping", P),
            ("Xi", P),
            ("Variety", P),
            ("God", P),
        ];
        // A first name, a word no dictionary has, a word of a real name in
        // the document and a proper word keep the person; a lone word
        // opening a sentence goes.
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Disease Control", O),
                ("Neil Young", P),
                ("Xi Jinping", P),
                ("Xi", P),
                ("Variety", O),
                ("God", P)
            ])
        );
    }

    #[test]
    fn a_first_name_the_tagger_left_out_joins_the_name() {
        let body = "Andrés Manuel López Obrador met Denzel Ward in New York Monday.";
        let mentions = [("Manuel López Obrador", P), ("Ward", P), ("York", L)];
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Andrés Manuel López Obrador", P),
                ("Denzel Ward", P),
                ("York", L)
            ])
        );
        // A place's first word is no first name: "New" stays out.
        let body = "Diplomats in New Delhi Anand said so.";
        assert_eq!(
            refined(body, &[("Delhi Anand", P)]),
            owned(&[("Delhi Anand", P)])
        );
    }

    #[test]
    fn a_full_name_read_as_a_body_is_the_person_its_surname_names() {
        let body = "Bismarck Rewane, chief executive of a Lagos firm, said no. Rewane added more. Delhi and New Delhi met Delhi.";
        let mentions = [
            ("Bismarck Rewane", O),
            ("Rewane", P),
            ("Delhi", P),
            ("New Delhi", L),
            ("Delhi", L),
        ];
        let got = refined(body, &mentions);
        assert_eq!(got[0], ("Bismarck Rewane".to_owned(), P));
        assert_eq!(
            got[3],
            ("New Delhi".to_owned(), L),
            "a place name stays a place"
        );
    }

    #[test]
    fn organisations_joined_by_and_are_split() {
        let body =
            "Greenpeace and Extinction Rebellion, Amnesty International and Human Rights Watch, \
                    the Food and Drug Administration, the Department of Health and Human Services, \
             the U.S. Securities and Exchange Commission, Avon and Somerset Police.";
        let mentions = [
            ("Greenpeace and Extinction Rebellion", O),
            ("Amnesty International and Human Rights Watch", O),
            ("Food and Drug Administration", O),
            ("Department of Health and Human Services", O),
            ("U.S. Securities and Exchange Commission", O),
            ("Avon and Somerset Police", O),
        ];
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Greenpeace", O),
                ("Extinction Rebellion", O),
                ("Amnesty International", O),
                ("Human Rights Watch", O),
                ("Food and Drug Administration", O),
                ("Department of Health and Human Services", O),
                ("U.S. Securities and Exchange Commission", O),
                ("Avon and Somerset Police", O),
            ])
        );
    }

    #[test]
    fn an_institution_is_not_split_into_a_person() {
        let body = "The International Monetary Fund and the Stennis Space Center agreed.";
        let mentions = [
            ("International Monetary Fund", O),
            ("Stennis Space Center", O),
        ];
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("International Monetary Fund", O),
                ("Stennis Space Center", O)
            ])
        );
    }

    #[test]
    fn a_number_opening_a_sentence_is_no_name() {
        let body = "Nine types of plastic were found. Thousands marched.";
        assert_eq!(refined(body, &[("Nine", M), ("Thousands", O)]), owned(&[]));
    }

    #[test]
    fn an_office_and_what_it_is_of_are_no_people() {
        let body = "Andy Burnham, the Mayor of Greater Manchester, visited Piccadilly Gardens.";
        let mentions = [
            ("Andy Burnham", P),
            ("Mayor", P),
            ("Greater Manchester", P),
            ("Piccadilly Gardens", P),
        ];
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Andy Burnham", P),
                ("Greater Manchester", L),
                ("Piccadilly Gardens", L)
            ])
        );
    }

    #[test]
    fn the_portfolio_of_a_title_is_no_organisation() {
        let body = "Secretary of State Antony Blinken met the Minister of Defence and the Ministry of Defence.";
        let mentions = [
            ("State Antony Blinken", O),
            ("Defence", O),
            ("Ministry of Defence", O),
        ];
        assert_eq!(
            refined(body, &mentions),
            owned(&[("Antony Blinken", P), ("Ministry of Defence", O)])
        );
    }

    #[test]
    fn planets_are_places_and_centers_organisations() {
        let body = "Mars and Earth, seen from the Goddard Space Flight Center. Freddie Mercury sang at Ryman Auditorium for Trinity Academy; Mercury bowed.";
        let mentions = [
            ("Mars", P),
            ("Earth", O),
            ("Goddard Space Flight Center", P),
            ("Freddie Mercury", P),
            ("Ryman Auditorium", M),
            ("Trinity Academy", P),
            ("Mercury", P),
        ];
        // The surname of a person named in full stays a person.
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Mars", L),
                ("Earth", L),
                ("Goddard Space Flight Center", O),
                ("Freddie Mercury", P),
                ("Ryman Auditorium", L),
                ("Trinity Academy", O),
                ("Mercury", P)
            ])
        );
    }

    #[test]
    fn capitals_alone_do_not_make_a_name_in_headline_lines() {
        let body = "Gunman Shot at Dallas Gas Station Dies at Hospital\nDerek Mason Wins Coach of the Year Award Again\nFans at the Gas Station cheered.\n";
        let mentions = vec![
            at(body, "Gunman Shot", P),
            at(body, "Dallas", L),
            at(body, "Gas Station", O),
            at(body, "Derek Mason", P),
            at(body, "Coach of the Year Award", M),
            Mention {
                span: Span::from_range(
                    body.rfind("Gas Station").unwrap()..body.rfind(" cheered").unwrap(),
                ),
                kind: O,
            },
        ];
        let paragraphs = crate::clean::line_blocks(body);
        let got = without_headline_noise(tagger(), body, &paragraphs, mentions);
        // A known place, a first name, and a name also written in a plain
        // sentence stay; the rest goes.
        assert_eq!(
            shown(body, &got),
            owned(&[
                ("Dallas", L),
                ("Gas Station", O),
                ("Derek Mason", P),
                ("Gas Station", O)
            ])
        );
        assert!(!is_headline_style("Fans at the Gas Station cheered."));
        assert!(
            !is_headline_style(
                "German Chancellor Olaf Scholz met British Prime Minister Rishi Sunak in Berlin."
            ),
            "a sentence full of names and titles is prose"
        );
        assert!(is_headline_style(
            "$10 Off Nintendo Switch Lite and Pokemon Bundle"
        ));
    }

    #[test]
    fn a_name_inside_a_quoted_title_is_part_of_it() {
        let body = "They closed with “Takin’ It to the Streets,” and “Trump Says Paris Will Pay.” Trump was not amused by “what Berg said”.\n";
        let streets = body.find("Streets").unwrap();
        let mentions = vec![
            Mention {
                span: Span::from_range(streets..streets + "Streets".len()),
                kind: P,
            },
            at(body, "Trump", P),
            at(body, "Paris", L),
            Mention {
                span: Span::from_range(
                    body.rfind("Trump").unwrap()..body.rfind("Trump").unwrap() + 5,
                ),
                kind: P,
            },
            at(body, "Berg", P),
        ];
        let paragraphs = crate::clean::line_blocks(body);
        let got = without_headline_noise(tagger(), body, &paragraphs, mentions);
        // A name also written outside the title and a known place stay; a
        // quotation that is no title ("what Berg said") is left alone.
        assert_eq!(
            shown(body, &got),
            owned(&[("Trump", P), ("Paris", L), ("Trump", P), ("Berg", P)])
        );
    }

    #[test]
    fn a_known_brand_read_as_a_place_is_an_organisation() {
        let body = "Buy it on Amazon or Spotify. Fires burn in the Amazon and in Amazon rainforest reserves.";
        let spotify = body.find("Spotify").unwrap();
        let second = body.find("the Amazon").unwrap() + 4;
        let third = body.rfind("Amazon").unwrap();
        let mentions = vec![
            at(body, "Amazon", L),
            Mention {
                span: Span::from_range(spotify..spotify + 7),
                kind: L,
            },
            Mention {
                span: Span::from_range(second..second + 6),
                kind: L,
            },
            Mention {
                span: Span::from_range(third..third + 6),
                kind: L,
            },
        ];
        assert_eq!(
            shown(body, &refine(tagger(), body, mentions)),
            owned(&[("Amazon", O), ("Spotify", O), ("Amazon", L), ("Amazon", L)])
        );
    }

    #[test]
    fn a_known_brand_read_as_a_person_is_an_organisation() {
        let body = "Netflix and Boeing sued. Harrison Ford met Ford. Andrew left.";
        let mentions = [
            ("Netflix", P),
            ("Boeing", P),
            ("Harrison Ford", P),
            ("Ford", P),
            ("Andrew", P),
        ];
        // The surname of a person named in full and a first name keep the person.
        assert_eq!(
            refined(body, &mentions),
            owned(&[
                ("Netflix", O),
                ("Boeing", O),
                ("Harrison Ford", P),
                ("Ford", P),
                ("Andrew", P)
            ])
        );
        // A brand news names far more often than the place or the given
        // name it shares its name with is the brand.
        let body = "Meta said it would comply. Google and Nokia agreed.";
        let mentions = [("Meta", P), ("Google", L), ("Nokia", L)];
        assert_eq!(
            refined(body, &mentions),
            owned(&[("Meta", O), ("Google", O), ("Nokia", O)])
        );
        // So does an honorific.
        let body = "Mr. Boeing spoke.";
        assert_eq!(refined(body, &[("Boeing", P)]), owned(&[("Boeing", P)]));
        assert!(is_known_organization("Instagram") && !is_known_organization("Black"));
    }

    #[test]
    fn the_surname_he_before_a_given_name_is_part_of_it() {
        let body = "“No deal,” He Jianxiong said. He Obama.";
        assert_eq!(
            refined(body, &[("Jianxiong", P)]),
            owned(&[("He Jianxiong", P)])
        );
    }

    #[test]
    fn abbreviations_of_common_nouns_are_not_entities() {
        let body =
            "Former royal PR aides said so. He plays on PC and the CEOs agreed. PRA Group sued.";
        let mentions = [("PR", O), ("PC", O), ("CEOs", M), ("PRA Group", O)];
        assert_eq!(refined(body, &mentions), owned(&[("PRA Group", O)]));
    }

    #[test]
    fn a_pronoun_or_interjection_alone_is_not_a_name() {
        let body = "My fears came true. Why You Shouldn’t Worry. Ok, now. US troops left. IT staff met. Our Town ran.";
        let got = refine(
            tagger(),
            body,
            vec![
                at(body, "My", P),
                at(body, "Why You", P),
                at(body, "Ok", P),
                at(body, "US", L),
                at(body, "IT", O),
                at(body, "Our Town", M),
            ],
        );
        assert_eq!(
            shown(body, &got),
            [
                ("US".to_owned(), L),
                ("IT".to_owned(), O),
                ("Our Town".to_owned(), M)
            ]
        );
    }

    #[test]
    fn lower_case_words_glued_before_a_name_leave_it() {
        let body = "Jupiter’s moon Europa may hold life. Charles de Gaulle and de Villepin spoke. The iMac Pro sold.";
        let got = refine(
            tagger(),
            body,
            vec![
                at(body, "moon Europa", L),
                at(body, "Charles de Gaulle", P),
                at(body, "de Villepin", P),
                at(body, "iMac Pro", O),
            ],
        );
        assert_eq!(
            shown(body, &got),
            [
                ("Europa".to_owned(), L),
                ("Charles de Gaulle".to_owned(), P),
                ("de Villepin".to_owned(), P),
                ("iMac Pro".to_owned(), O)
            ]
        );
    }

    #[test]
    fn a_name_after_an_honorific_is_a_person() {
        let body = "We will welcome Madame Quellec and Mr. Dunmore-Vale here.";
        let got = refine(
            tagger(),
            body,
            vec![at(body, "Quellec", L), at(body, "Dunmore-Vale", O)],
        );
        assert_eq!(got.iter().map(|m| m.kind).collect::<Vec<_>>(), [P, P]);
    }

    #[test]
    fn a_first_name_and_an_unknown_word_read_as_a_place_is_a_person() {
        let body = "He met Florence Quellec in Moscow. Then Victoria Falls and Florence Street.";
        let mentions = [
            ("Florence Quellec", L),
            ("Moscow", L),
            ("Victoria Falls", L),
            ("Florence Street", L),
        ];
        assert_eq!(
            refined_kinds(body, &mentions),
            [P, L, L, L],
            "known places and place heads stay places"
        );
    }

    #[test]
    fn a_first_name_of_any_country_and_a_surname_read_as_an_organisation_is_a_person() {
        let body = "Nikolay Petrov met Pavle Petrović, then Heinz Field, Muslim Brotherhood \
                    and Morgan Stanley.";
        let mentions = [
            ("Nikolay Petrov", O),
            ("Pavle Petrović", O),
            ("Heinz Field", O),
            ("Muslim Brotherhood", O),
            ("Morgan Stanley", O),
        ];
        assert_eq!(
            refined_kinds(body, &mentions),
            [P, P, O, O, O],
            "ordinary words and known companies stay organisations"
        );
    }

    #[test]
    fn a_surname_that_is_also_a_place_joined_to_a_person_is_a_person() {
        let body = "Fabre and Walker agreed. Phoning from London, Harper said so.";
        let mentions = [("Fabre", P), ("Walker", L), ("London", L), ("Harper", P)];
        assert_eq!(refined_kinds(body, &mentions), [P, P, L, P]);
    }

    #[test]
    fn place_nouns_and_heads_make_places() {
        let body = "on the Zorvia peninsula and in Blue Square";
        let got = refine(
            tagger(),
            body,
            vec![at(body, "Zorvia", P), at(body, "Blue Square", O)],
        );
        assert_eq!(
            shown(body, &got),
            [("Zorvia".to_owned(), L), ("Blue Square".to_owned(), L)]
        );
    }

    #[test]
    fn known_name_coordinated_with_a_person_is_a_person() {
        let body = "Anna Berg and Miller agreed";
        let got = refine(
            tagger(),
            body,
            vec![at(body, "Anna Berg", P), at(body, "Miller", M)],
        );
        assert_eq!(got[1].kind, P);
    }

    #[test]
    fn nationality_joins_the_ministry_after_it() {
        let body = "The Danish Foreign Ministry said";
        let got = refine(tagger(), body, vec![at(body, "Danish", M)]);
        assert_eq!(
            shown(body, &got),
            [("Danish Foreign Ministry".to_owned(), O)]
        );
    }

    #[test]
    fn laws_and_treaties_are_misc() {
        let body = "notices under the federal WARN Act and the Treaty of Rome";
        let mentions = [("WARN Act", O), ("Treaty of Rome", L)];
        assert_eq!(refined_kinds(body, &mentions), [M, M]);
    }

    #[test]
    fn an_unknown_name_after_a_preposition_of_place_is_a_place() {
        let body = "Famine hit Darfur. Shelling near Pass Christian and around Tawila. Confidence in Trump fell. A role in Smith's film.";
        let mentions = [
            ("Darfur", P),
            ("Pass Christian", P),
            ("Tawila", O),
            ("Trump", P),
            ("Smith", P),
        ];
        assert_eq!(refined_kinds(body, &mentions), [P, L, L, P, P]);
        let body = "Famine was confirmed in Darfur.";
        assert_eq!(refined_kinds(body, &[("Darfur", P)]), [L]);
    }

    #[test]
    fn hospitals_and_drug_makers_are_institutions_not_people() {
        let body = "outside the Royal Victoria Infirmary, while Solenne Pharma of France said Brightwater Health agreed";
        let got = refined(
            body,
            &[
                ("Royal Victoria Infirmary", O),
                ("Solenne Pharma", P),
                ("France", L),
                ("Brightwater Health", P),
            ],
        );
        assert_eq!(
            got,
            owned(&[
                ("Royal Victoria Infirmary", O),
                ("Solenne Pharma", O),
                ("France", L),
                ("Brightwater Health", O),
            ])
        );
    }

    #[test]
    fn titles_and_initials_mark_people() {
        let body = "Chief minister M K Stalin spoke, and so did Edappadi K Palaniswami of the AIADMK. Hanwha Q Cells rose.";
        let got = refined(
            body,
            &[
                ("Stalin", L),
                ("Edappadi K Palaniswami", O),
                ("AIADMK", O),
                ("Hanwha Q Cells", O),
            ],
        );
        assert_eq!(
            got,
            owned(&[
                ("M K Stalin", P),
                ("Edappadi K Palaniswami", P),
                ("AIADMK", O),
                ("Hanwha Q Cells", O),
            ])
        );
    }

    #[test]
    fn post_nominal_letters_leave_the_name() {
        let body =
            "Aoife Brennan SC, prosecuting, and Jess Phillips MP spoke; Labour MP voters and the Dublin Central TD too.";
        let got = refined(
            body,
            &[
                ("Aoife Brennan", P),
                ("SC", O),
                ("Jess Phillips MP", O),
                ("Labour MP", O),
                ("TD", O),
            ],
        );
        assert_eq!(
            got,
            owned(&[("Aoife Brennan", P), ("Jess Phillips", P), ("Labour MP", O)])
        );
    }

    #[test]
    fn a_number_word_leaves_a_person_name() {
        let body = "knocked out by League Two Barnet on Saturday";
        assert_eq!(refined(body, &[("Two Barnet", P)]), owned(&[("Barnet", P)]));
    }

    #[test]
    fn a_given_name_before_an_arabic_article_makes_a_person() {
        let body = "Majed al-Ansari, spokesman for Qatar's Ministry of Foreign Affairs, spoke. Fighters of al-Shabaab attacked.";
        let got = refined(
            body,
            &[
                ("al-Ansari", M),
                ("Qatar", L),
                ("Foreign Affairs", O),
                ("al-Shabaab", O),
            ],
        );
        assert_eq!(
            got,
            owned(&[
                ("Majed al-Ansari", P),
                ("Qatar", L),
                ("Ministry of Foreign Affairs", O),
                ("al-Shabaab", O),
            ])
        );
    }

    #[test]
    fn seats_of_government_and_a_professors_rank() {
        let body = "the White House said, and the Kremlin denied it, said Associate Professor Lim Jia Hui.";
        let got = refined(
            body,
            &[
                ("White House", L),
                ("Kremlin", L),
                ("Associate", O),
                ("Lim Jia Hui", P),
            ],
        );
        assert_eq!(
            got,
            owned(&[("White House", O), ("Kremlin", O), ("Lim Jia Hui", P)])
        );
    }

    #[test]
    fn a_ministry_and_its_complement_make_one_body_whatever_the_cut() {
        let body = "according to a statement by the Turkish Ministry of Foreign Affairs.";
        for mentions in [
            vec![("Turkish Ministry of Foreign", O), ("Affairs", O)],
            vec![("Turkish", M), ("Ministry of Foreign Affairs", O)],
            vec![("Turkish", M), ("Foreign Affairs", O)],
        ] {
            assert_eq!(
                refined(body, &mentions),
                owned(&[("Turkish Ministry of Foreign Affairs", O)]),
                "{mentions:?}"
            );
        }
    }

    #[test]
    fn known_places_read_as_people() {
        let body =
            "a manager in Denver, and Minister Yerlan Akkenzhenov said Astana was committed.";
        assert_eq!(
            refined_kinds(
                body,
                &[("Denver", P), ("Yerlan Akkenzhenov", P), ("Astana", P)]
            ),
            [L, P, L]
        );
    }

    #[test]
    fn a_body_named_after_two_places_is_one_organisation() {
        let body = "Sinclair sits on Argyll and Bute Council. Grant chairs the Mull and Iona Ferry Committee. Anna and Labour Party members met.";
        assert_eq!(
            refined(
                body,
                &[
                    ("Argyll", M),
                    ("Bute Council", O),
                    ("Mull", P),
                    ("Iona Ferry Committee", O),
                    ("Anna", P),
                    ("Labour Party", O)
                ]
            ),
            owned(&[
                ("Argyll and Bute Council", O),
                ("Mull and Iona Ferry Committee", O),
                ("Anna", P),
                ("Labour Party", O)
            ])
        );
    }

    #[test]
    fn hospitals_trusts_and_named_startups_are_organisations() {
        let body = "funded by the Wellcome Trust and run at Freeman Hospital. Veltrix will buy optical startup Northwind Photonics, said analyst Jane Smith.";
        assert_eq!(
            refined_kinds(
                body,
                &[
                    ("Wellcome Trust", L),
                    ("Freeman Hospital", L),
                    ("Northwind Photonics", P),
                    ("Jane Smith", P)
                ]
            ),
            [O, O, O, P]
        );
    }

    #[test]
    fn an_institutions_complement_read_as_a_person_joins_it() {
        let body = "Prof Fiona Marsh of the Centre for Clinical Brain Sciences said. The Bank of England Andrew Bailey spoke.";
        assert_eq!(
            refined(
                body,
                &[
                    ("Fiona Marsh", P),
                    ("Centre for Clinical", O),
                    ("Brain Sciences", P),
                    ("Bank of England", O),
                    ("Andrew Bailey", P)
                ]
            ),
            owned(&[
                ("Fiona Marsh", P),
                ("Centre for Clinical Brain Sciences", O),
                ("Bank of England", O),
                ("Andrew Bailey", P)
            ])
        );
    }

    #[test]
    fn a_name_whose_possessive_holds_an_office_is_a_body() {
        let body = "Sinn Féin's health spokesperson Caoimhe Dolan spoke. Joe Biden waited. Biden's press secretary Jen Psaki spoke.";
        assert_eq!(
            refined_kinds(
                body,
                &[
                    ("Sinn Féin", P),
                    ("Caoimhe Dolan", P),
                    ("Joe Biden", P),
                    ("Biden", P),
                    ("Jen Psaki", P)
                ]
            ),
            [O, P, P, P, P]
        );
    }

    #[test]
    fn an_initial_left_on_a_title_opens_the_persons_name() {
        let body = "said Leader of the Opposition S. R. Nagaraj Hegde, holding claims.";
        assert_eq!(
            refined(
                body,
                &[("Leader", P), ("Opposition S.", O), ("R. Nagaraj Hegde", P)]
            ),
            owned(&[("Opposition", O), ("S. R. Nagaraj Hegde", P)])
        );
    }

    #[test]
    fn a_bodys_name_cut_at_a_particle_is_one() {
        let body = "Bangko Sentral ng Pilipinas cut rates, and Banco de Portugal held.";
        assert_eq!(
            refined(
                body,
                &[
                    ("Bangko Sentral", O),
                    ("Pilipinas", P),
                    ("Banco", O),
                    ("Portugal", L)
                ]
            ),
            owned(&[("Bangko Sentral ng Pilipinas", O), ("Banco de Portugal", O)])
        );
    }

    #[test]
    fn events_are_misc() {
        let body =
            "He won the Singapore Grand Prix before the Venice Film Festival and the FA Cup.";
        assert_eq!(
            refined_kinds(
                body,
                &[
                    ("Singapore Grand Prix", L),
                    ("Venice Film Festival", O),
                    ("FA Cup", O)
                ]
            ),
            [M, M, M]
        );
    }

    #[test]
    fn countries_and_counties_are_places() {
        let body = "The Philippines will suspend imports. Sewage ran across Hampshire, Sussex and Kent. Jordan scored.";
        assert_eq!(
            refined_kinds(body, &[("Philippines", O), ("Hampshire", O), ("Jordan", P)]),
            [L, L, P]
        );
    }
}
