//! The boundaries: caps, working hours, weekends, planned lengths. Pure
//! functions of (sessions, clients, a [`Policy`], now): no database, no clock,
//! no settings, no wording. They return facts (kinds, figures, periods); the
//! sentences are the catalogue's (`messages`), chosen by the caller.
//!
//! Everything is computed in the configured zone, DST-correct; a session that
//! crosses midnight, the week start or a working-hours edge is split there.
//!
//! The functions the week report uses (stable):
//! - [`WorkingHours::off_hours_seconds`] / [`off_hours_seconds`]: seconds of an interval outside working hours;
//! - [`rest_day_seconds`]: seconds of an interval on rest days;
//! - [`weekend_history`], [`weekend_streak`], [`latest_weekend`]: weekends and the streak as of an instant;
//! - [`cap_usage`], [`tracked_seconds`], [`week_caps`]: cap usage for the week.

mod caps;
mod drift;
mod evaluate;
mod hours;
pub mod messages;
mod policy;
mod weekends;

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

pub use caps::{
    CapLevel, CapUsage, cap_usage, crossing_instant, tracked_seconds, warn_threshold_seconds,
};
pub use drift::{planned_exceeded_at, planned_overrun};
pub use evaluate::{
    Crossing, Inputs, Projection, Refusal, evaluate, lookback_from, next_crossing_at, project,
    reminder_due, start_refusals,
};
pub use hours::{Block, WorkingHours};
pub use policy::Policy;
pub use weekends::{
    DaySet, STREAK_LOOKBACK_WEEKENDS, Streak, Weekend, WeekendStatus, latest_weekend,
    lookback_start, previous_weekend, rest_day_seconds, weekend_history, weekend_of,
    weekend_streak,
};

use crate::calendar::{local_date, week_range};
use crate::model::{Client, Session};

/// The kinds of alert, as stored and shown in JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlertKind {
    WeeklyCapWarning,
    WeeklyCapReached,
    ClientCapWarning,
    ClientCapReached,
    OffHours,
    WeekendStreak,
    PlannedExceeded,
}

impl AlertKind {
    pub const ALL: [Self; 7] = [
        Self::WeeklyCapWarning,
        Self::WeeklyCapReached,
        Self::ClientCapWarning,
        Self::ClientCapReached,
        Self::OffHours,
        Self::WeekendStreak,
        Self::PlannedExceeded,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::WeeklyCapWarning => "weekly_cap_warning",
            Self::WeeklyCapReached => "weekly_cap_reached",
            Self::ClientCapWarning => "client_cap_warning",
            Self::ClientCapReached => "client_cap_reached",
            Self::OffHours => "off_hours",
            Self::WeekendStreak => "weekend_streak",
            Self::PlannedExceeded => "planned_exceeded",
        }
    }

    /// A crossed boundary (red), rather than an approaching one (amber).
    pub fn is_crossed(self) -> bool {
        !matches!(self, Self::WeeklyCapWarning | Self::ClientCapWarning)
    }
}

impl fmt::Display for AlertKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AlertKind {
    type Err = crate::Error;
    fn from_str(s: &str) -> crate::Result<Self> {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| {
                crate::error::DatabaseError::UnknownAlertKind {
                    value: s.to_string(),
                }
                .into()
            })
    }
}

/// Seconds of `[start, end)` outside the working hours.
pub fn off_hours_seconds(start: DateTime<Utc>, end: DateTime<Utc>, policy: &Policy) -> i64 {
    policy
        .working_hours
        .off_hours_seconds(start, end, policy.timezone)
}

/// The local week containing `at`, as `[start, end)` instants.
pub fn week_of(at: DateTime<Utc>, policy: &Policy) -> (DateTime<Utc>, DateTime<Utc>) {
    let tz = policy.timezone;
    week_range(local_date(at, tz), policy.week_start, tz)
}

/// The period key of a week's alerts: `week:YYYY-MM-DD` (its first day).
pub fn week_period(at: DateTime<Utc>, policy: &Policy) -> String {
    let tz = policy.timezone;
    format!(
        "week:{}",
        crate::calendar::week_first_day(local_date(at, tz), policy.week_start)
    )
}

/// One client's cap usage for a week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientCapUsage {
    pub client_id: Uuid,
    pub client_name: String,
    pub usage: CapUsage,
}

/// Cap usage of the week `[week_start, week_end)` as of `now`: the weekly cap
/// (if set) and each client with a cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekCaps {
    pub tracked_seconds: i64,
    pub weekly: Option<CapUsage>,
    pub clients: Vec<ClientCapUsage>,
}

/// Cap usage for the week `[week_start, week_end)`; `sessions` must cover it.
pub fn week_caps(
    sessions: &[Session],
    clients: &[Client],
    policy: &Policy,
    week: (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
) -> WeekCaps {
    let (from, to) = week;
    let tracked = tracked_seconds(sessions, from, to, now, None);
    WeekCaps {
        tracked_seconds: tracked,
        weekly: policy
            .weekly_cap
            .map(|cap| cap_usage(tracked, cap, policy.warn_at)),
        clients: clients
            .iter()
            .filter_map(|c| {
                let cap = c.cap_seconds?;
                let used = tracked_seconds(sessions, from, to, now, Some(c.id));
                Some(ClientCapUsage {
                    client_id: c.id,
                    client_name: c.name.clone(),
                    usage: cap_usage(used, cap, policy.warn_at),
                })
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
