//! Evaluation: which boundaries are being crossed right now, when the next
//! crossing is due, and which boundaries refuse a start. Each answer is facts
//! (a kind, a period, the figures); the caller picks the sentence.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use uuid::Uuid;

use super::caps::{CapLevel, cap_usage, crossing_instant, tracked_seconds, warn_threshold_seconds};
use super::drift::{planned_exceeded_at, planned_overrun};
use super::messages::Facts;
use super::weekends::{STREAK_LOOKBACK_WEEKENDS, lookback_start, weekend_streak};
use super::{AlertKind, Policy, week_of, week_period};
use crate::model::{Client, Session};

/// What the rules look at. `sessions` must include every session from
/// [`lookback_from`] on (older ones are ignored).
#[derive(Debug, Clone, Copy)]
pub struct Inputs<'a> {
    pub policy: &'a Policy,
    pub clients: &'a [Client],
    pub sessions: &'a [Session],
    pub now: DateTime<Utc>,
}

impl Inputs<'_> {
    fn running(&self) -> Option<&Session> {
        self.sessions.iter().find(|s| s.is_running() && !s.deleted)
    }
}

/// The earliest instant whose sessions the rules need at `now`.
pub fn lookback_from(policy: &Policy, now: DateTime<Utc>) -> DateTime<Utc> {
    let week_start = week_of(now, policy).0;
    let weekends = lookback_start(
        now,
        policy.rest_days,
        policy.timezone,
        STREAK_LOOKBACK_WEEKENDS,
    );
    week_start.min(weekends)
}

/// A boundary being crossed right now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Crossing {
    pub kind: AlertKind,
    #[serde(skip)]
    pub client_id: Option<Uuid>,
    /// The client's name, for client caps, off-hours and planned sessions.
    pub client: Option<String>,
    /// What the alert belongs to: `week:DATE`, `weekend:DATE` or `session:ID`.
    pub period: String,
    /// The figures its alert and reminder sentences tell.
    pub facts: Facts,
    /// A timer is running beyond this boundary: reminders repeat (`nag_every`).
    #[serde(skip)]
    pub nag: bool,
}

fn crossing(
    kind: AlertKind,
    client: Option<(&Uuid, &str)>,
    period: String,
    facts: Facts,
    nag: bool,
) -> Crossing {
    Crossing {
        kind,
        client_id: client.map(|(id, _)| *id),
        client: client.map(|(_, name)| name.to_string()),
        period,
        facts,
        nag,
    }
}

/// Every boundary being crossed at `inputs.now`, fired before or not.
pub fn evaluate(inputs: &Inputs<'_>) -> Vec<Crossing> {
    let policy = inputs.policy;
    let tz = policy.timezone;
    let now = inputs.now;
    let running = inputs.running();
    let mut out = Vec::new();

    // Caps: the week containing now.
    let (week_start, week_end) = week_of(now, policy);
    let period = week_period(now, policy);
    if let Some(cap) = policy.weekly_cap {
        let tracked = tracked_seconds(inputs.sessions, week_start, week_end, now, None);
        let usage = cap_usage(tracked, cap, policy.warn_at);
        let facts = Facts {
            tracked_seconds: tracked,
            cap_seconds: cap,
            percent: usage.percent,
            ..Facts::default()
        };
        match usage.level {
            CapLevel::Below => {}
            CapLevel::Warning => out.push(crossing(
                AlertKind::WeeklyCapWarning,
                None,
                period.clone(),
                facts,
                false,
            )),
            CapLevel::Reached => out.push(crossing(
                AlertKind::WeeklyCapReached,
                None,
                period.clone(),
                facts,
                running.is_some(),
            )),
        }
    }
    for client in inputs.clients {
        let Some(cap) = client.cap_seconds else {
            continue;
        };
        let tracked = tracked_seconds(inputs.sessions, week_start, week_end, now, Some(client.id));
        let usage = cap_usage(tracked, cap, policy.warn_at);
        let facts = Facts {
            client: client.name.clone(),
            tracked_seconds: tracked,
            cap_seconds: cap,
            percent: usage.percent,
            ..Facts::default()
        };
        let kind = match usage.level {
            CapLevel::Below => continue,
            CapLevel::Warning => AlertKind::ClientCapWarning,
            CapLevel::Reached => AlertKind::ClientCapReached,
        };
        let nag = kind == AlertKind::ClientCapReached
            && running.is_some_and(|r| r.client_id == client.id);
        out.push(crossing(
            kind,
            Some((&client.id, &client.name)),
            period.clone(),
            facts,
            nag,
        ));
    }

    if let Some(session) = running {
        let client = Some((&session.client_id, session.client_name.as_str()));
        let session_period = format!("session:{}", session.id);
        let facts = Facts {
            client: session.client_name.clone(),
            elapsed_seconds: session.duration_seconds(now),
            planned_seconds: session.planned_seconds.unwrap_or(0),
            local_time: now.with_timezone(&tz).format("%H:%M").to_string(),
            ..Facts::default()
        };
        if !policy.working_hours.is_working_time(now, tz) {
            out.push(crossing(
                AlertKind::OffHours,
                client,
                session_period.clone(),
                facts.clone(),
                true,
            ));
        }
        if planned_overrun(session, now).is_some() {
            out.push(crossing(
                AlertKind::PlannedExceeded,
                client,
                session_period,
                facts,
                true,
            ));
        }
    }

    let streak = weekend_streak(
        inputs.sessions,
        now,
        policy.rest_days,
        policy.weekend_min,
        tz,
        STREAK_LOOKBACK_WEEKENDS,
    );
    if let Some(latest) = streak.latest
        && latest.worked
        && streak.count >= policy.weekend_streak_limit as usize
    {
        let facts = Facts {
            tracked_seconds: latest.tracked_seconds,
            weekends: streak.count,
            ..Facts::default()
        };
        out.push(crossing(
            AlertKind::WeekendStreak,
            None,
            latest.weekend.period(),
            facts,
            running.is_some() && now < latest.weekend.end,
        ));
    }
    out
}

