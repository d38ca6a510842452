//! Read models the desktop window shows beside the timer: the boundaries in
//! view (meters), a week of sessions, the clients with this week's hours, and
//! the flags of a running timer. Each is built in one read transaction; the
//! wording is left to the window's catalogue.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use chrono_tz::Tz;
use serde::Serialize;

use super::{ReadTx, Reads, Tracker, load_settings};
use crate::calendar::{local_date, week_first_day, week_range};
use crate::day::Day;
use crate::error::Result;
use crate::model::{Client, Session};
use crate::rules::{self, CapUsage, Inputs, week_of};
use crate::settings::Settings;
use crate::store;

/// A running timer longer than this is flagged (the next issue asks about it).
pub const LONG_RUNNING_SECONDS: i64 = 12 * 3600;

/// The boundaries in view now: this week against the weekly cap, the running
/// client against its cap, off-hours, the projection and the weekend streak.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Meters {
    pub week_tracked_seconds: i64,
    pub weekly_cap: Option<CapUsage>,
    /// The running client's cap, when it has one.
    pub client_cap: Option<CapUsage>,
    pub client_name: Option<String>,
    /// A timer runs now outside working hours (or on a day without hours).
    pub off_hours_now: bool,
    /// While a timer runs: when the weekly cap / its client's cap is reached at this pace.
    pub weekly_cap_reached_at: Option<DateTime<Utc>>,
    pub client_cap_reached_at: Option<DateTime<Utc>>,
    /// Consecutive worked weekends, when the current streak counts (≥ 1).
    pub weekend_streak: Option<u32>,
    pub weekend_streak_limit: u32,
    /// Idle, running, or running over a boundary (the tray's icon).
    pub standing: Standing,
}

/// Where the user stands now, in one word: the tray shows it as its icon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// No timer runs.
    Idle,
    /// A timer runs inside every boundary.
    Running,
    /// A timer runs past a boundary: a cap reached (the week's or its
    /// client's), outside working hours, or on a weekend that makes the streak.
    OverBoundary,
}

impl Standing {
    /// Decides from the facts the meters hold; `on_rest_day` says whether
    /// today is a rest day (the streak counts the weekend under way).
    pub fn of(running: bool, meters: &Meters, on_rest_day: bool) -> Self {
        let reached = |cap: &Option<CapUsage>| {
            cap.as_ref()
                .is_some_and(|c| c.level == rules::CapLevel::Reached)
        };
        let streak = on_rest_day
            && meters
                .weekend_streak
                .is_some_and(|n| n >= meters.weekend_streak_limit);
        match running {
            false => Self::Idle,
            true if reached(&meters.weekly_cap)
                || reached(&meters.client_cap)
                || meters.off_hours_now
                || streak =>
            {
                Self::OverBoundary
            }
            true => Self::Running,
        }
    }
}

/// What a running timer deserves to be flagged for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RunningFlags {
    /// The local date it started on, when that is not today.
    pub started_on: Option<NaiveDate>,
    /// It began before today's local midnight.
    pub across_midnight: bool,
    /// It has run for more than [`LONG_RUNNING_SECONDS`].
    pub over_12h: bool,
}

impl RunningFlags {
    pub fn of(start: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> Self {
        let (started, today) = (local_date(start, tz), local_date(now, tz));
        Self {
            started_on: (started != today).then_some(started),
            across_midnight: started != today,
            over_12h: now - start > Duration::seconds(LONG_RUNNING_SECONDS),
        }
    }
}

/// One local week of sessions, for the sessions view's navigation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekLog {
    pub first_day: NaiveDate,
    /// The first day of the week before and after (after is `None` for the current week).
    pub previous: NaiveDate,
    pub next: Option<NaiveDate>,
    pub today: NaiveDate,
    /// Sessions overlapping the week, oldest first (deleted ones hidden).
    pub sessions: Vec<Session>,
    /// Every client, archived ones too (the sessions' colours).
    pub clients: Vec<Client>,
    pub timezone: Tz,
    pub now: DateTime<Utc>,
}

/// A client with the time tracked for it this week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientWeek {
    pub client: Client,
    pub week_seconds: i64,
}

