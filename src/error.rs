//! The core's one error type. Each variant carries the data of what went
//! wrong; the sentence comes from the catalogue in the user's language
//! ([`Error::message`]). Front ends map it once: the CLI to an exit code and
//! its own way out (a flag to pass), the desktop app to `{kind, message, ...}`
//! and a button. The core never names a CLI flag.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset, NaiveDateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use uuid::Uuid;

use crate::i18n::{Locale, format};
use crate::money::Currency;
use crate::rules::AlertKind;
use crate::rules::messages::{Facts, Form};
use crate::tr;

/// Everything the core can refuse or fail with.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// No client has this name (`suggestion`: the closest one, if any is close).
    UnknownClient {
        name: String,
        suggestion: Option<String>,
        no_clients_yet: bool,
    },
    /// The client is archived: it cannot be started until it is unarchived.
    ArchivedClient {
        client_id: Uuid,
        name: String,
    },
    /// Another client already has this name (any case).
    DuplicateClient {
        name: String,
    },
    /// The client's timer is running, so it cannot be archived.
    ClientRunning {
        client_id: Uuid,
        name: String,
    },
    /// The session would overlap another one.
    Overlap(SessionRef),
    /// Stop, or a stop-time check, with no timer running.
    NothingRunning,
    /// Another timer started meanwhile (two processes raced).
    AlreadyRunning,
    /// Restoring a running session while another timer runs.
    AnotherTimerRunning,
    /// No session has this number or id.
    SessionNotFound {
        handle: String,
    },
    /// An id prefix that matches several sessions.
    AmbiguousSession {
        handle: String,
    },
    /// The session is deleted (edit), already deleted (rm) or not deleted (restore).
    SessionDeleted {
        number: i64,
    },
    SessionAlreadyDeleted {
        number: i64,
    },
    SessionNotDeleted {
        number: i64,
    },
    /// A value the user typed does not fit its field.
    Invalid {
        /// The field or settings key it was given for (`name`, `rate`, `weekly_cap`, ...).
        field: &'static str,
        /// What was given, as typed.
        value: String,
        problem: Problem,
    },
    /// A stop at or before the running timer's start.
    StopBeforeStart {
        number: i64,
        start: DateTime<Utc>,
        zone: Tz,
    },
    /// A session whose end comes before its start.
    EndBeforeStart {
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        zone: Tz,
    },
    /// A session whose end equals its start.
    ZeroLength,
    /// A session longer than 24 h, not allowed explicitly.
    TooLong {
        seconds: i64,
    },
    /// An instant before 1971 (a clock at zero) or in the future.
    TooEarly {
        instant: DateTime<Utc>,
        zone: Tz,
    },
    InFuture {
        instant: DateTime<Utc>,
        zone: Tz,
    },
    /// A local time that does not exist (the clocks jump forward then).
    LocalTimeGap {
        local: NaiveDateTime,
        zone: Tz,
        /// The same wall-clock time with the offset in force just before the gap.
        suggestion: DateTime<FixedOffset>,
    },
    /// A local time that happens twice (the clocks go back then).
    LocalTimeAmbiguous {
        local: NaiveDateTime,
        zone: Tz,
        earlier: DateTime<FixedOffset>,
        later: DateTime<FixedOffset>,
    },
    /// A date range whose first day comes after its last.
    RangeReversed {
        from: chrono::NaiveDate,
        to: chrono::NaiveDate,
    },
    /// A boundary (cap, off-hours) refuses the start; an override reason lifts it.
    Refused {
        boundaries: Vec<RefusedBoundary>,
    },
    /// The database file cannot be used.
    Database(DatabaseError),
    /// A file cannot be written (an export, a backup, the database itself):
    /// nothing of it was kept.
    Write {
        path: PathBuf,
        cause: WriteCause,
    },
    /// A backup or a restore that was not done; nothing was replaced.
    Backup(crate::backup::BackupError),
    /// The file to write is a folder.
    OutputIsAFolder {
        path: PathBuf,
    },
    /// The week's question about this client was already answered (or skipped).
    DecisionExists {
        client_id: Uuid,
        name: String,
        /// The week's first local day.
        week: chrono::NaiveDate,
        choice: crate::decisions::Choice,
    },
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
    /// An import stopped: the file, the line and what is wrong there.
    /// (Boxed: an import error carries a file, a line and values; errors stay small.)
    Import(Box<crate::import::ImportError>),
    /// A recovery answer while the running timer was watched until now.
    NothingToRecover {
        client: String,
    },
    /// An away period that is not inside its session (or not over yet).
    AwayOutsideSession {
        number: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        zone: Tz,
    },
    /// An away period that overlaps one already answered for the session.
    AwayAlreadyAnswered {
        number: i64,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        zone: Tz,
    },
}

