//! Where the database lives: `--db`, then `GARDEFOU_DB`, then the platform data folder.

use std::path::PathBuf;

use crate::error::{DatabaseError, Result};

pub const DB_ENV: &str = "GARDEFOU_DB";
pub const DB_FILE_NAME: &str = "gardefou.sqlite3";

/// The platform data folder's database (`~/.local/share/gardefou/gardefou.sqlite3`
/// on Linux), creating the folder (mode 0700) if needed.
pub fn default_db_path() -> Result<PathBuf> {
    let dirs =
        directories::ProjectDirs::from("", "", "gardefou").ok_or(DatabaseError::NoHomeFolder)?;
    let folder = dirs.data_dir();
    if !folder.is_dir() {
        let mut builder = std::fs::DirBuilder::new();
        builder.recursive(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::DirBuilderExt;
            builder.mode(0o700);
        }
        builder
            .create(folder)
            .map_err(|e| DatabaseError::CannotCreateFolder {
                path: folder.to_path_buf(),
                reason: e.to_string(),
            })?;
    }
    Ok(folder.join(DB_FILE_NAME))
}

/// The database path a front end should open: an explicit path, else
/// `GARDEFOU_DB`, else the default.
pub fn resolve_db_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(path) = explicit {
        return Ok(path);
    }
    match std::env::var_os(DB_ENV) {
        Some(path) if !path.is_empty() => Ok(PathBuf::from(path)),
        _ => default_db_path(),
    }
}
