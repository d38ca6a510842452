//! The watching decisions with fixed instants (Europe/Paris; the night of
//! Sunday 25 October 2026, when 03:00 CEST becomes 02:00 CET, included).

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Europe::Paris;
use uuid::Uuid;

use super::*;
use crate::i18n::Locale;
use crate::model::{Client, Color, Session, Source};
use crate::money::Currency;
use crate::rules::WorkingHours;

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).unwrap().to_utc()
}

fn paris(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Paris
        .with_ymd_and_hms(y, mo, d, h, mi, 0)
        .earliest()
        .unwrap()
        .to_utc()
}

fn session(start: DateTime<Utc>, end: Option<DateTime<Utc>>) -> Session {
    Session {
        id: Uuid::now_v7(),
        number: 7,
        client_id: Uuid::now_v7(),
        client_name: "Acme".to_string(),
        start,
        end,
        billable: true,
        note: "api".to_string(),
        tags: vec!["dev".to_string()],
        source: Source::Timer,
        rate_minor: 9000,
        currency: Currency::EUR,
        zone: "Europe/Paris".to_string(),
        planned_seconds: None,
        deleted: false,
        created_at: start,
        updated_at: start,
    }
}

fn client(name: &str) -> Client {
    Client {
        id: Uuid::now_v7(),
        name: name.to_string(),
        rate_minor: 5000,
        currency: Currency::parse("CHF").unwrap(),
        cap_seconds: None,
        rounding: None,
        color: Color::from_palette(1),
        archived: false,
        created_at: utc("2026-01-01T00:00:00Z"),
        updated_at: utc("2026-01-01T00:00:00Z"),
    }
}

fn span(from: DateTime<Utc>, to: DateTime<Utc>, cause: AwayCause) -> AwaySpan {
    AwaySpan { from, to, cause }
}

fn seconds(s: &Session, now: DateTime<Utc>) -> i64 {
    s.duration_seconds(now)
}

// ---- recovery -----------------------------------------------------------

#[test]
fn recovery_asks_only_past_two_minutes_of_silence_and_names_client_day_and_time() {
    let start = paris(2026, 11, 27, 13, 30);
    let s = session(start, None);
    let seen = paris(2026, 11, 27, 15, 2);
    // Never watched (the CLI alone): nothing to ask.
    assert_eq!(
        recovery(Some(&s), None, None, seen + Duration::hours(90)),
        None
    );
    assert_eq!(
        recovery(Some(&s), Some(seen), None, seen + Duration::seconds(120)),
        None
    );
    let now = paris(2026, 12, 1, 9, 0);
    let q = recovery(Some(&s), Some(seen), None, now).expect("a question");
    assert_eq!((q.last_seen, q.now, q.number), (seen, now, 7));
    assert_eq!(q.unseen_seconds(), (now - seen).num_seconds());
    let en = q.message(Paris, Locale::En);
    assert!(
        en.contains("Acme") && en.contains("Fri 27 Nov") && en.contains("15:02"),
        "{en}"
    );
    let fr = q.message(Paris, Locale::Fr);
    assert!(fr.contains("ven. 27 nov.") && fr.contains("15:02"), "{fr}");
    // An answer to this stale period silences it; a later one asks again.
    assert_eq!(recovery(Some(&s), Some(seen), Some(seen), now), None);
    let later = seen + Duration::hours(1);
    assert!(recovery(Some(&s), Some(later), Some(seen), now).is_some());
    // A stopped timer is never asked about.
    let stopped = session(start, Some(seen));
    assert_eq!(recovery(Some(&stopped), Some(seen), None, now), None);
    assert_eq!(recovery(None, Some(seen), None, now), None);
}

// ---- away offers --------------------------------------------------------

#[test]
fn idle_shorter_than_idle_after_or_turned_off_is_not_offered() {
    let start = paris(2026, 11, 30, 9, 0);
    let s = session(start, None);
    let now = paris(2026, 11, 30, 12, 0);
    let idle = span(
        paris(2026, 11, 30, 10, 0),
        paris(2026, 11, 30, 10, 9),
        AwayCause::Idle,
    );
    assert!(away_offers(&s, &[idle], &[], Some(600), now).is_empty());
    let long = span(
        paris(2026, 11, 30, 10, 0),
        paris(2026, 11, 30, 10, 10),
        AwayCause::Idle,
    );
    assert_eq!(away_offers(&s, &[long], &[], Some(600), now).len(), 1);
    assert!(away_offers(&s, &[long], &[], None, now).is_empty());
    // Still away at `now`: wait for the return.
    let open = span(
        paris(2026, 11, 30, 11, 30),
        paris(2026, 11, 30, 12, 30),
        AwayCause::Idle,
    );
    assert!(away_offers(&s, &[open], &[], Some(600), now).is_empty());
}

