//! `gardefou check|overrides`, start enforcement (exit 3) and `status` projections.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use support::TestDb;

const NOW: &str = "2026-11-27T19:00:00+01:00"; // a Friday evening in Paris

fn db_over_cap() -> TestDb {
    let db = TestDb::new(NOW);
    db.ok(&["settings", "set", "weekly_cap", "10h"]);
    db.ok(&["client", "add", "Acme", "--cap", "6h"]);
    db.ok(&["client", "add", "Beta"]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-23 09:00",
        "--to",
        "2026-11-23 17:00",
    ]);
    db
}

#[test]
fn start_is_refused_with_exit_3_naming_each_boundary() {
    let db = db_over_cap();
    let before = db.state();
    let err = db.fails(3, &["start", "Acme"]);
    assert!(
        err.contains("You reached Acme's 6 h cap for the week — 8 h tracked."),
        "{err}"
    );
    assert!(
        err.contains("It is 19:00, outside your working hours."),
        "{err}"
    );
    assert!(err.contains("--override"), "{err}");
    assert!(
        !err.contains("weekly"),
        "the weekly cap (10 h) is not reached: {err}"
    );
    assert_eq!(db.state(), before, "a refusal writes nothing");
    // Another client: only the off-hours boundary.
    let err = db.fails(3, &["start", "Beta"]);
    assert!(!err.contains("Acme"), "{err}");
    // An empty reason is not a reason.
    db.fails(1, &["start", "Acme", "--override", "  "]);
}

#[test]
fn an_override_starts_and_is_recorded() {
    let db = db_over_cap();
    db.ok(&["start", "Acme", "--override", "Launch tomorrow"]);
    assert_eq!(db.json(&["status"])["client"], "Acme");
    let listed = db.json(&["overrides"]);
    assert_eq!(listed["week"], "2026-11-23");
    let rows = listed["overrides"].as_array().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["client"], "Acme");
    assert_eq!(rows[0]["reason"], "Launch tomorrow");
    assert_eq!(rows[0]["at"], "2026-11-27T19:00:00+01:00");
    assert_eq!(
        rows[0]["boundaries"],
        serde_json::json!(["client_cap_reached", "off_hours"])
    );
    assert!(db.ok(&["overrides"]).contains("Launch tomorrow"));
    // Another week has none.
    let other = db.json(&["overrides", "--week", "2026-11-16"]);
    assert_eq!(other["overrides"], serde_json::json!([]));
    // Manual `add` is never refused, even past every boundary.
    db.ok(&[
        "add",
        "Beta",
        "--from",
        "2026-11-26 20:00",
        "--to",
        "2026-11-26 23:00",
    ]);
}

#[test]
fn check_records_once_and_lists_what_is_active() {
    let db = db_over_cap();
    let first = db.json(&["check"]);
    let alerts = first["alerts"].as_array().unwrap();
    let kinds: Vec<&str> = alerts.iter().map(|a| a["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["weekly_cap_warning", "client_cap_reached"]);
    let reached = &alerts[1];
    assert_eq!(reached["client"], "Acme");
    assert_eq!(reached["period"], "week:2026-11-23");
    assert_eq!(reached["fired_at"], "2026-11-27T19:00:00+01:00");
    assert_eq!(
        reached["message"],
        "You reached Acme's 6 h cap for the week — 8 h tracked. Stop here, or agree on more time with Acme."
    );
    assert!(alerts[0]["client"].is_null());
    // Again, even later: nothing new, the same two active.
    let second = db
        .cmd_at("2026-11-27T19:30:00+01:00")
        .args(["--json", "check"])
        .assert()
        .success();
    let second: serde_json::Value = serde_json::from_slice(&second.get_output().stdout).unwrap();
    assert_eq!(second["alerts"], serde_json::json!([]));
    assert_eq!(second["active"].as_array().unwrap().len(), 2);
    assert!(db.ok(&["check"]).starts_with("No new alert."));
}

#[test]
fn status_projects_the_cap_instants() {
    let db = TestDb::new("2026-11-25T10:00:00+01:00");
    db.ok(&["settings", "set", "weekly_cap", "10h"]);
    db.ok(&["client", "add", "Acme", "--cap", "3h"]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-23 09:00",
        "--to",
        "2026-11-23 16:00",
    ]);
    let idle = db.json(&["status"]);
    assert!(idle["weekly_cap_reached_at"].is_null());
    assert!(idle["client_cap_reached_at"].is_null());
    db.ok(&[
        "start",
        "Acme",
        "--at",
        "09:00",
        "--planned",
        "15m",
        "--override",
        "Client call",
    ]);
    let status = db.json(&["status"]);
    assert_eq!(status["planned_seconds"], 900);
    // 8 h by 10:00, so 10 h at 12:00; Acme had 7 h already: its 3 h cap was
    // reached on Monday at 12:00.
    assert_eq!(status["weekly_cap_reached_at"], "2026-11-25T12:00:00+01:00");
    assert_eq!(status["client_cap_reached_at"], "2026-11-23T12:00:00+01:00");
}

#[test]
fn boundary_settings_refuse_nonsense() {
    let db = TestDb::new(NOW);
    for (key, value) in [
        ("weekly_cap", "forty"),
        ("warn_at", "120"),
        ("working_hours", "mon-fri 18:00-09:00"),
        ("rest_days", "caturday"),
        ("nag_every", "5 minutes"),
    ] {
        let err = db.fails(1, &["settings", "set", key, value]);
        assert!(!err.is_empty(), "{key}");
    }
    db.ok(&["settings", "set", "rest_days", "fri,sat"]);
    let shown = db.json(&["settings", "show"]);
    assert_eq!(shown["rest_days"], "fri,sat");
    assert_eq!(shown["working_hours"], "mon-fri 09:00-18:00; sat-sun off");
}
