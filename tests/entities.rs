//! Named entities on the seed articles, scored like `eval_seeds.py --stage entities`:
//! every gold entity must be found with its type (recall) and form exactly one
//! entity (grouping). Thresholds are regression guards at what was measured.

use serde_json::Value;
use textanalysis::doc::EntityType;
use textanalysis::{Config, Content, Options, Pipeline};

/// The scorer's folding: lowercase, accents off, possessive "'s" off, words.
fn fold(s: &str) -> Vec<String> {
    let lower = textanalysis::entities::names::fold(s);
    let mut out = String::new();
    let chars: Vec<char> = lower.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let possessive = c == '\''
            && chars.get(i + 1) == Some(&'s')
            && !chars
                .get(i + 2)
                .is_some_and(|n| n.is_alphanumeric() || *n == '_');
        if possessive {
            i += 2;
            continue;
        }
        out.push(if c.is_alphanumeric() || c == '_' || c == '-' {
            c
        } else {
            ' '
        });
        i += 1;
    }
    out.split_whitespace().map(str::to_owned).collect()
}

fn type_ok(gold: &str, kind: EntityType) -> bool {
    gold.split('|').any(|t| t == kind.to_string())
}

/// `(found, grouped, total)` over all seeds.
fn score() -> (usize, usize, usize, Vec<String>) {
    let pipeline = Pipeline::new(&Config::default()).unwrap();
    let (mut found, mut grouped, mut total) = (0, 0, 0);
    let mut misses = Vec::new();
    let mut golds: Vec<_> = std::fs::read_dir("seeds/gold")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with(".gold.json"))
        .collect();
    golds.sort();
    for path in golds {
        let gold: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let seed = gold["seed"].as_str().unwrap();
        let text = std::fs::read_to_string(format!("seeds/{seed}")).unwrap();
        let doc = pipeline
            .analyze(&Content::Text(text), &Options::default())
            .unwrap();
        for ge in gold["entities"].as_array().unwrap() {
            let aliases: Vec<Vec<String>> = ge["aliases"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| fold(a.as_str().unwrap()))
                .collect();
            let gtype = ge["type"].as_str().unwrap();
            let hits = doc
                .entities
                .iter()
                .filter(|e| {
                    type_ok(gtype, e.kind)
                        && (aliases.contains(&fold(&e.name))
                            || e.mentions
                                .iter()
                                .any(|&m| aliases.contains(&fold(doc.text(m)))))
                })
                .count();
            total += 1;
            found += usize::from(hits > 0);
            grouped += usize::from(hits == 1);
            if hits != 1 {
                misses.push(format!("{seed}: {} ({hits} hits)", ge["name"]));
            }
        }
    }
    (found, grouped, total, misses)
}

#[test]
fn seed_entities_are_found_and_grouped() {
    let (found, grouped, total, misses) = score();
    let (recall, grouping) = (found as f64 / total as f64, grouped as f64 / total as f64);
    eprintln!("recall {recall:.3} grouping {grouping:.3}; misses: {misses:#?}");
    // Issue 4 requires every gold entity found and grouped (docs/accuracy.md).
    assert!(recall >= 1.0, "recall {recall:.3}; misses: {misses:#?}");
    assert!(
        grouping >= 1.0,
        "grouping {grouping:.3}; misses: {misses:#?}"
    );
}

#[test]
fn scorer_folding_matches_eval_seeds() {
    assert_eq!(fold("Macron’s"), ["macron"]);
    assert_eq!(fold("E.U."), ["eu"]);
    assert_eq!(fold("Élysée Palace"), ["elysee", "palace"]);
}

/// Dev-set F1 of the embedded tagger (skipped when the shared data is absent).
#[test]
fn conll_dev_f1_does_not_regress() {
    let path = std::path::Path::new("../shared/data/ner/conll2003/dev.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipped: {} not found", path.display());
        return;
    };
    let tagger = textanalysis::entities::Tagger::embedded().unwrap();
    let (gold, pred, correct) = tagger.eval_conll(&text).total();
    let (_, _, f1) = textanalysis::entities::conll::prf(gold, pred, correct);
    // Measured 0.9134 (docs/accuracy.md).
    assert!(f1 >= 0.905, "dev F1 {f1:.4}");
}
