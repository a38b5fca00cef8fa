//! One small article per construction, plus a property test over random quote marks.

use super::*;
use crate::doc::{Entity, EntityType, InputFormat};
use crate::segment::Segmenter;
use proptest::prelude::*;

/// A document over `text` whose PERSON entities are `people`: every whole-word
/// occurrence of each listed form is a mention; the first form is the name.
fn doc(text: &str, people: &[&[&str]]) -> Doc {
    let mut doc = Doc::new(text.to_owned(), InputFormat::Text);
    let (tokens, sentences) = Segmenter::new().run(text);
    doc.tokens = tokens;
    doc.sentences = sentences;
    doc.paragraphs = crate::clean::line_blocks(text);
    let mut taken: Vec<Span> = Vec::new();
    for forms in people {
        let mut sorted: Vec<&str> = forms.to_vec();
        sorted.sort_by_key(|f| std::cmp::Reverse(f.len()));
        let mut mentions = Vec::new();
        for form in sorted {
            for (at, _) in text.match_indices(form) {
                let span = Span::from_range(at..at + form.len());
                let glued = text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
                    || text[span.end()..]
                        .chars()
                        .next()
                        .is_some_and(char::is_alphanumeric);
                if !glued && !taken.iter().any(|t| t.overlaps(span)) {
                    taken.push(span);
                    mentions.push(span);
                }
            }
        }
        mentions.sort();
        doc.entities.push(Entity {
            name: forms[0].to_owned(),
            kind: EntityType::Person,
            mentions,
            sentiment: None,
        });
    }
    doc
}

/// Adds an ORGANIZATION entity whose mentions are every occurrence of `name`.
fn add_organization(doc: &mut Doc, name: &str) {
    let mentions = doc
        .body
        .match_indices(name)
        .map(|(at, _)| Span::from_range(at..at + name.len()))
        .collect();
    doc.entities.push(Entity {
        name: name.to_owned(),
        kind: EntityType::Organization,
        mentions,
        sentiment: None,
    });
}

fn run(doc: &Doc) -> Vec<Quote> {
    QuoteExtractor::new().unwrap().run(doc)
}

/// `(text, kind, speaker name, speaker span text)` of each quote, for readable asserts.
fn show(doc: &Doc) -> Vec<(String, QuoteKind, Option<String>, Option<String>)> {
    run(doc)
        .iter()
        .map(|q| {
            (
                q.text(&doc.body),
                q.kind,
                q.speaker.map(|id| doc.entities[id].name.clone()),
                q.speaker_span.map(|s| doc.text(s).to_owned()),
            )
        })
        .collect()
}

fn speaker_of(doc: &Doc, text: &str) -> Option<String> {
    show(doc)
        .into_iter()
        .find(|q| q.0.contains(text))
        .unwrap_or_else(|| panic!("no quote with {text:?} in {:#?}", show(doc)))
        .2
}

#[test]
fn curly_double_quote_with_inverted_attribution() {
    let d = doc("“The time has come,” said Anna Berg.\n", &[&["Anna Berg"]]);
    let q = show(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "The time has come,");
    assert_eq!(q[0].1, QuoteKind::Direct);
    assert_eq!(q[0].2.as_deref(), Some("Anna Berg"));
    assert_eq!(q[0].3.as_deref(), Some("Anna Berg"));
}

#[test]
fn straight_double_quotes_with_name_then_verb() {
    let d = doc(
        "\"We will not give up on this,\" Berg told reporters.\n",
        &[&["Anna Berg", "Berg"]],
    );
    assert_eq!(speaker_of(&d, "give up"), Some("Anna Berg".into()));
}

#[test]
fn single_curly_and_guillemets_and_low_marks() {
    let text = "‘We are ready to talk now,’ said Berg.\n«Nothing is decided yet today,» Kowalski said.\n„Wir sind bereit zu reden,“ said Weber.\n";
    let d = doc(text, &[&["Berg"], &["Kowalski"], &["Weber"]]);
    assert_eq!(speaker_of(&d, "ready"), Some("Berg".into()));
    assert_eq!(speaker_of(&d, "Nothing"), Some("Kowalski".into()));
    assert_eq!(speaker_of(&d, "Wir"), Some("Weber".into()));
}

#[test]
fn stray_space_before_closing_mark() {
    let d = doc(
        "“We are determined to go as far as our colleagues are ready to go, ”said Ivanov.\n",
        &[&["Ivanov"]],
    );
    let q = show(&d);
    assert_eq!(q.len(), 1);
    assert!(q[0].0.ends_with("ready to go,"), "{q:?}");
    assert_eq!(q[0].2.as_deref(), Some("Ivanov"));
}

#[test]
fn apostrophes_inside_quotes_do_not_close_them() {
    let d = doc(
        "‘France’s interests and the country’s future are at stake,’ said Berg.\n",
        &[&["Berg"]],
    );
    let q = show(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(
        q[0].0,
        "France’s interests and the country’s future are at stake,"
    );
}

#[test]
fn multi_paragraph_quote_is_one_quote() {
    let text = "Berg spoke at length. She said:\n“The first thing is trust.\n“The second thing is time.\n“The third is money,” she said.\nThen she left.\n";
    let d = doc(text, &[&["Berg"]]);
    let q = run(&d);
    assert_eq!(q.len(), 1, "{:?}", show(&d));
    assert_eq!(q[0].fragments.len(), 3);
    assert!(q[0].text(text).contains("second thing"));
}

#[test]
fn quote_interrupted_by_attribution_is_one_quote_with_fragments() {
    let text = "“We came here to listen,” he said, “and we will keep listening.”\n";
    let d = doc(&format!("Tom Hale arrived.\n{text}"), &[&["Tom Hale"]]);
    let q = run(&d);
    assert_eq!(q.len(), 1, "{:?}", show(&d));
    assert_eq!(q[0].fragments.len(), 2);
    assert_eq!(
        q[0].text(&d.body),
        "We came here to listen, and we will keep listening."
    );
    assert_eq!(q[0].speaker, Some(0));
    assert_eq!(d.text(q[0].speaker_span.unwrap()), "he");
}

#[test]
fn quote_inside_a_quote_stays_inside() {
    let d = doc(
        "“They told us ‘never give up’ and we did not,” said Berg.\n",
        &[&["Berg"]],
    );
    let q = show(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "They told us ‘never give up’ and we did not,");
}

#[test]
fn unbalanced_mark_does_not_swallow_the_article() {
    let text = "Berg said “this will be hard for everyone.\n“We are ready,” said Berg.\nLater paragraphs follow here.\n";
    let d = doc(text, &[&["Berg"]]);
    let q = show(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].0, "We are ready,");
}

#[test]
fn partial_quote_inside_a_sentence() {
    let d = doc(
        "Prime Minister Paolo Neri described the restrictions as “sad,” and “not good for anyone.”\n",
        &[&["Paolo Neri"]],
    );
    let q = show(&d);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(q
        .iter()
        .all(|x| x.1 == QuoteKind::Partial && x.2.as_deref() == Some("Paolo Neri")));
}

#[test]
fn scare_quotes_have_no_speaker() {
    let d = doc(
        "The ministers held \"frank\" talks. Leaders of the \"Norman Four\" will meet, Berg said.\n",
        &[&["Berg"]],
    );
    let q = show(&d);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(
        q.iter().all(|x| x.1 == QuoteKind::Scare && x.2.is_none()),
        "{q:?}"
    );
}

#[test]
fn a_word_or_name_introduced_as_such_is_a_label() {
    let text = "Neumann led the firm.\nHe sold the company the right to use the word “We” for millions, Berg said.\nA demo came in called “Glasgow Home” at the last minute, Berg said.\n";
    let d = doc(text, &[&["Adam Neumann", "Neumann"], &["Berg"]]);
    for label in ["We", "Glasgow"] {
        let q = show(&d);
        let quote = q.iter().find(|q| q.0.contains(label)).unwrap();
        assert_eq!(
            (quote.1, quote.2.as_deref()),
            (QuoteKind::Scare, None),
            "{label}"
        );
    }
}

#[test]
fn a_title_after_a_possessive_or_on_is_a_label() {
    let text = "“This stock had been clobbered,” Maley said on CNBC's “Trading Nation” on Monday.\nBerg told viewers on “Meet the Press” that he would run.\nBerg said the plan was “a total failure” in the end.\n";
    let d = doc(text, &[&["Maley"], &["Berg"]]);
    let q = show(&d);
    let text = "The neurologist Sacks wrote about it in his book “Musicophilia” years ago.\n";
    let book = doc(text, &[&["Sacks"]]);
    assert_eq!(show(&book)[0].1, QuoteKind::Scare);
    for label in ["Trading Nation", "Meet the Press"] {
        let quote = q.iter().find(|q| q.0 == label).unwrap();
        assert_eq!(
            (quote.1, quote.2.as_deref()),
            (QuoteKind::Scare, None),
            "{label}"
        );
    }
    assert_eq!(speaker_of(&d, "a total failure").as_deref(), Some("Berg"));
    assert_eq!(
        speaker_of(&d, "This stock had been clobbered,").as_deref(),
        Some("Maley")
    );
    let text = "“The stock was clobbered,” Maley said on CNBC's “Trading Nation” on Monday. “It was down for four years.”\n";
    let continued = doc(text, &[&["Maley"]]);
    assert_eq!(
        speaker_of(&continued, "It was down for four years.").as_deref(),
        Some("Maley"),
        "a label between two quotes does not break the continuation"
    );
}

#[test]
fn a_name_after_said_that_is_not_the_speaker() {
    let text = "The statement, which was obtained by Variety, claimed that Big Machine and Dick Clark Productions had “come to terms on a licensing agreement for the show.”\n";
    // Tagged as people, as the tagger did on the page this comes from.
    let d = doc(text, &[&["Variety"], &["Big Machine"], &["Dick Clark"]]);
    let q = show(&d);
    assert_eq!(q.len(), 1, "{q:?}");
    assert_eq!(q[0].2, None, "{q:?}");
}

#[test]
fn a_person_named_between_two_quotes_stops_the_continuation() {
    let text = "“It connected,” Harper said. Buckley, who phoned in from the set of “Fargo,” had a similar experience: “It was just that feeling.”\n";
    let d = doc(text, &[&["Harper"], &["Buckley"]]);
    assert_ne!(
        speaker_of(&d, "It was just that feeling.").as_deref(),
        Some("Harper")
    );
}

#[test]
fn a_cue_in_a_clause_with_its_own_subject_is_not_the_names() {
    let text = "Most Snopes checks begin when readers ask us, “Is this true?” Berg, when asked about it, said “Nothing is certain here.”\n";
    let mut d = doc(text, &[&["Berg"]]);
    add_organization(&mut d, "Snopes");
    assert_eq!(speaker_of(&d, "Is this true?"), None);
    assert_eq!(
        speaker_of(&d, "Nothing is certain").as_deref(),
        Some("Berg")
    );
}

#[test]
fn a_quote_after_a_sentence_closed_by_its_attribution_is_that_speakers() {
    let text = "Montell Figgins represents Thomas.\nSometimes employees don't follow the rules, he said. “But does that mean they should go to jail?”\nThe rules are clear, said Berg. “Nobody is above them.”\nThe talks failed, they said. “Nobody else came.”\n";
    let d = doc(text, &[&["Montell Figgins", "Figgins"], &["Berg"]]);
    assert_eq!(
        speaker_of(&d, "But does that mean").as_deref(),
        Some("Montell Figgins")
    );
    assert_eq!(speaker_of(&d, "Nobody is above").as_deref(), Some("Berg"));
    // "they" is no one named here.
    assert_eq!(speaker_of(&d, "Nobody else came."), None);
}

#[test]
fn a_quote_after_a_sentence_with_an_attribution_aside_is_that_speakers() {
    let text = "The cell, Herbert said, is always sensing the body. “Once those products go out of whack, it responds.”\nIn Paris, the talks went well. “Nobody else came.”\n";
    let d = doc(text, &[&["Herbert"]]);
    assert_eq!(
        speaker_of(&d, "Once those products").as_deref(),
        Some("Herbert")
    );
    // A comma aside with no speech verb gives no one.
    assert_eq!(speaker_of(&d, "Nobody else came."), None);
}

