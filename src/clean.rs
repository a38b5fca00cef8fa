//! Cleaning: from the request's content to the article body.
//!
//! Requires: the raw input. Assigns: a new [`Doc`] with `body`, `title`,
//! `author`, `published`, `paragraphs`, `removed`, `source_map`, `charset`.
//!
//! HTML is decoded (BOM, then `<meta charset>`, then detection, with a check
//! that the declared charset actually fits the bytes), parsed with html5ever
//! and reduced to its visible block text. Plain text is kept as it is.

use crate::doc::{Doc, InputFormat, SourceMap, Span};
use crate::error::{Error, Result};
use scraper::{Html, Node};

/// The content of an article as it arrives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    /// Plain text, possibly with page boilerplate.
    Text(String),
    /// Raw HTML bytes in any charset.
    Html(Vec<u8>),
}

impl Content {
    /// Size in bytes.
    pub fn len(&self) -> usize {
        match self {
            Content::Text(text) => text.len(),
            Content::Html(bytes) => bytes.len(),
        }
    }

    /// True when there are no bytes at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Turns content into a [`Doc`]. Build once and share.
#[derive(Clone, Debug, Default)]
pub struct Cleaner {}

impl Cleaner {
    /// The cleaner.
    pub fn new() -> Cleaner {
        Cleaner {}
    }

    /// The document for `content`; `skip_cleaning` keeps text as the body unchanged.
    pub fn run(&self, content: &Content, skip_cleaning: bool) -> Result<Doc> {
        match content {
            Content::Text(text) => {
                check_is_text(text)?;
                let mut doc = Doc::new(text.clone(), InputFormat::Text);
                doc.paragraphs = line_blocks(text);
                doc.source_map = Some(SourceMap::identity(text.len()));
                let _ = skip_cleaning; // Plain text passes through until boilerplate removal lands.
                Ok(doc)
            }
            Content::Html(bytes) => {
                let (html, charset) = decode_html(bytes)?;
                check_is_text(&html)?;
                let page = html_to_text(&html);
                let mut doc = Doc::new(page.body, InputFormat::Html);
                doc.paragraphs = page.blocks;
                doc.title = page.title;
                doc.charset = charset.to_owned();
                Ok(doc)
            }
        }
    }
}

/// Non-empty lines of `text`, as spans (whitespace trimmed).
pub fn line_blocks(text: &str) -> Vec<Span> {
    let mut blocks = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let content = line.trim();
        if !content.is_empty() {
            let start = offset + trimmed_start;
            blocks.push(Span::from_range(start..start + content.len()));
        }
        offset += line.len();
    }
    blocks
}

/// Rejects content that is empty or mostly control characters / undecodable bytes.
fn check_is_text(text: &str) -> Result<()> {
    if text.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    let sample: Vec<char> = text.chars().take(65_536).collect();
    let bad = sample
        .iter()
        .filter(|&&c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || c == '\u{FFFD}')
        .count();
    if bad * 10 > sample.len() {
        return Err(Error::NotText {
            reason: format!(
                "{bad} of the first {} characters are control characters or undecodable bytes",
                sample.len()
            ),
        });
    }
    Ok(())
}

/// Decode HTML bytes: BOM first, then a `<meta charset>` that fits the bytes,
/// then statistical detection. Returns the text and the charset's name.
pub fn decode_html(bytes: &[u8]) -> Result<(String, &'static str)> {
    if bytes.is_empty() {
        return Err(Error::EmptyInput);
    }
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok((text.into_owned(), encoding.name()));
    }
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let declared = declared_charset(bytes);
    let encoding = match declared {
        // A page that is valid UTF-8 with non-ASCII bytes is UTF-8 whatever it declares.
        Some(_) if valid_utf8 && !bytes.is_ascii() => encoding_rs::UTF_8,
        // Declared UTF-8 but not valid UTF-8: the declaration is wrong, detect instead.
        Some(enc) if enc == encoding_rs::UTF_8 && !valid_utf8 => detect(bytes),
        Some(enc) => enc,
        None if valid_utf8 => encoding_rs::UTF_8,
        None => detect(bytes),
    };
    let (text, _, _) = encoding.decode(bytes);
    Ok((text.into_owned(), encoding.name()))
}

