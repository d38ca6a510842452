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

    /// Adds figures kept per bucket (whole sessions).
    fn add_bucket(&mut self, days: &store::BucketFigures) {
        let entry = self.per_client.entry(days.client_id).or_default();
        entry.0 = entry.0.saturating_add_signed(days.sessions);
        entry.1 += days.seconds;
        entry.2 += days.billable_seconds;
        entry.3.add(days.currency, days.amount_minor);
    }

    /// Takes out a whole finished session that `add_bucket` counted.
    fn remove_whole(&mut self, session: &Session) {
        let whole = Slice::of(
            session,
            (session.start, session.end_or(session.start)),
            session.start,
        );
        let entry = self.per_client.entry(session.client_id).or_default();
        entry.0 = entry.0.saturating_sub(1);
        entry.1 -= whole.seconds;
        entry.2 -= whole.billable_seconds;
        entry.3.add(session.currency, -whole.amount_minor);
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
    let accumulator = accumulate(conn, window, now)?;
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

/// Adds up the window: whole buckets (UTC weeks) inside it from `session_buckets`, the
/// sessions at its edges one by one (both bounded on the index), the running
/// session last. The figures are the same as adding every session up.
pub fn accumulate(
    conn: &rusqlite::Connection,
    window: (DateTime<Utc>, DateTime<Utc>),
    now: DateTime<Utc>,
) -> Result<TotalsAccumulator> {
    let mut acc = TotalsAccumulator::default();
    let bucket = store::BUCKET_SECONDS;
    let (from, to) = (window.0.timestamp(), window.1.timestamp());
    let (first_bucket, end_bucket) = (
        from.div_euclid(bucket) + i64::from(from.rem_euclid(bucket) != 0),
        to.div_euclid(bucket),
    );
    if first_bucket >= end_bucket {
        store::for_each_session_in_range(conn, window.0, window.1, None, |s| {
            acc.add(&s, window, now);
            Ok(())
        })?;
        return Ok(acc);
    }
    let instant = crate::store::columns::instant;
    let (buckets_from, buckets_to) = (instant(first_bucket * bucket), instant(end_bucket * bucket));
    let longest = store::max_session_seconds(conn)?;
    for figures in store::sum_session_buckets(conn, first_bucket, end_bucket)? {
        acc.add_bucket(&figures);
    }
    // Before the whole buckets: sessions that start in the window, or earlier and reach into it.
    let reach = instant(from.saturating_sub(longest));
    store::for_each_finished_starting_in(conn, reach.min(buckets_from), buckets_from, |s| {
        acc.add(&s, window, now);
        Ok(())
    })?;
    // After them, up to the window's end.
    store::for_each_finished_starting_in(conn, buckets_to, window.1, |s| {
        acc.add(&s, window, now);
        Ok(())
    })?;
    // Sessions of the whole buckets that run past the window's end count only up to it.
    let late = instant(to.saturating_sub(longest)).max(buckets_from);
    store::for_each_finished_starting_in(conn, late, buckets_to, |s| {
        if s.end.is_some_and(|e| e > window.1) {
            acc.remove_whole(&s);
            acc.add(&s, window, now);
        }
        Ok(())
    })?;
    if let Some(running) = store::running_session(conn)? {
        acc.add(&running, window, now);
    }
    Ok(acc)
}
