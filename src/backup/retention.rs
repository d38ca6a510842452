//! Which daily backups stay: every one of the last 7 days, plus the newest of
//! each of the last 8 weeks (Monday-start weeks, the current one included).
//! A pure function of the dates and today: tested with a fixed clock.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate};

pub const DAILY_DAYS: i64 = 7;
pub const WEEKLY_WEEKS: i64 = 8;

fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// The dates to keep among `dates`. A date after today (the clock went back)
/// is kept: nothing is deleted on a clock's word that it is old.
pub fn keep(dates: &[NaiveDate], today: NaiveDate) -> BTreeSet<NaiveDate> {
    let first_daily = today - Duration::days(DAILY_DAYS - 1);
    let first_week = monday_of(today) - Duration::weeks(WEEKLY_WEEKS - 1);
    let mut kept: BTreeSet<NaiveDate> = dates
        .iter()
        .copied()
        .filter(|d| *d >= first_daily)
        .collect();
    let mut newest_per_week = std::collections::BTreeMap::new();
    for date in dates.iter().copied().filter(|d| *d >= first_week) {
        let newest = newest_per_week.entry(monday_of(date)).or_insert(date);
        if date > *newest {
            *newest = date;
        }
    }
    kept.extend(newest_per_week.into_values());
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
    }

    fn every_day(from: &str, to: &str) -> Vec<NaiveDate> {
        d(from).iter_days().take_while(|x| *x <= d(to)).collect()
    }

    #[test]
    fn a_year_of_daily_backups_keeps_seven_days_and_eight_weeks() {
        // Friday 2026-11-27; its week starts Monday 2026-11-23.
        let today = d("2026-11-27");
        let kept = keep(&every_day("2025-11-27", "2026-11-27"), today);
        let mut expected: BTreeSet<NaiveDate> =
            every_day("2026-11-21", "2026-11-27").into_iter().collect();
        // The Sundays ending the 7 weeks before this one (this week's newest is today).
        for sunday in [
            "2026-10-11",
            "2026-10-18",
            "2026-10-25",
            "2026-11-01",
            "2026-11-08",
            "2026-11-15",
            "2026-11-22",
        ] {
            expected.insert(d(sunday));
        }
        assert_eq!(kept, expected);
        assert_eq!(kept.len(), 7 + 6); // 11-21 and 11-22 are both daily and weekly
    }

    #[test]
    fn gaps_keep_the_newest_of_each_week() {
        let today = d("2026-11-27");
        // Wednesday and Thursday of a week five weeks ago; one day 9 weeks ago.
        let dates = [d("2026-10-21"), d("2026-10-22"), d("2026-09-23"), today];
        let kept = keep(&dates, today);
        assert_eq!(kept, [d("2026-10-22"), today].into_iter().collect());
    }

    #[test]
    fn the_day_after_a_week_boundary_moves_the_windows() {
        let dates = every_day("2026-10-01", "2026-11-30");
        let monday = keep(&dates, d("2026-11-30"));
        assert!(monday.contains(&d("2026-11-24")), "7 days back");
        assert!(!monday.contains(&d("2026-11-23")), "a Monday 8 days back");
        assert!(monday.contains(&d("2026-10-18")), "the 8th week's newest");
        assert!(!monday.contains(&d("2026-10-11")), "9 weeks back");
    }

    #[test]
    fn future_dates_are_kept() {
        let today = d("2026-11-27");
        let kept = keep(&[d("2027-01-01"), d("2020-01-01")], today);
        assert_eq!(kept, [d("2027-01-01")].into_iter().collect());
    }

    #[test]
    fn pruning_every_day_for_a_year_still_covers_the_windows() {
        // Each day: one backup, then prune with what survived the day before.
        let mut dates: Vec<NaiveDate> = Vec::new();
        for today in every_day("2026-01-01", "2026-12-31") {
            dates.push(today);
            let kept = keep(&dates, today);
            dates.retain(|x| kept.contains(x));
            assert!(
                dates.len() <= (DAILY_DAYS + WEEKLY_WEEKS) as usize,
                "{today}"
            );
            for back in 0..DAILY_DAYS.min((today - d("2026-01-01")).num_days() + 1) {
                assert!(
                    dates.contains(&(today - Duration::days(back))),
                    "{today} -{back}d"
                );
            }
            let this_monday = monday_of(today);
            for week in 0..WEEKLY_WEEKS {
                let monday = this_monday - Duration::weeks(week);
                if monday < d("2026-01-05") {
                    break; // before the first whole week of backups
                }
                assert!(
                    dates.iter().any(|x| monday_of(*x) == monday),
                    "{today}: nothing left for the week of {monday}"
                );
            }
        }
    }
}
