//! Comparison tests on documents built by hand from seed sentences (entities
//! and quotes set directly, so they test the comparison, not the stages).

use super::*;
use crate::doc::{InputFormat, Quote, QuoteKind, Span, SpeakerSentiment};
use crate::quotes::speakers as speakers_of;

/// Builds a [`Doc`] whose entities are found by their mention texts and whose
/// quotes are found by their text.
struct Builder {
    doc: Doc,
}

impl Builder {
    fn new(body: &str) -> Builder {
        Builder {
            doc: Doc::new(body.to_owned(), InputFormat::Text),
        }
    }

    fn find(&self, text: &str, from: usize) -> Span {
        let start = self.doc.body[from..]
            .find(text)
            .unwrap_or_else(|| panic!("{text:?} not in body"))
            + from;
        Span::from_range(start..start + text.len())
    }

    /// An entity; every occurrence of each mention text is a mention.
    fn entity(mut self, name: &str, kind: EntityType, mentions: &[&str]) -> Builder {
        let mut spans = Vec::new();
        for m in mentions {
            let mut from = 0;
            while let Some(pos) = self.doc.body[from..].find(m) {
                spans.push(Span::from_range(from + pos..from + pos + m.len()));
                from += pos + m.len();
            }
        }
        // Longest first at each start; drop mentions inside an earlier one.
        spans.sort_by_key(|s| (s.start(), std::cmp::Reverse(s.end())));
        let mut kept: Vec<Span> = Vec::new();
        for span in spans {
            if kept.last().is_none_or(|last| !last.overlaps(span)) {
                kept.push(span);
            }
        }
        let spans = kept;
        self.doc.entities.push(crate::doc::Entity {
            name: name.to_owned(),
            kind,
            mentions: spans,
            sentiment: None,
        });
        self
    }

    fn quote(mut self, text: &str, kind: QuoteKind, speaker: Option<usize>) -> Builder {
        let span = self.find(text, 0);
        self.doc.quotes.push(Quote {
            span,
            fragments: vec![],
            kind,
            speaker,
            speaker_span: None,
            cue: None,
            confidence: 0.9,
            sentiment: None,
        });
        self
    }

    fn done(mut self) -> Doc {
        self.doc.quotes.sort_by_key(|q| q.span);
        self.doc.speakers = speakers_of(&self.doc.quotes);
        self.doc
    }
}

use EntityType::Person;
use QuoteKind::{Direct, Partial, Scare};

fn seed_000() -> Doc {
    Builder::new(
        "Macron’s foreign and defense ministers, Jean-Yves Le Drian and Florence Parly, met with \
         their Russian counterparts Sergei Lavrov and Sergei Shoigu in Moscow this week, for talks \
         aimed, Le Drian said, at establishing “a new agenda of trust and security.”\n\n\
         “The time has come, the time is right to work to reduce mistrust with Russia,” said Le Drian.\n\n\
         “We do not always have the same vision,” said Parly, but added that it was important for \
         the two sides to talk to each other, “to avoid misunderstandings, friction.”\n\n\
         Lavrov told the French visitors that the prisoner exchange was a good sign, and expressed \
         hope that “Russian-Ukrainian relations will normalize.”",
    )
    .entity("Jean-Yves Le Drian", Person, &["Jean-Yves Le Drian", "Le Drian"])
    .entity("Florence Parly", Person, &["Florence Parly", "Parly"])
    .entity("Sergei Lavrov", Person, &["Sergei Lavrov", "Lavrov"])
    .entity("Sergei Shoigu", Person, &["Sergei Shoigu"])
    .entity("Macron", Person, &["Macron"])
    .quote("a new agenda of trust and security.", Partial, Some(0))
    .quote(
        "The time has come, the time is right to work to reduce mistrust with Russia,",
        Direct,
        Some(0),
    )
    .quote("We do not always have the same vision,", Direct, Some(1))
    .quote("to avoid misunderstandings, friction.", Partial, Some(1))
    .quote("Russian-Ukrainian relations will normalize.", Partial, Some(2))
    .done()
}

