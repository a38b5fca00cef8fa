//! # textanalysis
//!
//! Analysis of news articles: boilerplate removal ([`clean`]), tokens and
//! sentences ([`segment`]), named entities grouped per referent ([`entities`]),
//! quotations with their speakers ([`quotes`]) and sentiment ([`sentiment`]),
//! run in order by one shared [`Pipeline`] over one [`Doc`] per article. The
//! English-only stages are skipped for a body that is not English ([`language`]).
//!
//! Every offset is a UTF-8 byte offset into the cleaned body, half-open ([`Span`]).
//! The gRPC service ([`grpc`]) and the CLI are thin layers over the pipeline.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod clean;
pub mod compare;
pub mod config;
pub mod doc;
pub mod entities;
pub mod error;
pub mod grpc;
pub mod language;
pub mod pipeline;
pub mod quotes;
pub mod segment;
pub mod sentiment;
pub mod telemetry;

pub use clean::Content;
pub use config::Config;
pub use doc::{Doc, Span};
pub use error::{Error, Result};
pub use pipeline::{Options, Pipeline};
