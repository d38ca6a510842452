//! The one API both front ends call: each method is one user action, run in one
//! transaction, with every rule of the data checked before anything is written.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use uuid::Uuid;

use crate::calendar::{dates_range, local_date, week_range};
use crate::clock::Clock;
use crate::duration::format_human;
use crate::error::{Error, Result};
use crate::model::{
    Client, Color, LONG_SESSION_SECONDS, Rounding, Session, Source, normalize_client_name,
    normalize_tags, validate_note,
};
use crate::money::Currency;
use crate::settings::{Settings, system_zone};
use crate::store::{self, Store};
use crate::when::{check_accepted, parse_instant, parse_past_instant};

mod boundaries;
pub use boundaries::{CheckOutcome, Notice, OverridesOutcome};

/// A new client as the user describes it. Text fields are parsed here so that
/// every front end validates the same way.
#[derive(Debug, Clone, Default)]
pub struct NewClient {
    pub name: String,
    /// Decimal rate per hour (`45.50`); zero when absent.
    pub rate: Option<String>,
    /// ISO 4217; the `currency` setting when absent.
    pub currency: Option<String>,
    pub cap_seconds: Option<i64>,
    pub rounding: Option<Rounding>,
    pub color: Option<String>,
}

/// Changes to a client; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ClientChanges {
    pub rename: Option<String>,
    pub rate: Option<String>,
    pub currency: Option<String>,
    /// `Some(None)` removes the cap.
    pub cap_seconds: Option<Option<i64>>,
    /// `Some(None)` removes the client's own rule.
    pub rounding: Option<Option<Rounding>>,
    pub color: Option<String>,
}

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

/// Gardefou's core: a store and a clock.
pub struct Tracker {
    store: Store,
    clock: Arc<dyn Clock>,
    system_zone: Tz,
}

impl std::fmt::Debug for Tracker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tracker")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

