//! The `gardefou` command line. Parsing (clap) and printing live here; every
//! decision is the core's.

mod args;
mod backup;
mod boundaries;
mod clients;
mod decisions;
mod errors;
mod export;
mod help;
mod import;
mod output;
mod recover;
mod report;
mod report_text;
mod sessions;
mod settings;
mod timer;
mod usage;
mod watch;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context as _;
use clap::{FromArgMatches as _, Parser, Subcommand};
use gardefou::Tracker;
use gardefou::clock::{Clock, FixedClock, SystemClock};
use gardefou::i18n::Locale;
use gardefou::paths::resolve_db_path;
use gardefou::tr;

/// `GARDEFOU_NOW` (RFC 3339), when set, is the CLI's "now".
const NOW_ENV: &str = "GARDEFOU_NOW";

/// Gardefou: track billable time per client, and keep your limits.
#[derive(Debug, Parser)]
#[command(name = "gardefou", version, about, propagate_version = true)]
pub struct Cli {
    /// Database file (default: the platform data folder; also GARDEFOU_DB).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Print machine-readable JSON on stdout (seconds and minor units).
    #[arg(long, global = true)]
    json: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Add, list, edit or archive clients.
    #[command(subcommand)]
    Client(clients::ClientCommand),
    /// Start a timer for a client (stops the running one).
    Start(timer::StartArgs),
    /// Stop the running timer.
    Stop(timer::StopArgs),
    /// Show the running timer.
    Status,
    /// Answer the question about a timer nobody watched (a crash, a power cut).
    Recover(recover::RecoverArgs),
    /// Record a past session.
    Add(sessions::AddArgs),
    /// List sessions (default: this week).
    Log(sessions::LogArgs),
    /// Change a session (by number or id).
    Edit(sessions::EditArgs),
    /// Delete a session (it can be restored).
    Rm(sessions::HandleArgs),
    /// Bring back a deleted session.
    RestoreSession(sessions::HandleArgs),
    /// Show or change settings.
    #[command(subcommand)]
    Settings(settings::SettingsCommand),
    /// Evaluate the boundaries now; print newly fired alerts.
    Check,
    /// Keep checking the boundaries and send native notifications.
    Watch,
    /// Boundaries crossed on purpose, with the reasons.
    Overrides(boundaries::OverridesArgs),
    /// The week's summary, or totals per client.
    #[command(subcommand)]
    Report(report::ReportCommand),
    /// Export sessions for invoicing.
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// What the weekly review decided, per client.
    Decisions(decisions::DecisionsArgs),
    /// Answer the week's question about a client: keep, renegotiate, raise the rate or end.
    Decide(decisions::DecideArgs),
    /// Write a consistent copy of the database to FILE, or list the automatic backups.
    Backup(backup::BackupArgs),
    /// Put a backup back (checked first; the replaced database is kept).
    Restore(backup::RestoreArgs),
    /// Import history from Toggl, Clockify, Watson or Timewarrior.
    Import(import::ImportArgs),
    /// Recount the per-day figures kept for reports from the sessions
    /// (they are kept automatically; for a database edited by hand).
    RebuildTotals,
}

/// What every command gets: the core, the output mode and the language.
pub struct Ctx {
    pub tracker: Tracker,
    pub json: bool,
    pub locale: Locale,
}

impl Ctx {
    /// Prints one JSON document on stdout.
    pub fn print_json<T: serde::Serialize>(&self, value: &T) -> anyhow::Result<()> {
        print_json(value)
    }

    /// Prints one compact JSON document on one line, flushed (streams such as `watch`).
    pub fn print_json_line<T: serde::Serialize>(&self, value: &T) -> anyhow::Result<()> {
        let mut stdout = std::io::stdout().lock();
        serde_json::to_writer(&mut stdout, value)?;
        writeln!(stdout)?;
        stdout.flush()?;
        Ok(())
    }
}

/// Prints one JSON document on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, value)?;
    writeln!(stdout)?;
    Ok(())
}

