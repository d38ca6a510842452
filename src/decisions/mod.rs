//! The weekly review: when the summary opens by itself ([`auto_open`]), which
//! clients the week flags ([`flags`]), the decisions the user takes about them
//! (stored by the tracker, one per client per week) and how each one reads
//! beside the weeks that followed ([`recent`]).

pub mod auto_open;
pub mod flags;
pub mod recent;
pub mod review;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use uuid::Uuid;

use crate::money::Currency;

pub use auto_open::{review_week, summary_due, working_week_end};
pub use flags::{FlaggedClient, Reason, flagged_clients};
pub use recent::{RecentDecision, recent_decisions};
pub use review::{Question, Review, review, weekly_seconds_freed};

/// What the user chose for a client, or that they skipped the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Choice {
    /// Keep working as is.
    Keep,
    /// Renegotiate scope, hours or calls.
    Renegotiate,
    /// Raise the rate (applies to sessions tracked from then on).
    RaiseRate,
    /// End the engagement, now or at the end of a notice period.
    EndEngagement,
    /// Not answered; recorded so the question is not asked again for that week.
    Skip,
}

impl Choice {
    pub const ALL: [Self; 5] = [
        Self::Keep,
        Self::Renegotiate,
        Self::RaiseRate,
        Self::EndEngagement,
        Self::Skip,
    ];

    /// The stored and JSON word.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Keep => "keep",
            Self::Renegotiate => "renegotiate",
            Self::RaiseRate => "raise_rate",
            Self::EndEngagement => "end_engagement",
            Self::Skip => "skip",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }
}

/// One stored decision about one client for one week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Decision {
    pub id: Uuid,
    pub client_id: Uuid,
    pub client: String,
    /// The first local day of the week it was taken for.
    pub week: NaiveDate,
    pub choice: Choice,
    pub note: String,
    /// For `end_engagement` with a notice period: the last day the client can be started.
    pub notice_until: Option<NaiveDate>,
    /// For `raise_rate`: the new rate in minor units, in `currency`.
    pub new_rate_minor: Option<i64>,
    pub currency: Option<Currency>,
    /// When the end of the notice period archived the client.
    #[serde(skip)]
    pub ended_at: Option<DateTime<Utc>>,
    #[serde(skip)]
    pub created_at: DateTime<Utc>,
}

/// A decision as a front end describes it; text is parsed by the tracker so
/// that every front end validates the same way.
#[derive(Debug, Clone)]
pub struct NewDecision {
    pub client: String,
    /// Any day of the week decided about; `None`: the week under review
    /// ([`review_week`]).
    pub week: Option<NaiveDate>,
    pub choice: Choice,
    pub note: Option<String>,
    /// `end_engagement` only: the notice period's last day (after today);
    /// `None` ends it now.
    pub notice_until: Option<NaiveDate>,
    /// `raise_rate` only: the new decimal rate (`55.00`).
    pub rate: Option<String>,
}

impl NewDecision {
    pub fn new(client: impl Into<String>, choice: Choice) -> Self {
        Self {
            client: client.into(),
            week: None,
            choice,
            note: None,
            notice_until: None,
            rate: None,
        }
    }
}
