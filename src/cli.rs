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
    Serve(ServeArgs),
    /// Analyse files and print one JSON AnalyzeResponse per line.
    Analyze(AnalyzeArgs),
    /// Score sentiment of standard-input lines; one JSON object per line.
    Sentiment(SentimentArgs),
    /// Evaluate a stage on the shared data.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a stage's model from the shared data.
    #[command(subcommand)]
    Train(TrainCommand),
}

// ---- sentiment (issue 6) ----
#[derive(Debug, Args)]
struct SentimentArgs {
    /// Input lines are `{"text": ..., "targets": [[start, end], ...]}` (code-point offsets).
    #[arg(long)]
    jsonl: bool,
}

#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// NYT snippets (Pearson, Spearman, 3-class) and NewsMTSC dev rw/mt.
    Sentiment {
        /// The sentiment data folder.
        #[arg(long, default_value = "../shared/data/sentiment")]
        data: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
enum TrainCommand {
    /// Train the sentiment models (fixed seed) and write the model file.
    Sentiment {
        /// The sentiment data folder.
        #[arg(long, default_value = "../shared/data/sentiment")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "data/sentiment/model.bin")]
        out: PathBuf,
    },
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

fn eval_command(command: &EvalCommand) -> Result<()> {
    match command {
        EvalCommand::Sentiment { data } => {
            let scorer = textanalysis::sentiment::SentimentScorer::new()?;
            let report = textanalysis::sentiment::evaluate(&scorer, data)?;
            println!("{report}");
        }
    }
    Ok(())
}

fn train_command(command: &TrainCommand) -> Result<()> {
    match command {
        TrainCommand::Sentiment { data, out } => {
            let bytes = textanalysis::sentiment::train(data)?;
            std::fs::write(out, &bytes)
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
        }
    }
    Ok(())
}
// ---- end sentiment ----

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
    /// Articles accepted in one stream or comparison.
    #[arg(long, env = "TEXTANALYSIS_MAX_ARTICLES_PER_CALL")]
    max_articles_per_call: Option<usize>,
    /// Seconds to drain in-flight calls after SIGTERM/SIGINT.
    #[arg(long, env = "TEXTANALYSIS_SHUTDOWN_GRACE_SECS")]
    shutdown_grace_secs: Option<u64>,
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
        if let Some(v) = self.max_articles_per_call {
            server.max_articles_per_call = v;
        }
        if let Some(v) = self.shutdown_grace_secs {
            server.shutdown_grace_secs = v;
        }
        config.validate()?;
        Ok(config)
    }
}

fn init_tracing(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_new(&config.log.filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match config.log.format {
        LogFormat::Plain => builder.init(),
        LogFormat::Json => builder.json().init(),
    }
}

/// Parse the command line and run the command.
pub fn run() -> Result<()> {
    let cli = Cli::parse();
    match cli.command {
        Command::Serve(args) => {
            let config = args.load()?;
            init_tracing(&config);
            let runtime = tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .context("cannot start the async runtime")?;
            runtime
                .block_on(textanalysis::grpc::run_server(config))
                .map_err(|err| anyhow::anyhow!(err))
        }
        Command::Analyze(args) => analyze(&args),
        Command::Sentiment(args) => sentiment(&args),
        Command::Eval(command) => eval_command(&command),
        Command::Train(command) => train_command(&command),
    }
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
        let bytes = read_input(path)?;
        let content = if args.html || (!args.text && looks_like_html(&bytes)) {
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
        let response = match pipeline.analyze(&content, &options) {
            Ok(doc) => convert::response(id, &doc),
            Err(err) => {
                failures += 1;
                eprintln!("{}: {err}", path.display());
                convert::error_response(id, &tonic::Status::from(err))
            }
        };
        let line: pb::AnalyzeResponse = response;
        writeln!(out, "{}", json::to_json(&line))?;
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

/// True when the content starts like an HTML document.
fn looks_like_html(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]).to_ascii_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.contains("<head")
        || head.contains("<body")
}
