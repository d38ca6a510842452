//! From idle readings to away spans: the shell polls its idle source ("seconds
//! since the last input") and feeds each reading here; when input comes back
//! after `idle_after`, the stretch from the last input to the return is away
//! time. Pure: the instants are given, nothing is read from a clock.

use chrono::{DateTime, Duration, Utc};

use super::{AwayCause, AwaySpan};

/// Remembers the current idle stretch between readings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdleWatch {
    /// The last input instant while the user is away long enough to count.
    away_since: Option<DateTime<Utc>>,
}

impl IdleWatch {
    /// Whether the user is away now (the stretch started at the last input).
    pub fn away_since(&self) -> Option<DateTime<Utc>> {
        self.away_since
    }

    /// One reading at `now`: `idle_seconds` since the last input. Returns the
    /// finished span when the user came back from an away stretch of at least
    /// `idle_after` (`None`: idle detection off, nothing is ever returned).
    pub fn observe(
        &mut self,
        now: DateTime<Utc>,
        idle_seconds: u64,
        idle_after: Option<i64>,
    ) -> Option<AwaySpan> {
        let min = idle_after.filter(|m| *m > 0)?;
        let idle = i64::try_from(idle_seconds).unwrap_or(i64::MAX / 2);
        let last_input = now - Duration::seconds(idle);
        match self.away_since {
            // Input since the stretch began: it is over, at that input.
            Some(since) if last_input > since => {
                self.away_since = (idle >= min).then_some(last_input);
                Some(AwaySpan {
                    from: since,
                    to: last_input,
                    cause: AwayCause::Idle,
                })
            }
            Some(_) => None,
            None => {
                if idle >= min {
                    self.away_since = Some(last_input);
                }
                None
            }
        }
    }
}
