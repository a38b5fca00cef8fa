//! Word-level difference between two renderings of a statement: the longest
//! common subsequence of words (compared case-insensitively, edge punctuation
//! ignored), as runs of equal, inserted and deleted words.

use super::{DiffKind, DiffOp};

/// Word pairs above this count are not aligned (quadratic table); the diff is
/// then "delete everything, insert everything".
const MAX_CELLS: usize = 400_000;

/// How `new` differs from `old`, word by word.
pub fn words(old: &str, new: &str) -> Vec<DiffOp> {
    let old_words: Vec<&str> = old.split_whitespace().collect();
    let new_words: Vec<&str> = new.split_whitespace().collect();
    let old_keys: Vec<String> = old_words.iter().map(|w| key(w)).collect();
    let new_keys: Vec<String> = new_words.iter().map(|w| key(w)).collect();
    let (n, m) = (old_words.len(), new_words.len());
    let mut ops = Runs::default();
    if n.saturating_mul(m) > MAX_CELLS {
        old_words.iter().for_each(|w| ops.push(DiffKind::Delete, w));
        new_words.iter().for_each(|w| ops.push(DiffKind::Insert, w));
        return ops.finish();
    }
    // suffix[i][j] = LCS length of old[i..] and new[j..], row-major.
    let width = m + 1;
    let mut suffix = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            suffix[i * width + j] = if old_keys[i] == new_keys[j] {
                suffix[(i + 1) * width + j + 1] + 1
            } else {
                suffix[(i + 1) * width + j].max(suffix[i * width + j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && old_keys[i] == new_keys[j] {
            ops.push(DiffKind::Equal, new_words[j]);
            i += 1;
            j += 1;
        } else if i < n && (j == m || suffix[(i + 1) * width + j] >= suffix[i * width + j + 1]) {
            ops.push(DiffKind::Delete, old_words[i]);
            i += 1;
        } else {
            ops.push(DiffKind::Insert, new_words[j]);
            j += 1;
        }
    }
    ops.finish()
}

/// The comparison key of a word: lowercase, edge punctuation trimmed, curly
/// apostrophes straightened.
fn key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .collect()
}

/// Builds runs of same-kind words; a replacement comes out as its deletion
/// run followed by its insertion run.
#[derive(Default)]
struct Runs {
    done: Vec<DiffOp>,
    deleted: Vec<String>,
    inserted: Vec<String>,
    equal: Vec<String>,
}

impl Runs {
    fn push(&mut self, kind: DiffKind, word: &str) {
        if kind == DiffKind::Equal {
            self.flush_changes();
        } else {
            self.flush_equal();
        }
        let run = match kind {
            DiffKind::Equal => &mut self.equal,
            DiffKind::Insert => &mut self.inserted,
            DiffKind::Delete => &mut self.deleted,
        };
        run.push(word.to_owned());
    }

    fn flush_equal(&mut self) {
        if !self.equal.is_empty() {
            let text = self.equal.join(" ");
            self.equal.clear();
            self.done.push(DiffOp {
                kind: DiffKind::Equal,
                text,
            });
        }
    }

    fn flush_changes(&mut self) {
        for (kind, run) in [
            (DiffKind::Delete, &mut self.deleted),
            (DiffKind::Insert, &mut self.inserted),
        ] {
            if !run.is_empty() {
                let text = run.join(" ");
                run.clear();
                self.done.push(DiffOp { kind, text });
            }
        }
    }

    fn finish(mut self) -> Vec<DiffOp> {
        self.flush_equal();
        self.flush_changes();
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(ops: &[DiffOp]) -> String {
        ops.iter()
            .map(|op| match op.kind {
                DiffKind::Equal => op.text.clone(),
                DiffKind::Insert => format!("+[{}]", op.text),
                DiffKind::Delete => format!("-[{}]", op.text),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn translation_variants_differ_in_the_changed_words_only() {
        let ops = words(
            "The time has come, the time is right to work to reduce mistrust with Russia,",
            "the time has come, the time is right, to work toward reducing distrust.",
        );
        assert_eq!(
            show(&ops),
            "the time has come, the time is right, to work \
             -[to reduce mistrust with Russia,] +[toward reducing distrust.]"
        );
    }

    #[test]
    fn identical_texts_are_one_equal_run() {
        let ops = words("possible and necessary.", "possible and necessary.");
        assert_eq!(ops.len(), 1);
        assert_eq!(ops[0].kind, DiffKind::Equal);
        assert_eq!(ops[0].text, "possible and necessary.");
    }

    #[test]
    fn empty_sides_give_pure_insertions_or_deletions() {
        assert_eq!(show(&words("", "a b")), "+[a b]");
        assert_eq!(show(&words("a b", "")), "-[a b]");
        assert!(words("", "").is_empty());
    }

    #[test]
    fn huge_inputs_fall_back_without_a_table() {
        let long = "word ".repeat(1000);
        let ops = words(&long, &long);
        assert_eq!(ops.len(), 2);
    }
}
