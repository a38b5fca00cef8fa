//! The `textanalysis` binary: parses the command line and dispatches.
#![forbid(unsafe_code)]

mod cli;

fn main() -> anyhow::Result<()> {
    cli::run()
}
