//! Service configuration: documented defaults < JSON config file < environment
//! (`TEXTANALYSIS_*`) < command-line flags. Parsed raw, then [`Config::validate`]d
//! with errors that name the key.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// The whole configuration. `Default` holds the production values.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// gRPC server settings.
    pub server: ServerConfig,
    /// Per-article limits.
    pub limits: Limits,
    /// Logging.
    pub log: LogConfig,
    /// Quote extraction.
    pub quotes: crate::quotes::Config,
    /// Transport security (TLS, mutual TLS).
    pub tls: TlsConfig,
    /// Bearer-token authentication.
    pub auth: AuthConfig,
    /// OpenTelemetry trace export (needs the `otel` cargo feature).
    pub otel: OtelConfig,
}

/// OpenTelemetry trace export: on when `endpoint` is set. The binary must be
/// built with the `otel` cargo feature; without it a configured endpoint is an
/// error at start, so nobody waits for traces that can never come.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct OtelConfig {
    /// OTLP/gRPC collector, e.g. `http://otel-collector:4317`.
    pub endpoint: Option<String>,
}

/// Transport security: TLS when `cert` and `key` are set; mutual TLS when
/// `client_ca` is set too (clients must present a certificate it signed).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TlsConfig {
    /// PEM certificate chain of the server.
    pub cert: Option<PathBuf>,
    /// PEM private key of the server (PKCS#8, PKCS#1 or SEC1).
    pub key: Option<PathBuf>,
    /// PEM CA certificate(s) that client certificates must chain to; turns on mutual TLS.
    pub client_ca: Option<PathBuf>,
    /// Client names (certificate subject CN or DNS SAN) allowed to call the
    /// analysis RPCs under mutual TLS; `None` allows every certificate the CA
    /// signed. Per-client authorisation without handing out tokens.
    pub allowed_client_names: Option<Vec<String>>,
}

impl TlsConfig {
    /// True when the server speaks TLS.
    pub fn enabled(&self) -> bool {
        self.cert.is_some()
    }
}

/// Bearer-token authentication of the analysis calls (gRPC, gRPC-Web and
/// JSON). Off when no token is configured. Each token line is `TOKEN` (may
/// call every RPC) or `TOKEN RPC,RPC` (only those RPCs; others get
/// PERMISSION_DENIED). Blank lines and `#` comments are ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthConfig {
    /// File of token lines.
    pub tokens_file: Option<PathBuf>,
    /// Token lines given directly (from `TEXTANALYSIS_AUTH_TOKENS`); never serialised.
    #[serde(skip_serializing)]
    pub tokens: Vec<String>,
    /// Leave `grpc.health.v1.Health` open to callers without a token.
    pub open_health: bool,
    /// Leave gRPC server reflection open to callers without a token.
    pub open_reflection: bool,
}

impl Default for AuthConfig {
    fn default() -> Self {
        AuthConfig {
            tokens_file: None,
            tokens: Vec::new(),
            open_health: true,
            open_reflection: true,
        }
    }
}

/// gRPC server settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Largest gRPC message accepted or sent, in bytes.
    pub max_message_bytes: usize,
    /// Articles analysed at once across all calls; more get RESOURCE_EXHAUSTED.
    pub max_concurrent_analyses: usize,
    /// Articles of one AnalyzeStream call analysed at once.
    pub stream_concurrency: usize,
    /// Analyses running on the CPU at once (0: one per core). Admitted calls
    /// beyond it wait their turn in arrival order, which keeps tail latency
    /// close to the mean instead of slowing every call down together.
    pub analysis_threads: usize,
    /// Articles accepted in one AnalyzeStream call or CompareCoverage request.
    pub max_articles_per_call: usize,
    /// Seconds to let in-flight calls finish after SIGTERM/SIGINT.
    pub shutdown_grace_secs: u64,
    /// Address of the Prometheus `/metrics` HTTP endpoint; `null` turns it off.
    pub metrics_addr: Option<SocketAddr>,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            addr: SocketAddr::from(([0, 0, 0, 0], 50051)),
            max_message_bytes: 8 * 1024 * 1024,
            max_concurrent_analyses: 256,
            stream_concurrency: 8,
            analysis_threads: 0,
            max_articles_per_call: 1000,
            shutdown_grace_secs: 20,
            metrics_addr: Some(SocketAddr::from(([0, 0, 0, 0], 9090))),
        }
    }
}

