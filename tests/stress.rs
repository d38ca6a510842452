//! Concurrent writers: 4 processes (the CLI, `watch` and the app all hold
//! their own connection) doing mixed changes and reads on one database, while
//! the `gardefou` CLI runs beside them.
//! Nobody sees "database is locked", no acknowledged change is lost, the
//! invariants hold (one running session at most, no overlaps, integrity).
//!
//! CI runs 4 × 150 operations. By hand, 4 × 2500:
//!   GARDEFOU_STRESS_OPS=2500 cargo test --release --test stress -- --nocapture
//! A worker is this test binary started again (`stress_worker`, ignored in
//! normal runs); it prints one JSON summary of what it was told was done.

#![allow(clippy::unwrap_used)] // tests fail loudly by design
#![cfg(unix)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Instant;

use chrono::{DateTime, Utc};
use gardefou::clock::FixedClock;
use gardefou::tracker::{NewClient, NewSession, SessionChanges, StartRequest};
use gardefou::{Error, Tracker};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

const DB_ENV: &str = "GARDEFOU_STRESS_DB";
const WORKER_ENV: &str = "GARDEFOU_STRESS_WORKER";
const OPS_ENV: &str = "GARDEFOU_STRESS_OPS";
const WORKERS: usize = 4;
/// Timers run from here on, one minute per operation per worker, interleaved.
const TIMER_BASE: i64 = 1_795_392_000; // 2026-11-23T00:00:00Z
/// Each worker's own lane of past sessions, well before every timer.
const LANE_BASE: i64 = TIMER_BASE - 400 * 86_400;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Summary {
    worker: usize,
    ops: usize,
    /// Timer changes refused by a rule of the data (a start before another
    /// worker's running one, nothing running): answers, not failures.
    refused: usize,
    /// Anything else that went wrong, with its message (must stay empty).
    failures: Vec<String>,
    max_wait_ms: f64,
    /// Which operation waited longest.
    worst: String,
    /// Every operation's wait, in milliseconds.
    waits: Vec<f64>,
    /// Lane sessions: note → (tags, deleted) as last acknowledged.
    lane: BTreeMap<String, (String, bool)>,
    /// Notes of the timers this worker started.
    started: Vec<String>,
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

fn is_busy(error: &Error) -> bool {
    matches!(error, Error::Sqlite(_)) || error.to_string().contains("locked")
}

#[test]
#[ignore = "a worker of the stress test; the test starts it"]
fn stress_worker() {
    let Ok(path) = std::env::var(DB_ENV) else {
        return;
    };
    let w: usize = std::env::var(WORKER_ENV).unwrap().parse().unwrap();
    let ops: usize = std::env::var(OPS_ENV).unwrap().parse().unwrap();
    let clock = Arc::new(FixedClock::new(at(TIMER_BASE)));
    let mut tracker = Tracker::open(Path::new(&path), clock.clone()).unwrap();
    let mut summary = Summary {
        worker: w,
        ..Summary::default()
    };
    let mut live: Vec<(String, i64)> = Vec::new(); // (note, number) of lane sessions not deleted
    let mut seed = (w as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let client = format!("C{w}");
    for i in 0..ops {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let now = TIMER_BASE + ((i * WORKERS + w) as i64) * 60;
        clock.set(at(now));
        let started = Instant::now();
        let choice = seed % 10;
        let lane_note = format!("w{w}-{i}");
        // What the change is, and whether a refusal is an acceptable answer.
        let (result, refusable): (Result<(), Error>, bool) = match choice {
            0 | 1 => {
                let start = LANE_BASE + ((i * WORKERS + w) as i64) * 600;
                let r = tracker.add_session(NewSession {
                    client: client.clone(),
                    start: at(start),
                    end: at(start + 300),
                    note: lane_note.clone(),
                    tags: vec![],
                    billable: true,
                    allow_long: false,
                    source: gardefou::model::Source::Manual,
                });
                if let Ok(s) = &r {
                    live.push((lane_note.clone(), s.number));
                    summary
                        .lane
                        .insert(lane_note.clone(), (String::new(), false));
                }
                (r.map(drop), false)
            }
            2 | 3 if !live.is_empty() => {
                let (note, number) = live[(seed as usize / 10) % live.len()].clone();
                let tag = format!("v{i}");
                let r = tracker.edit_session(
                    &number.to_string(),
                    SessionChanges {
                        tags: Some(vec![tag.clone()]),
                        ..Default::default()
                    },
                );
                if r.is_ok() {
                    summary.lane.insert(note, (tag, false));
                }
                (r.map(drop), false)
            }
            4 if !live.is_empty() => {
                let index = (seed as usize / 10) % live.len();
                let (note, number) = live.remove(index);
                let r = tracker.remove_session(&number.to_string());
                if r.is_ok() {
                    summary.lane.get_mut(&note).unwrap().1 = true;
                }
                (r.map(drop), false)
            }
            5 | 6 => {
                let note = format!("t{w}-{i}");
                let r = tracker.start(StartRequest {
                    note: note.clone(),
                    ..StartRequest::new(client.clone())
                });
                if r.is_ok() {
                    summary.started.push(note);
                }
                (r.map(drop), true)
            }
            7 => (tracker.stop(None).map(drop), true),
            8 => (tracker.check().map(drop), false),
            _ => (
                tracker
                    .status()
                    .and_then(|_| tracker.log(None, None, None))
                    .map(drop),
                false,
            ),
        };
        let waited = started.elapsed().as_secs_f64() * 1000.0;
        if waited > summary.max_wait_ms {
            summary.max_wait_ms = waited;
            summary.worst = format!("op {i} (kind {choice})");
        }
        summary.waits.push(waited);
        summary.ops += 1;
        match result {
            Ok(()) => {}
            Err(e) if refusable && !is_busy(&e) => summary.refused += 1,
            Err(e) => summary.failures.push(format!("op {i} ({choice}): {e}")),
        }
    }
    println!("summary {}", serde_json::to_string(&summary).unwrap());
}

fn setup(path: &Path) {
    let mut tracker = Tracker::open(path, Arc::new(FixedClock::new(at(TIMER_BASE)))).unwrap();
    tracker.set_setting("timezone", "UTC").unwrap();
    tracker
        .set_setting("working_hours", "mon-sun 00:00-24:00")
        .unwrap();
    tracker.set_setting("rest_days", "none").unwrap();
    for w in 0..WORKERS {
        tracker
            .add_client(NewClient {
                name: format!("C{w}"),
                ..NewClient::default()
            })
            .unwrap();
    }
}

#[test]
fn four_processes_writing_at_once_lose_nothing() {
    let ops: usize = std::env::var(OPS_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(150);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gardefou.sqlite3");
    setup(&path);
    let began = Instant::now();
    let children: Vec<_> = (0..WORKERS)
        .map(|w| {
            Command::new(std::env::current_exe().unwrap())
                .args([
                    "--exact",
                    "stress_worker",
                    "--ignored",
                    "--nocapture",
                    "--test-threads=1",
                ])
                .env(DB_ENV, &path)
                .env(WORKER_ENV, w.to_string())
                .env(OPS_ENV, ops.to_string())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // Meanwhile the CLI (a fifth process at a time) adds sessions in a lane
    // of its own and reads, as a user's script would.
    let cli_path = path.clone();
    let cli_runs = (ops / 10).max(10);
    let cli = std::thread::spawn(move || {
        let mut added = Vec::new();
        for i in 0..cli_runs {
            let start = at(LANE_BASE - 86_400 * 30 + i as i64 * 600);
            let fmt = |t: DateTime<Utc>| t.format("%Y-%m-%dT%H:%M:%SZ").to_string();
            let note = format!("cli-{i}");
            let args: Vec<String> = if i % 2 == 0 {
                vec![
                    "add".into(),
                    "C0".into(),
                    "--from".into(),
                    fmt(start),
                    "--to".into(),
                    fmt(start + chrono::Duration::seconds(300)),
                    "--note".into(),
                    note.clone(),
                ]
            } else {
                vec!["status".into()]
            };
            let out = Command::new(env!("CARGO_BIN_EXE_gardefou"))
                .env_remove("GARDEFOU_DB")
                .env("GARDEFOU_NOW", "2026-11-23T00:00:00Z")
                .arg("--db")
                .arg(&cli_path)
                .args(&args)
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr).to_string();
            assert!(out.status.success(), "CLI {args:?}: {stderr}");
            assert!(
                !stderr.contains("locked") && !stderr.contains("busy"),
                "{stderr}"
            );
            if i % 2 == 0 {
                added.push(note);
            }
        }
        added
    });
    let summaries: Vec<Summary> = children
        .into_iter()
        .map(|child| {
            let out = child.wait_with_output().unwrap();
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(
                out.status.success(),
                "{stdout}\n{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let line = stdout
                .lines()
                .find_map(|l| l.split_once("summary ").map(|(_, j)| j))
                .unwrap();
            serde_json::from_str(line).unwrap()
        })
        .collect();
    let cli_added = cli.join().unwrap();
    let elapsed = began.elapsed().as_secs_f64();
    let conn = Connection::open(&path).unwrap();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let running: i64 = conn
        .query_row(
            "SELECT count(*) FROM sessions WHERE end_at IS NULL AND deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(running <= 1, "{running} running");
    let overlaps: i64 = conn
        .query_row(
            "SELECT count(*) FROM sessions a JOIN sessions b ON a.seq < b.seq
             WHERE a.deleted_at IS NULL AND b.deleted_at IS NULL
               AND a.start_at < ifnull(b.end_at, 1 << 40) AND b.start_at < ifnull(a.end_at, 1 << 40)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(overlaps, 0, "overlapping sessions");
    let mut checked = 0;
    for s in &summaries {
        assert!(
            s.failures.is_empty(),
            "worker {}: {:?}",
            s.worker,
            s.failures
        );
        for (note, (tags, deleted)) in &s.lane {
            let found: (String, bool) = conn
                .query_row(
                    "SELECT tags, deleted_at IS NOT NULL FROM sessions WHERE note = ?1",
                    [note],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .unwrap_or_else(|e| panic!("{note} lost: {e}"));
            assert_eq!(&found, &(tags.clone(), *deleted), "{note}: a lost update");
            checked += 1;
        }
        for note in &s.started {
            let n: i64 = conn
                .query_row(
                    "SELECT count(*) FROM sessions WHERE note = ?1",
                    [note],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(n, 1, "{note} lost");
            checked += 1;
        }
    }
    for note in &cli_added {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sessions WHERE note = ?1",
                [note],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "{note} lost");
        checked += 1;
    }
    let total: usize = summaries.iter().map(|s| s.ops).sum::<usize>() + cli_runs;
    let refused: usize = summaries.iter().map(|s| s.refused).sum();
    let worst = summaries.iter().map(|s| s.max_wait_ms).fold(0.0, f64::max);
    for s in &summaries {
        eprintln!(
            "worker {}: {} ops, worst wait {:.0} ms at {}",
            s.worker, s.ops, s.max_wait_ms, s.worst
        );
    }
    let mut waits: Vec<f64> = summaries
        .iter()
        .flat_map(|s| s.waits.iter().copied())
        .collect();
    waits.sort_by(f64::total_cmp);
    let percentile = |p: usize| waits[(waits.len() * p / 100).min(waits.len() - 1)];
    let (median, p99) = (percentile(50), percentile(99));
    eprintln!(
        "stress: {WORKERS} processes and {cli_runs} CLI runs, {total} operations in {elapsed:.1} s, {refused} timer changes refused by the data's rules, \
         {checked} acknowledged results checked, wait median {median:.1} ms, p99 {p99:.0} ms, worst {worst:.0} ms, no 'locked'"
    );
    assert_eq!(total, WORKERS * ops + cli_runs);
}
