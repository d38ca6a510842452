//! The boundaries through the tracker: alerts once per crossing, reminders
//! every `nag_every`, notices given back when a send fails.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::collections::HashMap;
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::model::Source;
use gardefou::notify::{RecordingNotifier, deliver};
use gardefou::rules::AlertKind;
use gardefou::store::Store;
use gardefou::tracker::{NewClient, NewSession, StartRequest};

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn tracker_at(store: Store, now: &str) -> (Tracker, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(instant(now)));
    let tracker = Tracker::with_store(store, clock.clone(), Tz::UTC);
    (tracker, clock)
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

/// Paris, 40 h weekly cap, 35 h already tracked on Monday and Tuesday; a
/// planned 15-minute call starts Wednesday 10:00 and is left running.
fn scenario(tracker: &mut Tracker) {
    tracker.set_setting("timezone", "Europe/Paris").unwrap();
    tracker.set_setting("weekly_cap", "40h").unwrap();
    tracker
        .add_client(NewClient {
            name: "Acme".into(),
            ..NewClient::default()
        })
        .unwrap();
    past(
        tracker,
        "Acme",
        "2026-11-23T00:00:00+01:00",
        "2026-11-23T17:30:00+01:00",
    );
    past(
        tracker,
        "Acme",
        "2026-11-24T00:00:00+01:00",
        "2026-11-24T17:30:00+01:00",
    );
    let mut call = StartRequest::new("Acme");
    call.at = Some(instant("2026-11-25T10:00:00+01:00"));
    call.planned_seconds = Some(15 * 60);
    tracker.start(call).unwrap();
}

#[test]
fn no_duplicate_alert_across_1000_ticks_and_reminders_every_nag_every() {
    let (mut tracker, clock) = tracker_at(
        Store::open_in_memory().unwrap(),
        "2026-11-25T10:00:00+01:00",
    );
    scenario(&mut tracker);
    let notifier = RecordingNotifier::new();
    let mut sent_at: Vec<(DateTime<Utc>, gardefou::tracker::Notice)> = Vec::new();
    for _ in 0..1000 {
        clock.advance(Duration::seconds(30));
        // `check` in between, as a second process would: it must not cause a repeat.
        tracker.check().unwrap();
        let (sent, error) = deliver(&mut tracker, &notifier).unwrap();
        assert!(error.is_none());
        let now = tracker.now();
        sent_at.extend(sent.into_iter().map(|n| (now, n)));
    }
    assert_eq!(notifier.sent().len(), sent_at.len());
    // Each alert notified once, at the tick its crossing happened.
    let firsts: Vec<(String, AlertKind)> = sent_at
        .iter()
        .filter(|(_, n)| !n.reminder)
        .map(|(at, n)| {
            (
                at.with_timezone(&chrono_tz::Europe::Paris)
                    .format("%H:%M:%S")
                    .to_string(),
                n.kind,
            )
        })
        .collect();
    assert_eq!(
        firsts,
        vec![
            ("10:00:30".to_string(), AlertKind::WeeklyCapWarning),
            ("10:15:30".to_string(), AlertKind::PlannedExceeded),
            ("15:00:00".to_string(), AlertKind::WeeklyCapReached),
            ("18:00:00".to_string(), AlertKind::OffHours),
        ]
    );
    // Reminders: only for boundaries crossed with the timer running (not the
    // warning), each exactly 30 min after the previous notice of its alert.
    let mut last: HashMap<_, DateTime<Utc>> = HashMap::new();
    for (at, notice) in &sent_at {
        if notice.reminder {
            assert_ne!(notice.kind, AlertKind::WeeklyCapWarning);
            let previous = last[&notice.alert_id];
            assert_eq!(*at - previous, Duration::minutes(30), "{notice:?}");
        }
        last.insert(notice.alert_id, *at);
    }
    let reminders = sent_at.iter().filter(|(_, n)| n.reminder).count();
    // planned: 10:15:30 + 30 min × 16 up to 18:20; cap reached: 15:00 + 30 min × 6; off-hours: none by 18:20.
    assert_eq!(reminders, 16 + 6);
    // Reminders stop when the timer stops.
    tracker.stop(None).unwrap();
    clock.advance(Duration::hours(2));
    let (sent, _) = deliver(&mut tracker, &notifier).unwrap();
    assert!(sent.is_empty(), "{sent:?}");
}

#[test]
fn a_restarted_watcher_sends_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gardefou.sqlite3");
    let now = "2026-11-25T10:20:00+01:00";
    let (mut first, _) = tracker_at(Store::open(&path).unwrap(), now);
    scenario(&mut first);
    let notifier = RecordingNotifier::new();
    let (sent, _) = deliver(&mut first, &notifier).unwrap();
    assert_eq!(sent.len(), 2, "{sent:?}"); // cap warning and planned call
    drop(first);
    let (mut second, _) = tracker_at(Store::open(&path).unwrap(), now);
    let (sent, _) = deliver(&mut second, &notifier).unwrap();
    assert!(sent.is_empty(), "{sent:?}");
    // Two checks in a row record nothing new either.
    assert!(second.check().unwrap().fired.is_empty());
    assert_eq!(second.check().unwrap().active.len(), 2);
}

#[test]
fn a_failed_send_is_given_back_and_sent_later() {
    let (mut tracker, clock) = tracker_at(
        Store::open_in_memory().unwrap(),
        "2026-11-25T10:20:00+01:00",
    );
    scenario(&mut tracker);
    let notifier = RecordingNotifier::new();
    notifier.set_failing(true);
    let (sent, error) = deliver(&mut tracker, &notifier).unwrap();
    assert!(sent.is_empty());
    assert!(error.is_some());
    notifier.set_failing(false);
    clock.advance(Duration::seconds(30));
    let (sent, error) = deliver(&mut tracker, &notifier).unwrap();
    assert!(error.is_none());
    assert_eq!(sent.len(), 2);
    assert!(sent.iter().all(|n| !n.reminder));
}

#[test]
fn notifications_off_records_alerts_without_sending() {
    let (mut tracker, _) = tracker_at(
        Store::open_in_memory().unwrap(),
        "2026-11-25T10:20:00+01:00",
    );
    scenario(&mut tracker);
    tracker.set_setting("notifications", "off").unwrap();
    let notifier = RecordingNotifier::new();
    let (sent, _) = deliver(&mut tracker, &notifier).unwrap();
    assert!(sent.is_empty());
    tracker.set_setting("notifications", "on").unwrap();
    let (sent, _) = deliver(&mut tracker, &notifier).unwrap();
    assert!(sent.is_empty(), "alerts already handled are not replayed");
}
