//! Invoicing exports: one CSV row per session in a date range (or one line per
//! client), rounding applied per row, streamed from the store.
//!
//! - [`cells`]: decimals and formula neutralising, per cell;
//! - [`rows`]: a session clipped to the range, rounded, priced;
//! - `csv_out` and [`invoice`]: the two layouts;
//! - [`atomic`]: `--out FILE` without a partial file on error.

pub mod atomic;
pub mod cells;
mod csv_out;
pub mod invoice;
pub mod plan;
pub mod rows;

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use uuid::Uuid;

use crate::calendar::dates_range;
use crate::error::{Error, Result};
use crate::model::Rounding;
use crate::store;
use crate::tracker::{Reads, find_client};

pub use cells::Dialect;
pub use csv_out::{ExportSummary, INVOICE_HEADER, SESSION_HEADER};
pub use invoice::{InvoiceLine, InvoiceLines};
pub use rows::{ExportRow, RoundingChoice};

/// One row per session, or one invoice line per client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    #[default]
    Sessions,
    ByClient,
}

/// What to export.
#[derive(Debug, Clone)]
pub struct ExportRequest {
    /// First local date, included.
    pub from: NaiveDate,
    /// Last local date, included.
    pub to: NaiveDate,
    /// Client names; empty means every client.
    pub clients: Vec<String>,
    pub rounding: RoundingChoice,
    pub dialect: Dialect,
    pub layout: Layout,
}

impl ExportRequest {
    pub fn new(from: NaiveDate, to: NaiveDate) -> Self {
        Self {
            from,
            to,
            clients: Vec::new(),
            rounding: RoundingChoice::Default,
            dialect: Dialect::Standard,
            layout: Layout::Sessions,
        }
    }
}

/// Streams the export to `out`. Sessions are read one at a time; only the
/// invoice layout keeps anything, and that is one line per client and rate.
/// Everything is read in one transaction (on a [`crate::tracker::Reader`],
/// a long export keeps off the tracker's connection).
pub fn export_csv<W: Write>(
    source: &mut impl Reads,
    request: &ExportRequest,
    out: W,
) -> Result<(W, ExportSummary)> {
    if request.from > request.to {
        return Err(Error::RangeReversed {
            from: request.from,
            to: request.to,
        });
    }
    source.read(|tx| {
        let (settings, now, conn) = (&tx.settings, tx.now, tx.conn());
        let tz = settings.timezone;
        let range = dates_range(request.from, request.to, tz);
        let rules: HashMap<Uuid, Option<Rounding>> = store::list_clients(conn)?
            .into_iter()
            .map(|c| (c.id, c.rounding))
            .collect();
        let wanted: HashSet<Uuid> = request
            .clients
            .iter()
            .map(|name| find_client(conn, name).map(|c| c.id))
            .collect::<Result<_>>()?;
        // One client: let SQL filter; several: filter here.
        let sql_client = (wanted.len() == 1)
            .then(|| wanted.iter().copied().next())
            .flatten();
        let row_for = |session: &crate::model::Session| {
            if !wanted.is_empty() && !wanted.contains(&session.client_id) {
                return None;
            }
            let client_rule = rules.get(&session.client_id).copied().flatten();
            let rule = request.rounding.rule_for(client_rule, settings.rounding);
            ExportRow::new(session, range, now, tz, rule)
        };
        match request.layout {
            Layout::Sessions => {
                let mut writer = csv_out::SessionWriter::new(out, request.dialect, tz)?;
                store::for_each_session_in_range(conn, range.0, range.1, sql_client, |s| {
                    match row_for(&s) {
                        Some(row) => writer.write(&row),
                        None => Ok(()),
                    }
                })?;
                writer.finish()
            }
            Layout::ByClient => {
                let mut lines = InvoiceLines::default();
                store::for_each_session_in_range(conn, range.0, range.1, sql_client, |s| {
                    if let Some(row) = row_for(&s) {
                        lines.add(&row);
                    }
                    Ok(())
                })?;
                lines.write(out, request.dialect)
            }
        }
    })
}

/// Writes the export to `path` atomically: a temporary file next to it, renamed
/// over `path` only once everything is written and synced.
pub fn export_csv_to_file(
    source: &mut impl Reads,
    request: &ExportRequest,
    path: &Path,
) -> Result<ExportSummary> {
    atomic::write_atomically(path, |file| {
        export_csv(source, request, file).map(|(_, summary)| summary)
    })
}
