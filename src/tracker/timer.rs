//! The timer: start (with the boundaries' say), stop, status.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use crate::error::{Error, Result};
use crate::model::{Session, Source, normalize_tags, validate_note};
use crate::store;
use crate::when::check_accepted;

use super::boundaries;
use super::clients::find_client;
use super::sessions::overlap_error;
use super::{Tracker, load_settings};

/// A timer start.
#[derive(Debug, Clone)]
pub struct StartRequest {
    pub client: String,
    /// When the work began; now when absent.
    pub at: Option<DateTime<Utc>>,
    pub note: String,
    pub tags: Vec<String>,
    pub billable: bool,
    pub planned_seconds: Option<i64>,
    pub source: Source,
    /// A reason given to cross a boundary on purpose.
    pub override_reason: Option<String>,
}

impl StartRequest {
    pub fn new(client: impl Into<String>) -> Self {
        Self {
            client: client.into(),
            at: None,
            note: String::new(),
            tags: Vec::new(),
            billable: true,
            planned_seconds: None,
            source: Source::Timer,
            override_reason: None,
        }
    }
}

/// What a start did.
#[derive(Debug, Clone)]
pub struct StartOutcome {
    pub started: Session,
    /// The timer that was running and was stopped at the new start.
    pub stopped: Option<Session>,
    /// The running timer started at the same second and was replaced in place.
    pub replaced: bool,
}

/// The timer's state.
#[derive(Debug, Clone)]
pub struct Status {
    pub now: DateTime<Utc>,
    pub running: Option<Session>,
    pub timezone: Tz,
}

impl Status {
    pub fn elapsed_seconds(&self) -> Option<i64> {
        self.running.as_ref().map(|s| s.duration_seconds(self.now))
    }
}

impl Tracker {
    /// Starts a timer. A running timer is stopped at the same instant (or
    /// replaced, if it started at that very second), in the same transaction.
    pub fn start(&mut self, request: StartRequest) -> Result<StartOutcome> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let settings = load_settings(conn, system)?;
            let tz = settings.timezone;
            let at = request.at.unwrap_or(now);
            check_accepted(at, now, tz)?;
            let client = find_client(conn, &request.client)?;
            if client.archived {
                return Err(Error::ArchivedClient {
                    client_id: client.id,
                    name: client.name,
                });
            }
            let note = validate_note(&request.note)?;
            let tags = normalize_tags(&request.tags)?;
            let running = store::running_session(conn)?;
            let mut session = Session {
                id: crate::ids::new_id(now),
                number: 0,
                client_id: client.id,
                client_name: client.name.clone(),
                start: at,
                end: None,
                billable: request.billable,
                note,
                tags,
                source: request.source,
                rate_minor: client.rate_minor,
                currency: client.currency,
                zone: tz.name().to_string(),
                planned_seconds: request.planned_seconds,
                deleted: false,
                created_at: now,
                updated_at: now,
            };
            if let Some(current) = &running
                && at < current.start
            {
                return Err(overlap_error(current, tz));
            }
            // Finished sessions after `at` would overlap a timer running from `at` to now.
            let colliding =
                store::overlapping_sessions(conn, at, None, running.as_ref().map(|r| r.id))?;
            if let Some(first) = colliding.first() {
                return Err(overlap_error(first, tz));
            }
            // Boundaries come after the data's own rules: an overlap is an error, not a refusal.
            let overridden = boundaries::enforce_start(
                conn,
                &settings,
                &client,
                at,
                now,
                request.override_reason.as_deref(),
            )?;
            let outcome: Result<StartOutcome> = match running {
                Some(current) if current.start == at => {
                    session.id = current.id;
                    session.number = current.number;
                    session.created_at = current.created_at;
                    store::update_session(conn, &session)?;
                    Ok(StartOutcome {
                        started: session,
                        stopped: Some(current),
                        replaced: true,
                    })
                }
                Some(mut current) => {
                    current.end = Some(at);
                    current.updated_at = now;
                    store::update_session(conn, &current)?;
                    session.number = store::insert_session(conn, &session)?;
                    Ok(StartOutcome {
                        started: session,
                        stopped: Some(current),
                        replaced: false,
                    })
                }
                None => {
                    session.number = store::insert_session(conn, &session)?;
                    Ok(StartOutcome {
                        started: session,
                        stopped: None,
                        replaced: false,
                    })
                }
            };
            let outcome = outcome?;
            if let Some(record) = overridden {
                boundaries::record_override(conn, record, outcome.started.id, now)?;
            }
            Ok(outcome)
        })
    }

    /// Stops the running timer (now, or at `at`). Never refuses a long session.
    pub fn stop(&mut self, at: Option<DateTime<Utc>>) -> Result<Session> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let tz = load_settings(conn, system)?.timezone;
            let mut running = store::running_session(conn)?.ok_or(Error::NothingRunning)?;
            let at = at.unwrap_or(now);
            check_accepted(at, now, tz)?;
            if at <= running.start {
                return Err(Error::StopBeforeStart {
                    number: running.number,
                    start: running.start,
                    zone: tz,
                });
            }
            running.end = Some(at);
            running.updated_at = now;
            store::update_session(conn, &running)?;
            Ok(running)
        })
    }

    pub fn status(&mut self) -> Result<Status> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            Ok(Status {
                now,
                running: store::running_session(conn)?,
                timezone: load_settings(conn, system)?.timezone,
            })
        })
    }
}
