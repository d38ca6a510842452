//! The user's settings: typed, validated, stored as canonical text per key.

use chrono_tz::Tz;

use crate::calendar::WeekStart;
use crate::duration::{format_compact, parse_duration};
use crate::error::{Error, Result};
use crate::model::{Rounding, normalize_tags, parse_zone};
use crate::money::Currency;
use crate::rules::{DaySet, Policy, WorkingHours};

/// Every setting, with its typed value.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub timezone: Tz,
    pub week_start: WeekStart,
    pub currency: Currency,
    pub rounding: Option<Rounding>,
    pub locale: Locale,
    /// The boundaries the user sets once (see `crate::rules`).
    pub weekly_cap: Option<i64>,
    /// Percent of a cap at which the warning fires (1–100).
    pub warn_at: u8,
    pub working_hours: WorkingHours,
    pub rest_days: DaySet,
    /// Less than this on a weekend and it still counts as free.
    pub weekend_min: i64,
    /// The number of worked weekends in a row that fires `weekend_streak`.
    pub weekend_streak_limit: u32,
    /// How often a reminder repeats while a timer runs beyond a boundary; `None` disables.
    pub nag_every: Option<i64>,
    /// Native notifications on or off.
    pub notifications: bool,
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
    "weekly_cap",
    "warn_at",
    "working_hours",
    "rest_days",
    "weekend_min",
    "weekend_streak_limit",
    "nag_every",
    "notifications",
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
            weekly_cap: None,
            warn_at: 80,
            working_hours: WorkingHours::default(),
            rest_days: DaySet::default(),
            weekend_min: 15 * 60,
            weekend_streak_limit: 2,
            nag_every: Some(30 * 60),
            notifications: true,
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
            "weekly_cap" => self.weekly_cap = parse_cap(value)?,
            "warn_at" => self.warn_at = parse_percent(value)?,
            "working_hours" => self.working_hours = WorkingHours::parse(value)?,
            "rest_days" => self.rest_days = DaySet::parse(value)?,
            "weekend_min" => self.weekend_min = parse_duration(value)?,
            "weekend_streak_limit" => {
                self.weekend_streak_limit = match value.parse::<u32>() {
                    Ok(n) if (1..=52).contains(&n) => n,
                    _ => {
                        return Err(Error::invalid(format!(
                            "weekend_streak_limit is a number of weekends from 1 to 52, not '{value}'"
                        )));
                    }
                }
            }
            "nag_every" => {
                self.nag_every = if value == "0" {
                    None
                } else {
                    Some(parse_duration(value)?)
                }
            }
            "notifications" => {
                self.notifications = match value.to_ascii_lowercase().as_str() {
                    "on" | "true" | "yes" => true,
                    "off" | "false" | "no" => false,
                    _ => {
                        return Err(Error::invalid(format!(
                            "notifications is on or off, not '{value}'"
                        )));
                    }
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
            "weekly_cap" => self
                .weekly_cap
                .map_or_else(|| "none".to_string(), format_compact),
            "warn_at" => self.warn_at.to_string(),
            "working_hours" => self.working_hours.to_string(),
            "rest_days" => self.rest_days.to_string(),
            "weekend_min" => format_compact(self.weekend_min),
            "weekend_streak_limit" => self.weekend_streak_limit.to_string(),
            "nag_every" => self
                .nag_every
                .map_or_else(|| "0".to_string(), format_compact),
            "notifications" => if self.notifications { "on" } else { "off" }.to_string(),
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

/// A weekly cap: a duration up to 168 h, or `none`.
fn parse_cap(value: &str) -> Result<Option<i64>> {
    if value.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let seconds = parse_duration(value)?;
    if seconds > 7 * 24 * 3600 {
        return Err(Error::invalid(format!(
            "a weekly cap is at most 168 h (a whole week), not {value}"
        )));
    }
    Ok(Some(seconds))
}

/// `80` or `80%`, from 1 to 100.
fn parse_percent(value: &str) -> Result<u8> {
    match value.trim_end_matches('%').trim().parse::<u8>() {
        Ok(p) if (1..=100).contains(&p) => Ok(p),
        _ => Err(Error::invalid(format!(
            "warn_at is a percentage from 1 to 100 (like 80), not '{value}'"
        ))),
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

impl Settings {
    /// What the rules need of the settings (the boundaries and their calendar).
    pub fn policy(&self) -> Policy {
        Policy {
            timezone: self.timezone,
            week_start: self.week_start,
            weekly_cap: self.weekly_cap,
            warn_at: self.warn_at,
            working_hours: self.working_hours.clone(),
            rest_days: self.rest_days,
            weekend_min: self.weekend_min,
            weekend_streak_limit: self.weekend_streak_limit,
            nag_every: self.nag_every,
        }
    }
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
    fn boundary_settings_validate_and_canonicalise() {
        let mut s = Settings::defaults(Tz::UTC);
        let cases: &[(&str, &str, Option<&str>)] = &[
            ("weekly_cap", "40h", Some("40h")),
            ("weekly_cap", "NONE", Some("none")),
            ("weekly_cap", "169h", None),
            ("weekly_cap", "0m", None),
            ("warn_at", "75%", Some("75")),
            ("warn_at", "0", None),
            ("warn_at", "101", None),
            (
                "working_hours",
                "mon-fri 13:30-18:00,09:00-12:30; sat off; sun off",
                Some("mon-fri 09:00-12:30,13:30-18:00; sat-sun off"),
            ),
            (
                "working_hours",
                "mon-sun off; tue 10:00-24:00",
                Some("mon off; tue 10:00-24:00; wed-sun off"),
            ),
            ("working_hours", "mon-fri 09:00-18:00,17:00-19:00", None),
            ("working_hours", "mon-fri 18:00-09:00", None),
            ("working_hours", "funday 09:00-18:00", None),
            ("working_hours", "mon 9-18", None),
            ("working_hours", "", None),
            ("rest_days", "Fri,SAT", Some("fri,sat")),
            ("rest_days", "none", Some("none")),
            ("rest_days", "mon,tue,wed,thu,fri,sat,sun", None),
            ("rest_days", "weekend", None),
            ("weekend_min", "15m", Some("15m")),
            ("weekend_min", "0m", None),
            ("weekend_streak_limit", "3", Some("3")),
            ("weekend_streak_limit", "0", None),
            ("nag_every", "0", Some("0")),
            ("nag_every", "1h30m", Some("1h30m")),
            ("nag_every", "often", None),
            ("notifications", "OFF", Some("off")),
            ("notifications", "maybe", None),
        ];
        for (key, value, expected) in cases {
            let got = s.set(key, value);
            match expected {
                Some(canonical) => assert_eq!(got.unwrap(), *canonical, "{key} {value}"),
                None => assert!(got.is_err(), "{key} {value:?} should be refused"),
            }
        }
        // Every canonical value reads back to itself.
        for (key, value) in s.clone().entries() {
            assert_eq!(s.set(key, &value).unwrap(), value, "{key}");
        }
        let d = Settings::defaults(Tz::UTC);
        assert_eq!(
            d.get("working_hours").unwrap(),
            "mon-fri 09:00-18:00; sat-sun off"
        );
        assert_eq!(d.get("rest_days").unwrap(), "sat,sun");
        assert_eq!(d.get("nag_every").unwrap(), "30m");
        assert_eq!(d.get("warn_at").unwrap(), "80");
        assert_eq!(d.get("weekly_cap").unwrap(), "none");
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
