//! Did the machine sleep? Found from a gap between two clocks: the wall
//! clock keeps counting while the machine sleeps, the "awake" clock does not
//! (Linux's CLOCK_MONOTONIC and macOS' uptime clock, behind `Instant`;
//! Windows' unbiased interrupt time). It works everywhere and measures the
//! sleep exactly, but only at the next reading; on Linux, logind's
//! `PrepareForSleep` ([`signals`]) says at once when the machine goes to
//! sleep and wakes, so the question comes on resume.
//! Nothing here decides anything: the core turns a sleep into away time.

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use gardefou::clock::Clock;

/// The shortest gap taken for a sleep. Below it, a late wake-up of the
/// polling thread or a small correction of the wall clock (NTP) would pass
/// for one.
pub const MIN_SLEEP_SECONDS: i64 = 60;

/// A sleep that has ended: from when to when, in wall-clock time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slept {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
}

/// A source of "the machine slept".
pub trait SleepSource: Send {
    /// The sleep that ended since the last call, if any. Call it regularly
    /// (at least once a minute): a sleep is only seen at the next call.
    fn poll(&mut self) -> Option<Slept>;
}

/// Compares successive readings of the two clocks. Pure: the readings come in.
#[derive(Debug, Default)]
pub struct GapDetector {
    last: Option<(DateTime<Utc>, Duration)>,
}

impl GapDetector {
    /// Takes a reading of the wall clock and of the awake clock; returns the
    /// sleep between this reading and the previous one, if any. Its length is
    /// exact to the second; where it sits between the two readings is not
    /// known, so it is placed to end at this reading. A wall clock set back
    /// is no sleep (the next reading starts from here); one set forward by
    /// hand cannot be told from a sleep.
    pub fn observe(&mut self, wall: DateTime<Utc>, awake: Duration) -> Option<Slept> {
        let (last_wall, last_awake) = self.last.replace((wall, awake))?;
        let awake_ms = i64::try_from(awake.saturating_sub(last_awake).as_millis()).ok()?;
        let gap_seconds = ((wall - last_wall).num_milliseconds() - awake_ms) / 1000;
        (gap_seconds >= MIN_SLEEP_SECONDS).then(|| Slept {
            from: wall - TimeDelta::seconds(gap_seconds),
            to: wall,
        })
    }
}

/// The gap detector on the injected wall clock and the platform's awake clock.
pub struct GapSleepSource {
    clock: Arc<dyn Clock>,
    detector: GapDetector,
}

impl std::fmt::Debug for GapSleepSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GapSleepSource")
            .field("detector", &self.detector)
            .finish_non_exhaustive()
    }
}

impl GapSleepSource {
    pub fn new(clock: Arc<dyn Clock>) -> Self {
        Self {
            clock,
            detector: GapDetector::default(),
        }
    }
}

impl SleepSource for GapSleepSource {
    fn poll(&mut self) -> Option<Slept> {
        self.detector.observe(self.clock.now(), awake::now())
    }
}

/// Calls `on_signal(going_to_sleep)` when the system says it suspends
/// (`true`) or resumes (`false`); false where nothing can say it (the gap
/// detector is then all there is).
#[cfg(target_os = "linux")]
pub fn signals(on_signal: impl Fn(bool) + Send + 'static) -> bool {
    logind::listen(on_signal)
}

/// Windows and macOS: the gap detector only.
#[cfg(not(target_os = "linux"))]
pub fn signals(_on_signal: impl Fn(bool) + Send + 'static) -> bool {
    false
}

#[cfg(target_os = "linux")]
mod logind;

/// Time the machine has been awake, from an arbitrary origin.
#[cfg(not(windows))]
mod awake {
    use std::sync::OnceLock;
    use std::time::{Duration, Instant};

    /// `Instant` stops while the machine sleeps here: CLOCK_MONOTONIC on
    /// Linux, the uptime clock on macOS.
    pub(super) fn now() -> Duration {
        static ORIGIN: OnceLock<Instant> = OnceLock::new();
        ORIGIN.get_or_init(Instant::now).elapsed()
    }
}

