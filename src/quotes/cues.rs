//! Word lists of the quote stage: speech cues (verbs, phrases, nouns), role
//! nouns that head descriptions of people ("the French foreign minister",
//! "the analyst"), pronouns and the words that mark scare quotes.
//!
//! All matching is ASCII-case-insensitive on whole tokens.

use std::sync::OnceLock;

/// Single-word speech verbs in every inflection we accept.
const VERBS: &[&str] = &[
    "accuse",
    "accuses",
    "accused",
    "accusing",
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "note",
    "notes",
    "noted",
    "noting",
    "stress",
    "stresses",
    "stressed",
    "stressing",
    "warn",
    "warns",
    "warned",
    "warning",
    "recall",
    "recalls",
    "recalled",
    "recalling",
    "explain",
    "explains",
    "explained",
    "explaining",
    "declare",
    "declares",
    "declared",
    "declaring",
    "stated",
    "stating",
    "announce",
    "announces",
    "announced",
    "announcing",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "argue",
    "argues",
    "argued",
    "arguing",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "comment",
    "commented",
    "commenting",
    "remark",
    "remarked",
    "emphasize",
    "emphasizes",
    "emphasized",
    "emphasizing",
    "emphasise",
    "emphasised",
    "underline",
    "underlined",
    "underlines",
    "underscored",
    "underscores",
    "conclude",
    "concluded",
    "concludes",
    "acknowledge",
    "acknowledged",
    "acknowledges",
    "acknowledging",
    "admit",
    "admits",
    "admitted",
    "assert",
    "asserts",
    "asserted",
    "confirm",
    "confirms",
    "confirmed",
    "confirming",
    "describe",
    "describes",
    "described",
    "describing",
    "call",
    "calls",
    "called",
    "calling",
    "write",
    "writes",
    "wrote",
    "writing",
    "tweet",
    "tweeted",
    "posted",
    "reply",
    "replies",
    "replied",
    "answer",
    "answered",
    "respond",
    "responded",
    "ask",
    "asks",
    "asked",
    "urge",
    "urges",
    "urged",
    "urging",
    "suggest",
    "suggests",
    "suggested",
    "caution",
    "cautions",
    "cautioned",
    "cautioning",
    "express",
    "expressed",
    "expresses",
    "expressing",
    "predict",
    "predicted",
    "promise",
    "promised",
    "vow",
    "vowed",
    "pledge",
    "pledged",
    "complain",
    "complained",
    "deny",
    "denied",
    "denies",
    "reiterate",
    "reiterated",
    "observe",
    "observed",
    "indicate",
    "indicated",
    "indicates",
    "mention",
    "mentioned",
    "reveal",
    "revealed",
    "quoted",
    "cited",
    "echoed",
    "conveyed",
    "voiced",
    "affirmed",
    "maintained",
    "contended",
    "recounted",
    "elaborated",
    "summarized",
    "summarised",
    "joked",
    "quipped",
    "wondered",
    "exclaimed",
    "shouted",
    "whispered",
    "lamented",
    "boasted",
    "conceded",
    "countered",
    "retorted",
    "interjected",
    "interrupted",
    "hinted",
    "testified",
    "briefed",
    "signaled",
    "signalled",
    "demanded",
    "threatened",
    "proclaimed",
    "stressing",
    "believes",
    "thinks",
    "estimated",
    "continued",
    "continues",
    "agreed",
    "agrees",
    "concedes",
    "laughed",
    "laughs",
    "sighed",
    "mused",
    "muses",
    "reasoned",
    "reflected",
    "reflects",
    "offered",
    "interjected",
    "remembered",
    "remembers",
    "shout",
    "shouts",
    "yelled",
    "yells",
    "screamed",
    "ordered",
    "pleaded",
    "begged",
    "texted",
    "emailed",
    "sang",
    "sings",
    "chanted",
    "tweets",
    "comments",
    "assures",
    "assured",
    "reassured",
    "observes",
    "predicts",
    "promises",
    "vows",
    "pledges",
    "complains",
    "confessed",
    "confided",
    "admitting",
    "bragged",
    "boasts",
    "gushed",
    "raved",
    "teased",
    "advised",
    "advises",
    "quips",
    "jokes",
    "counters",
    "retorts",
    "responds",
    "recounts",
    "reveals",
    "concluding",
    "informed",
    "dismiss",
    "dismisses",
    "dismissed",
    "dismissing",
    "hailed",
    "hails",
    "denounced",
    "denounces",
    "slammed",
    "slams",
    "criticised",
    "criticized",
    "apologised",
    "apologized",
];

