//! The day read model: what the app's main window and its tray show — the
//! running timer, today's sessions with their clients' colours, today's and
//! this week's totals, the clients by recent use — as plain data, built in
//! one read transaction. Rows are addressed by id (names can change); the
//! instants are RFC 3339 in the configured zone. The shell maps presentation
//! only; every rule here is tested without a window (`tests/day.rs`).

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use uuid::Uuid;

use crate::calendar::{day_range, local_date, week_first_day};
use crate::error::Result;
use crate::model::{Client, Session};
use crate::rules::{CapUsage, Policy, week_caps, week_of};
use crate::store;
use crate::tracker::{ReadTx, Reads};
use crate::when::rfc3339_in;
use crate::window::{Window, clipped_seconds};

/// Shown for a session whose client cannot be found (never, with the schema's
/// foreign keys; a grey rather than a panic).
const UNKNOWN_COLOR: &str = "#888888";

/// Today, as of `now`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Day {
    /// RFC 3339 in the configured zone.
    pub now: String,
    /// The configured IANA zone.
    pub timezone: String,
    /// Today's local date, `YYYY-MM-DD`.
    pub date: String,
    /// The running timer (also listed in `today` when it has time today).
    pub running: Option<DaySession>,
    /// Active clients, most recently used first (never used: by name).
    pub clients: Vec<DayClient>,
    /// Archived clients, by name: apart, since they cannot be started.
    pub archived_clients: Vec<DayClient>,
    /// Today's sessions (the local day), oldest first; the running one included.
    pub today: Vec<DaySession>,
    /// Tracked today: only the part of each session inside the local day,
    /// which lasts 23, 24 or 25 hours.
    pub today_seconds: i64,
    /// The first local date of this week (the `week_start` setting), `YYYY-MM-DD`.
    pub week_first_day: String,
    /// Tracked this week, the running timer included (the caps' figure).
    pub week_seconds: i64,
    /// This week against the weekly cap, when one is set.
    pub weekly_cap: Option<CapUsage>,
}

/// A client as the picker and the tray list it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DayClient {
    pub id: String,
    pub name: String,
    /// `#rrggbb`
    pub color: String,
    pub archived: bool,
    /// This week against the client's own cap, when it has one.
    pub cap: Option<CapUsage>,
}

/// One session of today, or the running one.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct DaySession {
    pub id: String,
    /// The per-list number the CLI shows (`gardefou edit 12`).
    pub number: i64,
    pub client_id: String,
    pub client: String,
    /// The client's colour, archived or not.
    pub color: String,
    /// RFC 3339 in the configured zone.
    pub start: String,
    pub end: Option<String>,
    /// `HH:MM` in the configured zone.
    pub start_local: String,
    pub end_local: Option<String>,
    /// The whole session, up to `now` while it runs.
    pub duration_seconds: i64,
    /// The part of it inside today.
    pub today_seconds: i64,
    /// A planned length (a call), if one was given at the start.
    pub planned_seconds: Option<i64>,
    pub billable: bool,
    pub note: String,
    pub tags: Vec<String>,
    /// The start and end as instants, for Rust front ends (not serialised).
    #[serde(skip)]
    pub start_at: DateTime<Utc>,
    #[serde(skip)]
    pub end_at: Option<DateTime<Utc>>,
}

/// What the day is computed from (no store, no clock).
#[derive(Debug, Clone, Copy)]
pub struct DayInput<'a> {
    pub now: DateTime<Utc>,
    /// The zone, the week start and the caps (the figures are the rules').
    pub policy: &'a Policy,
    /// Every client, archived ones included.
    pub clients: &'a [Client],
    /// The active clients' ids, most recently used first.
    pub recent: &'a [Uuid],
    /// Every live session overlapping this week (more is harmless).
    pub sessions: &'a [Session],
}

impl Day {
    /// Reads today in one transaction, from the tracker or a reader.
    pub fn read(source: &mut impl Reads) -> Result<Self> {
        source.read(Self::read_in)
    }

