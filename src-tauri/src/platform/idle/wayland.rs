//! Wayland compositors (KDE, wlroots): `ext-idle-notify-v1`. The protocol
//! tells transitions, not a count: the compositor says "idled" once no input
//! came for [`THRESHOLD_MS`], and "resumed" at the next input. So the last
//! input was [`THRESHOLD_MS`] before "idled", and there is no idle time
//! after "resumed"; each reading first takes the events that came since.

use std::time::{Duration, Instant};

use wayland_client::globals::{GlobalListContents, registry_queue_init};
use wayland_client::protocol::{wl_registry, wl_seat};
use wayland_client::{Connection, Dispatch, EventQueue, QueueHandle};
use wayland_protocols::ext::idle_notify::v1::client::ext_idle_notification_v1::{
    self, ExtIdleNotificationV1,
};
use wayland_protocols::ext::idle_notify::v1::client::ext_idle_notifier_v1::ExtIdleNotifierV1;

/// Short, so that a reading is at most this late; events only come at the
/// transitions, so it costs nothing while the user types.
const THRESHOLD_MS: u32 = 5_000;

/// The last input, when the compositor said the seat idled.
#[derive(Debug, Default)]
struct Seen {
    last_input: Option<Instant>,
}

pub(in crate::platform) struct IdleNotify {
    _conn: Connection,
    queue: EventQueue<Seen>,
    seen: Seen,
    _notification: ExtIdleNotificationV1,
}

impl IdleNotify {
    /// Connects to `$WAYLAND_DISPLAY`; `None` without a compositor, a seat or
    /// the protocol.
    pub(in crate::platform) fn open() -> Option<Self> {
        let conn = Connection::connect_to_env().ok()?;
        let (globals, mut queue) = registry_queue_init::<Seen>(&conn).ok()?;
        let qh = queue.handle();
        let seat: wl_seat::WlSeat = globals.bind(&qh, 1..=1, ()).ok()?;
        let notifier: ExtIdleNotifierV1 = globals.bind(&qh, 1..=1, ()).ok()?;
        let notification = notifier.get_idle_notification(THRESHOLD_MS, &seat, &qh, ());
        let mut seen = Seen::default();
        queue.roundtrip(&mut seen).ok()?;
        Some(Self {
            _conn: conn,
            queue,
            seen,
            _notification: notification,
        })
    }
}

impl super::IdleSource for IdleNotify {
    fn idle_seconds(&mut self) -> Option<u64> {
        // A round trip: every event sent before it has been handled.
        self.queue.roundtrip(&mut self.seen).ok()?;
        Some(self.seen.last_input.map_or(0, |at| at.elapsed().as_secs()))
    }
}

impl Dispatch<wl_registry::WlRegistry, GlobalListContents> for Seen {
    fn event(
        _: &mut Self,
        _: &wl_registry::WlRegistry,
        _: wl_registry::Event,
        _: &GlobalListContents,
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<wl_seat::WlSeat, ()> for Seen {
    fn event(
        _: &mut Self,
        _: &wl_seat::WlSeat,
        _: wl_seat::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<ExtIdleNotifierV1, ()> for Seen {
    fn event(
        _: &mut Self,
        _: &ExtIdleNotifierV1,
        _: <ExtIdleNotifierV1 as wayland_client::Proxy>::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
    }
}

impl Dispatch<ExtIdleNotificationV1, ()> for Seen {
    fn event(
        seen: &mut Self,
        _: &ExtIdleNotificationV1,
        event: ext_idle_notification_v1::Event,
        _: &(),
        _: &Connection,
        _: &QueueHandle<Self>,
    ) {
        match event {
            ext_idle_notification_v1::Event::Idled => {
                let threshold = Duration::from_millis(u64::from(THRESHOLD_MS));
                let now = Instant::now();
                seen.last_input = Some(now.checked_sub(threshold).unwrap_or(now));
            }
            ext_idle_notification_v1::Event::Resumed => seen.last_input = None,
            _ => {}
        }
    }
}
