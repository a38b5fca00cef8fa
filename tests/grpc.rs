//! gRPC integration tests: the server runs in-process on 127.0.0.1:0 and is
//! stopped through a oneshot; no sleeps before connecting (the listener is bound first).

use std::sync::Arc;
use std::time::Duration;
use textanalysis::config::Config;
use textanalysis::grpc::pb::{self, text_analysis_client::TextAnalysisClient};
use textanalysis::Pipeline;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tonic::transport::Channel;
use tonic::Code;

pub const SEED_000: &str = include_str!("../seeds/000_014238c15a46f1f0.txt");
pub const SEED_004: &str = include_str!("../seeds/004_29795408d260e6de.txt");

/// A server running in-process; dropped or `stop`ped to shut it down.
pub struct TestServer {
    pub addr: std::net::SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    handle: tokio::task::JoinHandle<()>,
}

impl TestServer {
    pub async fn start(config: Config) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let pipeline = Arc::new(Pipeline::new(&config).unwrap());
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(async move {
            textanalysis::grpc::serve(&config, pipeline, listener, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        });
        TestServer {
            addr,
            stop: Some(stop),
            handle,
        }
    }

    pub async fn channel(&self) -> Channel {
        Channel::from_shared(format!("http://{}", self.addr))
            .unwrap()
            .connect()
            .await
            .unwrap()
    }

    pub async fn client(&self) -> TextAnalysisClient<Channel> {
        TextAnalysisClient::new(self.channel().await).max_decoding_message_size(64 * 1024 * 1024)
    }

    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        tokio::time::timeout(Duration::from_secs(30), &mut self.handle)
            .await
            .expect("server drains within 30 s")
            .unwrap();
    }
}

pub fn text_request(id: &str, text: &str) -> pb::AnalyzeRequest {
    pb::AnalyzeRequest {
        article: Some(pb::Article {
            id: id.to_owned(),
            content: Some(pb::article::Content::Text(text.to_owned())),
            ..Default::default()
        }),
        options: None,
    }
}

pub fn html_request(id: &str, html: Vec<u8>) -> pb::AnalyzeRequest {
    pb::AnalyzeRequest {
        article: Some(pb::Article {
            id: id.to_owned(),
            content: Some(pb::article::Content::Html(html)),
            ..Default::default()
        }),
        options: None,
    }
}

#[tokio::test]
async fn analyze_returns_the_seed_document() {
    let server = TestServer::start(Config::default()).await;
    let mut client = server.client().await;
    let response = client
        .analyze(text_request("000", SEED_000))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(response.id, "000");
    assert!(response.error.is_none());
    let document = response.document.unwrap();
    assert!(document.body.contains("The time has come"));
    assert_eq!(document.input_format, "text");
    assert!(!document.sentences.is_empty());
    for sentence in &document.sentences {
        assert!(document.body.is_char_boundary(sentence.start as usize));
        assert!(sentence.end as usize <= document.body.len());
    }
    server.stop().await;
}

#[tokio::test]
async fn skip_cleaning_keeps_the_input_as_body() {
    let server = TestServer::start(Config::default()).await;
    let mut client = server.client().await;
    let mut request = text_request("raw", SEED_000);
    request.options = Some(pb::AnalysisOptions {
        skip_cleaning: true,
        ..Default::default()
    });
    let response = client.analyze(request).await.unwrap().into_inner();
    assert_eq!(response.document.unwrap().body, SEED_000);
    server.stop().await;
}

#[tokio::test]
async fn bad_input_gets_invalid_argument() {
    let server = TestServer::start(Config::default()).await;
    let mut client = server.client().await;
    let cases = [
        ("empty text", text_request("a", "")),
        ("blank text", text_request("b", " \n\t ")),
        (
            "no content",
            pb::AnalyzeRequest {
                article: Some(pb::Article::default()),
                options: None,
            },
        ),
        ("no article", pb::AnalyzeRequest::default()),
        (
            "binary html",
            html_request("c", (0..4096u32).map(|i| (i * 31 % 29) as u8).collect()),
        ),
        ("empty html", html_request("d", Vec::new())),
    ];
    for (what, request) in cases {
        let status = client.analyze(request).await.unwrap_err();
        assert_eq!(status.code(), Code::InvalidArgument, "{what}: {status:?}");
        assert!(!status.message().is_empty(), "{what}: message explains");
    }
    // The server is still up.
    client
        .analyze(text_request("ok", "Still here."))
        .await
        .unwrap();
    server.stop().await;
}