#[test]
fn spans_are_clipped_to_the_session_merged_and_answered_time_is_not_offered_again() {
    let start = paris(2026, 11, 30, 9, 0);
    let s = session(start, None);
    let now = paris(2026, 11, 30, 13, 0);
    // Idle since 08:40 (before the start), a suspend inside it until 10:00.
    let spans = [
        span(
            paris(2026, 11, 30, 8, 40),
            paris(2026, 11, 30, 9, 30),
            AwayCause::Idle,
        ),
        span(
            paris(2026, 11, 30, 9, 20),
            paris(2026, 11, 30, 10, 0),
            AwayCause::Sleep,
        ),
        span(
            paris(2026, 11, 30, 11, 0),
            paris(2026, 11, 30, 11, 20),
            AwayCause::Idle,
        ),
    ];
    let offers = away_offers(&s, &spans, &[], Some(600), now);
    assert_eq!(offers.len(), 2);
    assert_eq!(
        (offers[0].from, offers[0].to),
        (start, paris(2026, 11, 30, 10, 0))
    );
    assert_eq!(offers[0].cause, AwayCause::Sleep);
    assert_eq!(offers[1].seconds(), 20 * 60);
    let answered = AwayPeriod {
        id: Uuid::now_v7(),
        session_id: s.id,
        client_id: s.client_id,
        from: start,
        to: paris(2026, 11, 30, 9, 45),
        cause: AwayCause::Sleep,
        answer: AwayAnswer::Keep,
        split_session_id: None,
        answered_at: now,
    };
    let offers = away_offers(&s, &spans, &[answered], Some(600), now);
    assert_eq!(offers.len(), 2);
    assert_eq!(offers[0].from, paris(2026, 11, 30, 9, 45));
    assert_eq!(offers[0].seconds(), 15 * 60);
}

#[test]
fn an_idle_stretch_over_the_dst_night_counts_real_seconds_and_shows_local_times() {
    // 02:30 CEST to 02:10 CET on 25 Oct 2026: 40 real minutes.
    let from = utc("2026-10-25T00:30:00Z");
    let to = utc("2026-10-25T01:10:00Z");
    let s = session(utc("2026-10-24T20:00:00Z"), None);
    let offers = away_offers(&s, &[span(from, to, AwayCause::Idle)], &[], Some(600), to);
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].seconds(), 40 * 60);
    let text = offers[0].message(Paris, Locale::En);
    assert!(
        text.contains("02:30") && text.contains("02:10") && text.contains("Sun 25 Oct"),
        "{text}"
    );
}

// ---- splits -------------------------------------------------------------

#[test]
fn discard_ends_a_running_session_where_the_away_time_began_and_may_restart_it() {
    let start = paris(2026, 11, 30, 9, 0);
    let (from, to) = (paris(2026, 11, 30, 10, 0), paris(2026, 11, 30, 11, 0));
    let now = paris(2026, 11, 30, 11, 5);
    let s = session(start, None);
    let plain = split(&s, from, to, SplitAs::Discard { restart: false }, now);
    assert_eq!(plain.original.as_ref().unwrap().end, Some(from));
    assert!(plain.inserts.is_empty());
    let again = split(&s, from, to, SplitAs::Discard { restart: true }, now);
    assert_eq!(again.inserts.len(), 1);
    let restarted = &again.inserts[0];
    assert_eq!((restarted.start, restarted.end), (to, None));
    assert_eq!(
        (restarted.client_id, &restarted.note),
        (s.client_id, &s.note)
    );
    assert_ne!(restarted.id, s.id);
    // All of it away: nothing is left of the original.
    let all = split(&s, start, to, SplitAs::Discard { restart: false }, now);
    assert!(all.original.is_none() && all.inserts.is_empty());
}

#[test]
fn discard_inside_a_finished_session_keeps_the_work_on_both_sides() {
    let s = session(paris(2026, 11, 30, 9, 0), Some(paris(2026, 11, 30, 12, 0)));
    let (from, to) = (paris(2026, 11, 30, 10, 0), paris(2026, 11, 30, 11, 0));
    let now = paris(2026, 11, 30, 13, 0);
    let out = split(&s, from, to, SplitAs::Discard { restart: false }, now);
    let head = out.original.unwrap();
    assert_eq!(
        seconds(&head, now) + seconds(&out.inserts[0], now),
        2 * 3600
    );
    assert_eq!(out.inserts[0].start, to);
    let front = split(&s, s.start, to, SplitAs::Discard { restart: false }, now);
    let moved = front.original.unwrap();
    assert_eq!((moved.id, moved.start, moved.end), (s.id, to, s.end));
}

