//! Queries on the `alerts` table: one row per crossing, unique by
//! (kind, client, period).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::columns;
use crate::error::Result;

/// An alert as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAlert {
    pub id: Uuid,
    /// The kind's stable name (`weekly_cap_reached`, ...).
    pub kind: String,
    pub client_id: Option<Uuid>,
    pub client_name: Option<String>,
    pub period: String,
    pub fired_at: DateTime<Utc>,
    pub message: String,
    pub notified_at: Option<DateTime<Utc>>,
    pub last_nag_at: Option<DateTime<Utc>>,
}

const ALERT_COLUMNS: &str = "a.id, a.kind, a.client_id, c.name, a.period, a.fired_at, a.message, a.notified_at, a.last_nag_at";
const FROM_ALERTS: &str = "FROM alerts a LEFT JOIN clients c ON c.id = a.client_id";

fn alert_from_row(row: &Row<'_>) -> rusqlite::Result<StoredAlert> {
    Ok(StoredAlert {
        id: row.get::<_, Uuid>(0)?,
        kind: row.get(1)?,
        client_id: row.get::<_, Option<Uuid>>(2)?,
        client_name: row.get(3)?,
        period: row.get(4)?,
        fired_at: columns::instant(row.get(5)?),
        message: row.get(6)?,
        notified_at: row.get::<_, Option<i64>>(7)?.map(columns::instant),
        last_nag_at: row.get::<_, Option<i64>>(8)?.map(columns::instant),
    })
}

/// Stores an alert unless one with the same (kind, client, period) exists;
/// returns whether it was new.
pub fn insert_alert_if_new(
    conn: &Connection,
    alert: &StoredAlert,
    now: DateTime<Utc>,
) -> Result<bool> {
    let changed = conn.execute(
        "INSERT INTO alerts (id, kind, client_id, period, fired_at, message, notified_at, last_nag_at,
                             deleted_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, NULL, NULL, ?7, ?7)
         ON CONFLICT DO NOTHING",
        params![
            alert.id,
            alert.kind,
            alert.client_id,
            alert.period,
            alert.fired_at.timestamp(),
            alert.message,
            now.timestamp(),
        ],
    )?;
    Ok(changed == 1)
}

/// The alert of (kind, client, period), if fired.
pub fn alert_by_key(
    conn: &Connection,
    kind: &str,
    client_id: Option<Uuid>,
    period: &str,
) -> Result<Option<StoredAlert>> {
    let sql = format!(
        "SELECT {ALERT_COLUMNS} {FROM_ALERTS}
         WHERE a.kind = ?1 AND ifnull(a.client_id, X'') = ifnull(?2, X'') AND a.period = ?3"
    );
    Ok(conn
        .query_row(&sql, params![kind, client_id, period], alert_from_row)
        .optional()?)
}

/// Alerts not yet notified, oldest first.
pub fn unnotified_alerts(conn: &Connection) -> Result<Vec<StoredAlert>> {
    let sql = format!(
        "SELECT {ALERT_COLUMNS} {FROM_ALERTS}
         WHERE a.notified_at IS NULL AND a.deleted_at IS NULL ORDER BY a.fired_at, a.rowid"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], alert_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks an alert notified (or, with `None`, not yet: a send that failed).
pub fn set_alert_notified(
    conn: &Connection,
    id: Uuid,
    at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<()> {
    conn.execute(
        "UPDATE alerts SET notified_at = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, at.map(|t| t.timestamp()), now.timestamp()],
    )?;
    Ok(())
}

/// Records the instant of the last reminder.
pub fn set_alert_nagged(conn: &Connection, id: Uuid, at: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE alerts SET last_nag_at = ?2, updated_at = ?2 WHERE id = ?1",
        params![id, at.timestamp()],
    )?;
    Ok(())
}

/// Alerts fired in `[from, to)`, oldest first (the week's story).
pub fn alerts_in_range(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<StoredAlert>> {
    let sql = format!(
        "SELECT {ALERT_COLUMNS} {FROM_ALERTS}
         WHERE a.deleted_at IS NULL AND a.fired_at >= ?1 AND a.fired_at < ?2
         ORDER BY a.fired_at, a.rowid"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], alert_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
