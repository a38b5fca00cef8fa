//! A gRPC load generator: keeps `concurrency` analyses in flight against a
//! server for a fixed time and reports calls/s, latency percentiles
//! (hdrhistogram) and errors by gRPC status code.
//!
//! - [`Mode::Unary`]: `concurrency` workers, each calling `Analyze` in a loop.
//! - [`Mode::Stream`]: `concurrency / window` `AnalyzeStream` calls, each
//!   keeping `window` articles in flight (a new one is sent as each answer
//!   arrives). An article's latency is from sending it to its answer. A
//!   stream carries at most `articles_per_stream` articles (the server's
//!   `server.max_articles_per_call`), then is closed and a new one opened.
//!
//! Articles are sent round-robin. Workers share `connections` HTTP/2
//! connections. Used by `textanalysis loadgen`; docs/performance.md has figures.

use super::pb::{self, text_analysis_client::TextAnalysisClient};
use super::status::code_name;
use hdrhistogram::Histogram;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::mpsc;
use tonic::transport::{Channel, Endpoint};

/// Which RPC to load.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// One `Analyze` call per article.
    #[default]
    Unary,
    /// Articles sent over long-lived `AnalyzeStream` calls.
    Stream,
}

/// What to send, where, how hard and for how long.
#[derive(Clone, Debug)]
pub struct Config {
    /// Server URI, e.g. `http://127.0.0.1:50051`.
    pub uri: String,
    /// Analyses in flight at once.
    pub concurrency: usize,
    /// How long to keep sending.
    pub duration: Duration,
    /// Unary or streaming calls.
    pub mode: Mode,
    /// Stream mode: articles in flight on each stream.
    pub window: usize,
    /// Stream mode: articles sent on one stream before it is closed and a
    /// new one opened; at most the server's `server.max_articles_per_call`,
    /// which refuses the articles beyond it.
    pub articles_per_stream: usize,
    /// HTTP/2 connections the workers share.
    pub connections: usize,
    /// Deadline of each call (unary) or stream (stream mode), sent as `grpc-timeout`.
    pub timeout: Duration,
    /// The articles, sent round-robin; must not be empty.
    pub articles: Vec<pb::Article>,
}

impl Config {
    /// A unary load of `articles` against `uri`.
    pub fn new(uri: impl Into<String>, articles: Vec<pb::Article>) -> Config {
        Config {
            uri: uri.into(),
            concurrency: 64,
            duration: Duration::from_secs(10),
            mode: Mode::Unary,
            window: 8,
            articles_per_stream: 1000,
            connections: 1,
            timeout: Duration::from_secs(60),
            articles,
        }
    }
}

/// Why a load run could not start.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// The config asks for nothing to be sent.
    #[error("loadgen: {0}")]
    Config(&'static str),
    /// The address is not a valid URI.
    #[error("invalid server address {uri:?}")]
    Uri {
        /// The address given.
        uri: String,
        /// Why it is invalid.
        #[source]
        source: tonic::transport::Error,
    },
    /// The server could not be reached.
    #[error("cannot connect to {uri}")]
    Connect {
        /// The address given.
        uri: String,
        /// The transport error.
        #[source]
        source: tonic::transport::Error,
    },
}

/// The outcome of a load run.
#[derive(Clone, Debug)]
pub struct Report {
    /// The mode that was run.
    pub mode: Mode,
    /// Analyses in flight at once.
    pub concurrency: usize,
    /// Wall time from the first send to the last answer.
    pub elapsed: Duration,
    /// Analyses answered successfully.
    pub ok: u64,
    /// Failed analyses by gRPC status code name ("RESOURCE_EXHAUSTED").
    pub errors: BTreeMap<&'static str, u64>,
    /// Latency of every answered analysis (successful or not), in microseconds.
    pub latency_us: Histogram<u64>,
}

impl Report {
    /// Successful plus failed analyses.
    pub fn total(&self) -> u64 {
        self.ok + self.errors.values().sum::<u64>()
    }

