//! Is the article English? The entity tagger, the quote cues and the
//! sentiment lexicons are all English; on German, Portuguese or Japanese text
//! they produce confident nonsense (every German noun is capitalised, so it
//! reads as a person). The check is the share of the body's lower-case words
//! that an English word list knows: over 0.84 on every English page of the
//! boilerplate development set, under 0.31 on every other one.
//!
//! The word list (`data/gazetteers/common_words.txt`, SCOWL's American
//! English list, built by `scripts/build_common_words.py`) also tells the
//! entity rules which capitalised words are ordinary words.

use crate::doc::{Token, TokenKind};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Ordinary English words, lower case, one per line.
const COMMON_WORDS: &str = include_str!("../data/gazetteers/common_words.txt");

/// Share of known words at or above which a body reads as English.
pub const ENGLISH_SHARE: f32 = 0.5;

/// Fewest lower-case words that let the share decide; a shorter body is
/// taken as English (there is too little to tell, and English is what the
/// service is for).
pub const MIN_WORDS: usize = 20;

/// What the check found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub enum Language {
    /// English, or too short to tell: every stage runs.
    #[default]
    English,
    /// Not English: the English-only stages (entities, quotes, sentiment) are skipped.
    Other,
}

impl Language {
    /// The code reported in `Document.language`: "en", or "und" (BCP 47
    /// "undetermined") for a body that is not English.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Other => "und",
        }
    }
}

/// True when `word` (any case) is an ordinary English word.
pub fn is_common_word(word: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| COMMON_WORDS.lines().collect());
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        words.contains(word.to_ascii_lowercase().as_str())
    } else {
        words.contains(word)
    }
}

/// The language of `body`, read from its word `tokens`: the share of the
/// lower-case ones (no capital: a name or a sentence start says nothing) that
/// the English word list knows.
pub fn detect(body: &str, tokens: &[Token]) -> Language {
    let (mut words, mut known) = (0usize, 0usize);
    for token in tokens.iter().filter(|t| t.kind == TokenKind::Word) {
        let text = &body[token.span];
        if !text.chars().all(char::is_alphabetic) || text.chars().any(char::is_uppercase) {
            continue;
        }
        words += 1;
        known += usize::from(is_common_word(text));
    }
    if words < MIN_WORDS || known as f32 >= ENGLISH_SHARE * words as f32 {
        Language::English
    } else {
        Language::Other
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::Segmenter;

    fn language(text: &str) -> Language {
        let (tokens, _) = Segmenter::new().run(text);
        detect(text, &tokens)
    }

    #[test]
    fn english_german_and_short_texts() {
        let english = "The ministers met in Lisbon on Monday and said that the talks had been useful, although several questions about the security of the region were left open for a later meeting.";
        let german = "Die elektronische Patientenakte wird seit Jahren diskutiert, und alle Ärzte, Psychotherapeuten und Krankenhäuser sollen bis zum nächsten Jahr an die neue Infrastruktur angeschlossen werden, sagte der Minister, und die Kosten werden von den Kassen getragen.";
        assert_eq!(language(english), Language::English);
        assert_eq!(language(german), Language::Other);
        assert_eq!(language(german).code(), "und");
        // Too few words to tell.
        assert_eq!(language("Guten Tag, wie geht es?"), Language::English);
    }

    #[test]
    fn common_words_ignore_case() {
        assert!(is_common_word("control") && is_common_word("Control"));
        assert!(!is_common_word("Jinping") && !is_common_word(""));
    }
}
