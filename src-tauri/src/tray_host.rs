//! Is there a tray host? Where none runs (stock GNOME), closing the window
//! must quit, or the app would be left running with no way back to it.
//! Watched asynchronously on GLib's main loop: no blocking D-Bus call.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub const WATCHER_NAME: &str = "org.kde.StatusNotifierWatcher";

/// Keeps `present` equal to "a StatusNotifierWatcher owns its name on the
/// session bus". Call on the main thread (GLib's default main context).
#[cfg(target_os = "linux")]
pub fn watch(present: Arc<AtomicBool>) {
    use gio::BusNameWatcherFlags;
    let appeared = present.clone();
    // Watched for the whole life of the app: the id is only needed to unwatch.
    let _watch = gio::bus_watch_name(
        gio::BusType::Session,
        WATCHER_NAME,
        BusNameWatcherFlags::NONE,
        move |_, _, _| appeared.store(true, Ordering::Relaxed),
        move |_, _| present.store(false, Ordering::Relaxed),
    );
}

/// Elsewhere the platform always has a tray.
#[cfg(not(target_os = "linux"))]
pub fn watch(present: Arc<AtomicBool>) {
    present.store(true, Ordering::Relaxed);
}
