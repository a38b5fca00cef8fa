//! Bearer-token authentication, applied once in front of every route on the
//! port (gRPC, gRPC-Web and the JSON routes), so no protocol bypasses it.
//!
//! - The analysis RPCs (`Analyze`, `AnalyzeStream`, `CompareCoverage`, and
//!   their JSON routes `/v1/analyze`, `/v1/compare`) need
//!   `authorization: Bearer <token>`.
//! - Health and reflection stay open unless `auth.open_health` /
//!   `auth.open_reflection` are false; the demo page, `/openapi.json` and
//!   `/v1/seeds` (static content, no analysis) are always open.
//! - Missing, malformed or unknown token: UNAUTHENTICATED (HTTP 401 with
//!   `WWW-Authenticate: Bearer`). A known token whose line restricts it to
//!   other RPCs: PERMISSION_DENIED (HTTP 403).
//!
//! Tokens are kept only as SHA-256 digests and compared in constant time
//! (`subtle`) against every configured token, so neither the token's bytes nor
//! its length leak through timing.

use crate::config::AuthConfig;
use crate::error::{Error, Result};
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use sha2::{Digest, Sha256};
use std::sync::Arc;
use subtle::ConstantTimeEq;
use tonic::Status;

/// The RPC names a token line may list.
pub const RPCS: &[&str] = &[
    "Analyze",
    "AnalyzeStream",
    "CompareCoverage",
    "Health",
    "Reflection",
];

/// One configured token: its digest and the RPCs it may call (`None`: all).
#[derive(Clone)]
struct Grant {
    digest: [u8; 32],
    rpcs: Option<Vec<String>>,
}

impl std::fmt::Debug for Grant {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Grant")
            .field("rpcs", &self.rpcs)
            .finish_non_exhaustive()
    }
}

/// What a request path needs: the one openness rule shared by the token check
/// and the mutual-TLS client allow-list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// No credential needed.
    Open,
    /// A caller allowed to call this RPC.
    Rpc(&'static str),
    /// Any known caller (unknown paths: authenticate before answering 404).
    AnyToken,
}

/// What `path` needs. Health and reflection are open when `open_health` /
/// `open_reflection`; static routes always.
pub(crate) fn access(path: &str, open_health: bool, open_reflection: bool) -> Access {
    if let Some(method) = path.strip_prefix("/textanalysis.v1.TextAnalysis/") {
        return match method {
            "Analyze" => Access::Rpc("Analyze"),
            "AnalyzeStream" => Access::Rpc("AnalyzeStream"),
            "CompareCoverage" => Access::Rpc("CompareCoverage"),
            _ => Access::AnyToken,
        };
    }
    if path.starts_with("/grpc.health.v1.Health/") {
        return if open_health {
            Access::Open
        } else {
            Access::Rpc("Health")
        };
    }
    if path.starts_with("/grpc.reflection.v1.ServerReflection/")
        || path.starts_with("/grpc.reflection.v1alpha.ServerReflection/")
    {
        return if open_reflection {
            Access::Open
        } else {
            Access::Rpc("Reflection")
        };
    }
    match path {
        "/" | "/openapi.json" | "/v1/seeds" => Access::Open,
        "/v1/analyze" => Access::Rpc("Analyze"),
        "/v1/compare" => Access::Rpc("CompareCoverage"),
        _ => Access::AnyToken,
    }
}

/// Checks bearer tokens against the configured set.
#[derive(Clone, Debug)]
pub struct Authenticator {
    grants: Arc<Vec<Grant>>,
    open_health: bool,
    open_reflection: bool,
}

impl Authenticator {
    /// The authenticator for `config`, or `None` when no token is configured
    /// (authentication off). A configured file that cannot be read, or that
    /// holds no token, is an error: the server must not start open by mistake.
    pub fn from_config(config: &AuthConfig) -> Result<Option<Authenticator>> {
        let mut grants = Vec::new();
        for line in &config.tokens {
            grants.extend(parse_grants(line, "auth.tokens")?);
        }
        if let Some(path) = &config.tokens_file {
            let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let file_grants = parse_grants(&text, "auth.tokens_file")?;
            if file_grants.is_empty() {
                return Err(Error::Config {
                    key: "auth.tokens_file",
                    reason: format!("{} holds no token", path.display()),
                });
            }
            grants.extend(file_grants);
        }
        if grants.is_empty() {
            return Ok(None);
        }
        Ok(Some(Authenticator {
            grants: Arc::new(grants),
            open_health: config.open_health,
            open_reflection: config.open_reflection,
        }))
    }

