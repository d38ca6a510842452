//! What a database file turns out to be before Gardefou writes a byte to it.
//! Every check here only reads: a file that fails one is left exactly as it was
//! (same bytes, same modification time).

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode};

use super::migrations::SCHEMA_VERSION;
use crate::error::{Error, Result};

/// The tables every Gardefou schema has had since version 1.
const GARDEFOU_TABLES: &[&str] = &["clients", "sessions", "settings"];

/// SQLite's 16-byte file signature.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// A database file Gardefou will not use, and why. The file was not modified.
/// (English text in one place, until the message catalogue takes it.)
#[derive(Debug, thiserror::Error)]
pub enum FileProblem {
    #[error("{} is not a Gardefou database (not SQLite); it was left untouched", path.display())]
    NotSqlite { path: PathBuf },
    #[error(
        "{} is a SQLite file of another program, not a Gardefou database; it was left untouched",
        path.display()
    )]
    Foreign { path: PathBuf },
    #[error(
        "{} is a Gardefou database but it is damaged ({detail}); it was left untouched. Restore a backup of it",
        path.display()
    )]
    Damaged { path: PathBuf, detail: String },
    #[error(
        "{} was written by a newer Gardefou (schema {found}, this one knows {known}); it was left untouched. Update Gardefou",
        path.display()
    )]
    Newer {
        path: PathBuf,
        found: i64,
        known: i64,
    },
}

impl FileProblem {
    pub fn path(&self) -> &Path {
        match self {
            Self::NotSqlite { path }
            | Self::Foreign { path }
            | Self::Damaged { path, .. }
            | Self::Newer { path, .. } => path,
        }
    }

    /// Whether restoring a backup is the way out (as opposed to updating
    /// Gardefou or pointing it at another file).
    pub fn restore_helps(&self) -> bool {
        matches!(self, Self::Damaged { .. })
    }
}

/// Looks at the first bytes without SQLite: a file that is not SQLite at all
/// never reaches the library. An empty or missing file is a new database.
pub fn check_signature(path: &Path) -> Result<(), FileProblem> {
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
        return Err(FileProblem::NotSqlite {
            path: path.to_path_buf(),
        });
    }
    if read < head.len() {
        return Err(FileProblem::Damaged {
            path: path.to_path_buf(),
            detail: format!("it is cut short: {read} bytes"),
        });
    }
    Ok(())
}

/// Reads what the open connection holds: a new file, a Gardefou database of
/// this schema or an older one, or a problem. Runs only read statements.
/// `thorough` runs the full `integrity_check` (restore), else the quicker
/// structural `quick_check` (every open).
pub fn examine(conn: &Connection, path: &Path, thorough: bool) -> Result<i64> {
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
        return Err(FileProblem::Foreign {
            path: path.to_path_buf(),
        }
        .into());
    }
    if version > SCHEMA_VERSION {
        return Err(FileProblem::Newer {
            path: path.to_path_buf(),
            found: version,
            known: SCHEMA_VERSION,
        }
        .into());
    }
    let pragma = if thorough {
        "PRAGMA integrity_check(5)"
    } else {
        "PRAGMA quick_check(5)"
    };
    let findings: Vec<String> = (|| {
        let mut stmt = conn.prepare(pragma)?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<Vec<String>>>()
    })()
    .map_err(sqlite)?;
    if findings != ["ok"] {
        return Err(FileProblem::Damaged {
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
        Some(ErrorCode::NotADatabase) => FileProblem::NotSqlite {
            path: path.to_path_buf(),
        }
        .into(),
        Some(ErrorCode::DatabaseCorrupt) => FileProblem::Damaged {
            path: path.to_path_buf(),
            detail: error.to_string(),
        }
        .into(),
        _ => error.into(),
    }
}
