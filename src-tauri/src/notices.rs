//! Native notifications from the app: every 30 s (sooner when a crossing is
//! projected) the alerts nobody has shown yet are claimed and shown. Claiming
//! is one transaction, so `gardefou watch` running beside the app never shows
//! an alert twice. Runs on its own thread: a hanging notification server must
//! not hold up the tray.

use std::time::Duration;

use gardefou::notify::{Delivery, DesktopNotifier, Notifier, next_check_delay, send_all};
use tauri::{AppHandle, Manager, Runtime};

use crate::AppState;
use crate::error::CommandError;

pub fn spawn<R: Runtime>(app: AppHandle<R>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("gardefou-notices".into())
        .spawn(move || run(&app))?;
    Ok(())
}

fn run<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let notifier = DesktopNotifier::default();
    let mut said_unavailable = false;
    loop {
        match deliver_due(&state, &notifier) {
            Ok(delivery) => match delivery.first_error {
                // Said once per outage: alerts stay recorded and are retried.
                Some(error) if !said_unavailable => {
                    said_unavailable = true;
                    eprintln!("gardefou-desktop: notifications cannot be shown: {error}");
                }
                Some(_) => {}
                None if !delivery.sent.is_empty() => said_unavailable = false,
                None => {}
            },
            Err(e) => eprintln!("gardefou-desktop: {e}"),
        }
        let delay = state
            .with_tracker(|t| Ok(next_check_delay(t)))
            .unwrap_or(Duration::from_secs(30));
        std::thread::sleep(delay);
    }
}

/// Claims the notices due (under the lock), shows them (without it), and hands
/// back those that could not be shown (under the lock again).
pub fn deliver_due(state: &AppState, notifier: &dyn Notifier) -> Result<Delivery, CommandError> {
    let notices = state.with_tracker(|t| t.claim_notices())?;
    let delivery = send_all(notices, notifier);
    state.with_tracker(|t| {
        for notice in &delivery.failed {
            t.release_notice(notice)?;
        }
        Ok(())
    })?;
    Ok(delivery)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{Duration, TimeZone, Utc};
    use gardefou::Tracker;
    use gardefou::clock::FixedClock;
    use gardefou::notify::RecordingNotifier;
    use gardefou::rules::AlertKind;
    use gardefou::tracker::{NewClient, NewSession};

    use super::deliver_due;
    use crate::AppState;

    /// A Wednesday in working hours, with 2 h tracked against a 1 h weekly cap.
    fn state_over_the_cap(dir: &std::path::Path) -> AppState {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 11, 0, 0).unwrap();
        let mut tracker =
            Tracker::open(&dir.join("g.sqlite3"), Arc::new(FixedClock::new(now))).expect("open");
        tracker.set_setting("timezone", "UTC").expect("zone");
        tracker.set_setting("weekly_cap", "1h").expect("cap");
        tracker
            .add_client(NewClient {
                name: "Acme".into(),
                ..NewClient::default()
            })
            .expect("client");
        tracker
            .add_session(NewSession {
                client: "Acme".into(),
                start: now - Duration::hours(2),
                end: now,
                note: String::new(),
                tags: vec![],
                billable: true,
                allow_long: false,
                source: gardefou::model::Source::Manual,
            })
            .expect("session");
        AppState::new(tracker)
    }

    #[test]
    fn each_alert_is_shown_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = state_over_the_cap(dir.path());
        let notifier = RecordingNotifier::new();
        let first = deliver_due(&state, &notifier).expect("deliver");
        let kinds: Vec<AlertKind> = first.sent.iter().map(|n| n.kind).collect();
        assert!(kinds.contains(&AlertKind::WeeklyCapReached), "{kinds:?}");
        assert!(first.first_error.is_none());
        let second = deliver_due(&state, &notifier).expect("deliver again");
        assert!(second.sent.is_empty(), "shown twice: {:?}", second.sent);
        assert_eq!(notifier.sent().len(), first.sent.len());
    }

    #[test]
    fn an_alert_that_could_not_be_shown_is_retried() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = state_over_the_cap(dir.path());
        let notifier = RecordingNotifier::new();
        notifier.set_failing(true);
        let failed = deliver_due(&state, &notifier).expect("deliver");
        assert!(failed.sent.is_empty());
        assert!(!failed.failed.is_empty() && failed.first_error.is_some());
        notifier.set_failing(false);
        let retried = deliver_due(&state, &notifier).expect("retry");
        assert_eq!(
            retried.sent.iter().map(|n| n.kind).collect::<Vec<_>>(),
            failed.failed.iter().map(|n| n.kind).collect::<Vec<_>>()
        );
    }
}
