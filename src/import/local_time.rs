//! Dates and times as exports write them: `2024-03-04`, `03/04/2024`,
//! `04.03.2024`; `9:05`, `09:05:30`, `9:05 PM`, `09:05:30 pm`, with or without
//! an offset (`09:05:30+01:00`, `Z`). Everything here returns `None` rather
//! than panicking: the readers turn `None` into an error naming the line.

use chrono::{
    DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone, Utc,
};
use chrono_tz::Tz;

/// How the day, month and year of a numeric date are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DateOrder {
    /// `03/04/2024` is March 4th (Clockify's default, US).
    #[default]
    MonthFirst,
    /// `03/04/2024` is April 3rd.
    DayFirst,
}

/// Guesses the order from a file's dates: any first field above 12 means the
/// day comes first; otherwise the month does (the exports' default).
pub fn detect_order<'a>(dates: impl IntoIterator<Item = &'a str>) -> DateOrder {
    for date in dates {
        if let Some([a, b, _]) = numeric_parts(date)
            && a.len() <= 2
        {
            let (a, b) = (a.parse::<u32>().unwrap_or(0), b.parse::<u32>().unwrap_or(0));
            if a > 12 && b <= 12 {
                return DateOrder::DayFirst;
            }
            if b > 12 {
                return DateOrder::MonthFirst;
            }
        }
    }
    DateOrder::MonthFirst
}

/// Splits `a/b/c`, `a.b.c` or `a-b-c` into its three digit groups.
fn numeric_parts(text: &str) -> Option<[&str; 3]> {
    let text = text.trim();
    let separator = text.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let mut parts = text.split(separator);
    let out = [parts.next()?, parts.next()?, parts.next()?];
    if parts.next().is_some()
        || out
            .iter()
            .any(|p| p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    Some(out)
}

/// Parses a date; a four-digit first group is a year (`2024-03-04`,
/// `2024/03/04`), dots put the day first (`04.03.2024`), slashes and dashes
/// follow `order`.
pub fn parse_date(text: &str, order: DateOrder) -> Option<NaiveDate> {
    let [a, b, c] = numeric_parts(text)?;
    let number = |s: &str| s.parse::<u32>().ok();
    if a.len() == 4 {
        return NaiveDate::from_ymd_opt(a.parse().ok()?, number(b)?, number(c)?);
    }
    let year = match c.len() {
        4 => c.parse::<i32>().ok()?,
        2 => 2000 + c.parse::<i32>().ok()?,
        _ => return None,
    };
    let day_first = text.contains('.') || order == DateOrder::DayFirst;
    let (day, month) = if day_first { (a, b) } else { (b, a) };
    NaiveDate::from_ymd_opt(year, number(month)?, number(day)?)
}

/// A time of day with an optional offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClockTime {
    pub time: NaiveTime,
    pub offset: Option<FixedOffset>,
}

