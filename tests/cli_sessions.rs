//! `gardefou add|log|edit|rm|restore-session`.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use serde_json::Value;
use support::TestDb;

const NOW: &str = "2026-11-27T16:00:00+01:00"; // a Friday

fn db() -> TestDb {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "45.50"]);
    db.ok(&["client", "add", "Beta", "--rate", "60"]);
    db
}

fn numbers(log: &Value) -> Vec<i64> {
    log.as_array()
        .unwrap()
        .iter()
        .map(|s| s["number"].as_i64().unwrap())
        .collect()
}

#[test]
fn log_json_has_the_documented_keys() {
    let db = db();
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "09:00",
        "--to",
        "10:30",
        "--note",
        "Kick-off",
        "--tag",
        "meeting",
        "--non-billable",
    ]);
    let log = db.json(&["log"]);
    let s = &log[0];
    for key in [
        "id",
        "client",
        "start",
        "end",
        "duration_seconds",
        "billable",
        "note",
        "tags",
    ] {
        assert!(s.get(key).is_some(), "missing {key}: {s}");
    }
    assert_eq!(s["duration_seconds"], 5400);
    assert_eq!(s["billable"], false);
    assert_eq!(s["amount_minor"], 0);
    assert_eq!(s["tags"], serde_json::json!(["meeting"]));
    assert_eq!(s["source"], "manual");
}

#[test]
fn log_defaults_to_the_current_week_oldest_first_with_the_running_one() {
    let db = db();
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-22 22:00",
        "--to",
        "2026-11-23 02:00",
    ]); // Sun night into Monday
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-20 09:00",
        "--to",
        "2026-11-20 10:00",
    ]); // last week
    db.ok(&[
        "add",
        "Beta",
        "--from",
        "2026-11-24 09:00",
        "--to",
        "2026-11-24 10:00",
    ]);
    db.ok(&["start", "Acme", "--at", "15:00"]);
    let log = db.json(&["log"]);
    assert_eq!(numbers(&log), vec![1, 3, 4], "{log}");
    assert!(log[2]["end"].is_null());
    assert_eq!(log[2]["duration_seconds"], 3600);
}

#[test]
fn log_range_includes_both_days_and_filters_by_client() {
    let db = db();
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-02 09:00",
        "--to",
        "2026-11-02 10:00",
    ]);
    db.ok(&[
        "add",
        "Beta",
        "--from",
        "2026-11-03 09:00",
        "--to",
        "2026-11-03 10:00",
    ]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-04 23:00",
        "--to",
        "2026-11-04 23:30",
    ]);
    assert_eq!(
        numbers(&db.json(&["log", "--from", "2026-11-02", "--to", "2026-11-04"])),
        vec![1, 2, 3]
    );
    assert_eq!(
        numbers(&db.json(&["log", "--from", "2026-11-03", "--to", "2026-11-03"])),
        vec![2]
    );
    assert_eq!(
        numbers(&db.json(&[
            "log",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--client",
            "acme"
        ])),
        vec![1, 3]
    );
}

#[test]
fn the_week_start_setting_moves_the_default_log() {
    let db = db();
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-22 09:00",
        "--to",
        "2026-11-22 10:00",
    ]); // Sunday
    assert!(db.json(&["log"]).as_array().unwrap().is_empty());
    db.ok(&["settings", "set", "week_start", "sunday"]);
    assert_eq!(numbers(&db.json(&["log"])), vec![1]);
}

#[test]
fn overlapping_add_names_the_colliding_session() {
    let db = db();
    db.ok(&["add", "Acme", "--from", "09:00", "--to", "10:00"]);
    let err = db.fails(1, &["add", "Beta", "--from", "09:30", "--to", "11:00"]);
    assert!(
        err.contains("session 1") && err.contains("Acme") && err.contains("09:00"),
        "{err}"
    );
    // Touching ends are not an overlap.
    db.ok(&["add", "Beta", "--from", "10:00", "--to", "11:00"]);
    db.ok(&["add", "Beta", "--from", "08:00", "--to", "09:00"]);
}

#[test]
fn edit_by_number_or_id_prefix() {
    let db = db();
    db.ok(&[
        "add", "Acme", "--from", "09:00", "--to", "10:00", "--tag", "a",
    ]);
    let edited = db.json(&[
        "edit", "1", "--to", "10:30", "--client", "Beta", "--note", "moved", "--tag", "b", "--tag",
        "c",
    ]);
    assert_eq!(edited["client"], "Beta");
    assert_eq!(edited["duration_seconds"], 5400);
    assert_eq!(edited["rate_minor"], 6000, "takes the new client's rate");
    assert_eq!(edited["tags"], serde_json::json!(["b", "c"]));
    let id = edited["id"].as_str().unwrap().to_string();
    // A prefix long enough to be unique (UUIDv7 starts with the timestamp).
    let prefix = &id[..id.len() - 4];
    let again = db.json(&["edit", prefix, "--non-billable"]);
    assert_eq!(again["billable"], false);
    assert_eq!(
        again["tags"],
        serde_json::json!(["b", "c"]),
        "tags kept when not given"
    );
}

