//! When the week summary opens by itself: once, at the end of the user's
//! working week (the end of the last working-hours block of the week's last
//! working day); if the app was not running then, at the next launch during
//! the days off that follow or on the next working day (the "following
//! Monday"), never later and never twice for the same week. Pure: the policy,
//! the last week shown and an instant in, a week out.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::calendar::{day_range, local_date, week_first_day};
use crate::rules::Policy;

/// The end of the working week that starts on `first_day`: its last working
/// day and the end of that day's last block. `None` when the week has no
/// working hours at all (then nothing opens by itself).
pub fn working_week_end(
    policy: &Policy,
    first_day: NaiveDate,
) -> Option<(NaiveDate, DateTime<Utc>)> {
    (0..7).rev().find_map(|offset| {
        let date = first_day + Duration::days(offset);
        let blocks = policy.working_hours.blocks_on(date, policy.timezone);
        blocks.iter().map(|b| b.1).max().map(|end| (date, end))
    })
}

/// The last instant a missed summary may still open: the end of the first
/// working day after `last_working_day`.
fn late_deadline(policy: &Policy, last_working_day: NaiveDate) -> DateTime<Utc> {
    let tz = policy.timezone;
    let next = (1..=7)
        .map(|offset| last_working_day + Duration::days(offset))
        .find(|date| !policy.working_hours.blocks_on(*date, tz).is_empty())
        .unwrap_or(last_working_day + Duration::days(7));
    day_range(next, tz).1
}

