//! The user's settings: typed, validated, stored as canonical text per key.

use chrono_tz::Tz;

use crate::calendar::WeekStart;
use crate::error::{Error, Result};
use crate::model::{Rounding, normalize_tags, parse_zone};
use crate::money::Currency;

/// Every setting, with its typed value.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub timezone: Tz,
    pub week_start: WeekStart,
    pub currency: Currency,
    pub rounding: Option<Rounding>,
    pub locale: Locale,
    /// Tags whose share of a client's time the week summary watches.
    pub health_tags: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locale {
    En,
    Fr,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
        }
    }
}

/// The keys `settings set` accepts, in the order `settings show` prints them.
pub const KEYS: &[&str] = &[
    "timezone",
    "week_start",
    "currency",
    "rounding",
    "locale",
    "health_tags",
];

impl Settings {
    pub fn defaults(system_zone: Tz) -> Self {
        Self {
            timezone: system_zone,
            week_start: WeekStart::Monday,
            currency: Currency::EUR,
            rounding: None,
            locale: Locale::En,
            health_tags: vec!["meeting".to_string(), "rework".to_string()],
        }
    }

    /// Applies stored pairs over the defaults. A stored value that no longer
    /// parses is an error, not silently ignored.
    pub fn from_pairs(pairs: &[(String, String)], system_zone: Tz) -> Result<Self> {
        let mut settings = Self::defaults(system_zone);
        for (key, value) in pairs {
            if KEYS.contains(&key.as_str()) {
                settings.set(key, value).map_err(|e| {
                    Error::Database(format!("the stored setting {key} is invalid: {e}"))
                })?;
            }
        }
        Ok(settings)
    }

    /// Validates and applies one key; returns the canonical text to store.
    pub fn set(&mut self, key: &str, value: &str) -> Result<String> {
        let value = value.trim();
        match key {
            "timezone" => self.timezone = parse_zone(value)?,
            "week_start" => {
                self.week_start = match value.to_ascii_lowercase().as_str() {
                    "monday" | "mon" => WeekStart::Monday,
                    "sunday" | "sun" => WeekStart::Sunday,
                    _ => {
                        return Err(Error::invalid(format!(
                            "week_start is monday or sunday, not '{value}'"
                        )));
                    }
                }
            }
            "currency" => self.currency = Currency::parse(value)?,
            "rounding" => self.rounding = Rounding::parse_optional(value)?,
            "locale" => {
                self.locale = match value.to_ascii_lowercase().as_str() {
                    "en" => Locale::En,
                    "fr" => Locale::Fr,
                    _ => return Err(Error::invalid(format!("locale is en or fr, not '{value}'"))),
                }
            }
            "health_tags" => self.health_tags = parse_tag_list(value)?,
            _ => {
                return Err(Error::invalid(format!(
                    "unknown setting '{key}'; known settings: {}",
                    KEYS.join(", ")
                )));
            }
        }
        Ok(self.get(key).unwrap_or_default())
    }

    /// The canonical text of one key.
    pub fn get(&self, key: &str) -> Option<String> {
        Some(match key {
            "timezone" => self.timezone.name().to_string(),
            "week_start" => self.week_start.as_str().to_string(),
            "currency" => self.currency.code().to_string(),
            "rounding" => self
                .rounding
                .map_or_else(|| "none".to_string(), |r| r.to_string()),
            "locale" => self.locale.as_str().to_string(),
            "health_tags" if self.health_tags.is_empty() => "none".to_string(),
            "health_tags" => self.health_tags.join(","),
            _ => return None,
        })
    }

    /// Every key with its value, for `settings show`.
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        KEYS.iter()
            .map(|k| (*k, self.get(k).unwrap_or_default()))
            .collect()
    }
}

/// `meeting,rework` (or `none`) into tags.
fn parse_tag_list(value: &str) -> Result<Vec<String>> {
    if value.eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    normalize_tags(&parts).map_err(|e| {
        Error::invalid(format!(
            "health_tags is a comma-separated list of tags, like meeting,rework (or none): {e}"
        ))
    })
}

/// The system's IANA zone, or UTC when it cannot be told.
pub fn system_zone() -> Tz {
    iana_time_zone::get_timezone()
        .ok()
        .and_then(|name| name.parse().ok())
        .unwrap_or(Tz::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_validates_and_canonicalises() {
        let mut s = Settings::defaults(Tz::UTC);
        assert_eq!(s.set("week_start", "Sun").unwrap(), "sunday");
        assert_eq!(s.set("currency", "chf").unwrap(), "CHF");
        assert_eq!(s.set("timezone", "Europe/Paris").unwrap(), "Europe/Paris");
        assert_eq!(s.set("rounding", "15m:up").unwrap(), "15m:up");
        assert!(s.set("timezone", "Mars/Olympus").is_err());
        assert!(s.set("week_start", "wednesday").is_err());
        assert!(s.set("nope", "1").is_err());
        assert_eq!(s.week_start, WeekStart::Sunday);
    }

    #[test]
    fn health_tags_are_a_tag_list() {
        let mut s = Settings::defaults(Tz::UTC);
        assert_eq!(s.get("health_tags").unwrap(), "meeting,rework");
        assert_eq!(
            s.set("health_tags", "Calls, #Rework").unwrap(),
            "calls,rework"
        );
        assert_eq!(s.set("health_tags", "none").unwrap(), "none");
        assert!(s.health_tags.is_empty());
        assert!(s.set("health_tags", "two words").is_err());
        assert!(s.set("health_tags", "a,,b").is_err());
    }
}
