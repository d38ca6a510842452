//! The boundaries as user actions: `check`, the notifications a watcher owes,
//! the projection shown by `status`, start enforcement and the overrides list.
//! The rules themselves are pure (`crate::rules`): they take the settings'
//! policy and return facts; this file loads their inputs, puts the facts into
//! sentences in the user's locale and records what they find, one
//! transaction per action.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use uuid::Uuid;

use super::{Tracker, load_settings};
use crate::calendar::{day_range, local_date, week_range};
use crate::error::{Error, Problem, RefusedBoundary, Result};
use crate::i18n::Locale;
use crate::model::{Client, Session};
use crate::rules::messages::{self, Facts, Form};
use crate::rules::{self, AlertKind, Crossing, Inputs, Projection, week_of};
use crate::settings::Settings;
use crate::store::{self, Override, StoredAlert};

/// Alerts older than this when a watcher first sees them are marked notified
/// without a notification: a watcher started on Monday does not replay last
/// week's alerts.
const STALE_AFTER_SECONDS: i64 = 12 * 3600;

/// At most this many characters in an override reason.
const MAX_REASON_CHARS: usize = 500;

/// What `check` found.
#[derive(Debug, Clone)]
pub struct CheckOutcome {
    pub now: DateTime<Utc>,
    pub timezone: Tz,
    /// Alerts fired by this check (stored now).
    pub fired: Vec<StoredAlert>,
    /// Every boundary being crossed right now, fired earlier or not.
    pub active: Vec<ActiveCrossing>,
}

/// A boundary being crossed right now: the rules' facts, and the alert's
/// sentence in the user's locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActiveCrossing {
    pub kind: AlertKind,
    pub client_id: Option<Uuid>,
    /// The client's name, for client caps, off-hours and planned sessions.
    pub client: Option<String>,
    /// What the alert belongs to: `week:DATE`, `weekend:DATE` or `session:ID`.
    pub period: String,
    pub facts: Facts,
    pub message: String,
}

/// The sentence telling `facts` for `kind`, in the settings' locale.
fn sentence(kind: AlertKind, form: Form, settings: &Settings, facts: &Facts) -> String {
    messages::message(kind, form, settings.locale, facts)
}

/// A notification a watcher should send, told in the user's locale when it
/// was claimed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub alert_id: Uuid,
    pub kind: AlertKind,
    pub summary: String,
    pub body: String,
    /// A reminder of an alert already notified.
    pub reminder: bool,
    /// What `body` tells, to tell it again in another language; `None` for
    /// an alert stored without facts (its body is the sentence it was stored with).
    pub facts: Option<Facts>,
}

impl Notice {
    /// The same notice told in `locale`: for what is shown again later (the
    /// window's banners) after the language changed.
    pub fn told_in(&self, locale: Locale) -> Notice {
        let form = if self.reminder {
            Form::Reminder
        } else {
            Form::Alert
        };
        Notice {
            summary: messages::summary(self.kind, locale),
            body: match &self.facts {
                Some(facts) => messages::message(self.kind, form, locale, facts),
                None => self.body.clone(),
            },
            ..self.clone()
        }
    }
}

/// The week's overrides.
#[derive(Debug, Clone)]
pub struct OverridesOutcome {
    pub timezone: Tz,
    pub week_first_day: NaiveDate,
    pub overrides: Vec<Override>,
}