/// Speech verbs that also take an infinitive ("agreed to return"), where
/// they report no speech ("vowed to take “decisive action”" still quotes).
const TAKE_INFINITIVE: &[&str] = &[
    "agreed",
    "agrees",
    "continued",
    "continues",
    "pleaded",
    "begged",
    "offered",
    "asked",
];

/// Verbs that open a reported clause ("said that ...") for indirect speech.
const REPORTING: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stressed",
    "stresses",
    "warned",
    "warns",
    "recalled",
    "explained",
    "declared",
    "stated",
    "announced",
    "insisted",
    "argued",
    "claimed",
    "emphasized",
    "emphasised",
    "acknowledged",
    "admitted",
    "asserted",
    "confirmed",
    "suggested",
    "cautioned",
    "indicated",
    "reiterated",
    "conveyed",
    "stating",
    "noting",
    "adding",
    "stressing",
    "warning",
    "insisting",
    "arguing",
    "claiming",
    "explaining",
    "believes",
    "thinks",
    "predicted",
    "promised",
    "vowed",
];

/// Particles completing a phrasal speech verb: "pointed out", "summed up".
const PHRASAL: &[(&[&str], &str)] = &[
    (&["point", "points", "pointed", "pointing"], "out"),
    (&["sum", "sums", "summed", "summing"], "up"),
    (&["make", "makes", "made", "making"], "clear"),
    (&["went", "goes", "go"], "on"),
    (&["according", "accordance"], "to"),
    (&["spoke", "spoken", "speaks", "speak"], "of"),
    (&["in", "in"], "quotes"),
    (
        &["shot", "shoots", "fired", "fires", "hit", "hits", "snapped"],
        "back",
    ),
];

/// Nouns that announce speech: "in a statement", "in an interview".
const NOUNS: &[&str] = &[
    "statement",
    "statements",
    "interview",
    "remarks",
    "comments",
    "speech",
    "tweet",
    "post",
    "communique",
    "announcement",
    "briefing",
    "words",
];