/// A session another one collides with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRef {
    pub session_id: Uuid,
    pub number: i64,
    pub client: String,
    pub start: DateTime<Utc>,
    /// `None` while it runs.
    pub end: Option<DateTime<Utc>>,
    pub zone: Tz,
}

/// A boundary a start would cross, with the figures of its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RefusedBoundary {
    pub kind: AlertKind,
    pub facts: Facts,
}

/// Why a value does not fit its field.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    Empty,
    TooManyCharacters {
        max: usize,
        count: usize,
    },
    ControlCharacters,
    NotATime,
    NotADate,
    NotADuration,
    NotARounding,
    NotAColour,
    NotACurrency,
    NotATimeZone,
    NotAnAmount {
        currency: Currency,
    },
    Negative,
    TooManyDecimals {
        currency: Currency,
    },
    NotATag {
        max: usize,
    },
    TooManyTags {
        max: usize,
    },
    /// One of a fixed list (`week_start`, `locale`, `notifications`, ...).
    NotOneOf {
        choices: &'static [&'static str],
    },
    /// A whole number between `min` and `max`.
    NotInRange {
        min: i64,
        max: i64,
    },
    /// A weekly cap: between 1 minute and 168 h.
    CapOutOfRange,
    /// A percentage from 1 to 100.
    NotAPercentage,
    NotATagList,
    UnknownSetting {
        known: Vec<&'static str>,
    },
    /// Working hours that cannot be read, and why.
    NotAWorkingSchedule(ScheduleProblem),
    NotADay {
        part: String,
    },
    NoWorkingDay,
    /// A reason to cross a boundary that is empty.
    ReasonNeeded,
    /// An id that is neither a number nor a long enough hex prefix.
    NotASessionHandle,
    /// Raising a rate without saying the new one.
    RateNeeded,
    /// A detail that belongs to another decision (a notice for `keep`, ...).
    NotForChoice {
        choice: crate::decisions::Choice,
    },
    /// A notice period that ends today or earlier (end the engagement now instead).
    NoticeNotAfterToday,
}

/// What is wrong in a working-hours schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScheduleProblem {
    Empty,
    NoHours { clause: String },
    NotADay { day: String },
    NotABlock { block: String },
    NotATime { time: String },
    Reversed { block: String },
    Overlapping { first: String, second: String },
}

/// Why the database file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseError {
    NoHomeFolder,
    CannotCreateFolder {
        path: PathBuf,
        reason: String,
    },
    MissingFolder {
        path: PathBuf,
    },
    IsAFolder {
        path: PathBuf,
    },
    CannotCreate {
        path: PathBuf,
        reason: String,
    },
    NotSqlite {
        path: PathBuf,
    },
    NotGardefou {
        path: PathBuf,
    },
    NewerSchema {
        found: i64,
        known: i64,
    },
    /// A Gardefou database SQLite reports as damaged (`detail`: what it found).
    Damaged {
        path: PathBuf,
        detail: String,
    },
    /// A Gardefou database cut short before the end of its header.
    CutShort {
        path: PathBuf,
        bytes: usize,
    },
    CannotOpen {
        path: PathBuf,
        reason: String,
    },
    NoWal {
        mode: String,
    },
    /// A database in memory has no second connection (a `Tracker::reader`).
    InMemoryNoReader,
    /// A stored setting that no longer reads (hand-edited database).
    StoredSettingInvalid {
        key: String,
        value: String,
    },
    /// A stored alert kind the code does not know (hand-edited database).
    UnknownAlertKind {
        value: String,
    },
    /// A stored session source the code does not know (hand-edited database).
    UnknownSessionSource {
        value: String,
    },
    /// A stored away cause or answer the code does not know (hand-edited database).
    UnknownAwayValue {
        value: String,
    },
}

/// Why a file could not be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteCause {
    DiskFull,
    ReadOnly,
    Denied,
    /// Anything else, as the system tells it.
    Other {
        reason: String,
    },
}

