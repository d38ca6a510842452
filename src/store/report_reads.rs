//! Read-only queries the week report needs on the `overrides` and `alerts`
//! tables (migration 2). Writing those tables belongs to the boundaries work
//! (`overrides.rs`, `alerts.rs`); this file only reads, and can fold into
//! those modules once they exist.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use super::columns;
use crate::error::Result;

/// An override as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverrideRecord {
    pub at: DateTime<Utc>,
    pub client_name: Option<String>,
    pub boundaries: Vec<String>,
    pub reason: String,
}

/// An alert as the report shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlertRecord {
    pub kind: String,
    pub client_name: Option<String>,
    pub period: String,
    pub fired_at: DateTime<Utc>,
    pub message: String,
}

/// Live overrides given in `[from, to)`, oldest first.
pub fn overrides_for_report(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<OverrideRecord>> {
    let mut stmt = conn.prepare(
        "SELECT o.at, c.name, o.boundaries, o.reason FROM overrides o
         LEFT JOIN clients c ON c.id = o.client_id
         WHERE o.deleted_at IS NULL AND o.at >= ?1 AND o.at < ?2
         ORDER BY o.at, o.id",
    )?;
    let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], |r| {
        let boundaries: String = r.get(2)?;
        Ok(OverrideRecord {
            at: columns::instant(r.get(0)?),
            client_name: r.get(1)?,
            boundaries: boundaries
                .split(',')
                .filter(|b| !b.is_empty())
                .map(str::to_string)
                .collect(),
            reason: r.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Live alerts fired in `[from, to)`, oldest first.
pub fn alerts_for_report(
    conn: &Connection,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<AlertRecord>> {
    let mut stmt = conn.prepare(
        "SELECT a.kind, c.name, a.period, a.fired_at, a.message FROM alerts a
         LEFT JOIN clients c ON c.id = a.client_id
         WHERE a.deleted_at IS NULL AND a.fired_at >= ?1 AND a.fired_at < ?2
         ORDER BY a.fired_at, a.id",
    )?;
    let rows = stmt.query_map(params![from.timestamp(), to.timestamp()], |r| {
        Ok(AlertRecord {
            kind: r.get(0)?,
            client_name: r.get(1)?,
            period: r.get(2)?,
            fired_at: columns::instant(r.get(3)?),
            message: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