/// Nouns that head a description of a person: "the French foreign minister",
/// "the analyst", "the interlocutor of RT". Singular forms; a trailing "s" is
/// stripped before lookup when comparing with learned roles.
const ROLES: &[&str] = &[
    "minister",
    "president",
    "premier",
    "chancellor",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "leader",
    "diplomat",
    "ambassador",
    "envoy",
    "expert",
    "analyst",
    "researcher",
    "professor",
    "scholar",
    "economist",
    "scientist",
    "head",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "founder",
    "editor",
    "journalist",
    "reporter",
    "columnist",
    "commentator",
    "interlocutor",
    "lawyer",
    "attorney",
    "judge",
    "justice",
    "magistrate",
    "senator",
    "congressman",
    "congresswoman",
    "lawmaker",
    "legislator",
    "deputy",
    "mayor",
    "governor",
    "general",
    "commander",
    "officer",
    "prosecutor",
    "counsel",
    "barrister",
    "solicitor",
    "adviser",
    "advisor",
    "aide",
    "negotiator",
    "representative",
    "candidate",
    "politician",
    "activist",
    "author",
    "historian",
    "specialist",
    "strategist",
    "manager",
    "executive",
    "owner",
    "king",
    "queen",
    "prince",
    "pope",
    "counterpart",
    "colleague",
    "source",
    "member",
    "doctor",
    "policeman",
    "spokesmen",
    "mp",
    "mep",
    "msp",
    "mla",
    "td",
    "chairperson",
    "coach",
    "player",
    "witness",
    "resident",
    "student",
    "teacher",
    "father",
    "mother",
    "relative",
    "employee",
    "worker",
    "staffer",
    "voter",
    "passenger",
    "parent",
    "customer",
    "neighbour",
    "neighbor",
    "friend",
    "woman",
    "man",
    "pontiff",
    "cardinal",
    "bishop",
    "archbishop",
    "priest",
    "rabbi",
    "imam",
    "nurse",
    "surgeon",
    "physician",
    "captain",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "forward",
    "winger",
    "quarterback",
    "pitcher",
    "guard",
    "champion",
    "principal",
    "linebacker",
    "receiver",
    "shortstop",
    "outfielder",
    "batsman",
    "batter",
    "bowler",
    "hooker",
    "fly-half",
    "scrum-half",
    "flanker",
    "fullback",
    "seed",
    "all-rounder",
    "left-hander",
    "right-hander",
    "wicketkeeper",
    "full-back",
    "centre-back",
    "center-back",
    "jockey",
    "rookie",
    "nominee",
    "laureate",
    "speaker",
    "youngster",
    "teenager",
    "newcomer",
    "debutant",
    "skipper",
    "playmaker",
    "protester",
    "survivor",
    "veteran",
    "singer",
    "actor",
    "actress",
    "supremo",
    "boss",
    "juror",
    "defendant",
    "plaintiff",
    "victim",
    "sheriff",
    "superintendent",
    "coroner",
    "inspector",
    "detective",
    "constable",
    "trainer",
    "taoiseach",
    "tanaiste",
    "chef",
    "poet",
    "comedian",
    "medic",
    "paramedic",
    "midwife",
    "monarch",
];

/// Pronouns that can be the subject of a speech verb, with their gender
/// (`Some(true)` feminine).
pub fn pronoun(word: &str) -> Option<Option<bool>> {
    if word.eq_ignore_ascii_case("he") {
        Some(Some(false))
    } else if word.eq_ignore_ascii_case("she") {
        Some(Some(true))
    } else {
        None
    }
}

/// Nouns that stand for an organisation already named ("the company
/// said", "said the ministry"), or for its words ("the statement
/// continued"), resolved as "it" is.
pub fn is_organization_noun(word: &str) -> bool {
    [
        "company",
        "firm",
        "group",
        "ministry",
        "agency",
        "department",
        "bank",
        "carrier",
        "airline",
        "club",
        "organisation",
        "organization",
        "union",
        "party",
        "foundation",
        "retailer",
        "automaker",
        "carmaker",
        "insurer",
        "lender",
        "broadcaster",
        "newspaper",
        "office",
        "headquarters",
        "embassy",
        "commission",
        "council",
        "committee",
        "court",
        "police",
        "army",
        "military",
        "government",
        "authority",
        "statement",
        "association",
        "federation",
        "mission",
        "regulator",
        "watchdog",
        "alliance",
        "coalition",
        "charity",
        "trust",
        "society",
        "institute",
        "chancellery",
        "consortium",
        "studio",
        "bureau",
        "board",
        "district",
        "utility",
        "prefecture",
        "municipality",
        "network",
        "center",
        "centre",
        "college",
        "operator",
        "developer",
        "manufacturer",
        "provider",
        "supermarket",
        "hospital",
        "university",
        "school",
    ]
    .iter()
    .any(|n| word.eq_ignore_ascii_case(n))
}

/// "it" and "they", which name an organisation speaking ("…,” it said).
pub fn is_neuter_pronoun(word: &str) -> bool {
    word.eq_ignore_ascii_case("it") || word.eq_ignore_ascii_case("they")
}

/// Determiners that open a description.
pub fn is_determiner(word: &str) -> bool {
    [
        "the", "a", "an", "one", "another", "this", "that", "his", "her", "its", "their", "our",
    ]
    .iter()
    .any(|d| word.eq_ignore_ascii_case(d))
        || is_named_possessive(word)
}

/// "Russia's", "Apple’s": a name in the possessive opens a description as
/// "the" does ("Russia's chief diplomat said").
pub fn is_named_possessive(word: &str) -> bool {
    let stem = strip_possessive(word);
    stem.len() < word.len()
        && stem.len() >= 2
        && stem.chars().next().is_some_and(char::is_uppercase)
}

