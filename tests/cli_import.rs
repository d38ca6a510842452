//! `gardefou import`: black-box tests on fixture files written from the real
//! exports' headers (tests/fixtures/import). Zone: Europe/Paris unless named.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use std::path::PathBuf;

use serde_json::Value;
use support::TestDb;

const NOW: &str = "2026-11-27T16:00:00+01:00";

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
        .display()
        .to_string()
}

fn sessions(db: &TestDb) -> Vec<Value> {
    db.json(&["log", "--from", "1971-01-01", "--to", "2026-11-27"])
        .as_array()
        .unwrap()
        .clone()
}

fn client<'a>(clients: &'a Value, name: &str) -> &'a Value {
    clients
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no client {name} in {clients}"))
}

#[test]
fn an_imported_session_is_found_by_a_short_prefix_of_its_id() {
    let db = TestDb::new(NOW);
    db.ok(&["import", "toggl", &fixture("toggl_detailed.csv")]);
    let imported = sessions(&db);
    assert_eq!(imported.len(), 4);
    for session in &imported {
        // One import's ids share their time (`xxxxxxxx-xxxx-7`); the next
        // three digits tell its first 128 sessions apart.
        let id = session["id"].as_str().unwrap();
        let edited = db.json(&["edit", &id[..18], "--billable"]);
        assert_eq!(edited["number"], session["number"], "{id}");
        assert_eq!(edited["id"], id);
    }
    // In the entries' order.
    let ids: Vec<&str> = imported.iter().map(|s| s["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted);
}

#[test]
fn toggl_export_with_bom_rates_notes_tags_and_zone() {
    let db = TestDb::new(NOW);
    let summary = db.json(&["import", "toggl", &fixture("toggl_detailed.csv")]);
    assert_eq!(summary["imported"], 4);
    assert_eq!(summary["dry_run"], false);
    assert_eq!(summary["first_start"], "2024-03-04T09:00:00+01:00");
    assert_eq!(summary["last_end"], "2024-03-06T00:45:00+01:00");
    assert_eq!(summary["seconds"], 5400 + 433 + 3600 + 4500);
    // The zero-length entry is left out and listed, with its line.
    let skipped = summary["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert_eq!(skipped[0]["reason"], "zero_length");
    assert_eq!(skipped[0]["line"], 5);
    assert_eq!(skipped[0]["client"], "Projet perso");

    let clients = db.json(&["client", "list"]);
    let acme = client(&clients, "Acme");
    assert_eq!(
        (acme["rate_minor"].as_i64(), acme["currency"].as_str()),
        (Some(4500), Some("EUR"))
    );
    assert!(client(&clients, "Bôulangerie Dupré")["rate_minor"] == 0);

    let log = sessions(&db);
    assert_eq!(log.len(), 4);
    let first = &log[0];
    assert_eq!(first["start"], "2024-03-04T09:00:00+01:00");
    assert_eq!(first["end"], "2024-03-04T10:30:00+01:00");
    assert_eq!(first["note"], "Site vitrine: Maquette de l'accueil, v2");
    assert_eq!(first["tags"], serde_json::json!(["design", "client-call"]));
    assert_eq!(first["source"], "import");
    assert_eq!(first["billable"], true);
    assert_eq!(first["amount_minor"], 6750);
    // 5.41 for 7 min 13 s is 45.00/h, not 44.98.
    assert_eq!(
        log[1]["note"],
        "Site vitrine: Appel \"point hebdo\" avec Élodie"
    );
    assert_eq!(log[1]["rate_minor"], 4500);
    assert_eq!(log[1]["amount_minor"], 541);
    assert_eq!(log[2]["client"], "Bôulangerie Dupré");
    assert_eq!(log[2]["billable"], false);
    assert_eq!(log[2]["note"], "Menu de Noël; révisions");
    // Across midnight.
    assert_eq!(log[3]["end"], "2024-03-06T00:45:00+01:00");
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    let db = TestDb::new(NOW);
    db.ok(&["import", "toggl", &fixture("toggl_detailed.csv")]);
    let before = db.state();
    let again = db.json(&["import", "toggl", &fixture("toggl_detailed.csv")]);
    assert_eq!(again["imported"], 0);
    assert_eq!(again["already_imported"], 4);
    assert_eq!(db.state(), before);
    let text = db.ok(&["import", "toggl", &fixture("toggl_detailed.csv")]);
    assert!(
        text.contains("4 entries were already imported before"),
        "{text}"
    );
}

#[test]
fn an_imported_session_edited_deleted_or_renamed_is_still_recognised() {
    let db = TestDb::new(NOW);
    db.ok(&["import", "toggl", &fixture("toggl_detailed.csv")]);
    let numbers: Vec<i64> = sessions(&db)
        .iter()
        .map(|s| s["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers.len(), 4, "{numbers:?}");
    // One of each: its note changed, its start moved, deleted, its client renamed.
    db.ok(&["edit", &numbers[0].to_string(), "--note", "Maquette, v3"]);
    db.ok(&[
        "edit",
        &numbers[1].to_string(),
        "--from",
        "2024-03-04 11:01",
    ]);
    db.ok(&["rm", &numbers[2].to_string()]);
    db.ok(&["client", "edit", "Acme", "--rename", "Acme SA"]);
    let before = db.state();
    let again = db.json(&["import", "toggl", &fixture("toggl_detailed.csv"), "--json"]);
    assert_eq!(again["imported"], 0, "{again}");
    assert_eq!(again["already_imported"], 4, "{again}");
    assert_eq!(db.state(), before);
    // A deleted imported session stays deleted, and brought back it is
    // still the one the file holds.
    db.ok(&["restore-session", &numbers[2].to_string()]);
    let again = db.json(&["import", "toggl", &fixture("toggl_detailed.csv"), "--json"]);
    assert_eq!(again["already_imported"], 4, "{again}");
}

#[test]
fn an_entry_listed_twice_in_one_file_is_imported_once() {
    let db = TestDb::new(NOW);
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(fixture("toggl_detailed.csv")).unwrap();
    let second_line = text.lines().nth(1).unwrap();
    let doubled = dir.path().join("doubled.csv");
    std::fs::write(&doubled, format!("{text}{second_line}\n")).unwrap();
    let summary = db.json(&["import", "toggl", doubled.to_str().unwrap(), "--json"]);
    assert_eq!(summary["imported"], 4, "{summary}");
    assert_eq!(summary["already_imported"], 1, "{summary}");
    assert_eq!(sessions(&db).len(), 4);
}

#[test]
fn a_dry_run_shows_the_import_and_writes_nothing() {
    let db = TestDb::new(NOW);
    let before = db.state();
    let dry = db.json(&[
        "import",
        "toggl",
        &fixture("toggl_detailed.csv"),
        "--dry-run",
    ]);
    assert_eq!(dry["dry_run"], true);
    assert_eq!(dry["imported"], 4);
    let names: Vec<&str> = dry["clients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Acme", "Bôulangerie Dupré"]);
    assert_eq!(dry["clients"][0]["created"], true);
    assert_eq!(dry["clients"][0]["sessions"], 3);
    assert_eq!(db.state(), before);
    let text = db.ok(&[
        "import",
        "toggl",
        &fixture("toggl_detailed.csv"),
        "--dry-run",
    ]);
    assert!(text.starts_with("Dry run, nothing was written: 4 sessions would be imported, 2024-03-04 09:00 – 2024-03-06 00:45"), "{text}");
    assert!(
        text.contains("Acme (new client, 45.00 EUR/h): 3 sessions"),
        "{text}"
    );
    assert_eq!(db.state(), before);
    // The real import does what the dry run said.
    let real = db.json(&["import", "toggl", &fixture("toggl_detailed.csv")]);
    assert_eq!(real["imported"], dry["imported"]);
    assert_eq!(real["seconds"], dry["seconds"]);
}

#[test]
fn an_unreadable_value_names_file_and_line_and_writes_nothing() {
    let db = TestDb::new(NOW);
    let before = db.state();
    let err = db.fails(1, &["import", "toggl", &fixture("toggl_bad_date.csv")]);
    assert!(err.contains("toggl_bad_date.csv, line 4"), "{err}");
    assert!(
        err.contains("Start date '2025-13-45' is not a date"),
        "{err}"
    );
    // The two good lines before it were not kept either.
    assert_eq!(db.state(), before);
}

#[test]
fn reordered_columns_extra_columns_short_rows_and_times_without_seconds() {
    let db = TestDb::new(NOW);
    let summary = db.json(&["import", "toggl", &fixture("toggl_reordered.csv")]);
    assert_eq!(summary["imported"], 2);
    let log = sessions(&db);
    assert_eq!(log[0]["start"], "2024-03-06T16:00:00+01:00");
    assert_eq!(log[1]["end"], "2024-03-06T17:45:00+01:00");
    assert_eq!(log[1]["tags"], serde_json::json!([]));
    assert_eq!(log[1]["note"], "Site vitrine: Courte");
}

#[test]
fn overlaps_stop_the_import_by_default_or_are_skipped_and_listed() {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "50"]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2024-03-04 10:00",
        "--to",
        "2024-03-04 10:45",
    ]);
    let before = db.state();
    let err = db.fails(1, &["import", "toggl", &fixture("toggl_detailed.csv")]);
    assert!(err.contains("toggl_detailed.csv, line 2"), "{err}");
    assert!(err.contains("overlaps session 1 (Acme"), "{err}");
    assert!(
        err.contains("--on-overlap skip"),
        "the CLI says how to go on: {err}"
    );
    assert_eq!(db.state(), before);

    let dry = db.json(&[
        "import",
        "toggl",
        &fixture("toggl_detailed.csv"),
        "--dry-run",
    ]);
    assert_eq!(dry["imported"], 3);
    assert_eq!(db.state(), before);

    let summary = db.json(&[
        "import",
        "toggl",
        &fixture("toggl_detailed.csv"),
        "--on-overlap",
        "skip",
    ]);
    assert_eq!(summary["imported"], 3);
    let overlap = summary["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["reason"] == "overlap")
        .unwrap();
    assert_eq!(overlap["line"], 2);
    assert_eq!(overlap["overlaps"]["session"], 1);
    assert_eq!(overlap["overlaps"]["client"], "Acme");
    // The existing client keeps its own rate; imported sessions keep the source's.
    let clients = db.json(&["client", "list"]);
    assert_eq!(client(&clients, "Acme")["rate_minor"], 5000);
    assert_eq!(sessions(&db).len(), 4);
}

#[test]
fn overlaps_inside_the_file_name_the_other_line() {
    let db = TestDb::new(NOW);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twice.csv");
    std::fs::write(
        &path,
        "Client,Description,Start date,Start time,End date,End time\n\
         Acme,one,2024-03-04,09:00,2024-03-04,10:00\n\
         Acme,two,2024-03-04,09:30,2024-03-04,10:30\n",
    )
    .unwrap();
    let err = db.fails(1, &["import", "toggl", path.to_str().unwrap()]);
    assert!(err.contains("twice.csv, line 3"), "{err}");
    assert!(err.contains("the entry on line 2"), "{err}");
    let summary = db.json(&[
        "import",
        "toggl",
        path.to_str().unwrap(),
        "--on-overlap",
        "skip",
    ]);
    assert_eq!(summary["imported"], 1);
    assert_eq!(summary["skipped"][0]["overlaps"]["line"], 2);
}

#[test]
fn clockify_twelve_hour_us_export_with_rates() {
    let db = TestDb::new(NOW);
    let summary = db.json(&["import", "clockify", &fixture("clockify_us.csv")]);
    assert_eq!(summary["imported"], 3);
    let clients = db.json(&["client", "list"]);
    let globex = client(&clients, "Globex");
    assert_eq!(
        (globex["rate_minor"].as_i64(), globex["currency"].as_str()),
        (Some(8000), Some("USD"))
    );
    // The client is empty on the last row: the project names it.
    assert!(client(&clients, "Internal")["rate_minor"] == 0);
    let log = sessions(&db);
    assert_eq!(log[0]["start"], "2024-03-04T09:00:00+01:00");
    assert_eq!(log[0]["end"], "2024-03-04T10:15:00+01:00");
    assert_eq!(log[0]["note"], "Website: Landing page, hero");
    assert_eq!(log[0]["amount_minor"], 10000);
    assert_eq!(log[1]["start"], "2024-03-04T12:30:00+01:00");
    assert_eq!(log[2]["start"], "2024-03-05T16:00:00+01:00");
    assert_eq!(log[2]["billable"], false);
}

#[test]
fn clockify_day_first_dates_decimal_commas_and_client_from_project() {
    let db = TestDb::new(NOW);
    let summary = db.json(&[
        "import",
        "clockify",
        &fixture("clockify_eu.csv"),
        "--client-from",
        "project",
    ]);
    assert_eq!(summary["imported"], 2);
    let clients = db.json(&["client", "list"]);
    assert_eq!(client(&clients, "Refonte")["rate_minor"], 6000);
    let log = sessions(&db);
    // 04/03/2024 is March 4th: 25/03/2024 in the same file shows the day comes first.
    assert_eq!(log[0]["start"], "2024-03-04T09:00:00+01:00");
    assert_eq!(log[1]["start"], "2024-03-25T14:00:00+01:00");
    assert_eq!(log[0]["note"], "Atelier");
}

#[test]
fn the_timezone_flag_reads_times_in_another_zone() {
    let db = TestDb::new(NOW);
    db.ok(&[
        "import",
        "clockify",
        &fixture("clockify_us.csv"),
        "--timezone",
        "America/New_York",
    ]);
    let log = sessions(&db);
    // 09:00 in New York (EST, -05:00) is 15:00 in Paris.
    assert_eq!(log[0]["start"], "2024-03-04T15:00:00+01:00");
    let err = db.fails(
        2,
        &["import", "toggl", "x.csv", "--timezone", "Mars/Olympus"],
    );
    assert!(err.contains("Mars/Olympus"), "{err}");
}

#[test]
fn watson_frames() {
    let db = TestDb::new(NOW);
    let summary = db.json(&["import", "watson", &fixture("watson")]);
    assert_eq!(summary["imported"], 2);
    assert_eq!(summary["skipped"][0]["reason"], "zero_length");
    assert_eq!(summary["skipped"][0]["line"], 21);
    let log = sessions(&db);
    assert_eq!(log[0]["client"], "acme");
    assert_eq!(log[0]["start"], "2024-03-04T09:00:00+01:00");
    assert_eq!(log[0]["tags"], serde_json::json!(["design", "client-call"]));
    assert_eq!(log[1]["client"], "bôulangerie");
}

#[test]
fn timewarrior_data_folder_with_a_client_tag() {
    let db = TestDb::new(NOW);
    let summary = db.json(&[
        "import",
        "timewarrior",
        &fixture("timewarrior"),
        "--client-tag",
        "client:",
    ]);
    assert_eq!(summary["imported"], 3);
    let reasons: Vec<&str> = summary["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["reason"].as_str().unwrap())
        .collect();
    assert_eq!(reasons, ["zero_length", "running"]);
    let log = sessions(&db);
    assert_eq!(log[0]["client"], "No client");
    assert_eq!(log[0]["note"], "Maquette, \"v2\" de l'accueil");
    assert_eq!(log[0]["tags"], serde_json::json!(["acme", "design"]));
    assert_eq!(log[2]["client"], "Initech");
    assert_eq!(log[2]["start"], "2024-03-04T09:00:00+01:00");
    assert_eq!(log[2]["note"], "Revue du lot 3");
}

#[test]
fn timewarrior_first_tag_names_the_client() {
    let db = TestDb::new(NOW);
    db.ok(&[
        "import",
        "timewarrior",
        &fixture("timewarrior/data/2024-02.data"),
    ]);
    let log = sessions(&db);
    assert_eq!(log.len(), 2);
    assert_eq!(log[0]["client"], "acme");
    assert_eq!(log[1]["tags"], serde_json::json!(["client-call"]));
}

#[test]
fn missing_files_and_columns_are_explained() {
    let db = TestDb::new(NOW);
    let err = db.fails(1, &["import", "toggl", "/nonexistent/export.csv"]);
    assert!(
        err.contains("/nonexistent/export.csv cannot be read"),
        "{err}"
    );
    let err = db.fails(1, &["import", "clockify", &fixture("watson")]);
    assert!(err.contains("holds no clockify export"), "{err}");
    let err = db.fails(1, &["import", "clockify", &fixture("watson/frames")]);
    assert!(err.contains("no column 'Start Date'"), "{err}");
    let err = db.fails(2, &["import", "harvest", "x.csv"]);
    assert!(err.contains("harvest"), "{err}");
}

#[test]
fn json_summary_goes_to_stdout_and_nothing_else() {
    let db = TestDb::new(NOW);
    let out = db
        .cmd()
        .args(["--json", "import", "watson", &fixture("watson/frames")])
        .assert()
        .success();
    let output = out.get_output();
    let _: Value = serde_json::from_slice(&output.stdout).unwrap();
    // Not a terminal: no progress bar.
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn rebuild_totals_recounts_and_changes_no_figure() {
    let db = TestDb::new(NOW);
    db.ok(&["import", "toggl", &fixture("toggl_detailed.csv")]);
    let before = db.json(&["report", "totals"]);
    let rebuilt = db.json(&["rebuild-totals"]);
    // Acme and Bôulangerie, all in the week bucket of 2024-02-29 to 2024-03-07 (UTC).
    assert_eq!(rebuilt["rows"], 2);
    assert_eq!(db.json(&["report", "totals"]), before);
    assert_eq!(before["total_seconds"], 5400 + 433 + 3600 + 4500);
}

#[test]
fn the_summary_speaks_french() {
    let db = TestDb::new(NOW);
    db.ok(&["settings", "set", "locale", "fr"]);
    let text = db.ok(&[
        "import",
        "toggl",
        &fixture("toggl_detailed.csv"),
        "--dry-run",
    ]);
    assert!(
        text.starts_with("Simulation, rien n’a été écrit : 4 séances seraient importées, du 2024-03-04 09:00 au 2024-03-06 00:45"),
        "{text}"
    );
    assert!(
        text.contains("  Acme (nouveau client, 45,00\u{202f}€/h) : 3 séances"),
        "{text}"
    );
    let err = db.fails(1, &["import", "toggl", &fixture("toggl_bad_date.csv")]);
    assert!(
        err.contains("ligne 4 : Start date « 2025-13-45 » n’est pas une date"),
        "{err}"
    );
}

/// An entry skipped for an overlap leaves no fingerprint behind: once the
/// session it overlapped is gone, importing the file again brings it in.
#[test]
fn an_entry_skipped_for_an_overlap_is_imported_once_the_overlap_is_gone() {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "50"]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2024-03-04 10:00",
        "--to",
        "2024-03-04 10:45",
    ]);
    let first = db.json(&[
        "import",
        "toggl",
        &fixture("toggl_detailed.csv"),
        "--on-overlap",
        "skip",
    ]);
    assert_eq!(
        (
            first["imported"].as_i64(),
            first["already_imported"].as_i64()
        ),
        (Some(3), Some(0))
    );
    db.ok(&["rm", "1"]);
    let again = db.json(&["import", "toggl", &fixture("toggl_detailed.csv")]);
    assert_eq!(again["already_imported"], 3);
    assert_eq!(again["imported"], 1, "the entry skipped before: {again}");
    assert_eq!(sessions(&db).len(), 4);
}
