//! Watching over the user, through the tracker and the CLI with a fixed clock
//! (Europe/Paris): the heartbeat, the recovery question and its three
//! answers, away answers and their splits, "still working?".

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::error::ErrorKind;
use gardefou::tracker::{AwayChoice, AwayRequest, StartRequest};
use gardefou::watching::{AwayAnswer, AwayCause, AwaySpan, RecoveryAnswer};
use support::TestDb;

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

/// The tracker on the CLI's database file, at `now`.
fn tracker(db: &TestDb, now: &str) -> (Tracker, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(instant(now)));
    (Tracker::open(&db.path, clock.clone()).unwrap(), clock)
}

const FRIDAY: &str = "2026-11-27T13:30:00+01:00";

/// Acme started Friday 13:30, watched until 15:02, then the app died.
fn crashed() -> TestDb {
    let db = TestDb::new(FRIDAY);
    db.ok(&["client", "add", "Acme", "--rate", "90"]);
    db.ok(&["client", "add", "Globex", "--rate", "60"]);
    db.ok(&["start", "Acme"]);
    let (mut t, clock) = tracker(&db, FRIDAY);
    for _ in 0..=92 {
        assert!(t.heartbeat().unwrap());
        clock.advance(Duration::minutes(1));
    }
    db
}

const TUESDAY: &str = "2026-12-01T09:00:00+01:00";

#[test]
fn a_timer_nobody_watched_raises_a_question_and_nothing_changes_until_answered() {
    let db = crashed();
    let status = db
        .cmd_at(TUESDAY)
        .args(["--json", "status"])
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    // Every key stays; the question is one more.
    assert_eq!(status["running"], true);
    assert_eq!(status["client"], "Acme");
    let q = &status["recovery"];
    assert_eq!(q["last_seen"], "2026-11-27T15:02:00+01:00");
    assert_eq!(
        q["answers"],
        serde_json::json!(["last-seen", "keep", "now"])
    );
    let text = db.cmd_at(TUESDAY).arg("status").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("last seen on Fri 27 Nov at 15:02"), "{text}");
    assert!(
        text.contains("gardefou recover last-seen | keep | now"),
        "{text}"
    );
    // A watcher starting again does not hide the question.
    let (mut t, _) = tracker(&db, TUESDAY);
    assert!(!t.heartbeat().unwrap());
    assert!(t.recovery().unwrap().is_some());
    let again = db
        .cmd_at(TUESDAY)
        .args(["--json", "status"])
        .output()
        .unwrap();
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(again["recovery"]["last_seen"], q["last_seen"]);
    assert_eq!(again["elapsed_seconds"], status["elapsed_seconds"]);
}

