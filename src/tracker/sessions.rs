//! Sessions entered or changed by hand: add, edit, remove, restore, log.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use crate::calendar::{dates_range, local_date, week_range};
use crate::error::{Error, Problem, Result, SessionRef};
use crate::model::{LONG_SESSION_SECONDS, Session, Source, normalize_tags, validate_note};
use crate::store;
use crate::when::check_accepted;

use super::clients::find_client;
use super::{System, Tracker, load_settings};

/// A past session entered by hand.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub client: String,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub note: String,
    pub tags: Vec<String>,
    pub billable: bool,
    pub allow_long: bool,
    pub source: Source,
}

/// Changes to a session; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct SessionChanges {
    pub client: Option<String>,
    pub start: Option<DateTime<Utc>>,
    pub end: Option<DateTime<Utc>>,
    pub note: Option<String>,
    /// Replaces all tags when given.
    pub tags: Option<Vec<String>>,
    pub billable: Option<bool>,
    pub allow_long: bool,
}

impl Tracker {
    /// Records a past session. Never refused by a boundary: it is what happened.
    pub fn add_session(&mut self, new: NewSession) -> Result<Session> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let tz = load_settings(conn, system)?.timezone;
            check_span(new.start, Some(new.end), now, tz, new.allow_long)?;
            let client = find_client(conn, &new.client)?;
            let colliding = store::overlapping_sessions(conn, new.start, Some(new.end), None)?;
            if let Some(first) = colliding.first() {
                return Err(overlap_error(first, tz));
            }
            let mut session = Session {
                id: crate::ids::new_id(now),
                number: 0,
                client_id: client.id,
                client_name: client.name,
                start: new.start,
                end: Some(new.end),
                billable: new.billable,
                note: validate_note(&new.note)?,
                tags: normalize_tags(&new.tags)?,
                source: new.source,
                rate_minor: client.rate_minor,
                currency: client.currency,
                zone: tz.name().to_string(),
                planned_seconds: None,
                deleted: false,
                created_at: now,
                updated_at: now,
            };
            session.number = store::insert_session(conn, &session)?;
            Ok(session)
        })
    }

    /// Edits a session found by its number (`12`, `#12`) or id prefix.
    pub fn edit_session(&mut self, handle: &str, changes: SessionChanges) -> Result<Session> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let tz = load_settings(conn, system)?.timezone;
            let mut session = find_session(conn, handle)?;
            if session.deleted {
                return Err(Error::SessionDeleted {
                    number: session.number,
                });
            }
            if let Some(name) = &changes.client {
                let client = find_client(conn, name)?;
                if client.id != session.client_id {
                    session.rate_minor = client.rate_minor;
                    session.currency = client.currency;
                }
                session.client_id = client.id;
                session.client_name = client.name;
            }
            if let Some(start) = changes.start {
                session.start = start;
            }
            if let Some(end) = changes.end {
                session.end = Some(end);
            }
            check_span(session.start, session.end, now, tz, changes.allow_long)?;
            if let Some(note) = &changes.note {
                session.note = validate_note(note)?;
            }
            if let Some(tags) = &changes.tags {
                session.tags = normalize_tags(tags)?;
            }
            if let Some(billable) = changes.billable {
                session.billable = billable;
            }
            let colliding =
                store::overlapping_sessions(conn, session.start, session.end, Some(session.id))?;
            if let Some(first) = colliding.first() {
                return Err(overlap_error(first, tz));
            }
            session.updated_at = now;
            store::update_session(conn, &session)?;
            Ok(session)
        })
    }

    /// Soft-deletes a session; `restore_session` brings it back.
    pub fn remove_session(&mut self, handle: &str) -> Result<Session> {
        let now = self.now();
        self.store.write(|conn| {
            let mut session = find_session(conn, handle)?;
            if session.deleted {
                return Err(Error::SessionAlreadyDeleted {
                    number: session.number,
                });
            }
            store::set_session_deleted(conn, session.id, Some(now), now)?;
            session.deleted = true;
            Ok(session)
        })
    }

    pub fn restore_session(&mut self, handle: &str) -> Result<Session> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let tz = load_settings(conn, system)?.timezone;
            let mut session = find_session(conn, handle)?;
            if !session.deleted {
                return Err(Error::SessionNotDeleted {
                    number: session.number,
                });
            }
            if session.end.is_none() && store::running_session(conn)?.is_some() {
                return Err(Error::AnotherTimerRunning);
            }
            let colliding =
                store::overlapping_sessions(conn, session.start, session.end, Some(session.id))?;
            if let Some(first) = colliding.first() {
                return Err(overlap_error(first, tz));
            }
            store::set_session_deleted(conn, session.id, None, now)?;
            session.deleted = false;
            Ok(session)
        })
    }

    /// Sessions overlapping the local dates `from..=to` (default: the current
    /// week), oldest first, optionally for one client. Deleted ones are hidden.
    pub fn log(
        &mut self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        client: Option<&str>,
    ) -> Result<Vec<Session>> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            let (start, end, client_id) = log_range(conn, system, now, from, to, client)?;
            store::sessions_in_range(conn, start, end, client_id)
        })
    }

    /// The deleted sessions of the same range, oldest first: where a deleted
    /// session's number and id are found again, to bring it back.
    pub fn deleted_log(
        &mut self,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        client: Option<&str>,
    ) -> Result<Vec<Session>> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            let (start, end, client_id) = log_range(conn, system, now, from, to, client)?;
            store::deleted_sessions_in_range(conn, start, end, client_id)
        })
    }
}

