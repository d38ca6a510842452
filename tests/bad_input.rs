//! Bad input: each case gets one clear sentence on stderr, nothing on stdout,
//! the documented exit code, and leaves the database exactly as it was.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use std::fs;

use support::{TestDb, fingerprint};

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
    // Found by tests/fuzz.rs: it was accepted, stored as `1000001524h1m`, and
    // then every command failed to load the settings.
    (
        1,
        &["settings", "set", "weekend_min", "999999999h91501m"],
        "not a duration",
    ),
    (2, &["frobnicate"], "unrecognized subcommand"),
];

#[test]
fn every_refusal_is_clear_and_writes_nothing() {
    let db = seeded();
    let before = db.state();
    for (code, args, phrase) in REFUSALS {
        let err = db.fails(*code, args);
        // `-- --nocapture` prints the table RELIABILITY.md quotes.
        eprintln!(
            "| {code} | `{}` | {} |",
            args.join(" "),
            err.trim().replace('\n', " / ")
        );
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

#[cfg(unix)]
#[test]
fn a_new_database_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let db = seeded();
    let mode = fs::metadata(&db.path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

/// A seeded database with its WAL folded in: one self-contained file to damage.
fn sound_database_bytes() -> Vec<u8> {
    let db = seeded();
    for day in 1..=25 {
        let (from, to) = (
            format!("2026-11-{day:02} 08:00"),
            format!("2026-11-{day:02} 08:30"),
        );
        db.cmd()
            .args([
                "add",
                "Acme",
                "--from",
                &from,
                "--to",
                &to,
                "--note",
                &"n".repeat(200),
            ])
            .assert()
            .success();
    }
    let conn = rusqlite::Connection::open(&db.path).unwrap();
    conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;")
        .unwrap();
    drop(conn);
    fs::read(&db.path).unwrap()
}

/// Damaged and foreign files: each gets a message saying what was found and
/// what to do, and the file keeps its bytes and its modification time.
#[test]
fn damaged_and_foreign_files_are_refused_and_left_untouched() {
    let sound = sound_database_bytes();
    let page = 4096;
    // Where the sessions table and its id index begin (1-based pages).
    let root_of = |name: &str| -> usize {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sound.sqlite3");
        fs::write(&path, &sound).unwrap();
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = ?1",
            [name],
            |r| r.get::<_, i64>(0),
        )
        .unwrap() as usize
    };
    let (root, index_page) = (root_of("sessions"), root_of("sqlite_autoindex_sessions_1"));
    // A leaf of the sessions table: the root itself, or its right-most child
    // (an interior page's header holds that page's number at offset 8).
    let table_page = match sound[(root - 1) * page] {
        0x0d => root,
        _ => {
            let at = (root - 1) * page + 8;
            u32::from_be_bytes(sound[at..at + 4].try_into().unwrap()) as usize
        }
    };
    let flipped = |offset: usize| {
        let mut bytes = sound.clone();
        bytes[offset] ^= 0x10;
        bytes
    };
    let foreign = {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.sqlite3");
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute_batch(
                "CREATE TABLE photos (id INTEGER PRIMARY KEY); INSERT INTO photos VALUES (1);",
            )
            .unwrap();
        fs::read(&path).unwrap()
    };
    let newer = {
        let mut bytes = sound.clone();
        bytes[60..64].copy_from_slice(&99u32.to_be_bytes()); // user_version in the header
        bytes
    };
    // (case, file content, phrases the message must contain, does the CLI point at backups?)
    let cases: Vec<(&str, Vec<u8>, &[&str], bool)> = vec![
        (
            "text",
            b"my precious notes\n".repeat(100),
            &["not a Gardefou database (not SQLite)"],
            false,
        ),
        (
            "binary",
            (0..5000u32).map(|i| (i * 7 % 251) as u8).collect(),
            &["not SQLite"],
            false,
        ),
        (
            "header only",
            sound[..40].to_vec(),
            &["damaged", "cut short: 40 bytes"],
            true,
        ),
        (
            "foreign",
            foreign,
            &["is a SQLite file but not a Gardefou database"],
            false,
        ),
        (
            "newer",
            newer,
            &["newer Gardefou (schema 99", "update Gardefou"],
            false,
        ),
        (
            "truncated to half",
            sound[..sound.len() / 2].to_vec(),
            &["damaged", "Restore a backup"],
            true,
        ),
        (
            "last page cut",
            sound[..sound.len() - page].to_vec(),
            &["damaged"],
            true,
        ),
        ("page count flipped", flipped(28), &["damaged"], true),
        (
            "a table's page header flipped",
            // SQLite's quick_check stops at such a page of the sessions table
            // (its rows are read for their constraints) rather than list it.
            flipped((table_page - 1) * page),
            &["damaged"],
            true,
        ),
        (
            "an index page flipped",
            flipped((index_page - 1) * page + 3),
            &["damaged"],
            true,
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (case, content, phrases, restore_hint) in cases {
        let path = dir
            .path()
            .join(format!("{}.sqlite3", case.replace(' ', "-")));
        fs::write(&path, &content).unwrap();
        let before = fingerprint(&path);
        // Reading and writing commands alike.
        for args in [
            &["status"][..],
            &["client", "add", "Zed"][..],
            &["backup", "--list"][..],
        ] {
            let out = gardefou_on(&path).args(args).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr).to_string();
            if args[0] == "backup" {
                // Listing backups works on a damaged database: it is the way out.
                assert!(out.status.success(), "{case}: {err}");
                continue;
            }
            assert_eq!(out.status.code(), Some(1), "{case} {args:?}: {err}");
            assert!(out.stdout.is_empty(), "{case}");
            for phrase in phrases {
                assert!(
                    err.contains(phrase),
                    "{case}: expected '{phrase}' in: {err}"
                );
            }
            assert!(
                err.contains("left untouched") || case == "newer",
                "{case}: {err}"
            );
            assert_eq!(
                err.contains("gardefou backup --list"),
                restore_hint,
                "{case}: {err}"
            );
            assert!(!err.contains("panicked"), "{case}: {err}");
        }
        assert!(
            fingerprint(&path) == before,
            "{case}: the file was modified"
        );
        let wal = dir.path().join(format!(
            "{}-wal",
            path.file_name().unwrap().to_string_lossy()
        ));
        assert!(!wal.exists(), "{case}: a -wal file was created");
    }
}

/// The core's messages never name a CLI flag or command: each front end adds its own way out.
#[test]
fn the_core_message_of_a_damaged_file_names_no_command() {
    use gardefou::error::DatabaseError;
    use gardefou::i18n::Locale;
    let path = std::path::PathBuf::from("g.sqlite3");
    let problems = [
        DatabaseError::NotSqlite { path: path.clone() },
        DatabaseError::NotGardefou { path: path.clone() },
        DatabaseError::Damaged {
            path: path.clone(),
            detail: "database disk image is malformed".into(),
        },
        DatabaseError::CutShort { path, bytes: 40 },
        DatabaseError::NewerSchema { found: 9, known: 2 },
    ];
    for problem in problems {
        for locale in [Locale::En, Locale::Fr] {
            let text = gardefou::Error::Database(problem.clone()).message(locale);
            assert!(
                !text.contains("gardefou ") && !text.contains("--"),
                "{text}"
            );
        }
    }
}

/// The CLI on a database file that a test prepared by hand.
fn gardefou_on(path: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(env!("CARGO_BIN_EXE_gardefou"));
    cmd.env_remove("GARDEFOU_DB").arg("--db").arg(path);
    cmd
}