#[test]
fn it_or_they_speaking_is_the_organisation_in_reach() {
    let text = "The Swedish Prosecution Authority closed the case. “The evidence has weakened,” it added.\nBig Machine have denied doing anything wrong. “We did nothing,” they said.\nBerg met the officers. “We got her,” they said.\nThe group remembers it as “a trying time”.\n";
    let mut d = doc(text, &[&["Berg"]]);
    add_organization(&mut d, "Swedish Prosecution Authority");
    add_organization(&mut d, "Big Machine");
    assert_eq!(
        speaker_of(&d, "The evidence has weakened,").as_deref(),
        Some("Swedish Prosecution Authority")
    );
    assert_eq!(
        speaker_of(&d, "We did nothing,").as_deref(),
        Some("Big Machine")
    );
    // A person as the subject in reach: "they" are not that person.
    assert_eq!(speaker_of(&d, "We got her,"), None);
    // "it" as an object is no speaker mention (the subject "The group" may be).
    let q = show(&d);
    assert!(
        q.iter()
            .any(|(t, _, _, span)| t == "a trying time" && span.as_deref() != Some("it")),
        "{q:?}"
    );
}

#[test]
fn present_tense_inverted_cues_attribute() {
    let text = "“We are excited about the tour,” comments Johnston in a statement.\n“Oh, actually? Yes,” he assures himself.\n";
    let d = doc(text, &[&["Tom Johnston", "Johnston"]]);
    assert_eq!(
        speaker_of(&d, "We are excited").as_deref(),
        Some("Tom Johnston")
    );
    assert_eq!(
        speaker_of(&d, "Oh, actually? Yes,").as_deref(),
        Some("Tom Johnston")
    );
}

#[test]
fn a_relative_clause_without_a_comma_belongs_to_the_description() {
    let text = "Ian Hamilton, an expert in drug use at the U.K.'s University of York who did not work on the study, told Newsweek: “Even a small increase can raise the risk of problems.”\n";
    let mut d = doc(text, &[&["Ian Hamilton"]]);
    add_organization(&mut d, "University of York");
    add_organization(&mut d, "Newsweek");
    assert_eq!(
        speaker_of(&d, "Even a small increase").as_deref(),
        Some("Ian Hamilton")
    );
}

#[test]
fn a_quote_paragraph_after_reported_speech_is_the_reporters() {
    let text = "Erekat said it was only the latest move by the US.\n“They wanted us on our knees. We stand tall.”\nBerg visited the site on Monday.\n“The ground shook for hours and nobody came.”\n";
    let d = doc(text, &[&["Saeb Erekat", "Erekat"], &["Berg"]]);
    assert_eq!(
        speaker_of(&d, "They wanted us").as_deref(),
        Some("Saeb Erekat")
    );
    // Without a speech verb the paragraph before says nothing of a speaker.
    assert_eq!(speaker_of(&d, "The ground shook"), None);
}

#[test]
fn a_person_titled_by_an_organisation_speaks_not_the_organisation() {
    let text = "“It depends on what Boeing is willing to invest,” responded NASA administrator Jim Bridenstine.\n“We will see,” said NASA in a statement.\n";
    let mut d = doc(text, &[&["Jim Bridenstine"]]);
    add_organization(&mut d, "NASA");
    add_organization(&mut d, "Boeing");
    assert_eq!(
        speaker_of(&d, "It depends on").as_deref(),
        Some("Jim Bridenstine")
    );
    assert_eq!(speaker_of(&d, "We will see").as_deref(), Some("NASA"));
}

#[test]
fn a_name_apposed_to_a_noun_inside_a_description_is_not_the_subject() {
    let text = "Prince Andrew, the younger brother of heir to the British throne, Charles, has reportedly told friends it was a “great success”.\nThe minister, Berg, said it was “a real step forward”.\n";
    let d = doc(text, &[&["Andrew"], &["Charles"], &["Berg"]]);
    assert_eq!(speaker_of(&d, "great success").as_deref(), Some("Andrew"));
    assert_eq!(speaker_of(&d, "a real step").as_deref(), Some("Berg"));
}

#[test]
fn pronoun_resolves_to_previous_subject() {
    let text = "Ivanov recalled that Presidents Lund and Marek agreed to meet.\n“Not much time has passed since then,” he said.\n";
    let d = doc(text, &[&["Ivanov"], &["Lund"], &["Marek"]]);
    assert_eq!(speaker_of(&d, "Not much"), Some("Ivanov".into()));
}

#[test]
fn she_skips_a_known_man() {
    let text = "Mrs. Clara Holt met Mr. Tom Hale.\nThen Mr. Hale left. “We agree on most things,” she said.\n";
    let d = doc(text, &[&["Clara Holt", "Holt"], &["Tom Hale", "Hale"]]);
    assert_eq!(speaker_of(&d, "agree"), Some("Clara Holt".into()));
}

#[test]
fn apposition_before_verb() {
    let d = doc(
        "Lavin, the Ruritanian foreign minister, said “the door remains open to all.”\n",
        &[&["Lavin"]],
    );
    assert_eq!(speaker_of(&d, "door"), Some("Lavin".into()));
}

#[test]
fn description_resolves_through_learned_title() {
    let text = "Ruritanian Foreign Minister Ana Lavin and Defense Minister Petr Kos met in Oslo.\n“Trust must be rebuilt step by step,” the Ruritanian foreign minister said.\n“Our armies will keep talking to each other,” the defense minister said.\n";
    let d = doc(text, &[&["Ana Lavin", "Lavin"], &["Petr Kos", "Kos"]]);
    assert_eq!(speaker_of(&d, "Trust"), Some("Ana Lavin".into()));
    assert_eq!(speaker_of(&d, "armies"), Some("Petr Kos".into()));
}

#[test]
fn description_resolves_through_apposition_role() {
    let text = "David Moor, a researcher at the Institute of Studies, spoke on television.\nThe weather was cold in the capital that day.\n“There is no real progress yet in the east,” the researcher said.\n";
    let d = doc(text, &[&["David Moor", "Moor"]]);
    assert_eq!(speaker_of(&d, "progress"), Some("David Moor".into()));
}

#[test]
fn description_beside_a_name_nobody_tagged_is_not_the_last_speaker() {
    let text = "“We will not sit on our hands,” Liu said.\nCheuk Hau-yip, the commander of the district, said: “These rioters are criminals.”\n";
    let d = doc(text, &[&["Liu"]]);
    let q = show(&d);
    assert_eq!(
        (q[1].2.as_deref(), q[1].3.as_deref()),
        (None, Some("the commander of the district"))
    );
    // The sentence's own opening phrase is no name: the description still resolves.
    let text = "“We will not sit on our hands,” Liu said.\nIn Moscow, the ambassador said: “These rioters are criminals.”\n";
    let d = doc(text, &[&["Liu"]]);
    assert_eq!(speaker_of(&d, "rioters"), Some("Liu".into()));
}

#[test]
fn participle_cue_shares_the_subject_of_its_clause() {
    let text = "Troops are massing.\nLiu said that Chris Tang could deploy the army in the city, warning: “They are already there in the garrison.”\n";
    let d = doc(text, &[&["Liu"], &["Chris Tang", "Tang"]]);
    assert_eq!(speaker_of(&d, "garrison"), Some("Liu".into()));
    // An organisation before the title qualifies the person who speaks.
    let text = "Sales fell.\n“People are cautious,” InfoNation President Dan Dowell said, adding, “2019 is just not as strong as 2018.”\n";
    let mut d = doc(text, &[&["Dan Dowell", "Dowell"]]);
    add_organization(&mut d, "InfoNation");
    assert_eq!(speaker_of(&d, "2019"), Some("Dan Dowell".into()));
}

#[test]
fn cue_less_quote_after_a_sentence_opening_with_a_name_is_that_persons() {
    let text = "The agency wants more rockets.\nBridenstine expects three rockets by 2024. “Adding one more could happen, but I’m not confident.”\n";
    let d = doc(text, &[&["Jim Bridenstine", "Bridenstine"]]);
    assert_eq!(speaker_of(&d, "Adding"), Some("Jim Bridenstine".into()));
    // A name further in the sentence is not its subject.
    let text = "The agency wants more rockets.\nThe report criticized Bridenstine on Tuesday. “Adding one more could happen, but nobody is confident.”\n";
    let d = doc(text, &[&["Jim Bridenstine", "Bridenstine"]]);
    assert_eq!(speaker_of(&d, "Adding"), None);
    // Nor is a possessive: the representative speaks, not Bridenstine.
    let text = "The agency wants more rockets.\nBridenstine's spokesman told reporters this was not the whole truth. “Adding one more could happen, but nobody is confident.”\n";
    let d = doc(text, &[&["Jim Bridenstine", "Bridenstine"]]);
    assert_eq!(speaker_of(&d, "Adding"), None);
}

#[test]
fn person_right_after_a_preposition_is_not_the_subject() {
    let text = "The royal spoke on television.\nAndrew ended his friendship with Epstein and told the interviewer “it was the right call.”\n";
    let d = doc(text, &[&["Andrew"], &["Jeffrey Epstein", "Epstein"]]);
    assert_eq!(speaker_of(&d, "right call"), Some("Andrew".into()));
    // A title with a preposition in it is no object: Pompeo speaks.
    let text = "Talks went on.\nSecretary of State Mike Pompeo told reporters the deal was “a good start.”\n";
    let d = doc(text, &[&["Mike Pompeo", "Pompeo"]]);
    assert_eq!(speaker_of(&d, "good start"), Some("Mike Pompeo".into()));
}

#[test]
fn pronoun_prefers_an_earlier_subject_to_a_person_after_a_preposition() {
    let text = "Mary Steen spent years writing songs in Nashville.\nShe was more nervous about it than Rose Lane has ever been. “It was terrifying,” she said.\n";
    let d = doc(text, &[&["Mary Steen", "Steen"], &["Rose Lane", "Lane"]]);
    assert_eq!(speaker_of(&d, "terrifying"), Some("Mary Steen".into()));
}

#[test]
fn organisation_after_a_preposition_and_a_common_noun_is_not_the_subject() {
    let text = "A study came out.\nThe authors of the research published in the journal Acta Medica argued that the rise is “a potential public health concern.”\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Acta Medica");
    assert_eq!(speaker_of(&d, "public health"), None);
}

#[test]
fn generic_description_falls_back_to_last_speaker() {
    let text = "“The talks went well for both sides today,” Rubin said.\nHe also spoke of other matters.\n“Everything was coordinated with the allies beforehand,” explained the interlocutor of the station.\n";
    let d = doc(text, &[&["Rubin"]]);
    assert_eq!(speaker_of(&d, "coordinated"), Some("Rubin".into()));
}

#[test]
fn quote_only_paragraph_continues_previous_speaker() {
    let text = "“We discussed the situation in the region at length,” said Kos. “We noted the closeness of our views.”\n“We will meet again next month in the capital.”\n";
    let d = doc(text, &[&["Kos"]]);
    let q = show(&d);
    assert_eq!(q.len(), 3, "{q:?}");
    assert!(q.iter().all(|x| x.2.as_deref() == Some("Kos")), "{q:?}");
}

#[test]
fn according_to_attributes_to_following_name() {
    let text = "According to Lavin, the meeting will be “a new start for everyone involved.”\n";
    let d = doc(text, &[&["Lavin"]]);
    assert_eq!(speaker_of(&d, "new start"), Some("Lavin".into()));
}

#[test]
fn unknown_speaker_stays_empty() {
    let d = doc(
        "“We will fight this decision in every court,” said the union.\n",
        &[],
    );
    let q = show(&d);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].2, None);
}

#[test]
fn quoted_headings_are_not_quotes() {
    let d = doc(
        "‘Time has come’: ministers meet in Moscow\nThe talks began.\n",
        &[],
    );
    assert!(run(&d).is_empty());
}

#[test]
fn indirect_speech_reports_content() {
    let text = "Berg said that the talks would resume next week in Geneva.\nAccording to Berg, the ceasefire is holding in most regions.\n";
    let d = doc(text, &[&["Berg"]]);
    let q = QuoteExtractor::new().unwrap().with_indirect(true).run(&d);
    assert_eq!(q.len(), 2);
    assert!(q
        .iter()
        .all(|x| x.kind == QuoteKind::Indirect && x.speaker == Some(0)));
    assert_eq!(
        q[0].text(text),
        "the talks would resume next week in Geneva"
    );
    assert_eq!(q[1].text(text), "the ceasefire is holding in most regions");
}

