//! Command line: `serve` runs the gRPC service, `analyze` prints one
//! AnalyzeResponse per file in the proto3 JSON mapping.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use std::io::{BufRead, Read, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use textanalysis::config::{Config, LogFormat};
use textanalysis::grpc::{convert, json, pb};
use textanalysis::{Content, Options, Pipeline};

/// Text analysis for news articles: boilerplate removal, entities, quotes with speakers, sentiment.
#[derive(Debug, Parser)]
#[command(name = "textanalysis", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the gRPC server.
    Serve(Box<ServeArgs>),
    /// Analyse files and print one JSON AnalyzeResponse per line.
    Analyze(AnalyzeArgs),
    /// Train a model.
    #[command(subcommand)]
    Train(TrainCommand),
    /// Tag a CoNLL-2003 file: print it with the predicted BIO tag as a last column.
    Ner(NerArgs),
    /// Evaluate a stage on labelled data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Check a running server through grpc.health.v1 (exit 0 when SERVING); for container health checks.
    Health(HealthArgs),
    /// Compare how several articles cover one event; prints a CompareCoverageResponse.
    Compare(CompareArgs),
    /// Score sentiment of standard-input lines; one JSON object per line.
    Sentiment(SentimentArgs),
    /// Load a running server with Analyze or AnalyzeStream calls; report calls/s, latency and errors.
    Loadgen(LoadgenArgs),
}

// ---- sentiment (issue 6) ----
#[derive(Debug, Args)]
struct SentimentArgs {
    /// Input lines are `{"text": ..., "targets": [[start, end], ...]}` (code-point offsets).
    #[arg(long)]
    jsonl: bool,
}

fn sentiment(args: &SentimentArgs) -> Result<()> {
    let scorer = textanalysis::sentiment::SentimentScorer::new()?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line.context("cannot read standard input")?;
        writeln!(out, "{}", scorer.score_line(&line, args.jsonl))?;
    }
    out.flush()?;
    Ok(())
}

fn eval_sentiment(data: &std::path::Path, other_rated: &std::path::Path, folds: u16) -> Result<()> {
    let scorer = textanalysis::sentiment::SentimentScorer::new()?;
    let report = textanalysis::sentiment::evaluate(&scorer, data, other_rated, folds.into())?;
    println!("{report}");
    Ok(())
}

fn train_sentiment(
    data: &std::path::Path,
    other_rated: &std::path::Path,
    out: &std::path::Path,
) -> Result<()> {
    let bytes = textanalysis::sentiment::train(data, other_rated)?;
    std::fs::write(out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(())
}
// ---- end sentiment ----

// --- eval boilerplate ---
#[derive(Debug, Args)]
struct EvalBoilerplateArgs {
    /// Split folder: ground-truth.json, html/ID.html.gz, text/ID.txt.
    dir: PathBuf,
    /// Also write predictions as {id: {"articleBody": ...}} to DIR/html.json and DIR/text.json.
    #[arg(long)]
    pred_dir: Option<PathBuf>,
    /// Also score the text dumps hard-wrapped at this many columns (as `lynx -dump` leaves them).
    #[arg(long, value_parser = clap::value_parser!(u16).range(20..=400))]
    hard_wrap: Option<u16>,
}

fn eval_boilerplate(args: &EvalBoilerplateArgs) -> Result<()> {
    use textanalysis::clean::{eval, Cleaner};
    let pages = eval::load_pages(&args.dir)?;
    let cleaner = Cleaner::new();
    let mut reports = vec![
        ("html".to_owned(), eval::evaluate_html(&cleaner, &pages)),
        ("text".to_owned(), eval::evaluate_text(&cleaner, &pages)),
    ];
    if let Some(width) = args.hard_wrap {
        let report = eval::evaluate_wrapped_text(&cleaner, &pages, usize::from(width));
        reports.push((format!("text@{width}"), report));
    }
    println!("variant  pages  precision  recall  F1      accuracy  pages/s");
    for (name, report) in &reports {
        let s = report.scores;
        println!(
            "{name:<7}  {:>5}  {:.4}     {:.4}  {:.4}  {:.4}    {:.1}",
            s.pages,
            s.precision,
            s.recall,
            s.f1,
            s.accuracy,
            report.pages_per_second()
        );
        if let Some(dir) = &args.pred_dir {
            std::fs::create_dir_all(dir)?;
            let out: serde_json::Map<String, serde_json::Value> = report
                .predictions
                .iter()
                .map(|(id, body)| (id.clone(), serde_json::json!({ "articleBody": body })))
                .collect();
            std::fs::write(
                dir.join(format!("{name}.json")),
                serde_json::to_string(&out)?,
            )?;
        }
    }
    Ok(())
}
// --- end eval boilerplate ---

#[derive(Debug, Args)]
struct HealthArgs {
    /// Server address.
    #[arg(long, default_value = "127.0.0.1:50051")]
    addr: SocketAddr,
    /// Service to check; empty checks the server as a whole.
    #[arg(long, default_value = "textanalysis.v1.TextAnalysis")]
    service: String,
    /// Give up after this many seconds (connecting and the check together).
    #[arg(long, env = "TEXTANALYSIS_HEALTH_TIMEOUT_SECS", default_value_t = 3)]
    timeout_secs: u64,
    /// PEM CA certificate to verify the server with; connects over TLS.
    #[arg(long, env = "TEXTANALYSIS_HEALTH_CA_CERT")]
    tls_ca_cert: Option<PathBuf>,
    /// PEM client certificate, for a server that requires mutual TLS.
    #[arg(
        long,
        env = "TEXTANALYSIS_HEALTH_CERT",
        requires = "tls_key",
        requires = "tls_ca_cert"
    )]
    tls_cert: Option<PathBuf>,
    /// PEM private key of the client certificate.
    #[arg(long, env = "TEXTANALYSIS_HEALTH_KEY", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Name to verify in the server certificate (default: the address's host);
    /// for probes that connect to 127.0.0.1 while the certificate names the Service.
    #[arg(
        long,
        visible_alias = "tls-server-name",
        env = "TEXTANALYSIS_HEALTH_TLS_DOMAIN",
        requires = "tls_ca_cert"
    )]
    tls_domain: Option<String>,
    /// Bearer token, for a server whose health service is not open.
    #[arg(long, env = "TEXTANALYSIS_HEALTH_TOKEN", hide_env_values = true)]
    token: Option<String>,
}

