//! What a database file turns out to be before Gardefou writes a byte to it.
//! Every check here only reads: a file that fails one is left exactly as it was
//! (same bytes, same modification time).

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, ErrorCode};

use super::migrations::SCHEMA_VERSION;
use crate::error::{DatabaseError, Error, Result, WriteCause};

/// The tables every Gardefou schema has had since version 1.
const GARDEFOU_TABLES: &[&str] = &["clients", "sessions", "settings"];

/// SQLite's 16-byte file signature.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// A failed write of `path`, told by its cause. Errors that are not about
/// writing (a refusal, a damaged file) are returned as they are.
pub fn write_error(path: &Path, error: Error) -> Error {
    let cause = match &error {
        Error::Io(e) => match e.kind() {
            std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded => {
                WriteCause::DiskFull
            }
            std::io::ErrorKind::ReadOnlyFilesystem => WriteCause::ReadOnly,
            std::io::ErrorKind::PermissionDenied => WriteCause::Denied,
            _ => WriteCause::Other {
                reason: e.to_string(),
            },
        },
        Error::Sqlite(e) => match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => WriteCause::DiskFull,
            Some(ErrorCode::ReadOnly) => WriteCause::ReadOnly,
            Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => WriteCause::Denied,
            _ => WriteCause::Other {
                reason: e.to_string(),
            },
        },
        _ => return error,
    };
    Error::Write {
        path: path.to_path_buf(),
        cause,
    }
}

/// A database write that failed for lack of room or rights, told as such;
/// any other error is returned as it is.
pub fn storage_error(path: &Path, error: Error) -> Error {
    match &error {
        // SQLite could not grow its shared-memory file: no room left.
        Error::Sqlite(rusqlite::Error::SqliteFailure(e, _))
            if e.extended_code == rusqlite::ffi::SQLITE_IOERR_SHMSIZE =>
        {
            Error::Write {
                path: path.to_path_buf(),
                cause: WriteCause::DiskFull,
            }
        }
        Error::Sqlite(e)
            if matches!(
                e.sqlite_error_code(),
                Some(ErrorCode::DiskFull | ErrorCode::ReadOnly | ErrorCode::PermissionDenied)
            ) =>
        {
            write_error(path, error)
        }
        Error::Io(_) => write_error(path, error),
        _ => error,
    }
}

/// A database Gardefou could not write to (a read-only mount, no rights) is
/// told as such before SQLite reports "unable to open database file".
pub fn check_writable(path: &Path) -> Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)
        .map(drop)
        .map_err(|e| write_error(path, Error::Io(e)))
}

impl DatabaseError {
    /// Whether restoring a backup is the way out (as opposed to updating
    /// Gardefou or pointing it at another file).
    pub fn restore_helps(&self) -> bool {
        matches!(self, Self::Damaged { .. } | Self::CutShort { .. })
    }
}

/// Looks at the first bytes without SQLite: a file that is not SQLite at all
/// never reaches the library. An empty or missing file is a new database.
pub fn check_signature(path: &Path) -> Result<(), DatabaseError> {
    let Ok(mut file) = std::fs::File::open(path) else {
        return Ok(()); // missing or unreadable: opening reports it
    };
    let mut head = [0u8; 100];
    let mut read = 0;
    while read < head.len() {
        match file.read(&mut head[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(_) => return Ok(()),
        }
    }
    if read == 0 {
        return Ok(());
    }
    if read < 16 || &head[..16] != SQLITE_MAGIC {
        return Err(DatabaseError::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    if read < head.len() {
        return Err(DatabaseError::CutShort {
            path: path.to_path_buf(),
            bytes: read,
        });
    }
    Ok(())
}

/// How far `examine` looks into the pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pages {
    /// Not at all: the file is the one recorded as checked (see `verified`).
    Trusted,
    /// The structural `quick_check` (an open of a file not checked yet).
    Quick,
    /// The full `integrity_check` (a backup about to be restored).
    Thorough,
}

/// Reads what the open connection holds: a new file, a Gardefou database of
/// this schema or an older one, or a problem. Runs only read statements.
pub fn examine(conn: &Connection, path: &Path, pages: Pages) -> Result<i64> {
    let sqlite = |e: rusqlite::Error| classify(path, e);
    let tables: Vec<String> = (|| {
        let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table'")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
    })()
    .map_err(sqlite)?;
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(sqlite)?;
    if version == 0 && tables.is_empty() {
        return Ok(0); // a new database
    }
    if version == 0
        || !GARDEFOU_TABLES
            .iter()
            .all(|t| tables.iter().any(|n| n == t))
    {
        return Err(DatabaseError::NotGardefou {
            path: path.to_path_buf(),
        }
        .into());
    }
    if version > SCHEMA_VERSION {
        return Err(DatabaseError::NewerSchema {
            found: version,
            known: SCHEMA_VERSION,
        }
        .into());
    }
    let pragma = match pages {
        Pages::Trusted => return Ok(version),
        Pages::Quick => "PRAGMA quick_check(5)",
        Pages::Thorough => "PRAGMA integrity_check(5)",
    };
    let findings: Vec<String> = (|| {
        let mut stmt = conn.prepare(pragma)?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
    })()
    .map_err(sqlite)?;
    if findings != ["ok"] {
        return Err(DatabaseError::Damaged {
            path: path.to_path_buf(),
            detail: summarise(&findings),
        }
        .into());
    }
    Ok(version)
}

/// SQLite's findings on one line, without its banner, at most ~200 characters.
fn summarise(findings: &[String]) -> String {
    let mut text = findings
        .iter()
        .flat_map(|f| f.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("***"))
        .collect::<Vec<_>>()
        .join("; ");
    if text.len() > 200 {
        let cut = (0..=200)
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(0);
        text.truncate(cut);
        text.push('…');
    }
    text
}

/// Maps an SQLite error met while reading a file to what it says about the
/// file; other errors (a lock, an I/O error) stay what they are.
pub fn classify(path: &Path, error: rusqlite::Error) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => DatabaseError::NotSqlite {
            path: path.to_path_buf(),
        }
        .into(),
        Some(ErrorCode::DatabaseCorrupt) => DatabaseError::Damaged {
            path: path.to_path_buf(),
            detail: error.to_string(),
        }
        .into(),
        _ => error.into(),
    }
}