/// Parses `9:05`, `09:05:30`, `09:05:30.250`, `9:05 PM`, `9:05:30pm`,
/// `09:05:30+01:00`, `09:05Z`.
pub fn parse_time(text: &str) -> Option<ClockTime> {
    let mut rest = text.trim();
    let mut offset = None;
    if let Some(stripped) = rest.strip_suffix(['Z', 'z']) {
        offset = FixedOffset::east_opt(0);
        rest = stripped;
    } else if let Some(at) = rest.rfind(['+', '-']) {
        offset = Some(parse_offset(&rest[at..])?);
        rest = &rest[..at];
    }
    let lower = rest.trim().to_ascii_lowercase().replace('.', "");
    let (clock, meridiem) = if let Some(c) = lower.strip_suffix("am") {
        (c.trim_end(), Some(false))
    } else if let Some(c) = lower.strip_suffix("pm") {
        (c.trim_end(), Some(true))
    } else {
        (lower.as_str(), None)
    };
    // Fractions of a second ("09:05:30,250" after the dot was removed) are dropped.
    let mut parts = clock.split(':');
    let hour: u32 = digits(parts.next()?, 1, 2)?;
    let minute: u32 = digits(parts.next()?, 2, 2)?;
    let second: u32 = match parts.next() {
        Some(s) => digits(s.get(..2)?, 2, 2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let hour = match meridiem {
        None => hour,
        Some(_) if hour == 0 || hour > 12 => return None,
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
    };
    Some(ClockTime {
        time: NaiveTime::from_hms_opt(hour, minute, second)?,
        offset,
    })
}

fn digits(text: &str, min: usize, max: usize) -> Option<u32> {
    if text.len() < min || text.len() > max || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// `+01:00`, `+0100`, `+01`, `-05:30`.
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let sign = match text.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let body = text.get(1..)?.replace(':', "");
    let (hours, minutes) = match body.len() {
        2 => (digits(&body, 2, 2)?, 0),
        4 => (digits(&body[..2], 2, 2)?, digits(&body[2..], 2, 2)?),
        _ => return None,
    };
    if hours > 23 || minutes > 59 {
        return None;
    }
    FixedOffset::east_opt(sign * (hours as i32 * 3600 + minutes as i32 * 60))
}

/// Parses `HH:MM:SS` or `H:MM` durations (hours may exceed 24).
pub fn parse_hms(text: &str) -> Option<i64> {
    let mut parts = text.trim().split(':');
    let hours: i64 = parts.next()?.trim().parse().ok().filter(|h| *h >= 0)?;
    let minutes: i64 = digits(parts.next()?, 1, 2)?.into();
    let seconds: i64 = match parts.next() {
        Some(s) => digits(s, 1, 2)?.into(),
        None => 0,
    };
    if parts.next().is_some() || minutes > 59 || seconds > 59 {
        return None;
    }
    hours.checked_mul(3600)?.checked_add(minutes * 60 + seconds)
}

/// A wall-clock reading turned into an instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Single(DateTime<Utc>),
    /// The clocks went back: the first and second time this reading happened.
    Twice(DateTime<Utc>, DateTime<Utc>),
}

impl Resolved {
    pub fn earliest(self) -> DateTime<Utc> {
        match self {
            Self::Single(t) | Self::Twice(t, _) => t,
        }
    }
    pub fn latest(self) -> DateTime<Utc> {
        match self {
            Self::Single(t) | Self::Twice(_, t) => t,
        }
    }
}

/// Reads a date and a time in `tz` unless the time carries its own offset.
/// `None`: the reading does not exist in `tz` (the clocks jump forward).
pub fn resolve(date: NaiveDate, time: ClockTime, tz: Tz) -> Option<Resolved> {
    let local = NaiveDateTime::new(date, time.time);
    if let Some(offset) = time.offset {
        return offset
            .from_local_datetime(&local)
            .single()
            .map(|t| Resolved::Single(t.to_utc()));
    }
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(Resolved::Single(t.to_utc())),
        LocalResult::Ambiguous(a, b) => Some(Resolved::Twice(a.to_utc(), b.to_utc())),
        LocalResult::None => None,
    }
}

