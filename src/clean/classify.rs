//! The block classifier shared by plain-text and HTML input.
//!
//! Every block (a line of a text dump, a block element of a page) gets
//! jusText-style local features: word count, stopword density, sentence
//! punctuation, digit share, phrase shapes of known boilerplate (share
//! prompts, related links, footers, comment forms, captions) and, for HTML,
//! link density and class/id hints. A first pass labels blocks good,
//! near-good, short or bad; the article is the densest run of blocks (a
//! maximum-sum segment over per-block values, as in body-text extraction);
//! inside it, short blocks are kept when their neighbours make them headings
//! or short paragraphs, as jusText's context smoothing does.

use super::lexicon::{CJK_FUNCTION_CHARS, FOREIGN_STOPWORDS, NEVER_HEADLINE, PHRASES, STOPWORDS};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::borrow::Cow;
use std::collections::HashMap;

/// What sort of element a block came from (HTML), or `Line` for text input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    /// A line of plain text.
    Line,
    /// A paragraph-like element.
    Para,
    /// `h1`..`h6`.
    Heading,
    /// A list item.
    ListItem,
    /// A table cell or row.
    Cell,
    /// `figcaption`, `caption`.
    Caption,
    /// `blockquote`.
    Quote,
    /// `pre`.
    Pre,
}

/// One block of the input with the facts the classifier needs.
#[derive(Clone, Debug)]
pub struct Block<'a> {
    /// The block's text, whitespace collapsed.
    pub text: Cow<'a, str>,
    /// Where it is in the request text (plain-text input).
    pub source: Option<crate::doc::Span>,
    /// Element kind.
    pub kind: BlockKind,
    /// Characters inside links (HTML).
    pub link_chars: u32,
    /// Class/id/tag hint, negative for boilerplate containers, positive for article ones (HTML).
    pub hint: f32,
}

/// The classifier's decision for a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Part of the article body.
    Keep,
    /// Removed, with the reason shown to clients.
    Remove(&'static str),
}

/// Local class of a block before context is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Good,
    NearGood,
    Short,
    Bad,
}

/// Word-level facts about a block.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Features {
    pub words: u32,
    pub stopwords: u32,
    pub chars: u32,
    pub alpha: u32,
    pub digits: u32,
    pub capitalised: u32,
    pub ends_sentence: bool,
    pub text_ends_with_period: bool,
    pub phrase: Option<&'static str>,
    pub repeated: bool,
    /// Stopwords per language: English, then [`FOREIGN_STOPWORDS`], then CJK
    /// function characters. `stopwords` holds the page language's count.
    pub stop_langs: [u32; LANGUAGES],
}

/// English, the foreign stopword lists, and CJK.
const LANGUAGES: usize = FOREIGN_STOPWORDS.len() + 2;
const CJK: usize = LANGUAGES - 1;

/// Han, kana and Hangul: scripts written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

/// Built once: the phrase matcher and stopword set.
#[derive(Clone, Debug)]
pub struct Classifier {
    phrases: AhoCorasick,
    chrome: AhoCorasick,
    /// Stopword -> bit set of the languages (indices of `stop_langs`) it belongs to.
    stopwords: HashMap<&'static str, u16>,
}

