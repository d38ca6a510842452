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

/// Sends every notice the tracker owes, giving back those that fail. Returns
/// the notices sent and the first error, if any.
pub fn deliver(
    tracker: &mut crate::Tracker,
    notifier: &dyn Notifier,
) -> crate::Result<(Vec<Notice>, Option<NotifyError>)> {
    let mut sent = Vec::new();
    let mut first_error = None;
    for notice in tracker.claim_notices()? {
        match notifier.send(&notice) {
            Ok(()) => sent.push(notice),
            Err(error) => {
                tracker.release_notice(&notice)?;
                first_error.get_or_insert(error);
            }
        }
    }
    Ok((sent, first_error))
}
