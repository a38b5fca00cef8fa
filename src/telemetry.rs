//! OpenTelemetry trace export (cargo feature `otel`, off by default).
//!
//! The service already describes its work with `tracing` spans: one `request`
//! span per call (request id, RPC name, from the request-id middleware), the
//! handler's span inside it, and one `stage` span per pipeline stage. With
//! `otel.endpoint` set, [`Exporter::layer`] turns those spans into OTel spans
//! and a batch processor sends them over OTLP/gRPC (tonic) to the collector.
//! A caller's W3C `traceparent` header makes the call a child of the caller's
//! trace.
//!
//! The OTLP crate still reads its standard variables for what we do not set:
//! `OTEL_EXPORTER_OTLP_HEADERS`, `..._TIMEOUT`, `..._COMPRESSION`; the SDK reads
//! `OTEL_SERVICE_NAME` and `OTEL_RESOURCE_ATTRIBUTES` (the service name
//! defaults to `textanalysis`). The CLI maps `OTEL_EXPORTER_OTLP_ENDPOINT` to
//! `otel.endpoint` when nothing more specific sets it.
//!
//! Without the feature only [`EXPORTED_TARGET`] is left here, and
//! [`crate::Config::validate`] refuses a configured endpoint in that build.

/// The `tracing` target prefix whose spans are exported: ours only, so the
/// exporter's own gRPC client (tonic, h2, hyper) never traces itself.
pub const EXPORTED_TARGET: &str = "textanalysis";

#[cfg(feature = "otel")]
pub use enabled::{header_parent, Exporter, FLUSH_TIMEOUT};

#[cfg(feature = "otel")]
mod enabled {
    use super::EXPORTED_TARGET;
    use crate::config::OtelConfig;
    use crate::error::{Error, Result};
    use opentelemetry::propagation::Extractor;
    use opentelemetry::trace::TracerProvider as _;
    use opentelemetry_otlp::WithExportConfig;
    use opentelemetry_sdk::trace::SdkTracerProvider;
    use opentelemetry_sdk::Resource;
    use tracing_subscriber::filter::Targets;
    use tracing_subscriber::registry::LookupSpan;
    use tracing_subscriber::Layer;

    /// Longest wait for the last spans at shutdown (after the drain).
    pub const FLUSH_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

    /// The OTLP exporter and its batch processor. Keep it for the life of the
    /// server and call [`Exporter::shutdown`] before the runtime stops, so the
    /// last spans are sent.
    #[derive(Debug)]
    pub struct Exporter {
        provider: SdkTracerProvider,
    }

    impl Exporter {
        /// The exporter for `config`, or `None` when no endpoint is set.
        /// Call inside a Tokio runtime: the tonic channel spawns its worker there.
        pub fn new(config: &OtelConfig) -> Result<Option<Exporter>> {
            let Some(endpoint) = &config.endpoint else {
                return Ok(None);
            };
            let exporter = opentelemetry_otlp::SpanExporter::builder()
                .with_tonic()
                .with_endpoint(endpoint.clone())
                .build()
                .map_err(|err| Error::Telemetry {
                    endpoint: endpoint.clone(),
                    source: Box::new(err),
                })?;
            let provider = SdkTracerProvider::builder()
                .with_batch_exporter(exporter)
                .with_resource(resource())
                .build();
            // Read W3C trace context from incoming calls, so callers' traces continue here.
            opentelemetry::global::set_text_map_propagator(
                opentelemetry_sdk::propagation::TraceContextPropagator::new(),
            );
            Ok(Some(Exporter { provider }))
        }

        /// A `tracing` layer exporting our spans, debug level included (the
        /// per-stage spans), whatever the log filter says.
        pub fn layer<S>(&self) -> impl Layer<S> + Send + Sync + 'static
        where
            S: tracing::Subscriber + for<'span> LookupSpan<'span> + Send + Sync + 'static,
        {
            let tracer = self.provider.tracer(EXPORTED_TARGET);
            tracing_opentelemetry::layer()
                .with_tracer(tracer)
                .with_filter(Targets::new().with_target(EXPORTED_TARGET, tracing::Level::DEBUG))
        }

        /// Send the spans still queued and stop the processor. Blocks for at
        /// most [`FLUSH_TIMEOUT`], so an unreachable collector cannot hold the
        /// pod past its termination grace period. Call outside async code,
        /// while the runtime that built the exporter runs.
        pub fn shutdown(self) {
            if let Err(err) = self.provider.shutdown_with_timeout(FLUSH_TIMEOUT) {
                tracing::warn!(error = %err, "OpenTelemetry export did not flush cleanly");
            }
        }
    }

    /// The SDK's resource (reads `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`),
    /// named `textanalysis` unless the environment names it.
    fn resource() -> Resource {
        let detected = Resource::builder().build();
        let key = opentelemetry::Key::from_static_str("service.name");
        let unnamed = detected
            .get(&key)
            .is_none_or(|name| name.as_str().starts_with("unknown_service"));
        if unnamed {
            Resource::builder()
                .with_service_name(EXPORTED_TARGET)
                .build()
        } else {
            detected
        }
    }

    /// Reads W3C trace-context headers from an HTTP request.
    struct Headers<'a>(&'a axum::http::HeaderMap);

    impl Extractor for Headers<'_> {
        fn get(&self, key: &str) -> Option<&str> {
            self.0.get(key).and_then(|v| v.to_str().ok())
        }

        fn keys(&self) -> Vec<&str> {
            self.0.keys().map(axum::http::HeaderName::as_str).collect()
        }
    }

    /// Make `span` a child of the caller's trace when the request carries a
    /// `traceparent` header; otherwise leave it a root span.
    pub fn header_parent(span: &tracing::Span, headers: &axum::http::HeaderMap) {
        use tracing_opentelemetry::OpenTelemetrySpanExt;
        if !headers.contains_key("traceparent") {
            return;
        }
        let parent = opentelemetry::global::get_text_map_propagator(|propagator| {
            propagator.extract(&Headers(headers))
        });
        // Fails only when no OTel layer is installed (export off): nothing to link.
        let _ = span.set_parent(parent);
    }
}
