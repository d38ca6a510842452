//! Queries on the `alerts` table: one row per crossing, unique by
//! (kind, client, period). An alert keeps its facts, and is told from them in
//! the reader's language ([`StoredAlert::message`]).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::columns;
use crate::error::Result;
use crate::i18n::Locale;
use crate::rules::AlertKind;
use crate::rules::messages::{self, Facts, Form};

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
    /// The sentence as told when it fired, in the language then in force:
    /// what an alert without facts shows.
    pub fired_message: String,
    /// The figures its sentence tells; `None` for an alert stored before
    /// schema 9 (or whose facts cannot be read).
    pub facts: Option<Facts>,
    pub notified_at: Option<DateTime<Utc>>,
    pub last_nag_at: Option<DateTime<Utc>>,
}

const ALERT_COLUMNS: &str = "a.id, a.kind, a.client_id, c.name, a.period, a.fired_at, a.message, a.notified_at, a.last_nag_at, a.facts";
const FROM_ALERTS: &str = "FROM alerts a LEFT JOIN clients c ON c.id = a.client_id";

fn alert_from_row(row: &Row<'_>) -> rusqlite::Result<StoredAlert> {
    Ok(StoredAlert {
        id: row.get::<_, Uuid>(0)?,
        kind: row.get(1)?,
        client_id: row.get::<_, Option<Uuid>>(2)?,
        client_name: row.get(3)?,
        period: row.get(4)?,
        fired_at: columns::instant(row.get(5)?),
        fired_message: row.get(6)?,
        // Unreadable facts (the schema only checks they are JSON) fall back to
        // the stored sentence: a week report never fails over one alert.
        facts: row
            .get::<_, Option<String>>(9)?
            .and_then(|json| serde_json::from_str(&json).ok()),
        notified_at: row.get::<_, Option<i64>>(7)?.map(columns::instant),
        last_nag_at: row.get::<_, Option<i64>>(8)?.map(columns::instant),
    })
}

impl StoredAlert {
    /// The alert's sentence in `locale`, told from its facts (with its
    /// client's current name); an alert without facts, or of a kind this
    /// version does not know, shows the sentence it was stored with.
    pub fn message(&self, locale: Locale) -> String {
        match (self.current_facts(), self.kind.parse::<AlertKind>()) {
            (Some(facts), Ok(kind)) => messages::message(kind, Form::Alert, locale, &facts),
            _ => self.fired_message.clone(),
        }
    }

    /// Its facts as they read today: with its client's current name (a
    /// renamed client is not told by its old one).
    pub fn current_facts(&self) -> Option<Facts> {
        let mut facts = self.facts.clone()?;
        if let Some(name) = &self.client_name {
            facts.client.clone_from(name);
        }
        Some(facts)
    }
}

/// Stores an alert unless one with the same (kind, client, period) exists;
/// returns whether it was new.
pub fn insert_alert_if_new(
    conn: &Connection,
    alert: &StoredAlert,
    now: DateTime<Utc>,
) -> Result<bool> {
    let facts = alert
        .facts
        .as_ref()
        .map(serde_json::to_string)
        .transpose()
        .map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    let changed = conn.execute(
        "INSERT INTO alerts (id, kind, client_id, period, fired_at, message, notified_at, last_nag_at,
                             deleted_at, created_at, updated_at, facts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, NULL, NULL, ?7, ?7, ?8)
         ON CONFLICT DO NOTHING",
        params![
            alert.id,
            alert.kind,
            alert.client_id,
            alert.period,
            alert.fired_at.timestamp(),
            alert.fired_message,
            now.timestamp(),
            facts,
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
