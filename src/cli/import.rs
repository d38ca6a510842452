//! `gardefou import toggl|clockify|watson|timewarrior FILE_OR_DIR`: parsing,
//! the progress bar and the summary. The import itself is the core's.

use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use clap::{Args, ValueEnum};
use gardefou::i18n::{Locale, format};
use gardefou::import::{
    ClientFrom, Format, ImportRequest, ImportSummary, OnOverlap, OverlapWith, SkipReason,
};
use gardefou::model::parse_zone;
use gardefou::tr;
use gardefou::when::rfc3339_in;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};

use super::Ctx;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Toggl Track's detailed CSV export.
    Toggl,
    /// Clockify's detailed CSV export.
    Clockify,
    /// Watson's `frames` file (or its data folder).
    Watson,
    /// A Timewarrior data folder (`data/YYYY-MM.data`).
    Timewarrior,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClientFromArg {
    /// The Client column (the project where it is empty).
    Client,
    /// The Project column (the client where it is empty).
    Project,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OnOverlapArg {
    /// Leave overlapping entries out and list them.
    Skip,
    /// Import nothing (the default).
    Stop,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Which tracker the data comes from.
    #[arg(value_enum)]
    format: FormatArg,
    /// The export file, or a folder of them (a Timewarrior or Watson data folder).
    #[arg(value_name = "FILE_OR_DIR")]
    path: PathBuf,
    /// Show what would be imported; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Zone of times written without an offset (default: the `timezone` setting).
    #[arg(long, value_name = "TZ", value_parser = zone)]
    timezone: Option<Tz>,
    /// Which column names the client in CSV exports.
    #[arg(
        long,
        value_enum,
        value_name = "client|project",
        default_value = "client"
    )]
    client_from: ClientFromArg,
    /// Timewarrior: the tag starting with this prefix names the client
    /// (`--client-tag client:` reads `client:Acme`); default: the first tag.
    #[arg(long, value_name = "PREFIX")]
    client_tag: Option<String>,
    /// What to do with entries that overlap a session.
    #[arg(long, value_enum, value_name = "skip|stop", default_value = "stop")]
    on_overlap: OnOverlapArg,
}

fn zone(text: &str) -> Result<Tz, String> {
    parse_zone(text).map_err(super::errors::for_usage)
}

pub fn run(ctx: &mut Ctx, args: ImportArgs) -> anyhow::Result<()> {
    let request = ImportRequest {
        format: match args.format {
            FormatArg::Toggl => Format::Toggl,
            FormatArg::Clockify => Format::Clockify,
            FormatArg::Watson => Format::Watson,
            FormatArg::Timewarrior => Format::Timewarrior,
        },
        path: args.path,
        timezone: args.timezone,
        client_from: match args.client_from {
            ClientFromArg::Client => ClientFrom::Client,
            ClientFromArg::Project => ClientFrom::Project,
        },
        client_tag: args.client_tag.filter(|t| !t.is_empty()),
        on_overlap: match args.on_overlap {
            OnOverlapArg::Skip => OnOverlap::Skip,
            OnOverlapArg::Stop => OnOverlap::Stop,
        },
        dry_run: args.dry_run,
    };
    let bar = progress_bar(ctx.json, ctx.locale);
    let result = ctx.tracker.import(&request, &mut |done, total| {
        if let Some(bar) = &bar {
            bar.set_length(total);
            bar.set_position(done);
        }
    });
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let summary = result?;
    if ctx.json {
        return ctx.print_json(&summary_json(&summary));
    }
    print!("{}", summary_text(&summary, ctx.locale));
    Ok(())
}

/// `gardefou rebuild-totals`.
pub fn rebuild_totals(ctx: &mut Ctx) -> anyhow::Result<()> {
    let rows = ctx.tracker.rebuild_session_buckets()?;
    if ctx.json {
        return ctx.print_json(&json!({ "rows": rows }));
    }
    println!("{}", tr!(ctx.locale, "cli-rebuild-totals", rows = rows));
    Ok(())
}

/// A bar on stderr, only for a person watching (a terminal, no `--json`).
fn progress_bar(json: bool, l: Locale) -> Option<ProgressBar> {
    if json || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    let label = tr!(l, "cli-import-progress");
    // indicatif's placeholders around the catalogue's label.
    let template = format!("{{spinner}} {label} [{{bar:30}}] {{percent:>3}}%");
    if let Ok(style) = ProgressStyle::with_template(&template) {
        bar.set_style(style.progress_chars("=> "));
    }
    Some(bar)
}

