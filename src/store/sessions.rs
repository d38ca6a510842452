//! Queries on the `sessions` table.

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
    let tags: String = row.get(8)?;
    let source: String = row.get(9)?;
    let currency: String = row.get(11)?;
    Ok(Session {
        id: columns::uuid(&row.get::<_, String>(0)?)?,
        number: row.get(1)?,
        client_id: columns::uuid(&row.get::<_, String>(2)?)?,
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
        currency: Currency::parse(&currency).map_err(|e| columns::conversion(e.to_string()))?,
        zone: row.get(12)?,
        planned_seconds: row.get(13)?,
        deleted: row.get::<_, Option<i64>>(14)?.is_some(),
        created_at: columns::instant(row.get(15)?),
        updated_at: columns::instant(row.get(16)?),
    })
}

/// Inserts a session; returns its local number.
pub fn insert_session(conn: &Connection, s: &Session) -> Result<i64> {
    conn.execute(
        "INSERT INTO sessions (id, client_id, start_at, end_at, billable, note, tags, source, rate_minor,
                               currency, zone, planned_seconds, deleted_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, ?13, ?14)",
        params![
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
            s.zone,
            s.planned_seconds,
            s.created_at.timestamp(),
            s.updated_at.timestamp(),
        ],
    )
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
    conn.execute(
        "UPDATE sessions SET client_id = ?2, start_at = ?3, end_at = ?4, billable = ?5, note = ?6, tags = ?7,
                source = ?8, rate_minor = ?9, currency = ?10, planned_seconds = ?11, updated_at = ?12
         WHERE id = ?1",
        params![
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
        ],
    )?;
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

/// The running session, if any.
pub fn running_session(conn: &Connection) -> Result<Option<Session>> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} {FROM_SESSIONS} WHERE s.end_at IS NULL AND s.deleted_at IS NULL"
    );
    Ok(conn.query_row(&sql, [], session_from_row).optional()?)
}

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
    let sql = format!(
        "SELECT {SESSION_COLUMNS} {FROM_SESSIONS}
         WHERE s.deleted_at IS NULL
           AND (?2 IS NULL OR s.start_at < ?2)
           AND (s.end_at IS NULL OR s.end_at > ?1)
           AND s.id IS NOT ?3
         ORDER BY s.start_at"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(
        params![
            start.timestamp(),
            end.map(|e| e.timestamp()),
            except.map(|u| u.to_string())
        ],
        session_from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
/// holding them all in memory.
pub fn for_each_session_in_range(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
    client: Option<Uuid>,
    mut visit: impl FnMut(Session) -> Result<()>,
) -> Result<()> {
    let sql = format!(
        "SELECT {SESSION_COLUMNS} {FROM_SESSIONS}
         WHERE s.deleted_at IS NULL AND s.start_at < ?2 AND (s.end_at IS NULL OR s.end_at > ?1)
           AND (?3 IS NULL OR s.client_id = ?3)
         ORDER BY s.start_at, s.seq"
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params![
        from.timestamp(),
        to.timestamp(),
        client.map(|u| u.to_string())
    ])?;
    while let Some(row) = rows.next()? {
        visit(session_from_row(row)?)?;
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
