//! Table-driven tests of the rules: time pinned, zones explicit.

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::America::New_York;
use chrono_tz::Europe::Paris;
use chrono_tz::Tz;
use uuid::Uuid;

use super::*;
use crate::calendar::WeekStart;
use crate::i18n::Locale;
use crate::model::{Session, Source};
use crate::money::Currency;
use crate::rules::messages::{Form, message};
// Tests take the policy from the settings' defaults (the rules themselves never see settings).
use crate::settings::Settings;

/// A local wall-clock time `YYYY-MM-DD HH:MM[:SS]` in `tz`, as UTC (earliest if ambiguous).
pub(super) fn at(tz: Tz, text: &str) -> DateTime<Utc> {
    let format = if text.len() > 16 {
        "%Y-%m-%d %H:%M:%S"
    } else {
        "%Y-%m-%d %H:%M"
    };
    let naive = chrono::NaiveDateTime::parse_from_str(text, format).unwrap();
    tz.from_local_datetime(&naive)
        .earliest()
        .unwrap()
        .with_timezone(&Utc)
}

pub(super) fn client_id(n: u8) -> Uuid {
    Uuid::from_u128(u128::from(n) + 1)
}

/// A session of client `n` from `start` to `end` (None: running).
pub(super) fn session(n: u8, start: DateTime<Utc>, end: Option<DateTime<Utc>>, tz: Tz) -> Session {
    Session {
        id: Uuid::from_u128(start.timestamp() as u128),
        number: 1,
        client_id: client_id(n),
        client_name: format!("Client {n}"),
        start,
        end,
        billable: n.is_multiple_of(2),
        note: String::new(),
        tags: Vec::new(),
        source: Source::Timer,
        rate_minor: 0,
        currency: Currency::EUR,
        zone: tz.name().to_string(),
        planned_seconds: None,
        deleted: false,
        created_at: start,
        updated_at: start,
    }
}

/// The default policy (the settings' defaults) in `tz`.
pub(super) fn settings(tz: Tz) -> Policy {
    Settings::defaults(tz).policy()
}

/// The English sentence the caller would show for a rule's facts.
fn english(kind: AlertKind, form: Form, facts: &messages::Facts) -> String {
    message(kind, form, Locale::En, facts)
}

#[test]
fn off_hours_seconds_of_intervals() {
    let wh = WorkingHours::parse("mon-fri 09:00-12:30,13:30-18:00; sat off; sun off").unwrap();
    // (zone, from, to, expected off-hours seconds)
    let cases: &[(Tz, &str, &str, i64)] = &[
        // Inside one block: nothing off.
        (Paris, "2026-11-23 09:00", "2026-11-23 12:30", 0),
        // Lunch is outside the blocks.
        (Paris, "2026-11-23 12:00", "2026-11-23 14:00", 3600),
        // Half-open: 18:00:00 is already off-hours.
        (Paris, "2026-11-23 17:00", "2026-11-23 18:00", 0),
        (Paris, "2026-11-23 17:00", "2026-11-23 18:00:01", 1),
        // Night across midnight, Monday to Tuesday.
        (Paris, "2026-11-23 22:00", "2026-11-24 02:00", 4 * 3600),
        // A Saturday is entirely off.
        (Paris, "2026-11-28 10:00", "2026-11-28 12:00", 7200),
        // Spring forward (Paris 2026-03-29, Sunday): 01:00–04:00 local is 2 h real.
        (Paris, "2026-03-29 01:00", "2026-03-29 04:00", 7200),
        // Fall back (Paris 2026-10-25, Sunday): 00:00–04:00 local is 5 h real.
        (Paris, "2026-10-25 00:00", "2026-10-25 04:00", 5 * 3600),
        // New York spring forward on Sunday 2026-03-08 (23 h), Saturday 23:00 to Monday 10:00.
        (
            New_York,
            "2026-03-07 23:00",
            "2026-03-09 10:00",
            3600 + 23 * 3600 + 9 * 3600,
        ),
        (New_York, "2026-11-02 08:30", "2026-11-02 09:30", 1800),
    ];
    for (tz, from, to, expected) in cases {
        assert_eq!(
            wh.off_hours_seconds(at(*tz, from), at(*tz, to), *tz),
            *expected,
            "{tz} {from} → {to}"
        );
    }
}

