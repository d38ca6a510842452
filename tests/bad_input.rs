//! Bad input: each case gets one clear sentence on stderr, nothing on stdout,
//! the documented exit code, and leaves the database exactly as it was.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use std::fs;

use support::TestDb;

const NOW: &str = "2026-11-27T16:00:00+01:00";

fn seeded() -> TestDb {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "45.50"]);
    db.ok(&["client", "add", "Old"]);
    db.ok(&["client", "archive", "Old"]);
    db.ok(&["add", "Acme", "--from", "09:00", "--to", "10:00"]);
    db
}

/// (exit code, arguments, a phrase the message must contain)
const REFUSALS: &[(i32, &[&str], &str)] = &[
    (1, &["client", "add", ""], "cannot be empty"),
    (1, &["client", "add", "   "], "cannot be empty"),
    (1, &["client", "add", "ACME"], "already exists"),
    (1, &["client", "add", "Beta", "--rate", "-5"], "negative"),
    (
        1,
        &["client", "add", "Beta", "--rate", "abc"],
        "not an amount",
    ),
    (
        1,
        &["client", "add", "Beta", "--rate", "1.234"],
        "2 decimals",
    ),
    (
        1,
        &["client", "add", "Beta", "--currency", "EURO"],
        "ISO 4217",
    ),
    (1, &["client", "add", "Beta", "--color", "red"], "colour"),
    (
        2,
        &["client", "add", "Beta", "--cap", "ten hours"],
        "duration",
    ),
    (
        2,
        &["client", "add", "Beta", "--round", "15m:sideways"],
        "rounding",
    ),
    (
        1,
        &["add", "Acme", "--from", "12:00", "--to", "11:00"],
        "comes before",
    ),
    (
        1,
        &["add", "Acme", "--from", "12:00", "--to", "12:00"],
        "zero-length",
    ),
    (
        1,
        &[
            "add",
            "Acme",
            "--from",
            "2026-11-20 09:00",
            "--to",
            "2026-11-21 12:00",
        ],
        "more than 24 h",
    ),
    (
        1,
        &[
            "add",
            "Acme",
            "--from",
            "1970-01-01 09:00",
            "--to",
            "1970-01-01 10:00",
        ],
        "before 1971",
    ),
    (
        1,
        &[
            "add",
            "Acme",
            "--from",
            "3000-01-01 09:00",
            "--to",
            "3000-01-01 10:00",
        ],
        "future",
    ),
    (
        1,
        &["add", "Acme", "--from", "09:30", "--to", "10:30"],
        "overlaps session 1",
    ),
    (
        2,
        &["add", "Acme", "--from", "tomorrow", "--to", "10:30"],
        "not a time",
    ),
    (1, &["stop"], "no timer is running"),
    (1, &["start", "Old"], "archived"),
    (1, &["start", "Acmee"], "did you mean 'Acme'"),
    (1, &["start", "Nobody"], "no client named 'Nobody'"),
    (
        1,
        &["start", "Acme", "--at", "2026-03-29 02:30"],
        "does not exist",
    ),
    (2, &["start", "Acme", "--tag", "two words"], "not a tag"),
    (2, &["start", "Acme", "--planned", "soon"], "duration"),
    (
        1,
        &["log", "--from", "2026-11-28", "--to", "2026-11-01"],
        "comes after",
    ),
    (2, &["log", "--from", "28/11/2026"], "YYYY-MM-DD"),
    (1, &["edit", "99", "--note", "x"], "no session number 99"),
    (1, &["edit", "zz", "--note", "x"], "not a session number"),
    (1, &["settings", "set", "timezone", "Mars/Olympus"], "IANA"),
    (
        1,
        &["settings", "set", "week_start", "wednesday"],
        "monday or sunday",
    ),
    (1, &["settings", "set", "colour", "blue"], "unknown setting"),
    (2, &["frobnicate"], "unrecognized subcommand"),
];

#[test]
fn every_refusal_is_clear_and_writes_nothing() {
    let db = seeded();
    let before = db.state();
    for (code, args, phrase) in REFUSALS {
        let err = db.fails(*code, args);
        assert!(
            err.contains(phrase),
            "{args:?}: expected '{phrase}' in: {err}"
        );
        assert!(!err.contains("panicked"), "{args:?} panicked: {err}");
        assert_eq!(db.state(), before, "{args:?} changed the database");
    }
}

#[test]
fn a_one_megabyte_note_is_refused_and_writes_nothing() {
    use gardefou::Tracker;
    use gardefou::clock::FixedClock;
    use gardefou::tracker::NewSession;
    use std::sync::Arc;

    let db = seeded();
    let before = db.state();
    let now = chrono::DateTime::parse_from_rfc3339(NOW).unwrap().to_utc();
    let mut tracker = Tracker::open(&db.path, Arc::new(FixedClock::new(now))).unwrap();
    let err = tracker
        .add_session(NewSession {
            client: "Acme".into(),
            start: now - chrono::Duration::hours(3),
            end: now - chrono::Duration::hours(2),
            note: "x".repeat(1_000_000),
            tags: vec![],
            billable: true,
            allow_long: false,
            source: gardefou::model::Source::Manual,
        })
        .unwrap_err();
    assert!(err.to_string().contains("at most 2000 characters"), "{err}");
    // Through the CLI too (an argument of 100 kB: the OS caps one argument at 128 kB).
    let note = "y".repeat(100_000);
    let err = db.fails(
        1,
        &[
            "add", "Acme", "--from", "11:00", "--to", "12:00", "--note", &note,
        ],
    );
    assert!(err.contains("at most 2000 characters"), "{err}");
    assert_eq!(db.state(), before);
}

#[test]
fn a_database_in_a_missing_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-folder").join("db.sqlite3");
    let out = gardefou_on(&path).arg("status").assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("does not exist"), "{err}");
    assert!(
        !path.parent().unwrap().exists(),
        "the folder was not created"
    );
}

#[test]
fn a_file_that_is_not_sqlite_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let content = "my precious notes\n".repeat(100);
    fs::write(&path, &content).unwrap();
    for args in [&["status"][..], &["client", "add", "Acme"][..]] {
        let out = gardefou_on(&path).args(args).assert().code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(err.contains("not a Gardefou database"), "{err}");
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), content);
    assert!(!dir.path().join("notes.txt-wal").exists());
}

#[test]
fn an_sqlite_file_of_another_program_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(
        "CREATE TABLE photos (id INTEGER PRIMARY KEY); INSERT INTO photos VALUES (1);",
    )
    .unwrap();
    drop(conn);
    let out = gardefou_on(&path).arg("status").assert().code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("not a Gardefou database"));
    let conn = rusqlite::Connection::open(&path).unwrap();
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type='table'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1);
}

#[cfg(unix)]
#[test]
fn a_new_database_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let db = seeded();
    let mode = fs::metadata(&db.path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

/// The CLI on a database file that a test prepared by hand.
fn gardefou_on(path: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_gardefou"));
    cmd.env_remove("GARDEFOU_DB").arg("--db").arg(path);
    cmd
}
