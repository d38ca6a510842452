//! Watching over the user: the heartbeat, the recovery answers, the away
//! answers and the "still working?" question. The decisions are
//! `crate::watching`'s; each method here is one transaction.

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::model::Session;
use crate::store;
use crate::watching::{
    self, AwayAnswer, AwayCause, AwayOffer, AwayPeriod, AwaySpan, Recovery, RecoveryAnswer,
    SplitAs, StillWorking,
};

use super::clients::find_client;
use super::{Tracker, load_settings};

/// What the user said about an away period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AwayChoice {
    Keep,
    /// The session ends where the away time began; `restart`: a running timer
    /// goes on from the return.
    Discard {
        restart: bool,
    },
    /// The away part becomes a session of this client (a name, any case).
    Reassign {
        client: String,
    },
    NonBillable,
}

/// An answer to an away offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AwayRequest {
    pub session_id: Uuid,
    pub from: DateTime<Utc>,
    pub to: DateTime<Utc>,
    pub cause: AwayCause,
    pub choice: AwayChoice,
}

/// What an away answer stored.
#[derive(Debug, Clone)]
pub struct AwayOutcome {
    pub period: AwayPeriod,
    /// The original session as it now is (`None`: deleted, all of it was away).
    pub session: Option<Session>,
    /// The sessions the answer created (the away part, the rest, a restart).
    pub created: Vec<Session>,
}

/// What a recovery answer did.
#[derive(Debug, Clone)]
pub struct Recovered {
    pub answer: RecoveryAnswer,
    pub question: Recovery,
    /// The session afterwards (stopped, or still running); `None` when it
    /// was all unwatched and stopping at last seen left nothing.
    pub session: Option<Session>,
}

impl Tracker {
    /// Records "last seen now" for the running session: one statement. The
    /// app and `gardefou watch` call it each minute while a timer runs.
    /// Returns false when nothing runs or a recovery question waits (a beat
    /// never hides the question: answer it first).
    pub fn heartbeat(&mut self) -> Result<bool> {
        let now = self.now();
        self.store.write(|conn| store::beat(conn, now))
    }

    /// The recovery question, if the running timer went unwatched for more
    /// than two minutes (a crash, a power cut, the app quit with a timer running).
    pub fn recovery(&mut self) -> Result<Option<Recovery>> {
        let now = self.now();
        self.store.read(|conn| pending_recovery(conn, now))
    }

    /// Answers the recovery question, in one transaction; the unwatched
    /// stretch is recorded as a `stale` away period, so the question does not
    /// come back for it.
    pub fn recover(&mut self, answer: RecoveryAnswer) -> Result<Recovered> {
        let now = self.now();
        self.store.write(|conn| {
            let question = match pending_recovery(conn, now)? {
                Some(q) => q,
                None => {
                    let running = store::running_session(conn)?.ok_or(Error::NothingRunning)?;
                    return Err(Error::NothingToRecover {
                        client: running.client_name,
                    });
                }
            };
            let mut session = store::running_session(conn)?.ok_or(Error::NothingRunning)?;
            let kept = match answer {
                RecoveryAnswer::StopAtLastSeen => AwayAnswer::Discard,
                RecoveryAnswer::KeepRunning | RecoveryAnswer::StopNow => AwayAnswer::Keep,
            };
            store::insert_away(
                conn,
                &AwayPeriod {
                    id: crate::ids::new_id(now),
                    session_id: session.id,
                    client_id: session.client_id,
                    from: question.last_seen,
                    to: now,
                    cause: AwayCause::Stale,
                    answer: kept,
                    split_session_id: None,
                    answered_at: now,
                },
            )?;
            let end = match answer {
                RecoveryAnswer::StopAtLastSeen => Some(question.last_seen),
                RecoveryAnswer::StopNow => Some(now),
                RecoveryAnswer::KeepRunning => None,
            };
            let after = match end {
                // Seen last at its very start: nothing of it was watched.
                Some(end) if end <= session.start => {
                    store::set_session_deleted(conn, session.id, Some(now), now)?;
                    None
                }
                Some(end) => {
                    session.end = Some(end);
                    session.updated_at = now;
                    store::update_session(conn, &session)?;
                    Some(session)
                }
                None => Some(session),
            };
            Ok(Recovered {
                answer,
                question,
                session: after,
            })
        })
    }

