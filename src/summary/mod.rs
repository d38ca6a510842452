//! The end-of-week summary window's read model: the week report
//! ([`crate::report::WeekReport`]) and the weekly review
//! ([`crate::decisions::Review`]) of one week, read in one transaction, with
//! every figure already written in the user's language ("34 h 30",
//! "1 575,00 €", "lun. 23 nov."). The window draws it and computes nothing;
//! the raw seconds are kept beside the texts for the charts' proportions.

mod build;

use chrono::NaiveDate;
use serde::Serialize;

use crate::calendar::local_date;
use crate::error::Result;
use crate::rules::CapLevel;
use crate::store;
use crate::tracker::Reads;

pub use build::compose;

/// One week as the summary window shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct WeekSummary {
    /// `en` or `fr`: the language the texts are in.
    pub locale: String,
    /// `2026-W48`.
    pub week: String,
    /// The week's first and last local dates, `YYYY-MM-DD`.
    pub first_day: String,
    pub last_day: String,
    /// "Mon 23 Nov" and "Sun 29 Nov 2026".
    pub start_text: String,
    pub end_text: String,
    pub timezone: String,
    /// The neighbouring weeks' first days; no next week after the current one.
    pub previous: String,
    pub next: Option<String>,
    /// Today's local date (the date picker's maximum).
    pub today: String,
    /// Tomorrow's local date: the earliest last day of a notice period.
    pub tomorrow: String,
    pub days: Vec<SummaryDay>,
    pub clients: Vec<SummaryClient>,
    pub total_seconds: i64,
    pub total_text: String,
    pub billable_seconds: i64,
    pub billable_text: String,
    /// The totals as the grid writes them (`27:50`), empty for nothing.
    pub total_cell: String,
    pub billable_cell: String,
    /// The billable amount per currency ("1 575,00 €"), never added across currencies.
    pub amounts: Vec<String>,
    pub weekly_cap: Option<CapLine>,
    /// The weekly cap shared over the week's working days: the bars' guide.
    pub daily_guide_seconds: Option<i64>,
    pub daily_guide_text: Option<String>,
    /// The day chart's scale: the largest day or the guide, whichever is higher.
    pub chart_max_seconds: i64,
    pub off_hours_seconds: i64,
    pub off_hours_text: String,
    pub rest_day_seconds: i64,
    pub rest_day_text: String,
    pub weekend_streak: u32,
    pub weekend_streak_limit: u32,
    pub discarded_seconds: i64,
    pub discarded_text: String,
    pub overrides: Vec<OverrideView>,
    pub alerts: Vec<AlertView>,
    /// Calls (sessions with a planned length) that ran past it.
    pub calls: Vec<CallView>,
    pub health: Vec<HealthView>,
    pub trend: TrendView,
    /// One question per client the week flags.
    pub questions: Vec<QuestionView>,
    /// Recent decisions beside this week's figures.
    pub recent: Vec<RecentView>,
}

/// One day of the week: the grid's column and the chart's bar.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SummaryDay {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// "Mon 23" / "lun. 23".
    pub label: String,
    /// All clients' seconds that day, and as text.
    pub total_seconds: i64,
    pub total_text: String,
    pub rest_day: bool,
    /// The day's bar, one segment per client with time that day (grid order).
    pub segments: Vec<Segment>,
}

/// A client's part of a day's bar.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Segment {
    pub client: String,
    pub color: String,
    pub seconds: i64,
    pub text: String,
}

/// A figure and its text ("2:30" in the grid).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Cell {
    pub seconds: i64,
    /// Empty for nothing (the grid shows a quiet dot).
    pub text: String,
}

/// One client's row of the week.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SummaryClient {
    pub id: String,
    pub name: String,
    pub color: String,
    /// Seven cells, the week's first day first.
    pub days: Vec<Cell>,
    pub total_seconds: i64,
    pub total_text: String,
    pub billable_seconds: i64,
    pub billable_text: String,
    /// Per currency, usually one.
    pub amounts: Vec<String>,
    pub cap: Option<CapLine>,
    pub off_hours_seconds: i64,
    pub off_hours_text: String,
    pub rest_day_seconds: i64,
    pub rest_day_text: String,
    pub discarded_seconds: i64,
    pub discarded_text: String,
}

