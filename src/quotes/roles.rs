//! Roles learned per article: the titles before a person's name ("French
//! Foreign Minister Jean-Yves Le Drian") and appositions around it ("David
//! Cadier, a researcher at ...", "the head of the Center ..., Yuri Rubinsky"),
//! and how a description ("the French foreign minister") picks its person.

use super::coref::{Ctx, Mention};
use super::cues::{is_determiner, is_person_noun, is_role, role_key};
use crate::doc::{EntityId, EntityType};

/// First names the 1990 US Census gives to one sex (`Name\tF` / `Name\tM`;
/// built by `scripts/build_gazetteers.py`, names whose gender differs across
/// languages left out).
const NAME_GENDERS: &str = include_str!("../../data/gazetteers/first_name_genders.txt");

static NAME_GENDER: std::sync::LazyLock<std::collections::HashMap<&'static str, bool>> =
    std::sync::LazyLock::new(|| {
        NAME_GENDERS
            .lines()
            .filter_map(|line| {
                let (name, sex) = line.split_once('\t')?;
                Some((name, sex == "F"))
            })
            .collect()
    });

/// The gender the first name of `full_name` suggests (feminine when
/// `Some(true)`), for names of two words or more ("Mary Steenburgen"; a
/// lone "Harper" may be a surname).
pub(super) fn name_gender(full_name: &str) -> Option<bool> {
    let mut words = full_name.split_whitespace();
    let first = words.next()?;
    words.next()?;
    NAME_GENDER.get(first).copied()
}

/// Builds the name table now, so the first article does not pay for it.
pub(super) fn warm() {
    let _ = name_gender("Mary Smith");
}

/// A role learned from the text around a mention of a person.
#[derive(Clone, Debug)]
pub struct LearnedRole {
    pub(super) entity: EntityId,
    pub(super) pos: usize,
    pub(super) words: Vec<String>,
}

/// Government portfolios, each a group of words that name the same one
/// ("defense minister" = "Minister of the Armed Forces"), as role keys.
const PORTFOLIOS: &[&[&str]] = &[
    &["foreign"],
    &["defense", "defence", "armed", "military"],
    &["interior", "home"],
    &["finance", "treasury", "economy"],
    &["justice"],
    &["health"],
    &["education"],
    &["trade", "commerce", "industry"],
    &["energy"],
    &["agriculture", "farming"],
    &["culture"],
    &["transport"],
    &["labour", "labor", "employment"],
    &["environment", "ecology", "climate"],
];

/// Parties, each a group of words that name the same one, as role keys:
/// "the Labour MSP" is not the "Scottish Conservative MSP" named before.
const PARTIES: &[&[&str]] = &[
    &["labour", "labor"],
    &["conservative", "tory", "tories"],
    &["democrat", "democratic"],
    &["republican", "gop"],
    &["liberal"],
    &["green", "greens"],
    &["snp"],
    &["reform"],
    &["bjp"],
];

/// The party (index into [`PARTIES`]) the first party word of `words` names.
fn party_of<'w>(mut words: impl Iterator<Item = &'w str>) -> Option<usize> {
    words.find_map(|w| PARTIES.iter().position(|group| group.contains(&w)))
}

/// Titles of whoever leads a body, which "the union leader" or "the
/// group's head" may stand for when the text gave another of them
/// ("Laurent Castagné, general secretary of the CGT's federation"). Not
/// "president": "the French leader" is not whoever was titled President
/// last.
const LEADERSHIP: &[&str] = &[
    "leader",
    "head",
    "chief",
    "boss",
    "secretary",
    "chairman",
    "chairwoman",
    "chair",
];

/// Where `words` hold a title of [`LEADERSHIP`] when the description's
/// head `head_key` is a leader's word other than the one the text used.
fn leadership_title(head_key: &str, words: &[String]) -> Option<usize> {
    ["leader", "head", "chief", "boss"]
        .contains(&head_key)
        .then(|| words.iter().position(|w| LEADERSHIP.contains(&w.as_str())))
        .flatten()
}

