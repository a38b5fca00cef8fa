//! Integration tests: one binary (`autotests = false`).
mod compare;
mod deploy;
mod grpc;
mod quotes;