#[test]
fn working_time_edges() {
    let wh = WorkingHours::default();
    let cases: &[(Tz, &str, bool)] = &[
        (Paris, "2026-11-23 08:59:59", false),
        (Paris, "2026-11-23 09:00:00", true),
        (Paris, "2026-11-23 17:59:59", true),
        (Paris, "2026-11-23 18:00:00", false),
        (Paris, "2026-11-28 10:00:00", false),
        (New_York, "2026-11-27 17:59:59", true),
        (New_York, "2026-11-27 18:00:00", false),
    ];
    for (tz, when, expected) in cases {
        assert_eq!(
            wh.is_working_time(at(*tz, when), *tz),
            *expected,
            "{tz} {when}"
        );
    }
    assert_eq!(
        wh.next_edge(at(Paris, "2026-11-23 17:00"), Paris),
        Some(at(Paris, "2026-11-23 18:00"))
    );
    assert_eq!(
        wh.next_edge(at(Paris, "2026-11-27 19:00"), Paris),
        Some(at(Paris, "2026-11-30 09:00"))
    );
}

#[test]
fn rest_day_seconds_of_intervals() {
    let sat_sun = DaySet::default();
    let fri_sat = DaySet::parse("fri,sat").unwrap();
    let cases: &[(Tz, DaySet, &str, &str, i64)] = &[
        (
            Paris,
            sat_sun,
            "2026-11-27 22:00",
            "2026-11-28 02:00",
            2 * 3600,
        ),
        (
            Paris,
            fri_sat,
            "2026-11-27 22:00",
            "2026-11-28 02:00",
            4 * 3600,
        ),
        (Paris, fri_sat, "2026-11-29 10:00", "2026-11-29 12:00", 0),
        (
            Paris,
            sat_sun,
            "2026-11-29 22:00",
            "2026-11-30 02:00",
            2 * 3600,
        ),
        // The fall-back Sunday in Paris has 25 hours.
        (
            Paris,
            sat_sun,
            "2026-10-25 00:00",
            "2026-10-26 00:00",
            25 * 3600,
        ),
        (
            New_York,
            sat_sun,
            "2026-03-08 00:00",
            "2026-03-09 00:00",
            23 * 3600,
        ),
    ];
    for (tz, rest, from, to, expected) in cases {
        assert_eq!(
            rest_day_seconds(at(*tz, from), at(*tz, to), *rest, *tz),
            *expected,
            "{rest} {from} → {to}"
        );
    }
}

#[test]
fn weekends_are_runs_of_rest_days_whatever_the_week_start() {
    // Fri+Sat: Friday 2026-11-27 and Saturday 2026-11-28 are one weekend.
    let fri_sat = DaySet::parse("fri,sat").unwrap();
    let w = latest_weekend(at(Paris, "2026-11-28 12:00"), fri_sat, Paris).unwrap();
    assert_eq!(
        (w.first.to_string(), w.last.to_string()),
        ("2026-11-27".into(), "2026-11-28".into())
    );
    assert_eq!((w.end - w.start).num_hours(), 48);
    // On Tuesday the latest weekend begun is the previous one.
    let w = latest_weekend(at(Paris, "2026-12-01 12:00"), fri_sat, Paris).unwrap();
    assert_eq!(w.first.to_string(), "2026-11-27");
    // Sat+Sun stay one weekend with Sunday-start weeks: weekends do not depend on it.
    let mut s = settings(Paris);
    s.week_start = WeekStart::Sunday;
    let w = latest_weekend(at(Paris, "2026-11-29 12:00"), s.rest_days, Paris).unwrap();
    assert_eq!(
        (w.first.to_string(), w.last.to_string()),
        ("2026-11-28".into(), "2026-11-29".into())
    );
    // The fall-back weekend in Paris lasts 49 hours.
    let w = latest_weekend(at(Paris, "2026-10-25 12:00"), DaySet::default(), Paris).unwrap();
    assert_eq!((w.end - w.start).num_hours(), 49);
}

