//! Quote-mark pairing: finds the spans between opening and closing marks in
//! every style (“ ” " " ‘ ’ ' ' « » „ “ ‹ › 「 」), paragraph by paragraph.
//!
//! An apostrophe between letters ("France’s") is never a mark. A quote still
//! open at the end of its paragraph continues only when the next paragraph
//! opens with a mark (multi-paragraph quotes); otherwise its opening mark is
//! dropped and the rest of the paragraph is paired again, so one stray mark
//! never swallows the article.

use crate::doc::Span;

/// Longest quote piece we accept inside one paragraph, in bytes.
const MAX_PIECE: usize = 6_000;
/// Most paragraphs one quote may run over.
const MAX_PARAGRAPHS: usize = 12;
/// Most marks paired per paragraph (later ones are ignored).
const MAX_MARKS: usize = 400;

/// Family of a mark: marks close only quotes of their family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    /// “ ” „ " 「 」
    Double,
    /// ‘ ’ ‚ ' ‹ › 『 』
    Single,
    /// « »
    Guillemet,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks: open or close depending on the state.
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    pos: usize,
    len: usize,
    family: Family,
    role: Role,
    /// „ and ‚: closed by “ / ‘ as well.
    low: bool,
    /// A straight mark (" or '), which looks the same open or closed.
    straight: bool,
    /// A straight mark spaced as an opener that may still close an open
    /// straight quote: every ", and a ' after punctuation and a space.
    may_close: bool,
}

/// A pair (or chain) of marks and the words between them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    /// The quoted words of each paragraph the quote spans, trimmed.
    pub pieces: Vec<Span>,
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just after the closing mark (or the end of the last piece when unclosed).
    pub close: usize,
    /// Index of the paragraph holding the opening mark.
    pub paragraph: usize,
    /// False when the closing mark was missing and the quote was recovered.
    pub closed: bool,
}

fn classify(text: &str, pos: usize, c: char) -> Option<Mark> {
    let prev = text[..pos].chars().next_back();
    // `ready to go, ’said X`: a closing mark set off by a stray space, as
    // machine translation leaves them; an apostrophe (’90s) follows a word.
    let after_punctuation_gap = prev == Some(' ')
        && text[..pos]
            .trim_end_matches(' ')
            .chars()
            .next_back()
            .is_some_and(|p| ",.!?;:".contains(p));
    let next = text[pos + c.len_utf8()..].chars().next();
    let letter = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
    let space = |x: Option<char>| x.is_none_or(|x| x.is_whitespace() || "([{—–-/".contains(x));
    let (family, role, low) = match c {
        '“' => (Family::Double, Role::Open, false),
        '”' => (Family::Double, Role::Close, false),
        '„' => (Family::Double, Role::Open, true),
        '‟' | '＂' => (Family::Double, Role::Either, false),
        '「' => (Family::Double, Role::Open, false),
        '」' => (Family::Double, Role::Close, false),
        '«' => (Family::Guillemet, Role::Open, false),
        '»' => (Family::Guillemet, Role::Close, false),
        '‹' | '『' => (Family::Single, Role::Open, false),
        '›' | '』' => (Family::Single, Role::Close, false),
        '‘' | '‛' => (Family::Single, Role::Open, false),
        '‚' => (Family::Single, Role::Open, true),
        '"' => {
            let role = if space(prev) && !next.is_some_and(char::is_whitespace) && next.is_some() {
                Role::Open
            } else if !space(prev) && (next.is_none_or(|n| !n.is_alphanumeric())) {
                Role::Close
            } else {
                Role::Either
            };
            (Family::Double, role, false)
        }
        '’' | '\'' => {
            if letter(prev) && letter(next) {
                return None; // apostrophe: France’s, don't
            }
            let role = if space(prev) && letter(next) {
                Role::Open
            } else if !space(prev) && !letter(next) {
                Role::Close
            } else {
                return None;
            };
            if c == '’' && role == Role::Open {
                if !after_punctuation_gap {
                    return None; // ’90s, ’em
                }
                return Some(Mark {
                    pos,
                    len: c.len_utf8(),
                    family: Family::Single,
                    role: Role::Close,
                    low: false,
                    straight: false,
                    may_close: false,
                });
            }
            (Family::Single, role, false)
        }
        _ => return None,
    };
    Some(Mark {
        pos,
        len: c.len_utf8(),
        family,
        role,
        low,
        straight: c == '"' || c == '\'',
        may_close: c == '"' || after_punctuation_gap,
    })
}

