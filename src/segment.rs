//! Tokens and sentences with byte offsets.
//!
//! Requires: the cleaned body. Assigns: [`Doc::tokens`](crate::doc::Doc::tokens)
//! and [`Doc::sentences`](crate::doc::Doc::sentences).
//!
//! Tokens are words (with internal apostrophes and hyphens: "France’s",
//! "Jean-Yves"), numbers ("1,000", "3.5"), dotted abbreviations and initials
//! ("U.S.", "Mr.", "J."), quote marks, and single punctuation characters.
//! Sentences end at `.`, `!`, `?` or `…` (with any closing quotes and brackets
//! after it) when the next token starts a sentence, and at every line break:
//! in cleaned bodies a line is a paragraph or a heading.

use crate::doc::{Sentence, Span, Token, TokenKind};

/// Abbreviations that never end a sentence: titles and month names that are
/// followed by the name or number they qualify, and "v" of a case name
/// ("Carpenter v. United States").
const NON_FINAL_ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Capt", "Cmdr", "Adm", "Maj", "Sgt",
    "Sen", "Rep", "Gov", "Pres", "Amb", "Rev", "Fr", "Sr", "Jr", "St", "Mt", "Ft", "Hon", "Supt",
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No",
    "Nos", "vs", "v", "etc", "approx", "Inc", "Corp", "Ltd", "Co", "Bros", "Dept", "Univ", "Assn",
    "Ave", "Blvd", "Rd", "Fig", "Vol", "pp", "cf", "e.g", "i.e", "a.m", "p.m",
];

/// Capitalised words that begin a new sentence even after an abbreviation
/// that could otherwise continue ("in the U.S. The talks ...").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "For",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "There",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Yet",
    "So",
    "If",
    "As",
];

/// Splits a body into tokens and sentences. Stateless; build once and share.
#[derive(Clone, Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    /// The segmenter.
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// Tokens and sentences of `text`.
    pub fn run(&self, text: &str) -> (Vec<Token>, Vec<Sentence>) {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        (tokens, sentences)
    }
}

/// True for every quote mark style we recognise.
pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '„'
            | '‟'
            | '‘'
            | '’'
            | '‚'
            | '‛'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '`'
            | '＂'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Tokens of `text`, sorted and disjoint.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() || c.is_control() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            let mut all_digits = c.is_ascii_digit();
            let mut has_letter = c.is_alphabetic();
            while let Some(&(pos, next)) = chars.peek() {
                if next.is_alphanumeric() {
                    all_digits &= next.is_ascii_digit();
                    has_letter |= next.is_alphabetic();
                    end = pos + next.len_utf8();
                    chars.next();
                    continue;
                }
                // A connector joins only when an alphanumeric follows it directly.
                let after = text[pos + next.len_utf8()..].chars().next();
                let joins = match after {
                    Some(a) if a.is_alphanumeric() => {
                        (is_apostrophe(next) && has_letter && a.is_alphabetic())
                            || (is_hyphen(next))
                            || (matches!(next, '.' | ',') && all_digits && a.is_ascii_digit())
                            || (next == '.' && is_dotted_acronym_part(&text[start..pos], a))
                            || (next == '&' && is_upper_word(&text[start..pos]) && a.is_uppercase())
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                chars.next();
                end = pos + next.len_utf8();
            }
            // A final period belongs to dotted acronyms, initials and known abbreviations.
            if bytes.get(end) == Some(&b'.') && takes_final_period(&text[start..end]) {
                chars.next();
                end += 1;
            }
            let word = &text[start..end];
            let kind = if word.starts_with(|ch: char| ch.is_ascii_digit())
                && word
                    .chars()
                    .all(|ch| ch.is_ascii_digit() || ch == ',' || ch == '.')
            {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            tokens.push(Token {
                span: Span::from_range(start..end),
                kind,
            });
            continue;
        }
        if is_quote_char(c) {
            tokens.push(Token {
                span: Span::from_range(start..start + c.len_utf8()),
                kind: TokenKind::Quote,
            });
            continue;
        }
        let mut end = start + c.len_utf8();
        if c == '.' {
            // "..." is one token.
            while bytes.get(end) == Some(&b'.') {
                chars.next();
                end += 1;
            }
        }
        tokens.push(Token {
            span: Span::from_range(start..end),
            kind: TokenKind::Punct,
        });
    }
    tokens
}

fn is_upper_word(word: &str) -> bool {
    word.chars().all(|c| c.is_uppercase())
}

/// "U" + ".S" or "U.S" + ".A": single letters separated by dots.
fn is_dotted_acronym_part(so_far: &str, next: char) -> bool {
    let last_part = so_far.rsplit('.').next().unwrap_or(so_far);
    last_part.chars().count() == 1 && next.is_alphabetic()
}

fn takes_final_period(word: &str) -> bool {
    let mut chars = word.chars();
    let single_upper = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_upper || word.contains('.') || NON_FINAL_ABBREVIATIONS.contains(&word)
}

