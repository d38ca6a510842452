//! Local days and weeks in an explicit IANA zone, DST-correct. The one module that
//! turns UTC instants into the user's calendar.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveTime, TimeZone, Utc, Weekday,
};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

/// The first day of the user's week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekStart {
    Monday,
    Sunday,
}

impl WeekStart {
    pub fn weekday(self) -> Weekday {
        match self {
            Self::Monday => Weekday::Mon,
            Self::Sunday => Weekday::Sun,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Monday => "monday",
            Self::Sunday => "sunday",
        }
    }
}

/// The first instant of a local calendar day. Where midnight does not exist
/// (a DST jump at 00:00), the day starts at the first local time that does.
pub fn day_start(date: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let mut time = NaiveTime::MIN;
    // A gap is at most a few hours; step by 15 minutes, the finest real offset grid.
    for _ in 0..(4 * 24) {
        match tz.from_local_datetime(&date.and_time(time)) {
            LocalResult::Single(t) => return t.with_timezone(&Utc),
            LocalResult::Ambiguous(earliest, _) => return earliest.with_timezone(&Utc),
            LocalResult::None => time += Duration::minutes(15),
        }
    }
    // Unreachable for real zones; fall back to UTC midnight rather than panic.
    date.and_time(NaiveTime::MIN).and_utc()
}

/// `[start, end)` of a local day; 23, 24 or 25 hours long.
pub fn day_range(date: NaiveDate, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
    let next = date.succ_opt().unwrap_or(date);
    (day_start(date, tz), day_start(next, tz))
}

/// The local date of an instant.
pub fn local_date(at: DateTime<Utc>, tz: Tz) -> NaiveDate {
    at.with_timezone(&tz).date_naive()
}

/// The first day of the week containing `date`.
pub fn week_first_day(date: NaiveDate, week_start: WeekStart) -> NaiveDate {
    let back = (7 + date.weekday().num_days_from_monday()
        - week_start.weekday().num_days_from_monday())
        % 7;
    date - Duration::days(i64::from(back))
}

/// `[start, end)` of the local week containing `date`; 167, 168 or 169 hours long.
pub fn week_range(
    date: NaiveDate,
    week_start: WeekStart,
    tz: Tz,
) -> (DateTime<Utc>, DateTime<Utc>) {
    let first = week_first_day(date, week_start);
    (
        day_start(first, tz),
        day_start(first + Duration::days(7), tz),
    )
}

/// `[start, end)` covering the local dates `from..=to`.
pub fn dates_range(from: NaiveDate, to: NaiveDate, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
    (day_start(from, tz), day_start(to + Duration::days(1), tz))
}

/// Splits `[start, end)` at each local midnight: the seconds that fall on each local date.
pub fn split_by_local_day(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    tz: Tz,
) -> Vec<(NaiveDate, i64)> {
    let mut parts = Vec::new();
    if end <= start {
        return parts;
    }
    let mut date = local_date(start, tz);
    let mut cursor = start;
    while cursor < end {
        let (_, day_end) = day_range(date, tz);
        let piece_end = day_end.min(end);
        let seconds = (piece_end - cursor).num_seconds();
        if seconds > 0 {
            parts.push((date, seconds));
        }
        cursor = piece_end;
        date = date.succ_opt().unwrap_or(date);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America::New_York, Europe::Paris};

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn dst_days_have_23_and_25_hours() {
        let (s, e) = day_range(d("2026-03-29"), Paris);
        assert_eq!((e - s).num_hours(), 23);
        let (s, e) = day_range(d("2026-10-25"), Paris);
        assert_eq!((e - s).num_hours(), 25);
        let (s, e) = day_range(d("2026-03-08"), New_York);
        assert_eq!((e - s).num_hours(), 23);
    }

    #[test]
    fn dst_weeks_have_167_and_169_hours() {
        let (s, e) = week_range(d("2026-03-25"), WeekStart::Monday, Paris);
        assert_eq!((e - s).num_hours(), 167);
        let (s, e) = week_range(d("2026-10-25"), WeekStart::Monday, Paris);
        assert_eq!((e - s).num_hours(), 169);
    }

    #[test]
    fn week_start_sunday_and_monday() {
        // 2026-11-28 is a Saturday.
        assert_eq!(
            week_first_day(d("2026-11-28"), WeekStart::Monday),
            d("2026-11-23")
        );
        assert_eq!(
            week_first_day(d("2026-11-28"), WeekStart::Sunday),
            d("2026-11-22")
        );
        assert_eq!(
            week_first_day(d("2026-11-22"), WeekStart::Sunday),
            d("2026-11-22")
        );
        assert_eq!(
            week_first_day(d("2026-11-22"), WeekStart::Monday),
            d("2026-11-16")
        );
    }

    #[test]
    fn midnight_missing_in_a_zone_starts_the_day_after_the_gap() {
        // Santiago jumps from 00:00 to 01:00 on 2026-09-06.
        let tz: Tz = "America/Santiago".parse().unwrap();
        let start = day_start(d("2026-09-06"), tz);
        assert_eq!(
            start.with_timezone(&tz).format("%H:%M").to_string(),
            "01:00"
        );
    }

    #[test]
    fn night_session_is_split_at_local_midnight() {
        let start = Paris
            .with_ymd_and_hms(2026, 11, 22, 22, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        let end = Paris
            .with_ymd_and_hms(2026, 11, 23, 2, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(
            split_by_local_day(start, end, Paris),
            vec![(d("2026-11-22"), 7200), (d("2026-11-23"), 7200)]
        );
    }
}