/// Clients and the sessions the rules need at `now` (from `from` on).
fn rule_data(
    conn: &Connection,
    from: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Result<(Vec<Client>, Vec<Session>)> {
    let clients = store::list_clients(conn)?;
    let sessions = store::sessions_in_range(conn, from, now + Duration::seconds(1), None)?;
    Ok((clients, sessions))
}

/// Live sessions overlapping `[from, to)` and, from `rest_from` up to `from`,
/// only those overlapping a rest day: all the rules need from before the week
/// is the weekends of the streak (a year of them), not a year of sessions.
/// Oldest first.
pub(crate) fn sessions_with_rest_days(
    conn: &Connection,
    (from, to): (DateTime<Utc>, DateTime<Utc>),
    rest_from: DateTime<Utc>,
    settings: &Settings,
) -> Result<Vec<Session>> {
    let tz = settings.timezone;
    let mut ranges: Vec<(DateTime<Utc>, DateTime<Utc>)> = Vec::new();
    if rest_from < from && !settings.rest_days.is_empty() {
        let last = local_date(from, tz);
        let mut date = local_date(rest_from, tz);
        while date <= last {
            if settings.rest_days.contains(date) {
                let (start, end) = day_range(date, tz);
                let (start, end) = (start.max(rest_from), end.min(from));
                match ranges.last_mut() {
                    Some(range) if range.1 == start => range.1 = end,
                    _ if start < end => ranges.push((start, end)),
                    _ => {}
                }
            }
            let Some(next) = date.succ_opt() else { break };
            date = next;
        }
    }
    ranges.push((from, to));
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (start, end) in ranges {
        store::for_each_session_in_range(conn, start, end, None, |s| {
            if seen.insert(s.number) {
                out.push(s);
            }
            Ok(())
        })?;
    }
    Ok(out)
}

/// Evaluates the rules at `now` and stores the alerts not seen before.
fn evaluate_and_record(
    conn: &Connection,
    settings: &Settings,
    now: DateTime<Utc>,
) -> Result<(Vec<StoredAlert>, Vec<Crossing>)> {
    let policy = settings.policy();
    let clients = store::list_clients(conn)?;
    let week = (week_of(now, &policy).0, now + Duration::seconds(1));
    let sessions =
        sessions_with_rest_days(conn, week, rules::lookback_from(&policy, now), settings)?;
    let active = rules::evaluate(&Inputs {
        policy: &policy,
        clients: &clients,
        sessions: &sessions,
        now,
    });
    let mut fired = Vec::new();
    for crossing in &active {
        let alert = StoredAlert {
            id: crate::ids::new_id(now),
            kind: crossing.kind.as_str().to_string(),
            client_id: crossing.client_id,
            client_name: crossing.client.clone(),
            period: crossing.period.clone(),
            fired_at: now,
            fired_message: sentence(crossing.kind, Form::Alert, settings, &crossing.facts),
            facts: Some(crossing.facts.clone()),
            notified_at: None,
            last_nag_at: None,
        };
        if store::insert_alert_if_new(conn, &alert, now)? {
            fired.push(alert);
        }
    }
    Ok((fired, active))
}

impl Tracker {
    /// Evaluates the boundaries now, records newly fired alerts (once per
    /// crossing, whatever the number of checks or processes) and returns them
    /// with every boundary being crossed.
    pub fn check(&mut self) -> Result<CheckOutcome> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let settings = load_settings(conn, system)?;
            let (fired, active) = evaluate_and_record(conn, &settings, now)?;
            let active = active
                .into_iter()
                .map(|c| ActiveCrossing {
                    message: sentence(c.kind, Form::Alert, &settings, &c.facts),
                    kind: c.kind,
                    client_id: c.client_id,
                    client: c.client,
                    period: c.period,
                    facts: c.facts,
                })
                .collect();
            Ok(CheckOutcome {
                now,
                timezone: settings.timezone,
                fired,
                active,
            })
        })
    }

    /// Checks, then claims what a watcher owes the user: every alert not yet
    /// notified (marked notified in the same transaction, so two watchers never
    /// both send it) and the reminders due (`nag_every`). With notifications
    /// off, alerts are marked and nothing is returned. If a send fails, hand the
    /// notice back with [`Tracker::release_notice`].
    pub fn claim_notices(&mut self) -> Result<Vec<Notice>> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let settings = load_settings(conn, system)?;
            let (_, active) = evaluate_and_record(conn, &settings, now)?;
            let locale = settings.locale;
            let mut notices = Vec::new();
            for alert in store::unnotified_alerts(conn)? {
                store::set_alert_notified(conn, alert.id, Some(now), now)?;
                let fresh = alert.fired_at + Duration::seconds(STALE_AFTER_SECONDS) >= now;
                let Ok(kind) = alert.kind.parse::<AlertKind>() else {
                    continue;
                };
                if settings.notifications && fresh {
                    notices.push(Notice {
                        alert_id: alert.id,
                        kind,
                        summary: messages::summary(kind, locale),
                        body: alert.message(locale),
                        reminder: false,
                        facts: alert.current_facts(),
                    });
                }
            }
            if !settings.notifications {
                return Ok(notices);
            }
            let policy = settings.policy();
            for crossing in active.iter().filter(|c| c.nag) {
                let Some(alert) = store::alert_by_key(
                    conn,
                    crossing.kind.as_str(),
                    crossing.client_id,
                    &crossing.period,
                )?
                else {
                    continue;
                };
                if notices.iter().any(|n| n.alert_id == alert.id) {
                    continue;
                }
                let last = alert.notified_at.max(alert.last_nag_at);
                if rules::reminder_due(crossing, &policy, alert.fired_at, last, now) {
                    store::set_alert_nagged(conn, alert.id, now)?;
                    notices.push(Notice {
                        alert_id: alert.id,
                        kind: crossing.kind,
                        summary: messages::summary(crossing.kind, locale),
                        body: sentence(crossing.kind, Form::Reminder, &settings, &crossing.facts),
                        reminder: true,
                        facts: Some(crossing.facts.clone()),
                    });
                }
            }
            Ok(notices)
        })
    }

    /// Gives back a notice whose send failed, so that a later claim sends it.
    /// (A reminder is not given back: the next one comes `nag_every` later.)
    pub fn release_notice(&mut self, notice: &Notice) -> Result<()> {
        if notice.reminder {
            return Ok(());
        }
        let now = self.now();
        self.store
            .write(|conn| store::set_alert_notified(conn, notice.alert_id, None, now))
    }

    /// While a timer runs, when the weekly cap and its client's cap are (or
    /// were) reached if it keeps running.
    pub fn projection(&mut self) -> Result<Projection> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            let policy = load_settings(conn, system)?.policy();
            let (clients, sessions) = rule_data(conn, week_of(now, &policy).0, now)?;
            Ok(rules::project(&Inputs {
                policy: &policy,
                clients: &clients,
                sessions: &sessions,
                now,
            }))
        })
    }

    /// The next instant a boundary may be crossed, for a watcher's sleep.
    pub fn next_crossing_at(&mut self) -> Result<Option<DateTime<Utc>>> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            let policy = load_settings(conn, system)?.policy();
            let (clients, sessions) = rule_data(conn, week_of(now, &policy).0, now)?;
            Ok(rules::next_crossing_at(&Inputs {
                policy: &policy,
                clients: &clients,
                sessions: &sessions,
                now,
            }))
        })
    }

    /// The overrides of the week containing `date` (default: this week).
    pub fn overrides(&mut self, date: Option<NaiveDate>) -> Result<OverridesOutcome> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            let settings = load_settings(conn, system)?;
            let tz = settings.timezone;
            let date = date.unwrap_or_else(|| local_date(now, tz));
            let (from, to) = week_range(date, settings.week_start, tz);
            Ok(OverridesOutcome {
                timezone: tz,
                week_first_day: crate::calendar::week_first_day(date, settings.week_start),
                overrides: store::overrides_in_range(conn, from, to)?,
            })
        })
    }

    /// Alerts fired in `[from, to)` (for the week's story).
    pub fn alerts_between(
        &mut self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<Vec<StoredAlert>> {
        self.store
            .read(|conn| store::alerts_in_range(conn, from, to))
    }
}