fn is_terminal(text: &str, token: &Token) -> bool {
    let t = &text[token.span];
    token.kind == TokenKind::Punct
        && (matches!(t, "!" | "?" | "…" | "?!" | "!?") || t.starts_with('.'))
}

fn is_closing(text: &str, token: &Token) -> bool {
    let t = &text[token.span];
    matches!(
        t,
        ")" | "]" | "}" | "”" | "’" | "»" | "›" | "\"" | "'" | "」" | "』"
    )
}

fn starts_sentence(text: &str, token: &Token) -> bool {
    let first = text[token.span].chars().next().unwrap_or(' ');
    first.is_uppercase()
        || first.is_ascii_digit()
        || token.kind == TokenKind::Quote
        || matches!(first, '(' | '[' | '-' | '–' | '—' | '•')
}

/// Sentences over `tokens`, sorted and disjoint; every token is in exactly one sentence.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut first = 0usize;
    let mut i = 0usize;
    while i < tokens.len() {
        let mut end_here = false;
        let mut last = i;
        if is_terminal(text, &tokens[i]) {
            // Absorb closing quotes and brackets glued to the terminal.
            while last + 1 < tokens.len()
                && is_closing(text, &tokens[last + 1])
                && tokens[last + 1].span.start() == tokens[last].span.end()
            {
                last += 1;
            }
            end_here = match tokens.get(last + 1) {
                None => true,
                Some(next) => {
                    next.span.start() > tokens[last].span.end() && starts_sentence(text, next)
                }
            };
        } else if tokens[i].kind == TokenKind::Word && text[tokens[i].span].ends_with('.') {
            // "U.S." or an initial: ends the sentence only before a typical sentence opener.
            let word = &text[tokens[i].span];
            let stem = &word[..word.len() - 1];
            if !NON_FINAL_ABBREVIATIONS.contains(&stem) {
                end_here = match tokens.get(i + 1) {
                    None => true,
                    Some(next) => SENTENCE_STARTERS.contains(&&text[next.span]),
                };
            }
        }
        if !end_here {
            if let Some(next) = tokens.get(last + 1) {
                let gap = &text[tokens[last].span.end()..next.span.start()];
                end_here = gap.contains('\n');
            }
        }
        if end_here || last + 1 == tokens.len() {
            sentences.push(Sentence {
                span: Span::new(
                    tokens[first].span.start() as u32,
                    tokens[last].span.end() as u32,
                ),
                first_token: first as u32,
                end_token: (last + 1) as u32,
            });
            first = last + 1;
        }
        i = last + 1;
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| &text[t.span]).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let (_, sents) = Segmenter::new().run(text);
        sents.iter().map(|s| &text[s.span]).collect()
    }

    #[test]
    fn keeps_apostrophes_hyphens_and_abbreviations_in_words() {
        assert_eq!(
            words("Jean-Yves Le Drian's U.S. trip cost $1,000.50, Mr. Smith said."),
            vec![
                "Jean-Yves",
                "Le",
                "Drian's",
                "U.S.",
                "trip",
                "cost",
                "$",
                "1,000.50",
                ",",
                "Mr.",
                "Smith",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn curly_apostrophe_inside_word_is_not_a_quote() {
        assert_eq!(
            words("France’s ‘frank’"),
            vec!["France’s", "‘", "frank", "’"]
        );
    }

    #[test]
    fn quote_marks_are_their_own_tokens() {
        let tokens = tokenize("«Oui», “yes”");
        let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            vec![
                TokenKind::Quote,
                TokenKind::Word,
                TokenKind::Quote,
                TokenKind::Punct,
                TokenKind::Quote,
                TokenKind::Word,
                TokenKind::Quote
            ]
        );
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentences("Gen. Mark A. Milley met Mr. Lavrov. They talked."),
            vec!["Gen. Mark A. Milley met Mr. Lavrov.", "They talked."]
        );
    }

    #[test]
    fn closing_quote_after_period_stays_with_sentence() {
        assert_eq!(
            sentences("“We will talk.” He left. (It rained.) Then?"),
            vec!["“We will talk.”", "He left.", "(It rained.)", "Then?"]
        );
    }

    #[test]
    fn lowercase_after_period_continues_sentence() {
        assert_eq!(
            sentences("It cost 3.5 bn. euros in total."),
            vec!["It cost 3.5 bn. euros in total."]
        );
    }

    #[test]
    fn acronym_before_sentence_opener_ends_sentence() {
        assert_eq!(
            sentences("He flew to the U.S. The talks began."),
            vec!["He flew to the U.S.", "The talks began."]
        );
    }

    #[test]
    fn line_breaks_end_sentences() {
        assert_eq!(
            sentences("Headline here\nBody text."),
            vec!["Headline here", "Body text."]
        );
    }

    #[test]
    fn empty_and_whitespace_give_nothing() {
        assert!(sentences("").is_empty());
        assert!(sentences(" \n\t ").is_empty());
    }
}