// ---- quotes (issue 5) ----

#[derive(Debug, Args)]
struct EvalQuotesArgs {
    /// Folder of `*.gold.json` files; each article is `<seed>.txt` next to the folder.
    #[arg(default_value = "seeds/gold")]
    gold_dir: PathBuf,
    /// Take entities from the gold aliases instead of the entities stage (scores attribution alone).
    #[arg(long)]
    oracle_entities: bool,
    /// Also report indirect speech.
    #[arg(long)]
    indirect: bool,
    /// Also print every predicted quote.
    #[arg(long)]
    show: bool,
}

// ---- named entities (issue 4) ----

#[derive(Debug, Subcommand)]
enum TrainCommand {
    /// Train the named-entity tagger on DIR/train.txt (CoNLL-2003 format).
    Ner(TrainNerArgs),
    /// Train the sentiment models (fixed seed) and write the model file.
    Sentiment {
        /// The sentiment data folder.
        #[arg(long, default_value = "../shared/data/sentiment")]
        data: PathBuf,
        /// VADER's other rated sets (movie reviews, product reviews, tweets), a small-weight extra for the text model.
        #[arg(long, default_value = textanalysis::sentiment::OTHER_RATED_DIR)]
        other_rated: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "data/sentiment/model.bin")]
        out: PathBuf,
    },
}

#[derive(Debug, Args)]
struct TrainNerArgs {
    /// Directory with train.txt (and dev.txt, scored after each epoch).
    #[arg(long)]
    data: PathBuf,
    /// Where to write the model.
    #[arg(long)]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = 12)]
    epochs: usize,
    /// Shuffling seed.
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// log2 of the weight-table rows.
    #[arg(long, default_value_t = 18)]
    bits: u32,
}

#[derive(Debug, Args)]
struct NerArgs {
    /// CoNLL-2003 file to tag.
    #[arg(long)]
    conll: PathBuf,
    /// Model file to use instead of the embedded one.
    #[arg(long)]
    model: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Tag a CoNLL-2003 file and print precision/recall/F1 per type against its last column.
    Ner(NerEvalArgs),
    /// Quotes and speakers against gold files in the seed format (`*.gold.json`).
    Quotes(EvalQuotesArgs),
    /// Boilerplate removal on an article-extraction benchmark split (html and text variants).
    Boilerplate(EvalBoilerplateArgs),
    /// NYT snippets (Pearson, Spearman, 3-class) and NewsMTSC dev rw/mt.
    Sentiment {
        /// The sentiment data folder.
        #[arg(long, default_value = "../shared/data/sentiment")]
        data: PathBuf,
        /// VADER's other rated sets, which the cross-validated text models also train on.
        #[arg(long, default_value = textanalysis::sentiment::OTHER_RATED_DIR)]
        other_rated: PathBuf,
        /// Folds of the NYT cross-validation; more folds train each model on more rows.
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(2..=100))]
        folds: u16,
    },
}

