//! A session seen through a window of time: the part of it inside `[from, to)`
//! (clipped by [`crate::window`]), a running session counting up to `now`, and
//! what that part earns.

use chrono::{DateTime, Utc};

use crate::model::Session;
use crate::money::amount_for;

// The clipping itself lives in `crate::window` (one function for every module).
pub use crate::window::{Window, clip, clipped_seconds};

/// The part of one session inside a window, with what it earns (raw time, per
/// session, half-up: DESIGN's amount rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slice {
    pub seconds: i64,
    pub billable_seconds: i64,
    pub amount_minor: i64,
}

impl Slice {
    pub fn of(
        session: &Session,
        window: (DateTime<Utc>, DateTime<Utc>),
        now: DateTime<Utc>,
    ) -> Self {
        let seconds = clipped_seconds(session, window, now);
        let billable_seconds = if session.billable { seconds } else { 0 };
        Self {
            seconds,
            billable_seconds,
            amount_minor: amount_for(billable_seconds, session.rate_minor),
        }
    }
}

/// `part` as a whole percentage of `whole`, rounded half-up (0 when `whole` is 0).
pub fn percent(part: i64, whole: i64) -> i64 {
    if whole <= 0 {
        return 0;
    }
    ((i128::from(part) * 200 + i128::from(whole)) / (i128::from(whole) * 2)) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_rounds_half_up() {
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(1, 200), 1); // 0.5 %
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(38, 100), 38);
    }
}