#[test]
fn weekend_streaks() {
    // Weekends (Sat+Sun) of 2026: Nov 7, 14, 21, 28.
    let tz = New_York;
    let rest = DaySet::default();
    let min = 15 * 60;
    let work = |day: &str, minutes: i64| {
        let start = at(tz, &format!("{day} 10:00"));
        session(
            0,
            start,
            Some(start + chrono::Duration::minutes(minutes)),
            tz,
        )
    };
    // (sessions, as of, expected streak)
    let cases: Vec<(Vec<Session>, &str, usize)> = vec![
        (vec![], "2026-11-29 20:00", 0),
        (vec![work("2026-11-28", 60)], "2026-11-29 20:00", 1),
        // Two in a row.
        (
            vec![work("2026-11-21", 60), work("2026-11-29", 20)],
            "2026-11-29 20:00",
            2,
        ),
        // Under weekend_min: 14 min does not make a weekend worked.
        (
            vec![work("2026-11-21", 60), work("2026-11-29", 14)],
            "2026-11-29 20:00",
            0,
        ),
        (
            vec![work("2026-11-21", 14), work("2026-11-29", 60)],
            "2026-11-29 20:00",
            1,
        ),
        // Broken by one free weekend (Nov 14).
        (
            vec![
                work("2026-11-07", 60),
                work("2026-11-21", 60),
                work("2026-11-28", 60),
            ],
            "2026-11-29 20:00",
            2,
        ),
        (
            vec![
                work("2026-11-07", 60),
                work("2026-11-14", 60),
                work("2026-11-21", 60),
                work("2026-11-28", 60),
            ],
            "2026-11-29 20:00",
            4,
        ),
        // As of Wednesday the latest weekend begun is still the past one.
        (
            vec![work("2026-11-21", 60), work("2026-11-28", 60)],
            "2026-12-02 12:00",
            2,
        ),
        // Mid-Saturday, before the session ends: only the part up to now counts.
        (
            vec![work("2026-11-21", 60), work("2026-11-28", 60)],
            "2026-11-28 10:10",
            0,
        ),
        (
            vec![work("2026-11-21", 60), work("2026-11-28", 60)],
            "2026-11-28 10:15",
            2,
        ),
    ];
    for (index, (sessions, as_of, expected)) in cases.iter().enumerate() {
        let streak = weekend_streak(sessions, at(tz, as_of), rest, min, tz, 52);
        assert_eq!(streak.count, *expected, "case {index}");
    }
    // A session from Friday 23:00 to Saturday 01:00 puts one hour on the weekend.
    let s = session(
        0,
        at(tz, "2026-11-27 23:00"),
        Some(at(tz, "2026-11-28 01:00")),
        tz,
    );
    let h = weekend_history(&[s], at(tz, "2026-11-29 12:00"), rest, min, tz, 2);
    assert_eq!(h[0].tracked_seconds, 3600);
    assert!(h[0].worked);
    assert!(!h[1].worked);
    assert_eq!(
        lookback_start(at(tz, "2026-11-29 12:00"), rest, tz, 2),
        at(tz, "2026-11-21 00:00")
    );
}

