//! OpenTelemetry trace export. With the `otel` feature: the server binary sends
//! its call and stage spans to a tiny in-process OTLP/gRPC collector, and
//! flushes them on SIGTERM. Without it: a configured endpoint stops the
//! server at start with a message saying what is missing.
//!
//! `cargo test --features otel otel` runs the first (CI does).

#[cfg(not(feature = "otel"))]
#[test]
fn otel_endpoint_without_the_feature_stops_the_server_at_start() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_textanalysis"))
        .args(["serve", "--addr", "127.0.0.1:0", "--metrics-addr", "off"])
        .args(["--otel-endpoint", "http://127.0.0.1:4317"])
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "{stderr}");
    assert!(
        stderr.contains("otel.endpoint") && stderr.contains("without the `otel` cargo feature"),
        "{stderr}"
    );
}

#[cfg(feature = "otel")]
mod enabled {
    use crate::grpc::text_request;
    use crate::load::ChildServer;
    use opentelemetry_proto::tonic::collector::trace::v1::trace_service_server::{
        TraceService, TraceServiceServer,
    };
    use opentelemetry_proto::tonic::collector::trace::v1::{
        ExportTraceServiceRequest, ExportTraceServiceResponse,
    };
    use opentelemetry_proto::tonic::common::v1::any_value::Value;
    use opentelemetry_proto::tonic::common::v1::KeyValue;
    use opentelemetry_proto::tonic::trace::v1::span::SpanKind;
    use std::sync::{Arc, Mutex};
    use std::time::Duration;
    use textanalysis::grpc::pb::text_analysis_client::TextAnalysisClient;
    use tokio::net::TcpListener;

    /// One received span with the service name of its resource.
    #[derive(Clone, Debug)]
    struct Received {
        service: String,
        span: opentelemetry_proto::tonic::trace::v1::Span,
    }

    /// An OTLP/gRPC trace collector that keeps what it is sent.
    #[derive(Clone, Default)]
    struct Collector {
        spans: Arc<Mutex<Vec<Received>>>,
    }

    fn string_value(attributes: &[KeyValue], key: &str) -> Option<String> {
        attributes.iter().find(|kv| kv.key == key).and_then(|kv| {
            match kv.value.as_ref()?.value.as_ref()? {
                Value::StringValue(s) => Some(s.clone()),
                _ => None,
            }
        })
    }

    #[tonic::async_trait]
    impl TraceService for Collector {
        async fn export(
            &self,
            request: tonic::Request<ExportTraceServiceRequest>,
        ) -> Result<tonic::Response<ExportTraceServiceResponse>, tonic::Status> {
            let mut spans = self.spans.lock().unwrap();
            for resource_spans in request.into_inner().resource_spans {
                let service = resource_spans
                    .resource
                    .as_ref()
                    .and_then(|r| string_value(&r.attributes, "service.name"))
                    .unwrap_or_default();
                for scope in resource_spans.scope_spans {
                    spans.extend(scope.spans.into_iter().map(|span| Received {
                        service: service.clone(),
                        span,
                    }));
                }
            }
            Ok(tonic::Response::new(ExportTraceServiceResponse {
                partial_success: None,
            }))
        }
    }

    const TRACE_ID: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
    const PARENT_ID: &str = "00f067aa0ba902b7";

    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn otel_exports_call_and_stage_spans_and_flushes_on_sigterm() {
        let collector = Collector::default();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let collector_addr = listener.local_addr().unwrap();
        let (stop_collector, collector_stopped) = tokio::sync::oneshot::channel::<()>();
        let collector_task = tokio::spawn(
            tonic::transport::Server::builder()
                .add_service(TraceServiceServer::new(collector.clone()))
                .serve_with_incoming_shutdown(
                    tokio_stream::wrappers::TcpListenerStream::new(listener),
                    async {
                        let _ = collector_stopped.await;
                    },
                ),
        );

        let endpoint = format!("http://{collector_addr}");
        let mut server = tokio::task::spawn_blocking(move || {
            ChildServer::start(&["--otel-endpoint", &endpoint])
        })
        .await
        .unwrap();
        let channel = tonic::transport::Channel::from_shared(format!("http://{}", server.addr))
            .unwrap()
            .connect()
            .await
            .unwrap();
        let mut request = tonic::Request::new(text_request("otel", "“We will talk,” Lavrov said."));
        let metadata = request.metadata_mut();
        metadata.insert("x-request-id", "otel-call-1".parse().unwrap());
        metadata.insert(
            "traceparent",
            format!("00-{TRACE_ID}-{PARENT_ID}-01").parse().unwrap(),
        );
        TextAnalysisClient::new(channel)
            .analyze(request)
            .await
            .unwrap();

        // The batch processor holds spans for seconds; SIGTERM must flush them.
        server.signal("TERM");
        let status = tokio::task::spawn_blocking(move || server.wait(Duration::from_secs(30)))
            .await
            .unwrap();
        assert!(status.success(), "{status:?}");
        let _ = stop_collector.send(());
        collector_task.await.unwrap().unwrap();

        let spans = collector.spans.lock().unwrap().clone();
        let names: Vec<&str> = spans.iter().map(|r| r.span.name.as_str()).collect();
        let call = spans
            .iter()
            .find(|r| r.span.name == "textanalysis.v1.TextAnalysis/Analyze")
            .unwrap_or_else(|| panic!("no Analyze span among {names:?}"));
        assert_eq!(call.service, "textanalysis");
        assert_eq!(call.span.kind, SpanKind::Server as i32);
        assert_eq!(
            string_value(&call.span.attributes, "request_id").as_deref(),
            Some("otel-call-1")
        );
        // The caller's traceparent is the parent.
        assert_eq!(hex(&call.span.trace_id), TRACE_ID);
        assert_eq!(hex(&call.span.parent_span_id), PARENT_ID);
        // Every stage ran inside the call's trace.
        for stage in ["clean", "segment", "entities", "quotes", "sentiment"] {
            let name = format!("stage {stage}");
            let span = spans
                .iter()
                .find(|r| r.span.name == name)
                .unwrap_or_else(|| panic!("no {name} span among {names:?}"));
            assert_eq!(hex(&span.span.trace_id), TRACE_ID, "{name}");
        }
    }
}