#[tokio::test]
async fn every_call_carries_a_request_id() {
    let server = TestServer::start(Config::default()).await;
    let mut client = server.client().await;
    // The caller's id comes back, on success and on error.
    let mut request = tonic::Request::new(text_request("r", "Hello there."));
    request
        .metadata_mut()
        .insert("x-request-id", "caller-7".parse().unwrap());
    let response = client.analyze(request).await.unwrap();
    assert_eq!(response.metadata().get("x-request-id").unwrap(), "caller-7");
    let mut bad = tonic::Request::new(text_request("r", ""));
    bad.metadata_mut()
        .insert("x-request-id", "caller-8".parse().unwrap());
    let status = client.analyze(bad).await.unwrap_err();
    assert_eq!(status.code(), Code::InvalidArgument);
    assert_eq!(status.metadata().get("x-request-id").unwrap(), "caller-8");
    // Without one, the server makes a fresh id per call.
    let ids: Vec<String> = fresh_ids(&mut client).await;
    assert!(!ids[0].is_empty() && ids[0] != ids[1], "{ids:?}");
    server.stop().await;
}

async fn fresh_ids(client: &mut TextAnalysisClient<Channel>) -> Vec<String> {
    let mut ids = Vec::new();
    for _ in 0..2 {
        let response = client
            .analyze(text_request("r", "Hello there."))
            .await
            .unwrap();
        let id = response.metadata().get("x-request-id").unwrap();
        ids.push(id.to_str().unwrap().to_owned());
    }
    ids
}

#[tokio::test]
async fn wrongly_declared_charset_is_decoded() {
    let server = TestServer::start(Config::default()).await;
    let mut client = server.client().await;
    let mut html = b"<html><head><meta charset=\"utf-8\"><title>Le ministre</title></head><body><p>Le ministre fran".to_vec();
    html.push(0xE7);
    html.extend_from_slice(b"ais a d");
    html.push(0xE9);
    html.extend_from_slice(b"clar");
    html.push(0xE9);
    html.extend_from_slice(b" que la r");
    html.push(0xE9);
    html.extend_from_slice(b"union de Moscou a eu lieu.</p></body></html>");
    let response = client
        .analyze(html_request("latin1", html))
        .await
        .unwrap()
        .into_inner();
    let document = response.document.unwrap();
    assert!(
        document.body.contains("français a déclaré"),
        "{}",
        document.body
    );
    assert_ne!(document.charset, "UTF-8");
    server.stop().await;
}

#[tokio::test]
async fn size_limits_answer_resource_exhausted() {
    let mut config = Config::default();
    config.limits.max_input_bytes = 1000;
    config.server.max_message_bytes = 4096;
    let server = TestServer::start(config).await;
    let mut client = server.client().await;
    let at_limit = "a ".repeat(500);
    client.analyze(text_request("at", &at_limit)).await.unwrap();
    let status = client
        .analyze(text_request("over", &format!("{at_limit}b")))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    assert!(status.message().contains("limit is 1000"), "{status:?}");
    // Over the transport's message limit: refused by tonic before decoding.
    let status = client
        .analyze(text_request("huge", &"x ".repeat(5000)))
        .await
        .unwrap_err();
    assert_eq!(status.code(), Code::OutOfRange, "{status:?}");
    server.stop().await;
}

#[tokio::test]
async fn expired_deadline_is_honoured() {
    let server = TestServer::start(Config::default()).await;
    let mut client = server.client().await;
    let mut request = tonic::Request::new(text_request("late", &SEED_004.repeat(20)));
    request.set_timeout(Duration::from_nanos(1));
    let status = client.analyze(request).await.unwrap_err();
    assert!(
        matches!(status.code(), Code::DeadlineExceeded | Code::Cancelled),
        "{status:?}"
    );
    // A generous deadline succeeds.
    let mut request = tonic::Request::new(text_request("on-time", SEED_000));
    request.set_timeout(Duration::from_secs(30));
    client.analyze(request).await.unwrap();
    server.stop().await;
}

