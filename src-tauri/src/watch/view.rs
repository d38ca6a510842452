//! The questions as the window shows them: the core's sentence (client,
//! day, instants, in the user's language) and what the buttons need.

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use gardefou::i18n::Locale;
use gardefou::watching::{AwayOffer, Recovery, StillWorking};
use serde::Serialize;

/// Every question standing, pushed as `watch-changed`.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WatchView {
    /// The running timer was not watched for more than 2 minutes (a crash,
    /// a power cut, the app quit with a timer running).
    pub recovery: Option<RecoveryQuestion>,
    /// Time tracked while the user was away (idle input, a suspend), oldest first.
    pub away: Vec<AwayQuestion>,
    /// The notification could not ask "Still working for ‹client›?".
    pub still_working: Option<StillWorkingQuestion>,
    /// No idle backend answered here (said once, until dismissed).
    pub idle_unavailable: bool,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RecoveryQuestion {
    pub session_id: String,
    pub client: String,
    /// The core's question, naming the client and the last-seen day and time.
    pub question: String,
    /// `HH:MM` in the configured zone (the "Stop at 15:02" button).
    pub last_seen_time: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct AwayQuestion {
    pub session_id: String,
    pub client: String,
    /// `idle`, `sleep` or `stale`.
    pub cause: String,
    /// RFC 3339 (UTC, whole seconds): sent back with the answer as they are.
    pub from: String,
    pub to: String,
    /// `HH:MM` in the configured zone.
    pub from_time: String,
    pub question: String,
}

#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct StillWorkingQuestion {
    pub session_id: String,
    pub client: String,
    /// Stays the same while the same question stands.
    pub key: String,
    pub question: String,
}

fn rfc3339(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn hm(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).format("%H:%M").to_string()
}

impl WatchView {
    pub fn new(
        recovery: Option<&Recovery>,
        away: &[AwayOffer],
        still: Option<&StillWorking>,
        idle_unavailable: bool,
        tz: Tz,
        locale: Locale,
    ) -> Self {
        Self {
            recovery: recovery.map(|r| RecoveryQuestion {
                session_id: r.session_id.to_string(),
                client: r.client.clone(),
                question: r.message(tz, locale),
                last_seen_time: hm(r.last_seen, tz),
            }),
            away: away
                .iter()
                .map(|o| AwayQuestion {
                    session_id: o.session_id.to_string(),
                    client: o.client.clone(),
                    cause: o.cause.as_str().to_string(),
                    from: rfc3339(o.from),
                    to: rfc3339(o.to),
                    from_time: hm(o.from, tz),
                    question: o.message(tz, locale),
                })
                .collect(),
            still_working: still.map(|s| StillWorkingQuestion {
                session_id: s.session_id.to_string(),
                client: s.client.clone(),
                key: s.key(),
                question: s.message(locale),
            }),
            idle_unavailable,
        }
    }

    /// Whether `self` holds a question `before` did not (the window comes up).
    pub fn asks_more_than(&self, before: &WatchView) -> bool {
        let ids = |v: &WatchView| -> Vec<String> {
            let mut ids: Vec<String> = v
                .away
                .iter()
                .map(|a| format!("away:{}:{}", a.session_id, a.from))
                .collect();
            ids.extend(
                v.recovery
                    .iter()
                    .map(|r| format!("recovery:{}", r.session_id)),
            );
            ids.extend(v.still_working.iter().map(|s| format!("still:{}", s.key)));
            ids
        };
        let old = ids(before);
        ids(self).iter().any(|id| !old.contains(id))
    }
}
