//! The user's settings: typed, validated, stored as canonical text per key.

use chrono_tz::Tz;
use serde::Serialize;

use crate::calendar::WeekStart;
use crate::duration::{format_compact, parse_duration};
use crate::error::{DatabaseError, Error, Problem, Result};
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
    /// No input for this long while a timer runs is away time; `None`: off.
    pub idle_after: Option<i64>,
    /// Start the desktop app at login.
    pub autostart: bool,
    /// Automatic daily backups beside the database.
    pub backups: bool,
    /// The week summary opens by itself at the end of the working week.
    pub summary_auto_open: bool,
}

pub use crate::i18n::Locale;

/// What kind of value a setting holds: drives validation and the app's editors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum SettingKind {
    /// An IANA zone name.
    TimeZone,
    /// One of a fixed list of words.
    Choice { choices: &'static [&'static str] },
    /// An ISO 4217 code.
    Currency,
    /// A rounding rule (`15m:up`) or `none`.
    Rounding,
    /// A duration up to 168 h, or `none`.
    Cap,
    /// A percentage from 1 to 100.
    Percent,
    /// Working hours per weekday.
    WorkingHours,
    /// A set of weekdays, or `none`.
    Days,
    /// A duration (`15m`).
    Duration,
    /// A duration, or `0` for off.
    DurationOrOff,
    /// A whole number in a range.
    Count { min: i64, max: i64 },
    /// A comma-separated list of tags, or `none`.
    Tags,
}

/// One setting: its key, kind, canonical default, help, and how it is read
/// and shown. The table below is the only list of settings: `settings set`,
/// `settings show`, the CLI's help and the app's editor all come from it.
#[derive(Debug, Clone, Copy)]
pub struct SettingSpec {
    pub key: &'static str,
    pub kind: SettingKind,
    /// The canonical default (`system` where the system decides).
    pub default: &'static str,
    /// The catalogue id of its one-line help.
    pub help: &'static str,
    apply: fn(&mut Settings, &str) -> Result<()>,
    show: fn(&Settings) -> String,
}

impl SettingSpec {
    /// The help line in `locale`.
    pub fn help_text(&self, locale: Locale) -> String {
        crate::i18n::text(locale, self.help, &[])
    }
}

const ON_OFF: &[&str] = &["on", "off"];
const WEEK_STARTS: &[&str] = &["monday", "sunday"];
const LOCALES: &[&str] = &["en", "fr"];

