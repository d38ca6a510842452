//! Writes export rows as CSV (RFC 4180 via the `csv` crate), one record at a
//! time: nothing is held but the running totals.

use std::io::Write;

use chrono_tz::Tz;

use super::cells::{self, Dialect};
use super::rows::ExportRow;
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
            .buffer_capacity(1 << 16)
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
        // The last buffer is written here: keep the error's kind (a full
        // disk must still be told as one).
        self.csv.into_inner().map_err(|e| {
            let error = e.error();
            Error::Io(std::io::Error::new(error.kind(), error.to_string()))
        })
    }
}

/// The cells of one session row, in [`SESSION_HEADER`] order, written into
/// buffers kept from row to row: a full export writes a million rows, and
/// thirteen new strings per row (and chrono's format parsing for the three
/// times) were a third of its time.
#[derive(Debug, Default)]
pub(crate) struct SessionCells([String; 13]);

impl SessionCells {
    pub fn fill(&mut self, row: &ExportRow, tz: Tz, dialect: Dialect) -> &[String; 13] {
        use chrono::{Datelike, Timelike};
        use std::fmt::Write as _;
        for cell in &mut self.0 {
            cell.clear();
        }
        let c = &mut self.0;
        let (start, end) = (row.start.with_timezone(&tz), row.end.with_timezone(&tz));
        // Writing into a String cannot fail.
        let _ = write!(
            c[0],
            "{:04}-{:02}-{:02}",
            row.date.year(),
            row.date.month(),
            row.date.day()
        );
        let _ = write!(c[1], "{:02}:{:02}", start.hour(), start.minute());
        let _ = write!(c[2], "{:02}:{:02}", end.hour(), end.minute());
        let hm = row.seconds.abs();
        let sign = if row.seconds < 0 { "-" } else { "" };
        let _ = write!(c[3], "{sign}{}:{:02}", hm / 3600, (hm % 3600) / 60);
        cells::write_hours(&mut c[4], row.seconds, dialect);
        cells::write_hours(&mut c[5], row.rounded_seconds, dialect);
        c[6].push_str(&cells::text(&row.client));
        c[7].push_str(&cells::text(&row.note));
        for (i, tag) in row.tags.iter().enumerate() {
            if i > 0 {
                c[8].push_str(", ");
            }
            c[8].push_str(tag);
        }
        if cells::text(&c[8]).len() != c[8].len() {
            c[8].insert(0, '\'');
        }
        c[9].push_str(if row.billable { "yes" } else { "no" });
        cells::write_money(&mut c[10], row.rate_minor, row.currency, dialect);
        cells::write_money(&mut c[11], row.amount_minor, row.currency, dialect);
        c[12].push_str(row.currency.code());
        &self.0
    }
}

/// The cells of one session row, in [`SESSION_HEADER`] order.
#[cfg(test)]
fn session_cells(row: &ExportRow, tz: Tz, dialect: Dialect) -> [String; 13] {
    let start = row.start.with_timezone(&tz);
    let end = row.end.with_timezone(&tz);
    [
        row.date.format("%Y-%m-%d").to_string(),
        start.format("%H:%M").to_string(),
        end.format("%H:%M").to_string(),
        crate::duration::format_hm(row.seconds),
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
    cells: SessionCells,
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
            cells: SessionCells::default(),
            summary: ExportSummary::default(),
        })
    }

    pub fn write(&mut self, row: &ExportRow) -> Result<()> {
        let dialect = self.out.dialect();
        self.out.record(self.cells.fill(row, self.tz, dialect))?;
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use chrono::{DateTime, Duration, NaiveDate, Utc};

    fn row(note: &str, tags: &[&str], start: &str, seconds: i64) -> ExportRow {
        let start: DateTime<Utc> = DateTime::parse_from_rfc3339(start).unwrap().to_utc();
        ExportRow {
            date: NaiveDate::from_ymd_opt(2026, 3, 29).unwrap(),
            start,
            end: start + Duration::seconds(seconds),
            seconds,
            rounded_seconds: seconds + 60,
            client: "=Acme".into(),
            note: note.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            billable: seconds % 2 == 0,
            rate_minor: 4550,
            currency: crate::money::Currency::EUR,
            amount_minor: 123_456,
        }
    }

    /// The buffers kept between rows give exactly the cells built afresh.
    #[test]
    fn reused_cells_equal_fresh_ones() {
        let tz: Tz = "Europe/Paris".parse().unwrap();
        let rows = [
            row(
                "Appel \"point\", v2",
                &["meeting", "rework"],
                "2026-03-29T00:30:00Z",
                5400,
            ),
            row("", &[], "2026-03-29T01:59:00Z", 61),
            row("-2h", &["-x"], "2026-10-25T00:59:59Z", 3599),
            row("@SUM", &["a", "=b"], "1971-01-01T00:00:00Z", 36_000),
        ];
        let mut cells = SessionCells::default();
        for dialect in [Dialect::Standard, Dialect::Excel] {
            for r in &rows {
                assert_eq!(cells.fill(r, tz, dialect), &session_cells(r, tz, dialect));
            }
        }
    }
}
