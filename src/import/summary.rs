//! What an import did (or, with a dry run, would do): plain data for the
//! front ends to print.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::error::OverlapWith;
use super::{Format, OnOverlap};
use crate::money::Currency;

/// The import's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub format: Format,
    pub dry_run: bool,
    pub on_overlap: OnOverlap,
    /// The zone times without an offset were read in.
    pub timezone: Tz,
    pub files: Vec<PathBuf>,
    /// Per client, in order of first appearance.
    pub clients: Vec<ClientTally>,
    /// Sessions written (or that would be).
    pub imported: u64,
    /// Entries already imported before (same fingerprint): not written again.
    pub already_imported: u64,
    /// Entries that are not sessions (zero length, still running) or overlap.
    pub skipped: Vec<Skipped>,
    pub first_start: Option<DateTime<Utc>>,
    pub last_end: Option<DateTime<Utc>>,
    /// Tracked seconds of the imported sessions.
    pub seconds: i64,
}

/// One client of the import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientTally {
    pub name: String,
    /// Created by this import.
    pub created: bool,
    pub rate_minor: i64,
    pub currency: Currency,
    pub sessions: u64,
    pub seconds: i64,
}

/// An entry left out, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub file: PathBuf,
    pub line: u64,
    pub client: String,
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SkipReason {
    /// Starts and ends at the same second.
    ZeroLength,
    /// Still running in the other tracker: stop it there and export again.
    Running,
    /// Overlaps a session (with `--on-overlap skip`, or in a dry run).
    Overlap(OverlapWith),
}

impl SkipReason {
    pub fn as_str(&self) -> &'static str {
        match self {
            Self::ZeroLength => "zero_length",
            Self::Running => "running",
            Self::Overlap(_) => "overlap",
        }
    }
}

impl ImportSummary {
    pub fn overlaps(&self) -> impl Iterator<Item = &Skipped> {
        self.skipped
            .iter()
            .filter(|s| matches!(s.reason, SkipReason::Overlap(_)))
    }
}
