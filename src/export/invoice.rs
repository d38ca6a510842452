//! `--by client`: the billable rows summed into invoice lines, one per client
//! and rate (a rate raised mid-month gives two lines), in name order.

use std::collections::BTreeMap;
use std::io::Write;

use super::cells::{self, Dialect};
use super::csv_out::{CsvOut, ExportSummary, INVOICE_HEADER};
use super::rows::ExportRow;
use crate::error::Result;
use crate::money::Currency;

/// One invoice line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceLine {
    pub client: String,
    pub rounded_seconds: i64,
    pub rate_minor: i64,
    pub currency: Currency,
    /// The per-session amounts summed (each rounded half-up first).
    pub amount_minor: i64,
}

/// Accumulates billable rows; memory grows with clients × rates, not sessions.
#[derive(Debug, Default)]
pub struct InvoiceLines {
    lines: BTreeMap<LineKey, Sums>,
}

/// Lines sort by lowercased name, then name, currency and rate.
type LineKey = (String, String, Currency, i64);

#[derive(Debug, Default, Clone, Copy)]
struct Sums {
    seconds: i64,
    rounded_seconds: i64,
    amount_minor: i64,
}

impl InvoiceLines {
    pub fn add(&mut self, row: &ExportRow) {
        if !row.billable {
            return;
        }
        let key = (
            row.client.to_lowercase(),
            row.client.clone(),
            row.currency,
            row.rate_minor,
        );
        let entry = self.lines.entry(key).or_default();
        entry.seconds += row.seconds;
        entry.rounded_seconds += row.rounded_seconds;
        entry.amount_minor += row.amount_minor;
    }

    pub fn lines(&self) -> impl Iterator<Item = InvoiceLine> + '_ {
        self.lines
            .iter()
            .map(|((_, client, currency, rate), sums)| InvoiceLine {
                client: client.clone(),
                rounded_seconds: sums.rounded_seconds,
                rate_minor: *rate,
                currency: *currency,
                amount_minor: sums.amount_minor,
            })
    }

    /// Writes the lines as CSV and returns what was written.
    pub fn write<W: Write>(&self, out: W, dialect: Dialect) -> Result<(W, ExportSummary)> {
        let mut csv = CsvOut::new(out, dialect, &INVOICE_HEADER)?;
        let mut summary = ExportSummary::default();
        for (line, sums) in self.lines().zip(self.lines.values()) {
            csv.record([
                cells::text(&line.client).into_owned(),
                cells::hours(line.rounded_seconds, dialect),
                cells::money(line.rate_minor, line.currency, dialect),
                cells::money(line.amount_minor, line.currency, dialect),
                line.currency.code().to_string(),
            ])?;
            summary.rows += 1;
            summary.seconds += sums.seconds;
            summary.rounded_seconds += line.rounded_seconds;
            summary.amounts.add(line.currency, line.amount_minor);
        }
        Ok((csv.finish()?, summary))
    }
}
