//! Durations as the user types and reads them: `90m`, `10h`, `1h30m` in, `1 h 30 min` out.
//! Durations are integer seconds everywhere.

use crate::error::{Error, Problem, Result};

/// The most hours a duration may add up to.
const MAX_HOURS: i64 = 999_999_999;

/// Parses `90m`, `10h`, `1h30m`, `45s`, `1h30m15s` into whole seconds (> 0).
/// Units must come in the order h, m, s, each at most once.
pub fn parse_duration(input: &str) -> Result<i64> {
    let text = input.trim();
    let invalid = || Error::invalid("duration", input.trim(), Problem::NotADuration);
    if text.is_empty() {
        return Err(invalid());
    }
    let mut total: i64 = 0;
    let mut digits = String::new();
    let mut last_unit_rank = 0;
    for ch in text.chars() {
        if ch.is_ascii_digit() {
            digits.push(ch);
            continue;
        }
        let (rank, factor) = match ch.to_ascii_lowercase() {
            'h' => (1, 3600),
            'm' => (2, 60),
            's' => (3, 1),
            _ => return Err(invalid()),
        };
        if digits.is_empty() || rank <= last_unit_rank || digits.len() > 9 {
            return Err(invalid());
        }
        let value: i64 = digits.parse().map_err(|_| invalid())?;
        total = total
            .checked_add(value.checked_mul(factor).ok_or_else(invalid)?)
            .ok_or_else(invalid)?;
        digits.clear();
        last_unit_rank = rank;
    }
    // At most 9 digits of hours in all, so that the canonical spelling
    // (`format_compact`) parses back: `999999999h91501m` would print as
    // `1000001524h1m`, and a stored setting would no longer load.
    if !digits.is_empty() || total <= 0 || total / 3600 > MAX_HOURS {
        return Err(invalid());
    }
    Ok(total)
}

/// `1 h 05 min`, `12 min`, `40 h` — for sentences.
pub fn format_human(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let seconds = seconds.abs();
    let hours = seconds / 3600;
    let minutes = (seconds % 3600) / 60;
    match (hours, minutes) {
        (0, 0) if seconds > 0 => format!("{sign}{seconds} s"),
        (0, m) => format!("{sign}{m} min"),
        (h, 0) => format!("{sign}{h} h"),
        (h, m) => format!("{sign}{h} h {m:02} min"),
    }
}

/// `1:05` — hours and minutes, for grids and the tray.
pub fn format_hm(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let seconds = seconds.abs();
    format!("{sign}{}:{:02}", seconds / 3600, (seconds % 3600) / 60)
}

/// The canonical spelling of a duration, the inverse of [`parse_duration`].
pub fn format_compact(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    let mut out = String::new();
    if h > 0 {
        out.push_str(&format!("{h}h"));
    }
    if m > 0 {
        out.push_str(&format!("{m}m"));
    }
    if s > 0 || out.is_empty() {
        out.push_str(&format!("{s}s"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_documented_forms() {
        assert_eq!(parse_duration("90m").unwrap(), 5400);
        assert_eq!(parse_duration("10h").unwrap(), 36000);
        assert_eq!(parse_duration("1h30m").unwrap(), 5400);
        assert_eq!(parse_duration("1H30M").unwrap(), 5400);
        assert_eq!(parse_duration("45s").unwrap(), 45);
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            " ",
            "90",
            "m",
            "1.5h",
            "-10m",
            "30m1h",
            "1h1h",
            "0m",
            "1 h",
            "1d",
            "abc",
            "99999999999h",
            "999999999h91501m", // found by tests/fuzz.rs: adds up to 10 digits of hours
            "999999999h60m",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn the_longest_duration_prints_back_to_itself() {
        let longest = parse_duration("999999999h59m59s").unwrap();
        assert_eq!(parse_duration(&format_compact(longest)).unwrap(), longest);
    }

    #[test]
    fn formats() {
        assert_eq!(format_human(40 * 3600 + 12 * 60), "40 h 12 min");
        assert_eq!(format_human(12 * 60), "12 min");
        assert_eq!(format_human(40 * 3600), "40 h");
        assert_eq!(format_human(30), "30 s");
        assert_eq!(format_hm(3600 + 23 * 60 + 59), "1:23");
        assert_eq!(format_compact(5400), "1h30m");
        assert_eq!(format_compact(0), "0s");
    }
}