fn seed_001() -> Doc {
    Builder::new(
        "The French foreign and defense ministers have held \"frank\" talks with their Russian \
         counterparts in Moscow.\n\n\
         Jean-Yves Le Drian and Florence Parly of France and Russia’s Sergei Lavrov and Sergei \
         Shoigu on September 9 held the first meeting.\n\n\
         However, Le Drian said during a joint press conference that \"the time has come, the time \
         is right, to work toward reducing distrust.\"\n\n\
         Le Drian made clear that the French side had come to Moscow to pursue \"a new agenda of \
         trust and security,\" in keeping with French President Emmanuel Macron's initiatives.\n\n\
         Defense Minister Parly said \"it is important to talk to each other, to avoid \
         misunderstanding and friction,\" while Lavrov said that progress on rebuilding relations \
         was \"possible and necessary.\"",
    )
    .entity(
        "Jean-Yves Le Drian",
        Person,
        &["Jean-Yves Le Drian", "Le Drian"],
    )
    .entity("Florence Parly", Person, &["Florence Parly", "Parly"])
    .entity("Sergei Lavrov", Person, &["Sergei Lavrov", "Lavrov"])
    .entity("Sergei Shoigu", Person, &["Sergei \n         Shoigu"])
    .entity("Emmanuel Macron", Person, &["Emmanuel Macron"])
    .quote("frank", Scare, None)
    .quote(
        "the time has come, the time is right, to work toward reducing distrust.",
        Direct,
        Some(0),
    )
    .quote("a new agenda of trust and security,", Partial, Some(0))
    .quote(
        "it is important to talk to each other, to avoid misunderstanding and friction,",
        Direct,
        Some(1),
    )
    .quote("possible and necessary.", Partial, Some(2))
    .done()
}

fn seed_002() -> Doc {
    Builder::new(
        "French Foreign Minister Jean-Yves Le Drian and Defense Minister Florence Parly met with \
         their Russian counterparts in Moscow on Monday.\n\n\
         The time has come, the time is right, to work towards reducing distrust\n\n\
         He added that Europe will never be safe without “clear and strong relations” with its \
         eastern neighbor.\n\n\
         A similar sentiment was echoed by the French defense minister, who said that “it is \
         important to talk to each other, to avoid misunderstanding and friction,” while \
         acknowledging that “it’s not going to be an easy road ahead.”\n\n\
         That said, Russian Foreign Minister Sergey Lavrov expressed his agreement, stating that \
         rebuilding ties between the two nations is both “possible and necessary.”",
    )
    .entity("Jean-Yves Le Drian", Person, &["Jean-Yves Le Drian"])
    .entity("Florence Parly", Person, &["Florence Parly"])
    .entity("Sergey Lavrov", Person, &["Sergey Lavrov"])
    // The heading-like statement has no attribution in the body.
    .quote(
        "The time has come, the time is right, to work towards reducing distrust",
        Direct,
        None,
    )
    .quote("clear and strong relations", Partial, None)
    // "the French defense minister" left unresolved: unknown speaker.
    .quote(
        "it is important to talk to each other, to avoid misunderstanding and friction,",
        Direct,
        None,
    )
    .quote("it’s not going to be an easy road ahead.", Direct, None)
    .quote("possible and necessary.", Partial, Some(2))
    .done()
}

fn seed_004_fragment() -> Doc {
    Builder::new(
        "We will be glad to see Madame Parley and the French military at the parade on Red \
         Square, said the Russian minister Sergey Lavrov. Florence Parley thanked him.",
    )
    .entity(
        "Florence Parley",
        Person,
        &["Madame Parley", "Florence Parley"],
    )
    .entity("Sergey Lavrov", Person, &["Sergey Lavrov"])
    .entity("Red Square", EntityType::Location, &["Red Square"])
    .done()
}

fn compare_docs(docs: &[Doc]) -> Comparison {
    let names = ["000", "001", "002", "003", "004"];
    let articles: Vec<Article<'_>> = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| Article { id: names[i], doc })
        .collect();
    compare(&articles, &Config::default())
}

fn statement_with<'c>(cmp: &'c Comparison, words: &str) -> &'c Statement {
    cmp.statements
        .iter()
        .find(|s| s.variants.iter().any(|v| v.text.contains(words)))
        .unwrap_or_else(|| panic!("no statement with {words:?}"))
}

fn outlets(statement: &Statement) -> Vec<usize> {
    let mut articles: Vec<usize> = statement.variants.iter().map(|v| v.article).collect();
    articles.dedup();
    articles
}

