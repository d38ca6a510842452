//! Queries on the `overrides` table: each time the user crossed a boundary on
//! purpose, with the reason.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Row, params};
use uuid::Uuid;

use super::columns;
use crate::error::Result;

/// A boundary crossed on purpose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    pub session_id: Option<Uuid>,
    pub client_id: Option<Uuid>,
    pub client_name: Option<String>,
    /// The alert kinds crossed (`weekly_cap_reached`, `off_hours`, ...).
    pub boundaries: Vec<String>,
    pub reason: String,
}

const OVERRIDE_COLUMNS: &str =
    "o.id, o.at, o.session_id, o.client_id, c.name, o.boundaries, o.reason";
const FROM_OVERRIDES: &str = "FROM overrides o LEFT JOIN clients c ON c.id = o.client_id";

fn override_from_row(row: &Row<'_>) -> rusqlite::Result<Override> {
    let boundaries: String = row.get(5)?;
    Ok(Override {
        id: row.get::<_, Uuid>(0)?,
        at: columns::instant(row.get(1)?),
        session_id: row.get(2)?,
        client_id: row.get(3)?,
        client_name: row.get(4)?,
        boundaries: boundaries
            .split(',')
            .filter(|b| !b.is_empty())
            .map(str::to_string)
            .collect(),
        reason: row.get(6)?,
    })
}

pub fn insert_override(conn: &Connection, o: &Override, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "INSERT INTO overrides (id, at, session_id, client_id, boundaries, reason, deleted_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?7)",
        params![
            o.id,
            o.at.timestamp(),
            o.session_id,
            o.client_id,
            o.boundaries.join(","),
            o.reason,
            now.timestamp(),
        ],
    )?;
    Ok(())
}

/// Overrides made in `[from, to)`, oldest first.
pub fn overrides_in_range(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Override>> {
    let sql = format!(
        "SELECT {OVERRIDE_COLUMNS} {FROM_OVERRIDES}
         WHERE o.deleted_at IS NULL AND o.at >= ?1 AND o.at < ?2 ORDER BY o.at, o.rowid"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], override_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
