//! The crash harness: a writer doing start/stop/add/edit/rm in a loop is
//! killed with SIGKILL at random moments. After each kill: `integrity_check`
//! passes, every change the writer reported done is there, nothing is
//! half-written, at most one session runs, the newest daily backup is whole.
//!
//! CI runs a short form (25 kills). By hand, 500 kills:
//!   GARDEFOU_CRASH_KILLS=500 cargo test --release --test crash -- --nocapture
//! The writer is this test binary started again (`crash_writer`, ignored in
//! normal runs); it prints `begin {op}` before each change and `done N` after.

#![allow(clippy::unwrap_used)] // tests fail loudly by design
#![cfg(unix)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::tracker::{NewClient, NewSession, SessionChanges, StartRequest};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

const DB_ENV: &str = "GARDEFOU_CRASH_DB";
const FROM_ENV: &str = "GARDEFOU_CRASH_FROM";
/// 2026-11-23T00:00:00Z; each operation is one hour later than the one before,
/// so a daily backup (and its pruning) happens every 24 operations.
const BASE: i64 = 1_795_392_000;
const STEP: i64 = 3600;
const CLIENTS: [&str; 3] = ["Acme", "Beta", "Gamma"];

/// One change, as the writer announces it before doing it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Op {
    Start {
        n: u64,
        client: String,
        at: i64,
    },
    Stop {
        n: u64,
        at: i64,
    },
    Add {
        n: u64,
        client: String,
        start: i64,
        end: i64,
    },
    Edit {
        n: u64,
        target: String,
        tag: String,
        billable: bool,
    },
    Rm {
        n: u64,
        target: String,
    },
}

impl Op {
    fn n(&self) -> u64 {
        match self {
            Self::Start { n, .. }
            | Self::Stop { n, .. }
            | Self::Add { n, .. }
            | Self::Edit { n, .. }
            | Self::Rm { n, .. } => *n,
        }
    }
}

/// What a session must look like, by its note (each session's note is unique).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Expect {
    client: String,
    start: i64,
    end: Option<i64>,
    billable: bool,
    tags: String,
    deleted: bool,
}

type Model = BTreeMap<String, Expect>;

fn note(n: u64) -> String {
    format!("op-{n}")
}

fn apply(model: &mut Model, op: &Op) {
    match op {
        Op::Start { n, client, at } => {
            for e in model.values_mut() {
                if e.end.is_none() && !e.deleted {
                    e.end = Some(*at);
                }
            }
            model.insert(
                note(*n),
                Expect {
                    client: client.clone(),
                    start: *at,
                    end: None,
                    billable: true,
                    tags: String::new(),
                    deleted: false,
                },
            );
        }
        Op::Stop { at, .. } => {
            for e in model.values_mut() {
                if e.end.is_none() && !e.deleted {
                    e.end = Some(*at);
                }
            }
        }
        Op::Add {
            n,
            client,
            start,
            end,
        } => {
            model.insert(
                note(*n),
                Expect {
                    client: client.clone(),
                    start: *start,
                    end: Some(*end),
                    billable: true,
                    tags: String::new(),
                    deleted: false,
                },
            );
        }
        Op::Edit {
            target,
            tag,
            billable,
            ..
        } => {
            let keys: Vec<String> = model.keys().cloned().collect();
            let e = model
                .get_mut(target)
                .unwrap_or_else(|| panic!("{op:?} on a session the model lacks: {keys:?}"));
            e.tags = tag.clone();
            e.billable = *billable;
        }
        Op::Rm { target, .. } => {
            let keys: Vec<String> = model.keys().cloned().collect();
            model
                .get_mut(target)
                .unwrap_or_else(|| panic!("{op:?} on a session the model lacks: {keys:?}"))
                .deleted = true;
        }
    }
}