#[test]
fn stop_at_last_seen_stores_that_end_and_the_discarded_time() {
    let db = crashed();
    let out = db
        .cmd_at(TUESDAY)
        .args(["--json", "recover", "last-seen"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let done: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(done["session"]["end"], "2026-11-27T15:02:00+01:00");
    assert_eq!(done["session"]["duration_seconds"], 92 * 60);
    let status = db
        .cmd_at(TUESDAY)
        .args(["--json", "status"])
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status["running"], false);
    assert!(status["recovery"].is_null());
    // Answering twice: a typed error, exit 1, nothing printed on stdout.
    let err = db
        .cmd_at(TUESDAY)
        .args(["recover", "now"])
        .output()
        .unwrap();
    assert_eq!(err.status.code(), Some(1));
    assert!(err.stdout.is_empty());
    assert!(String::from_utf8_lossy(&err.stderr).contains("no timer is running"));
    let (mut t, _) = tracker(&db, TUESDAY);
    assert_eq!(
        t.recover(RecoveryAnswer::StopNow).unwrap_err().kind(),
        ErrorKind::NothingRunning
    );
}

/// How many sessions have a last-seen instant stored.
fn heartbeat_rows(db: &TestDb) -> i64 {
    rusqlite::Connection::open(&db.path)
        .unwrap()
        .query_row("SELECT count(*) FROM heartbeat", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_stopped_session_leaves_no_heartbeat_a_deleted_one_keeps_it_for_its_restore() {
    let db = crashed();
    assert_eq!(heartbeat_rows(&db), 1);
    let run = |time: &str, args: &[&str]| {
        db.cmd_at(&format!("2026-12-01T{time}:00+01:00"))
            .args(args)
            .assert()
            .success();
    };
    let beat = |time: &str| {
        let (mut t, _) = tracker(&db, &format!("2026-12-01T{time}:00+01:00"));
        assert!(t.heartbeat().unwrap());
        assert_eq!(heartbeat_rows(&db), 1, "beat at {time}");
    };
    run("09:00", &["recover", "last-seen"]);
    assert_eq!(heartbeat_rows(&db), 0, "recover last-seen");
    run("09:05", &["start", "Acme"]);
    beat("09:06");
    run("09:07", &["stop"]);
    assert_eq!(heartbeat_rows(&db), 0, "stop");
    run("09:10", &["start", "Acme"]);
    beat("09:11");
    run("09:12", &["start", "Globex"]);
    assert_eq!(heartbeat_rows(&db), 0, "a start that stops the timer");
    beat("09:13");
    run("09:14", &["edit", "4", "--to", "09:14"]);
    assert_eq!(heartbeat_rows(&db), 0, "an edit that ends the timer");
    // Deleted while running, it keeps its last-seen instant: restored, the
    // time it was deleted for is asked about, as unwatched.
    run("09:20", &["start", "Acme"]);
    beat("09:21");
    run("09:22", &["rm", "5"]);
    assert_eq!(heartbeat_rows(&db), 1, "rm");
    run("09:30", &["restore-session", "5"]);
    let status = db
        .cmd_at("2026-12-01T09:30:00+01:00")
        .args(["--json", "status"])
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(
        status["recovery"]["last_seen"], "2026-12-01T09:21:00+01:00",
        "{status}"
    );
}

#[test]
fn keep_running_silences_the_question_for_that_stale_period_only() {
    let db = crashed();
    let kept = db
        .cmd_at(TUESDAY)
        .args(["recover", "keep"])
        .output()
        .unwrap();
    assert!(kept.status.success());
    assert!(String::from_utf8_lossy(&kept.stdout).contains("Acme keeps running"));
    let later = "2026-12-01T10:00:00+01:00";
    let status = db
        .cmd_at(later)
        .args(["--json", "status"])
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert!(status["recovery"].is_null(), "{status}");
    assert_eq!(status["running"], true);
    // Nothing to recover now: its own kind.
    let (mut t, clock) = tracker(&db, later);
    let error = t.recover(RecoveryAnswer::KeepRunning).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::NothingToRecover);
    // Watched again, then a new silence: a new question.
    assert!(t.heartbeat().unwrap());
    clock.advance(Duration::minutes(3));
    let q = t.recovery().unwrap().unwrap();
    assert_eq!(q.last_seen, instant(later));
}

#[test]
fn stop_now_keeps_the_unwatched_time() {
    let db = crashed();
    let (mut t, _) = tracker(&db, TUESDAY);
    let done = t.recover(RecoveryAnswer::StopNow).unwrap();
    let session = done.session.unwrap();
    assert_eq!(session.end, Some(instant(TUESDAY)));
    assert!(t.recovery().unwrap().is_none());
}

#[test]
fn no_heartbeat_no_question_for_a_cli_only_user() {
    let db = TestDb::new(FRIDAY);
    db.ok(&["client", "add", "Acme", "--rate", "90"]);
    db.ok(&["start", "Acme"]);
    let status = db
        .cmd_at(TUESDAY)
        .args(["--json", "status"])
        .output()
        .unwrap();
    let status: serde_json::Value = serde_json::from_slice(&status.stdout).unwrap();
    assert!(status["recovery"].is_null());
    let err = db
        .cmd_at(TUESDAY)
        .args(["recover", "keep"])
        .output()
        .unwrap();
    assert_eq!(err.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&err.stderr).contains("nothing to recover"));
}

// ---- away answers -------------------------------------------------------

const MONDAY: &str = "2026-11-30T09:00:00+01:00";

fn running_since_nine() -> (TestDb, Tracker, Arc<FixedClock>) {
    let db = TestDb::new(MONDAY);
    db.ok(&["client", "add", "Acme", "--rate", "90"]);
    db.ok(&["client", "add", "Globex", "--rate", "60"]);
    let (mut t, clock) = tracker(&db, MONDAY);
    t.start(StartRequest::new("Acme")).unwrap();
    clock.set(instant("2026-11-30T11:05:00+01:00"));
    (db, t, clock)
}

fn idle_ten_to_eleven() -> AwaySpan {
    AwaySpan {
        from: instant("2026-11-30T10:00:00+01:00"),
        to: instant("2026-11-30T11:00:00+01:00"),
        cause: AwayCause::Idle,
    }
}

fn answer(t: &mut Tracker, choice: AwayChoice) -> gardefou::tracker::AwayOutcome {
    let offer = t.away_offers(&[idle_ten_to_eleven()]).unwrap().remove(0);
    t.answer_away(AwayRequest {
        session_id: offer.session_id,
        from: offer.from,
        to: offer.to,
        cause: offer.cause,
        choice,
    })
    .unwrap()
}

fn log(db: &TestDb) -> Vec<serde_json::Value> {
    let out = db
        .cmd_at("2026-11-30T11:05:00+01:00")
        .args(["--json", "log"])
        .output()
        .unwrap();
    serde_json::from_slice::<serde_json::Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn keep_writes_only_the_record_and_is_not_offered_again() {
    let (db, mut t, _) = running_since_nine();
    let before = log(&db);
    let out = answer(&mut t, AwayChoice::Keep);
    assert_eq!(out.period.answer, AwayAnswer::Keep);
    assert!(out.created.is_empty());
    assert_eq!(log(&db), before);
    assert!(t.away_offers(&[idle_ten_to_eleven()]).unwrap().is_empty());
    let twice = t.answer_away(AwayRequest {
        session_id: out.period.session_id,
        from: out.period.from,
        to: out.period.to,
        cause: AwayCause::Idle,
        choice: AwayChoice::NonBillable,
    });
    assert_eq!(twice.unwrap_err().kind(), ErrorKind::AlreadyAnswered);
}

#[test]
fn discard_with_restart_ends_the_session_at_the_away_start_and_runs_on_from_the_return() {
    let (db, mut t, _) = running_since_nine();
    let out = answer(&mut t, AwayChoice::Discard { restart: true });
    let sessions = log(&db);
    assert_eq!(sessions.len(), 2, "{sessions:?}");
    assert_eq!(sessions[0]["end"], "2026-11-30T10:00:00+01:00");
    assert_eq!(sessions[1]["start"], "2026-11-30T11:00:00+01:00");
    assert!(sessions[1]["end"].is_null());
    assert_eq!(out.created.len(), 1);
    let running = t.status().unwrap().running.unwrap();
    assert_eq!(running.client_name, "Acme");
}

#[test]
fn reassign_splits_the_away_part_into_a_session_of_the_other_client() {
    let (db, mut t, _) = running_since_nine();
    let out = answer(
        &mut t,
        AwayChoice::Reassign {
            client: "globex".to_string(),
        },
    );
    let sessions = log(&db);
    let clients: Vec<&str> = sessions
        .iter()
        .map(|s| s["client"].as_str().unwrap())
        .collect();
    assert_eq!(clients, ["Acme", "Globex", "Acme"]);
    assert_eq!(sessions[1]["duration_seconds"], 3600);
    assert_eq!(sessions[1]["rate_minor"], 6000);
    assert!(sessions[2]["end"].is_null(), "the timer runs on");
    let total: i64 = sessions
        .iter()
        .map(|s| s["duration_seconds"].as_i64().unwrap())
        .sum();
    assert_eq!(total, 2 * 3600 + 5 * 60, "no second lost or counted twice");
    assert_eq!(out.period.split_session_id, Some(out.created[0].id));
    // An unknown client: a typed error, nothing written.
    let (_, mut t2, _) = running_since_nine();
    let offer = t2.away_offers(&[idle_ten_to_eleven()]).unwrap().remove(0);
    let error = t2
        .answer_away(AwayRequest {
            session_id: offer.session_id,
            from: offer.from,
            to: offer.to,
            cause: offer.cause,
            choice: AwayChoice::Reassign {
                client: "Initech".to_string(),
            },
        })
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::UnknownClient);
    assert_eq!(t2.away_offers(&[idle_ten_to_eleven()]).unwrap().len(), 1);
}

#[test]
fn the_part_given_away_is_not_asked_about_again() {
    for choice in [
        AwayChoice::Reassign {
            client: "Globex".to_string(),
        },
        AwayChoice::NonBillable,
    ] {
        let (_, mut t, _) = running_since_nine();
        let out = answer(&mut t, choice.clone());
        // The away part is now its own session; the same span offers nothing.
        assert_eq!(t.away_offers(&[idle_ten_to_eleven()]).unwrap(), vec![]);
        let piece = out.period.split_session_id.expect("a piece of its own");
        let again = t.answer_away(AwayRequest {
            session_id: piece,
            from: out.period.from,
            to: out.period.to,
            cause: AwayCause::Idle,
            choice: AwayChoice::Keep,
        });
        assert_eq!(again.unwrap_err().kind(), ErrorKind::AlreadyAnswered);
    }
}

#[test]
fn non_billable_marks_only_the_away_part() {
    let (db, mut t, _) = running_since_nine();
    answer(&mut t, AwayChoice::NonBillable);
    let billable: Vec<bool> = log(&db)
        .iter()
        .map(|s| s["billable"].as_bool().unwrap())
        .collect();
    assert_eq!(billable, [true, false, true]);
}

#[test]
fn an_away_period_outside_its_session_is_refused() {
    let (_, mut t, _) = running_since_nine();
    let running = t.status().unwrap().running.unwrap();
    let error = t
        .answer_away(AwayRequest {
            session_id: running.id,
            from: instant("2026-11-30T08:00:00+01:00"),
            to: instant("2026-11-30T10:00:00+01:00"),
            cause: AwayCause::Sleep,
            choice: AwayChoice::Keep,
        })
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::OutOfRange);
}

