//! Imports from other trackers: Toggl Track and Clockify (detailed CSV
//! exports), Watson (`frames`), Timewarrior (its data directory).
//!
//! Readers turn a source into [`Entry`] values and know nothing of the
//! database; [`crate::Tracker::import`] writes them in one transaction.

mod clockify;
mod csv_export;
mod csv_table;
mod entry;
mod error;
mod fingerprint;
mod local_time;
mod summary;
mod timewarrior;
mod toggl;
mod watson;

use std::path::{Path, PathBuf};
use std::str::FromStr;

use chrono_tz::Tz;

pub use entry::{ClientFrom, Entry, NO_CLIENT, Origin, Rate, gardefou_tags};
pub use error::{ImportError, OverlapWith, Unreadable};
pub use fingerprint::fingerprint;
pub use summary::{ClientTally, ImportSummary, SkipReason, Skipped};

/// The trackers Gardefou reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Toggl,
    Clockify,
    Watson,
    Timewarrior,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Toggl => "toggl",
            Self::Clockify => "clockify",
            Self::Watson => "watson",
            Self::Timewarrior => "timewarrior",
        }
    }
}

impl FromStr for Format {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        match s.to_ascii_lowercase().as_str() {
            "toggl" => Ok(Self::Toggl),
            "clockify" => Ok(Self::Clockify),
            "watson" => Ok(Self::Watson),
            "timewarrior" | "timew" => Ok(Self::Timewarrior),
            _ => Err(()),
        }
    }
}

/// What to do with an entry that overlaps a stored or an imported session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OnOverlap {
    /// Skip it and list it in the summary.
    Skip,
    /// Import nothing.
    #[default]
    Stop,
}

/// An import as the user asks for it.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub format: Format,
    pub path: PathBuf,
    /// The zone of times without an offset; the configured zone when absent.
    pub timezone: Option<Tz>,
    pub client_from: ClientFrom,
    /// Timewarrior: the prefix of the tag that names the client (`client:`).
    pub client_tag: Option<String>,
    pub on_overlap: OnOverlap,
    /// Read and check everything, write nothing.
    pub dry_run: bool,
}

/// The files an import reads, in order, and their total size (for progress).
pub fn source_files(format: Format, path: &Path) -> Result<(Vec<PathBuf>, u64), ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        error: source,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    let files = if metadata.is_file() {
        vec![path.to_path_buf()]
    } else {
        let (dir, keep): (PathBuf, fn(&str) -> bool) = match format {
            Format::Toggl | Format::Clockify => {
                (path.into(), |n| n.to_ascii_lowercase().ends_with(".csv"))
            }
            Format::Watson => (path.into(), |n| n == "frames"),
            Format::Timewarrior => {
                let data = path.join("data");
                let dir = if data.is_dir() {
                    data
                } else {
                    path.to_path_buf()
                };
                (dir, is_timewarrior_month)
            }
        };
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(io)?
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_file())
            .filter(|e| e.file_name().to_str().is_some_and(keep))
            .map(|e| e.path())
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(ImportError::NothingToRead {
                path: path.to_path_buf(),
                format: format.as_str(),
            });
        }
        files
    };
    let mut total = 0;
    for file in &files {
        total += std::fs::metadata(file)
            .map_err(|source| ImportError::Io {
                path: file.clone(),
                error: source,
            })?
            .len();
    }
    Ok((files, total))
}

/// `2024-03.data`.
fn is_timewarrior_month(name: &str) -> bool {
    let bytes = name.as_bytes();
    name.len() == 12
        && name.ends_with(".data")
        && bytes[4] == b'-'
        && bytes[..4]
            .iter()
            .chain(&bytes[5..7])
            .all(u8::is_ascii_digit)
}

/// Every entry of every file, in order. Files are opened one at a time.
pub fn read_entries(
    request: &ImportRequest,
    files: Vec<PathBuf>,
    tz: Tz,
) -> impl Iterator<Item = Result<Entry, ImportError>> {
    let request = request.clone();
    let mut base = 0u64;
    files.into_iter().flat_map(move |file| {
        let size = std::fs::metadata(&file).map_or(0, |m| m.len());
        let reader = open_reader(&request, &file, tz, base);
        base += size;
        let boxed: Box<dyn Iterator<Item = Result<Entry, ImportError>>> = match reader {
            Ok(reader) => reader,
            Err(e) => Box::new(std::iter::once(Err(e))),
        };
        boxed
    })
}

fn open_reader(
    request: &ImportRequest,
    file: &Path,
    tz: Tz,
    base: u64,
) -> Result<Box<dyn Iterator<Item = Result<Entry, ImportError>>>, ImportError> {
    Ok(match request.format {
        Format::Toggl => Box::new(csv_export::CsvExportReader::open(
            &toggl::LAYOUT,
            file,
            tz,
            request.client_from,
            base,
        )?),
        Format::Clockify => Box::new(csv_export::CsvExportReader::open(
            &clockify::LAYOUT,
            file,
            tz,
            request.client_from,
            base,
        )?),
        Format::Watson => Box::new(watson::WatsonReader::open(file, base)?),
        Format::Timewarrior => Box::new(timewarrior::TimewarriorReader::open(
            file,
            base,
            request.client_tag.clone(),
        )?),
    })
}