#[derive(Debug, Args)]
struct NerEvalArgs {
    /// Labelled CoNLL-2003 file.
    file: PathBuf,
    /// Model file to use instead of the embedded one.
    #[arg(long)]
    model: Option<PathBuf>,
}

fn ner_tagger(model: Option<&PathBuf>) -> Result<textanalysis::entities::Tagger> {
    Ok(match model {
        Some(path) => textanalysis::entities::Tagger::from_bytes(
            &std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?,
        )?,
        None => textanalysis::entities::Tagger::embedded()?,
    })
}

fn train_ner(args: &TrainNerArgs) -> Result<()> {
    let options = textanalysis::entities::train::Options {
        epochs: args.epochs,
        seed: args.seed,
        bits: args.bits,
    };
    let model = textanalysis::entities::train_dir(&args.data, options, |line| eprintln!("{line}"))?;
    std::fs::write(&args.out, model.to_bytes())
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    Ok(())
}

fn tag_ner(args: &NerArgs) -> Result<()> {
    let text = std::fs::read_to_string(&args.conll)
        .with_context(|| format!("cannot read {}", args.conll.display()))?;
    std::io::stdout()
        .lock()
        .write_all(ner_tagger(args.model.as_ref())?.tag_conll(&text).as_bytes())?;
    Ok(())
}

fn eval_ner(args: &NerEvalArgs) -> Result<()> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let start = std::time::Instant::now();
    let counts = ner_tagger(args.model.as_ref())?.eval_conll(&text);
    print!("{}", counts.report());
    eprintln!("tagged in {:.2} s", start.elapsed().as_secs_f64());
    Ok(())
}

// ---- end named entities ----

/// Settings shared by every command that builds the pipeline. Each flag can also
/// be set through its `TEXTANALYSIS_*` environment variable; flags win over the
/// environment, which wins over the config file, which wins over the defaults.
#[derive(Debug, Args)]
struct ConfigArgs {
    /// JSON config file (see README for the keys).
    #[arg(long, env = "TEXTANALYSIS_CONFIG")]
    config: Option<PathBuf>,
    /// Largest article (`text` or `html`) in bytes.
    #[arg(long, env = "TEXTANALYSIS_MAX_INPUT_BYTES")]
    max_input_bytes: Option<usize>,
    /// Log format.
    #[arg(long, env = "TEXTANALYSIS_LOG_FORMAT", value_enum)]
    log_format: Option<LogFormat>,
    /// Log filter, e.g. "info" or "textanalysis=debug".
    #[arg(long, env = "TEXTANALYSIS_LOG")]
    log_filter: Option<String>,
    /// Also report indirect speech ("X said that ...") as INDIRECT quotes.
    #[arg(long, env = "TEXTANALYSIS_QUOTES_INDIRECT")]
    indirect_quotes: Option<bool>,
    /// Most tokens in one article body.
    #[arg(long, env = "TEXTANALYSIS_MAX_TOKENS")]
    max_tokens: Option<usize>,
    /// Most capitalised tokens (name candidates) in one article body.
    #[arg(long, env = "TEXTANALYSIS_MAX_CAPITALIZED_TOKENS")]
    max_capitalized_tokens: Option<usize>,
    /// Most quotation marks in one article body.
    #[arg(long, env = "TEXTANALYSIS_MAX_QUOTE_MARKS")]
    max_quote_marks: Option<usize>,
}

