//! One app per database, through the official single-instance plugin: a
//! second launch (`gardefou-desktop sessions` from a launcher's Desktop
//! Action) hands its arguments to the running app, which shows its window on
//! that view, and exits 0 before opening a tray or a window of its own.
//!
//! On Linux the plugin owns a D-Bus name; it is keyed by the database's path
//! (the plugin's `dbus_id`), so apps on different databases (tests, a second
//! profile) never hand off to each other. Windows and macOS key it by the
//! app's identifier.

use std::path::Path;

use tauri::plugin::TauriPlugin;
use tauri::{AppHandle, Runtime};

use crate::launch::{self, Launch};

/// The plugin, keyed by `db`. Register it before every other plugin: the
/// second instance must exit before anything else starts.
pub fn plugin<R: Runtime>(db: Option<&Path>) -> TauriPlugin<R> {
    let builder = tauri_plugin_single_instance::Builder::new().callback(|app, argv, _cwd| {
        on_second_launch(app, argv.get(1..).unwrap_or_default());
    });
    match db {
        Some(db) => builder.dbus_id(dbus_id(db)),
        None => builder,
    }
    .build()
}

/// The running app's side of a second launch, given its arguments (after
/// the program's name): show the main window on the view they name, or the
/// summary (arguments it cannot read: just the main window).
pub fn on_second_launch<R: Runtime>(app: &AppHandle<R>, args: &[String]) {
    let launch = Launch::parse(&launch::without_login(args)).unwrap_or_else(|e| {
        log::warn!("a second launch asked for something unknown: {e}");
        None
    });
    log::info!("a second launch asked for {launch:?}");
    launch::open(app, launch);
}

/// `app.gardefou.desktop.db‹hash›`: a valid D-Bus name, the same in every
/// process that opens the same file.
pub fn dbus_id(db: &Path) -> String {
    let db = db.canonicalize().unwrap_or_else(|_| db.to_path_buf());
    format!(
        "app.gardefou.desktop.db{:016x}",
        fnv1a(db.as_os_str().as_encoded_bytes())
    )
}

/// FNV-1a: stable across builds and Rust versions (std's hasher is not
/// promised to be), so an upgraded app still finds the running one.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_name_per_database() {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = dir.path().join("a.sqlite3");
        std::fs::write(&a, b"").expect("file");
        let id = dbus_id(&a);
        assert_eq!(id, dbus_id(&dir.path().join(".").join("a.sqlite3")));
        assert_ne!(id, dbus_id(&dir.path().join("b.sqlite3")));
        // A D-Bus name element may not start with a digit; the hex follows "db".
        assert!(id.starts_with("app.gardefou.desktop.db"), "{id}");
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '_')
        );
        assert_eq!(
            fnv1a(b"a"),
            0xaf63_dc4c_8601_ec8c,
            "the published FNV-1a value"
        );
    }
}
