//! How long since the user last touched the keyboard or the mouse.
//!
//! Windows and macOS answer with one system call each. Linux has no single
//! answer: X11's XScreenSaver extension, Wayland compositors'
//! ext-idle-notify-v1 (KDE, wlroots), GNOME's Mutter IdleMonitor on the
//! session bus; [`select`] tries them in turn behind the same trait.
//! Nothing here decides anything: the core turns these readings into away time.

/// A source of "seconds since the last input".
pub trait IdleSource: Send {
    /// Whole seconds since the last keyboard or mouse input, or `None` when
    /// this source cannot tell right now.
    fn idle_seconds(&mut self) -> Option<u64>;
}

/// The platform's built-in source: Windows' `GetLastInputInfo`.
#[cfg(windows)]
pub fn system() -> Option<Box<dyn IdleSource>> {
    Some(Box::new(windows::LastInput))
}

/// The platform's built-in source: macOS' `CGEventSourceSecondsSinceLastEventType`.
#[cfg(target_os = "macos")]
pub fn system() -> Option<Box<dyn IdleSource>> {
    Some(Box::new(macos::EventSource))
}

/// Linux: the first of the session's backends that answers (see [`order`]).
#[cfg(target_os = "linux")]
pub fn system() -> Option<Box<dyn IdleSource>> {
    let session = Session::from_env();
    select(&order(session), linux::open).map(|(backend, source)| {
        log_backend(backend);
        source
    })
}

#[cfg(target_os = "linux")]
fn log_backend(backend: Backend) {
    // The one line that says which backend a bug report was made with.
    log::info!("idle detection through {}", backend.name());
}

/// Other systems: none known.
#[cfg(not(any(windows, target_os = "macos", target_os = "linux")))]
pub fn system() -> Option<Box<dyn IdleSource>> {
    None
}

/// The Linux backends.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// The X server's MIT-SCREEN-SAVER extension.
    X11,
    /// The compositor's `ext-idle-notify-v1`.
    Wayland,
    /// `org.gnome.Mutter.IdleMonitor` on the session bus.
    Mutter,
}

#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Self::X11 => "X11 (XScreenSaver)",
            Self::Wayland => "Wayland (ext-idle-notify-v1)",
            Self::Mutter => "GNOME (Mutter IdleMonitor)",
        }
    }
}

/// What kind of graphical session this is, from its environment.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Session {
    pub wayland: bool,
    pub x11: bool,
}

#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
impl Session {
    pub fn from_env() -> Self {
        let set = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        Self {
            wayland: set("WAYLAND_DISPLAY"),
            x11: set("DISPLAY"),
        }
    }
}

/// The backends to try, in order. A Wayland session never asks the X
/// server: XWayland's XScreenSaver only sees input sent to X clients, so it
/// would call the user idle while they type in a Wayland window. GNOME's
/// Mutter comes last in both kinds of session (it answers on either).
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn order(session: Session) -> Vec<Backend> {
    let mut order = Vec::new();
    if session.wayland {
        order.push(Backend::Wayland);
    } else if session.x11 {
        order.push(Backend::X11);
    }
    order.push(Backend::Mutter);
    order
}

/// The first backend of `order` that opens and gives a first reading.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn select(
    order: &[Backend],
    mut open: impl FnMut(Backend) -> Option<Box<dyn IdleSource>>,
) -> Option<(Backend, Box<dyn IdleSource>)> {
    order.iter().find_map(|&backend| {
        let mut source = open(backend)?;
        source.idle_seconds()?;
        Some((backend, source))
    })
}

#[cfg(target_os = "linux")]
mod linux {
    use super::{Backend, IdleSource};

    pub(super) fn open(backend: Backend) -> Option<Box<dyn IdleSource>> {
        match backend {
            Backend::X11 => super::x11::ScreenSaver::open().map(|s| Box::new(s) as _),
            Backend::Wayland => super::wayland::IdleNotify::open().map(|s| Box::new(s) as _),
            Backend::Mutter => super::mutter::IdleMonitor::open().map(|s| Box::new(s) as _),
        }
    }
}

#[cfg(target_os = "linux")]
mod mutter;
#[cfg(target_os = "linux")]
mod wayland;
#[cfg(target_os = "linux")]
mod x11;

/// Milliseconds between two readings of Windows' tick counter, which wraps
/// every 49.7 days: the wrapping difference stays right across a wrap.
#[cfg(any(windows, test))]
fn ticks_between(earlier: u32, later: u32) -> u32 {
    later.wrapping_sub(earlier)
}

#[cfg(windows)]
mod windows {
    use windows_sys::Win32::System::SystemInformation::GetTickCount;
    use windows_sys::Win32::UI::Input::KeyboardAndMouse::{GetLastInputInfo, LASTINPUTINFO};

