//! Queries on the `sessions` table.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::columns;
use crate::error::{DatabaseError, Error, Result};
use crate::model::{Session, Source};
use crate::money::Currency;

const SESSION_COLUMNS: &str = "s.id, s.seq, s.client_id, c.name, s.start_at, s.end_at, s.billable, s.note, s.tags, \
     s.source, s.rate_minor, (SELECT name FROM currencies WHERE code = s.currency), \
     (SELECT name FROM zones WHERE code = s.zone), s.planned_seconds, s.deleted_at, s.created_at, s.updated_at";
const FROM_SESSIONS: &str = "FROM sessions s JOIN clients c ON c.id = s.client_id";

/// A session's source as stored (a number: one byte or none in each row).
fn source_code(source: Source) -> i64 {
    match source {
        Source::Timer => 0,
        Source::Tray => 1,
        Source::Manual => 2,
        Source::Import => 3,
    }
}

fn source_from_code(code: i64) -> Result<Source> {
    Ok(match code {
        0 => Source::Timer,
        1 => Source::Tray,
        2 => Source::Manual,
        3 => Source::Import,
        other => {
            return Err(DatabaseError::UnknownSessionSource {
                value: other.to_string(),
            }
            .into());
        }
    })
}

/// The second of a UUIDv7's own timestamp: a row's `created_at` is left NULL
/// when it equals it (nearly always: the id is made when the row is).
fn id_second(id: Uuid) -> Option<i64> {
    let (seconds, _) = id.get_timestamp()?.to_unix();
    i64::try_from(seconds).ok()
}

/// `created_at` and `updated_at` as stored: NULL where they can be told
/// from the id and from `created_at`.
fn stored_times(s: &Session) -> (Option<i64>, Option<i64>) {
    let (created, updated) = (s.created_at.timestamp(), s.updated_at.timestamp());
    (
        (id_second(s.id) != Some(created)).then_some(created),
        (updated != created).then_some(updated),
    )
}

fn session_from_row(row: &Row<'_>) -> rusqlite::Result<Session> {
    // Borrowed where the text is only parsed: a full export reads a million rows.
    let text = |i: usize| -> rusqlite::Result<&str> { Ok(row.get_ref(i)?.as_str()?) };
    let (tags, currency) = (text(8)?, text(11)?);
    let id: Uuid = row.get(0)?;
    let created_at = match row.get::<_, Option<i64>>(15)? {
        Some(at) => at,
        None => id_second(id).ok_or_else(|| columns::conversion(format!("no time in id {id}")))?,
    };
    Ok(Session {
        id,
        number: row.get(1)?,
        client_id: row.get(2)?,
        client_name: row.get(3)?,
        start: columns::instant(row.get(4)?),
        end: row.get::<_, Option<i64>>(5)?.map(columns::instant),
        billable: row.get(6)?,
        note: row.get(7)?,
        tags: tags
            .split(',')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect(),
        source: source_from_code(row.get(9)?).map_err(|e| columns::conversion(e.to_string()))?,
        rate_minor: row.get(10)?,
        currency: Currency::parse(currency).map_err(|e| columns::conversion(e.to_string()))?,
        zone: row.get(12)?,
        planned_seconds: row.get(13)?,
        deleted: row.get::<_, Option<i64>>(14)?.is_some(),
        created_at: columns::instant(created_at),
        updated_at: columns::instant(row.get::<_, Option<i64>>(16)?.unwrap_or(created_at)),
    })
}

/// The code of a session's zone (or currency), added to its table on first use.
fn code_of(conn: &Connection, table: Codes, name: &str) -> Result<i64> {
    let (select, insert) = match table {
        Codes::Zones => (
            "SELECT code FROM zones WHERE name = ?1",
            "INSERT INTO zones (name) VALUES (?1)",
        ),
        Codes::Currencies => (
            "SELECT code FROM currencies WHERE name = ?1",
            "INSERT INTO currencies (name) VALUES (?1)",
        ),
    };
    if let Some(code) = conn
        .prepare_cached(select)?
        .query_row([name], |r| r.get(0))
        .optional()?
    {
        return Ok(code);
    }
    conn.prepare_cached(insert)?.execute([name])?;
    Ok(conn.last_insert_rowid())
}

#[derive(Clone, Copy)]
enum Codes {
    Zones,
    Currencies,
}

