//! Backups the user never has to think about, and the ones they ask for.
//!
//! - `snapshot`: a consistent copy of the live database (`VACUUM INTO`, one read
//!   transaction, so other processes keep writing), published atomically.
//! - `Daily`: before the first write of each local day, a copy into the
//!   backups folder beside the database; `retention` says which ones stay.
//! - `before_migration`: a copy kept before a migration changes the schema.
//! - `restore`: a validated backup put back into the live file.
//!
//! Every file written here is mode 0600 and appears whole or not at all:
//! written under a temporary name, synced, then linked or renamed into place,
//! and the folder synced.

mod daily;
mod files;
mod restore;
pub mod retention;

use std::path::{Path, PathBuf};

pub use daily::Daily;
pub use files::{BackupFile, BackupKind, folder_for, list};
pub use restore::{Restored, restore};

use crate::error::{DatabaseError, ErrorKind, Result};
use crate::i18n::Locale;
use crate::store::{Contents, Store};
use crate::tr;

/// Why a backup or a restore was not done. Nothing was replaced or left half-written.
#[derive(Debug)]
pub enum BackupError {
    /// The destination exists: a backup never replaces a file.
    Exists { path: PathBuf },
    /// There is no database to back up.
    NoDatabase { path: PathBuf },
    /// The backup to restore is the database itself.
    SameFile { path: PathBuf },
    /// The database holds data: replacing it needs the user's explicit word.
    WouldReplace {
        path: PathBuf,
        clients: i64,
        sessions: i64,
    },
    /// The database cannot be read: replacing it needs the user's explicit word.
    CurrentUnreadable { problem: DatabaseError },
}

impl BackupError {
    /// The error's kind for front ends (see `Error::kind`).
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Exists { .. } => ErrorKind::Io,
            Self::SameFile { .. } => ErrorKind::InvalidValue,
            Self::NoDatabase { .. }
            | Self::WouldReplace { .. }
            | Self::CurrentUnreadable { .. } => ErrorKind::Database,
        }
    }

    /// Whether the front end's "replace anyway" lifts the refusal.
    pub fn force_helps(&self) -> bool {
        matches!(
            self,
            Self::WouldReplace { .. } | Self::CurrentUnreadable { .. }
        )
    }

    /// The sentence for the user, in `locale`.
    pub fn message(&self, l: Locale) -> String {
        let shown = |path: &PathBuf| path.display().to_string();
        match self {
            Self::Exists { path } => tr!(l, "backup-exists", path = shown(path)),
            Self::NoDatabase { path } => tr!(l, "backup-no-database", path = shown(path)),
            Self::SameFile { path } => tr!(l, "backup-same-file", path = shown(path)),
            Self::WouldReplace {
                path,
                clients,
                sessions,
            } => tr!(
                l,
                "backup-would-replace",
                path = shown(path),
                clients = *clients,
                sessions = *sessions
            ),
            Self::CurrentUnreadable { problem } => tr!(
                l,
                "backup-current-unreadable",
                problem = crate::Error::Database(problem.clone()).message(l)
            ),
        }
    }
}

/// Writes a consistent copy of the open database to `dest`, a new file.
/// Returns what the copy holds.
pub fn snapshot(store: &mut Store, dest: &Path) -> Result<Contents> {
    files::publish(dest, files::Publish::NewFile, |tmp| {
        store.copy_into(tmp)?;
        // Checked and read from the copy itself: writers go on between two transactions.
        Ok(crate::store::open_backup_file(tmp)?.1)
    })
}

/// Before a migration changes the schema of the database at `db` (from
/// version `from` to `to`): a copy of it as it is, kept in its backups folder.
pub fn before_migration(db: &Path, from: i64, to: i64) -> Result<PathBuf> {
    let folder = files::ensure_folder(db)?;
    let dest = files::unique(
        &folder,
        &format!("before-schema-{to}-from-{from}"),
        "sqlite3",
    );
    files::publish(&dest, files::Publish::NewFile, |tmp| {
        crate::store::copy_file_into(db, tmp)
    })?;
    Ok(dest)
}
