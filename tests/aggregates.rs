//! The figures kept per client × day (`session_buckets`) against a full scan:
//! after random adds, edits, deletes, restores, timers and rate changes, the
//! kept rows equal a recount from the sessions, and `report totals` over any
//! window equals adding up every session of `log` by hand. Zone: Europe/Paris.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use gardefou::Tracker;
use gardefou::calendar::dates_range;
use gardefou::clock::FixedClock;
use gardefou::model::Source;
use gardefou::money::amount_for;
use gardefou::report::totals_report;
use gardefou::store::Store;
use gardefou::tracker::{ClientChanges, NewClient, NewSession, SessionChanges, StartRequest};
use proptest::prelude::*;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T16:00:00+01:00")
        .unwrap()
        .to_utc()
}

#[derive(Debug, Clone)]
enum Op {
    Add {
        client: usize,
        day: i64,
        minute: i64,
        minutes: i64,
        billable: bool,
    },
    Edit {
        which: usize,
        client: usize,
        shift: i64,
        billable: bool,
    },
    Remove {
        which: usize,
    },
    Restore {
        which: usize,
    },
    Rate {
        client: usize,
        rate: u32,
    },
    Timer {
        client: usize,
        minutes: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0..3usize, 0..40i64, 0..1440i64, 1..2000i64, any::<bool>()).prop_map(
            |(client, day, minute, minutes, billable)| Op::Add { client, day, minute, minutes, billable }
        ),
        2 => (0..40usize, 0..3usize, -600..600i64, any::<bool>())
            .prop_map(|(which, client, shift, billable)| Op::Edit { which, client, shift, billable }),
        1 => (0..40usize).prop_map(|which| Op::Remove { which }),
        1 => (0..40usize).prop_map(|which| Op::Restore { which }),
        1 => (0..3usize, 0..20_000u32).prop_map(|(client, rate)| Op::Rate { client, rate }),
        1 => (0..3usize, 1..600i64).prop_map(|(client, minutes)| Op::Timer { client, minutes }),
    ]
}

const CLIENTS: [&str; 3] = ["Acme", "Bôulangerie", "Globex"];

fn apply(tracker: &mut Tracker, clock: &FixedClock, ops: &[Op]) {
    let base = DateTime::parse_from_rfc3339("2026-10-01T00:00:00+02:00")
        .unwrap()
        .to_utc();
    for op in ops {
        // Refusals (overlaps, out of range) are fine: only what is stored counts.
        let _ = match op {
            Op::Add {
                client,
                day,
                minute,
                minutes,
                billable,
            } => {
                let start = base + Duration::days(*day) + Duration::minutes(*minute);
                tracker
                    .add_session(NewSession {
                        client: CLIENTS[*client].into(),
                        start,
                        end: start + Duration::minutes(*minutes),
                        note: "a, \"b\"".into(),
                        tags: vec![],
                        billable: *billable,
                        allow_long: true,
                        source: Source::Manual,
                    })
                    .map(|_| ())
            }
            Op::Edit {
                which,
                client,
                shift,
                billable,
            } => {
                let start = tracker
                    .log(
                        Some("1971-01-01".parse().unwrap()),
                        Some("2026-11-27".parse().unwrap()),
                        None,
                    )
                    .ok()
                    .and_then(|l| l.into_iter().find(|s| s.number == *which as i64 + 1))
                    .map(|s| s.start + Duration::minutes(*shift));
                tracker
                    .edit_session(
                        &(which + 1).to_string(),
                        SessionChanges {
                            client: Some(CLIENTS[*client].into()),
                            billable: Some(*billable),
                            start,
                            allow_long: true,
                            ..SessionChanges::default()
                        },
                    )
                    .map(|_| ())
            }
            Op::Remove { which } => tracker.remove_session(&(which + 1).to_string()).map(|_| ()),
            Op::Restore { which } => tracker
                .restore_session(&(which + 1).to_string())
                .map(|_| ()),
            Op::Rate { client, rate } => tracker
                .edit_client(
                    CLIENTS[*client],
                    ClientChanges {
                        rate: Some(format!("{}.{:02}", rate / 100, rate % 100)),
                        ..ClientChanges::default()
                    },
                )
                .map(|_| ()),
            Op::Timer { client, minutes } => {
                let mut request = StartRequest::new(CLIENTS[*client]);
                request.override_reason = Some("test".into());
                let started = tracker.start(request).map(|_| ());
                clock.advance(Duration::minutes(*minutes));
                started.and_then(|_| tracker.stop(None).map(|_| ()))
            }
        };
    }
}