    /// What to ask about the spans the shell saw the user away (idle input,
    /// a suspend): one offer per unanswered stretch of each session they touch.
    pub fn away_offers(&mut self, spans: &[AwaySpan]) -> Result<Vec<AwayOffer>> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            let idle_after = load_settings(conn, system)?.idle_after;
            let (Some(from), Some(to)) = (
                spans.iter().map(|s| s.from).min(),
                spans.iter().map(|s| s.to).max(),
            ) else {
                return Ok(Vec::new());
            };
            let mut offers = Vec::new();
            for session in store::sessions_in_range(conn, from, to, None)? {
                let answered = store::away_for_session(conn, session.id)?;
                offers.extend(watching::away_offers(
                    &session, spans, &answered, idle_after, now,
                ));
            }
            Ok(offers)
        })
    }

    /// Stores the answer to an away offer and what it does to the session,
    /// in one transaction (no overlap can appear, at most one timer runs).
    pub fn answer_away(&mut self, request: AwayRequest) -> Result<AwayOutcome> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let tz = load_settings(conn, system)?.timezone;
            let session = session_by_id(conn, request.session_id)?;
            let (from, to) = (request.from, request.to);
            if from >= to || from < session.start || to > session.end_or(now) || to > now {
                return Err(Error::AwayOutsideSession {
                    number: session.number,
                    from,
                    to,
                    zone: tz,
                });
            }
            let answered = store::away_for_session(conn, session.id)?;
            if answered.iter().any(|a| a.from < to && from < a.to) {
                return Err(Error::AwayAlreadyAnswered {
                    number: session.number,
                    from,
                    to,
                    zone: tz,
                });
            }
            let other;
            let (answer, how) = match &request.choice {
                AwayChoice::Keep => (AwayAnswer::Keep, None),
                AwayChoice::Discard { restart } => (
                    AwayAnswer::Discard,
                    Some(SplitAs::Discard { restart: *restart }),
                ),
                AwayChoice::Reassign { client } => {
                    other = find_client(conn, client)?;
                    if other.archived {
                        return Err(Error::ArchivedClient {
                            client_id: other.id,
                            name: other.name,
                        });
                    }
                    (AwayAnswer::Reassign, Some(SplitAs::Reassign(&other)))
                }
                AwayChoice::NonBillable => (AwayAnswer::NonBillable, Some(SplitAs::NonBillable)),
            };
            let mut after = Some(session.clone());
            let mut created = Vec::new();
            let mut split_session_id = None;
            if let Some(how) = how {
                let split = watching::split(&session, from, to, how, now);
                match &split.original {
                    Some(changed) => store::update_session(conn, changed)?,
                    None => store::set_session_deleted(conn, session.id, Some(now), now)?,
                }
                for piece in &split.inserts {
                    let mut piece = piece.clone();
                    piece.number = store::insert_session(conn, &piece)?;
                    created.push(piece);
                }
                split_session_id = match (split.away_in_place, split.away_piece) {
                    (true, _) => Some(session.id),
                    (false, Some(index)) => created.get(index).map(|s| s.id),
                    (false, None) => None,
                };
                after = split.original;
            }
            let period = AwayPeriod {
                id: crate::ids::new_id(now),
                session_id: session.id,
                client_id: session.client_id,
                from,
                to,
                cause: request.cause,
                answer,
                split_session_id,
                answered_at: now,
            };
            store::insert_away(conn, &period)?;
            Ok(AwayOutcome {
                period,
                session: after,
                created,
            })
        })
    }

    /// "Still working for ‹client›?" for the running timer, if it looks forgotten.
    pub fn still_working(&mut self) -> Result<Option<StillWorking>> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            let settings = load_settings(conn, system)?;
            Ok(store::running_session(conn)?.and_then(|running| {
                watching::still_working(
                    &running,
                    &settings.working_hours,
                    settings.nag_every,
                    settings.timezone,
                    now,
                )
            }))
        })
    }
}

fn pending_recovery(conn: &Connection, now: DateTime<Utc>) -> Result<Option<Recovery>> {
    let Some(running) = store::running_session(conn)? else {
        return Ok(None);
    };
    let last_seen = store::last_seen(conn, running.id)?;
    let answered_from = store::away_for_session(conn, running.id)?
        .into_iter()
        .filter(|a| a.cause == AwayCause::Stale)
        .map(|a| a.from)
        .max();
    Ok(watching::recovery(
        Some(&running),
        last_seen,
        answered_from,
        now,
    ))
}

fn session_by_id(conn: &Connection, id: Uuid) -> Result<Session> {
    store::session_by_id(conn, id)?
        .filter(|s| !s.deleted)
        .ok_or_else(|| Error::SessionNotFound {
            handle: id.to_string(),
        })
}
