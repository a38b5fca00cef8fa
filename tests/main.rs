//! Integration tests: one binary (`autotests = false`).
mod clean;
mod compare;
mod deploy;
mod entities;
mod grpc;
mod http;
mod loadgen;
mod props;
mod quotes;
mod reliability;
mod sentiment;
