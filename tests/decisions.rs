//! The weekly review through the tracker: which clients a week flags and why,
//! one decision per client per week (a skip included), raising a rate, ending
//! an engagement now or after a notice, the hours that frees, the recent
//! decisions beside the next week's figures, and when the summary opens.
//! Europe/Paris, week 2026-W48 (Mon 23 – Sun 29 Nov), clock pinned.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::decisions::{Choice, NewDecision, Reason, review, weekly_seconds_freed};
use gardefou::error::{Error, ErrorKind, Problem};
use gardefou::model::Source;
use gardefou::money::Currency;
use gardefou::store::Store;
use gardefou::tracker::{NewClient, NewSession, StartRequest};

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// Local Paris time in November–December (UTC+1).
fn paris(text: &str) -> DateTime<Utc> {
    instant(&format!("{text}:00+01:00").replace(' ', "T"))
}

fn tracker_at(now: &str) -> (Tracker, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::new(paris(now)));
    let mut tracker = Tracker::with_store(Store::open_in_memory().unwrap(), clock.clone(), Tz::UTC);
    tracker.set_setting("timezone", "Europe/Paris").unwrap();
    (tracker, clock)
}

fn client(tracker: &mut Tracker, name: &str, rate: &str, cap_hours: Option<i64>) {
    tracker
        .add_client(NewClient {
            name: name.into(),
            rate: Some(rate.into()),
            cap_seconds: cap_hours.map(|h| h * 3600),
            ..NewClient::default()
        })
        .unwrap();
}