#[derive(Debug, Args)]
struct ServeArgs {
    #[command(flatten)]
    common: ConfigArgs,
    /// Address to listen on.
    #[arg(long, env = "TEXTANALYSIS_ADDR")]
    addr: Option<SocketAddr>,
    /// Largest gRPC message in bytes.
    #[arg(long, env = "TEXTANALYSIS_MAX_MESSAGE_BYTES")]
    max_message_bytes: Option<usize>,
    /// Articles analysed at once; more get RESOURCE_EXHAUSTED.
    #[arg(long, env = "TEXTANALYSIS_MAX_CONCURRENT_ANALYSES")]
    max_concurrent_analyses: Option<usize>,
    /// Articles of one AnalyzeStream call analysed at once.
    #[arg(long, env = "TEXTANALYSIS_STREAM_CONCURRENCY")]
    stream_concurrency: Option<usize>,
    /// Analyses running on the CPU at once (0: one per core).
    #[arg(long, env = "TEXTANALYSIS_ANALYSIS_THREADS")]
    analysis_threads: Option<usize>,
    /// Articles accepted in one stream or comparison.
    #[arg(long, env = "TEXTANALYSIS_MAX_ARTICLES_PER_CALL")]
    max_articles_per_call: Option<usize>,
    /// Seconds to drain in-flight calls after SIGTERM/SIGINT.
    #[arg(long, env = "TEXTANALYSIS_SHUTDOWN_GRACE_SECS")]
    shutdown_grace_secs: Option<u64>,
    /// Address of the Prometheus /metrics endpoint, or "off".
    #[arg(long, env = "TEXTANALYSIS_METRICS_ADDR")]
    metrics_addr: Option<String>,
    #[command(flatten)]
    security: SecurityArgs,
    /// OTLP/gRPC collector to export traces to, e.g. http://otel-collector:4317 ("off" disables); needs a build with `--features otel`.
    #[arg(long, env = "TEXTANALYSIS_OTEL_ENDPOINT")]
    otel_endpoint: Option<String>,
    /// The OpenTelemetry standard variable, used when neither --otel-endpoint
    /// nor TEXTANALYSIS_OTEL_ENDPOINT is set.
    #[arg(long, env = "OTEL_EXPORTER_OTLP_ENDPOINT", hide = true)]
    otel_exporter_otlp_endpoint: Option<String>,
}

/// TLS and bearer-token settings of `serve`.
#[derive(Debug, Args)]
struct SecurityArgs {
    /// PEM certificate chain of the server; turns on TLS (with --tls-key).
    #[arg(long, env = "TEXTANALYSIS_TLS_CERT")]
    tls_cert: Option<PathBuf>,
    /// PEM private key of the server.
    #[arg(long, env = "TEXTANALYSIS_TLS_KEY")]
    tls_key: Option<PathBuf>,
    /// PEM CA certificate(s) for client certificates; turns on mutual TLS.
    #[arg(long, env = "TEXTANALYSIS_TLS_CLIENT_CA")]
    tls_client_ca: Option<PathBuf>,
    /// Client certificate names (subject CN or DNS SAN), comma-separated, allowed to call the analysis RPCs under mutual TLS.
    #[arg(long, env = "TEXTANALYSIS_TLS_ALLOWED_CLIENT_NAMES")]
    tls_allowed_client_names: Option<String>,
    /// File of bearer tokens (`TOKEN` or `TOKEN RPC,RPC` per line); turns on authentication.
    #[arg(long, env = "TEXTANALYSIS_AUTH_TOKENS_FILE")]
    auth_tokens_file: Option<PathBuf>,
    /// Bearer tokens given directly, entries separated by `;` or newlines (prefer the environment).
    #[arg(long, env = "TEXTANALYSIS_AUTH_TOKENS", hide_env_values = true)]
    auth_tokens: Option<String>,
    /// Leave the health service open to callers without a token.
    #[arg(long, env = "TEXTANALYSIS_AUTH_OPEN_HEALTH")]
    auth_open_health: Option<bool>,
    /// Leave server reflection open to callers without a token.
    #[arg(long, env = "TEXTANALYSIS_AUTH_OPEN_REFLECTION")]
    auth_open_reflection: Option<bool>,
}

impl SecurityArgs {
    fn apply(&self, config: &mut Config) {
        if let Some(v) = &self.tls_cert {
            config.tls.cert = Some(v.clone());
        }
        if let Some(v) = &self.tls_key {
            config.tls.key = Some(v.clone());
        }
        if let Some(v) = &self.tls_client_ca {
            config.tls.client_ca = Some(v.clone());
        }
        if let Some(v) = &self.tls_allowed_client_names {
            config.tls.allowed_client_names = Some(
                v.split(',')
                    .map(str::trim)
                    .filter(|name| !name.is_empty())
                    .map(str::to_owned)
                    .collect(),
            );
        }
        if let Some(v) = &self.auth_tokens_file {
            config.auth.tokens_file = Some(v.clone());
        }
        if let Some(v) = &self.auth_tokens {
            config.auth.tokens = v
                .split([';', '\n'])
                .map(str::trim)
                .filter(|line| !line.is_empty())
                .map(str::to_owned)
                .collect();
        }
        if let Some(v) = self.auth_open_health {
            config.auth.open_health = v;
        }
        if let Some(v) = self.auth_open_reflection {
            config.auth.open_reflection = v;
        }
    }
}

