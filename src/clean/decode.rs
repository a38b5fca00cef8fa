//! HTML bytes to text: charset decoding, and nesting limits that keep
//! html5ever linear.

use crate::error::{Error, Result};

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
        let end = memchr_gt(&bytes[start..]).map_or(bytes.len(), |p| start + p + 1);
        let name = &bytes[name_start..name_start + name_len];
        let self_closing = end >= 2 && bytes[end - 2] == b'/';
        if closing {
            if dropped > 0 {
                dropped -= 1;
                cuts.push(start..end);
            } else {
                depth = depth.saturating_sub(1);
            }
        } else if !self_closing
            && !VOID_TAGS
                .iter()
                .any(|v| v.as_bytes().eq_ignore_ascii_case(name))
        {
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

/// `html` without comments and the content of `script` (except JSON-LD),
/// `style` and `svg` elements: text a reader never sees, often most of a
/// page's bytes, removed by a byte scan before the (much costlier) HTML
/// parsers run. Borrowed unchanged when there is nothing to remove.
pub fn strip_invisible(html: &str) -> std::borrow::Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        let start = i + offset;
        let rest = &bytes[start + 1..];
        let end = if rest.starts_with(b"!--") {
            find_ci(bytes, start + 4, b"-->").map_or(bytes.len(), |e| e + 3)
        } else if let Some(tag) = [&b"script"[..], b"style", b"svg"]
            .into_iter()
            .find(|tag| starts_with_tag(rest, tag))
        {
            let open_end = memchr_gt(&bytes[start..]).map_or(bytes.len(), |p| start + p + 1);
            let open = &bytes[start..open_end];
            let json_ld =
                tag == b"script" && open.windows(7).any(|w| w.eq_ignore_ascii_case(b"ld+json"));
            if json_ld || open.ends_with(b"/>") {
                i = open_end;
                continue;
            }
            let mut close = b"</".to_vec();
            close.extend_from_slice(tag);
            match find_ci(bytes, open_end, &close) {
                Some(c) => memchr_gt(&bytes[c..]).map_or(bytes.len(), |p| c + p + 1),
                None => bytes.len(),
            }
        } else {
            i = start + 1;
            continue;
        };
        out.push_str(&html[copied..start]);
        copied = end;
        i = end;
    }
    if copied == 0 {
        return std::borrow::Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    std::borrow::Cow::Owned(out)
}

/// `rest` (what follows a `<`) opens the element `tag`.
fn starts_with_tag(rest: &[u8], tag: &[u8]) -> bool {
    rest.len() > tag.len()
        && rest[..tag.len()].eq_ignore_ascii_case(tag)
        && matches!(
            rest[tag.len()],
            b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
        )
}

/// The first position at or after `from` where `needle` (ASCII, starting
/// with a byte that is not a letter) occurs, ignoring ASCII case.
fn find_ci(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut i = from;
    while i < bytes.len() {
        let p = i + memchr::memchr(first, &bytes[i..])?;
        if bytes.len() - p >= needle.len()
            && bytes[p..p + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

fn memchr_gt(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'>', bytes)
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    memchr::memchr(b'<', bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_styles_svg_and_comments_are_stripped() {
        let html = "<p>a</p><SCRIPT type=x>if (a<b) { x('</p>') }</Script ><style>p{}</style>\
                    <svg viewBox='0 0 1 1'><title>icon</title></svg><!-- c --><p>b</p>";
        assert_eq!(strip_invisible(html), "<p>a</p><p>b</p>");
    }

    #[test]
    fn json_ld_and_look_alike_tags_are_kept() {
        let html = "<script type=\"application/ld+json\">{\"headline\": \"H\"}</script>\
                    <scripts>x</scripts><svg/><p>text</p>";
        assert!(matches!(
            strip_invisible(html),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn unclosed_invisible_content_runs_to_the_end() {
        assert_eq!(
            strip_invisible("<p>a</p><!-- never closed <p>b</p>"),
            "<p>a</p>"
        );
        assert_eq!(strip_invisible("<p>a</p><script>var s = '"), "<p>a</p>");
        assert_eq!(strip_invisible("<p>a</p><style"), "<p>a</p><style");
    }
}
