//! The read models the desktop window shows (src/tracker/desk.rs): the
//! boundaries in view, the flags of a running timer, a week of sessions,
//! the clients with this week's hours, and clients found by id.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::model::Source;
use gardefou::rules::CapLevel;
use gardefou::store::Store;
use gardefou::tracker::{NewClient, NewSession, RunningFlags, StartRequest};

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Paris, Wednesday 2025-03-12 10:00 local.
fn tracker() -> (Tracker, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(at("2025-03-12T09:00:00Z")));
    let mut t = Tracker::with_store(
        Store::open_in_memory().unwrap(),
        clock.clone(),
        chrono_tz::Europe::Paris,
    );
    t.set_setting("timezone", "Europe/Paris").unwrap();
    t.add_client(NewClient {
        name: "Acme".into(),
        cap_seconds: Some(10 * 3600),
        ..NewClient::default()
    })
    .unwrap();
    (t, clock)
}

fn add(t: &mut Tracker, from: &str, to: &str) {
    t.add_session(NewSession {
        client: "Acme".into(),
        start: at(from),
        end: at(to),
        note: String::new(),
        tags: vec![],
        billable: true,
        allow_long: false,
        source: Source::Manual,
    })
    .unwrap();
}

#[test]
fn meters_show_the_week_against_the_caps_and_the_projection() {
    let (mut t, _) = tracker();
    t.set_setting("weekly_cap", "20h").unwrap();
    // Monday and Tuesday: 8 h 30 for Acme.
    add(&mut t, "2025-03-10T08:00:00Z", "2025-03-10T12:30:00Z");
    add(&mut t, "2025-03-11T08:00:00Z", "2025-03-11T12:00:00Z");
    let idle = t.meters().unwrap();
    assert_eq!(idle.week_tracked_seconds, 8 * 3600 + 1800);
    assert_eq!(idle.weekly_cap.unwrap().level, CapLevel::Below);
    assert_eq!(idle.client_cap, None, "no running client, no client meter");
    assert!(!idle.off_hours_now);
    assert_eq!(idle.client_cap_reached_at, None);

    t.start(StartRequest::new("Acme")).unwrap();
    let running = t.meters().unwrap();
    let client = running.client_cap.unwrap();
    assert_eq!(
        client.level,
        CapLevel::Warning,
        "8 h 30 of 10 h is past 80 %"
    );
    assert_eq!(running.client_name.as_deref(), Some("Acme"));
    // 1 h 30 left on Acme's cap from 09:00 UTC.
    assert_eq!(
        running.client_cap_reached_at,
        Some(at("2025-03-12T10:30:00Z"))
    );
    assert_eq!(
        running.weekly_cap_reached_at,
        Some(at("2025-03-12T20:30:00Z"))
    );
}

#[test]
fn off_hours_only_while_a_timer_runs_outside_working_hours() {
    let (mut t, clock) = tracker();
    t.set_setting("working_hours", "mon-fri 09:00-18:00")
        .unwrap();
    clock.set(at("2025-03-12T18:30:00Z")); // 19:30 in Paris
    assert!(!t.meters().unwrap().off_hours_now, "idle: nothing to flag");
    t.start(StartRequest {
        override_reason: Some("launch".into()),
        ..StartRequest::new("Acme")
    })
    .unwrap();
    assert!(t.meters().unwrap().off_hours_now);
}

#[test]
fn the_weekend_streak_shows_once_a_weekend_was_worked() {
    let (mut t, _) = tracker();
    assert_eq!(t.meters().unwrap().weekend_streak, None);
    // Saturday 2025-03-08, one hour.
    add(&mut t, "2025-03-08T09:00:00Z", "2025-03-08T10:00:00Z");
    let m = t.meters().unwrap();
    assert_eq!(m.weekend_streak, Some(1));
    assert_eq!(m.weekend_streak_limit, 2);
}

#[test]
fn a_running_timer_is_flagged_across_midnight_and_past_12_hours() {
    let tz: Tz = chrono_tz::Europe::Paris;
    let now = at("2025-03-14T09:00:00Z");
    let same_day = RunningFlags::of(at("2025-03-14T07:00:00Z"), now, tz);
    assert_eq!(
        (
            same_day.started_on,
            same_day.across_midnight,
            same_day.over_12h
        ),
        (None, false, false)
    );
    // Thursday 22:00 Paris, 12 h exactly: across midnight, not yet over 12 h.
    let night = RunningFlags::of(at("2025-03-13T21:00:00Z"), now, tz);
    assert_eq!(night.started_on, NaiveDate::from_ymd_opt(2025, 3, 13));
    assert!(night.across_midnight && !night.over_12h);
    let long = RunningFlags::of(at("2025-03-13T20:59:59Z"), now, tz);
    assert!(long.over_12h);
}

#[test]
fn a_week_of_sessions_with_its_neighbours() {
    let (mut t, _) = tracker();
    add(&mut t, "2025-03-03T08:00:00Z", "2025-03-03T09:00:00Z"); // last week
    add(&mut t, "2025-03-11T08:00:00Z", "2025-03-11T09:00:00Z");
    let removed = {
        add(&mut t, "2025-03-12T07:00:00Z", "2025-03-12T08:00:00Z");
        t.log(None, None, None).unwrap().last().unwrap().number
    };
    t.remove_session(&removed.to_string()).unwrap();

    let this = t.week_log(None).unwrap();
    assert_eq!(
        this.first_day,
        NaiveDate::from_ymd_opt(2025, 3, 10).unwrap()
    );
    assert_eq!(this.next, None);
    assert_eq!(this.today, NaiveDate::from_ymd_opt(2025, 3, 12).unwrap());
    assert_eq!(this.sessions.len(), 1, "deleted sessions are hidden");

    let last = t.week_log(Some(this.previous)).unwrap();
    assert_eq!(last.first_day, NaiveDate::from_ymd_opt(2025, 3, 3).unwrap());
    assert_eq!(last.next, Some(this.first_day));
    assert_eq!(last.sessions.len(), 1);

    t.set_setting("week_start", "sunday").unwrap();
    let sunday = t.week_log(None).unwrap();
    assert_eq!(
        sunday.first_day,
        NaiveDate::from_ymd_opt(2025, 3, 9).unwrap()
    );
}

