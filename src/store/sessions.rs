//! Queries on the `sessions` table.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::columns;
use crate::error::{Error, Result};
use crate::model::Session;
use crate::money::Currency;

const SESSION_COLUMNS: &str = "s.id, s.seq, s.client_id, c.name, s.start_at, s.end_at, s.billable, s.note, s.tags, \
     s.source, s.rate_minor, s.currency, s.zone, s.planned_seconds, s.deleted_at, s.created_at, s.updated_at";
const FROM_SESSIONS: &str = "FROM sessions s JOIN clients c ON c.id = s.client_id";

fn session_from_row(row: &Row<'_>) -> rusqlite::Result<Session> {
    // Borrowed where the text is only parsed: a full export reads a million rows.
    let text = |i: usize| -> rusqlite::Result<&str> { Ok(row.get_ref(i)?.as_str()?) };
    let (tags, source, currency) = (text(8)?, text(9)?, text(11)?);
    Ok(Session {
        id: columns::uuid(text(0)?)?,
        number: row.get(1)?,
        client_id: columns::uuid(text(2)?)?,
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
        source: source
            .parse()
            .map_err(|e: Error| columns::conversion(e.to_string()))?,
        rate_minor: row.get(10)?,
        currency: Currency::parse(currency).map_err(|e| columns::conversion(e.to_string()))?,
        zone: row.get(12)?,
        planned_seconds: row.get(13)?,
        deleted: row.get::<_, Option<i64>>(14)?.is_some(),
        created_at: columns::instant(row.get(15)?),
        updated_at: columns::instant(row.get(16)?),
    })
}

/// Inserts a session; returns its local number.
pub fn insert_session(conn: &Connection, s: &Session) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO sessions (id, client_id, start_at, end_at, billable, note, tags, source, rate_minor,
                               currency, zone, planned_seconds, deleted_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, ?13, ?14)",
    )?
    .execute(params![
            &*s.id.hyphenated().encode_lower(&mut Uuid::encode_buffer()),
            &*s.client_id.hyphenated().encode_lower(&mut Uuid::encode_buffer()),
            s.start.timestamp(),
            s.end.map(|e| e.timestamp()),
            s.billable,
            s.note,
            s.tags.join(","),
            s.source.as_str(),
            s.rate_minor,
            s.currency.code(),
            s.zone,
            s.planned_seconds,
            s.created_at.timestamp(),
            s.updated_at.timestamp(),
        ])
    .map_err(|e| match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::ConstraintViolation) if s.end.is_none() => {
            Error::AlreadyRunning
        }
        _ => Error::Sqlite(e),
    })?;
    Ok(conn.last_insert_rowid())
}

/// Rewrites every editable field of a stored session.
pub fn update_session(conn: &Connection, s: &Session) -> Result<()> {
    conn.prepare_cached(
        "UPDATE sessions SET client_id = ?2, start_at = ?3, end_at = ?4, billable = ?5, note = ?6, tags = ?7,
                source = ?8, rate_minor = ?9, currency = ?10, planned_seconds = ?11, updated_at = ?12
         WHERE id = ?1",
    )?
    .execute(params![
            s.id.to_string(),
            s.client_id.to_string(),
            s.start.timestamp(),
            s.end.map(|e| e.timestamp()),
            s.billable,
            s.note,
            s.tags.join(","),
            s.source.as_str(),
            s.rate_minor,
            s.currency.code(),
            s.planned_seconds,
            s.updated_at.timestamp(),
        ])?;
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
        params![
            id.to_string(),
            deleted_at.map(|d| d.timestamp()),
            now.timestamp()
        ],
    )?;
    Ok(())
}

/// The running session, if any. `(end_at IS NULL) = 1` is the key of the
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

pub(super) const FINGERPRINT_SQL: &str = "SELECT 1 FROM import_fingerprints WHERE hash = ?1";
pub(super) const BOUNDS_SQL: &str = "SELECT max_seconds FROM session_bounds WHERE id = 1";

/// The condition that finds the running session through its index.
const RUNNING: &str = "(s.end_at IS NULL) = 1 AND s.end_at IS NULL AND s.deleted_at IS NULL";

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

/// Sessions whose id starts with `prefix` (lowercase hex with dashes).
pub fn sessions_by_id_prefix(conn: &Connection, prefix: &str) -> Result<Vec<Session>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} {FROM_SESSIONS} WHERE substr(s.id, 1, length(?1)) = ?1 LIMIT 2"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([prefix], session_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
            params![lowest, end.timestamp(), start.timestamp(), None::<String>],
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
    let mut rows = stmt.query(params![lowest, to, from, client.map(|u| u.to_string())])?;
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

/// Records an imported entry's fingerprint; `false` when it was already there.
pub fn insert_import_fingerprint(conn: &Connection, hash: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("INSERT OR IGNORE INTO import_fingerprints (hash) VALUES (?1)")?
        .execute([hash])?
        == 1)
}

/// Forgets a fingerprint recorded by this import for an entry it then skipped.
pub fn remove_import_fingerprint(conn: &Connection, hash: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM import_fingerprints WHERE hash = ?1")?
        .execute([hash])?;
    Ok(())
}

/// Whether an entry with this fingerprint was imported before.
pub fn has_import_fingerprint(conn: &Connection, hash: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached(FINGERPRINT_SQL)?
        .query_row([hash], |_| Ok(()))
        .optional()?
        .is_some())
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

/// How many live (not deleted) sessions are stored.
pub fn count_live_sessions(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sessions WHERE deleted_at IS NULL",
        [],
        |r| r.get(0),
    )?)
}
