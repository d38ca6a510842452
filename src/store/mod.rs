//! The SQLite store: the only module with SQL. One connection helper sets every
//! pragma; migrations are append-only and applied at open.

mod alerts;
mod away;
mod backup;
mod check;
mod clients;
mod decisions;
mod migrations;
mod overrides;
mod plans;
mod session_buckets;
mod sessions;
mod settings;
mod verified;

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::error::{DatabaseError, Error, Result};

pub use alerts::*;
pub use away::*;
pub use backup::*;
pub use check::{check_signature, write_error};
pub use clients::*;
pub use decisions::*;
pub use migrations::{MIGRATIONS, SCHEMA_VERSION};
pub use overrides::*;
pub use plans::{QueryPlan, hot_query_plans};
pub use session_buckets::*;
pub use sessions::*;
pub use settings::*;

/// Pages of write-ahead log after which a commit copies it into the file
/// (SQLite's default is 1000). Each process opening the database alone reads
/// the whole log to index it: a small log keeps that under a millisecond.
const WAL_PAGES: i64 = 256;

/// How long a writer waits for another process's transaction before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// An open Gardefou database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    /// The daily backup taken before the first write of a day (files only).
    daily: Option<crate::backup::Daily>,
    /// Records the file as checked once the connection has closed. After
    /// `conn`: fields drop in order, and closing may change the file.
    verified: Option<verified::Keeper>,
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
        // Nothing below writes before the file has proven to be ours.
        check::check_signature(path)?;
        Self::open_checked(path).map_err(|e| check::storage_error(path, e))
    }

    fn open_checked(path: &Path) -> Result<Self> {
        create_private_file(path)?;
        check::check_writable(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| check::classify(path, e))?;
        let mut store = Self {
            conn,
            path: Some(path.to_path_buf()),
            daily: None,
            verified: None,
        };
        store.conn.busy_handler(Some(wait_briefly))?;
        store.verified = Some(examine_once(&store.conn, path)?);
        make_private(path)?;
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// A private database in memory, for tests.
    pub fn open_in_memory() -> Result<Self> {
        let conn = Connection::open_in_memory()?;
        let mut store = Self {
            conn,
            path: None,
            daily: None,
            verified: None,
        };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    /// Takes a daily backup before the first write of each day (see
    /// `crate::backup::Daily`). Front ends turn it on; tests of the store do not.
    pub fn enable_daily_backups(&mut self, daily: crate::backup::Daily) {
        if self.path.is_some() {
            self.daily = Some(daily);
        }
    }

    /// A daily backup that failed since the last call: the write went on, the
    /// user should still be told.
    pub fn take_backup_warning(&mut self) -> Option<Error> {
        self.daily
            .as_mut()
            .and_then(crate::backup::Daily::take_warning)
    }

    /// A second, read-only connection to the same file, for long reads that
    /// must not hold up this one (WAL: readers and the writer do not block
    /// each other). The file is already open and migrated by `self`.
    pub fn open_reader(&self) -> Result<Self> {
        let Some(path) = &self.path else {
            return Err(DatabaseError::InMemoryNoReader.into());
        };
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_handler(Some(wait_briefly))?;
        Ok(Self {
            conn,
            path: Some(path.clone()),
            daily: None,
            verified: None,
        })
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs `f` in a read transaction: one consistent snapshot.
    pub fn read<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Deferred)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        self.notice_damage(result)
    }

    /// A page SQLite found damaged: the file is no longer recorded as
    /// checked, so the next open runs `quick_check` and says so.
    fn notice_damage<T>(&mut self, result: Result<T>) -> Result<T> {
        if let Err(Error::Sqlite(e)) = &result
            && matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
            )
            && let Some(keeper) = self.verified.as_mut()
        {
            keeper.checked = None;
            verified::forget(&keeper.db);
        }
        result
    }

    /// Runs `f` in one write transaction, taken up front so that concurrent
    /// processes serialise; nothing is written unless `f` succeeds.
    pub fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        if let (Some(daily), Some(path)) = (self.daily.as_mut(), self.path.as_deref()) {
            daily.before_write(&self.conn, path);
        }
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        })();
        let result = self.notice_damage(result);
        // A full disk or a read-only folder is told as such (the transaction
        // was rolled back: the database is as it was before the change).
        match (result, self.path.as_deref()) {
            (Err(e), Some(path)) => Err(check::storage_error(path, e)),
            (result, _) => result,
        }
    }

    /// Runs `f` exactly like [`Store::write`], then rolls everything back: a
    /// dry run sees what the write would do and leaves the database as it was.
    pub fn rehearse<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.rollback()?;
        Ok(out)
    }

    /// Copies the write-ahead log into the database and empties it. After a
    /// large import the log holds the whole history: left there, the next
    /// process to open the database would pay for it.
    pub fn checkpoint(&mut self) -> Result<()> {
        empty_log(&self.conn)
    }

    /// Rewrites the file without free space, its tables and indexes packed
    /// (SQLite's VACUUM, then the log emptied). Needs room on the disk for a
    /// copy of the database.
    pub fn compact(&mut self) -> Result<()> {
        compact(&self.conn)
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
        self.conn.busy_handler(Some(wait_briefly))?;
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
        if self.path.is_some() {
            // The log stays when a process closes, instead of being copied
            // into the file and deleted at every command's end: that took four
            // more `fsync`s per command (the checkpoint's two, then the new
            // log's header and folder). The log is copied in every
            // `WAL_PAGES` pages, at import ends and by `gardefou backup`.
            self.conn
                .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
            self.conn
                .pragma_update(None, "wal_autocheckpoint", WAL_PAGES)?;
        }
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        Ok(())
    }

    fn migrate(&mut self) -> Result<()> {
        let path = self.path.clone();
        migrations::apply(&mut self.conn, path.as_deref())
    }
}

