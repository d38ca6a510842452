//! How long since the user last touched the keyboard or the mouse.
//!
//! Windows and macOS answer with one system call each. Linux has no single
//! answer (X11's XScreenSaver, Wayland's ext-idle-notify, GNOME's Mutter
//! IdleMonitor): its backends come with issue #11, behind the same trait.
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

/// Linux has none built in: #11 adds the session-specific backends.
#[cfg(not(any(windows, target_os = "macos")))]
pub fn system() -> Option<Box<dyn IdleSource>> {
    None
}

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
