//! Queries on the `decisions` table (the weekly review's answers) and on
//! `summaries_shown` (the weeks whose summary this device opened).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::columns;
use crate::decisions::{Choice, Decision};
use crate::error::Result;
use crate::money::Currency;

const DECISION_COLUMNS: &str = "d.id, d.client_id, c.name, d.week, d.choice, d.note, \
     d.notice_until, d.new_rate_minor, d.currency, d.ended_at, d.created_at";
const FROM_DECISIONS: &str = "FROM decisions d JOIN clients c ON c.id = d.client_id";

fn date(text: &str) -> rusqlite::Result<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|e| columns::conversion(e.to_string()))
}

fn decision_from_row(row: &Row<'_>) -> rusqlite::Result<Decision> {
    let choice: String = row.get(4)?;
    let currency: Option<String> = row.get(8)?;
    Ok(Decision {
        id: row.get::<_, Uuid>(0)?,
        client_id: row.get::<_, Uuid>(1)?,
        client: row.get(2)?,
        week: date(&row.get::<_, String>(3)?)?,
        choice: Choice::parse(&choice)
            .ok_or_else(|| columns::conversion(format!("unknown choice {choice}")))?,
        note: row.get(5)?,
        notice_until: row
            .get::<_, Option<String>>(6)?
            .map(|t| date(&t))
            .transpose()?,
        new_rate_minor: row.get(7)?,
        currency: currency
            .map(|c| Currency::parse(&c))
            .transpose()
            .map_err(|e| columns::conversion(e.to_string()))?,
        ended_at: row.get::<_, Option<i64>>(9)?.map(columns::instant),
        created_at: columns::instant(row.get(10)?),
    })
}

pub fn insert_decision(conn: &Connection, d: &Decision) -> Result<()> {
    conn.execute(
        "INSERT INTO decisions (id, client_id, week, choice, note, notice_until, new_rate_minor,
                                currency, ended_at, deleted_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, NULL, ?9, ?9)",
        params![
            d.id,
            d.client_id,
            d.week.to_string(),
            d.choice.as_str(),
            d.note,
            d.notice_until.map(|n| n.to_string()),
            d.new_rate_minor,
            d.currency.map(|c| c.code().to_string()),
            d.created_at.timestamp(),
        ],
    )?;
    Ok(())
}

/// The decision about `client_id` for the week starting `week`, if any.
pub fn decision_for(
    conn: &Connection,
    client_id: Uuid,
    week: NaiveDate,
) -> Result<Option<Decision>> {
    let sql = format!(
        "SELECT {DECISION_COLUMNS} {FROM_DECISIONS}
         WHERE d.client_id = ?1 AND d.week = ?2 AND d.deleted_at IS NULL"
    );
    Ok(conn
        .query_row(
            &sql,
            params![client_id, week.to_string()],
            decision_from_row,
        )
        .optional()?)
}

/// Every decision (of one client, if given), oldest week first.
pub fn list_decisions(conn: &Connection, client_id: Option<Uuid>) -> Result<Vec<Decision>> {
    let sql = format!(
        "SELECT {DECISION_COLUMNS} {FROM_DECISIONS}
         WHERE d.deleted_at IS NULL AND (?1 IS NULL OR d.client_id = ?1)
         ORDER BY d.week, d.created_at, d.rowid"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![client_id], decision_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Engagements whose notice period ended before `today` and that have not
/// archived their client yet.
pub fn notices_ended(conn: &Connection, today: NaiveDate) -> Result<Vec<Decision>> {
    let sql = format!(
        "SELECT {DECISION_COLUMNS} {FROM_DECISIONS}
         WHERE d.deleted_at IS NULL AND d.choice = 'end_engagement'
           AND d.notice_until IS NOT NULL AND d.notice_until < ?1 AND d.ended_at IS NULL
         ORDER BY d.notice_until"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![today.to_string()], decision_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks an engagement's end as done (its client was archived).
pub fn mark_ended(conn: &Connection, id: Uuid, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "UPDATE decisions SET ended_at = ?2, updated_at = ?2 WHERE id = ?1",
        params![id, now.timestamp()],
    )?;
    Ok(())
}

/// The latest week whose summary was shown.
pub fn last_summary_shown(conn: &Connection) -> Result<Option<NaiveDate>> {
    let week: Option<String> =
        conn.query_row("SELECT max(week) FROM summaries_shown", [], |r| r.get(0))?;
    Ok(week.map(|w| date(&w)).transpose()?)
}

/// Records that the summary of `week` was shown (again: keeps the first time).
pub fn put_summary_shown(conn: &Connection, week: NaiveDate, now: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "INSERT INTO summaries_shown (week, shown_at) VALUES (?1, ?2) ON CONFLICT (week) DO NOTHING",
        params![week.to_string(), now.timestamp()],
    )?;
    Ok(())
}