#[test]
fn cap_thresholds_are_crossed_at_the_exact_second() {
    // 40 h cap, warn at 80 %: warning at exactly 32 h, reached at exactly 40 h.
    let cases: &[(i64, CapLevel)] = &[
        (32 * 3600 - 1, CapLevel::Below),
        (32 * 3600, CapLevel::Warning),
        (40 * 3600 - 1, CapLevel::Warning),
        (40 * 3600, CapLevel::Reached),
        (60 * 3600, CapLevel::Reached),
    ];
    for (tracked, level) in cases {
        assert_eq!(
            cap_usage(*tracked, 40 * 3600, 80).level,
            *level,
            "{tracked}"
        );
    }
    // A cap whose warning is not a whole second: 10 min at 33 % is 198 s.
    assert_eq!(warn_threshold_seconds(600, 33), 198);
    assert_eq!(cap_usage(197, 600, 33).level, CapLevel::Below);
    assert_eq!(cap_usage(198, 600, 33).level, CapLevel::Warning);
    assert_eq!(warn_threshold_seconds(37, 50), 19);
    assert_eq!(cap_usage(18, 37, 50).level, CapLevel::Below);
    assert_eq!(cap_usage(19, 37, 50).level, CapLevel::Warning);
}

#[test]
fn weeks_split_sessions_at_their_start_dst_correctly() {
    // (zone, week start, session from, session to, a date in the week, expected seconds in it)
    let cases: &[(Tz, WeekStart, &str, &str, &str, i64)] = &[
        // Sunday 22:00 → Monday 02:00 with Monday-start weeks: 2 h in each.
        (
            Paris,
            WeekStart::Monday,
            "2026-11-22 22:00",
            "2026-11-23 02:00",
            "2026-11-20",
            7200,
        ),
        (
            Paris,
            WeekStart::Monday,
            "2026-11-22 22:00",
            "2026-11-23 02:00",
            "2026-11-23",
            7200,
        ),
        // With Sunday-start weeks the same session sits in one week.
        (
            Paris,
            WeekStart::Sunday,
            "2026-11-22 22:00",
            "2026-11-23 02:00",
            "2026-11-22",
            4 * 3600,
        ),
        // Saturday 22:00 → Sunday 02:00 with Sunday-start weeks: 2 h in each.
        (
            New_York,
            WeekStart::Sunday,
            "2026-11-21 22:00",
            "2026-11-22 02:00",
            "2026-11-21",
            7200,
        ),
        (
            New_York,
            WeekStart::Sunday,
            "2026-11-21 22:00",
            "2026-11-22 02:00",
            "2026-11-22",
            7200,
        ),
        // A whole spring-forward week is 167 h, a fall-back week 169 h.
        (
            Paris,
            WeekStart::Monday,
            "2026-03-23 00:00",
            "2026-03-30 00:00",
            "2026-03-25",
            167 * 3600,
        ),
        (
            Paris,
            WeekStart::Monday,
            "2026-10-19 00:00",
            "2026-10-26 00:00",
            "2026-10-25",
            169 * 3600,
        ),
        (
            New_York,
            WeekStart::Sunday,
            "2026-03-08 00:00",
            "2026-03-15 00:00",
            "2026-03-10",
            167 * 3600,
        ),
        (
            New_York,
            WeekStart::Sunday,
            "2026-11-01 00:00",
            "2026-11-08 00:00",
            "2026-11-04",
            169 * 3600,
        ),
    ];
    for (tz, start, from, to, date, expected) in cases {
        let mut s = settings(*tz);
        s.week_start = *start;
        let sessions = [session(0, at(*tz, from), Some(at(*tz, to)), *tz)];
        let week = week_of(at(*tz, &format!("{date} 12:00")), &s);
        let now = at(*tz, "2027-01-01 00:00");
        assert_eq!(
            tracked_seconds(&sessions, week.0, week.1, now, None),
            *expected,
            "{tz} {start:?} {from} → {to} in the week of {date}"
        );
    }
}

