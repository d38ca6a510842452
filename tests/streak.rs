//! The weekend streak is one figure: the alert and the week report count the
//! same weekends back (one lookback value), even past a dozen in a row.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::model::Source;
use gardefou::report;
use gardefou::rules::AlertKind;
use gardefou::store::Store;
use gardefou::tracker::{NewClient, NewSession};

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn a_fifteenth_worked_weekend_in_a_row_is_fifteen_in_the_alert_and_the_report() {
    // Paris; the 15th Saturday worked is 2026-11-28 (the first, 2026-08-22).
    let now = instant("2026-11-29T12:00:00+01:00");
    let clock = Arc::new(FixedClock::new(now));
    let mut tracker = Tracker::with_store(Store::open_in_memory().unwrap(), clock, Tz::UTC);
    tracker.set_setting("timezone", "Europe/Paris").unwrap();
    tracker
        .add_client(NewClient {
            name: "Acme".into(),
            ..NewClient::default()
        })
        .unwrap();
    let last_saturday = instant("2026-11-28T10:00:00+01:00");
    for weeks_back in 0..15 {
        let start = last_saturday - Duration::weeks(weeks_back);
        tracker
            .add_session(NewSession {
                client: "Acme".into(),
                start,
                end: start + Duration::hours(1),
                note: String::new(),
                tags: Vec::new(),
                billable: true,
                allow_long: false,
                source: Source::Manual,
            })
            .unwrap();
    }

    let outcome = tracker.check().unwrap();
    let streak = outcome
        .active
        .iter()
        .find(|c| c.kind == AlertKind::WeekendStreak)
        .expect("the streak alert is active");
    assert_eq!(streak.facts.weekends, 15);
    assert!(
        streak.message.contains("15 weekends in a row"),
        "{}",
        streak.message
    );

    let week = report::week_report(&mut tracker, None).unwrap();
    assert_eq!(week.weekend_streak, 15);
}
