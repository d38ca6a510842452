//! The boundaries' alerts, shown twice over: as native notifications and as
//! a banner in the window (the `alert` event). Where no notification server
//! answers, the banner is all there is, and the window is told once
//! (`notifications-unavailable`). Claiming is one transaction, so
//! `gardefou watch` running beside the app never notifies an alert twice.
//!
//! Runs on its own thread, woken by the ticker ([`nudge`]: on a database
//! change, at a boundary's instant, once a minute for reminders), never on a
//! timer of its own: a hanging notification server must not hold up the tray.

use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::mpsc::{self, Receiver, Sender};

use gardefou::i18n::Locale;
use gardefou::notify::{Delivery, DesktopNotifier, Notifier, send_all};
use gardefou::tracker::Notice;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Runtime};

use crate::AppState;
use crate::error::{Boundary, CommandError};

/// Emitted with an [`AlertBanner`] for each alert shown.
pub const ALERT: &str = "alert";
/// Emitted (no payload) the first time a notification cannot be shown.
pub const NOTIFICATIONS_UNAVAILABLE: &str = "notifications-unavailable";
/// Emitted with the reason (in the user's language) when today's automatic
/// backup could not be written: the change went on, the user should know.
pub const BACKUP_FAILED: &str = "backup-failed";
/// The banners a window opened late still gets (the latest ones).
const KEPT: usize = 5;

/// One alert as the window's banner shows it (the core's sentences).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AlertBanner {
    /// The alert's id: a reminder replaces its alert's banner.
    pub id: String,
    pub kind: Boundary,
    pub summary: String,
    pub body: String,
}

/// What the window shows when it opens: the latest banners, and whether
/// desktop notifications failed.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Banners {
    pub alerts: Vec<AlertBanner>,
    pub notifications_unavailable: bool,
    /// Why today's automatic backup was not written, if it failed.
    pub backup_failed: Option<String>,
}

/// The banners so far (managed by `AppState`).
#[derive(Debug, Default)]
pub struct BannerLog {
    inner: Mutex<BannerState>,
}

#[derive(Debug, Default)]
struct BannerState {
    /// The latest notices shown, kept with their facts: a window that opens
    /// after the language changed reads them in the new one.
    latest: VecDeque<Notice>,
    /// Alerts already bannered: a notice retried after a failed send is not bannered again.
    seen: std::collections::HashSet<String>,
    unavailable: bool,
    backup_failed: Option<BackupFailure>,
}

/// Why today's automatic backup failed, told in every language the app
/// speaks (the error itself is not kept): a window that opens after the
/// language changed reads it in the new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupFailure {
    told: Vec<(Locale, String)>,
    /// The user's language when it was taken.
    locale: Locale,
}

impl BackupFailure {
    fn of(error: &gardefou::Error, locale: Locale) -> Self {
        Self {
            told: Locale::ALL.iter().map(|&l| (l, error.message(l))).collect(),
            locale,
        }
    }

    /// The reason in `locale`.
    pub fn told_in(&self, locale: Locale) -> String {
        self.told
            .iter()
            .find(|(l, _)| *l == locale)
            .or(self.told.first())
            .map(|(_, text)| text.clone())
            .unwrap_or_default()
    }

    /// The reason in the user's language when it was taken.
    pub fn reason(&self) -> String {
        self.told_in(self.locale)
    }
}

impl AlertBanner {
    fn of(notice: &Notice) -> Self {
        Self {
            id: notice.alert_id.to_string(),
            kind: notice.kind.into(),
            summary: notice.summary.clone(),
            body: notice.body.clone(),
        }
    }
}

impl BannerLog {
    /// The banners so far, told in `locale` (the user's language now).
    pub fn current(&self, locale: Locale) -> Banners {
        let inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        Banners {
            alerts: inner
                .latest
                .iter()
                .map(|notice| AlertBanner::of(&notice.told_in(locale)))
                .collect(),
            notifications_unavailable: inner.unavailable,
            backup_failed: inner.backup_failed.as_ref().map(|f| f.told_in(locale)),
        }
    }

