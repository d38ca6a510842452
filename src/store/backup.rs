//! The SQL side of backups: a consistent copy of a live database, what a copy
//! holds, and putting a copy's pages back into the live file.
//! (Files, names and retention live in `crate::backup`.)

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::{Store, check, columns};
use crate::error::{Error, Result};

/// What a Gardefou database holds, in a few figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contents {
    pub schema: i64,
    /// Every client, archived ones included.
    pub clients: i64,
    /// Sessions not deleted.
    pub sessions: i64,
    /// The start of the latest session not deleted.
    pub last_session_start: Option<DateTime<Utc>>,
}

impl Contents {
    pub fn is_empty(&self) -> bool {
        self.clients == 0 && self.sessions == 0
    }
}

/// Reads the figures of a Gardefou database (one read statement each).
pub fn contents(conn: &Connection) -> Result<Contents> {
    let schema = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    let clients = conn.query_row("SELECT count(*) FROM clients", [], |r| r.get(0))?;
    let (sessions, last): (i64, Option<i64>) = conn.query_row(
        "SELECT count(*), max(start_at) FROM sessions WHERE deleted_at IS NULL",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(Contents {
        schema,
        clients,
        sessions,
        last_session_start: last.map(columns::instant),
    })
}

/// Opens a file that should be a Gardefou backup, read-only, and checks it
/// fully (`integrity_check`, schema not newer). Nothing is written to it.
pub fn open_backup_file(path: &Path) -> Result<(Connection, Contents)> {
    check::check_signature(path)?;
    if !path.is_file() {
        return Err(Error::Io(std::io::Error::new(
            std::io::ErrorKind::NotFound,
            format!("{} does not exist", path.display()),
        )));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| check::classify(path, e))?;
    let version = check::examine(&conn, path, check::Pages::Thorough)?;
    if version == 0 {
        return Err(crate::error::DatabaseError::NotGardefou {
            path: path.to_path_buf(),
        }
        .into());
    }
    let contents = contents(&conn).map_err(|e| match e {
        Error::Sqlite(inner) => check::classify(path, inner),
        other => other,
    })?;
    Ok((conn, contents))
}

impl Store {
    /// Writes a consistent copy of the database into `target`, which must not
    /// exist or be empty. `VACUUM INTO` reads in one transaction: writers in
    /// other processes go on, and the copy is the state of one instant.
    pub fn copy_into(&self, target: &Path) -> Result<()> {
        copy_connection_into(&self.conn, target)
    }

    /// What this database holds.
    pub fn contents(&mut self) -> Result<Contents> {
        self.read(contents)
    }

    /// Replaces every page of this database by those of `source`, in one write
    /// transaction: other processes see the old content or the new, never a
    /// mix. Then migrates, if `source` has an older schema.
    pub fn replace_with(&mut self, source: &Connection) -> Result<()> {
        {
            let backup = Backup::new(source, &mut self.conn)?;
            let mut waits = 0;
            loop {
                match backup.step(-1)? {
                    StepResult::Done => break,
                    StepResult::More => {}
                    // Another process holds the lock: wait as a writer would.
                    StepResult::Busy | StepResult::Locked if waits < 100 => {
                        waits += 1;
                        std::thread::sleep(Duration::from_millis(100));
                    }
                    _ => {
                        return Err(Error::Sqlite(rusqlite::Error::SqliteFailure(
                            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                            Some("the database stayed locked by another process".into()),
                        )));
                    }
                }
            }
        }
        self.migrate()
    }
}

/// `VACUUM INTO` from a connection outside any transaction (the daily backup).
pub fn copy_connection_into(conn: &Connection, target: &Path) -> Result<()> {
    let target = utf8(target)?;
    conn.execute("VACUUM INTO ?1", [target])?;
    Ok(())
}

/// A copy of the database file at `source`, read through a connection of its
/// own (the migration runner holds the write lock on its connection).
pub fn copy_file_into(source: &Path, target: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        source,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(super::BUSY_TIMEOUT)?;
    copy_connection_into(&conn, target)
}

fn utf8(path: &Path) -> Result<&str> {
    path.to_str().ok_or_else(|| {
        Error::Io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!("{} is not a UTF-8 path", path.display()),
        ))
    })
}
