//! Which clients a week flags for a decision, and why: a cap crossed, too much
//! time out of hours, a high share of meetings or rework (the `health_tags`),
//! an effective rate under the agreed one, boundaries overridden. Read from
//! the week report alone: the same figures the summary shows.

use serde::Serialize;

use crate::money::Currency;
use crate::report::health::{HEALTH_WEEKS, MIN_SECONDS_FOR_FLAGS};
use crate::report::{ClientHealth, WeekReport};
use crate::rules::CapLevel;

/// One reason a client is flagged (figures only; the window words them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Reason {
    /// The client's weekly cap was reached this week.
    CapReached {
        total_seconds: i64,
        cap_seconds: i64,
    },
    /// Off-hours share over the 4 weeks at or above the health threshold.
    OffHours { percent: i64 },
    /// A watched tag's share (meeting, rework, ...) over its threshold.
    Tag { tag: String, percent: i64 },
    /// What the client really pays per hour over the 4 weeks, under its rate.
    UnderRate {
        effective_rate_minor: i64,
        rate_minor: i64,
        currency: Currency,
    },
    /// Boundaries crossed on purpose for this client this week.
    Overrides { count: usize },
}

/// A client the week asks a decision about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FlaggedClient {
    pub client: String,
    pub reasons: Vec<Reason>,
    /// The hours a week ending the engagement frees: the client's average
    /// over the last 4 weeks (seconds).
    pub frees_seconds_per_week: i64,
}

/// The clients `report` flags, by name, each with its reasons.
pub fn flagged_clients(report: &WeekReport) -> Vec<FlaggedClient> {
    let mut names: Vec<&str> = report
        .clients
        .iter()
        .map(|c| c.name.as_str())
        .chain(report.health.iter().map(|h| h.name.as_str()))
        .chain(report.overrides.iter().filter_map(|o| o.client.as_deref()))
        .collect();
    names.sort_by_key(|n| n.to_lowercase());
    names.dedup();
    names
        .into_iter()
        .filter_map(|name| {
            let reasons = reasons_for(report, name);
            (!reasons.is_empty()).then(|| FlaggedClient {
                client: name.to_string(),
                reasons,
                frees_seconds_per_week: health_of(report, name)
                    .map_or(0, |h| h.tracked_seconds / HEALTH_WEEKS),
            })
        })
        .collect()
}

fn health_of<'a>(report: &'a WeekReport, name: &str) -> Option<&'a ClientHealth> {
    report.health.iter().find(|h| h.name == name)
}

fn reasons_for(report: &WeekReport, name: &str) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if let Some(week) = report.clients.iter().find(|c| c.name == name)
        && week.cap_level == Some(CapLevel::Reached)
        && let Some(cap) = week.cap_seconds
    {
        reasons.push(Reason::CapReached {
            total_seconds: week.total_seconds,
            cap_seconds: cap,
        });
    }
    if let Some(health) = health_of(report, name) {
        // The health flags already apply the thresholds and the 2 h floor.
        for flag in &health.flags {
            match (flag.kind, &flag.tag) {
                ("off_hours", _) => reasons.push(Reason::OffHours {
                    percent: flag.percent,
                }),
                ("tag", Some(tag)) => reasons.push(Reason::Tag {
                    tag: tag.clone(),
                    percent: flag.percent,
                }),
                _ => {}
            }
        }
        if health.tracked_seconds >= MIN_SECONDS_FOR_FLAGS
            && let Some(effective) = health.effective_rate_minor
            && effective < health.rate_minor
        {
            reasons.push(Reason::UnderRate {
                effective_rate_minor: effective,
                rate_minor: health.rate_minor,
                currency: health.currency,
            });
        }
    }
    let count = report
        .overrides
        .iter()
        .filter(|o| o.client.as_deref() == Some(name))
        .count();
    if count > 0 {
        reasons.push(Reason::Overrides { count });
    }
    reasons
}
