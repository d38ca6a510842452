//! Several processes racing on one database: the schema and the write
//! transactions keep one running timer and no overlap, and nobody sees "locked".

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use std::process::{Command, Stdio};

use serde_json::Value;
use support::TestDb;

const NOW: &str = "2026-11-27T16:00:00+01:00";
const RACERS: usize = 8;

fn spawn_start(db: &TestDb, client: &str, now: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_gardefou"))
        .env_remove("GARDEFOU_DB")
        .env("GARDEFOU_NOW", now)
        .arg("--db")
        .arg(&db.path)
        .args(["start", client])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn gardefou")
}

fn assert_one_running_no_overlap(db: &TestDb) -> Vec<Value> {
    let log = db.json(&["log", "--from", "2026-11-27", "--to", "2026-11-27"]);
    let sessions = log.as_array().unwrap().clone();
    let running = sessions.iter().filter(|s| s["end"].is_null()).count();
    assert_eq!(running, 1, "exactly one running: {log}");
    for pair in sessions.windows(2) {
        let end = pair[0]["end"].as_str().expect("only the last one runs");
        assert!(
            end <= pair[1]["start"].as_str().unwrap(),
            "overlap: {pair:?}"
        );
    }
    sessions
}

#[test]
fn racing_starts_at_different_instants_keep_the_invariants() {
    let db = TestDb::new(NOW);
    for i in 0..RACERS {
        db.ok(&["client", "add", &format!("Client {i}")]);
    }
    let children: Vec<_> = (0..RACERS)
        .map(|i| {
            spawn_start(
                &db,
                &format!("Client {i}"),
                &format!("2026-11-27T15:00:{:02}+01:00", i * 5),
            )
        })
        .collect();
    let mut started = 0;
    for child in children {
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => started += 1,
            // A racer that arrives after a later start finds its instant taken.
            Some(1) => assert!(stderr.contains("overlaps"), "unexpected failure: {stderr}"),
            other => panic!("exit {other:?}: {stderr}"),
        }
        assert!(
            !stderr.contains("locked") && !stderr.contains("busy"),
            "{stderr}"
        );
    }
    assert!(started >= 1);
    let sessions = assert_one_running_no_overlap(&db);
    assert_eq!(sessions.len(), started, "one row per successful start");
}

#[test]
fn racing_starts_at_the_same_instant_leave_one_session() {
    let db = TestDb::new(NOW);
    for i in 0..RACERS {
        db.ok(&["client", "add", &format!("Client {i}")]);
    }
    let children: Vec<_> = (0..RACERS)
        .map(|i| spawn_start(&db, &format!("Client {i}"), NOW))
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let sessions = assert_one_running_no_overlap(&db);
    assert_eq!(
        sessions.len(),
        1,
        "each later start replaced the one at the same second"
    );
}