#[test]
fn speakers_group_quotes_and_skip_scare_quotes() {
    let quote = |speaker: Option<usize>, kind| Quote {
        span: Span::new(0, 1),
        fragments: vec![],
        kind,
        speaker,
        speaker_span: None,
        cue: None,
        confidence: 1.0,
        sentiment: None,
    };
    let quotes = vec![
        quote(Some(2), QuoteKind::Direct),
        quote(Some(0), QuoteKind::Partial),
        quote(Some(2), QuoteKind::Scare),
        quote(None, QuoteKind::Direct),
        quote(Some(2), QuoteKind::Indirect),
    ];
    let speakers = speakers(&quotes);
    assert_eq!(speakers.len(), 2);
    assert_eq!(
        (speakers[0].entity, speakers[0].quotes.clone()),
        (2, vec![0, 4])
    );
    assert_eq!(
        (speakers[1].entity, speakers[1].quotes.clone()),
        (0, vec![1])
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn random_quote_marks_never_break_the_stage(
        inserts in proptest::collection::vec((0usize..400, 0usize..14), 0..30),
        indirect in any::<bool>(),
    ) {
        const MARKS: [&str; 14] = ["“", "”", "\"", "‘", "’", "'", "«", "»", "„", "‚", "\n", "\n“", " said Berg, ", "「"];
        let base = "Berg said that the talks went well. “We are ready,” she said. \
                    The “frank” talks, Lavin added, would go on.\nAccording to Lavin, it was “fine.”\n\
                    France’s view differs. He told reporters that nothing changed.";
        let mut text = base.to_owned();
        for (at, m) in inserts {
            let mut at = at % (text.len() + 1);
            while !text.is_char_boundary(at) { at -= 1; }
            text.insert_str(at, MARKS[m]);
        }
        let d = doc(&text, &[&["Berg"], &["Lavin"]]);
        let quotes = QuoteExtractor::new().unwrap().with_indirect(indirect).run(&d);
        let mut last = Span::new(0, 0);
        for q in &quotes {
            prop_assert!(q.span.end() <= text.len());
            prop_assert!(text.is_char_boundary(q.span.start()) && text.is_char_boundary(q.span.end()));
            prop_assert!(q.span >= last, "sorted");
            last = q.span;
            for f in q.pieces() {
                prop_assert!(q.span.contains(*f));
                prop_assert!(text.is_char_boundary(f.start()) && text.is_char_boundary(f.end()));
            }
            if let Some(s) = q.speaker { prop_assert!(s < d.entities.len()); }
            if let Some(s) = q.speaker_span { prop_assert!(s.end() <= text.len()); }
        }
    }

    #[test]
    fn arbitrary_text_never_breaks_the_stage(text in "\\PC{0,300}", names in proptest::collection::vec("[A-Z][a-z]{1,6}", 0..3)) {
        let forms: Vec<Vec<&str>> = names.iter().map(|n| vec![n.as_str()]).collect();
        let people: Vec<&[&str]> = forms.iter().map(Vec::as_slice).collect();
        let d = doc(&text, &people);
        for q in QuoteExtractor::new().unwrap().with_indirect(true).run(&d) {
            prop_assert!(q.span.end() <= text.len());
            prop_assert!(text.is_char_boundary(q.span.start()) && text.is_char_boundary(q.span.end()));
        }
    }
}

#[test]
fn unnamed_indefinite_speaker_stays_empty() {
    let text = "“We have the votes,” Harlan said.\n“It's a disaster,” one aide said.\n";
    let d = doc(text, &[&["Harlan"]]);
    let q = show(&d);
    assert_eq!(q[1].1, QuoteKind::Direct);
    assert_eq!(
        (q[1].2.as_deref(), q[1].3.as_deref()),
        (None, Some("one aide"))
    );
}

#[test]
fn description_of_someone_introduced_unnamed_is_not_the_last_person_named() {
    // "the doctor" is the unnamed doctor introduced before, not Harlan.
    let text = "Ombudsman Ana Harlan said three people had died.
A doctor on the scene told reporters he tried to save one of them.
“He died in my hands,” the doctor said.
";
    let d = doc(text, &[&["Ana Harlan", "Harlan"]]);
    let q = show(&d);
    assert_eq!(
        (q[0].2.as_deref(), q[0].3.as_deref()),
        (None, Some("the doctor"))
    );
    // Also after a possessive: "A UK man’s decision …".
    let text =
        "A UK man’s decision surprised Ana Harlan.\n“It does not affect me now,” the man wrote.\n";
    let d = doc(text, &[&["Ana Harlan", "Harlan"]]);
    assert_eq!(show(&d)[0].2, None);
    // Named beside the indefinite article, the doctor is a person the text knows.
    let text = "A doctor, Ana Harlan, treated the wounded.
The talks lasted two hours.
“He died in my hands,” the doctor said.
";
    let d = doc(text, &[&["Ana Harlan", "Harlan"]]);
    assert_eq!(speaker_of(&d, "died"), Some("Ana Harlan".into()));
}

#[test]
fn relative_clause_between_name_and_verb_leaves_the_name_the_speaker() {
    // The description inside "who will be …" says what Reed is; Reed speaks.
    let text = "Ana Ruiz, the chairman of the press council, said “the papers are thinning.”
Reed, who will be the merged company’s chairman, told investors on Oct. 31 that the merger would help it “to return capital to shareholders.”
";
    let d = doc(text, &[&["Ana Ruiz", "Ruiz"], &["Michael Reed", "Reed"]]);
    assert_eq!(speaker_of(&d, "capital"), Some("Michael Reed".into()));
    // The same after the closing mark: "…,” Reed, who …, said."
    let text = "Ana Ruiz, the chairman of the press council, said “the papers are thinning.”
“We will pay down debt first,” Reed, who will be the merged company’s chairman, said.
";
    let d = doc(text, &[&["Ana Ruiz", "Ruiz"], &["Michael Reed", "Reed"]]);
    assert_eq!(speaker_of(&d, "debt"), Some("Michael Reed".into()));
}

#[test]
fn title_without_article_before_the_name_after_the_verb() {
    let text = "Titan has lakes.\n“Organics are very important for life on Titan,” said planetary geologist Rosaly Lopes of the laboratory.\n";
    let d = doc(text, &[&["Rosaly Lopes", "Lopes"]]);
    assert_eq!(speaker_of(&d, "Organics"), Some("Rosaly Lopes".into()));
    // A preposition is no title: nobody is named as the speaker here.
    let text = "Titan has lakes.\n“The mission is over for now,” said after Rosaly Lopes left.\n";
    let d = doc(text, &[&["Rosaly Lopes", "Lopes"]]);
    assert_eq!(speaker_of(&d, "mission"), None);
}

#[test]
fn attribution_after_an_exclamation_mark_closing_the_quote() {
    let text = "Voters went to the polls.\n“Governor Vale has done a wonderful job for the people of Kentucky!” Trump tweeted before Election Day. “Vale has my Complete and Total Endorsement.”\n";
    let d = doc(text, &[&["Donald Trump", "Trump"], &["Matt Vale", "Vale"]]);
    assert_eq!(speaker_of(&d, "wonderful"), Some("Donald Trump".into()));
    assert_eq!(speaker_of(&d, "Endorsement"), Some("Donald Trump".into()));
    // The question mark may sit inside a quote within the quote.
    let text = "Labs were busy.\n“I think I even famously said something to my postdoc adviser, like, ‘I don’t even know that I can trust this data, you know?’” Pluznick recalled. “Olfactory receptors in the kidney? Come on.”\n";
    let d = doc(text, &[&["Jennifer Pluznick", "Pluznick"]]);
    assert_eq!(speaker_of(&d, "adviser"), Some("Jennifer Pluznick".into()));
    // A new sentence that does not attribute the quote leaves it alone.
    let text = "Voters went to the polls.\n“What a wonderful job!” The crowd cheered as Vale said nothing.\n";
    let d = doc(text, &[&["Matt Vale", "Vale"]]);
    assert_eq!(speaker_of(&d, "wonderful"), None);
    // Nor does the next paragraph: there Vale answers the question.
    let text = "Voters went to the polls.\nTrump spoke. “Who will win the vote in Kentucky?”\nVale said the vote would be close.\n";
    let d = doc(text, &[&["Donald Trump", "Trump"], &["Matt Vale", "Vale"]]);
    assert_ne!(speaker_of(&d, "Kentucky"), Some("Matt Vale".into()));
}

#[test]
fn a_list_of_quoted_titles_is_labels() {
    let text = "The band tours in 2020.\nAccording to Ana Ruiz, fans will hear “Listen To The Music,” “Long Train Running,” “China Grove” and “Black Water.”\n“We love playing them all,” Ruiz said.\n";
    let d = doc(text, &[&["Ana Ruiz", "Ruiz"]]);
    let q = show(&d);
    for title in ["Listen", "Long Train", "China", "Black"] {
        let quote = q.iter().find(|q| q.0.contains(title)).unwrap();
        assert_eq!(
            (quote.1, quote.2.as_deref()),
            (QuoteKind::Scare, None),
            "{title}"
        );
    }
    assert_eq!(speaker_of(&d, "love"), Some("Ana Ruiz".into()));
}

#[test]
fn pronoun_prefers_a_person_whose_first_name_agrees() {
    // "he" skips Mary Steen, named first in the sentence, for her son.
    let text = "Mary Steen sang.\nSteen's son, filmmaker Charlie Dowell, remembers it. “It was a trying time,” he said.\n";
    let d = doc(
        text,
        &[&["Mary Steen", "Steen"], &["Charlie Dowell", "Dowell"]],
    );
    assert_eq!(speaker_of(&d, "trying"), Some("Charlie Dowell".into()));
    // With no one else in reach, the first name does not veto the only person.
    let text = "Mary Steen sang.\n“It was a trying time,” he said.\n";
    let d = doc(text, &[&["Mary Steen", "Steen"]]);
    assert_eq!(speaker_of(&d, "trying"), Some("Mary Steen".into()));
}

#[test]
fn short_whole_sentence_quote_continues_the_speaker() {
    let text = "“We will move quickly,” Harlan told reporters. “Nobody should doubt that.”\n";
    let d = doc(text, &[&["Harlan"]]);
    assert_eq!(speaker_of(&d, "Nobody"), Some("Harlan".into()));
}

#[test]
fn apposition_past_an_aside() {
    let text = "Lang, 54, a former diplomat, said he was “hopeful.”\n";
    let d = doc(text, &[&["Lang"]]);
    assert_eq!(speaker_of(&d, "hopeful"), Some("Lang".into()));
}

#[test]
fn colon_paragraph_introduces_the_next_quote() {
    let text = "Marsh told parliament:\n“Our door remains open to every partner.”\n";
    let d = doc(text, &[&["Marsh"]]);
    assert_eq!(speaker_of(&d, "door"), Some("Marsh".into()));
}

#[test]
fn description_prefers_untitled_person_just_quoted_over_titled_one_further_back() {
    let text = "Defense Minister Petr Kos met Ana Lavin in Oslo.\nKos also spoke about the budget.\nLavin gave an interview, in which she said the visit was useful.\n“We want to deepen our relations with every partner,” the minister said.\n";
    let d = doc(text, &[&["Petr Kos", "Kos"], &["Ana Lavin", "Lavin"]]);
    assert_eq!(speaker_of(&d, "deepen"), Some("Ana Lavin".into()));
}

#[test]
fn bare_description_prefers_person_just_reported_speaking_over_titled_one_further_back() {
    // Only Kos's title says "minister", but the text was just reporting Lavin's words.
    let text = "Defense Minister Petr Kos met Trade Secretary Ana Lavin in Oslo.\nKos also spoke about the budget.\nThe talks lasted two hours.\nLavin gave an interview, in which she said the visit was useful.\n“We want to deepen our relations with every partner,” the minister said.\n";
    let d = doc(text, &[&["Petr Kos", "Kos"], &["Ana Lavin", "Lavin"]]);
    assert_eq!(speaker_of(&d, "deepen"), Some("Ana Lavin".into()));
}

#[test]
fn description_with_another_portfolio_skips_the_titled_person() {
    // Kos's title names the defense portfolio; "the foreign minister" is not him,
    // so the quote goes to the person the text was just quoting (who has a
    // role of her own, so the rule for untitled speakers does not apply).
    let text = "Minister of Defense Petr Kos met the press in Oslo.\nAna Lavin, a senior envoy of the government, joined them.\n“We agreed to keep talking,” Lavin said.\nShe also praised the hosts.\n“We welcome every step toward a deal,” the Ruritanian Foreign Minister said.\n";
    let d = doc(text, &[&["Petr Kos", "Kos"], &["Ana Lavin", "Lavin"]]);
    assert_eq!(speaker_of(&d, "welcome"), Some("Ana Lavin".into()));
}

#[test]
fn defense_minister_matches_minister_of_the_armed_forces() {
    // Kos, named last, is a minister too, but of another portfolio.
    let text = "Minister of the Armed Forces Ana Lavin met Trade Minister Petr Kos in Oslo.\nThe talks lasted two hours.\n“Our armies will keep talking,” the defense minister said.\n";
    let d = doc(text, &[&["Ana Lavin", "Lavin"], &["Petr Kos", "Kos"]]);
    assert_eq!(speaker_of(&d, "armies"), Some("Ana Lavin".into()));
}

#[test]
fn qualified_description_keeps_its_role_match() {
    let text = "Defense Minister Petr Kos met Trade Minister Ana Lavin in Oslo.\nThe talks lasted two hours.\nLavin said the visit was useful.\n“We will buy no new ships this year,” the defense minister said.\n";
    let d = doc(text, &[&["Petr Kos", "Kos"], &["Ana Lavin", "Lavin"]]);
    assert_eq!(speaker_of(&d, "ships"), Some("Petr Kos".into()));
}

#[test]
fn pull_quote_echoing_the_headline_is_found_with_the_person_just_named() {
    let text = "At the summit, Ana Lavin said she wanted to ease tensions.\n\nThe hour has come, the hour is right, to work towards rebuilding trust\n\nShe added that talks would go on.\n";
    let mut d = doc(text, &[&["Ana Lavin", "Lavin"]]);
    d.title = "‘Hour has come’: ministers urge talks".into();
    let got = show(&d);
    let pulled = got
        .iter()
        .find(|q| q.0.starts_with("The hour has come"))
        .expect("pull quote found");
    assert_eq!(pulled.2.as_deref(), Some("Ana Lavin"));
    // The same line with a headline that quotes nothing is a heading, not a quote.
    d.title = "Ministers urge talks".into();
    assert!(show(&d).is_empty(), "{:?}", show(&d));
}

#[test]
fn pull_quote_repeating_a_body_quote_takes_its_speaker() {
    let text = "Petr Kos spoke first.\n\nWe will never accept new tariffs on our farmers\n\nAna Lavin listened. “We will never accept new tariffs on our farmers, whatever happens,” Kos said.\n";
    let d = doc(text, &[&["Petr Kos", "Kos"], &["Ana Lavin", "Lavin"]]);
    let got = show(&d);
    let pulled = got
        .iter()
        .find(|q| q.0 == "We will never accept new tariffs on our farmers")
        .expect("pull quote found");
    assert_eq!(pulled.2.as_deref(), Some("Petr Kos"));
}

#[test]
#[ignore = "timing; run with --release --ignored --nocapture"]
fn seed_timing() {
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            docs.push(doc(
                &text,
                &[
                    &["Lavrov"],
                    &["Le Drian"],
                    &["Shoigu"],
                    &["Parly", "Parley"],
                ],
            ));
        }
    }
    let extractor = QuoteExtractor::new().unwrap().with_indirect(true);
    let start = std::time::Instant::now();
    let mut found = 0;
    for _ in 0..200 {
        for d in &docs {
            found += extractor.run(d).len();
        }
    }
    let elapsed = start.elapsed();
    println!(
        "{} articles in {elapsed:?}: {:.0}/s ({found} quotes)",
        docs.len() * 200,
        (docs.len() * 200) as f64 / elapsed.as_secs_f64()
    );
}

