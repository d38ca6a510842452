//! Writes export rows as CSV (RFC 4180 via the `csv` crate), one record at a
//! time: nothing is held but the running totals.

use std::io::Write;

use chrono_tz::Tz;

use super::cells::{self, Dialect};
use super::rows::ExportRow;
use crate::duration::format_hm;
use crate::error::{Error, Result};
use crate::report::Amounts;

/// The session layout's header, in column order.
pub const SESSION_HEADER: [&str; 13] = [
    "Date",
    "Start",
    "End",
    "Duration",
    "Duration (h)",
    "Rounded (h)",
    "Client",
    "Description",
    "Tags",
    "Billable",
    "Rate",
    "Amount",
    "Currency",
];

/// The invoice-lines layout's header (`--by client`).
pub const INVOICE_HEADER: [&str; 5] = ["Client", "Rounded (h)", "Rate", "Amount", "Currency"];

/// What was written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportSummary {
    /// Data records written (the header is not counted).
    pub rows: u64,
    /// Raw seconds of the exported sessions.
    pub seconds: i64,
    /// Seconds after rounding.
    pub rounded_seconds: i64,
    /// The Amount column summed per currency.
    pub amounts: Amounts,
}

/// A CSV writer in one dialect, with the header already written.
pub(crate) struct CsvOut<W: Write> {
    csv: csv::Writer<W>,
    dialect: Dialect,
}

impl<W: Write> std::fmt::Debug for CsvOut<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CsvOut")
            .field("dialect", &self.dialect)
            .finish_non_exhaustive()
    }
}

impl<W: Write> CsvOut<W> {
    pub fn new(mut out: W, dialect: Dialect, header: &[&str]) -> Result<Self> {
        out.write_all(dialect.preamble())?;
        let mut csv = csv::WriterBuilder::new()
            .delimiter(dialect.delimiter())
            .terminator(csv::Terminator::CRLF)
            .from_writer(out);
        csv.write_record(header).map_err(csv_error)?;
        Ok(Self { csv, dialect })
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub fn record<I, T>(&mut self, cells: I) -> Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        self.csv.write_record(cells).map_err(csv_error)
    }

    /// Flushes and gives the underlying writer back.
    pub fn finish(self) -> Result<W> {
        self.csv
            .into_inner()
            .map_err(|e| Error::Io(std::io::Error::other(e.error().to_string())))
    }
}

/// The cells of one session row, in [`SESSION_HEADER`] order.
pub(crate) fn session_cells(row: &ExportRow, tz: Tz, dialect: Dialect) -> [String; 13] {
    let start = row.start.with_timezone(&tz);
    let end = row.end.with_timezone(&tz);
    [
        row.date.format("%Y-%m-%d").to_string(),
        start.format("%H:%M").to_string(),
        end.format("%H:%M").to_string(),
        format_hm(row.seconds),
        cells::hours(row.seconds, dialect),
        cells::hours(row.rounded_seconds, dialect),
        cells::text(&row.client).into_owned(),
        cells::text(&row.note).into_owned(),
        cells::text(&row.tags.join(", ")).into_owned(),
        if row.billable { "yes" } else { "no" }.to_string(),
        cells::money(row.rate_minor, row.currency, dialect),
        cells::money(row.amount_minor, row.currency, dialect),
        row.currency.code().to_string(),
    ]
}

/// Writes one session per record and keeps the totals.
pub(crate) struct SessionWriter<W: Write> {
    out: CsvOut<W>,
    tz: Tz,
    summary: ExportSummary,
}

impl<W: Write> std::fmt::Debug for SessionWriter<W> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SessionWriter")
            .field("summary", &self.summary)
            .finish_non_exhaustive()
    }
}

impl<W: Write> SessionWriter<W> {
    pub fn new(out: W, dialect: Dialect, tz: Tz) -> Result<Self> {
        Ok(Self {
            out: CsvOut::new(out, dialect, &SESSION_HEADER)?,
            tz,
            summary: ExportSummary::default(),
        })
    }

    pub fn write(&mut self, row: &ExportRow) -> Result<()> {
        self.out
            .record(session_cells(row, self.tz, self.out.dialect()))?;
        self.summary.rows += 1;
        self.summary.seconds += row.seconds;
        self.summary.rounded_seconds += row.rounded_seconds;
        self.summary.amounts.add(row.currency, row.amount_minor);
        Ok(())
    }

    pub fn finish(self) -> Result<(W, ExportSummary)> {
        Ok((self.out.finish()?, self.summary))
    }
}

pub(crate) fn csv_error(error: csv::Error) -> Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => Error::Io(io),
        other => Error::Io(std::io::Error::other(format!("CSV error: {other:?}"))),
    }
}