#[test]
fn week_caps_count_non_billable_time_and_the_running_timer() {
    let tz = Paris;
    let mut s = settings(tz);
    s.weekly_cap = Some(10 * 3600);
    let now = at(tz, "2026-11-25 12:00");
    let sessions = vec![
        // Client 1 is non-billable (odd numbers): still counts.
        session(
            1,
            at(tz, "2026-11-23 09:00"),
            Some(at(tz, "2026-11-23 17:00")),
            tz,
        ),
        session(0, at(tz, "2026-11-25 10:00"), None, tz),
    ];
    let client = |n: u8, cap: Option<i64>| Client {
        id: client_id(n),
        name: format!("Client {n}"),
        rate_minor: 0,
        currency: Currency::EUR,
        cap_seconds: cap,
        rounding: None,
        color: crate::model::Color::from_palette(0),
        archived: false,
        created_at: now,
        updated_at: now,
    };
    let caps = week_caps(
        &sessions,
        &[client(0, Some(7200)), client(1, None)],
        &s,
        week_of(now, &s),
        now,
    );
    assert_eq!(caps.tracked_seconds, 10 * 3600);
    assert_eq!(caps.weekly.unwrap().level, CapLevel::Reached);
    assert_eq!(caps.clients.len(), 1);
    assert_eq!(caps.clients[0].usage.tracked_seconds, 7200);
    assert_eq!(caps.clients[0].usage.level, CapLevel::Reached);
}

fn kinds(crossings: &[Crossing]) -> Vec<AlertKind> {
    crossings.iter().map(|c| c.kind).collect()
}

fn evaluate_at(
    policy: &Policy,
    clients: &[Client],
    sessions: &[Session],
    now: DateTime<Utc>,
) -> Vec<Crossing> {
    evaluate(&Inputs {
        policy,
        clients,
        sessions,
        now,
    })
}

fn test_client(n: u8, cap: Option<i64>) -> Client {
    let epoch = DateTime::from_timestamp(0, 0).unwrap();
    Client {
        id: client_id(n),
        name: format!("Client {n}"),
        rate_minor: 0,
        currency: Currency::EUR,
        cap_seconds: cap,
        rounding: None,
        color: crate::model::Color::from_palette(0),
        archived: false,
        created_at: epoch,
        updated_at: epoch,
    }
}

#[test]
fn evaluation_fires_at_the_exact_second() {
    // (zone, timer start, now, expected kinds). Weekly cap 2 h, warn at 80 %
    // (1 h 36 min); client 0 has a 1 h cap; default working hours Mon–Fri 09–18.
    let cases: &[(Tz, &str, &str, &[AlertKind])] = &[
        (Paris, "2026-11-25 10:00", "2026-11-25 10:47:59", &[]),
        (
            Paris,
            "2026-11-25 10:00",
            "2026-11-25 10:48:00",
            &[AlertKind::ClientCapWarning],
        ),
        (
            Paris,
            "2026-11-25 10:00",
            "2026-11-25 10:59:59",
            &[AlertKind::ClientCapWarning],
        ),
        (
            Paris,
            "2026-11-25 10:00",
            "2026-11-25 11:00:00",
            &[AlertKind::ClientCapReached],
        ),
        (
            Paris,
            "2026-11-25 10:00",
            "2026-11-25 11:36:00",
            &[AlertKind::WeeklyCapWarning, AlertKind::ClientCapReached],
        ),
        (
            New_York,
            "2026-11-25 10:00",
            "2026-11-25 11:59:59",
            &[AlertKind::WeeklyCapWarning, AlertKind::ClientCapReached],
        ),
        (
            New_York,
            "2026-11-25 10:00",
            "2026-11-25 12:00:00",
            &[AlertKind::WeeklyCapReached, AlertKind::ClientCapReached],
        ),
        // A timer running into off-hours at 18:00 (half-open blocks).
        (Paris, "2026-11-25 17:30", "2026-11-25 17:59:59", &[]),
        (
            Paris,
            "2026-11-25 17:30",
            "2026-11-25 18:00:00",
            &[AlertKind::OffHours],
        ),
        (
            New_York,
            "2026-11-25 17:30",
            "2026-11-25 18:00:00",
            &[AlertKind::OffHours],
        ),
        // Started in off-hours.
        (
            Paris,
            "2026-11-25 07:00",
            "2026-11-25 07:30",
            &[AlertKind::OffHours],
        ),
    ];
    for (tz, start, now, expected) in cases {
        let mut s = settings(*tz);
        s.weekly_cap = Some(2 * 3600);
        let sessions = [session(0, at(*tz, start), None, *tz)];
        let got = evaluate_at(&s, &[test_client(0, Some(3600))], &sessions, at(*tz, now));
        assert_eq!(kinds(&got), expected.to_vec(), "{tz} {start} → {now}");
    }
}

