//! The data Gardefou keeps, and the rules each value must follow on its own.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use uuid::Uuid;

use crate::duration::{format_compact, parse_duration};
use crate::error::{DatabaseError, Error, Problem, Result};
use crate::money::Currency;

pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_NOTE_CHARS: usize = 2_000;
pub const MAX_TAG_CHARS: usize = 40;
pub const MAX_TAGS: usize = 20;
/// Sessions longer than this need `--allow-long` on `add`/`edit`.
pub const LONG_SESSION_SECONDS: i64 = 24 * 3600;

/// A client the user works for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub id: Uuid,
    pub name: String,
    pub rate_minor: i64,
    pub currency: Currency,
    pub cap_seconds: Option<i64>,
    pub rounding: Option<Rounding>,
    pub color: Color,
    pub archived: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A tracked stretch of work. `end` is `None` while the timer runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    pub id: Uuid,
    /// The local, stable handle the CLI shows (`edit 42`); never synced.
    pub number: i64,
    pub client_id: Uuid,
    pub client_name: String,
    pub start: DateTime<Utc>,
    pub end: Option<DateTime<Utc>>,
    pub billable: bool,
    pub note: String,
    pub tags: Vec<String>,
    pub source: Source,
    /// The client's rate when this session was tracked.
    pub rate_minor: i64,
    pub currency: Currency,
    /// The IANA zone the session was started in.
    pub zone: String,
    pub planned_seconds: Option<i64>,
    pub deleted: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Session {
    /// The end, or `now` while running.
    pub fn end_or(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        self.end.unwrap_or(now).max(self.start)
    }

    pub fn duration_seconds(&self, now: DateTime<Utc>) -> i64 {
        (self.end_or(now) - self.start).num_seconds()
    }

    pub fn is_running(&self) -> bool {
        self.end.is_none()
    }
}

/// Where a session came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Timer,
    Tray,
    Manual,
    Import,
}

impl Source {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Timer => "timer",
            Self::Tray => "tray",
            Self::Manual => "manual",
            Self::Import => "import",
        }
    }
}

impl FromStr for Source {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "timer" => Ok(Self::Timer),
            "tray" => Ok(Self::Tray),
            "manual" => Ok(Self::Manual),
            "import" => Ok(Self::Import),
            other => Err(DatabaseError::UnknownSessionSource {
                value: other.to_string(),
            }
            .into()),
        }
    }
}

/// How an exported duration is rounded: to a multiple of `step_seconds`, in `direction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rounding {
    pub step_seconds: i64,
    pub direction: RoundDirection,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoundDirection {
    Up,
    Down,
    Nearest,
}

impl Rounding {
    /// Parses `15m:up`, `6m:nearest`, `30m:down`. (`none` is handled by callers.)
    pub fn parse(input: &str) -> Result<Self> {
        let bad = || Error::invalid("rounding", input.trim(), Problem::NotARounding);
        let (step, direction) = input.trim().split_once(':').ok_or_else(bad)?;
        let step_seconds = parse_duration(step).map_err(|_| bad())?;
        let direction = match direction.to_ascii_lowercase().as_str() {
            "up" => RoundDirection::Up,
            "down" => RoundDirection::Down,
            "nearest" => RoundDirection::Nearest,
            _ => return Err(bad()),
        };
        if step_seconds > 24 * 3600 {
            return Err(bad());
        }
        Ok(Self {
            step_seconds,
            direction,
        })
    }

    /// Parses a rule or `none`.
    pub fn parse_optional(input: &str) -> Result<Option<Self>> {
        if input.trim().eq_ignore_ascii_case("none") {
            Ok(None)
        } else {
            Self::parse(input).map(Some)
        }
    }

    /// Applies the rule to a duration (ties round up for `nearest`).
    pub fn apply(&self, seconds: i64) -> i64 {
        let step = self.step_seconds;
        let down = seconds.div_euclid(step) * step;
        match self.direction {
            RoundDirection::Down => down,
            RoundDirection::Up if down == seconds => down,
            RoundDirection::Up => down + step,
            RoundDirection::Nearest if (seconds - down) * 2 >= step => down + step,
            RoundDirection::Nearest => down,
        }
    }
}

impl fmt::Display for Rounding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let direction = match self.direction {
            RoundDirection::Up => "up",
            RoundDirection::Down => "down",
            RoundDirection::Nearest => "nearest",
        };
        write!(f, "{}:{direction}", format_compact(self.step_seconds))
    }
}

/// A client's colour, `#rrggbb`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Color(String);

/// Colours given to new clients in turn: distinct, readable on light and dark.
const PALETTE: [&str; 8] = [
    "#3b82f6", "#10b981", "#f59e0b", "#8b5cf6", "#ec4899", "#14b8a6", "#f97316", "#64748b",
];

