//! The window's commands. Each one: lock the tracker, call one core function,
//! map the error. They are `async` so that the database (which may wait on the
//! CLI's lock) is never touched on the main thread.

use gardefou::model::Source;
use gardefou::tracker::StartRequest;
use tauri::{AppHandle, Runtime, State};

use crate::AppState;
use crate::error::CommandError;
use crate::view::Snapshot;

/// The names declared in `build.rs` and granted in `capabilities/main.json`.
pub const NAMES: &[&str] = include!("command_names.rs");

/// The whole state the window shows.
#[tauri::command]
pub async fn get_state(state: State<'_, AppState>) -> Result<Snapshot, CommandError> {
    state.snapshot()
}

/// Starts a timer for `client` (stopping the running one), like `gardefou start`.
/// `override_reason` crosses a boundary on purpose.
#[tauri::command]
pub async fn start_timer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    client: String,
    override_reason: Option<String>,
) -> Result<Snapshot, CommandError> {
    let mut request = StartRequest::new(client);
    request.source = Source::Timer;
    request.override_reason = override_reason.filter(|r| !r.trim().is_empty());
    state.with_tracker(|t| t.start(request))?;
    crate::publish(&app, &state)
}

/// Stops the running timer, like `gardefou stop`.
#[tauri::command]
pub async fn stop_timer<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
) -> Result<Snapshot, CommandError> {
    state.with_tracker(|t| t.stop(None))?;
    crate::publish(&app, &state)
}

/// Quits the app; a running timer stays recorded in the database.
#[tauri::command]
pub fn quit<R: Runtime>(app: AppHandle<R>) {
    app.exit(0);
}