/// What kind of error, for front ends to switch on (serialised snake_case).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    UnknownClient,
    ArchivedClient,
    DuplicateClient,
    ClientRunning,
    Overlap,
    NothingRunning,
    AlreadyRunning,
    SessionNotFound,
    SessionDeleted,
    InvalidValue,
    StopBeforeStart,
    EndBeforeStart,
    ZeroLength,
    TooLong,
    OutOfRange,
    LocalTimeGap,
    LocalTimeAmbiguous,
    Refused,
    Database,
    Io,
    NothingToRecover,
    AlreadyAnswered,
}

impl Error {
    /// An invalid `value` for `field`.
    pub fn invalid(field: &'static str, value: impl Into<String>, problem: Problem) -> Self {
        Self::Invalid {
            field,
            value: value.into(),
            problem,
        }
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::UnknownClient { .. } => ErrorKind::UnknownClient,
            Self::ArchivedClient { .. } => ErrorKind::ArchivedClient,
            Self::DuplicateClient { .. } => ErrorKind::DuplicateClient,
            Self::ClientRunning { .. } => ErrorKind::ClientRunning,
            Self::Overlap(_) => ErrorKind::Overlap,
            Self::NothingRunning => ErrorKind::NothingRunning,
            Self::AlreadyRunning | Self::AnotherTimerRunning => ErrorKind::AlreadyRunning,
            Self::SessionNotFound { .. } | Self::AmbiguousSession { .. } => {
                ErrorKind::SessionNotFound
            }
            Self::SessionDeleted { .. }
            | Self::SessionAlreadyDeleted { .. }
            | Self::SessionNotDeleted { .. } => ErrorKind::SessionDeleted,
            // A kind of its own (`decision_exists`) waits for the desktop's mapping.
            Self::Invalid { .. } | Self::RangeReversed { .. } | Self::DecisionExists { .. } => {
                ErrorKind::InvalidValue
            }
            Self::StopBeforeStart { .. } => ErrorKind::StopBeforeStart,
            Self::EndBeforeStart { .. } => ErrorKind::EndBeforeStart,
            Self::ZeroLength => ErrorKind::ZeroLength,
            Self::TooLong { .. } => ErrorKind::TooLong,
            Self::TooEarly { .. } | Self::InFuture { .. } => ErrorKind::OutOfRange,
            Self::LocalTimeGap { .. } => ErrorKind::LocalTimeGap,
            Self::LocalTimeAmbiguous { .. } => ErrorKind::LocalTimeAmbiguous,
            Self::Refused { .. } => ErrorKind::Refused,
            Self::Database(_) | Self::Sqlite(_) => ErrorKind::Database,
            Self::Write { .. } | Self::OutputIsAFolder { .. } | Self::Io(_) => ErrorKind::Io,
            Self::NothingToRecover { .. } => ErrorKind::NothingToRecover,
            Self::AwayOutsideSession { .. } => ErrorKind::OutOfRange,
            Self::AwayAlreadyAnswered { .. } => ErrorKind::AlreadyAnswered,
            Self::Backup(e) => e.kind(),
            Self::Import(error) => error.kind(),
        }
    }

    /// The field or settings key an invalid value was given for.
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The same error for another field (a duration typed for `planned`, ...).
    pub fn for_field(self, new_field: &'static str) -> Self {
        match self {
            Self::Invalid { value, problem, .. } => Self::Invalid {
                field: new_field,
                value,
                problem,
            },
            other => other,
        }
    }

    /// The sentence for the user, in `locale`.
    pub fn message(&self, locale: Locale) -> String {
        let l = locale;
        let at = |instant: &DateTime<Utc>, zone: &Tz| {
            instant
                .with_timezone(zone)
                .format("%Y-%m-%d %H:%M")
                .to_string()
        };
        match self {
            Self::UnknownClient {
                name,
                suggestion: Some(suggestion),
                ..
            } => tr!(
                l,
                "error-unknown-client-suggestion",
                name = name,
                suggestion = suggestion
            ),
            Self::UnknownClient {
                name,
                no_clients_yet: true,
                ..
            } => tr!(l, "error-unknown-client-none-yet", name = name),
            Self::UnknownClient { name, .. } => tr!(l, "error-unknown-client", name = name),
            Self::ArchivedClient { name, .. } => tr!(l, "error-archived-client", name = name),
            Self::DuplicateClient { name } => tr!(l, "error-duplicate-client", name = name),
            Self::ClientRunning { name, .. } => tr!(l, "error-client-running", name = name),
            Self::Overlap(other) => {
                let start = other.start.with_timezone(&other.zone);
                let end = match other.end.map(|e| e.with_timezone(&other.zone)) {
                    Some(end) if end.date_naive() == start.date_naive() => {
                        end.format("%H:%M").to_string()
                    }
                    Some(end) => end.format("%Y-%m-%d %H:%M").to_string(),
                    None => tr!(l, "error-overlap-running-end"),
                };
                tr!(
                    l,
                    "error-overlap",
                    number = other.number,
                    client = &other.client,
                    start = start.format("%Y-%m-%d %H:%M").to_string(),
                    end = end
                )
            }
            Self::NothingRunning => tr!(l, "error-nothing-running"),
            Self::AlreadyRunning => tr!(l, "error-already-running"),
            Self::AnotherTimerRunning => tr!(l, "error-another-timer-running"),
            // A number as `find_session` reads one: `0123` is an id prefix.
            Self::SessionNotFound { handle } => match handle.parse::<i64>() {
                Ok(number) if number.to_string() == *handle => {
                    tr!(l, "error-no-session-number", number = number)
                }
                _ => tr!(l, "error-no-session-id", handle = handle),
            },
            Self::AmbiguousSession { handle } => tr!(l, "error-ambiguous-session", handle = handle),
            Self::SessionDeleted { number } => tr!(l, "error-session-deleted", number = *number),
            Self::SessionAlreadyDeleted { number } => {
                tr!(l, "error-session-already-deleted", number = *number)
            }
            Self::SessionNotDeleted { number } => {
                tr!(l, "error-session-not-deleted", number = *number)
            }
            Self::Invalid {
                field,
                value,
                problem,
            } => problem_message(l, field, value, problem),
            Self::StopBeforeStart { start, zone, .. } => tr!(
                l,
                "error-stop-before-start",
                start = start
                    .with_timezone(zone)
                    .format("%Y-%m-%d %H:%M:%S")
                    .to_string()
            ),
            Self::EndBeforeStart { start, end, zone } => tr!(
                l,
                "error-end-before-start",
                start = at(start, zone),
                end = at(end, zone)
            ),
            Self::ZeroLength => tr!(l, "error-zero-length"),
            Self::TooLong { seconds } => {
                tr!(
                    l,
                    "error-too-long",
                    duration = format::duration(*seconds, l)
                )
            }
            Self::TooEarly { instant, zone } => tr!(l, "error-too-early", at = at(instant, zone)),
            Self::InFuture { instant, zone } => tr!(l, "error-in-future", at = at(instant, zone)),
            Self::LocalTimeGap {
                local,
                zone,
                suggestion,
            } => tr!(
                l,
                "error-local-time-gap",
                local = local.format("%Y-%m-%d %H:%M").to_string(),
                zone = zone.name(),
                suggestion = suggestion.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
            ),
            Self::LocalTimeAmbiguous {
                local,
                zone,
                earlier,
                later,
            } => tr!(
                l,
                "error-local-time-ambiguous",
                local = local.format("%Y-%m-%d %H:%M").to_string(),
                zone = zone.name(),
                earlier = earlier.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
                later = later.format("%Y-%m-%dT%H:%M:%S%:z").to_string()
            ),
            Self::RangeReversed { from, to } => tr!(
                l,
                "error-range-reversed",
                from = from.to_string(),
                to = to.to_string()
            ),
            Self::Refused { boundaries } => {
                let mut lines: Vec<String> = boundaries
                    .iter()
                    .map(|b| crate::rules::messages::message(b.kind, Form::Refusal, l, &b.facts))
                    .collect();
                lines.push(tr!(l, "error-refused"));
                lines.join("\n")
            }
            Self::Database(problem) => database_message(l, problem),
            Self::Write { path, cause } => tr!(
                l,
                "error-cannot-write",
                path = path.display().to_string(),
                reason = match cause {
                    WriteCause::DiskFull => tr!(l, "write-disk-full"),
                    WriteCause::ReadOnly => tr!(l, "write-read-only"),
                    WriteCause::Denied => tr!(l, "write-denied"),
                    WriteCause::Other { reason } => reason.clone(),
                }
            ),
            Self::Backup(e) => e.message(l),
            Self::OutputIsAFolder { path } => tr!(
                l,
                "error-output-is-a-folder",
                path = path.display().to_string()
            ),
            Self::DecisionExists {
                name, week, choice, ..
            } => tr!(
                l,
                "error-decision-exists",
                client = name,
                week = format::day_with_year(*week, l),
                choice = choice.as_str()
            ),
            Self::Sqlite(error) => tr!(l, "error-sqlite", reason = error.to_string()),
            Self::Io(error) => tr!(l, "error-io", reason = error.to_string()),
            Self::Import(error) => error.message(l),
            Self::NothingToRecover { client } => {
                tr!(l, "error-nothing-to-recover", client = client)
            }
            Self::AwayOutsideSession {
                number,
                from,
                to,
                zone,
            } => tr!(
                l,
                "error-away-outside-session",
                number = *number,
                from = at(from, zone),
                to = at(to, zone)
            ),
            Self::AwayAlreadyAnswered {
                number,
                from,
                to,
                zone,
            } => tr!(
                l,
                "error-away-already-answered",
                number = *number,
                from = at(from, zone),
                to = at(to, zone)
            ),
        }
    }
}