/// While a timer runs: the instants the weekly cap and its client's cap are
/// (or were) reached if it keeps running; `None` when not this week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Projection {
    pub weekly_cap_reached_at: Option<DateTime<Utc>>,
    pub client_cap_reached_at: Option<DateTime<Utc>>,
}

pub fn project(inputs: &Inputs<'_>) -> Projection {
    let Some(running) = inputs.running() else {
        return Projection::default();
    };
    let (from, to) = week_of(inputs.now, inputs.policy);
    let client_cap = inputs
        .clients
        .iter()
        .find(|c| c.id == running.client_id)
        .and_then(|c| c.cap_seconds);
    Projection {
        weekly_cap_reached_at: inputs
            .policy
            .weekly_cap
            .and_then(|cap| crossing_instant(inputs.sessions, from, to, cap, None)),
        client_cap_reached_at: client_cap.and_then(|cap| {
            crossing_instant(inputs.sessions, from, to, cap, Some(running.client_id))
        }),
    }
}

/// The next instant after `now` at which a boundary may start being crossed
/// (a cap threshold, a working-hours edge, a planned end, the week's end), so
/// a watcher can wake exactly then.
pub fn next_crossing_at(inputs: &Inputs<'_>) -> Option<DateTime<Utc>> {
    let policy = inputs.policy;
    let now = inputs.now;
    let running = inputs.running()?;
    let (from, to) = week_of(now, policy);
    let mut candidates = vec![to];
    let warn = policy.warn_at;
    let mut thresholds: Vec<(i64, Option<Uuid>)> = Vec::new();
    if let Some(cap) = policy.weekly_cap {
        thresholds.push((warn_threshold_seconds(cap, warn), None));
        thresholds.push((cap, None));
    }
    if let Some(cap) = inputs
        .clients
        .iter()
        .find(|c| c.id == running.client_id)
        .and_then(|c| c.cap_seconds)
    {
        thresholds.push((warn_threshold_seconds(cap, warn), Some(running.client_id)));
        thresholds.push((cap, Some(running.client_id)));
    }
    for (threshold, client) in thresholds {
        candidates.extend(crossing_instant(
            inputs.sessions,
            from,
            to,
            threshold,
            client,
        ));
    }
    candidates.extend(policy.working_hours.next_edge(now, policy.timezone));
    candidates.extend(planned_exceeded_at(running));
    candidates.into_iter().filter(|t| *t > now).min()
}

/// A boundary that refuses a start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    pub kind: AlertKind,
    /// The figures its sentence tells.
    pub facts: Facts,
}

/// The boundaries crossed if a timer for `client` starts at `at`: the weekly
/// cap or the client's cap reached, or `at` outside working hours. `inputs.now`
/// is the real now; the running timer (if any) is counted up to `at`.
pub fn start_refusals(inputs: &Inputs<'_>, client: &Client, at: DateTime<Utc>) -> Vec<Refusal> {
    let policy = inputs.policy;
    let tz = policy.timezone;
    let (from, to) = week_of(at, policy);
    // Time tracked before `at` only.
    let to = to.min(at);
    let mut out = Vec::new();
    if let Some(cap) = policy.weekly_cap {
        let tracked = tracked_seconds(inputs.sessions, from, to, at, None);
        if cap_usage(tracked, cap, policy.warn_at).level == CapLevel::Reached {
            let facts = Facts {
                tracked_seconds: tracked,
                cap_seconds: cap,
                ..Facts::default()
            };
            out.push(Refusal {
                kind: AlertKind::WeeklyCapReached,
                facts,
            });
        }
    }
    if let Some(cap) = client.cap_seconds {
        let tracked = tracked_seconds(inputs.sessions, from, to, at, Some(client.id));
        if cap_usage(tracked, cap, policy.warn_at).level == CapLevel::Reached {
            let facts = Facts {
                client: client.name.clone(),
                tracked_seconds: tracked,
                cap_seconds: cap,
                ..Facts::default()
            };
            out.push(Refusal {
                kind: AlertKind::ClientCapReached,
                facts,
            });
        }
    }
    if !policy.working_hours.is_working_time(at, tz) {
        let local = at.with_timezone(&tz);
        let time = if local.date_naive() == inputs.now.with_timezone(&tz).date_naive() {
            local.format("%H:%M").to_string()
        } else {
            local.format("%Y-%m-%d %H:%M").to_string()
        };
        let facts = Facts {
            local_time: time,
            ..Facts::default()
        };
        out.push(Refusal {
            kind: AlertKind::OffHours,
            facts,
        });
    }
    out
}

/// Whether a reminder for an alert is due: the cause persists with a timer
/// running, reminders are on, and `nag_every` has passed since the alert or
/// the last reminder.
pub fn reminder_due(
    crossing: &Crossing,
    policy: &Policy,
    fired_at: DateTime<Utc>,
    last_nag_at: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> bool {
    let Some(every) = policy.nag_every else {
        return false;
    };
    crossing.nag && now >= last_nag_at.unwrap_or(fired_at).max(fired_at) + Duration::seconds(every)
}