    /// Decide a request to `path` carrying `authorization` (the header value).
    pub fn check(&self, path: &str, authorization: Option<&HeaderValue>) -> Result<(), Status> {
        let access = access(path, self.open_health, self.open_reflection);
        if access == Access::Open {
            return Ok(());
        }
        let Some(value) = authorization else {
            return Err(Status::unauthenticated(
                "missing bearer token: send the header `authorization: Bearer <token>`",
            ));
        };
        let token = value
            .to_str()
            .ok()
            .and_then(|v| {
                let (scheme, token) = v.trim().split_once(' ')?;
                scheme.eq_ignore_ascii_case("bearer").then(|| token.trim())
            })
            .filter(|t| !t.is_empty())
            .ok_or_else(|| {
                Status::unauthenticated("malformed authorization header: expected `Bearer <token>`")
            })?;
        let digest: [u8; 32] = Sha256::digest(token.as_bytes()).into();
        // Compare against every token, without stopping at a match.
        let mut found = None;
        for grant in self.grants.iter() {
            if bool::from(grant.digest.ct_eq(&digest)) {
                found = Some(grant);
            }
        }
        let grant = found.ok_or_else(|| Status::unauthenticated("invalid bearer token"))?;
        match (access, &grant.rpcs) {
            (Access::Rpc(rpc), Some(rpcs)) if !rpcs.iter().any(|r| r == rpc) => Err(
                Status::permission_denied(format!("this token may not call {rpc}")),
            ),
            _ => Ok(()),
        }
    }
}

/// Parse token lines (`TOKEN` or `TOKEN RPC,RPC`; `#` comments).
fn parse_grants(text: &str, key: &'static str) -> Result<Vec<Grant>> {
    let mut grants = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split_whitespace();
        let Some(token) = fields.next() else { continue };
        let rpcs = match fields.next() {
            None => None,
            Some(list) => {
                let rpcs: Vec<String> = list.split(',').map(str::to_owned).collect();
                if let Some(bad) = rpcs.iter().find(|r| !RPCS.contains(&r.as_str())) {
                    return Err(Error::Config {
                        key,
                        reason: format!(
                            "line {}: unknown RPC {bad:?} (expected one of {})",
                            number + 1,
                            RPCS.join(", ")
                        ),
                    });
                }
                Some(rpcs)
            }
        };
        if fields.next().is_some() {
            return Err(Error::Config {
                key,
                reason: format!("line {}: expected `TOKEN [RPC,RPC...]`", number + 1),
            });
        }
        grants.push(Grant {
            digest: Sha256::digest(token.as_bytes()).into(),
            rpcs,
        });
    }
    Ok(grants)
}

/// axum middleware: refuse the request unless [`Authenticator::check`] allows it.
/// gRPC and gRPC-Web callers get a trailers-only gRPC status; others the JSON
/// error body with the mapped HTTP code.
pub async fn middleware(
    State(auth): State<(Authenticator, super::metrics::Metrics)>,
    request: Request,
    next: Next,
) -> Response {
    let (auth, metrics) = auth;
    let decision = auth.check(
        request.uri().path(),
        request.headers().get(header::AUTHORIZATION),
    );
    let Err(status) = decision else {
        return next.run(request).await;
    };
    metrics.reject(super::metrics::RejectReason::Unauthenticated);
    refusal(&request, status)
}