/// Lower-case words that complete a title after "of" ("secretary of state",
/// "chief of staff", "minister of foreign affairs"): portfolios and a few
/// more.
pub(super) fn is_title_complement(word: &str) -> bool {
    let key = super::cues::role_key(word);
    portfolio_of(std::iter::once(key.as_str())).is_some()
        || [
            "state",
            "staff",
            "affairs",
            "forces",
            "security",
            "intelligence",
        ]
        .contains(&key.as_str())
}

/// The portfolio (index into [`PORTFOLIOS`]) the first portfolio word of `words` names.
fn portfolio_of<'w>(mut words: impl Iterator<Item = &'w str>) -> Option<usize> {
    words.find_map(|w| PORTFOLIOS.iter().position(|group| group.contains(&w)))
}

/// Where a title names a country's chief diplomat ("the top U.S.
/// diplomat" = "Secretary of State Antony Blinken", "China's chief
/// diplomat" = "Foreign Minister Wang Yi"): the index of its
/// "minister" or "secretary" among the role keys `words`.
fn chief_diplomat_title(words: &[String]) -> Option<usize> {
    let foreign = words.iter().any(|w| w == "foreign");
    words.iter().enumerate().find_map(|(i, w)| {
        let of_state = words.get(i + 1).is_some_and(|w| w == "of")
            && words.get(i + 2).is_some_and(|w| w == "state");
        ((w == "minister" || w == "secretary") && (foreign || (w == "secretary" && of_state)))
            .then_some(i)
    })
}

