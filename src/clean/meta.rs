//! Metadata: headline, byline author and publication date, from plain-text
//! blocks (headline above the body, "By NAME | DATE" bylines, datelines) and
//! from HTML head tags and JSON-LD.

use super::classify::{Block, Verdict};
use regex::Regex;

/// Metadata found in a page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// Headline.
    pub title: String,
    /// Author(s).
    pub author: String,
    /// Publication date, `YYYY-MM-DD`.
    pub published: String,
}

/// Built once: the byline and date patterns.
#[derive(Clone, Debug)]
pub struct MetaFinder {
    byline: Regex,
    date_iso: Regex,
    date_mdy: Regex,
    date_dmy: Regex,
    date_slash: Regex,
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

impl MetaFinder {
    /// The finder with its patterns compiled.
    pub fn new() -> MetaFinder {
        let month = r"(?i:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?)";
        let build = |re: &str| Regex::new(re).expect("static regex is valid");
        MetaFinder {
            byline: build(
                r"^(?i:by|written by|posted by|words by|author:)\s+(\p{Lu}[\p{L}'’.\-]*(?:\s+(?:(?:and|&|de|van|von|der|al|la|le|da|del|bin|ibn)\s+)?\p{Lu}[\p{L}'’.\-]*){0,5})",
            ),
            date_iso: build(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?:\D|$)"),
            date_mdy: build(&format!(
                r"\b{month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b"
            )),
            date_dmy: build(&format!(
                r"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{month},?\s+((?:19|20)\d\d)\b"
            )),
            date_slash: build(r"\b((?:19|20)\d\d)/(\d\d)/(\d\d)\b"),
        }
    }

    /// The author named by a byline ("By NAME ..."), if `line` is one.
    pub fn byline_author(&self, line: &str) -> Option<String> {
        if line.split_whitespace().count() > 20 {
            return None;
        }
        let caps = self.byline.captures(line.trim())?;
        let name = caps.get(1)?.as_str().trim_end_matches(['.', ',']);
        Some(name.to_owned())
    }

    /// The first date in `text`, as `YYYY-MM-DD`.
    pub fn date(&self, text: &str) -> Option<String> {
        let month_of = |m: &str| {
            let m = m.to_ascii_lowercase();
            MONTHS.iter().position(|x| m.starts_with(x)).map(|i| i + 1)
        };
        let valid =
            |y: u32, m: usize, d: u32| (1..=12).contains(&m) && (1..=31).contains(&d) && y > 1900;
        let mut found: Vec<(usize, String)> = Vec::new();
        if let Some(c) = self.date_iso.captures(text) {
            let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
            if valid(y, m, d) {
                found.push((c.get(0)?.start(), format!("{y:04}-{m:02}-{d:02}")));
            }
        }
        if let Some(c) = self.date_slash.captures(text) {
            let (y, m, d) = (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?);
            if valid(y, m, d) {
                found.push((c.get(0)?.start(), format!("{y:04}-{m:02}-{d:02}")));
            }
        }
        if let Some(c) = self.date_mdy.captures(text) {
            if let (Some(m), Ok(d), Ok(y)) = (month_of(&c[1]), c[2].parse(), c[3].parse()) {
                if valid(y, m, d) {
                    found.push((c.get(0)?.start(), format!("{y:04}-{m:02}-{d:02}")));
                }
            }
        }
        if let Some(c) = self.date_dmy.captures(text) {
            if let (Ok(d), Some(m), Ok(y)) = (c[1].parse(), month_of(&c[2]), c[3].parse()) {
                if valid(y, m, d) {
                    found.push((c.get(0)?.start(), format!("{y:04}-{m:02}-{d:02}")));
                }
            }
        }
        found.into_iter().min_by_key(|(at, _)| *at).map(|(_, d)| d)
    }