#[test]
fn the_meeting_that_drifts() {
    // A planned 15-minute call: on plan at minute 15, over at minute 16.
    let tz = Paris;
    let start = at(tz, "2026-11-25 10:00");
    let mut call = session(0, start, None, tz);
    call.planned_seconds = Some(15 * 60);
    let s = settings(tz);
    let cases: &[(&str, bool)] = &[
        ("2026-11-25 10:14:59", false),
        ("2026-11-25 10:15:00", false),
        ("2026-11-25 10:15:01", true),
        ("2026-11-25 10:16:00", true),
    ];
    for (now, over) in cases {
        let got = evaluate_at(&s, &[], std::slice::from_ref(&call), at(tz, now));
        assert_eq!(
            kinds(&got).contains(&AlertKind::PlannedExceeded),
            *over,
            "{now}"
        );
    }
    let got = evaluate_at(
        &s,
        &[],
        std::slice::from_ref(&call),
        at(tz, "2026-11-25 10:16"),
    );
    assert_eq!(
        english(got[0].kind, Form::Alert, &got[0].facts),
        "Your 15 min session with Client 0 has been running for 16 min. Wrap it up, or agree on a new end time."
    );
    assert_eq!(got[0].period, format!("session:{}", call.id));
    // A stopped call is never "running past" its plan.
    call.end = Some(at(tz, "2026-11-25 10:40"));
    assert!(evaluate_at(&s, &[], &[call], at(tz, "2026-11-25 10:41")).is_empty());
}

#[test]
fn weekend_streak_alert_with_friday_saturday_rest_days() {
    let tz = New_York;
    let mut s = settings(tz);
    s.rest_days = DaySet::parse("fri,sat").unwrap();
    // No working hours on Fri/Sat either, so that only the streak matters here.
    s.working_hours = WorkingHours::parse("mon-sun 00:00-24:00").unwrap();
    let work = |from: &str, to: &str| session(0, at(tz, from), Some(at(tz, to)), tz);
    let last_weekend = work("2026-11-20 10:00", "2026-11-20 11:00");
    let cases: Vec<(Vec<Session>, &str, bool)> = vec![
        // Second weekend in a row: fires as soon as it counts as worked (15 min).
        (
            vec![
                last_weekend.clone(),
                work("2026-11-27 10:00", "2026-11-27 10:14"),
            ],
            "2026-11-27 12:00",
            false,
        ),
        (
            vec![
                last_weekend.clone(),
                work("2026-11-27 10:00", "2026-11-27 10:15"),
            ],
            "2026-11-27 12:00",
            true,
        ),
        // Saturday work counts in the same weekend; Sunday is a working day.
        (
            vec![
                last_weekend.clone(),
                work("2026-11-28 10:00", "2026-11-28 11:00"),
            ],
            "2026-11-28 12:00",
            true,
        ),
        (
            vec![
                last_weekend.clone(),
                work("2026-11-29 10:00", "2026-11-29 11:00"),
            ],
            "2026-11-29 12:00",
            false,
        ),
        // Broken by one free weekend (Nov 20–21).
        (
            vec![
                work("2026-11-13 10:00", "2026-11-13 11:00"),
                work("2026-11-27 10:00", "2026-11-27 11:00"),
            ],
            "2026-11-27 12:00",
            false,
        ),
    ];
    for (index, (sessions, now, fires)) in cases.iter().enumerate() {
        let got = evaluate_at(&s, &[], sessions, at(tz, now));
        assert_eq!(
            kinds(&got).contains(&AlertKind::WeekendStreak),
            *fires,
            "case {index}"
        );
        if *fires {
            assert_eq!(got[0].period, "weekend:2026-11-27");
        }
    }
}

