//! Integration tests: one binary (`autotests = false`).
mod clean;
mod grpc;
