//! The open's `quick_check` runs once per state of the file that Gardefou did
//! not make itself (src/store/verified.rs): a file changed behind its back is
//! checked again, and a damaged one refused, however recently it was sound.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use support::{TestDb, fingerprint};

const NOW: &str = "2026-11-27T16:00:00+01:00";

fn record_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-verified");
    PathBuf::from(name)
}

fn seeded() -> TestDb {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "45.50"]);
    for day in 1..=25 {
        let (from, to) = (
            format!("2026-11-{day:02} 08:00"),
            format!("2026-11-{day:02} 08:30"),
        );
        db.ok(&[
            "add",
            "Acme",
            "--from",
            &from,
            "--to",
            &to,
            "--note",
            &"n".repeat(200),
        ]);
    }
    db
}

/// Copies the write-ahead log into the file and empties it, as another
/// SQLite program may.
fn fold_log_in(path: &Path) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
}

/// The file's size and modification time.
struct Identity;
impl Identity {
    fn of(path: &Path) -> (u64, std::time::SystemTime) {
        let meta = std::fs::metadata(path).unwrap();
        (meta.len(), meta.modified().unwrap())
    }
}

/// Flips one bit of the file in place: same inode, same size.
fn flip_in_place(path: &Path, offset: u64) {
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .unwrap();
    let mut byte = [0u8];
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.read_exact(&mut byte).unwrap();
    byte[0] ^= 0x10;
    file.seek(SeekFrom::Start(offset)).unwrap();
    file.write_all(&byte).unwrap();
    file.sync_all().unwrap();
}

#[test]
fn a_sound_file_is_recorded_and_a_record_blesses_no_later_change() {
    let db = seeded();
    // Every command ended with the file recorded as Gardefou left it.
    let record = record_of(&db.path);
    let first = std::fs::read_to_string(&record).unwrap();
    assert!(first.starts_with("gardefou-verified 1 "), "{first}");
    db.ok(&["status"]);
    db.ok(&["log"]);
    assert_eq!(std::fs::read_to_string(&record).unwrap(), first);
    // Writes go to the log; every few hundred pages SQLite copies it into the
    // file. The record follows, since those changes are Gardefou's.
    let mut followed = false;
    for i in 0..400 {
        let (h, m) = (i / 60, i % 60);
        db.ok(&[
            "add",
            "Acme",
            "--from",
            &format!("2026-11-26 {:02}:{m:02}", h),
            "--to",
            &format!("2026-11-26 {:02}:{m:02}:30", h),
            "--note",
            &"x".repeat(2000),
        ]);
        let now = std::fs::read_to_string(&record).unwrap();
        if now != first {
            followed = true;
            break;
        }
    }
    assert!(followed, "the record follows Gardefou's own writes");
    // Another program folds the log in: checked again, then recorded.
    fold_log_in(&db.path);
    let folded = Identity::of(&db.path);
    db.ok(&["status"]);
    assert_ne!(std::fs::read_to_string(&record).unwrap(), first);
    assert_eq!(
        Identity::of(&db.path),
        folded,
        "a read leaves the file as it was"
    );

    // Another program damages a table page in place (same inode, same size).
    std::thread::sleep(std::time::Duration::from_millis(20));
    flip_in_place(&db.path, 4 * 4096);
    let before = fingerprint(&db.path);
    for args in [&["status"][..], &["client", "add", "Zed"][..]] {
        let err = db.fails(1, args);
        assert!(err.contains("damaged"), "{args:?}: {err}");
        assert!(err.contains("left untouched"), "{args:?}: {err}");
    }
    assert!(fingerprint(&db.path) == before, "the file was modified");
    assert!(!record.exists(), "a damaged file keeps no record");
}

#[test]
fn a_replaced_file_is_checked_again() {
    let db = seeded();
    fold_log_in(&db.path);
    let sound = std::fs::read(&db.path).unwrap();
    let mut damaged = sound.clone();
    damaged[4 * 4096] ^= 0x10;
    // A copy put in place by hand: a new inode, whatever the record says.
    let other = db.path.with_extension("new");
    std::fs::write(&other, &damaged).unwrap();
    std::fs::rename(&other, &db.path).unwrap();
    let err = db.fails(1, &["status"]);
    assert!(err.contains("damaged"), "{err}");
    // Put back sound: checked, recorded, used.
    std::fs::write(&other, &sound).unwrap();
    std::fs::rename(&other, &db.path).unwrap();
    db.ok(&["status"]);
    assert!(record_of(&db.path).exists());
}