#[derive(Debug, Args)]
struct AnalyzeArgs {
    #[command(flatten)]
    common: ConfigArgs,
    /// Treat the files as HTML (default: guess from the content).
    #[arg(long, conflicts_with = "text")]
    html: bool,
    /// Treat the files as plain text.
    #[arg(long)]
    text: bool,
    /// The files are already article bodies: skip cleaning.
    #[arg(long)]
    no_clean: bool,
    /// Files to analyse; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

impl ConfigArgs {
    /// Defaults < config file < environment < flags, then validated.
    fn load(&self) -> Result<Config> {
        let mut config = match &self.config {
            Some(path) => Config::from_file(path)?,
            None => Config::default(),
        };
        if let Some(v) = self.max_input_bytes {
            config.limits.max_input_bytes = v;
        }
        if let Some(v) = self.log_format {
            config.log.format = v;
        }
        if let Some(v) = &self.log_filter {
            config.log.filter.clone_from(v);
        }
        if let Some(v) = self.indirect_quotes {
            config.quotes.indirect = v;
        }
        if let Some(v) = self.max_tokens {
            config.limits.max_tokens = v;
        }
        if let Some(v) = self.max_capitalized_tokens {
            config.limits.max_capitalized_tokens = v;
        }
        if let Some(v) = self.max_quote_marks {
            config.limits.max_quote_marks = v;
        }
        Ok(config)
    }
}

impl ServeArgs {
    fn load(&self) -> Result<Config> {
        let mut config = self.common.load()?;
        let server = &mut config.server;
        if let Some(v) = self.addr {
            server.addr = v;
        }
        if let Some(v) = self.max_message_bytes {
            server.max_message_bytes = v;
        }
        if let Some(v) = self.max_concurrent_analyses {
            server.max_concurrent_analyses = v;
        }
        if let Some(v) = self.stream_concurrency {
            server.stream_concurrency = v;
        }
        if let Some(v) = self.analysis_threads {
            server.analysis_threads = v;
        }
        if let Some(v) = self.max_articles_per_call {
            server.max_articles_per_call = v;
        }
        if let Some(v) = self.shutdown_grace_secs {
            server.shutdown_grace_secs = v;
        }
        if let Some(v) = &self.metrics_addr {
            server.metrics_addr = match v.as_str() {
                "off" | "" => None,
                addr => Some(addr.parse().with_context(|| {
                    format!("--metrics-addr / TEXTANALYSIS_METRICS_ADDR: {addr:?} is not an address or \"off\"")
                })?),
            };
        }
        self.security.apply(&mut config);
        // The standard variable first, so ours (and the flag) win over it.
        let endpoints = [&self.otel_exporter_otlp_endpoint, &self.otel_endpoint];
        for endpoint in endpoints.into_iter().flatten() {
            config.otel.endpoint = match endpoint.trim() {
                "off" | "" => None,
                url => Some(url.to_owned()),
            };
        }
        config.validate()?;
        Ok(config)
    }
}

fn init_tracing(config: &Config) {
    init_tracing_with(config, None::<tracing_subscriber::layer::Identity>);
}

/// Log lines on stderr (filtered by `log.filter`), plus `extra` (the OTel
/// export layer, which filters by itself so the log filter does not hide stages).
fn init_tracing_with<L>(config: &Config, extra: Option<L>)
where
    L: tracing_subscriber::Layer<tracing_subscriber::Registry> + Send + Sync + 'static,
{
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log.filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let lines = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    let lines = match config.log.format {
        LogFormat::Plain => lines.with_filter(filter).boxed(),
        LogFormat::Json => lines.json().with_filter(filter).boxed(),
    };
    tracing_subscriber::registry()
        .with(extra)
        .with(lines)
        .init();
}

/// Parse the command line and run the command.
pub fn run() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => serve(&args),
        Command::Analyze(args) => analyze(&args),
        Command::Train(TrainCommand::Ner(args)) => train_ner(&args),
        Command::Ner(args) => tag_ner(&args),
        Command::Eval(EvalCommand::Ner(args)) => eval_ner(&args),
        Command::Health(args) => health(&args),
        Command::Compare(args) => compare(&args),
        Command::Eval(EvalCommand::Boilerplate(args)) => eval_boilerplate(&args),
        Command::Sentiment(args) => sentiment(&args),
        Command::Eval(EvalCommand::Sentiment {
            data,
            other_rated,
            folds,
        }) => eval_sentiment(&data, &other_rated, folds),
        Command::Train(TrainCommand::Sentiment {
            data,
            other_rated,
            out,
        }) => train_sentiment(&data, &other_rated, &out),
        Command::Eval(EvalCommand::Quotes(args)) => eval_quotes(&args),
        Command::Loadgen(args) => loadgen(&args),
    }
}

