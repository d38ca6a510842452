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
use gardefou::report::week_report;
use gardefou::rules::AlertKind;
use gardefou::store::Store;
use gardefou::summary::WeekSummary;
use gardefou::tracker::{ClientChanges, NewClient, NewSession, StartRequest};

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

/// The sentence of the planned call's alert in `scenario` at 10:20, in French
/// (narrow no-break spaces in the durations).
const CALL_FR: &str = "Votre séance de 15\u{202f}min avec Acme dure depuis 20\u{202f}min. \
                       Concluez, ou convenez d’une nouvelle heure de fin.";
const CALL_EN: &str = "Your 15 min session with Acme has been running for 20 min. \
                       Wrap it up, or agree on a new end time.";

#[test]
fn an_alert_fired_in_english_is_read_in_the_language_of_its_reader() {
    let (mut tracker, _) = tracker_at(
        Store::open_in_memory().unwrap(),
        "2026-11-25T10:20:00+01:00",
    );
    scenario(&mut tracker);
    let fired = tracker.check().unwrap().fired;
    let call = fired.iter().find(|a| a.kind == "planned_exceeded").unwrap();
    assert_eq!(call.fired_message, CALL_EN, "told in English when it fired");
    tracker.set_setting("locale", "fr").unwrap();
    // The week report, the summary window and the notifications still owed
    // all tell it in French now.
    let week = week_report(&mut tracker, None).unwrap();
    let line = week
        .alerts
        .iter()
        .find(|a| a.kind == "planned_exceeded")
        .unwrap();
    assert_eq!(line.message, CALL_FR);
    let this_week = chrono::NaiveDate::from_ymd_opt(2026, 11, 25);
    let summary = WeekSummary::read(&mut tracker, this_week).unwrap();
    let view = summary
        .alerts
        .iter()
        .find(|a| a.kind == "planned_exceeded")
        .unwrap();
    assert_eq!(view.message, CALL_FR);
    let notifier = RecordingNotifier::new();
    let (sent, _) = deliver(&mut tracker, &notifier).unwrap();
    let notice = sent
        .iter()
        .find(|n| n.kind == AlertKind::PlannedExceeded)
        .unwrap();
    assert_eq!(notice.body, CALL_FR);
    assert_eq!(notice.summary, "Durée prévue dépassée");
    // No sentence of the week is left in English.
    for a in &week.alerts {
        assert!(
            a.message.starts_with("Vous") || a.message.starts_with("Votre"),
            "{}",
            a.message
        );
    }
    // And back: the reader decides, not the writer.
    tracker.set_setting("locale", "en").unwrap();
    let week = week_report(&mut tracker, None).unwrap();
    assert!(week.alerts.iter().any(|a| a.message == CALL_EN));
}

#[test]
fn an_alert_is_told_with_its_clients_current_name() {
    let (mut tracker, _) = tracker_at(
        Store::open_in_memory().unwrap(),
        "2026-11-25T10:20:00+01:00",
    );
    scenario(&mut tracker);
    tracker.check().unwrap();
    tracker
        .edit_client(
            "Acme",
            ClientChanges {
                rename: Some("Acme Corp".into()),
                ..ClientChanges::default()
            },
        )
        .unwrap();
    let week = week_report(&mut tracker, None).unwrap();
    let line = week
        .alerts
        .iter()
        .find(|a| a.kind == "planned_exceeded")
        .unwrap();
    assert_eq!(line.client.as_deref(), Some("Acme Corp"));
    assert_eq!(line.message, CALL_EN.replace("with Acme", "with Acme Corp"));
}

#[test]
fn an_alert_stored_without_facts_keeps_its_sentence_in_any_language() {
    // An alert stored before facts were kept (schema < 9): its sentence as
    // told then is all there is, and it reads as before.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gardefou.sqlite3");
    let now = "2026-11-25T10:20:00+01:00";
    let (mut tracker, _) = tracker_at(Store::open(&path).unwrap(), now);
    scenario(&mut tracker);
    tracker.set_setting("locale", "fr").unwrap();
    drop(tracker);
    let mut store = Store::open(&path).unwrap();
    store
        .write(|conn| {
            let old = gardefou::store::StoredAlert {
                id: uuid::Uuid::now_v7(),
                kind: "weekly_cap_warning".into(),
                client_id: None,
                client_name: None,
                period: "week:2026-11-23".into(),
                fired_at: instant("2026-11-25T10:10:00+01:00"),
                fired_message: "An old sentence, in English.".into(),
                facts: None,
                notified_at: None,
                last_nag_at: None,
            };
            gardefou::store::insert_alert_if_new(conn, &old, instant(now))
        })
        .unwrap();
    drop(store);
    let (mut tracker, _) = tracker_at(Store::open(&path).unwrap(), now);
    let week = week_report(&mut tracker, None).unwrap();
    let old = week
        .alerts
        .iter()
        .find(|a| a.kind == "weekly_cap_warning")
        .unwrap();
    assert_eq!(old.message, "An old sentence, in English.");
    // Its key is taken: the check that follows does not fire it again, and
    // the notification still owed tells the stored sentence.
    let fired = tracker.check().unwrap().fired;
    assert!(
        fired.iter().all(|a| a.kind != "weekly_cap_warning"),
        "{fired:?}"
    );
    let notifier = RecordingNotifier::new();
    let (sent, _) = deliver(&mut tracker, &notifier).unwrap();
    let notice = sent
        .iter()
        .find(|n| n.kind == AlertKind::WeeklyCapWarning)
        .unwrap();
    assert_eq!(notice.body, "An old sentence, in English.");
    // The new alert of the same check is told in French.
    let call = sent
        .iter()
        .find(|n| n.kind == AlertKind::PlannedExceeded)
        .unwrap();
    assert_eq!(call.body, CALL_FR);
}