/// Every setting, in the order `settings show` prints them.
pub const SETTINGS: &[SettingSpec] = &[
    SettingSpec {
        key: "timezone",
        kind: SettingKind::TimeZone,
        default: "system",
        help: "setting-timezone",
        apply: |s, v| {
            s.timezone = parse_zone(v).map_err(|e| e.for_field("timezone"))?;
            Ok(())
        },
        show: |s| s.timezone.name().to_string(),
    },
    SettingSpec {
        key: "week_start",
        kind: SettingKind::Choice {
            choices: WEEK_STARTS,
        },
        default: "monday",
        help: "setting-week-start",
        apply: |s, v| {
            s.week_start = match v.to_ascii_lowercase().as_str() {
                "monday" | "mon" => WeekStart::Monday,
                "sunday" | "sun" => WeekStart::Sunday,
                _ => return Err(not_one_of("week_start", v, WEEK_STARTS)),
            };
            Ok(())
        },
        show: |s| s.week_start.as_str().to_string(),
    },
    SettingSpec {
        key: "currency",
        kind: SettingKind::Currency,
        default: "EUR",
        help: "setting-currency",
        apply: |s, v| {
            s.currency = Currency::parse(v)?;
            Ok(())
        },
        show: |s| s.currency.code().to_string(),
    },
    SettingSpec {
        key: "rounding",
        kind: SettingKind::Rounding,
        default: "none",
        help: "setting-rounding",
        apply: |s, v| {
            s.rounding = Rounding::parse_optional(v)?;
            Ok(())
        },
        show: |s| {
            s.rounding
                .map_or_else(|| "none".to_string(), |r| r.to_string())
        },
    },
    SettingSpec {
        key: "locale",
        kind: SettingKind::Choice { choices: LOCALES },
        default: "system",
        help: "setting-locale",
        apply: |s, v| {
            s.locale = v.parse().map_err(|()| not_one_of("locale", v, LOCALES))?;
            Ok(())
        },
        show: |s| s.locale.as_str().to_string(),
    },
    SettingSpec {
        key: "weekly_cap",
        kind: SettingKind::Cap,
        default: "none",
        help: "setting-weekly-cap",
        apply: |s, v| {
            s.weekly_cap = parse_cap("weekly_cap", v)?;
            Ok(())
        },
        show: |s| {
            s.weekly_cap
                .map_or_else(|| "none".to_string(), format_compact)
        },
    },
    SettingSpec {
        key: "warn_at",
        kind: SettingKind::Percent,
        default: "80",
        help: "setting-warn-at",
        apply: |s, v| {
            s.warn_at = parse_percent(v)?;
            Ok(())
        },
        show: |s| s.warn_at.to_string(),
    },
    SettingSpec {
        key: "working_hours",
        kind: SettingKind::WorkingHours,
        default: "mon-fri 09:00-18:00; sat-sun off",
        help: "setting-working-hours",
        apply: |s, v| {
            s.working_hours = WorkingHours::parse(v)?;
            Ok(())
        },
        show: |s| s.working_hours.to_string(),
    },
    SettingSpec {
        key: "rest_days",
        kind: SettingKind::Days,
        default: "sat,sun",
        help: "setting-rest-days",
        apply: |s, v| {
            s.rest_days = DaySet::parse(v)?;
            Ok(())
        },
        show: |s| s.rest_days.to_string(),
    },
    SettingSpec {
        key: "weekend_min",
        kind: SettingKind::Duration,
        default: "15m",
        help: "setting-weekend-min",
        apply: |s, v| {
            s.weekend_min = parse_duration(v).map_err(|e| e.for_field("weekend_min"))?;
            Ok(())
        },
        show: |s| format_compact(s.weekend_min),
    },
    SettingSpec {
        key: "weekend_streak_limit",
        kind: SettingKind::Count { min: 1, max: 52 },
        default: "2",
        help: "setting-weekend-streak-limit",
        apply: |s, v| {
            s.weekend_streak_limit = match v.parse::<u32>() {
                Ok(n) if (1..=52).contains(&n) => n,
                _ => {
                    return Err(Error::invalid(
                        "weekend_streak_limit",
                        v,
                        Problem::NotInRange { min: 1, max: 52 },
                    ));
                }
            };
            Ok(())
        },
        show: |s| s.weekend_streak_limit.to_string(),
    },
    SettingSpec {
        key: "nag_every",
        kind: SettingKind::DurationOrOff,
        default: "30m",
        help: "setting-nag-every",
        apply: |s, v| {
            s.nag_every = if v == "0" {
                None
            } else {
                Some(parse_duration(v).map_err(|e| e.for_field("nag_every"))?)
            };
            Ok(())
        },
        show: |s| s.nag_every.map_or_else(|| "0".to_string(), format_compact),
    },
    SettingSpec {
        key: "notifications",
        kind: SettingKind::Choice { choices: ON_OFF },
        default: "on",
        help: "setting-notifications",
        apply: |s, v| {
            s.notifications = parse_on_off("notifications", v)?;
            Ok(())
        },
        show: |s| on_off(s.notifications),
    },
    SettingSpec {
        key: "health_tags",
        kind: SettingKind::Tags,
        default: "meeting,rework",
        help: "setting-health-tags",
        apply: |s, v| {
            s.health_tags = parse_tag_list(v)?;
            Ok(())
        },
        show: |s| {
            if s.health_tags.is_empty() {
                "none".to_string()
            } else {
                s.health_tags.join(",")
            }
        },
    },
    SettingSpec {
        key: "idle_after",
        kind: SettingKind::DurationOrOff,
        default: "10m",
        help: "setting-idle-after",
        apply: |s, v| {
            s.idle_after = if v == "0" {
                None
            } else {
                Some(parse_duration(v).map_err(|e| e.for_field("idle_after"))?)
            };
            Ok(())
        },
        show: |s| s.idle_after.map_or_else(|| "0".to_string(), format_compact),
    },
    SettingSpec {
        key: "autostart",
        kind: SettingKind::Choice { choices: ON_OFF },
        default: "off",
        help: "setting-autostart",
        apply: |s, v| {
            s.autostart = parse_on_off("autostart", v)?;
            Ok(())
        },
        show: |s| on_off(s.autostart),
    },
    // #13: daily backups beside the database (src/backup).
    SettingSpec {
        key: "backups",
        kind: SettingKind::Choice { choices: ON_OFF },
        default: "on",
        help: "setting-backups",
        apply: |s, v| {
            s.backups = parse_on_off("backups", v)?;
            Ok(())
        },
        show: |s| on_off(s.backups),
    },
    // #10: the week summary opens by itself (src/decisions/auto_open.rs).
    SettingSpec {
        key: "summary_auto_open",
        kind: SettingKind::Choice { choices: ON_OFF },
        default: "on",
        help: "setting-summary-auto-open",
        apply: |s, v| {
            s.summary_auto_open = parse_on_off("summary_auto_open", v)?;
            Ok(())
        },
        show: |s| on_off(s.summary_auto_open),
    },
];