/// Start enforcement, inside `Tracker::start`'s transaction: the boundaries a
/// start for `client` at `at` would cross. Without a reason, a refusal naming
/// each; with one, the override to record once the session exists.
pub(super) fn enforce_start(
    conn: &Connection,
    settings: &Settings,
    client: &Client,
    at: DateTime<Utc>,
    now: DateTime<Utc>,
    reason: Option<&str>,
) -> Result<Option<Override>> {
    let reason = reason.map(validate_reason).transpose()?;
    let policy = settings.policy();
    let (clients, sessions) = rule_data(conn, week_of(at, &policy).0, now)?;
    let refusals = rules::start_refusals(
        &Inputs {
            policy: &policy,
            clients: &clients,
            sessions: &sessions,
            now,
        },
        client,
        at,
    );
    if refusals.is_empty() {
        return Ok(None);
    }
    let boundaries: Vec<String> = refusals.iter().map(|r| r.kind.to_string()).collect();
    let Some(reason) = reason else {
        return Err(Error::Refused {
            boundaries: refusals
                .iter()
                .map(|r| RefusedBoundary {
                    kind: r.kind,
                    facts: r.facts.clone(),
                })
                .collect(),
        });
    };
    Ok(Some(Override {
        id: crate::ids::new_id(at),
        at,
        session_id: None,
        client_id: Some(client.id),
        client_name: Some(client.name.clone()),
        boundaries,
        reason,
    }))
}

/// Records an override for the session just started.
pub(super) fn record_override(
    conn: &Connection,
    mut record: Override,
    session_id: Uuid,
    now: DateTime<Utc>,
) -> Result<()> {
    record.session_id = Some(session_id);
    store::insert_override(conn, &record, now)
}

fn validate_reason(reason: &str) -> Result<String> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::invalid(
            "override_reason",
            reason,
            Problem::ReasonNeeded,
        ));
    }
    let chars = reason.chars().count();
    if chars > MAX_REASON_CHARS {
        return Err(Error::invalid(
            "override_reason",
            String::new(),
            Problem::TooManyCharacters {
                max: MAX_REASON_CHARS,
                count: chars,
            },
        ));
    }
    Ok(reason.to_string())
}
