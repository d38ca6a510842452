//! Property tests: time parsing round-trips, and no sequence of actions can
//! store two overlapping sessions or two running timers.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::sync::Arc;

use chrono::{DateTime, Duration, LocalResult, TimeZone, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::duration::{format_compact, parse_duration};
use gardefou::model::Source;
use gardefou::store::Store;
use gardefou::tracker::{NewClient, NewSession, SessionChanges, StartRequest};
use gardefou::when::{parse_instant, rfc3339_in};
use proptest::prelude::*;

const ZONES: [&str; 5] = [
    "Europe/Paris",
    "America/New_York",
    "UTC",
    "Australia/Lord_Howe",
    "Asia/Kolkata",
];
/// 2020-01-01 .. 2030-01-01, whole seconds.
const RANGE: std::ops::Range<i64> = 1_577_836_800..1_893_456_000;

fn instant(seconds: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(seconds, 0).unwrap()
}

proptest! {
    #[test]
    fn rfc3339_round_trips_in_every_zone(seconds in RANGE, zone in 0..ZONES.len()) {
        let tz: Tz = ZONES[zone].parse().unwrap();
        let at = instant(seconds);
        let text = rfc3339_in(at, tz);
        prop_assert_eq!(parse_instant(&text, tz, at).unwrap(), at);
    }

    #[test]
    fn local_times_parse_back_or_are_refused_when_dst_makes_them_unclear(
        minutes in (RANGE.start / 60)..(RANGE.end / 60), zone in 0..ZONES.len()
    ) {
        let tz: Tz = ZONES[zone].parse().unwrap();
        let at = instant(minutes * 60);
        let local = at.with_timezone(&tz).naive_local();
        let text = local.format("%Y-%m-%d %H:%M").to_string();
        match tz.from_local_datetime(&local) {
            LocalResult::Single(_) => prop_assert_eq!(parse_instant(&text, tz, at).unwrap(), at),
            _ => prop_assert!(parse_instant(&text, tz, at).is_err(), "{} in {} is ambiguous", text, tz),
        }
    }

    #[test]
    fn durations_round_trip(seconds in 1i64..10_000_000) {
        prop_assert_eq!(parse_duration(&format_compact(seconds)).unwrap(), seconds);
    }

    #[test]
    fn parse_duration_never_panics(text in "\\PC{0,12}") {
        let _ = parse_duration(&text);
    }
}

#[derive(Debug, Clone)]
enum Action {
    Add {
        client: usize,
        start_min: i64,
        len_min: i64,
    },
    Edit {
        pick: usize,
        start_min: Option<i64>,
        len_min: Option<i64>,
    },
    Remove {
        pick: usize,
    },
    Restore {
        pick: usize,
    },
    Start {
        client: usize,
        back_min: i64,
    },
    Stop {
        back_min: i64,
    },
    Advance {
        minutes: i64,
    },
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        (0..3usize, 0..2000i64, 1..300i64).prop_map(|(client, start_min, len_min)| Action::Add {
            client,
            start_min,
            len_min
        }),
        (
            0..20usize,
            proptest::option::of(0..2000i64),
            proptest::option::of(1..300i64)
        )
            .prop_map(|(pick, start_min, len_min)| Action::Edit {
                pick,
                start_min,
                len_min
            }),
        (0..20usize).prop_map(|pick| Action::Remove { pick }),
        (0..20usize).prop_map(|pick| Action::Restore { pick }),
        (0..3usize, 0..120i64).prop_map(|(client, back_min)| Action::Start { client, back_min }),
        (0..120i64).prop_map(|back_min| Action::Stop { back_min }),
        (1..240i64).prop_map(|minutes| Action::Advance { minutes }),
    ]
}

const CLIENTS: [&str; 3] = ["Acme", "Beta", "Gamma"];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn no_sequence_of_actions_stores_overlaps(actions in proptest::collection::vec(action(), 1..60)) {
        let base = instant(1_795_766_400); // 2026-11-27 08:00 UTC
        let clock = Arc::new(FixedClock::new(base + Duration::days(3)));
        let mut tracker = Tracker::with_store(Store::open_in_memory().unwrap(), clock.clone(), Tz::UTC);
        for name in CLIENTS {
            tracker.add_client(NewClient { name: name.into(), ..NewClient::default() }).unwrap();
        }
        let mut numbers: Vec<i64> = Vec::new();
        for action in actions {
            let now = tracker.now();
            let pick = |i: usize| numbers.get(i % numbers.len().max(1)).map(|n| n.to_string());
            // Refusals are fine; what matters is the invariant after each action.
            match action {
                Action::Add { client, start_min, len_min } => {
                    let start = base + Duration::minutes(start_min);
                    if let Ok(s) = tracker.add_session(NewSession {
                        client: CLIENTS[client].into(), start, end: start + Duration::minutes(len_min),
                        note: String::new(), tags: vec![], billable: true, allow_long: false, source: Source::Manual,
                    }) { numbers.push(s.number); }
                }
                Action::Edit { pick: i, start_min, len_min } => if let Some(handle) = pick(i) {
                    let start = start_min.map(|m| base + Duration::minutes(m));
                    let end = len_min.map(|l| start.unwrap_or(base) + Duration::minutes(l));
                    let _ = tracker.edit_session(&handle, SessionChanges { start, end, ..SessionChanges::default() });
                },
                Action::Remove { pick: i } => if let Some(handle) = pick(i) { let _ = tracker.remove_session(&handle); },
                Action::Restore { pick: i } => if let Some(handle) = pick(i) { let _ = tracker.restore_session(&handle); },
                Action::Start { client, back_min } => {
                    let mut request = StartRequest::new(CLIENTS[client]);
                    request.at = Some(now - Duration::minutes(back_min));
                    if let Ok(outcome) = tracker.start(request) { numbers.push(outcome.started.number); }
                }
                Action::Stop { back_min } => { let _ = tracker.stop(Some(now - Duration::minutes(back_min))); }
                Action::Advance { minutes } => clock.advance(Duration::minutes(minutes)),
            }
            let all = tracker.log(Some("1971-01-01".parse().unwrap()), Some("2100-01-01".parse().unwrap()), None).unwrap();
            prop_assert!(all.iter().filter(|s| s.end.is_none()).count() <= 1, "two running timers");
            for pair in all.windows(2) {
                let first_end = pair[0].end.unwrap_or(tracker.now());
                prop_assert!(pair[0].end.is_some(), "a running session is always the last one");
                prop_assert!(first_end <= pair[1].start, "overlap between {} and {}", pair[0].number, pair[1].number);
            }
        }
    }
}