/// `word` without a possessive ending ("man’s" → "man").
pub fn strip_possessive(word: &str) -> &str {
    word.strip_suffix("’s")
        .or_else(|| word.strip_suffix("'s"))
        .unwrap_or(word)
}

/// Indefinite determiners: "an aide said" introduces someone new.
pub fn is_indefinite(word: &str) -> bool {
    ["a", "an", "one", "another", "some"]
        .iter()
        .any(|d| word.eq_ignore_ascii_case(d))
}

/// Prepositions: a name after one is rarely the subject of its sentence.
pub fn is_preposition(word: &str) -> bool {
    [
        "of", "with", "by", "to", "between", "from", "for", "than", "against", "about", "at", "on",
        "in", "into", "toward", "towards", "under", "among", "like", "via",
    ]
    .iter()
    .any(|d| word.eq_ignore_ascii_case(d))
}

/// Relatives and friends, who speak for themselves when a name's
/// possessive introduces them ("Mr Hargreaves' family said").
const KIN: &[&str] = &[
    "family",
    "families",
    "wife",
    "husband",
    "widow",
    "widower",
    "mother",
    "father",
    "parents",
    "son",
    "daughter",
    "brother",
    "sister",
    "relatives",
    "children",
    "friends",
    "partner",
    "fiancée",
    "fiancee",
    "girlfriend",
    "boyfriend",
    "neighbours",
    "neighbors",
];

/// True for one of the kin nouns above (any case).
pub fn is_kin(word: &str) -> bool {
    KIN.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// True for a title before a person's name ("Dr", "Mrs.", "Prof").
pub fn is_name_title(word: &str) -> bool {
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "professor",
        "sir",
        "dame",
        "lord",
        "lady",
    ]
    .iter()
    .any(|t| word.trim_end_matches('.').eq_ignore_ascii_case(t))
}

/// True for a word that opens a subordinate clause ("when", "because", …).
pub fn is_subordinator(word: &str) -> bool {
    [
        "when", "because", "if", "after", "before", "while", "although", "though", "since",
        "unless",
    ]
    .iter()
    .any(|w| word.eq_ignore_ascii_case(w))
}

/// True for a word that opens a fronted adverbial: a preposition, or
/// "outside", "after", "meanwhile" … ("Outside the court, a relative …
/// said", "After the hearing, the senator told …").
pub fn opens_fronted_clause(word: &str) -> bool {
    is_preposition(word)
        || [
            "outside",
            "inside",
            "after",
            "before",
            "during",
            "later",
            "earlier",
            "elsewhere",
            "meanwhile",
            "across",
            "near",
            "around",
            "back",
        ]
        .iter()
        .any(|d| word.eq_ignore_ascii_case(d))
}

/// True for a lower-case word shaped like a participle ("released",
/// "posting", "asked"), five letters or more.
pub fn is_participle_shaped(word: &str) -> bool {
    word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing"))
}

/// Words before a quote that make it a label rather than a quotation.
pub fn is_scare_marker(word: &str) -> bool {
    [
        "so-called",
        "dubbed",
        "termed",
        "nicknamed",
        "branded",
        "labelled",
        "labeled",
        "called",
        "named",
        "titled",
        "entitled",
        "headlined",
        "word",
        "term",
        "phrase",
        "slogan",
        "hashtag",
    ]
    .iter()
    .any(|d| word.eq_ignore_ascii_case(d))
}

fn any_eq(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A word list, sorted once on first use, searched without allocating.
struct Lexicon {
    words: &'static [&'static str],
    sorted: OnceLock<Vec<&'static str>>,
}