fn session(
    tracker: &mut Tracker,
    client: &str,
    from: &str,
    to: &str,
    tags: &[&str],
    billable: bool,
) {
    tracker
        .add_session(NewSession {
            client: client.into(),
            start: paris(from),
            end: paris(to),
            note: String::new(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            billable,
            allow_long: false,
            source: Source::Manual,
        })
        .unwrap();
}

/// Five clients, each flagged for a different reason in week 2026-W48;
/// the clock ends on Saturday 28 November at 12:00.
fn seeded() -> (Tracker, Arc<FixedClock>) {
    let (mut t, clock) = tracker_at("2026-11-28 09:00");
    client(&mut t, "Infopreneur SAS", "50", Some(20));
    client(&mut t, "Acme", "40", None);
    client(&mut t, "Globex", "60", None);
    client(&mut t, "Initech", "80", None);
    client(&mut t, "Quiet", "50", None);
    for day in ["23", "24", "25", "26"] {
        session(
            &mut t,
            "Infopreneur SAS",
            &format!("2026-11-{day} 09:00"),
            &format!("2026-11-{day} 16:00"),
            &[],
            true,
        );
    }
    session(
        &mut t,
        "Infopreneur SAS",
        "2026-11-27 09:00",
        "2026-11-27 15:30",
        &[],
        true,
    );
    session(
        &mut t,
        "Initech",
        "2026-11-23 16:00",
        "2026-11-23 18:00",
        &[],
        true,
    );
    session(
        &mut t,
        "Initech",
        "2026-11-24 16:00",
        "2026-11-24 18:00",
        &[],
        false,
    );
    session(
        &mut t,
        "Acme",
        "2026-11-24 19:00",
        "2026-11-24 22:00",
        &[],
        true,
    );
    session(
        &mut t,
        "Acme",
        "2026-11-25 19:00",
        "2026-11-25 22:00",
        &[],
        true,
    );
    session(
        &mut t,
        "Quiet",
        "2026-11-25 16:00",
        "2026-11-25 18:00",
        &[],
        true,
    );
    session(
        &mut t,
        "Globex",
        "2026-11-26 16:00",
        "2026-11-26 18:00",
        &["meeting"],
        true,
    );
    session(
        &mut t,
        "Globex",
        "2026-11-27 15:30",
        "2026-11-27 17:30",
        &[],
        true,
    );
    // Saturday morning: a start on a rest day, on purpose.
    clock.set(paris("2026-11-28 10:00"));
    let mut start = StartRequest::new("Quiet");
    start.override_reason = Some("release day".into());
    t.start(start).unwrap();
    clock.set(paris("2026-11-28 11:00"));
    t.stop(None).unwrap();
    clock.set(paris("2026-11-28 12:00"));
    (t, clock)
}

fn decide(
    t: &mut Tracker,
    client: &str,
    choice: Choice,
) -> Result<gardefou::decisions::Decision, Error> {
    t.record_decision(NewDecision::new(client, choice))
}

#[test]
fn the_week_flags_each_client_for_its_reasons() {
    let (mut t, _) = seeded();
    let r = review(&mut t, None).unwrap();
    assert_eq!(r.week, date("2026-11-23"));
    let got: Vec<(&str, &[Reason])> = r
        .questions
        .iter()
        .map(|q| (q.flagged.client.as_str(), q.flagged.reasons.as_slice()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("Acme", &[Reason::OffHours { percent: 100 }][..]),
            (
                "Globex",
                &[Reason::Tag {
                    tag: "meeting".into(),
                    percent: 50
                }][..]
            ),
            (
                "Infopreneur SAS",
                &[Reason::CapReached {
                    total_seconds: 34 * 3600 + 1800,
                    cap_seconds: 20 * 3600
                }][..]
            ),
            (
                "Initech",
                &[Reason::UnderRate {
                    effective_rate_minor: 4000,
                    rate_minor: 8000,
                    currency: Currency::EUR
                }][..]
            ),
            (
                "Quiet",
                &[
                    Reason::OffHours { percent: 33 },
                    Reason::Overrides { count: 1 }
                ][..]
            ),
        ]
    );
    // Ending it frees the client's average over the last 4 weeks.
    let info = &r.questions[2];
    assert_eq!(info.flagged.frees_seconds_per_week, (34 * 3600 + 1800) / 4);
    assert_eq!(
        weekly_seconds_freed(&mut t, info.client_id, r.week).unwrap(),
        (34 * 3600 + 1800) / 4
    );
    assert!(r.questions.iter().all(|q| q.answered.is_none()));
}

#[test]
fn one_decision_per_client_per_week_and_a_skip_counts() {
    let (mut t, _) = seeded();
    let d = decide(&mut t, "infopreneur sas", Choice::Renegotiate).unwrap();
    assert_eq!(
        (d.client.as_str(), d.week),
        ("Infopreneur SAS", date("2026-11-23"))
    );
    assert_eq!(d.id.get_version_num(), 7);
    let again = decide(&mut t, "Infopreneur SAS", Choice::Keep).unwrap_err();
    assert!(
        matches!(
            again,
            Error::DecisionExists {
                choice: Choice::Renegotiate,
                ..
            }
        ),
        "{again:?}"
    );
    assert_eq!(again.kind(), ErrorKind::InvalidValue);
    assert!(
        again
            .message(gardefou::i18n::Locale::En)
            .contains("one decision per client per week")
    );
    // A skip is an answer: never asked again for that week.
    decide(&mut t, "Globex", Choice::Skip).unwrap();
    assert!(matches!(
        decide(&mut t, "Globex", Choice::Keep),
        Err(Error::DecisionExists {
            choice: Choice::Skip,
            ..
        })
    ));
    let r = review(&mut t, None).unwrap();
    let answered: Vec<(&str, Option<Choice>)> = r
        .questions
        .iter()
        .map(|q| (q.flagged.client.as_str(), q.answered))
        .collect();
    assert_eq!(answered[1], ("Globex", Some(Choice::Skip)));
    assert_eq!(answered[2], ("Infopreneur SAS", Some(Choice::Renegotiate)));
    assert_eq!(answered[0], ("Acme", None));
    // Another week (any of its days) takes its own decision.
    let mut next = NewDecision::new("Globex", Choice::Keep);
    next.week = Some(date("2026-11-18"));
    assert_eq!(t.record_decision(next).unwrap().week, date("2026-11-16"));
    let listed: Vec<(NaiveDate, Choice)> = t
        .decisions(Some("globex"))
        .unwrap()
        .iter()
        .map(|d| (d.week, d.choice))
        .collect();
    assert_eq!(
        listed,
        vec![
            (date("2026-11-16"), Choice::Keep),
            (date("2026-11-23"), Choice::Skip)
        ]
    );
    assert_eq!(t.decisions(None).unwrap().len(), 3);
}

#[test]
fn details_must_fit_the_choice() {
    let (mut t, _) = seeded();
    let mut keep = NewDecision::new("Acme", Choice::Keep);
    keep.rate = Some("55".into());
    let e = t.record_decision(keep).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Invalid {
                field: "rate",
                problem: Problem::NotForChoice {
                    choice: Choice::Keep
                },
                ..
            }
        ),
        "{e:?}"
    );
    let e = decide(&mut t, "Acme", Choice::RaiseRate).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Invalid {
                problem: Problem::RateNeeded,
                ..
            }
        ),
        "{e:?}"
    );
    let mut end = NewDecision::new("Acme", Choice::EndEngagement);
    end.notice_until = Some(date("2026-11-28"));
    let e = t.record_decision(end).unwrap_err();
    assert!(
        matches!(
            e,
            Error::Invalid {
                field: "notice_until",
                problem: Problem::NoticeNotAfterToday,
                ..
            }
        ),
        "{e:?}"
    );
    let mut bad_rate = NewDecision::new("Acme", Choice::RaiseRate);
    bad_rate.rate = Some("lots".into());
    assert!(t.record_decision(bad_rate).is_err());
    // Nothing was written by the refusals.
    assert!(t.decisions(None).unwrap().is_empty());
    assert_eq!(t.client("Acme").unwrap().rate_minor, 4000);
}

