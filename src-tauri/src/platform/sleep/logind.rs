//! logind's `PrepareForSleep(bool)` on the system bus: `true` just before a
//! suspend or a hibernation, `false` on resume. Watched on a thread of its
//! own with its own GLib main context (nothing on the app's main loop);
//! `DBUS_SYSTEM_BUS_ADDRESS` points it at another bus (the E2E's stand-in).

use gio::glib;

const NAME: &str = "org.freedesktop.login1";
const PATH: &str = "/org/freedesktop/login1";
const INTERFACE: &str = "org.freedesktop.login1.Manager";

/// Calls `on_signal(going_to_sleep)` for each `PrepareForSleep`. False when
/// there is no system bus to listen on (the thread is not started).
pub fn listen(on_signal: impl Fn(bool) + Send + 'static) -> bool {
    let Ok(bus) = gio::bus_get_sync(gio::BusType::System, gio::Cancellable::NONE) else {
        return false;
    };
    drop(bus);
    std::thread::Builder::new()
        .name("gardefou-logind".into())
        .spawn(move || {
            let context = glib::MainContext::new();
            let ran = context.with_thread_default(|| {
                // The shared connection calls back on the context that is
                // the thread default when subscribing: this one.
                let Ok(bus) = gio::bus_get_sync(gio::BusType::System, gio::Cancellable::NONE)
                else {
                    return;
                };
                let _subscription = bus.signal_subscribe(
                    Some(NAME),
                    Some(INTERFACE),
                    Some("PrepareForSleep"),
                    Some(PATH),
                    None,
                    gio::DBusSignalFlags::NONE,
                    move |_, _, _, _, _, parameters| {
                        if let Some((sleeping,)) = parameters.get::<(bool,)>() {
                            on_signal(sleeping);
                        }
                    },
                );
                glib::MainLoop::new(Some(&context), false).run();
            });
            if ran.is_err() {
                log::warn!("cannot watch logind: another main context owns this thread");
            }
        })
        .is_ok()
}