impl Lexicon {
    const fn new(words: &'static [&'static str]) -> Lexicon {
        Lexicon {
            words,
            sorted: OnceLock::new(),
        }
    }

    /// ASCII-case-insensitive membership.
    fn contains(&self, word: &str) -> bool {
        let sorted = self.sorted.get_or_init(|| {
            let mut v = self.words.to_vec();
            v.sort_unstable();
            v.dedup();
            v
        });
        let mut buf = [0u8; 24];
        if word.len() > buf.len() || word.is_empty() {
            return false;
        }
        for (b, c) in buf.iter_mut().zip(word.bytes()) {
            *b = c.to_ascii_lowercase();
        }
        let key = &buf[..word.len()];
        sorted.binary_search_by(|w| w.as_bytes().cmp(key)).is_ok()
    }
}

/// Builds every word set now, so the first article does not pay for it.
pub fn warm() {
    for lexicon in [&VERB_SET, &NOUN_SET, &REPORTING_SET, &ROLE_SET] {
        lexicon.contains("said");
    }
}

static VERB_SET: Lexicon = Lexicon::new(VERBS);
static NOUN_SET: Lexicon = Lexicon::new(NOUNS);
static REPORTING_SET: Lexicon = Lexicon::new(REPORTING);
static ROLE_SET: Lexicon = Lexicon::new(ROLES);

/// How a cue relates to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb: the speaker is its subject ("X said", "said X").
    Verb,
    /// "according to": the speaker follows the cue.
    According,
    /// A speech noun ("in a statement"): supports a nearby attribution.
    Noun,
}

/// The cue starting at `words[0]`: its length in words and kind.
pub fn cue_at(words: &[&str]) -> Option<(usize, CueKind)> {
    let first = *words.first()?;
    let second = words.get(1).copied().unwrap_or("");
    for (heads, particle) in PHRASAL {
        if any_eq(heads, first) && second.eq_ignore_ascii_case(particle) {
            if first.eq_ignore_ascii_case("in") {
                return None;
            }
            let kind = if first.eq_ignore_ascii_case("according") {
                CueKind::According
            } else {
                CueKind::Verb
            };
            return Some((2, kind));
        }
    }
    if VERB_SET.contains(first) {
        // "agreed to return", "continued to insist": an infinitive follows,
        // not speech.
        let infinitive = second.eq_ignore_ascii_case("to")
            && TAKE_INFINITIVE
                .iter()
                .any(|v| first.eq_ignore_ascii_case(v));
        return (!infinitive).then_some((1, CueKind::Verb));
    }
    if NOUN_SET.contains(first) {
        return Some((1, CueKind::Noun));
    }
    None
}

/// True for verbs that introduce reported content ("said that ...").
pub fn is_reporting(word: &str) -> bool {
    REPORTING_SET.contains(word)
}

/// True for a role noun heading a description of a person.
pub fn is_role(word: &str) -> bool {
    ROLE_SET.contains(word)
}

