//! Is there a tray host? Where none runs (stock GNOME), closing the window
//! must quit, or the app would be left running with no way back to it.
//! On Linux it is watched asynchronously on GLib's main loop (no blocking
//! D-Bus call); Windows and macOS always have a tray (notification area,
//! menu bar).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// The D-Bus name a Linux tray host (StatusNotifierWatcher) owns.
pub const WATCHER_NAME: &str = "org.kde.StatusNotifierWatcher";

/// Keeps `present` equal to "a tray host exists". Call on the main thread
/// (on Linux, GLib's default main context runs the watch).
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

/// Windows' notification area and macOS' menu bar are always there.
#[cfg(not(target_os = "linux"))]
pub fn watch(present: Arc<AtomicBool>) {
    present.store(true, Ordering::Relaxed);
}