/// Time the machine has been awake, from boot.
#[cfg(windows)]
mod awake {
    use std::time::Duration;

    use windows_sys::Win32::System::WindowsProgramming::QueryUnbiasedInterruptTime;

    /// `Instant` keeps counting through a sleep on Windows; the unbiased
    /// interrupt time (100 ns units) does not.
    pub(super) fn now() -> Duration {
        let mut ticks: u64 = 0;
        // SAFETY: `ticks` is a live, writable u64, the only thing the
        // function writes; it has no other precondition.
        #[allow(unsafe_code)]
        let ok = unsafe { QueryUnbiasedInterruptTime(&mut ticks) };
        // It only fails on a null pointer; a zero then reads as "no time
        // awake", which shows no sleep rather than a false one.
        let ticks = if ok != 0 { ticks } else { 0 };
        Duration::from_nanos(ticks.saturating_mul(100))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use chrono::TimeZone;

    fn at(h: u32, m: u32, s: u32) -> DateTime<Utc> {
        // UTC: the detector only subtracts instants, no zone is involved.
        Utc.with_ymd_and_hms(2026, 3, 29, h, m, s).unwrap()
    }

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn the_first_reading_has_nothing_to_compare_with() {
        assert_eq!(GapDetector::default().observe(at(9, 0, 0), secs(100)), None);
    }

    #[test]
    fn clocks_in_step_mean_no_sleep() {
        let mut d = GapDetector::default();
        d.observe(at(9, 0, 0), secs(100));
        assert_eq!(d.observe(at(9, 1, 0), secs(160)), None);
        assert_eq!(d.observe(at(10, 1, 0), secs(3_760)), None);
    }

    #[test]
    fn a_gap_below_the_minimum_is_jitter() {
        let mut d = GapDetector::default();
        d.observe(at(9, 0, 0), secs(100));
        // The wall clock ran 59 s more than the awake clock.
        assert_eq!(d.observe(at(9, 1, 59), secs(160)), None);
    }

    #[test]
    fn a_gap_of_the_minimum_is_a_sleep() {
        let mut d = GapDetector::default();
        d.observe(at(9, 0, 0), secs(100));
        let slept = d.observe(at(9, 2, 0), secs(160));
        assert_eq!(
            slept,
            Some(Slept {
                from: at(9, 1, 0),
                to: at(9, 2, 0)
            })
        );
    }

    #[test]
    fn a_night_asleep_is_found_with_its_length() {
        let mut d = GapDetector::default();
        d.observe(at(0, 30, 0), secs(1_000));
        // 30 s awake, then asleep until 07:15:00.
        let slept = d.observe(at(7, 15, 0), secs(1_030)).unwrap();
        assert_eq!(slept.to, at(7, 15, 0));
        assert_eq!(
            (slept.to - slept.from).num_seconds(),
            6 * 3_600 + 45 * 60 - 30
        );
        // The next reading compares with the one after the sleep.
        assert_eq!(d.observe(at(7, 16, 0), secs(1_090)), None);
    }

    #[test]
    fn a_wall_clock_set_back_is_no_sleep() {
        let mut d = GapDetector::default();
        d.observe(at(9, 0, 0), secs(100));
        assert_eq!(d.observe(at(8, 0, 0), secs(160)), None);
        // Measured from the new wall time onwards.
        assert_eq!(d.observe(at(8, 1, 0), secs(220)), None);
    }

    #[test]
    fn an_awake_clock_going_back_is_no_time_awake() {
        let mut d = GapDetector::default();
        d.observe(at(9, 0, 0), secs(100));
        let slept = d.observe(at(9, 5, 0), secs(50)).unwrap();
        assert_eq!(slept.from, at(9, 0, 0));
    }

    #[test]
    fn the_platform_awake_clock_does_not_go_back() {
        let first = awake::now();
        let second = awake::now();
        assert!(second >= first);
    }
}
