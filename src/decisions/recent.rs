//! Each recent decision beside what happened since: "On Fri 27 Nov you chose
//! to renegotiate with Infopreneur SAS: 34 h 30 this week against its 20 h
//! cap." Read from the stored decisions and the week report.

use chrono::{Duration, NaiveDate};
use chrono_tz::Tz;
use serde::Serialize;

use super::{Choice, Decision};
use crate::calendar::local_date;
use crate::i18n::{Locale, format};
use crate::report::WeekReport;
use crate::tr;

/// Decisions taken for one of this many weeks before the reported one are shown.
pub const RECENT_WEEKS: i64 = 4;

/// A decision and the reported week's figures for its client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecentDecision {
    pub decision: Decision,
    /// The client's tracked time in the reported week.
    pub week_seconds: i64,
    /// The client's weekly cap today.
    pub cap_seconds: Option<i64>,
    /// For an engagement ending after a notice period: the days from the
    /// reported week's today (or its last day) to the end of the notice;
    /// zero on the last day.
    pub days_left: Option<i64>,
    /// The sentence the summary shows.
    pub message: String,
    /// The notice period's sentence, while it runs.
    pub notice_message: Option<String>,
}

/// The latest decision per client taken for one of the [`RECENT_WEEKS`]
/// weeks before `report`'s, skips left out, by client name. `today` is the
/// local date now; `caps` the clients' caps by name.
pub fn recent_decisions(
    decisions: &[Decision],
    report: &WeekReport,
    caps: &dyn Fn(&str) -> Option<i64>,
    (today, tz): (NaiveDate, Tz),
    locale: Locale,
) -> Vec<RecentDecision> {
    let oldest = report.start - Duration::weeks(RECENT_WEEKS);
    let mut latest: Vec<&Decision> = Vec::new();
    for d in decisions
        .iter()
        .filter(|d| d.choice != Choice::Skip && d.week >= oldest && d.week < report.start)
    {
        match latest.iter_mut().find(|l| l.client_id == d.client_id) {
            Some(slot) if (slot.week, slot.created_at) < (d.week, d.created_at) => *slot = d,
            Some(_) => {}
            None => latest.push(d),
        }
    }
    latest.sort_by_key(|d| d.client.to_lowercase());
    let reference = today.min(report.end);
    latest
        .into_iter()
        .map(|d| {
            let week_seconds = report
                .clients
                .iter()
                .find(|c| c.name == d.client)
                .map_or(0, |c| c.total_seconds);
            let cap_seconds = caps(&d.client);
            let date = format::day(local_date(d.created_at, tz), locale);
            let (tracked, client) = (format::duration(week_seconds, locale), &d.client);
            let choice = d.choice.as_str();
            let message = match cap_seconds {
                Some(cap) => tr!(
                    locale,
                    "decision-recent-cap",
                    date = date,
                    choice = choice,
                    client = client,
                    tracked = tracked,
                    cap = format::duration(cap, locale)
                ),
                None => tr!(
                    locale,
                    "decision-recent",
                    date = date,
                    choice = choice,
                    client = client,
                    tracked = tracked
                ),
            };
            let days_left = d
                .notice_until
                .filter(|_| d.ended_at.is_none())
                .map(|until| (until - reference).num_days())
                .filter(|days| *days >= 0);
            let notice_message = days_left.zip(d.notice_until).map(|(days, until)| {
                tr!(
                    locale,
                    "decision-notice-days-left",
                    client = client,
                    days = days,
                    until = format::day_with_year(until, locale)
                )
            });
            RecentDecision {
                decision: d.clone(),
                week_seconds,
                cap_seconds,
                days_left,
                message,
                notice_message,
            }
        })
        .collect()
}