#[test]
fn reassign_and_non_billable_split_the_away_part_into_its_own_session() {
    let start = paris(2026, 10, 24, 22, 0);
    let s = session(start, None);
    // Across midnight and the DST night: 23:30 CEST to 02:30 CET is 4 h.
    let (from, to) = (paris(2026, 10, 24, 23, 30), utc("2026-10-25T01:30:00Z"));
    let now = utc("2026-10-25T02:00:00Z");
    let other = client("Globex");
    let out = split(&s, from, to, SplitAs::Reassign(&other), now);
    let head = out.original.clone().unwrap();
    assert_eq!(head.end, Some(from));
    let middle = &out.inserts[out.away_piece.unwrap()];
    assert_eq!((middle.client_id, middle.rate_minor), (other.id, 5000));
    assert_eq!(middle.currency, Currency::parse("CHF").unwrap());
    // The wall clock says 3 h; 4 real hours passed.
    assert_eq!(seconds(middle, now), 4 * 3600);
    let tail = &out.inserts[1];
    assert_eq!(
        (tail.start, tail.end, tail.client_id),
        (to, None, s.client_id)
    );
    let total: i64 = [&head, middle, tail].iter().map(|p| seconds(p, now)).sum();
    assert_eq!(total, (now - start).num_seconds());

    let finished = session(start, Some(to));
    let in_place = split(&finished, start, to, SplitAs::NonBillable, now);
    assert!(in_place.away_in_place && in_place.inserts.is_empty());
    let changed = in_place.original.unwrap();
    assert!(!changed.billable);
    assert_eq!(changed.id, finished.id);
}

// ---- still working? -----------------------------------------------------

fn every_day() -> WorkingHours {
    WorkingHours::parse("mon-sun 09:00-18:00").unwrap()
}

#[test]
fn still_working_past_the_day_end_plus_nag_every_and_across_midnight() {
    let s = session(paris(2026, 11, 27, 13, 30), None);
    let hours = WorkingHours::default();
    let nag = Some(30 * 60);
    assert_eq!(
        still_working(&s, &hours, nag, Paris, paris(2026, 11, 27, 18, 29)),
        None
    );
    let q = still_working(&s, &hours, nag, Paris, paris(2026, 11, 27, 18, 30)).unwrap();
    assert_eq!(
        q.reason,
        StillWorkingReason::AfterHours {
            day_end: paris(2026, 11, 27, 18, 0)
        }
    );
    assert_eq!(q.message(Locale::En), "Still working for Acme?");
    assert_eq!(
        q.message(Locale::Fr),
        "Vous travaillez toujours pour Acme\u{202f}?"
    );
    // After midnight (Saturday, no hours): still Friday's end.
    let night = still_working(&s, &hours, nag, Paris, paris(2026, 11, 28, 0, 30)).unwrap();
    assert_eq!(night.key(), q.key());
    // Reminders off: no after-hours question.
    assert_eq!(
        still_working(&s, &hours, None, Paris, paris(2026, 11, 27, 20, 0)),
        None
    );
    // Started after the day ended: the evening is deliberate, until 12 h.
    let evening = session(paris(2026, 11, 27, 19, 0), None);
    assert_eq!(
        still_working(&evening, &hours, nag, Paris, paris(2026, 11, 27, 23, 0)),
        None
    );
    let long = still_working(&evening, &hours, nag, Paris, paris(2026, 11, 28, 7, 1)).unwrap();
    assert!(matches!(long.reason, StillWorkingReason::Long { .. }));
}

#[test]
fn twelve_hours_are_real_hours_on_the_dst_night() {
    // 17:00 CEST on Saturday 24 Oct; at 04:30 CET the wall clock says 11 h 30,
    // but 12 h 30 have passed.
    let s = session(paris(2026, 10, 24, 17, 0), None);
    let now = utc("2026-10-25T03:30:00Z");
    let q = still_working(&s, &every_day(), None, Paris, now).unwrap();
    assert_eq!(
        q.reason,
        StillWorkingReason::Long {
            seconds: 12 * 3600 + 1800
        }
    );
    let before = utc("2026-10-25T02:59:00Z");
    assert_eq!(still_working(&s, &every_day(), None, Paris, before), None);
}

// ---- idle readings ------------------------------------------------------

#[test]
fn idle_readings_become_one_span_from_the_last_input_to_the_return() {
    let mut watch = IdleWatch::default();
    let t0 = paris(2026, 11, 30, 10, 0);
    let at = |minutes: i64| t0 + Duration::minutes(minutes);
    let idle_after = Some(600);
    // Readings each minute; the last input was at 10:00.
    for minute in 1..10 {
        assert_eq!(
            watch.observe(at(minute), minute as u64 * 60, idle_after),
            None
        );
        assert_eq!(watch.away_since(), None);
    }
    assert_eq!(watch.observe(at(10), 600, idle_after), None);
    assert_eq!(watch.away_since(), Some(t0));
    assert_eq!(watch.observe(at(30), 1800, idle_after), None);
    // Input at 10:42, read at 10:43.
    let span = watch.observe(at(43), 60, idle_after).unwrap();
    assert_eq!(
        (span.from, span.to, span.cause),
        (t0, at(42), AwayCause::Idle)
    );
    assert_eq!(watch.away_since(), None);
    // Off: never a span.
    let mut off = IdleWatch::default();
    assert_eq!(off.observe(at(60), 7200, None), None);
    assert_eq!(off.observe(at(61), 0, None), None);
}