fn marks_in(text: &str, span: Span) -> Vec<Mark> {
    let mut marks = Vec::new();
    let para = &text[span.range()];
    // Every mark starts with one of these bytes: skip the rest quickly.
    let starts = |b: u8| matches!(b, b'"' | b'\'' | b'`' | 0xC2 | 0xE2 | 0xE3 | 0xEF);
    for (i, b) in para.bytes().enumerate() {
        if !starts(b) || !para.is_char_boundary(i) {
            continue;
        }
        if marks.len() >= MAX_MARKS {
            break;
        }
        let Some(c) = para[i..].chars().next() else {
            continue;
        };
        if !crate::segment::is_quote_char(c) && c != '‛' && c != '‚' {
            continue;
        }
        if let Some(mark) = classify(text, span.start() + i, c) {
            marks.push(mark);
        }
    }
    marks
}

/// Whether `mark` closes the quote `open` opened. Straight double marks
/// alternate: nested quotes take single marks, so the next straight mark
/// closes even where its spacing says "open" (`ready to go, "said X`).
fn closes(open: &Mark, mark: &Mark) -> bool {
    mark.family == open.family
        && match mark.role {
            Role::Close | Role::Either => true,
            Role::Open => (open.low && !mark.low) || (open.straight && mark.may_close),
        }
}

/// Trimmed span of `text[start..end]`, or `None` when it holds no letter
/// (quoted numbers and labels such as "2+2" are not quotations).
fn piece(text: &str, start: usize, end: usize) -> Option<Span> {
    let inner = text.get(start..end)?;
    let lead = inner.len() - inner.trim_start().len();
    let trimmed = inner.trim();
    trimmed
        .chars()
        .any(char::is_alphabetic)
        .then(|| Span::from_range(start + lead..start + lead + trimmed.len()))
}

/// True when the paragraph starts (after spaces, dashes or bullets) with an opening mark of `family`.
fn opens_paragraph(marks: &[Mark], text: &str, span: Span, family: Family) -> bool {
    let Some(first) = marks.first() else {
        return false;
    };
    let before = &text[span.start()..first.pos];
    first.family == family
        && first.role != Role::Close
        && before
            .chars()
            .all(|c| c.is_whitespace() || "-–—•*".contains(c))
}

/// Every marked quote of `text`, in body order. `paragraphs` are sorted, disjoint spans.
pub fn find(text: &str, paragraphs: &[Span]) -> Vec<Marked> {
    let marks: Vec<Vec<Mark>> = paragraphs.iter().map(|&p| marks_in(text, p)).collect();
    let mut out = Vec::new();
    // A quote carried over from previous paragraphs: (marked so far, opening mark).
    let mut carried: Option<(Marked, Mark)> = None;
    for (p, &para) in paragraphs.iter().enumerate() {
        let mut start = 0usize;
        if let Some((mut quote, opener)) = carried.take() {
            // This paragraph opens with a mark of the family: the quote continues.
            let first = marks[p][0];
            match pair_from(&marks[p], 1, &opener) {
                Some((close_idx, close)) => {
                    if let Some(s) = piece(text, first.pos + first.len, close.pos) {
                        quote.pieces.push(s);
                    }
                    quote.close = close.pos + close.len;
                    quote.closed = true;
                    out.push(quote);
                    start = close_idx + 1;
                }
                None => {
                    if let Some(s) = piece(text, first.pos + first.len, para.end()) {
                        quote.pieces.push(s);
                        quote.close = s.end();
                    }
                    if let Some(next) = continues(text, paragraphs, &marks, p, &opener, &quote) {
                        carried = Some((quote, next));
                        continue;
                    }
                    quote.closed = false;
                    out.push(quote);
                    continue;
                }
            }
        }
        pair_paragraph(text, paragraphs, &marks, p, start, &mut out, &mut carried);
    }
    if let Some((quote, _)) = carried {
        out.push(quote);
    }
    out.retain(|q| !q.pieces.is_empty());
    out.sort_by_key(|q| q.open);
    out
}

