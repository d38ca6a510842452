//! The record of a database file that passed `quick_check`: its identity
//! (device, inode, size, modification time) in a small file beside it
//! (`gardefou.sqlite3-verified`). `quick_check` reads every page: 1.2 s on a
//! history of a million sessions, on every command. A file whose identity is
//! the one recorded has only been changed by Gardefou since it was checked, so
//! the next open skips the check; any other change (another program, a copy,
//! a restore by hand, a truncation) changes the identity and the file is
//! checked again before anything is written.
//!
//! The record is a cache: losing it, or failing to write it (a read-only
//! folder), only costs a check.

use std::path::{Path, PathBuf};

/// What `stat` says about a file: equal identities, unchanged file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    device: u64,
    inode: u64,
    size: u64,
    modified_ns: i128,
    changed_ns: i128,
}

impl Identity {
    /// The identity of the file at `path` now; `None` if it cannot be read.
    pub fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self::from_metadata(&meta))
    }

    #[cfg(unix)]
    fn from_metadata(meta: &std::fs::Metadata) -> Self {
        use std::os::unix::fs::MetadataExt;
        Self {
            device: meta.dev(),
            inode: meta.ino(),
            size: meta.size(),
            modified_ns: i128::from(meta.mtime()) * 1_000_000_000 + i128::from(meta.mtime_nsec()),
            changed_ns: i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec()),
        }
    }

    #[cfg(not(unix))]
    fn from_metadata(meta: &std::fs::Metadata) -> Self {
        let modified_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        Self {
            device: 0,
            inode: 0,
            size: meta.len(),
            modified_ns,
            changed_ns: 0,
        }
    }

    /// Whether `other` is the same file (not a replacement), whatever its content.
    pub fn same_file(&self, other: &Self) -> bool {
        self.device == other.device && self.inode == other.inode
    }

    fn to_line(self) -> String {
        format!(
            "gardefou-verified 1 {} {} {} {} {}\n",
            self.device, self.inode, self.size, self.modified_ns, self.changed_ns
        )
    }

    fn from_line(line: &str) -> Option<Self> {
        let mut words = line.split_ascii_whitespace();
        if words.next() != Some("gardefou-verified") || words.next() != Some("1") {
            return None;
        }
        let identity = Self {
            device: words.next()?.parse().ok()?,
            inode: words.next()?.parse().ok()?,
            size: words.next()?.parse().ok()?,
            modified_ns: words.next()?.parse().ok()?,
            changed_ns: words.next()?.parse().ok()?,
        };
        words.next().is_none().then_some(identity)
    }
}

/// The record's path: `gardefou.sqlite3` → `gardefou.sqlite3-verified`,
/// beside SQLite's own `-wal` and `-shm`.
pub fn record_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-verified");
    PathBuf::from(name)
}

/// The identity recorded after the last check, if any.
pub fn recorded(db: &Path) -> Option<Identity> {
    let text = std::fs::read_to_string(record_path(db)).ok()?;
    Identity::from_line(&text)
}

/// Records `identity` as checked. Best effort: a failure only means the next
/// open checks again. Written beside and renamed, so a reader never sees half.
pub fn record(db: &Path, identity: Identity) {
    let target = record_path(db);
    let mut temp = target.as_os_str().to_owned();
    temp.push(".tmp");
    let temp = PathBuf::from(temp);
    if write_private(&temp, identity.to_line().as_bytes()).is_err()
        || std::fs::rename(&temp, &target).is_err()
    {
        let _ = std::fs::remove_file(&temp);
    }
}

/// Writes `bytes` to a file only its owner can read, like the database.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(bytes)
}

/// Forgets the record (the file failed a check, or is about to be replaced).
pub fn forget(db: &Path) {
    let _ = std::fs::remove_file(record_path(db));
}

/// Kept by an open store: when its connection has closed (SQLite then copies
/// the write-ahead log into the file), the file's new identity is recorded,
/// since the change was Gardefou's own. Declared after the connection in
/// `Store`, so that it drops after it.
#[derive(Debug)]
pub struct Keeper {
    pub db: PathBuf,
    /// The identity checked (or found recorded) when the store opened;
    /// `None` once SQLite found damage (nothing is recorded then).
    pub checked: Option<Identity>,
}

impl Drop for Keeper {
    fn drop(&mut self) {
        let (Some(checked), Some(now)) = (self.checked, Identity::of(&self.db)) else {
            return;
        };
        // A file replaced under us (another inode) was not changed by us.
        if !now.same_file(&checked) {
            return;
        }
        if recorded(&self.db) != Some(now) {
            record(&self.db, now);
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_record_reads_back_and_rejects_anything_else() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("g.sqlite3");
        std::fs::write(&db, b"x").unwrap();
        let identity = Identity::of(&db).unwrap();
        assert_eq!(recorded(&db), None);
        record(&db, identity);
        assert_eq!(recorded(&db), Some(identity));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(record_path(&db))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(record_path(&db), "gardefou-verified 1 1 2 3").unwrap();
        assert_eq!(recorded(&db), None, "a short record is no record");
        std::fs::write(record_path(&db), identity.to_line().replace(" 1 ", " 2 ")).unwrap();
        assert_ne!(recorded(&db), Some(identity));
        forget(&db);
        assert!(!record_path(&db).exists());
    }

    #[test]
    fn any_write_changes_the_identity() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("g.sqlite3");
        std::fs::write(&db, b"abc").unwrap();
        let before = Identity::of(&db).unwrap();
        // Same size, same bytes but one: the change time moves even if the
        // modification time were put back.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&db, b"abd").unwrap();
        let after = Identity::of(&db).unwrap();
        assert_ne!(before, after);
        assert!(before.same_file(&after));
    }
}
