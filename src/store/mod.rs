//! The SQLite store: the only module with SQL. One connection helper sets every
//! pragma; migrations are append-only and applied at open.

mod alerts;
mod away;
mod clients;
mod migrations;
mod overrides;
mod sessions;
mod settings;

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{DatabaseError, Error, Result};

pub use alerts::*;
pub use away::*;
pub use clients::*;
pub use migrations::{MIGRATIONS, SCHEMA_VERSION};
pub use overrides::*;
pub use sessions::*;
pub use settings::*;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open Gardefou database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating with mode 0600 if missing) the database at `path` and
    /// migrates it. The parent folder must exist. A file that is not a Gardefou
    /// SQLite database is refused, never overwritten.
    pub fn open(path: &Path) -> Result<Self> {
        let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
        if let Some(parent) = parent
            && !parent.is_dir()
        {
            return Err(DatabaseError::MissingFolder {
                path: parent.to_path_buf(),
            }
            .into());
        }
        if path.is_dir() {
            return Err(DatabaseError::IsAFolder {
                path: path.to_path_buf(),
            }
            .into());
        }
        create_private_file(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| not_a_database(path, &e))?;
        let mut store = Self {
            conn,
            path: Some(path.to_path_buf()),
        };
        store.configure().map_err(|e| match e {
            Error::Sqlite(inner) => not_a_database(path, &inner),
            other => other,
        })?;
        store.migrate()?;
        Ok(store)
    }

    /// A private database in memory, for tests.
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        let mut store = Self { conn, path: None };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// A second, read-only connection to the same file, for long reads that
    /// must not hold up this one (WAL: readers and the writer do not block
    /// each other). The file is already open and migrated by `self`.
    pub fn open_reader(&self) -> Result<Self> {
        let Some(path) = &self.path else {
            return Err(DatabaseError::InMemoryNoReader.into());
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        Ok(Self {
            conn,
            path: Some(path.clone()),
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in a read transaction: one consistent snapshot.
    pub fn read<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Deferred)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Runs `f` in one write transaction, taken up front so that concurrent
    /// processes serialise; nothing is written unless `f` succeeds.
    pub fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// The data version SQLite bumps when another connection commits: a cheap
    /// "did anything change?" for front ends that poll.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// Every pragma, in one place.
    fn configure(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY_TIMEOUT)?;
        // Reading the schema first makes a non-SQLite file fail before anything is written.
        self.conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })?;
        if self.path.is_some() {
            let mode: String = self
                .conn
                .query_row("PRAGMA journal_mode=WAL", [], |r| r.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(DatabaseError::NoWal { mode }.into());
            }
        }
        // FULL: an acknowledged start/stop survives a power cut, even in WAL mode.
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        migrations::apply(&mut self.conn)
    }
}

/// Creates the file with mode 0600 if it does not exist yet (SQLite gives its
/// -wal and -shm files the same mode).
fn create_private_file(path: &Path) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(DatabaseError::CannotCreate {
            path: path.to_path_buf(),
            reason: e.to_string(),
        }
        .into()),
    }
}

fn not_a_database(path: &Path, error: &rusqlite::Error) -> Error {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => DatabaseError::NotSqlite {
            path: path.to_path_buf(),
        }
        .into(),
        _ => DatabaseError::CannotOpen {
            path: path.to_path_buf(),
            reason: error.to_string(),
        }
        .into(),
    }
}

/// Column helpers shared by the per-table modules.
pub(crate) mod columns {
    use chrono::{DateTime, Utc};
    use uuid::Uuid;

    pub fn instant(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).unwrap_or_default()
    }

    pub fn uuid(text: &str) -> rusqlite::Result<Uuid> {
        Uuid::parse_str(text).map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
        })
    }

    pub fn conversion(message: String) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, message.into())
    }
}
