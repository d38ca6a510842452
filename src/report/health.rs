//! Client health over the last 4 weeks: what a client really pays per hour, and
//! how much of the time they take is unpaid, out of hours, in meetings or rework.
//! Plain-language flags when a share passes a threshold.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::Serialize;
use uuid::Uuid;

use super::clip::{Slice, percent};
use crate::i18n::Locale;
use crate::model::{Client, Session};
use crate::money::Currency;
use crate::tr;

/// How many weeks the health signals cover, the reported one included.
pub const HEALTH_WEEKS: i64 = 4;
/// Below this much time over the 4 weeks, no flag is raised (too little to say).
pub const MIN_SECONDS_FOR_FLAGS: i64 = 2 * 3600;
/// A flag is raised when a share is at or above its threshold (percent).
pub const OFF_HOURS_THRESHOLD: i64 = 20;
pub const NON_BILLABLE_THRESHOLD: i64 = 25;
pub const TAG_THRESHOLD: i64 = 25;

/// One client's signals. Shares are whole percentages of `tracked_seconds`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClientHealth {
    pub name: String,
    pub tracked_seconds: i64,
    pub billable_seconds: i64,
    pub currency: Currency,
    /// Billable amount ÷ all tracked time, in minor units per hour (half-up);
    /// `null` when the client's time was billed in more than one currency.
    pub effective_rate_minor: Option<i64>,
    /// The client's rate today, to compare with.
    pub rate_minor: i64,
    pub non_billable_percent: i64,
    pub off_hours_seconds: i64,
    pub off_hours_percent: i64,
    pub tags: Vec<TagShare>,
    pub flags: Vec<Flag>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TagShare {
    pub tag: String,
    pub seconds: i64,
    pub percent: i64,
}

/// A signal worth a sentence. `message` is a whole sentence (translatable as one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    /// `off_hours`, `non_billable` or `tag`.
    pub kind: &'static str,
    pub client: String,
    /// The tag, for `tag` flags.
    pub tag: Option<String>,
    pub percent: i64,
    pub message: String,
}

/// What the signals are computed from.
#[derive(Debug)]
pub struct HealthInput<'a> {
    pub sessions: &'a [Session],
    pub clients: &'a [Client],
    /// The 4 weeks, `[start, end)`.
    pub window: (DateTime<Utc>, DateTime<Utc>),
    pub now: DateTime<Utc>,
    /// Per client, seconds outside working hours inside the window (from the rules).
    pub off_hours_seconds: &'a HashMap<Uuid, i64>,
    /// The tags to watch (the `health_tags` setting).
    pub tags: &'a [String],
    /// The language of the flags' sentences.
    pub locale: Locale,
}

/// The signals of every client with time in the window, by name.
pub fn client_health(input: &HealthInput<'_>) -> Vec<ClientHealth> {
    let mut out: Vec<ClientHealth> = input
        .clients
        .iter()
        .filter_map(|client| one_client(input, client))
        .collect();
    out.sort_by_key(|h| h.name.to_lowercase());
    out
}

fn one_client(input: &HealthInput<'_>, client: &Client) -> Option<ClientHealth> {
    let mut tracked = 0;
    let mut billable = 0;
    let mut amount = 0;
    let mut currencies: Vec<Currency> = Vec::new();
    let mut tag_seconds = vec![0_i64; input.tags.len()];
    for session in input.sessions.iter().filter(|s| s.client_id == client.id) {
        let slice = Slice::of(session, input.window, input.now);
        if slice.seconds == 0 {
            continue;
        }
        tracked += slice.seconds;
        billable += slice.billable_seconds;
        amount += slice.amount_minor;
        if !currencies.contains(&session.currency) {
            currencies.push(session.currency);
        }
        for (i, tag) in input.tags.iter().enumerate() {
            if session.tags.iter().any(|t| t == tag) {
                tag_seconds[i] += slice.seconds;
            }
        }
    }
    if tracked == 0 {
        return None;
    }
    let (currency, effective_rate_minor) = match currencies.as_slice() {
        [only] => (
            *only,
            Some(
                ((i128::from(amount) * 3600 + i128::from(tracked) / 2) / i128::from(tracked))
                    as i64,
            ),
        ),
        _ => (client.currency, None),
    };
    let off_hours = input
        .off_hours_seconds
        .get(&client.id)
        .copied()
        .unwrap_or(0)
        .min(tracked);
    let tags: Vec<TagShare> = input
        .tags
        .iter()
        .zip(tag_seconds)
        .map(|(tag, seconds)| TagShare {
            tag: tag.clone(),
            seconds,
            percent: percent(seconds, tracked),
        })
        .collect();
    let mut health = ClientHealth {
        name: client.name.clone(),
        tracked_seconds: tracked,
        billable_seconds: billable,
        currency,
        effective_rate_minor,
        rate_minor: client.rate_minor,
        non_billable_percent: percent(tracked - billable, tracked),
        off_hours_seconds: off_hours,
        off_hours_percent: percent(off_hours, tracked),
        tags,
        flags: Vec::new(),
    };
    health.flags = flags(&health, tracked - billable, input.locale);
    Some(health)
}

/// Integer threshold test, as the rules do it: `part * 100 >= whole * threshold`.
fn passes(part: i64, whole: i64, threshold: i64) -> bool {
    whole > 0 && part > 0 && i128::from(part) * 100 >= i128::from(whole) * i128::from(threshold)
}

fn flags(h: &ClientHealth, non_billable_seconds: i64, l: Locale) -> Vec<Flag> {
    let mut flags = Vec::new();
    if h.tracked_seconds < MIN_SECONDS_FOR_FLAGS {
        return flags;
    }
    let (client, whole) = (&h.name, h.tracked_seconds);
    if passes(h.off_hours_seconds, whole, OFF_HOURS_THRESHOLD) {
        let percent = h.off_hours_percent;
        flags.push(Flag {
            kind: "off_hours",
            client: client.clone(),
            tag: None,
            percent,
            message: tr!(
                l,
                "health-off-hours",
                percent = percent_text(percent, l),
                client = client
            ),
        });
    }
    if passes(non_billable_seconds, whole, NON_BILLABLE_THRESHOLD) {
        let percent = h.non_billable_percent;
        flags.push(Flag {
            kind: "non_billable",
            client: client.clone(),
            tag: None,
            percent,
            message: tr!(
                l,
                "health-non-billable",
                percent = percent_text(percent, l),
                client = client
            ),
        });
    }
    for share in &h.tags {
        if passes(share.seconds, whole, TAG_THRESHOLD) {
            let (percent, tag) = (share.percent, &share.tag);
            flags.push(Flag {
                kind: "tag",
                client: client.clone(),
                tag: Some(tag.clone()),
                percent,
                message: tr!(
                    l,
                    "health-tag",
                    percent = percent_text(percent, l),
                    client = client,
                    tag = tag
                ),
            });
        }
    }
    flags
}

fn percent_text(percent: i64, locale: Locale) -> String {
    crate::i18n::format::integer(percent, locale)
}
