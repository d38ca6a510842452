//! The summary window's read model (`gardefou::summary::WeekSummary`): the
//! week report's figures with their texts in the user's language, the bars'
//! segments and guide, per-client off-hours and rest-day time, the calls
//! that ran past their planned length, the questions and the navigation.
//! Europe/Paris, week 2026-W48 (Mon 23 – Sun 29 Nov), clock pinned.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::decisions::{Choice, NewDecision};
use gardefou::model::Source;
use gardefou::report::week_report;
use gardefou::rules::CapLevel;
use gardefou::store::Store;
use gardefou::summary::WeekSummary;
use gardefou::tracker::{NewClient, NewSession, StartRequest};

const NNBSP: char = '\u{202f}';

fn paris(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(&format!("{text}:00+01:00").replace(' ', "T"))
        .unwrap()
        .with_timezone(&Utc)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn add(t: &mut Tracker, client: &str, from: &str, to: &str) {
    t.add_session(NewSession {
        client: client.into(),
        start: paris(from),
        end: paris(to),
        note: String::new(),
        tags: vec![],
        billable: true,
        allow_long: false,
        source: Source::Manual,
    })
    .unwrap();
}

/// Three clients: Infopreneur crosses its 20 h cap, Acme works evenings and
/// the weekend, Globex holds a call that drifts; a 40 h weekly cap, Mon–Fri
/// 09:00–18:00. The clock ends on Sunday 29 November at 12:00.
fn seeded() -> (Tracker, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(paris("2026-11-27 10:00")));
    let mut t = Tracker::with_store(Store::open_in_memory().unwrap(), clock.clone(), Tz::UTC);
    t.set_setting("timezone", "Europe/Paris").unwrap();
    t.set_setting("weekly_cap", "40h").unwrap();
    for (name, rate, cap) in [
        ("Infopreneur SAS", "50", Some(20 * 3600)),
        ("Acme", "40", None),
        ("Globex", "1234.50", None),
    ] {
        t.add_client(NewClient {
            name: name.into(),
            rate: Some(rate.into()),
            cap_seconds: cap,
            ..NewClient::default()
        })
        .unwrap();
    }
    // Friday: a 30 min call that lasts 50 min.
    let mut call = StartRequest::new("Globex");
    call.planned_seconds = Some(30 * 60);
    t.start(call).unwrap();
    clock.set(paris("2026-11-27 10:50"));
    t.stop(None).unwrap();
    // Saturday: Acme, on a rest day, on purpose.
    clock.set(paris("2026-11-28 10:00"));
    let mut weekend = StartRequest::new("Acme");
    weekend.override_reason = Some("launch weekend".into());
    t.start(weekend).unwrap();
    clock.set(paris("2026-11-28 12:00"));
    t.stop(None).unwrap();
    clock.set(paris("2026-11-29 12:00"));
    for day in ["23", "24", "25", "26"] {
        add(
            &mut t,
            "Infopreneur SAS",
            &format!("2026-11-{day} 09:00"),
            &format!("2026-11-{day} 14:30"),
        );
    }
    add(&mut t, "Acme", "2026-11-24 19:00", "2026-11-24 22:00");
    (t, clock)
}

