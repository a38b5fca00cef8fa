//! Service configuration: documented defaults < JSON config file < environment
//! (`TEXTANALYSIS_*`) < command-line flags. Parsed raw, then [`Config::validate`]d
//! with errors that name the key.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::Path;

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
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 4 * 1024 * 1024,
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
    fn partial_file_keeps_other_defaults() {
        let config: Config =
            serde_json::from_str(r#"{"limits": {"max_input_bytes": 1000}}"#).unwrap();
        assert_eq!(config.limits.max_input_bytes, 1000);
        assert_eq!(config.server, ServerConfig::default());
    }
}
