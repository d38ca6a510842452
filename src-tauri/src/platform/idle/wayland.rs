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
        Self::on(Connection::connect_to_env().ok()?)
    }

    /// On an open connection (the test's fake compositor).
    fn on(conn: Connection) -> Option<Self> {
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

#[cfg(test)]
mod tests {
    //! Against a fake compositor that speaks the wire protocol by hand on a
    //! socket pair: it announces a seat (and the notifier, or not), answers
    //! `sync`, and sends "idled" or "resumed" when the test says so.

    use std::io::{Read, Write};
    use std::os::unix::net::UnixStream;
    use std::sync::mpsc;

    use super::*;
    use crate::platform::idle::IdleSource;

    /// What the test asks the compositor to send before its next answer.
    #[derive(Debug, Clone, Copy)]
    enum Say {
        Idled,
        Resumed,
    }

    fn message(object: u32, opcode: u16, args: &[u8]) -> Vec<u8> {
        let size = 8 + args.len() as u32;
        let mut out = object.to_ne_bytes().to_vec();
        out.extend((size << 16 | u32::from(opcode)).to_ne_bytes());
        out.extend(args);
        out
    }

    fn string(text: &str) -> Vec<u8> {
        let mut out = (text.len() as u32 + 1).to_ne_bytes().to_vec();
        out.extend(text.as_bytes());
        out.push(0);
        while !out.len().is_multiple_of(4) {
            out.push(0);
        }
        out
    }

    fn word(bytes: &[u8], at: usize) -> u32 {
        u32::from_ne_bytes(bytes[at..at + 4].try_into().unwrap())
    }

    /// Serves one client until it hangs up.
    fn compositor(mut socket: UnixStream, with_notifier: bool, said: mpsc::Receiver<Say>) {
        let mut registry = 0;
        let mut notifier = 0;
        let mut notification = 0;
        let mut header = [0u8; 8];
        while socket.read_exact(&mut header).is_ok() {
            let object = word(&header, 0);
            let opcode = word(&header, 4) & 0xffff;
            let size = (word(&header, 4) >> 16) as usize;
            let mut args = vec![0u8; size - 8];
            socket.read_exact(&mut args).unwrap();
            let mut out = Vec::new();
            match (object, opcode) {
                // wl_display.sync(callback): what was said, then done, then delete_id.
                (1, 0) => {
                    let callback = word(&args, 0);
                    for say in said.try_iter() {
                        let event = match say {
                            Say::Idled => 0,
                            Say::Resumed => 1,
                        };
                        out.extend(message(notification, event, &[]));
                    }
                    out.extend(message(callback, 0, &0u32.to_ne_bytes()));
                    out.extend(message(1, 1, &callback.to_ne_bytes()));
                }
                // wl_display.get_registry(registry): the globals.
                (1, 1) => {
                    registry = word(&args, 0);
                    let mut globals = vec![(1u32, "wl_seat")];
                    if with_notifier {
                        globals.push((2, "ext_idle_notifier_v1"));
                    }
                    for (name, interface) in globals {
                        let mut a = name.to_ne_bytes().to_vec();
                        a.extend(string(interface));
                        a.extend(1u32.to_ne_bytes());
                        out.extend(message(registry, 0, &a));
                    }
                }
                // wl_registry.bind(name, interface, version, id).
                (o, 0) if o == registry => {
                    let name = word(&args, 0);
                    let id = word(&args, args.len() - 4);
                    if name == 2 {
                        notifier = id;
                    }
                }
                // ext_idle_notifier_v1.get_idle_notification(id, timeout, seat).
                (o, 1) if o == notifier => {
                    notification = word(&args, 0);
                    assert_eq!(word(&args, 4), THRESHOLD_MS);
                }
                _ => {}
            }
            if !out.is_empty() {
                socket.write_all(&out).unwrap();
            }
        }
    }

    fn connect(with_notifier: bool) -> (Option<IdleNotify>, mpsc::Sender<Say>) {
        let (client, server) = UnixStream::pair().unwrap();
        let (say, said) = mpsc::channel();
        std::thread::spawn(move || compositor(server, with_notifier, said));
        let conn = Connection::from_socket(client).unwrap();
        (IdleNotify::on(conn), say)
    }

    #[test]
    fn idled_means_the_last_input_was_the_threshold_ago_and_resumed_means_none() {
        let (source, say) = connect(true);
        let mut source = source.expect("the compositor has the protocol");
        assert_eq!(source.idle_seconds(), Some(0));
        say.send(Say::Idled).unwrap();
        let idle = source.idle_seconds().unwrap();
        assert!((5..7).contains(&idle), "{idle}");
        say.send(Say::Resumed).unwrap();
        assert_eq!(source.idle_seconds(), Some(0));
    }

    #[test]
    fn a_compositor_without_the_protocol_gives_no_source() {
        let (source, _say) = connect(false);
        assert!(source.is_none());
    }
}