#[test]
fn still_working_follows_the_settings() {
    let (db, mut t, clock) = running_since_nine();
    clock.set(instant("2026-11-30T18:29:00+01:00"));
    assert!(t.still_working().unwrap().is_none());
    clock.set(instant("2026-11-30T18:30:00+01:00"));
    let q = t.still_working().unwrap().unwrap();
    assert_eq!(
        q.message(gardefou::i18n::Locale::En),
        "Still working for Acme?"
    );
    db.ok(&["settings", "set", "nag_every", "1h"]);
    assert!(t.still_working().unwrap().is_none());
}

// ---- the week report ----------------------------------------------------

#[test]
fn the_week_report_counts_what_was_kept_and_shows_what_was_discarded() {
    let db = crashed();
    let out = db
        .cmd_at(TUESDAY)
        .args(["recover", "last-seen"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let week = |date: &str| -> serde_json::Value {
        let out = db
            .cmd_at(TUESDAY)
            .args(["--json", "report", "week", "--date", date])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    // Week 48: Friday 15:02 to Monday 00:00 discarded; 1 h 32 kept.
    let w48 = week("2026-11-27");
    assert_eq!(w48["total_seconds"], 92 * 60);
    let discarded_48 = (56 * 60 + 58) * 60;
    assert_eq!(w48["discarded_seconds"], discarded_48);
    assert_eq!(w48["clients"][0]["name"], "Acme");
    assert_eq!(w48["clients"][0]["discarded_seconds"], discarded_48);
    // Week 49: Monday 00:00 to Tuesday 09:00, and no time kept.
    let w49 = week("2026-12-01");
    assert_eq!(w49["total_seconds"], 0);
    assert_eq!(w49["discarded_seconds"], 33 * 3600);
    let text = |locale: &str| {
        db.ok(&["settings", "set", "locale", locale]);
        let out = db
            .cmd_at(TUESDAY)
            .args(["report", "week", "--date", "2026-11-27"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let en = text("en");
    assert!(
        en.contains("Discarded as not work")
            && en.contains("56 h 58 min, not counted above (Acme 56 h 58 min)."),
        "{en}"
    );
    let fr = text("fr");
    assert!(fr.contains("Écarté comme hors travail"), "{fr}");
}

#[test]
fn a_week_with_nothing_discarded_has_no_such_line() {
    let (db, mut t, _) = running_since_nine();
    answer(&mut t, AwayChoice::Keep);
    let out = db
        .cmd_at("2026-11-30T11:05:00+01:00")
        .args(["report", "week"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains("Discarded"), "{text}");
}
