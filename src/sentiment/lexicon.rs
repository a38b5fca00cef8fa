//! VADER-style lexicon scoring (Hutto & Gilbert 2014), ported from
//! `vaderSentiment` 3.3.2 with changes for news text: curly quotes and dashes
//! are stripped like ASCII punctuation, a word keeps its stripped form whenever
//! it holds a letter or digit ("no," is "no"), social-media idioms ("the bomb")
//! are left out, "however" contrasts like "but", and a lexicon word alone in
//! scare quotes counts half.
//!
//! Words are looked up by a 64-bit hash of their lowercase form, so scoring a
//! sentence allocates only its word list.

use super::vectors::WordVectors;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The VADER lexicon as shipped by `vaderSentiment` (MIT, see `data/sentiment/VADER_LICENSE.txt`).
const VADER_LEXICON: &str = include_str!("../../data/sentiment/vader_lexicon.txt");

/// Our supplement for news and diplomacy; see the file's header.
const NEWS_LEXICON: &str = include_str!("../../data/sentiment/news_lexicon.txt");

/// AFINN-165 (Finn Årup Nielsen; ODbL 1.0, see `data/sentiment/AFINN_LICENSE.txt`):
/// 3,382 words and phrases rated -5..5 by one annotator, a second opinion
/// beside VADER's crowd ratings.
const AFINN_LEXICON: &str = include_str!("../../data/sentiment/afinn_en_165.txt");

/// pattern's English adjective lexicon (De Smedt & Daelemans, PDDL; see the
/// file's header) as TextBlob ships it: polarity and subjectivity per word
/// sense, which VADER does not rate.
const PATTERN_LEXICON: &str = include_str!("../../data/sentiment/pattern_en_sentiment.xml");

/// Verbs that turn the polarity of what they act on ("reduce distrust",
/// "ease tensions", "lift sanctions"): contextual valence shifters
/// (Polanyi & Zaenen 2006), common in news and diplomacy.
#[rustfmt::skip]
const SHIFTERS: &[&str] = &[
    "reduce", "reduces", "reduced", "reducing", "ease", "eases", "eased", "easing", "end", "ends",
    "ended", "ending", "avoid", "avoids", "avoided", "avoiding", "prevent", "prevents", "prevented",
    "preventing", "overcome", "overcoming", "stop", "stops", "stopped", "stopping", "curb", "curbs",
    "curbed", "curbing", "lift", "lifts", "lifted", "lifting", "decrease", "decreased",
    "decreasing", "resolve", "resolves", "resolved", "resolving", "combat", "combating", "counter",
    "countering", "eliminate", "eliminated", "eliminating", "defuse", "defusing", "alleviate",
    "alleviating", "mitigate", "mitigating", "tackle", "tackling",
];

/// Inflection suffixes folded onto a lexicon stem, in order of preference.
const INFLECTIONS: [&str; 6] = ["s", "es", "ed", "d", "ing", "ly"];

const B_INCR: f32 = 0.293;
const B_DECR: f32 = -0.293;
const C_INCR: f32 = 0.733;
const N_SCALAR: f32 = -0.74;

#[rustfmt::skip]
const NEGATE: &[&str] = &[
    "aint", "arent", "cannot", "cant", "couldnt", "darent", "didnt", "doesnt", "ain't", "aren't",
    "can't", "couldn't", "daren't", "didn't", "doesn't", "dont", "hadnt", "hasnt", "havent", "isnt",
    "mightnt", "mustnt", "neither", "don't", "hadn't", "hasn't", "haven't", "isn't", "mightn't",
    "mustn't", "neednt", "needn't", "never", "none", "nope", "nor", "not", "nothing", "nowhere",
    "oughtnt", "shant", "shouldnt", "uhuh", "wasnt", "werent", "oughtn't", "shan't", "shouldn't",
    "uh-uh", "wasn't", "weren't", "without", "wont", "wouldnt", "won't", "wouldn't", "rarely",
    "seldom", "despite", "nobody", "noone",
];

#[rustfmt::skip]
const BOOST_UP: &[&str] = &[
    "absolutely", "amazingly", "awfully", "completely", "considerable", "considerably", "decidedly",
    "deeply", "enormous", "enormously", "entirely", "especially", "exceptional", "exceptionally",
    "extreme", "extremely", "fabulously", "fully", "greatly", "highly", "hugely", "incredible",
    "incredibly", "intensely", "major", "majorly", "more", "most", "particularly", "purely",
    "quite", "really", "remarkably", "so", "substantially", "thoroughly", "total", "totally",
    "tremendous", "tremendously", "unbelievably", "unusually", "utter", "utterly", "very",
    "profoundly", "seriously", "gravely", "truly",
];

#[rustfmt::skip]
const BOOST_DOWN: &[&str] = &[
    "almost", "barely", "hardly", "kinda", "kindof", "kind-of", "less", "little", "marginal",
    "marginally", "occasional", "occasionally", "partly", "scarce", "scarcely", "slight",
    "slightly", "somewhat", "sorta", "sortof", "sort-of", "perhaps", "maybe", "possibly",
];

/// FNV-1a offset basis.
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Continue an FNV-1a hash with the lowercase form of `word` (curly apostrophes as `'`).
pub(crate) fn hash_lower(state: u64, word: &str) -> u64 {
    scan_word(state, word).hash
}

/// One FNV-1a step.
fn fnv(state: u64, byte: u8) -> u64 {
    (state ^ u64::from(byte)).wrapping_mul(FNV_PRIME)
}