    /// Successful analyses per second of wall time.
    pub fn ok_per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }

    /// The latency at `quantile` (0..=1).
    pub fn latency(&self, quantile: f64) -> Duration {
        Duration::from_micros(self.latency_us.value_at_quantile(quantile))
    }

    /// The largest latency.
    pub fn max_latency(&self) -> Duration {
        Duration::from_micros(self.latency_us.max())
    }

    /// The report as a JSON object (for scripts).
    pub fn to_json(&self) -> serde_json::Value {
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        serde_json::json!({
            "mode": match self.mode { Mode::Unary => "unary", Mode::Stream => "stream" },
            "concurrency": self.concurrency,
            "elapsed_s": self.elapsed.as_secs_f64(),
            "ok": self.ok,
            "errors": self.errors,
            "ok_per_s": self.ok_per_second(),
            "latency_ms": {
                "p50": ms(self.latency(0.50)),
                "p90": ms(self.latency(0.90)),
                "p99": ms(self.latency(0.99)),
                "max": ms(self.max_latency()),
            },
        })
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let mode = match self.mode {
            Mode::Unary => "Analyze",
            Mode::Stream => "AnalyzeStream",
        };
        writeln!(
            f,
            "{mode}: {} ok, {} failed in {:.2} s at concurrency {}: {:.1} ok/s",
            self.ok,
            self.total() - self.ok,
            self.elapsed.as_secs_f64(),
            self.concurrency,
            self.ok_per_second()
        )?;
        writeln!(
            f,
            "latency ms: p50 {:.2}  p90 {:.2}  p99 {:.2}  max {:.2}",
            ms(self.latency(0.50)),
            ms(self.latency(0.90)),
            ms(self.latency(0.99)),
            ms(self.max_latency())
        )?;
        if self.errors.is_empty() {
            write!(f, "errors: none")
        } else {
            write!(f, "errors:")?;
            for (code, count) in &self.errors {
                write!(f, " {code}={count}")?;
            }
            Ok(())
        }
    }
}

/// One worker's tally, merged into the [`Report`].
struct Tally {
    ok: u64,
    errors: BTreeMap<&'static str, u64>,
    latency_us: Histogram<u64>,
    last: Instant,
}

impl Tally {
    fn new(started: Instant) -> Tally {
        Tally {
            ok: 0,
            errors: BTreeMap::new(),
            latency_us: new_histogram(),
            last: started,
        }
    }

    fn record(&mut self, sent: Instant, code: tonic::Code) {
        let now = Instant::now();
        let micros = now.saturating_duration_since(sent).as_micros();
        self.latency_us
            .saturating_record(u64::try_from(micros).unwrap_or(u64::MAX).max(1));
        if code == tonic::Code::Ok {
            self.ok += 1;
        } else {
            *self.errors.entry(code_name(code)).or_default() += 1;
        }
        self.last = self.last.max(now);
    }

    fn merge(&mut self, other: Tally) {
        self.ok += other.ok;
        for (code, count) in other.errors {
            *self.errors.entry(code).or_default() += count;
        }
        // Both histograms have the same bounds, so adding cannot fail.
        let _ = self.latency_us.add(&other.latency_us);
        self.last = self.last.max(other.last);
    }
}

fn new_histogram() -> Histogram<u64> {
    // 1 µs to one hour at 3 significant digits; longer latencies saturate.
    Histogram::new_with_bounds(1, 3_600_000_000, 3).expect("valid histogram bounds and precision")
}

/// The articles, handed out round-robin across all workers.
struct Articles {
    list: Vec<pb::Article>,
    next: AtomicUsize,
}

impl Articles {
    fn next(&self) -> pb::Article {
        let i = self.next.fetch_add(1, Ordering::Relaxed);
        self.list[i % self.list.len()].clone()
    }
}

/// Run the load described by `config` and report.
pub async fn run(config: &Config) -> Result<Report, LoadError> {
    if config.articles.is_empty() {
        return Err(LoadError::Config("no articles to send"));
    }
    if config.concurrency == 0
        || config.connections == 0
        || config.window == 0
        || config.articles_per_stream == 0
    {
        return Err(LoadError::Config(
            "concurrency, connections, window and articles per stream must be at least 1",
        ));
    }
    let endpoint = Endpoint::from_shared(config.uri.clone()).map_err(|source| LoadError::Uri {
        uri: config.uri.clone(),
        source,
    })?;
    let mut channels = Vec::with_capacity(config.connections);
    for _ in 0..config.connections {
        let channel = endpoint
            .connect()
            .await
            .map_err(|source| LoadError::Connect {
                uri: config.uri.clone(),
                source,
            })?;
        channels.push(channel);
    }
    let articles = Arc::new(Articles {
        list: config.articles.clone(),
        next: AtomicUsize::new(0),
    });
    let started = Instant::now();
    let stop_at = started + config.duration;
    let workers = match config.mode {
        Mode::Unary => config.concurrency,
        Mode::Stream => config.concurrency.div_ceil(config.window),
    };
    let mut tasks = tokio::task::JoinSet::new();
    for worker in 0..workers {
        let client = TextAnalysisClient::new(channels[worker % channels.len()].clone())
            .max_decoding_message_size(usize::MAX)
            .max_encoding_message_size(usize::MAX);
        let articles = Arc::clone(&articles);
        let timeout = config.timeout;
        match config.mode {
            Mode::Unary => {
                tasks.spawn(unary_worker(client, articles, started, stop_at, timeout));
            }
            Mode::Stream => {
                // The last stream takes what is left so the total in flight is `concurrency`.
                let window = config
                    .window
                    .min(config.concurrency - worker * config.window);
                let limits = StreamLimits {
                    window,
                    articles: config.articles_per_stream,
                };
                tasks.spawn(stream_worker(
                    client, articles, worker, limits, started, stop_at, timeout,
                ));
            }
        }
    }
    let mut total = Tally::new(started);
    while let Some(joined) = tasks.join_next().await {
        match joined {
            Ok(tally) => total.merge(tally),
            Err(err) => {
                tracing::error!(error = %err, "loadgen worker died");
                *total.errors.entry("WORKER_PANICKED").or_default() += 1;
            }
        }
    }
    Ok(Report {
        mode: config.mode,
        concurrency: config.concurrency,
        elapsed: total.last.saturating_duration_since(started),
        ok: total.ok,
        errors: total.errors,
        latency_us: total.latency_us,
    })
}

