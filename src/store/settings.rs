//! Queries on the `settings` table (key/value text; parsing lives in `crate::settings`).

use chrono::{DateTime, Utc};
use rusqlite::{Connection, params};

use crate::error::Result;

pub fn stored_settings(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare("SELECT key, value FROM settings ORDER BY key")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn put_setting(conn: &Connection, key: &str, value: &str, at: DateTime<Utc>) -> Result<()> {
    conn.execute(
        "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        params![key, value, at.timestamp()],
    )?;
    Ok(())
}