/// The instants of a log's local dates `from..=to` (default: the current
/// week; an open end: the first accepted day, or today) and its client.
fn log_range(
    conn: &Connection,
    system: System,
    now: DateTime<Utc>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    client: Option<&str>,
) -> Result<(DateTime<Utc>, DateTime<Utc>, Option<uuid::Uuid>)> {
    let settings = load_settings(conn, system)?;
    let tz = settings.timezone;
    let (start, end) = match (from, to) {
        (None, None) => week_range(local_date(now, tz), settings.week_start, tz),
        (from, to) => {
            let from =
                from.unwrap_or_else(|| NaiveDate::from_ymd_opt(1971, 1, 1).unwrap_or_default());
            let to = to.unwrap_or_else(|| local_date(now, tz));
            if from > to {
                return Err(Error::RangeReversed { from, to });
            }
            dates_range(from, to, tz)
        }
    };
    let client_id = client
        .map(|name| find_client(conn, name))
        .transpose()?
        .map(|c| c.id);
    Ok((start, end, client_id))
}

/// Finds a session by its number (`12`, `#12`) or a prefix of its id (≥ 4
/// characters, dashes ignored). Digits are a number unless they start with
/// a zero and are long enough to be a prefix: a UUIDv7's hex starts with
/// `0` until the year 2527, so a prefix copied from an id is often all
/// digits (`0196…`), while a number is never written with a leading zero.
pub fn find_session(conn: &Connection, handle: &str) -> Result<Session> {
    let handle = handle.trim();
    let (explicit_number, handle) = match handle.strip_prefix('#') {
        Some(rest) => (true, rest),
        None => (false, handle),
    };
    let digits = handle.chars().filter(|c| *c != '-').count();
    let id_like = handle.starts_with('0') && digits >= MIN_ID_PREFIX;
    if (explicit_number || !id_like)
        && let Ok(number) = handle.parse::<i64>()
    {
        return store::session_by_number(conn, number)?.ok_or_else(|| Error::SessionNotFound {
            handle: number.to_string(),
        });
    }
    let prefix = handle.to_ascii_lowercase();
    if digits < MIN_ID_PREFIX || !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(Error::invalid(
            "session",
            handle,
            Problem::NotASessionHandle,
        ));
    }
    let mut found = store::sessions_by_id_prefix(conn, &prefix)?;
    match found.len() {
        0 => Err(Error::SessionNotFound {
            handle: handle.to_string(),
        }),
        1 => Ok(found.remove(0)),
        _ => Err(Error::AmbiguousSession {
            handle: handle.to_string(),
        }),
    }
}

/// The shortest id prefix a handle may be (shorter, too many sessions share it).
const MIN_ID_PREFIX: usize = 4;

/// Checks the bounds of a session: inside 1971..=now, not empty, not longer
/// than 24 h unless allowed.
fn check_span(
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    tz: Tz,
    allow_long: bool,
) -> Result<()> {
    check_accepted(start, now, tz)?;
    let Some(end) = end else { return Ok(()) };
    check_accepted(end, now, tz)?;
    if end < start {
        return Err(Error::EndBeforeStart {
            start,
            end,
            zone: tz,
        });
    }
    if end == start {
        return Err(Error::ZeroLength);
    }
    let seconds = (end - start).num_seconds();
    if seconds > LONG_SESSION_SECONDS && !allow_long {
        return Err(Error::TooLong { seconds });
    }
    Ok(())
}

pub(super) fn overlap_error(other: &Session, tz: Tz) -> Error {
    Error::Overlap(SessionRef {
        session_id: other.id,
        number: other.number,
        client: other.client_name.clone(),
        start: other.start,
        end: other.end,
        zone: tz,
    })
}
