//! CompareCoverage end to end: the five seeds through the whole pipeline, then
//! compared (golden statements and entities), and the gRPC edge.

use crate::grpc::TestServer;
use textanalysis::compare;
use textanalysis::config::Config;
use textanalysis::grpc::pb;
use textanalysis::{Content, Options, Pipeline};
use tonic::Code;

const SEEDS: [(&str, &str); 5] = [
    ("000", include_str!("../seeds/000_014238c15a46f1f0.txt")),
    ("001", include_str!("../seeds/001_fd6752b6150a77c8.txt")),
    ("002", include_str!("../seeds/002_3f996f77626a4efd.txt")),
    ("003", include_str!("../seeds/003_6c5723df540ffc3e.txt")),
    ("004", include_str!("../seeds/004_29795408d260e6de.txt")),
];

fn seed_comparison() -> pb::CompareCoverageResponse {
    let pipeline = Pipeline::new(&Config::default()).unwrap();
    let articles = SEEDS
        .iter()
        .map(|(id, text)| (id.to_string(), Ok(Content::Text(text.to_string()))))
        .collect();
    textanalysis::grpc::compare_articles(
        &pipeline,
        articles,
        &Options::default(),
        &compare::Config::default(),
        None,
    )
}

/// The outlets of the statement whose variants include `words`, with the
/// statement printed on failure.
fn outlets_of(response: &pb::CompareCoverageResponse, words: &str) -> Vec<String> {
    let statement = response
        .statements
        .iter()
        .find(|s| s.variants.iter().any(|v| v.text.contains(words)))
        .unwrap_or_else(|| panic!("no statement quotes {words:?}:\n{}", dump(response)));
    let mut outlets: Vec<String> = statement
        .variants
        .iter()
        .map(|v| v.article_id.clone())
        .collect();
    outlets.dedup();
    outlets
}

fn dump(response: &pb::CompareCoverageResponse) -> String {
    response
        .statements
        .iter()
        .map(|s| {
            let variants: Vec<String> = s
                .variants
                .iter()
                .map(|v| format!("    {} {}: {}", v.article_id, v.quote_id, v.text))
                .collect();
            format!("{} ({}):\n{}", s.id, s.speaker, variants.join("\n"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn seed_statements_cluster_across_outlets() {
    let response = seed_comparison();
    assert_eq!(
        outlets_of(&response, "important to talk to each other"),
        ["000", "001", "002"]
    );
    assert_eq!(
        outlets_of(&response, "to avoid misunderstandings, friction"),
        ["000", "001", "002"]
    );
    assert_eq!(
        outlets_of(&response, "possible and necessary"),
        ["001", "002"]
    );
    let time = outlets_of(&response, "the time is right");
    assert!(
        time.starts_with(&["000".to_owned(), "001".to_owned()]),
        "{time:?}"
    );
}

/// Seed 002 prints Le Drian's words as a line of their own, without quote
/// marks (a pull quote echoing the headline's ‘Time has come’).
#[test]
fn seed_le_drian_statement_spans_three_outlets() {
    let response = seed_comparison();
    assert_eq!(
        outlets_of(&response, "the time is right"),
        ["000", "001", "002"]
    );
}

#[test]
fn seed_people_are_one_cross_article_entity_each() {
    let response = seed_comparison();
    for surname in ["Parly", "Lavrov"] {
        let found: Vec<&pb::CrossEntity> = response
            .entities
            .iter()
            .filter(|e| e.r#type == pb::EntityType::Person as i32)
            .filter(|e| e.aliases.iter().any(|a| a.contains(surname)) || e.name.contains(surname))
            .collect();
        let names: Vec<&str> = found.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(found.len(), 1, "{surname}: {names:?}");
        assert!(found[0].articles.len() >= 4, "{:?}", found[0].articles);
    }
}

fn article(id: &str, text: &str) -> pb::Article {
    pb::Article {
        id: id.into(),
        content: Some(pb::article::Content::Text(text.into())),
        ..Default::default()
    }
}

#[tokio::test]
async fn compare_coverage_over_grpc_reports_failed_articles() {
    let server = TestServer::start(Config::default()).await;
    let mut client = server.client().await;
    let request = pb::CompareCoverageRequest {
        articles: vec![
            article("a", SEEDS[0].1),
            pb::Article {
                id: "empty".into(),
                ..Default::default()
            },
            article("b", SEEDS[1].1),
        ],
        ..Default::default()
    };
    let response = client.compare_coverage(request).await.unwrap().into_inner();
    let ids: Vec<&str> = response
        .articles
        .iter()
        .map(|a| a.article_id.as_str())
        .collect();
    assert_eq!(ids, ["a", "empty", "b"]);
    let error = response.articles[1].error.as_ref().unwrap();
    assert_eq!(error.status, "INVALID_ARGUMENT");
    assert!(response.articles[0].error.is_none());
    for statement in &response.statements {
        assert!(statement.variants.iter().all(|v| v.article_id != "empty"));
    }

    let duplicate = pb::CompareCoverageRequest {
        articles: vec![article("a", "x"), article("a", "y")],
        ..Default::default()
    };
    let status = client.compare_coverage(duplicate).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    let none = client
        .compare_coverage(pb::CompareCoverageRequest::default())
        .await
        .unwrap_err();
    assert_eq!(none.code(), Code::InvalidArgument);
    server.stop().await;
}
