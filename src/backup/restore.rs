//! Putting a backup back: validated first, the replaced database kept beside it.

use std::fs;
use std::path::{Path, PathBuf};

use super::BackupError;
use super::files::{self, Publish, REPLACED_INFIX};
use crate::clock::Clock;
use crate::error::{DatabaseError, Error, Result};
use crate::store::{self, Contents, Store};

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// What the database holds now (the backup's content, migrated).
    pub contents: Contents,
    /// Where the database that was there before now is, if there was one.
    pub replaced: Option<PathBuf>,
}

/// Restores the backup at `backup` into the database at `db`. The backup must
/// open, be a Gardefou database, pass `integrity_check` and not be newer than
/// this Gardefou. A database that holds data (or cannot be read) is replaced
/// only with `force`, and is kept beside it as `NAME.replaced-INSTANT`.
/// Other processes using `db` see the old content or the new, never a mix.
pub fn restore(db: &Path, backup: &Path, force: bool, clock: &dyn Clock) -> Result<Restored> {
    let (source, _) = store::open_backup_file(backup)?;
    if db.exists()
        && let (Ok(a), Ok(b)) = (fs::canonicalize(db), fs::canonicalize(backup))
        && a == b
    {
        return Err(BackupError::SameFile {
            path: backup.to_path_buf(),
        }
        .into());
    }
    let existed = db.exists();
    match Store::open(db) {
        Ok(mut live) => {
            let current = live.contents()?;
            if !current.is_empty() && !force {
                return Err(BackupError::WouldReplace {
                    path: db.to_path_buf(),
                    clients: current.clients,
                    sessions: current.sessions,
                }
                .into());
            }
            let replaced = if existed && !current.is_empty() {
                let dest = replaced_path(db, clock);
                files::publish(&dest, Publish::NewFile, |tmp| live.copy_into(tmp))?;
                Some(dest)
            } else {
                None
            };
            live.replace_with(&source)?;
            Ok(Restored {
                contents: live.contents()?,
                replaced,
            })
        }
        Err(Error::Database(problem)) if !force && unreadable(&problem) => {
            Err(BackupError::CurrentUnreadable { problem }.into())
        }
        Err(Error::Database(problem)) if unreadable(&problem) => {
            // Unreadable: moved aside whole (with its -wal and -shm), never deleted.
            let dest = replaced_path(db, clock);
            for suffix in ["-wal", "-shm"] {
                let side = with_suffix(db, suffix);
                if side.exists() {
                    fs::rename(&side, with_suffix(&dest, suffix))?;
                }
            }
            fs::rename(db, &dest)?;
            files::publish(db, Publish::NewFile, |tmp| {
                fs::write(tmp, fs::read(backup)?)?;
                Ok(())
            })?;
            let mut live = Store::open(db)?;
            Ok(Restored {
                contents: live.contents()?,
                replaced: Some(dest),
            })
        }
        Err(other) => Err(other),
    }
}

/// A database file that is there but cannot be used as it is.
fn unreadable(problem: &DatabaseError) -> bool {
    matches!(
        problem,
        DatabaseError::NotSqlite { .. }
            | DatabaseError::NotGardefou { .. }
            | DatabaseError::NewerSchema { .. }
            | DatabaseError::Damaged { .. }
            | DatabaseError::CutShort { .. }
    )
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut text = path.as_os_str().to_owned();
    text.push(suffix);
    PathBuf::from(text)
}

/// `gardefou.sqlite3.replaced-20261127T150000Z` (or `…-2` if taken).
fn replaced_path(db: &Path, clock: &dyn Clock) -> PathBuf {
    let stamp = clock.now().format("%Y%m%dT%H%M%SZ");
    let base = with_suffix(db, &format!("{REPLACED_INFIX}{stamp}"));
    let mut candidate = base.clone();
    let mut n = 2;
    while candidate.exists() {
        candidate = with_suffix(&base, &format!("-{n}"));
        n += 1;
    }
    candidate
}
