//! Integration tests: one binary (`autotests = false`).
mod deploy;
mod grpc;
mod http;
