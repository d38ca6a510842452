//! Why an import stopped. Every variant names the file and, where there is
//! one, the line; nothing was written when one of these is returned. The
//! sentences come from the catalogue (`import-*` in core.ftl).

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::error::ErrorKind;
use crate::i18n::Locale;
use crate::tr;

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

/// An import that stopped; the database is as it was.
#[derive(Debug)]
pub enum ImportError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// A folder without the files of this format.
    NothingToRead { path: PathBuf, format: &'static str },
    MissingColumn {
        file: PathBuf,
        format: &'static str,
        column: &'static str,
    },
    BadValue {
        file: PathBuf,
        line: u64,
        column: String,
        value: String,
        reason: Unreadable,
    },
    EndBeforeStart {
        file: PathBuf,
        line: u64,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        zone: Tz,
    },
    /// A value the core refuses (a note too long, an instant before 1971, ...).
    Rejected {
        file: PathBuf,
        line: u64,
        error: Box<crate::Error>,
    },
    /// An overlap with `--on-overlap stop`.
    Overlap {
        file: PathBuf,
        line: u64,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        zone: Tz,
        other: OverlapWith,
    },
}

impl ImportError {
    /// The kind front ends switch on.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Io { .. } | Self::NothingToRead { .. } => ErrorKind::Io,
            Self::MissingColumn { .. } | Self::BadValue { .. } => ErrorKind::InvalidValue,
            Self::EndBeforeStart { .. } => ErrorKind::EndBeforeStart,
            Self::Rejected { error, .. } => error.kind(),
            Self::Overlap { .. } => ErrorKind::Overlap,
        }
    }

    /// The sentence for the user, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        let at = |t: &DateTime<Utc>, zone: &Tz| {
            t.with_timezone(zone).format("%Y-%m-%d %H:%M").to_string()
        };
        match self {
            Self::Io { path, error } => tr!(
                l,
                "import-io",
                path = path.display().to_string(),
                reason = error.to_string()
            ),
            Self::NothingToRead { path, format } => {
                let path = path.display().to_string();
                match *format {
                    "watson" => tr!(l, "import-nothing-watson", path = path),
                    "timewarrior" => tr!(l, "import-nothing-timewarrior", path = path),
                    _ => tr!(l, "import-nothing-csv", path = path, format = *format),
                }
            }
            Self::MissingColumn {
                file,
                format,
                column,
            } => tr!(
                l,
                "import-missing-column",
                file = file.display().to_string(),
                format = *format,
                column = *column
            ),
            Self::BadValue {
                file,
                line,
                column,
                value,
                reason,
            } => {
                let (file, line) = (file.display().to_string(), *line);
                // Every unreadable value is told the same way: file, line, column, value.
                macro_rules! say {
                    ($id:literal) => {
                        tr!(
                            l,
                            $id,
                            file = file,
                            line = line,
                            column = column,
                            value = value
                        )
                    };
                }
                match reason {
                    Unreadable::Date => say!("import-bad-date"),
                    Unreadable::Time => say!("import-bad-time"),
                    Unreadable::Duration => say!("import-bad-duration"),
                    Unreadable::Amount => say!("import-bad-amount"),
                    Unreadable::Timestamp => say!("import-bad-timestamp"),
                    Unreadable::LocalTimeGap => say!("import-bad-local-time"),
                    Unreadable::Currency => say!("import-bad-currency"),
                    Unreadable::Flag => say!("import-bad-flag"),
                    Unreadable::Syntax => tr!(l, "import-bad-syntax", file = file, line = line),
                    Unreadable::Encoding => tr!(l, "import-bad-encoding", file = file, line = line),
                }
            }
            Self::EndBeforeStart {
                file,
                line,
                start,
                end,
                zone,
            } => tr!(
                l,
                "import-end-before-start",
                file = file.display().to_string(),
                line = *line,
                start = at(start, zone),
                end = at(end, zone)
            ),
            Self::Rejected { file, line, error } => tr!(
                l,
                "import-rejected",
                file = file.display().to_string(),
                line = *line,
                reason = error.message(l)
            ),
            Self::Overlap {
                file,
                line,
                start,
                end,
                zone,
                other,
            } => {
                let (file, line) = (file.display().to_string(), *line);
                let (start, end) = (at(start, zone), at(end, zone));
                match other {
                    OverlapWith::Stored {
                        number,
                        client,
                        start: other_start,
                        ..
                    } => tr!(
                        l,
                        "import-overlap-stored",
                        file = file,
                        line = line,
                        start = start,
                        end = end,
                        number = *number,
                        client = client,
                        other = at(other_start, zone)
                    ),
                    OverlapWith::Imported {
                        file: other_file,
                        line: other_line,
                    } => tr!(
                        l,
                        "import-overlap-imported",
                        file = file,
                        line = line,
                        start = start,
                        end = end,
                        other_line = *other_line,
                        other_file = other_file.display().to_string()
                    ),
                }
            }
        }
    }
}

/// English, for logs; people see [`ImportError::message`] in their language.
impl std::fmt::Display for ImportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for ImportError {}

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
