//! Backups: `backup FILE` while others write, `backup --list`, `restore`,
//! the daily backups and their retention, the copy before a migration.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use support::{TestDb, fingerprint};

const NOW: &str = "2026-11-27T16:00:00+01:00";

fn seeded() -> TestDb {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "45.50"]);
    db.ok(&["client", "add", "Beta"]);
    db.ok(&["add", "Acme", "--from", "09:00", "--to", "10:00"]);
    db.ok(&[
        "add",
        "Beta",
        "--from",
        "2026-11-26 14:00",
        "--to",
        "2026-11-26 15:00",
    ]);
    db
}

fn folder(db: &TestDb) -> PathBuf {
    db.path.parent().unwrap().join("gardefou-backups")
}

fn read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

fn integrity(conn: &Connection) -> String {
    conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn backup_writes_a_private_consistent_copy_and_never_replaces_a_file() {
    let db = seeded();
    let target = db.path.with_file_name("copy.sqlite3");
    let out = db.json(&["backup", target.to_str().unwrap()]);
    assert_eq!(out["clients"], 2);
    assert_eq!(out["sessions"], 2);
    assert_eq!(out["last_session_start"], "2026-11-27T09:00:00+01:00");
    let conn = read_only(&target);
    assert_eq!(integrity(&conn), "ok");
    assert_eq!(count(&conn, "SELECT count(*) FROM sessions"), 2);
    #[cfg(unix)]
    assert_eq!(support::mode(&target), 0o600);
    drop(conn);
    // Text output says what was saved.
    let second = db.path.with_file_name("copy2.sqlite3");
    let text = db.ok(&["backup", second.to_str().unwrap()]);
    assert!(
        text.contains("2 clients, 2 sessions, last session on 2026-11-27"),
        "{text}"
    );
    // An existing file is never replaced.
    let before = fingerprint(&target);
    let err = db.fails(1, &["backup", target.to_str().unwrap()]);
    assert!(err.contains("already exists"), "{err}");
    assert_eq!(fingerprint(&target), before);
    // No temporary file is left behind.
    let leftovers: Vec<_> = std::fs::read_dir(db.path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn backup_without_a_database_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.sqlite3");
    let out = Command::new(env!("CARGO_BIN_EXE_gardefou"))
        .env_remove("GARDEFOU_DB")
        .args(["--db", path.to_str().unwrap(), "backup"])
        .arg(dir.path().join("copy.sqlite3"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no database"));
    assert!(!path.exists());
    assert!(!dir.path().join("copy.sqlite3").exists());
}

#[test]
fn backups_taken_while_another_process_writes_are_whole() {
    let db = seeded();
    // A writer adding sessions as fast as it can, for the whole test.
    let script = (0..150)
        .map(|i| {
            format!(
                "\"$G\" --db \"$DB\" add Acme --from '2026-11-{:02} {:02}:{:02}' --to '2026-11-{:02} {:02}:{:02}' >/dev/null\n",
                1 + i / 20,
                8 + (i % 20) / 2,
                (i % 2) * 30,
                1 + i / 20,
                8 + (i % 20) / 2,
                (i % 2) * 30 + 20
            )
        })
        .collect::<String>();
    let mut writer = Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("G", env!("CARGO_BIN_EXE_gardefou"))
        .env("DB", &db.path)
        .env("GARDEFOU_NOW", NOW)
        .env_remove("GARDEFOU_DB")
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let mut previous = 0;
    for i in 0..8 {
        let target = db.path.with_file_name(format!("during-{i}.sqlite3"));
        let out = db.json(&["backup", target.to_str().unwrap()]);
        let conn = read_only(&target);
        assert_eq!(integrity(&conn), "ok");
        let sessions = count(
            &conn,
            "SELECT count(*) FROM sessions WHERE deleted_at IS NULL",
        );
        assert_eq!(
            Value::from(sessions),
            out["sessions"],
            "the copy holds what it says"
        );
        assert!(
            sessions >= previous,
            "copies only grow: {sessions} < {previous}"
        );
        previous = sessions;
    }
    assert!(writer.wait().unwrap().success());
    assert_eq!(
        db.json(&["log", "--from", "2026-11-01", "--to", "2026-11-30"])
            .as_array()
            .unwrap()
            .len(),
        152
    );
}

#[test]
fn the_first_write_of_each_day_takes_a_daily_backup_and_old_ones_go() {
    let db = TestDb::new("2026-11-01T10:00:00+01:00");
    // Reads take none; the first write of a day takes one, before the change.
    let folder = folder(&db);
    let day = |d: u32| format!("2026-11-{d:02}T10:00:00+01:00");
    db.cmd_at(&day(1))
        .args(["client", "add", "Acme"])
        .assert()
        .success();
    let first = folder.join("daily-2026-11-01.sqlite3");
    assert!(first.is_file());
    assert_eq!(
        count(&read_only(&first), "SELECT count(*) FROM clients"),
        0,
        "the state before the day's first change"
    );
    let before = fingerprint(&first);
    db.cmd_at(&day(1))
        .args(["client", "add", "Beta"])
        .assert()
        .success();
    assert_eq!(fingerprint(&first), before, "one a day");
    db.cmd_at(&day(2)).args(["status"]).assert().success();
    assert!(
        !folder.join("daily-2026-11-02.sqlite3").exists(),
        "a read takes none"
    );
    // Sixty days of one change a day.
    for d in 2..=30 {
        db.cmd_at(&day(d))
            .args(["client", "add", &format!("C{d}")])
            .assert()
            .success();
    }
    for d in 1..=30 {
        db.cmd_at(&format!("2026-12-{d:02}T10:00:00+01:00"))
            .args(["client", "add", &format!("D{d}")])
            .assert()
            .success();
    }
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let expected: Vec<String> = [
        // Newest of each week (Monday-start) for the 8 weeks up to Wed 2026-12-30 ...
        "2026-11-15",
        "2026-11-22",
        "2026-11-29",
        "2026-12-06",
        "2026-12-13",
        "2026-12-20",
        // ... and the last 7 days.
        "2026-12-24",
        "2026-12-25",
        "2026-12-26",
        "2026-12-27",
        "2026-12-28",
        "2026-12-29",
        "2026-12-30",
    ]
    .iter()
    .map(|d| format!("daily-{d}.sqlite3"))
    .collect();
    assert_eq!(names, expected);
    // `backup --list` shows them, oldest first.
    let listed = db.json(&["backup", "--list"]);
    let backups = listed["backups"].as_array().unwrap();
    assert_eq!(backups.len(), expected.len());
    assert_eq!(backups[0]["kind"], "daily");
    assert_eq!(backups[0]["date"], "2026-11-15");
    #[cfg(unix)]
    {
        assert_eq!(support::mode(&folder), 0o700);
        for b in backups {
            assert_eq!(support::mode(Path::new(b["path"].as_str().unwrap())), 0o600);
        }
    }
}

#[test]
fn the_backups_setting_turns_daily_backups_off() {
    let db = TestDb::new(NOW);
    db.ok(&["settings", "set", "backups", "off"]);
    let folder = folder(&db);
    for name in std::fs::read_dir(&folder).unwrap() {
        std::fs::remove_file(name.unwrap().path()).unwrap();
    }
    db.cmd_at("2026-11-28T10:00:00+01:00")
        .args(["client", "add", "Acme"])
        .assert()
        .success();
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    assert_eq!(db.json(&["settings", "show"])["backups"], "off");
}

#[test]
fn restore_refuses_what_is_not_a_sound_gardefou_backup() {
    let db = seeded();
    let dir = db.path.parent().unwrap().to_path_buf();
    let text = dir.join("notes.txt");
    std::fs::write(&text, "not a database at all, just notes\n".repeat(20)).unwrap();
    let foreign = dir.join("photos.sqlite3");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY);")
        .unwrap();
    let newer = dir.join("newer.sqlite3");
    db.ok(&["backup", newer.to_str().unwrap()]);
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    let good = dir.join("good.sqlite3");
    db.ok(&["backup", good.to_str().unwrap()]);
    let truncated = dir.join("truncated.sqlite3");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let cases = [
        (&text, "not SQLite"),
        (&foreign, "not a Gardefou database"),
        (&newer, "newer Gardefou"),
        (&truncated, "damaged"),
        (&dir.join("missing.sqlite3"), "does not exist"),
        (&db.path, "the database itself"),
    ];
    let state = db.state();
    let live = fingerprint(&db.path);
    for (file, phrase) in cases {
        let before = file.exists().then(|| fingerprint(file));
        let err = db.fails(1, &["restore", file.to_str().unwrap(), "--force"]);
        assert!(
            err.contains(phrase),
            "{}: expected '{phrase}' in {err}",
            file.display()
        );
        if let Some(before) = before {
            assert_eq!(fingerprint(file), before, "{} was modified", file.display());
        }
        assert_eq!(fingerprint(&db.path).0, live.0, "the live database changed");
    }
    assert_eq!(db.state(), state);
}

#[test]
fn restore_replaces_data_only_when_forced_and_keeps_the_replaced_database() {
    let db = seeded();
    let copy = db.path.with_file_name("friday.sqlite3");
    db.ok(&["backup", copy.to_str().unwrap()]);
    let saved = db.state();
    db.ok(&["rm", "1"]);
    db.ok(&["client", "add", "Gamma"]);
    let changed = db.state();
    let err = db.fails(1, &["restore", copy.to_str().unwrap()]);
    assert!(err.contains("holds 3 clients and 1 session;"), "{err}");
    assert!(err.contains("--force"), "the CLI says the way out: {err}");
    assert_eq!(db.state(), changed);
    let out = db.json(&["restore", copy.to_str().unwrap(), "--force"]);
    assert_eq!(out["clients"], 2);
    assert_eq!(out["sessions"], 2);
    assert_eq!(out["last_session_start"], "2026-11-27T09:00:00+01:00");
    assert_eq!(db.state(), saved);
    // The replaced database is kept beside it, whole, private.
    let replaced = PathBuf::from(out["replaced"].as_str().unwrap());
    assert_eq!(replaced.parent(), db.path.parent());
    let conn = read_only(&replaced);
    assert_eq!(integrity(&conn), "ok");
    assert_eq!(count(&conn, "SELECT count(*) FROM clients"), 3);
    #[cfg(unix)]
    assert_eq!(support::mode(&replaced), 0o600);
    let listed = db.json(&["backup", "--list"]);
    assert!(
        listed["backups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["kind"] == "replaced")
    );
    // Text output.
    let text = db.ok(&["restore", copy.to_str().unwrap(), "--force"]);
    assert!(
        text.contains("2 clients, 2 sessions, last session on 2026-11-27"),
        "{text}"
    );
    assert!(text.contains("kept in"), "{text}");
}

#[test]
fn restore_into_an_empty_or_damaged_database() {
    let db = seeded();
    let copy = db.path.with_file_name("copy.sqlite3");
    db.ok(&["backup", copy.to_str().unwrap()]);
    // An empty new database: no --force needed.
    let fresh = TestDb::new(NOW);
    fresh.ok(&["restore", copy.to_str().unwrap()]);
    assert_eq!(fresh.json(&["client", "list"]).as_array().unwrap().len(), 2);
    // A damaged one: refused without --force, moved aside (whole) with it.
    let damaged = TestDb::new(NOW);
    damaged.ok(&["client", "add", "Zed"]);
    let mut bytes = std::fs::read(&damaged.path).unwrap();
    let checkpointed = Connection::open(&damaged.path).unwrap();
    checkpointed
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
        .unwrap();
    drop(checkpointed);
    bytes = std::fs::read(&damaged.path).unwrap_or(bytes);
    bytes.truncate(bytes.len() / 2);
    std::fs::write(&damaged.path, &bytes).unwrap();
    let err = damaged.fails(1, &["restore", copy.to_str().unwrap()]);
    assert!(
        err.contains("cannot be read") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(std::fs::read(&damaged.path).unwrap(), bytes);
    let out = damaged.json(&["restore", copy.to_str().unwrap(), "--force"]);
    assert_eq!(out["clients"], 2);
    let aside = PathBuf::from(out["replaced"].as_str().unwrap());
    assert_eq!(
        std::fs::read(&aside).unwrap(),
        bytes,
        "the damaged file is kept as it was"
    );
}

#[test]
fn a_migration_keeps_a_copy_of_the_database_as_it_was() {
    use gardefou::store::{MIGRATIONS, SCHEMA_VERSION};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gardefou.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, rate_minor, currency, color, created_at, updated_at)
             VALUES ('0190a000-0000-7000-8000-000000000001', 'Acme', 'acme', 4550, 'EUR', '#3b82f6', 1795132800, 1795132800);",
        )
        .unwrap();
    }
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_gardefou"))
            .env_remove("GARDEFOU_DB")
            .env("GARDEFOU_NOW", NOW)
            .args(["--db", path.to_str().unwrap(), "status"])
            .output()
            .unwrap()
    };
    assert!(run().status.success());
    let copy = dir
        .path()
        .join("gardefou-backups")
        .join(format!("before-schema-{SCHEMA_VERSION}-from-1.sqlite3"));
    let conn = read_only(&copy);
    assert_eq!(integrity(&conn), "ok");
    assert_eq!(count(&conn, "PRAGMA user_version"), 1);
    assert_eq!(count(&conn, "SELECT count(*) FROM clients"), 1);
    #[cfg(unix)]
    assert_eq!(support::mode(&copy), 0o600);
    // Opening again migrates nothing and copies nothing.
    assert!(run().status.success());
    assert_eq!(
        std::fs::read_dir(dir.path().join("gardefou-backups"))
            .unwrap()
            .count(),
        1
    );
}

#[cfg(unix)]
#[test]
fn the_database_its_wal_and_its_backups_are_private() {
    let db = seeded();
    // Keep a connection open so the -wal file stays, then write through the CLI.
    let holder = Connection::open(&db.path).unwrap();
    holder
        .query_row("SELECT count(*) FROM clients", [], |r| r.get::<_, i64>(0))
        .unwrap();
    db.ok(&["client", "add", "Walter"]);
    let wal = db.path.with_file_name("gardefou.sqlite3-wal");
    let shm = db.path.with_file_name("gardefou.sqlite3-shm");
    assert!(
        wal.exists(),
        "WAL mode keeps a -wal file while connections are open"
    );
    for path in [&db.path, &wal, &shm] {
        assert_eq!(support::mode(path), 0o600, "{}", path.display());
    }
    drop(holder);
    // A database made readable by others (an older version, a copy) is made private again.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&db.path, std::fs::Permissions::from_mode(0o644)).unwrap();
    db.ok(&["status"]);
    assert_eq!(support::mode(&db.path), 0o600);
    for entry in std::fs::read_dir(folder(&db)).unwrap() {
        assert_eq!(support::mode(&entry.unwrap().path()), 0o600);
    }
}
