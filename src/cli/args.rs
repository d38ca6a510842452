//! clap value parsers: malformed arguments are usage errors (exit 2).

use chrono::{DateTime, NaiveDate, Utc};
use gardefou::duration::parse_duration;
use gardefou::model::Rounding;
use gardefou::when::{parse_date, parse_instant};

use super::errors::for_usage;

pub fn duration(text: &str) -> Result<i64, String> {
    parse_duration(text).map_err(for_usage)
}

/// A value that the user can also turn off with `none`. (A plain
/// `Option<Option<T>>` would mean "flag with an optional value" to clap.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrNone<T>(pub Option<T>);

/// A duration, or `none`.
pub fn duration_or_none(text: &str) -> Result<OrNone<i64>, String> {
    if text.trim().eq_ignore_ascii_case("none") {
        Ok(OrNone(None))
    } else {
        duration(text).map(|d| OrNone(Some(d)))
    }
}

/// A rounding rule such as `15m:up`, or `none`.
pub fn rounding_or_none(text: &str) -> Result<OrNone<Rounding>, String> {
    Rounding::parse_optional(text)
        .map(OrNone)
        .map_err(for_usage)
}

pub fn date(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).map_err(for_usage)
}

/// Checks a TIME argument's form; the zone-aware reading happens in the core
/// (a DST gap is a refusal, not a usage error).
pub fn time(text: &str) -> Result<String, String> {
    let reference = DateTime::<Utc>::from_timestamp(1_000_000_000, 0).unwrap_or_default();
    parse_instant(text, chrono_tz::Tz::UTC, reference)
        .map(|_| text.to_string())
        .map_err(for_usage)
}

/// A tag: one lowercase word (checked fully by the core).
pub fn tag(text: &str) -> Result<String, String> {
    gardefou::model::normalize_tags(&[text])
        .map(|mut tags| tags.remove(0))
        .map_err(for_usage)
}

/// What a new session is about: shared by `start` and `add`.
#[derive(Debug, clap::Args)]
pub struct Details {
    /// Free text; may start with a dash (`--note "-2h pairing"`).
    #[arg(long, allow_hyphen_values = true)]
    pub note: Option<String>,
    /// A tag (repeatable), e.g. --tag meeting.
    #[arg(long = "tag", value_parser = tag)]
    pub tags: Vec<String>,
    /// Not billed to the client (still counts toward your caps).
    #[arg(long)]
    pub non_billable: bool,
}
