//! How one value becomes one CSV cell: decimals from integers, and text that a
//! spreadsheet would run as a formula made inert. No floats.

use std::borrow::Cow;

use crate::money::Currency;

/// The two spellings of a CSV file that spreadsheets open correctly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Dialect {
    /// RFC 4180: `,` between cells, `.` in decimals, no BOM.
    #[default]
    Standard,
    /// European spreadsheets: UTF-8 BOM, `;` between cells, `,` in decimals.
    Excel,
}

impl Dialect {
    pub fn delimiter(self) -> u8 {
        match self {
            Self::Standard => b',',
            Self::Excel => b';',
        }
    }

    pub fn decimal_separator(self) -> char {
        match self {
            Self::Standard => '.',
            Self::Excel => ',',
        }
    }

    /// Bytes written before the header.
    pub fn preamble(self) -> &'static [u8] {
        match self {
            Self::Standard => b"",
            Self::Excel => "\u{feff}".as_bytes(),
        }
    }
}

/// Hours with two decimals, rounded half-up: `5400` seconds → `1.50`.
pub fn hours(seconds: i64, dialect: Dialect) -> String {
    let hundredths = (i128::from(seconds.max(0)) * 100 + 1800) / 3600;
    format!(
        "{}{}{:02}",
        hundredths / 100,
        dialect.decimal_separator(),
        hundredths % 100
    )
}

/// [`hours`], appended to `out` (an export row's kept buffer).
pub fn write_hours(out: &mut String, seconds: i64, dialect: Dialect) {
    use std::fmt::Write as _;
    let hundredths = (i128::from(seconds.max(0)) * 100 + 1800) / 3600;
    let _ = write!(
        out,
        "{}{}{:02}",
        hundredths / 100,
        dialect.decimal_separator(),
        hundredths % 100
    );
}

/// [`money`], appended to `out` (an export row's kept buffer).
pub fn write_money(out: &mut String, minor: i64, currency: Currency, dialect: Dialect) {
    use std::fmt::Write as _;
    let digits = currency.minor_digits();
    if minor < 0 {
        out.push('-');
    }
    let minor = minor.unsigned_abs();
    if digits == 0 {
        let _ = write!(out, "{minor}");
        return;
    }
    let scale = 10_u64.pow(digits);
    let separator = match dialect {
        Dialect::Standard => '.',
        Dialect::Excel => ',',
    };
    let _ = write!(
        out,
        "{}{separator}{:0width$}",
        minor / scale,
        minor % scale,
        width = digits as usize
    );
}

/// An amount in its currency's decimals, without a sign or grouping: `1575.00`.
pub fn money(minor: i64, currency: Currency, dialect: Dialect) -> String {
    let text = currency.format_minor(minor);
    match dialect {
        Dialect::Standard => text,
        Dialect::Excel => text.replace('.', ","),
    }
}

/// The characters that make a spreadsheet read a text cell as a formula.
const FORMULA_TRIGGERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Makes a free-text cell inert: a cell a spreadsheet would evaluate (starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return, even after spaces) gets a
/// leading apostrophe, which spreadsheets show as text. Numeric cells never pass here.
pub fn text(value: &str) -> Cow<'_, str> {
    let first = value.trim_start_matches(' ').chars().next();
    match first {
        Some(c) if FORMULA_TRIGGERS.contains(&c) => Cow::Owned(format!("'{value}")),
        _ => Cow::Borrowed(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_round_half_up_to_hundredths() {
        assert_eq!(hours(5400, Dialect::Standard), "1.50");
        assert_eq!(hours(5400, Dialect::Excel), "1,50");
        assert_eq!(hours(0, Dialect::Standard), "0.00");
        assert_eq!(hours(17, Dialect::Standard), "0.00"); // 0.0047 h
        assert_eq!(hours(18, Dialect::Standard), "0.01"); // 0.005 h, half-up
        assert_eq!(hours(100 * 3600 + 59, Dialect::Standard), "100.02");
    }

    #[test]
    fn written_cells_equal_the_returned_ones() {
        let jpy = Currency::parse("JPY").unwrap();
        for dialect in [Dialect::Standard, Dialect::Excel] {
            for seconds in [-5, 0, 17, 18, 5400, 100 * 3600 + 59] {
                let mut out = String::from("x");
                write_hours(&mut out, seconds, dialect);
                assert_eq!(out, format!("x{}", hours(seconds, dialect)));
            }
            for minor in [-157_500, -5, 0, 7, 157_500, i64::MIN + 1] {
                for currency in [Currency::EUR, jpy] {
                    let mut out = String::new();
                    write_money(&mut out, minor, currency, dialect);
                    assert_eq!(out, money(minor, currency, dialect), "{minor} {currency}");
                }
            }
        }
    }

    #[test]
    fn money_uses_the_currency_decimals() {
        let jpy = Currency::parse("JPY").unwrap();
        assert_eq!(money(157_500, Currency::EUR, Dialect::Standard), "1575.00");
        assert_eq!(money(157_500, Currency::EUR, Dialect::Excel), "1575,00");
        assert_eq!(money(5000, jpy, Dialect::Excel), "5000");
    }

    #[test]
    fn formulas_are_neutralised_and_plain_text_is_kept() {
        assert_eq!(
            text("=HYPERLINK(\"http://x\",\"y\")"),
            "'=HYPERLINK(\"http://x\",\"y\")"
        );
        assert_eq!(text("+33 6 12"), "'+33 6 12");
        assert_eq!(text("-2h pairing"), "'-2h pairing");
        assert_eq!(text("@SUM(A1:A2)"), "'@SUM(A1:A2)");
        assert_eq!(text("\tcmd"), "'\tcmd");
        assert_eq!(text("\rcmd"), "'\rcmd");
        assert_eq!(text("  =1+1"), "'  =1+1");
        assert_eq!(text("Réunion, \"v2\""), "Réunion, \"v2\"");
        assert_eq!(text("a=b"), "a=b");
        assert_eq!(text(""), "");
    }
}
