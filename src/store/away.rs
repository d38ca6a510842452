//! Queries on the `heartbeat` and `away_periods` tables.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::columns;
use crate::error::Result;
use crate::watching::{AwayAnswer, AwayCause, AwayPeriod, STALE_AFTER_SECONDS};

/// Records `at` as the running session's last-seen instant, in one statement.
/// A beat never moves a stale heartbeat whose stale period is unanswered: the
/// recovery question must survive a watcher that starts again after a crash.
/// Returns whether a beat was recorded (false: nothing runs, or a question waits).
pub fn beat(conn: &Connection, at: DateTime<Utc>) -> Result<bool> {
    let changed = conn.execute(
        "INSERT INTO heartbeat (session_id, seen_at)
             SELECT id, ?1 FROM sessions WHERE (seconds IS NULL) = 1 AND seconds IS NULL AND deleted_at IS NULL
         ON CONFLICT (session_id) DO UPDATE SET seen_at = excluded.seen_at
             WHERE excluded.seen_at - heartbeat.seen_at <= ?2
                OR excluded.seen_at < heartbeat.seen_at
                OR EXISTS (SELECT 1 FROM away_periods a
                           WHERE a.session_id = heartbeat.session_id AND a.cause = 'stale'
                             AND a.deleted_at IS NULL AND a.from_at >= heartbeat.seen_at)",
        params![at.timestamp(), STALE_AFTER_SECONDS],
    )?;
    Ok(changed > 0)
}

/// The last-seen instant of a session, if a watcher ever recorded one.
pub fn last_seen(conn: &Connection, session_id: Uuid) -> Result<Option<DateTime<Utc>>> {
    Ok(conn
        .query_row(
            "SELECT seen_at FROM heartbeat WHERE session_id = ?1",
            [session_id],
            |r| r.get::<_, i64>(0),
        )
        .optional()?
        .map(columns::instant))
}

/// Forgets a session's last-seen instant: called when the session stops
/// (nothing reads the heartbeat of a session that does not run). A deleted
/// session keeps its row: restored while running, it is read again, and the
/// time it was deleted is asked about as unwatched.
pub fn forget_heartbeat(conn: &Connection, session_id: Uuid) -> Result<()> {
    conn.prepare_cached("DELETE FROM heartbeat WHERE session_id = ?1")?
        .execute([session_id])?;
    Ok(())
}

const AWAY_COLUMNS: &str =
    "id, session_id, client_id, from_at, to_at, cause, answer, split_session_id, answered_at";

fn away_from_row(row: &Row<'_>) -> rusqlite::Result<AwayPeriod> {
    let cause: String = row.get(5)?;
    let answer: String = row.get(6)?;
    Ok(AwayPeriod {
        id: row.get::<_, Uuid>(0)?,
        session_id: row.get::<_, Uuid>(1)?,
        client_id: row.get::<_, Uuid>(2)?,
        from: columns::instant(row.get(3)?),
        to: columns::instant(row.get(4)?),
        cause: AwayCause::parse(&cause).map_err(|e| columns::conversion(e.to_string()))?,
        answer: AwayAnswer::parse(&answer).map_err(|e| columns::conversion(e.to_string()))?,
        split_session_id: row.get::<_, Option<Uuid>>(7)?,
        answered_at: columns::instant(row.get(8)?),
    })
}

/// Appends an answered away period.
pub fn insert_away(conn: &Connection, a: &AwayPeriod) -> Result<()> {
    conn.execute(
        "INSERT INTO away_periods (id, session_id, client_id, from_at, to_at, cause, answer,
                                   split_session_id, answered_at, deleted_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, ?9, ?9)",
        params![
            a.id,
            a.session_id,
            a.client_id,
            a.from.timestamp(),
            a.to.timestamp(),
            a.cause.as_str(),
            a.answer.as_str(),
            a.split_session_id,
            a.answered_at.timestamp(),
        ],
    )?;
    Ok(())
}

/// The answered away periods of a session, oldest first: those asked about
/// it, and the one whose answer made it (the part given to another client or
/// marked non-billable is a session of its own, already answered).
pub fn away_for_session(conn: &Connection, session_id: Uuid) -> Result<Vec<AwayPeriod>> {
    let sql = format!(
        "SELECT {AWAY_COLUMNS} FROM away_periods
         WHERE (session_id = ?1 OR split_session_id = ?1) AND deleted_at IS NULL
         ORDER BY from_at"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([session_id], away_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Answered away periods overlapping `[from, to)`, oldest first.
pub fn away_in_range(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<AwayPeriod>> {
    let sql = format!(
        "SELECT {AWAY_COLUMNS} FROM away_periods
         WHERE deleted_at IS NULL AND from_at < ?2 AND to_at > ?1 ORDER BY from_at"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], away_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
