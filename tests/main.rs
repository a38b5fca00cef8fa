//! Integration tests: one binary (`autotests = false`).
mod clean;
mod clean_limits;
mod compare;
mod deploy;
mod entities;
mod grpc;
mod http;
mod load;
mod loadgen;
mod otel;
mod props;
mod quotes;
mod reliability;
mod security;
mod sentiment;