impl Meters {
    /// The boundaries in view, inside a read transaction others share.
    pub fn read_in(tx: &ReadTx<'_>) -> Result<Self> {
        let (now, conn) = (tx.now, tx.conn());
        let policy = tx.settings.policy();
        let from = rules::lookback_from(&policy, now);
        let clients = store::list_clients(conn)?;
        let sessions = store::sessions_in_range(conn, from, now + Duration::seconds(1), None)?;
        let week = week_of(now, &policy);
        let caps = rules::week_caps(&sessions, &clients, &policy, week, now);
        let running = sessions.iter().find(|s| s.is_running() && !s.deleted);
        let client_cap = running.and_then(|r| {
            caps.clients
                .iter()
                .find(|c| c.client_id == r.client_id)
                .map(|c| c.usage)
        });
        let projection = rules::project(&Inputs {
            policy: &policy,
            clients: &clients,
            sessions: &sessions,
            now,
        });
        let streak = rules::weekend_streak(
            &sessions,
            now,
            policy.rest_days,
            policy.weekend_min,
            policy.timezone,
            // The same lookback as the rules and the week report.
            rules::STREAK_LOOKBACK_WEEKENDS,
        );
        let mut meters = Self {
            week_tracked_seconds: caps.tracked_seconds,
            weekly_cap: caps.weekly,
            client_cap,
            client_name: running.map(|r| r.client_name.clone()),
            off_hours_now: running.is_some()
                && !policy.working_hours.is_working_time(now, policy.timezone),
            weekly_cap_reached_at: projection.weekly_cap_reached_at,
            client_cap_reached_at: projection.client_cap_reached_at,
            weekend_streak: u32::try_from(streak.count).ok().filter(|n| *n >= 1),
            weekend_streak_limit: policy.weekend_streak_limit,
            standing: Standing::Idle,
        };
        let on_rest_day = policy.rest_days.contains(local_date(now, policy.timezone));
        meters.standing = Standing::of(running.is_some(), &meters, on_rest_day);
        Ok(meters)
    }
}

/// What the desktop window shows, read in one transaction: the day, the
/// boundaries in view, and the settings they were computed with.
#[derive(Debug, Clone)]
pub struct WindowState {
    pub day: Day,
    pub meters: Meters,
    pub settings: Settings,
    pub now: DateTime<Utc>,
}

impl WindowState {
    pub fn read(source: &mut impl Reads) -> Result<Self> {
        source.read(|tx| {
            Ok(Self {
                day: Day::read_in(tx)?,
                meters: Meters::read_in(tx)?,
                settings: tx.settings.clone(),
                now: tx.now,
            })
        })
    }
}

impl Tracker {
    /// The boundaries in view now (see [`Meters`]).
    pub fn meters(&mut self) -> Result<Meters> {
        self.read(Meters::read_in)
    }

    /// The local week containing `date` (default: today), oldest session first.
    pub fn week_log(&mut self, date: Option<NaiveDate>) -> Result<WeekLog> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            let settings = load_settings(conn, system)?;
            let tz = settings.timezone;
            let today = local_date(now, tz);
            let first_day = week_first_day(date.unwrap_or(today), settings.week_start);
            let this_week = week_first_day(today, settings.week_start);
            let (from, to) = week_range(first_day, settings.week_start, tz);
            let mut sessions = store::sessions_in_range(conn, from, to, None)?;
            sessions.retain(|s| !s.deleted);
            Ok(WeekLog {
                first_day,
                previous: first_day - chrono::Days::new(7),
                next: (first_day < this_week).then(|| first_day + chrono::Days::new(7)),
                today,
                sessions,
                clients: store::list_clients(conn)?,
                timezone: tz,
                now,
            })
        })
    }

    /// Every client (archived ones too), by name, with this week's tracked time.
    pub fn clients_this_week(&mut self) -> Result<Vec<ClientWeek>> {
        let (system, now) = (self.system, self.now());
        self.store.read(|conn| {
            let settings = load_settings(conn, system)?;
            let (from, to) = week_of(now, &settings.policy());
            let sessions = store::sessions_in_range(conn, from, to, None)?;
            Ok(store::list_clients(conn)?
                .into_iter()
                .map(|client| ClientWeek {
                    week_seconds: rules::tracked_seconds(&sessions, from, to, now, Some(client.id)),
                    client,
                })
                .collect())
        })
    }
}
