//! Numbers, durations, amounts and dates as each language writes them.
//!
//! English keeps the forms the CLI always printed ("1 h 05 min", "45.50 EUR",
//! "Mon 23 Nov"); French writes "1 h 05", "45,50 €", "lun. 23 nov." with the
//! narrow no-break space French typography puts before units and between
//! thousands.

use chrono::NaiveDate;

use super::Locale;
use crate::duration::{format_hm, format_human};
use crate::money::Currency;

/// The narrow no-break space of French typography.
pub const NNBSP: char = '\u{202f}';

/// A duration for sentences: "1 h 05 min" / "1 h 05".
pub fn duration(seconds: i64, locale: Locale) -> String {
    match locale {
        Locale::En => format_human(seconds),
        Locale::Fr => {
            let sign = if seconds < 0 { "-" } else { "" };
            let seconds = seconds.abs();
            let (hours, minutes) = (seconds / 3600, (seconds % 3600) / 60);
            match (hours, minutes) {
                (0, 0) if seconds > 0 => format!("{sign}{seconds}{NNBSP}s"),
                (0, m) => format!("{sign}{m}{NNBSP}min"),
                (h, 0) => format!("{sign}{h}{NNBSP}h"),
                (h, m) => format!("{sign}{h}{NNBSP}h{NNBSP}{m:02}"),
            }
        }
    }
}

/// A duration for grids and the tray: "1:05" / "1h05".
pub fn clock_duration(seconds: i64, locale: Locale) -> String {
    match locale {
        Locale::En => format_hm(seconds),
        Locale::Fr => format_hm(seconds).replacen(':', "h", 1),
    }
}

/// A whole number: "12500" / "12 500".
pub fn integer(value: i64, locale: Locale) -> String {
    match locale {
        Locale::En => value.to_string(),
        Locale::Fr => group_thousands(&value.to_string(), NNBSP),
    }
}

/// An amount in minor units: "45.50 EUR" / "45,50 €".
pub fn amount(minor: i64, currency: Currency, locale: Locale) -> String {
    match locale {
        Locale::En => format!("{} {}", currency.format_minor(minor), currency),
        Locale::Fr => {
            let plain = currency.format_minor(minor);
            let (whole, fraction) = plain.split_once('.').unwrap_or((&plain, ""));
            let mut number = group_thousands(whole, NNBSP);
            if !fraction.is_empty() {
                number.push(',');
                number.push_str(fraction);
            }
            let unit = match currency.code() {
                "EUR" => "€",
                code => code,
            };
            format!("{number}{NNBSP}{unit}")
        }
    }
}

/// A day with its weekday: "Mon 23 Nov" / "lun. 23 nov.".
pub fn day(date: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::En => date.format("%a %-d %b").to_string(),
        Locale::Fr => date
            .format_localized("%a %-d %b", chrono::Locale::fr_FR)
            .to_string(),
    }
}

/// A day with its weekday and year: "Sun 29 Nov 2026" / "dim. 29 nov. 2026".
pub fn day_with_year(date: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::En => date.format("%a %-d %b %Y").to_string(),
        Locale::Fr => date
            .format_localized("%a %-d %b %Y", chrono::Locale::fr_FR)
            .to_string(),
    }
}

/// A grid column's heading: "Mon 23" / "lun. 23".
pub fn weekday_and_day(date: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::En => date.format("%a %-d").to_string(),
        Locale::Fr => date
            .format_localized("%a %-d", chrono::Locale::fr_FR)
            .to_string(),
    }
}

/// A short weekday: "Fri" / "ven.".
pub fn weekday(date: NaiveDate, locale: Locale) -> String {
    match locale {
        Locale::En => date.format("%a").to_string(),
        Locale::Fr => date
            .format_localized("%a", chrono::Locale::fr_FR)
            .to_string(),
    }
}

/// "monday or sunday", "a, b or c".
pub fn or_list(items: &[&str], locale: Locale) -> String {
    match items {
        [] => String::new(),
        [only] => (*only).to_string(),
        [rest @ .., last] => crate::tr!(locale, "list-or", first = rest.join(", "), last = *last),
    }
}

fn group_thousands(digits: &str, separator: char) -> String {
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(separator);
        }
        out.push(c);
    }
    format!("{sign}{out}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(text: &str) -> String {
        text.replace(NNBSP, " ")
    }

    #[test]
    fn durations() {
        assert_eq!(duration(5400, Locale::En), "1 h 30 min");
        assert_eq!(fr(&duration(5400, Locale::Fr)), "1 h 30");
        assert_eq!(fr(&duration(3600 + 5 * 60, Locale::Fr)), "1 h 05");
        assert_eq!(fr(&duration(40 * 3600, Locale::Fr)), "40 h");
        assert_eq!(fr(&duration(12 * 60, Locale::Fr)), "12 min");
        assert_eq!(fr(&duration(30, Locale::Fr)), "30 s");
        assert_eq!(clock_duration(3600 + 23 * 60, Locale::En), "1:23");
        assert_eq!(clock_duration(3600 + 23 * 60, Locale::Fr), "1h23");
    }

    #[test]
    fn amounts() {
        let eur = Currency::parse("EUR").unwrap();
        let jpy = Currency::parse("JPY").unwrap();
        let usd = Currency::parse("USD").unwrap();
        assert_eq!(amount(4550, eur, Locale::En), "45.50 EUR");
        assert_eq!(fr(&amount(4550, eur, Locale::Fr)), "45,50 €");
        assert_eq!(fr(&amount(123_456_789, eur, Locale::Fr)), "1 234 567,89 €");
        assert_eq!(fr(&amount(-4550, usd, Locale::Fr)), "-45,50 USD");
        assert_eq!(fr(&amount(12500, jpy, Locale::Fr)), "12 500 JPY");
        assert_eq!(amount(12500, jpy, Locale::En), "12500 JPY");
        assert_eq!(fr(&integer(1_000_000, Locale::Fr)), "1 000 000");
        assert_eq!(fr(&integer(999, Locale::Fr)), "999");
    }

    #[test]
    fn dates() {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(day(monday, Locale::En), "Mon 23 Nov");
        assert_eq!(day(monday, Locale::Fr), "lun. 23 nov.");
        assert_eq!(day_with_year(monday, Locale::Fr), "lun. 23 nov. 2026");
        assert_eq!(weekday_and_day(monday, Locale::Fr), "lun. 23");
        let friday = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        assert_eq!(weekday(friday, Locale::Fr), "ven.");
        assert_eq!(weekday(friday, Locale::En), "Fri");
    }
}