/// Bytes of the word prefix whose hash [`Word::prefix_hash`] keeps.
pub(crate) const PREFIX: usize = 5;

/// What one pass over a word's bytes gives.
struct Scanned {
    hash: u64,
    upper: bool,
    /// See [`Word::prefix_hash`].
    prefix: u64,
    /// Every byte is ASCII.
    ascii: bool,
}

/// Classes of a byte, one table lookup for the word split and scan.
const SPACE: u8 = 1;
const UPPER: u8 = 1 << 1;
const LOWER: u8 = 1 << 2;
/// `!` or `?`: counted for VADER's emphasis.
const MARK: u8 = 1 << 3;
/// Part of a multi-byte character: decoded on the slow path.
const NON_ASCII: u8 = 1 << 4;
/// `'`: a word without it (or a non-ASCII byte, for U+2019) holds no "n't".
const APOSTROPHE: u8 = 1 << 5;

const fn byte_classes() -> [u8; 256] {
    let mut classes = [0u8; 256];
    let mut i = 0;
    while i < 256 {
        let b = i as u8;
        classes[i] = if !b.is_ascii() {
            NON_ASCII
        } else if matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r') {
            SPACE
        } else if b.is_ascii_uppercase() {
            UPPER
        } else if b.is_ascii_lowercase() {
            LOWER
        } else if matches!(b, b'!' | b'?') {
            MARK
        } else if b == b'\'' {
            APOSTROPHE
        } else {
            0
        };
        i += 1;
    }
    classes
}

static CLASSES: [u8; 256] = byte_classes();

fn class(b: u8) -> u8 {
    CLASSES[usize::from(b)]
}

/// One pass over `word`: the FNV-1a continuation of [`hash_lower`], whether
/// it is upper case (every cased letter a capital, and at least one), and
/// the hash [`Word::prefix_hash`] keeps (FNV-1a reads left to right, so a
/// prefix's hash is the state reached at its end). ASCII bytes take a fast
/// path: most news words hold nothing else.
fn scan_word(mut state: u64, word: &str) -> Scanned {
    let bytes = word.as_bytes();
    let n = bytes.len();
    let mut prefix = 0;
    let mut seen = 0u8;
    let mut i = 0;
    while i < n {
        if i == PREFIX && n > PREFIX + 1 {
            prefix = state;
        }
        let b = bytes[i];
        let c = class(b);
        if c & NON_ASCII == 0 {
            seen |= c;
            state = fnv(state, b.to_ascii_lowercase());
            i += 1;
            continue;
        }
        let Some(ch) = word.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        seen |= NON_ASCII;
        i += ch.len_utf8();
        if ch.is_lowercase() {
            seen |= LOWER;
        }
        if ch.is_uppercase() {
            seen |= UPPER;
        }
        if ch == '\u{2019}' || ch == '\u{2018}' {
            state = fnv(state, b'\'');
        } else {
            let mut buf = [0u8; 4];
            for low in ch.to_lowercase() {
                for &b in low.encode_utf8(&mut buf).as_bytes() {
                    state = fnv(state, b);
                }
            }
        }
    }
    Scanned {
        hash: state,
        upper: seen & UPPER != 0 && seen & LOWER == 0,
        prefix,
        ascii: seen & NON_ASCII == 0,
    }
}

/// [`scan_word`] from the FNV offset for a word known to be ASCII, whose
/// letters' classes the word split has already collected in `seen`: the
/// common case, with nothing to test per byte but the prefix's end.
fn scan_ascii(word: &[u8], seen: u8) -> Scanned {
    let step = |state, b: &u8| fnv(state, b.to_ascii_lowercase());
    let (prefix, hash) = if word.len() > PREFIX + 1 {
        let (head, tail) = word.split_at(PREFIX);
        let prefix = head.iter().fold(FNV_OFFSET, step);
        (prefix, tail.iter().fold(prefix, step))
    } else {
        (0, word.iter().fold(FNV_OFFSET, step))
    };
    Scanned {
        hash,
        upper: seen & UPPER != 0 && seen & LOWER == 0,
        prefix,
        ascii: true,
    }
}

/// Hash of a word's lowercase form.
pub(crate) fn word_hash(word: &str) -> u64 {
    hash_lower(FNV_OFFSET, word)
}

/// A hasher for keys that are already hashes.
#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Map keyed by word hashes.
pub(crate) type HashedMap<V> = HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// A whitespace-separated word with its surrounding punctuation stripped.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word<'a> {
    /// The word as written, punctuation stripped.
    pub text: &'a str,
    /// Byte offset of `text` in the scored text.
    pub start: usize,
    /// Hash of the lowercase form; after [`Lexicon::analyze`], of the
    /// lexicon stem it was folded onto, if any.
    pub hash: u64,
    /// Hash of the lowercase form of the first [`PREFIX`] bytes, a poor
    /// man's stem; 0 for shorter words.
    pub prefix_hash: u64,
    /// The lexicon table entry the word scores as (its own, or its stem's),
    /// indexing [`Lexicon::entries`]; set by [`Lexicon::analyze`].
    pub entry: Option<u32>,
    /// The word was found as its own entry and is ASCII, so its hash and
    /// prefix hash are the entry's: tables precomputed per entry from these
    /// hashes hold the word's terms.
    pub as_entry: bool,
    /// Every byte is ASCII.
    pub ascii: bool,
    /// All cased letters are capitals (and there is at least one).
    pub upper: bool,
    /// Holds "n't" (any case, either apostrophe): a negation.
    pub nt: bool,
    /// A sentence or clause break (`.,;:!?`) follows the word.
    pub clause_end: bool,
    /// Wrapped in quote marks on both sides.
    pub quoted: bool,
    /// What the lexicon knows of the word; set by [`Lexicon::analyze`].
    pub info: WordInfo,
}

