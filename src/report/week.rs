//! The end-of-week summary as plain data: the grid, the totals, the boundaries,
//! the comparison with earlier weeks and the client-health signals. Rendering
//! is the front ends' job.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::amounts::Amounts;
use super::boundaries::{AlertLine, Boundaries, OverrideLine};
use super::clip::{Slice, Window};
use super::grid::{ClientWeek, client_weeks, day_totals};
use super::health::{ClientHealth, HEALTH_WEEKS, HealthInput, client_health};
use super::trend::{TREND_WEEKS, Trend, trend};
use crate::calendar::{WeekStart, day_start, week_first_day};
use crate::model::{Client, Session};
use crate::rules::{CapLevel, cap_usage};

/// The week summary. Keys are stable (scripts and the desktop app read them).
#[derive(Debug, Clone, Serialize)]
pub struct WeekReport {
    /// ISO-style label of the week, `2026-W48`.
    pub week: String,
    /// First and last local dates of the week (both included).
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub timezone: String,
    /// The seven dates, in grid order.
    pub dates: Vec<NaiveDate>,
    pub total_seconds: i64,
    pub billable_seconds: i64,
    pub amounts: Amounts,
    /// The grid's totals row: all clients' seconds per day.
    pub day_totals: Vec<i64>,
    pub weekly_cap_seconds: Option<i64>,
    pub weekly_cap_used_percent: Option<i64>,
    pub weekly_cap_level: Option<CapLevel>,
    pub clients: Vec<ClientWeek>,
    pub off_hours_seconds: i64,
    pub rest_day_seconds: i64,
    /// Consecutive worked weekends at the end of the week.
    pub weekend_streak: u32,
    pub overrides: Vec<OverrideLine>,
    pub alerts: Vec<AlertLine>,
    pub previous_week: WeekTotals,
    pub trend: Trend,
    pub health: Vec<ClientHealth>,
    /// Time answered as not work this week (away, discarded): not in any total.
    pub discarded_seconds: i64,
}

/// The headline totals of a week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekTotals {
    pub week: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub total_seconds: i64,
    pub billable_seconds: i64,
    pub amounts: Amounts,
    pub weekly_cap_used_percent: Option<i64>,
    pub weekly_cap_level: Option<CapLevel>,
}

/// The local weeks around a date, as UTC windows.
#[derive(Debug, Clone)]
pub struct WeekWindows {
    pub first_day: NaiveDate,
    pub dates: Vec<NaiveDate>,
    pub week: (DateTime<Utc>, DateTime<Utc>),
    pub previous: (DateTime<Utc>, DateTime<Utc>),
    /// The trend's weeks, oldest first, the reported week last.
    pub trend: Vec<(String, Window)>,
    /// The health signals' 4 weeks.
    pub health: (DateTime<Utc>, DateTime<Utc>),
    /// Everything the report reads: the 8 weeks.
    pub all: (DateTime<Utc>, DateTime<Utc>),
}

impl WeekWindows {
    pub fn around(date: NaiveDate, week_start: WeekStart, tz: Tz) -> Self {
        let first_day = week_first_day(date, week_start);
        let week_of = |weeks_back: i64| {
            let first = first_day - Duration::weeks(weeks_back);
            (
                week_label(first),
                (
                    day_start(first, tz),
                    day_start(first + Duration::days(7), tz),
                ),
            )
        };
        let trend: Vec<_> = (0..TREND_WEEKS as i64).rev().map(week_of).collect();
        let week = week_of(0).1;
        let oldest = week_of(TREND_WEEKS as i64 - 1).1;
        Self {
            first_day,
            dates: (0..7).map(|i| first_day + Duration::days(i)).collect(),
            week,
            previous: week_of(1).1,
            trend,
            health: (week_of(HEALTH_WEEKS - 1).1.0, week.1),
            all: (oldest.0, week.1),
        }
    }
}

/// `2026-W48`: the ISO week of the week's fourth day, so that Sunday-start weeks
/// get the label of the Monday-start week they mostly overlap.
pub fn week_label(first_day: NaiveDate) -> String {
    (first_day + Duration::days(3)).format("%G-W%V").to_string()
}

