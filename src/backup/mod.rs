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

use crate::error::Result;
pub use crate::store::WriteCause;
use crate::store::{Contents, FileProblem, Store};

/// Why a backup or a restore was not done. Nothing was replaced or left half-written.
/// (English text in one place, until the message catalogue takes it.)
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{} already exists; a backup never replaces a file", path.display())]
    Exists { path: PathBuf },
    #[error("there is no database at {} to back up", path.display())]
    NoDatabase { path: PathBuf },
    #[error("{} is the database itself, not a backup of it", path.display())]
    SameFile { path: PathBuf },
    #[error(
        "{} holds {clients} clients and {sessions} sessions; restoring would replace them (they would be kept in a copy beside it)",
        path.display()
    )]
    WouldReplace {
        path: PathBuf,
        clients: i64,
        sessions: i64,
    },
    #[error(
        "the current database cannot be read ({problem}); restoring would replace it (it would be kept beside it)"
    )]
    CurrentUnreadable { problem: Box<FileProblem> },
}

impl BackupError {
    /// The error's kind for the desktop bridge (see `Error::kind`).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Exists { .. } | Self::WouldReplace { .. } | Self::CurrentUnreadable { .. } => {
                "conflict"
            }
            Self::NoDatabase { .. } => "not_found",
            Self::SameFile { .. } => "invalid",
        }
    }

    /// Whether the front end's "replace anyway" lifts the refusal.
    pub fn force_helps(&self) -> bool {
        matches!(
            self,
            Self::WouldReplace { .. } | Self::CurrentUnreadable { .. }
        )
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