#[test]
fn seed_statements_cluster_across_outlets() {
    let cmp = compare_docs(&[seed_000(), seed_001(), seed_002()]);
    let time = statement_with(&cmp, "the time is right");
    assert_eq!(outlets(time), [0, 1, 2], "{time:#?}");
    let talk = statement_with(&cmp, "misunderstanding");
    assert_eq!(outlets(talk), [0, 1, 2], "{talk:#?}");
    assert!(talk
        .variants
        .iter()
        .any(|v| v.text == "to avoid misunderstandings, friction."));
    let possible = statement_with(&cmp, "possible and necessary");
    assert_eq!(outlets(possible), [1, 2]);
    assert!(!possible.single_outlet);
    let agenda = statement_with(&cmp, "new agenda");
    assert_eq!(outlets(agenda), [0, 1]);
}

#[test]
fn statement_speaker_is_the_cross_article_entity() {
    let cmp = compare_docs(&[seed_000(), seed_001(), seed_002()]);
    let time = statement_with(&cmp, "the time is right");
    let speaker = time.speaker.expect("Le Drian is known in 000 and 001");
    assert_eq!(cmp.entities[speaker].name, "Jean-Yves Le Drian");
    let possible = statement_with(&cmp, "possible and necessary");
    let lavrov = possible.speaker.expect("Lavrov is known");
    assert!(cmp.entities[lavrov].name.ends_with("Lavrov"));
}

#[test]
fn variants_carry_diffs_against_the_first() {
    let cmp = compare_docs(&[seed_000(), seed_001(), seed_002()]);
    let time = statement_with(&cmp, "the time is right");
    let first = &time.variants[0];
    assert_eq!((first.similarity, first.diff.len()), (1.0, 1));
    let second = &time.variants[1];
    assert!(second.similarity > 0.6 && second.similarity < 1.0);
    assert!(second
        .diff
        .iter()
        .any(|op| op.kind == DiffKind::Insert && op.text.contains("distrust")));
    assert!(second
        .diff
        .iter()
        .any(|op| op.kind == DiffKind::Delete && op.text.contains("mistrust")));
}