/// What the summary is computed from (no store, no clock).
#[derive(Debug)]
pub struct WeekInput<'a> {
    pub windows: &'a WeekWindows,
    pub tz: Tz,
    pub now: DateTime<Utc>,
    pub clients: &'a [Client],
    /// Every session overlapping `windows.all` (more is harmless: all is clipped).
    pub sessions: &'a [Session],
    /// The cap warning percentage (the `warn_at` setting).
    pub warn_at: u8,
    pub health_tags: &'a [String],
    /// The language of the health flags' sentences.
    pub locale: crate::i18n::Locale,
}

/// Computes the summary from sessions and the boundary facts.
pub fn compute_week(input: &WeekInput<'_>, boundaries: Boundaries) -> WeekReport {
    let w = input.windows;
    let mut clients = client_weeks(
        input.sessions,
        input.clients,
        (w.week, &w.dates),
        input.now,
        input.tz,
        input.warn_at,
    );
    for row in &mut clients {
        let id = input
            .clients
            .iter()
            .find(|c| c.name == row.name)
            .map(|c| c.id);
        (row.off_hours_seconds, row.rest_day_seconds) = id
            .and_then(|id| boundaries.week_by_client.get(&id))
            .copied()
            .unwrap_or((0, 0));
    }
    let cap = boundaries.weekly_cap_seconds;
    let this_week = totals_of(input, w.first_day, w.week, cap);
    let previous_week = totals_of(input, w.first_day - Duration::weeks(1), w.previous, cap);
    let health = client_health(&HealthInput {
        sessions: input.sessions,
        clients: input.clients,
        window: w.health,
        now: input.now,
        off_hours_seconds: &boundaries.health_off_hours,
        tags: input.health_tags,
        locale: input.locale,
    });
    WeekReport {
        week: this_week.week,
        start: this_week.start,
        end: this_week.end,
        timezone: input.tz.name().to_string(),
        dates: w.dates.clone(),
        total_seconds: this_week.total_seconds,
        billable_seconds: this_week.billable_seconds,
        amounts: this_week.amounts,
        day_totals: day_totals(&clients, w.dates.len()),
        weekly_cap_seconds: cap,
        weekly_cap_used_percent: this_week.weekly_cap_used_percent,
        weekly_cap_level: this_week.weekly_cap_level,
        clients,
        off_hours_seconds: boundaries.off_hours_seconds,
        rest_day_seconds: boundaries.rest_day_seconds,
        weekend_streak: boundaries.weekend_streak,
        overrides: boundaries.overrides,
        alerts: boundaries.alerts,
        previous_week,
        trend: trend(input.sessions, input.clients, &w.trend, input.now),
        health,
        discarded_seconds: 0,
    }
}

fn totals_of(
    input: &WeekInput<'_>,
    first_day: NaiveDate,
    window: (DateTime<Utc>, DateTime<Utc>),
    cap: Option<i64>,
) -> WeekTotals {
    let mut total = 0;
    let mut billable = 0;
    let mut amounts = Amounts::default();
    for session in input.sessions {
        let slice = Slice::of(session, window, input.now);
        if slice.seconds > 0 {
            total += slice.seconds;
            billable += slice.billable_seconds;
            amounts.add(session.currency, slice.amount_minor);
        }
    }
    let usage = cap.map(|c| cap_usage(total, c, input.warn_at));
    WeekTotals {
        week: week_label(first_day),
        start: first_day,
        end: first_day + Duration::days(6),
        total_seconds: total,
        billable_seconds: billable,
        amounts,
        weekly_cap_used_percent: usage.map(|u| u.percent),
        weekly_cap_level: usage.map(|u| u.level),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_labels_follow_iso_weeks_for_both_week_starts() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(week_label(d("2026-11-23")), "2026-W48"); // Monday start
        assert_eq!(week_label(d("2026-11-22")), "2026-W48"); // Sunday start, same week
        assert_eq!(week_label(d("2026-12-28")), "2026-W53");
        assert_eq!(week_label(d("2027-01-04")), "2027-W01");
        let w = WeekWindows::around(d("2026-11-25"), WeekStart::Sunday, chrono_tz::UTC);
        assert_eq!(w.first_day, d("2026-11-22"));
        assert_eq!(w.trend.len(), TREND_WEEKS);
        assert_eq!(w.trend.last().map(|t| t.1), Some(w.week));
        assert_eq!((w.health.1 - w.health.0).num_days(), 28);
    }
}
