//! The inputs of docs/reliability.md, each sent to a live server: the status
//! each gets, and that the server stays up for all of them.

use crate::grpc::{html_request, text_request, TestServer};
use textanalysis::config::Config;
use tonic::Code;

const LIMIT: usize = 1 << 20;

/// Exactly `len` bytes of words.
fn words(len: usize) -> String {
    let mut text = "word ".repeat(len / 5 + 1);
    text.truncate(len);
    text
}

fn cases() -> Vec<(&'static str, textanalysis::grpc::pb::AnalyzeRequest, Code)> {
    let mut invalid_utf8 = b"<html><body><p>caf".to_vec();
    invalid_utf8.extend_from_slice(&[0xE9, 0xFF, 0xFE, 0x80]);
    invalid_utf8.extend_from_slice(b" au lait, dit-il.</p></body></html>");
    let nested = format!(
        "<p>{}deep{}</p>",
        "<b>".repeat(100_000),
        "</b>".repeat(100_000)
    );
    vec![
        (
            "empty text",
            text_request("empty", ""),
            Code::InvalidArgument,
        ),
        ("1 byte", text_request("one", "a"), Code::Ok),
        (
            "at the size limit",
            text_request("limit", &words(LIMIT)),
            Code::Ok,
        ),
        (
            "one byte past the limit",
            text_request("past", &words(LIMIT + 1)),
            Code::ResourceExhausted,
        ),
        (
            "invalid UTF-8 in html",
            html_request("bad-utf8", invalid_utf8),
            Code::Ok,
        ),
        (
            "a few NUL bytes in text",
            text_request(
                "nul",
                &format!(
                    "{}\0 He said \"yes\0\" today.\0",
                    "The talks went on. ".repeat(10)
                ),
            ),
            Code::Ok,
        ),
        (
            "only NUL bytes",
            text_request("nuls", &"\0".repeat(1000)),
            Code::InvalidArgument,
        ),
        (
            "100k nested tags",
            html_request("nested", nested.into_bytes()),
            Code::Ok,
        ),
        (
            "1 MB without a space",
            text_request("nospace", &"a".repeat(LIMIT - 1)),
            Code::Ok,
        ),
        (
            "only quote marks",
            text_request("quotes", &"\"“”‘’«»„".repeat(4000)),
            Code::ResourceExhausted,
        ),
        (
            "a few quote marks",
            text_request("some-quotes", &"\"“”‘’«»„".repeat(1000)),
            Code::Ok,
        ),
        (
            "mixed scripts",
            text_request(
                "mixed",
                "Путин met Macron in 北京 and said «ça va» to Ελλάδα.",
            ),
            Code::Ok,
        ),
        (
            "right-to-left text",
            text_request("rtl", "قال الوزير \"نحن مستعدون\" اليوم. אמר השר \"כן\"."),
            Code::Ok,
        ),
        (
            "emoji",
            text_request("emoji", "😀 “Great news 🎉,” she said. 👍🏽 👨‍👩‍👧"),
            Code::Ok,
        ),
        (
            "binary garbage as html",
            html_request(
                "binary",
                (0..50_000u32)
                    .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 % 32)
                    .collect(),
            ),
            Code::InvalidArgument,
        ),
    ]
}

#[tokio::test]
async fn hostile_inputs_get_their_status_and_the_server_stays_up() {
    let mut config = Config::default();
    config.limits.max_input_bytes = LIMIT;
    let server = TestServer::start(config).await;
    let mut client = server.client().await;
    for (what, request, want) in cases() {
        let started = std::time::Instant::now();
        let got = match client.analyze(request).await {
            Ok(response) => {
                let response = response.into_inner();
                let body = response.document.map(|d| d.body).unwrap_or_default();
                for quote in &response.quotes {
                    let span = quote.span.unwrap_or_default();
                    assert!(
                        span.end as usize <= body.len()
                            && body.is_char_boundary(span.start as usize),
                        "{what}: quote span"
                    );
                }
                Code::Ok
            }
            Err(status) => status.code(),
        };
        assert_eq!(got, want, "{what}");
        eprintln!("{what}: {got:?} in {:?}", started.elapsed());
        // Still serving after every input.
        client
            .analyze(text_request("alive", "Still up."))
            .await
            .unwrap_or_else(|e| panic!("after {what}: {e}"));
    }
    server.stop().await;
}
