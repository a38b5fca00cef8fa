//! JSON over HTTP, gRPC-Web and the page, on the gRPC port.

use crate::grpc::{text_request, TestServer, SEED_000};
use prost::Message;
use textanalysis::config::Config;
use textanalysis::grpc::{json, pb};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// A minimal HTTP/1.1 exchange (Connection: close) returning status, headers and body.
async fn http(
    addr: std::net::SocketAddr,
    method: &str,
    path: &str,
    content_type: &str,
    body: &[u8],
) -> (u16, String, Vec<u8>) {
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).await.unwrap();
    let split = response.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let headers = String::from_utf8_lossy(&response[..split]).into_owned();
    let status = headers[9..12].parse().unwrap();
    let mut body = response[split + 4..].to_vec();
    if headers
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = dechunk(&body);
    }
    (status, headers, body)
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = data.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&data[..line_end]).unwrap().trim(), 16)
                .unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[line_end + 2..line_end + 2 + size]);
        data = &data[line_end + 2 + size + 2..];
    }
}

#[tokio::test]
async fn json_analyze_matches_grpc() {
    let server = TestServer::start(Config::default()).await;
    let request = text_request("000", SEED_000);
    let grpc = server
        .client()
        .await
        .analyze(request.clone())
        .await
        .unwrap()
        .into_inner();
    let body = serde_json::to_vec(&json::to_json(&request)).unwrap();
    let (status, headers, body) = http(
        server.addr,
        "POST",
        "/v1/analyze",
        "application/json",
        &body,
    )
    .await;
    assert_eq!(status, 200, "{headers}");
    let got: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(got, json::to_json(&grpc));
    server.stop().await;
}

#[tokio::test]
async fn json_errors_map_to_http_codes_with_a_json_body() {
    let mut config = Config::default();
    config.limits.max_input_bytes = 100;
    let server = TestServer::start(config).await;
    let cases: [(&str, u16, &str); 4] = [
        (r#"{"article":{"text":""}}"#, 400, "INVALID_ARGUMENT"),
        (r#"{"article":{}}"#, 400, "INVALID_ARGUMENT"),
        (r#"{"artcle":{}}"#, 400, "INVALID_ARGUMENT"),
        (
            &format!(r#"{{"article":{{"text":"{}"}}}}"#, "a".repeat(200)),
            429,
            "RESOURCE_EXHAUSTED",
        ),
    ];
    for (body, want_status, want_name) in cases {
        let (status, _, response) = http(
            server.addr,
            "POST",
            "/v1/analyze",
            "application/json",
            body.as_bytes(),
        )
        .await;
        assert_eq!(status, want_status, "{body}");
        let error: serde_json::Value = serde_json::from_slice(&response).unwrap();
        assert_eq!(error["status"], want_name, "{body}");
        assert!(error["message"].as_str().is_some_and(|m| !m.is_empty()));
    }
    server.stop().await;
}

#[tokio::test]
async fn openapi_and_page_are_served() {
    let server = TestServer::start(Config::default()).await;
    let (status, _, body) =
        http(server.addr, "GET", "/openapi.json", "application/json", b"").await;
    assert_eq!(status, 200);
    let spec: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert!(spec["paths"]["/v1/analyze"]["post"].is_object());
    let (status, headers, body) = http(server.addr, "GET", "/", "text/html", b"").await;
    assert_eq!(status, 200);
    assert!(headers.to_ascii_lowercase().contains("text/html"));
    assert!(String::from_utf8_lossy(&body).contains("<html"));
    server.stop().await;
}

#[tokio::test]
async fn grpc_web_calls_analyze() {
    let server = TestServer::start(Config::default()).await;
    let message = text_request("web", "A short article. It has two sentences.").encode_to_vec();
    let mut frame = vec![0u8];
    frame.extend_from_slice(&(message.len() as u32).to_be_bytes());
    frame.extend_from_slice(&message);
    let (status, headers, body) = http(
        server.addr,
        "POST",
        "/textanalysis.v1.TextAnalysis/Analyze",
        "application/grpc-web+proto",
        &frame,
    )
    .await;
    assert_eq!(status, 200, "{headers}");
    assert_eq!(body[0], 0, "first frame is the message");
    let len = u32::from_be_bytes(body[1..5].try_into().unwrap()) as usize;
    let response = pb::AnalyzeResponse::decode(&body[5..5 + len]).unwrap();
    assert_eq!(response.id, "web");
    let trailers = String::from_utf8_lossy(&body[5 + len + 5..]);
    assert!(trailers.contains("grpc-status:0"), "{trailers}");
    server.stop().await;
}