impl Classifier {
    /// The classifier with its phrase matcher built.
    pub fn new() -> Classifier {
        let phrases = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostFirst)
            .build(PHRASES.iter().map(|(p, _)| p))
            .expect("static phrase list builds");
        let mut stopwords: HashMap<&'static str, u16> = HashMap::new();
        for word in STOPWORDS {
            *stopwords.entry(word).or_default() |= 1;
        }
        for (i, (_, words)) in FOREIGN_STOPWORDS.iter().enumerate() {
            for word in words.split_whitespace() {
                *stopwords.entry(word).or_default() |= 1 << (i + 1);
            }
        }
        let chrome = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .build(NEVER_HEADLINE)
            .expect("static phrase list builds");
        Classifier {
            phrases,
            chrome,
            stopwords,
        }
    }

    fn comments_marker(&self, text: &str, f: &Features) -> bool {
        let lower = text.trim().to_lowercase();
        if f.words <= 6 && (lower.ends_with(" says:") || lower.ends_with(" said:")) {
            return true;
        }
        if f.words > 8 || f.text_ends_with_period {
            return false;
        }
        lower.contains("comment")
            || lower.contains("leave a reply")
            || lower.contains("join the discussion")
            || lower.contains("join the conversation")
            || (lower.contains("responses") && f.digits > 0)
    }

    pub(crate) fn features(&self, text: &str) -> Features {
        let mut f = Features {
            chars: text.chars().count() as u32,
            ..Features::default()
        };
        let mut lower = String::new();
        for word in text
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| w.chars().any(char::is_alphanumeric))
        {
            let cjk = word.chars().filter(|&c| is_cjk(c)).count() as u32;
            if cjk > 0 {
                // No spaces between words: about two characters a word,
                // and each character carries more than a Latin letter.
                f.words += cjk.div_ceil(2);
                f.chars += cjk;
                f.stop_langs[CJK] += word
                    .chars()
                    .filter(|&c| CJK_FUNCTION_CHARS.contains(c))
                    .count() as u32;
                continue;
            }
            f.words += 1;
            if word.chars().next().is_some_and(char::is_uppercase) {
                f.capitalised += 1;
            }
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            if let Some(&mask) = self.stopwords.get(lower.as_str()) {
                for (lang, count) in f.stop_langs.iter_mut().enumerate() {
                    if mask & (1 << lang) != 0 {
                        *count += 1;
                    }
                }
            }
        }
        f.stopwords = f.stop_langs[0];
        for c in text.chars() {
            if c.is_alphabetic() {
                f.alpha += 1;
            } else if c.is_numeric() {
                f.digits += 1;
            }
        }
        // Closing marks of every style: German text closes with “ and ‘,
        // Danish and Swedish with « and ».
        let trimmed = text.trim_end_matches(|c: char| {
            matches!(c, ')' | ' ' | '*' | '）') || crate::segment::is_quote_char(c)
        });
        f.ends_sentence = trimmed.ends_with(['.', '!', '?', ':', '…', ';', '。', '！', '？', '：']);
        f.text_ends_with_period = trimmed.ends_with(['.', '!', '?', '。', '！', '？']);
        // Words inside double quotation marks are someone's speech: “If
        // the market needs more from us,” he added, “it will get more.”
        let quoted = quoted_ranges(text);
        f.phrase = self
            .phrases
            .find_iter(text)
            .find(|m| !quoted.iter().any(|q| q.contains(&m.start())))
            .map(|m| PHRASES[m.pattern().as_usize()].1);
        f
    }

    /// Whether the text holds a phrase of page chrome that no headline
    /// holds ([`NEVER_HEADLINE`]).
    pub fn is_page_chrome(&self, text: &str) -> bool {
        self.chrome.is_match(text)
    }

    /// Features of every block, with `repeated` set and stopwords counted in
    /// the page's language (the stopword list it uses most); the flag is
    /// false when the page uses none of our lists enough to judge by them.
    fn page_features(&self, blocks: &[Block<'_>]) -> (Vec<Features>, bool) {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for b in blocks {
            *counts.entry(b.text.trim()).or_default() += 1;
        }
        let mut feats: Vec<Features> = blocks
            .iter()
            .map(|b| {
                let mut f = self.features(&b.text);
                f.repeated = counts.get(b.text.trim()).copied().unwrap_or(0) > 1;
                f
            })
            .collect();
        // The page's language: the stopword list it uses most.
        let mut totals = [0u32; LANGUAGES];
        for f in &feats {
            for (total, count) in totals.iter_mut().zip(&f.stop_langs) {
                *total += count;
            }
        }
        let lang =
            (0..LANGUAGES).fold(0, |best, l| if totals[l] > totals[best] { l } else { best });
        for f in &mut feats {
            f.stopwords = f.stop_langs[lang];
        }
        let total_words: u32 = feats.iter().map(|f| f.words).sum();
        let total_stop = totals[lang];
        // Pages in a language without our stopwords: judge by length only.
        let has_stopwords = total_words == 0 || total_stop * 20 >= total_words;
        (feats, has_stopwords)
    }

    /// A verdict for each block.
    pub fn classify(&self, blocks: &[Block<'_>]) -> Vec<Verdict> {
        let n = blocks.len();
        if n == 0 {
            return Vec::new();
        }
        let (mut feats, has_stopwords) = self.page_features(blocks);
        let mut classes: Vec<Class> = blocks
            .iter()
            .zip(&feats)
            .map(|(b, f)| local_class(b, f, has_stopwords))
            .collect();
        // Items of a numbered list ("1) ...", "2. ...", table rows "3<tab>...")
        // count as article text: listicles, rankings and schedules.
        for run in numbered_lists(blocks) {
            // Not a "Most read" list.
            if run[0] > 0 && feats[run[0] - 1].phrase.is_some() {
                continue;
            }
            for i in run {
                let f = &feats[i];
                if f.phrase.is_none() && link_density(&blocks[i], f) <= 0.5 && blocks[i].hint > -1.0
                {
                    classes[i] = Class::NearGood;
                }
            }
        }
        for i in 0..n {
            let text = blocks[i].text.trim();
            // A letter's salutation ("Dear reader,") opens an appeal box.
            if feats[i].words <= 5 && text.ends_with(',') {
                classes[i] = Class::Bad;
                feats_phrase(&mut feats[i], "appeal");
            }
            // A block followed by a photo credit ("© Name") is a caption.
            let credit_follows = (i + 1..n.min(i + 3)).any(|j| {
                feats[j].words <= 6
                    && blocks[j]
                        .text
                        .trim_start_matches(|c: char| !c.is_alphanumeric() && c != '©')
                        .starts_with('©')
            });
            if credit_follows && !feats[i].text_ends_with_period && feats[i].words > 0 {
                classes[i] = Class::Bad;
                feats_phrase(&mut feats[i], "caption");
            }
        }
        let mut values: Vec<f32> = blocks
            .iter()
            .zip(feats.iter().zip(&classes))
            .map(|(b, (f, c))| value(b, f, *c))
            .collect();
        let (mut start, mut end) = best_segment(&values);
        if start == end && feats.iter().any(|f| f.repeated) {
            // All the prose is repeated (the page shows its article twice):
            // judge the copies as if each were alone.
            for f in &mut feats {
                f.repeated = false;
            }
            for (v, (b, (f, c))) in values
                .iter_mut()
                .zip(blocks.iter().zip(feats.iter().zip(&classes)))
            {
                *v = value(b, f, *c);
            }
            (start, end) = best_segment(&values);
        }
        // Reader comments look like prose: once a comment section starts
        // after article text, nothing below it can join the article.
        let mut good_words = 0;
        for i in start..end {
            // So do comments, and listings of other articles, each with its own date line.
            if good_words >= 100
                && (self.comments_marker(&blocks[i].text, &feats[i])
                    || starts_listing(i, blocks, &feats))
            {
                for v in &mut values[i..] {
                    *v = v.min(-1.0);
                }
                values[i] = -50.0;
                end = i;
                break;
            }
            if classes[i] == Class::Good {
                good_words += feats[i].words;
            }
        }
        let (start, end) = if end < n && values[end] == -50.0 {
            best_segment(&values)
        } else {
            (start, end)
        };
        if start == end {
            // Nothing looks like an article: keep the text rather than lose it.
            return vec![Verdict::Keep; n];
        }
        // A short closing sentence ("Blinken said the talks were
        // “productive and frank.”") is the article's last paragraph, not
        // its footer, when it reads as prose and nothing but known page
        // chrome (share prompts, related links, a copyright line) follows
        // it, or nothing at all. With that evidence a sentence dense in
        // names and figures passes too ("Samsung Electronics shares rose
        // 2.1 percent, while SK Hynix gained 3").
        let mut end = end;
        let closing_sentence = |i: usize| {
            let f = &feats[i];
            matches!(classes[i], Class::Short | Class::NearGood)
                && f.ends_sentence
                && f.text_ends_with_period
                && f.words >= 6
                && stop_density(f) >= 0.15
                && f.phrase.is_none()
                && !f.repeated
                && link_density(&blocks[i], f) == 0.0
        };
        let chrome = |i: usize| feats[i].phrase.is_some() || is_numbered_teaser(&blocks[i].text);
        let mut closing = Vec::new();
        loop {
            // Chrome between the article and its last sentence ("READ
            // MORE: …" links) is passed over; it is removed on its own.
            let next = (end..n).find(|&i| feats[i].phrase.is_none()).unwrap_or(n);
            if next < n && closing_sentence(next) && (next + 1..n).all(chrome) {
                closing.push(next);
                end = next + 1;
            } else {
                break;
            }
        }
        let mut verdicts = Vec::with_capacity(n);
        for i in 0..n {
            let f = &feats[i];
            let verdict = if closing.contains(&i) {
                Verdict::Keep
            } else if i < start || i >= end {
                Verdict::Remove(outside_reason(f, i < start))
            } else {
                match classes[i] {
                    Class::Good | Class::NearGood => Verdict::Keep,
                    Class::Bad if values[i] > 0.0 => Verdict::Keep,
                    Class::Bad | Class::Short
                        if in_dialogue(i, blocks, &feats, &classes, &values, (start, end)) =>
                    {
                        Verdict::Keep
                    }
                    Class::Bad => Verdict::Remove(bad_reason(&blocks[i], f)),
                    Class::Short => {
                        if keep_short(i, blocks, &feats, &classes, start, end) {
                            Verdict::Keep
                        } else {
                            Verdict::Remove(f.phrase.unwrap_or("short-line"))
                        }
                    }
                }
            };
            verdicts.push(verdict);
        }
        verdicts
    }
}

