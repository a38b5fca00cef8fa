//! HTML input: the parsed page reduced to blocks with DOM facts (link
//! characters, class/id/tag hints, element kind), plus the metadata in the
//! head (`<title>`, Open Graph and article meta tags, JSON-LD).

use super::classify::{Block, BlockKind};
use super::meta::{Meta, MetaFinder};
use scraper::{ElementRef, Html, Node};
use std::borrow::Cow;

/// Elements whose content a reader never sees.
const INVISIBLE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math",
    "iframe", "object", "embed", "canvas", "select", "option", "datalist", "audio", "video",
    "source", "track", "map", "param", "input", "textarea", "button",
];

/// Elements that start and end a block.
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
    "tbody",
    "thead",
    "tfoot",
    "center",
    "menu",
    "dialog",
    "hgroup",
    "body",
    "html",
];

/// Class/id words of boilerplate containers.
const NEGATIVE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "author",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "credit",
    "credits",
    "disclaimer",
    "footer",
    "footnote",
    "header",
    "login",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pagination",
    "popular",
    "popup",
    "promo",
    "rail",
    "recirc",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "toolbar",
    "topbar",
    "trending",
    "widget",
];

/// Class/id words of article containers.
const POSITIVE_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog",
];

/// A page's blocks and head metadata.
pub struct Page {
    /// Visible blocks in document order.
    pub blocks: Vec<Block<'static>>,
    /// Metadata from the head and JSON-LD.
    pub meta: Meta,
}

#[derive(Clone, Copy)]
struct Frame {
    hint: f32,
    link: bool,
    skip: bool,
    block: Option<BlockKind>,
}

fn class_hint(el: &scraper::node::Element) -> f32 {
    let mut negative = false;
    let mut positive = false;
    for attr in [el.attr("class"), el.attr("id"), el.attr("role")]
        .into_iter()
        .flatten()
    {
        for word in attr
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            let word = word.to_ascii_lowercase();
            if NEGATIVE_WORDS.binary_search(&word.as_str()).is_ok() {
                negative = true;
            } else if POSITIVE_WORDS.contains(&word.as_str()) {
                positive = true;
            }
        }
    }
    let tag = match el.name() {
        "nav" | "aside" | "footer" | "form" => -1.0,
        "header" => -0.5,
        "article" | "main" => 0.5,
        _ => 0.0,
    };
    let attr = if negative {
        -1.0
    } else if positive {
        0.5
    } else {
        0.0
    };
    tag + attr
}

fn block_kind(name: &str) -> BlockKind {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dt" | "dd" => BlockKind::ListItem,
        "td" | "th" | "tr" => BlockKind::Cell,
        "figcaption" | "caption" => BlockKind::Caption,
        "blockquote" => BlockKind::Quote,
        "pre" => BlockKind::Pre,
        _ => BlockKind::Para,
    }
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    el.attr("style").is_some_and(|style| {
        let style = style.to_ascii_lowercase().replace(' ', "");
        style.contains("display:none") || style.contains("visibility:hidden")
    })
}

struct Current {
    text: String,
    link_chars: u32,
    hint: f32,
    kind: BlockKind,
}

impl Current {
    fn flush(&mut self, blocks: &mut Vec<Block<'static>>) {
        let text = super::collapse_whitespace(&self.text);
        if !text.is_empty() {
            let chars = text.chars().count() as u32;
            blocks.push(Block {
                text: Cow::Owned(text),
                source: None,
                kind: self.kind,
                link_chars: self.link_chars.min(chars),
                hint: self.hint,
            });
        }
        self.text.clear();
        self.link_chars = 0;
        self.hint = 0.0;
        self.kind = BlockKind::Para;
    }
}

/// The blocks and metadata of a parsed page. Iterative: deep trees cannot overflow the stack.
pub fn page(document: &Html, finder: &MetaFinder) -> Page {
    let mut blocks = Vec::new();
    let mut meta = HeadMeta::default();
    let mut stack: Vec<Frame> = vec![Frame {
        hint: 0.0,
        link: false,
        skip: false,
        block: None,
    }];
    let mut cur = Current {
        text: String::new(),
        link_chars: 0,
        hint: 0.0,
        kind: BlockKind::Para,
    };
    for edge in document.root_element().traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => {
                let parent = *stack.last().expect("the stack holds the root frame");
                match node.value() {
                    Node::Element(el) => {
                        let name = el.name();
                        if matches!(name, "title" | "meta" | "script") {
                            if let Some(el_ref) = ElementRef::wrap(node) {
                                meta.collect(name, el_ref);
                            }
                        }
                        if parent.skip {
                            stack.push(parent);
                            continue;
                        }
                        if INVISIBLE_TAGS.contains(&name) || is_hidden(el) {
                            stack.push(Frame {
                                skip: true,
                                ..parent
                            });
                            continue;
                        }
                        let is_block = BLOCK_TAGS.contains(&name);
                        if is_block {
                            cur.flush(&mut blocks);
                        }
                        let own_hint = if matches!(name, "body" | "html") {
                            0.0
                        } else {
                            class_hint(el)
                        };
                        stack.push(Frame {
                            hint: (parent.hint + own_hint).clamp(-2.0, 1.0),
                            link: parent.link || name == "a",
                            skip: false,
                            block: if is_block {
                                Some(block_kind(name))
                            } else {
                                parent.block
                            },
                        });
                    }
                    Node::Text(text) => {
                        stack.push(parent);
                        if parent.skip {
                            continue;
                        }
                        if cur.text.trim().is_empty() {
                            cur.hint = parent.hint;
                            cur.kind = parent.block.unwrap_or(BlockKind::Para);
                        } else {
                            cur.hint = cur.hint.min(parent.hint);
                        }
                        if parent.link {
                            cur.link_chars += text.trim().chars().count() as u32;
                        }
                        cur.text.push_str(text);
                    }
                    _ => stack.push(parent),
                }
            }
            ego_tree::iter::Edge::Close(node) => {
                let frame = stack.pop().expect("every close has an open");
                if let Node::Element(el) = node.value() {
                    if !frame.skip && BLOCK_TAGS.contains(&el.name()) {
                        cur.flush(&mut blocks);
                    } else if !frame.skip && matches!(el.name(), "td" | "th") {
                        cur.text.push(' ');
                    }
                }
            }
        }
    }
    cur.flush(&mut blocks);
    Page {
        blocks,
        meta: meta.finish(finder),
    }
}

