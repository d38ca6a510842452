//! Property tests of the report and the export, through the library with a
//! fixed clock and an explicit zone: rounding bounds, the grid adding up in DST
//! weeks, and the CSV (`--round none`) summing to the week report.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::sync::Arc;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::export::{self, ExportRequest, ExportRow, RoundingChoice};
use gardefou::model::{Session, Source};
use gardefou::money::Currency;
use gardefou::report;
use gardefou::store::Store;
use gardefou::tracker::{NewClient, NewSession};
use proptest::prelude::*;
use uuid::Uuid;

const ZONES: [&str; 4] = [
    "Europe/Paris",
    "America/New_York",
    "Australia/Lord_Howe",
    "UTC",
];

fn session(start: DateTime<Utc>, seconds: i64, billable: bool) -> Session {
    Session {
        id: Uuid::now_v7(),
        number: 0,
        client_id: Uuid::nil(),
        client_name: "Acme".into(),
        start,
        end: Some(start + Duration::seconds(seconds)),
        billable,
        note: String::new(),
        tags: vec![],
        source: Source::Manual,
        rate_minor: 4550,
        currency: Currency::EUR,
        zone: "UTC".into(),
        planned_seconds: None,
        deleted: false,
        created_at: start,
        updated_at: start,
    }
}

proptest! {
    /// `up` rounding: the rounded total is ≥ the raw total and < raw + one
    /// increment per row (each row moves by less than one increment).
    #[test]
    fn up_rounding_stays_within_one_increment_per_row(
        durations in prop::collection::vec(1_i64..(12 * 3600), 1..60),
        step_minutes in prop::sample::select(vec![1_i64, 5, 6, 10, 15, 30, 60]),
    ) {
        let rule = RoundingChoice::parse(&format!("{step_minutes}m:up")).unwrap();
        let rule = rule.rule_for(None, None);
        let step = step_minutes * 60;
        let range = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
        let base = Utc.with_ymd_and_hms(2026, 11, 2, 0, 0, 0).unwrap();
        let (mut raw, mut rounded) = (0, 0);
        for (i, seconds) in durations.iter().enumerate() {
            let s = session(base + Duration::days(i as i64), *seconds, true);
            let row = ExportRow::new(&s, range, base, Tz::UTC, rule).unwrap();
            prop_assert!(row.rounded_seconds >= row.seconds);
            prop_assert!(row.rounded_seconds < row.seconds + step);
            prop_assert_eq!(row.rounded_seconds % step, 0);
            raw += row.seconds;
            rounded += row.rounded_seconds;
        }
        prop_assert!(rounded >= raw);
        prop_assert!(rounded < raw + step * durations.len() as i64);
    }

    /// However sessions cross midnights, week starts and DST changes, every
    /// client's seven cells add up to its total, and the totals row to the week's.
    #[test]
    fn the_grid_adds_up_in_any_zone_and_week(
        zone in 0..ZONES.len(),
        // Weeks around the 2026 DST changes of both hemispheres.
        week in prop::sample::select(vec!["2026-03-08", "2026-03-29", "2026-04-05", "2026-10-25", "2026-11-01", "2026-06-15"]),
        sessions in prop::collection::vec((0_i64..(9 * 24 * 3600), 60_i64..(30 * 3600), any::<bool>()), 0..25),
    ) {
        let tz: Tz = ZONES[zone].parse().unwrap();
        let date = NaiveDate::parse_from_str(week, "%Y-%m-%d").unwrap();
        let windows = report::WeekWindows::around(date, gardefou::calendar::WeekStart::Monday, tz);
        let origin = windows.week.0 - Duration::days(1);
        let client = gardefou::model::Client {
            id: Uuid::nil(),
            name: "Acme".into(),
            rate_minor: 4550,
            currency: Currency::EUR,
            cap_seconds: Some(36_000),
            rounding: None,
            color: gardefou::model::Color::from_palette(0),
            archived: false,
            created_at: origin,
            updated_at: origin,
        };
        let sessions: Vec<Session> = sessions
            .iter()
            .map(|(offset, length, billable)| session(origin + Duration::seconds(*offset), *length, *billable))
            .collect();
        let input = report::WeekInput {
            windows: &windows,
            tz,
            now: windows.week.1 + Duration::days(30),
            clients: std::slice::from_ref(&client),
            sessions: &sessions,
            health_tags: &[],
            warn_at: 80,
            locale: gardefou::i18n::Locale::En,
        };
        let w = report::compute_week(&input, report::Boundaries::default());
        let week_seconds = (windows.week.1 - windows.week.0).num_seconds();
        let expected: i64 = sessions
            .iter()
            // An oracle of its own, not the core's clipping function.
            .map(|s| (s.end.unwrap().min(windows.week.1) - s.start.max(windows.week.0)).num_seconds().max(0))
            .sum();
        prop_assert_eq!(w.total_seconds, expected);
        prop_assert!(w.day_totals.iter().sum::<i64>() == w.total_seconds);
        for c in &w.clients {
            prop_assert_eq!(c.days.len(), 7);
            prop_assert_eq!(c.days.iter().sum::<i64>(), c.total_seconds);
        }
        prop_assert!(w.day_totals.iter().all(|d| *d >= 0 && *d <= week_seconds));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The CSV with `--round none` and the week report agree on the money, to
    /// the minor unit (both sum per-session half-up amounts of raw time).
    #[test]
    fn csv_with_round_none_sums_to_the_week_report(
        lengths in prop::collection::vec((1_i64..(5 * 3600), 0_i64..(8 * 3600), any::<bool>(), 0_usize..2), 1..30),
    ) {
        let tz: Tz = "Europe/Paris".parse().unwrap();
        let now = tz.with_ymd_and_hms(2026, 12, 20, 12, 0, 0).unwrap().with_timezone(&Utc);
        let clock = Arc::new(FixedClock::new(now));
        let mut tracker = Tracker::with_store(Store::open_in_memory().unwrap(), clock, tz);
        tracker.set_setting("rounding", "15m:up").unwrap(); // must not apply with --round none
        for (name, rate) in [("Acme", "45.50"), ("Beta", "61.37")] {
            tracker.add_client(NewClient { name: name.into(), rate: Some(rate.into()), ..Default::default() }).unwrap();
        }
        // Back to back from Sunday 22 Nov 20:00 (crossing into the week), with gaps.
        let mut cursor = tz.with_ymd_and_hms(2026, 11, 22, 20, 0, 0).unwrap().with_timezone(&Utc);
        for (length, gap, billable, client) in &lengths {
            let end = cursor + Duration::seconds(*length);
            tracker.add_session(NewSession {
                client: ["Acme", "Beta"][*client].into(),
                start: cursor,
                end,
                note: String::new(),
                tags: vec![],
                billable: *billable,
                allow_long: false,
                source: Source::Manual,
            }).unwrap();
            cursor = end + Duration::seconds(*gap);
        }
        let week = report::week_report(&mut tracker, NaiveDate::from_ymd_opt(2026, 11, 25)).unwrap();
        let mut request = ExportRequest::new(week.start, week.end);
        request.rounding = RoundingChoice::parse("none").unwrap();
        let (_, summary) = export::export_csv(&mut tracker, &request, Vec::new()).unwrap();
        prop_assert_eq!(&summary.amounts, &week.amounts);
        prop_assert_eq!(summary.seconds, week.total_seconds);
        prop_assert_eq!(summary.rounded_seconds, week.total_seconds);
    }
}
