//! Integration tests: one binary (`autotests = false`).
mod entities;
mod grpc;
mod quotes;