/// Inserts a session; returns its local number.
pub fn insert_session(conn: &Connection, s: &Session) -> Result<i64> {
    // The zone's and currency's codes are looked up by the statement itself
    // (two statements less per imported entry); a name seen for the first
    // time leaves its column NULL, refused by the schema: it is added, and
    // the insert tried again.
    match insert_session_row(conn, s) {
        Err(rusqlite::Error::SqliteFailure(e, _))
            if e.extended_code == rusqlite::ffi::SQLITE_CONSTRAINT_NOTNULL =>
        {
            code_of(conn, Codes::Zones, &s.zone)?;
            code_of(conn, Codes::Currencies, s.currency.code())?;
            insert_session_row(conn, s)
        }
        other => other,
    }
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) if s.end.is_none() => Error::AlreadyRunning,
        _ => Error::Sqlite(e),
    })?;
    Ok(conn.last_insert_rowid())
}

fn insert_session_row(conn: &Connection, s: &Session) -> rusqlite::Result<usize> {
    let (created_at, updated_at) = stored_times(s);
    conn.prepare_cached(
        "INSERT INTO sessions (id, client_id, start_at, seconds, billable, note, tags, source, rate_minor,
                               currency, zone, planned_seconds, deleted_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4 - ?3, ?5, ?6, ?7, ?8, ?9,
                 (SELECT code FROM currencies WHERE name = ?10), (SELECT code FROM zones WHERE name = ?11),
                 ?12, NULL, ?13, ?14)",
    )?
    .execute(params![
        s.id,
        s.client_id,
        s.start.timestamp(),
        s.end.map(|e| e.timestamp()),
        s.billable,
        s.note,
        s.tags.join(","),
        source_code(s.source),
        s.rate_minor,
        s.currency.code(),
        s.zone,
        s.planned_seconds,
        created_at,
        updated_at,
    ])
}

/// Rewrites every editable field of a stored session.
pub fn update_session(conn: &Connection, s: &Session) -> Result<()> {
    conn.prepare_cached(
        "UPDATE sessions SET client_id = ?2, start_at = ?3, seconds = ?4 - ?3, billable = ?5, note = ?6,
                tags = ?7, source = ?8, rate_minor = ?9, currency = ?10, planned_seconds = ?11,
                updated_at = ?12
         WHERE id = ?1",
    )?
    .execute(params![
            s.id,
            s.client_id,
            s.start.timestamp(),
            s.end.map(|e| e.timestamp()),
            s.billable,
            s.note,
            s.tags.join(","),
            source_code(s.source),
            s.rate_minor,
            code_of(conn, Codes::Currencies, s.currency.code())?,
            s.planned_seconds,
            stored_times(s).1,
        ])?;
    // Every stop goes through here (stop, a start that stops the timer, a
    // recovery, an edit's end, an away answer's split).
    if s.end.is_some() {
        super::away::forget_heartbeat(conn, s.id)?;
    }
    Ok(())
}

pub fn set_session_deleted(
    conn: &Connection,
    id: Uuid,
    deleted_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE sessions SET deleted_at = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, deleted_at.map(|d| d.timestamp()), now.timestamp()],
    )?;
    Ok(())
}

/// The running session, if any. `(seconds IS NULL) = 1` is the key of the
/// `sessions_one_running` index: without it SQLite walks every session.
pub fn running_session(conn: &Connection) -> Result<Option<Session>> {
    Ok(conn
        .prepare_cached(&RUNNING_SQL)?
        .query_row([], session_from_row)
        .optional()?)
}

// The hot queries' text, built once per process (the statement cache is
// keyed by the text: building it per call was an allocation per imported entry).
static RUNNING_SQL: LazyLock<String> =
    LazyLock::new(|| format!("SELECT {SESSION_COLUMNS} {FROM_SESSIONS} WHERE {RUNNING}"));
static FINISHED_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {SESSION_COLUMNS} {FROM_SESSIONS}
         WHERE {FINISHED_STARTING_IN} AND (?4 IS NULL OR s.client_id = ?4)
         ORDER BY s.start_at, s.seq"
    )
});
static FIRST_FINISHED_SQL: LazyLock<String> =
    LazyLock::new(|| format!("{} LIMIT 1", FINISHED_SQL.as_str()));
static FINISHED_STARTING_SQL: LazyLock<String> = LazyLock::new(|| {
    format!(
        "SELECT {SESSION_COLUMNS} {FROM_SESSIONS}
         WHERE {FINISHED_STARTING_IN} ORDER BY s.start_at, s.seq"
    )
});

