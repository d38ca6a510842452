//! The boundary facts of a week, as the summary shows them. The rules
//! (`crate::rules`) decide what counts as off-hours, rest days and worked
//! weekends; this module only gathers their answers for the report.

use std::collections::HashMap;

use serde::Serialize;
use uuid::Uuid;

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
