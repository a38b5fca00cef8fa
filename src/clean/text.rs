//! Plain-text input: every non-empty line is a block; the body is made of
//! kept lines of the request text, joined by blank lines, with a
//! [`SourceMap`] back to the request.
//!
//! Text dumped by `lynx -dump`, `w3m` or `html2text` is hard-wrapped at a
//! fixed width: there a paragraph's lines are joined into one block first,
//! by a space (none after a hyphen: "Jean-¶Marc"), and each line keeps its
//! own run in the source map.

use super::classify::{Block, BlockKind, Verdict};
use crate::doc::{Doc, InputFormat, RemovedBlock, SourceMap, Span};
use std::borrow::Cow;

/// Fewest non-empty lines worth testing for hard wrapping.
const MIN_WRAPPED_LINES: usize = 6;
/// Wrapping widths we recognise, in characters.
const WRAP_WIDTHS: std::ops::RangeInclusive<usize> = 30..=200;

/// Non-empty lines of `text` as blocks, whitespace trimmed; the lines of one
/// paragraph joined when `text` is hard-wrapped.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    let lines = super::line_blocks(text);
    let lengths: Vec<usize> = lines.iter().map(|&l| text[l].chars().count()).collect();
    let spans = match wrap_width(text, &lines, &lengths) {
        Some(width) => unwrap(text, &lines, &lengths, width),
        None => lines,
    };
    spans
        .into_iter()
        .map(|span| Block {
            text: joined(text, span),
            source: Some(span),
            kind: BlockKind::Line,
            link_chars: 0,
            hint: 0.0,
        })
        .collect()
}

/// The trimmed lines of a block and what goes before each in its text.
fn pieces(text: &str, span: Span) -> impl Iterator<Item = (&'static str, Span)> + '_ {
    let mut previous: Option<Span> = None;
    super::line_blocks(&text[span])
        .into_iter()
        .map(move |line| {
            let line = Span::from_range(span.start() + line.start()..span.start() + line.end());
            let separator = match previous {
                None => "",
                Some(prev) if breaks_compound(&text[prev], &text[line]) => "",
                Some(_) => " ",
            };
            previous = Some(line);
            (separator, line)
        })
}

/// "Jean-" then "Marc…": the wrapper broke a hyphenated word at its hyphen.
fn breaks_compound(line: &str, next: &str) -> bool {
    let mut end = line.chars().rev();
    end.next() == Some('-')
        && end.next().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_alphabetic)
}

/// A block's text: its line as it is, or a joined paragraph's lines.
fn joined(text: &str, span: Span) -> Cow<'_, str> {
    let whole = &text[span];
    if !whole.contains('\n') {
        return Cow::Borrowed(whole);
    }
    let mut out = String::with_capacity(whole.len());
    for (separator, line) in pieces(text, span) {
        out.push_str(separator);
        out.push_str(&text[line]);
    }
    Cow::Owned(out)
}

/// True when only one line break separates lines `a` and `b` (no blank line).
fn adjacent(text: &str, a: Span, b: Span) -> bool {
    text[a.end()..b.start()].matches('\n').count() == 1
}

/// The width `text` was hard-wrapped at, if it was: nearly every line fits
/// in it, and lines that end close to it run on into the next line, often
/// mid-sentence (the next line opens in lower case). Text with a paragraph
/// per line has lines far longer than any wrapping width, and its long
/// lines are followed by a blank line or a line of their own.
/// `lengths` are the lines' lengths in characters.
fn wrap_width(text: &str, lines: &[Span], lengths: &[usize]) -> Option<usize> {
    if lines.len() < MIN_WRAPPED_LINES {
        return None;
    }
    // A word longer than the width (a URL) gets a line of its own, and a
    // title may overrun it: skip lines of one word, allow one line in fifty.
    let mut sorted: Vec<usize> = lines
        .iter()
        .zip(lengths)
        .filter(|(&l, _)| text[l].contains(char::is_whitespace))
        .map(|(_, &n)| n)
        .collect();
    if sorted.len() < MIN_WRAPPED_LINES {
        return None;
    }
    sorted.sort_unstable_by(|a, b| b.cmp(a));
    let width = sorted[sorted.len() / 50];
    if !WRAP_WIDTHS.contains(&width) {
        return None;
    }
    let near = width - (width / 5).max(12).min(width / 2);
    let long = lengths.iter().filter(|&&n| n > width / 2).count();
    let (mut run_on, mut mid_sentence) = (0usize, 0usize);
    for (pair, n) in lines.windows(2).zip(lengths) {
        if (near..=width).contains(n) && adjacent(text, pair[0], pair[1]) {
            run_on += 1;
            if text[pair[1]].starts_with(|c: char| c.is_lowercase()) {
                mid_sentence += 1;
            }
        }
    }
    (run_on >= 4 && (run_on * 3 >= long || mid_sentence >= 3)).then_some(width)
}

