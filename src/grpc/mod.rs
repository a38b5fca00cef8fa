//! The gRPC edge: a thin tonic adapter over [`Pipeline`]. Handlers validate and
//! convert the request, take a concurrency permit, run the CPU-bound analysis
//! on the blocking pool, and convert the result.

pub mod auth;
pub mod client_names;
pub mod convert;
pub mod http;
pub mod json;
pub mod loadgen;
pub mod metrics;
pub mod request_id;
pub mod status;

use crate::clean::Content;
use crate::config::Config;
use crate::error::{Error, Result};
use crate::pipeline::{Options, Pipeline};
use futures::{Stream, StreamExt};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpListener;
use tokio::sync::{mpsc, Semaphore};
use tonic::{Request, Response, Status, Streaming};

/// Generated protobuf and gRPC types of `textanalysis.v1`.
#[allow(missing_docs, clippy::all, clippy::pedantic)]
pub mod pb {
    tonic::include_proto!("textanalysis.v1");

    /// Encoded `FileDescriptorSet` of the API, for reflection and JSON.
    pub const FILE_DESCRIPTOR_SET: &[u8] =
        include_bytes!(concat!(env!("OUT_DIR"), "/textanalysis_descriptor.bin"));
}

use pb::text_analysis_server::{TextAnalysis, TextAnalysisServer};

/// The `TextAnalysis` service.
#[derive(Clone, Debug)]
pub struct AnalysisService {
    pipeline: Arc<Pipeline>,
    limiter: Arc<Semaphore>,
    /// Turns on the CPU, handed out first come, first served.
    cpu: Arc<Semaphore>,
    stream_concurrency: usize,
    max_articles_per_call: usize,
    metrics: metrics::Metrics,
}

impl AnalysisService {
    /// The service over a built pipeline, with the config's concurrency limits.
    pub fn new(pipeline: Arc<Pipeline>, config: &Config) -> AnalysisService {
        AnalysisService {
            pipeline,
            limiter: Arc::new(Semaphore::new(config.server.max_concurrent_analyses)),
            cpu: Arc::new(Semaphore::new(analysis_threads(config))),
            stream_concurrency: config.server.stream_concurrency,
            max_articles_per_call: config.server.max_articles_per_call,
            metrics: metrics::Metrics::new(),
        }
    }

    /// The same service recording into `metrics`.
    pub fn with_metrics(mut self, metrics: metrics::Metrics) -> AnalysisService {
        self.metrics = metrics;
        self
    }

    /// Analyse on the blocking pool, honouring `deadline` between stages.
    async fn run(
        &self,
        content: Content,
        options: Options,
        deadline: Option<Instant>,
    ) -> Result<crate::doc::Doc, Status> {
        let pipeline = Arc::clone(&self.pipeline);
        let span = tracing::Span::current();
        let metrics = self.metrics.clone();
        // Tokio's semaphore is fair: calls get the CPU in the order they came.
        let turn = Arc::clone(&self.cpu)
            .acquire_owned()
            .await
            .map_err(|_| Status::unavailable("server is shutting down"))?;
        tokio::task::spawn_blocking(move || {
            let _turn = turn;
            let _in_flight = metrics.in_flight();
            span.in_scope(|| {
                pipeline.analyze_observed(&content, &options, deadline, &|stage, elapsed| {
                    metrics.stage(stage, elapsed);
                })
            })
        })
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "analysis task died");
            Status::internal("analysis task failed")
        })?
        .map_err(Status::from)
    }

    fn busy(&self) -> Status {
        self.metrics.reject(metrics::RejectReason::Overloaded);
        let mut status = Status::resource_exhausted(
            "server busy: too many analyses in progress; retry after a short back-off",
        );
        status.metadata_mut().insert(
            "grpc-retry-pushback-ms",
            tonic::metadata::MetadataValue::from_static("100"),
        );
        status
    }

    /// One stream item: analyse a request into a response, errors as `error`.
    async fn stream_item(
        &self,
        request: pb::AnalyzeRequest,
        deadline: Option<Instant>,
    ) -> pb::AnalyzeResponse {
        let id = request
            .article
            .as_ref()
            .map(|a| a.id.clone())
            .unwrap_or_default();
        let started = Instant::now();
        let result = async {
            let (_, content, options) = convert::request(request)?;
            let _permit = Arc::clone(&self.limiter)
                .acquire_owned()
                .await
                .map_err(|_| Status::unavailable("server is shutting down"))?;
            self.run(content, options, deadline).await
        }
        .await;
        let code = result
            .as_ref()
            .map_or_else(Status::code, |_| tonic::Code::Ok);
        self.metrics.call("AnalyzeStream", code, started.elapsed());
        match result {
            Ok(doc) => convert::response(id, &doc),
            Err(status) => convert::error_response(id, &status),
        }
    }
}

