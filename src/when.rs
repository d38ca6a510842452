//! Instants and dates as the user types them, read in the configured zone.
//!
//! TIME: RFC 3339 with offset, `YYYY-MM-DD HH:MM` (local), `HH:MM` (today, local),
//! `-10m` (ago). DATE: `YYYY-MM-DD`.

use chrono::{
    DateTime, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Utc,
};
use chrono_tz::Tz;

use crate::duration::parse_duration;
use crate::error::{Error, Problem, Result};

/// The earliest instant Gardefou accepts: anything before is an epoch-zero mistake.
pub fn earliest_accepted() -> DateTime<Utc> {
    DateTime::from_timestamp(31_536_000, 0).unwrap_or_default() // 1971-01-01T00:00:00Z
}

/// Parses a TIME argument relative to `now` in zone `tz`. Does not check the range.
pub fn parse_instant(input: &str, tz: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let text = input.trim();
    if let Some(ago) = text.strip_prefix('-') {
        let seconds = parse_duration(ago).map_err(|_| not_a_time(input))?;
        return Ok(now - chrono::Duration::seconds(seconds));
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Ok(whole_second(t).with_timezone(&Utc));
    }
    for format in [
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ] {
        if let Ok(local) = NaiveDateTime::parse_from_str(text, format) {
            return resolve_local(local, tz);
        }
    }
    for format in ["%H:%M", "%H:%M:%S"] {
        if let Ok(time) = NaiveTime::parse_from_str(text, format) {
            let today = now.with_timezone(&tz).date_naive();
            return resolve_local(today.and_time(time), tz);
        }
    }
    Err(not_a_time(input))
}

/// Parses and checks that the instant lies between 1971-01-01 and `now`.
pub fn parse_past_instant(input: &str, tz: Tz, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let at = parse_instant(input, tz, now)?;
    check_accepted(at, now, tz)?;
    Ok(at)
}

/// Refuses instants before 1971 or after `now`.
pub fn check_accepted(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> Result<()> {
    if at < earliest_accepted() {
        return Err(Error::TooEarly {
            instant: at,
            zone: tz,
        });
    }
    if at > now {
        return Err(Error::InFuture {
            instant: at,
            zone: tz,
        });
    }
    Ok(())
}

/// Parses a DATE argument (`YYYY-MM-DD`).
pub fn parse_date(input: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(input.trim(), "%Y-%m-%d")
        .map_err(|_| Error::invalid("date", input, Problem::NotADate))
}

/// A local wall-clock time in `tz`, refusing times that do not exist or happen twice.
pub fn resolve_local(local: NaiveDateTime, tz: Tz) -> Result<DateTime<Utc>> {
    let local = local.with_nanosecond0();
    match tz.from_local_datetime(&local) {
        LocalResult::Single(t) => Ok(t.with_timezone(&Utc)),
        LocalResult::None => Err(Error::LocalTimeGap {
            local,
            zone: tz,
            suggestion: example_with_offset(local, tz),
        }),
        LocalResult::Ambiguous(first, second) => Err(Error::LocalTimeAmbiguous {
            local,
            zone: tz,
            earlier: first.fixed_offset(),
            later: second.fixed_offset(),
        }),
    }
}

/// Formats an instant as RFC 3339 with the zone's offset (the JSON form).
pub fn rfc3339_in(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz)
        .format("%Y-%m-%dT%H:%M:%S%:z")
        .to_string()
}

/// The instant a user most likely meant by a time in a gap, written with the
/// offset in force after the change (02:30 in Paris's spring gap → 03:30+02:00).
fn example_with_offset(local: NaiveDateTime, tz: Tz) -> DateTime<FixedOffset> {
    let offset_at = |t: NaiveDateTime| match tz.from_local_datetime(&t) {
        LocalResult::Single(x) | LocalResult::Ambiguous(x, _) => Some(x.offset().fix()),
        LocalResult::None => None,
    };
    let before = offset_at(local - chrono::Duration::hours(3));
    let after = offset_at(local + chrono::Duration::hours(3));
    let utc = Utc.fix();
    match (before, after) {
        (Some(before), Some(after)) => {
            let shifted = local
                + chrono::Duration::seconds(i64::from(
                    after.local_minus_utc() - before.local_minus_utc(),
                ));
            shifted
                .and_local_timezone(after)
                .single()
                .unwrap_or_else(|| utc.from_utc_datetime(&local))
        }
        _ => utc.from_utc_datetime(&local),
    }
}

fn whole_second(t: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    t - chrono::Duration::nanoseconds(i64::from(t.timestamp_subsec_nanos()))
}

fn not_a_time(input: &str) -> Error {
    Error::invalid("time", input, Problem::NotATime)
}

trait WithNanosecond0 {
    fn with_nanosecond0(self) -> Self;
}

impl WithNanosecond0 for NaiveDateTime {
    fn with_nanosecond0(self) -> Self {
        use chrono::Timelike;
        self.with_nanosecond(0).unwrap_or(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Paris;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-11-28T15:00:00+01:00")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn reads_each_form() {
        let p = |s| rfc3339_in(parse_instant(s, Paris, now()).unwrap(), Paris);
        assert_eq!(p("2026-11-27 09:30"), "2026-11-27T09:30:00+01:00");
        assert_eq!(p("14:30"), "2026-11-28T14:30:00+01:00");
        assert_eq!(p("-10m"), "2026-11-28T14:50:00+01:00");
        assert_eq!(p("2026-11-27T09:30:00Z"), "2026-11-27T10:30:00+01:00");
    }

    #[test]
    fn refuses_dst_gap_and_overlap() {
        let gap = parse_instant("2026-03-29 02:30", Paris, now())
            .unwrap_err()
            .to_string();
        assert!(gap.contains("does not exist"), "{gap}");
        assert!(gap.contains("2026-03-29T03:30:00+02:00"), "{gap}");
        let twice = parse_instant("2026-10-25 02:30", Paris, now())
            .unwrap_err()
            .to_string();
        assert!(twice.contains("happens twice"), "{twice}");
        assert!(
            twice.contains("+02:00") && twice.contains("+01:00"),
            "{twice}"
        );
    }

    #[test]
    fn refuses_1970_and_the_future() {
        assert!(parse_past_instant("1970-01-01 10:00", Paris, now()).is_err());
        assert!(parse_past_instant("3000-01-01 10:00", Paris, now()).is_err());
        assert!(parse_past_instant("15:01", Paris, now()).is_err());
        assert!(parse_past_instant("15:00", Paris, now()).is_ok());
    }

    #[test]
    fn refuses_nonsense() {
        for bad in ["", "tomorrow", "2026-13-01 10:00", "25:00", "-", "-abc"] {
            assert!(parse_instant(bad, Paris, now()).is_err(), "{bad:?}");
        }
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("2026-02-28").is_ok());
    }
}