#[test]
fn spelling_and_transliteration_variants_are_one_entity() {
    let cmp = compare_docs(&[seed_000(), seed_001(), seed_002(), seed_004_fragment()]);
    let named = |suffix: &str| {
        cmp.entities
            .iter()
            .filter(|e| e.name.ends_with(suffix) || e.aliases.iter().any(|a| a.ends_with(suffix)))
            .collect::<Vec<_>>()
    };
    let parly: Vec<_> = named("Parly")
        .into_iter()
        .chain(named("Parley"))
        .map(|e| e.name.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(parly, ["Florence Parly"]);
    let lavrov = named("Lavrov");
    assert_eq!(lavrov.len(), 1, "{lavrov:#?}");
    assert_eq!(lavrov[0].articles.len(), 4);
    let shoigu = named("Shoigu");
    assert_eq!(shoigu.len(), 1);
    assert_ne!(
        shoigu[0].name, lavrov[0].name,
        "same given name, other surname"
    );
    let rows: Vec<(usize, usize)> = lavrov[0]
        .articles
        .iter()
        .map(|r| (r.article, r.mentions))
        .collect();
    assert_eq!(rows, [(0, 2), (1, 2), (2, 1), (3, 1)]);
}

#[test]
fn surname_alone_joins_the_full_name() {
    let cmp = compare_docs(&[seed_000(), seed_001()]);
    let macron: Vec<_> = cmp
        .entities
        .iter()
        .filter(|e| e.name.contains("Macron"))
        .collect();
    assert_eq!(macron.len(), 1);
    assert_eq!(macron[0].name, "Emmanuel Macron");
    assert_eq!(macron[0].articles.len(), 2);
}

#[test]
fn different_known_speakers_never_share_a_statement() {
    let a = Builder::new("“We must act now,” said Smith.")
        .entity("John Smith", Person, &["Smith"])
        .quote("We must act now,", Direct, Some(0))
        .done();
    let b = Builder::new("“We must act now,” said Jones.")
        .entity("Mary Jones", Person, &["Jones"])
        .quote("We must act now,", Direct, Some(0))
        .done();
    // An unattributed rendering must not bridge the two speakers either.
    let c = Builder::new("Someone said “we must act now.”")
        .quote("we must act now.", Direct, None)
        .done();
    let cmp = compare_docs(&[a, c, b]);
    for statement in &cmp.statements {
        let speakers: Vec<usize> = statement
            .variants
            .iter()
            .filter_map(|v| {
                if v.article == 1 {
                    None
                } else {
                    Some(v.article)
                }
            })
            .collect();
        assert!(speakers.len() <= 1, "{statement:#?}");
    }
    assert_eq!(cmp.statements.len(), 2);
}

#[test]
fn scare_quotes_are_not_statements_and_lone_quotes_are_single_outlet() {
    let cmp = compare_docs(&[seed_000(), seed_001(), seed_002()]);
    assert!(cmp
        .statements
        .iter()
        .all(|s| s.variants.iter().all(|v| v.text != "frank")));
    let lone = statement_with(&cmp, "easy road");
    assert!(lone.single_outlet);
    assert_eq!(lone.variants.len(), 1);
    // Most widely carried first.
    assert!(!cmp.statements[0].single_outlet);
    assert!(cmp.statements.last().unwrap().single_outlet);
}

#[test]
fn speaker_coverage_counts_quotes_per_outlet() {
    let cmp = compare_docs(&[seed_000(), seed_001(), seed_002()]);
    let row = |name: &str| {
        cmp.speakers
            .iter()
            .find(|s| cmp.entities[s.entity].name.ends_with(name))
            .map(|s| {
                s.articles
                    .iter()
                    .map(|a| (a.article, a.quotes))
                    .collect::<Vec<_>>()
            })
            .unwrap()
    };
    assert_eq!(row("Le Drian"), [(0, 2), (1, 2)]);
    assert_eq!(row("Parly"), [(0, 2), (1, 1)]);
    assert_eq!(row("Lavrov"), [(0, 1), (1, 1), (2, 1)]);
}

#[test]
fn merged_speakers_of_one_article_add_up() {
    let a = SpeakerInArticle {
        article: 0,
        quotes: 3,
        sentiment: Some(Sentiment {
            score: 0.5,
            label: crate::doc::SentimentLabel::Positive,
        }),
    };
    let b = SpeakerInArticle {
        quotes: 1,
        sentiment: None,
        ..a
    };
    let c = combine(a, b);
    assert_eq!((c.quotes, c.sentiment), (4, a.sentiment));
    let _ = SpeakerSentiment {
        entity: 0,
        quotes: vec![],
        sentiment: None,
    };
}

#[test]
fn nothing_to_compare_gives_an_empty_comparison() {
    let cmp = compare(&[], &Config::default());
    assert_eq!(cmp, Comparison::default());
    let empty = Doc::new(String::new(), InputFormat::Text);
    let cmp = compare_docs(&[empty]);
    assert!(cmp.entities.is_empty() && cmp.statements.is_empty());
}

#[test]
fn hundreds_of_articles_compare_without_pairwise_blowup() {
    let seeds = [seed_000(), seed_001(), seed_002()];
    let docs: Vec<Doc> = (0..150).map(|i| seeds[i % 3].clone()).collect();
    let ids: Vec<String> = (0..docs.len()).map(|i| format!("a{i}")).collect();
    let articles: Vec<Article<'_>> = docs
        .iter()
        .zip(&ids)
        .map(|(doc, id)| Article { id, doc })
        .collect();
    let cmp = compare(&articles, &Config::default());
    let time = statement_with(&cmp, "the time is right");
    assert_eq!(outlets(time).len(), 150);
    let lavrov: Vec<_> = cmp
        .entities
        .iter()
        .filter(|e| e.name.ends_with("Lavrov"))
        .collect();
    assert_eq!(lavrov.len(), 1);
}

#[test]
fn a_short_quote_inside_a_long_one_is_found_in_either_order() {
    let long = "There are many geostrategic challenges for which France and Russia have common \
                interests. Of course, we do not agree with each other on all issues, but this is \
                precisely what prompts us to strengthen the dialogue,";
    let short = "Of course, we disagree with each other on some issues, but this is what prompts \
                 us to strengthen dialogue,";
    let doc = |text: &str| {
        Builder::new(&format!("She said “{text}”"))
            .entity("Florence Parly", Person, &["She"])
            .quote(text, Direct, Some(0))
            .done()
    };
    for (first, second) in [(long, short), (short, long)] {
        let cmp = compare_docs(&[doc(first), doc(second)]);
        assert_eq!(cmp.statements.len(), 1, "{first:?} then {second:?}");
    }
}
