//! Request ids: every call carries one in its log lines and in its response
//! (`x-request-id` header, gRPC initial metadata), so an operator can find a
//! caller's request in the logs. A caller's own id is kept when it is sane.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;
use tracing::Instrument;

/// The header (and gRPC metadata key) carrying the id.
pub const HEADER: &str = "x-request-id";
/// Longest id taken from a caller.
const MAX_LEN: usize = 128;

/// A fresh id: unique to this process start, then a counter.
fn generate() -> String {
    static PREFIX: OnceLock<String> = OnceLock::new();
    static NEXT: AtomicU64 = AtomicU64::new(1);
    let prefix = PREFIX.get_or_init(|| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        format!("{:x}{:x}", std::process::id(), nanos & 0xff_ffff)
    });
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// The caller's id when it is printable ASCII without spaces and not too long.
fn from_caller(value: &HeaderValue) -> Option<String> {
    let text = value.to_str().ok()?;
    (!text.is_empty() && text.len() <= MAX_LEN && text.bytes().all(|b| b.is_ascii_graphic()))
        .then(|| text.to_owned())
}

/// The span of one call. With OTel export built in it is the server span,
/// named as the OTel RPC conventions say (`textanalysis.v1.TextAnalysis/Analyze`;
/// `POST /v1/analyze` for the JSON routes) and linked to the caller's trace.
fn call_span(id: &str, request: &Request) -> tracing::Span {
    let path = request.uri().path();
    #[cfg(feature = "otel")]
    {
        let grpc = request
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/grpc"));
        let name = if grpc {
            path.trim_start_matches('/').to_owned()
        } else {
            format!("{} {path}", request.method())
        };
        let span = tracing::info_span!(
            "request",
            request_id = %id,
            path = %path,
            otel.name = %name,
            otel.kind = "server",
        );
        crate::telemetry::header_parent(&span, request.headers());
        span
    }
    #[cfg(not(feature = "otel"))]
    tracing::info_span!("request", request_id = %id, path = %path)
}

/// Tag the request, its log lines and its response with an id.
pub async fn middleware(mut request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(HEADER)
        .and_then(from_caller)
        .unwrap_or_else(generate);
    let value = HeaderValue::from_str(&id).ok();
    if let Some(v) = &value {
        request.headers_mut().insert(HEADER, v.clone());
    }
    let span = call_span(&id, &request);
    let started = std::time::Instant::now();
    let mut response = next.run(request).instrument(span.clone()).await;
    // One line per call at debug level (an access log); errors inside the call
    // are logged at their own level within the same span.
    let grpc_status = response
        .headers()
        .get("grpc-status")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::debug!(
        parent: &span,
        http_status = response.status().as_u16(),
        grpc_status,
        elapsed_ms = started.elapsed().as_secs_f64() * 1000.0,
        "call done"
    );
    if let Some(v) = value {
        response.headers_mut().insert(HEADER, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_differ() {
        assert_ne!(generate(), generate());
    }

    #[test]
    fn caller_ids_are_kept_only_when_sane() {
        let ok = HeaderValue::from_static("client-42/abc");
        assert_eq!(from_caller(&ok).as_deref(), Some("client-42/abc"));
        assert_eq!(from_caller(&HeaderValue::from_static("has space")), None);
        assert_eq!(from_caller(&HeaderValue::from_static("")), None);
        let long = HeaderValue::from_str(&"x".repeat(MAX_LEN + 1)).unwrap();
        assert_eq!(from_caller(&long), None);
    }
}