pub(super) fn running_sql() -> String {
    RUNNING_SQL.clone()
}

pub(super) fn finished_sql() -> String {
    FINISHED_SQL.clone()
}

pub(super) fn finished_starting_sql() -> String {
    FINISHED_STARTING_SQL.clone()
}

pub(super) const ALREADY_IMPORTED_SQL: &str = "SELECT
        EXISTS (SELECT 1 FROM sessions s WHERE s.deleted_at IS NULL AND s.start_at = ?1
                AND s.end_at = ?2 AND s.note = ?3 AND s.source = 3)
     OR EXISTS (SELECT 1 FROM import_edits WHERE start_at = ?1 AND end_at = ?2 AND note = ?3)
     OR EXISTS (SELECT 1 FROM import_fingerprints WHERE hash = ?4)";
pub(super) const BOUNDS_SQL: &str = "SELECT max_seconds FROM session_bounds WHERE id = 1";

/// The condition that finds the running session through its index.
const RUNNING: &str = "(s.seconds IS NULL) = 1 AND s.seconds IS NULL AND s.deleted_at IS NULL";

/// Finished live sessions that start in `[?1, ?2)` and end after `?3`: a
/// range of the `sessions_by_start` index, bounded on both sides.
const FINISHED_STARTING_IN: &str =
    "s.deleted_at IS NULL AND s.start_at >= ?1 AND s.start_at < ?2 AND s.end_at > ?3";

pub fn session_by_number(conn: &Connection, number: i64) -> Result<Option<Session>> {
    let sql = format!("SELECT {SESSION_COLUMNS} {FROM_SESSIONS} WHERE s.seq = ?1");
    Ok(conn
        .query_row(&sql, [number], session_from_row)
        .optional()?)
}

