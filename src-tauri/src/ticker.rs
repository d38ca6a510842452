//! The background ticker. It sleeps until something may have changed, then
//! publishes the state (tray and window). What wakes it:
//! - the database file changed (a file watch on its folder: the CLI, or any
//!   other connection, committed; SQLite's WAL file changes on each commit),
//!   and then `PRAGMA data_version` says whether it was someone else;
//! - the running timer's next minute (the tray shows minutes, and the
//!   heartbeat records the last-seen instant, so a crash loses at most a
//!   minute), or the clock's next minute when no timer runs;
//! - the next instant a boundary may be crossed (`next_crossing_at`), so the
//!   tray turns and the alert goes out on time.
//!
//! No one-second poll: with a timer running and the window hidden, the app
//! wakes about once a minute on its own. Once a minute it runs
//! [`every_minute`], the hook other parts of the app add a line to. It runs
//! on its own thread, never on the main one.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use chrono::{DateTime, Utc};
use notify::{RecommendedWatcher, RecursiveMode, Watcher};
use tauri::{AppHandle, Manager, Runtime};

use crate::AppState;

/// Where no file watch can be set up, how often to look at the database instead.
pub const FALLBACK_POLL: Duration = Duration::from_secs(2);
/// File events come in bursts (one commit writes several pages): one wake for
/// a burst, once no event came for this long.
const SETTLE: Duration = Duration::from_millis(30);

/// Once a minute: the running timer's minute, or the clock's when idle.
/// Other parts of the app add a one-line call here (the summary's auto-open,
/// idle polling); keep each one cheap and non-blocking.
pub fn every_minute<R: Runtime>(app: &AppHandle<R>, state: &AppState) {
    // Reminders (`nag_every`) are due on the minute.
    crate::notices::nudge(app);
    // A week summary due opens by itself.
    crate::summary::every_minute(app, state);
}

pub fn spawn<R: Runtime>(app: AppHandle<R>) -> std::io::Result<()> {
    let (tx, rx) = mpsc::channel();
    let db = app
        .state::<AppState>()
        .with_tracker(|t| Ok(t.db_path().map(Path::to_path_buf)))
        .ok()
        .flatten();
    let watch = db.and_then(|db| match watch_database(&db, tx.clone()) {
        Ok(watch) => Some(watch),
        Err(e) => {
            log::warn!(
                "cannot watch {} for changes, looking every {} s instead: {e}",
                db.display(),
                FALLBACK_POLL.as_secs()
            );
            None
        }
    });
    std::thread::Builder::new()
        .name("gardefou-ticker".into())
        .spawn(move || {
            let watching = watch.is_some();
            // Kept alive (and the channel open) for as long as the thread runs.
            let _keep = (watch, tx);
            run(&app, &rx, watching);
        })?;
    Ok(())
}

/// Sends one message per change of the database file (or its `-wal`/`-journal`).
fn watch_database(db: &Path, changed: Sender<()>) -> notify::Result<RecommendedWatcher> {
    let name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let folder = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        // Reads change nothing; only writes, creations and removals matter.
        if matches!(event.kind, notify::EventKind::Access(_)) {
            return;
        }
        let ours = event.paths.iter().any(|p| {
            p.file_name()
                .is_some_and(|f| f.to_string_lossy().starts_with(name.as_str()))
        });
        if ours {
            let _ = changed.send(());
        }
    })?;
    watcher.watch(&folder, RecursiveMode::NonRecursive)?;
    Ok(watcher)
}

fn run<R: Runtime>(app: &AppHandle<R>, changes: &Receiver<()>, watching: bool) {
    let state = app.state::<AppState>();
    let mut seen_version = None;
    let mut minute_at = None;
    loop {
        tick(app, &state, &mut seen_version);
        let now = state.clock.now();
        if minute_at.is_none_or(|at| now >= at) {
            every_minute(app, &state);
        }
        // Each wake may be a new alert (the CLI's `check`, a crossing): the
        // notices thread looks (one claim query).
        crate::notices::nudge(app);

        let running = state.published_running_start();
        let crossing = match running {
            Some(_) => state.with_tracker(|t| t.next_crossing_at()).ok().flatten(),
            None => None,
        };
        let minute = next_minute(now, running);
        minute_at = Some(minute);
        let mut wait = until(now, next_wake(now, minute, crossing));
        if !watching {
            wait = wait.min(FALLBACK_POLL);
        }
        match changes.recv_timeout(wait) {
            Ok(()) => settle(changes),
            Err(RecvTimeoutError::Timeout) => {}
            // The sender lives as long as this thread: not reached.
            Err(RecvTimeoutError::Disconnected) => std::thread::sleep(wait),
        }
    }
}