/// Per client: (sessions, seconds, billable seconds, amount), adding every
/// session of `log` clipped to the window by hand.
fn by_hand(
    tracker: &mut Tracker,
    from: NaiveDate,
    to: NaiveDate,
) -> BTreeMap<String, (u64, i64, i64, i64)> {
    let (start, end) = dates_range(from, to, "Europe/Paris".parse().unwrap());
    let now = tracker.now();
    let mut out: BTreeMap<String, (u64, i64, i64, i64)> = BTreeMap::new();
    for s in tracker.log(Some(from), Some(to), None).unwrap() {
        let seconds = (s.end_or(now).min(end) - s.start.max(start)).num_seconds();
        if seconds <= 0 {
            continue;
        }
        let billable = if s.billable { seconds } else { 0 };
        let e = out.entry(s.client_name.clone()).or_default();
        e.0 += 1;
        e.1 += seconds;
        e.2 += billable;
        e.3 += amount_for(billable, s.rate_minor);
    }
    out
}

fn setup() -> (Tracker, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(now()));
    let mut tracker = Tracker::with_store(
        Store::open_in_memory().unwrap(),
        clock.clone(),
        "Europe/Paris".parse().unwrap(),
    );
    for name in CLIENTS {
        tracker
            .add_client(NewClient {
                name: name.into(),
                rate: Some("45.50".into()),
                ..NewClient::default()
            })
            .unwrap();
    }
    (tracker, clock)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn kept_figures_equal_a_full_scan(
        ops in prop::collection::vec(op(), 1..40),
        windows in prop::collection::vec((0..45i64, 0..45i64), 1..4),
    ) {
        let (mut tracker, clock) = setup();
        apply(&mut tracker, &clock, &ops);
        let mismatches = tracker.session_buckets_mismatches().unwrap();
        prop_assert_eq!(mismatches, 0);
        let first: NaiveDate = "2026-09-28".parse().unwrap();
        let mut windows: Vec<(Option<NaiveDate>, Option<NaiveDate>)> = windows
            .iter()
            .map(|(a, b)| {
                let (a, b) = ((*a).min(*b), (*a).max(*b));
                (Some(first + Duration::days(a)), Some(first + Duration::days(b)))
            })
            .collect();
        windows.push((None, None));
        for (from, to) in windows {
            let report = totals_report(&mut tracker, from, to).unwrap();
            let today = gardefou::calendar::local_date(tracker.now(), "Europe/Paris".parse().unwrap());
            let expected = by_hand(
                &mut tracker,
                from.unwrap_or_else(|| "1971-01-01".parse().unwrap()),
                to.unwrap_or(today),
            );
            let got: BTreeMap<String, (u64, i64, i64, i64)> = report
                .clients
                .iter()
                .map(|c| (c.name.clone(), (c.sessions, c.total_seconds, c.billable_seconds, c.amounts.list().iter().map(|a| a.minor).sum())))
                .collect();
            prop_assert_eq!(got, expected, "window {:?}..{:?}", from, to);
        }
    }
}

#[test]
fn rebuilding_gives_the_same_rows() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let clock = Arc::new(FixedClock::new(now()));
    let mut tracker = Tracker::with_store(
        Store::open(&path).unwrap(),
        clock.clone(),
        "Europe/Paris".parse().unwrap(),
    );
    for name in CLIENTS {
        tracker
            .add_client(NewClient {
                name: name.into(),
                rate: Some("45.50".into()),
                ..NewClient::default()
            })
            .unwrap();
    }
    let ops: Vec<Op> = (0..30)
        .map(|i| Op::Add {
            client: i % 3,
            day: i as i64,
            minute: 600,
            minutes: 90 + i as i64,
            billable: i % 4 != 0,
        })
        .chain([
            Op::Remove { which: 3 },
            Op::Edit {
                which: 5,
                client: 2,
                shift: 30,
                billable: false,
            },
        ])
        .collect();
    apply(&mut tracker, &clock, &ops);
    let kept = totals_report(&mut tracker, None, None).unwrap();
    // A hand edit of the database puts the kept figures out of step.
    rusqlite::Connection::open(&path)
        .unwrap()
        .execute("UPDATE session_buckets SET seconds = seconds + 1", [])
        .unwrap();
    assert!(tracker.session_buckets_mismatches().unwrap() > 0);
    assert_ne!(
        totals_report(&mut tracker, None, None)
            .unwrap()
            .total_seconds,
        kept.total_seconds
    );
    let rows = tracker.rebuild_session_buckets().unwrap();
    // 29 live sessions on 30 consecutive days: 3 clients × 5 UTC weeks, less one empty.
    assert_eq!(rows, 14);
    assert_eq!(tracker.session_buckets_mismatches().unwrap(), 0);
    let rebuilt = totals_report(&mut tracker, None, None).unwrap();
    assert_eq!(rebuilt.total_seconds, kept.total_seconds);
    assert_eq!(rebuilt.amounts, kept.amounts);
}