#[test]
fn a_lower_case_title_with_an_of_complement_picks_its_holder() {
    let text = "Prime Minister Rishi Sunak met Secretary of State Antony Blinken on Tuesday.\n\
                “Britain stands ready to help,” the prime minister told reporters. He added that talks would go on.\n\
                “The United States wants a fair deal,” the secretary of state said.\n";
    let d = doc(
        text,
        &[&["Rishi Sunak", "Sunak"], &["Antony Blinken", "Blinken"]],
    );
    assert_eq!(
        speaker_of(&d, "Britain stands").as_deref(),
        Some("Rishi Sunak")
    );
    assert_eq!(
        speaker_of(&d, "The United States").as_deref(),
        Some("Antony Blinken"),
        "not the person who spoke just before"
    );
}

#[test]
fn a_colon_hands_the_quote_to_the_name_opening_the_sentence() {
    let text = "Anna Berg met the press on Monday.\n\
                Berg, for her part, was blunt: “There will be no more delays.”\n\
                The report listed one problem: “The roof leaks badly in winter.”\n";
    let d = doc(text, &[&["Anna Berg", "Berg"]]);
    assert_eq!(
        speaker_of(&d, "no more delays").as_deref(),
        Some("Anna Berg")
    );
    assert_eq!(
        speaker_of(&d, "The roof leaks"),
        None,
        "a report is no speaker"
    );
    let text = "Anna Berg leaves office next year.\n\
                Asked about her legacy, she smiled: “Ask me again in ten years.”\n";
    let d = doc(text, &[&["Anna Berg", "Berg"]]);
    assert_eq!(speaker_of(&d, "Ask me again").as_deref(), Some("Anna Berg"));
}

#[test]
fn the_source_after_according_to_is_in_reach_of_a_pronoun() {
    let text = "Li Qiang spoke first. “China is ready,” he said.\n\
                According to Josep Borrell, the EU’s foreign policy chief, the sides remain far apart. \
                “We have raised our concerns,” he wrote on Twitter.\n";
    let d = doc(text, &[&["Li Qiang", "Li"], &["Josep Borrell", "Borrell"]]);
    assert_eq!(
        speaker_of(&d, "China is ready").as_deref(),
        Some("Li Qiang")
    );
    assert_eq!(
        speaker_of(&d, "raised our concerns").as_deref(),
        Some("Josep Borrell")
    );
}

#[test]
fn a_description_no_title_names_goes_to_the_subject_just_named() {
    let text = "Prime Minister Anna Berg said the plan was fair. “It is fair,” she said.\n\
                Union leader Paul Roux warned of strikes. “The streets will speak,” the CFDT chief told radio.\n";
    let d = doc(text, &[&["Anna Berg", "Berg"], &["Paul Roux", "Roux"]]);
    assert_eq!(speaker_of(&d, "The streets").as_deref(), Some("Paul Roux"));
}

