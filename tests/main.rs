//! Integration tests: one binary (`autotests = false`).
mod grpc;
mod sentiment;