#[test]
fn clients_by_recent_use_follow_the_last_start() {
    let (mut tracker, _clock) = setup();
    tracker
        .add_client(NewClient {
            name: "Dormant".into(),
            ..NewClient::default()
        })
        .unwrap();
    let names = |t: &mut Tracker| -> Vec<String> {
        t.clients_by_recent_use()
            .unwrap()
            .into_iter()
            .map(|c| c.name)
            .collect()
    };
    // Nobody used yet: by name.
    assert_eq!(
        names(&mut tracker),
        ["Acme", "Bôulangerie", "Dormant", "Globex"]
    );
    let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().to_utc();
    let add = |t: &mut Tracker, client: &str, start: &str, end: &str| {
        t.add_session(NewSession {
            client: client.into(),
            start: at(start),
            end: at(end),
            note: String::new(),
            tags: vec![],
            billable: true,
            allow_long: false,
            source: Source::Manual,
        })
        .unwrap()
    };
    add(
        &mut tracker,
        "Globex",
        "2026-11-20T09:00:00+01:00",
        "2026-11-20T10:00:00+01:00",
    );
    add(
        &mut tracker,
        "Acme",
        "2026-11-26T09:00:00+01:00",
        "2026-11-26T10:00:00+01:00",
    );
    add(
        &mut tracker,
        "Bôulangerie",
        "2026-11-26T11:00:00+01:00",
        "2026-11-26T12:00:00+01:00",
    );
    add(
        &mut tracker,
        "Acme",
        "2026-11-26T08:00:00+01:00",
        "2026-11-26T08:30:00+01:00",
    );
    assert_eq!(
        names(&mut tracker),
        ["Bôulangerie", "Acme", "Globex", "Dormant"]
    );
    // A deleted session does not count; Bôulangerie's last start is then none.
    tracker.remove_session("3").unwrap();
    assert_eq!(
        names(&mut tracker),
        ["Acme", "Globex", "Bôulangerie", "Dormant"]
    );
    // A running timer is the most recent use.
    let mut start = StartRequest::new("Globex");
    start.override_reason = Some("test".into());
    tracker.start(start).unwrap();
    assert_eq!(
        names(&mut tracker),
        ["Globex", "Acme", "Bôulangerie", "Dormant"]
    );
    tracker.set_client_archived("Acme", true).unwrap();
    assert_eq!(names(&mut tracker), ["Globex", "Bôulangerie", "Dormant"]);
}

#[test]
fn a_streak_older_than_the_trend_weeks_is_counted_from_the_weekends() {
    let (mut tracker, clock) = setup();
    // Twelve worked Saturdays in a row up to the last one, with weekday work
    // between them; the 13th Saturday back is free.
    let last_saturday: NaiveDate = "2026-11-21".parse().unwrap();
    for weeks_back in 0..12 {
        let saturday = last_saturday - Duration::weeks(weeks_back);
        for (date, hour) in [(saturday, 10), (saturday - Duration::days(2), 9)] {
            let start = DateTime::parse_from_rfc3339(&format!("{date}T{hour:02}:00:00+01:00"))
                .unwrap()
                .to_utc();
            tracker
                .add_session(NewSession {
                    client: "Acme".into(),
                    start,
                    end: start + Duration::hours(1),
                    note: String::new(),
                    tags: vec![],
                    billable: true,
                    allow_long: false,
                    source: Source::Manual,
                })
                .unwrap();
        }
    }
    let _ = clock;
    let week =
        gardefou::report::week_report(&mut tracker, Some("2026-11-24".parse().unwrap())).unwrap();
    // Twelve: well past the eight weeks of the trend the report reads in full.
    assert_eq!(week.weekend_streak, 12);
}
