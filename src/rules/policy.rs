//! The rules' inputs from the user's settings: the boundaries and the calendar
//! they are told in, and nothing else (no locale, no currency, no wording).
//! `Settings::policy()` builds one; the rules never see the settings.

use chrono_tz::Tz;

use super::hours::WorkingHours;
use super::weekends::DaySet;
use crate::calendar::WeekStart;

/// The boundaries the user set once, and the calendar they are told in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The IANA zone days, weeks, weekends and working hours are told in.
    pub timezone: Tz,
    pub week_start: WeekStart,
    /// Seconds per week; `None`: no weekly cap.
    pub weekly_cap: Option<i64>,
    /// Percent of a cap at which the warning fires (1–100).
    pub warn_at: u8,
    pub working_hours: WorkingHours,
    pub rest_days: DaySet,
    /// Less than this on a weekend and it still counts as free (seconds).
    pub weekend_min: i64,
    /// The number of worked weekends in a row that fires `weekend_streak`.
    pub weekend_streak_limit: u32,
    /// How often a reminder repeats while a timer runs past a boundary; `None`: never.
    pub nag_every: Option<i64>,
}