/// What the lexicon knows of one word form, found by a single lookup.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct WordInfo {
    /// Lexicon valence, 0 when [`WordInfo::IN_LEXICON`] is not set.
    pub valence: f32,
    /// Booster increment, 0 for a word that is not a booster.
    pub booster: f32,
    /// [`WordInfo::IN_LEXICON`], [`WordInfo::BOOSTER`], [`WordInfo::NEGATION`], [`WordInfo::SHIFTER`].
    pub flags: u8,
    /// Row of the word's vector in [`Lexicon::vectors`], if it has one.
    pub vector: Option<u32>,
    /// AFINN rating, -5..5 (0: not rated).
    pub afinn: i8,
    /// pattern polarity x 100 (-100..100), mean over the word's senses;
    /// meaningful with [`WordInfo::PATTERN`].
    pub polarity: i8,
    /// pattern subjectivity x 100 (0..100), likewise.
    pub subjectivity: i8,
}

impl WordInfo {
    pub(crate) const IN_LEXICON: u8 = 1;
    pub(crate) const BOOSTER: u8 = 2;
    pub(crate) const NEGATION: u8 = 4;
    pub(crate) const SHIFTER: u8 = 8;
    pub(crate) const PATTERN: u8 = 16;

    pub(crate) fn has(self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Whether AFINN or pattern rates the word.
    fn has_other_ratings(self) -> bool {
        self.afinn != 0 || self.has(WordInfo::PATTERN)
    }

    /// Takes `from`'s AFINN and pattern ratings.
    fn take_other_ratings(&mut self, from: WordInfo) {
        self.afinn = from.afinn;
        self.polarity = from.polarity;
        self.subjectivity = from.subjectivity;
        self.flags = (self.flags & !WordInfo::PATTERN) | (from.flags & WordInfo::PATTERN);
    }
}

/// VADER's sentence-level figures.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct LexScore {
    /// Normalised sum of valences, -1..1.
    pub compound: f32,
    /// Share of positive mass.
    pub pos: f32,
    /// Share of negative mass.
    pub neg: f32,
    /// Share of neutral words.
    pub neu: f32,
}

/// Words, their valences after the rules, and the sentence figures.
#[derive(Clone, Debug, Default)]
pub(crate) struct Analysis<'a> {
    pub words: Vec<Word<'a>>,
    pub valences: Vec<f32>,
    pub score: LexScore,
    /// The text's `!` and `?`.
    pub marks: Marks,
}

fn is_strip_punct(ch: char) -> bool {
    ch.is_ascii_punctuation()
        || matches!(
            ch,
            '\u{2018}'
                ..='\u{201f}' | '\u{2013}' | '\u{2014}' | '\u{2026}' | '\u{00ab}' | '\u{00bb}'
        )
}

fn is_quote_mark(ch: char) -> bool {
    matches!(
        ch,
        '"' | '\'' | '\u{2018}'..='\u{201f}' | '\u{00ab}' | '\u{00bb}'
    )
}

/// Byte length of the punctuation [`is_strip_punct`] strips from the start of `raw`.
fn leading_punct(raw: &str) -> usize {
    match raw.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => 0,
        _ => raw
            .char_indices()
            .find(|&(_, ch)| !is_strip_punct(ch))
            .map_or(raw.len(), |(at, _)| at),
    }
}

/// Byte offset where the punctuation [`is_strip_punct`] strips from the end of `raw` begins.
fn trailing_punct(raw: &str) -> usize {
    let mut end = raw.len();
    if raw.as_bytes().last().is_some_and(u8::is_ascii_alphanumeric) {
        return end;
    }
    for (at, ch) in raw.char_indices().rev() {
        if !is_strip_punct(ch) {
            return end;
        }
        end = at;
    }
    end
}

/// Counts of `!` and `?` in a text: VADER's punctuation emphasis.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Marks {
    pub exclamations: usize,
    pub questions: usize,
}

/// Split `text` into VADER words with byte offsets, appending to `out`, and
/// count its `!` and `?` on the way. ASCII bytes are classed by table; only
/// other characters are decoded (to find Unicode white space).
pub(crate) fn words_into<'a>(text: &'a str, out: &mut Vec<Word<'a>>) -> Marks {
    let bytes = text.as_bytes();
    let mut marks = Marks::default();
    let mut i = 0;
    while i < bytes.len() {
        let c = class(bytes[i]);
        if c & SPACE != 0 {
            i += 1;
            continue;
        }
        if c & NON_ASCII != 0 {
            let len = unicode_space_at(text, i);
            if len > 0 {
                i += len;
                continue;
            }
        }
        let start = i;
        let mut seen = 0u8;
        while i < bytes.len() {
            let c = class(bytes[i]);
            if c & SPACE != 0 || (c & NON_ASCII != 0 && unicode_space_at(text, i) > 0) {
                break;
            }
            seen |= c;
            i += 1;
        }
        let Some(raw) = text.get(start..i) else {
            continue;
        };
        if seen & MARK != 0 {
            marks.exclamations += raw.bytes().filter(|&b| b == b'!').count();
            marks.questions += raw.bytes().filter(|&b| b == b'?').count();
        }
        push_word(raw, start, seen, out);
    }
    marks
}

