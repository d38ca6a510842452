//! What the export dialog decides before anything is written: the ranges it
//! offers ("this week", "last month") and the file name the save dialog
//! suggests (`gardefou-2026-11-acme.csv`). Pure functions of dates and names.

use chrono::{Datelike, Duration, NaiveDate};

use super::{ExportRequest, Layout};
use crate::calendar::WeekStart;
use crate::error::Result;
use crate::tracker::{Reads, find_client};

/// How many client names a file name holds; more read as "clients".
const NAMED_CLIENTS: usize = 3;

/// A range of local dates, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The ranges the dialog offers, as of `today`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presets {
    pub this_week: DateRange,
    pub last_week: DateRange,
    pub this_month: DateRange,
    pub last_month: DateRange,
}

fn month_of(date: NaiveDate) -> DateRange {
    let from = date.with_day(1).unwrap_or(date);
    let next = if from.month() == 12 {
        NaiveDate::from_ymd_opt(from.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(from.year(), from.month() + 1, 1)
    };
    let to = next.map_or(date, |n| n - Duration::days(1));
    DateRange { from, to }
}

/// This week and last week (from the configured week start), this month and
/// last month (calendar months), each a whole period even when it is not over.
pub fn presets(today: NaiveDate, week_start: WeekStart) -> Presets {
    let monday = crate::calendar::week_first_day(today, week_start);
    let week = |first: NaiveDate| DateRange {
        from: first,
        to: first + Duration::days(6),
    };
    let this_month = month_of(today);
    Presets {
        this_week: week(monday),
        last_week: week(monday - Duration::days(7)),
        this_month,
        last_month: month_of(this_month.from - Duration::days(1)),
    }
}

/// The range part of a file name: `2026-11` for a calendar month, `2026-11-27`
/// for one day, `2026-11-23_2026-11-29` otherwise.
fn range_part(from: NaiveDate, to: NaiveDate) -> String {
    if month_of(from) == (DateRange { from, to }) {
        from.format("%Y-%m").to_string()
    } else if from == to {
        from.format("%Y-%m-%d").to_string()
    } else {
        format!("{}_{}", from.format("%Y-%m-%d"), to.format("%Y-%m-%d"))
    }
}

/// A client's name as a file name part: lowercase, accents dropped, every run
/// of other characters one `-` ("Bôulangerie Dupré & fils" → `boulangerie-dupre-fils`).
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let ligature = match c {
            'æ' => "ae",
            'œ' => "oe",
            'ß' => "ss",
            _ => "",
        };
        let c = fold_accent(c);
        if !ligature.is_empty() {
            out.push_str(ligature);
        } else if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The Latin letters with diacritics a French or European client name holds.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        other => other,
    }
}

/// `gardefou-2026-11-acme.csv`: the range, then the clients (none: every
/// client; more than three: `clients`), then `invoice` for invoice lines.
pub fn file_name(from: NaiveDate, to: NaiveDate, clients: &[&str], layout: Layout) -> String {
    let mut parts = vec!["gardefou".to_string(), range_part(from, to)];
    if clients.len() > NAMED_CLIENTS {
        parts.push("clients".into());
    } else {
        parts.extend(clients.iter().map(|c| slug(c)).filter(|s| !s.is_empty()));
    }
    if layout == Layout::ByClient {
        parts.push("invoice".into());
    }
    format!("{}.csv", parts.join("-"))
}

/// The file name for `request`, its clients (ids or names) read by name.
pub fn suggested_file_name(source: &mut impl Reads, request: &ExportRequest) -> Result<String> {
    let names = source.read(|tx| {
        request
            .clients
            .iter()
            .map(|c| find_client(tx.conn(), c).map(|c| c.name))
            .collect::<Result<Vec<String>>>()
    })?;
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    Ok(file_name(request.from, request.to, &names, request.layout))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn presets_follow_the_week_start_and_calendar_months() {
        // Tuesday 1 December 2026.
        let p = presets(d(2026, 12, 1), WeekStart::Monday);
        assert_eq!(
            p.this_week,
            DateRange {
                from: d(2026, 11, 30),
                to: d(2026, 12, 6)
            }
        );
        assert_eq!(
            p.last_week,
            DateRange {
                from: d(2026, 11, 23),
                to: d(2026, 11, 29)
            }
        );
        assert_eq!(
            p.this_month,
            DateRange {
                from: d(2026, 12, 1),
                to: d(2026, 12, 31)
            }
        );
        assert_eq!(
            p.last_month,
            DateRange {
                from: d(2026, 11, 1),
                to: d(2026, 11, 30)
            }
        );
        let sunday = presets(d(2026, 12, 1), WeekStart::Sunday);
        assert_eq!(sunday.this_week.from, d(2026, 11, 29));
        // January: last month is the previous year's December; February of a leap year.
        assert_eq!(
            presets(d(2027, 1, 15), WeekStart::Monday).last_month,
            DateRange {
                from: d(2026, 12, 1),
                to: d(2026, 12, 31)
            }
        );
        assert_eq!(
            presets(d(2028, 3, 3), WeekStart::Monday).last_month.to,
            d(2028, 2, 29)
        );
    }

    #[test]
    fn file_names_say_the_range_and_the_clients() {
        let nov = (d(2026, 11, 1), d(2026, 11, 30));
        assert_eq!(
            file_name(nov.0, nov.1, &["Acme"], Layout::Sessions),
            "gardefou-2026-11-acme.csv"
        );
        assert_eq!(
            file_name(nov.0, nov.1, &[], Layout::Sessions),
            "gardefou-2026-11.csv"
        );
        assert_eq!(
            file_name(
                d(2026, 11, 23),
                d(2026, 11, 29),
                &["Acme", "Bôulangerie Dupré & fils"],
                Layout::ByClient
            ),
            "gardefou-2026-11-23_2026-11-29-acme-boulangerie-dupre-fils-invoice.csv"
        );
        assert_eq!(
            file_name(
                d(2026, 11, 27),
                d(2026, 11, 27),
                &["a", "b", "c", "d"],
                Layout::Sessions
            ),
            "gardefou-2026-11-27-clients.csv"
        );
        // Not a whole month: the dates.
        assert_eq!(
            file_name(d(2026, 11, 2), d(2026, 11, 30), &[], Layout::Sessions),
            "gardefou-2026-11-02_2026-11-30.csv"
        );
        // A name with nothing a file name keeps adds nothing.
        assert_eq!(
            file_name(nov.0, nov.1, &["«»"], Layout::Sessions),
            "gardefou-2026-11.csv"
        );
    }

    #[test]
    fn slugs_drop_accents_and_punctuation() {
        assert_eq!(slug("  Infopreneur SAS "), "infopreneur-sas");
        assert_eq!(slug("Œuvre Ça/Va"), "oeuvre-ca-va");
        assert_eq!(slug("L'Été"), "l-ete");
    }
}