impl Ctx<'_> {
    /// The person whose learned roles best match the description.
    pub(super) fn by_role(
        &self,
        mention: &Mention,
        head: usize,
        pos: usize,
    ) -> Option<(EntityId, usize)> {
        let head_key = role_key(self.word(head));
        let mods: Vec<String> = (mention.first + 1..mention.end)
            .filter(|&i| i != head && self.is_word(i))
            .map(|i| role_key(self.word(i)))
            .filter(|w| !["of", "the", "and", "for"].contains(&w.as_str()))
            .collect();
        let before_head = (head > mention.first + 1).then(|| role_key(self.word(head - 1)));
        let mut best: Option<(usize, usize, EntityId)> = None; // (score, last mention, id)
        let wanted = portfolio_of(mods.iter().map(String::as_str));
        let party = party_of(mods.iter().map(String::as_str));
        for role in self.roles.iter().filter(|r| r.pos < pos) {
            let at = role.words.iter().position(|w| *w == head_key);
            let Some(at) = at
                .or_else(|| {
                    (head_key == "diplomat")
                        .then(|| chief_diplomat_title(&role.words))
                        .flatten()
                })
                .or_else(|| leadership_title(&head_key, &role.words))
            else {
                continue;
            };
            // "the foreign minister" is not the person titled "Minister of
            // Defense" anywhere before, even where a shorter title ("Minister
            // Kos") names no portfolio.
            if wanted.is_some_and(|p| self.holds_other_portfolio(role.entity, p, pos)) {
                continue;
            }
            // "the Labour MSP" is no one titled "Conservative MSP".
            let role_party = party_of(role.words.iter().map(String::as_str));
            if party.is_some() && role_party.is_some() && party != role_party {
                continue;
            }
            // "the former Arsenal manager" is not "Arsenal manager Mikel
            // Arteta", who holds the post now.
            let past = ["former", "ex"];
            if past.iter().any(|w| mods.iter().any(|m| m == w))
                && !past.iter().any(|w| role.words.iter().any(|r| r == w))
            {
                continue;
            }
            let mut score = 2 + mods.iter().filter(|m| role.words.contains(m)).count();
            if at > 0 && before_head.as_ref() == Some(&role.words[at - 1]) {
                score += 1;
            }
            let last = self.entities[role.entity]
                .mentions
                .iter()
                .filter(|m| m.start() < pos)
                .map(|m| m.start())
                .max()
                .unwrap_or(0);
            if best.is_none_or(|b| (score, last) > (b.0, b.1)) {
                best = Some((score, last, role.entity));
            }
        }
        best.map(|b| (b.2, b.0))
    }

    /// Whether the roles learned for `id` before byte `pos` name a portfolio,
    /// none of them `portfolio`.
    fn holds_other_portfolio(&self, id: EntityId, portfolio: usize, pos: usize) -> bool {
        let mut held = self
            .roles
            .iter()
            .filter(|r| r.entity == id && r.pos < pos)
            .filter_map(|r| portfolio_of(r.words.iter().map(String::as_str)))
            .peekable();
        held.peek().is_some() && held.all(|p| p != portfolio)
    }

    /// Whether any role was learned for `id` before byte `pos`.
    pub(super) fn has_role(&self, id: EntityId, pos: usize) -> bool {
        self.roles.iter().any(|r| r.entity == id && r.pos < pos)
    }

    pub(super) fn learn_roles(&mut self) {
        let mut roles = Vec::new();
        for (id, entity) in self.entities.iter().enumerate() {
            if entity.kind != EntityType::Person {
                continue;
            }
            for &m in &entity.mentions {
                if m.end() > self.body.len() {
                    continue;
                }
                let (first, end) = self.token_range(m);
                if first >= self.tokens.len() {
                    continue;
                }
                let floor = self.sentences[self.sentence_of(m.start())].first_token as usize;
                self.learn_gender(id, first, floor);
                for words in self.role_windows(first, end, floor) {
                    if words.iter().any(|w| is_role(w) || is_person_noun(w)) {
                        roles.push(LearnedRole {
                            entity: id,
                            pos: m.start(),
                            words,
                        });
                    }
                }
            }
        }
        self.roles = roles;
    }

    fn learn_gender(&mut self, id: EntityId, first: usize, floor: usize) {
        if first == 0 || first <= floor {
            return;
        }
        let w = self.word(first - 1).trim_end_matches('.');
        let g = match w.to_lowercase().as_str() {
            "mr" | "monsieur" | "sir" | "mister" => Some(false),
            "mrs" | "ms" | "madame" | "mme" | "miss" | "lady" | "dame" => Some(true),
            _ => None,
        };
        if g.is_some() {
            self.gender[id] = g;
        }
    }

    /// Word windows around a mention that may hold its title or role.
    fn role_windows(&self, first: usize, end: usize, floor: usize) -> Vec<Vec<String>> {
        let key = |i: usize| role_key(self.word(i));
        let mut out = Vec::new();
        // Title before the name: "French Foreign Minister Jean-Yves Le Drian".
        let mut pre = Vec::new();
        let mut i = first;
        while i > floor && pre.len() < 10 {
            i -= 1;
            let w = self.word(i);
            // An agent noun right before the name is a title too
            // ("filmmaker Oluwaseun Adeyemi-Okafor", "driver George Russell").
            let title = w.chars().next().is_some_and(char::is_uppercase)
                || is_role(w)
                || (i + 1 == first && is_person_noun(w))
                || ["of", "the", "and", "for"].contains(&w);
            if !self.is_word(i) || self.is_person(i).is_some() || !title {
                break;
            }
            pre.push(key(i));
        }
        pre.reverse();
        out.push(pre);
        // Apposition after: "David Cadier, a researcher at ..., told".
        if end < self.tokens.len() && self.word(end) == "," {
            let words: Vec<String> = (end + 1..self.tokens.len().min(end + 16))
                .take_while(|&j| self.is_word(j))
                .map(key)
                .collect();
            if words
                .first()
                .is_some_and(|w| is_determiner(w) || is_role(w))
            {
                out.push(words);
            }
        }
        // Apposition before: "the head of the Center ..., Yuri Rubinsky,".
        if first >= 2 && first > floor + 1 && self.word(first - 1) == "," {
            let mut opens = first - 1;
            while opens > floor && first - 1 - opens < 16 && self.is_word(opens - 1) {
                opens -= 1;
            }
            // Tested on the word, not its lower-case key, so that a named
            // possessive ("Sudan's health minister, X,") opens it too.
            if opens < first - 1 && is_determiner(self.word(opens)) {
                out.push((opens..first - 1).map(key).collect());
            }
        }
        out
    }
}