    /// Headline, byline and date from the blocks around the start of the
    /// article; marks the blocks used as `title` or `byline`. A block that
    /// `is_chrome` calls page chrome ("Share this on WhatsApp") is never
    /// the headline.
    pub fn from_blocks(
        &self,
        blocks: &[Block<'_>],
        verdicts: &mut [Verdict],
        is_chrome: impl Fn(&str) -> bool,
    ) -> Meta {
        let mut meta = Meta::default();
        let first_kept = verdicts
            .iter()
            .position(|v| *v == Verdict::Keep)
            .unwrap_or(blocks.len());
        // Bylines and datelines: near the top of the article, before or just inside it.
        let window_start = first_kept.saturating_sub(12);
        let window_end = (first_kept + 3).min(blocks.len());
        for i in window_start..window_end {
            let text = blocks[i].text.trim();
            if text.split_whitespace().count() > 25 {
                continue;
            }
            if meta.author.is_empty() {
                if let Some(author) = self.byline_author(text) {
                    meta.author = author;
                    verdicts[i] = Verdict::Remove("byline");
                    if meta.published.is_empty() {
                        meta.published = self.date(text).unwrap_or_default();
                    }
                    continue;
                }
            }
            if meta.published.is_empty() && is_dateline(text) {
                if let Some(date) = self.date(text) {
                    meta.published = date;
                    if verdicts[i] == Verdict::Keep {
                        verdicts[i] = Verdict::Remove("dateline");
                    }
                }
            }
        }
        // Headline: a headline-shaped line above the body repeated further up
        // (a gallery or a share bar between the two copies), else the
        // nearest one.
        let shaped =
            |i: &usize| self.headline_shaped(&blocks[*i].text) && !is_chrome(&blocks[*i].text);
        let further_up: Vec<usize> = (first_kept.saturating_sub(40)..first_kept)
            .filter(shaped)
            .collect();
        let near = first_kept.saturating_sub(15);
        let candidates = &further_up[further_up.partition_point(|&i| i < near)..];
        let repeated_in = |within: &[usize], i: usize| {
            within
                .iter()
                .any(|&j| j != i && blocks[j].text.trim() == blocks[i].text.trim())
        };
        // Far copies of a short line are mostly the site's name.
        let repeated = candidates
            .iter()
            .copied()
            .find(|&i| repeated_in(candidates, i))
            .or_else(|| {
                candidates.iter().copied().find(|&i| {
                    blocks[i].text.split_whitespace().count() >= 6 && repeated_in(&further_up, i)
                })
            });
        let chosen = repeated
            .or_else(|| candidates.last().copied())
            .or_else(|| (0..blocks.len().min(5)).find(|&i| self.headline_shaped(&blocks[i].text)));
        if let Some(i) = chosen {
            meta.title = blocks[i].text.trim().to_owned();
            for (j, block) in blocks.iter().enumerate() {
                if block.text.trim() == meta.title {
                    verdicts[j] = Verdict::Remove("title");
                }
            }
        }
        meta
    }

    fn headline_shaped(&self, text: &str) -> bool {
        let text = text.trim();
        let words = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if !(3..=30).contains(&words) || is_section_trail(text) {
            return false;
        }
        // Also past closing quote marks: “I had my bag packed.” is a quote.
        let unquoted = text.trim_end_matches(['”', '"', '’', '\'', '»']);
        if unquoted.ends_with(['.', ')', ',', ';', '…']) || unquoted.ends_with("...") {
            return false;
        }
        // A whole line in quote marks that asks or exclaims is speech too.
        let quoted = text.starts_with(['“', '"', '‘', '\'', '«']) && unquoted.len() < text.len();
        if quoted && unquoted.ends_with(['?', '!']) {
            return false;
        }
        // A short line with a figure is a dateline only if it holds a date:
        // "Shropshire hospitals postpone 1,400 appointments" is a headline.
        if self.byline_author(text).is_some() || is_dateline(text) && self.date(text).is_some() {
            return false;
        }
        let alpha = text.chars().filter(|c| c.is_alphabetic()).count();
        let digits = text.chars().filter(|c| c.is_numeric()).count();
        alpha > 3 * digits
    }
}

impl Default for MetaFinder {
    fn default() -> MetaFinder {
        MetaFinder::new()
    }
}

/// "Sport | Football", "Home › World › Europe": section labels joined by
/// separators, each piece a word or two. A headline has a longer piece
/// ("Talks resume in Moscow | Example News").
fn is_section_trail(text: &str) -> bool {
    let pieces: Vec<&str> = text
        .split(['|', '›', '»', '>', '/', '•', '·'])
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect();
    pieces.len() >= 2
        && pieces
            .iter()
            .all(|piece| piece.split_whitespace().count() <= 2)
}

/// A short line that is mostly a date or time.
pub(super) fn is_dateline(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let digits = text.chars().filter(|c| c.is_ascii_digit()).count();
    words <= 8 && digits >= 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_with_pipe_separated_date() {
        let finder = MetaFinder::new();
        let line = "By Fayçal Benhassain | September 11, 2019 | 7:18pm EDT";
        assert_eq!(
            finder.byline_author(line).as_deref(),
            Some("Fayçal Benhassain")
        );
        assert_eq!(finder.date(line).as_deref(), Some("2019-09-11"));
    }

    #[test]
    fn dates_in_common_shapes() {
        let finder = MetaFinder::new();
        assert_eq!(
            finder.date("9 Sep, 2019 09:12").as_deref(),
            Some("2019-09-09")
        );
        assert_eq!(
            finder.date("Nov 18, 2019 at 9:24 pm ET").as_deref(),
            Some("2019-11-18")
        );
        assert_eq!(
            finder.date("2019-09-15T00:17:08.375Z").as_deref(),
            Some("2019-09-15")
        );
        assert_eq!(finder.date("no date here"), None);
    }

    #[test]
    fn section_trails_are_not_headlines() {
        let finder = MetaFinder::new();
        assert!(!finder.headline_shaped("Sport | Football"));
        assert!(!finder.headline_shaped("Home › World › Europe"));
        assert!(finder.headline_shaped("Striker's late double sends Rovers into cup final"));
        assert!(finder.headline_shaped("Talks resume in Moscow | Example News"));
    }

    #[test]
    fn lowercase_by_is_not_a_byline_name() {
        let finder = MetaFinder::new();
        assert_eq!(finder.byline_author("by the way, this is text"), None);
        assert_eq!(
            finder.byline_author("by Bryan DeArdo").as_deref(),
            Some("Bryan DeArdo")
        );
    }
}