/// Whether the open quote `quote` continues into paragraph `p + 1`; returns the opener to carry.
fn continues(
    text: &str,
    paragraphs: &[Span],
    marks: &[Vec<Mark>],
    p: usize,
    opener: &Mark,
    quote: &Marked,
) -> Option<Mark> {
    let next = *paragraphs.get(p + 1)?;
    (quote.pieces.len() < MAX_PARAGRAPHS
        && opens_paragraph(&marks[p + 1], text, next, opener.family))
    .then_some(*opener)
}

/// Index and mark closing `opener`, searching `marks[from..]`.
fn pair_from(marks: &[Mark], from: usize, opener: &Mark) -> Option<(usize, Mark)> {
    marks
        .iter()
        .enumerate()
        .skip(from)
        .take_while(|(_, m)| m.pos - opener.pos <= MAX_PIECE)
        .find(|(_, m)| closes(opener, m))
        .map(|(i, m)| (i, *m))
}

fn pair_paragraph(
    text: &str,
    paragraphs: &[Span],
    marks: &[Vec<Mark>],
    p: usize,
    start: usize,
    out: &mut Vec<Marked>,
    carried: &mut Option<(Marked, Mark)>,
) {
    let para = paragraphs[p];
    let list = &marks[p];
    let mut i = start;
    while i < list.len() {
        let opener = list[i];
        if opener.role == Role::Close {
            i += 1; // stray closing mark
            continue;
        }
        match pair_from(list, i + 1, &opener) {
            Some((j, close)) => {
                let pieces: Vec<Span> = piece(text, opener.pos + opener.len, close.pos)
                    .into_iter()
                    .collect();
                out.push(Marked {
                    pieces,
                    open: opener.pos,
                    close: close.pos + close.len,
                    paragraph: p,
                    closed: true,
                });
                i = j + 1;
            }
            None => {
                let at_start = opens_paragraph(&list[i..], text, para, opener.family)
                    && text[para.start()..opener.pos].trim().is_empty();
                // "…, he said: “They are criminals.¶“There is no other option.”":
                // a quote introduced by a colon runs to the end of its paragraph.
                let after_colon = text[para.start()..opener.pos].trim_end().ends_with(':');
                let later_marks = list[i + 1..].iter().any(|m| m.family == opener.family);
                // "“…,” Holden said. “The company signed …¶“Our members …”":
                // the last mark of a paragraph left open, opening a sentence
                // after a quote closed in the same paragraph, with the next
                // paragraph opening with a mark, starts a quote that runs on
                // ("He said “never mind it.¶“Next,” she said." is a stray).
                let quoted_before = out.last().is_some_and(|q| q.paragraph == p && q.closed);
                let opens_sentence = text[para.start()..opener.pos]
                    .trim_end()
                    .ends_with(['.', '!', '?']);
                let next_opens = paragraphs
                    .get(p + 1)
                    .is_some_and(|&next| opens_paragraph(&marks[p + 1], text, next, opener.family));
                let runs_on = quoted_before && opens_sentence && next_opens;
                // Single marks double as apostrophes ("rock ’n’ roll"), so
                // a single-quoted one runs on only into a paragraph that
                // opens with a single mark (British multi-paragraph quotes).
                let single_runs_on = opener.family != Family::Single || next_opens;
                if (at_start || after_colon || runs_on) && !later_marks && single_runs_on {
                    let mut quote = Marked {
                        pieces: piece(text, opener.pos + opener.len, para.end())
                            .into_iter()
                            .collect(),
                        open: opener.pos,
                        close: para.end(),
                        paragraph: p,
                        closed: false,
                    };
                    if let Some(next) = continues(text, paragraphs, marks, p, &opener, &quote) {
                        *carried = Some((quote, next));
                        return;
                    }
                    if para.end() - opener.pos <= MAX_PIECE {
                        quote.close = quote.pieces.last().map_or(para.end(), |s| s.end());
                        out.push(quote);
                    }
                    return;
                }
                // Unbalanced: drop this opener and pair the rest again.
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::line_blocks;

    fn quotes(text: &str) -> Vec<String> {
        find(text, &line_blocks(text))
            .iter()
            .map(|q| {
                q.pieces
                    .iter()
                    .map(|&s| &text[s])
                    .collect::<Vec<_>>()
                    .join(" | ")
            })
            .collect()
    }

    #[test]
    fn pairs_every_mark_style() {
        let text = "“A b” and \"c d\" and ‘e f’ and «g h» and „i j“ end.";
        assert_eq!(quotes(text), ["A b", "c d", "e f", "g h", "i j"]);
    }

    #[test]
    fn a_quote_opened_mid_paragraph_runs_on_into_the_next() {
        let text = "“We will fight,” Holden said. “The company signed a contract.\n“Our members built these planes.”\nNo more.";
        assert_eq!(
            quotes(text),
            [
                "We will fight,",
                "The company signed a contract. | Our members built these planes."
            ]
        );
        // Without a mark opening the next paragraph the stray opener is dropped.
        let text = "“We will fight,” Holden said. “The company signed a contract.\nOur members built these planes.";
        assert_eq!(quotes(text), ["We will fight,"]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(
            quotes("‘France’s plan’ and the countries’ view"),
            ["France’s plan"]
        );
    }

    #[test]
    fn stray_space_before_closing_mark() {
        assert_eq!(quotes("“ready to go, ”said X."), ["ready to go,"]);
        assert_eq!(quotes("X said. “ I love it.”"), ["I love it."]);
    }

    #[test]
    fn straight_marks_alternate_whatever_their_spacing() {
        assert_eq!(
            quotes("\"We are ready to go, \"said X. \"Next,\" he added."),
            ["We are ready to go,", "Next,"]
        );
        assert_eq!(
            quotes("'We are ready to go, 'said X. He said, 'Next.'"),
            ["We are ready to go,", "Next."]
        );
        assert_eq!(
            quotes("‘We are ready to go, ’said X. ‘Back in the ’90s,’ he added."),
            ["We are ready to go,", "Back in the ’90s,"]
        );
    }

    #[test]
    fn unbalanced_mark_stays_in_its_paragraph() {
        let text = "He said “never mind it.\n“Next,” she said.";
        assert_eq!(quotes(text), ["Next,"]);
    }

    #[test]
    fn quote_after_a_colon_runs_over_its_paragraph() {
        let text = "He said: “They are criminals.\n“There is no other option.”\nThen: “Troops are there.\nSEE MORE: news\n";
        assert_eq!(
            quotes(text),
            [
                "They are criminals. | There is no other option.",
                "Troops are there."
            ]
        );
    }

    #[test]
    fn a_single_quoted_quote_runs_on_into_a_paragraph_opened_by_a_single_mark() {
        let text = "She added: ‘We’re seeing outbreaks in nurseries.\n\n‘It’s never too late to catch up.’\n\nHe said ‘no and left.\n\nThe rest.";
        assert_eq!(
            quotes(text),
            ["We’re seeing outbreaks in nurseries. | It’s never too late to catch up."]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_quote() {
        let text = "“First part.\n“Second part.\n“Last part.”\nAfter.";
        assert_eq!(quotes(text), ["First part. | Second part. | Last part."]);
    }

    #[test]
    fn second_opening_mark_inside_open_quote_is_kept_inside() {
        let text = "“One. “Two,” said X.";
        assert_eq!(quotes(text), ["One. “Two,"]);
    }
}
