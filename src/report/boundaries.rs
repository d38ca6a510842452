//! The boundary facts of a week, as the summary shows them. The rules
//! (`crate::rules`) decide what counts as off-hours, rest days and worked
//! weekends; this module only gathers their answers for the report.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use super::clip::{Window, clip};
use crate::model::Session;
use crate::rules::{self, Policy};

/// How far back the weekend streak is counted: the rules' own value.
pub use crate::rules::STREAK_LOOKBACK_WEEKENDS;

/// What the rules say about the reported week.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Boundaries {
    /// Seconds outside working hours this week.
    pub off_hours_seconds: i64,
    /// Seconds on rest days this week (may overlap `off_hours_seconds`).
    pub rest_day_seconds: i64,
    /// Consecutive worked weekends at the end of the week.
    pub weekend_streak: u32,
    pub weekly_cap_seconds: Option<i64>,
    pub overrides: Vec<OverrideLine>,
    pub alerts: Vec<AlertLine>,
    /// Per client, seconds outside working hours over the health window.
    pub health_off_hours: HashMap<Uuid, i64>,
    /// Per client, this week's seconds outside working hours and on rest days.
    pub week_by_client: HashMap<Uuid, (i64, i64)>,
}

/// A boundary crossed on purpose during the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverrideLine {
    /// RFC 3339 in the configured zone.
    pub at: String,
    pub client: Option<String>,
    /// The alert kinds that were overridden.
    pub boundaries: Vec<String>,
    pub reason: String,
}

/// An alert fired during the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AlertLine {
    pub kind: String,
    pub client: Option<String>,
    pub period: String,
    /// RFC 3339 in the configured zone.
    pub fired_at: String,
    pub message: String,
}

impl Boundaries {
    /// Asks the rules about the week `week` (and, per client, about the health
    /// window). `sessions` must cover both and [`streak_lookback`]; overrides
    /// and alerts come from the store and are left empty here.
    pub fn from_rules(
        sessions: &[Session],
        policy: &Policy,
        week: Window,
        health: Window,
        now: DateTime<Utc>,
    ) -> Self {
        let tz = policy.timezone;
        let mut off_hours_seconds = 0;
        let mut rest_day_seconds = 0;
        let mut health_off_hours: HashMap<Uuid, i64> = HashMap::new();
        let mut week_by_client: HashMap<Uuid, (i64, i64)> = HashMap::new();
        for session in sessions {
            if let Some((start, end)) = clip(session, week, now) {
                let off = rules::off_hours_seconds(start, end, policy);
                let rest = rules::rest_day_seconds(start, end, policy.rest_days, tz);
                off_hours_seconds += off;
                rest_day_seconds += rest;
                let row = week_by_client.entry(session.client_id).or_default();
                row.0 += off;
                row.1 += rest;
            }
            if let Some((start, end)) = clip(session, health, now) {
                *health_off_hours.entry(session.client_id).or_default() +=
                    rules::off_hours_seconds(start, end, policy);
            }
        }
        let streak = rules::weekend_streak(
            sessions,
            streak_as_of(week, now),
            policy.rest_days,
            policy.weekend_min,
            tz,
            STREAK_LOOKBACK_WEEKENDS,
        );
        Self {
            off_hours_seconds,
            rest_day_seconds,
            weekend_streak: u32::try_from(streak.count).unwrap_or(u32::MAX),
            weekly_cap_seconds: policy.weekly_cap,
            overrides: Vec::new(),
            alerts: Vec::new(),
            health_off_hours,
            week_by_client,
        }
    }
}

/// The streak is told as of the end of the week (or now, for the current week).
fn streak_as_of(week: Window, now: DateTime<Utc>) -> DateTime<Utc> {
    week.1.min(now)
}

/// The earliest instant whose sessions the streak needs.
pub fn streak_lookback(week: Window, now: DateTime<Utc>, policy: &Policy) -> DateTime<Utc> {
    rules::lookback_start(
        streak_as_of(week, now),
        policy.rest_days,
        policy.timezone,
        STREAK_LOOKBACK_WEEKENDS,
    )
}
