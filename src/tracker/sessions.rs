//! Sessions entered or changed by hand: add, edit, remove, restore, log.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use uuid::Uuid;

use crate::calendar::{dates_range, local_date, week_range};
use crate::duration::format_human;
use crate::error::{Error, Result};
use crate::model::{LONG_SESSION_SECONDS, Session, Source, normalize_tags, validate_note};
use crate::store;
use crate::when::check_accepted;

use super::clients::find_client;
use super::{Tracker, load_settings};

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
        let (zone, now) = (self.system_zone, self.now());
        self.store.write(|conn| {
            let tz = load_settings(conn, zone)?.timezone;
            check_span(new.start, Some(new.end), now, tz, new.allow_long)?;
            let client = find_client(conn, &new.client)?;
            let colliding = store::overlapping_sessions(conn, new.start, Some(new.end), None)?;
            if let Some(first) = colliding.first() {
                return Err(overlap_error(first, tz));
            }
            let mut session = Session {
                id: Uuid::now_v7(),
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
        let (zone, now) = (self.system_zone, self.now());
        self.store.write(|conn| {
            let tz = load_settings(conn, zone)?.timezone;
            let mut session = find_session(conn, handle)?;
            if session.deleted {
                return Err(Error::invalid(format!(
                    "session {} is deleted; bring it back first with `gardefou restore-session {}`",
                    session.number, session.number
                )));
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
                return Err(Error::invalid(format!(
                    "session {} is already deleted",
                    session.number
                )));
            }
            store::set_session_deleted(conn, session.id, Some(now), now)?;
            session.deleted = true;
            Ok(session)
        })
    }

    pub fn restore_session(&mut self, handle: &str) -> Result<Session> {
        let (zone, now) = (self.system_zone, self.now());
        self.store.write(|conn| {
            let tz = load_settings(conn, zone)?.timezone;
            let mut session = find_session(conn, handle)?;
            if !session.deleted {
                return Err(Error::invalid(format!(
                    "session {} is not deleted",
                    session.number
                )));
            }
            if session.end.is_none() && store::running_session(conn)?.is_some() {
                return Err(Error::conflict(
                    "another timer is running; stop it before restoring this one",
                ));
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
        let (zone, now) = (self.system_zone, self.now());
        self.store.read(|conn| {
            let settings = load_settings(conn, zone)?;
            let tz = settings.timezone;
            let (start, end) = match (from, to) {
                (None, None) => week_range(local_date(now, tz), settings.week_start, tz),
                (from, to) => {
                    let from = from
                        .unwrap_or_else(|| NaiveDate::from_ymd_opt(1971, 1, 1).unwrap_or_default());
                    let to = to.unwrap_or_else(|| local_date(now, tz));
                    if from > to {
                        return Err(Error::invalid(format!(
                            "--from {from} comes after --to {to}"
                        )));
                    }
                    dates_range(from, to, tz)
                }
            };
            let client_id = client
                .map(|name| find_client(conn, name))
                .transpose()?
                .map(|c| c.id);
            store::sessions_in_range(conn, start, end, client_id)
        })
    }
}

/// Finds a session by its number (`12`, `#12`) or a prefix of its id (≥ 4 characters).
pub fn find_session(conn: &Connection, handle: &str) -> Result<Session> {
    let handle = handle.trim().trim_start_matches('#');
    if let Ok(number) = handle.parse::<i64>() {
        return store::session_by_number(conn, number)?
            .ok_or_else(|| Error::not_found(format!("no session number {number}")));
    }
    let prefix = handle.to_ascii_lowercase();
    if prefix.len() < 4 || !prefix.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(Error::invalid(format!(
            "'{handle}' is not a session number or id"
        )));
    }
    let mut found = store::sessions_by_id_prefix(conn, &prefix)?;
    match found.len() {
        0 => Err(Error::not_found(format!("no session with id {handle}"))),
        1 => Ok(found.remove(0)),
        _ => Err(Error::invalid(format!(
            "the id prefix {handle} matches several sessions; give more characters or the number"
        ))),
    }
}

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
        return Err(Error::invalid(format!(
            "the end ({}) comes before the start ({})",
            end.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
            start.with_timezone(&tz).format("%Y-%m-%d %H:%M")
        )));
    }
    if end == start {
        return Err(Error::invalid(
            "a session cannot be zero-length: the end equals the start",
        ));
    }
    let seconds = (end - start).num_seconds();
    if seconds > LONG_SESSION_SECONDS && !allow_long {
        return Err(Error::invalid(format!(
            "this session would last {}, more than 24 h; check the dates, or pass --allow-long",
            format_human(seconds)
        )));
    }
    Ok(())
}

pub(super) fn overlap_error(other: &Session, tz: Tz) -> Error {
    let start = other.start.with_timezone(&tz);
    let end = match other.end {
        Some(end) => {
            let end = end.with_timezone(&tz);
            if end.date_naive() == start.date_naive() {
                end.format("%H:%M").to_string()
            } else {
                end.format("%Y-%m-%d %H:%M").to_string()
            }
        }
        None => "now (running)".to_string(),
    };
    Error::conflict(format!(
        "this overlaps session {} ({}, {}–{}); change the times or edit that session",
        other.number,
        other.client_name,
        start.format("%Y-%m-%d %H:%M"),
        end
    ))
}