type ResponseStream = Pin<Box<dyn Stream<Item = Result<pb::AnalyzeResponse, Status>> + Send>>;

#[tonic::async_trait]
impl TextAnalysis for AnalysisService {
    #[tracing::instrument(skip_all, fields(id, bytes))]
    async fn analyze(
        &self,
        request: Request<pb::AnalyzeRequest>,
    ) -> Result<Response<pb::AnalyzeResponse>, Status> {
        let started = Instant::now();
        let result = async {
            let deadline = request_deadline(&request);
            let (id, content, options) = convert::request(request.into_inner())?;
            tracing::Span::current().record("id", id.as_str());
            tracing::Span::current().record("bytes", content.len());
            let _permit = Arc::clone(&self.limiter)
                .try_acquire_owned()
                .map_err(|_| self.busy())?;
            let doc = self.run(content, options, deadline).await?;
            Ok(Response::new(convert::response(id, &doc)))
        }
        .await;
        let code = result
            .as_ref()
            .map_or_else(Status::code, |_| tonic::Code::Ok);
        self.metrics.call("Analyze", code, started.elapsed());
        result
    }

    type AnalyzeStreamStream = ResponseStream;

    #[tracing::instrument(skip_all)]
    async fn analyze_stream(
        &self,
        request: Request<Streaming<pb::AnalyzeRequest>>,
    ) -> Result<Response<Self::AnalyzeStreamStream>, Status> {
        let deadline = request_deadline(&request);
        let inbound = request.into_inner();
        let (sender, receiver) = mpsc::channel(self.stream_concurrency);
        let service = self.clone();
        let span = tracing::Span::current();
        tokio::spawn(async move {
            let max_articles = service.max_articles_per_call;
            let mut count = 0usize;
            let service_ref = &service;
            let mut responses = inbound
                .map(|item| {
                    count += 1;
                    let over_limit = count > max_articles;
                    async move {
                        match item {
                            Ok(_) if over_limit => Err(Status::resource_exhausted(format!(
                                "a stream may carry at most {max_articles} articles (server.max_articles_per_call)"
                            ))),
                            Ok(request) => Ok(service_ref.stream_item(request, deadline).await),
                            Err(status) => Err(status),
                        }
                    }
                })
                .buffer_unordered(service.stream_concurrency);
            while let Some(response) = responses.next().await {
                let end = response.is_err();
                if sender.send(response).await.is_err() {
                    tracing::debug!(parent: &span, "client went away; stream stopped");
                    break;
                }
                if end {
                    break;
                }
            }
        });
        let stream = tokio_stream::wrappers::ReceiverStream::new(receiver);
        Ok(Response::new(Box::pin(stream)))
    }

    #[tracing::instrument(skip_all, fields(articles))]
    async fn compare_coverage(
        &self,
        request: Request<pb::CompareCoverageRequest>,
    ) -> Result<Response<pb::CompareCoverageResponse>, Status> {
        let deadline = request_deadline(&request);
        let (articles, options, config) =
            convert::compare_request(request.into_inner(), self.max_articles_per_call)?;
        tracing::Span::current().record("articles", articles.len());
        // One permit per call: the articles are analysed one after another on
        // one blocking thread, then compared.
        let _permit = Arc::clone(&self.limiter)
            .try_acquire_owned()
            .map_err(|_| self.busy())?;
        let (pipeline, span) = (Arc::clone(&self.pipeline), tracing::Span::current());
        let response = tokio::task::spawn_blocking(move || {
            span.in_scope(|| compare_articles(&pipeline, articles, &options, &config, deadline))
        })
        .await
        .map_err(|err| {
            tracing::error!(error = %err, "comparison task died");
            Status::internal("comparison task failed")
        })?;
        Ok(Response::new(response))
    }
}

/// CPU turns: `server.analysis_threads`, or one per core when 0.
fn analysis_threads(config: &Config) -> usize {
    match config.server.analysis_threads {
        0 => std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get),
        n => n,
    }
}

/// Analyse each article (a failed one gets `ArticleSummary.error` and is left
/// out), then compare the rest. Blocking: run it off the async runtime.
pub fn compare_articles(
    pipeline: &Pipeline,
    articles: Vec<(String, Result<Content, Status>)>,
    options: &Options,
    config: &crate::compare::Config,
    deadline: Option<Instant>,
) -> pb::CompareCoverageResponse {
    let mut summaries = Vec::with_capacity(articles.len());
    let mut analysed: Vec<(String, crate::doc::Doc)> = Vec::with_capacity(articles.len());
    for (id, content) in articles {
        let doc = content.and_then(|content| {
            pipeline
                .analyze_until(&content, options, deadline)
                .map_err(Status::from)
        });
        match doc {
            Ok(doc) => {
                summaries.push(convert::article_summary(id.clone(), &doc));
                analysed.push((id, doc));
            }
            Err(status) => summaries.push(convert::article_failure(id, &status)),
        }
    }
    let inputs: Vec<crate::compare::Article<'_>> = analysed
        .iter()
        .map(|(id, doc)| crate::compare::Article { id, doc })
        .collect();
    let comparison = crate::compare::compare(&inputs, config);
    convert::comparison(&comparison, summaries)
}