#[test]
fn projection_of_the_cap_instants() {
    let tz = Paris;
    let mut s = settings(tz);
    s.weekly_cap = Some(10 * 3600);
    let now = at(tz, "2026-11-25 10:00");
    let sessions = vec![
        session(
            1,
            at(tz, "2026-11-23 09:00"),
            Some(at(tz, "2026-11-23 16:00")),
            tz,
        ),
        session(0, at(tz, "2026-11-25 09:00"), None, tz),
    ];
    let clients = [test_client(0, Some(3 * 3600)), test_client(1, None)];
    let inputs = Inputs {
        policy: &s,
        clients: &clients,
        sessions: &sessions,
        now,
    };
    // 8 h tracked at 10:00: 2 h more reach the weekly cap at 12:00; the
    // client's 3 h cap, counted from 09:00, is reached at 12:00 too.
    let p = project(&inputs);
    assert_eq!(p.weekly_cap_reached_at, Some(at(tz, "2026-11-25 12:00")));
    assert_eq!(p.client_cap_reached_at, Some(at(tz, "2026-11-25 12:00")));
    // Next crossing: the weekly warning (8 h) was reached at 10:00, the
    // client's (80 % of 3 h = 2 h 24 min) comes at 11:24.
    assert_eq!(next_crossing_at(&inputs), Some(at(tz, "2026-11-25 11:24")));
    // A projection that does not fit in the week is none.
    let late = at(tz, "2026-11-29 20:00");
    let sessions = vec![session(1, at(tz, "2026-11-29 19:00"), None, tz)];
    let p = project(&Inputs {
        policy: &s,
        clients: &clients,
        sessions: &sessions,
        now: late,
    });
    assert_eq!(p, Projection::default());
    // Idle: nothing projected.
    let p = project(&Inputs {
        policy: &s,
        clients: &clients,
        sessions: &[],
        now,
    });
    assert_eq!(p, Projection::default());
}

#[test]
fn start_refusals_name_each_boundary() {
    let tz = Paris;
    let mut s = settings(tz);
    s.weekly_cap = Some(8 * 3600);
    let client = test_client(0, Some(4 * 3600));
    let sessions = vec![session(
        0,
        at(tz, "2026-11-23 09:00"),
        Some(at(tz, "2026-11-23 17:00")),
        tz,
    )];
    let inputs = Inputs {
        policy: &s,
        clients: std::slice::from_ref(&client),
        sessions: &sessions,
        now: at(tz, "2026-11-25 20:00"),
    };
    let refusals = start_refusals(&inputs, &client, at(tz, "2026-11-25 20:00"));
    let got: Vec<AlertKind> = refusals.iter().map(|r| r.kind).collect();
    assert_eq!(
        got,
        vec![
            AlertKind::WeeklyCapReached,
            AlertKind::ClientCapReached,
            AlertKind::OffHours
        ]
    );
    assert_eq!(
        english(refusals[0].kind, Form::Refusal, &refusals[0].facts),
        "You reached your 8 h cap for the week — 8 h tracked."
    );
    assert_eq!(
        english(refusals[2].kind, Form::Refusal, &refusals[2].facts),
        "It is 20:00, outside your working hours."
    );
    // Next week, in working hours: nothing refuses.
    let inputs = Inputs {
        now: at(tz, "2026-11-30 10:00"),
        ..inputs
    };
    assert!(start_refusals(&inputs, &client, at(tz, "2026-11-30 10:00")).is_empty());
}