impl Classifier {
    /// Verdicts for blocks already chosen as the article (by readability):
    /// only blocks that are clearly boilerplate are removed.
    pub fn filter(&self, blocks: &[Block<'_>]) -> Vec<Verdict> {
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for b in blocks {
            *counts.entry(b.text.trim()).or_default() += 1;
        }
        blocks
            .iter()
            .map(|b| {
                let f = self.features(&b.text);
                if b.kind == BlockKind::Caption {
                    Verdict::Remove("caption")
                } else if counts.get(b.text.trim()).copied().unwrap_or(0) > 1
                    && f.words > 3
                    && f.phrase.is_some()
                {
                    Verdict::Remove("repeated")
                } else if f.alpha == 0 && b.kind != BlockKind::Cell {
                    Verdict::Remove("timestamp")
                } else if let Some(reason) = f.phrase.filter(|r| {
                    f.words <= 8
                        || (*r == "caption" && f.words <= 60)
                        // "Also on The Courier: <headline link>"
                        || (*r == "related-links" && f.words <= 30 && link_density(b, &f) >= 0.4)
                }) {
                    Verdict::Remove(reason)
                } else {
                    Verdict::Keep
                }
            })
            .collect()
    }

    /// One line per block: local class, segment value and verdict (for tuning).
    #[doc(hidden)]
    pub fn explain(&self, blocks: &[Block<'_>]) -> Vec<String> {
        let verdicts = self.classify(blocks);
        let (feats, has_stopwords) = self.page_features(blocks);
        blocks
            .iter()
            .zip(&feats)
            .zip(&verdicts)
            .map(|((b, f), v)| {
                let c = local_class(b, f, has_stopwords);
                format!(
                    "{:<8} {:>6.1} {:<24} h={:+.1} ld={:.2} {}",
                    format!("{c:?}"),
                    value(b, f, c),
                    format!("{v:?}"),
                    b.hint,
                    link_density(b, f),
                    b.text.chars().take(110).collect::<String>()
                )
            })
            .collect()
    }
}

impl Default for Classifier {
    fn default() -> Classifier {
        Classifier::new()
    }
}

fn feats_phrase(f: &mut Features, reason: &'static str) {
    if f.phrase.is_none() {
        f.phrase = Some(reason);
    }
}

fn stop_density(f: &Features) -> f32 {
    if f.words == 0 {
        0.0
    } else {
        f.stopwords as f32 / f.words as f32
    }
}

fn link_density(b: &Block<'_>, f: &Features) -> f32 {
    if f.chars == 0 {
        0.0
    } else {
        b.link_chars as f32 / f.chars as f32
    }
}

/// True when `text` is one quotation from its first character to its last
/// (a double mark at both ends and none between).
fn is_quoted_sentence(text: &str) -> bool {
    let text = text.trim();
    let ranges = quoted_ranges(text);
    ranges.len() == 1 && ranges[0].start == 0 && text[ranges[0].end..].chars().count() == 1
}

/// The byte ranges of `text` inside double quotation marks (“…”, «…»,
/// "…"); a mark left open runs to the end.
fn quoted_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if matches!(c, '"' | '“' | '”' | '„' | '«' | '»') {
            match open.take() {
                Some(start) => ranges.push(start..i),
                None => open = Some(i),
            }
        }
    }
    if let Some(start) = open {
        ranges.push(start..text.len());
    }
    ranges
}

