//! How the CLI shows core values: JSON views (stable keys, integer seconds and
//! minor units, RFC 3339 in the configured zone) and short aligned text.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use gardefou::i18n::{Locale, format};
use gardefou::model::{Client, Session};
use gardefou::money::amount_for;
use gardefou::tr;
use gardefou::when::rfc3339_in;
use serde::Serialize;

#[derive(Debug, Serialize)]
pub struct ClientView {
    pub id: String,
    pub name: String,
    pub rate_minor: i64,
    pub currency: String,
    pub cap_seconds: Option<i64>,
    pub rounding: Option<String>,
    pub color: String,
    pub archived: bool,
}

impl From<&Client> for ClientView {
    fn from(c: &Client) -> Self {
        Self {
            id: c.id.to_string(),
            name: c.name.clone(),
            rate_minor: c.rate_minor,
            currency: c.currency.code().to_string(),
            cap_seconds: c.cap_seconds,
            rounding: c.rounding.map(|r| r.to_string()),
            color: c.color.as_str().to_string(),
            archived: c.archived,
        }
    }
}

#[derive(Debug, Serialize)]
pub struct SessionView {
    pub id: String,
    pub number: i64,
    pub client: String,
    pub start: String,
    pub end: Option<String>,
    pub duration_seconds: i64,
    pub billable: bool,
    pub note: String,
    pub tags: Vec<String>,
    pub source: &'static str,
    pub rate_minor: i64,
    pub currency: String,
    pub amount_minor: i64,
    pub planned_seconds: Option<i64>,
    pub deleted: bool,
}

impl SessionView {
    pub fn new(s: &Session, tz: Tz, now: DateTime<Utc>) -> Self {
        let duration = s.duration_seconds(now);
        Self {
            id: s.id.to_string(),
            number: s.number,
            client: s.client_name.clone(),
            start: rfc3339_in(s.start, tz),
            end: s.end.map(|e| rfc3339_in(e, tz)),
            duration_seconds: duration,
            billable: s.billable,
            note: s.note.clone(),
            tags: s.tags.clone(),
            source: s.source.as_str(),
            rate_minor: s.rate_minor,
            currency: s.currency.code().to_string(),
            amount_minor: if s.billable {
                amount_for(duration, s.rate_minor)
            } else {
                0
            },
            planned_seconds: s.planned_seconds,
            deleted: s.deleted,
        }
    }
}

/// `HH:MM` in the zone, with the date when it is not `reference`'s day.
pub fn local_time(at: DateTime<Utc>, tz: Tz, reference: DateTime<Utc>) -> String {
    let local = at.with_timezone(&tz);
    if local.date_naive() == reference.with_timezone(&tz).date_naive() {
        local.format("%H:%M").to_string()
    } else {
        local.format("%Y-%m-%d %H:%M").to_string()
    }
}

/// What was just done to a session, for its sentence.
#[derive(Debug, Clone, Copy)]
pub enum Done {
    Stopped,
    Added,
    Updated,
    Deleted,
    Restored,
}

/// The whole sentence saying what was done to a session.
pub fn session_sentence(done: Done, s: &Session, tz: Tz, now: DateTime<Utc>, l: Locale) -> String {
    let start = s.start.with_timezone(&tz);
    let running = if s.end.is_none() { "yes" } else { "no" };
    let number = s.number;
    let client = s.client_name.as_str();
    let since = local_time(s.start, tz, now);
    let date = start.format("%Y-%m-%d").to_string();
    let start_time = start.format("%H:%M").to_string();
    let end = s
        .end
        .map(|e| local_time(e, tz, s.start))
        .unwrap_or_default();
    let duration = format::duration(s.duration_seconds(now), l);
    macro_rules! say {
        ($id:literal) => {
            tr!(
                l,
                $id,
                running = running,
                number = number,
                client = client,
                since = since,
                date = date,
                start = start_time,
                end = end,
                duration = duration
            )
        };
    }
    match done {
        Done::Stopped => say!("cli-session-stopped"),
        Done::Added => say!("cli-session-added"),
        Done::Updated => say!("cli-session-updated"),
        Done::Deleted => say!("cli-session-deleted"),
        Done::Restored => say!("cli-session-restored"),
    }
}

/// Left-aligned columns separated by two spaces; `numeric` columns align right.
pub fn table(headers: &[&str], rows: &[Vec<String>], numeric: &[usize]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |cells: Vec<&str>| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.chars().count());
            let last = i + 1 == cells.len();
            if numeric.contains(&i) {
                out.push_str(&" ".repeat(pad));
                out.push_str(cell);
            } else {
                out.push_str(cell);
                if !last {
                    out.push_str(&" ".repeat(pad));
                }
            }
            if !last {
                out.push_str("  ");
            }
        }
        out.trim_end().to_string()
    };
    let mut text = line(headers.to_vec());
    for row in rows {
        text.push('\n');
        text.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    text
}

/// Stored boundary kinds (`off_hours`, ...) by their names in the locale.
pub fn boundary_names(kinds: &[String], l: Locale) -> String {
    kinds
        .iter()
        .map(|kind| match kind.parse::<gardefou::rules::AlertKind>() {
            Ok(kind) => gardefou::rules::messages::boundary_name(kind, l),
            Err(_) => kind.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}