#[test]
fn clients_with_this_weeks_hours_archived_included() {
    let (mut t, clock) = tracker();
    t.add_client(NewClient {
        name: "Globex".into(),
        ..NewClient::default()
    })
    .unwrap();
    add(&mut t, "2025-03-03T08:00:00Z", "2025-03-03T09:00:00Z"); // last week: not counted
    add(&mut t, "2025-03-11T08:00:00Z", "2025-03-11T09:30:00Z");
    t.start(StartRequest::new("Acme")).unwrap();
    clock.advance(Duration::minutes(30));
    t.set_client_archived("Globex", true).unwrap();
    let rows = t.clients_this_week().unwrap();
    let names: Vec<_> = rows
        .iter()
        .map(|r| (r.client.name.as_str(), r.week_seconds, r.client.archived))
        .collect();
    assert_eq!(names, [("Acme", 2 * 3600, false), ("Globex", 0, true)]);
}

#[test]
fn a_client_id_finds_the_client_whatever_its_name() {
    let (mut t, _) = tracker();
    let id = t.client("Acme").unwrap().id.to_string();
    t.edit_client(
        &id,
        gardefou::tracker::ClientChanges {
            rename: Some("Acme Corp".into()),
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(t.client(&id).unwrap().name, "Acme Corp");
    let started = t.start(StartRequest::new(id)).unwrap();
    assert_eq!(started.started.client_name, "Acme Corp");
}

#[test]
fn the_window_state_is_one_read_where_day_and_meters_agree() {
    let (mut t, clock) = tracker();
    t.set_setting("weekly_cap", "20h").unwrap();
    add(&mut t, "2025-03-10T08:00:00Z", "2025-03-10T12:30:00Z");
    t.start(StartRequest::new("Acme")).unwrap();
    clock.advance(Duration::minutes(30));
    let state = gardefou::tracker::WindowState::read(&mut t).unwrap();
    assert_eq!(state.day.week_seconds, 5 * 3600);
    assert_eq!(state.meters.week_tracked_seconds, state.day.week_seconds);
    assert_eq!(
        state.day.weekly_cap.map(|c| c.level),
        state.meters.weekly_cap.map(|c| c.level)
    );
    assert_eq!(state.now, at("2025-03-12T09:30:00Z"));
    assert_eq!(state.settings.timezone, chrono_tz::Europe::Paris);
    assert_eq!(state.meters.client_name.as_deref(), Some("Acme"));
}

#[test]
fn the_standing_is_idle_running_or_over_a_boundary() {
    use gardefou::tracker::Standing;
    let (mut t, clock) = tracker();
    t.set_setting("working_hours", "mon-fri 09:00-18:00")
        .unwrap();
    t.set_setting("rest_days", "sat,sun").unwrap();
    assert_eq!(t.meters().unwrap().standing, Standing::Idle);
    // Wednesday 10:00 in Paris, inside the hours, no cap reached.
    t.start(StartRequest::new("Acme")).unwrap();
    assert_eq!(t.meters().unwrap().standing, Standing::Running);
    // Into the evening: off-hours.
    clock.set(at("2025-03-12T17:30:00Z"));
    assert_eq!(t.meters().unwrap().standing, Standing::OverBoundary);
    t.stop(None).unwrap();
    assert_eq!(
        t.meters().unwrap().standing,
        Standing::Idle,
        "idle, even over a cap"
    );

    // Thursday in the hours, the weekly cap already reached: over.
    clock.set(at("2025-03-13T09:00:00Z"));
    t.set_setting("weekly_cap", "8h").unwrap();
    t.start(StartRequest {
        override_reason: Some("deadline".into()),
        ..StartRequest::new("Acme")
    })
    .unwrap();
    assert_eq!(t.meters().unwrap().standing, Standing::OverBoundary);
    clock.set(at("2025-03-13T09:30:00Z"));
    t.stop(None).unwrap();

    // A second worked weekend in a row, during it: over; the streak of past
    // weekends alone, on a weekday, is not.
    t.set_setting("weekly_cap", "none").unwrap();
    t.set_setting("working_hours", "mon-sun 00:00-24:00")
        .unwrap();
    add(&mut t, "2025-03-08T09:00:00Z", "2025-03-08T10:00:00Z");
    clock.set(at("2025-03-15T09:00:00Z")); // Saturday
    t.start(StartRequest::new("Acme")).unwrap();
    clock.set(at("2025-03-15T09:20:00Z"));
    let m = t.meters().unwrap();
    assert_eq!(m.weekend_streak, Some(2));
    assert_eq!(m.standing, Standing::OverBoundary);
    clock.set(at("2025-03-15T10:00:00Z"));
    t.stop(None).unwrap();
    clock.set(at("2025-03-17T09:00:00Z")); // Monday
    t.start(StartRequest::new("Acme")).unwrap();
    let m = t.meters().unwrap();
    assert_eq!(m.weekend_streak, Some(2));
    assert_eq!(m.standing, Standing::Running);
}