async fn unary_worker(
    mut client: TextAnalysisClient<Channel>,
    articles: Arc<Articles>,
    started: Instant,
    stop_at: Instant,
    timeout: Duration,
) -> Tally {
    let mut tally = Tally::new(started);
    while Instant::now() < stop_at {
        let mut request = tonic::Request::new(pb::AnalyzeRequest {
            article: Some(articles.next()),
            options: None,
        });
        request.set_timeout(timeout);
        let sent = Instant::now();
        let code = match tokio::time::timeout(timeout, client.analyze(request)).await {
            Ok(Ok(_)) => tonic::Code::Ok,
            Ok(Err(status)) => status.code(),
            Err(_) => tonic::Code::DeadlineExceeded,
        };
        tally.record(sent, code);
    }
    tally
}

/// What one stream may hold: articles in flight, and articles in all.
struct StreamLimits {
    window: usize,
    articles: usize,
}

async fn stream_worker(
    mut client: TextAnalysisClient<Channel>,
    articles: Arc<Articles>,
    worker: usize,
    limits: StreamLimits,
    started: Instant,
    stop_at: Instant,
    timeout: Duration,
) -> Tally {
    let mut tally = Tally::new(started);
    let mut serial = 0u64;
    let window = limits.window;
    // One stream at a time; a stream that fails is counted and reopened, one
    // that has carried `limits.articles` is closed and replaced.
    while Instant::now() < stop_at {
        let mut on_stream = 0usize;
        let (sender, receiver) = mpsc::channel::<pb::AnalyzeRequest>(window);
        let mut request =
            tonic::Request::new(tokio_stream::wrappers::ReceiverStream::new(receiver));
        request.set_timeout(stop_at.saturating_duration_since(Instant::now()) + timeout);
        let mut pending: HashMap<String, Instant> = HashMap::with_capacity(window);
        let mut send = |sender: &mpsc::Sender<pb::AnalyzeRequest>,
                        pending: &mut HashMap<String, Instant>| {
            let mut article = articles.next();
            serial += 1;
            let id = format!("{worker}-{serial}");
            article.id.clone_from(&id);
            let sent = Instant::now();
            // The channel has room for `window` requests and at most `window` are pending.
            sender
                .try_send(pb::AnalyzeRequest {
                    article: Some(article),
                    options: None,
                })
                .map(|()| {
                    pending.insert(id, sent);
                })
        };
        for _ in 0..window.min(limits.articles) {
            if send(&sender, &mut pending).is_err() {
                break;
            }
            on_stream += 1;
        }
        let mut responses = match client.analyze_stream(request).await {
            Ok(response) => response.into_inner(),
            Err(status) => {
                tally.record(Instant::now(), status.code());
                continue;
            }
        };
        let mut sender = Some(sender);
        loop {
            match responses.message().await {
                Ok(Some(response)) => {
                    let Some(sent) = pending.remove(&response.id) else {
                        continue;
                    };
                    let code = response
                        .error
                        .map_or(tonic::Code::Ok, |e| tonic::Code::from(e.code));
                    tally.record(sent, code);
                    if Instant::now() < stop_at && on_stream < limits.articles {
                        if let Some(open) = &sender {
                            if send(open, &mut pending).is_ok() {
                                on_stream += 1;
                            }
                        }
                    } else {
                        // Closing our side ends the stream once the rest are answered.
                        sender = None;
                    }
                    if pending.is_empty() && sender.is_none() {
                        break;
                    }
                }
                Ok(None) => break,
                Err(status) => {
                    // Everything still pending on this stream failed with it.
                    for (_, sent) in pending.drain() {
                        tally.record(sent, status.code());
                    }
                    break;
                }
            }
        }
        if sender.is_some() && pending.is_empty() {
            continue;
        }
        // Answers that never came (the server closed the stream early) count as lost.
        for (_, sent) in pending.drain() {
            tally.record(sent, tonic::Code::Unknown);
        }
    }
    tally
}
