//! The export and import dialogs' vocabulary: what the window sends (text,
//! parsed by the core) and what it gets back (figures already written in the
//! user's language by `gardefou::i18n::format`). Nothing is decided here.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use gardefou::export::plan::{DateRange, Presets};
use gardefou::export::{Dialect, ExportRequest, ExportSummary, Layout, RoundingChoice};
use gardefou::i18n::{Locale, format};
use gardefou::import::{
    ClientFrom, Format, ImportRequest, ImportSummary, OnOverlap, OverlapWith, SkipReason,
};
use gardefou::model::{Client, parse_zone};
use gardefou::when::parse_date;
use serde::{Deserialize, Serialize};

/// An export as the dialog asks for it.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportArgs {
    /// `YYYY-MM-DD`, both included.
    pub from: String,
    pub to: String,
    /// Client ids; empty: every client.
    #[serde(default)]
    pub client_ids: Vec<String>,
    /// `15m:up`, `none`, or empty for each client's own rule (else the setting).
    #[serde(default)]
    pub rounding: String,
    /// BOM, `;` and decimal comma, for European spreadsheets.
    #[serde(default)]
    pub excel: bool,
    /// One line per client instead of one per session.
    #[serde(default)]
    pub by_client: bool,
}

/// The export written to `path` (the one the save dialog gave).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportFileArgs {
    pub export: ExportArgs,
    pub path: String,
}

impl ExportArgs {
    pub fn request(&self) -> gardefou::Result<ExportRequest> {
        let rounding = self.rounding.trim();
        Ok(ExportRequest {
            from: parse_date(&self.from)?,
            to: parse_date(&self.to)?,
            clients: self.client_ids.clone(),
            rounding: if rounding.is_empty() {
                RoundingChoice::Default
            } else {
                RoundingChoice::parse(rounding)?
            },
            dialect: if self.excel {
                Dialect::Excel
            } else {
                Dialect::Standard
            },
            layout: if self.by_client {
                Layout::ByClient
            } else {
                Layout::Sessions
            },
        })
    }
}

/// Two `YYYY-MM-DD` dates, both included.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RangeView {
    pub from: String,
    pub to: String,
}

impl From<DateRange> for RangeView {
    fn from(range: DateRange) -> Self {
        Self {
            from: range.from.to_string(),
            to: range.to.to_string(),
        }
    }
}

/// A client the export can be limited to.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportClient {
    pub id: String,
    pub name: String,
    pub archived: bool,
}

/// What the export dialog offers.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportOptions {
    pub this_week: RangeView,
    pub last_week: RangeView,
    pub this_month: RangeView,
    pub last_month: RangeView,
    /// Archived ones too: their history can still be invoiced.
    pub clients: Vec<ExportClient>,
    /// The `rounding` setting (`none`, `15m:up`), what "each client's rule" falls back to.
    pub default_rounding: String,
    /// The Excel variant is preselected where spreadsheets expect it (French).
    pub excel: bool,
}

pub fn export_options_view(
    presets: Presets,
    clients: &[Client],
    settings: &gardefou::settings::Settings,
) -> ExportOptions {
    ExportOptions {
        this_week: presets.this_week.into(),
        last_week: presets.last_week.into(),
        this_month: presets.this_month.into(),
        last_month: presets.last_month.into(),
        clients: clients
            .iter()
            .map(|c| ExportClient {
                id: c.id.to_string(),
                name: c.name.clone(),
                archived: c.archived,
            })
            .collect(),
        default_rounding: settings
            .rounding
            .map_or_else(|| "none".to_string(), |r| r.to_string()),
        excel: settings.locale == Locale::Fr,
    }
}

/// What the file holds, as the window says it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ExportDone {
    pub path: String,
    pub rows: u64,
    pub rounded_seconds: i64,
    /// The rounded hours (`12 h 30` / `12 h 30`).
    pub hours: String,
    /// One amount per currency (`562.50 EUR` / `562,50 €`).
    pub amounts: Vec<String>,
}

pub fn export_done(summary: &ExportSummary, path: &std::path::Path, l: Locale) -> ExportDone {
    ExportDone {
        path: path.display().to_string(),
        rows: summary.rows,
        rounded_seconds: summary.rounded_seconds,
        hours: format::duration(summary.rounded_seconds, l),
        amounts: summary
            .amounts
            .list()
            .iter()
            .map(|a| format::amount(a.minor, a.currency, l))
            .collect(),
    }
}

/// Which picker the import's source needs.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportSourceArgs {
    /// `toggl`, `clockify`, `watson` or `timewarrior`.
    pub format: String,
}

/// An import as the wizard asks for it (the CLI's options).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportArgs {
    pub format: String,
    pub path: String,
    /// `client` or `project`.
    #[serde(default)]
    pub client_from: String,
    /// An IANA zone; empty: the configured one.
    #[serde(default)]
    pub timezone: String,
    /// Timewarrior: the tag prefix that names the client (`client:`).
    #[serde(default)]
    pub client_tag: String,
    /// `skip` or `stop`.
    #[serde(default)]
    pub on_overlap: String,
}

