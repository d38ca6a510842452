//! A full disk or a read-only folder during a write, an export or a backup:
//! a clear error naming the file, no partial file, the database unchanged.
//!
//! The full disk is real: a small tmpfs mounted for the test (it needs root;
//! where mounting is not allowed the tmpfs tests say so and stop, and the
//! file-size-limit tests below still inject the same write errors).

#![allow(clippy::unwrap_used)] // tests fail loudly by design
#![cfg(target_os = "linux")]

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use support::TestDb;

const NOW: &str = "2026-11-27T16:00:00+01:00";

/// A tmpfs mounted on a temporary folder, unmounted on drop.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(kilobytes: u32) -> Option<Self> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kilobytes}k"), "tmpfs"])
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            Some(Self { dir })
        } else {
            eprintln!("cannot mount a tmpfs here (not root?): the real full-disk case is not run");
            None
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills what is left, but `keep` bytes.
    fn fill(&self, keep: u64) {
        let filler = self.path().join("filler");
        let _ = fs::remove_file(&filler);
        let free = free_bytes(self.path());
        let size = free.saturating_sub(keep);
        let _ = fs::write(&filler, vec![0u8; size as usize]);
    }

    fn free(&self) {
        let _ = fs::remove_file(self.path().join("filler"));
    }

    fn remount_read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .unwrap();
        assert!(ok.success());
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn free_bytes(path: &Path) -> u64 {
    let out = Command::new("df")
        .args(["--output=avail", "-B1"])
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A database on the ordinary disk with enough sessions for a large CSV.
fn seeded_elsewhere() -> TestDb {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "45"]);
    for day in 1..=25 {
        let from = format!("2026-11-{day:02} 09:00");
        let to = format!("2026-11-{day:02} 10:00");
        db.ok(&[
            "add",
            "Acme",
            "--from",
            &from,
            "--to",
            &to,
            "--note",
            &"a long note ".repeat(160),
        ]);
    }
    db
}

