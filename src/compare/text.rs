//! Word normalisation shared by entity merging and statement matching:
//! accent folding, lowercasing, light suffix stripping and stopwords.

/// Lowercase `c` and drop its accent when it is a common Latin letter.
pub fn fold(c: char) -> char {
    let c = if c.is_ascii() {
        return c.to_ascii_lowercase();
    } else {
        c.to_lowercase().next().unwrap_or(c)
    };
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ł' | 'ľ' => 'l',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ř' => 'r',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'ť' | 'ţ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        '\u{2019}' | '\u{2018}' | '`' => '\'',
        other => other,
    }
}

/// The words of `text`: maximal runs of letters and digits, folded. An
/// apostrophe inside a word ends it ("it's" gives "it"; the clitic is dropped).
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    let mut chars = text.chars().peekable();
    std::iter::from_fn(move || loop {
        let mut word = String::new();
        for c in chars.by_ref() {
            let c = fold(c);
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                break;
            }
        }
        if !word.is_empty() {
            return Some(word);
        }
        chars.peek()?;
    })
    .filter(|w| w.chars().count() > 1 || w.chars().all(|c| c.is_ascii_digit()))
}

/// A light English stem: plural, -ing and -ed endings and a final "e" removed,
/// so "reduce", "reducing" and "reduced" meet ("reduc").
pub fn stem(word: &str) -> String {
    let mut w = word.to_owned();
    if w.len() <= 3 || !w.is_ascii() {
        return w;
    }
    if w.ends_with("ies") && w.len() > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    for suffix in ["ing", "ed"] {
        if w.len() >= suffix.len() + 3 && w.ends_with(suffix) {
            let base = &w[..w.len() - suffix.len()];
            if base.bytes().any(|b| b"aeiouy".contains(&b)) {
                w.truncate(base.len());
                // "stopped" -> "stopp" -> "stop"
                let b = w.as_bytes();
                if b.len() >= 2
                    && b[b.len() - 1] == b[b.len() - 2]
                    && !b"lsz".contains(&b[b.len() - 1])
                {
                    w.pop();
                }
                break;
            }
        }
    }
    if w.len() > 3 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// Function words: they carry little of a statement's content.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.binary_search(&word).is_ok()
}

/// Sorted for binary search.
const STOPWORDS: &[&str] = &[
    "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are",
    "as", "at", "be", "because", "been", "before", "being", "between", "both", "but", "by", "can",
    "could", "did", "do", "does", "doing", "down", "during", "each", "even", "ever", "few", "for",
    "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "him", "his",
    "how", "if", "in", "into", "is", "it", "its", "just", "may", "me", "might", "more", "most",
    "much", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once", "one", "only",
    "or", "other", "our", "ours", "out", "over", "own", "same", "shall", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these",
    "they", "this", "those", "through", "to", "too", "toward", "towards", "under", "until", "up",
    "us", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
    "why", "will", "with", "would", "you", "your", "yours",
];

/// Levenshtein distance over bytes of two short ASCII-ish strings.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, &ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stopword("the") && is_stopword("towards") && !is_stopword("time"));
    }

    #[test]
    fn inflections_share_a_stem() {
        assert_eq!(stem("reducing"), stem("reduce"));
        assert_eq!(stem("misunderstandings"), stem("misunderstanding"));
        assert_eq!(stem("normalized"), stem("normalize"));
        assert_eq!(stem("relations"), "relation");
        assert_eq!(stem("stopped"), "stop");
        assert_eq!(stem("status"), "status");
        assert_eq!(stem("ring"), "ring");
    }

    #[test]
    fn words_fold_accents_and_drop_clitics() {
        let got: Vec<String> = words("It’s Le Drian’s «Élysée» 2019!").collect();
        assert_eq!(got, ["it", "le", "drian", "elysee", "2019"]);
    }

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("parly", "parley"), 1);
        assert_eq!(edit_distance("sergei", "sergey"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("lavrov", "lavrov"), 0);
    }
}
