//! The day read model (`gardefou::day::Day`): what the app's window and tray
//! show, read through the tracker at a fixed instant in a named zone.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::day::Day;
use gardefou::model::{Client, Source};
use gardefou::rules::CapLevel;
use gardefou::store::Store;
use gardefou::tracker::{NewClient, NewSession, StartRequest};

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

/// A tracker in Paris whose clock says `now`; the system zone is UTC, so a
/// figure that ignored the setting would show.
fn paris_at(now: &str) -> (Tracker, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(instant(now)));
    let mut tracker = Tracker::with_store(Store::open_in_memory().unwrap(), clock.clone(), Tz::UTC);
    tracker.set_setting("timezone", "Europe/Paris").unwrap();
    // Any hour is a working hour: these tests are about figures, not refusals.
    tracker
        .set_setting("working_hours", "mon-sun 00:00-24:00")
        .unwrap();
    (tracker, clock)
}

fn client(tracker: &mut Tracker, name: &str, color: &str) -> Client {
    tracker
        .add_client(NewClient {
            name: name.into(),
            color: Some(color.into()),
            ..NewClient::default()
        })
        .unwrap()
}

fn past(tracker: &mut Tracker, client: &str, from: &str, to: &str) {
    tracker
        .add_session(NewSession {
            client: client.into(),
            start: instant(from),
            end: instant(to),
            note: String::new(),
            tags: Vec::new(),
            billable: true,
            allow_long: false,
            source: Source::Manual,
        })
        .unwrap();
}