#[test]
fn raising_the_rate_applies_from_now_on_only() {
    let (mut t, clock) = seeded();
    let mut raise = NewDecision::new("Initech", Choice::RaiseRate);
    raise.rate = Some("100".into());
    raise.note = Some("  after the audit  ".into());
    let d = t.record_decision(raise).unwrap();
    assert_eq!(
        (d.new_rate_minor, d.currency, d.note.as_str()),
        (Some(10_000), Some(Currency::EUR), "after the audit")
    );
    assert_eq!(t.client("Initech").unwrap().rate_minor, 10_000);
    clock.set(paris("2026-11-30 12:00"));
    session(
        &mut t,
        "Initech",
        "2026-11-30 09:00",
        "2026-11-30 11:00",
        &[],
        true,
    );
    let rates: Vec<i64> = t
        .log(
            Some(date("2026-11-01")),
            Some(date("2026-11-30")),
            Some("Initech"),
        )
        .unwrap()
        .iter()
        .map(|s| s.rate_minor)
        .collect();
    assert_eq!(rates, vec![8_000, 8_000, 10_000]);
}

#[test]
fn ending_now_archives_the_client_and_keeps_its_history() {
    let (mut t, clock) = seeded();
    // Not while its timer runs: nothing is recorded then.
    clock.set(paris("2026-11-28 13:00"));
    let mut start = StartRequest::new("Acme");
    start.override_reason = Some("one last fix".into());
    t.start(start).unwrap();
    clock.set(paris("2026-11-28 13:30"));
    assert!(matches!(
        decide(&mut t, "Acme", Choice::EndEngagement),
        Err(Error::ClientRunning { .. })
    ));
    assert!(t.decisions(None).unwrap().is_empty());
    t.stop(None).unwrap();
    let d = decide(&mut t, "Acme", Choice::EndEngagement).unwrap();
    assert_eq!(d.notice_until, None);
    assert!(t.client("Acme").unwrap().archived);
    assert!(matches!(
        t.start(StartRequest::new("Acme")),
        Err(Error::ArchivedClient { .. })
    ));
    let r = review(&mut t, Some(date("2026-11-25"))).unwrap();
    assert!(
        r.questions.iter().any(|q| q.flagged.client == "Acme"),
        "history stays"
    );
}

