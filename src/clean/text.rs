//! Plain-text input: every non-empty line is a block; the body is made of
//! kept lines of the request text, joined by blank lines, with a
//! [`SourceMap`] back to the request.

use super::classify::{Block, BlockKind, Verdict};
use crate::doc::{Doc, InputFormat, RemovedBlock, SourceMap, Span};
use std::borrow::Cow;

/// Non-empty lines of `text` as blocks, whitespace trimmed.
pub fn blocks(text: &str) -> Vec<Block<'_>> {
    super::line_blocks(text)
        .into_iter()
        .map(|span| Block {
            text: Cow::Borrowed(&text[span]),
            source: Some(span),
            kind: BlockKind::Line,
            link_chars: 0,
            hint: 0.0,
        })
        .collect()
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
                body.push_str(&text[source]);
                map.push(start, source.start(), source.len());
                paragraphs.push(Span::from_range(start..body.len()));
            }
            Verdict::Remove(reason) => removed.push(RemovedBlock {
                source_span: Some(source),
                reason,
                text: text[source].to_owned(),
            }),
        }
    }
    let mut doc = Doc::new(body, InputFormat::Text);
    doc.paragraphs = paragraphs;
    doc.removed = removed;
    doc.source_map = Some(map);
    doc
}
