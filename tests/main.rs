//! Integration tests: one binary (`autotests = false`).
mod deploy;
mod entities;
mod grpc;
mod http;
mod props;
mod quotes;
mod reliability;