    /// Today, inside a read transaction others share (the window's state).
    pub fn read_in(tx: &ReadTx<'_>) -> Result<Self> {
        let (now, conn) = (tx.now, tx.conn());
        let policy = tx.settings.policy();
        let (from, to) = week_of(now, &policy);
        let clients = store::list_clients(conn)?;
        let recent: Vec<Uuid> = store::clients_by_recent_use(conn)?
            .iter()
            .map(|c| c.id)
            .collect();
        let sessions = store::sessions_in_range(conn, from, to, None)?;
        Ok(Self::compute(&DayInput {
            now,
            policy: &policy,
            clients: &clients,
            recent: &recent,
            sessions: &sessions,
        }))
    }

    /// The day as of `input.now`.
    pub fn compute(input: &DayInput<'_>) -> Self {
        let (now, policy) = (input.now, input.policy);
        let tz = policy.timezone;
        let date = local_date(now, tz);
        let day = day_range(date, tz);
        let live: Vec<Session> = input
            .sessions
            .iter()
            .filter(|s| !s.deleted)
            .cloned()
            .collect();
        let by_id: HashMap<Uuid, &Client> = input.clients.iter().map(|c| (c.id, c)).collect();
        let view = |s: &Session| session_view(s, by_id.get(&s.client_id).copied(), day, now, tz);

        let today: Vec<DaySession> = live
            .iter()
            .filter(|s| clipped_seconds(s, day, now) > 0)
            .map(view)
            .collect();
        // The week's figures are the caps' own (the rules'), running timer included.
        let caps = week_caps(&live, input.clients, policy, week_of(now, policy), now);
        let client_caps: HashMap<Uuid, CapUsage> = caps
            .clients
            .iter()
            .map(|c| (c.client_id, c.usage))
            .collect();
        let client_view = |c: &Client| DayClient {
            id: c.id.to_string(),
            name: c.name.clone(),
            color: c.color.as_str().to_string(),
            archived: c.archived,
            cap: client_caps.get(&c.id).copied(),
        };
        let mut archived: Vec<&Client> = input.clients.iter().filter(|c| c.archived).collect();
        archived.sort_by_key(|c| c.name.to_lowercase());
        Self {
            now: rfc3339_in(now, tz),
            timezone: tz.name().to_string(),
            date: date.to_string(),
            running: live.iter().find(|s| s.is_running()).map(view),
            clients: input
                .recent
                .iter()
                .filter_map(|id| by_id.get(id))
                .filter(|c| !c.archived)
                .map(|c| client_view(c))
                .collect(),
            archived_clients: archived.into_iter().map(client_view).collect(),
            today_seconds: today.iter().map(|s| s.today_seconds).sum(),
            today,
            week_first_day: week_first_day(date, policy.week_start).to_string(),
            week_seconds: caps.tracked_seconds,
            weekly_cap: caps.weekly,
        }
    }
}

fn session_view(
    session: &Session,
    client: Option<&Client>,
    day: Window,
    now: DateTime<Utc>,
    tz: Tz,
) -> DaySession {
    let hm = |at: DateTime<Utc>| at.with_timezone(&tz).format("%H:%M").to_string();
    DaySession {
        id: session.id.to_string(),
        number: session.number,
        client_id: session.client_id.to_string(),
        client: session.client_name.clone(),
        color: client
            .map_or(UNKNOWN_COLOR, |c| c.color.as_str())
            .to_string(),
        start: rfc3339_in(session.start, tz),
        end: session.end.map(|e| rfc3339_in(e, tz)),
        start_local: hm(session.start),
        end_local: session.end.map(hm),
        duration_seconds: session.duration_seconds(now),
        today_seconds: clipped_seconds(session, day, now),
        planned_seconds: session.planned_seconds,
        billable: session.billable,
        note: session.note.clone(),
        tags: session.tags.clone(),
        start_at: session.start,
        end_at: session.end,
    }
}