/// The deadline a client set through `grpc-timeout`, as an instant.
fn request_deadline<T>(request: &Request<T>) -> Option<Instant> {
    let value = request.metadata().get("grpc-timeout")?.to_str().ok()?;
    let timeout = parse_grpc_timeout(value)?;
    Instant::now().checked_add(timeout)
}

/// Parse a `grpc-timeout` header value ("100m", "5S", "2H").
fn parse_grpc_timeout(value: &str) -> Option<Duration> {
    let (digits, unit) = value.split_at(value.len().checked_sub(1)?);
    let amount: u64 = digits.parse().ok()?;
    Some(match unit {
        "H" => Duration::from_secs(amount.saturating_mul(3600)),
        "M" => Duration::from_secs(amount.saturating_mul(60)),
        "S" => Duration::from_secs(amount),
        "m" => Duration::from_millis(amount),
        "u" => Duration::from_micros(amount),
        "n" => Duration::from_nanos(amount),
        _ => return None,
    })
}

/// Serve the API on `listener` until `shutdown` resolves, then report
/// NOT_SERVING, stop accepting, and let in-flight calls finish within the
/// configured grace period.
pub async fn serve(
    config: &Config,
    pipeline: Arc<Pipeline>,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    serve_with_metrics(
        config,
        pipeline,
        metrics::Metrics::new(),
        listener,
        shutdown,
    )
    .await
}

/// [`serve`], recording into `metrics` (whose `/metrics` endpoint the caller serves).
pub async fn serve_with_metrics(
    config: &Config,
    pipeline: Arc<Pipeline>,
    metrics: metrics::Metrics,
    listener: TcpListener,
    shutdown: impl Future<Output = ()> + Send,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let max_message = config.server.max_message_bytes;
    let analysis = AnalysisService::new(pipeline, config).with_metrics(metrics.clone());
    let service = TextAnalysisServer::new(analysis.clone())
        .max_decoding_message_size(max_message)
        .max_encoding_message_size(max_message);
    let (health_reporter, health_service) = tonic_health::server::health_reporter();
    health_reporter
        .set_serving::<TextAnalysisServer<AnalysisService>>()
        .await;
    let reflection_v1 = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1()?;
    let reflection_v1alpha = tonic_reflection::server::Builder::configure()
        .register_encoded_file_descriptor_set(pb::FILE_DESCRIPTOR_SET)
        .register_encoded_file_descriptor_set(tonic_health::pb::FILE_DESCRIPTOR_SET)
        .build_v1alpha()?;

    let (stop_accepting, stopped) = tokio::sync::oneshot::channel::<()>();
    let incoming = tokio_stream::wrappers::TcpListenerStream::new(listener);
    // JSON over HTTP, gRPC-Web and gRPC share the port; HTTP/1 is accepted for the
    // first two. gRPC-Web wraps the gRPC services only (it refuses other HTTP/1 requests).
    use tower::Layer;
    let grpc_web = tonic_web::GrpcWebLayer::new();
    let mut routes = tonic::service::Routes::from(http::router(analysis, max_message))
        .add_service(grpc_web.layer(health_service))
        .add_service(reflection_v1)
        .add_service(reflection_v1alpha)
        .add_service(grpc_web.layer(service));
    if let Some(authenticator) = auth::Authenticator::from_config(&config.auth)? {
        tracing::info!("bearer-token authentication on");
        let router = routes
            .into_axum_router()
            .layer(axum::middleware::from_fn_with_state(
                (authenticator, metrics.clone()),
                auth::middleware,
            ));
        routes = tonic::service::Routes::from(router);
    }
    if let Some(allow_list) = client_names::ClientAllowList::from_config(&config.tls, &config.auth)
    {
        tracing::info!("mutual-TLS client allow-list on");
        let router = routes
            .into_axum_router()
            .layer(axum::middleware::from_fn_with_state(
                (allow_list, metrics.clone()),
                client_names::middleware,
            ));
        routes = tonic::service::Routes::from(router);
    }
    // Outermost, so refusals by the layers inside are tagged too.
    let routes = tonic::service::Routes::from(
        routes
            .into_axum_router()
            .layer(axum::middleware::from_fn(request_id::middleware)),
    );
    let mut builder = tonic::transport::Server::builder();
    if let Some(tls) = tls_config(&config.tls)? {
        builder = builder.tls_config(tls)?;
    }
    let server = builder
        .accept_http1(true)
        .add_routes(routes)
        .serve_with_incoming_shutdown(incoming, async {
            let _ = stopped.await;
        });
    tokio::pin!(server);
    tokio::select! {
        result = &mut server => return result.map_err(Into::into),
        () = shutdown => {}
    }
    tracing::info!("shutting down: health NOT_SERVING, draining in-flight calls");
    health_reporter
        .set_not_serving::<TextAnalysisServer<AnalysisService>>()
        .await;
    health_reporter
        .set_service_status("", tonic_health::ServingStatus::NotServing)
        .await;
    let _ = stop_accepting.send(());
    let grace = Duration::from_secs(config.server.shutdown_grace_secs);
    match tokio::time::timeout(grace, server).await {
        Ok(result) => result.map_err(Into::into),
        Err(_) => {
            tracing::warn!(
                grace_secs = grace.as_secs(),
                "grace period over; closing remaining calls"
            );
            Ok(())
        }
    }
}

