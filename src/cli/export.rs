//! `gardefou export csv`: invoicing CSV on stdout or, atomically, in a file.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};
use gardefou::export::{self, Dialect, ExportRequest, ExportSummary, Layout, RoundingChoice};
use gardefou::i18n::{Locale, format};
use gardefou::model::Rounding;
use gardefou::tr;
use serde_json::json;

use super::Ctx;
use super::args::{self, OrNone};

#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// Sessions as CSV for invoicing (RFC 4180, UTF-8), one row per session.
    Csv(CsvArgs),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// One invoice line per client and rate.
    Client,
}

#[derive(Debug, Args)]
pub struct CsvArgs {
    /// First date (YYYY-MM-DD), included.
    #[arg(long, value_parser = args::date)]
    from: NaiveDate,
    /// Last date (YYYY-MM-DD), included.
    #[arg(long, value_parser = args::date)]
    to: NaiveDate,
    /// Only these clients (repeatable).
    #[arg(long = "client", value_name = "NAME")]
    clients: Vec<String>,
    /// Rounding per session: 6m:up, 15m:nearest, 30m:down or none
    /// (default: the client's rule, else the `rounding` setting).
    #[arg(long, value_name = "RULE", value_parser = args::rounding_or_none)]
    round: Option<OrNone<Rounding>>,
    /// For European spreadsheets: UTF-8 BOM, `;` separator, decimal comma.
    #[arg(long)]
    excel: bool,
    /// One line per client (invoice lines) instead of one per session.
    #[arg(long, value_enum)]
    by: Option<By>,
    /// Write to FILE (atomically) instead of stdout.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

pub fn run(ctx: &mut Ctx, command: ExportCommand) -> anyhow::Result<()> {
    match command {
        ExportCommand::Csv(args) => csv(ctx, args),
    }
}

fn csv(ctx: &mut Ctx, args: CsvArgs) -> anyhow::Result<()> {
    let request = ExportRequest {
        from: args.from,
        to: args.to,
        clients: args.clients,
        rounding: match args.round {
            Some(OrNone(rule)) => RoundingChoice::Forced(rule),
            None => RoundingChoice::Default,
        },
        dialect: if args.excel {
            Dialect::Excel
        } else {
            Dialect::Standard
        },
        layout: match args.by {
            Some(By::Client) => Layout::ByClient,
            None => Layout::Sessions,
        },
    };
    let Some(path) = args.out else {
        // The CSV is the output: --json does not apply to it.
        let stdout = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
        let (mut stdout, _) = export::export_csv(&mut ctx.tracker, &request, stdout)?;
        stdout.flush()?;
        return Ok(());
    };
    let summary = export::export_csv_to_file(&mut ctx.tracker, &request, &path)?;
    if ctx.json {
        return ctx.print_json(&json!({
            "path": path.display().to_string(),
            "rows": summary.rows,
            "seconds": summary.seconds,
            "rounded_seconds": summary.rounded_seconds,
            "amounts": summary.amounts,
        }));
    }
    println!(
        "{}",
        written(&summary, &path.display().to_string(), ctx.locale)
    );
    Ok(())
}

fn written(summary: &ExportSummary, path: &str, l: Locale) -> String {
    let amounts: Vec<String> = summary
        .amounts
        .list()
        .iter()
        .map(|a| format::amount(a.minor, a.currency, l))
        .collect();
    let amounts = if amounts.is_empty() {
        "0".to_string()
    } else {
        amounts.join(" + ")
    };
    tr!(
        l,
        "cli-export-written",
        rows = summary.rows,
        path = path,
        hours = format::duration(summary.rounded_seconds, l),
        amounts = amounts
    )
}