fn problem_message(l: Locale, field: &str, value: &str, problem: &Problem) -> String {
    match problem {
        Problem::Empty => match field {
            "name" => tr!(l, "invalid-name-empty"),
            _ => tr!(l, "invalid-empty", field = field),
        },
        Problem::TooManyCharacters { max, count } => match field {
            "name" => tr!(l, "invalid-name-too-long", max = *max, count = *count),
            "note" => tr!(l, "invalid-note-too-long", max = *max, count = *count),
            "override_reason" => tr!(l, "invalid-reason-too-long", max = *max, count = *count),
            _ => tr!(
                l,
                "invalid-too-long",
                field = field,
                max = *max,
                count = *count
            ),
        },
        Problem::ControlCharacters => tr!(l, "invalid-name-control"),
        Problem::NotATime => tr!(l, "invalid-time", value = value),
        Problem::NotADate => tr!(l, "invalid-date", value = value),
        Problem::NotADuration => tr!(l, "invalid-duration", value = value),
        Problem::NotARounding => tr!(l, "invalid-rounding", value = value),
        Problem::NotAColour => tr!(l, "invalid-colour", value = value),
        Problem::NotACurrency => tr!(l, "invalid-currency", value = value),
        Problem::NotATimeZone => tr!(l, "invalid-time-zone", value = value),
        Problem::NotAnAmount { currency } => tr!(
            l,
            "invalid-amount",
            value = value,
            currency = currency.code(),
            example = currency.format_minor(4550)
        ),
        Problem::Negative => tr!(l, "invalid-rate-negative", value = value),
        Problem::TooManyDecimals { currency } => tr!(
            l,
            "invalid-too-many-decimals",
            value = value,
            currency = currency.code(),
            digits = i64::from(currency.minor_digits())
        ),
        Problem::NotATag { max } => tr!(l, "invalid-tag", value = value, max = *max),
        Problem::TooManyTags { max } => tr!(l, "invalid-too-many-tags", max = *max),
        Problem::NotOneOf { choices } => tr!(
            l,
            "invalid-not-one-of",
            field = field,
            value = value,
            choices = format::or_list(choices, l)
        ),
        Problem::NotInRange { min, max } => match field {
            "weekend_streak_limit" => tr!(
                l,
                "invalid-streak-limit",
                value = value,
                min = *min,
                max = *max
            ),
            _ => tr!(
                l,
                "invalid-not-in-range",
                field = field,
                value = value,
                min = *min,
                max = *max
            ),
        },
        Problem::CapOutOfRange => tr!(l, "invalid-cap", value = value),
        Problem::NotAPercentage => tr!(l, "invalid-percentage", field = field, value = value),
        Problem::NotATagList => tr!(l, "invalid-tag-list", field = field, value = value),
        Problem::UnknownSetting { known } => {
            tr!(
                l,
                "invalid-unknown-setting",
                value = value,
                known = known.join(", ")
            )
        }
        Problem::NotAWorkingSchedule(why) => {
            let why = match why {
                ScheduleProblem::Empty => tr!(l, "schedule-empty"),
                ScheduleProblem::NoHours { clause } => tr!(l, "schedule-no-hours", clause = clause),
                ScheduleProblem::NotADay { day } => tr!(l, "schedule-not-a-day", day = day),
                ScheduleProblem::NotABlock { block } => {
                    tr!(l, "schedule-not-a-block", block = block)
                }
                ScheduleProblem::NotATime { time } => tr!(l, "schedule-not-a-time", time = time),
                ScheduleProblem::Reversed { block } => tr!(l, "schedule-reversed", block = block),
                ScheduleProblem::Overlapping { first, second } => {
                    tr!(l, "schedule-overlapping", first = first, second = second)
                }
            };
            tr!(l, "invalid-working-hours", value = value, why = why)
        }
        Problem::NotADay { part } => tr!(l, "invalid-rest-day", value = part),
        Problem::NoWorkingDay => tr!(l, "invalid-no-working-day"),
        Problem::ReasonNeeded => tr!(l, "invalid-reason-needed"),
        Problem::NotASessionHandle => tr!(l, "invalid-session-handle", value = value),
        Problem::RateNeeded => tr!(l, "invalid-rate-needed"),
        Problem::NotForChoice { choice } => tr!(
            l,
            "invalid-not-for-choice",
            field = field,
            choice = choice.as_str()
        ),
        Problem::NoticeNotAfterToday => tr!(l, "invalid-notice-not-after-today", value = value),
    }
}

