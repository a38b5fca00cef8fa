//! One entity per referent: mentions the tagger found are merged when they name
//! the same person, place or organisation within one document.
//!
//! Rules, in order (longer mentions first, so full names found the groups):
//! - titles and roles before a person's name are not part of it
//!   ("Defense Minister Florence Parly" names "Florence Parly");
//! - a person mention joins a person whose name ends with it, token by token,
//!   allowing one edit in tokens of four letters or more ("Le Drian" of
//!   "Jean-Yves Le Drian", "Sergey Lavrov" of "Sergei Lavrov", "Shoig" of "Shoigu");
//! - a lone first name joins the one person it starts;
//! - any mention that equals a person's name or surname joins that person, whatever
//!   type the tagger gave it;
//! - other mentions join on equal folded text (case, accents, dots: "E.U." = "EU"),
//!   on initials ("EU" of "European Union"), on shared content words ("Defense
//!   Ministry" of "Russian Defense Ministry"), or on a generic head word
//!   ("Elysee" of "Elysee Palace");
//! - a group's type is person if it holds a full person name, else the majority
//!   (people winning ties);
//!   its name is its longest, most frequent form.

use super::names::{fold, fold_is_one_of, similar, GENERIC, STOPWORDS, TITLES};
use super::Mention;
use crate::doc::{Entity, EntityType, Span};
use std::collections::HashMap;

/// A mention after cleaning: its span, type and folded words.
#[derive(Clone, Debug)]
struct Form {
    span: Span,
    kind: EntityType,
    words: Vec<String>,
    /// Words other than [`STOPWORDS`].
    content: Vec<String>,
    /// First letters of the content words.
    initials: String,
    /// Written in capitals, two letters or more ("EU", "E.U.").
    acronym: bool,
    /// The acronym in brackets right after it, folded: "Japan Aerospace
    /// Exploration Agency (JAXA)" defines "jaxa".
    defines: Option<String>,
    /// Initials of the capitalised words before a last "and …", three
    /// letters or more: "Centers for Disease Control and Prevention" is
    /// also the "CDC".
    initials_before_and: Option<String>,
}

/// Word spans of a mention (split on whitespace).
fn word_spans(body: &str, span: Span) -> Vec<Span> {
    let text = &body[span];
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Span::from_range(span.start() + s..span.start() + i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Span::from_range(span.start() + s..span.end()));
    }
    out
}

fn clean(body: &str, mention: &Mention) -> Option<Form> {
    let mut words = word_spans(body, mention.span);
    // Leading "the"; for people, everything up to the last title word.
    while words.len() > 1 && fold_is_one_of(&body[words[0]], &["the"]) {
        words.remove(0);
    }
    if mention.kind == EntityType::Person {
        let last_title = words[..words.len().saturating_sub(1)]
            .iter()
            .rposition(|&w| fold_is_one_of(&body[w], TITLES));
        if let Some(j) = last_title {
            words.drain(..=j);
        }
    }
    let (first, last) = (words.first()?, words.last()?);
    let span = Span::from_range(first.start()..last.end());
    // "Majed al-Ansari" … "Ansari": a person's name without its Arabic article.
    let folded: Vec<String> = words
        .iter()
        .map(|&w| {
            let word = fold(&body[w]);
            match mention.kind {
                EntityType::Person => without_arabic_article(&word).to_owned(),
                _ => word,
            }
        })
        .collect();
    if !folded.iter().any(|w| w.chars().any(char::is_alphanumeric)) {
        return None;
    }
    let text = &body[span];
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let acronym = letters >= 2 && text.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
    // Initials of the capitalised words: "Medicines and Healthcare
    // products Regulatory Agency" is the "MHRA".
    let capitalised_among = |n: usize| -> Vec<String> {
        words[..n]
            .iter()
            .zip(&folded)
            .filter(|(&w, _)| !body[w].starts_with(char::is_lowercase))
            .map(|(_, f)| f.clone())
            .collect()
    };
    let capitalised = capitalised_among(words.len());
    // Not a dateline's agency ("LOS ANGELES (AP) —"), and the acronym
    // starts as the name does ("Nuclear Program (JCPOA)" is only the end
    // of the plan's name), unless a body's name of two words or more stands
    // whole before it, after a lower-case word or nothing: "The German
    // Property Federation (ZIA)" keeps its German acronym.
    let first_initial = capitalised.first().and_then(|w| w.chars().next());
    let stands_whole = mention.kind == EntityType::Organization
        && capitalised.len() >= 2
        && body[..mention.span.start()]
            .trim_end()
            .rsplit(char::is_whitespace)
            .next()
            .is_none_or(|w| !w.starts_with(char::is_uppercase) || fold(w) == "the");
    let defines = body[mention.span.end()..]
        .strip_prefix(" (")
        .and_then(|rest| rest.split_once(')'))
        .filter(|(_, after)| !after.trim_start_matches(' ').starts_with(['—', '–', '-']))
        .map(|(inside, _)| inside)
        // "Securities and Exchange Board of India (Sebi)": an acronym
        // written as a word spells the initials exactly.
        .filter(|inside| {
            super::names::is_acronym(inside)
                || super::names::is_word_cased_acronym(inside)
                    && fold(inside) == initials(&capitalised)
        })
        .map(fold)
        .filter(|folded| stands_whole || folded.chars().next() == first_initial);
    let initials_before_and = folded
        .iter()
        .rposition(|w| w == "and")
        .map(|k| initials(&capitalised_among(k)))
        .filter(|i| i.chars().count() >= 3);
    Some(Form {
        span,
        kind: mention.kind,
        defines,
        initials_before_and,
        initials: initials(&capitalised),
        content: content(&folded),
        words: folded,
        acronym,
    })
}