fn actual(conn: &Connection) -> Model {
    let mut stmt = conn
        .prepare(
            "SELECT s.note, c.name, s.start_at, s.end_at, s.billable, s.tags, s.deleted_at IS NOT NULL
             FROM sessions s JOIN clients c ON c.id = s.client_id",
        )
        .unwrap();
    stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            Expect {
                client: r.get(1)?,
                start: r.get(2)?,
                end: r.get(3)?,
                billable: r.get(4)?,
                tags: r.get(5)?,
                deleted: r.get(6)?,
            },
        ))
    })
    .unwrap()
    .collect::<rusqlite::Result<_>>()
    .unwrap()
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn at(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

/// The writer process: runs until killed (or 100 000 operations).
#[test]
#[ignore = "the crash harness's writer process; the harness starts it"]
fn crash_writer() {
    let Ok(path) = std::env::var(DB_ENV) else {
        return;
    };
    let from: u64 = std::env::var(FROM_ENV).unwrap().parse().unwrap();
    let clock = Arc::new(FixedClock::new(at(BASE + from as i64 * STEP)));
    let mut tracker = Tracker::open(Path::new(&path), clock.clone()).unwrap();
    let mut out = std::io::stdout().lock();
    for n in from..from + 100_000 {
        let now = BASE + n as i64 * STEP;
        clock.set(at(now));
        let mut rng = Rng(n.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1);
        let running = tracker.status().unwrap().running;
        let day = |s: i64| at(s).date_naive();
        let recent: Vec<_> = tracker
            .log(Some(day(now - 2 * 86_400)), Some(day(now)), None)
            .unwrap()
            .into_iter()
            .filter(|s| s.end.is_some())
            .collect();
        let client = CLIENTS[rng.below(3) as usize].to_string();
        let op = match rng.below(10) {
            0..=2 => Op::Start { n, client, at: now },
            3 | 4 if running.is_some() => Op::Stop { n, at: now },
            5 | 6 if !recent.is_empty() => {
                let target = &recent[rng.below(recent.len() as u64) as usize];
                Op::Edit {
                    n,
                    target: target.note.clone(),
                    tag: format!("e{n}"),
                    billable: n % 2 == 0,
                }
            }
            7 if !recent.is_empty() => {
                let target = &recent[rng.below(recent.len() as u64) as usize];
                Op::Rm {
                    n,
                    target: target.note.clone(),
                }
            }
            _ if running.is_some() => Op::Stop { n, at: now },
            _ => Op::Add {
                n,
                client,
                start: now - 1800,
                end: now - 600,
            },
        };
        writeln!(out, "begin {}", serde_json::to_string(&op).unwrap()).unwrap();
        out.flush().unwrap();
        let number = |target: &str| {
            recent
                .iter()
                .find(|s| s.note == target)
                .unwrap()
                .number
                .to_string()
        };
        let result = match &op {
            Op::Start { client, .. } => tracker
                .start(StartRequest {
                    note: note(n),
                    ..StartRequest::new(client.clone())
                })
                .map(drop),
            Op::Stop { .. } => tracker.stop(None).map(drop),
            Op::Add {
                client, start, end, ..
            } => tracker
                .add_session(NewSession {
                    client: client.clone(),
                    start: at(*start),
                    end: at(*end),
                    note: note(n),
                    tags: vec![],
                    billable: true,
                    allow_long: false,
                    source: gardefou::model::Source::Manual,
                })
                .map(drop),
            Op::Edit {
                target,
                tag,
                billable,
                ..
            } => tracker
                .edit_session(
                    &number(target),
                    SessionChanges {
                        tags: Some(vec![tag.clone()]),
                        billable: Some(*billable),
                        ..Default::default()
                    },
                )
                .map(drop),
            Op::Rm { target, .. } => tracker.remove_session(&number(target)).map(drop),
        };
        match result {
            Ok(()) => writeln!(out, "done {n}").unwrap(),
            Err(e) => writeln!(out, "failed {n} {e}").unwrap(),
        }
        out.flush().unwrap();
    }
}

fn setup(path: &Path) {
    let clock = Arc::new(FixedClock::new(at(BASE - STEP)));
    let mut tracker = Tracker::open(path, clock).unwrap();
    tracker.set_setting("timezone", "UTC").unwrap();
    // Never refused by a boundary: this is about the data, not the rules.
    tracker
        .set_setting("working_hours", "mon-sun 00:00-24:00")
        .unwrap();
    tracker.set_setting("rest_days", "none").unwrap();
    for name in CLIENTS {
        tracker
            .add_client(NewClient {
                name: name.into(),
                ..NewClient::default()
            })
            .unwrap();
    }
}

/// Runs `kills` rounds; returns (kills, operations acknowledged and checked).
fn run_harness(kills: usize, seed: u64, max_delay_ms: u64) -> (usize, usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gardefou.sqlite3");
    setup(&path);
    let mut model = Model::new();
    let mut next: u64 = 0;
    let mut rng = Rng(seed | 1);
    let (mut checked, mut in_flight_applied) = (0, 0);
    for round in 0..kills {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "crash_writer",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(DB_ENV, &path)
            .env(FROM_ENV, next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(max_delay_ms * 1000)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let mut begun: Vec<Op> = Vec::new();
        let mut done: Vec<u64> = Vec::new();
        for line in BufReader::new(child.stdout.take().unwrap()).lines() {
            let line = line.unwrap();
            // libtest prints "test crash_writer ... " without a newline first.
            let line = line.trim_start_matches("test crash_writer ... ");
            if let Some(json) = line.strip_prefix("begin ") {
                // A line cut by the kill is an announcement never acted upon.
                if let Ok(op) = serde_json::from_str(json) {
                    begun.push(op);
                }
            } else if let Some(n) = line.strip_prefix("done ") {
                done.push(n.parse().unwrap());
            } else if line.starts_with("failed ") {
                panic!("round {round}: the writer's change was refused: {line}");
            }
        }
        for op in &begun {
            if done.contains(&op.n()) {
                apply(&mut model, op);
                checked += 1;
            }
        }
        let in_flight: Vec<&Op> = begun.iter().filter(|op| !done.contains(&op.n())).collect();
        assert!(in_flight.len() <= 1, "one change at a time: {in_flight:?}");
        // The database after the kill.
        let conn = Connection::open(&path).unwrap();
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(integrity, "ok", "round {round}");
        let running: i64 = conn
            .query_row(
                "SELECT count(*) FROM sessions WHERE end_at IS NULL AND deleted_at IS NULL",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(running <= 1, "round {round}: {running} sessions running");
        let found = actual(&conn);
        if found != model {
            let op = in_flight.first().unwrap_or_else(|| {
                panic!(
                    "round {round}: lost or extra changes\n{}",
                    diff(&model, &found)
                )
            });
            let mut with = model.clone();
            apply(&mut with, op);
            assert!(
                found == with,
                "round {round}: half-written {op:?}\n{}",
                diff(&with, &found)
            );
            model = with;
            in_flight_applied += 1;
            checked += 1;
        }
        if let Some(op) = begun.last() {
            next = op.n() + 1;
        }
        // The newest daily backup is whole (an interrupted one is never visible).
        if round % 5 == 4 {
            let newest = gardefou::backup::list(&path)
                .unwrap()
                .into_iter()
                .rev()
                .find(|b| matches!(b.kind, gardefou::backup::BackupKind::Daily { .. }));
            if let Some(b) = newest {
                let c = Connection::open_with_flags(
                    &b.path,
                    rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
                )
                .unwrap();
                let ok: String = c
                    .query_row("PRAGMA integrity_check", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(ok, "ok", "{}", b.path.display());
            }
        }
    }
    (kills, checked, in_flight_applied)
}

fn diff(expected: &Model, found: &Model) -> String {
    let mut lines = Vec::new();
    for (k, v) in expected {
        if found.get(k) != Some(v) {
            lines.push(format!("expected {k}: {v:?}, found {:?}", found.get(k)));
        }
    }
    for (k, v) in found {
        if !expected.contains_key(k) {
            lines.push(format!("unexpected {k}: {v:?}"));
        }
    }
    lines.join("\n")
}

#[test]
fn every_acknowledged_change_survives_sigkill() {
    let kills = std::env::var("GARDEFOU_CRASH_KILLS")
        .ok()
        .and_then(|k| k.parse().ok())
        .unwrap_or(25);
    let started = Instant::now();
    let (kills, checked, in_flight) = run_harness(kills, 0x5eed, 250);
    eprintln!(
        "crash harness: {kills} kills survived, {checked} operations checked ({in_flight} in flight at a kill and found whole), {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        checked > kills,
        "the writer got work done between kills: {checked}"
    );
}