fn local_class(b: &Block<'_>, f: &Features, has_stopwords: bool) -> Class {
    if f.words == 0 || f.alpha < f.digits {
        return Class::Bad;
    }
    if link_density(b, f) > 0.5 || b.hint <= -1.0 {
        return Class::Bad;
    }
    if f.phrase.is_some() && f.words <= 25 {
        return Class::Bad;
    }
    if b.kind == BlockKind::Caption {
        return Class::Bad;
    }
    let sd = if has_stopwords { stop_density(f) } else { 0.5 };
    if f.words <= 10 && f.digits >= 4 && f.digits * 3 >= f.alpha / 2 {
        return Class::Bad;
    }
    if f.chars < 60 {
        if f.repeated && !f.ends_sentence {
            return Class::Bad;
        }
        return Class::Short;
    }
    let ld = link_density(b, f);
    if sd >= 0.28 && f.chars >= 150 && ld < 0.25 {
        Class::Good
    } else if sd >= 0.2 && ld < 0.35 && (f.ends_sentence || f.chars >= 150)
        // A news lead dense in names and titles ("OTTAWA — Prime Minister
        // Mark Carney's Liberal Party won …"): a dateline opens it.
        || sd >= 0.15 && ld == 0.0 && f.ends_sentence && f.chars >= 150 && opens_with_dateline(&b.text)
    {
        Class::NearGood
    } else if f.chars < 120 || (f.ends_sentence && sd >= 0.12) {
        Class::Short
    } else {
        Class::Bad
    }
}

