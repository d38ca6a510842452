//! An existing user's database survives the upgrade with every fact intact.
//!
//! `tests/fixtures/upgrade/v7.sqlite3` was made with the previous release's
//! CLI (schema version 7) by `make_fixture.sh`; `expected/` holds what that
//! release printed for it at `NOW` (`record_expected.sh`, same commands, same
//! order as here). Each test copies the file into a temporary folder and runs
//! today's CLI on it: the first command migrates it. What the user sees must
//! not change; the ids the old CLI showed must still work; the file must be
//! on the new schema, sound, and its old version kept in the backups folder.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use gardefou::store::SCHEMA_VERSION;
use rusqlite::{Connection, OpenFlags};
use serde_json::Value;
use tempfile::TempDir;

/// The instant every expected output was recorded at (a Friday; a timer runs).
const NOW: &str = "2026-11-27T10:00:00+01:00";
/// The fixture's schema version.
const OLD_VERSION: i64 = 7;
/// Every live session of the history.
const LOG_ALL: [&str; 5] = ["log", "--from", "1971-01-01", "--to", "2100-01-01"];
/// The whole history's export.
const EXPORT_ALL: [&str; 6] = [
    "export",
    "csv",
    "--from",
    "1971-01-01",
    "--to",
    "2026-11-27",
];

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/upgrade")
}