#[test]
fn a_chief_diplomat_is_the_foreign_minister_or_secretary_of_state() {
    let text = "Secretary of State Antony Blinken arrived in Seoul on Monday.\n\
                Yoon Suk-yeol, the South Korean president, met him for an hour.\n\
                “We are united in our resolve,” the top U.S. diplomat said after the meeting.\n\
                Chinese Foreign Minister Wang Yi was in Brasília.\n\
                “The West is isolating itself,” China’s chief diplomat told reporters.\n";
    let d = doc(
        text,
        &[
            &["Antony Blinken", "Blinken"],
            &["Yoon Suk-yeol", "Yoon"],
            &["Wang Yi", "Wang"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "We are united").as_deref(),
        Some("Antony Blinken"),
        "not the president named just before"
    );
    assert_eq!(speaker_of(&d, "The West").as_deref(), Some("Wang Yi"));
}

#[test]
fn a_possessive_description_without_a_title_match_is_someone_unnamed() {
    let text = "Kevin Mayer, the Disney executive in charge of streaming, blamed a coding problem.\n\
                Google’s head of philanthropy says the company is having “a lot of conversations” internally.\n";
    let d = doc(text, &[&["Kevin Mayer", "Mayer"]]);
    assert_eq!(speaker_of(&d, "a lot of conversations"), None);
}

#[test]
fn an_age_describes_the_person_just_named() {
    let text = "Tony Mowbray praised his side. “They showed real character,” Mowbray said.\n\
                Ayo Adeyemi, who joined from Norwich in January, was modest. \
                “The goals are for the fans,” the 22-year-old said.\n";
    let d = doc(
        text,
        &[&["Tony Mowbray", "Mowbray"], &["Ayo Adeyemi", "Adeyemi"]],
    );
    assert_eq!(speaker_of(&d, "The goals").as_deref(), Some("Ayo Adeyemi"));
}

#[test]
fn the_company_is_the_organisation_just_named() {
    let text = "Boeing on Wednesday cut its delivery forecast. “We are disappointed by the delays,” the company said.\n\
                In August, Acme Health announced that it would close two plants. At the time, the firm said that the “short-term” costs were high.\n\
                Dana Wright praised the plan. “It is bold,” she said. Later, Acme Health cut jobs (the company called the cuts “immaterial”).\n";
    let mut d = doc(text, &[&["Dana Wright", "Wright"]]);
    add_organization(&mut d, "Boeing");
    add_organization(&mut d, "Acme Health");
    assert_eq!(
        speaker_of(&d, "We are disappointed").as_deref(),
        Some("Boeing")
    );
    assert_eq!(speaker_of(&d, "short-term").as_deref(), Some("Acme Health"));
    assert_eq!(
        speaker_of(&d, "immaterial").as_deref(),
        Some("Acme Health"),
        "not the person quoted just before"
    );
}

#[test]
fn a_person_of_a_party_speaks_not_the_party() {
    let text =
        "Finance Minister Christian Lindner of the Free Democrats, who had demanded changes, \
                said the deal gave homeowners “more time and more freedom.”\n\
                “It is a mess,” Marcela Ibáñez of Banco Estado said.\n";
    let mut d = doc(
        text,
        &[
            &["Christian Lindner", "Lindner"],
            &["Marcela Ibáñez", "Ibáñez"],
        ],
    );
    add_organization(&mut d, "Free Democrats");
    add_organization(&mut d, "Banco Estado");
    assert_eq!(
        speaker_of(&d, "more time").as_deref(),
        Some("Christian Lindner")
    );
    assert_eq!(
        speaker_of(&d, "It is a mess").as_deref(),
        Some("Marcela Ibáñez")
    );
}

#[test]
fn a_titled_subject_speaks_through_a_participle() {
    let text = "Claudia Sheinbaum was sworn in on Tuesday.\n\
                U.S. Secretary of State Antony Blinken congratulated Sheinbaum in a statement, \
                saying Washington looked forward to “deepening our partnership.”\n";
    let d = doc(
        text,
        &[
            &["Claudia Sheinbaum", "Sheinbaum"],
            &["Antony Blinken", "Blinken"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "deepening").as_deref(),
        Some("Antony Blinken"),
        "not the object of the main verb"
    );
}

#[test]
fn an_accusation_quotes_its_subject_and_a_passive_does_not() {
    let text = "Keir Starmer accused Rishi Sunak of “losing control” of waiting lists.\n\
                Later, Sunak was accused of “hiding the figures” in a letter.\n";
    let d = doc(
        text,
        &[&["Keir Starmer", "Starmer"], &["Rishi Sunak", "Sunak"]],
    );
    assert_eq!(
        speaker_of(&d, "losing control").as_deref(),
        Some("Keir Starmer")
    );
    assert_ne!(
        speaker_of(&d, "hiding the figures").as_deref(),
        Some("Rishi Sunak"),
        "the one accused is not the speaker"
    );
}

#[test]
fn a_possessive_apposition_before_a_name_is_its_role() {
    let text = "“We need vaccines,” said Mathilde Vu of the Refugee Council.\nSudan's health minister, Haitham Ibrahim, said the state was doing all it could. “We have opened 30 centres,” the minister said.\n";
    let d = doc(text, &[&["Mathilde Vu", "Vu"], &["Haitham Ibrahim"]]);
    assert_eq!(speaker_of(&d, "centres"), Some("Haitham Ibrahim".into()));
}

#[test]
fn a_nationality_noun_describes_the_person_just_named() {
    let text = "“He is ready,” said Lena Voss, the club's director.\nManager Pablo Ruiz said the striker would start. “He is the best I have coached,” the Spaniard said.\n";
    let d = doc(text, &[&["Lena Voss", "Voss"], &["Pablo Ruiz", "Ruiz"]]);
    assert_eq!(speaker_of(&d, "coached"), Some("Pablo Ruiz".into()));
}

#[test]
fn a_person_of_a_body_set_off_by_commas_speaks_not_the_body() {
    let text = "The jury convicted him.\nDet Insp Sarah Hughes, of Avon and Somerset Police, said: “This was a senseless act.”\n";
    let mut d = doc(text, &[&["Sarah Hughes", "Hughes"]]);
    add_organization(&mut d, "Somerset Police");
    assert_eq!(speaker_of(&d, "senseless"), Some("Sarah Hughes".into()));
}

#[test]
fn a_titled_person_after_an_organisation_speaks_through_a_participle() {
    let text = "Israel did not respond.\nHamas official Basem Naim welcomed the appeal, saying the group was “ready for a serious deal.”\n";
    let mut d = doc(text, &[&["Basem Naim", "Naim"]]);
    add_organization(&mut d, "Hamas");
    assert_eq!(speaker_of(&d, "serious deal"), Some("Basem Naim".into()));
}

#[test]
fn a_title_after_a_verb_of_performing_is_a_label() {
    let text = "Simmons teased the tour on Monday.\nAfter hitting “Takin’ It To the Streets,” the singer told the audience, “that’s really good, maybe we should go on the road.”\nHe then played “Black Water” twice, saying “We Love You All.”\n";
    let d = doc(text, &[&["Pat Simmons", "Simmons"]]);
    let q = show(&d);
    for label in ["Takin’ It To the Streets,", "Black Water"] {
        let quote = q.iter().find(|q| q.0 == label).unwrap();
        assert_eq!(
            (quote.1, quote.2.as_deref()),
            (QuoteKind::Scare, None),
            "{label}"
        );
    }
    assert_eq!(
        speaker_of(&d, "go on the road").as_deref(),
        Some("Pat Simmons")
    );
    assert_eq!(
        speaker_of(&d, "We Love You").as_deref(),
        Some("Pat Simmons")
    );
}

#[test]
fn a_name_in_apposition_to_a_possessive_description_speaks() {
    let text = "The union said 59% of members voted for the deal.\n“Our members can hold their heads high,” the union's district president, Jon Holden, said in a statement.\n";
    let mut d = doc(text, &[&["Jon Holden", "Holden"]]);
    add_organization(&mut d, "The union");
    assert_eq!(speaker_of(&d, "heads high"), Some("Jon Holden".into()));
}

#[test]
fn the_spokesperson_speaks_for_the_body_named_with_them_not_another() {
    let text = "The Human Rights Commission warned that it could push children towards “darker, less regulated” corners of the internet.\nA spokesperson for Meta said the company would comply with the law. “We are concerned about the process which rushed the legislation through,” the spokesperson said.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Human Rights Commission");
    add_organization(&mut d, "Meta");
    assert_eq!(speaker_of(&d, "rushed").as_deref(), Some("Meta"));
}

#[test]
fn a_description_after_a_two_sentence_quote_looks_before_the_quote() {
    let text = "“They were better than us,” said Carlo Ancelotti.\nMohamed Salah, whose kick was saved, shrugged off the miss. “It happens. The most important thing is that we won,” the Egyptian forward told TNT.\n";
    let d = doc(
        text,
        &[
            &["Carlo Ancelotti", "Ancelotti"],
            &["Mohamed Salah", "Salah"],
        ],
    );
    assert_eq!(speaker_of(&d, "we won"), Some("Mohamed Salah".into()));
}

#[test]
fn a_name_inside_an_apposition_is_not_the_subject() {
    let text = "The government of Nicolás Maduro did not comment.\nBut Jorge Rodríguez, the head of the National Assembly and a close Maduro ally, called the award “a shame” on television.\n";
    let d = doc(text, &[&["Nicolás Maduro", "Maduro"], &["Jorge Rodríguez"]]);
    assert_eq!(speaker_of(&d, "a shame"), Some("Jorge Rodríguez".into()));
}

#[test]
fn who_was_told_is_not_the_speaker() {
    let text = "“Nobody wanted a fight today,” one delegate told Al Jazeera.\n\
                “We are ready,” Anna Berg told Al Jazeera.\n";
    let d = doc(text, &[&["Al Jazeera"], &["Anna Berg"]]);
    assert_eq!(speaker_of(&d, "Nobody wanted"), None);
    assert_eq!(speaker_of(&d, "We are ready").as_deref(), Some("Anna Berg"));
}

#[test]
fn a_dash_hands_the_quote_to_the_titled_subject() {
    let text = "Deputy Prime Minister Alexander Novak, who represents Moscow at the talks, \
                stuck to the familiar line — “a balanced market is in everyone’s interest.”\n";
    let d = doc(text, &[&["Alexander Novak"]]);
    assert_eq!(
        speaker_of(&d, "a balanced market").as_deref(),
        Some("Alexander Novak")
    );
}

#[test]
fn an_agent_noun_the_text_gave_as_a_title_describes_its_holder() {
    let text = "Nigerian filmmaker Ada Obi won the prize on Saturday.\n\
                Festival director Paul Roux praised the jury.\n\
                “Every film about work is political,” the filmmaker told reporters.\n\
                One man at the back of the chamber shouted, “You will hear from us!”\n";
    let d = doc(text, &[&["Ada Obi"], &["Paul Roux"]]);
    assert_eq!(speaker_of(&d, "Every film").as_deref(), Some("Ada Obi"));
    assert_eq!(speaker_of(&d, "You will hear"), None);
}

#[test]
fn a_subject_after_a_fronted_adverbial_is_the_one_a_description_means() {
    let text = "“They loot the state,” Ravi Modi said on Thursday.\n\
                Two hours after Modi's speech, at a rally in Behala, Rina Das dismissed the charges. \
                “They come here in helicopters,” the party supremo said.\n";
    let d = doc(text, &[&["Ravi Modi", "Modi"], &["Rina Das"]]);
    assert_eq!(
        speaker_of(&d, "They come here").as_deref(),
        Some("Rina Das")
    );
}

#[test]
fn a_sentence_opened_by_he_keeps_the_focus_on_his_referent() {
    let text = "“We are grateful,” Petro Marko said on Sunday.\n\
                He also noted that Turkish President Ali Demir had offered to host the next round.\n\
                “We will use every platform that works,” he said.\n";
    let d = doc(text, &[&["Petro Marko", "Marko"], &["Ali Demir"]]);
    assert_eq!(
        speaker_of(&d, "every platform").as_deref(),
        Some("Petro Marko")
    );
}

#[test]
fn a_former_holder_is_not_the_current_one() {
    let text = "Arsenal manager Tom Reed praised his side.\n\
                Villa boss Jan Kos felt his side deserved more.\n\
                “We competed very well for an hour,” said the former Arsenal manager.\n";
    let d = doc(text, &[&["Tom Reed", "Reed"], &["Jan Kos"]]);
    assert_eq!(speaker_of(&d, "We competed").as_deref(), Some("Jan Kos"));
}

#[test]
fn an_agent_noun_after_a_team_name_describes_the_subject_before() {
    let text = "Ana Ruiz won the race in Spa.\n\
                “It was the hardest race of my career,” said the Mercedes driver.\n";
    let d = doc(text, &[&["Ana Ruiz", "Ruiz"]]);
    assert_eq!(
        speaker_of(&d, "the hardest race").as_deref(),
        Some("Ana Ruiz")
    );
}

#[test]
fn a_spokesperson_speaks_for_the_organisation() {
    let text = "A spokesperson for Deutsche Bahn said: “Tickets can be used flexibly.”\n\
                A Boeing spokeswoman said the talks went well. “We are hopeful,” the spokeswoman said.\n\
                One juror said the emails mattered. “There was not much to argue about,” the juror said.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Deutsche Bahn");
    add_organization(&mut d, "Boeing");
    assert_eq!(
        speaker_of(&d, "Tickets can be").as_deref(),
        Some("Deutsche Bahn")
    );
    assert_eq!(speaker_of(&d, "We are hopeful").as_deref(), Some("Boeing"));
    assert_eq!(speaker_of(&d, "not much to argue"), None);
}

#[test]
fn an_unnamed_holder_introduced_since_is_the_one_meant() {
    let text = "According to Leader of the Opposition Ravi Sen, the party will sweep the north.\n\
                A senior party leader, who did not wish to be named, admitted the party was struggling. \
                “The city is still her fortress,” the leader said.\n";
    let d = doc(text, &[&["Ravi Sen", "Sen"]]);
    assert_eq!(speaker_of(&d, "still her fortress"), None);
}

#[test]
fn she_after_an_unnamed_subject_is_no_one_named() {
    let text = "Ana Ruiz testified for two days.\n\
                One juror, who asked not to be identified, said the emails mattered. \
                “Once you read those, there was not much to argue about,” she said.\n";
    let d = doc(text, &[&["Ana Ruiz", "Ruiz"]]);
    assert_eq!(speaker_of(&d, "Once you read"), None);
}

#[test]
fn an_age_never_given_describes_the_person_just_introduced() {
    let text = "“We argued, and in the end we agreed,” said Pedro Alvo, the president of the jury.\n\
                Best actress went to the film’s lead, newcomer Ngozi Eze, who plays the youngest daughter.\n\
                “Three years ago I was doing commercials,” the 29-year-old told reporters.\n\
                Ana Ruiz made her move at Les Combes with eight laps to go.\n\
                “It was the hardest race of my career,” the 28-year-old said.\n";
    let d = doc(
        text,
        &[
            &["Pedro Alvo"],
            &["Ngozi Eze"],
            &["Ana Ruiz"],
            &["Les Combes"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "Three years ago").as_deref(),
        Some("Ngozi Eze")
    );
    assert_eq!(speaker_of(&d, "hardest race").as_deref(), Some("Ana Ruiz"));
}

#[test]
fn a_verb_joined_by_and_shares_the_clauses_subject() {
    let text = "Former striker Alan Shearer, speaking on television, called Rice's free-kick “an absolutely wonderful strike” and said Arsenal now looked “like champions in waiting”.\n";
    let d = doc(text, &[&["Alan Shearer", "Shearer"], &["Rice"]]);
    assert_eq!(
        speaker_of(&d, "like champions").as_deref(),
        Some("Alan Shearer")
    );
}

#[test]
fn a_capitalised_title_after_a_fronted_clause_is_its_holder() {
    let text = "King Karl IV has spoken of “the deep pain” caused by the slave trade.\n\
                Speaking at a banquet hosted by President John Osei that evening, the King said:\n\
                “We cannot change the past.”\n";
    let d = doc(text, &[&["Karl IV"], &["John Osei"]]);
    assert_eq!(speaker_of(&d, "the deep pain").as_deref(), Some("Karl IV"));
    assert_eq!(speaker_of(&d, "cannot change").as_deref(), Some("Karl IV"));
}

#[test]
fn a_speech_noun_after_told_leaves_the_verb_the_cue() {
    let text = "Efua Bonsu, who leads the Reparations Now Coalition, told the BBC the speech “fell well short of what was needed”.\n";
    let mut d = doc(text, &[&["Efua Bonsu"]]);
    add_organization(&mut d, "Reparations Now Coalition");
    add_organization(&mut d, "BBC");
    assert_eq!(
        speaker_of(&d, "fell well short").as_deref(),
        Some("Efua Bonsu")
    );
}

#[test]
fn a_name_before_an_aside_opened_by_a_possessive_is_the_subject() {
    let text = "Ray Ortiz, President Donald Trump’s nominee to lead the Labor Department, told senators he would “enforce every law on the books.”\n";
    let mut d = doc(text, &[&["Ray Ortiz"], &["Donald Trump"]]);
    add_organization(&mut d, "Labor Department");
    assert_eq!(
        speaker_of(&d, "enforce every law").as_deref(),
        Some("Ray Ortiz")
    );
}

#[test]
fn according_to_the_body_names_the_body() {
    let text = "According to the National Weather Service, the surge was “among the highest recorded on this coast.”\n\
                There is a saying, “a figure is formed by flowers,” which describes the Court Dance.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "National Weather Service");
    add_organization(&mut d, "Court Dance");
    assert_eq!(
        speaker_of(&d, "among the highest").as_deref(),
        Some("National Weather Service")
    );
    assert_eq!(speaker_of(&d, "a figure is formed"), None);
}

#[test]
fn a_first_person_quote_paragraph_after_a_paragraph_about_someone_is_theirs() {
    let text = "Tran Loc stood in the mud where his boat had been tied up.\n\
                “I rode out the last storm in this same house.”\n\
                Berg visited the site on Monday.\n\
                “The ground shook for hours and nobody came.”\n";
    let d = doc(text, &[&["Tran Loc", "Tran"], &["Berg"]]);
    assert_eq!(speaker_of(&d, "I rode out").as_deref(), Some("Tran Loc"));
    assert_eq!(speaker_of(&d, "The ground shook"), None);
}

#[test]
fn a_long_run_of_sentences_opened_by_a_description_does_not_recurse_through_the_article() {
    let text = format!(
        "Carlos Sainz won the race.\n{}\n“I am happy,” the 31-year-old said.\n",
        "The Spaniard has now scored points again. ".repeat(2_400)
    );
    // A small stack: a resolution that followed every sentence back would overflow it.
    let speaker = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let d = doc(&text, &[&["Carlos Sainz", "Sainz"]]);
            speaker_of(&d, "I am happy")
        })
        .unwrap()
        .join()
        .unwrap();
    assert!(speaker.is_none_or(|s| s == "Carlos Sainz"));
}

