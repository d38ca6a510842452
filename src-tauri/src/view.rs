//! What the window and the tray show, computed from the core in one read.
//! These types are the bridge's vocabulary: their TypeScript twins are
//! generated into `ui/src/bindings.ts` (see the `bindings` test).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::calendar::{day_range, local_date, overlap_seconds};
use gardefou::model::{Client, Session};
use serde::Serialize;

/// An active client, as the picker and the tray list it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ClientView {
    pub id: String,
    pub name: String,
    /// `#rrggbb`
    pub color: String,
}

/// One session of today (or the running one).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SessionView {
    pub id: String,
    /// The per-list number the CLI shows (`gardefou edit 12`).
    pub number: i64,
    pub client: String,
    pub color: String,
    /// RFC 3339 in the configured zone.
    pub start: String,
    pub end: Option<String>,
    /// `HH:MM` in the configured zone.
    pub start_local: String,
    pub end_local: Option<String>,
    /// Up to `now` for the running session.
    pub duration_seconds: i64,
    pub note: String,
}

/// Everything the window shows, as of `now`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Snapshot {
    /// RFC 3339 in the configured zone.
    pub now: String,
    /// The configured IANA zone.
    pub timezone: String,
    pub running: Option<SessionView>,
    /// Active clients, most recently used first.
    pub clients: Vec<ClientView>,
    /// Today's sessions (local day), oldest first; the running one included.
    pub today: Vec<SessionView>,
    pub today_seconds: i64,
    /// The running timer's start, for the shell's own use.
    #[serde(skip)]
    pub running_start: Option<DateTime<Utc>>,
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
        let status = tracker.status()?;
        let (now, tz) = (status.now, status.timezone);
        let today = local_date(now, tz);
        let (day_start, day_end) = day_range(today, tz);
        let clients = tracker.clients_by_recent_use()?;
        let sessions = tracker.log(Some(today), Some(today), None)?;
        // Archived clients are not in the picker but may have sessions today.
        let every_client = tracker.clients()?;
        let color_of = |session: &Session| {
            every_client
                .iter()
                .find(|c| c.id == session.client_id)
                .map(|c| c.color.as_str().to_string())
                .unwrap_or_else(|| "#888888".into())
        };
        let today: Vec<SessionView> = sessions
            .iter()
            .map(|s| session_view(s, &color_of(s), now, tz))
            .collect();
        Ok(Self {
            now: local_rfc3339(now, tz),
            timezone: tz.name().to_string(),
            running: status
                .running
                .as_ref()
                .map(|s| session_view(s, &color_of(s), now, tz)),
            // Only the part of each session that falls on today (a night
            // session that began yesterday counts from midnight).
            today_seconds: sessions
                .iter()
                .map(|s| overlap_seconds(s.start, s.end_or(now), day_start, day_end))
                .sum(),
            running_start: status.running.as_ref().map(|s| s.start),
            clients: clients.iter().map(client_view).collect(),
            today,
        })
    }
}

fn client_view(client: &Client) -> ClientView {
    ClientView {
        id: client.id.to_string(),
        name: client.name.clone(),
        color: client.color.as_str().to_string(),
    }
}

fn session_view(session: &Session, color: &str, now: DateTime<Utc>, tz: Tz) -> SessionView {
    SessionView {
        id: session.id.to_string(),
        number: session.number,
        client: session.client_name.clone(),
        color: color.to_string(),
        start: local_rfc3339(session.start, tz),
        end: session.end.map(|e| local_rfc3339(e, tz)),
        start_local: session.start.with_timezone(&tz).format("%H:%M").to_string(),
        end_local: session
            .end
            .map(|e| e.with_timezone(&tz).format("%H:%M").to_string()),
        duration_seconds: session.duration_seconds(now),
        note: session.note.clone(),
    }
}

fn local_rfc3339(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).to_rfc3339()
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
