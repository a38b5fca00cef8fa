//! Scoring quotes against hand-made gold in the seed format
//! (`seeds/gold/*.gold.json`), with the matching of
//! `shared/tools/eval_seeds.py --stage quotes`: a prediction matches a gold
//! quote when their longest common run of word tokens covers at least half of
//! the longer token sequence; each gold quote takes its best unused
//! prediction; optional gold quotes neither help nor hurt; a speaker is right
//! when its folded name matches the gold speaker or one of its aliases.

use crate::clean::Content;
use crate::doc::{Doc, Entity, EntityType, Span};
use crate::error::{Error, Result};
use crate::pipeline::{Options, Pipeline};
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A gold entity.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldEntity {
    /// Canonical name.
    pub name: String,
    /// "PERSON", "LOCATION", "ORGANIZATION" (possibly "A|B").
    #[serde(rename = "type")]
    pub kind: String,
    /// Every form the entity takes in the text.
    pub aliases: Vec<String>,
}

/// A gold quote.
#[derive(Clone, Debug, Deserialize)]
pub struct GoldQuote {
    /// The quoted words.
    pub text: String,
    /// Acceptable speakers (`null` = no speaker).
    pub speakers: Vec<Option<String>>,
    /// Scare quotes and unclear cases: neither help nor hurt.
    pub optional: bool,
}

/// One gold file.
#[derive(Clone, Debug, Deserialize)]
pub struct Gold {
    /// Seed file name without extension.
    pub seed: String,
    /// Gold entities.
    pub entities: Vec<GoldEntity>,
    /// Gold quotes.
    pub quotes: Vec<GoldQuote>,
    /// Extra speaker aliases.
    #[serde(default)]
    pub speaker_aliases: HashMap<String, Vec<String>>,
}

/// Totals of a scoring run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Non-optional gold quotes.
    pub gold: usize,
    /// Of those, matched by a prediction.
    pub found: usize,
    /// Of those, with the right speaker.
    pub speaker_right: usize,
    /// Predictions.
    pub predicted: usize,
    /// Predictions matching no gold quote (optional ones included).
    pub unmatched: usize,
}

impl Counts {
    /// Adds another run's totals.
    pub fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.found += o.found;
        self.speaker_right += o.speaker_right;
        self.predicted += o.predicted;
        self.unmatched += o.unmatched;
    }
    /// Recall of non-optional gold quotes.
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    /// Share of predictions matching a gold quote.
    pub fn precision(&self) -> f64 {
        ratio(self.predicted - self.unmatched, self.predicted)
    }
    /// Share of found quotes with the right speaker.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.found)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Longest common run of tokens over the longer token count.
pub fn overlap(a: &str, b: &str) -> f64 {
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let mut best = 0;
    let mut prev = vec![0usize; tb.len() + 1];
    for x in &ta {
        let mut cur = vec![0usize; tb.len() + 1];
        for (j, y) in tb.iter().enumerate() {
            if x == y {
                cur[j + 1] = prev[j] + 1;
                best = best.max(cur[j + 1]);
            }
        }
        prev = cur;
    }
    best as f64 / ta.len().max(tb.len()) as f64
}