fn summary_json(s: &ImportSummary) -> Value {
    let tz = s.timezone;
    let instant = |t: Option<DateTime<Utc>>| t.map(|t| rfc3339_in(t, tz));
    json!({
        "dry_run": s.dry_run,
        "format": s.format,
        "on_overlap": s.on_overlap,
        "timezone": tz.name(),
        "files": s.files.iter().map(|f| f.display().to_string()).collect::<Vec<_>>(),
        "imported": s.imported,
        "already_imported": s.already_imported,
        "seconds": s.seconds,
        "first_start": instant(s.first_start),
        "last_end": instant(s.last_end),
        "clients": s.clients.iter().map(|c| json!({
            "name": c.name,
            "created": c.created,
            "rate_minor": c.rate_minor,
            "currency": c.currency,
            "sessions": c.sessions,
            "seconds": c.seconds,
        })).collect::<Vec<_>>(),
        "skipped": s.skipped.iter().map(|k| {
            let mut item = json!({
                "file": k.file.display().to_string(),
                "line": k.line,
                "client": k.client,
                "start": rfc3339_in(k.start, tz),
                "end": instant(k.end),
                "reason": k.reason.as_str(),
            });
            if let SkipReason::Overlap(with) = &k.reason {
                item["overlaps"] = match with {
                    OverlapWith::Stored { number, client, start, end } => json!({
                        "session": number,
                        "client": client,
                        "start": rfc3339_in(*start, tz),
                        "end": instant(*end),
                    }),
                    OverlapWith::Imported { file, line } => json!({
                        "file": file.display().to_string(),
                        "line": line,
                    }),
                };
            }
            item
        }).collect::<Vec<_>>(),
    })
}

// ---- text ------------------------------------------------------------------

fn summary_text(s: &ImportSummary, l: Locale) -> String {
    let tz = s.timezone;
    let day = |t: DateTime<Utc>| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string();
    let mut lines = Vec::new();
    let hours = format::duration(s.seconds, l);
    let sessions = s.imported;
    lines.push(match (s.dry_run, s.first_start, s.last_end) {
        (true, Some(from), Some(to)) => tr!(
            l,
            "cli-import-dry-run",
            sessions = sessions,
            from = day(from),
            to = day(to),
            hours = hours
        ),
        (true, _, _) => tr!(l, "cli-import-dry-run-nothing"),
        (false, Some(from), Some(to)) => tr!(
            l,
            "cli-import-done",
            sessions = sessions,
            from = day(from),
            to = day(to),
            hours = hours
        ),
        (false, _, _) => tr!(l, "cli-import-nothing"),
    });
    for c in &s.clients {
        let (name, sessions, hours) = (&c.name, c.sessions, format::duration(c.seconds, l));
        // Indented under the first line (Fluent trims a message's leading spaces).
        lines.push(format!(
            "  {}",
            match (c.created, c.rate_minor > 0) {
                (true, true) => tr!(
                    l,
                    "cli-import-client-new-rate",
                    name = name,
                    rate = format::amount(c.rate_minor, c.currency, l),
                    sessions = sessions,
                    hours = hours
                ),
                (true, false) => tr!(
                    l,
                    "cli-import-client-new",
                    name = name,
                    sessions = sessions,
                    hours = hours
                ),
                (false, _) => tr!(
                    l,
                    "cli-import-client",
                    name = name,
                    sessions = sessions,
                    hours = hours
                ),
            }
        ));
    }
    if s.already_imported > 0 {
        lines.push(tr!(l, "cli-import-already", count = s.already_imported));
    }
    if !s.skipped.is_empty() {
        lines.push(tr!(l, "cli-import-left-out", count = s.skipped.len()));
        for k in &s.skipped {
            let (file, line) = (k.file.display().to_string(), k.line);
            let (client, start) = (&k.client, day(k.start));
            lines.push(format!(
                "  {}",
                match &k.reason {
                    SkipReason::ZeroLength => tr!(
                        l,
                        "cli-import-skip-zero",
                        file = file,
                        line = line,
                        client = client,
                        start = start
                    ),
                    SkipReason::Running => tr!(
                        l,
                        "cli-import-skip-running",
                        file = file,
                        line = line,
                        client = client,
                        start = start
                    ),
                    SkipReason::Overlap(OverlapWith::Stored {
                        number,
                        client: other,
                        start: other_start,
                        ..
                    }) => tr!(
                        l,
                        "cli-import-skip-overlap-stored",
                        file = file,
                        line = line,
                        client = client,
                        start = start,
                        number = *number,
                        other = other,
                        other_start = day(*other_start)
                    ),
                    SkipReason::Overlap(OverlapWith::Imported {
                        line: other_line, ..
                    }) => tr!(
                        l,
                        "cli-import-skip-overlap-imported",
                        file = file,
                        line = line,
                        client = client,
                        start = start,
                        other_line = *other_line
                    ),
                }
            ));
        }
    }
    if s.dry_run && s.on_overlap == OnOverlap::Stop && s.overlaps().next().is_some() {
        lines.push(tr!(l, "cli-import-would-stop"));
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}
