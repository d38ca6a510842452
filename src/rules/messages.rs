//! The sentences of alerts, reminders and refusals, from the catalogue
//! (`locales/*/alerts.ftl`): the rules give the facts, this file picks the
//! message and formats the figures for the locale.

use crate::i18n::{Locale, format};
use crate::tr;

use super::AlertKind;

/// The facts a message may mention. Stored with an alert (JSON), so that it is
/// told again in whatever language its reader uses; a field missing from a
/// stored value reads as its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Facts {
    pub client: String,
    pub tracked_seconds: i64,
    pub cap_seconds: i64,
    pub percent: i64,
    pub elapsed_seconds: i64,
    pub planned_seconds: i64,
    pub weekends: usize,
    pub local_time: String,
}

/// Which sentence: the alert itself, a reminder while the cause persists, or
/// the reason a start is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Alert,
    Reminder,
    Refusal,
}

/// The notification title of a kind.
pub fn summary(kind: AlertKind, locale: Locale) -> String {
    use AlertKind::*;
    let l = locale;
    match kind {
        WeeklyCapWarning => tr!(l, "alert-weekly-cap-warning-title"),
        WeeklyCapReached => tr!(l, "alert-weekly-cap-reached-title"),
        ClientCapWarning => tr!(l, "alert-client-cap-warning-title"),
        ClientCapReached => tr!(l, "alert-client-cap-reached-title"),
        OffHours => tr!(l, "alert-off-hours-title"),
        WeekendStreak => tr!(l, "alert-weekend-streak-title"),
        PlannedExceeded => tr!(l, "alert-planned-exceeded-title"),
    }
}

/// A boundary's short name, for lists.
pub fn boundary_name(kind: AlertKind, locale: Locale) -> String {
    use AlertKind::*;
    let l = locale;
    match kind {
        WeeklyCapWarning => tr!(l, "boundary-weekly-cap-warning"),
        WeeklyCapReached => tr!(l, "boundary-weekly-cap-reached"),
        ClientCapWarning => tr!(l, "boundary-client-cap-warning"),
        ClientCapReached => tr!(l, "boundary-client-cap-reached"),
        OffHours => tr!(l, "boundary-off-hours"),
        WeekendStreak => tr!(l, "boundary-weekend-streak"),
        PlannedExceeded => tr!(l, "boundary-planned-exceeded"),
    }
}

/// The sentence for `kind` in `form`, with the facts filled in.
pub fn message(kind: AlertKind, form: Form, locale: Locale, f: &Facts) -> String {
    use AlertKind::*;
    use Form::*;
    let l = locale;
    let d = |seconds| format::duration(seconds, l);
    let (client, time) = (f.client.as_str(), f.local_time.as_str());
    match (kind, form) {
        (WeeklyCapWarning, _) => tr!(
            l,
            "alert-weekly-cap-warning",
            tracked = d(f.tracked_seconds),
            percent = f.percent,
            cap = d(f.cap_seconds)
        ),
        (WeeklyCapReached, Alert) => tr!(
            l,
            "alert-weekly-cap-reached",
            cap = d(f.cap_seconds),
            tracked = d(f.tracked_seconds)
        ),
        (WeeklyCapReached, Reminder) => tr!(
            l,
            "alert-weekly-cap-reached-reminder",
            cap = d(f.cap_seconds),
            tracked = d(f.tracked_seconds)
        ),
        (WeeklyCapReached, Refusal) => tr!(
            l,
            "alert-weekly-cap-reached-refusal",
            cap = d(f.cap_seconds),
            tracked = d(f.tracked_seconds)
        ),
        (ClientCapWarning, _) => tr!(
            l,
            "alert-client-cap-warning",
            tracked = d(f.tracked_seconds),
            client = client,
            percent = f.percent,
            cap = d(f.cap_seconds)
        ),
        (ClientCapReached, Alert) => tr!(
            l,
            "alert-client-cap-reached",
            client = client,
            cap = d(f.cap_seconds),
            tracked = d(f.tracked_seconds)
        ),
        (ClientCapReached, Reminder) => tr!(
            l,
            "alert-client-cap-reached-reminder",
            client = client,
            cap = d(f.cap_seconds),
            tracked = d(f.tracked_seconds)
        ),
        (ClientCapReached, Refusal) => tr!(
            l,
            "alert-client-cap-reached-refusal",
            client = client,
            cap = d(f.cap_seconds),
            tracked = d(f.tracked_seconds)
        ),
        (OffHours, Alert) => tr!(l, "alert-off-hours", client = client, time = time),
        (OffHours, Reminder) => tr!(
            l,
            "alert-off-hours-reminder",
            client = client,
            time = time,
            elapsed = d(f.elapsed_seconds)
        ),
        (OffHours, Refusal) => tr!(l, "alert-off-hours-refusal", time = time),
        (WeekendStreak, Alert | Refusal) => tr!(
            l,
            "alert-weekend-streak",
            weekends = f.weekends,
            tracked = d(f.tracked_seconds)
        ),
        (WeekendStreak, Reminder) => tr!(
            l,
            "alert-weekend-streak-reminder",
            weekends = f.weekends,
            tracked = d(f.tracked_seconds)
        ),
        (PlannedExceeded, Alert | Refusal) => tr!(
            l,
            "alert-planned-exceeded",
            planned = d(f.planned_seconds),
            client = client,
            elapsed = d(f.elapsed_seconds)
        ),
        (PlannedExceeded, Reminder) => tr!(
            l,
            "alert-planned-exceeded-reminder",
            planned = d(f.planned_seconds),
            client = client,
            elapsed = d(f.elapsed_seconds)
        ),
    }
}