/// A folded surname without the Arabic article written before it ("al-",
/// "el-", "ad-" …): "al-ansari" is "ansari".
fn without_arabic_article(word: &str) -> &str {
    super::names::ARABIC_ARTICLES
        .iter()
        .find_map(|a| word.strip_prefix(a).filter(|rest| rest.len() >= 2))
        .unwrap_or(word)
}

/// `short` ends `long`, word by word, allowing variants.
fn is_suffix(short: &[String], long: &[String], fuzzy: bool) -> bool {
    short.len() <= long.len()
        && short
            .iter()
            .zip(&long[long.len() - short.len()..])
            .all(|(a, b)| if fuzzy { similar(a, b) } else { a == b })
}

fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn content(words: &[String]) -> Vec<String> {
    words
        .iter()
        .filter(|w| !STOPWORDS.contains(&w.as_str()))
        .cloned()
        .collect()
}

/// Words that go on a company's name after its own word ("Borealis Bank",
/// "Harborline Records", "Highline Residential Partners").
const COMPANY_WORDS: &[&str] = &[
    "bank",
    "bancorp",
    "group",
    "holdings",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "company",
    "inc",
    "inc.",
    "ltd",
    "plc",
    "llc",
    "records",
    "partners",
    "semiconductor",
    "semiconductors",
    "securities",
    "airlines",
    "airline",
    "airways",
    "motors",
    "pharmaceuticals",
    "pharma",
    "energy",
    "capital",
    "media",
    "technologies",
    "systems",
    "international",
    "industries",
    "insurance",
    "investments",
    "financial",
    "entertainment",
    "studios",
    "foods",
    "labs",
    "logistics",
];

/// True for a name of two words or more whose second or last word is one
/// of [`COMPANY_WORDS`].
fn company_name(words: &[String]) -> bool {
    words.len() >= 2
        && [&words[1], &words[words.len() - 1]]
            .iter()
            .any(|w| COMPANY_WORDS.contains(&w.as_str()))
}