/// Copies the write-ahead log into the database file and empties it.
fn empty_log(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// Rewrites the file without free space, its tables and indexes packed
/// (SQLite's VACUUM; in WAL mode the copy goes through the log, which is
/// then emptied): after a rebuilding migration and after a large import.
fn compact(conn: &Connection) -> Result<()> {
    // The copy is built in memory, not in a temporary file written then read back.
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    let vacuumed = conn.execute_batch("VACUUM");
    conn.pragma_update(None, "temp_store", "DEFAULT")?;
    vacuumed?;
    empty_log(conn)
}

/// Copies what the write-ahead log holds into the database file, as far as
/// readers allow (never waits for them).
pub fn fold_log_in(conn: &Connection) -> Result<()> {
    conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()))?;
    Ok(())
}

/// `check::examine` of a file being opened, without reading every page when
/// the file is the one recorded after its last check (`verified`): then only
/// Gardefou changed it since. A file that passes is recorded as checked.
fn examine_once(conn: &Connection, path: &Path) -> Result<verified::Keeper> {
    let identity = verified::Identity::of(path);
    let pages = match identity {
        Some(id) if verified::recorded(path) == Some(id) => check::Pages::Trusted,
        _ => check::Pages::Quick,
    };
    if let Err(e) = check::examine(conn, path, pages) {
        verified::forget(path);
        return Err(e);
    }
    if let (Some(id), check::Pages::Quick) = (identity, pages) {
        verified::record(path, id);
    }
    Ok(verified::Keeper {
        db: path.to_path_buf(),
        checked: identity,
    })
}

/// One wait for another process's lock. SQLite's own busy timeout backs off
/// to 100 ms sleeps: under contention a waiter keeps waking up after the lock
/// was taken again, and can wait seconds for locks held a millisecond each.
const BUSY_STEP: Duration = Duration::from_millis(1);

/// The busy handler: short even waits, `BUSY_TIMEOUT` in all, then give up
/// (the caller gets SQLITE_BUSY).
fn wait_briefly(attempts: i32) -> bool {
    let limit = BUSY_TIMEOUT.as_millis() / BUSY_STEP.as_millis();
    if u128::try_from(attempts).map_or(true, |a| a >= limit) {
        return false;
    }
    std::thread::sleep(BUSY_STEP);
    true
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
        Err(e) => Err(check::write_error(path, Error::Io(e))),
    }
}

/// The database is the user's alone (it may have been created by an older
/// version, or copied in, with wider rights). SQLite gives the -wal and -shm
/// files the database's mode.
fn make_private(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Column helpers shared by the per-table modules.
pub(crate) mod columns {
    use chrono::{DateTime, Utc};

    pub fn instant(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(seconds, 0).unwrap_or_default()
    }

    pub fn conversion(message: String) -> rusqlite::Error {
        rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, message.into())
    }
}