fn serve(args: &ServeArgs) -> Result<()> {
    let config = args.load()?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    #[cfg(feature = "otel")]
    let exporter = {
        let _inside = runtime.enter();
        textanalysis::telemetry::Exporter::new(&config.otel)?
    };
    #[cfg(feature = "otel")]
    init_tracing_with(&config, exporter.as_ref().map(|e| e.layer()));
    #[cfg(not(feature = "otel"))]
    init_tracing(&config);
    #[cfg(feature = "otel")]
    if let Some(endpoint) = &config.otel.endpoint {
        tracing::info!(endpoint = %endpoint, "exporting traces over OTLP/gRPC");
    }
    let served = runtime.block_on(textanalysis::grpc::run_server(config));
    // Flush the last spans while the runtime (the exporter's channel) still runs.
    #[cfg(feature = "otel")]
    if let Some(exporter) = exporter {
        exporter.shutdown();
    }
    served.map_err(|err| anyhow::anyhow!(err))
}

/// `health`: exit 0 when SERVING; otherwise exit 1 with exactly one line on
/// stderr saying why (what a probe's event log shows), printed here rather
/// than by `main` so no backtrace or cause list is appended.
fn health(args: &HealthArgs) -> Result<()> {
    if let Err(err) = check_health(args) {
        let reason = format!("{err:#}").replace(['\n', '\r'], " ");
        eprintln!("health check of {} failed: {reason}", args.addr);
        std::process::exit(1);
    }
    Ok(())
}

fn check_health(args: &HealthArgs) -> Result<()> {
    use tonic_health::pb::{health_check_response::ServingStatus, health_client::HealthClient};
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let status = runtime.block_on(async {
        let check = async {
            let channel = health_endpoint(args)?
                .connect()
                .await
                .context("cannot connect")?;
            let mut request = tonic::Request::new(tonic_health::pb::HealthCheckRequest {
                service: args.service.clone(),
            });
            if let Some(token) = &args.token {
                request.metadata_mut().insert(
                    "authorization",
                    format!("Bearer {token}")
                        .parse()
                        .context("the token is not a valid header value")?,
                );
            }
            let response = HealthClient::new(channel)
                .check(request)
                .await
                .map_err(|status| anyhow::anyhow!("{:?}: {}", status.code(), status.message()))?;
            anyhow::Ok(response.into_inner().status)
        };
        tokio::time::timeout(std::time::Duration::from_secs(args.timeout_secs), check)
            .await
            .with_context(|| format!("no answer within {} s", args.timeout_secs))?
    })?;
    let status = ServingStatus::try_from(status).unwrap_or(ServingStatus::Unknown);
    println!("{}", status.as_str_name());
    anyhow::ensure!(
        status == ServingStatus::Serving,
        "{} is {}",
        if args.service.is_empty() {
            "the server"
        } else {
            &args.service
        },
        status.as_str_name()
    );
    Ok(())
}

/// The endpoint of `health`: plain, TLS, or mutual TLS.
fn health_endpoint(args: &HealthArgs) -> Result<tonic::transport::Endpoint> {
    use tonic::transport::{Certificate, ClientTlsConfig, Endpoint, Identity};
    let read = |path: &PathBuf| {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
    };
    let Some(ca) = &args.tls_ca_cert else {
        return Ok(Endpoint::from_shared(format!("http://{}", args.addr))?);
    };
    let domain = args
        .tls_domain
        .clone()
        .unwrap_or_else(|| args.addr.ip().to_string());
    let mut tls = ClientTlsConfig::new()
        .ca_certificate(Certificate::from_pem(read(ca)?))
        .domain_name(domain);
    if let (Some(cert), Some(key)) = (&args.tls_cert, &args.tls_key) {
        tls = tls.identity(Identity::from_pem(read(cert)?, read(key)?));
    }
    Ok(Endpoint::from_shared(format!("https://{}", args.addr))?.tls_config(tls)?)
}

