//! A notification that asks, with buttons: "Still working for Acme?" with
//! Stop. Only where the notification server says it shows actions (the
//! freedesktop `actions` capability on Linux); elsewhere the caller asks in
//! the window. A server that owns its name but never answers must not hold
//! the caller up: everything runs on a thread of its own, and the caller
//! only waits a bounded time for the notification to be shown.

use std::time::Duration;

/// What the user did with the notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reply {
    /// The first action (Stop).
    Act,
    /// The other action, a click on the body, or the notification closed.
    Dismissed,
}

/// The notification's text and its two buttons.
#[derive(Debug, Clone)]
pub struct Question {
    pub summary: String,
    pub act: String,
    pub dismiss: String,
}

/// Why the notification could not ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CannotAsk {
    /// No server, no session bus, or a server without actions.
    NoActions,
    /// The server did not answer in time.
    Timeout,
}

/// Shows `question` and calls `on_reply` (from another thread) when the user
/// answers; returns once the notification is shown, or why it cannot be.
#[cfg(target_os = "linux")]
pub fn ask(
    question: Question,
    timeout: Duration,
    on_reply: impl FnOnce(Reply) + Send + 'static,
) -> Result<(), CannotAsk> {
    let (shown, is_shown) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("gardefou-ask".into())
        .spawn(move || {
            let actions = notify_rust::get_capabilities()
                .is_ok_and(|caps| caps.iter().any(|c| c == "actions"));
            if !actions {
                let _ = shown.send(Err(CannotAsk::NoActions));
                return;
            }
            let handle = notify_rust::Notification::new()
                .appname("Gardefou")
                .summary(&question.summary)
                .action("stop", &question.act)
                .action("keep", &question.dismiss)
                .timeout(notify_rust::Timeout::Never)
                .show();
            match handle {
                Ok(handle) => {
                    let _ = shown.send(Ok(()));
                    handle.wait_for_action(|action| {
                        on_reply(if action == "stop" {
                            Reply::Act
                        } else {
                            Reply::Dismissed
                        })
                    });
                }
                Err(_) => {
                    let _ = shown.send(Err(CannotAsk::NoActions));
                }
            }
        })
        .map_err(|_| CannotAsk::NoActions)?;
    match is_shown.recv_timeout(timeout) {
        Ok(result) => result,
        Err(_) => Err(CannotAsk::Timeout),
    }
}

/// Windows and macOS: notify-rust shows no actions there; the window asks.
#[cfg(not(target_os = "linux"))]
pub fn ask(
    _question: Question,
    _timeout: Duration,
    _on_reply: impl FnOnce(Reply) + Send + 'static,
) -> Result<(), CannotAsk> {
    Err(CannotAsk::NoActions)
}
