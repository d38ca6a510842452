//! The clients × days grid of one week: each session clipped to the week and
//! split at local midnights, so the cells add up exactly to the totals.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use uuid::Uuid;

use super::amounts::Amounts;
use super::clip::{Slice, Window, clip};
use crate::calendar::split_by_local_day;
use crate::model::{Client, Session};
use crate::money::Currency;
use crate::rules::{CapLevel, cap_usage};

/// One client's row of the week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientWeek {
    pub name: String,
    pub color: String,
    /// Seconds per day of the week, first day first (7 values).
    pub days: Vec<i64>,
    pub total_seconds: i64,
    pub billable_seconds: i64,
    /// Billable amount in `currency` (the client's currency).
    pub amount_minor: i64,
    pub currency: Currency,
    /// Every currency billed this week (more than one only after a currency change).
    pub amounts: Amounts,
    pub cap_seconds: Option<i64>,
    /// `total_seconds` as a whole percentage of the cap (rounded down, as the rules do).
    pub cap_used_percent: Option<i64>,
    /// `below`, `warning` or `reached` (the rules' `warn_at` threshold).
    pub cap_level: Option<CapLevel>,
    /// Time answered as not work (away, discarded), kept out of the totals.
    pub discarded_seconds: i64,
    /// This client's part of the week's off-hours and rest-day time (the
    /// week's `off_hours_seconds` and `rest_day_seconds` are their sums).
    pub off_hours_seconds: i64,
    pub rest_day_seconds: i64,
}

/// Builds the rows of the clients with time in `week` (by name). `dates` are the
/// week's seven local dates; `warn_at` the cap warning percentage.
pub fn client_weeks(
    sessions: &[Session],
    clients: &[Client],
    (week, dates): (Window, &[NaiveDate]),
    now: DateTime<Utc>,
    tz: Tz,
    warn_at: u8,
) -> Vec<ClientWeek> {
    let mut rows: HashMap<Uuid, (Vec<i64>, Slice, Amounts)> = HashMap::new();
    for session in sessions {
        let Some((start, end)) = clip(session, week, now) else {
            continue;
        };
        let slice = Slice::of(session, week, now);
        let (days, sum, amounts) = rows.entry(session.client_id).or_insert_with(|| {
            (
                vec![0; dates.len()],
                Slice {
                    seconds: 0,
                    billable_seconds: 0,
                    amount_minor: 0,
                },
                Amounts::default(),
            )
        });
        for (date, seconds) in split_by_local_day(start, end, tz) {
            if let Some(index) = dates.iter().position(|d| *d == date) {
                days[index] += seconds;
            }
        }
        sum.seconds += slice.seconds;
        sum.billable_seconds += slice.billable_seconds;
        amounts.add(session.currency, slice.amount_minor);
    }
    let mut out: Vec<ClientWeek> = clients
        .iter()
        .filter_map(|client| {
            let (days, sum, amounts) = rows.remove(&client.id)?;
            let usage = client
                .cap_seconds
                .map(|cap| cap_usage(sum.seconds, cap, warn_at));
            Some(ClientWeek {
                name: client.name.clone(),
                color: client.color.as_str().to_string(),
                days,
                total_seconds: sum.seconds,
                billable_seconds: sum.billable_seconds,
                amount_minor: amounts.get(client.currency),
                currency: client.currency,
                amounts,
                cap_seconds: client.cap_seconds,
                cap_used_percent: usage.map(|u| u.percent),
                cap_level: usage.map(|u| u.level),
                discarded_seconds: 0,
                off_hours_seconds: 0,
                rest_day_seconds: 0,
            })
        })
        .collect();
    out.sort_by_key(|c| c.name.to_lowercase());
    out
}

/// The totals row: seconds per day over all clients.
pub fn day_totals(rows: &[ClientWeek], days: usize) -> Vec<i64> {
    (0..days)
        .map(|i| {
            rows.iter()
                .map(|r| r.days.get(i).copied().unwrap_or(0))
                .sum()
        })
        .collect()
}
