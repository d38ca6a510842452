//! The reader shared by the detailed CSV exports (Toggl Track, Clockify):
//! one row per time entry, start and end as a local date and time.

use std::path::Path;

use chrono::{DateTime, Duration, Utc};
use chrono_tz::Tz;

use super::csv_table::{CsvTable, Row, parse_decimal_minor};
use super::entry::{
    ClientFrom, Entry, Origin, Rate, note_with_project, pick_client, split_tag_cell,
};
use super::error::{ImportError, Unreadable};
use super::local_time::{self, DateOrder, end_after, parse_date, parse_hms, parse_time, resolve};
use crate::money::Currency;

/// How one export names its columns (alternatives in order of preference)
/// and where it keeps money.
#[derive(Debug)]
pub struct Layout {
    pub format: &'static str,
    pub client: &'static [&'static str],
    pub project: &'static [&'static str],
    pub description: &'static [&'static str],
    pub billable: &'static [&'static str],
    pub tags: &'static [&'static str],
    pub start_date: &'static [&'static str],
    pub start_time: &'static [&'static str],
    pub end_date: &'static [&'static str],
    pub end_time: &'static [&'static str],
    pub duration: &'static [&'static str],
    pub money: Money,
}

/// Where an export keeps the hourly rate.
#[derive(Debug, Clone, Copy)]
pub enum Money {
    /// Only the entry's amount, `Amount (EUR)`: the rate is derived from it.
    Amount(&'static str),
    /// The rate itself, `Billable Rate (USD)`.
    Rate(&'static str),
}

#[derive(Debug)]
struct Columns {
    client: Option<usize>,
    project: Option<usize>,
    description: Option<usize>,
    billable: Option<usize>,
    tags: Option<usize>,
    start_date: usize,
    start_time: usize,
    end_date: Option<usize>,
    end_time: Option<usize>,
    duration: Option<usize>,
    money: Option<(usize, Currency)>,
}

/// Reads one CSV export file, one entry per row.
#[derive(Debug)]
pub struct CsvExportReader {
    layout: &'static Layout,
    table: CsvTable,
    columns: Columns,
    tz: Tz,
    client_from: ClientFrom,
    order: DateOrder,
    /// Bytes of the files read before this one.
    base: u64,
    /// The rate last derived for each client (amount-only exports).
    last_rate: std::collections::HashMap<String, i64>,
}

impl CsvExportReader {
    pub fn open(
        layout: &'static Layout,
        path: &Path,
        tz: Tz,
        client_from: ClientFrom,
        base: u64,
    ) -> Result<Self, ImportError> {
        let table = CsvTable::open(path)?;
        let format = layout.format;
        let columns = Columns {
            client: table.column(layout.client),
            project: table.column(layout.project),
            description: table.column(layout.description),
            billable: table.column(layout.billable),
            tags: table.column(layout.tags),
            start_date: table.require(format, layout.start_date)?,
            start_time: table.require(format, layout.start_time)?,
            end_date: table.column(layout.end_date),
            end_time: table.column(layout.end_time),
            duration: table.column(layout.duration),
            money: match layout.money {
                Money::Amount(prefix) | Money::Rate(prefix) => table.money_column(prefix)?,
            },
        };
        if columns.end_time.is_none() && columns.duration.is_none() {
            table.require(format, layout.end_time)?;
        }
        if columns.client.is_none() && columns.project.is_none() {
            table.require(format, layout.client)?;
        }
        let order = date_order(path, columns.start_date)?;
        Ok(Self {
            layout,
            table,
            columns,
            tz,
            client_from,
            order,
            base,
            last_rate: Default::default(),
        })
    }
}

/// A first pass over the start dates: `03/04/2024` is read the same way for
/// the whole file, day first as soon as one date shows it.
fn date_order(path: &Path, column: usize) -> Result<DateOrder, ImportError> {
    let mut table = CsvTable::open(path)?;
    let mut dates: Vec<String> = Vec::new();
    while let Some(row) = table.next_row() {
        let Ok(row) = row else { break };
        let date = row.get(column);
        if date.len() >= 4 && date.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
            // Year first: no ambiguity in this file.
            return Ok(DateOrder::MonthFirst);
        }
        dates.push(date.to_string());
        let order = local_time::detect_order(dates.iter().map(String::as_str));
        if order == DateOrder::DayFirst {
            return Ok(order);
        }
        if dates.len() > 64 {
            dates.clear();
        }
    }
    Ok(local_time::detect_order(dates.iter().map(String::as_str)))
}

impl Iterator for CsvExportReader {
    type Item = Result<Entry, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (file, base) = (self.table.file.clone(), self.base);
        let row = match self.table.next_row()? {
            Ok(row) => row,
            Err(e) => return Some(Err(e)),
        };
        let reader = RowReader {
            layout: self.layout,
            columns: &self.columns,
            tz: self.tz,
            order: self.order,
            file: &file,
            row: &row,
        };
        let entry = reader.entry(self.client_from, base + row.bytes, &mut self.last_rate);
        Some(entry.map(|mut entry| {
            entry.origin = Origin {
                file: file.clone(),
                line: row.line,
            };
            entry
        }))
    }
}

struct RowReader<'a> {
    layout: &'static Layout,
    columns: &'a Columns,
    tz: Tz,
    order: DateOrder,
    file: &'a Path,
    row: &'a Row<'a>,
}

