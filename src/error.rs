//! The crate's one error type. Client faults and our own faults are kept apart
//! so the gRPC edge can map them to the right status codes.

use std::path::PathBuf;

/// Result with the crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in analysis or set-up.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The article has no content (empty or whitespace only).
    #[error("the article is empty")]
    EmptyInput,
    /// The request carried no `text` or `html`.
    #[error("the article has no content: set `text` or `html`")]
    MissingContent,
    /// The article is larger than the configured limit.
    #[error("input is {len} bytes; the limit is {max}")]
    InputTooLarge {
        /// Size of the input.
        len: usize,
        /// The limit (`limits.max_input_bytes`).
        max: usize,
    },
    /// The article would take too much work: a count past its limit.
    #[error("the article has {count} {what}; the limit is {max} (`{key}`)")]
    TooMuchWork {
        /// What was counted ("tokens", "quotation marks", ...).
        what: &'static str,
        /// How many the article has.
        count: usize,
        /// The limit.
        max: usize,
        /// The config key of the limit.
        key: &'static str,
    },
    /// The content is not text (binary data, or undecodable).
    #[error("the content does not look like text: {reason}")]
    NotText {
        /// What gave it away.
        reason: String,
    },
    /// The analysis ran past the caller's deadline; stopped between stages.
    #[error("deadline exceeded during {stage}")]
    DeadlineExceeded {
        /// The stage that would have run next.
        stage: &'static str,
    },
    /// A configuration value is invalid.
    #[error("config `{key}`: {reason}")]
    Config {
        /// The offending key, as written in the config file.
        key: &'static str,
        /// What is wrong with its value.
        reason: String,
    },
    /// A config file could not be read or parsed.
    #[error("cannot read config file {path:?}: {reason}")]
    ConfigFile {
        /// The file.
        path: PathBuf,
        /// The parser's or OS's message.
        reason: String,
    },
    /// A model or lexicon shipped with the service could not be loaded.
    #[error("cannot load model {name}: {reason}")]
    Model {
        /// Which model.
        name: &'static str,
        /// Why.
        reason: String,
    },
    /// OpenTelemetry export could not be set up (feature `otel`).
    #[error("cannot set up OpenTelemetry export to {endpoint:?}")]
    Telemetry {
        /// The configured `otel.endpoint`.
        endpoint: String,
        /// The exporter's error.
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// An I/O error on a file the service reads (models, training data).
    #[error("cannot read {path:?}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    /// True when the caller sent something we cannot analyse (vs. a fault of ours).
    pub fn is_client_fault(&self) -> bool {
        matches!(
            self,
            Error::EmptyInput
                | Error::MissingContent
                | Error::InputTooLarge { .. }
                | Error::TooMuchWork { .. }
                | Error::NotText { .. }
                | Error::DeadlineExceeded { .. }
        )
    }
}
