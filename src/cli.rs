//! Command line: `serve` runs the gRPC service, `analyze` prints one
//! AnalyzeResponse per file in the proto3 JSON mapping.

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use std::io::{Read, Write};
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
    /// Score a stage on an evaluation data set.
    #[command(subcommand)]
    Eval(EvalCommand),
}

/// `eval` subcommands: one per stage.
#[derive(Debug, Subcommand)]
enum EvalCommand {
    /// Boilerplate removal on an article-extraction benchmark split (html and text variants).
    Boilerplate(EvalBoilerplateArgs),
}

// --- eval boilerplate ---
#[derive(Debug, Args)]
struct EvalBoilerplateArgs {
    /// Split folder: ground-truth.json, html/ID.html.gz, text/ID.txt.
    dir: PathBuf,
    /// Also write predictions as {id: {"articleBody": ...}} to DIR/html.json and DIR/text.json.
    #[arg(long)]
    pred_dir: Option<PathBuf>,
}

fn eval_boilerplate(args: &EvalBoilerplateArgs) -> Result<()> {
    use textanalysis::clean::{eval, Cleaner};
    let pages = eval::load_pages(&args.dir)?;
    let cleaner = Cleaner::new();
    let reports = [
        ("html", eval::evaluate_html(&cleaner, &pages)),
        ("text", eval::evaluate_text(&cleaner, &pages)),
    ];
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
        Command::Eval(EvalCommand::Boilerplate(args)) => eval_boilerplate(&args),
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