#[test]
fn the_running_timer_today_and_the_clients_by_recent_use() {
    // Wednesday 2026-11-25, 11:30 in Paris (UTC+1).
    let (mut tracker, _) = paris_at("2026-11-25T11:30:00+01:00");
    let acme = client(&mut tracker, "Acme", "#3b82f6");
    let globex = client(&mut tracker, "Globex", "#10b981");
    let initech = client(&mut tracker, "Initech", "#f59e0b");
    tracker.set_setting("weekly_cap", "10h").unwrap();
    tracker
        .edit_client(
            "Acme",
            gardefou::tracker::ClientChanges {
                cap_seconds: Some(Some(4 * 3600)),
                ..Default::default()
            },
        )
        .unwrap();
    // Monday: 3 h for Acme. Today: 08:00-09:00 Acme, then a call with Globex.
    past(
        &mut tracker,
        "Acme",
        "2026-11-23T09:00:00+01:00",
        "2026-11-23T12:00:00+01:00",
    );
    past(
        &mut tracker,
        "Acme",
        "2026-11-25T08:00:00+01:00",
        "2026-11-25T09:00:00+01:00",
    );
    let mut call = StartRequest::new("Globex");
    call.at = Some(instant("2026-11-25T10:00:00+01:00"));
    call.planned_seconds = Some(30 * 60);
    call.note = "Weekly call".into();
    call.tags = vec!["meeting".into()];
    tracker.start(call).unwrap();

    let day = Day::read(&mut tracker).unwrap();
    assert_eq!(day.timezone, "Europe/Paris");
    assert_eq!(day.now, "2026-11-25T11:30:00+01:00");
    assert_eq!(day.date, "2026-11-25");
    let running = day.running.clone().expect("a timer runs");
    assert_eq!(running.client_id, globex.id.to_string());
    assert_eq!(running.client, "Globex");
    assert_eq!(running.color, "#10b981");
    assert_eq!(running.start, "2026-11-25T10:00:00+01:00");
    assert_eq!(running.start_local, "10:00");
    assert_eq!(running.end, None);
    assert_eq!(running.duration_seconds, 90 * 60, "elapsed up to now");
    assert_eq!(running.planned_seconds, Some(30 * 60));
    assert_eq!(running.note, "Weekly call");
    assert_eq!(running.tags, vec!["meeting"]);

    // Most recently used first, with ids; never used last.
    let order: Vec<(&str, &str)> = day
        .clients
        .iter()
        .map(|c| (c.id.as_str(), c.name.as_str()))
        .collect();
    let ids = [globex.id, acme.id, initech.id].map(|id| id.to_string());
    assert_eq!(
        order,
        vec![
            (ids[0].as_str(), "Globex"),
            (ids[1].as_str(), "Acme"),
            (ids[2].as_str(), "Initech")
        ]
    );
    assert!(day.archived_clients.is_empty());

    let today: Vec<(&str, &str, Option<&str>)> = day
        .today
        .iter()
        .map(|s| {
            (
                s.client.as_str(),
                s.start_local.as_str(),
                s.end_local.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        today,
        vec![("Acme", "08:00", Some("09:00")), ("Globex", "10:00", None)]
    );
    assert_eq!(day.today_seconds, 3600 + 90 * 60);

    // The week: Monday's 3 h + today's 2 h 30, against the 10 h cap and Acme's 4 h.
    assert_eq!(day.week_first_day, "2026-11-23");
    assert_eq!(day.week_seconds, 3 * 3600 + 3600 + 90 * 60);
    let weekly = day.weekly_cap.expect("a weekly cap is set");
    assert_eq!(
        (weekly.tracked_seconds, weekly.cap_seconds, weekly.percent),
        (5 * 3600 + 1800, 10 * 3600, 55)
    );
    assert_eq!(weekly.level, CapLevel::Below);
    let acme_cap = day.clients[1].cap.expect("Acme has a cap");
    assert_eq!(acme_cap.tracked_seconds, 4 * 3600);
    assert_eq!(acme_cap.level, CapLevel::Reached);
    assert_eq!(day.clients[0].cap, None, "Globex has no cap");
}

#[test]
fn a_night_session_counts_only_its_part_of_today() {
    // Paris: 2026-11-24 22:00 to 2026-11-25 02:00, seen at 10:00 on the 25th.
    let (mut tracker, _) = paris_at("2026-11-25T10:00:00+01:00");
    client(&mut tracker, "Acme", "#3b82f6");
    past(
        &mut tracker,
        "Acme",
        "2026-11-24T22:00:00+01:00",
        "2026-11-25T02:00:00+01:00",
    );
    let day = Day::read(&mut tracker).unwrap();
    assert_eq!(day.today.len(), 1, "the night session shows today");
    let night = &day.today[0];
    assert_eq!(night.start_local, "22:00");
    assert_eq!(night.duration_seconds, 4 * 3600);
    assert_eq!(night.today_seconds, 2 * 3600);
    assert_eq!(day.today_seconds, 2 * 3600, "only 00:00-02:00 is today");
    assert_eq!(day.week_seconds, 4 * 3600, "both parts are this week");
    assert_eq!(day.running, None);

    // The day before, the same session counts its first two hours.
    let (mut tracker, _) = paris_at("2026-11-25T01:00:00+01:00");
    client(&mut tracker, "Acme", "#3b82f6");
    let mut night = StartRequest::new("Acme");
    night.at = Some(instant("2026-11-24T22:00:00+01:00"));
    tracker.start(night).unwrap();
    let day = Day::read(&mut tracker).unwrap();
    assert_eq!(day.date, "2026-11-25");
    assert_eq!(day.running.as_ref().unwrap().duration_seconds, 3 * 3600);
    assert_eq!(
        day.today_seconds, 3600,
        "a running night timer: since midnight"
    );
}

#[test]
fn a_dst_day_lasts_25_hours_and_a_day_after_the_spring_jump_23() {
    // Paris falls back on Sunday 2026-10-25: the local day lasts 25 h, from
    // 2026-10-24T22:00Z to 2026-10-25T23:00Z. Worked 00:00 to 23:30 local.
    let (mut tracker, _) = paris_at("2026-10-25T23:30:00+01:00");
    client(&mut tracker, "Acme", "#3b82f6");
    for (from, to) in [
        ("2026-10-25T00:00:00+02:00", "2026-10-25T12:00:00+01:00"),
        ("2026-10-25T12:00:00+01:00", "2026-10-25T23:30:00+01:00"),
    ] {
        past(&mut tracker, "Acme", from, to);
    }
    let day = Day::read(&mut tracker).unwrap();
    assert_eq!(
        day.today[0].duration_seconds,
        13 * 3600,
        "one hour happens twice"
    );
    assert_eq!(day.today_seconds, 24 * 3600 + 1800);
    assert_eq!(day.today[0].start_local, "00:00");
    assert_eq!(day.today[1].end_local.as_deref(), Some("23:30"));

    // Spring forward on 2026-03-29: 00:00 to 23:30 local is 22 h 30.
    let (mut tracker, _) = paris_at("2026-03-29T23:30:00+02:00");
    client(&mut tracker, "Acme", "#3b82f6");
    past(
        &mut tracker,
        "Acme",
        "2026-03-28T23:00:00+01:00",
        "2026-03-29T23:30:00+02:00",
    );
    let day = Day::read(&mut tracker).unwrap();
    assert_eq!(day.today[0].duration_seconds, 23 * 3600 + 1800);
    assert_eq!(
        day.today_seconds,
        22 * 3600 + 1800,
        "the hour before midnight is the 28th"
    );
}

#[test]
fn an_archived_client_is_listed_apart_and_keeps_its_colour_today() {
    let (mut tracker, clock) = paris_at("2026-11-25T12:00:00+01:00");
    let old = client(&mut tracker, "Old Co", "#ec4899");
    client(&mut tracker, "Acme", "#3b82f6");
    past(
        &mut tracker,
        "Old Co",
        "2026-11-25T09:00:00+01:00",
        "2026-11-25T10:00:00+01:00",
    );
    tracker.set_client_archived("Old Co", true).unwrap();
    clock.advance(Duration::minutes(5));

    let day = Day::read(&mut tracker).unwrap();
    assert_eq!(
        day.clients
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        vec!["Acme"],
        "an archived client cannot be started: not in the picker"
    );
    assert_eq!(day.archived_clients.len(), 1);
    let archived = &day.archived_clients[0];
    assert_eq!(
        (
            archived.id.as_str(),
            archived.name.as_str(),
            archived.archived
        ),
        (old.id.to_string().as_str(), "Old Co", true)
    );
    assert_eq!(day.today.len(), 1);
    assert_eq!(day.today[0].client_id, old.id.to_string());
    assert_eq!(day.today[0].color, "#ec4899");
    assert_eq!(day.today_seconds, 3600);
}

#[test]
fn the_day_serialises_with_stable_keys() {
    let (mut tracker, _) = paris_at("2026-11-25T12:00:00+01:00");
    client(&mut tracker, "Acme", "#3b82f6");
    let day = Day::read(&mut tracker).unwrap();
    let json = serde_json::to_value(&day).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    let mut expected = vec![
        "now",
        "timezone",
        "date",
        "running",
        "clients",
        "archived_clients",
        "today",
        "today_seconds",
        "week_first_day",
        "week_seconds",
        "weekly_cap",
    ];
    expected.sort_unstable();
    assert_eq!(keys, expected);
    assert!(json["running"].is_null());
    assert!(json["weekly_cap"].is_null());
    assert_eq!(json["clients"][0]["name"], "Acme");
}

#[test]
fn a_reader_on_its_own_connection_reads_the_same_day() {
    let dir = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::new(instant("2026-11-25T12:00:00+01:00")));
    let store = Store::open(&dir.path().join("g.sqlite3")).unwrap();
    let mut tracker = Tracker::with_store(store, clock, Tz::UTC);
    tracker.set_setting("timezone", "Europe/Paris").unwrap();
    client(&mut tracker, "Acme", "#3b82f6");
    past(
        &mut tracker,
        "Acme",
        "2026-11-25T09:00:00+01:00",
        "2026-11-25T10:00:00+01:00",
    );
    let mut reader = tracker.reader().unwrap();
    let from_reader = std::thread::spawn(move || Day::read(&mut reader).unwrap())
        .join()
        .unwrap();
    assert_eq!(from_reader, Day::read(&mut tracker).unwrap());
    assert_eq!(from_reader.today_seconds, 3600);
}