fn database_message(l: Locale, problem: &DatabaseError) -> String {
    let shown = |path: &PathBuf| path.display().to_string();
    match problem {
        DatabaseError::NoHomeFolder => tr!(l, "database-no-home"),
        DatabaseError::CannotCreateFolder { path, reason } => tr!(
            l,
            "database-cannot-create-folder",
            path = shown(path),
            reason = reason
        ),
        DatabaseError::MissingFolder { path } => {
            tr!(l, "database-missing-folder", path = shown(path))
        }
        DatabaseError::IsAFolder { path } => tr!(l, "database-is-a-folder", path = shown(path)),
        DatabaseError::CannotCreate { path, reason } => tr!(
            l,
            "database-cannot-create",
            path = shown(path),
            reason = reason
        ),
        DatabaseError::NotSqlite { path } => tr!(l, "database-not-sqlite", path = shown(path)),
        DatabaseError::NotGardefou { path } => {
            tr!(l, "database-not-gardefou", path = shown(path))
        }
        DatabaseError::NewerSchema { found, known } => {
            tr!(l, "database-newer-schema", found = *found, known = *known)
        }
        DatabaseError::Damaged { path, detail } => {
            tr!(l, "database-damaged", path = shown(path), detail = detail)
        }
        DatabaseError::CutShort { path, bytes } => {
            tr!(l, "database-cut-short", path = shown(path), bytes = *bytes)
        }
        DatabaseError::CannotOpen { path, reason } => tr!(
            l,
            "database-cannot-open",
            path = shown(path),
            reason = reason
        ),
        DatabaseError::NoWal { mode } => tr!(l, "database-no-wal", mode = mode),
        DatabaseError::InMemoryNoReader => tr!(l, "database-in-memory-no-reader"),
        DatabaseError::StoredSettingInvalid { key, value } => tr!(
            l,
            "database-stored-setting-invalid",
            key = key,
            value = value
        ),
        DatabaseError::UnknownAlertKind { value } => {
            tr!(l, "database-unknown-alert-kind", value = value)
        }
        DatabaseError::UnknownSessionSource { value } => {
            tr!(l, "database-unknown-session-source", value = value)
        }
        DatabaseError::UnknownAwayValue { value } => {
            tr!(l, "database-unknown-away-value", value = value)
        }
    }
}

/// English, for logs and `to_string()`; people see [`Error::message`] in their language.
impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Locale::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Sqlite(e) => Some(e),
            Self::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        Self::Sqlite(error)
    }
}

impl From<std::io::Error> for Error {
    fn from(error: std::io::Error) -> Self {
        Self::Io(error)
    }
}

impl From<crate::import::ImportError> for Error {
    fn from(error: crate::import::ImportError) -> Self {
        Self::Import(Box::new(error))
    }
}

impl From<DatabaseError> for Error {
    fn from(error: DatabaseError) -> Self {
        Self::Database(error)
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<crate::backup::BackupError> for Error {
    fn from(error: crate::backup::BackupError) -> Self {
        Self::Backup(error)
    }
}