/// Metadata candidates gathered from the head.
#[derive(Default)]
struct HeadMeta {
    title: String,
    og_title: String,
    ld_headline: String,
    author: String,
    ld_author: String,
    published: String,
    ld_published: String,
}

impl HeadMeta {
    fn collect(&mut self, name: &str, el: ElementRef<'_>) {
        match name {
            "title" if self.title.is_empty() => {
                self.title = super::collapse_whitespace(&el.text().collect::<String>());
            }
            "meta" => {
                let value = el.value();
                let key = value
                    .attr("property")
                    .or_else(|| value.attr("name"))
                    .or_else(|| value.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let content = value.attr("content").unwrap_or("").trim();
                if content.is_empty() {
                    return;
                }
                match key.as_str() {
                    "og:title" | "twitter:title" if self.og_title.is_empty() => {
                        self.og_title = super::collapse_whitespace(content);
                    }
                    "author" | "article:author" | "byl" | "dc.creator" | "sailthru.author"
                        if self.author.is_empty() && !content.starts_with("http") =>
                    {
                        self.author = content.trim_start_matches("By ").to_owned();
                    }
                    "article:published_time"
                    | "datepublished"
                    | "date"
                    | "pubdate"
                    | "publishdate"
                    | "dc.date"
                    | "dc.date.issued"
                    | "sailthru.date"
                    | "parsely-pub-date"
                        if self.published.is_empty() =>
                    {
                        content.clone_into(&mut self.published);
                    }
                    _ => {}
                }
            }
            "script" if el.value().attr("type") == Some("application/ld+json") => {
                let json: String = el.text().collect();
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) {
                    self.json_ld(&value, 0);
                }
            }
            _ => {}
        }
    }

    fn json_ld(&mut self, value: &serde_json::Value, depth: usize) {
        if depth > 4 {
            return;
        }
        match value {
            serde_json::Value::Array(items) => {
                for item in items {
                    self.json_ld(item, depth + 1);
                }
            }
            serde_json::Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    self.json_ld(graph, depth + 1);
                }
                if let Some(h) = map.get("headline").and_then(|h| h.as_str()) {
                    if self.ld_headline.is_empty() {
                        self.ld_headline = super::collapse_whitespace(h);
                    }
                }
                if let Some(d) = map.get("datePublished").and_then(|d| d.as_str()) {
                    if self.ld_published.is_empty() {
                        d.clone_into(&mut self.ld_published);
                    }
                }
                if self.ld_author.is_empty() && map.contains_key("headline") {
                    self.ld_author = ld_author(map.get("author")).unwrap_or_default();
                }
            }
            _ => {}
        }
    }

    fn finish(self, finder: &MetaFinder) -> Meta {
        let title = [self.ld_headline, self.og_title, self.title]
            .into_iter()
            .find(|t| !t.is_empty())
            .unwrap_or_default();
        let author = if self.ld_author.is_empty() {
            self.author
        } else {
            self.ld_author
        };
        let published = [self.ld_published, self.published]
            .iter()
            .find_map(|d| finder.date(d))
            .unwrap_or_default();
        Meta {
            title,
            author,
            published,
        }
    }
}

/// The article found by the readability algorithm (`dom_smoothie`, a port of
/// Mozilla's readability.js): its HTML and the page metadata.
pub struct Readable {
    /// The article's HTML.
    pub content: String,
    /// Headline, author and date.
    pub meta: Meta,
}

/// Runs readability on a page; `None` when it finds no article or fails.
pub fn readable(html: &str, finder: &MetaFinder) -> Option<Readable> {
    let run = || {
        let config = dom_smoothie::Config {
            candidate_select_mode: dom_smoothie::CandidateSelectMode::Readability,
            ..dom_smoothie::Config::default()
        };
        let mut readability = dom_smoothie::Readability::new(html, None, Some(config)).ok()?;
        readability.parse().ok()
    };
    // A third-party parser: a bug in it must not take the request down.
    let article = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).ok()??;
    let author = article
        .byline
        .as_deref()
        .map(|b| {
            b.trim()
                .trim_start_matches("By ")
                .trim_start_matches("by ")
                .trim()
                .to_owned()
        })
        .filter(|b| b.split_whitespace().count() <= 8)
        .unwrap_or_default();
    let published = article
        .published_time
        .as_deref()
        .and_then(|d| finder.date(d))
        .unwrap_or_default();
    Some(Readable {
        content: article.content.to_string(),
        meta: Meta {
            title: super::collapse_whitespace(&article.title),
            author,
            published,
        },
    })
}

fn ld_author(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(name) => Some(name.clone()),
        serde_json::Value::Object(map) => map.get("name")?.as_str().map(str::to_owned),
        serde_json::Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(|i| ld_author(Some(i))).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_words_are_sorted_for_binary_search() {
        assert!(NEGATIVE_WORDS.windows(2).all(|w| w[0] < w[1]));
    }
}