fn value(b: &Block<'_>, f: &Features, c: Class) -> f32 {
    let w = f.words as f32;
    // Boilerplate phrases in a paragraph-sized block: it may stay inside
    // the article, but it does not extend the article past its edges.
    // So does a paragraph that the page repeats (teasers shown twice).
    let repeated = f.repeated && f.chars >= 60;
    if (f.phrase.is_some() && f.words <= 50 || repeated)
        && matches!(c, Class::Good | Class::NearGood)
    {
        return -0.5 * w;
    }
    let v = match c {
        Class::Good => w,
        Class::NearGood => 0.5 * w,
        // A whole quoted sentence ("“I had my bag packed and the taxi
        // booked.”") is speech, most often a lede or a quote paragraph.
        Class::Short if f.ends_sentence && is_quoted_sentence(&b.text) && f.words >= 5 => 0.5,
        Class::Short => {
            if f.ends_sentence {
                -0.5
            } else {
                -1.5
            }
        }
        Class::Bad if b.hint > 0.0 && f.phrase.is_none() && link_density(b, f) < 0.5 => {
            if f.chars >= 100 {
                0.25 * w
            } else {
                -1.0
            }
        }
        Class::Bad => -(2.0 + 0.5 * w.min(40.0)),
    };
    // Credits lines and letter salutations end the article text.
    if c == Class::Bad && matches!(f.phrase, Some("credits" | "appeal")) && f.words <= 12 {
        return -60.0;
    }
    v + 3.0 * b.hint.min(0.0)
}

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// "OTTAWA — …", "KYIV, Ukraine (AP) — …", "LONDON (Reuters) - …": a
/// place in capitals, then a dash within the first 60 bytes.
fn opens_with_dateline(text: &str) -> bool {
    let first = text.split([' ', ',']).next().unwrap_or("");
    let head: String = text.chars().take(60).collect();
    first.chars().filter(char::is_ascii_alphabetic).count() >= 3
        && first
            .chars()
            .all(|c| c.is_uppercase() || !c.is_alphabetic())
        && [" — ", " – ", " - "].iter().any(|dash| head.contains(dash))
}

/// A numbered headline of a "Most read" list: "1. Man arrested after police
/// chase in Leeds", short and without a closing full stop.
fn is_numbered_teaser(text: &str) -> bool {
    let text = text.trim();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && text[digits..].starts_with(['.', ')'])
        && text.split_whitespace().count() <= 15
        && !text.ends_with('.')
}

/// A line that is only a date: "Tuesday November 19, 2019", "19/11/2019".
fn is_date_line(text: &str, f: &Features) -> bool {
    if f.words > 6 || f.digits < 4 || f.ends_sentence {
        return false;
    }
    let mut year = false;
    let mut month = false;
    let mut numeric = false;
    for token in text.split(|c: char| c.is_whitespace() || c == ',') {
        let lower = token.to_ascii_lowercase();
        if token.len() == 4 && (token.starts_with("19") || token.starts_with("20")) {
            year |= token.bytes().all(|b| b.is_ascii_digit());
        } else if lower.len() >= 3 && MONTHS.iter().any(|m| lower.starts_with(m)) {
            month = true;
        } else if token.split(['/', '.', '-']).count() == 3
            && token
                .split(['/', '.', '-'])
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            numeric = true;
        }
    }
    (year && month) || numeric
}

/// Block `i` is a date line followed by two more within ten blocks: a list
/// of teasers for other articles (headline, author, date, summary).
fn starts_listing(i: usize, blocks: &[Block<'_>], feats: &[Features]) -> bool {
    let date = |j: usize| is_date_line(&blocks[j].text, &feats[j]);
    date(i)
        && (i + 1..blocks.len().min(i + 11))
            .filter(|&j| date(j))
            .count()
            >= 2
}

/// The leading item number of a list item or table row: "3) ", "3. ", "3<tab>".
fn item_number(text: &str) -> Option<u32> {
    let text = text.trim_start();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &text[digits..];
    let marked = rest.starts_with([')', '\t']) || rest.starts_with(". ") || rest.starts_with(".\t");
    let has_words = rest.chars().any(char::is_alphabetic);
    (marked && has_words)
        .then(|| text[..digits].parse().ok())
        .flatten()
}

/// Numbered lists, as the indices of their items: at least three
/// consecutively numbered items, each within a few blocks of the previous one.
fn numbered_lists(blocks: &[Block<'_>]) -> Vec<Vec<usize>> {
    const MIN_ITEMS: usize = 3;
    const MAX_GAP: usize = 4;
    let mut items = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let mut last = 0;
    let mut flush = |run: &mut Vec<usize>| {
        if run.len() >= MIN_ITEMS {
            items.push(std::mem::take(run));
        }
        run.clear();
    };
    for (i, block) in blocks.iter().enumerate() {
        let Some(number) = item_number(&block.text) else {
            continue;
        };
        let continues = run
            .last()
            .is_some_and(|&prev| number == last + 1 && i - prev <= MAX_GAP);
        if !continues {
            flush(&mut run);
        }
        run.push(i);
        last = number;
    }
    flush(&mut run);
    items
}

/// The `[start, end)` run of blocks with the largest sum of values.
fn best_segment(values: &[f32]) -> (usize, usize) {
    let (mut best, mut best_range) = (f32::MIN, (0, 0));
    let (mut sum, mut from) = (0.0f32, 0usize);
    for (i, &v) in values.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            from = i;
        }
        sum += v;
        if sum > best {
            best = sum;
            best_range = (from, i + 1);
        }
    }
    if best <= 0.0 {
        return (0, 0);
    }
    best_range
}