/// Byte length of the Unicode white-space character at `i`, or 0.
fn unicode_space_at(text: &str, i: usize) -> usize {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .filter(|ch| ch.is_whitespace())
        .map_or(0, char::len_utf8)
}

/// Appends the word of the white-space-free piece `raw` at byte `start`;
/// `seen` holds the classes of `raw`'s bytes.
fn push_word<'a>(raw: &'a str, start: usize, seen: u8, out: &mut Vec<Word<'a>>) {
    let lead = leading_punct(raw);
    let end = trailing_punct(raw).max(lead);
    let stripped = &raw[lead..end];
    let has_alnum = stripped
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
        || stripped.chars().any(char::is_alphanumeric);
    let (word, head, tail) = if has_alnum {
        (stripped, &raw[..lead], &raw[end..])
    } else {
        (raw, "", "")
    };
    if word.is_empty() {
        return;
    }
    let clause_end = !tail.is_empty() && tail.contains(['.', ',', ';', ':', '!', '?']);
    let quoted =
        !head.is_empty() && head.chars().any(is_quote_mark) && tail.chars().any(is_quote_mark);
    // Stripping removes punctuation only, so `raw`'s letter classes are the word's.
    let scanned = if seen & NON_ASCII == 0 {
        scan_ascii(word.as_bytes(), seen)
    } else {
        scan_word(FNV_OFFSET, word)
    };
    out.push(Word {
        text: word,
        start: start + if has_alnum { lead } else { 0 },
        hash: scanned.hash,
        prefix_hash: scanned.prefix,
        entry: None,
        as_entry: false,
        ascii: scanned.ascii,
        upper: scanned.upper,
        nt: seen & (APOSTROPHE | NON_ASCII) != 0 && has_nt(word),
        clause_end,
        quoted,
        info: WordInfo::default(),
    });
}

/// A word of the lexicon's table as scoring uses it: what the lexicon knows
/// of it and the hash it scores under, both after inflection folding (folded
/// once here, from the word as listed, not at every occurrence).
#[derive(Clone, Copy, Debug)]
struct Entry {
    info: WordInfo,
    hash: u64,
    /// Index into [`Lexicon::entries`].
    id: u32,
}

/// The hashes a table word's features are made of, so that tables of each
/// word's share of a model's scores can be built once from the weights.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct EntryKey {
    /// [`Word::hash`] of the word (its stem's if folded).
    pub hash: u64,
    /// [`Word::prefix_hash`] of the word.
    pub prefix_hash: u64,
    /// Its vector row (its stem's if folded).
    pub vector: Option<u32>,
}

/// The lexicon and its rules. Build once.
#[derive(Clone, Debug)]
pub(crate) struct Lexicon {
    /// Every word the rules or the word vectors know, so scoring looks each
    /// word up once.
    table: HashedMap<Entry>,
    /// The lexicon words alone (with their vector rows): the stems that
    /// inflection folding tries, in a table small enough to stay in cache.
    stems: HashedMap<Entry>,
    /// By [`Entry::id`].
    keys: Vec<EntryKey>,
    h_no: u64,
    h_but: u64,
    h_however: u64,
    h_least: u64,
    h_at: u64,
    h_very: u64,
    h_never: u64,
    h_so: u64,
    h_this: u64,
    h_without: u64,
    h_doubt: u64,
    h_kind: u64,
    h_sort: u64,
    h_of: u64,
    h_or: u64,
    h_nor: u64,
    /// Corpus-average word vectors (dense features of the linear models).
    pub vectors: WordVectors,
}