pub fn run() -> ExitCode {
    // The system's language until the database says otherwise (the help and
    // the usage errors come before it is open).
    let mut locale = Locale::from_env();
    // A command line that parses never needs the spoken tree (building and
    // translating it costs every command a millisecond): only a help page or
    // a wrong command line parses again, in the user's words.
    let parsed = Cli::try_parse().or_else(|_| {
        help::command(locale)
            .try_get_matches()
            .and_then(|matches| Cli::from_arg_matches(&matches))
    });
    let cli = match parsed {
        Ok(cli) => cli,
        // A wrong command line: clap found it, the catalogue says it (exit 2).
        Err(error) if error.use_stderr() && !shows_help(&error) => {
            eprintln!("gardefou: {}", usage::describe(&error, locale));
            return ExitCode::from(2);
        }
        // `--help`, `--version`, or a command given without its subcommand:
        // the (spoken) page, from clap.
        Err(error) => error.exit(),
    };
    match execute(cli, &mut locale) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let refused = matches!(
                errors::core_error(&error),
                Some(gardefou::Error::Refused { .. })
            );
            eprintln!("gardefou: {}", errors::describe(&error, locale));
            ExitCode::from(if refused { 3 } else { 1 })
        }
    }
}

fn execute(cli: Cli, locale: &mut Locale) -> anyhow::Result<()> {
    let clock = clock_from_env(*locale)?;
    let path = resolve_db_path(cli.db)?;
    // These two handle a damaged or missing database themselves.
    let command = match cli.command {
        Command::Backup(args) => return backup::backup(&path, clock, cli.json, locale, args),
        Command::Restore(args) => return backup::restore(&path, clock, cli.json, locale, args),
        other => other,
    };
    let mut tracker = Tracker::open(&path, clock)?;
    *locale = tracker.settings()?.locale;
    let mut ctx = Ctx {
        tracker,
        json: cli.json,
        locale: *locale,
    };
    let result = run_command(&mut ctx, command);
    // A daily backup that failed never blocks the change; it is still told.
    if let Some(warning) = ctx.tracker.take_backup_warning() {
        let reason = warning.message(ctx.locale);
        eprintln!(
            "gardefou: {}",
            tr!(ctx.locale, "cli-warning-backup", reason = reason)
        );
    }
    result
}

fn run_command(ctx: &mut Ctx, command: Command) -> anyhow::Result<()> {
    match command {
        Command::Backup(_) | Command::Restore(_) => Ok(()), // handled before opening
        Command::Client(command) => clients::run(ctx, command),
        Command::Start(args) => timer::start(ctx, args),
        Command::Stop(args) => timer::stop(ctx, args),
        Command::Status => timer::status(ctx),
        Command::Recover(args) => recover::recover(ctx, args),
        Command::Add(args) => sessions::add(ctx, args),
        Command::Log(args) => sessions::log(ctx, args),
        Command::Edit(args) => sessions::edit(ctx, args),
        Command::Rm(args) => sessions::remove(ctx, args),
        Command::RestoreSession(args) => sessions::restore(ctx, args),
        Command::Settings(command) => settings::run(ctx, command),
        Command::Check => boundaries::check(ctx),
        Command::Watch => watch::watch(ctx),
        Command::Overrides(args) => boundaries::overrides(ctx, args),
        Command::Report(command) => report::run(ctx, command),
        Command::Export(command) => export::run(ctx, command),
        Command::Import(args) => import::run(ctx, args),
        Command::RebuildTotals => import::rebuild_totals(ctx),
        Command::Decisions(args) => decisions::list(ctx, args),
        Command::Decide(args) => decisions::decide(ctx, args),
    }
}

fn clock_from_env(locale: Locale) -> anyhow::Result<Arc<dyn Clock>> {
    match std::env::var(NOW_ENV) {
        Ok(text) if !text.trim().is_empty() => {
            let now = chrono::DateTime::parse_from_rfc3339(text.trim())
                .with_context(|| tr!(locale, "cli-bad-now", variable = NOW_ENV, value = &text))?;
            Ok(Arc::new(FixedClock::new(now.with_timezone(&chrono::Utc))))
        }
        _ => Ok(Arc::new(SystemClock)),
    }
}

fn shows_help(error: &clap::Error) -> bool {
    error.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
}

/// `gardefou log | head` closes our stdout early: not an error worth a message.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(|e| e.io_error_kind())
                .is_some_and(|k| k == std::io::ErrorKind::BrokenPipe)
    })
}
