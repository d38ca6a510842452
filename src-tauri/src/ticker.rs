//! The background ticker: once a second it asks SQLite whether another
//! connection (the CLI) committed (`PRAGMA data_version`, no disk read), and
//! whether the running timer's minute moved; then it publishes the state.
//! Each minute of a running timer it also records the timer's last-seen
//! instant (the heartbeat), so a crash or a power cut loses at most a minute
//! and the next start can ask about the rest. It runs on its own thread,
//! never on the main one.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};

use crate::AppState;

pub const PERIOD: Duration = Duration::from_secs(1);

pub fn spawn<R: Runtime>(app: AppHandle<R>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("gardefou-ticker".into())
        .spawn(move || run(&app))?;
    Ok(())
}

fn run<R: Runtime>(app: &AppHandle<R>) {
    let state = app.state::<AppState>();
    let mut seen_version = None;
    loop {
        tick(app, &state, &mut seen_version);
        std::thread::sleep(PERIOD);
    }
}

/// One tick: the heartbeat when the running timer's minute moved, and a
/// publish when the database or that minute changed.
pub(crate) fn tick<R: Runtime>(app: &AppHandle<R>, state: &AppState, seen: &mut Option<i64>) {
    let minute_moved = state.minute_changed();
    if minute_moved && let Err(e) = state.with_tracker(|t| t.heartbeat()) {
        eprintln!("gardefou-desktop: {e}");
    }
    if minute_moved {
        crate::watch::minute(app);
    }
    let version = state.with_tracker(|t| t.data_version()).ok();
    if version != *seen || minute_moved {
        *seen = version;
        if let Err(e) = crate::publish(app, state) {
            eprintln!("gardefou-desktop: {e}");
        }
    }
    crate::summary::every_minute(app, state);
}