#[test]
fn export_and_backup_onto_a_full_disk_fail_cleanly() {
    // Room for the CSV and a copy of the database once the filler is gone,
    // with a margin for the schema growing (each new table adds pages).
    let Some(disk) = SmallDisk::mount(512) else {
        return;
    };
    let db = seeded_elsewhere();
    let state = db.state();
    disk.fill(4096);
    let before = names(disk.path());
    let csv = disk.path().join("out.csv");
    let err = db.fails(
        1,
        &[
            "export",
            "csv",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("out.csv") && err.contains("the disk is full; nothing was written"),
        "{err}"
    );
    let copy = disk.path().join("copy.sqlite3");
    let err = db.fails(1, &["backup", copy.to_str().unwrap()]);
    assert!(
        err.contains("copy.sqlite3: the disk is full; nothing was written"),
        "{err}"
    );
    assert_eq!(names(disk.path()), before, "no partial or temporary file");
    assert_eq!(db.state(), state, "the database is unchanged");
    // With room again, both work.
    disk.free();
    db.ok(&[
        "export",
        "csv",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        csv.to_str().unwrap(),
    ]);
    db.ok(&["backup", copy.to_str().unwrap()]);
}

#[test]
fn a_write_on_a_full_disk_is_refused_whole_and_the_daily_backup_only_warns() {
    // Room for the database and its first daily backup before the filler;
    // the schema grows with each migration (seven tables and their indexes).
    let Some(disk) = SmallDisk::mount(1024) else {
        return;
    };
    let path = disk.path().join("gardefou.sqlite3");
    let run = |now: &str, args: &[&str]| {
        let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_gardefou"));
        cmd.env_remove("GARDEFOU_DB")
            .env("GARDEFOU_NOW", now)
            .arg("--db")
            .arg(&path)
            .args(args);
        cmd.output().unwrap()
    };
    assert!(
        run(NOW, &["settings", "set", "timezone", "Europe/Paris"])
            .status
            .success()
    );
    assert!(run(NOW, &["client", "add", "Acme"]).status.success());
    disk.fill(0);
    // Writes until the disk refuses one; every acknowledged one stays.
    let mut acknowledged = 0;
    let mut refusal = None;
    for day in 1..=25 {
        let (from, to) = (
            format!("2026-11-{day:02} 09:00"),
            format!("2026-11-{day:02} 10:00"),
        );
        let out = run(
            NOW,
            &[
                "add",
                "Acme",
                "--from",
                &from,
                "--to",
                &to,
                "--note",
                &"x".repeat(1500),
            ],
        );
        if out.status.success() {
            acknowledged += 1;
        } else {
            refusal = Some(String::from_utf8_lossy(&out.stderr).to_string());
            break;
        }
    }
    let err = refusal.expect("a full disk refuses a write");
    assert!(
        err.contains("gardefou.sqlite3") && err.contains("the disk is full; nothing was written"),
        "{err}"
    );
    assert!(!err.contains("Error code"), "no raw SQLite text: {err}");
    disk.free();
    let log = run(
        NOW,
        &[
            "--json",
            "log",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
        ],
    );
    let sessions: serde_json::Value = serde_json::from_slice(&log.stdout).unwrap();
    assert_eq!(
        sessions.as_array().unwrap().len(),
        acknowledged,
        "every acknowledged write, nothing else"
    );
    let conn = rusqlite::Connection::open(&path).unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    drop(conn);
    // The next day's first write finds no room for its backup: it warns, the change is kept.
    let next_day = "2026-11-28T10:00:00+01:00";
    disk.fill(60 * 1024);
    let out = run(next_day, &["client", "add", "Beta"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("warning: today's automatic backup was not written")
            && stderr.contains("disk is full"),
        "{stderr}"
    );
    let backups = disk.path().join("gardefou-backups");
    assert!(
        names(&backups).iter().all(|n| !n.contains("2026-11-28")),
        "{:?}",
        names(&backups)
    );
    disk.free();
}

#[test]
fn a_read_only_folder_refuses_writes_exports_and_backups_clearly() {
    let Some(disk) = SmallDisk::mount(1024) else {
        return;
    };
    let path = disk.path().join("gardefou.sqlite3");
    let run = |db: &Path, args: &[&str]| {
        let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_gardefou"));
        cmd.env_remove("GARDEFOU_DB")
            .env("GARDEFOU_NOW", NOW)
            .arg("--db")
            .arg(db)
            .args(args);
        cmd.output().unwrap()
    };
    assert!(run(&path, &["client", "add", "Acme"]).status.success());
    assert!(
        run(&path, &["add", "Acme", "--from", "09:00", "--to", "10:00"])
            .status
            .success()
    );
    let bytes = fs::read(&path).unwrap();
    let elsewhere = seeded_elsewhere();
    let state = elsewhere.state();
    disk.remount_read_only();
    let refused = |db: &Path, args: &[&str]| {
        let out = run(db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(out.stdout.is_empty());
        String::from_utf8_lossy(&out.stderr).to_string()
    };
    // The database on the read-only folder: a change is refused, clearly.
    let err = refused(&path, &["client", "add", "Beta"]);
    assert!(
        err.contains("cannot write") && err.contains("the folder is read-only"),
        "{err}"
    );
    assert_eq!(fs::read(&path).unwrap(), bytes, "the database is unchanged");
    // An export or a backup into the read-only folder.
    let csv = disk.path().join("out.csv");
    let err = refused(
        &elsewhere.path,
        &[
            "export",
            "csv",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(
        err.contains("the folder is read-only; nothing was written"),
        "{err}"
    );
    let err = refused(
        &elsewhere.path,
        &["backup", disk.path().join("copy.sqlite3").to_str().unwrap()],
    );
    assert!(
        err.contains("the folder is read-only; nothing was written"),
        "{err}"
    );
    assert_eq!(elsewhere.state(), state);
}

/// The same write errors without mounting anything: a file-size limit
/// (`ulimit -f`) makes the kernel refuse writes past it (EFBIG).
fn limited(db: &TestDb, kilobytes: u64, args: &[&str]) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!(
            "trap '' XFSZ; ulimit -f {}; exec \"$@\"",
            kilobytes * 2
        ))
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_gardefou"))
        .env_remove("GARDEFOU_DB")
        .env("GARDEFOU_NOW", NOW)
        .arg("--db")
        .arg(&db.path)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn an_injected_write_error_during_export_or_backup_leaves_no_file() {
    let db = seeded_elsewhere();
    let state = db.state();
    let dir: PathBuf = db.path.parent().unwrap().to_path_buf();
    let before = names(&dir);
    let csv = dir.join("out.csv");
    // 40 kB: room for SQLite's 32 kB shared-memory file, not for the export or the copy.
    let out = limited(
        &db,
        40,
        &[
            "export",
            "csv",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("cannot write")
            && err.contains("out.csv")
            && err.contains("nothing was written"),
        "{err}"
    );
    let out = limited(
        &db,
        40,
        &["backup", dir.join("copy.sqlite3").to_str().unwrap()],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("copy.sqlite3") && err.contains("nothing was written"),
        "{err}"
    );
    assert_eq!(names(&dir), before, "no partial or temporary file");
    assert_eq!(db.state(), state);
}