/// Waits for a burst of file events to end.
fn settle(changes: &Receiver<()>) {
    for _ in 0..20 {
        if changes.recv_timeout(SETTLE).is_err() {
            return;
        }
    }
}

/// The next minute of the timer that started at `running_start` (its
/// elapsed time gains a minute), or of the clock when none runs.
pub fn next_minute(now: DateTime<Utc>, running_start: Option<DateTime<Utc>>) -> DateTime<Utc> {
    let anchor = running_start.unwrap_or(DateTime::UNIX_EPOCH);
    let minutes = (now - anchor).num_seconds().div_euclid(60) + 1;
    anchor + chrono::Duration::seconds(minutes * 60)
}

/// The ticker's next wake on its own: the next minute, or a boundary's
/// instant if that comes first.
pub fn next_wake(
    now: DateTime<Utc>,
    minute: DateTime<Utc>,
    crossing: Option<DateTime<Utc>>,
) -> DateTime<Utc> {
    crossing
        .filter(|at| *at > now)
        .map_or(minute, |at| at.min(minute))
}

/// How long from `now` to `at` (a few milliseconds late rather than early:
/// waking just before a minute would mean waking twice).
fn until(now: DateTime<Utc>, at: DateTime<Utc>) -> Duration {
    (at - now).to_std().unwrap_or_default() + Duration::from_millis(5)
}

/// One tick: the heartbeat when the running timer's minute moved, and a
/// publish when the database or that minute changed.
pub(crate) fn tick<R: Runtime>(app: &AppHandle<R>, state: &AppState, seen: &mut Option<i64>) {
    let minute_moved = state.minute_changed();
    if minute_moved && let Err(e) = state.with_tracker(|t| t.heartbeat()) {
        log::warn!("cannot record the heartbeat: {e}");
    }
    if minute_moved {
        crate::watch::minute(app);
    }
    let version = state.with_tracker(|t| t.data_version()).ok();
    if version != *seen || minute_moved {
        *seen = version;
        if let Err(e) = crate::publish(app, state) {
            log::warn!("cannot read the state: {e}");
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, h, m, s).unwrap()
    }

    #[test]
    fn minutes_follow_the_running_timer_or_the_clock() {
        // Idle: the clock's next minute.
        assert_eq!(next_minute(at(10, 0, 0), None), at(10, 1, 0));
        assert_eq!(next_minute(at(10, 0, 59), None), at(10, 1, 0));
        // Started at 09:58:20: its minutes turn at :20.
        let start = Some(at(9, 58, 20));
        assert_eq!(next_minute(at(10, 0, 0), start), at(10, 0, 20));
        assert_eq!(next_minute(at(10, 0, 20), start), at(10, 1, 20));
    }

    #[test]
    fn a_boundary_sooner_than_the_minute_wakes_first() {
        let (now, minute) = (at(10, 0, 0), at(10, 1, 0));
        assert_eq!(next_wake(now, minute, None), minute);
        assert_eq!(next_wake(now, minute, Some(at(10, 0, 30))), at(10, 0, 30));
        assert_eq!(next_wake(now, minute, Some(at(12, 0, 0))), minute);
        assert_eq!(next_wake(now, minute, Some(now)), minute, "past: ignored");
        assert_eq!(until(now, minute), Duration::from_millis(60_005));
        assert_eq!(until(minute, now), Duration::from_millis(5));
    }

    #[test]
    fn a_commit_by_another_connection_wakes_the_watch() {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("g.sqlite3");
        let clock = std::sync::Arc::new(gardefou::clock::FixedClock::new(at(10, 0, 0)));
        let ours = gardefou::Tracker::open(&db, clock.clone()).expect("open");
        let (tx, rx) = mpsc::channel();
        let _watch = watch_database(&db, tx).expect("watch");
        let before = ours.data_version().expect("version");
        // Another file in the folder does not wake it.
        std::fs::write(dir.path().join("notes.txt"), "x").expect("write");
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
        // The CLI's commit does.
        let mut cli = gardefou::Tracker::open(&db, clock).expect("open");
        cli.set_setting("weekly_cap", "40h").expect("write");
        rx.recv_timeout(Duration::from_secs(5)).expect("woken");
        assert_ne!(ours.data_version().expect("version"), before);
    }
}