/// Tracked time against a cap: amber approaching, red crossed.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CapLine {
    pub tracked_seconds: i64,
    pub cap_seconds: i64,
    pub percent: i64,
    pub level: CapLevel,
    pub tracked_text: String,
    pub cap_text: String,
    pub percent_text: String,
}

/// A boundary crossed on purpose, with the reason given.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct OverrideView {
    /// "Thu 26 Nov 19:05".
    pub when: String,
    pub client: Option<String>,
    /// The alert kinds crossed (`off_hours`, ...): the window names them.
    pub boundaries: Vec<String>,
    pub reason: String,
}

/// An alert fired during the week.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AlertView {
    pub when: String,
    pub kind: String,
    pub client: Option<String>,
    pub message: String,
}

/// A call that ran past its planned length.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CallView {
    pub client: String,
    pub color: String,
    /// When it started.
    pub when: String,
    pub planned_text: String,
    pub actual_text: String,
    pub over_seconds: i64,
    pub over_text: String,
}

/// One client's health over the last 4 weeks.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct HealthView {
    pub client: String,
    pub color: String,
    pub tracked_text: String,
    /// The rate sentence: what the client really pays against what was agreed.
    pub rate_sentence: String,
    /// True when the effective rate is under the agreed one.
    pub under_rate: bool,
    /// The shares, each a label and a value ("Outside working hours", "12 %").
    pub shares: Vec<Share>,
    /// The sentences of the shares over their thresholds.
    pub flags: Vec<String>,
}

/// A share of a client's time.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Share {
    /// `off_hours`, `non_billable` or `tag`.
    pub kind: String,
    /// The tag, for `tag` shares.
    pub tag: Option<String>,
    pub percent: i64,
    pub percent_text: String,
    pub flagged: bool,
}

/// The last 8 weeks per client, oldest first, the reported week last.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrendView {
    /// `W41` ... `W48`.
    pub weeks: Vec<String>,
    pub clients: Vec<TrendClient>,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct TrendClient {
    pub client: String,
    pub color: String,
    pub weeks: Vec<Cell>,
    /// The bars' scale: the client's own largest week (the shape is the trend).
    pub max_seconds: i64,
}

/// The week's question about one flagged client.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct QuestionView {
    pub client_id: String,
    pub client: String,
    pub color: String,
    /// Why it is asked, one sentence per reason.
    pub reasons: Vec<String>,
    /// The answer already recorded for this week (`keep`, ..., `skip`): not asked again.
    pub answered: Option<String>,
    /// The client's rate today, as the rate field takes it (`45.50`) and as text.
    pub rate: String,
    pub rate_text: String,
    pub currency: String,
    /// "That frees about 8 h a week (the average of the last 4 weeks)."
    pub frees_text: String,
    pub frees_seconds_per_week: i64,
}

/// A recent decision beside what happened since.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct RecentView {
    pub client: String,
    pub choice: String,
    pub message: String,
    pub notice_message: Option<String>,
}

impl WeekSummary {
    /// The summary of the week containing `date` (default: the week under
    /// review, the last one whose working week ended), in one read.
    pub fn read(source: &mut impl Reads, date: Option<NaiveDate>) -> Result<Self> {
        source.read(|tx| {
            let policy = tx.settings.policy();
            let date = date.unwrap_or_else(|| crate::decisions::review_week(&policy, tx.now));
            let report = crate::report::week_report_in(tx, Some(date))?;
            let review = crate::decisions::review::review_of(tx, &report)?;
            let conn = tx.conn();
            let clients = store::list_clients(conn)?;
            let windows = crate::report::WeekWindows::around(
                report.start,
                policy.week_start,
                policy.timezone,
            );
            let sessions = store::sessions_in_range(conn, windows.week.0, windows.week.1, None)?;
            Ok(compose(&build::Input {
                report: &report,
                review: &review,
                clients: &clients,
                sessions: &sessions,
                policy: &policy,
                today: local_date(tx.now, policy.timezone),
                now: tx.now,
                locale: tx.settings.locale,
            }))
        })
    }
}
