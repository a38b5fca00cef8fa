//! Cross-article entities: each article's entities merged into one entity per
//! referent.
//!
//! Names are first grouped exactly (kind + folded name), then the groups are
//! clustered, fullest names first. A person's name is split into given names
//! and a surname (with particles: "Le Drian", "von der Leyen"); two person
//! names are compatible when the surnames match (same transliteration
//! skeleton, or one edit apart for surnames of five letters or more) and the
//! given names, when both have one, match the same way or as an initial. A
//! surname alone joins the most mentioned compatible person. Other kinds merge
//! on the same folded name (a leading "the" ignored) or as an acronym of it.

use super::text::{edit_distance, fold};
use super::{Article, CrossEntity, EntityInArticle};
use crate::doc::{EntityId, EntityType};
use crate::entities::names::{PARTICLES, TITLES};
use std::collections::HashMap;

/// Merged entities and where each article's entity went.
#[derive(Clone, Debug, Default)]
pub struct Merged {
    /// One entity per referent.
    pub entities: Vec<CrossEntity>,
    /// (article index, entity id in that article) -> index into `entities`.
    pub index: HashMap<(usize, EntityId), usize>,
}

/// Words skipped when making an acronym.
const ACRONYM_SKIP: &[&str] = &["and", "for", "of", "on", "the", "&"];

/// A distinct (kind, folded name) with every article entity that bears it.
struct NameGroup {
    name: String,
    kind: EntityType,
    words: Vec<String>,
    members: Vec<(usize, EntityId, usize)>,
    mentions: usize,
}

/// A person's name: folded given names and surname skeletons.
#[derive(Clone, Debug, PartialEq)]
struct PersonName {
    given: Option<String>,
    surname: String,
}