fn keep_short(
    i: usize,
    blocks: &[Block<'_>],
    feats: &[Features],
    classes: &[Class],
    start: usize,
    end: usize,
) -> bool {
    let f = &feats[i];
    if f.phrase.is_some() || f.repeated || link_density(&blocks[i], f) > 0.3 {
        return false;
    }
    let good = |j: usize| matches!(classes[j], Class::Good | Class::NearGood);
    let next_good = (i + 1..end).take(2).any(good);
    let prev_good = (start..i).rev().take(2).any(good);
    if blocks[i].kind == BlockKind::Heading {
        return next_good;
    }
    if f.ends_sentence {
        return f.words >= 3 && (next_good || prev_good);
    }
    // A heading: a few words, no sentence end, followed by paragraph text.
    let heading_like = f.words <= 12 && f.stopwords * 2 < f.words.max(2) + 2;
    let prose_like = f.words >= 8 && stop_density(f) >= 0.2;
    (heading_like && prev_good && i + 1 < end && good(i + 1))
        || (prose_like && prev_good && next_good)
}

/// A paragraph that is one quotation, inside the article between
/// paragraphs of text a few blocks away on either side, is a turn of an
/// exchange the article reports ("“Which helped how many people?” ¶
/// “Roughly 60,000 Americans last year.”"), however short. Looser than
/// [`is_quoted_sentence`]: single marks count, and a turn may be broken by
/// its attribution or cut off by a dash.
fn in_dialogue(
    i: usize,
    blocks: &[Block<'_>],
    feats: &[Features],
    classes: &[Class],
    values: &[f32],
    (start, end): (usize, usize),
) -> bool {
    let f = &feats[i];
    let text = blocks[i].text.trim();
    let opens = text.starts_with(['“', '"', '‘', '«']);
    let closes = text.ends_with(['”', '"', '’', '»']);
    // Text kept as the article's: good blocks, and bad ones that score.
    let good = |j: &usize| matches!(classes[*j], Class::Good | Class::NearGood) || values[*j] > 0.0;
    opens
        && closes
        && f.words >= 2
        && f.phrase.is_none()
        && !f.repeated
        && link_density(&blocks[i], f) == 0.0
        && (start.max(i.saturating_sub(6))..i).any(|j| good(&j))
        && (i + 1..end.min(i + 7)).any(|j| good(&j))
}

fn bad_reason(b: &Block<'_>, f: &Features) -> &'static str {
    if let Some(reason) = f.phrase {
        return reason;
    }
    if b.kind == BlockKind::Caption {
        return "caption";
    }
    if f.alpha < f.digits {
        return "timestamp";
    }
    if link_density(b, f) > 0.5 {
        return "related-links";
    }
    if f.repeated {
        return "repeated";
    }
    "low-text-density"
}

fn outside_reason(f: &Features, before: bool) -> &'static str {
    if let Some(reason) = f.phrase {
        return reason;
    }
    if f.alpha < f.digits {
        return "timestamp";
    }
    if before {
        "navigation"
    } else {
        "footer"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(lines: &[&'static str]) -> Vec<Block<'static>> {
        lines
            .iter()
            .map(|l| Block {
                text: Cow::Borrowed(l),
                source: None,
                kind: BlockKind::Line,
                link_chars: 0,
                hint: 0.0,
            })
            .collect()
    }

    #[test]
    fn readable_article_loses_a_linked_also_on_line_only() {
        let also = "Also on The Andes Courier: Peru's copper mines hit by protests";
        let prose = "Also on Monday, the minister said the plan would be sent to Congress.";
        let mut lines = blocks(&[also, prose]);
        lines[0].link_chars = 35;
        let verdicts = Classifier::new().filter(&lines);
        assert_eq!(verdicts[0], Verdict::Remove("related-links"));
        assert_eq!(
            verdicts[1],
            Verdict::Keep,
            "no link: a sentence of the article"
        );
    }

    #[test]
    fn best_segment_skips_negative_edges() {
        assert_eq!(best_segment(&[-1.0, 5.0, -1.0, 4.0, -9.0, 2.0]), (1, 4));
        assert_eq!(best_segment(&[-1.0, -2.0]), (0, 0));
    }

    #[test]
    fn menu_lines_around_paragraphs_are_removed() {
        let para = "The minister said on Monday that the talks had been useful and that both sides would meet again in the coming weeks to discuss the details of an agreement.";
        let lines = [
            "Home",
            "World",
            "Politics",
            para,
            "Read more about this",
            para,
            "Share this article",
            "© 2019 Some Company",
        ];
        let verdicts = Classifier::new().classify(&blocks(&lines));
        assert_eq!(verdicts[3], Verdict::Keep);
        assert_eq!(verdicts[5], Verdict::Keep);
        assert_eq!(verdicts[0], Verdict::Remove("navigation"));
        assert_eq!(verdicts[4], Verdict::Remove("related-links"));
        assert_eq!(verdicts[7], Verdict::Remove("footer"));
    }

    #[test]
    fn the_turns_of_a_reported_exchange_are_kept() {
        let para = "The minister said on Monday that the talks had been useful and that both sides would meet again in the coming weeks to discuss the details of an agreement.";
        let other = "The senator pressed the company on its profits and asked how many patients its assistance programme had reached in the past twelve months, drawing applause.";
        let lines = [
            "Home",
            para,
            "“Which helped how many people?”",
            "“Roughly 60,000 Americans last year.”",
            other,
            "Share this article",
        ];
        let verdicts = Classifier::new().classify(&blocks(&lines));
        assert_eq!(verdicts[2], Verdict::Keep);
        assert_eq!(verdicts[3], Verdict::Keep);
        assert_eq!(verdicts[0], Verdict::Remove("navigation"));
    }

    #[test]
    fn a_news_lead_dense_in_names_opens_the_article() {
        let para = "The minister said on Monday that the talks had been useful and that both sides would meet again in the coming weeks to discuss the details of an agreement.";
        let lead = "OTTAWA \u{2014} Prime Minister Mark Carney's Liberal Party won Canada's federal election on Monday, completing a remarkable comeback driven by anger at U.S. President Donald Trump's tariffs and threats of annexation.";
        let verdicts = Classifier::new().classify(&blocks(&["Home", lead, para, para]));
        assert_eq!(verdicts[1], Verdict::Keep);
        assert!(!opens_with_dateline(
            "Browns place Morgan Burnett on injured reserve - First season"
        ));
        assert!(opens_with_dateline(
            "KYIV, Ukraine (AP) \u{2014} Ukraine and Russia swapped"
        ));
    }

    #[test]
    fn a_short_closing_sentence_that_ends_the_page_is_kept() {
        let para = "The minister said on Monday that the talks had been useful and that both sides would meet again in the coming weeks to discuss the details of an agreement.";
        let closing = "Blinken said the talks were \u{201c}productive and frank.\u{201d}";
        let verdicts = Classifier::new().classify(&blocks(&["Home", para, para, closing]));
        assert_eq!(verdicts[3], Verdict::Keep, "the article's last paragraph");
        let verdicts = Classifier::new().classify(&blocks(&[
            "Home",
            para,
            para,
            closing,
            "Share this article",
            "\u{a9} 2019 Example News. All rights reserved.",
        ]));
        assert_eq!(verdicts[3], Verdict::Keep, "only page chrome after it");
        // Names and figures, few function words: kept before chrome only.
        let figures = "Samsung Electronics shares rose 2.1 percent on the news, while SK Hynix gained 3 percent.";
        let verdicts = Classifier::new().classify(&blocks(&[
            "Home",
            para,
            para,
            figures,
            "Related: Japan tightens rules on chip materials",
        ]));
        assert_eq!(verdicts[3], Verdict::Keep);
        let verdicts = Classifier::new().classify(&blocks(&[
            "Home",
            para,
            para,
            closing,
            "Example Media Group, 1 Main Street, Springfield",
        ]));
        assert_ne!(
            verdicts[3],
            Verdict::Keep,
            "not before an unknown footer line"
        );
        let verdicts = Classifier::new().classify(&blocks(&[
            "Home",
            para,
            para,
            "READ MORE: Pound rises after the decision",
            "The bank will next announce rates in November.",
            "Share this story",
            "Most read",
            "1. Man arrested after police chase in Leeds",
            "2. Weather: heatwave to end this weekend",
        ]));
        assert_eq!(
            verdicts[4],
            Verdict::Keep,
            "after related links, before a most-read list"
        );
        assert_ne!(verdicts[3], Verdict::Keep);
        assert_ne!(verdicts[7], Verdict::Keep);
    }

    #[test]
    fn numbered_list_after_the_intro_is_kept() {
        let para = "The minister said on Monday that the talks had been useful and that both sides would meet again in the coming weeks to discuss the details of an agreement.";
        let lines = [
            "Home",
            "World",
            para,
            para,
            "1) Lego Star Wars 75188 Bomber",
            "http://example.com/a",
            "2) Electric race track 960574",
            "http://example.com/b",
            "3) Boxed set of three films",
            "http://example.com/c",
            "4) Blade Runner, the final cut",
            "http://example.com/d",
            "Share this article",
            "© 2019 Some Company",
        ];
        let verdicts = Classifier::new().classify(&blocks(&lines));
        assert_eq!(verdicts[4], Verdict::Keep, "{verdicts:?}");
        assert_eq!(verdicts[10], Verdict::Keep, "{verdicts:?}");
        assert_eq!(verdicts[0], Verdict::Remove("navigation"));
        assert_eq!(verdicts[13], Verdict::Remove("footer"));
    }

    #[test]
    fn item_numbers_need_a_marker_and_words() {
        assert_eq!(item_number("3) Thriller (vinyl)"), Some(3));
        assert_eq!(item_number("12. The last item"), Some(12));
        assert_eq!(item_number("7\tKyle Larson\t2339"), Some(7));
        assert_eq!(item_number("2019 was a good year"), None);
        assert_eq!(item_number("1.5 million people"), None);
        assert_eq!(item_number("4) 2019"), None);
    }

    #[test]
    fn portuguese_prose_beats_a_tag_cloud() {
        let para = "A equipe do Serviço de Atendimento Domiciliar, do bairro Amizade, registrou nesta manhã o arrombamento de dois dos cinco automóveis da unidade, que estavam no pátio.";
        let cloud = "adote um amigo agua alerta ambiente amizade atendimento atirador bem-estar biblioteca caminhada campanha capacitacao carnaval civil cmdca cultura";
        let lines = ["Notícias", "Saúde", para, para, "Tags", cloud, "Contato"];
        let verdicts = Classifier::new().classify(&blocks(&lines));
        assert_eq!(verdicts[2], Verdict::Keep, "{verdicts:?}");
        assert_eq!(verdicts[3], Verdict::Keep, "{verdicts:?}");
        assert_ne!(verdicts[5], Verdict::Keep, "{verdicts:?}");
    }

    #[test]
    fn japanese_prose_is_counted_in_characters() {
        let f = Classifier::new().features(
            "先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで男性が逮捕されました。",
        );
        assert!(f.words >= 15, "{f:?}");
        assert!(f.stop_langs[CJK] >= 5, "{f:?}");
        assert!(f.text_ends_with_period);
    }

    const PARA: &str = "The minister said on Monday that the talks had been useful and that both sides would meet again in the coming weeks to discuss the details of an agreement.";
    const PARA2: &str = "Officials from both countries told reporters that they expected a draft text to be ready before the end of the year, although several questions were still open.";
    const PARA3: &str = "The opposition criticised the government for what it called a lack of transparency, and it asked for the documents to be published in full as soon as possible.";

    #[test]
    fn teasers_with_their_own_date_lines_end_the_article() {
        let para4 = "Analysts said the agreement, if it is signed, would be the first of its kind in the region and could serve as a model for the negotiations that are due next spring.";
        let lines = [
            "Opinion",
            PARA,
            PARA2,
            PARA3,
            para4,
            "More from the Examiner",
            "A headline of another story",
            "Jane Doe",
            "Wednesday November 20, 2019",
            "Our family always celebrates anniversaries, but not this week, because a year ago our father was arrested and held for months.",
            "Another headline",
            "John Doe",
            "Tuesday November 19, 2019",
            "After three days of hearings, only one witness has emerged so far with a legitimate gripe, and it has nothing to do with the case.",
            "A third headline",
            "Ann Roe",
            "Tuesday November 19, 2019",
            "People are still waiting for the committee to deliver on its promises, and in the second week of hearings they are still waiting.",
        ];
        let verdicts = Classifier::new().classify(&blocks(&lines));
        assert_eq!(&verdicts[1..5], &[Verdict::Keep; 4], "{verdicts:?}");
        assert!(
            verdicts[8..].iter().all(|v| *v != Verdict::Keep),
            "{verdicts:?}"
        );
    }

    #[test]
    fn paragraphs_the_page_repeats_do_not_make_the_article() {
        let teaser = "Indian-origin man pleads guilty to fraud scheme in US NEW YORK: An Indian-origin man has pleaded guilty to a scheme that cost investors millions of dollars.";
        let mut lines = vec!["Home"];
        lines.extend([teaser; 4]);
        lines.extend(["Deportees return home", PARA, PARA2, "Share this"]);
        lines.extend([teaser; 4]);
        let verdicts = Classifier::new().classify(&blocks(&lines));
        assert_eq!(&verdicts[6..8], &[Verdict::Keep; 2], "{verdicts:?}");
        assert!(
            verdicts[1..5].iter().all(|v| *v != Verdict::Keep),
            "{verdicts:?}"
        );
    }

    #[test]
    fn boilerplate_words_inside_quotation_marks_are_speech() {
        let ranges = quoted_ranges(
            "“If the market needs more from us,” he added, “it will get more from us.”",
        );
        assert_eq!(ranges.len(), 2);
        let classifier = Classifier::new();
        let quoted = classifier
            .features("“If the market needs more from us,” he added, “it will get more from us.”");
        assert_eq!(quoted.phrase, None);
        let link = classifier.features("More from us: the week in pictures");
        assert_eq!(link.phrase, Some("related-links"));
    }

    #[test]
    fn a_whole_quoted_sentence_is_told_from_a_sentence_with_quotes_in_it() {
        assert!(is_quoted_sentence(
            "“I had my bag packed and the taxi booked.”"
        ));
        assert!(!is_quoted_sentence("“We will,” she said, “but not yet.”"));
        assert!(!is_quoted_sentence("Read more: “Talks resume”"));
    }
}