/// A noun a description of a person may end with: a role, or an age ("the
/// 22-year-old said", "the 71-year-old told reporters").
pub fn is_description_head(word: &str) -> bool {
    is_role(word)
        || word.strip_suffix("-year-old").is_some_and(|age| {
            (1..=3).contains(&age.len()) && age.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Nouns for a person of a nation or a party, which a description may end
/// with ("the Spaniard said", "the Democrat told reporters"); besides
/// these, capitalised words in "-ian", "-ean" and "-ese" ("the Brazilian",
/// "the Chilean", "the Japanese").
#[rustfmt::skip]
const DEMONYM_NOUNS: &[&str] = &[
    "Spaniard", "Briton", "Scot", "Swede", "Dane", "Pole", "Finn", "Serb", "Croat", "Czech",
    "Swiss", "Thai", "Greek", "Turk", "Argentine", "Israeli", "Pakistani", "Iraqi", "Afghan",
    "Saudi", "Somali", "American", "Mexican", "German", "Kenyan", "Korean", "Cuban", "Moroccan",
    "Frenchman", "Frenchwoman", "Englishman", "Englishwoman", "Irishman", "Irishwoman",
    "Welshman", "Welshwoman", "Dutchman", "Dutchwoman", "Scotsman", "Scotswoman", "Democrat",
    "Republican", "Conservative", "Socialist",
];

/// Forms of "tell", whose object is the hearer: "said X" names the
/// speaker, "told X" never does.
pub fn is_tell(word: &str) -> bool {
    ["told", "tells", "tell", "telling"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

/// Nouns of [`DEMONYM_NOUNS`] that are never adjectives ("the Spaniard
/// has scored", unlike "the German embassy").
pub fn is_person_demonym(word: &str) -> bool {
    const ONLY_NOUNS: &[&str] = &[
        "Spaniard", "Briton", "Scot", "Swede", "Dane", "Pole", "Finn", "Serb", "Croat", "Turk",
    ];
    ONLY_NOUNS.contains(&word) || (word.ends_with("man") && DEMONYM_NOUNS.contains(&word))
}

/// A capitalised noun for a person of a nation or a party ("Spaniard",
/// "Brazilian"): the head of a description only where nothing follows it
/// but the speech verb (the caller checks), since "the American embassy"
/// is not a person.
pub fn is_demonym_noun(word: &str) -> bool {
    DEMONYM_NOUNS.contains(&word)
        || (word.len() >= 6
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && ["ian", "ean", "ese"].iter().any(|s| word.ends_with(s)))
}

/// Lower-case words with an agent-noun ending that are not nouns for people.
const NOT_PERSON_NOUNS: &[&str] = &[
    "after", "over", "under", "other", "never", "ever", "whether", "either", "neither", "rather",
    "later", "earlier", "former", "latter", "together", "further", "however", "moreover", "nor",
    "for", "per", "or", "prior", "minor", "major", "inferior", "superior", "interior", "exterior",
    "junior", "senior", "letter", "paper", "order", "number", "chamber", "border", "water",
    "power", "corner", "center", "matter", "winter", "summer", "cancer", "murder", "shelter",
    "sector", "error", "factor", "quarter", "chapter", "theater", "disaster", "poster", "trailer",
    "charter",
];

/// True for a lower-case noun for a person, the last word of a title
/// written before a name without an article ("said planetary geologist
/// Rosaly Lopes"): a role noun, or an agent noun ("geologist",
/// "researcher", "sponsor", "historian").
pub fn is_person_noun(word: &str) -> bool {
    let lower = word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-');
    lower
        && (is_role(word)
            || word.len() >= 5
                && ["ist", "er", "or", "ian"].iter().any(|s| word.ends_with(s))
                && !NOT_PERSON_NOUNS.contains(&word)
                && !is_preposition(word))
}

/// Singular, lowercase form of a word for role comparison.
pub fn role_key(word: &str) -> String {
    let lower = word.to_lowercase();
    // One title, two words: "Pope Leo" is "the pontiff".
    if lower == "pontiff" {
        return "pope".to_owned();
    }
    match lower.strip_suffix('s') {
        Some(stem) if stem.len() > 3 && !stem.ends_with('s') => stem.to_owned(),
        _ => lower,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_single_and_phrasal_cues() {
        assert_eq!(cue_at(&["said", "Shoigu"]), Some((1, CueKind::Verb)));
        assert_eq!(cue_at(&["summed", "up"]), Some((2, CueKind::Verb)));
        assert_eq!(cue_at(&["According", "to"]), Some((2, CueKind::According)));
        assert_eq!(cue_at(&["statement"]), Some((1, CueKind::Noun)));
        assert_eq!(cue_at(&["talks"]), None);
        assert_eq!(cue_at(&["agreed", ":"]), Some((1, CueKind::Verb)));
        assert_eq!(cue_at(&["agreed", "to"]), None);
        assert_eq!(cue_at(&["said", "to"]), Some((1, CueKind::Verb)));
    }

    #[test]
    fn person_nouns_are_roles_and_agent_nouns() {
        for w in [
            "geologist",
            "researcher",
            "sponsor",
            "historian",
            "minister",
        ] {
            assert!(is_person_noun(w), "{w}");
        }
        for w in ["after", "over", "former", "Geologist", "later", "talks"] {
            assert!(!is_person_noun(w), "{w}");
        }
    }

    #[test]
    fn role_keys_drop_plural_s() {
        assert_eq!(role_key("Ministers"), "minister");
        assert_eq!(role_key("boss"), "boss");
    }
}