fn strip_accent(c: char) -> char {
    const FROM: &str = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
    const TO: &str = "aaaaaaceeeeiiiinooooouuuuyy";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// Name folding of the scorer: lowercase, no accents, no possessive, words only.
pub fn fold(s: &str) -> Vec<String> {
    let lower: String = s.to_lowercase().chars().map(strip_accent).collect();
    let lower = lower.replace("’s", "").replace("'s", "");
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

fn speaker_ok(
    pred: Option<&str>,
    golds: &[Option<String>],
    aliases: &HashMap<String, Vec<String>>,
) -> bool {
    let Some(pred) = pred.filter(|p| !p.is_empty()) else {
        return golds.iter().any(Option::is_none);
    };
    let fp = fold(pred);
    golds.iter().flatten().any(|g| {
        let own = vec![g.clone()];
        aliases.get(g).unwrap_or(&own).iter().any(|a| {
            let fa = fold(a);
            fp == fa
                || fa.last().is_some_and(|l| l.len() > 2 && fp.contains(l))
                || fp.last().is_some_and(|l| l.len() > 2 && fa.contains(l))
        })
    })
}

/// Scores predictions `(text, speaker name)` against one gold file.
pub fn score(gold: &Gold, predicted: &[(String, Option<String>)]) -> Counts {
    let mut aliases: HashMap<String, Vec<String>> = gold
        .entities
        .iter()
        .map(|e| (e.name.clone(), e.aliases.clone()))
        .collect();
    aliases.extend(gold.speaker_aliases.clone());
    for q in &gold.quotes {
        for s in q.speakers.iter().flatten() {
            let last = s.split_whitespace().last().unwrap_or(s).to_owned();
            aliases
                .entry(s.clone())
                .or_insert_with(|| vec![s.clone(), last]);
        }
    }
    let mut used = vec![false; predicted.len()];
    let mut c = Counts {
        predicted: predicted.len(),
        ..Counts::default()
    };
    for q in &gold.quotes {
        if !q.optional {
            c.gold += 1;
        }
        let mut best = (0.0, None);
        for (j, (text, _)) in predicted.iter().enumerate() {
            if used[j] {
                continue;
            }
            let o = overlap(text, &q.text);
            if o > best.0 {
                best = (o, Some(j));
            }
        }
        if let (o, Some(j)) = best {
            if o >= 0.5 {
                used[j] = true;
                if !q.optional {
                    c.found += 1;
                    if speaker_ok(predicted[j].1.as_deref(), &q.speakers, &aliases) {
                        c.speaker_right += 1;
                    }
                }
            }
        }
    }
    c.unmatched = used.iter().filter(|u| !**u).count();
    c
}

/// Entities built from the gold aliases (people and organisations): every
/// whole-word occurrence of an alias, longest first. Scores the quote stage
/// apart from the entities stage.
pub fn oracle_entities(gold: &Gold, body: &str) -> Vec<Entity> {
    let mut taken: Vec<Span> = Vec::new();
    let mut entities = Vec::new();
    let mut forms: Vec<(usize, &str)> = Vec::new();
    for (i, e) in gold.entities.iter().enumerate() {
        for a in &e.aliases {
            forms.push((i, a));
        }
    }
    forms.sort_by_key(|f| std::cmp::Reverse(f.1.len()));
    let mut mentions: Vec<Vec<Span>> = vec![Vec::new(); gold.entities.len()];
    for (i, form) in forms {
        if form.is_empty() {
            continue;
        }
        for (at, _) in body.match_indices(form) {
            let end = at + form.len();
            let before = body[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let after = body[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric);
            let span = Span::from_range(at..end);
            if before || after || taken.iter().any(|t| t.overlaps(span)) {
                continue;
            }
            taken.push(span);
            mentions[i].push(span);
        }
    }
    for (e, mut m) in gold.entities.iter().zip(mentions) {
        let kind = if e.kind.contains("PERSON") {
            EntityType::Person
        } else if e.kind.contains("ORG") {
            EntityType::Organization
        } else {
            EntityType::Location
        };
        m.sort();
        if !m.is_empty() {
            entities.push(Entity {
                name: e.name.clone(),
                kind,
                mentions: m,
                sentiment: None,
            });
        }
    }
    entities.sort_by_key(|e| e.mentions[0]);
    entities
}

/// Predictions of a document as `(text, speaker name)`.
pub fn predictions(doc: &Doc) -> Vec<(String, Option<String>)> {
    doc.quotes
        .iter()
        .map(|q| {
            let speaker = q
                .speaker
                .and_then(|id| doc.entities.get(id))
                .map(|e| e.name.clone());
            (q.text(&doc.body), speaker)
        })
        .collect()
}

/// Per-file result of [`evaluate_dir`].
#[derive(Clone, Debug)]
pub struct FileScore {
    /// Gold file.
    pub path: PathBuf,
    /// Its counts.
    pub counts: Counts,
    /// Each predicted quote as `kind speaker: text`, for inspection.
    pub shown: Vec<String>,
}

fn io(path: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: path.to_owned(),
        source,
    }
}

/// Scores every `*.gold.json` of `dir`. The article is `<seed>.txt` next to
/// `dir` (or inside it). With `oracle_ner`, entities come from the gold aliases.
/// Quotes are found by `extractor` on the pipeline's document.
pub fn evaluate_dir(
    pipeline: &Pipeline,
    extractor: &super::QuoteExtractor,
    dir: &Path,
    oracle_ner: bool,
) -> Result<Vec<FileScore>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).map_err(|e| io(&path, e))?;
        let gold: Gold = serde_json::from_str(&text).map_err(|e| {
            io(
                &path,
                std::io::Error::new(std::io::ErrorKind::InvalidData, e),
            )
        })?;
        let name = if gold.seed.ends_with(".txt") {
            gold.seed.clone()
        } else {
            format!("{}.txt", gold.seed)
        };
        let article = [dir.join("..").join(&name), dir.join(&name)]
            .into_iter()
            .find(|p| p.exists())
            .unwrap_or_else(|| dir.join(&name));
        let raw = std::fs::read_to_string(&article).map_err(|e| io(&article, e))?;
        let mut doc = pipeline.analyze(&Content::Text(raw), &Options::default())?;
        if oracle_ner {
            doc.entities = oracle_entities(&gold, &doc.body);
        }
        doc.quotes = extractor.run(&doc);
        let counts = score(&gold, &predictions(&doc));
        let shown = doc
            .quotes
            .iter()
            .map(|q| {
                let speaker = q
                    .speaker
                    .and_then(|id| doc.entities.get(id))
                    .map_or("-", |e| e.name.as_str());
                let mention = q.speaker_span.map_or("", |s| doc.text(s));
                format!("{} {speaker} [{mention}]: {}", q.kind, q.text(&doc.body))
            })
            .collect();
        out.push(FileScore {
            path,
            counts,
            shown,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlap_is_common_run_over_longer() {
        assert_eq!(overlap("a b c d", "b c"), 0.5);
        assert_eq!(overlap("", "b c"), 0.0);
    }

    #[test]
    fn speaker_matches_by_last_name() {
        let aliases = HashMap::new();
        let gold = vec![Some("Jean-Yves Le Drian".to_owned())];
        assert!(speaker_ok(Some("Le Drian"), &gold, &aliases));
        assert!(!speaker_ok(Some("Parly"), &gold, &aliases));
        assert!(speaker_ok(None, &[None], &aliases));
    }
}