#[test]
fn the_office_or_the_statement_speaks_for_the_body_named_before() {
    let text = "Ukraine's Coordination Headquarters urged relatives not to trust unofficial lists. “Only official channels are reliable,” the headquarters said.\n\
                The company denied the allegations in a statement on its website. “We have honoured all of her requests,” the statement continued.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Coordination Headquarters");
    add_organization(&mut d, "The company");
    assert_eq!(
        speaker_of(&d, "Only official").as_deref(),
        Some("Coordination Headquarters")
    );
}

#[test]
fn a_plural_noun_before_were_is_no_speech_verb() {
    let text = "Edappadi Palaniswami hit back, saying the DMK's job promises were “nothing but recycled slogans”.\n";
    let mut d = doc(text, &[&["Edappadi Palaniswami", "Palaniswami"]]);
    add_organization(&mut d, "DMK");
    assert_eq!(
        speaker_of(&d, "recycled slogans").as_deref(),
        Some("Edappadi Palaniswami")
    );
}

#[test]
fn a_long_title_after_an_organisation_leads_to_its_holder() {
    let text = "In Salem, AIADMK general secretary and leader of opposition Edappadi Palaniswami hit back, saying the plans were “recycled slogans”.\n";
    let mut d = doc(text, &[&["Edappadi Palaniswami", "Palaniswami"]]);
    add_organization(&mut d, "AIADMK");
    assert_eq!(
        speaker_of(&d, "recycled slogans").as_deref(),
        Some("Edappadi Palaniswami")
    );
}

#[test]
fn a_sentence_opened_by_a_description_keeps_the_focus_on_its_referent() {
    let text = "Chief minister Meera Stalin addressed a rally in Madurai.\n\
                The chief minister also cited the Kalaignar Urimai scheme as proof of her commitment. She said: “Not one eligible woman will be left out.”\n";
    let d = doc(text, &[&["Meera Stalin", "Stalin"], &["Kalaignar Urimai"]]);
    assert_eq!(
        speaker_of(&d, "Not one eligible").as_deref(),
        Some("Meera Stalin")
    );
}

#[test]
fn a_quote_paragraph_after_a_subject_past_a_fronted_adverbial_is_theirs() {
    let text = "In a victim impact statement which she read to the court, Brid Nolan described how she had trusted him.\n\
                “When my husband died, he sat at my kitchen table and told me he would look after me.”\n";
    let d = doc(text, &[&["Brid Nolan", "Nolan"]]);
    assert_eq!(
        speaker_of(&d, "When my husband").as_deref(),
        Some("Brid Nolan")
    );
}

#[test]
fn bare_counsel_is_the_barrister_of_the_previous_sentence() {
    let text = "Aoife Brennan, prosecuting, told the court that no such investments were made. “He told clients their money was safe. In fact it paid his mortgage,” counsel said.\n";
    let d = doc(text, &[&["Aoife Brennan", "Brennan"]]);
    assert_eq!(
        speaker_of(&d, "He told clients").as_deref(),
        Some("Aoife Brennan")
    );
}

#[test]
fn he_is_never_an_organisation_nor_the_person_before_an_unnamed_one() {
    let text = "A spokesperson for the police said: “Financial abuse is a serious crime.”\n\
                Outside the court, a relative of one of the victims, who did not wish to be named, said the sentence could not undo the damage. “Seven years. He took forty years from my father,” he said.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "police");
    assert_eq!(speaker_of(&d, "Seven years"), None);
}

#[test]
fn a_colon_after_a_description_and_its_verb_hands_the_next_paragraph_to_it() {
    let text = "“We gave them nothing,” Moyes said.\n\
                Asked whether the changes had been a mistake, the 62-year-old was unrepentant:\n\
                ‘I picked a strong team. I’ll take responsibility for that.’\n";
    let d = doc(text, &[&["David Moyes", "Moyes"], &["Callum Brereton"]]);
    assert_eq!(speaker_of(&d, "I picked").as_deref(), Some("David Moyes"));
}

#[test]
fn a_participle_aside_leaves_the_name_before_it_the_subject() {
    let text = "Maloney, released by Watford as a 16-year-old, said he had “dreamed about a night like this” since he was a boy.\n";
    let d = doc(text, &[&["Kieran Maloney", "Maloney"]]);
    assert_eq!(
        speaker_of(&d, "dreamed about").as_deref(),
        Some("Kieran Maloney")
    );
}

#[test]
fn an_organisation_described_in_apposition_speaks_as_its_noun() {
    let text = "Eurofer, the European steel association, said the decision could not come soon enough. Steelmakers in the European Union have cut 18,000 jobs.\n\
                “This is the most important trade decision in a generation,” the association said in a statement.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Eurofer");
    add_organization(&mut d, "European Union");
    assert_eq!(speaker_of(&d, "most important").as_deref(), Some("Eurofer"));
}

#[test]
fn a_warning_from_someone_is_theirs() {
    let text = "Ministers brushed aside a warning from Commerce Minister Wang Wentao that the move would “poison the atmosphere” before the summit.\n";
    let d = doc(text, &[&["Wang Wentao"]]);
    assert_eq!(speaker_of(&d, "poison the").as_deref(), Some("Wang Wentao"));
}

#[test]
fn a_sentence_opening_pronoun_is_the_subject_of_its_participle() {
    let text = "Lorenzo Marchetti spoke for the Commission. He declined to say whether the European Union would accept a closure, adding: “Let's let the scientists do their work first.”\n";
    let mut d = doc(text, &[&["Lorenzo Marchetti", "Marchetti"]]);
    add_organization(&mut d, "European Union");
    assert_eq!(
        speaker_of(&d, "Let's let").as_deref(),
        Some("Lorenzo Marchetti")
    );
}

#[test]
fn a_quote_paragraph_after_he_said_is_his() {
    let text = "“My father had 60 cows and lived well,” Jean-Marc Delorme said.\n\
                He said the past year had been the hardest of his career.\n\
                «I worked every day except Christmas. My wife works in town so that we can pay the bills.»\n";
    let d = doc(text, &[&["Jean-Marc Delorme", "Delorme"]]);
    assert_eq!(
        speaker_of(&d, "I worked every day").as_deref(),
        Some("Jean-Marc Delorme")
    );
}

#[test]
fn a_title_opening_an_aside_leaves_the_name_before_it_the_subject() {
    let text = "Jordan Bardella, president of the far-right Rassemblement National, wrote on X: “The government talks about food sovereignty while it signs away our farms.”\n";
    let mut d = doc(text, &[&["Jordan Bardella", "Bardella"]]);
    add_organization(&mut d, "Rassemblement National");
    assert_eq!(
        speaker_of(&d, "The government talks").as_deref(),
        Some("Jordan Bardella")
    );
}

#[test]
fn justices_and_a_case_name_do_not_lose_their_speaker() {
    let text = "Justice Neil Gorsuch suggested a different route. \"If these are his papers, isn't that the end of it?\" the justice asked.\n\
                Justice Sonia Sotomayor interjected. “It named a place where dozens of innocent people happened to be.”\n\
                Chief Justice John Roberts, who wrote the opinion in Carpenter v. United States in 2018, pressed her: “Suppose the window is five minutes. Is that still a general warrant?”\n";
    let d = doc(
        text,
        &[
            &["Neil Gorsuch", "Gorsuch"],
            &["Sonia Sotomayor", "Sotomayor"],
            &["John Roberts", "Roberts"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "his papers").as_deref(),
        Some("Neil Gorsuch")
    );
    assert_eq!(
        speaker_of(&d, "It named").as_deref(),
        Some("Sonia Sotomayor")
    );
    assert_eq!(
        speaker_of(&d, "Suppose the").as_deref(),
        Some("John Roberts")
    );
}

#[test]
fn an_aged_description_after_a_topic_names_the_topic() {
    let text = "“We'd pencil in May,” said Harriet Nguyen, an economist.\n\
                For Priya Raman, the timing could hardly be worse.\n\
                The 29-year-old nurse signed a contract on a unit last month.\n\
                \"I did all the sums with my broker at the old rate,\" she said.\n";
    let d = doc(
        text,
        &[&["Harriet Nguyen", "Nguyen"], &["Priya Raman", "Raman"]],
    );
    assert_eq!(
        speaker_of(&d, "I did all the sums").as_deref(),
        Some("Priya Raman")
    );
}

#[test]
fn a_question_then_mr_name_said_is_theirs() {
    let text = "Jairam Ramesh spoke in Delhi on Monday.\n\
                \"Why are we negotiating on our own side?\" Mr. Ramesh said in a post on X.\n";
    let d = doc(text, &[&["Jairam Ramesh", "Ramesh"]]);
    assert_eq!(
        speaker_of(&d, "Why are we").as_deref(),
        Some("Jairam Ramesh")
    );
}

#[test]
fn the_subject_after_a_fronted_adverbial_owns_the_participle() {
    let text = "Sen. Dan Sullivan was more supportive of Mark Dorsey.\n\
                After the hearing, the senator told reporters he expected Dorsey to be confirmed, adding: \"I think a few Democrats will vote for him.\"\n";
    let d = doc(
        text,
        &[&["Dan Sullivan", "Sullivan"], &["Mark Dorsey", "Dorsey"]],
    );
    assert_eq!(
        speaker_of(&d, "a few Democrats").as_deref(),
        Some("Dan Sullivan")
    );
}

#[test]
fn a_lower_case_title_before_the_name_keeps_the_colon_subject() {
    let text = "Board member Linda Park, who voted against the removals, put it bluntly: \"We just overruled our own experts.\"\n";
    let d = doc(text, &[&["Linda Park", "Park"]]);
    assert_eq!(speaker_of(&d, "overruled").as_deref(), Some("Linda Park"));
}

#[test]
fn an_unnamed_person_before_a_participle_aside_is_no_name_inside_it() {
    let text = "Another employee, posting on the anonymous workplace app Blind, wrote: \"Funny how the AI replacing us is the same AI we trained.\"\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Blind");
    assert_eq!(speaker_of(&d, "Funny how"), None);
}

#[test]
fn a_titled_holder_after_an_organisation_and_a_named_spokesman() {
    let text = "The US welcomed the exchange. “We pray for the full recovery of both men,” said White House Press Secretary Stephanie Grisham.\n\
                Kremlin spokesman Dmitry Peskov spoke later. Peskov dismissed the meeting. “This is a gathering of countries that have lost their way,” the Kremlin spokesman said.\n";
    let mut d = doc(
        text,
        &[&["Stephanie Grisham"], &["Dmitry Peskov", "Peskov"]],
    );
    add_organization(&mut d, "White House");
    add_organization(&mut d, "Kremlin");
    assert_eq!(
        speaker_of(&d, "We pray").as_deref(),
        Some("Stephanie Grisham")
    );
    assert_eq!(
        speaker_of(&d, "a gathering").as_deref(),
        Some("Dmitry Peskov")
    );
}

#[test]
fn a_lede_quote_belongs_to_the_person_the_next_paragraph_opens_with() {
    let text = "FILLMORE, Calif. — “We grabbed the dog, the photo albums and my mom's insulin. That's all there was time for.”\n\
                Dana Whitfield has lived on the same cul-de-sac for 31 years.\n\
                “The wind is doing everything right now,” said fire captain Rosa Ibarra.\n";
    let d = doc(
        text,
        &[&["Dana Whitfield", "Whitfield"], &["Rosa Ibarra", "Ibarra"]],
    );
    assert_eq!(
        speaker_of(&d, "We grabbed").as_deref(),
        Some("Dana Whitfield")
    );
}

#[test]
fn a_relative_clause_with_commas_of_its_own_leaves_its_head_the_subject() {
    let text = "CCIA Europe, whose members include Google, Meta and Amazon, called the vote “a welcome dose of realism.”\n\
                “Europe cannot afford to regulate itself out of the AI race. The Council should now go further,” the group said in a statement.\n";
    let mut d = doc(text, &[]);
    for org in ["CCIA Europe", "Google", "Meta", "Amazon", "Council"] {
        add_organization(&mut d, org);
    }
    assert_eq!(
        speaker_of(&d, "welcome dose").as_deref(),
        Some("CCIA Europe")
    );
    assert_eq!(
        speaker_of(&d, "cannot afford").as_deref(),
        Some("CCIA Europe")
    );
}

#[test]
fn according_to_a_statement_by_a_body_is_that_body() {
    let text = "The two sides agreed to “intensify joint efforts for a humanitarian truce in Sudan”, according to a statement issued later by the Foreign Ministry.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Foreign Ministry");
    assert_eq!(
        speaker_of(&d, "intensify joint").as_deref(),
        Some("Foreign Ministry")
    );
}

