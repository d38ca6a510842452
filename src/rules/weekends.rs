//! Rest days and weekends. A weekend is a maximal run of consecutive rest days,
//! whatever the week start (Sat+Sun stay one weekend with Sunday-start weeks).
//! It is worked when its tracked total is at least `weekend_min`; the streak
//! counts worked weekends back to the last free one.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use crate::calendar::{dates_range, local_date, split_by_local_day};
use crate::error::{Error, Problem, Result};
use crate::model::Session;
use crate::window::clipped_seconds;

pub(crate) const DAY_NAMES: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// `mon`, `Monday`, `tue`, ... → 0 (Monday) to 6 (Sunday).
pub(crate) fn parse_weekday(text: &str) -> Option<usize> {
    let text = text.trim().to_ascii_lowercase();
    let full = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    (0..7).find(|&i| text == DAY_NAMES[i] || text == full[i])
}

/// A set of weekdays (the rest days).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DaySet(u8);

impl Default for DaySet {
    /// Saturday and Sunday.
    fn default() -> Self {
        Self(0b110_0000)
    }
}

impl DaySet {
    pub fn empty() -> Self {
        Self(0)
    }

    /// Parses `sat,sun`, `fri,sat`, `none`. Seven rest days are refused: there
    /// would be no weekend to tell from the week.
    pub fn parse(input: &str) -> Result<Self> {
        let text = input.trim();
        if text.eq_ignore_ascii_case("none") {
            return Ok(Self::empty());
        }
        let mut set = 0u8;
        for part in text.split(',') {
            let day = parse_weekday(part).ok_or_else(|| {
                Error::invalid(
                    "rest_days",
                    text,
                    Problem::NotADay {
                        part: part.trim().to_string(),
                    },
                )
            })?;
            set |= 1 << day;
        }
        if set == 0x7f {
            return Err(Error::invalid("rest_days", text, Problem::NoWorkingDay));
        }
        Ok(Self(set))
    }

    /// Is this weekday (0 = Monday) in the set?
    pub fn contains_index(self, weekday_from_monday: usize) -> bool {
        self.0 & (1 << (weekday_from_monday % 7)) != 0
    }

    pub fn contains(self, date: NaiveDate) -> bool {
        self.contains_index(date.weekday().num_days_from_monday() as usize)
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

impl fmt::Display for DaySet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return write!(f, "none");
        }
        let names: Vec<&str> = (0..7)
            .filter(|&i| self.contains_index(i))
            .map(|i| DAY_NAMES[i])
            .collect();
        write!(f, "{}", names.join(","))
    }
}

/// Seconds of `[start, end)` that fall on rest days (local dates in `tz`).
pub fn rest_day_seconds(start: DateTime<Utc>, end: DateTime<Utc>, rest: DaySet, tz: Tz) -> i64 {
    split_by_local_day(start, end, tz)
        .into_iter()
        .filter(|(date, _)| rest.contains(*date))
        .map(|(_, seconds)| seconds)
        .sum()
}

/// How many weekends back a streak is counted: a year of weekends, more than
/// the largest `weekend_streak_limit` (52). One value for the alerts and the
/// week report, so that both tell the same streak.
pub const STREAK_LOOKBACK_WEEKENDS: usize = 53;

/// One weekend: local dates `first..=last`, i.e. the instants `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Weekend {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Weekend {
    /// The period key of its alerts: `weekend:YYYY-MM-DD` (its first day).
    pub fn period(&self) -> String {
        format!("weekend:{}", self.first)
    }
}

/// The weekend a local date belongs to, if it is a rest day.
pub fn weekend_of(date: NaiveDate, rest: DaySet, tz: Tz) -> Option<Weekend> {
    if !rest.contains(date) {
        return None;
    }
    let mut first = date;
    while rest.contains(first - Duration::days(1)) {
        first -= Duration::days(1);
    }
    let mut last = date;
    while rest.contains(last + Duration::days(1)) {
        last += Duration::days(1);
    }
    let (start, end) = dates_range(first, last, tz);
    Some(Weekend {
        first,
        last,
        start,
        end,
    })
}

