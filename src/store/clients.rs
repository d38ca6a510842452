//! Queries on the `clients` table.

use rusqlite::{Connection, OptionalExtension, Row, params};
use uuid::Uuid;

use super::columns;
use crate::error::Result;
use crate::model::{Client, Color, Rounding};
use crate::money::Currency;

const CLIENT_COLUMNS: &str = "id, name, rate_minor, currency, cap_seconds, rounding, color, archived, created_at, updated_at";

fn client_from_row(row: &Row<'_>) -> rusqlite::Result<Client> {
    let currency: String = row.get(3)?;
    let rounding: Option<String> = row.get(5)?;
    let color: String = row.get(6)?;
    Ok(Client {
        id: row.get::<_, Uuid>(0)?,
        name: row.get(1)?,
        rate_minor: row.get(2)?,
        currency: Currency::parse(&currency).map_err(|e| columns::conversion(e.to_string()))?,
        cap_seconds: row.get(4)?,
        rounding: rounding
            .map(|r| Rounding::parse(&r))
            .transpose()
            .map_err(|e| columns::conversion(e.to_string()))?,
        color: Color::parse(&color).map_err(|e| columns::conversion(e.to_string()))?,
        archived: row.get(7)?,
        created_at: columns::instant(row.get(8)?),
        updated_at: columns::instant(row.get(9)?),
    })
}

pub fn insert_client(conn: &Connection, client: &Client, name_key: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO clients (id, name, name_key, rate_minor, currency, cap_seconds, rounding, color, archived, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            client.id,
            client.name,
            name_key,
            client.rate_minor,
            client.currency.code(),
            client.cap_seconds,
            client.rounding.map(|r| r.to_string()),
            client.color.as_str(),
            client.archived,
            client.created_at.timestamp(),
            client.updated_at.timestamp(),
        ],
    )?;
    Ok(())
}

pub fn update_client(conn: &Connection, client: &Client, name_key: &str) -> Result<()> {
    conn.execute(
        "UPDATE clients SET name = ?2, name_key = ?3, rate_minor = ?4, currency = ?5, cap_seconds = ?6,
                rounding = ?7, color = ?8, archived = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            client.id,
            client.name,
            name_key,
            client.rate_minor,
            client.currency.code(),
            client.cap_seconds,
            client.rounding.map(|r| r.to_string()),
            client.color.as_str(),
            client.archived,
            client.updated_at.timestamp(),
        ],
    )?;
    Ok(())
}

pub fn client_by_key(conn: &Connection, name_key: &str) -> Result<Option<Client>> {
    let sql = format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE name_key = ?1");
    Ok(conn
        .query_row(&sql, [name_key], client_from_row)
        .optional()?)
}

pub fn client_by_id(conn: &Connection, id: Uuid) -> Result<Option<Client>> {
    let sql = format!("SELECT {CLIENT_COLUMNS} FROM clients WHERE id = ?1");
    Ok(conn.query_row(&sql, [id], client_from_row).optional()?)
}

/// All clients, by name.
pub fn list_clients(conn: &Connection) -> Result<Vec<Client>> {
    let sql = format!("SELECT {CLIENT_COLUMNS} FROM clients ORDER BY name_key");
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([], client_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Active clients, most recently used first (then by name): the tray's order.
/// A client's last start is its running session's, else the latest among its
/// finished sessions of the last week `session_buckets` knows for it: a range of
/// one week on `sessions_by_start`, never the whole history.
pub fn clients_by_recent_use(conn: &Connection) -> Result<Vec<Client>> {
    let mut stmt = conn.prepare(&recent_use_sql())?;
    let rows = stmt.query_map([], client_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn recent_use_sql() -> String {
    format!(
        "SELECT {CLIENT_COLUMNS} FROM (
           SELECT c.*, coalesce(
             (SELECT r.start_at FROM sessions r
              WHERE (r.seconds IS NULL) = 1 AND r.seconds IS NULL AND r.deleted_at IS NULL
                AND r.client_id = c.id),
             (SELECT max(f.start_at) FROM sessions f
              WHERE f.deleted_at IS NULL AND f.seconds IS NOT NULL AND f.client_id = c.id
                AND f.start_at >= (SELECT max(d.bucket) FROM session_buckets d WHERE d.client_id = c.id) * 604800
                AND f.start_at < ((SELECT max(d.bucket) FROM session_buckets d WHERE d.client_id = c.id) + 1) * 604800)
           ) AS last_start
           FROM clients c WHERE c.archived = 0)
         ORDER BY last_start IS NULL, last_start DESC, name_key"
    )
}

pub fn count_clients(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM clients", [], |r| r.get(0))?)
}
