//! GNOME: Mutter's `org.gnome.Mutter.IdleMonitor` on the session bus, whose
//! core monitor's `GetIdletime` gives the milliseconds since the last input
//! (on Wayland and on X11 alike). A blocking call with a short timeout, made
//! from the watch's own thread, never the main one.

use gio::glib;

const NAME: &str = "org.gnome.Mutter.IdleMonitor";
const PATH: &str = "/org/gnome/Mutter/IdleMonitor/Core";
/// A monitor that owns the name but hangs must not hold the watch up.
const TIMEOUT_MS: i32 = 1000;

pub(in crate::platform) struct IdleMonitor {
    bus: gio::DBusConnection,
}

impl IdleMonitor {
    /// The session bus; `None` without one. Whether Mutter is there is told
    /// by the first reading.
    pub(in crate::platform) fn open() -> Option<Self> {
        let bus = gio::bus_get_sync(gio::BusType::Session, gio::Cancellable::NONE).ok()?;
        Some(Self { bus })
    }
}

impl super::IdleSource for IdleMonitor {
    fn idle_seconds(&mut self) -> Option<u64> {
        let reply = self
            .bus
            .call_sync(
                Some(NAME),
                PATH,
                NAME,
                "GetIdletime",
                None,
                Some(glib::VariantTy::new("(t)").ok()?),
                gio::DBusCallFlags::NO_AUTO_START,
                TIMEOUT_MS,
                gio::Cancellable::NONE,
            )
            .ok()?;
        let (ms,): (u64,) = reply.get()?;
        Some(ms / 1000)
    }
}