fn eval_quotes(args: &EvalQuotesArgs) -> Result<()> {
    use textanalysis::quotes::eval;
    let pipeline = Pipeline::new(&Config::default())?;
    let extractor = textanalysis::quotes::QuoteExtractor::new()?.with_indirect(args.indirect);
    let scores = eval::evaluate_dir(&pipeline, &extractor, &args.gold_dir, args.oracle_entities)?;
    let mut total = eval::Counts::default();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for file in &scores {
        let c = file.counts;
        writeln!(
            out,
            "{} quotes found={}/{} speaker-right={}/{} unmatched-predictions={}",
            file.path.display(),
            c.found,
            c.gold,
            c.speaker_right,
            c.found,
            c.unmatched
        )?;
        if args.show {
            for line in &file.shown {
                writeln!(out, "  {line}")?;
            }
        }
        total.add(c);
    }
    writeln!(
        out,
        "quotes R={:.3} P={:.3} speaker-acc={:.3}",
        total.recall(),
        total.precision(),
        total.speaker_accuracy()
    )?;
    Ok(())
}

fn analyze(args: &AnalyzeArgs) -> Result<()> {
    let mut config = args.common.load()?;
    config.log.filter = args
        .common
        .log_filter
        .clone()
        .unwrap_or_else(|| "warn".to_owned());
    config.validate()?;
    init_tracing(&config);
    let pipeline = Arc::new(Pipeline::new(&config)?);
    let options = Options {
        skip_cleaning: args.no_clean,
        ..Options::default()
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failures = 0;
    for path in &args.files {
        let (id, content) = read_article(path, args.html, args.text)?;
        let response = match pipeline.analyze(&content, &options) {
            Ok(doc) => convert::response(id, &doc),
            Err(err) => {
                failures += 1;
                eprintln!("{}: {err}", path.display());
                convert::error_response(id, &tonic::Status::from(err))
            }
        };
        let line: pb::AnalyzeResponse = response;
        writeln!(out, "{}", json::to_json_string(&line))?;
    }
    out.flush()?;
    if failures > 0 {
        anyhow::bail!(
            "{failures} of {} files could not be analysed",
            args.files.len()
        );
    }
    Ok(())
}

fn read_input(path: &PathBuf) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        Ok(bytes)
    } else {
        std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
    }
}

/// A file's article id (its name) and content: HTML when forced or when it
/// looks like HTML, text when forced or valid UTF-8, else HTML (charset detection).
fn read_article(path: &PathBuf, force_html: bool, force_text: bool) -> Result<(String, Content)> {
    let bytes = read_input(path)?;
    let content = if force_html || (!force_text && looks_like_html(&bytes)) {
        Content::Html(bytes)
    } else {
        match String::from_utf8(bytes) {
            Ok(text) => Content::Text(text),
            Err(err) => Content::Html(err.into_bytes()),
        }
    };
    let id = path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    Ok((id, content))
}

/// True when the content starts like an HTML document.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<head")
        || head.contains("<body")
}

// --- compare -------------------------------------------------------------

/// Output of `compare`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum CompareFormat {
    /// The CompareCoverageResponse in the proto3 JSON mapping, one line.
    Json,
    /// A human-readable report: tables of speakers and entities per outlet,
    /// statements with their variants and word diffs.
    Markdown,
}

