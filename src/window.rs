//! A window of time and what falls inside it: the one place that clips a
//! session or an interval to a day, a week, a weekend, a working block or an
//! exported range. Every figure that is "the part of X inside Y" comes from
//! [`clip_interval`], so that the report, the rules, the export and the app
//! cannot disagree about an edge.

use chrono::{DateTime, Utc};

use crate::model::Session;

/// A half-open `[start, end)` stretch of time.
pub type Window = (DateTime<Utc>, DateTime<Utc>);

/// The part of `[start, end)` inside `window`, or `None` when nothing (not
/// even a second) is inside. An interval that ends before it starts is empty.
pub fn clip_interval(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    (from, to): Window,
) -> Option<Window> {
    let start = start.max(from);
    let end = end.min(to);
    (end > start).then_some((start, end))
}

/// Seconds of `[start, end)` inside `window`.
pub fn interval_seconds(start: DateTime<Utc>, end: DateTime<Utc>, window: Window) -> i64 {
    clip_interval(start, end, window).map_or(0, |(s, e)| (e - s).num_seconds())
}

/// The part of `session` inside `window`; a running session counts up to `now`.
pub fn clip(session: &Session, window: Window, now: DateTime<Utc>) -> Option<Window> {
    clip_interval(session.start, session.end_or(now), window)
}

/// Seconds of `session` inside `window`; a running session counts up to `now`.
pub fn clipped_seconds(session: &Session, window: Window, now: DateTime<Utc>) -> i64 {
    clip(session, window, now).map_or(0, |(s, e)| (e - s).num_seconds())
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};
    use chrono_tz::Europe::Paris;

    use super::*;
    use crate::calendar::day_range;
    use crate::model::Source;
    use crate::money::Currency;

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, h, 0, 0).unwrap()
    }

    fn session(start: DateTime<Utc>, end: Option<DateTime<Utc>>) -> Session {
        Session {
            id: uuid::Uuid::nil(),
            number: 1,
            client_id: uuid::Uuid::nil(),
            client_name: "Acme".into(),
            start,
            end,
            billable: true,
            note: String::new(),
            tags: vec![],
            source: Source::Manual,
            rate_minor: 0,
            currency: Currency::EUR,
            zone: "Europe/Paris".into(),
            planned_seconds: None,
            deleted: false,
            created_at: start,
            updated_at: start,
        }
    }

    #[test]
    fn an_interval_is_cut_at_both_edges() {
        let window = (at(10), at(12));
        assert_eq!(clip_interval(at(9), at(11), window), Some((at(10), at(11))));
        assert_eq!(
            clip_interval(at(11), at(13), window),
            Some((at(11), at(12)))
        );
        assert_eq!(clip_interval(at(9), at(13), window), Some(window));
        assert_eq!(clip_interval(at(10), at(12), window), Some(window));
        assert_eq!(interval_seconds(at(9), at(13), window), 7200);
    }

    #[test]
    fn touching_or_outside_or_backwards_is_nothing() {
        let window = (at(10), at(12));
        // Half-open: ending at the window's start, or starting at its end, is outside.
        assert_eq!(clip_interval(at(8), at(10), window), None);
        assert_eq!(clip_interval(at(12), at(14), window), None);
        assert_eq!(clip_interval(at(13), at(14), window), None);
        assert_eq!(clip_interval(at(11), at(11), window), None);
        assert_eq!(clip_interval(at(11), at(10), window), None);
        assert_eq!(interval_seconds(at(11), at(10), window), 0);
    }

    #[test]
    fn a_running_session_counts_up_to_now() {
        let running = session(at(9), None);
        let window = (at(10), at(20));
        assert_eq!(clip(&running, window, at(11)), Some((at(10), at(11))));
        assert_eq!(clipped_seconds(&running, window, at(11)), 3600);
        // Seen before the window opens, nothing of it is inside yet.
        assert_eq!(clipped_seconds(&running, window, at(10)), 0);
        let done = session(at(9), Some(at(10) + Duration::minutes(30)));
        assert_eq!(clipped_seconds(&done, window, at(23)), 1800);
    }

    #[test]
    fn a_night_session_on_a_dst_day_counts_only_that_day() {
        // Paris, 2026-10-25 lasts 25 h; a session from 22:00 the day before to 02:00.
        let day = day_range(
            chrono::NaiveDate::from_ymd_opt(2026, 10, 25).unwrap(),
            Paris,
        );
        let start = Paris.with_ymd_and_hms(2026, 10, 24, 22, 0, 0).unwrap();
        let end = Paris.with_ymd_and_hms(2026, 10, 25, 1, 30, 0).unwrap();
        let night = session(start.with_timezone(&Utc), Some(end.with_timezone(&Utc)));
        assert_eq!(clipped_seconds(&night, day, day.1), 90 * 60);
        assert_eq!((day.1 - day.0).num_hours(), 25);
        assert_eq!(
            clipped_seconds(&session(day.0, None), day, day.1),
            25 * 3600
        );
    }
}