/// An entry's end from a reading that may happen twice: the first one, unless
/// that would not come after the start.
pub fn end_after(start: DateTime<Utc>, end: Resolved) -> DateTime<Utc> {
    match end {
        Resolved::Twice(first, _) if first <= start => end.latest(),
        other => other.earliest(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }
    fn hms(h: u32, m: u32, s: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, s).unwrap()
    }

    #[test]
    fn dates_in_every_form_exports_use() {
        let us = DateOrder::MonthFirst;
        let eu = DateOrder::DayFirst;
        assert_eq!(parse_date("2024-03-04", us), Some(date(2024, 3, 4)));
        assert_eq!(parse_date("2024/03/04", eu), Some(date(2024, 3, 4)));
        assert_eq!(parse_date("03/04/2024", us), Some(date(2024, 3, 4)));
        assert_eq!(parse_date("03/04/2024", eu), Some(date(2024, 4, 3)));
        assert_eq!(parse_date("04.03.2024", us), Some(date(2024, 3, 4)));
        assert_eq!(parse_date("3/4/24", us), Some(date(2024, 3, 4)));
        assert_eq!(parse_date("2025-13-45", us), None);
        assert_eq!(parse_date("13/13/2024", us), None);
        assert_eq!(parse_date("yesterday", us), None);
        assert_eq!(parse_date("", us), None);
    }

    #[test]
    fn order_is_detected_from_the_file() {
        assert_eq!(
            detect_order(["03/04/2024", "25/04/2024"]),
            DateOrder::DayFirst
        );
        assert_eq!(
            detect_order(["03/04/2024", "04/25/2024"]),
            DateOrder::MonthFirst
        );
        assert_eq!(detect_order(["2024-03-04"]), DateOrder::MonthFirst);
    }

    #[test]
    fn times_12_and_24_hours_with_or_without_seconds() {
        let t = |s| parse_time(s).map(|c| c.time);
        assert_eq!(t("09:05"), Some(hms(9, 5, 0)));
        assert_eq!(t("9:05:30"), Some(hms(9, 5, 30)));
        assert_eq!(t("09:05:30.250"), Some(hms(9, 5, 30)));
        assert_eq!(t("9:05 PM"), Some(hms(21, 5, 0)));
        assert_eq!(t("09:05:30 pm"), Some(hms(21, 5, 30)));
        assert_eq!(t("12:00 AM"), Some(hms(0, 0, 0)));
        assert_eq!(t("12:30 PM"), Some(hms(12, 30, 0)));
        assert_eq!(t("9:05 a.m."), Some(hms(9, 5, 0)));
        assert_eq!(t("13:05 PM"), None);
        assert_eq!(t("25:00"), None);
        assert_eq!(t("9h05"), None);
        assert_eq!(t(""), None);
        let with_offset = parse_time("09:05:30+01:00").unwrap();
        assert_eq!(with_offset.offset, FixedOffset::east_opt(3600));
        assert_eq!(
            parse_time("09:05Z").unwrap().offset,
            FixedOffset::east_opt(0)
        );
        assert_eq!(
            parse_time("09:05-0530").unwrap().offset,
            FixedOffset::east_opt(-19800)
        );
    }

    #[test]
    fn durations() {
        assert_eq!(parse_hms("01:30:00"), Some(5400));
        assert_eq!(parse_hms("30:00:05"), Some(108_005));
        assert_eq!(parse_hms("1:30"), Some(5400));
        assert_eq!(parse_hms("1:70:00"), None);
        assert_eq!(parse_hms("-1:00:00"), None);
    }

    #[test]
    fn the_zone_or_the_offset_is_honoured() {
        let paris: Tz = "Europe/Paris".parse().unwrap();
        let winter = resolve(date(2024, 3, 4), parse_time("09:00").unwrap(), paris).unwrap();
        assert_eq!(winter.earliest().to_rfc3339(), "2024-03-04T08:00:00+00:00");
        let offset = resolve(date(2024, 3, 4), parse_time("09:00-05:00").unwrap(), paris).unwrap();
        assert_eq!(offset.earliest().to_rfc3339(), "2024-03-04T14:00:00+00:00");
        // 02:30 on the last Sunday of March does not exist in Paris.
        assert_eq!(
            resolve(date(2024, 3, 31), parse_time("02:30").unwrap(), paris),
            None
        );
        // 02:30 on the last Sunday of October happens twice.
        let start = resolve(date(2024, 10, 27), parse_time("02:10").unwrap(), paris).unwrap();
        let end = resolve(date(2024, 10, 27), parse_time("02:05").unwrap(), paris).unwrap();
        let start = start.earliest();
        assert_eq!(end_after(start, end), end.latest());
    }
}