fn detect(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// The charset named by `<meta charset=...>` or `<meta http-equiv content="...charset=...">`
/// in the first 4 KiB, as the HTML standard's prescan does.
fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && matches!(lower[i], b' ' | b'\t' | b'\n' | b'\r') {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && matches!(lower[i], b' ' | b'"' | b'\'') {
            i += 1;
        }
        let start = i;
        while i < lower.len() && !matches!(lower[i], b' ' | b'"' | b'\'' | b';' | b'>' | b'/') {
            i += 1;
        }
        if let Some(enc) = encoding_rs::Encoding::for_label(&lower[start..i]) {
            // The standard maps UTF-16 declarations in a byte-oriented prescan to UTF-8.
            let is_utf16 = enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE;
            return Some(if is_utf16 { encoding_rs::UTF_8 } else { enc });
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Visible text of an HTML page.
pub struct PageText {
    /// `<title>`, whitespace collapsed.
    pub title: String,
    /// Block text, blocks separated by a blank line.
    pub body: String,
    /// Spans of the blocks in `body`.
    pub blocks: Vec<Span>,
}

const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "figure",
    "figcaption",
    "form",
    "address",
    "br",
    "hr",
    "caption",
    "details",
    "summary",
    "fieldset",
    "legend",
];

const INVISIBLE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math",
    "iframe", "object", "embed", "canvas", "select", "option", "audio", "video", "source", "track",
    "map", "param", "input", "textarea", "button",
];

/// Deepest element nesting passed to the HTML parser. html5ever checks scope
/// by walking the stack of open elements, so parsing is O(bytes × depth); real
/// pages stay far below this, hostile ones are flattened.
pub const MAX_NESTING: usize = 256;

const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// `html` with start and end tags beyond [`MAX_NESTING`] removed, so parsing
/// stays linear. Borrowed unchanged when nothing is too deep.
pub fn limit_nesting(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut cuts: Vec<std::ops::Range<usize>> = Vec::new();
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset;
        let closing = bytes.get(start + 1) == Some(&b'/');
        let name_start = start + 1 + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            i = start + 1;
            continue;
        }
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |p| start + p + 1);
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        if closing {
            if dropped > 0 {
                dropped -= 1;
                cuts.push(start..end);
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if !self_closing && !VOID_TAGS.contains(&name.as_str()) {
            if depth >= MAX_NESTING {
                dropped += 1;
                cuts.push(start..end);
            } else {
                depth += 1;
            }
        }
        i = end;
    }
    if cuts.is_empty() {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for cut in cuts {
        out.push_str(&html[last..cut.start]);
        out.push(' ');
        last = cut.end;
    }
    out.push_str(&html[last..]);
    std::borrow::Cow::Owned(out)
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

/// The visible block text of a page: iterative walk (deep nesting cannot overflow the stack).
pub fn html_to_text(html: &str) -> PageText {
    let document = Html::parse_document(&limit_nesting(html));
    let title = document
        .select(&scraper::Selector::parse("title").expect("static selector is valid"))
        .next()
        .map(|t| collapse_whitespace(&t.text().collect::<String>()))
        .unwrap_or_default();
    let mut blocks_text: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut skip_depth: Option<usize> = None;
    let mut depth = 0usize;
    for edge in document.root_element().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                depth += 1;
                if skip_depth.is_some() {
                    continue;
                }
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if INVISIBLE_TAGS.contains(&name) || el.attr("hidden").is_some() {
                            skip_depth = Some(depth);
                        } else if BLOCK_TAGS.contains(&name) {
                            flush(&mut current, &mut blocks_text);
                        }
                    }
                    Node::Text(text) => current.push_str(text),
                    _ => {}
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                if skip_depth == Some(depth) {
                    skip_depth = None;
                } else if skip_depth.is_none() {
                    if let Node::Element(el) = node.value() {
                        if BLOCK_TAGS.contains(&el.name()) {
                            flush(&mut current, &mut blocks_text);
                        }
                    }
                }
                depth -= 1;
            }
        }
    }
    flush(&mut current, &mut blocks_text);
    let mut body = String::new();
    let mut blocks = Vec::with_capacity(blocks_text.len());
    for block in blocks_text {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(&block);
        blocks.push(Span::from_range(start..body.len()));
    }
    PageText {
        title,
        body,
        blocks,
    }
}

