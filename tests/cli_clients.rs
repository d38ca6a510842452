//! `gardefou client …`: adding, listing, editing, archiving.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use support::TestDb;

const NOW: &str = "2026-11-27T16:00:00+01:00";

#[test]
fn add_and_list_clients_as_json() {
    let db = TestDb::new(NOW);
    db.ok(&[
        "client", "add", "Acme", "--rate", "45.50", "--cap", "10h", "--round", "15m:up", "--color",
        "FFAA00",
    ]);
    db.ok(&[
        "client",
        "add",
        "  Beta   Studio ",
        "--rate",
        "60",
        "--currency",
        "usd",
    ]);
    let list = db.json(&["client", "list"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0]["name"], "Acme");
    assert_eq!(list[0]["rate_minor"], 4550);
    assert_eq!(list[0]["currency"], "EUR");
    assert_eq!(list[0]["cap_seconds"], 36000);
    assert_eq!(list[0]["rounding"], "15m:up");
    assert_eq!(list[0]["color"], "#ffaa00");
    assert_eq!(list[0]["archived"], false);
    assert_eq!(list[1]["name"], "Beta Studio");
    assert_eq!(list[1]["rate_minor"], 6000);
    assert_eq!(list[1]["currency"], "USD");
    assert!(list[1]["cap_seconds"].is_null());
    assert_eq!(list[0]["id"].as_str().unwrap().len(), 36, "a UUID");
}

#[test]
fn human_list_is_aligned() {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "45.50"]);
    db.ok(&["client", "add", "Longer Name", "--rate", "120"]);
    let text = db.ok(&["client", "list"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    let rate_end = |line: &str| line.find("/h").unwrap();
    assert_eq!(
        rate_end(lines[1]),
        rate_end(lines[2]),
        "rates right-aligned:\n{text}"
    );
}

#[test]
fn currency_defaults_to_the_setting() {
    let db = TestDb::new(NOW);
    db.ok(&["settings", "set", "currency", "chf"]);
    let client = db.json(&["client", "add", "Acme", "--rate", "100"]);
    assert_eq!(client["currency"], "CHF");
}

#[test]
fn edit_renames_changes_rate_cap_and_rounding() {
    let db = TestDb::new(NOW);
    db.ok(&[
        "client", "add", "Acme", "--rate", "45.50", "--cap", "10h", "--round", "15m:up",
    ]);
    let edited = db.json(&[
        "client",
        "edit",
        "acme",
        "--rename",
        "Acme Corp",
        "--rate",
        "50",
        "--cap",
        "none",
        "--round",
        "none",
    ]);
    assert_eq!(edited["name"], "Acme Corp");
    assert_eq!(edited["rate_minor"], 5000);
    assert!(edited["cap_seconds"].is_null());
    assert!(edited["rounding"].is_null());
    // Renaming to a different case of itself is allowed.
    db.ok(&["client", "edit", "Acme Corp", "--rename", "ACME corp"]);
}

#[test]
fn raising_a_rate_never_rewrites_past_sessions() {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "40"]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-27 09:00",
        "--to",
        "2026-11-27 10:00",
    ]);
    db.ok(&["client", "edit", "Acme", "--rate", "80"]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-27 10:00",
        "--to",
        "2026-11-27 11:00",
    ]);
    let log = db.json(&["log"]);
    let amounts: Vec<i64> = log
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["amount_minor"].as_i64().unwrap())
        .collect();
    assert_eq!(amounts, vec![4000, 8000]);
}

#[test]
fn archived_clients_keep_history_and_cannot_start() {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme"]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-27 09:00",
        "--to",
        "2026-11-27 10:00",
    ]);
    db.ok(&["client", "archive", "Acme"]);
    let err = db.fails(1, &["start", "Acme"]);
    assert!(err.contains("archived"), "{err}");
    assert_eq!(db.json(&["log"]).as_array().unwrap().len(), 1);
    assert_eq!(db.json(&["client", "list"])[0]["archived"], true);
    db.ok(&["client", "unarchive", "Acme"]);
    db.ok(&["start", "Acme"]);
}

#[test]
fn cannot_archive_the_running_client() {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme"]);
    db.ok(&["start", "Acme"]);
    let err = db.fails(1, &["client", "archive", "Acme"]);
    assert!(err.contains("running"), "{err}");
}

#[test]
fn unknown_client_suggests_the_closest_name() {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme Corp"]);
    let err = db.fails(1, &["start", "Acme Crop"]);
    assert!(err.contains("did you mean 'Acme Corp'"), "{err}");
}

#[test]
fn changing_currency_keeps_the_decimal_rate_when_it_fits() {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "45.50"]);
    let err = db.fails(1, &["client", "edit", "Acme", "--currency", "JPY"]);
    assert!(err.contains("JPY has 0 decimals"), "{err}");
    let chf = db.json(&["client", "edit", "Acme", "--currency", "CHF"]);
    assert_eq!(
        (chf["rate_minor"].as_i64(), chf["currency"].as_str()),
        (Some(4550), Some("CHF"))
    );
    let jpy = db.json(&[
        "client",
        "edit",
        "Acme",
        "--currency",
        "JPY",
        "--rate",
        "5000",
    ]);
    assert_eq!(jpy["rate_minor"], 5000);
}