#[test]
fn an_id_prefix_of_digits_is_an_id_and_a_number_has_no_leading_zero() {
    // In April 2025 an id's hex starts with 01961: a prefix of digits only.
    let db = TestDb::new("2025-04-10T10:00:00+02:00");
    db.ok(&["client", "add", "Acme"]);
    let first = db.json(&["add", "Acme", "--from", "08:00", "--to", "09:00"]);
    assert!(
        first["id"].as_str().unwrap().starts_with("01961eb6"),
        "{first}"
    );
    let edited = db.json(&["edit", "01961", "--note", "by prefix"]);
    assert_eq!(edited["number"], 1);
    assert_eq!(edited["note"], "by prefix");
    assert_eq!(db.json(&["rm", "0196"])["deleted"], true);
    // Dashes are ignored, as in the id's own form.
    assert_eq!(db.json(&["restore-session", "0196-1"])["deleted"], false);
    // Numbers: no leading zero, `#`, or too short to be a prefix.
    for handle in ["1", "#1", "01"] {
        assert_eq!(db.json(&["edit", handle, "--note", handle])["number"], 1);
    }
    let err = db.fails(1, &["edit", "#01961", "--note", "x"]);
    assert!(err.contains("no session number 1961"), "{err}");
    let err = db.fails(1, &["rm", "0123"]);
    assert!(err.contains("no session with id 0123"), "{err}");
    // Two ids two hours apart share their first 6 digits.
    db.cmd_at("2025-04-10T12:00:00+02:00")
        .args(["add", "Acme", "--from", "10:00", "--to", "11:00"])
        .assert()
        .success();
    let err = db.fails(1, &["rm", "01961"]);
    assert!(err.contains("matches several sessions"), "{err}");
    assert_eq!(db.json(&["rm", "01961f"])["number"], 2);
}

#[test]
fn edit_into_an_overlap_is_refused_and_changes_nothing() {
    let db = db();
    db.ok(&["add", "Acme", "--from", "09:00", "--to", "10:00"]);
    db.ok(&["add", "Beta", "--from", "11:00", "--to", "12:00"]);
    let before = db.state();
    let err = db.fails(1, &["edit", "2", "--from", "09:59", "--note", "x"]);
    assert!(err.contains("overlaps session 1"), "{err}");
    assert_eq!(db.state(), before);
}

#[test]
fn rm_hides_and_restore_brings_back() {
    let db = db();
    db.ok(&["add", "Acme", "--from", "09:00", "--to", "10:00"]);
    db.ok(&["rm", "1"]);
    assert!(db.json(&["log"]).as_array().unwrap().is_empty());
    // The freed slot can be reused; restoring would then overlap.
    db.ok(&["add", "Beta", "--from", "09:30", "--to", "10:30"]);
    let err = db.fails(1, &["restore-session", "1"]);
    assert!(err.contains("overlaps session 2"), "{err}");
    db.ok(&["rm", "#2"]);
    db.ok(&["restore-session", "1"]);
    assert_eq!(numbers(&db.json(&["log"])), vec![1]);
    db.fails(1, &["rm", "99"]);
    db.fails(1, &["restore-session", "1"]);
}