#[tokio::test]
async fn stream_preserves_ids_and_reports_bad_articles_inline() {
    let server = TestServer::start(Config::default()).await;
    let mut client = server.client().await;
    let requests = vec![
        text_request("good-1", SEED_000),
        text_request("bad", ""),
        text_request("good-2", SEED_004),
        pb::AnalyzeRequest {
            article: Some(pb::Article {
                id: "no-content".into(),
                ..Default::default()
            }),
            options: None,
        },
        text_request("good-3", "A short article. It has two sentences."),
    ];
    let mut responses = client
        .analyze_stream(futures::stream::iter(requests))
        .await
        .unwrap()
        .into_inner();
    let mut seen = std::collections::BTreeMap::new();
    while let Some(response) = responses.message().await.unwrap() {
        seen.insert(response.id.clone(), response);
    }
    let ids: Vec<&str> = seen.keys().map(String::as_str).collect();
    assert_eq!(ids, vec!["bad", "good-1", "good-2", "good-3", "no-content"]);
    for id in ["good-1", "good-2", "good-3"] {
        assert!(seen[id].error.is_none(), "{id}");
        assert!(!seen[id].document.as_ref().unwrap().body.is_empty(), "{id}");
    }
    for id in ["bad", "no-content"] {
        let error = seen[id].error.as_ref().expect("error set");
        assert_eq!(error.status, "INVALID_ARGUMENT", "{id}");
        assert_eq!(error.code, Code::InvalidArgument as i32);
    }
    server.stop().await;
}

#[tokio::test]
async fn stream_survives_client_cancelling_midway() {
    let server = TestServer::start(Config::default()).await;
    let mut client = server.client().await;
    let (sender, receiver) = tokio::sync::mpsc::channel(4);
    let mut responses = client
        .analyze_stream(tokio_stream::wrappers::ReceiverStream::new(receiver))
        .await
        .unwrap()
        .into_inner();
    sender.send(text_request("first", SEED_000)).await.unwrap();
    let first = responses.message().await.unwrap().unwrap();
    assert_eq!(first.id, "first");
    for i in 0..4 {
        let _ = sender
            .send(text_request(&format!("more-{i}"), SEED_004))
            .await;
    }
    // The client gives up midway: drops both directions of the call.
    drop(responses);
    drop(sender);
    // The server keeps serving new calls.
    let again = client
        .analyze(text_request("after", SEED_000))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(again.id, "after");
    server.stop().await;
}

#[tokio::test]
async fn stream_article_count_is_bounded() {
    let mut config = Config::default();
    config.server.max_articles_per_call = 2;
    let server = TestServer::start(config).await;
    let mut client = server.client().await;
    let requests: Vec<_> = (0..4)
        .map(|i| text_request(&format!("a{i}"), "One sentence here."))
        .collect();
    let mut responses = client
        .analyze_stream(futures::stream::iter(requests))
        .await
        .unwrap()
        .into_inner();
    let mut ok = 0;
    let status = loop {
        match responses.message().await {
            Ok(Some(_)) => ok += 1,
            Ok(None) => panic!("stream ended without refusing the extra articles"),
            Err(status) => break status,
        }
    };
    assert!(ok <= 2);
    assert_eq!(status.code(), Code::ResourceExhausted, "{status:?}");
    server.stop().await;
}