#[test]
fn they_after_a_body_in_apposition_skips_the_name_in_its_relative_clause() {
    let text = "The company that runs the AMAs, Dick Clark Productions, denies that anything has been sorted.\n\
                \"Any final agreement on this matter needs to be made with her management. We have no further comment,\" they said.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "AMAs");
    add_organization(&mut d, "Dick Clark Productions");
    assert_eq!(
        speaker_of(&d, "Any final agreement").as_deref(),
        Some("Dick Clark Productions")
    );
}

#[test]
fn an_aged_description_names_the_subject_of_the_sentence_before() {
    let text = "Ben Duckett made 62 before lunch.\n\
                Smith, named Player of the Match, kept it characteristically simple.\n\
                ‘I just tried to watch the ball and pick my moments,’ the 25-year-old said.\n";
    let d = doc(
        text,
        &[
            &["Ben Duckett", "Duckett"],
            &["Jamie Smith", "Smith"],
            &["Player"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "I just tried").as_deref(),
        Some("Jamie Smith")
    );
}

#[test]
fn a_lede_quote_then_thats_how_x_describes_it() {
    let text = "“Nobody went into nursing to fight with a spreadsheet at 2 a.m.”\n\
                That’s how Maya Krishnan, co-founder and CEO of Tidewell, describes the problem her startup is trying to solve.\n";
    let mut d = doc(text, &[&["Maya Krishnan", "Krishnan"]]);
    add_organization(&mut d, "Tidewell");
    assert_eq!(
        speaker_of(&d, "Nobody went").as_deref(),
        Some("Maya Krishnan")
    );
}

#[test]
fn she_after_a_topic_opened_by_for_is_that_person() {
    let text = "Ofgem said the cap would rise in April.\n\
                For Margaret Hollis, a 79-year-old widow from Barnsley, the rise means more hard choices.\n\
                \"I already sit in my coat in the evenings,\" she told BBC News.\n";
    let mut d = doc(text, &[&["Margaret Hollis", "Hollis"]]);
    add_organization(&mut d, "Ofgem");
    assert_eq!(
        speaker_of(&d, "I already sit").as_deref(),
        Some("Margaret Hollis")
    );
}

#[test]
fn a_description_opening_the_sentence_before_with_a_name_in_apposition() {
    let text = "U.S. Ambassador Mike Waltz said a settlement was within reach. “He wants the killing to stop,” Waltz said.\n\
                The French ambassador, Jérôme Bonnafont, was blunter.\n\
                “Who is bombing whom?” he asked.\n";
    let d = doc(
        text,
        &[&["Mike Waltz", "Waltz"], &["Jérôme Bonnafont", "Bonnafont"]],
    );
    assert_eq!(
        speaker_of(&d, "Who is bombing").as_deref(),
        Some("Jérôme Bonnafont")
    );
}

#[test]
fn an_age_aside_before_a_relative_clause_and_a_possessive_title() {
    let text = "Jordan Okafor, 29, who holds the WBA, IBF and WBO belts, said: ‘He's been talking for six months.’\n\
                Banks' co-promoter Ray Castellano, of Golden Crown Promotions, was less diplomatic: ‘Jordan's a nice kid.’\n";
    let mut d = doc(
        text,
        &[
            &["Jordan Okafor", "Okafor"],
            &["Terrell Banks", "Banks"],
            &["Ray Castellano"],
        ],
    );
    for org in ["WBA", "IBF", "WBO", "Golden Crown Promotions"] {
        add_organization(&mut d, org);
    }
    assert_eq!(
        speaker_of(&d, "talking for six").as_deref(),
        Some("Jordan Okafor")
    );
    assert_eq!(
        speaker_of(&d, "a nice kid").as_deref(),
        Some("Ray Castellano")
    );
}

#[test]
fn a_quote_paragraph_after_a_participle_clause_and_its_subject() {
    let text = "Terrell Banks placed a plastic crown on the table.\n\
                Asked whether he was worried, he laughed.\n\
                ‘Concerned? I've fought in Las Vegas in front of people who wanted my head.’\n";
    let d = doc(text, &[&["Terrell Banks", "Banks"]]);
    assert_eq!(
        speaker_of(&d, "I've fought").as_deref(),
        Some("Terrell Banks")
    );
}

#[test]
fn the_warning_came_from_names_the_quote_before() {
    let text = "Sybiha is due to be received by Emmanuel Macron on Friday.\n\
                « Paris is playing with fire. »\n\
                The warning came from Kremlin spokesman Dmitry Peskov, who told reporters in Moscow that the deal would draw a response.\n";
    let d = doc(
        text,
        &[
            &["Andrii Sybiha", "Sybiha"],
            &["Emmanuel Macron", "Macron"],
            &["Dmitry Peskov", "Peskov"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "playing with fire").as_deref(),
        Some("Dmitry Peskov")
    );
}

#[test]
fn a_long_relative_clause_a_team_principal_and_a_lower_case_title() {
    let text = "Piastri, who passed Verstappen at the hairpin on lap 19 and closed to within a second of Russell before the second round of stops, said: 'Second is a decent result for us.'\n\
                'Max did an incredible job with the car he had,' said Red Bull team principal Laurent Mekies.\n\
                Board chair Linda Voss said the board's role was a narrow one.\n\
                “We are not here to decide whether wind energy is good or bad.”\n";
    let mut d = doc(
        text,
        &[
            &["Oscar Piastri", "Piastri"],
            &["Max Verstappen", "Verstappen", "Max"],
            &["George Russell", "Russell"],
            &["Laurent Mekies", "Mekies"],
            &["Linda Voss", "Voss"],
        ],
    );
    add_organization(&mut d, "Red Bull");
    assert_eq!(
        speaker_of(&d, "Second is").as_deref(),
        Some("Oscar Piastri")
    );
    assert_eq!(
        speaker_of(&d, "incredible job").as_deref(),
        Some("Laurent Mekies")
    );
    assert_eq!(
        speaker_of(&d, "We are not here").as_deref(),
        Some("Linda Voss")
    );
}

#[test]
fn the_source_of_a_figure_between_cue_and_quote_does_not_say_it() {
    let text = "Mary Lou McDonald said rents had risen to €2,000 a month, according to the Residential Tenancies Board, and that young people were “emigrating in their thousands”.\n";
    let mut d = doc(text, &[&["Mary Lou McDonald", "McDonald"]]);
    add_organization(&mut d, "Residential Tenancies Board");
    assert_eq!(
        speaker_of(&d, "emigrating").as_deref(),
        Some("Mary Lou McDonald")
    );
}

#[test]
fn according_to_a_survey_by_someone_and_a_place_of_origin_after_a_noun() {
    let text = "According to a 2018 survey by Penelope Abernathy of the University of North Carolina, the firm's practice has been to “consolidate copy editing and page design” at a corporate center.\n\
                Noa Shachar, 34, one of the organizers, said protesters would return every night.\n\
                \"We were here in 2023, and we will be here for as long as it takes,\" the software developer from Modiin said.\n";
    let mut d = doc(
        text,
        &[
            &["Penelope Abernathy", "Abernathy"],
            &["Noa Shachar", "Shachar"],
            &["Modiin"],
        ],
    );
    add_organization(&mut d, "University of North Carolina");
    assert_eq!(
        speaker_of(&d, "consolidate copy").as_deref(),
        Some("Penelope Abernathy")
    );
    assert_ne!(speaker_of(&d, "We were here").as_deref(), Some("Modiin"));
}

#[test]
fn constructions_cut_off_by_the_end_of_the_text_do_not_panic() {
    for text in [
        "The talks ended.\n“We will fight on every front.”\nThe warning came",
        "“It is over,” according to a statement by",
        "“It is over,” according to a study issued later by the",
        "Ministers met. “We agreed,” said",
    ] {
        let d = doc(text, &[]);
        let _ = run(&d);
    }
}

#[test]
fn a_name_after_a_possessive_that_opens_the_clause_is_its_subject() {
    let text = "The vote was close.\n\nThe state's Finance Department said that all documents had been “submitted in full and on time” to the ministry.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Finance Department");
    assert_eq!(
        speaker_of(&d, "submitted in full").as_deref(),
        Some("Finance Department")
    );
}

#[test]
fn shot_back_is_a_speech_cue() {
    let text = "The meeting was tense.\n\n“Call it what you like,” Mr MacPhail shot back, “it still doesn't get my lambs to market.”\n";
    let d = doc(text, &[&["Donald MacPhail", "MacPhail"]]);
    assert_eq!(
        speaker_of(&d, "Call it what").as_deref(),
        Some("Donald MacPhail")
    );
    assert_eq!(
        speaker_of(&d, "it still doesn't").as_deref(),
        Some("Donald MacPhail")
    );
}

#[test]
fn words_that_came_from_someone_named_next_are_theirs_not_the_previous_speakers() {
    let text = "Hannah Sinclair wrote on X: “Three weeks. No plan.”\n\n“The resilience of this fleet is simply not good enough.”\n\nThose words came not from an opposition politician but from Alasdair Grant, chair of the ferry committee.\n";
    let d = doc(text, &[&["Hannah Sinclair"], &["Alasdair Grant"]]);
    assert_eq!(
        speaker_of(&d, "Three weeks.").as_deref(),
        Some("Hannah Sinclair")
    );
    assert_eq!(
        speaker_of(&d, "The resilience of").as_deref(),
        Some("Alasdair Grant")
    );
}

#[test]
fn a_spokesperson_for_a_described_or_modified_body_speaks_for_it() {
    let text = "Roads are bad.\n\nA spokesperson for the federal Department of Infrastructure said the government had “already committed more than $600m” to recovery.\n\nAlzheimer's Society said the study offered hope. “We have waited a long time for results like these,” a spokesperson for the charity said.\n\nIn a letter, the Remote Roads Alliance – a coalition of 14 councils – says roads have not been repaired.\n\n“Our communities are being told to wait,” the alliance writes.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Department of Infrastructure");
    add_organization(&mut d, "Alzheimer's Society");
    add_organization(&mut d, "Remote Roads Alliance");
    assert_eq!(
        speaker_of(&d, "already committed").as_deref(),
        Some("Department of Infrastructure")
    );
    assert_eq!(
        speaker_of(&d, "We have waited").as_deref(),
        Some("Alzheimer's Society")
    );
    assert_eq!(
        speaker_of(&d, "Our communities").as_deref(),
        Some("Remote Roads Alliance")
    );
}

