//! `gardefou start|stop|status`: one running timer, switching, replacing.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use support::TestDb;

const NOW: &str = "2026-11-27T16:00:00+01:00";

fn db_with_clients() -> TestDb {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "45.50"]);
    db.ok(&["client", "add", "Beta", "--rate", "60"]);
    db
}

#[test]
fn status_keeps_its_keys_when_idle() {
    let db = db_with_clients();
    let status = db.json(&["status"]);
    assert_eq!(status["running"], false);
    for key in ["client", "started_at", "elapsed_seconds"] {
        assert!(
            status.get(key).is_some_and(|v| v.is_null()),
            "{key} present and null: {status}"
        );
    }
    assert_eq!(db.ok(&["status"]).trim(), "No timer running.");
}

#[test]
fn start_then_status_then_stop() {
    let db = db_with_clients();
    db.ok(&[
        "start", "Acme", "--at", "14:30", "--note", "Homepage", "--tag", "Design",
    ]);
    let status = db.json(&["status"]);
    assert_eq!(status["running"], true);
    assert_eq!(status["client"], "Acme");
    assert_eq!(status["started_at"], "2026-11-27T14:30:00+01:00");
    assert_eq!(status["elapsed_seconds"], 5400);
    assert_eq!(status["tags"], serde_json::json!(["design"]));
    let stopped = db.json(&["stop"]);
    assert_eq!(stopped["duration_seconds"], 5400);
    assert_eq!(stopped["end"], "2026-11-27T16:00:00+01:00");
    assert_eq!(stopped["amount_minor"], 6825);
    assert_eq!(db.json(&["status"])["running"], false);
}

#[test]
fn start_while_running_stops_the_running_one_at_the_same_instant() {
    let db = db_with_clients();
    db.ok(&["start", "Acme", "--at", "09:00"]);
    let out = db.json(&["start", "Beta", "--at", "11:15"]);
    assert_eq!(out["stopped"]["client"], "Acme");
    assert_eq!(out["stopped"]["end"], "2026-11-27T11:15:00+01:00");
    assert_eq!(out["started"]["start"], "2026-11-27T11:15:00+01:00");
    let text = db.cmd().args(["start", "Acme"]).assert().success();
    let text = String::from_utf8_lossy(&text.get_output().stdout).to_string();
    assert!(text.contains("Stopped Beta"), "says so: {text}");
    let log = db.json(&["log"]);
    assert_eq!(log.as_array().unwrap().len(), 3);
    assert_eq!(log[2]["end"], serde_json::Value::Null, "the last one runs");
}

#[test]
fn start_at_the_running_start_replaces_it() {
    let db = db_with_clients();
    db.ok(&["start", "Acme", "--at", "09:00"]);
    let out = db.json(&["start", "Beta", "--at", "09:00"]);
    assert_eq!(out["replaced"], true);
    let log = db.json(&["log"]);
    assert_eq!(
        log.as_array().unwrap().len(),
        1,
        "no zero-length row: {log}"
    );
    assert_eq!(log[0]["client"], "Beta");
}

#[test]
fn start_before_the_running_start_is_an_overlap() {
    let db = db_with_clients();
    db.ok(&["start", "Acme", "--at", "09:00"]);
    let err = db.fails(1, &["start", "Beta", "--at", "08:00"]);
    assert!(err.contains("overlaps session 1"), "{err}");
}

#[test]
fn start_in_the_past_over_a_finished_session_is_an_overlap() {
    let db = db_with_clients();
    db.ok(&["add", "Acme", "--from", "10:00", "--to", "11:00"]);
    let err = db.fails(1, &["start", "Beta", "--at", "10:30"]);
    assert!(err.contains("overlaps session 1 (Acme"), "{err}");
    db.ok(&["start", "Beta", "--at", "11:00"]);
}

#[test]
fn stop_with_nothing_running_fails_cleanly() {
    let db = db_with_clients();
    let err = db.fails(1, &["stop"]);
    assert!(err.contains("no timer is running"), "{err}");
}

#[test]
fn stop_never_refuses_a_long_session_but_warns() {
    let db = db_with_clients();
    db.cmd_at("2026-11-25T09:00:00+01:00")
        .args(["start", "Acme"])
        .assert()
        .success();
    let out = db.cmd().args(["stop"]).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(
        stderr.contains("warning") && stderr.contains("55 h"),
        "{stderr}"
    );
}

#[test]
fn stop_at_or_before_the_start_is_refused() {
    let db = db_with_clients();
    db.ok(&["start", "Acme", "--at", "15:00"]);
    db.fails(1, &["stop", "--at", "15:00"]);
    db.fails(1, &["stop", "--at", "14:00"]);
    db.ok(&["stop", "--at", "-10m"]);
    assert_eq!(db.json(&["log"])[0]["duration_seconds"], 3000);
}

#[test]
fn future_and_1970_starts_are_refused() {
    let db = db_with_clients();
    let err = db.fails(1, &["start", "Acme", "--at", "17:00"]);
    assert!(err.contains("future"), "{err}");
    let err = db.fails(1, &["start", "Acme", "--at", "1970-01-01 10:00"]);
    assert!(err.contains("1971"), "{err}");
}

#[test]
fn json_is_a_global_flag_before_or_after_the_command() {
    let db = db_with_clients();
    let after = db.cmd().args(["status", "--json"]).assert().success();
    let before = db.cmd().args(["--json", "status"]).assert().success();
    assert_eq!(after.get_output().stdout, before.get_output().stdout);
    serde_json::from_slice::<serde_json::Value>(&after.get_output().stdout).unwrap();
}
