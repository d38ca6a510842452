//! The background ticker: once a second it asks SQLite whether another
//! connection (the CLI) committed (`PRAGMA data_version`, no disk read), and
//! whether the running timer's minute moved; then it publishes the state.
//! It runs on its own thread, never on the main one.

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
        let version = state.with_tracker(|t| t.data_version()).ok();
        if version != seen_version || state.minute_changed() {
            seen_version = version;
            if let Err(e) = crate::publish(app, &state) {
                eprintln!("gardefou-desktop: {e}");
            }
        }
        std::thread::sleep(PERIOD);
    }
}
