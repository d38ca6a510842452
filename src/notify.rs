//! Native notifications: a [`Notifier`] trait, the desktop implementation over
//! D-Bus (notify-rust), and a recording implementation for tests.
//!
//! A notification server can own its bus name and never answer; a send then
//! waits forever. So the desktop notifier sends from a worker thread and gives
//! up after a bounded time, and never starts a second send while one hangs.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use crate::rules::AlertKind;
use crate::tracker::Notice;

/// Why a notification was not shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotifyError {
    /// No notification server (or no session bus) to talk to.
    #[error("no notification server answered on the session bus ({0})")]
    Unavailable(String),
    /// The server did not answer in time.
    #[error("the notification server did not answer within {0} s")]
    Timeout(u64),
}

/// Something that shows a notice to the user.
pub trait Notifier: Send + Sync {
    fn send(&self, notice: &Notice) -> Result<(), NotifyError>;
}

/// How urgent a kind is: a crossed cap is critical; everything else normal.
pub fn is_critical(kind: AlertKind) -> bool {
    matches!(
        kind,
        AlertKind::WeeklyCapReached | AlertKind::ClientCapReached
    )
}

/// Notifications through the desktop's notification server (D-Bus on Linux).
#[derive(Debug, Clone)]
pub struct DesktopNotifier {
    timeout: Duration,
    keep_alive: Duration,
    sending: Arc<AtomicBool>,
}

impl Default for DesktopNotifier {
    fn default() -> Self {
        Self::new(Duration::from_secs(5), Duration::from_secs(120))
    }
}

impl DesktopNotifier {
    /// `timeout`: the longest a send may take. `keep_alive`: how long the
    /// notification's D-Bus connection is kept open after it is shown (GNOME 46+
    /// drops the notifications of a sender that has left the bus).
    pub fn new(timeout: Duration, keep_alive: Duration) -> Self {
        Self {
            timeout,
            keep_alive,
            sending: Arc::new(AtomicBool::new(false)),
        }
    }
}

impl Notifier for DesktopNotifier {
    fn send(&self, notice: &Notice) -> Result<(), NotifyError> {
        let seconds = self.timeout.as_secs();
        // A previous send still hangs: do not pile up threads behind it.
        if self.sending.swap(true, Ordering::SeqCst) {
            return Err(NotifyError::Timeout(seconds));
        }
        let mut notification = notify_rust::Notification::new();
        notification
            .appname("Gardefou")
            .summary(&notice.summary)
            .body(&notice.body);
        #[cfg(all(unix, not(target_os = "macos")))]
        {
            use notify_rust::{Timeout, Urgency};
            let critical = is_critical(notice.kind);
            notification
                .urgency(if critical {
                    Urgency::Critical
                } else {
                    Urgency::Normal
                })
                .timeout(if critical {
                    Timeout::Never
                } else {
                    Timeout::Default
                });
        }
        let (tx, rx) = mpsc::channel();
        let sending = Arc::clone(&self.sending);
        let keep_alive = self.keep_alive;
        let spawned = std::thread::Builder::new()
            .name("gardefou-notify".into())
            .spawn(move || {
                let result = notification.show();
                sending.store(false, Ordering::SeqCst);
                match result {
                    Ok(handle) => {
                        let _ = tx.send(Ok(()));
                        // Keep the connection (and so the notification) alive a while.
                        std::thread::sleep(keep_alive);
                        drop(handle);
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e.to_string()));
                    }
                }
            });
        if let Err(e) = spawned {
            self.sending.store(false, Ordering::SeqCst);
            return Err(NotifyError::Unavailable(e.to_string()));
        }
        match rx.recv_timeout(self.timeout) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(message)) => Err(NotifyError::Unavailable(message)),
            Err(_) => Err(NotifyError::Timeout(seconds)),
        }
    }
}

/// Records every notice instead of showing it (tests, dry runs).
#[derive(Debug, Default)]
pub struct RecordingNotifier {
    sent: Mutex<Vec<Notice>>,
    failing: AtomicBool,
}

impl RecordingNotifier {
    pub fn new() -> Self {
        Self::default()
    }

    /// Every notice sent so far, in order.
    pub fn sent(&self) -> Vec<Notice> {
        self.sent.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Makes the next sends fail as if no server were running.
    pub fn set_failing(&self, failing: bool) {
        self.failing.store(failing, Ordering::SeqCst);
    }
}

impl Notifier for RecordingNotifier {
    fn send(&self, notice: &Notice) -> Result<(), NotifyError> {
        if self.failing.load(Ordering::SeqCst) {
            return Err(NotifyError::Unavailable(
                "recording notifier set to fail".into(),
            ));
        }
        self.sent
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(notice.clone());
        Ok(())
    }
}

/// What a round of sending did.
#[derive(Debug, Default)]
pub struct Delivery {
    pub sent: Vec<Notice>,
    /// Notices that could not be shown: hand them back with
    /// [`crate::Tracker::release_notice`] so a later round retries them.
    pub failed: Vec<Notice>,
    pub first_error: Option<NotifyError>,
}

/// Shows each notice. Needs no database: a front end that shares its tracker
/// behind a lock claims under the lock, sends without it, then releases the
/// failed ones.
pub fn send_all(notices: Vec<Notice>, notifier: &dyn Notifier) -> Delivery {
    let mut delivery = Delivery::default();
    for notice in notices {
        match notifier.send(&notice) {
            Ok(()) => delivery.sent.push(notice),
            Err(error) => {
                delivery.first_error.get_or_insert(error);
                delivery.failed.push(notice);
            }
        }
    }
    delivery
}

/// Sends every notice the tracker owes, giving back those that fail. Returns
/// the notices sent and the first error, if any.
pub fn deliver(
    tracker: &mut crate::Tracker,
    notifier: &dyn Notifier,
) -> crate::Result<(Vec<Notice>, Option<NotifyError>)> {
    let delivery = send_all(tracker.claim_notices()?, notifier);
    for notice in &delivery.failed {
        tracker.release_notice(notice)?;
    }
    Ok((delivery.sent, delivery.first_error))
}

/// The longest wait between two boundary checks of a watcher.
pub const CHECK_INTERVAL: Duration = Duration::from_secs(30);

/// How long a watcher may sleep: until the next projected crossing, at most
/// [`CHECK_INTERVAL`], at least one second.
pub fn next_check_delay(tracker: &mut crate::Tracker) -> Duration {
    let now = tracker.now();
    match tracker.next_crossing_at() {
        Ok(Some(at)) if at > now => {
            let seconds = (at - now)
                .num_seconds()
                .clamp(1, CHECK_INTERVAL.as_secs() as i64);
            Duration::from_secs(seconds as u64)
        }
        _ => CHECK_INTERVAL,
    }
}
