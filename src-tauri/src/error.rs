//! The one place where core errors become what the window sees: a kind to
//! switch on, the sentence in the user's language, and the data a view needs
//! to offer a way out (the field to mark, the session to highlight, the
//! instants to choose between). The window never parses a message.

use gardefou::Error;
use gardefou::error::ErrorKind as CoreKind;
use gardefou::i18n::Locale;
use gardefou::rules::AlertKind;
use gardefou::when::rfc3339_in;
use serde::Serialize;

/// What went wrong, as the window switches on it.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
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
    /// The shell's own failures (a window that cannot open, ...).
    App,
}

impl From<CoreKind> for ErrorKind {
    fn from(kind: CoreKind) -> Self {
        match kind {
            CoreKind::UnknownClient => Self::UnknownClient,
            CoreKind::ArchivedClient => Self::ArchivedClient,
            CoreKind::DuplicateClient => Self::DuplicateClient,
            CoreKind::ClientRunning => Self::ClientRunning,
            CoreKind::Overlap => Self::Overlap,
            CoreKind::NothingRunning => Self::NothingRunning,
            CoreKind::AlreadyRunning => Self::AlreadyRunning,
            CoreKind::SessionNotFound => Self::SessionNotFound,
            CoreKind::SessionDeleted => Self::SessionDeleted,
            CoreKind::InvalidValue => Self::InvalidValue,
            CoreKind::StopBeforeStart => Self::StopBeforeStart,
            CoreKind::EndBeforeStart => Self::EndBeforeStart,
            CoreKind::ZeroLength => Self::ZeroLength,
            CoreKind::TooLong => Self::TooLong,
            CoreKind::OutOfRange => Self::OutOfRange,
            CoreKind::LocalTimeGap => Self::LocalTimeGap,
            CoreKind::LocalTimeAmbiguous => Self::LocalTimeAmbiguous,
            CoreKind::Refused => Self::Refused,
            CoreKind::Database => Self::Database,
            CoreKind::Io => Self::Io,
            // The window has no views for these yet (#11's app part); until its
            // bindings add the kinds, the nearest existing ones, with the core's message.
            CoreKind::NothingToRecover => Self::NothingToRecover,
            CoreKind::AlreadyAnswered => Self::AlreadyAnswered,
        }
    }
}

/// A boundary a refused start would cross.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Boundary {
    WeeklyCapWarning,
    WeeklyCapReached,
    ClientCapWarning,
    ClientCapReached,
    OffHours,
    WeekendStreak,
    PlannedExceeded,
}

impl From<AlertKind> for Boundary {
    fn from(kind: AlertKind) -> Self {
        match kind {
            AlertKind::WeeklyCapWarning => Self::WeeklyCapWarning,
            AlertKind::WeeklyCapReached => Self::WeeklyCapReached,
            AlertKind::ClientCapWarning => Self::ClientCapWarning,
            AlertKind::ClientCapReached => Self::ClientCapReached,
            AlertKind::OffHours => Self::OffHours,
            AlertKind::WeekendStreak => Self::WeekendStreak,
            AlertKind::PlannedExceeded => Self::PlannedExceeded,
        }
    }
}

/// An error as the web UI receives it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CommandError {
    pub kind: ErrorKind,
    /// The whole sentence, in the user's language.
    pub message: String,
    /// What a view needs to offer a way out (boxed: errors stay small).
    #[serde(flatten)]
    #[cfg_attr(test, ts(flatten))]
    pub details: Box<ErrorDetails>,
}

/// The data of an error, by kind.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ErrorDetails {
    /// For `refused`: the boundaries the start would cross.
    pub boundaries: Vec<Boundary>,
    /// For `invalid_value`: the field or settings key to mark.
    pub field: Option<String>,
    /// For `overlap`: the session collided with (to highlight it).
    pub session_id: Option<String>,
    /// For `archived_client`, `client_running`: the client concerned.
    pub client_id: Option<String>,
    /// For `local_time_ambiguous` (both instants) and `local_time_gap` (the
    /// likely one): RFC 3339 instants to choose between.
    pub candidates: Vec<String>,
}