#[derive(Debug, Args)]
struct CompareArgs {
    #[command(flatten)]
    common: ConfigArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: CompareFormat,
    /// Minimum similarity (0..1) for two quotes to render the same statement.
    #[arg(long)]
    min_similarity: Option<f32>,
    /// The files are already article bodies: skip cleaning.
    #[arg(long)]
    no_clean: bool,
    /// Articles about one event; each file's name is its article id.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

fn compare(args: &CompareArgs) -> Result<()> {
    let mut config = args.common.load()?;
    if args.common.log_filter.is_none() {
        config.log.filter = "warn".to_owned();
    }
    config.validate()?;
    init_tracing(&config);
    let pipeline = Pipeline::new(&config)?;
    let mut articles = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let (id, content) = read_article(path, false, false)?;
        anyhow::ensure!(
            !articles.iter().any(|(seen, _)| *seen == id),
            "two files are named {id:?}; article ids must be distinct"
        );
        articles.push((id, Ok(content)));
    }
    let mut settings = textanalysis::compare::Config::default();
    if let Some(v) = args.min_similarity {
        anyhow::ensure!((0.0..=1.0).contains(&v), "--min-similarity must be in 0..1");
        settings.min_similarity = v;
    }
    let options = Options {
        skip_cleaning: args.no_clean,
        ..Options::default()
    };
    let response =
        textanalysis::grpc::compare_articles(&pipeline, articles, &options, &settings, None);
    for failed in response.articles.iter().filter(|a| a.error.is_some()) {
        let reason = failed.error.as_ref().map(|e| e.message.as_str());
        eprintln!("{}: {}", failed.article_id, reason.unwrap_or_default());
    }
    let mut out = std::io::stdout().lock();
    match args.format {
        CompareFormat::Json => writeln!(out, "{}", json::to_json(&response))?,
        CompareFormat::Markdown => write!(
            out,
            "{}",
            textanalysis::compare::report::markdown(&response)
        )?,
    }
    out.flush()?;
    Ok(())
}

// ---- loadgen (issue 8) ----

/// The RPC `loadgen` drives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum LoadgenMode {
    /// One Analyze call per article.
    Unary,
    /// Long-lived AnalyzeStream calls, `--window` articles in flight on each.
    Stream,
}

#[derive(Debug, Args)]
struct LoadgenArgs {
    /// Server address.
    #[arg(long, default_value = "127.0.0.1:50051")]
    addr: String,
    /// Analyses in flight at once.
    #[arg(long, default_value_t = 64)]
    concurrency: usize,
    /// Seconds to keep sending.
    #[arg(long, default_value_t = 10.0)]
    duration: f64,
    /// Unary (Analyze) or streaming (AnalyzeStream) calls.
    #[arg(long, value_enum, default_value = "unary")]
    mode: LoadgenMode,
    /// Stream mode: articles in flight on each stream (streams = concurrency / window).
    #[arg(long, default_value_t = 8)]
    window: usize,
    /// Stream mode: articles sent on one stream before a new one is opened
    /// (at most the server's `server.max_articles_per_call`).
    #[arg(long, default_value_t = 1000)]
    articles_per_stream: usize,
    /// HTTP/2 connections shared by the workers.
    #[arg(long, default_value_t = 1)]
    connections: usize,
    /// Client runtime threads.
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Per-call deadline in seconds.
    #[arg(long, default_value_t = 60.0)]
    timeout: f64,
    /// Print the report as one JSON object.
    #[arg(long)]
    json: bool,
    /// Articles to send round-robin (HTML or text, detected as for `analyze`).
    #[arg(long = "input", required = true, num_args = 1..)]
    input: Vec<PathBuf>,
}

fn loadgen(args: &LoadgenArgs) -> Result<()> {
    use textanalysis::grpc::loadgen;
    let mut articles = Vec::with_capacity(args.input.len());
    for path in &args.input {
        let (id, content) = read_article(path, false, false)?;
        let content = match content {
            Content::Text(text) => pb::article::Content::Text(text),
            Content::Html(html) => pb::article::Content::Html(html),
        };
        articles.push(pb::Article {
            id,
            content: Some(content),
            ..Default::default()
        });
    }
    let seconds = |s: f64, what: &str| {
        std::time::Duration::try_from_secs_f64(s).with_context(|| format!("invalid {what} {s}"))
    };
    let uri = if args.addr.contains("://") {
        args.addr.clone()
    } else {
        format!("http://{}", args.addr)
    };
    let config = loadgen::Config {
        concurrency: args.concurrency,
        duration: seconds(args.duration, "--duration")?,
        mode: match args.mode {
            LoadgenMode::Unary => loadgen::Mode::Unary,
            LoadgenMode::Stream => loadgen::Mode::Stream,
        },
        window: args.window,
        articles_per_stream: args.articles_per_stream,
        connections: args.connections,
        timeout: seconds(args.timeout, "--timeout")?,
        ..loadgen::Config::new(uri, articles)
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(args.threads.max(1))
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    let report = runtime.block_on(loadgen::run(&config))?;
    if args.json {
        println!("{}", report.to_json());
    } else {
        println!("{report}");
    }
    Ok(())
}
// ---- end loadgen ----