#[test]
fn rm_confirms_first_then_says_how_to_bring_it_back_and_where_to_find_it() {
    let db = db();
    db.ok(&["add", "Acme", "--from", "09:00", "--to", "10:00"]);
    let out = db.ok(&["rm", "1"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("Deleted session 1"), "{out}");
    assert!(
        lines[1].contains("gardefou restore-session 1")
            && lines[1].contains("gardefou log --deleted"),
        "{out}"
    );
    db.ok(&["restore-session", "1"]);
    db.ok(&["settings", "set", "locale", "fr"]);
    let out = db.ok(&["rm", "1"]);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Séance 1 supprimée"), "{out}");
    assert!(lines[1].contains("`gardefou log --deleted` liste"), "{out}");
}

#[test]
fn log_deleted_lists_only_the_deleted_sessions_of_the_range() {
    let db = db();
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-20 09:00",
        "--to",
        "2026-11-20 10:00",
    ]);
    db.ok(&[
        "add",
        "Beta",
        "--from",
        "2026-11-25 09:00",
        "--to",
        "2026-11-25 10:00",
    ]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-26 09:00",
        "--to",
        "2026-11-26 10:30",
    ]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-27 09:00",
        "--to",
        "2026-11-27 10:00",
    ]);
    let none = db.ok(&["log", "--deleted"]);
    assert_eq!(none.trim(), "No deleted sessions in this range.");
    for number in ["1", "3", "2"] {
        db.ok(&["rm", number]);
    }
    // The current week by default, oldest first, with `deleted: true`.
    let deleted = db.json(&["log", "--deleted"]);
    assert_eq!(numbers(&deleted), vec![2, 3]);
    assert!(
        deleted
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["deleted"] == true)
    );
    assert_eq!(deleted[1]["duration_seconds"], 5400);
    assert_eq!(numbers(&db.json(&["log"])), vec![4], "live ones apart");
    let all = [
        "log",
        "--deleted",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-27",
    ];
    assert_eq!(numbers(&db.json(&all)), vec![1, 2, 3]);
    let acme = [&all[..], &["--client", "acme"]].concat();
    assert_eq!(numbers(&db.json(&acme)), vec![1, 3]);
    let day = [
        "log",
        "--deleted",
        "--from",
        "2026-11-20",
        "--to",
        "2026-11-20",
    ];
    assert_eq!(numbers(&db.json(&day)), vec![1]);
    let text = db.ok(&["log", "--deleted"]);
    assert!(text.contains("Beta") && text.contains("1:30"), "{text}");
    assert!(
        text.contains("2 deleted sessions (2 h 30 min). Bring one back with `gardefou restore-session NUMBER`."),
        "{text}"
    );
    // Brought back, it leaves the deleted list.
    db.ok(&["restore-session", "3"]);
    assert_eq!(numbers(&db.json(&all)), vec![1, 2]);
    db.fails(
        1,
        &[
            "log",
            "--deleted",
            "--from",
            "2026-11-27",
            "--to",
            "2026-11-01",
        ],
    );
    db.fails(1, &["log", "--deleted", "--client", "Nobody"]);
}

#[test]
fn long_sessions_need_allow_long() {
    let db = db();
    let err = db.fails(
        1,
        &[
            "add",
            "Acme",
            "--from",
            "2026-11-20 09:00",
            "--to",
            "2026-11-21 09:01",
        ],
    );
    assert!(err.contains("--allow-long"), "{err}");
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-20 09:00",
        "--to",
        "2026-11-21 09:00",
    ]); // exactly 24 h
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-21 10:00",
        "--to",
        "2026-11-22 12:00",
        "--allow-long",
    ]);
}

#[test]
fn dst_ambiguous_and_missing_local_times_are_refused_with_a_hint() {
    let db = db();
    let err = db.fails(
        1,
        &[
            "add",
            "Acme",
            "--from",
            "2026-03-29 02:30",
            "--to",
            "2026-03-29 04:00",
        ],
    );
    assert!(
        err.contains("does not exist") && err.contains("2026-03-29T03:30:00+02:00"),
        "{err}"
    );
    let err = db.fails(
        1,
        &[
            "add",
            "Acme",
            "--from",
            "2026-10-25 02:30",
            "--to",
            "2026-10-25 04:00",
        ],
    );
    assert!(
        err.contains("happens twice") && err.contains("+01:00") && err.contains("+02:00"),
        "{err}"
    );
    // With an offset it is accepted, and the 25-hour day counts real time.
    let s = db.json(&[
        "add",
        "Acme",
        "--from",
        "2026-10-25T01:30:00+02:00",
        "--to",
        "2026-10-25T02:30:00+01:00",
    ]);
    assert_eq!(s["duration_seconds"], 7200);
}

#[test]
fn new_york_sessions_print_in_new_york_time() {
    let db = TestDb::in_zone("2026-11-27T16:00:00-05:00", "America/New_York");
    db.ok(&["client", "add", "Acme"]);
    let s = db.json(&[
        "add",
        "Acme",
        "--from",
        "2026-11-27 09:00",
        "--to",
        "2026-11-27 10:00",
    ]);
    assert_eq!(s["start"], "2026-11-27T09:00:00-05:00");
}

#[test]
fn notes_may_start_with_a_dash() {
    let db = db();
    let s = db.json(&[
        "add",
        "Acme",
        "--from",
        "09:00",
        "--to",
        "10:00",
        "--note",
        "-2h pairing",
    ]);
    assert_eq!(s["note"], "-2h pairing");
    let s = db.json(&["edit", "1", "--note", "--- redo"]);
    assert_eq!(s["note"], "--- redo");
}