impl CommandError {
    pub fn app(message: impl Into<String>) -> Self {
        Self {
            kind: ErrorKind::App,
            message: message.into(),
            details: Box::default(),
        }
    }

    /// `error` with its sentence in `locale`.
    pub fn new(error: &Error, locale: Locale) -> Self {
        let mut out = Self::app(error.message(locale));
        out.kind = error.kind().into();
        let details = &mut out.details;
        match error {
            Error::Refused { boundaries } => {
                details.boundaries = boundaries.iter().map(|b| b.kind.into()).collect();
            }
            Error::Invalid { field, .. } => details.field = Some((*field).to_string()),
            Error::Overlap(other) => details.session_id = Some(other.session_id.to_string()),
            Error::ArchivedClient { client_id, .. } | Error::ClientRunning { client_id, .. } => {
                details.client_id = Some(client_id.to_string());
            }
            Error::LocalTimeAmbiguous {
                zone,
                earlier,
                later,
                ..
            } => {
                details.candidates = [earlier, later]
                    .iter()
                    .map(|t| rfc3339_in(t.with_timezone(&chrono::Utc), *zone))
                    .collect();
            }
            Error::LocalTimeGap {
                zone, suggestion, ..
            } => {
                details.candidates =
                    vec![rfc3339_in(suggestion.with_timezone(&chrono::Utc), *zone)];
            }
            _ => {}
        }
        out
    }
}

/// English: for callers that have no tracker at hand (the user's language
/// comes through [`CommandError::new`] wherever a tracker is).
impl From<Error> for CommandError {
    fn from(error: Error) -> Self {
        Self::new(&error, Locale::En)
    }
}

impl std::fmt::Display for CommandError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({:?})", self.message, self.kind)
    }
}

impl std::error::Error for CommandError {}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};
    use gardefou::error::{RefusedBoundary, SessionRef};
    use gardefou::rules::messages::Facts;

    use super::*;

    #[test]
    fn refusals_keep_their_boundaries_and_speak_the_locale() {
        let error = Error::Refused {
            boundaries: vec![RefusedBoundary {
                kind: AlertKind::WeeklyCapReached,
                facts: Facts {
                    tracked_seconds: 40 * 3600,
                    cap_seconds: 40 * 3600,
                    ..Facts::default()
                },
            }],
        };
        let en = CommandError::new(&error, Locale::En);
        assert_eq!(en.kind, ErrorKind::Refused);
        assert_eq!(en.details.boundaries, [Boundary::WeeklyCapReached]);
        assert!(
            en.message.starts_with("You reached your 40 h cap"),
            "{}",
            en.message
        );
        let fr = CommandError::new(&error, Locale::Fr);
        assert!(
            fr.message.starts_with("Vous avez atteint votre plafond"),
            "{}",
            fr.message
        );
    }

    #[test]
    fn overlaps_name_the_session_and_invalid_values_their_field() {
        let other = SessionRef {
            session_id: uuid::Uuid::nil(),
            number: 3,
            client: "Acme".into(),
            start: Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap(),
            end: None,
            zone: chrono_tz::Europe::Paris,
        };
        let overlap = CommandError::new(&Error::Overlap(other), Locale::En);
        assert_eq!(overlap.kind, ErrorKind::Overlap);
        assert_eq!(
            overlap.details.session_id.as_deref(),
            Some(uuid::Uuid::nil().to_string().as_str())
        );
        let invalid = CommandError::new(
            &Error::invalid(
                "weekly_cap",
                "169h",
                gardefou::error::Problem::CapOutOfRange,
            ),
            Locale::En,
        );
        assert_eq!(invalid.kind, ErrorKind::InvalidValue);
        assert_eq!(invalid.details.field.as_deref(), Some("weekly_cap"));
        let nothing = CommandError::from(Error::NothingRunning);
        assert_eq!(
            (nothing.kind, nothing.message.as_str()),
            (ErrorKind::NothingRunning, "no timer is running")
        );
    }
}
