//! Away time: idle input, a suspend, an unwatched stretch. What to offer on
//! return, and what each answer does to the session (a split, computed here,
//! written by the tracker in one transaction).

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use uuid::Uuid;

use crate::error::{DatabaseError, Error};
use crate::i18n::{Locale, format};
use crate::model::{Client, Session};
use crate::tr;

/// A suspend shorter than this is not worth a question.
pub const MIN_SLEEP_SECONDS: i64 = 60;

/// Why the user was away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AwayCause {
    /// No keyboard or mouse input for `idle_after`.
    Idle,
    /// The machine slept (logind, or a wall/monotonic clock jump).
    Sleep,
    /// Nobody watched the timer (a stale heartbeat: crash, power cut).
    Stale,
}

impl AwayCause {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Idle => "idle",
            Self::Sleep => "sleep",
            Self::Stale => "stale",
        }
    }

    pub fn parse(text: &str) -> Result<Self, Error> {
        match text {
            "idle" => Ok(Self::Idle),
            "sleep" => Ok(Self::Sleep),
            "stale" => Ok(Self::Stale),
            other => Err(DatabaseError::UnknownAwayValue {
                value: other.to_string(),
            }
            .into()),
        }
    }
}

/// What the user said about an away period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AwayAnswer {
    /// It was work: nothing changes but the record.
    Keep,
    /// It was not work: the time is dropped.
    Discard,
    /// It was work for another client.
    Reassign,
    /// It was work, not to be billed.
    NonBillable,
}

impl AwayAnswer {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Keep => "keep",
            Self::Discard => "discard",
            Self::Reassign => "reassign",
            Self::NonBillable => "non_billable",
        }
    }

    pub fn parse(text: &str) -> Result<Self, Error> {
        match text {
            "keep" => Ok(Self::Keep),
            "discard" => Ok(Self::Discard),
            "reassign" => Ok(Self::Reassign),
            "non_billable" => Ok(Self::NonBillable),
            other => Err(DatabaseError::UnknownAwayValue {
                value: other.to_string(),
            }
            .into()),
        }
    }
}

/// A stretch the shell saw the user away, `[from, to)`: from the last input
/// (or the suspend) to the return (or the resume).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AwaySpan {
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub cause: AwayCause,
}

/// A stored, answered away period (append-only, sync-ready).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwayPeriod {
    pub id: Uuid,
    /// The session the time was tracked in when the question was asked.
    pub session_id: Uuid,
    pub client_id: Uuid,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub cause: AwayCause,
    pub answer: AwayAnswer,
    /// The session the away part became (given to another client, non-billable).
    pub split_session_id: Option<Uuid>,
    pub answered_at: DateTime<Utc>,
}

impl AwayPeriod {
    pub fn seconds(&self) -> i64 {
        (self.to - self.from).num_seconds()
    }
}

/// A question to ask on return: the session ran while the user was away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AwayOffer {
    pub session_id: Uuid,
    pub number: i64,
    pub client: String,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub cause: AwayCause,
}

impl AwayOffer {
    pub fn seconds(&self) -> i64 {
        (self.to - self.from).num_seconds()
    }

    /// The question, naming the client and the instants.
    pub fn message(&self, tz: Tz, l: Locale) -> String {
        let from = self.from.with_timezone(&tz);
        let to = self.to.with_timezone(&tz);
        tr!(
            l,
            "watch-away-question",
            cause = self.cause.as_str(),
            client = &self.client,
            day = format::day(from.date_naive(), l),
            from = from.format("%H:%M").to_string(),
            to = to.format("%H:%M").to_string(),
            duration = format::duration(self.seconds(), l)
        )
    }
}

/// What to offer for `session`, given the spans the shell saw, the periods
/// already answered, `idle_after` (`None`: idle detection off) and now.
///
/// Spans are clipped to the session; idle spans shorter than `idle_after` and
/// suspends shorter than a minute are ignored; a span still open at `now`
/// waits for the return; overlapping spans merge (a suspend inside an idle
/// stretch is one absence, told as a sleep); answered time is never offered
/// again.
pub fn away_offers(
    session: &Session,
    spans: &[AwaySpan],
    answered: &[AwayPeriod],
    idle_after: Option<i64>,
    now: DateTime<Utc>,
) -> Vec<AwayOffer> {
    let end = session.end_or(now);
    let mut kept: Vec<AwaySpan> = spans
        .iter()
        .filter(|s| s.to <= now)
        .filter(|s| {
            let length = (s.to - s.from).num_seconds();
            match s.cause {
                AwayCause::Idle => idle_after.is_some_and(|min| min > 0 && length >= min),
                AwayCause::Sleep => length >= MIN_SLEEP_SECONDS,
                AwayCause::Stale => length > super::STALE_AFTER_SECONDS,
            }
        })
        .filter_map(|s| {
            let from = s.from.max(session.start);
            let to = s.to.min(end);
            (from < to).then_some(AwaySpan { from, to, ..*s })
        })
        .collect();
    kept.sort_by_key(|s| s.from);
    let mut merged: Vec<AwaySpan> = Vec::new();
    for span in kept {
        match merged.last_mut() {
            Some(last) if span.from <= last.to => {
                last.to = last.to.max(span.to);
                last.cause = stronger(last.cause, span.cause);
            }
            _ => merged.push(span),
        }
    }
    let mine: Vec<&AwayPeriod> = answered
        .iter()
        .filter(|a| a.session_id == session.id || a.split_session_id == Some(session.id))
        .collect();
    merged
        .into_iter()
        .flat_map(|span| subtract(span, &mine))
        .filter(|s| (s.to - s.from).num_seconds() >= MIN_SLEEP_SECONDS)
        .map(|s| AwayOffer {
            session_id: session.id,
            number: session.number,
            client: session.client_name.clone(),
            from: s.from,
            to: s.to,
            cause: s.cause,
        })
        .collect()
}