const FORMATS: &[&str] = &["toggl", "clockify", "watson", "timewarrior"];

pub fn import_format(text: &str) -> gardefou::Result<Format> {
    text.parse().map_err(|()| {
        gardefou::Error::invalid(
            "format",
            text,
            gardefou::error::Problem::NotOneOf { choices: FORMATS },
        )
    })
}

impl ImportArgs {
    pub fn request(&self, dry_run: bool) -> gardefou::Result<ImportRequest> {
        let zone = self.timezone.trim();
        Ok(ImportRequest {
            format: import_format(&self.format)?,
            path: PathBuf::from(self.path.trim()),
            timezone: if zone.is_empty() {
                None
            } else {
                Some(parse_zone(zone)?)
            },
            client_from: if self.client_from == "project" {
                ClientFrom::Project
            } else {
                ClientFrom::Client
            },
            client_tag: Some(self.client_tag.trim().to_string()).filter(|t| !t.is_empty()),
            on_overlap: if self.on_overlap == "skip" {
                OnOverlap::Skip
            } else {
                OnOverlap::Stop
            },
            dry_run,
        })
    }
}

/// How far an import has read (bytes of the source), sent as `import-progress`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportProgress {
    pub done: u64,
    pub total: u64,
}

/// One client of an import.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportClientView {
    pub name: String,
    /// Created by this import (or would be, in the preview).
    pub created: bool,
    /// The rate the source gave (`45,00 €`), empty when none.
    pub rate: String,
    pub sessions: u64,
    pub hours: String,
}

/// An entry left out of the import, and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SkippedView {
    pub file: String,
    pub line: u64,
    pub client: String,
    /// `YYYY-MM-DD HH:MM` in the import's zone.
    pub start: String,
    /// `zero_length`, `running` or `overlap`.
    pub reason: String,
    /// For an overlap with a stored session: its number, client and start.
    pub other_number: Option<i64>,
    pub other_client: Option<String>,
    pub other_start: Option<String>,
    /// For an overlap with another entry of the import: its line.
    pub other_line: Option<u64>,
}

/// What an import did, or (a preview) would do.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ImportView {
    pub dry_run: bool,
    pub timezone: String,
    pub files: Vec<String>,
    /// Sessions written (or that would be).
    pub sessions: u64,
    pub seconds: i64,
    pub hours: String,
    /// `YYYY-MM-DD HH:MM` in the import's zone; none when nothing is imported.
    pub from: Option<String>,
    pub to: Option<String>,
    pub clients: Vec<ImportClientView>,
    pub clients_created: u64,
    pub already_imported: u64,
    pub skipped: Vec<SkippedView>,
    pub overlaps: u64,
    /// A preview with overlaps and "stop on overlap": the import would refuse.
    pub would_stop: bool,
}

pub fn import_view(s: &ImportSummary, l: Locale) -> ImportView {
    let tz = s.timezone;
    let local = |t: DateTime<Utc>| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string();
    let overlaps = s.overlaps().count() as u64;
    ImportView {
        dry_run: s.dry_run,
        timezone: tz.name().to_string(),
        files: s.files.iter().map(|f| f.display().to_string()).collect(),
        sessions: s.imported,
        seconds: s.seconds,
        hours: format::duration(s.seconds, l),
        from: s.first_start.map(local),
        to: s.last_end.map(local),
        clients: s
            .clients
            .iter()
            .map(|c| ImportClientView {
                name: c.name.clone(),
                created: c.created,
                rate: if c.rate_minor > 0 {
                    format::amount(c.rate_minor, c.currency, l)
                } else {
                    String::new()
                },
                sessions: c.sessions,
                hours: format::duration(c.seconds, l),
            })
            .collect(),
        clients_created: s.clients.iter().filter(|c| c.created).count() as u64,
        already_imported: s.already_imported,
        skipped: s
            .skipped
            .iter()
            .map(|k| {
                let mut view = SkippedView {
                    file: k.file.display().to_string(),
                    line: k.line,
                    client: k.client.clone(),
                    start: local(k.start),
                    reason: k.reason.as_str().to_string(),
                    other_number: None,
                    other_client: None,
                    other_start: None,
                    other_line: None,
                };
                match &k.reason {
                    SkipReason::Overlap(OverlapWith::Stored {
                        number,
                        client,
                        start,
                        ..
                    }) => {
                        view.other_number = Some(*number);
                        view.other_client = Some(client.clone());
                        view.other_start = Some(local(*start));
                    }
                    SkipReason::Overlap(OverlapWith::Imported { line, .. }) => {
                        view.other_line = Some(*line);
                    }
                    SkipReason::ZeroLength | SkipReason::Running => {}
                }
                view
            })
            .collect(),
        overlaps,
        would_stop: s.dry_run && s.on_overlap == OnOverlap::Stop && overlaps > 0,
    }
}
