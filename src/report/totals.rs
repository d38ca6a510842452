//! Per-client totals over a date range (`report totals`), accumulated one
//! session at a time so the whole history never sits in memory.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;
use uuid::Uuid;

use super::amounts::Amounts;
use super::clip::Slice;
use crate::calendar::{dates_range, local_date};
use crate::error::{Error, Result};
use crate::model::{Client, Session};
use crate::money::Currency;
use crate::store;
use crate::tracker::{ReadTx, Reads};
use crate::when::earliest_accepted;

/// Totals over a range, per client and overall.
#[derive(Debug, Clone, Serialize)]
pub struct TotalsReport {
    /// First date included; `null` for the whole history.
    pub from: Option<NaiveDate>,
    /// Last date included.
    pub to: NaiveDate,
    pub timezone: String,
    pub total_seconds: i64,
    pub billable_seconds: i64,
    pub amounts: Amounts,
    pub clients: Vec<ClientTotals>,
}

/// One client's totals. `amount_minor` is in the client's `currency`;
/// `amounts` also lists time billed in a currency the client had before.
#[derive(Debug, Clone, Serialize)]
pub struct ClientTotals {
    pub name: String,
    pub sessions: u64,
    pub total_seconds: i64,
    pub billable_seconds: i64,
    pub amount_minor: i64,
    pub currency: Currency,
    pub amounts: Amounts,
}

/// Adds sessions up per client.
#[derive(Debug, Default)]
pub struct TotalsAccumulator {
    per_client: HashMap<Uuid, (u64, i64, i64, Amounts)>,
}

impl TotalsAccumulator {
    pub fn add(
        &mut self,
        session: &Session,
        window: (DateTime<Utc>, DateTime<Utc>),
        now: DateTime<Utc>,
    ) {
        let slice = Slice::of(session, window, now);
        if slice.seconds == 0 {
            return;
        }
        let entry = self.per_client.entry(session.client_id).or_default();
        entry.0 += 1;
        entry.1 += slice.seconds;
        entry.2 += slice.billable_seconds;
        entry.3.add(session.currency, slice.amount_minor);
    }

    /// The clients with time, by name.
    pub fn finish(self, clients: &[Client]) -> Vec<ClientTotals> {
        let mut out: Vec<ClientTotals> = clients
            .iter()
            .filter_map(|client| {
                let (sessions, total, billable, amounts) = self.per_client.get(&client.id)?;
                Some(ClientTotals {
                    name: client.name.clone(),
                    sessions: *sessions,
                    total_seconds: *total,
                    billable_seconds: *billable,
                    amount_minor: amounts.get(client.currency),
                    currency: client.currency,
                    amounts: amounts.clone(),
                })
            })
            .collect();
        out.sort_by_key(|c| c.name.to_lowercase());
        out
    }
}

/// `report totals`: every client's time and money between two local dates
/// (both included; the whole history and today by default), read in one
/// transaction (on a [`crate::tracker::Reader`] to keep it off the tracker).
pub fn totals_report(
    source: &mut impl Reads,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<TotalsReport> {
    source.read(|tx| totals_report_in(tx, from, to))
}

fn totals_report_in(
    tx: &ReadTx<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
) -> Result<TotalsReport> {
    let (tz, now, conn) = (tx.settings.timezone, tx.now, tx.conn());
    let to = to.unwrap_or_else(|| local_date(now, tz));
    let first = from.unwrap_or_else(|| local_date(earliest_accepted(), tz));
    if first > to {
        return Err(Error::RangeReversed { from: first, to });
    }
    let window = dates_range(first, to, tz);
    let mut accumulator = TotalsAccumulator::default();
    store::for_each_session_in_range(conn, window.0, window.1, None, |s| {
        accumulator.add(&s, window, now);
        Ok(())
    })?;
    let clients = store::list_clients(conn)?;
    let clients = accumulator.finish(&clients);
    let mut amounts = Amounts::default();
    for c in &clients {
        amounts.add_all(&c.amounts);
    }
    Ok(TotalsReport {
        from,
        to,
        timezone: tz.name().to_string(),
        total_seconds: clients.iter().map(|c| c.total_seconds).sum(),
        billable_seconds: clients.iter().map(|c| c.billable_seconds).sum(),
        amounts,
        clients,
    })
}
