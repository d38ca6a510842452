//! `EXPLAIN QUERY PLAN` of the queries every frequent command runs, on their
//! real text: a test checks each uses its index, BENCHMARKS.md prints them.

use rusqlite::Connection;

use super::{clients, session_buckets, sessions};
use crate::error::Result;

/// One hot query and the plan SQLite chose for it.
#[derive(Debug, Clone)]
pub struct QueryPlan {
    pub name: &'static str,
    /// What uses it.
    pub used_by: &'static str,
    pub sql: String,
    /// The plan's lines, indented by depth.
    pub plan: Vec<String>,
}

/// The hot queries, each with its plan on this database.
pub fn hot_query_plans(conn: &Connection) -> Result<Vec<QueryPlan>> {
    let queries: Vec<(&'static str, &'static str, String)> = vec![
        (
            "running session",
            "status, start, stop, check, the app's snapshot",
            sessions::running_sql(),
        ),
        (
            "finished sessions in a window",
            "report week, check, export, log, overlaps before start/add/edit/import",
            sessions::finished_sql(),
        ),
        (
            "finished sessions starting in a range",
            "report totals (the window's edges)",
            sessions::finished_starting_sql(),
        ),
        (
            "figures per client and week",
            "report totals (whole weeks)",
            session_buckets::SUM_DAYS.to_string(),
        ),
        (
            "longest session",
            "every window query",
            sessions::BOUNDS_SQL.to_string(),
        ),
        (
            "entry imported before",
            "import (once per entry)",
            sessions::ALREADY_IMPORTED_SQL.to_string(),
        ),
        (
            "session by id prefix",
            "edit, rm, restore-session by id",
            sessions::by_id_prefix_sql(),
        ),
        (
            "clients by recent use",
            "the tray, the app's snapshot",
            clients::recent_use_sql(),
        ),
    ];
    queries
        .into_iter()
        .map(|(name, used_by, sql)| {
            let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
            let mut depth: Vec<(i64, usize)> = Vec::new();
            let nulls = vec![rusqlite::types::Null; stmt.parameter_count()];
            let rows = stmt.query_map(rusqlite::params_from_iter(nulls), |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(3)?,
                ))
            })?;
            let mut plan = Vec::new();
            for row in rows {
                let (id, parent, detail) = row?;
                while depth.last().is_some_and(|(p, _)| *p != parent) {
                    depth.pop();
                }
                let level = depth.last().map_or(0, |(_, l)| l + 1);
                plan.push(format!("{}{detail}", "  ".repeat(level)));
                depth.push((id, level));
            }
            Ok(QueryPlan {
                name,
                used_by,
                sql,
                plan,
            })
        })
        .collect()
}
