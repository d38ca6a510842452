//! "Still working for ‹client›?": a timer running past the end of the working
//! day, or for more than 12 h, is probably forgotten.

use chrono::{DateTime, Days, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use uuid::Uuid;

use crate::calendar::local_date;
use crate::i18n::Locale;
use crate::model::Session;
use crate::rules::WorkingHours;
use crate::tr;

/// A timer running longer than this is asked about, whatever the hours.
pub const LONG_TIMER_SECONDS: i64 = 12 * 3600;

/// Why the question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "reason")]
pub enum StillWorkingReason {
    /// The working day ended at `day_end` and the timer ran `nag_every` past it.
    AfterHours { day_end: DateTime<Utc> },
    /// The timer has run more than 12 h.
    Long { seconds: i64 },
}

/// The question for the notifier (with Stop among its actions) or the window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StillWorking {
    pub session_id: Uuid,
    pub client: String,
    #[serde(flatten)]
    pub reason: StillWorkingReason,
}

impl StillWorking {
    /// "Still working for ‹client›?"
    pub fn message(&self, l: Locale) -> String {
        tr!(l, "watch-still-working", client = &self.client)
    }

    /// A key that stays the same while the same question stands, so a shell
    /// asks once per working day end (or once for the long timer).
    pub fn key(&self) -> String {
        match self.reason {
            StillWorkingReason::AfterHours { day_end } => {
                format!("{}:after:{}", self.session_id, day_end.timestamp())
            }
            StillWorkingReason::Long { .. } => format!("{}:long", self.session_id),
        }
    }
}

/// The question, if `running` looks forgotten at `now`.
///
/// After hours: the timer was running when a working day ended (the end of
/// its last block, today's or yesterday's, in `tz`, so a night across
/// midnight counts) and `nag_every` has passed since (`None`: never asked
/// for this reason). Long: more than 12 h, whatever the hours; it wins when
/// both hold, as the stronger fact.
pub fn still_working(
    running: &Session,
    hours: &WorkingHours,
    nag_every: Option<i64>,
    tz: Tz,
    now: DateTime<Utc>,
) -> Option<StillWorking> {
    if !running.is_running() || running.deleted {
        return None;
    }
    let ask = |reason| StillWorking {
        session_id: running.id,
        client: running.client_name.clone(),
        reason,
    };
    let seconds = running.duration_seconds(now);
    if seconds > LONG_TIMER_SECONDS {
        return Some(ask(StillWorkingReason::Long { seconds }));
    }
    let nag = nag_every?;
    let today = local_date(now, tz);
    let day_end = [today.checked_sub_days(Days::new(1)), Some(today)]
        .into_iter()
        .flatten()
        .filter_map(|date| hours.blocks_on(date, tz).last().map(|(_, end)| *end))
        .filter(|end| *end <= now && running.start < *end)
        .max()?;
    ((now - day_end).num_seconds() >= nag).then(|| ask(StillWorkingReason::AfterHours { day_end }))
}
