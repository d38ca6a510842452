//! Backup files: where they live, their names, and writing one so that it
//! appears whole or not at all.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;
use uuid::Uuid;

use super::BackupError;
use crate::error::{Error, Result};
use crate::store::write_error;

/// The daily backups' names: `daily-2026-11-27.sqlite3`.
const DAILY_PREFIX: &str = "daily-";
const EXTENSION: &str = ".sqlite3";
/// A database replaced by a restore keeps its name plus this and an instant.
pub(crate) const REPLACED_INFIX: &str = ".replaced-";

/// The folder beside the database that holds its automatic backups:
/// `gardefou.sqlite3` → `gardefou-backups/`.
pub fn folder_for(db: &Path) -> PathBuf {
    let stem = db
        .file_stem()
        .map_or_else(|| "gardefou".into(), |s| s.to_string_lossy().into_owned());
    parent_of(db).join(format!("{stem}-backups"))
}

fn parent_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Creates the backups folder (mode 0700) if needed.
pub(crate) fn ensure_folder(db: &Path) -> Result<PathBuf> {
    let folder = folder_for(db);
    if !folder.is_dir() {
        // Only Unix sets a mode on the builder.
        #[cfg_attr(not(unix), allow(unused_mut))]
        let mut builder = fs::DirBuilder::new();
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        match builder.create(&folder) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(write_error(&folder, Error::Io(e))),
        }
    }
    Ok(folder)
}

pub(crate) fn daily_name(date: NaiveDate) -> String {
    format!("{DAILY_PREFIX}{}{EXTENSION}", date.format("%Y-%m-%d"))
}

/// The date of a daily backup's file name (or of its temporary file).
pub(crate) fn daily_date(name: &str) -> Option<NaiveDate> {
    let rest = name.strip_prefix('.').unwrap_or(name);
    let date = rest.strip_prefix(DAILY_PREFIX)?.get(..10)?;
    NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()
}

pub(crate) fn is_temporary(name: &str) -> bool {
    name.starts_with('.') && name.contains(".tmp-")
}

/// `folder/stem.ext`, or `stem-2.ext`, `stem-3.ext`… if taken.
pub(crate) fn unique(folder: &Path, stem: &str, ext: &str) -> PathBuf {
    let mut candidate = folder.join(format!("{stem}.{ext}"));
    let mut n = 2;
    while candidate.exists() {
        candidate = folder.join(format!("{stem}-{n}.{ext}"));
        n += 1;
    }
    candidate
}

/// What may be at the destination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Publish {
    /// The destination must not exist (a backup never replaces a file).
    NewFile,
    /// The destination is replaced atomically (the live database on restore).
    Replace,
}

/// Writes `dest` through `fill`, which gets an empty private temporary file
/// in the same folder: synced, then linked (or renamed) into place, then the
/// folder synced. On any error the temporary file is removed and `dest` is
/// as it was. Returns what `fill` returned.
pub(crate) fn publish<T>(
    dest: &Path,
    mode: Publish,
    fill: impl FnOnce(&Path) -> Result<T>,
) -> Result<T> {
    let folder = parent_of(dest);
    let name = dest
        .file_name()
        .map_or_else(|| "backup".into(), |n| n.to_string_lossy().into_owned());
    if mode == Publish::NewFile && dest.exists() {
        return Err(BackupError::Exists {
            path: dest.to_path_buf(),
        }
        .into());
    }
    let tmp = folder.join(format!(".{name}.tmp-{}", Uuid::now_v7().simple()));
    let result = (|| {
        create_private(&tmp)?;
        let filled = fill(&tmp)?;
        File::open(&tmp)?.sync_all()?;
        match mode {
            // A hard link never replaces: two backups racing for one name
            // cannot overwrite each other.
            Publish::NewFile => match fs::hard_link(&tmp, dest) {
                Ok(()) => fs::remove_file(&tmp)?,
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    return Err(BackupError::Exists {
                        path: dest.to_path_buf(),
                    }
                    .into());
                }
                // A file system without hard links.
                Err(_) => fs::rename(&tmp, dest)?,
            },
            Publish::Replace => fs::rename(&tmp, dest)?,
        }
        sync_folder(&folder)?;
        Ok(filled)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(|e| match e {
        Error::Backup(_) | Error::Database(_) => e,
        other => write_error(dest, other),
    })
}

fn create_private(path: &Path) -> Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?;
    Ok(())
}

fn sync_folder(folder: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(folder)?.sync_all()?;
    #[cfg(not(unix))]
    let _ = folder;
    Ok(())
}

/// The kinds of backup `list` shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum BackupKind {
    /// Taken before the first write of a day.
    Daily { date: NaiveDate },
    /// Taken before a migration changed the schema; kept.
    BeforeMigration,
    /// The database a restore replaced; kept beside it.
    Replaced,
    /// Any other file in the backups folder.
    Other,
}

/// One backup on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BackupFile {
    pub path: PathBuf,
    #[serde(flatten)]
    pub kind: BackupKind,
    pub bytes: u64,
}

/// The backups of the database at `db`: its backups folder, and the copies
/// restores left beside it. Oldest names first within each kind.
pub fn list(db: &Path) -> Result<Vec<BackupFile>> {
    let mut found = Vec::new();
    let folder = folder_for(db);
    if folder.is_dir() {
        for entry in fs::read_dir(&folder)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if is_temporary(&name) || !entry.file_type()?.is_file() {
                continue;
            }
            let kind = match daily_date(&name) {
                Some(date) => BackupKind::Daily { date },
                None if name.starts_with("before-schema-") => BackupKind::BeforeMigration,
                None => BackupKind::Other,
            };
            found.push(BackupFile {
                path: entry.path(),
                kind,
                bytes: entry.metadata()?.len(),
            });
        }
    }
    let db_name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let replaced_prefix = format!("{db_name}{REPLACED_INFIX}");
    if let Ok(entries) = fs::read_dir(parent_of(db)) {
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with(&replaced_prefix)
                && !name.ends_with("-wal")
                && !name.ends_with("-shm")
                && entry.file_type().is_ok_and(|t| t.is_file())
            {
                found.push(BackupFile {
                    path: entry.path(),
                    kind: BackupKind::Replaced,
                    bytes: entry.metadata().map(|m| m.len()).unwrap_or(0),
                });
            }
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(found)
}