/// Sessions whose id starts with `prefix` (hex digits; dashes are ignored):
/// a range of the id index, at most two (more than one is ambiguous).
pub fn sessions_by_id_prefix(conn: &Connection, prefix: &str) -> Result<Vec<Session>> {
    let digits: String = prefix.chars().filter(|c| *c != '-').collect();
    let pad = |fill: char| {
        let mut hex = digits.clone();
        hex.extend(std::iter::repeat_n(
            fill,
            32usize.saturating_sub(digits.len()),
        ));
        Uuid::try_parse(&hex).ok()
    };
    let (Some(lowest), Some(highest)) = (pad('0'), pad('f')) else {
        return Ok(Vec::new());
    };
    let mut stmt = conn.prepare(&by_id_prefix_sql())?;
    let rows = stmt.query_map(params![lowest, highest], session_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn by_id_prefix_sql() -> String {
    format!(
        "SELECT {SESSION_COLUMNS} {FROM_SESSIONS} WHERE s.id BETWEEN ?1 AND ?2 ORDER BY s.id LIMIT 2"
    )
}

/// The session with this id, deleted or not.
pub fn session_by_id(conn: &Connection, id: Uuid) -> Result<Option<Session>> {
    let sql = format!("SELECT {SESSION_COLUMNS} {FROM_SESSIONS} WHERE s.id = ?1");
    Ok(conn.query_row(&sql, [id], session_from_row).optional()?)
}

/// Live sessions that share time with `[start, end)`; a running session is
/// treated as open-ended. `end = None` asks for everything after `start`.
pub fn overlapping_sessions(
    conn: &Connection,
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    except: Option<Uuid>,
) -> Result<Vec<Session>> {
    let end_at = end.map_or(i64::MAX, |e| e.timestamp());
    let mut out = Vec::new();
    for_each_finished(conn, start.timestamp(), end_at, None, |s| {
        if Some(s.id) != except {
            out.push(s);
        }
        Ok(())
    })?;
    if let Some(running) = running_session(conn)?
        && Some(running.id) != except
        && running.start.timestamp() < end_at
    {
        out.push(running);
    }
    Ok(out)
}

/// The first finished live session overlapping `[start, end)`, if any (the
/// running one is not looked at): the import's check, once per entry.
pub fn first_finished_overlapping(
    conn: &Connection,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
) -> Result<Option<Session>> {
    first_finished_overlapping_within(conn, start, end, max_session_seconds(conn)?)
}

/// [`first_finished_overlapping`] when the caller knows the longest finished
/// session stored ([`max_session_seconds`], kept up to date by the import as it writes).
pub fn first_finished_overlapping_within(
    conn: &Connection,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    max_seconds: i64,
) -> Result<Option<Session>> {
    let lowest = start.timestamp().saturating_sub(max_seconds);
    Ok(conn
        .prepare_cached(&FIRST_FINISHED_SQL)?
        .query_row(
            params![lowest, end.timestamp(), start.timestamp(), None::<Uuid>],
            session_from_row,
        )
        .optional()?)
}

/// Finished live sessions overlapping `[from, to)` (seconds), oldest first.
/// Those that end after `from` started at most `max_seconds` before it: the
/// index scan starts there, not at the history's beginning.
fn for_each_finished(
    conn: &Connection,
    from: i64,
    to: i64,
    client: Option<Uuid>,
    mut visit: impl FnMut(Session) -> Result<()>,
) -> Result<()> {
    let lowest = from.saturating_sub(max_session_seconds(conn)?);
    let mut stmt = conn.prepare_cached(&FINISHED_SQL)?;
    let mut rows = stmt.query(params![lowest, to, from, client])?;
    while let Some(row) = rows.next()? {
        visit(session_from_row(row)?)?;
    }
    Ok(())
}

/// Finished live sessions that start in `[from, to)`, oldest first (both
/// bounds on the index): for figures kept per start day, the edges.
pub fn for_each_finished_starting_in(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    visit: impl FnMut(Session) -> Result<()>,
) -> Result<()> {
    let mut stmt = conn.prepare_cached(&FINISHED_STARTING_SQL)?;
    let mut rows = stmt.query(params![from.timestamp(), to.timestamp(), i64::MIN])?;
    let mut visit = visit;
    while let Some(row) = rows.next()? {
        visit(session_from_row(row)?)?;
    }
    Ok(())
}

/// The longest finished session ever stored (kept by the schema's triggers):
/// a finished session overlapping an instant started at most this long before it.
pub fn max_session_seconds(conn: &Connection) -> Result<i64> {
    Ok(conn
        .prepare_cached(BOUNDS_SQL)?
        .query_row([], |r| r.get(0))
        .optional()?
        .unwrap_or(i64::MAX / 4))
}

/// Whether an entry was imported before: an imported session still holds
/// its start, end and note (its client may have been renamed since), or an
/// edit or a delete moved such a session away (`import_edits`), or an import
/// before the compact storage recorded the entry's `fingerprint`.
pub fn already_imported(
    conn: &Connection,
    fingerprint: i64,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    note: &str,
) -> Result<bool> {
    Ok(conn.prepare_cached(ALREADY_IMPORTED_SQL)?.query_row(
        params![start.timestamp(), end.timestamp(), note, fingerprint],
        |r| r.get(0),
    )?)
}

/// Live sessions overlapping `[from, to)`, oldest first, optionally for one client.
pub fn sessions_in_range(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    client: Option<Uuid>,
) -> Result<Vec<Session>> {
    let mut out = Vec::new();
    for_each_session_in_range(conn, from, to, client, |s| {
        out.push(s);
        Ok(())
    })?;
    Ok(out)
}

/// Streams live sessions overlapping `[from, to)`, oldest first, without
/// holding them all in memory. The running session, if any, comes last: it
/// starts after every finished session ends (no overlaps).
pub fn for_each_session_in_range(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    client: Option<Uuid>,
    mut visit: impl FnMut(Session) -> Result<()>,
) -> Result<()> {
    for_each_finished(conn, from.timestamp(), to.timestamp(), client, &mut visit)?;
    if let Some(running) = running_session(conn)?
        && running.start < to
        && client.is_none_or(|c| c == running.client_id)
    {
        visit(running)?;
    }
    Ok(())
}

/// Deleted sessions overlapping `[from, to)`, oldest first, optionally for
/// one client; one deleted while it ran is open-ended. Not a hot query: it
/// reads the whole table (the start index holds live sessions only), once
/// per `log --deleted`.
pub fn deleted_sessions_in_range(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    client: Option<Uuid>,
) -> Result<Vec<Session>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} {FROM_SESSIONS}
         WHERE s.deleted_at IS NOT NULL AND s.start_at < ?2
           AND (s.seconds IS NULL OR s.end_at > ?1) AND (?3 IS NULL OR s.client_id = ?3)
         ORDER BY s.start_at, s.seq"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(
        params![from.timestamp(), to.timestamp(), client],
        session_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many live (not deleted) sessions are stored.
pub fn count_live_sessions(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sessions WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}