    /// Records why today's automatic backup failed; whether the window has
    /// not been told this reason yet.
    pub fn record_backup_failure(&self, failure: BackupFailure) -> bool {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let news = inner.backup_failed.as_ref().map(|f| &f.told) != Some(&failure.told);
        inner.backup_failed = Some(failure);
        news
    }

    /// The banners `delivery` adds (first sends and reminders), and whether
    /// it is the first sign that notifications cannot be shown.
    pub fn record(&self, delivery: &Delivery) -> (Vec<AlertBanner>, bool) {
        let mut inner = self.inner.lock().unwrap_or_else(|e| e.into_inner());
        let mut new = Vec::new();
        for notice in delivery.sent.iter().chain(&delivery.failed) {
            let id = notice.alert_id.to_string();
            if !inner.seen.insert(id.clone()) && !notice.reminder {
                continue;
            }
            inner.latest.retain(|n| n.alert_id != notice.alert_id);
            inner.latest.push_back(notice.clone());
            while inner.latest.len() > KEPT {
                inner.latest.pop_front();
            }
            new.push(AlertBanner::of(notice));
        }
        let first_failure = delivery.first_error.is_some() && !inner.unavailable;
        inner.unavailable |= delivery.first_error.is_some();
        (new, first_failure)
    }
}

/// Wakes the notices thread (managed state).
#[derive(Debug)]
pub struct Nudge(Mutex<Sender<()>>);

/// Asks the notices thread to claim and show what is due.
pub fn nudge<R: Runtime>(app: &AppHandle<R>) {
    if let Some(nudge) = app.try_state::<Nudge>() {
        let _ = nudge.0.lock().unwrap_or_else(|e| e.into_inner()).send(());
    }
}

pub fn spawn<R: Runtime>(app: AppHandle<R>) -> std::io::Result<()> {
    let (tx, rx) = mpsc::channel();
    app.manage(Nudge(Mutex::new(tx)));
    std::thread::Builder::new()
        .name("gardefou-notices".into())
        .spawn(move || run(&app, &rx))?;
    Ok(())
}

fn run<R: Runtime>(app: &AppHandle<R>, nudged: &Receiver<()>) {
    let state = app.state::<AppState>();
    let notifier = DesktopNotifier::default();
    while nudged.recv().is_ok() {
        // Several nudges while the last round ran make one round.
        while nudged.try_recv().is_ok() {}
        match deliver_due(&state, &notifier) {
            Ok(delivery) => announce(app, &state, &delivery),
            Err(e) => log::warn!("cannot claim the alerts due: {e}"),
        }
    }
}

/// Shows `delivery`'s alerts as banners, and says once that desktop
/// notifications cannot be shown.
pub fn announce<R: Runtime>(app: &AppHandle<R>, state: &AppState, delivery: &Delivery) {
    let (banners, first_failure) = state.banners.record(delivery);
    for banner in banners {
        if let Err(e) = app.emit(ALERT, &banner) {
            log::warn!("cannot show an alert in the window: {e}");
        }
    }
    if first_failure {
        if let Some(error) = &delivery.first_error {
            log::warn!(
                "desktop notifications cannot be shown (the window's banner shows alerts): {error}"
            );
        }
        if let Err(e) = app.emit(NOTIFICATIONS_UNAVAILABLE, ()) {
            log::warn!("cannot tell the window: {e}");
        }
    }
}

/// Why today's automatic backup failed since the last call (the tracker
/// keeps it until asked). Called on every publish: the settings are read
/// only when there is something to tell.
pub fn backup_failure(state: &AppState) -> Option<BackupFailure> {
    state
        .with_tracker(|t| {
            Ok(t.take_backup_warning().map(|error| {
                let locale = t.settings().map_or(Locale::En, |s| s.locale);
                BackupFailure::of(&error, locale)
            }))
        })
        .ok()
        .flatten()
}