fn flush(current: &mut String, blocks: &mut Vec<String>) {
    let text = collapse_whitespace(current);
    if !text.is_empty() {
        blocks.push(text);
    }
    current.clear();
}

/// Runs of whitespace to one space, trimmed.
pub fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_passes_through_with_identity_map() {
        let doc = Cleaner::new()
            .run(&Content::Text("Title\n\nBody line.".into()), false)
            .unwrap();
        assert_eq!(doc.body, "Title\n\nBody line.");
        assert_eq!(doc.paragraphs, vec![Span::new(0, 5), Span::new(7, 17)]);
        assert_eq!(doc.source_span(Span::new(7, 11)), Some(Span::new(7, 11)));
    }

    #[test]
    fn empty_and_blank_text_are_rejected() {
        let cleaner = Cleaner::new();
        assert!(matches!(
            cleaner.run(&Content::Text(String::new()), false),
            Err(Error::EmptyInput)
        ));
        assert!(matches!(
            cleaner.run(&Content::Text(" \n ".into()), false),
            Err(Error::EmptyInput)
        ));
    }

    #[test]
    fn binary_garbage_is_not_text() {
        let bytes: Vec<u8> = (0..2000u32).map(|i| (i * 7 % 32) as u8).collect();
        let err = Cleaner::new()
            .run(&Content::Html(bytes), false)
            .unwrap_err();
        assert!(matches!(err, Error::NotText { .. }), "{err}");
    }

    #[test]
    fn html_blocks_and_title() {
        let html = b"<html><head><title> A  title </title><script>x()</script></head>\
            <body><p>First <b>para</b>.</p><div>Second</div><nav hidden>menu</nav></body></html>";
        let doc = Cleaner::new()
            .run(&Content::Html(html.to_vec()), false)
            .unwrap();
        assert_eq!(doc.title, "A title");
        assert_eq!(doc.body, "First para.\n\nSecond");
        assert_eq!(doc.charset, "UTF-8");
    }

    #[test]
    fn meta_charset_is_honoured() {
        let mut html = b"<meta charset=\"windows-1252\"><p>caf".to_vec();
        html.push(0xE9);
        html.extend_from_slice(b"</p>");
        let (text, charset) = decode_html(&html).unwrap();
        assert_eq!(charset, "windows-1252");
        assert!(text.contains("café"));
    }

    #[test]
    fn wrong_utf8_declaration_falls_back_to_detection() {
        let mut html = b"<meta charset=\"utf-8\"><p>Le ministre fran".to_vec();
        html.push(0xE7); // ç in windows-1252
        html.extend_from_slice(b"ais a d");
        html.push(0xE9);
        html.extend_from_slice(b"clar");
        html.push(0xE9);
        html.extend_from_slice(b" que la r");
        html.push(0xE9);
        html.extend_from_slice(b"union </p>");
        let (text, charset) = decode_html(&html).unwrap();
        assert_ne!(charset, "UTF-8");
        assert!(text.contains("français a déclaré"), "{text}");
    }

    #[test]
    fn utf8_page_declaring_latin1_is_read_as_utf8() {
        let html = "<meta charset=\"iso-8859-1\"><p>Fayçal</p>".as_bytes();
        let (text, charset) = decode_html(html).unwrap();
        assert_eq!(charset, "UTF-8");
        assert!(text.contains("Fayçal"));
    }

    #[test]
    fn deeply_nested_html_does_not_overflow() {
        let depth = 100_000;
        let html = format!(
            "{}deep text{}",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let page = html_to_text(&html);
        assert!(page.body.contains("deep text"));
    }

    #[test]
    fn nesting_limit_keeps_shallow_pages_untouched() {
        let html = "<div><p>a</p><br><img src=x></div>";
        assert!(matches!(limit_nesting(html), std::borrow::Cow::Borrowed(_)));
        let deep = format!(
            "{}x{}",
            "<b>".repeat(MAX_NESTING + 10),
            "</b>".repeat(MAX_NESTING + 10)
        );
        let limited = limit_nesting(&deep);
        assert_eq!(limited.matches("<b>").count(), MAX_NESTING);
        assert_eq!(limited.matches("</b>").count(), MAX_NESTING);
    }
}