impl Lexicon {
    /// Parse the embedded VADER lexicon.
    pub(crate) fn new() -> Lexicon {
        let vectors = WordVectors::embedded();
        // Each word with the form it is listed under (the first listing).
        let mut info: HashedMap<(WordInfo, &str)> = vectors
            .words()
            .map(|(word, row)| {
                let entry = WordInfo {
                    vector: Some(row),
                    ..WordInfo::default()
                };
                (word_hash(word), (entry, word))
            })
            .collect();
        let news = NEWS_LEXICON.lines().filter(|l| !l.starts_with('#'));
        for (vader, line) in VADER_LEXICON
            .lines()
            .map(|l| (true, l))
            .chain(news.map(|l| (false, l)))
        {
            let mut cols = line.split('\t');
            let (Some(word), Some(measure)) = (cols.next(), cols.next()) else {
                continue;
            };
            let Ok(v) = measure.trim().parse::<f32>() else {
                continue;
            };
            let e = listing(&mut info, word);
            // The VADER entry wins over the supplement's.
            if vader || !e.has(WordInfo::IN_LEXICON) {
                e.valence = v;
                e.flags |= WordInfo::IN_LEXICON;
            }
        }
        for (word, rating) in afinn_ratings() {
            let e = listing(&mut info, word);
            e.afinn = rating;
        }
        for (word, polarity, subjectivity) in pattern_ratings() {
            let e = listing(&mut info, word);
            e.polarity = polarity;
            e.subjectivity = subjectivity;
            e.flags |= WordInfo::PATTERN;
        }
        let mut flag = |word: &'static str, flag: u8, booster: Option<f32>| {
            let e = listing(&mut info, word);
            e.flags |= flag;
            if let Some(b) = booster {
                e.booster = b;
            }
        };
        for (list, boost) in [(BOOST_UP, B_INCR), (BOOST_DOWN, B_DECR)] {
            for &w in list {
                flag(w, WordInfo::BOOSTER, Some(boost));
            }
        }
        for (list, f) in [(NEGATE, WordInfo::NEGATION), (SHIFTERS, WordInfo::SHIFTER)] {
            for &w in list {
                flag(w, f, None);
            }
        }
        let words: Vec<(u64, WordInfo, &str)> =
            info.into_iter().map(|(h, (e, w))| (h, e, w)).collect();
        let stems: HashedMap<Entry> = words
            .iter()
            .enumerate()
            .filter(|(_, (_, e, _))| e.has(WordInfo::IN_LEXICON))
            .map(|(id, &(hash, info, _))| {
                let id = id as u32;
                (hash, Entry { info, hash, id })
            })
            .collect();
        let mut table = HashedMap::default();
        table.reserve(words.len());
        let mut keys = Vec::with_capacity(words.len());
        for (id, &(hash, info, word)) in words.iter().enumerate() {
            let own = Entry {
                info,
                hash,
                id: id as u32,
            };
            let folded = if info.has(WordInfo::IN_LEXICON) || word.len() < 5 {
                None
            } else {
                fold(&stems, word)
            };
            let mut scored = folded.map_or(own, |stem| Entry { id: own.id, ..stem });
            // A word AFINN or pattern rate keeps its own ratings when folded.
            if info.has_other_ratings() {
                scored.info.take_other_ratings(info);
            }
            keys.push(EntryKey {
                hash: scored.hash,
                prefix_hash: scan_word(FNV_OFFSET, word).prefix,
                vector: scored.info.vector,
            });
            table.insert(hash, scored);
        }
        Lexicon {
            stems,
            table,
            keys,
            h_no: word_hash("no"),
            h_but: word_hash("but"),
            h_however: word_hash("however"),
            h_least: word_hash("least"),
            h_at: word_hash("at"),
            h_very: word_hash("very"),
            h_never: word_hash("never"),
            h_so: word_hash("so"),
            h_this: word_hash("this"),
            h_without: word_hash("without"),
            h_doubt: word_hash("doubt"),
            h_kind: word_hash("kind"),
            h_sort: word_hash("sort"),
            h_of: word_hash("of"),
            h_or: word_hash("or"),
            h_nor: word_hash("nor"),
            vectors,
        }
    }

    /// Every table word's feature hashes, by [`Word::entry`].
    pub(crate) fn entries(&self) -> &[EntryKey] {
        &self.keys
    }

    /// True for a negation word ("not", "never", "n't" forms).
    pub(crate) fn is_negation(&self, word: &Word<'_>) -> bool {
        word.info.has(WordInfo::NEGATION)
    }

    /// Looks `w` up: its scoring hash and what the lexicon knows of it. A
    /// table word comes folded already; another word of five bytes or more
    /// is folded here.
    fn look_up(&self, w: &mut Word<'_>) {
        let found = match self.table.get(&w.hash) {
            Some(&e) => {
                w.as_entry = w.ascii;
                Some(e)
            }
            None if w.text.len() >= 5 => fold(&self.stems, w.text),
            None => None,
        };
        if let Some(e) = found {
            w.info = e.info;
            w.hash = e.hash;
            w.entry = Some(e.id);
        }
        if w.nt {
            w.info.flags |= WordInfo::NEGATION;
        }
    }

    fn in_lexicon(&self, w: &Word<'_>) -> bool {
        w.info.has(WordInfo::IN_LEXICON)
    }

    /// Score `text`: its words, per-word valences and the VADER figures.
    pub(crate) fn analyze<'a>(&self, text: &'a str) -> Analysis<'a> {
        let mut words = Vec::with_capacity(text.len() / 5 + 1);
        let marks = words_into(text, &mut words);
        for w in &mut words {
            self.look_up(w);
        }
        let mut valences = Vec::with_capacity(words.len());
        let n_upper = words.iter().filter(|w| w.upper).count();
        let cap_diff = n_upper > 0 && n_upper < words.len();
        for i in 0..words.len() {
            let w = &words[i];
            let is_kind_of =
                w.hash == self.h_kind && words.get(i + 1).is_some_and(|n| n.hash == self.h_of);
            if w.info.has(WordInfo::BOOSTER) || is_kind_of {
                valences.push(0.0);
                continue;
            }
            valences.push(self.word_valence(&words, i, cap_diff));
        }
        self.contrast(&words, &mut valences);
        let score = score_valence(&valences, marks);
        Analysis {
            words,
            valences,
            score,
            marks,
        }
    }

    fn word_valence(&self, words: &[Word<'_>], i: usize, cap_diff: bool) -> f32 {
        let w = &words[i];
        if !w.info.has(WordInfo::IN_LEXICON) {
            return 0.0;
        }
        let base = w.info.valence;
        let mut valence = base;
        let at = |k: usize| words[i - k].hash;
        if w.hash == self.h_no && words.get(i + 1).is_some_and(|n| self.in_lexicon(n)) {
            valence = 0.0;
        }
        if (i > 0 && at(1) == self.h_no)
            || (i > 1 && at(2) == self.h_no)
            || (i > 2 && at(3) == self.h_no && (at(1) == self.h_or || at(1) == self.h_nor))
        {
            valence = base * N_SCALAR;
        }
        if w.upper && cap_diff {
            valence += if valence > 0.0 { C_INCR } else { -C_INCR };
        }
        for start_i in 0..3 {
            if i <= start_i {
                break;
            }
            let prev = &words[i - (start_i + 1)];
            if self.in_lexicon(prev) {
                continue;
            }
            let mut s = self.scalar_inc_dec(prev, valence, cap_diff);
            if start_i == 1 {
                s *= 0.95;
            } else if start_i == 2 {
                s *= 0.9;
            }
            valence += s;
            valence = self.negation_check(valence, words, start_i, i);
            if start_i == 2 {
                // Booster bigrams "kind of", "sort of" before the word.
                let (a, b) = (at(2), at(1));
                if (a == self.h_kind || a == self.h_sort) && b == self.h_of {
                    valence += B_DECR;
                }
            }
        }
        // "least": "the least X" flips; "at least X" does not.
        if i > 0
            && at(1) == self.h_least
            && !self.in_lexicon(&words[i - 1])
            && (i == 1 || (at(2) != self.h_at && at(2) != self.h_very))
        {
            valence *= N_SCALAR;
        }
        // A shifter verb up to three words back, in the same clause.
        for k in 1..=3.min(i) {
            let prev = &words[i - k];
            if prev.clause_end {
                break;
            }
            if prev.info.has(WordInfo::SHIFTER) {
                valence *= N_SCALAR;
                break;
            }
        }
        if w.quoted {
            valence *= 0.5;
        }
        valence
    }

    fn scalar_inc_dec(&self, word: &Word<'_>, valence: f32, cap_diff: bool) -> f32 {
        if !word.info.has(WordInfo::BOOSTER) {
            return 0.0;
        }
        let boost = word.info.booster;
        let mut scalar = if valence < 0.0 { -boost } else { boost };
        if word.upper && cap_diff {
            scalar += if valence > 0.0 { C_INCR } else { -C_INCR };
        }
        scalar
    }

    fn negation_check(&self, valence: f32, words: &[Word<'_>], start_i: usize, i: usize) -> f32 {
        let h = |k: usize| words[i - k].hash;
        let neg = |k: usize| self.is_negation(&words[i - k]);
        match start_i {
            0 if neg(1) => valence * N_SCALAR,
            1 if h(2) == self.h_never && (h(1) == self.h_so || h(1) == self.h_this) => {
                valence * 1.25
            }
            1 if h(2) == self.h_without && h(1) == self.h_doubt => valence,
            1 if neg(2) => valence * N_SCALAR,
            2 if (h(3) == self.h_never && (h(2) == self.h_so || h(2) == self.h_this))
                || (h(1) == self.h_so || h(1) == self.h_this) =>
            {
                valence * 1.25
            }
            2 if h(3) == self.h_without && (h(2) == self.h_doubt || h(1) == self.h_doubt) => {
                valence
            }
            2 if neg(3) => valence * N_SCALAR,
            _ => valence,
        }
    }

    /// Words before the first "but" count half, words after it one and a half.
    fn contrast(&self, words: &[Word<'_>], valences: &mut [f32]) {
        let Some(bi) = words
            .iter()
            .position(|w| w.hash == self.h_but || w.hash == self.h_however)
        else {
            return;
        };
        for (i, v) in valences.iter_mut().enumerate() {
            if i < bi {
                *v *= 0.5;
            } else if i > bi {
                *v *= 1.5;
            }
        }
    }
}

/// What the table under construction knows of `word` (a new, empty
/// listing if nothing yet).
fn listing<'m>(
    info: &'m mut HashedMap<(WordInfo, &'static str)>,
    word: &'static str,
) -> &'m mut WordInfo {
    &mut info
        .entry(word_hash(word))
        .or_insert((WordInfo::default(), word))
        .0
}