impl Color {
    /// Accepts `#rrggbb` or `rrggbb`.
    pub fn parse(input: &str) -> Result<Self> {
        let hex = input.trim().trim_start_matches('#');
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            Ok(Self(format!("#{}", hex.to_ascii_lowercase())))
        } else {
            Err(Error::invalid("color", input.trim(), Problem::NotAColour))
        }
    }

    pub fn from_palette(index: usize) -> Self {
        Self(PALETTE[index % PALETTE.len()].to_string())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Trims a client name and checks its length; returns the name and its uniqueness key.
pub fn normalize_client_name(input: &str) -> Result<(String, String)> {
    let name = input.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        return Err(Error::invalid("name", input, Problem::Empty));
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        return Err(Error::invalid(
            "name",
            name,
            Problem::TooManyCharacters {
                max: MAX_NAME_CHARS,
                count: chars,
            },
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid("name", name, Problem::ControlCharacters));
    }
    let key = name.to_lowercase();
    Ok((name, key))
}

/// Checks a note's length; notes keep their line breaks.
pub fn validate_note(note: &str) -> Result<String> {
    let chars = note.chars().count();
    if chars > MAX_NOTE_CHARS {
        // The value itself is not kept: it may be a megabyte.
        return Err(Error::invalid(
            "note",
            String::new(),
            Problem::TooManyCharacters {
                max: MAX_NOTE_CHARS,
                count: chars,
            },
        ));
    }
    Ok(note.trim().to_string())
}

/// Lowercases tags and checks each is one word; drops duplicates, keeps order.
pub fn normalize_tags<S: AsRef<str>>(tags: &[S]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for raw in tags {
        let tag = raw.as_ref().trim().trim_start_matches('#').to_lowercase();
        if tag.is_empty()
            || tag.chars().count() > MAX_TAG_CHARS
            || tag
                .chars()
                .any(|c| c.is_whitespace() || c == ',' || c.is_control())
        {
            return Err(Error::invalid(
                "tags",
                raw.as_ref(),
                Problem::NotATag { max: MAX_TAG_CHARS },
            ));
        }
        if !out.contains(&tag) {
            out.push(tag);
        }
    }
    if out.len() > MAX_TAGS {
        return Err(Error::invalid(
            "tags",
            String::new(),
            Problem::TooManyTags { max: MAX_TAGS },
        ));
    }
    Ok(out)
}

/// Parses an IANA zone name.
pub fn parse_zone(input: &str) -> Result<Tz> {
    input
        .trim()
        .parse::<Tz>()
        .map_err(|_| Error::invalid("timezone", input.trim(), Problem::NotATimeZone))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_rules() {
        let up = Rounding::parse("15m:up").unwrap();
        assert_eq!(up.apply(1), 900);
        assert_eq!(up.apply(900), 900);
        assert_eq!(up.apply(0), 0);
        let nearest = Rounding::parse("6m:nearest").unwrap();
        assert_eq!(nearest.apply(179), 0);
        assert_eq!(nearest.apply(180), 360);
        let down = Rounding::parse("30m:down").unwrap();
        assert_eq!(down.apply(3599), 1800);
        assert_eq!(up.to_string(), "15m:up");
        assert!(Rounding::parse("15m").is_err());
        assert!(Rounding::parse("15m:sideways").is_err());
        assert!(Rounding::parse_optional("none").unwrap().is_none());
    }

    #[test]
    fn names_are_trimmed_and_keyed_case_insensitively() {
        assert_eq!(
            normalize_client_name("  Acme   Corp ").unwrap(),
            ("Acme Corp".into(), "acme corp".into())
        );
        assert_eq!(normalize_client_name("Émile").unwrap().1, "émile");
        assert!(normalize_client_name("   ").is_err());
        assert!(normalize_client_name(&"x".repeat(101)).is_err());
        assert!(normalize_client_name(&"é".repeat(100)).is_ok());
    }

    #[test]
    fn tags_and_colors() {
        assert_eq!(
            normalize_tags(&["Meeting", "meeting", "#Rework"]).unwrap(),
            vec!["meeting", "rework"]
        );
        assert!(normalize_tags(&["two words"]).is_err());
        assert!(normalize_tags(&["a,b"]).is_err());
        assert!(normalize_tags(&[""]).is_err());
        assert_eq!(Color::parse("FFAA00").unwrap().as_str(), "#ffaa00");
        assert!(Color::parse("#ffaa0").is_err());
        assert!(Color::parse("red").is_err());
    }

    #[test]
    fn notes_are_bounded() {
        assert!(validate_note(&"x".repeat(2000)).is_ok());
        assert!(validate_note(&"x".repeat(1_000_000)).is_err());
    }
}
