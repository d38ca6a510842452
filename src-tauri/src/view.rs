//! What the window and the tray show: the core's day read model
//! ([`gardefou::day::Day`]), sent as the bridge's [`Snapshot`] (the tray's
//! words are in `tray_labels`). These types are the bridge's vocabulary: their TypeScript twins are
//! generated into `ui/src/bindings.ts` (see the `bindings` test).

use std::ops::Deref;

use chrono::{DateTime, Utc};
use gardefou::Tracker;
use gardefou::day::Day;
use serde::Serialize;

/// Everything the window shows, as of `now`: the core's day, read in one
/// transaction. (In TypeScript, `Snapshot = Day`.)
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Snapshot(pub Day);

impl Deref for Snapshot {
    type Target = Day;
    fn deref(&self) -> &Day {
        &self.0
    }
}

/// Payload of the `start-refused` event: a start from the tray that the core refused.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Refusal {
    pub client: String,
    pub error: crate::error::CommandError,
}

impl Snapshot {
    pub fn read(tracker: &mut Tracker) -> gardefou::Result<Self> {
        Day::read(tracker).map(Self)
    }

    /// The running timer's start, for the shell's own use.
    pub fn running_start(&self) -> Option<DateTime<Utc>> {
        self.running.as_ref().map(|s| s.start_at)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{Duration, TimeZone};
    use gardefou::clock::FixedClock;
    use gardefou::store::Store;
    use gardefou::tracker::{NewClient, StartRequest};

    use super::*;

    fn tracker_at(now: DateTime<Utc>) -> (Tracker, Arc<FixedClock>) {
        let clock = Arc::new(FixedClock::new(now));
        let store = Store::open_in_memory().expect("store");
        let tracker = Tracker::with_store(store, clock.clone(), chrono_tz::Europe::Paris);
        (tracker, clock)
    }

    #[test]
    fn snapshot_shows_the_running_timer_and_today() {
        let start = Utc.with_ymd_and_hms(2025, 3, 12, 8, 0, 0).unwrap();
        let (mut tracker, clock) = tracker_at(start);
        for name in ["Acme", "Globex"] {
            tracker
                .add_client(NewClient {
                    name: name.into(),
                    ..NewClient::default()
                })
                .unwrap();
        }
        tracker.start(StartRequest::new("Globex")).unwrap();
        clock.advance(Duration::seconds(83 * 60 + 5));

        let snapshot = Snapshot::read(&mut tracker).unwrap();
        let running = snapshot.running.clone().expect("running");
        assert_eq!(running.client, "Globex");
        assert_eq!(running.start_local, "09:00"); // Paris, UTC+1 in March
        assert_eq!(running.duration_seconds, 83 * 60 + 5);
        assert_eq!(snapshot.clients[0].name, "Globex", "most recent first");
        assert_eq!(snapshot.today.len(), 1);
        assert_eq!(snapshot.today_seconds, 83 * 60 + 5);
        assert_eq!(snapshot.timezone, "Europe/Paris");
    }

    #[test]
    fn idle_snapshot_says_so() {
        let (mut tracker, _) = tracker_at(Utc.with_ymd_and_hms(2025, 3, 12, 8, 0, 0).unwrap());
        let snapshot = Snapshot::read(&mut tracker).unwrap();
        assert_eq!(snapshot.running, None);
        assert!(snapshot.today.is_empty());
    }

    #[test]
    fn today_counts_only_today_of_a_night_session() {
        // Paris: 2025-03-11 22:00 to 2025-03-12 02:00, seen at 10:00 on the 12th.
        let (mut tracker, _) = tracker_at(Utc.with_ymd_and_hms(2025, 3, 12, 9, 0, 0).unwrap());
        tracker
            .add_client(NewClient {
                name: "Acme".into(),
                ..NewClient::default()
            })
            .unwrap();
        tracker
            .add_session(gardefou::tracker::NewSession {
                client: "Acme".into(),
                start: Utc.with_ymd_and_hms(2025, 3, 11, 21, 0, 0).unwrap(),
                end: Utc.with_ymd_and_hms(2025, 3, 12, 1, 0, 0).unwrap(),
                note: String::new(),
                tags: vec![],
                billable: true,
                allow_long: false,
                source: gardefou::model::Source::Manual,
            })
            .unwrap();
        let snapshot = Snapshot::read(&mut tracker).unwrap();
        assert_eq!(snapshot.today.len(), 1, "the night session shows today");
        assert_eq!(snapshot.today[0].duration_seconds, 4 * 3600);
        assert_eq!(
            snapshot.today_seconds,
            2 * 3600,
            "only 00:00-02:00 is today"
        );
    }
}
