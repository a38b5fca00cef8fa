//! Prometheus metrics, served on their own HTTP port (`/metrics`) so scraping
//! never competes with the API port: calls by RPC and status code, latency,
//! time per analysis stage, analyses in flight, and calls rejected.

use prometheus_client::encoding::{EncodeLabelSet, EncodeLabelValue};
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Labels of a finished call.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CallLabels {
    rpc: &'static str,
    code: &'static str,
}

/// Label naming an RPC.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RpcLabels {
    rpc: &'static str,
}

/// Label naming an analysis stage.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct StageLabels {
    stage: &'static str,
}

/// Why a call was turned away.
#[derive(Clone, Copy, Debug, Hash, PartialEq, Eq, EncodeLabelValue)]
pub enum RejectReason {
    /// The concurrency limit was reached.
    Overloaded,
    /// The bearer token was missing or wrong.
    Unauthenticated,
    /// The client certificate names no client in `tls.allowed_client_names`.
    ClientNotAllowed,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RejectLabels {
    reason: RejectReason,
}

/// Every metric the service exports. Cheap to clone (shared handles).
#[derive(Clone, Debug)]
pub struct Metrics {
    registry: Arc<Registry>,
    calls: Family<CallLabels, Counter>,
    latency: Family<RpcLabels, Histogram>,
    stages: Family<StageLabels, Histogram>,
    in_flight: Gauge,
    rejected: Family<RejectLabels, Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    /// A fresh registry with every metric registered.
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("textanalysis");
        let calls = Family::<CallLabels, Counter>::default();
        let latency = Family::<RpcLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.0005, 2.0, 16))
        });
        let stages = Family::<StageLabels, Histogram>::new_with_constructor(|| {
            Histogram::new(exponential_buckets(0.00005, 2.0, 18))
        });
        let in_flight = Gauge::default();
        let rejected = Family::<RejectLabels, Counter>::default();
        registry.register(
            "calls",
            "Finished calls by RPC and gRPC status code",
            calls.clone(),
        );
        registry.register(
            "call_duration_seconds",
            "Call latency by RPC (per article for AnalyzeStream)",
            latency.clone(),
        );
        registry.register(
            "stage_duration_seconds",
            "Time spent in each analysis stage per article",
            stages.clone(),
        );
        registry.register(
            "analyses_in_flight",
            "Articles being analysed now",
            in_flight.clone(),
        );
        registry.register(
            "rejected",
            "Calls turned away before analysis, by reason",
            rejected.clone(),
        );
        Metrics {
            registry: Arc::new(registry),
            calls,
            latency,
            stages,
            in_flight,
            rejected,
        }
    }

    /// Record a finished call.
    pub fn call(&self, rpc: &'static str, code: tonic::Code, elapsed: Duration) {
        self.calls
            .get_or_create(&CallLabels {
                rpc,
                code: super::status::code_name(code),
            })
            .inc();
        self.latency
            .get_or_create(&RpcLabels { rpc })
            .observe(elapsed.as_secs_f64());
    }

    /// Record the time one stage took on one article.
    pub fn stage(&self, stage: &'static str, elapsed: Duration) {
        self.stages
            .get_or_create(&StageLabels { stage })
            .observe(elapsed.as_secs_f64());
    }

    /// Record a call turned away.
    pub fn reject(&self, reason: RejectReason) {
        self.rejected.get_or_create(&RejectLabels { reason }).inc();
    }

    /// Count an analysis in flight until the guard drops.
    pub fn in_flight(&self) -> InFlight {
        self.in_flight.inc();
        InFlight {
            gauge: self.in_flight.clone(),
            started: Instant::now(),
        }
    }

    /// The text exposition format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        prometheus_client::encoding::text::encode(&mut out, &self.registry)
            .expect("writing to a String cannot fail");
        out
    }

    /// The `/metrics` HTTP app.
    pub fn router(&self) -> axum::Router {
        let metrics = self.clone();
        axum::Router::new().route(
            "/metrics",
            axum::routing::get(move || {
                let metrics = metrics.clone();
                async move {
                    (
                        [(
                            axum::http::header::CONTENT_TYPE,
                            "application/openmetrics-text; version=1.0.0; charset=utf-8",
                        )],
                        metrics.render(),
                    )
                }
            }),
        )
    }
}

/// Decrements the in-flight gauge on drop.
#[derive(Debug)]
pub struct InFlight {
    gauge: Gauge,
    started: Instant,
}

impl InFlight {
    /// Time since the analysis started.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        self.gauge.dec();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_recorded_calls_and_stages() {
        let metrics = Metrics::new();
        metrics.call("Analyze", tonic::Code::Ok, Duration::from_millis(3));
        metrics.call(
            "Analyze",
            tonic::Code::InvalidArgument,
            Duration::from_millis(1),
        );
        metrics.stage("quotes", Duration::from_micros(40));
        metrics.reject(RejectReason::Overloaded);
        {
            let _guard = metrics.in_flight();
            assert!(metrics
                .render()
                .contains("textanalysis_analyses_in_flight 1"));
        }
        let text = metrics.render();
        assert!(
            text.contains(r#"textanalysis_calls_total{rpc="Analyze",code="OK"} 1"#),
            "{text}"
        );
        assert!(text.contains(r#"code="INVALID_ARGUMENT""#));
        assert!(text.contains(r#"textanalysis_stage_duration_seconds_count{stage="quotes"} 1"#));
        assert!(text.contains(r#"textanalysis_rejected_total{reason="Overloaded"} 1"#));
        assert!(text.contains("textanalysis_analyses_in_flight 0"));
    }
}