    /// `GetLastInputInfo`: the tick count of the session's last input.
    #[derive(Debug)]
    pub(super) struct LastInput;

    impl super::IdleSource for LastInput {
        fn idle_seconds(&mut self) -> Option<u64> {
            let mut info = LASTINPUTINFO {
                cbSize: size_of::<LASTINPUTINFO>() as u32,
                dwTime: 0,
            };
            // SAFETY: `info` is a live, writable LASTINPUTINFO whose cbSize is
            // set, as the function requires; it writes only inside it. Both
            // functions have no other preconditions.
            #[allow(unsafe_code)]
            let (ok, now) = unsafe { (GetLastInputInfo(&mut info), GetTickCount()) };
            (ok != 0).then(|| u64::from(super::ticks_between(info.dwTime, now) / 1000))
        }
    }
}

#[cfg(target_os = "macos")]
mod macos {
    /// `kCGEventSourceStateCombinedSessionState`: input from every source of the session.
    const COMBINED_SESSION_STATE: i32 = 0;
    /// `kCGAnyInputEventType`: the last event of any kind.
    const ANY_INPUT_EVENT_TYPE: u32 = !0;

    #[link(name = "CoreGraphics", kind = "framework")]
    #[allow(unsafe_code)]
    unsafe extern "C" {
        // CGEventSourceSecondsSinceLastEventType(CGEventSourceStateID, CGEventType) -> CFTimeInterval
        fn CGEventSourceSecondsSinceLastEventType(state: i32, event_type: u32) -> f64;
    }

    /// `CGEventSourceSecondsSinceLastEventType` on the combined session state.
    #[derive(Debug)]
    pub(super) struct EventSource;

    impl super::IdleSource for EventSource {
        fn idle_seconds(&mut self) -> Option<u64> {
            // SAFETY: a pure query taking two plain integers, valid for any
            // value; no pointer crosses the boundary.
            #[allow(unsafe_code)]
            let seconds = unsafe {
                CGEventSourceSecondsSinceLastEventType(COMBINED_SESSION_STATE, ANY_INPUT_EVENT_TYPE)
            };
            // The API speaks in floating seconds; whole seconds from here on
            // (`as` saturates, and NaN or a negative reading means "cannot tell").
            (seconds >= 0.0).then_some(seconds as u64)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A source that reads a fixed answer.
    struct Fixed(Option<u64>);

    impl IdleSource for Fixed {
        fn idle_seconds(&mut self) -> Option<u64> {
            self.0
        }
    }

    #[test]
    fn a_wayland_session_never_asks_the_x_server() {
        let both = Session {
            wayland: true,
            x11: true,
        };
        assert_eq!(order(both), [Backend::Wayland, Backend::Mutter]);
        let x11 = Session {
            wayland: false,
            x11: true,
        };
        assert_eq!(order(x11), [Backend::X11, Backend::Mutter]);
        let none = Session {
            wayland: false,
            x11: false,
        };
        assert_eq!(order(none), [Backend::Mutter]);
    }

    #[test]
    fn the_first_backend_that_opens_and_answers_is_kept() {
        let mut tried = Vec::new();
        let picked = select(&[Backend::X11, Backend::Mutter], |b| {
            tried.push(b);
            Some(Box::new(Fixed(Some(7))) as Box<dyn IdleSource>)
        });
        let (backend, mut source) = picked.expect("one answers");
        assert_eq!((backend, source.idle_seconds()), (Backend::X11, Some(7)));
        assert_eq!(tried, [Backend::X11]);
    }

    #[test]
    fn a_backend_that_opens_but_cannot_tell_is_passed_over() {
        let mut tried = Vec::new();
        let picked = select(&[Backend::Wayland, Backend::X11, Backend::Mutter], |b| {
            tried.push(b);
            match b {
                Backend::Wayland => None,
                Backend::X11 => Some(Box::new(Fixed(None)) as Box<dyn IdleSource>),
                Backend::Mutter => Some(Box::new(Fixed(Some(0))) as Box<dyn IdleSource>),
            }
        });
        assert_eq!(picked.map(|(b, _)| b), Some(Backend::Mutter));
        assert_eq!(tried, [Backend::Wayland, Backend::X11, Backend::Mutter]);
    }

    #[test]
    fn none_answering_gives_none() {
        assert!(select(&[Backend::X11, Backend::Mutter], |_| None).is_none());
    }

    #[test]
    fn ticks_between_counts_forward() {
        assert_eq!(ticks_between(1_000, 61_000), 60_000);
    }

    #[test]
    fn ticks_between_survives_the_49_day_wrap() {
        // Last input 2 s before the counter wrapped, read 3 s after it.
        assert_eq!(ticks_between(u32::MAX - 1_999, 3_000), 5_000);
    }
}
