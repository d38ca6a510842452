//! A CSV export read by header name: extra or reordered columns are fine, a
//! UTF-8 BOM is dropped, a row shorter than the header has empty trailing cells.

use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use std::sync::Arc;

use super::error::{ImportError, Unreadable};
use crate::money::Currency;

/// An open CSV file and its header.
#[derive(Debug)]
pub struct CsvTable {
    pub file: Arc<Path>,
    reader: csv::Reader<BufReader<File>>,
    /// Header cells, trimmed and lowercased.
    header: Vec<String>,
    record: csv::StringRecord,
}

/// One data row.
#[derive(Debug)]
pub struct Row<'a> {
    pub line: u64,
    /// Bytes of the file read up to the end of this row.
    pub bytes: u64,
    record: &'a csv::StringRecord,
}

impl Row<'_> {
    /// The cell of column `index`, trimmed; empty when the row is short.
    pub fn get(&self, index: usize) -> &str {
        self.record.get(index).unwrap_or("").trim()
    }
    pub fn opt(&self, index: Option<usize>) -> &str {
        index.map_or("", |i| self.get(i))
    }
}

impl CsvTable {
    pub fn open(path: &Path) -> Result<Self, ImportError> {
        let file = Arc::<Path>::from(path);
        let handle = File::open(path).map_err(|source| ImportError::Io {
            path: path.to_path_buf(),
            error: source,
        })?;
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .has_headers(true)
            .from_reader(BufReader::with_capacity(1 << 16, handle));
        let header = reader
            .headers()
            .map_err(|e| csv_error(&file, e))?
            .iter()
            .map(|cell| cell.trim_start_matches('\u{feff}').trim().to_lowercase())
            .collect();
        Ok(Self {
            file,
            reader,
            header,
            record: csv::StringRecord::new(),
        })
    }

    /// The first column named one of `names` (any case).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        names
            .iter()
            .find_map(|name| self.header.iter().position(|h| h == &name.to_lowercase()))
    }

    pub fn require(
        &self,
        format: &'static str,
        names: &[&'static str],
    ) -> Result<usize, ImportError> {
        self.column(names)
            .ok_or_else(|| ImportError::MissingColumn {
                file: self.file.to_path_buf(),
                format,
                column: names[0],
            })
    }

    /// A column named `prefix (CUR)`, e.g. `Amount (EUR)`, with its currency.
    pub fn money_column(&self, prefix: &str) -> Result<Option<(usize, Currency)>, ImportError> {
        let prefix = format!("{} (", prefix.to_lowercase());
        let Some((index, cell)) = self
            .header
            .iter()
            .enumerate()
            .find(|(_, h)| h.starts_with(&prefix) && h.ends_with(')'))
        else {
            return Ok(None);
        };
        let code = &cell[prefix.len()..cell.len() - 1];
        let currency = Currency::parse(code).map_err(|_| ImportError::BadValue {
            file: self.file.to_path_buf(),
            line: 1,
            column: cell.clone(),
            value: code.to_string(),
            reason: Unreadable::Currency,
        })?;
        Ok(Some((index, currency)))
    }

    /// The next data row; `None` at the end. Blank lines are skipped by the CSV reader.
    pub fn next_row(&mut self) -> Option<Result<Row<'_>, ImportError>> {
        match self.reader.read_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => {
                let position = self.record.position();
                Some(Ok(Row {
                    line: position.map_or(0, |p| p.line()),
                    bytes: self.reader.position().byte(),
                    record: &self.record,
                }))
            }
            Err(e) => Some(Err(csv_error(&self.file, e))),
        }
    }
}

fn csv_error(file: &Path, error: csv::Error) -> ImportError {
    let line = error.position().map_or(1, |p| p.line());
    match error.into_kind() {
        csv::ErrorKind::Io(source) => ImportError::Io {
            path: file.to_path_buf(),
            error: source,
        },
        csv::ErrorKind::Utf8 { .. } => ImportError::BadValue {
            file: file.to_path_buf(),
            line,
            column: "line".into(),
            value: String::new(),
            reason: Unreadable::Encoding,
        },
        _ => ImportError::BadValue {
            file: file.to_path_buf(),
            line,
            column: "line".into(),
            value: String::new(),
            reason: Unreadable::Syntax,
        },
    }
}

/// Reads a decimal amount (`45`, `45.5`, `1,234.50`, `45,50`) into minor
/// units of a currency with `digits` decimals, rounding extra decimals half-up.
pub fn parse_decimal_minor(text: &str, digits: u32) -> Option<i64> {
    let mut text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    if text.contains('.') && text.contains(',') {
        text.retain(|c| c != ',');
    } else {
        text = text.replace(',', ".");
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    if (whole.is_empty() && fraction.is_empty())
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
        || whole.len() > 15
    {
        return None;
    }
    let scale = 10_i64.pow(digits);
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut minor = whole.checked_mul(scale)?;
    let kept: String = fraction.chars().take(digits as usize).collect();
    let padded = format!("{kept:0<width$}", width = digits as usize);
    if !padded.is_empty() {
        minor = minor.checked_add(padded.parse::<i64>().ok()?)?;
    }
    if fraction
        .as_bytes()
        .get(digits as usize)
        .is_some_and(|b| *b >= b'5')
    {
        minor = minor.checked_add(1)?;
    }
    Some(minor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        assert_eq!(parse_decimal_minor("45", 2), Some(4500));
        assert_eq!(parse_decimal_minor("45.5", 2), Some(4550));
        assert_eq!(parse_decimal_minor("45,50", 2), Some(4550));
        assert_eq!(parse_decimal_minor("1,234.50", 2), Some(123_450));
        assert_eq!(parse_decimal_minor("12.345", 2), Some(1235));
        assert_eq!(parse_decimal_minor("12.344", 2), Some(1234));
        assert_eq!(parse_decimal_minor("1500", 0), Some(1500));
        assert_eq!(parse_decimal_minor("-4", 2), None);
        assert_eq!(parse_decimal_minor("", 2), None);
        assert_eq!(parse_decimal_minor("abc", 2), None);
        assert_eq!(parse_decimal_minor("9".repeat(40).as_str(), 2), None);
    }
}
