//! The load generator against an in-process server: its counts add up.

use crate::grpc::{TestServer, SEED_000};
use std::time::Duration;
use textanalysis::config::Config;
use textanalysis::grpc::loadgen::{self, Mode};
use textanalysis::grpc::pb;

fn article(id: &str, text: &str) -> pb::Article {
    pb::Article {
        id: id.to_owned(),
        content: Some(pb::article::Content::Text(text.to_owned())),
        ..Default::default()
    }
}

fn assert_consistent(report: &loadgen::Report) {
    assert_eq!(report.latency_us.len(), report.total(), "{report}");
    assert!(report.max_latency() >= report.latency(0.5), "{report}");
    // Workers are busy from start to end, so the latencies add up to about
    // workers x elapsed: well over half the elapsed time, and at most all of it
    // per analysis in flight.
    let busy = report.latency_us.mean() * report.total() as f64 / 1e6;
    let elapsed = report.elapsed.as_secs_f64();
    assert!(
        busy >= 0.5 * elapsed,
        "{busy} s busy in {elapsed} s\n{report}"
    );
    assert!(
        busy <= 1.01 * elapsed * report.concurrency as f64 + 0.01,
        "{busy} s busy in {elapsed} s\n{report}"
    );
    let json = report.to_json();
    assert_eq!(json["ok"].as_u64(), Some(report.ok));
}

async fn run(mode: Mode, articles: Vec<pb::Article>) -> loadgen::Report {
    run_against(Config::default(), 1000, mode, articles).await
}

/// A run against a server with `server_config`, sending at most
/// `articles_per_stream` articles on each stream.
async fn run_against(
    server_config: Config,
    articles_per_stream: usize,
    mode: Mode,
    articles: Vec<pb::Article>,
) -> loadgen::Report {
    let server = TestServer::start(server_config).await;
    let config = loadgen::Config {
        concurrency: 4,
        window: 2,
        articles_per_stream,
        duration: Duration::from_millis(300),
        mode,
        ..loadgen::Config::new(format!("http://{}", server.addr), articles)
    };
    let report = loadgen::run(&config).await.unwrap();
    server.stop().await;
    report
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loadgen_unary_counts_every_call() {
    let report = run(Mode::Unary, vec![article("seed", SEED_000)]).await;
    assert!(report.ok > 0, "{report}");
    assert!(report.errors.is_empty(), "{report}");
    assert_consistent(&report);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loadgen_stream_counts_every_article() {
    let report = run(Mode::Stream, vec![article("seed", SEED_000)]).await;
    assert!(report.ok > 0, "{report}");
    assert!(report.errors.is_empty(), "{report}");
    assert_consistent(&report);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loadgen_counts_errors_by_status_code() {
    let articles = vec![article("good", "Lavrov spoke."), article("empty", "")];
    for mode in [Mode::Unary, Mode::Stream] {
        let report = run(mode, articles.clone()).await;
        let invalid = report.errors.get("INVALID_ARGUMENT").copied().unwrap_or(0);
        assert!(report.ok > 0 && invalid > 0, "{report}");
        assert_eq!(report.errors.len(), 1, "{report}");
        // Round-robin over one good and one bad article: as many of each, give or
        // take one per worker in flight when the time ran out.
        assert!(report.ok.abs_diff(invalid) <= 4, "{report}");
        assert_consistent(&report);
    }
}

/// A fast server answers more articles in a run than one stream may carry;
/// the generator opens new streams instead of drawing the server's refusal.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loadgen_streams_stay_within_the_servers_article_limit() {
    let mut server_config = Config::default();
    server_config.server.max_articles_per_call = 5;
    let articles = vec![article("good", "Lavrov spoke.")];
    let report = run_against(server_config, 5, Mode::Stream, articles).await;
    assert!(report.errors.is_empty(), "{report}");
    // Two streams of at most five articles each: more answers means new streams.
    assert!(report.ok > 10, "{report}");
    assert_consistent(&report);
}

#[tokio::test]
async fn loadgen_refuses_an_empty_article_list() {
    let config = loadgen::Config::new("http://127.0.0.1:1", vec![]);
    assert!(matches!(
        loadgen::run(&config).await,
        Err(loadgen::LoadError::Config(_))
    ));
}
