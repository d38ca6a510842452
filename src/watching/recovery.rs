//! Recovery: a running timer whose watcher stopped recording "last seen".

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use crate::i18n::{Locale, format};
use crate::model::Session;
use crate::tr;

/// A heartbeat older than this means nobody was watching the timer (the app
/// or `gardefou watch` records one each minute: two missed beats).
pub const STALE_AFTER_SECONDS: i64 = 120;

/// The question to ask: the timer ran unwatched from `last_seen` to `now`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovery {
    pub session_id: Uuid,
    pub number: i64,
    pub client: String,
    pub start: DateTime<Utc>,
    pub last_seen: DateTime<Utc>,
    pub now: DateTime<Utc>,
}

impl Recovery {
    /// How long the timer ran with nobody watching.
    pub fn unseen_seconds(&self) -> i64 {
        (self.now - self.last_seen).num_seconds()
    }

    /// The question, naming the client and the last-seen day and time.
    pub fn message(&self, tz: Tz, l: Locale) -> String {
        let seen = self.last_seen.with_timezone(&tz);
        tr!(
            l,
            "watch-recovery-question",
            client = &self.client,
            day = format::day(seen.date_naive(), l),
            time = seen.format("%H:%M").to_string(),
            duration = format::duration(self.unseen_seconds(), l)
        )
    }
}

/// The three answers; each is one tracker method in one transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecoveryAnswer {
    /// Stop the timer at the last-seen instant (the unseen time is discarded).
    StopAtLastSeen,
    /// Keep it running (the unseen time is kept; the question does not come back).
    KeepRunning,
    /// Stop it now (the unseen time is kept).
    StopNow,
}

impl RecoveryAnswer {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::StopAtLastSeen => "last-seen",
            Self::KeepRunning => "keep",
            Self::StopNow => "now",
        }
    }
}

/// The recovery question for the running session, if one stands.
///
/// `last_seen` is its heartbeat (`None`: nobody ever watched it, as with the
/// CLI alone: nothing to ask). `answered_from` is where the last answered
/// stale period of this session began: an answer to the same stale period
/// (the heartbeat has not moved since) silences the question.
pub fn recovery(
    running: Option<&Session>,
    last_seen: Option<DateTime<Utc>>,
    answered_from: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Option<Recovery> {
    let session = running.filter(|s| s.is_running() && !s.deleted)?;
    let last_seen = last_seen?.max(session.start);
    if (now - last_seen).num_seconds() <= STALE_AFTER_SECONDS {
        return None;
    }
    if answered_from.is_some_and(|from| from >= last_seen) {
        return None;
    }
    Some(Recovery {
        session_id: session.id,
        number: session.number,
        client: session.client_name.clone(),
        start: session.start,
        last_seen,
        now,
    })
}