/// The week (its first local day) whose summary should open at `now`, if any.
/// `enabled` is the `summary_auto_open` setting; `last_shown` the first day of
/// the last week whose summary was shown (a week at or before it never opens).
pub fn summary_due(
    policy: &Policy,
    enabled: bool,
    last_shown: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Option<NaiveDate> {
    if !enabled {
        return None;
    }
    let current = week_first_day(local_date(now, policy.timezone), policy.week_start);
    // The week just ended comes first; the one before may still be in its
    // late window (a working week ending on Friday, a launch on Monday).
    [current, current - Duration::weeks(1)]
        .into_iter()
        .find(|first_day| {
            let not_shown = last_shown.is_none_or(|shown| shown < *first_day);
            not_shown
                && working_week_end(policy, *first_day).is_some_and(|(last_day, end)| {
                    end <= now && now < late_deadline(policy, last_day)
                })
        })
}

/// The week a review at `now` is about (its first local day): this week once
/// its working week has ended, the previous one before that.
pub fn review_week(policy: &Policy, now: DateTime<Utc>) -> NaiveDate {
    let current = week_first_day(local_date(now, policy.timezone), policy.week_start);
    match working_week_end(policy, current) {
        Some((_, end)) if end <= now => current,
        _ => current - Duration::weeks(1),
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;
    use chrono_tz::Tz;

    use super::*;
    use crate::calendar::WeekStart;
    use crate::rules::WorkingHours;
    use crate::settings::Settings;

    fn policy(zone: Tz, week_start: WeekStart, hours: &str) -> Policy {
        let mut p = Settings::defaults(zone).policy();
        p.week_start = week_start;
        p.working_hours = WorkingHours::parse(hours).unwrap();
        p
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A local wall-clock time in `zone` (unambiguous in these tests).
    fn at(zone: Tz, s: &str) -> DateTime<Utc> {
        let naive = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
        zone.from_local_datetime(&naive)
            .unwrap()
            .with_timezone(&Utc)
    }

    const PARIS: Tz = chrono_tz::Europe::Paris;
    const WEEKDAYS: &str = "mon-fri 09:00-12:30,13:30-18:00; sat-sun off";

    #[test]
    fn a_normal_week_opens_at_the_end_of_fridays_last_block() {
        let p = policy(PARIS, WeekStart::Monday, WEEKDAYS);
        let week = date("2026-11-23");
        let due = |s: &str| summary_due(&p, true, None, at(PARIS, s));
        assert_eq!(due("2026-11-27 17:59:59"), None);
        assert_eq!(due("2026-11-27 18:00:00"), Some(week));
        assert_eq!(due("2026-11-28 10:00:00"), Some(week));
        assert_eq!(due("2026-11-29 23:59:59"), Some(week));
        // The following Monday, all day; not on Tuesday.
        assert_eq!(due("2026-11-30 08:00:00"), Some(week));
        assert_eq!(due("2026-11-30 23:59:59"), Some(week));
        assert_eq!(due("2026-12-01 00:00:00"), None);
        // Mid-week: nothing.
        assert_eq!(due("2026-11-25 12:00:00"), None);
        // Off by setting.
        assert_eq!(
            summary_due(&p, false, None, at(PARIS, "2026-11-27 18:00:00")),
            None
        );
    }

    #[test]
    fn never_twice_for_the_same_week() {
        let p = policy(PARIS, WeekStart::Monday, WEEKDAYS);
        let shown = Some(date("2026-11-23"));
        let now = at(PARIS, "2026-11-28 10:00:00");
        assert_eq!(summary_due(&p, true, shown, now), None);
        // An older week shown does not stop this one.
        assert_eq!(
            summary_due(&p, true, Some(date("2026-11-16")), now),
            Some(date("2026-11-23"))
        );
        // A later week shown (a summary opened by hand) stops the older one.
        assert_eq!(
            summary_due(
                &p,
                true,
                Some(date("2026-11-30")),
                at(PARIS, "2026-11-30 09:00:00")
            ),
            None
        );
    }

    #[test]
    fn a_sunday_start_week_opens_on_friday_and_still_on_sunday_and_monday() {
        let p = policy(PARIS, WeekStart::Sunday, WEEKDAYS);
        // The week of Sunday 22 November to Saturday 28 November.
        let week = date("2026-11-22");
        let due = |s: &str| summary_due(&p, true, None, at(PARIS, s));
        assert_eq!(due("2026-11-27 17:59:59"), None);
        assert_eq!(due("2026-11-27 18:00:00"), Some(week));
        // Sunday 29 already belongs to the next week, yet the summary of the
        // week just ended is still due, as on Monday.
        assert_eq!(due("2026-11-29 11:00:00"), Some(week));
        assert_eq!(due("2026-11-30 17:00:00"), Some(week));
        assert_eq!(due("2026-12-01 09:00:00"), None);
    }

    #[test]
    fn a_dst_week_follows_the_local_clock() {
        // Europe/Paris leaves summer time on Sunday 25 October 2026 at 03:00.
        let p = policy(PARIS, WeekStart::Monday, WEEKDAYS);
        let week = date("2026-10-19");
        let utc = |s: &str| {
            let naive = chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap();
            Utc.from_utc_datetime(&naive)
        };
        // Friday 18:00 CEST is 16:00 UTC.
        assert_eq!(
            summary_due(&p, true, None, utc("2026-10-23 15:59:59")),
            None
        );
        assert_eq!(
            summary_due(&p, true, None, utc("2026-10-23 16:00:00")),
            Some(week)
        );
        // Monday ends at midnight CET, 23:00 UTC.
        assert_eq!(
            summary_due(&p, true, None, utc("2026-10-26 22:59:59")),
            Some(week)
        );
        assert_eq!(
            summary_due(&p, true, None, utc("2026-10-26 23:00:00")),
            None
        );
    }

    #[test]
    fn working_hours_ending_on_thursday_open_on_thursday_evening() {
        let p = policy(PARIS, WeekStart::Monday, "mon-thu 08:00-17:00; fri-sun off");
        let week = date("2026-11-23");
        let due = |s: &str| summary_due(&p, true, None, at(PARIS, s));
        assert_eq!(due("2026-11-26 16:59:59"), None);
        assert_eq!(due("2026-11-26 17:00:00"), Some(week));
        assert_eq!(due("2026-11-27 12:00:00"), Some(week));
        assert_eq!(due("2026-11-30 16:00:00"), Some(week));
        assert_eq!(due("2026-12-01 08:00:00"), None);
        assert_eq!(
            working_week_end(&p, week).map(|e| e.0),
            Some(date("2026-11-26"))
        );
    }

    #[test]
    fn a_week_without_working_hours_never_opens_by_itself() {
        let p = policy(PARIS, WeekStart::Monday, "mon-sun off");
        assert_eq!(working_week_end(&p, date("2026-11-23")), None);
        for s in [
            "2026-11-27 18:00:00",
            "2026-11-29 23:00:00",
            "2026-11-30 09:00:00",
        ] {
            assert_eq!(summary_due(&p, true, None, at(PARIS, s)), None, "{s}");
        }
        assert_eq!(
            review_week(&p, at(PARIS, "2026-11-28 10:00:00")),
            date("2026-11-16")
        );
    }

    #[test]
    fn a_week_working_until_sunday_midnight_opens_until_monday_night() {
        let p = policy(PARIS, WeekStart::Monday, "mon-sun 10:00-24:00");
        let week = date("2026-11-23");
        let due = |s: &str| summary_due(&p, true, None, at(PARIS, s));
        assert_eq!(due("2026-11-29 23:59:59"), None);
        assert_eq!(due("2026-11-30 00:00:00"), Some(week));
        assert_eq!(due("2026-11-30 23:59:59"), Some(week));
        assert_eq!(due("2026-12-01 00:00:00"), None);
    }

    #[test]
    fn the_app_not_running_at_the_end_opens_saturday_or_monday_but_not_tuesday() {
        let p = policy(PARIS, WeekStart::Monday, WEEKDAYS);
        let week = date("2026-11-23");
        // First launch Saturday: due; shown then, not again on Monday.
        let saturday = at(PARIS, "2026-11-28 09:30:00");
        assert_eq!(summary_due(&p, true, None, saturday), Some(week));
        assert_eq!(
            summary_due(&p, true, Some(week), at(PARIS, "2026-11-30 09:00:00")),
            None
        );
        // First launch Monday: still due. First launch Tuesday: too late.
        let previous = Some(date("2026-11-16"));
        assert_eq!(
            summary_due(&p, true, previous, at(PARIS, "2026-11-30 09:00:00")),
            Some(week)
        );
        assert_eq!(
            summary_due(&p, true, previous, at(PARIS, "2026-12-01 09:00:00")),
            None
        );
    }

    #[test]
    fn the_week_under_review_is_the_last_ended_one() {
        let p = policy(PARIS, WeekStart::Monday, WEEKDAYS);
        assert_eq!(
            review_week(&p, at(PARIS, "2026-11-27 18:00:00")),
            date("2026-11-23")
        );
        assert_eq!(
            review_week(&p, at(PARIS, "2026-11-27 17:00:00")),
            date("2026-11-16")
        );
        assert_eq!(
            review_week(&p, at(PARIS, "2026-11-30 09:00:00")),
            date("2026-11-23")
        );
    }
}