fn expected_bytes(name: &str) -> Vec<u8> {
    let path = fixtures().join("expected").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn expected(name: &str) -> Value {
    serde_json::from_slice(&expected_bytes(name))
        .unwrap_or_else(|e| panic!("expected/{name} is not JSON: {e}"))
}

/// The id prefixes of `expected/ids.json` (`first`, `deleted`, `to_delete`).
fn prefix(which: &str) -> String {
    expected("ids.json")[which]["prefix"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A copy of the v7 fixture in a temporary folder, with the CLI on it. The
/// environment is the one of the other CLI tests (tests/support): "now"
/// pinned, English, no colour, no `GARDEFOU_DB`.
struct Upgraded {
    dir: TempDir,
    path: PathBuf,
}

impl Upgraded {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gardefou.sqlite3");
        std::fs::copy(fixtures().join("v7.sqlite3"), &path).unwrap();
        std::fs::copy(fixtures().join("toggl.csv"), dir.path().join("toggl.csv")).unwrap();
        Self { dir, path }
    }

    fn cmd(&self) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_gardefou"));
        cmd.env_remove("GARDEFOU_DB")
            .env("GARDEFOU_NOW", NOW)
            .env("NO_COLOR", "1")
            .env("LC_ALL", "C")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .current_dir(self.dir.path())
            .arg("--db")
            .arg(&self.path);
        cmd
    }

    fn ok(&self, args: &[&str]) -> Vec<u8> {
        let out = self.cmd().args(args).assert().success();
        out.get_output().stdout.clone()
    }

    fn json(&self, args: &[&str]) -> Value {
        let stdout = self.ok(&[&["--json"], args].concat());
        serde_json::from_slice(&stdout)
            .unwrap_or_else(|e| panic!("{args:?}: not one JSON document ({e})"))
    }

    /// `args` with `--json` prints exactly `expected/NAME`.
    fn same_json(&self, name: &str, args: &[&str]) {
        let actual = self.json(args);
        let expected = expected(name);
        assert!(
            actual == expected,
            "{args:?} differs from expected/{name} after the upgrade\n--- expected\n{}\n--- actual\n{}",
            serde_json::to_string_pretty(&expected).unwrap(),
            serde_json::to_string_pretty(&actual).unwrap()
        );
    }

    /// `args` prints exactly the bytes of `expected/NAME`.
    fn same_bytes(&self, name: &str, args: &[&str]) {
        let actual = self.ok(args);
        let expected = expected_bytes(name);
        assert!(
            actual == expected,
            "{args:?} differs from expected/{name} after the upgrade\n--- expected\n{}\n--- actual\n{}",
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(&actual)
        );
    }

    /// Runs a command that reads, so that the file is migrated.
    fn migrate(&self) {
        self.ok(&["status"]);
    }

    fn read_only(&self) -> Connection {
        read_only(&self.path)
    }
}

fn read_only(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap()
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn what_the_user_sees_is_unchanged_by_the_upgrade() {
    let db = Upgraded::new();
    // The order is the one `record_expected.sh` used (`check` stores alerts).
    db.same_json("log.json", &LOG_ALL);
    db.same_json("clients.json", &["client", "list"]);
    db.same_json("status.json", &["status"]);
    for week in ["2024-03-04", "2026-11-09", "2026-11-16", "2026-11-23"] {
        db.same_json(
            &format!("report_week_{week}.json"),
            &["report", "week", "--date", week],
        );
    }
    db.same_json("report_totals.json", &["report", "totals"]);
    db.same_json("decisions.json", &["decisions"]);
    for week in ["2026-11-16", "2026-11-23"] {
        db.same_json(
            &format!("overrides_{week}.json"),
            &["overrides", "--week", week],
        );
    }
    db.same_json("settings.json", &["settings", "show"]);
    db.same_bytes("export.csv", &EXPORT_ALL);
    db.same_bytes(
        "export_by_client.csv",
        &[&EXPORT_ALL[..], &["--by", "client"]].concat(),
    );
    db.same_bytes(
        "export_excel.csv",
        &[&EXPORT_ALL[..], &["--excel"]].concat(),
    );
    db.same_json("check.json", &["check"]);
}

#[test]
fn the_old_id_prefixes_still_work() {
    let db = Upgraded::new();
    db.migrate();
    db.same_json(
        "restore_session.json",
        &["restore-session", &prefix("deleted")],
    );
    db.same_json(
        "edit.json",
        &[
            "edit",
            &prefix("first"),
            "--note",
            "Carte des fêtes, v2 «bûche»",
            "--tag",
            "design",
        ],
    );
    db.same_json("rm.json", &["rm", &prefix("to_delete")]);
    db.same_json("log_after_edits.json", &LOG_ALL);
    // Re-importing the Toggl CSV imported into the v7 file adds nothing.
    let again = db.json(&["import", "toggl", "toggl.csv"]);
    assert_eq!(again["imported"], 0, "{again}");
    assert_eq!(again["already_imported"], 4, "{again}");
    assert_eq!(again, expected("import_again.json"));
    db.same_json("report_totals_after_edits.json", &["report", "totals"]);
}

#[test]
fn the_file_is_on_the_new_schema() {
    let db = Upgraded::new();
    db.migrate();
    let conn = db.read_only();
    let version = count(&conn, "PRAGMA user_version");
    assert_eq!(version, SCHEMA_VERSION);
    assert!(
        version > OLD_VERSION,
        "the upgrade moves the file past schema {OLD_VERSION} (it is at {version})"
    );
}

#[test]
fn session_ids_are_stored_as_blobs() {
    let db = Upgraded::new();
    db.migrate();
    let conn = db.read_only();
    assert_eq!(count(&conn, "SELECT count(*) FROM sessions"), 20);
    assert_eq!(
        count(
            &conn,
            "SELECT count(*) FROM sessions WHERE typeof(id) <> 'blob'"
        ),
        0
    );
}

#[test]
fn the_upgraded_file_is_sound() {
    let db = Upgraded::new();
    db.migrate();
    let conn = db.read_only();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let mut stmt = conn.prepare("PRAGMA foreign_key_check").unwrap();
    let problems: Vec<String> = stmt
        .query_map([], |r| {
            Ok(format!(
                "{} row {:?} -> {}",
                r.get::<_, String>(0)?,
                r.get::<_, Option<i64>>(1)?,
                r.get::<_, String>(2)?
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(problems.is_empty(), "foreign key problems: {problems:?}");
}

#[test]
fn a_copy_of_the_v7_file_is_kept_in_the_backups_folder() {
    let db = Upgraded::new();
    db.migrate();
    let copy = db.dir.path().join("gardefou-backups").join(format!(
        "before-schema-{SCHEMA_VERSION}-from-{OLD_VERSION}.sqlite3"
    ));
    assert!(copy.is_file(), "no {}", copy.display());
    let conn = read_only(&copy);
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    assert_eq!(count(&conn, "PRAGMA user_version"), OLD_VERSION);
    // The same rows as the fixture, table by table (read from a copy: a
    // reader of a WAL file may leave -shm/-wal files beside it).
    let original = db.dir.path().join("original.sqlite3");
    std::fs::copy(fixtures().join("v7.sqlite3"), &original).unwrap();
    let fixture = read_only(&original);
    for table in [
        "clients",
        "sessions",
        "overrides",
        "alerts",
        "decisions",
        "away_periods",
        "import_fingerprints",
        "settings",
    ] {
        let sql = format!("SELECT count(*) FROM {table}");
        assert_eq!(count(&conn, &sql), count(&fixture, &sql), "{table}");
    }
    let ids = "SELECT group_concat(id, ',') FROM (SELECT id FROM sessions ORDER BY seq)";
    let ids_of = |c: &Connection| -> String { c.query_row(ids, [], |r| r.get(0)).unwrap() };
    assert_eq!(ids_of(&conn), ids_of(&fixture));
}

/// The alerts of a week report, as (kind, message).
fn alert_messages(report: &Value) -> Vec<(String, String)> {
    report["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["kind"].as_str().unwrap().to_string(),
                a["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn alerts_from_before_the_upgrade_keep_their_sentence_and_new_ones_follow_the_reader() {
    let db = Upgraded::new();
    db.migrate();
    let conn = db.read_only();
    assert_eq!(count(&conn, "SELECT count(*) FROM alerts"), 3);
    assert_eq!(
        count(&conn, "SELECT count(*) FROM alerts WHERE facts IS NULL"),
        3,
        "the v7 file's alerts have no facts"
    );
    drop(conn);
    // A new alert fires at NOW (the call that runs past its planned length).
    let checked = db.json(&["check"]);
    assert_eq!(checked, expected("check.json"));
    db.ok(&["settings", "set", "locale", "fr"]);
    // The old alerts read as before, in the English they were stored in.
    for week in ["2026-11-16", "2026-11-23"] {
        let before = expected(&format!("report_week_{week}.json"));
        let after = db.json(&["report", "week", "--date", week]);
        let old: Vec<_> = alert_messages(&before);
        assert!(!old.is_empty(), "{week}: the fixture has alerts");
        for alert in &old {
            assert!(alert_messages(&after).contains(alert), "{week}: {alert:?}");
        }
    }
    // The one fired after the upgrade kept its facts: it reads in French.
    let this_week = db.json(&["report", "week"]);
    let call = alert_messages(&this_week)
        .into_iter()
        .find(|(kind, _)| kind == "planned_exceeded")
        .unwrap();
    assert_eq!(
        call.1,
        "Votre séance de 45\u{202f}min avec Acme Corp dure depuis 1\u{202f}h. \
         Concluez, ou convenez d’une nouvelle heure de fin."
    );
}
