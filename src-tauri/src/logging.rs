//! The app's log: the `log` facade, written by the official log plugin to a
//! file in the platform's log folder (Linux:
//! `~/.local/share/app.gardefou.desktop/logs/gardefou-desktop.log`; Windows:
//! `%LOCALAPPDATA%\app.gardefou.desktop\logs`; macOS: `~/Library/Logs/app.gardefou.desktop`),
//! rotated at 1 MB with the last 3 files kept, and to stderr for a terminal.
//! An app started by a launcher has no terminal: the file is what a user can send.
//!
//! Before Tauri runs there is no log yet: [`before_tauri`] is the one place
//! that writes to stderr only.

use tauri::Runtime;
use tauri::plugin::TauriPlugin;
use tauri_plugin_log::{RotationStrategy, Target, TargetKind};

pub const FILE_NAME: &str = "gardefou-desktop";
pub const MAX_FILE_BYTES: u128 = 1_000_000;
pub const KEEP_FILES: usize = 3;

pub fn plugin<R: Runtime>() -> TauriPlugin<R> {
    tauri_plugin_log::Builder::new()
        .clear_targets()
        .targets([
            Target::new(TargetKind::LogDir {
                file_name: Some(FILE_NAME.into()),
            }),
            Target::new(TargetKind::Stderr),
        ])
        .level(log::LevelFilter::Info)
        .max_file_size(MAX_FILE_BYTES)
        .rotation_strategy(RotationStrategy::KeepSome(KEEP_FILES))
        .build()
}

/// A failure before (or instead of) Tauri's start — the database cannot be
/// opened, or Tauri itself cannot start (no display) — when the log plugin
/// is not running: stderr is all there is.
#[allow(clippy::print_stderr)]
pub fn before_tauri(message: &str) {
    eprintln!("gardefou-desktop: {message}");
}
