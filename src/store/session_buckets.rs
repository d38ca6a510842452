//! Queries on `session_buckets`: figures per client × UTC week of the start ×
//! currency of the finished live sessions, kept by the schema's triggers.

use rusqlite::{Connection, params};
use uuid::Uuid;

use super::columns;
use crate::error::Result;
use crate::money::Currency;

/// Seconds in one bucket of `session_buckets` (a week, counted from the Unix epoch).
pub const BUCKET_SECONDS: i64 = 604_800;

/// Figures of a group of sessions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketFigures {
    pub client_id: Uuid,
    pub currency: Currency,
    pub sessions: i64,
    pub seconds: i64,
    pub billable_seconds: i64,
    pub amount_minor: i64,
}

pub(super) const SUM_DAYS: &str = "SELECT client_id, currency, sum(sessions), sum(seconds), sum(billable_seconds), sum(amount_minor)
     FROM session_buckets WHERE bucket >= ?1 AND bucket < ?2 GROUP BY client_id, currency ORDER BY client_id, currency";

/// Sums per client and currency over the buckets `[first, end)`.
pub fn sum_session_buckets(conn: &Connection, first: i64, end: i64) -> Result<Vec<BucketFigures>> {
    let mut stmt = conn.prepare_cached(SUM_DAYS)?;
    let rows = stmt.query_map(params![first, end], |r| {
        let currency: String = r.get(1)?;
        Ok(BucketFigures {
            client_id: r.get::<_, Uuid>(0)?,
            currency: Currency::parse(&currency).map_err(|e| columns::conversion(e.to_string()))?,
            sessions: r.get(2)?,
            seconds: r.get(3)?,
            billable_seconds: r.get(4)?,
            amount_minor: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The figures computed again from the sessions themselves.
const FROM_SESSIONS: &str =
    "SELECT client_id, start_at / 604800, (SELECT name FROM currencies WHERE code = currency),
            count(*), sum(seconds), sum(CASE WHEN billable THEN seconds ELSE 0 END),
            sum(CASE WHEN billable THEN (seconds * rate_minor + 1800) / 3600 ELSE 0 END)
     FROM sessions WHERE seconds IS NOT NULL AND deleted_at IS NULL GROUP BY 1, 2, 3";

/// Recomputes every row from the sessions (a full scan); returns the row count.
pub fn rebuild_session_buckets(conn: &Connection) -> Result<i64> {
    conn.execute("DELETE FROM session_buckets", [])?;
    let rows = conn.execute(&format!("INSERT INTO session_buckets {FROM_SESSIONS}"), [])?;
    Ok(i64::try_from(rows).unwrap_or(i64::MAX))
}

/// Rows of `session_buckets` that differ from a full scan of the sessions (both
/// ways); empty when the kept figures are right.
pub fn session_buckets_mismatches(conn: &Connection) -> Result<i64> {
    let sql = format!(
        "SELECT count(*) FROM (
           SELECT * FROM (SELECT * FROM ({FROM_SESSIONS}) EXCEPT SELECT * FROM session_buckets)
           UNION ALL
           SELECT * FROM (SELECT * FROM session_buckets EXCEPT SELECT * FROM ({FROM_SESSIONS})))"
    );
    Ok(conn.query_row(&sql, [], |r| r.get(0))?)
}