/// The keys `settings set` accepts, in the order `settings show` prints them.
pub fn keys() -> Vec<&'static str> {
    SETTINGS.iter().map(|s| s.key).collect()
}

/// The description of `key`, if it is a setting.
pub fn spec(key: &str) -> Option<&'static SettingSpec> {
    SETTINGS.iter().find(|s| s.key == key)
}

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
            idle_after: Some(10 * 60),
            autostart: false,
            backups: true,
            summary_auto_open: true,
        }
    }

    /// Applies stored pairs over the defaults. A stored value that no longer
    /// parses is an error, not silently ignored.
    pub fn from_pairs(pairs: &[(String, String)], system_zone: Tz) -> Result<Self> {
        let mut settings = Self::defaults(system_zone);
        for (key, value) in pairs {
            if let Some(spec) = spec(key) {
                (spec.apply)(&mut settings, value.trim()).map_err(|_| {
                    DatabaseError::StoredSettingInvalid {
                        key: key.clone(),
                        value: value.clone(),
                    }
                })?;
            }
        }
        Ok(settings)
    }

    /// Validates and applies one key; returns the canonical text to store.
    pub fn set(&mut self, key: &str, value: &str) -> Result<String> {
        let spec = spec(key)
            .ok_or_else(|| Error::invalid("key", key, Problem::UnknownSetting { known: keys() }))?;
        (spec.apply)(self, value.trim())?;
        Ok((spec.show)(self))
    }

    /// The canonical text of one key.
    pub fn get(&self, key: &str) -> Option<String> {
        spec(key).map(|spec| (spec.show)(self))
    }

    /// Every key with its value, for `settings show`.
    pub fn entries(&self) -> Vec<(&'static str, String)> {
        SETTINGS.iter().map(|s| (s.key, (s.show)(self))).collect()
    }
}

fn not_one_of(field: &'static str, value: &str, choices: &'static [&'static str]) -> Error {
    Error::invalid(field, value, Problem::NotOneOf { choices })
}

fn parse_on_off(field: &'static str, value: &str) -> Result<bool> {
    match value.to_ascii_lowercase().as_str() {
        "on" | "true" | "yes" => Ok(true),
        "off" | "false" | "no" => Ok(false),
        _ => Err(not_one_of(field, value, ON_OFF)),
    }
}

fn on_off(value: bool) -> String {
    if value { "on" } else { "off" }.to_string()
}

/// A weekly cap: a duration up to 168 h, or `none`.
fn parse_cap(field: &'static str, value: &str) -> Result<Option<i64>> {
    if value.eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    let seconds = parse_duration(value).map_err(|e| e.for_field(field))?;
    if seconds > 7 * 24 * 3600 {
        return Err(Error::invalid(field, value, Problem::CapOutOfRange));
    }
    Ok(Some(seconds))
}

/// `80` or `80%`, from 1 to 100.
fn parse_percent(value: &str) -> Result<u8> {
    match value.trim_end_matches('%').trim().parse::<u8>() {
        Ok(p) if (1..=100).contains(&p) => Ok(p),
        _ => Err(Error::invalid("warn_at", value, Problem::NotAPercentage)),
    }
}

/// `meeting,rework` (or `none`) into tags.
fn parse_tag_list(value: &str) -> Result<Vec<String>> {
    if value.eq_ignore_ascii_case("none") {
        return Ok(Vec::new());
    }
    let parts: Vec<&str> = value.split(',').map(str::trim).collect();
    normalize_tags(&parts).map_err(|_| Error::invalid("health_tags", value, Problem::NotATagList))
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
            ("idle_after", "0", Some("0")),
            ("idle_after", "5m", Some("5m")),
            ("idle_after", "idle", None),
            ("autostart", "ON", Some("on")),
            ("autostart", "sometimes", None),
            ("backups", "Off", Some("off")),
            ("backups", "sometimes", None),
            ("summary_auto_open", "Off", Some("off")),
            ("summary_auto_open", "sometimes", None),
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
        assert_eq!(d.get("summary_auto_open").unwrap(), "on");
        assert_eq!(d.get("idle_after").unwrap(), "10m");
        assert_eq!(d.get("autostart").unwrap(), "off");
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