impl RowReader<'_> {
    fn bad(&self, index: usize, names: &[&str], reason: Unreadable) -> ImportError {
        ImportError::BadValue {
            file: self.file.to_path_buf(),
            line: self.row.line,
            column: names.first().copied().unwrap_or("").to_string(),
            value: self.row.get(index).to_string(),
            reason,
        }
    }

    fn instant(
        &self,
        date_col: usize,
        date_names: &[&str],
        time_col: usize,
        time_names: &[&str],
    ) -> Result<local_time::Resolved, ImportError> {
        let date = parse_date(self.row.get(date_col), self.order)
            .ok_or_else(|| self.bad(date_col, date_names, Unreadable::Date))?;
        let time = parse_time(self.row.get(time_col))
            .ok_or_else(|| self.bad(time_col, time_names, Unreadable::Time))?;
        resolve(date, time, self.tz)
            .ok_or_else(|| self.bad(time_col, time_names, Unreadable::LocalTimeGap))
    }

    fn entry(
        &self,
        client_from: ClientFrom,
        progress: u64,
        last_rate: &mut std::collections::HashMap<String, i64>,
    ) -> Result<Entry, ImportError> {
        let (layout, cols, row) = (self.layout, self.columns, self.row);
        let start = self
            .instant(
                cols.start_date,
                layout.start_date,
                cols.start_time,
                layout.start_time,
            )?
            .earliest();
        let end = self.end(start)?;
        let client_cell = row.opt(cols.client);
        let project = row.opt(cols.project);
        let client = pick_client(client_cell, project, client_from);
        let note = note_with_project(&client, project, row.opt(cols.description));
        let billable = match cols.billable {
            None => None,
            Some(i) => match row.get(i).to_ascii_lowercase().as_str() {
                "" => None,
                "yes" | "true" | "1" | "billable" => Some(true),
                "no" | "false" | "0" | "non-billable" => Some(false),
                _ => return Err(self.bad(i, layout.billable, Unreadable::Flag)),
            },
        };
        let rate = match (cols.money, layout.money) {
            (Some((i, currency)), money) if !row.get(i).is_empty() => {
                let minor = parse_decimal_minor(row.get(i), currency.minor_digits())
                    .ok_or_else(|| self.bad(i, &[money_name(money)], Unreadable::Amount))?;
                match money {
                    Money::Rate(_) => Some(Rate { minor, currency }),
                    Money::Amount(_) => {
                        let seconds = (end - start).num_seconds();
                        derive_rate(seconds, minor, last_rate.get(&client).copied()).map(|minor| {
                            last_rate.insert(client.clone(), minor);
                            Rate { minor, currency }
                        })
                    }
                }
            }
            _ => None,
        };
        Ok(Entry {
            origin: Origin {
                file: self.file.into(),
                line: row.line,
            },
            client,
            start,
            end: Some(end),
            note,
            tags: split_tag_cell(row.opt(cols.tags)),
            billable,
            rate: rate.filter(|r| r.minor > 0 || billable == Some(true)),
            progress,
        })
    }

    /// The end from the end date and time, else from the duration.
    fn end(&self, start: DateTime<Utc>) -> Result<DateTime<Utc>, ImportError> {
        let (layout, cols, row) = (self.layout, self.columns, self.row);
        if let Some(time_col) = cols.end_time.filter(|i| !row.get(*i).is_empty()) {
            let date_col = cols
                .end_date
                .filter(|i| !row.get(*i).is_empty())
                .unwrap_or(cols.start_date);
            let names = if Some(date_col) == cols.end_date {
                layout.end_date
            } else {
                layout.start_date
            };
            let end = self.instant(date_col, names, time_col, layout.end_time)?;
            let mut end = end_after(start, end);
            // Without an end date, an end before the start is on the next day.
            if date_col == cols.start_date && end < start {
                end += Duration::days(1);
            }
            return Ok(end);
        }
        let Some(i) = cols.duration else {
            return Err(self.bad(cols.start_time, layout.end_time, Unreadable::Time));
        };
        let seconds = parse_hms(row.get(i))
            .filter(|s| *s <= 366 * 24 * 3600)
            .ok_or_else(|| self.bad(i, layout.duration, Unreadable::Duration))?;
        Ok(start + Duration::seconds(seconds))
    }
}

fn money_name(money: Money) -> &'static str {
    match money {
        Money::Amount(name) | Money::Rate(name) => name,
    }
}

/// The hourly rate behind an amount: the client's last rate when it gives the
/// same amount (so one rate is not split into cent-apart variants), else a
/// whole-unit rate that does, else the exact quotient rounded.
pub fn derive_rate(seconds: i64, amount_minor: i64, last: Option<i64>) -> Option<i64> {
    if seconds <= 0 {
        return None;
    }
    let gives = |rate: i64| crate::money::amount_for(seconds, rate) == amount_minor;
    if let Some(rate) = last.filter(|r| gives(*r)) {
        return Some(rate);
    }
    let exact = (i128::from(amount_minor) * 3600 + i128::from(seconds) / 2) / i128::from(seconds);
    let exact = i64::try_from(exact).ok()?;
    let whole = (exact + 50) / 100 * 100;
    Some(if gives(whole) { whole } else { exact })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_from_amounts() {
        // 45.00/h for 7 min 13 s is 5.41: the quotient (44.98) is snapped to 45.00.
        assert_eq!(derive_rate(433, 541, None), Some(4500));
        assert_eq!(derive_rate(3600, 4550, None), Some(4550));
        assert_eq!(derive_rate(433, 541, Some(4499)), Some(4499));
        assert_eq!(derive_rate(0, 541, None), None);
    }
}