#[test]
fn a_sentence_pointing_back_names_the_quotes_source() {
    let text = "Ellie Whitmore asked about the strike.\n\n“It feels like we’re paying a year to be collateral damage.”\n\nThat was the verdict of third-year student Callum Price, who lost six hours of teaching.\n\nJudge Tremayne listened.\n\n“It was never about the money.” The words were Pilling's own, taken from a letter.\n";
    let d = doc(
        text,
        &[
            &["Ellie Whitmore"],
            &["Callum Price"],
            &["Judge Tremayne", "Tremayne"],
            &["Gareth Pilling", "Pilling"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "It feels like").as_deref(),
        Some("Callum Price")
    );
    assert_eq!(
        speaker_of(&d, "It was never").as_deref(),
        Some("Gareth Pilling")
    );
}

#[test]
fn an_unnamed_subject_after_a_long_adverbial_holds_the_pronoun() {
    let text = "Judge Alison Tremayne sentenced him.\n\nIn a victim impact statement read to the court, one woman, a former school cook, said she had lost £94,000.\n\n“I used to lie awake thinking about my grandchildren,” she wrote.\n";
    let d = doc(text, &[&["Alison Tremayne", "Tremayne"]]);
    assert_eq!(speaker_of(&d, "I used to lie"), None);
}

#[test]
fn a_bracketed_party_tag_or_an_apposed_name_leads_to_the_subject() {
    let text = "Sen. Harriet Mbeki-Collins (D-Md.), who co-wrote the bill with Sen. Dale Rutherford (R-Kan.), called it “the most important national security vote this year.”\n\nSen. Curtis Varga (R-Idaho), who voted no, told POLITICO that the bill “goes well beyond what was asked for” and could backfire.\n\n“It is something,” said V. Chandrasekaran, 58, who farms near Orathanadu. His neighbour, R. Malarvizhi, was blunter: “They remember us only when votes are near.”\n";
    let d = doc(
        text,
        &[
            &["Harriet Mbeki-Collins"],
            &["Dale Rutherford"],
            &["Curtis Varga"],
            &["V. Chandrasekaran"],
            &["R. Malarvizhi"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "the most important").as_deref(),
        Some("Harriet Mbeki-Collins")
    );
    assert_eq!(
        speaker_of(&d, "goes well beyond").as_deref(),
        Some("Curtis Varga")
    );
    assert_eq!(
        speaker_of(&d, "They remember us").as_deref(),
        Some("R. Malarvizhi")
    );
}

#[test]
fn so_said_and_a_message_from_name_the_source_and_reports_take_modifiers() {
    let text = "Governors met the Treasury.\n\n“You cannot run a county on promises and press statements.”\n\nSo said Nyeri Governor Peter Gitonga, who chairs the finance committee.\n\n“Our people pay the highest bills in this province.”\n\nThat was the message from Grand Chief Sheila Moosetail, who spoke later.\n\nThe delays are “the worst since devolution began”, according to the latest quarterly report by the Office of the Controller of Budget.\n\nSuperintendent Karen Whitlock said the district approved the drill.\n\n“I would never have signed off on that,” the superintendent said.\n";
    let mut d = doc(
        text,
        &[
            &["Peter Gitonga"],
            &["Sheila Moosetail"],
            &["Karen Whitlock", "Whitlock"],
        ],
    );
    add_organization(&mut d, "Office of the Controller of Budget");
    assert_eq!(
        speaker_of(&d, "You cannot run").as_deref(),
        Some("Peter Gitonga")
    );
    assert_eq!(
        speaker_of(&d, "Our people pay").as_deref(),
        Some("Sheila Moosetail")
    );
    let how = "Bonds fell.\n\n“The market is pricing in a tougher conversation.” That was how Mariana Ferreyra, chief economist at Analytica Sur, summed up the mood.\n";
    let how = doc(how, &[&["Mariana Ferreyra"]]);
    assert_eq!(
        speaker_of(&how, "The market is").as_deref(),
        Some("Mariana Ferreyra")
    );
    assert_eq!(
        speaker_of(&d, "the worst since").as_deref(),
        Some("Office of the Controller of Budget")
    );
    assert_eq!(
        speaker_of(&d, "I would never").as_deref(),
        Some("Karen Whitlock")
    );
}

#[test]
fn words_that_came_from_a_titled_person_and_an_apology_are_attributed() {
    let text = "Opposition lawmakers seized on the disarray.\n\n“This is not a draft law, it is an exemption law in disguise.”\n\nThe words came from Yesh Atid MK Michal R. Shalev, a former pilot.\n\nLindqvist, who apologised to his team for a ‘stupid, stupid mistake’, climbed out unhurt.\n";
    let mut d = doc(
        text,
        &[&["Michal R. Shalev"], &["Jonas Lindqvist", "Lindqvist"]],
    );
    add_organization(&mut d, "Yesh Atid MK");
    assert_eq!(
        speaker_of(&d, "This is not a draft").as_deref(),
        Some("Michal R. Shalev")
    );
    assert_eq!(
        speaker_of(&d, "stupid, stupid").as_deref(),
        Some("Jonas Lindqvist")
    );
}

#[test]
fn a_family_speaks_for_itself_and_a_council_spokesperson_for_the_council() {
    let text = "Police named the victim as Daniel Hargreaves.\n\nIn a statement released through the police, Mr Hargreaves' family said: ‘Danny was the heart of our family.’\n\nCalderdale Council said extra patrols would run. ‘We are working closely with West Yorkshire Police,’ a council spokesperson said.\n";
    let mut d = doc(text, &[&["Daniel Hargreaves", "Hargreaves"]]);
    add_organization(&mut d, "Calderdale Council");
    add_organization(&mut d, "West Yorkshire Police");
    assert_eq!(speaker_of(&d, "Danny was the heart"), None);
    assert_eq!(
        speaker_of(&d, "We are working closely").as_deref(),
        Some("Calderdale Council")
    );
}

#[test]
fn a_name_set_off_after_a_description_following_the_cue_speaks() {
    let text = "Ingrid Solberg-Hale died on Monday.\n\n‘Mum measured everything – the rain, the garden,’ said her daughter, Dr Kirsty Hale. ‘We used to joke about it.’\n";
    let d = doc(text, &[&["Ingrid Solberg-Hale"], &["Kirsty Hale"]]);
    assert_eq!(
        speaker_of(&d, "Mum measured").as_deref(),
        Some("Kirsty Hale")
    );
}

#[test]
fn a_bureau_or_a_district_speaks_as_its_body() {
    let text = "The Development Bureau defended the proposals. “The penalties are a measure of last resort,” the bureau said in a statement.\n\nBoyle County Schools said students would be kept out of class. “We know this is a hardship for families,” the district said in a statement.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Development Bureau");
    add_organization(&mut d, "Boyle County Schools");
    assert_eq!(
        speaker_of(&d, "The penalties").as_deref(),
        Some("Development Bureau")
    );
    assert_eq!(
        speaker_of(&d, "We know this").as_deref(),
        Some("Boyle County Schools")
    );
}

#[test]
fn a_description_after_a_fronted_participle_clause_holds_the_focus() {
    let text = "Chief Minister Arbab Shah defended the bill. Opposition leader Ijaz Soomro said the law would be challenged.\n\nLater, talking to reporters outside the assembly building, the chief minister dismissed the threat. “Let them go to court,” he said.\n";
    let d = doc(text, &[&["Arbab Shah"], &["Ijaz Soomro"]]);
    assert_eq!(speaker_of(&d, "Let them go").as_deref(), Some("Arbab Shah"));
}

#[test]
fn a_cricket_epithet_describes_the_player_just_quoted() {
    let text = "Callum Brooks made 142.\n\n“That ball was turning a long way,” Brooks said.\n\n“I’ve had a few starts this summer,” the left-hander said.\n";
    let d = doc(text, &[&["Callum Brooks", "Brooks"]]);
    assert_eq!(
        speaker_of(&d, "I’ve had a few").as_deref(),
        Some("Callum Brooks")
    );
}

#[test]
fn an_aside_opened_by_a_preposition_and_post_nominals_leave_the_subject() {
    let text = "Darren Mulcahy pleaded guilty.\n\nNiamh Kearney SC, for Mr Mulcahy, said her client had been ‘chasing a debt he could never pay’ at the time.\n";
    let d = doc(text, &[&["Darren Mulcahy", "Mulcahy"], &["Niamh Kearney"]]);
    assert_eq!(
        speaker_of(&d, "chasing a debt").as_deref(),
        Some("Niamh Kearney")
    );
}

#[test]
fn a_name_inside_an_unnamed_persons_relative_clause_does_not_speak() {
    let text = "The Wye Trust wants a new fund.\n\nOne fisherman who has fished the Wye near Hay for 30 years, and who asked not to be named, was blunter: “The fish are gone.”\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "Wye Trust");
    add_organization(&mut d, "Wye");
    assert_eq!(speaker_of(&d, "The fish are gone"), None);
}

#[test]
fn a_fronted_subordinate_clause_does_not_hold_the_subject() {
    let text = "Edappadi K. Palaniswami led the walkout.\n\nWhen Mr. Palaniswami rose to respond for a second time, Speaker M. Appavu declined permission. “The House cannot function,” he said.\n\nWhen Mr. Palaniswami rose again, Speaker M. Appavu declined permission once more. “The matter is closed.”\n";
    let d = doc(
        text,
        &[&["Edappadi K. Palaniswami", "Palaniswami"], &["M. Appavu"]],
    );
    assert_eq!(
        speaker_of(&d, "The House cannot").as_deref(),
        Some("M. Appavu")
    );
    assert_eq!(
        speaker_of(&d, "The matter is closed").as_deref(),
        Some("M. Appavu")
    );
}

#[test]
fn the_speaker_of_a_house_is_a_role() {
    let text = "Speaker M. Appavu declined permission. “The House cannot function on the basis of who shouts the loudest,” the Speaker said.\n";
    let d = doc(text, &[&["M. Appavu"]]);
    assert_eq!(
        speaker_of(&d, "The House cannot").as_deref(),
        Some("M. Appavu")
    );
}

#[test]
fn a_title_after_a_descriptions_comma_and_an_unnamed_relative() {
    let text = "Health Secretary Rachel Penhaligon promised more funding. ‘We are putting new surgical hubs where the waits are longest,’ Penhaligon said.\n\nThe trust’s chief executive, Dr Alison Merriweather, apologised to patients. ‘I want to be absolutely clear that this is not where we want to be,’ she said.\n\nMargaret Hollins has waited two years. ‘I’ve stopped going out,’ Hollins said.\n\nHer daughter, who asked not to be named, said the family could not pay. ‘Mum paid into the system her whole working life,’ she said.\n";
    let d = doc(
        text,
        &[
            &["Rachel Penhaligon", "Penhaligon"],
            &["Alison Merriweather"],
            &["Margaret Hollins", "Hollins"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "I want to be").as_deref(),
        Some("Alison Merriweather")
    );
    assert_eq!(speaker_of(&d, "Mum paid"), None);
}

#[test]
fn a_spokesperson_after_a_bodys_statement_and_a_described_center_speak_for_it() {
    let text = "In a statement, teaching union NEU Cymru said it would respond to the consultation.\n\n“Closing small rural schools might look good on a spreadsheet,” a spokesperson said.\n\nDelphine has weakened, the National Hurricane Center said.\n\n“The storm is expected to weaken rapidly,” the hurricane center said.\n";
    let mut d = doc(text, &[]);
    add_organization(&mut d, "NEU Cymru");
    add_organization(&mut d, "National Hurricane Center");
    assert_eq!(
        speaker_of(&d, "Closing small").as_deref(),
        Some("NEU Cymru")
    );
    assert_eq!(
        speaker_of(&d, "The storm is").as_deref(),
        Some("National Hurricane Center")
    );
}

#[test]
fn a_party_tells_members_apart_and_a_leader_may_be_a_general_secretary() {
    let text = "Scottish Conservative MSP Fiona MacLeish told the chamber that residents had no service. “This Government has failed them,” Ms MacLeish said.\n\nThe exchange grew heated when Scottish Labour’s transport spokesman, Graeme Donnachie, accused ministers of spin.\n\n“Every time a boat breaks down, a business loses money,” the Labour MSP said.\n\nAt the head of the march, Laurent Castagné, general secretary of the CGT’s public services federation, said the strikes would go on.\n\nAmong the crowd was Sophie, 34, a nurse. “We are exhausted,” she said.\n\nThe bill goes to the National Assembly in April. Ministers have not ruled out forcing it through.\n\n“If they use 49.3 again, they will have chosen confrontation,” the union leader warned.\n";
    let d = doc(
        text,
        &[
            &["Fiona MacLeish", "MacLeish"],
            &["Graeme Donnachie"],
            &["Laurent Castagné"],
            &["Sophie"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "Every time a boat").as_deref(),
        Some("Graeme Donnachie")
    );
    assert_eq!(
        speaker_of(&d, "If they use").as_deref(),
        Some("Laurent Castagné")
    );
}

#[test]
fn a_fronted_description_before_a_pronoun_is_no_unnamed_person() {
    let text = "One of the hospital’s last patients, 68-year-old Harold Kessinger, was being treated for pneumonia. A retired wheat farmer, he has lived in the county his whole life.\n\n“My wife had both our boys in this building,” he said.\n";
    let d = doc(text, &[&["Harold Kessinger"]]);
    assert_eq!(
        speaker_of(&d, "My wife had").as_deref(),
        Some("Harold Kessinger")
    );
}

#[test]
fn sports_positions_rankings_and_award_nominees_describe_people() {
    let text = "Ollie Brandon scored twice.\n\nFor Brandon, the win felt like a release. “We talked all week about the last 10 minutes,” the hooker said.\n\nHenrik Solvang, who had won 11 matches on clay, said the contest turned on one point.\n\n“I had my chance and I didn't take it,” the world No 3 told his news conference.\n\nMarisol Vega posted a photo of the crew on Instagram.\n\n“I see you, and I'm not going anywhere without you,” the Emmy nominee wrote.\n";
    let d = doc(
        text,
        &[
            &["Ollie Brandon", "Brandon"],
            &["Henrik Solvang", "Solvang"],
            &["Marisol Vega"],
        ],
    );
    assert_eq!(
        speaker_of(&d, "We talked all week").as_deref(),
        Some("Ollie Brandon")
    );
    assert_eq!(
        speaker_of(&d, "I had my chance").as_deref(),
        Some("Henrik Solvang")
    );
    assert_eq!(speaker_of(&d, "I see you").as_deref(), Some("Marisol Vega"));
}