/// Lines joined where the wrapper broke them: a line followed directly by
/// another whose first word would not have fitted after it.
fn unwrap(text: &str, lines: &[Span], lengths: &[usize], width: usize) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::with_capacity(lines.len());
    let mut last_len = usize::MAX;
    for (&line, &len) in lines.iter().zip(lengths) {
        let first_word = text[line]
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        let joined = match out.last_mut() {
            Some(prev) if adjacent(text, *prev, line) && last_len + 1 + first_word > width => {
                *prev = Span::from_range(prev.start()..line.end());
                true
            }
            _ => false,
        };
        if !joined {
            out.push(line);
        }
        last_len = len;
    }
    out
}

/// The document made of the kept blocks of `text`.
pub fn assemble(text: &str, blocks: &[Block<'_>], verdicts: &[Verdict]) -> Doc {
    let mut body = String::new();
    let mut map = SourceMap::default();
    let mut paragraphs = Vec::new();
    let mut removed = Vec::new();
    for (block, verdict) in blocks.iter().zip(verdicts) {
        let source = block.source.expect("text blocks carry their source span");
        match verdict {
            Verdict::Keep => {
                if !body.is_empty() {
                    body.push_str("\n\n");
                }
                let start = body.len();
                if let Cow::Borrowed(line) = block.text {
                    map.push(start, source.start(), source.len());
                    body.push_str(line);
                } else {
                    for (separator, line) in pieces(text, source) {
                        body.push_str(separator);
                        map.push(body.len(), line.start(), line.len());
                        body.push_str(&text[line]);
                    }
                }
                paragraphs.push(Span::from_range(start..body.len()));
            }
            Verdict::Remove(reason) => removed.push(RemovedBlock {
                source_span: Some(source),
                reason,
                text: block.text.to_string(),
            }),
        }
    }
    let mut doc = Doc::new(body, InputFormat::Text);
    doc.paragraphs = paragraphs;
    doc.removed = removed;
    doc.source_map = Some(map);
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn block_texts(text: &str) -> Vec<String> {
        blocks(text).iter().map(|b| b.text.to_string()).collect()
    }

    const WRAPPED: &str = "Home | World | Sport\n\
Talks in Moscow\n\
\n\
The ministers of the two countries met in Moscow on Monday for talks\n\
that both sides described as frank, the first such meeting since 2014,\n\
said the French foreign minister in a statement to the press, Jean-\n\
Marc Le Bihan.\n\
\n\
\u{201c}We do not always have the same vision on this,\u{201d} said Claire Dumont,\n\
but she added that it was important for the two sides to talk to each\n\
other and to avoid misunderstandings and friction in the years ahead.\n\
\n\
Share this article\n\
Sign up for our newsletter\n";

    #[test]
    fn hard_wrapped_paragraphs_become_one_block_each() {
        assert_eq!(
            block_texts(WRAPPED),
            [
                "Home | World | Sport",
                "Talks in Moscow",
                "The ministers of the two countries met in Moscow on Monday for talks \
                 that both sides described as frank, the first such meeting since 2014, \
                 said the French foreign minister in a statement to the press, Jean-Marc Le Bihan.",
                "\u{201c}We do not always have the same vision on this,\u{201d} said Claire Dumont, \
                 but she added that it was important for the two sides to talk to each \
                 other and to avoid misunderstandings and friction in the years ahead.",
                "Share this article",
                "Sign up for our newsletter",
            ]
        );
    }

    #[test]
    fn joined_lines_map_back_to_the_request_line_by_line() {
        let blocks = blocks(WRAPPED);
        let doc = assemble(WRAPPED, &blocks, &vec![Verdict::Keep; blocks.len()]);
        let start = doc.body.find("Jean-Marc").unwrap();
        let name = Span::from_range(start..start + "Jean-Marc".len());
        let source = doc.source_span(name).unwrap();
        assert_eq!(&WRAPPED[source.range()], "Jean-\nMarc");
    }

    #[test]
    fn a_paragraph_per_line_is_left_alone() {
        let text = "Title of the story\n\
            A first paragraph that runs on for a while and ends here.\n\
            A second one, a little longer than the first, which ends with a full stop.\n\
            Short line\n\
            Another paragraph of some length that says what happened next in the story.\n\
            And the last paragraph of the article, which closes it.\n";
        assert_eq!(block_texts(text).len(), 6);
    }
}