/// The latest weekend that has begun at `at` (the one in progress, or the last
/// one before), or `None` without rest days.
pub fn latest_weekend(at: DateTime<Utc>, rest: DaySet, tz: Tz) -> Option<Weekend> {
    if rest.is_empty() {
        return None;
    }
    let mut date = local_date(at, tz);
    for _ in 0..8 {
        if let Some(weekend) = weekend_of(date, rest, tz) {
            return Some(weekend);
        }
        date -= Duration::days(1);
    }
    None
}

/// The weekend before `weekend`.
pub fn previous_weekend(weekend: &Weekend, rest: DaySet, tz: Tz) -> Option<Weekend> {
    latest_weekend(weekend.start - Duration::days(1), rest, tz).and_then(|w| {
        // `start - 1 day` can land inside the same run only if it wraps the whole
        // week, which DaySet forbids; guard anyway.
        (w.first < weekend.first).then_some(w)
    })
}

/// A weekend and the time tracked on it (up to `as_of` for the one in progress).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WeekendStatus {
    pub weekend: Weekend,
    pub tracked_seconds: i64,
    pub worked: bool,
}

/// Tracked seconds in `[from, to)` over `sessions`; a running session counts up to `now`.
pub fn tracked_between(
    sessions: &[Session],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
) -> i64 {
    sessions
        .iter()
        .filter(|s| !s.deleted)
        .map(|s| clipped_seconds(s, (from, to), now))
        .sum()
}

/// The last `count` weekends begun by `as_of`, newest first, with their tracked
/// time. `sessions` must cover them (see [`lookback_start`]).
pub fn weekend_history(
    sessions: &[Session],
    as_of: DateTime<Utc>,
    rest: DaySet,
    weekend_min_seconds: i64,
    tz: Tz,
    count: usize,
) -> Vec<WeekendStatus> {
    let mut out = Vec::with_capacity(count);
    let mut next = latest_weekend(as_of, rest, tz);
    while let Some(weekend) = next {
        if out.len() >= count {
            break;
        }
        let tracked = tracked_between(sessions, weekend.start, weekend.end.min(as_of), as_of);
        out.push(WeekendStatus {
            weekend,
            tracked_seconds: tracked,
            worked: tracked >= weekend_min_seconds,
        });
        next = previous_weekend(&weekend, rest, tz);
    }
    out
}

/// The weekend streak as of an instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Streak {
    /// Consecutive worked weekends ending with the latest one begun (0 when it is free).
    pub count: usize,
    /// The latest weekend begun, with its tracked time.
    pub latest: Option<WeekendStatus>,
}

/// Counts worked weekends back from the latest begun at `as_of` to the last
/// free one, looking back at most `max_weekends`.
pub fn weekend_streak(
    sessions: &[Session],
    as_of: DateTime<Utc>,
    rest: DaySet,
    weekend_min_seconds: i64,
    tz: Tz,
    max_weekends: usize,
) -> Streak {
    let history = weekend_history(sessions, as_of, rest, weekend_min_seconds, tz, max_weekends);
    Streak {
        count: history.iter().take_while(|w| w.worked).count(),
        latest: history.first().copied(),
    }
}

/// The earliest instant whose sessions matter for the last `weekends` weekends
/// begun by `as_of`: load sessions from here on.
pub fn lookback_start(
    as_of: DateTime<Utc>,
    rest: DaySet,
    tz: Tz,
    weekends: usize,
) -> DateTime<Utc> {
    let mut earliest = as_of;
    let mut next = latest_weekend(as_of, rest, tz);
    let mut seen = 0;
    while let Some(weekend) = next {
        if seen >= weekends {
            break;
        }
        earliest = earliest.min(weekend.start);
        seen += 1;
        next = previous_weekend(&weekend, rest, tz);
    }
    earliest
}