#[tokio::test]
async fn health_reports_serving() {
    use tonic_health::pb::{health_client::HealthClient, HealthCheckRequest};
    let server = TestServer::start(Config::default()).await;
    let mut health = HealthClient::new(server.channel().await);
    for service in ["", "textanalysis.v1.TextAnalysis"] {
        let response = health
            .check(HealthCheckRequest {
                service: service.to_owned(),
            })
            .await
            .unwrap()
            .into_inner();
        assert_eq!(
            response.status,
            tonic_health::pb::health_check_response::ServingStatus::Serving as i32,
            "service {service:?}"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn reflection_lists_services_in_v1_and_v1alpha() {
    let server = TestServer::start(Config::default()).await;
    let channel = server.channel().await;

    {
        use tonic_reflection::pb::v1::{
            server_reflection_client::ServerReflectionClient,
            server_reflection_request::MessageRequest, server_reflection_response::MessageResponse,
            ServerReflectionRequest,
        };
        let mut client = ServerReflectionClient::new(channel.clone());
        let request = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::ListServices(String::new())),
        };
        let mut responses = client
            .server_reflection_info(futures::stream::iter(vec![request]))
            .await
            .unwrap()
            .into_inner();
        let response = responses.message().await.unwrap().unwrap();
        let Some(MessageResponse::ListServicesResponse(list)) = response.message_response else {
            panic!("unexpected reflection response");
        };
        let names: Vec<String> = list.service.into_iter().map(|s| s.name).collect();
        for expected in [
            "textanalysis.v1.TextAnalysis",
            "grpc.health.v1.Health",
            "grpc.reflection.v1.ServerReflection",
        ] {
            assert!(
                names.iter().any(|n| n == expected),
                "{expected} in {names:?}"
            );
        }
    }
    {
        use tonic_reflection::pb::v1alpha::{
            server_reflection_client::ServerReflectionClient,
            server_reflection_request::MessageRequest, server_reflection_response::MessageResponse,
            ServerReflectionRequest,
        };
        let mut client = ServerReflectionClient::new(channel);
        let request = ServerReflectionRequest {
            host: String::new(),
            message_request: Some(MessageRequest::FileContainingSymbol(
                "textanalysis.v1.TextAnalysis".to_owned(),
            )),
        };
        let mut responses = client
            .server_reflection_info(futures::stream::iter(vec![request]))
            .await
            .unwrap()
            .into_inner();
        let response = responses.message().await.unwrap().unwrap();
        assert!(
            matches!(
                response.message_response,
                Some(MessageResponse::FileDescriptorResponse(ref files)) if !files.file_descriptor_proto.is_empty()
            ),
            "v1alpha describes the service"
        );
    }
    server.stop().await;
}

#[tokio::test]
async fn shutdown_reports_not_serving_and_drains() {
    let server = TestServer::start(Config::default()).await;
    let mut client = server.client().await;
    // A call in flight when shutdown begins still completes.
    let in_flight = tokio::spawn(async move {
        client
            .analyze(text_request("inflight", &SEED_004.repeat(8)))
            .await
    });
    tokio::task::yield_now().await;
    server.stop().await;
    match in_flight.await.unwrap() {
        Ok(response) => assert_eq!(response.into_inner().id, "inflight"),
        // If shutdown won the race before the call reached the server.
        Err(status) => assert_eq!(status.code(), Code::Unavailable, "{status:?}"),
    }
}

#[tokio::test]
async fn metrics_count_calls_stages_and_rejections() {
    use textanalysis::grpc::metrics::Metrics;
    let config = Config::default();
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let metrics = Metrics::new();
    let (stop, stopped) = oneshot::channel::<()>();
    let serving = {
        let metrics = metrics.clone();
        let pipeline = Arc::new(Pipeline::new(&config).unwrap());
        tokio::spawn(async move {
            textanalysis::grpc::serve_with_metrics(&config, pipeline, metrics, listener, async {
                let _ = stopped.await;
            })
            .await
            .unwrap();
        })
    };
    let mut client = TextAnalysisClient::connect(format!("http://{addr}"))
        .await
        .unwrap();
    client.analyze(text_request("ok", SEED_000)).await.unwrap();
    client.analyze(text_request("bad", "")).await.unwrap_err();
    let text = metrics.render();
    assert!(
        text.contains(r#"textanalysis_calls_total{rpc="Analyze",code="OK"} 1"#),
        "{text}"
    );
    assert!(text.contains(r#"textanalysis_calls_total{rpc="Analyze",code="INVALID_ARGUMENT"} 1"#));
    assert!(text.contains(r#"textanalysis_stage_duration_seconds_count{stage="segment"} 1"#));
    assert!(text.contains("textanalysis_analyses_in_flight 0"));
    let _ = stop.send(());
    serving.await.unwrap();
}