/// True when non-person `form` names the same thing as `other`, a longer or equal form.
fn same_thing(form: &Form, other: &Form) -> bool {
    if form.words == other.words {
        return true;
    }
    let defined = other.defines.is_some() && other.defines.as_ref() == form.words.first();
    if other.words.len() >= 2
        && form.words.len() == 1
        && (defined
            || form.acronym
                && (other.initials == form.words[0]
                    || other.initials_before_and.as_ref() == Some(&form.words[0])))
    {
        return true;
    }
    if form.kind != other.kind
        && !matches!(
            (form.kind, other.kind),
            (
                EntityType::Organization | EntityType::Location,
                EntityType::Organization | EntityType::Location
            )
        )
    {
        return false;
    }
    // A place and an institution named after it are two referents: "Ghana"
    // and "University of Ghana", "Bend" and "Bend City Council".
    if form.kind == EntityType::Location && other.kind == EntityType::Organization {
        return false;
    }
    let (mine, theirs) = (&form.content, &other.content);
    if mine.len() >= 2 && mine.iter().all(|w| theirs.contains(w)) {
        return true;
    }
    // A club or company by the last word of its two-word name: "Rovers"
    // after "Blackburn Rovers", "Hynix" after "SK Hynix".
    if form.kind == EntityType::Organization
        && other.kind == EntityType::Organization
        && form.words.len() == 1
        && other.words.len() == 2
        && other.words[1] == form.words[0]
        && !form.acronym
        && !GENERIC.contains(&form.words[0].as_str())
        && !STOPWORDS.contains(&form.words[0].as_str())
    {
        return true;
    }
    // A company by the first word of its name, when the name goes on as a
    // company's does: "Borealis" after "Borealis Bank of Canada",
    // "Harborline" after "Harborline Records" (not "Apple" after "Apple
    // AirPods Pro", nor "Senate" after "Senate Banking Committee").
    if form.kind == EntityType::Organization
        && other.kind == EntityType::Organization
        && form.words.len() == 1
        && !form.acronym
        && other.words.len() >= 2
        && other.words[0] == form.words[0]
        && !crate::language::is_common_word(&form.words[0])
        && company_name(&other.words)
    {
        return true;
    }
    mine.len() == 1
        && theirs.len() >= 2
        && theirs.contains(&mine[0])
        && theirs
            .iter()
            .all(|w| *w == mine[0] || GENERIC.contains(&w.as_str()))
}

/// Members `(group, form)` of groups, looked up by a key that every match shares.
type Block<K> = HashMap<K, Vec<(usize, usize)>>;

fn add<K: std::hash::Hash + Eq>(block: &mut Block<K>, key: K, group: usize, form: usize) {
    block.entry(key).or_default().push((group, form));
}

/// The first group (lowest index) of a candidate member that `accept`s.
fn first_group<'b>(
    candidates: impl IntoIterator<Item = &'b (usize, usize)>,
    mut accept: impl FnMut(usize) -> bool,
) -> Option<usize> {
    candidates
        .into_iter()
        .filter(|&&(_, j)| accept(j))
        .map(|&(g, _)| g)
        .min()
}

/// Group mentions into entities in order of first mention.
///
/// Each rule is checked only against the members that could match it, found
/// through blocks keyed by what a match must share (a person's surname initial,
/// first or last word, any word, initials), so the cost grows with the number
/// of similar mentions rather than with the square of all mentions. The result
/// is that of trying every group in order: the lowest matching group wins.
pub fn group(body: &str, mentions: &[Mention]) -> Vec<Entity> {
    let forms: Vec<Form> = mentions.iter().filter_map(|m| clean(body, m)).collect();
    // Longest first, then in text order.
    let mut order: Vec<usize> = (0..forms.len()).collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(forms[i].words.len()), forms[i].span));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut is_person: Vec<bool> = Vec::new();
    let initial = |j: usize| forms[j].words.last().and_then(|w| w.chars().next());
    let last = |j: usize| forms[j].words.last().map_or("", String::as_str);
    // Person-group members by the first letter of their last word: a fuzzy
    // suffix match needs the same initial there (`similar`).
    let mut by_initial: Block<Option<char>> = HashMap::new();
    // Person-group members of two words or more, by their first word.
    let mut by_first: Block<&str> = HashMap::new();
    // Person-group members by their last word (exact suffix matches).
    let mut by_last: Block<&str> = HashMap::new();
    // People first, so other mentions can defer to them.
    for &i in order
        .iter()
        .filter(|&&i| forms[i].kind == EntityType::Person)
    {
        let f = &forms[i];
        let found = by_initial.get(&initial(i)).and_then(|members| {
            first_group(members, |j| is_suffix(&f.words, &forms[j].words, true))
        });
        let found = found.or_else(|| {
            // A lone first name, when it starts exactly one person's name.
            if f.words.len() != 1 {
                return None;
            }
            let mut hits: Vec<usize> = by_first
                .get(f.words[0].as_str())
                .map(|members| members.iter().map(|&(g, _)| g).collect())
                .unwrap_or_default();
            hits.sort_unstable();
            hits.dedup();
            (hits.len() == 1).then(|| hits[0])
        });
        let g = match found {
            Some(g) => {
                groups[g].push(i);
                g
            }
            None => {
                groups.push(vec![i]);
                is_person.push(true);
                groups.len() - 1
            }
        };
        add(&mut by_initial, initial(i), g, i);
        add(&mut by_last, last(i), g, i);
        if f.words.len() >= 2 {
            add(&mut by_first, f.words[0].as_str(), g, i);
        }
    }
    // Non-person-group members by each of their words, and by their initials.
    let mut by_word: Block<&str> = HashMap::new();
    let mut by_initials: Block<&str> = HashMap::new();
    for &i in order
        .iter()
        .filter(|&&i| forms[i].kind != EntityType::Person)
    {
        let f = &forms[i];
        // The tagger may type one mention of a name differently from the rest
        // ("Parley" once as an organisation): one name, one referent per document.
        let person = by_last.get(last(i)).and_then(|members| {
            first_group(members, |j| is_suffix(&f.words, &forms[j].words, false))
        });
        let found = person.or_else(|| {
            // `same_thing` needs a shared word, or initials equal to the one word.
            let shared = f.words.iter().filter_map(|w| by_word.get(w.as_str()));
            let initials = by_initials.get(f.words[0].as_str());
            first_group(shared.chain(initials).flatten(), |j| {
                same_thing(f, &forms[j])
            })
        });
        match found {
            Some(g) if is_person[g] => {
                groups[g].push(i);
                add(&mut by_last, last(i), g, i);
            }
            Some(g) => {
                groups[g].push(i);
                index_thing(&mut by_word, &mut by_initials, &forms, g, i);
            }
            None => {
                groups.push(vec![i]);
                is_person.push(false);
                index_thing(&mut by_word, &mut by_initials, &forms, groups.len() - 1, i);
            }
        }
    }
    let mut entities: Vec<(Span, Entity)> = groups
        .iter()
        .zip(&is_person)
        .map(|(g, &person)| entity(body, &forms, g, person))
        .collect();
    entities.sort_by_key(|(first, _)| *first);
    entities.into_iter().map(|(_, e)| e).collect()
}