impl Tracker {
    /// Opens the database at `path`; the default zone is the system's.
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        Ok(Self::with_store(Store::open(path)?, clock, system_zone()))
    }

    /// A tracker over an existing store and an explicit default zone (tests).
    pub fn with_store(store: Store, clock: Arc<dyn Clock>, system_zone: Tz) -> Self {
        Self {
            store,
            clock,
            system_zone,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    // ---- settings -------------------------------------------------------

    pub fn settings(&mut self) -> Result<Settings> {
        let zone = self.system_zone;
        self.store.read(|conn| load_settings(conn, zone))
    }

    /// Validates and stores one setting; returns its canonical value.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<String> {
        let (zone, now) = (self.system_zone, self.now());
        self.store.write(|conn| {
            let mut settings = load_settings(conn, zone)?;
            let canonical = settings.set(key, value)?;
            store::put_setting(conn, key, &canonical, now)?;
            Ok(canonical)
        })
    }

    /// Parses a TIME argument in the configured zone (any instant).
    pub fn parse_time(&mut self, input: &str) -> Result<DateTime<Utc>> {
        let tz = self.settings()?.timezone;
        parse_instant(input, tz, self.now())
    }

    /// Parses a TIME argument and checks it is between 1971 and now.
    pub fn parse_past_time(&mut self, input: &str) -> Result<DateTime<Utc>> {
        let tz = self.settings()?.timezone;
        parse_past_instant(input, tz, self.now())
    }

    // ---- clients --------------------------------------------------------

    pub fn add_client(&mut self, new: NewClient) -> Result<Client> {
        let (zone, now) = (self.system_zone, self.now());
        self.store.write(|conn| {
            let settings = load_settings(conn, zone)?;
            let (name, key) = normalize_client_name(&new.name)?;
            if let Some(existing) = store::client_by_key(conn, &key)? {
                return Err(Error::conflict(format!(
                    "a client named '{}' already exists",
                    existing.name
                )));
            }
            let currency = match &new.currency {
                Some(c) => Currency::parse(c)?,
                None => settings.currency,
            };
            let rate_minor = match &new.rate {
                Some(r) => currency.parse_amount(r)?,
                None => 0,
            };
            let color = match &new.color {
                Some(c) => Color::parse(c)?,
                None => Color::from_palette(store::count_clients(conn)? as usize),
            };
            let client = Client {
                id: Uuid::now_v7(),
                name,
                rate_minor,
                currency,
                cap_seconds: check_cap(new.cap_seconds)?,
                rounding: new.rounding,
                color,
                archived: false,
                created_at: now,
                updated_at: now,
            };
            store::insert_client(conn, &client, &key)?;
            Ok(client)
        })
    }

    pub fn edit_client(&mut self, name: &str, changes: ClientChanges) -> Result<Client> {
        let now = self.now();
        self.store.write(|conn| {
            let mut client = find_client(conn, name)?;
            let (_, mut key) = normalize_client_name(&client.name)?;
            if let Some(new_name) = &changes.rename {
                let (new_name, new_key) = normalize_client_name(new_name)?;
                if new_key != key
                    && let Some(other) = store::client_by_key(conn, &new_key)?
                {
                    return Err(Error::conflict(format!(
                        "a client named '{}' already exists",
                        other.name
                    )));
                }
                client.name = new_name;
                key = new_key;
            }
            let old_rate_text = client.currency.format_minor(client.rate_minor);
            if let Some(currency) = &changes.currency {
                client.currency = Currency::parse(currency)?;
            }
            // A new currency keeps the rate's decimal value (45.50 EUR -> 45.50 CHF);
            // it must fit the new currency's decimals.
            let rate_text = changes.rate.as_deref().unwrap_or(&old_rate_text);
            client.rate_minor = client.currency.parse_amount(rate_text)?;
            if let Some(cap) = changes.cap_seconds {
                client.cap_seconds = check_cap(cap)?;
            }
            if let Some(rounding) = changes.rounding {
                client.rounding = rounding;
            }
            if let Some(color) = &changes.color {
                client.color = Color::parse(color)?;
            }
            client.updated_at = now;
            store::update_client(conn, &client, &key)?;
            Ok(client)
        })
    }

    /// Archives or brings back a client. Archived clients keep their history
    /// and cannot be started.
    pub fn set_client_archived(&mut self, name: &str, archived: bool) -> Result<Client> {
        let now = self.now();
        self.store.write(|conn| {
            let mut client = find_client(conn, name)?;
            if archived
                && let Some(running) = store::running_session(conn)?
                && running.client_id == client.id
            {
                return Err(Error::conflict(format!(
                    "{}'s timer is running; stop it before archiving",
                    client.name
                )));
            }
            let (_, key) = normalize_client_name(&client.name)?;
            client.archived = archived;
            client.updated_at = now;
            store::update_client(conn, &client, &key)?;
            Ok(client)
        })
    }

    /// Every client, archived ones included, by name.
    pub fn clients(&mut self) -> Result<Vec<Client>> {
        self.store.read(store::list_clients)
    }

    /// Active clients, most recently used first (the tray's order).
    pub fn clients_by_recent_use(&mut self) -> Result<Vec<Client>> {
        self.store.read(store::clients_by_recent_use)
    }

    pub fn client(&mut self, name: &str) -> Result<Client> {
        self.store.read(|conn| find_client(conn, name))
    }

    // ---- the timer ------------------------------------------------------

    /// Starts a timer. A running timer is stopped at the same instant (or
    /// replaced, if it started at that very second), in the same transaction.
    pub fn start(&mut self, request: StartRequest) -> Result<StartOutcome> {
        let (zone, now) = (self.system_zone, self.now());
        self.store.write(|conn| {
            let settings = load_settings(conn, zone)?;
            let tz = settings.timezone;
            let at = request.at.unwrap_or(now);
            check_accepted(at, now, tz)?;
            let client = find_client(conn, &request.client)?;
            if client.archived {
                return Err(Error::invalid(format!(
                    "{} is archived; bring it back first with `gardefou client unarchive \"{}\"`",
                    client.name, client.name
                )));
            }
            let note = validate_note(&request.note)?;
            let tags = normalize_tags(&request.tags)?;
            let running = store::running_session(conn)?;
            let mut session = Session {
                id: Uuid::now_v7(),
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
        let (zone, now) = (self.system_zone, self.now());
        self.store.write(|conn| {
            let tz = load_settings(conn, zone)?.timezone;
            let mut running = store::running_session(conn)?
                .ok_or_else(|| Error::conflict("no timer is running"))?;
            let at = at.unwrap_or(now);
            check_accepted(at, now, tz)?;
            if at <= running.start {
                return Err(Error::invalid(format!(
                    "the timer started at {}; the stop time must come after it (use `gardefou rm {}` to drop it)",
                    running.start.with_timezone(&tz).format("%Y-%m-%d %H:%M:%S"),
                    running.number
                )));
            }
            running.end = Some(at);
            running.updated_at = now;
            store::update_session(conn, &running)?;
            Ok(running)
        })
    }

    pub fn status(&mut self) -> Result<Status> {
        let (zone, now) = (self.system_zone, self.now());
        self.store.read(|conn| {
            Ok(Status {
                now,
                running: store::running_session(conn)?,
                timezone: load_settings(conn, zone)?.timezone,
            })
        })
    }

    // ---- sessions -------------------------------------------------------

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

/// Reads the settings inside a transaction.
pub fn load_settings(conn: &Connection, system_zone: Tz) -> Result<Settings> {
    Settings::from_pairs(&store::stored_settings(conn)?, system_zone)
}

/// Finds a client by name (any case), suggesting the closest name when unknown.
pub fn find_client(conn: &Connection, name: &str) -> Result<Client> {
    let (_, key) = normalize_client_name(name)?;
    if let Some(client) = store::client_by_key(conn, &key)? {
        return Ok(client);
    }
    let clients = store::list_clients(conn)?;
    let closest = clients
        .iter()
        .map(|c| (strsim::jaro_winkler(&key, &c.name.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    Err(Error::not_found(match closest {
        Some((_, c)) => format!(
            "no client named '{}'; did you mean '{}'?",
            name.trim(),
            c.name
        ),
        None if clients.is_empty() => format!(
            "no client named '{}'; add one with `gardefou client add \"{}\"`",
            name.trim(),
            name.trim()
        ),
        None => format!("no client named '{}'", name.trim()),
    }))
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

fn check_cap(cap: Option<i64>) -> Result<Option<i64>> {
    match cap {
        Some(seconds) if seconds <= 0 || seconds > 7 * 24 * 3600 => {
            Err(Error::invalid("a weekly cap is between 1 minute and 168 h"))
        }
        other => Ok(other),
    }
}

fn overlap_error(other: &Session, tz: Tz) -> Error {
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
