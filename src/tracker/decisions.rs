//! The weekly review's writes: one decision per client per week (a skip
//! included), raising a rate, ending an engagement now or after a notice
//! period; and the record of which week's summary was shown.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

use crate::calendar::{local_date, week_first_day};
use crate::decisions::{Choice, Decision, NewDecision, review_week, summary_due};
use crate::error::{Error, Problem, Result};
use crate::model::{Client, normalize_client_name, validate_note};
use crate::store;

use super::{Tracker, find_client, load_settings};

impl Tracker {
    /// Records the answer to the week's question about a client. A second
    /// answer for the same client and week is refused; a skip is an answer.
    /// `raise_rate` sets the client's rate (sessions tracked from now on use
    /// it; past sessions keep theirs); `end_engagement` archives the client
    /// now, or keeps it startable until the notice's last day.
    pub fn record_decision(&mut self, new: NewDecision) -> Result<Decision> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let settings = load_settings(conn, system)?;
            let policy = settings.policy();
            let today = local_date(now, policy.timezone);
            let mut client = find_client(conn, &new.client)?;
            let week = match new.week {
                Some(day) => week_first_day(day, policy.week_start),
                None => review_week(&policy, now),
            };
            if let Some(existing) = store::decision_for(conn, client.id, week)? {
                return Err(Error::DecisionExists {
                    client_id: client.id,
                    name: client.name,
                    week,
                    choice: existing.choice,
                });
            }
            let note = validate_note(new.note.as_deref().unwrap_or("").trim())?;
            let not_for = |field: &'static str, value: String| {
                Error::invalid(field, value, Problem::NotForChoice { choice: new.choice })
            };
            if let (Some(rate), false) = (&new.rate, new.choice == Choice::RaiseRate) {
                return Err(not_for("rate", rate.clone()));
            }
            if let (Some(until), false) = (new.notice_until, new.choice == Choice::EndEngagement) {
                return Err(not_for("notice_until", until.to_string()));
            }
            let mut new_rate = None;
            match new.choice {
                Choice::RaiseRate => {
                    let text = new
                        .rate
                        .as_deref()
                        .ok_or_else(|| Error::invalid("rate", "", Problem::RateNeeded))?;
                    let rate = client.currency.parse_amount(text)?;
                    client.rate_minor = rate;
                    save_client(conn, &client, now)?;
                    new_rate = Some(rate);
                }
                Choice::EndEngagement => match new.notice_until {
                    Some(until) if until <= today => {
                        return Err(Error::invalid(
                            "notice_until",
                            until.to_string(),
                            Problem::NoticeNotAfterToday,
                        ));
                    }
                    Some(_) => {}
                    None => archive(conn, &mut client, now)?,
                },
                Choice::Keep | Choice::Renegotiate | Choice::Skip => {}
            }
            let decision = Decision {
                id: crate::ids::new_id(now),
                client_id: client.id,
                client: client.name.clone(),
                week,
                choice: new.choice,
                note,
                notice_until: new.notice_until,
                new_rate_minor: new_rate,
                currency: new_rate.map(|_| client.currency),
                ended_at: None,
                created_at: now,
            };
            store::insert_decision(conn, &decision)?;
            Ok(decision)
        })
    }

    /// Every decision, or one client's, oldest week first.
    pub fn decisions(&mut self, client: Option<&str>) -> Result<Vec<Decision>> {
        self.store.read(|conn| {
            let client_id = client.map(|name| find_client(conn, name)).transpose()?;
            store::list_decisions(conn, client_id.map(|c| c.id))
        })
    }

    /// Archives the clients whose notice period is over (the day after its
    /// last day, local time) and returns those decisions. A client whose
    /// timer still runs is left for the next check.
    pub fn end_due_engagements(&mut self) -> Result<Vec<Decision>> {
        let (system, now) = (self.system, self.now());
        // A read first: opening the database takes no write lock for nothing.
        let due = self.store.read(|conn| {
            let tz = load_settings(conn, system)?.timezone;
            Ok(!store::notices_ended(conn, local_date(now, tz))?.is_empty())
        })?;
        if !due {
            return Ok(Vec::new());
        }
        self.store.write(|conn| {
            let tz = load_settings(conn, system)?.timezone;
            let running = store::running_session(conn)?.map(|s| s.client_id);
            let mut ended = Vec::new();
            for mut decision in store::notices_ended(conn, local_date(now, tz))? {
                if running == Some(decision.client_id) {
                    continue;
                }
                if let Some(mut client) = store::client_by_id(conn, decision.client_id)?
                    && !client.archived
                {
                    archive(conn, &mut client, now)?;
                }
                store::mark_ended(conn, decision.id, now)?;
                decision.ended_at = Some(now);
                ended.push(decision);
            }
            Ok(ended)
        })
    }

    /// The week (first local day) whose summary should open by itself now,
    /// if any (the `summary_auto_open` setting, the last week shown, the clock).
    pub fn summary_due(&mut self) -> Result<Option<NaiveDate>> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            let settings = load_settings(conn, system)?;
            let last = store::last_summary_shown(conn)?;
            Ok(summary_due(
                &settings.policy(),
                settings.summary_auto_open,
                last,
                now,
            ))
        })
    }

    /// The latest week whose summary was shown (its first local day).
    pub fn last_summary_shown(&mut self) -> Result<Option<NaiveDate>> {
        self.store.read(store::last_summary_shown)
    }

    /// Records that the summary of the week containing `date` was shown.
    pub fn record_summary_shown(&mut self, date: NaiveDate) -> Result<NaiveDate> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let week = week_first_day(date, load_settings(conn, system)?.week_start);
            store::put_summary_shown(conn, week, now)?;
            Ok(week)
        })
    }
}

fn save_client(conn: &Connection, client: &Client, now: DateTime<Utc>) -> Result<()> {
    let (_, key) = normalize_client_name(&client.name)?;
    let mut client = client.clone();
    client.updated_at = now;
    store::update_client(conn, &client, &key)
}

/// Archives a client (history stays); refused while its timer runs.
fn archive(conn: &Connection, client: &mut Client, now: DateTime<Utc>) -> Result<()> {
    if let Some(running) = store::running_session(conn)?
        && running.client_id == client.id
    {
        return Err(Error::ClientRunning {
            client_id: client.id,
            name: client.name.clone(),
        });
    }
    client.archived = true;
    save_client(conn, client, now)
}