#[test]
fn a_notice_period_keeps_the_client_startable_then_archives_it() {
    let (mut t, clock) = seeded();
    let mut end = NewDecision::new("Quiet", Choice::EndEngagement);
    end.notice_until = Some(date("2026-12-04"));
    decide(&mut t, "Infopreneur SAS", Choice::Renegotiate).unwrap();
    t.record_decision(end).unwrap();
    assert!(!t.client("Quiet").unwrap().archived);
    // Wednesday 2 December: still startable; the summary counts the days left.
    clock.set(paris("2026-12-02 10:00"));
    assert!(t.end_due_engagements().unwrap().is_empty());
    t.start(StartRequest::new("Quiet")).unwrap();
    clock.set(paris("2026-12-02 11:00"));
    t.stop(None).unwrap();
    let r = review(&mut t, Some(date("2026-12-02"))).unwrap();
    let quiet = r
        .recent
        .iter()
        .find(|d| d.decision.client == "Quiet")
        .unwrap();
    assert_eq!(quiet.days_left, Some(2));
    assert_eq!(
        quiet.notice_message.as_deref(),
        Some("Quiet can still be started for 2 more days; the engagement ends on Fri 4 Dec 2026.")
    );
    // The notice's last day is still a working day with the client.
    clock.set(paris("2026-12-04 23:59"));
    assert!(t.end_due_engagements().unwrap().is_empty());
    // The day after, the check archives it, once.
    clock.set(paris("2026-12-05 08:00"));
    let ended = t.end_due_engagements().unwrap();
    assert_eq!(
        ended.iter().map(|d| d.client.as_str()).collect::<Vec<_>>(),
        vec!["Quiet"]
    );
    assert!(t.client("Quiet").unwrap().archived);
    assert!(t.end_due_engagements().unwrap().is_empty());
    assert!(matches!(
        t.start(StartRequest::new("Quiet")),
        Err(Error::ArchivedClient { .. })
    ));
    // Brought back by hand, it is not archived again.
    t.set_client_archived("Quiet", false).unwrap();
    assert!(t.end_due_engagements().unwrap().is_empty());
    assert!(!t.client("Quiet").unwrap().archived);
}

#[test]
fn a_recent_decision_is_told_beside_the_next_weeks_figures_in_both_languages() {
    let (mut t, clock) = seeded();
    clock.set(paris("2026-11-27 19:00"));
    decide(&mut t, "Infopreneur SAS", Choice::Renegotiate).unwrap();
    decide(&mut t, "Globex", Choice::Skip).unwrap();
    clock.set(paris("2026-12-06 20:00"));
    for day in [
        "2026-11-30",
        "2026-12-01",
        "2026-12-02",
        "2026-12-03",
        "2026-12-04",
    ] {
        session(
            &mut t,
            "Infopreneur SAS",
            &format!("{day} 09:00"),
            &format!("{day} 15:54"),
            &[],
            true,
        );
    }
    let r = review(&mut t, None).unwrap();
    assert_eq!(r.week, date("2026-11-30"));
    // Skips are not recalled; one line per client.
    assert_eq!(r.recent.len(), 1);
    let info = &r.recent[0];
    assert_eq!(info.week_seconds, 5 * (6 * 3600 + 54 * 60));
    assert_eq!(
        info.message,
        "On Fri 27 Nov you chose to renegotiate with Infopreneur SAS: 34 h 30 min this week against its 20 h cap."
    );
    t.set_setting("locale", "fr").unwrap();
    let r = review(&mut t, None).unwrap();
    assert_eq!(
        r.recent[0].message,
        "Le ven. 27 nov., vous avez choisi de renégocier avec Infopreneur SAS\u{a0}: 34\u{202f}h\u{202f}30 cette semaine pour un plafond de 20\u{202f}h."
    );
    // Four weeks later it is no longer recent.
    let later = review(&mut t, Some(date("2026-12-28"))).unwrap();
    assert!(later.recent.is_empty());
}

#[test]
fn the_summary_opens_once_at_the_end_of_the_working_week() {
    let (mut t, clock) = tracker_at("2026-11-27 17:59");
    assert_eq!(t.summary_due().unwrap(), None);
    clock.set(paris("2026-11-27 18:00"));
    assert_eq!(t.summary_due().unwrap(), Some(date("2026-11-23")));
    assert_eq!(t.last_summary_shown().unwrap(), None);
    assert_eq!(
        t.record_summary_shown(date("2026-11-27")).unwrap(),
        date("2026-11-23")
    );
    assert_eq!(t.last_summary_shown().unwrap(), Some(date("2026-11-23")));
    assert_eq!(t.summary_due().unwrap(), None);
    clock.set(paris("2026-11-30 09:00"));
    assert_eq!(
        t.summary_due().unwrap(),
        None,
        "never twice for the same week"
    );
    // The next week, with the setting off, nothing opens.
    clock.set(paris("2026-12-04 18:30"));
    assert_eq!(t.summary_due().unwrap(), Some(date("2026-11-30")));
    assert_eq!(t.set_setting("summary_auto_open", "off").unwrap(), "off");
    assert_eq!(t.summary_due().unwrap(), None);
}