/// The server's TLS settings (`None`: plain TCP), reading the PEM files.
fn tls_config(
    config: &crate::config::TlsConfig,
) -> Result<Option<tonic::transport::ServerTlsConfig>> {
    use tonic::transport::{Certificate, Identity, ServerTlsConfig};
    let (Some(cert), Some(key)) = (&config.cert, &config.key) else {
        return Ok(None);
    };
    let read = |path: &std::path::PathBuf| {
        std::fs::read(path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })
    };
    let mut tls = ServerTlsConfig::new().identity(Identity::from_pem(read(cert)?, read(key)?));
    if let Some(ca) = &config.client_ca {
        tls = tls
            .client_ca_root(Certificate::from_pem(read(ca)?))
            .client_auth_optional(false);
    }
    Ok(Some(tls))
}

/// Build the pipeline and serve on the configured address until SIGTERM/SIGINT.
pub async fn run_server(config: Config) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let started = Instant::now();
    let pipeline = Arc::new(Pipeline::new(&config)?);
    let listener = TcpListener::bind(config.server.addr)
        .await
        .map_err(|source| Error::Io {
            path: config.server.addr.to_string().into(),
            source,
        })?;
    let metrics = metrics::Metrics::new();
    if let Some(metrics_addr) = config.server.metrics_addr {
        let metrics_listener =
            TcpListener::bind(metrics_addr)
                .await
                .map_err(|source| Error::Io {
                    path: metrics_addr.to_string().into(),
                    source,
                })?;
        let app = metrics.router();
        tokio::spawn(async move {
            if let Err(err) = axum::serve(metrics_listener, app).await {
                tracing::error!(error = %err, "metrics endpoint stopped");
            }
        });
        tracing::info!(addr = %metrics_addr, "serving Prometheus metrics at /metrics");
    }
    tracing::info!(
        addr = %listener.local_addr()?,
        startup_ms = started.elapsed().as_millis() as u64,
        "serving textanalysis.v1.TextAnalysis"
    );
    serve_with_metrics(&config, pipeline, metrics, listener, shutdown_signal()).await
}

/// Resolves on SIGTERM or SIGINT (Ctrl-C).
pub async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("SIGINT received"),
        () = terminate => tracing::info!("SIGTERM received"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn full_limiter_answers_resource_exhausted_with_retry_hint() {
        let mut config = Config::default();
        config.server.max_concurrent_analyses = 1;
        let pipeline = Arc::new(Pipeline::new(&config).unwrap());
        let service = AnalysisService::new(pipeline, &config);
        let _held = Arc::clone(&service.limiter).try_acquire_owned().unwrap();
        let request = Request::new(pb::AnalyzeRequest {
            article: Some(pb::Article {
                content: Some(pb::article::Content::Text("Hello there.".into())),
                ..Default::default()
            }),
            options: None,
        });
        let status = service.analyze(request).await.unwrap_err();
        assert_eq!(status.code(), tonic::Code::ResourceExhausted);
        assert!(status.metadata().get("grpc-retry-pushback-ms").is_some());
    }

    #[test]
    fn grpc_timeout_units() {
        assert_eq!(parse_grpc_timeout("100m"), Some(Duration::from_millis(100)));
        assert_eq!(parse_grpc_timeout("5S"), Some(Duration::from_secs(5)));
        assert_eq!(parse_grpc_timeout("2H"), Some(Duration::from_secs(7200)));
        assert_eq!(parse_grpc_timeout("x"), None);
        assert_eq!(parse_grpc_timeout(""), None);
        assert_eq!(parse_grpc_timeout("10Q"), None);
    }
}