/// Index a member of a non-person group for [`same_thing`] look-ups.
fn index_thing<'a>(
    by_word: &mut Block<&'a str>,
    by_initials: &mut Block<&'a str>,
    forms: &'a [Form],
    group: usize,
    form: usize,
) {
    let f = &forms[form];
    let mut words: Vec<&str> = f.words.iter().map(String::as_str).collect();
    words.sort_unstable();
    words.dedup();
    for w in words {
        add(by_word, w, group, form);
    }
    add(by_initials, f.initials.as_str(), group, form);
    for also in [&f.defines, &f.initials_before_and].into_iter().flatten() {
        add(by_initials, also.as_str(), group, form);
    }
}

fn entity(body: &str, forms: &[Form], group: &[usize], person: bool) -> (Span, Entity) {
    let mut mentions: Vec<Span> = group.iter().map(|&i| forms[i].span).collect();
    mentions.sort();
    mentions.dedup();
    // A person group without a full name ("Jordan" alone) takes its majority type,
    // people winning ties: a single-word name is as likely a place tagged once as a person.
    let full_name = group
        .iter()
        .any(|&i| forms[i].kind == EntityType::Person && forms[i].words.len() >= 2);
    // Fullest form: most words, then most frequent, then first.
    let freq = |i: usize| {
        group
            .iter()
            .filter(|&&j| forms[j].words == forms[i].words)
            .count()
    };
    let best = group
        .iter()
        .copied()
        .max_by_key(|&i| {
            (
                forms[i].words.len(),
                freq(i),
                std::cmp::Reverse(forms[i].span),
            )
        })
        .expect("groups are never empty");
    let kind = if person && full_name {
        EntityType::Person
    } else {
        let mut counts = [0usize; 4];
        for &i in group {
            counts[forms[i].kind as usize] += 1;
        }
        // A tie goes to the type of a form longer than all the others
        // ("Democratic Republic of Congo" over its acronym read as a
        // body), else to people, then organisations.
        let fullest = forms[best].kind as usize;
        let shorter = |i: usize| forms[i].words.len() < forms[best].words.len();
        let longest = group.iter().any(|&i| shorter(i))
            && group
                .iter()
                .all(|&i| forms[i].words == forms[best].words || shorter(i));
        let top = counts.iter().copied().max().unwrap_or(0);
        // A company's full name decides: "Caldera Pharmaceuticals" and
        // "Caldera" read as a place six times is the company.
        let company =
            forms[best].kind == EntityType::Organization && company_name(&forms[best].words);
        let chosen = if company || longest && counts[fullest] == top {
            fullest
        } else {
            (0..4).max_by_key(|&k| (counts[k], 4 - k)).unwrap_or(0)
        };
        [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Location,
            EntityType::Misc,
        ][chosen]
    };
    let name = body[forms[best].span]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    (
        mentions[0],
        Entity {
            name,
            kind,
            mentions,
            sentiment: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Mentions at the given substrings (each its first occurrence after the previous).
    fn group_text(body: &str, marks: &[(&str, EntityType)]) -> Vec<Entity> {
        let mut from = 0;
        let mentions: Vec<Mention> = marks
            .iter()
            .map(|&(text, kind)| {
                let start = from + body[from..].find(text).unwrap();
                from = start + text.len();
                Mention {
                    span: Span::from_range(start..start + text.len()),
                    kind,
                }
            })
            .collect();
        group(body, &mentions)
    }

    fn names(entities: &[Entity]) -> Vec<(&str, EntityType, usize)> {
        entities
            .iter()
            .map(|e| (e.name.as_str(), e.kind, e.mentions.len()))
            .collect()
    }

    use EntityType::{Location as L, Misc as M, Organization as O, Person as P};

    #[test]
    fn surname_joins_full_name() {
        let body = "Anne-Marie Du Pont spoke. Du Pont left.";
        let e = group_text(body, &[("Anne-Marie Du Pont", P), ("Du Pont", P)]);
        assert_eq!(names(&e), [("Anne-Marie Du Pont", P, 2)]);
    }

    #[test]
    fn titles_are_stripped_from_person_names() {
        let body = "Finance Minister Karla Berg said. Ms Berg added.";
        let e = group_text(body, &[("Finance Minister Karla Berg", P), ("Ms Berg", P)]);
        assert_eq!(names(&e), [("Karla Berg", P, 2)]);
        assert_eq!(&body[e[0].mentions[0]], "Karla Berg");
        // Irish, local-government and police titles too.
        let body = "Tánaiste Declan Furlong said. Cllr Annerie Botha and Detective Inspector Karen Welsby spoke.";
        let e = group_text(
            body,
            &[
                ("Tánaiste Declan Furlong", P),
                ("Cllr Annerie Botha", P),
                ("Detective Inspector Karen Welsby", P),
            ],
        );
        assert_eq!(
            names(&e),
            [
                ("Declan Furlong", P, 1),
                ("Annerie Botha", P, 1),
                ("Karen Welsby", P, 1)
            ]
        );
    }

    #[test]
    fn spelling_variants_join() {
        let body = "Dmitri Ivanovsky met. Dmitry Ivanovsky said. Ivanovski and Ivanovsk left.";
        let e = group_text(
            body,
            &[
                ("Dmitri Ivanovsky", P),
                ("Dmitry Ivanovsky", P),
                ("Ivanovski", P),
                ("Ivanovsk", P),
            ],
        );
        assert_eq!(names(&e), [("Dmitri Ivanovsky", P, 4)]);
    }

    #[test]
    fn different_surnames_stay_apart() {
        let body = "Tom Hart and Tom Bloom met.";
        let e = group_text(body, &[("Tom Hart", P), ("Tom Bloom", P)]);
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn lone_first_name_joins_its_only_person() {
        let body = "Marie-Claire Vogt came. Marie-Claire smiled.";
        let e = group_text(body, &[("Marie-Claire Vogt", P), ("Marie-Claire", P)]);
        assert_eq!(names(&e), [("Marie-Claire Vogt", P, 2)]);
    }

    #[test]
    fn acronyms_and_dotted_forms_join_the_long_name() {
        let body = "The African Union met. The AU and the A.U. agreed.";
        let e = group_text(body, &[("African Union", O), ("AU", O), ("A.U.", O)]);
        assert_eq!(names(&e), [("African Union", O, 3)]);
    }

    #[test]
    fn accents_and_generic_heads_join() {
        let body = "At the Élysée Palace, the Elysee said.";
        let e = group_text(body, &[("Élysée Palace", L), ("Elysee", O)]);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].name, "Élysée Palace");
    }

    #[test]
    fn an_acronym_spells_the_capitalised_words_of_its_name() {
        let body = "The Medicines and Healthcare products Regulatory Agency said. The MHRA agreed.";
        let e = group_text(
            body,
            &[
                ("Medicines and Healthcare products Regulatory Agency", O),
                ("MHRA", O),
            ],
        );
        assert_eq!(
            names(&e),
            [("Medicines and Healthcare products Regulatory Agency", O, 2)]
        );
    }

    #[test]
    fn an_acronym_may_leave_out_a_last_and_part() {
        let body = "The Centers for Disease Control and Prevention said. The CDC added.";
        let e = group_text(
            body,
            &[
                ("Centers for Disease Control and Prevention", O),
                ("CDC", O),
            ],
        );
        assert_eq!(
            names(&e),
            [("Centers for Disease Control and Prevention", O, 2)]
        );
    }

    #[test]
    fn an_acronym_defined_in_brackets_joins_its_name() {
        let body = "The Japan Aerospace Exploration Agency (JAXA) said. JAXA added more.";
        let e = group_text(
            body,
            &[
                ("Japan Aerospace Exploration Agency", O),
                ("JAXA", O),
                ("JAXA", O),
            ],
        );
        assert_eq!(names(&e), [("Japan Aerospace Exploration Agency", O, 3)]);
    }

    #[test]
    fn a_place_stays_apart_from_an_institution_named_after_it() {
        let body = "In Ghana, the University of Ghana said. Ghana voted. The Bend City Council met in Bend.";
        let e = group_text(
            body,
            &[
                ("Ghana", L),
                ("University of Ghana", O),
                ("Ghana", L),
                ("Bend City Council", O),
                ("Bend", L),
            ],
        );
        assert_eq!(
            names(&e),
            [
                ("Ghana", L, 2),
                ("University of Ghana", O, 1),
                ("Bend City Council", O, 1),
                ("Bend", L, 1)
            ]
        );
    }

    #[test]
    fn a_club_by_its_last_word_joins_its_two_word_name() {
        let body = "Blackburn Rovers won. Rovers manager Tony Mowbray and Madrid fans of Real Madrid cheered.";
        let e = group_text(
            body,
            &[
                ("Blackburn Rovers", O),
                ("Rovers", O),
                ("Madrid", L),
                ("Real Madrid", O),
            ],
        );
        assert_eq!(
            names(&e),
            [
                ("Blackburn Rovers", O, 2),
                ("Madrid", L, 1),
                ("Real Madrid", O, 1)
            ],
            "the city is not the club"
        );
    }

    #[test]
    fn content_words_join_reordered_names() {
        let body = "The Dutch Finance Ministry said. The Dutch Ministry of Finance and the Finance Ministry agreed.";
        let e = group_text(
            body,
            &[
                ("Dutch Finance Ministry", O),
                ("Dutch Ministry of Finance", O),
                ("Finance Ministry", O),
            ],
        );
        assert_eq!(e.len(), 1);
    }

    #[test]
    fn surname_with_other_type_joins_the_person() {
        let body = "Olga Brandt spoke. Brandt left.";
        let e = group_text(body, &[("Olga Brandt", P), ("Brandt", L)]);
        assert_eq!(names(&e), [("Olga Brandt", P, 2)]);
    }

    #[test]
    fn a_lone_name_typed_differently_once_stays_one_entity() {
        let body = "Parlow spoke. Then Parlow left, and Parlow wrote.";
        let e = group_text(body, &[("Parlow", P), ("Parlow", O), ("Parlow", P)]);
        assert_eq!(names(&e), [("Parlow", P, 3)]);
    }

    #[test]
    fn a_lone_name_mostly_typed_as_a_place_is_a_place() {
        let body = "Jorvik, Jorvik and Jorvik.";
        let e = group_text(body, &[("Jorvik", L), ("Jorvik", P), ("Jorvik", L)]);
        assert_eq!(names(&e), [("Jorvik", L, 3)]);
    }

    #[test]
    fn type_conflicts_go_to_the_majority() {
        let body = "Denver, Denver and Denver.";
        let e = group_text(body, &[("Denver", L), ("Denver", O), ("Denver", L)]);
        assert_eq!(names(&e), [("Denver", L, 3)]);
    }

    #[test]
    fn entities_come_in_order_of_first_mention() {
        let body = "Oslo and Bergen; Kari Lund.";
        let e = group_text(body, &[("Oslo", L), ("Bergen", L), ("Kari Lund", P)]);
        let got: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(got, ["Oslo", "Bergen", "Kari Lund"]);
        let _ = M;
    }
}