#[test]
fn the_figures_are_the_reports_with_their_texts() {
    let (mut t, _) = seeded();
    let s = WeekSummary::read(&mut t, Some(date("2026-11-25"))).unwrap();
    let r = week_report(&mut t, Some(date("2026-11-25"))).unwrap();
    assert_eq!(s.week, "2026-W48");
    assert_eq!(
        (s.first_day.as_str(), s.last_day.as_str()),
        ("2026-11-23", "2026-11-29")
    );
    assert_eq!(
        (s.start_text.as_str(), s.end_text.as_str()),
        ("Mon 23 Nov", "Sun 29 Nov 2026")
    );
    assert_eq!(s.total_seconds, r.total_seconds);
    assert_eq!(s.total_seconds, 22 * 3600 + 5 * 3600 + 50 * 60);
    assert_eq!(s.total_text, "27 h 50 min");
    // Grid: rows by name, seven cells, empty text for nothing.
    let names: Vec<&str> = s.clients.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Acme", "Globex", "Infopreneur SAS"]);
    let info = &s.clients[2];
    assert_eq!(info.days[0].text, "5:30");
    assert_eq!(info.days[4].text, "");
    assert_eq!(info.total_text, "22:00");
    assert_eq!(info.amounts, ["1100.00 EUR"]);
    let cap = info.cap.clone().unwrap();
    assert_eq!((cap.percent, cap.level), (110, CapLevel::Reached));
    assert_eq!(cap.cap_text, "20 h");
    let week_cap = s.weekly_cap.clone().unwrap();
    assert_eq!(week_cap.level, r.weekly_cap_level.unwrap());
    assert_eq!(week_cap.percent, 69);
    // Days: totals, rest days, one segment per client with time.
    assert_eq!(s.days.len(), 7);
    assert_eq!(s.days[1].label, "Tue 24");
    assert_eq!(s.days[1].total_seconds, r.day_totals[1]);
    assert_eq!(
        s.days[1]
            .segments
            .iter()
            .map(|g| (g.client.as_str(), g.seconds))
            .collect::<Vec<_>>(),
        [("Acme", 3 * 3600), ("Infopreneur SAS", 5 * 3600 + 1800)]
    );
    assert!(s.days[5].rest_day && !s.days[4].rest_day);
    // The guide: 40 h over five working days.
    assert_eq!(s.daily_guide_seconds, Some(8 * 3600));
    assert_eq!(
        s.chart_max_seconds,
        8 * 3600 + 1800,
        "Tuesday is above the guide"
    );
    // Off-hours and rest days per client add up to the week's.
    let acme = &s.clients[0];
    assert_eq!(acme.off_hours_seconds, 3 * 3600 + 2 * 3600);
    assert_eq!(acme.rest_day_seconds, 2 * 3600);
    assert_eq!(acme.rest_day_text, "2 h");
    let off: i64 = s.clients.iter().map(|c| c.off_hours_seconds).sum();
    assert_eq!(off, r.off_hours_seconds);
    assert_eq!(s.rest_day_seconds, r.rest_day_seconds);
    // The override, its boundaries named, its reason kept.
    assert_eq!(s.overrides.len(), 1);
    assert_eq!(s.overrides[0].when, "Sat 28 Nov 10:00");
    assert_eq!(s.overrides[0].client.as_deref(), Some("Acme"));
    assert_eq!(s.overrides[0].reason, "launch weekend");
    assert_eq!(s.overrides[0].boundaries, ["off_hours"]);
    // The drifting call.
    assert_eq!(s.calls.len(), 1);
    let call = &s.calls[0];
    assert_eq!(call.client, "Globex");
    assert_eq!(call.when, "Fri 27 Nov 10:00");
    assert_eq!(
        (call.planned_text.as_str(), call.actual_text.as_str()),
        ("30 min", "50 min")
    );
    assert_eq!(call.over_seconds, 20 * 60);
    // Navigation: no next week after the current one.
    assert_eq!(s.previous, "2026-11-16");
    assert_eq!(s.next, None);
    let earlier = WeekSummary::read(&mut t, Some(date("2026-11-18"))).unwrap();
    assert_eq!(earlier.next.as_deref(), Some("2026-11-23"));
    assert_eq!(earlier.total_seconds, 0);
    assert_eq!(s.tomorrow, "2026-11-30");
    // The trend: 8 weeks, this one last.
    assert_eq!(s.trend.weeks.len(), 8);
    assert_eq!(s.trend.weeks[7], "W48");
    let info = s
        .trend
        .clients
        .iter()
        .find(|c| c.client == "Infopreneur SAS")
        .unwrap();
    assert_eq!(info.max_seconds, 22 * 3600);
    assert_eq!(info.weeks[7].text, "22:00");
    let globex = s
        .trend
        .clients
        .iter()
        .find(|c| c.client == "Globex")
        .unwrap();
    assert_eq!(globex.max_seconds, 50 * 60, "each client on its own scale");
}

#[test]
fn the_questions_and_the_answers_recorded() {
    let (mut t, clock) = seeded();
    let s = WeekSummary::read(&mut t, None).unwrap();
    assert_eq!(s.first_day, "2026-11-23", "the week just worked");
    let asked: Vec<&str> = s.questions.iter().map(|q| q.client.as_str()).collect();
    assert!(asked.contains(&"Infopreneur SAS"), "{asked:?}");
    assert!(asked.contains(&"Acme"), "{asked:?}");
    let info = s
        .questions
        .iter()
        .find(|q| q.client == "Infopreneur SAS")
        .unwrap();
    assert_eq!(info.reasons[0], "22 h this week against its 20 h cap.");
    assert_eq!(info.rate, "50.00");
    assert_eq!(info.answered, None);
    assert_eq!(info.frees_seconds_per_week, 22 * 3600 / 4);
    assert!(
        info.frees_text.contains("5 h 30 min"),
        "{}",
        info.frees_text
    );
    t.record_decision(NewDecision {
        week: Some(date("2026-11-23")),
        ..NewDecision::new(&info.client_id, Choice::Renegotiate)
    })
    .unwrap();
    let s = WeekSummary::read(&mut t, Some(date("2026-11-23"))).unwrap();
    let info = s
        .questions
        .iter()
        .find(|q| q.client == "Infopreneur SAS")
        .unwrap();
    assert_eq!(info.answered.as_deref(), Some("renegotiate"));
    // The next week shows it beside what happened since.
    clock.set(paris("2026-12-04 19:00"));
    let next = WeekSummary::read(&mut t, Some(date("2026-12-01"))).unwrap();
    assert_eq!(next.recent.len(), 1);
    assert_eq!(next.recent[0].choice, "renegotiate");
    assert!(next.recent[0].message.contains("Infopreneur SAS"));
}

#[test]
fn french_texts_are_written_the_french_way() {
    let (mut t, _) = seeded();
    t.set_setting("locale", "fr").unwrap();
    let s = WeekSummary::read(&mut t, Some(date("2026-11-25"))).unwrap();
    let fr = |text: &str| text.replace(NNBSP, " ");
    assert_eq!(s.locale, "fr");
    assert_eq!(s.start_text, "lun. 23 nov.");
    assert_eq!(fr(&s.total_text), "27 h 50");
    let globex = &s.clients[1];
    assert_eq!(globex.days[4].text, "0h50");
    // 1234,50 € an hour for 50 min.
    assert_eq!(fr(&globex.amounts[0]), "1 028,75 €");
    let health = s.health.iter().find(|h| h.client == "Acme").unwrap();
    assert!(
        fr(&health.rate_sentence).contains("40,00 €/h"),
        "{}",
        health.rate_sentence
    );
    assert_eq!(s.calls[0].when, "ven. 27 nov. 10:00");
    assert_eq!(s.overrides[0].when, "sam. 28 nov. 10:00");
}