/// The answer to a refused request: a trailers-only gRPC status for gRPC and
/// gRPC-Web callers, else the JSON error body with the mapped HTTP code
/// (`WWW-Authenticate: Bearer` on 401).
pub(crate) fn refusal(request: &Request, status: Status) -> Response {
    tracing::info!(path = request.uri().path(), code = ?status.code(), "refused: {}", status.message());
    let content_type = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if content_type.starts_with("application/grpc") {
        let mut response = status.into_http::<axum::body::Body>();
        if let Ok(value) = HeaderValue::from_str(content_type) {
            response.headers_mut().insert(header::CONTENT_TYPE, value);
        }
        response
    } else {
        let unauthenticated = status.code() == tonic::Code::Unauthenticated;
        let mut response = super::http::error_response(&status);
        if unauthenticated {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tonic::Code;

    fn auth(lines: &[&str]) -> Authenticator {
        Authenticator::from_config(&AuthConfig {
            tokens: lines.iter().map(|l| (*l).to_owned()).collect(),
            ..AuthConfig::default()
        })
        .unwrap()
        .unwrap()
    }

    fn bearer(token: &str) -> HeaderValue {
        HeaderValue::from_str(&format!("Bearer {token}")).unwrap()
    }

    const ANALYZE: &str = "/textanalysis.v1.TextAnalysis/Analyze";

    #[test]
    fn no_tokens_means_auth_off() {
        assert!(Authenticator::from_config(&AuthConfig::default())
            .unwrap()
            .is_none());
    }

    #[test]
    fn valid_token_passes_and_others_are_unauthenticated() {
        let auth = auth(&["alpha", "beta"]);
        assert!(auth.check(ANALYZE, Some(&bearer("beta"))).is_ok());
        assert!(auth
            .check(ANALYZE, Some(&HeaderValue::from_static("bearer alpha")))
            .is_ok());
        for header in [None, Some(bearer("gamma")), Some(bearer("alph"))] {
            let status = auth.check(ANALYZE, header.as_ref()).unwrap_err();
            assert_eq!(status.code(), Code::Unauthenticated);
        }
        let status = auth
            .check(ANALYZE, Some(&HeaderValue::from_static("Basic YWxwaGE=")))
            .unwrap_err();
        assert_eq!(status.code(), Code::Unauthenticated);
    }

    #[test]
    fn scoped_token_is_denied_other_rpcs() {
        let auth = auth(&["reader Analyze,AnalyzeStream"]);
        assert!(auth.check(ANALYZE, Some(&bearer("reader"))).is_ok());
        assert!(auth.check("/v1/analyze", Some(&bearer("reader"))).is_ok());
        let status = auth
            .check("/v1/compare", Some(&bearer("reader")))
            .unwrap_err();
        assert_eq!(status.code(), Code::PermissionDenied);
    }

    #[test]
    fn health_reflection_and_static_routes_stay_open_by_default() {
        let auth = auth(&["alpha"]);
        for path in [
            "/grpc.health.v1.Health/Check",
            "/grpc.reflection.v1.ServerReflection/ServerReflectionInfo",
            "/",
            "/openapi.json",
        ] {
            assert!(auth.check(path, None).is_ok(), "{path}");
        }
        assert!(auth.check("/v1/analyze", None).is_err());
        assert!(auth.check("/something/else", None).is_err());
    }

    #[test]
    fn health_can_be_closed() {
        let auth = Authenticator::from_config(&AuthConfig {
            tokens: vec!["alpha".into()],
            open_health: false,
            ..AuthConfig::default()
        })
        .unwrap()
        .unwrap();
        let status = auth
            .check("/grpc.health.v1.Health/Check", None)
            .unwrap_err();
        assert_eq!(status.code(), Code::Unauthenticated);
        assert!(auth
            .check("/grpc.health.v1.Health/Check", Some(&bearer("alpha")))
            .is_ok());
    }

    #[test]
    fn token_lines_name_known_rpcs() {
        let err = parse_grants("t Analyse", "auth.tokens")
            .unwrap_err()
            .to_string();
        assert!(err.contains("Analyse"), "{err}");
        let grants = parse_grants("# comment\n\n a \nb Analyze\n", "auth.tokens").unwrap();
        assert_eq!(grants.len(), 2);
    }

    #[test]
    fn empty_tokens_file_is_an_error() {
        let path = std::env::temp_dir().join(format!("ta-empty-tokens-{}", std::process::id()));
        std::fs::write(&path, "# nothing\n").unwrap();
        let err = Authenticator::from_config(&AuthConfig {
            tokens_file: Some(path.clone()),
            ..AuthConfig::default()
        })
        .unwrap_err();
        let _ = std::fs::remove_file(&path);
        assert!(err.to_string().contains("auth.tokens_file"), "{err}");
    }
}
