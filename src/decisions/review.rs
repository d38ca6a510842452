//! The weekly review as one read: the clients the week flags (with the answer
//! already given, if any) and the recent decisions beside this week's figures.

use chrono::{Duration, NaiveDate};
use serde::Serialize;
use uuid::Uuid;

use super::{
    Choice, FlaggedClient, RecentDecision, flagged_clients, recent_decisions, review_week,
};
use crate::calendar::{day_start, local_date, week_first_day};
use crate::error::Result;
use crate::report::clip::clipped_seconds;
use crate::report::health::HEALTH_WEEKS;
use crate::report::{WeekReport, week_report_in};
use crate::store;
use crate::tracker::{ReadTx, Reads};

/// What the summary asks and recalls for one week.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    /// The week's first local day.
    pub week: NaiveDate,
    pub questions: Vec<Question>,
    pub recent: Vec<RecentDecision>,
}

/// One flagged client's question.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub client_id: Uuid,
    #[serde(flatten)]
    pub flagged: FlaggedClient,
    /// The answer already recorded for this week (then it is not asked again).
    pub answered: Option<Choice>,
}

/// The review of the week containing `date` (default: the week under review,
/// [`review_week`]), read in one transaction.
pub fn review(source: &mut impl Reads, date: Option<NaiveDate>) -> Result<Review> {
    source.read(|tx| {
        let policy = tx.settings.policy();
        let week = match date {
            Some(d) => week_first_day(d, policy.week_start),
            None => review_week(&policy, tx.now),
        };
        let report = week_report_in(tx, Some(week))?;
        review_of(tx, &report)
    })
}

/// The review of `report`'s week, inside a read others share (the summary's).
pub(crate) fn review_of(tx: &ReadTx<'_>, report: &WeekReport) -> Result<Review> {
    let week = report.start;
    let policy = tx.settings.policy();
    let conn = tx.conn();
    let clients = store::list_clients(conn)?;
    let decisions = store::list_decisions(conn, None)?;
    let questions = flagged_clients(report)
        .into_iter()
        .filter_map(|flagged| {
            let client = clients.iter().find(|c| c.name == flagged.client)?;
            let answered = decisions
                .iter()
                .find(|d| d.client_id == client.id && d.week == week)
                .map(|d| d.choice);
            Some(Question {
                client_id: client.id,
                flagged,
                answered,
            })
        })
        .collect();
    let caps = |name: &str| {
        clients
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.cap_seconds)
    };
    let tz = policy.timezone;
    let recent = recent_decisions(
        &decisions,
        report,
        &caps,
        (local_date(tx.now, tz), tz),
        tx.settings.locale,
    );
    Ok(Review {
        week,
        questions,
        recent,
    })
}

/// How many seconds a week ending the engagement with `client_id` frees: its
/// average over the 4 weeks ending with the week that starts on `week`
/// (a running timer counts up to now).
pub fn weekly_seconds_freed(
    source: &mut impl Reads,
    client_id: Uuid,
    week: NaiveDate,
) -> Result<i64> {
    source.read(|tx| {
        let tz = tx.settings.timezone;
        let window = (
            day_start(week - Duration::weeks(HEALTH_WEEKS - 1), tz),
            day_start(week + Duration::weeks(1), tz),
        );
        let sessions = store::sessions_in_range(tx.conn(), window.0, window.1, Some(client_id))?;
        let total: i64 = sessions
            .iter()
            .map(|s| clipped_seconds(s, window, tx.now))
            .sum();
        Ok(total / HEALTH_WEEKS)
    })
}
