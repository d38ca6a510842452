//! Why an import stopped. Every variant names the file and, where there is
//! one, the line; nothing was written when one of these is returned.
//! The English sentences live here, in one place, until they move to the
//! message catalogue.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use thiserror::Error;

/// What a cell or a line holds that cannot be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    Date,
    Time,
    Duration,
    Amount,
    Timestamp,
    /// A local time the clocks skip (a DST jump forward) in the import's zone.
    LocalTimeGap,
    /// A line that is not valid CSV, JSON or Timewarrior syntax.
    Syntax,
    /// Bytes that are not UTF-8.
    Encoding,
    /// A header cell or currency code that is not an ISO 4217 code.
    Currency,
    /// A billable flag that is neither yes nor no.
    Flag,
}

impl Unreadable {
    fn describe(self) -> &'static str {
        match self {
            Self::Date => "is not a date",
            Self::Time => "is not a time of day",
            Self::Duration => "is not a duration",
            Self::Amount => "is not an amount",
            Self::Timestamp => "is not a timestamp",
            Self::LocalTimeGap => "does not exist in this time zone (the clocks jump forward then)",
            Self::Syntax => "cannot be read",
            Self::Encoding => "is not UTF-8 text",
            Self::Currency => "is not a currency code",
            Self::Flag => "is neither yes nor no",
        }
    }
}

/// An import that stopped; the database is as it was.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{} cannot be read: {error}", path.display())]
    Io {
        path: PathBuf,
        // Not a `#[source]`: the sentence already says it (no repetition in the CLI's chain).
        error: std::io::Error,
    },
    #[error("{} holds no {format} data (looked for {expected})", path.display())]
    NothingToRead {
        path: PathBuf,
        format: &'static str,
        expected: &'static str,
    },
    #[error("{}: the header has no column '{column}' (is this a {format} export?)", file.display())]
    MissingColumn {
        file: PathBuf,
        format: &'static str,
        column: &'static str,
    },
    #[error("{}, line {line}: {column} '{value}' {}", file.display(), reason.describe())]
    BadValue {
        file: PathBuf,
        line: u64,
        column: String,
        value: String,
        reason: Unreadable,
    },
    #[error("{}, line {line}: the entry ends ({end}) before it starts ({start})", file.display())]
    EndBeforeStart {
        file: PathBuf,
        line: u64,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    },
    #[error("{}, line {line}: {error}", file.display())]
    Rejected {
        file: PathBuf,
        line: u64,
        error: Box<crate::Error>,
    },
    #[error(
        "{}, line {line}: the entry {start} – {end} overlaps {}; nothing was imported (skip overlapping entries to import the rest)",
        file.display(), other.describe()
    )]
    Overlap {
        file: PathBuf,
        line: u64,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        other: OverlapWith,
    },
}

/// What an imported entry overlaps.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OverlapWith {
    /// A session that was in the database before this import.
    Stored {
        number: i64,
        client: String,
        start: DateTime<Utc>,
        end: Option<DateTime<Utc>>,
    },
    /// An entry of this same import.
    Imported { file: PathBuf, line: u64 },
}

impl OverlapWith {
    fn describe(&self) -> String {
        match self {
            Self::Stored {
                number,
                client,
                start,
                ..
            } => format!("session {number} ({client}, started {start})"),
            Self::Imported { file, line } => {
                format!("the entry on line {line} of {}", file.display())
            }
        }
    }
}