/// Per-article limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Limits {
    /// Largest article (`text` or `html`) in bytes.
    pub max_input_bytes: usize,
    /// Most tokens in one article body; more get RESOURCE_EXHAUSTED before
    /// entity recognition.
    pub max_tokens: usize,
    /// Most capitalised tokens (name candidates) in one article body; more get
    /// RESOURCE_EXHAUSTED before entity recognition. Bounds the work that
    /// grows with the number of mentions.
    pub max_capitalized_tokens: usize,
    /// Most quotation marks in one article body (apostrophes inside words
    /// excluded); more get RESOURCE_EXHAUSTED before quote extraction.
    pub max_quote_marks: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 4 * 1024 * 1024,
            max_tokens: 250_000,
            max_capitalized_tokens: 5_000,
            max_quote_marks: 10_000,
        }
    }
}

/// Log output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Plain,
    /// One JSON object per line.
    Json,
}

/// Logging.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    /// Plain or JSON lines.
    pub format: LogFormat,
    /// `tracing` env-filter directive, e.g. "info" or "textanalysis=debug".
    pub filter: String,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            format: LogFormat::Plain,
            filter: "info".to_owned(),
        }
    }
}

impl Config {
    /// Read a JSON config file over the defaults (unknown keys are errors).
    pub fn from_file(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|err| Error::ConfigFile {
            path: path.to_owned(),
            reason: err.to_string(),
        })?;
        serde_json::from_str(&text).map_err(|err| Error::ConfigFile {
            path: path.to_owned(),
            reason: err.to_string(),
        })
    }

    /// Check every value; the error names the key and what is wrong.
    pub fn validate(&self) -> Result<()> {
        let positive = |key: &'static str, value: usize| {
            if value == 0 {
                Err(Error::Config {
                    key,
                    reason: "must be greater than 0".to_owned(),
                })
            } else {
                Ok(())
            }
        };
        positive("server.max_message_bytes", self.server.max_message_bytes)?;
        positive(
            "server.max_concurrent_analyses",
            self.server.max_concurrent_analyses,
        )?;
        positive("server.stream_concurrency", self.server.stream_concurrency)?;
        positive(
            "server.max_articles_per_call",
            self.server.max_articles_per_call,
        )?;
        positive("limits.max_input_bytes", self.limits.max_input_bytes)?;
        positive("limits.max_tokens", self.limits.max_tokens)?;
        positive(
            "limits.max_capitalized_tokens",
            self.limits.max_capitalized_tokens,
        )?;
        positive("limits.max_quote_marks", self.limits.max_quote_marks)?;
        self.validate_tls()?;
        self.validate_otel()?;
        if self.limits.max_input_bytes > u32::MAX as usize / 2 {
            return Err(Error::Config {
                key: "limits.max_input_bytes",
                reason: format!("{} is above the 2 GiB ceiling", self.limits.max_input_bytes),
            });
        }
        if self
            .server
            .metrics_addr
            .is_some_and(|m| m == self.server.addr)
        {
            return Err(Error::Config {
                key: "server.metrics_addr",
                reason: format!("{} is also server.addr", self.server.addr),
            });
        }
        if self.limits.max_input_bytes > self.server.max_message_bytes {
            return Err(Error::Config {
                key: "limits.max_input_bytes",
                reason: format!(
                    "{} exceeds server.max_message_bytes ({}): such articles could never arrive",
                    self.limits.max_input_bytes, self.server.max_message_bytes
                ),
            });
        }
        if let Err(err) = tracing_subscriber::EnvFilter::try_new(&self.log.filter) {
            return Err(Error::Config {
                key: "log.filter",
                reason: err.to_string(),
            });
        }
        Ok(())
    }

    fn validate_tls(&self) -> Result<()> {
        let tls = &self.tls;
        if tls.cert.is_some() != tls.key.is_some() {
            return Err(Error::Config {
                key: "tls.cert",
                reason: "tls.cert and tls.key must be set together".to_owned(),
            });
        }
        if tls.client_ca.is_some() && tls.cert.is_none() {
            return Err(Error::Config {
                key: "tls.client_ca",
                reason: "mutual TLS needs tls.cert and tls.key too".to_owned(),
            });
        }
        if let Some(names) = &tls.allowed_client_names {
            if tls.client_ca.is_none() {
                return Err(Error::Config {
                    key: "tls.allowed_client_names",
                    reason: "needs mutual TLS (tls.client_ca): without client certificates \
                             there are no names to check"
                        .to_owned(),
                });
            }
            if names.is_empty() || names.iter().any(|n| n.trim().is_empty()) {
                return Err(Error::Config {
                    key: "tls.allowed_client_names",
                    reason: "must list at least one name, and no empty names".to_owned(),
                });
            }
        }
        Ok(())
    }

    fn validate_otel(&self) -> Result<()> {
        let Some(endpoint) = &self.otel.endpoint else {
            return Ok(());
        };
        if !cfg!(feature = "otel") {
            return Err(Error::Config {
                key: "otel.endpoint",
                reason: format!(
                    "{endpoint:?} is set, but this binary was built without the `otel` cargo \
                     feature (rebuild with `--features otel`, or unset the endpoint)"
                ),
            });
        }
        let uri: axum::http::Uri = endpoint.parse().map_err(|err| Error::Config {
            key: "otel.endpoint",
            reason: format!("{endpoint:?} is not a URI: {err}"),
        })?;
        if !matches!(uri.scheme_str(), Some("http" | "https")) || uri.host().is_none() {
            return Err(Error::Config {
                key: "otel.endpoint",
                reason: format!(
                    "{endpoint:?} must be an http:// or https:// URI with a host, \
                     e.g. http://otel-collector:4317"
                ),
            });
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        Config::default().validate().unwrap();
    }

    #[test]
    fn zero_limit_names_its_key() {
        let mut config = Config::default();
        config.limits.max_input_bytes = 0;
        let err = config.validate().unwrap_err().to_string();
        assert!(err.contains("limits.max_input_bytes"), "{err}");
    }

    #[test]
    fn unknown_keys_are_rejected() {
        let err = serde_json::from_str::<Config>(r#"{"server": {"adr": "0.0.0.0:1"}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("adr"), "{err}");
    }

    #[test]
    fn tls_key_without_cert_is_rejected() {
        let mut config = Config::default();
        config.tls.key = Some("key.pem".into());
        let err = config.validate().unwrap_err().to_string();
        assert!(err.contains("tls.cert"), "{err}");
        let mut config = Config::default();
        config.tls.client_ca = Some("ca.pem".into());
        let err = config.validate().unwrap_err().to_string();
        assert!(err.contains("tls.client_ca"), "{err}");
    }

    #[test]
    fn allowed_client_names_need_mutual_tls_and_a_name() {
        let mut config = Config::default();
        config.tls.allowed_client_names = Some(vec!["billing".into()]);
        let err = config.validate().unwrap_err().to_string();
        assert!(err.contains("tls.allowed_client_names"), "{err}");
        config.tls.cert = Some("server.pem".into());
        config.tls.key = Some("server.key".into());
        config.tls.client_ca = Some("ca.pem".into());
        config.validate().unwrap();
        config.tls.allowed_client_names = Some(vec![]);
        let err = config.validate().unwrap_err().to_string();
        assert!(err.contains("tls.allowed_client_names"), "{err}");
    }

    #[cfg(not(feature = "otel"))]
    #[test]
    fn otel_endpoint_without_the_feature_fails_fast() {
        let mut config = Config::default();
        config.otel.endpoint = Some("http://127.0.0.1:4317".into());
        let err = config.validate().unwrap_err().to_string();
        assert!(err.contains("otel.endpoint"), "{err}");
        assert!(
            err.contains("built without the `otel` cargo feature"),
            "{err}"
        );
    }

    #[cfg(feature = "otel")]
    #[test]
    fn otel_endpoint_must_be_an_http_uri() {
        let mut config = Config::default();
        config.otel.endpoint = Some("http://127.0.0.1:4317".into());
        config.validate().unwrap();
        config.otel.endpoint = Some("127.0.0.1:4317".into());
        let err = config.validate().unwrap_err().to_string();
        assert!(err.contains("otel.endpoint"), "{err}");
    }

    #[test]
    fn auth_tokens_are_never_serialised() {
        let mut config = Config::default();
        config.auth.tokens = vec!["secret-token".into()];
        let json = serde_json::to_string(&config).unwrap();
        assert!(!json.contains("secret-token"), "{json}");
    }

    #[test]
    fn partial_file_keeps_other_defaults() {
        let config: Config =
            serde_json::from_str(r#"{"limits": {"max_input_bytes": 1000}}"#).unwrap();
        assert_eq!(config.limits.max_input_bytes, 1000);
        assert_eq!(config.server, ServerConfig::default());
    }
}