/// Merge the entities of all articles.
pub fn merge(articles: &[Article<'_>]) -> Merged {
    let groups = name_groups(articles);
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by(|&a, &b| {
        let (ga, gb) = (&groups[a], &groups[b]);
        gb.words
            .len()
            .cmp(&ga.words.len())
            .then(gb.mentions.cmp(&ga.mentions))
            .then(ga.name.cmp(&gb.name))
    });
    // Clusters of name groups; the first group of each is its canonical form.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut cluster_mentions: Vec<usize> = Vec::new();
    let mut by_key: HashMap<(EntityType, String), Vec<usize>> = HashMap::new();
    for &g in &order {
        let group = &groups[g];
        let keys = block_keys(group);
        let mut best: Option<usize> = None;
        for key in &keys {
            for &c in by_key.get(&(group.kind, key.clone())).into_iter().flatten() {
                let head = &groups[clusters[c][0]];
                if compatible(group, head)
                    && best.is_none_or(|b| cluster_mentions[c] > cluster_mentions[b])
                {
                    best = Some(c);
                }
            }
        }
        match best {
            Some(c) => {
                clusters[c].push(g);
                cluster_mentions[c] += group.mentions;
            }
            None => {
                for key in keys {
                    by_key
                        .entry((group.kind, key))
                        .or_default()
                        .push(clusters.len());
                }
                clusters.push(vec![g]);
                cluster_mentions.push(group.mentions);
            }
        }
    }
    build(articles, &groups, clusters)
}

/// Article entities grouped by kind and folded name, in order of first sight.
fn name_groups(articles: &[Article<'_>]) -> Vec<NameGroup> {
    let mut groups: Vec<NameGroup> = Vec::new();
    let mut seen: HashMap<(EntityType, Vec<String>), usize> = HashMap::new();
    for (article, input) in articles.iter().enumerate() {
        for (id, entity) in input.doc.entities.iter().enumerate() {
            let words = name_words(&entity.name, entity.kind);
            let mentions = entity.mentions.len().max(1);
            let g = *seen.entry((entity.kind, words.clone())).or_insert_with(|| {
                groups.push(NameGroup {
                    name: entity.name.clone(),
                    kind: entity.kind,
                    words,
                    members: Vec::new(),
                    mentions: 0,
                });
                groups.len() - 1
            });
            groups[g].members.push((article, id, mentions));
            groups[g].mentions += mentions;
        }
    }
    groups
}

/// Folded words of a name; titles dropped from person names, a leading "the"
/// from the others.
fn name_words(name: &str, kind: EntityType) -> Vec<String> {
    let mut words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| {
            w.chars()
                .map(fold)
                .filter(|c| c.is_alphanumeric() || *c == '-' || *c == '&')
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    if kind == EntityType::Person {
        // The entities stage's titles and roles, plus French "M." (monsieur).
        while words.len() > 1 && (TITLES.contains(&words[0].as_str()) || words[0] == "m") {
            words.remove(0);
        }
    } else if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words
}

/// A person's given name and surname from folded words.
fn person(words: &[String]) -> PersonName {
    let mut start = words.len().saturating_sub(1);
    while start > 0 && PARTICLES.contains(&words[start - 1].as_str()) {
        start -= 1;
    }
    let surname: String = words[start..].concat();
    PersonName {
        given: (start > 0).then(|| skeleton(&words[0])),
        surname: skeleton(&surname),
    }
}

/// Transliteration skeleton: y as i, ph as f, kh as h, doubled letters once,
/// hyphens dropped ("Sergey" and "Sergei" both "sergei").
fn skeleton(word: &str) -> String {
    let word = word.replace("ph", "f").replace("kh", "h").replace('y', "i");
    let mut out = String::with_capacity(word.len());
    for c in word.chars().filter(|&c| c != '-') {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Keys under which a group's cluster can be found: surname prefix for
/// persons; name and acronym for the rest.
fn block_keys(group: &NameGroup) -> Vec<String> {
    if group.words.is_empty() {
        return vec![String::new()];
    }
    if group.kind == EntityType::Person {
        let surname = person(&group.words).surname;
        return vec![surname.chars().take(2).collect()];
    }
    let mut keys = vec![group.words.join(" ")];
    if let Some(acronym) = acronym(&group.words) {
        keys.push(acronym);
    }
    keys
}

/// The initials of a multi-word name ("north atlantic treaty organization" ->
/// "nato"); a one-word name is its own acronym key.
fn acronym(words: &[String]) -> Option<String> {
    if words.len() == 1 {
        return None;
    }
    let initials: String = words
        .iter()
        .filter(|w| !ACRONYM_SKIP.contains(&w.as_str()))
        .filter_map(|w| w.chars().next())
        .collect();
    (initials.chars().count() >= 2).then_some(initials)
}

/// True when `group` can name the same referent as `head`.
fn compatible(group: &NameGroup, head: &NameGroup) -> bool {
    if group.kind != head.kind || group.words.is_empty() || head.words.is_empty() {
        return false;
    }
    if group.words == head.words {
        return true;
    }
    if group.kind != EntityType::Person {
        let joined = |g: &NameGroup| g.words.join(" ");
        return (group.words.len() == 1 && acronym(&head.words).as_deref() == Some(&joined(group)))
            || (head.words.len() == 1 && acronym(&group.words).as_deref() == Some(&joined(head)));
    }
    let (a, b) = (person(&group.words), person(&head.words));
    let surnames = a.surname == b.surname
        || (a.surname.len() >= 5
            && b.surname.len() >= 5
            && a.surname.as_bytes()[0] == b.surname.as_bytes()[0]
            && edit_distance(&a.surname, &b.surname) <= 1);
    surnames
        && match (&a.given, &b.given) {
            (Some(x), Some(y)) => given_names_match(x, y),
            _ => true,
        }
}

/// Given names match when equal, one is the other's initial, or they are one
/// edit apart (four letters or more).
fn given_names_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.chars().count() == 1 {
        return long.starts_with(short);
    }
    short.len() >= 4 && edit_distance(a, b) <= 1
}

/// Clusters to cross-article entities, most widely covered first.
fn build(articles: &[Article<'_>], groups: &[NameGroup], clusters: Vec<Vec<usize>>) -> Merged {
    let mut entities: Vec<(CrossEntity, usize)> = Vec::with_capacity(clusters.len());
    for cluster in &clusters {
        let head = &groups[cluster[0]];
        let mut members: Vec<(usize, EntityId, usize)> = cluster
            .iter()
            .flat_map(|&g| groups[g].members.iter().copied())
            .collect();
        members.sort_unstable();
        let mut rows: Vec<EntityInArticle> = Vec::new();
        let mut aliases: Vec<String> = Vec::new();
        for &(article, entity, mentions) in &members {
            let doc = articles[article].doc;
            let found = &doc.entities[entity];
            for &m in &found.mentions {
                let text = doc.text(m);
                if !aliases.iter().any(|a| a == text) {
                    aliases.push(text.to_owned());
                }
            }
            if found.mentions.is_empty() && !aliases.contains(&found.name) {
                aliases.push(found.name.clone());
            }
            match rows.last_mut() {
                Some(row) if row.article == article => {
                    if mentions > row.mentions {
                        row.entity = entity;
                    }
                    row.mentions += mentions;
                }
                _ => rows.push(EntityInArticle {
                    article,
                    entity,
                    mentions,
                }),
            }
        }
        let total = rows.iter().map(|r| r.mentions).sum();
        entities.push((
            CrossEntity {
                name: head.name.clone(),
                kind: head.kind,
                aliases,
                articles: rows,
            },
            total,
        ));
    }
    let mut order: Vec<usize> = (0..entities.len()).collect();
    order.sort_by(|&a, &b| {
        let (ea, eb) = (&entities[a], &entities[b]);
        eb.0.articles
            .len()
            .cmp(&ea.0.articles.len())
            .then(eb.1.cmp(&ea.1))
            .then(ea.0.name.cmp(&eb.0.name))
    });
    let mut merged = Merged::default();
    for old in order {
        let new = merged.entities.len();
        for &g in &clusters[old] {
            for &(article, entity, _) in &groups[g].members {
                merged.index.insert((article, entity), new);
            }
        }
        merged.entities.push(entities[old].0.clone());
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(name: &str) -> Vec<String> {
        name_words(name, EntityType::Person)
    }

    #[test]
    fn particles_stay_with_the_surname() {
        assert_eq!(
            person(&words("Jean-Yves Le Drian")),
            PersonName {
                given: Some("jean-ives".replace('-', "")),
                surname: "ledrian".into()
            }
        );
        assert_eq!(person(&words("Le Drian")).given, None);
        assert_eq!(person(&words("Madame Parley")).given, None);
    }

    #[test]
    fn transliterations_share_a_skeleton() {
        assert_eq!(skeleton("sergey"), skeleton("sergei"));
        assert_eq!(skeleton("shoygu"), skeleton("shoigu"));
    }

    #[test]
    fn given_names_match_by_initial_or_one_edit() {
        assert!(given_names_match("s", "sergei"));
        assert!(given_names_match("sergei", "sergej"));
        assert!(!given_names_match("jo", "ja"));
        assert!(!given_names_match("sergei", "florence"));
    }

    #[test]
    fn acronyms_of_multiword_names() {
        let w: Vec<String> = ["north", "atlantic", "treaty", "organization"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(acronym(&w).as_deref(), Some("nato"));
    }
}