/// AFINN's one-word entries with their ratings.
fn afinn_ratings() -> impl Iterator<Item = (&'static str, i8)> {
    AFINN_LEXICON.lines().filter_map(|line| {
        let (word, rating) = line.rsplit_once('\t')?;
        let rating = rating.trim().parse::<i8>().ok()?;
        (!word.contains(' ') && rating != 0).then_some((word, rating))
    })
}

/// pattern's one-word forms, each with its polarity and subjectivity
/// (x 100) averaged over its senses, as pattern itself averages them.
fn pattern_ratings() -> Vec<(&'static str, i8, i8)> {
    let attribute = |line: &'static str, name: &str| -> Option<&'static str> {
        let start = line.find(name)? + name.len();
        let len = line[start..].find('"')?;
        Some(&line[start..start + len])
    };
    // (hash of the form, form, polarity, subjectivity) per sense.
    let mut senses: Vec<(u64, &'static str, f32, f32)> = PATTERN_LEXICON
        .lines()
        .filter(|l| l.trim_start().starts_with("<word "))
        .filter_map(|l| {
            let form = attribute(l, " form=\"")?;
            let polarity = attribute(l, " polarity=\"")?.parse().ok()?;
            let subjectivity = attribute(l, " subjectivity=\"")?.parse().ok()?;
            (!form.contains(' ')).then(|| (word_hash(form), form, polarity, subjectivity))
        })
        .collect();
    senses.sort_by_key(|sense| sense.0);
    senses
        .chunk_by(|a, b| a.0 == b.0)
        .map(|group| {
            let n = group.len() as f32;
            let mean = |pick: fn(&(u64, &str, f32, f32)) -> f32| {
                (group.iter().map(pick).sum::<f32>() / n * 100.0).round() as i8
            };
            (group[0].1, mean(|s| s.2), mean(|s| s.3))
        })
        .collect()
}

/// A word missing from the lexicon whose stem is in it ("deaths",
/// "helped", "threatens") is scored as the stem: the stem's entry. The first
/// suffix in [`INFLECTIONS`] that leaves a lexicon stem wins.
fn fold(stems: &HashedMap<Entry>, word: &str) -> Option<Entry> {
    let bytes = word.as_bytes();
    INFLECTIONS.iter().find_map(|suffix| {
        let cut = bytes.len().checked_sub(suffix.len())?;
        if !bytes[cut..].eq_ignore_ascii_case(suffix.as_bytes()) {
            return None;
        }
        // An ASCII suffix starts on a character boundary.
        let stem = word_hash(word.get(..cut)?);
        stems.get(&stem).copied()
    })
}

fn has_nt(word: &str) -> bool {
    word.as_bytes().windows(3).any(|w| {
        w[0].eq_ignore_ascii_case(&b'n') && w[1] == b'\'' && w[2].eq_ignore_ascii_case(&b't')
    }) || word.contains("n\u{2019}t")
        || word.contains("N\u{2019}T")
}

/// VADER's normalisation of a valence sum to -1..1.
pub(crate) fn normalize(score: f32) -> f32 {
    (score / (score * score + 15.0).sqrt()).clamp(-1.0, 1.0)
}

fn score_valence(valences: &[f32], marks: Marks) -> LexScore {
    if valences.is_empty() {
        return LexScore::default();
    }
    let mut sum: f32 = valences.iter().sum();
    let ep = marks.exclamations.min(4) as f32 * 0.292;
    let qm_count = marks.questions;
    let qm = match qm_count {
        0 | 1 => 0.0,
        2 | 3 => qm_count as f32 * 0.18,
        _ => 0.96,
    };
    let amp = ep + qm;
    if sum > 0.0 {
        sum += amp;
    } else if sum < 0.0 {
        sum -= amp;
    }
    let compound = normalize(sum);
    let (mut pos, mut neg, mut neu) = (0.0f32, 0.0f32, 0.0f32);
    for &v in valences {
        if v > 0.0 {
            pos += v + 1.0;
        } else if v < 0.0 {
            neg += v - 1.0;
        } else {
            neu += 1.0;
        }
    }
    if pos > neg.abs() {
        pos += amp;
    } else if pos < neg.abs() {
        neg -= amp;
    }
    let total = pos + neg.abs() + neu;
    LexScore {
        compound,
        pos: (pos / total).abs(),
        neg: (neg / total).abs(),
        neu: (neu / total).abs(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn compound(text: &str) -> f32 {
        Lexicon::new().analyze(text).score.compound
    }

    fn split(text: &str) -> Vec<Word<'_>> {
        let mut out = Vec::new();
        words_into(text, &mut out);
        out
    }

    #[test]
    fn vader_reference_sentences_keep_their_sign_and_order() {
        let plain = compound("VADER is smart, handsome, and funny.");
        let boosted = compound("VADER is very smart, handsome, and funny.");
        let shouted = compound("VADER is smart, handsome, and funny!");
        assert!(plain > 0.7, "{plain}");
        assert!(boosted > plain && shouted > plain);
        // The VADER reference value for the plain sentence is 0.8316.
        assert!((plain - 0.8316).abs() < 0.01, "{plain}");
    }

    #[test]
    fn negation_flips_a_positive_word() {
        assert!(compound("The talks were good.") > 0.3);
        assert!(compound("The talks were not good.") < -0.2);
        assert!(compound("The talks weren\u{2019}t good.") < -0.2);
        // Not in VADER 3.3's list; "Nobody wins a trade war" is not praise.
        assert!(compound("Nobody wins a trade war.") < 0.0);
    }

    #[test]
    fn but_weights_the_second_clause() {
        let s = compound("The food was good, but the service was terrible.");
        assert!(s < 0.0, "{s}");
    }

    #[test]
    fn shifter_verbs_turn_what_they_act_on() {
        assert!(compound("They want to reduce distrust.") > 0.1);
        assert!(compound("They want to ease tensions.") > 0.1);
        assert!(compound("Tensions rose.") < 0.0);
    }

    #[test]
    fn news_supplement_adds_diplomatic_vocabulary() {
        assert!(compound("They discussed cooperation.") > 0.1);
        assert!(compound("They discussed sanctions.") < -0.1);
    }

    #[test]
    fn no_with_punctuation_still_negates() {
        assert!(compound("There is no, real progress.") < compound("There is real progress."));
    }

    #[test]
    fn words_report_byte_offsets_inside_the_text() {
        let text = "\u{201c}Progress,\u{201d} he said.";
        let out = split(text);
        let texts: Vec<&str> = out.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["Progress", "he", "said"]);
        assert_eq!(
            &text[out[0].start..out[0].start + out[0].text.len()],
            "Progress"
        );
        assert!(out[0].quoted && out[0].clause_end);
    }

    #[test]
    fn unicode_spaces_split_words_like_ascii_ones() {
        let text = "one\u{a0}two\u{2009}thr\u{e9}e\u{b}four\u{3000}\u{2014}";
        let out = split(text);
        let texts: Vec<&str> = out.iter().map(|w| w.text).collect();
        assert_eq!(texts, ["one", "two", "thr\u{e9}e", "four", "\u{2014}"]);
        for w in &out {
            assert_eq!(&text[w.start..w.start + w.text.len()], w.text);
        }
    }

    #[test]
    fn marks_are_counted_in_words_and_in_punctuation_alone() {
        let mut out = Vec::new();
        let marks = words_into("Wow!! Is it\u{a0}true? !!! caf\u{e9}?", &mut out);
        assert_eq!(marks.exclamations, 5);
        assert_eq!(marks.questions, 2);
        assert_eq!(words_into("no marks here", &mut out), Marks::default());
    }

    #[test]
    fn ascii_scan_equals_the_general_scan() {
        for word in [
            "",
            "a",
            "NATO",
            "Threatens",
            "abcdef",
            "abcdefg",
            "don't",
            "U.S.",
            "x1-Y2",
        ] {
            let seen = word.bytes().fold(0, |s, b| s | class(b));
            let (fast, slow) = (
                scan_ascii(word.as_bytes(), seen),
                scan_word(FNV_OFFSET, word),
            );
            assert_eq!(
                (fast.hash, fast.prefix, fast.upper, fast.ascii),
                (slow.hash, slow.prefix, slow.upper, slow.ascii),
                "{word}"
            );
        }
    }

    #[test]
    fn prefix_hashes_match_hashing_the_prefix() {
        for word in [
            "Threatens",
            "helped",
            "deaths",
            "D\u{e9}tentes",
            "na\u{ef}vely",
            "ab",
        ] {
            let w = split(word)[0];
            assert_eq!(w.hash, word_hash(word));
            assert!(!w.upper, "{word}");
            let expected_prefix = if word.len() > PREFIX + 1 && word.is_char_boundary(PREFIX) {
                word_hash(&word[..PREFIX])
            } else {
                0
            };
            assert_eq!(w.prefix_hash, expected_prefix, "{word}");
            assert_eq!(w.ascii, word.is_ascii(), "{word}");
        }
    }

    #[test]
    fn inflections_score_as_their_lexicon_stem() {
        let lex = Lexicon::new();
        let a = lex.analyze("deaths");
        let stem = lex.analyze("death");
        assert!(a.valences[0] < 0.0);
        assert_eq!(a.valences, stem.valences);
        assert_eq!(a.words[0].hash, word_hash("death"));
        // Too short to fold, and unknown words keep their own hash.
        assert_eq!(lex.analyze("zzqxs").words[0].hash, word_hash("zzqxs"));
    }

    /// Table words are folded once from their listed form, other words at
    /// each occurrence; both must fold alike, in any case.
    #[test]
    fn table_words_and_other_words_fold_alike() {
        let lex = Lexicon::new();
        let folded = |text: &str| {
            let w = lex.analyze(text).words[0];
            (
                w.hash,
                w.info,
                w.entry.map(|id| lex.entries()[id as usize].vector),
            )
        };
        // "helped" is a word-vector entry (folded once); "Woohoos" and
        // "ecstaticly" are in no table (folded where they occur).
        assert!(!lex.table.contains_key(&word_hash("woohoos")));
        assert!(!lex.table.contains_key(&word_hash("ecstaticly")));
        for (word, stem) in [
            ("helped", "help"),
            ("Betrayals", "betrayal"),
            ("DEATHS", "death"),
            ("Woohoos", "woohoo"),
            ("ecstaticly", "ecstatic"),
        ] {
            let (hash, info, vector) = folded(word);
            let (stem_hash, stem_info, stem_vector) = folded(stem);
            assert_eq!(hash, stem_hash, "{word}");
            assert_eq!(info, stem_info, "{word}");
            assert_eq!(vector, stem_vector, "{word}");
        }
        let w = lex.analyze("helped").words[0];
        assert!(w.as_entry && w.entry.is_some());
        // Folded where it occurs: the stem's entry, whose n-gram hashes are not the word's.
        assert!(!lex.analyze("woohoos").words[0].as_entry);
        let key = lex.entries()[w.entry.unwrap() as usize];
        assert_eq!(key.hash, word_hash("help"));
        assert_eq!(key.prefix_hash, 0, "six bytes: no prefix");
    }

    #[test]
    fn other_raters_rate_words_and_folded_words_keep_their_own_ratings() {
        let lex = Lexicon::new();
        let info = |text: &str| lex.analyze(text).words[0].info;
        // pattern lists four senses of "great": polarity 1, 1, .4, .8 and
        // subjectivity 1, 1, .2, .8; AFINN rates it 3.
        let great = info("Great");
        assert!(great.has(WordInfo::PATTERN));
        assert_eq!(
            (great.afinn, great.polarity, great.subjectivity),
            (3, 80, 75)
        );
        // Neither rates "table".
        let table = info("table");
        assert_eq!((table.afinn, table.has(WordInfo::PATTERN)), (0, false));
        // "fines" scores as VADER's "fine" but keeps AFINN's -2 (not
        // "fine"'s +2); "fined", which AFINN does not list, takes the stem's.
        let (fines, fine) = (info("fines"), info("fine"));
        assert_eq!(fines.valence, fine.valence);
        assert_eq!((fines.afinn, fine.afinn, info("fined").afinn), (-2, 2, 2));
        // Phrases are left out ("can't stand" is rated in AFINN).
        assert!(afinn_ratings().all(|(w, _)| !w.contains(' ')));
        assert!(
            pattern_ratings().len() > 1_400,
            "{}",
            pattern_ratings().len()
        );
    }

    #[test]
    fn empty_and_punctuation_only_text_scores_zero() {
        assert_eq!(compound(""), 0.0);
        assert_eq!(compound("  ... !!! "), 0.0);
    }
}
