//! Caps: tracked time this week against the weekly cap and each client's cap.
//! Thresholds are crossed at ≥, in integer arithmetic: `tracked*100 >= cap*warn_at`.
//! Tracked time includes non-billable time and the running timer.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::model::Session;
use crate::window::{clip, clipped_seconds};

/// Where tracked time stands against a cap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum CapLevel {
    Below,
    Warning,
    Reached,
}

/// A cap and the time tracked against it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CapUsage {
    pub tracked_seconds: i64,
    pub cap_seconds: i64,
    /// Whole percent, rounded down.
    pub percent: i64,
    pub level: CapLevel,
}

/// Compares tracked time with a cap and a warn percentage.
pub fn cap_usage(tracked_seconds: i64, cap_seconds: i64, warn_at: u8) -> CapUsage {
    let cap = cap_seconds.max(1);
    let level = if tracked_seconds >= cap {
        CapLevel::Reached
    } else if tracked_seconds * 100 >= cap * i64::from(warn_at) {
        CapLevel::Warning
    } else {
        CapLevel::Below
    };
    CapUsage {
        tracked_seconds,
        cap_seconds: cap,
        percent: tracked_seconds * 100 / cap,
        level,
    }
}

/// The smallest tracked time that reaches the warning: `ceil(cap*warn_at/100)`.
pub fn warn_threshold_seconds(cap_seconds: i64, warn_at: u8) -> i64 {
    let product = cap_seconds * i64::from(warn_at);
    (product + 99) / 100
}

/// Seconds tracked in `[from, to)` (a week), optionally for one client. A
/// running session counts up to `now`; sessions are clipped to the range.
pub fn tracked_seconds(
    sessions: &[Session],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    now: DateTime<Utc>,
    client: Option<Uuid>,
) -> i64 {
    sessions
        .iter()
        .filter(|s| !s.deleted && client.is_none_or(|c| s.client_id == c))
        .map(|s| clipped_seconds(s, (from, to), now))
        .sum()
}

/// The instant tracked time in `[from, to)` reaches `threshold_seconds`,
/// assuming the running session (if any) keeps running; `None` if that does
/// not happen before `to`. May be in the past (the crossing already happened).
pub fn crossing_instant(
    sessions: &[Session],
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    threshold_seconds: i64,
    client: Option<Uuid>,
) -> Option<DateTime<Utc>> {
    let mut relevant: Vec<&Session> = sessions
        .iter()
        .filter(|s| !s.deleted && client.is_none_or(|c| s.client_id == c))
        .collect();
    relevant.sort_by_key(|s| s.start);
    let mut accumulated = 0i64;
    for s in relevant {
        // A running session is assumed to keep running to the end of the range.
        let Some((start, end)) = clip(s, (from, to), to) else {
            continue;
        };
        let length = (end - start).num_seconds();
        if accumulated + length >= threshold_seconds {
            return Some(start + Duration::seconds((threshold_seconds - accumulated).max(0)));
        }
        accumulated += length;
    }
    None
}
