//! The system clock jumping backwards while a timer runs (NTP, a wrong
//! manual setting, a dead CMOS battery): no negative duration anywhere, a
//! stop before the start is refused and writes nothing, and once the clock
//! is right again the timer stops normally.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use serde_json::Value;
use support::TestDb;

const STARTED: &str = "2026-11-27T15:00:00+01:00";
const EARLIER: &str = "2026-11-27T14:00:00+01:00";

fn json_at(db: &TestDb, now: &str, args: &[&str]) -> Value {
    let out = db.cmd_at(now).arg("--json").args(args).assert().success();
    serde_json::from_slice(&out.get_output().stdout).unwrap()
}

/// Every integer under a key ending in `_seconds` or `_minor`, anywhere in the document.
fn figures(value: &Value, out: &mut Vec<(String, i64)>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if let Some(n) = v.as_i64()
                    && (k.ends_with("_seconds") || k.ends_with("_minor"))
                {
                    out.push((k.clone(), n));
                }
                figures(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| figures(v, out)),
        _ => {}
    }
}

#[test]
fn a_clock_that_jumps_back_never_makes_a_negative_duration() {
    let db = TestDb::new(STARTED);
    db.ok(&["client", "add", "Acme", "--rate", "50"]);
    db.ok(&["add", "Acme", "--from", "09:00", "--to", "10:00"]);
    db.ok(&["start", "Acme"]);
    // The clock now reads an hour before the running timer's start.
    let status = json_at(&db, EARLIER, &["status"]);
    assert_eq!(status["elapsed_seconds"], 0, "{status}");
    let mut all = Vec::new();
    for args in [
        &["status"][..],
        &["log"][..],
        &["report", "week"][..],
        &["report", "totals"][..],
        &["check"][..],
    ] {
        figures(&json_at(&db, EARLIER, args), &mut all);
    }
    assert!(!all.is_empty());
    assert!(
        all.iter().all(|(_, n)| *n >= 0),
        "negative figures: {all:?}"
    );
    let text = db.cmd_at(EARLIER).args(["log"]).assert().success();
    let text = String::from_utf8_lossy(&text.get_output().stdout).to_string();
    assert!(!text.contains("-0:") && !text.contains("-1:"), "{text}");

    // A stop at the jumped-back "now", or at any instant before the start, is refused.
    let before = db.state();
    for (now, args) in [
        (EARLIER, &["stop"][..]),
        (EARLIER, &["stop", "--at", "2026-11-27 13:30"][..]),
        (
            "2026-11-27T15:10:00+01:00",
            &["stop", "--at", "2026-11-27 14:59"][..],
        ),
    ] {
        let out = db.cmd_at(now).args(args).assert().code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(
            err.contains("the timer started at 2026-11-27 15:00:00"),
            "{err}"
        );
        assert!(err.contains("must come after it"), "{err}");
        assert!(out.get_output().stdout.is_empty());
    }
    // Starting another timer then would overlap the running one: refused too.
    let out = db.cmd_at(EARLIER).args(["start", "Acme"]).assert().code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("overlaps session 2"));
    assert_eq!(db.state(), before, "nothing was written");

    // The clock is right again: the timer stops with a positive duration.
    let stopped = json_at(&db, "2026-11-27T16:30:00+01:00", &["stop"]);
    assert_eq!(stopped["duration_seconds"], 5400, "{stopped}");
}