/// The cause a merged absence is told by: a suspend says more than idle input.
fn stronger(a: AwayCause, b: AwayCause) -> AwayCause {
    let rank = |c: AwayCause| match c {
        AwayCause::Sleep => 2,
        AwayCause::Idle => 1,
        AwayCause::Stale => 0,
    };
    if rank(b) > rank(a) { b } else { a }
}

/// `span` minus the answered periods.
fn subtract(span: AwaySpan, answered: &[&AwayPeriod]) -> Vec<AwaySpan> {
    let mut pieces = vec![span];
    for a in answered {
        pieces = pieces
            .into_iter()
            .flat_map(|p| {
                if a.to <= p.from || a.from >= p.to {
                    return vec![p];
                }
                let mut out = Vec::new();
                if p.from < a.from {
                    out.push(AwaySpan { to: a.from, ..p });
                }
                if a.to < p.to {
                    out.push(AwaySpan { from: a.to, ..p });
                }
                out
            })
            .collect();
    }
    pieces
}

/// What an answer does to the session's away part `[from, to)`.
#[derive(Debug, Clone, Copy)]
pub enum SplitAs<'a> {
    /// Drop it. `restart`: a running timer goes on, same client and details,
    /// from the return (`to`).
    Discard {
        restart: bool,
    },
    /// Give it to another client (its rate and currency).
    Reassign(&'a Client),
    NonBillable,
}

/// The writes of an answer, in order: the original (changed or deleted),
/// then the new sessions. Every piece lies inside the original's span, so no
/// overlap can appear; the original is ended before a running piece is added,
/// so at most one timer runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Split {
    /// The original session, changed; `None` when it is deleted.
    pub original: Option<Session>,
    /// New sessions (`number` 0 until stored).
    pub inserts: Vec<Session>,
    /// Which of `inserts` (or the original, `None` with `in_place`) is the away part.
    pub away_piece: Option<usize>,
    /// The original itself became the away part.
    pub away_in_place: bool,
}

/// Splits `session` around `[from, to)` (inside it, checked by the caller).
pub fn split(
    session: &Session,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    how: SplitAs<'_>,
    now: DateTime<Utc>,
) -> Split {
    let piece = |start: DateTime<Utc>, end: Option<DateTime<Utc>>| Session {
        id: crate::ids::new_id(now),
        number: 0,
        start,
        end,
        created_at: now,
        updated_at: now,
        ..session.clone()
    };
    let running = session.is_running();
    // What follows the away part: the rest of a finished session, or the
    // timer going on.
    let tail = |restart: bool| -> Option<Session> {
        match session.end {
            None if restart => Some(piece(to, None)),
            None => None,
            Some(end) if to < end => Some(piece(to, Some(end))),
            Some(_) => None,
        }
    };
    let mut original = session.clone();
    original.updated_at = now;
    match how {
        SplitAs::Discard { restart } => {
            let tail = tail(restart);
            if from == session.start {
                // Nothing before the away part: the tail (if any) replaces it.
                return match tail {
                    Some(t) if !running => {
                        original.start = t.start;
                        original.end = t.end;
                        Split {
                            original: Some(original),
                            inserts: Vec::new(),
                            away_piece: None,
                            away_in_place: false,
                        }
                    }
                    t => Split {
                        original: None,
                        inserts: t.into_iter().collect(),
                        away_piece: None,
                        away_in_place: false,
                    },
                };
            }
            original.end = Some(from);
            Split {
                original: Some(original),
                inserts: tail.into_iter().collect(),
                away_piece: None,
                away_in_place: false,
            }
        }
        SplitAs::Reassign(_) | SplitAs::NonBillable => {
            let change = |s: &mut Session| match how {
                SplitAs::Reassign(client) => {
                    s.client_id = client.id;
                    s.client_name = client.name.clone();
                    s.rate_minor = client.rate_minor;
                    s.currency = client.currency;
                }
                _ => s.billable = false,
            };
            // A running timer goes on for its own client after the away part.
            let tail = tail(true);
            if from == session.start {
                change(&mut original);
                original.end = Some(to);
                return Split {
                    original: Some(original),
                    inserts: tail.into_iter().collect(),
                    away_piece: None,
                    away_in_place: true,
                };
            }
            original.end = Some(from);
            let mut middle = piece(from, Some(to));
            change(&mut middle);
            let mut inserts = vec![middle];
            inserts.extend(tail);
            Split {
                original: Some(original),
                inserts,
                away_piece: Some(0),
                away_in_place: false,
            }
        }
    }
}