/// Tells the window (a banner) and the log that today's automatic backup
/// failed, once per reason.
pub fn announce_backup_failure<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    let Some(failure) = backup_failure(state) else {
        return;
    };
    let reason = failure.reason();
    log::warn!("today's automatic backup was not written: {reason}");
    if state.banners.record_backup_failure(failure)
        && let Err(e) = app.emit(BACKUP_FAILED, &reason)
    {
        log::warn!("cannot tell the window: {e}");
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
    use gardefou::i18n::Locale;
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
    fn a_failed_daily_backup_is_told_once_with_its_reason() {
        let dir = tempfile::tempdir().expect("tempdir");
        // A file where the backups folder should be: the day's backup fails.
        std::fs::write(dir.path().join("g-backups"), "not a folder").expect("blocker");
        let state = state_over_the_cap(dir.path());
        let failure = super::backup_failure(&state).expect("the failure is kept");
        let reason = failure.reason();
        assert!(reason.contains("g-backups"), "{reason}");
        assert!(state.banners.record_backup_failure(failure.clone()));
        assert!(
            !state.banners.record_backup_failure(failure.clone()),
            "once"
        );
        assert_eq!(
            state.banners.current(Locale::En).backup_failed,
            Some(reason)
        );
        // Read after the language changed: in the new one.
        let french = state.banners.current(Locale::Fr).backup_failed;
        assert_eq!(french, Some(failure.told_in(Locale::Fr)));
        assert_ne!(french, Some(failure.told_in(Locale::En)));
        // Taken: the next look finds nothing new.
        assert_eq!(super::backup_failure(&state), None);
        // A working folder: nothing to tell.
        let fine = tempfile::tempdir().expect("tempdir");
        let state = state_over_the_cap(fine.path());
        assert_eq!(super::backup_failure(&state), None);
        assert_eq!(state.banners.current(Locale::En).backup_failed, None);
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
        // The banners: one per alert, and nothing said about notifications.
        let (banners, first_failure) = state.banners.record(&first);
        assert_eq!(banners.len(), first.sent.len());
        assert!(!first_failure);
        assert!(!state.banners.current(Locale::En).notifications_unavailable);
    }

    #[test]
    fn an_alert_that_could_not_be_shown_is_retried_and_bannered_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = state_over_the_cap(dir.path());
        let notifier = RecordingNotifier::new();
        notifier.set_failing(true);
        let failed = deliver_due(&state, &notifier).expect("deliver");
        assert!(failed.sent.is_empty());
        assert!(!failed.failed.is_empty() && failed.first_error.is_some());
        // The banner shows it, and the window hears once that notifications fail.
        let (banners, first_failure) = state.banners.record(&failed);
        assert_eq!(banners.len(), failed.failed.len());
        assert!(first_failure);
        let again = deliver_due(&state, &notifier).expect("deliver again");
        let (banners, first_failure) = state.banners.record(&again);
        assert!(banners.is_empty(), "a retried alert is not bannered twice");
        assert!(!first_failure, "said once");
        assert!(state.banners.current(Locale::En).notifications_unavailable);
        assert_eq!(
            state.banners.current(Locale::En).alerts.len(),
            failed.failed.len(),
            "a window opened now still gets them"
        );

        notifier.set_failing(false);
        let retried = deliver_due(&state, &notifier).expect("retry");
        assert_eq!(
            retried.sent.iter().map(|n| n.kind).collect::<Vec<_>>(),
            failed.failed.iter().map(|n| n.kind).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_window_opened_after_the_language_changed_reads_its_banners_in_the_new_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = state_over_the_cap(dir.path());
        let notifier = RecordingNotifier::new();
        let sent = deliver_due(&state, &notifier).expect("deliver");
        let (banners, _) = state.banners.record(&sent);
        let english = banners
            .iter()
            .find(|b| b.summary == "Weekly cap reached")
            .expect("the cap's banner, in English when it was sent")
            .clone();
        state
            .with_tracker(|t| t.set_setting("locale", "fr"))
            .expect("French");
        let now = state.banners.current(Locale::Fr);
        let french = now
            .alerts
            .iter()
            .find(|b| b.id == english.id)
            .expect("still kept");
        assert_eq!(french.summary, "Plafond de la semaine atteint");
        assert!(
            french
                .body
                .starts_with("Vous avez atteint votre plafond de 1\u{202f}h"),
            "{}",
            french.body
        );
        assert_eq!(state.banners.current(Locale::En).alerts, banners);
    }
}
