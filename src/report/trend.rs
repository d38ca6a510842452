//! Per client, the tracked time of the last 8 weeks (oldest first, the
//! reported week last): is this client taking more and more?

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use super::clip::{Window, clipped_seconds};
use crate::model::{Client, Session};

/// How many weeks the trend covers, the reported one included.
pub const TREND_WEEKS: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Trend {
    /// Week labels (`2026-W41`), oldest first.
    pub weeks: Vec<String>,
    /// All clients' seconds per week.
    pub totals: Vec<i64>,
    pub clients: Vec<ClientTrend>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientTrend {
    pub name: String,
    /// Seconds per week, aligned with [`Trend::weeks`].
    pub seconds: Vec<i64>,
}

/// `weeks` are `(label, [start, end))`, oldest first. Clients without time in
/// any of them are left out.
pub fn trend(
    sessions: &[Session],
    clients: &[Client],
    weeks: &[(String, Window)],
    now: DateTime<Utc>,
) -> Trend {
    // One pass over the sessions (eight weeks of them), not one per client.
    let index: HashMap<Uuid, usize> = clients.iter().enumerate().map(|(i, c)| (c.id, i)).collect();
    let mut seconds = vec![vec![0i64; weeks.len()]; clients.len()];
    for session in sessions {
        if let Some(row) = index
            .get(&session.client_id)
            .and_then(|&i| seconds.get_mut(i))
        {
            for (cell, (_, window)) in row.iter_mut().zip(weeks) {
                *cell += clipped_seconds(session, *window, now);
            }
        }
    }
    let mut rows: Vec<ClientTrend> = clients
        .iter()
        .zip(seconds)
        .map(|(client, seconds)| ClientTrend {
            name: client.name.clone(),
            seconds,
        })
        .filter(|row| row.seconds.iter().any(|s| *s > 0))
        .collect();
    rows.sort_by_key(|r| r.name.to_lowercase());
    let totals = (0..weeks.len())
        .map(|i| rows.iter().map(|r| r.seconds[i]).sum())
        .collect();
    Trend {
        weeks: weeks.iter().map(|(label, _)| label.clone()).collect(),
        totals,
        clients: rows,
    }
}
