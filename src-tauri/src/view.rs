//! What the window and the tray show: the core's day read model
//! ([`gardefou::day::Day`]) with the window's extras (the boundaries in view,
//! the running timer's flags, the language), the week, clients and settings
//! views. These types are the bridge's vocabulary: their TypeScript twins are
//! generated into `ui/src/bindings.ts` (see the `bindings` test); the tray's
//! words are in `tray_labels`.

use std::ops::Deref;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use gardefou::Tracker;
use gardefou::day::Day;
use gardefou::duration::format_compact;
use gardefou::i18n::{Locale, format};
use gardefou::model::Session;
use gardefou::rules::{CapLevel, CapUsage};
use gardefou::tracker::{ClientWeek, Meters, RunningFlags, Standing, WeekLog, WindowState};
use serde::{Deserialize, Serialize};

/// One session of a week (the sessions view).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SessionView {
    pub id: String,
    /// The per-list number the CLI shows (`gardefou edit 12`).
    pub number: i64,
    pub client_id: String,
    pub client: String,
    pub color: String,
    /// RFC 3339 in the configured zone.
    pub start: String,
    pub end: Option<String>,
    /// `YYYY-MM-DD` and `HH:MM` in the configured zone.
    pub start_date: String,
    pub start_local: String,
    pub end_date: Option<String>,
    pub end_local: Option<String>,
    /// Up to `now` for the running session.
    pub duration_seconds: i64,
    pub note: String,
    pub tags: Vec<String>,
    pub billable: bool,
}

/// Where tracked time stands against a cap (a meter in the window).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct CapView {
    pub tracked_seconds: i64,
    pub cap_seconds: i64,
    pub percent: i64,
    /// `below`, `warning` (amber) or `reached` (red).
    pub level: String,
}

/// The boundaries in view beside the timer.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct MetersView {
    pub week_tracked_seconds: i64,
    pub weekly_cap: Option<CapView>,
    pub client_cap: Option<CapView>,
    pub client_name: Option<String>,
    pub off_hours_now: bool,
    /// `HH:MM` in the configured zone, while a timer runs.
    pub weekly_cap_reached_at: Option<String>,
    pub client_cap_reached_at: Option<String>,
    pub weekend_streak: Option<u32>,
    pub weekend_streak_limit: u32,
    /// Idle, running, or running over a boundary (decided by the core).
    pub standing: Standing,
}

/// What a running timer is flagged for.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct RunningFlagsView {
    /// `YYYY-MM-DD` when it did not start today.
    pub started_on: Option<String>,
    pub across_midnight: bool,
    pub over_12h: bool,
}

/// A client as the clients view lists it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct ClientRow {
    pub id: String,
    pub name: String,
    /// Decimal, `.` separator (`45.50`), as the rate field takes it.
    pub rate: String,
    pub rate_minor: i64,
    pub currency: String,
    /// Compact duration (`10h`), empty when none.
    pub cap: String,
    /// The rate as the user's language writes it (`45.50 EUR` / `45,50 €`), for lists.
    pub rate_text: String,
    /// The weekly cap as the user's language writes it (`10 h`), empty when none.
    pub cap_text: String,
    pub color: String,
    /// `15m:up`, empty when none.
    pub rounding: String,
    pub archived: bool,
    pub week_seconds: i64,
}

/// One week of sessions, with its neighbours for navigation.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct WeekView {
    /// `YYYY-MM-DD` dates.
    pub first_day: String,
    pub previous: String,
    pub next: Option<String>,
    pub today: String,
    pub sessions: Vec<SessionView>,
}

/// One block of working hours, `HH:MM` to `HH:MM`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct BlockView {
    pub from: String,
    pub to: String,
}

/// One setting as `gardefou settings show` prints it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SettingEntry {
    pub key: String,
    pub value: String,
}

/// The settings editor's model: every key's canonical text, plus the
/// structured forms the editors need.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct SettingsView {
    pub entries: Vec<SettingEntry>,
    /// Monday first: the working blocks of each weekday (empty: a day off).
    pub working_hours: Vec<Vec<BlockView>>,
    /// Monday first.
    pub rest_days: Vec<bool>,
    /// Every IANA zone name.
    pub timezones: Vec<String>,
}

/// A view the app can be launched on (`gardefou-desktop sessions`).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum LaunchView {
    Timer,
    Sessions,
    Clients,
    Settings,
}

impl LaunchView {
    /// The argument that names it (and the name the window receives).
    pub fn name(self) -> &'static str {
        match self {
            Self::Timer => "timer",
            Self::Sessions => "sessions",
            Self::Clients => "clients",
            Self::Settings => "settings",
        }
    }

    pub fn parse(arg: &str) -> Option<Self> {
        Some(match arg {
            "timer" => Self::Timer,
            "sessions" => Self::Sessions,
            "clients" => Self::Clients,
            "settings" => Self::Settings,
            _ => return None,
        })
    }
}

/// Everything the window shows, as of `now`: the core's day (in one read
/// transaction) and what the window adds beside the timer.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Snapshot {
    #[serde(flatten)]
    #[cfg_attr(test, ts(flatten))]
    pub day: Day,
    /// The window's language (`en`, `fr`), from the `locale` setting.
    pub locale: String,
    /// No client exists yet (archived ones included): the welcome shows.
    pub first_run: bool,
    pub running_flags: Option<RunningFlagsView>,
    pub meters: MetersView,
}

impl Deref for Snapshot {
    type Target = Day;
    fn deref(&self) -> &Day {
        &self.day
    }
}

/// Payload of the `start-refused` event: a start from the tray that the core refused.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[cfg_attr(test, derive(ts_rs::TS))]
pub struct Refusal {
    pub client_id: String,
    pub error: crate::error::CommandError,
}

impl Snapshot {
    pub fn read(tracker: &mut Tracker) -> gardefou::Result<Self> {
        // One read transaction: the day and the meters see the same data.
        let WindowState {
            day,
            meters,
            settings,
            now,
        } = WindowState::read(tracker)?;
        let tz = settings.timezone;
        Ok(Self {
            locale: settings.locale.as_str().to_string(),
            first_run: day.clients.is_empty() && day.archived_clients.is_empty(),
            running_flags: day.running.as_ref().map(|s| {
                let flags = RunningFlags::of(s.start_at, now, tz);
                RunningFlagsView {
                    started_on: flags.started_on.map(|d| d.to_string()),
                    across_midnight: flags.across_midnight,
                    over_12h: flags.over_12h,
                }
            }),
            meters: meters_view(&meters, tz),
            day,
        })
    }

    /// The running timer's start, for the shell's own use.
    pub fn running_start(&self) -> Option<DateTime<Utc>> {
        self.running.as_ref().map(|s| s.start_at)
    }
}

fn cap_view(usage: &CapUsage) -> CapView {
    CapView {
        tracked_seconds: usage.tracked_seconds,
        cap_seconds: usage.cap_seconds,
        percent: usage.percent,
        level: match usage.level {
            CapLevel::Below => "below",
            CapLevel::Warning => "warning",
            CapLevel::Reached => "reached",
        }
        .to_string(),
    }
}

fn meters_view(m: &Meters, tz: Tz) -> MetersView {
    let hhmm =
        |at: Option<DateTime<Utc>>| at.map(|at| at.with_timezone(&tz).format("%H:%M").to_string());
    MetersView {
        week_tracked_seconds: m.week_tracked_seconds,
        weekly_cap: m.weekly_cap.as_ref().map(cap_view),
        client_cap: m.client_cap.as_ref().map(cap_view),
        client_name: m.client_name.clone(),
        off_hours_now: m.off_hours_now,
        weekly_cap_reached_at: hhmm(m.weekly_cap_reached_at),
        client_cap_reached_at: hhmm(m.client_cap_reached_at),
        weekend_streak: m.weekend_streak,
        weekend_streak_limit: m.weekend_streak_limit,
        standing: m.standing,
    }
}

pub fn client_row(row: &ClientWeek, locale: Locale) -> ClientRow {
    let c = &row.client;
    ClientRow {
        id: c.id.to_string(),
        name: c.name.clone(),
        rate: c.currency.format_minor(c.rate_minor),
        rate_minor: c.rate_minor,
        currency: c.currency.code().to_string(),
        cap: c.cap_seconds.map(format_compact).unwrap_or_default(),
        rate_text: format::amount(c.rate_minor, c.currency, locale),
        cap_text: c
            .cap_seconds
            .map(|s| format::duration(s, locale))
            .unwrap_or_default(),
        color: c.color.as_str().to_string(),
        rounding: c.rounding.map(|r| r.to_string()).unwrap_or_default(),
        archived: c.archived,
        week_seconds: row.week_seconds,
    }
}

pub fn client_rows(rows: &[ClientWeek], locale: Locale) -> Vec<ClientRow> {
    rows.iter().map(|row| client_row(row, locale)).collect()
}

/// A week's sessions, each with its client's colour (archived ones too).
pub fn week_view(week: &WeekLog) -> WeekView {
    WeekView {
        first_day: week.first_day.to_string(),
        previous: week.previous.to_string(),
        next: week.next.map(|d| d.to_string()),
        today: week.today.to_string(),
        sessions: week
            .sessions
            .iter()
            .map(|s| {
                let color = week
                    .clients
                    .iter()
                    .find(|c| c.id == s.client_id)
                    .map_or("#888888", |c| c.color.as_str());
                session_view(s, color, week.now, week.timezone)
            })
            .collect(),
    }
}

pub fn settings_view(settings: &gardefou::settings::Settings) -> SettingsView {
    let hhmm = |minute: u16| format!("{:02}:{:02}", minute / 60, minute % 60);
    SettingsView {
        entries: settings
            .entries()
            .into_iter()
            .map(|(key, value)| SettingEntry {
                key: key.to_string(),
                value,
            })
            .collect(),
        working_hours: (0..7)
            .map(|day| {
                settings
                    .working_hours
                    .blocks(day)
                    .iter()
                    .map(|b| BlockView {
                        from: hhmm(b.start_minute),
                        to: hhmm(b.end_minute),
                    })
                    .collect()
            })
            .collect(),
        rest_days: (0..7)
            .map(|day| settings.rest_days.contains_index(day))
            .collect(),
        timezones: chrono_tz::TZ_VARIANTS
            .iter()
            .map(|tz| tz.name().to_string())
            .collect(),
    }
}

pub fn session_view(session: &Session, color: &str, now: DateTime<Utc>, tz: Tz) -> SessionView {
    let local = |at: DateTime<Utc>, form: &str| at.with_timezone(&tz).format(form).to_string();
    SessionView {
        id: session.id.to_string(),
        number: session.number,
        client_id: session.client_id.to_string(),
        client: session.client_name.clone(),
        color: color.to_string(),
        start: local_rfc3339(session.start, tz),
        end: session.end.map(|e| local_rfc3339(e, tz)),
        start_date: local(session.start, "%Y-%m-%d"),
        start_local: local(session.start, "%H:%M"),
        end_date: session.end.map(|e| local(e, "%Y-%m-%d")),
        end_local: session.end.map(|e| local(e, "%H:%M")),
        duration_seconds: session.duration_seconds(now),
        note: session.note.clone(),
        tags: session.tags.clone(),
        billable: session.billable,
    }
}

fn local_rfc3339(at: DateTime<Utc>, tz: Tz) -> String {
    at.with_timezone(&tz).to_rfc3339()
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use chrono::{Duration, TimeZone};
    use gardefou::clock::FixedClock;
    use gardefou::store::Store;
    use gardefou::tracker::{NewClient, StartRequest};

    use super::*;

    fn tracker_at(now: DateTime<Utc>) -> (Tracker, Arc<FixedClock>) {
        let clock = Arc::new(FixedClock::new(now));
        let store = Store::open_in_memory().expect("store");
        let tracker = Tracker::with_store(store, clock.clone(), chrono_tz::Europe::Paris);
        (tracker, clock)
    }

    #[test]
    fn snapshot_shows_the_running_timer_and_today() {
        let start = Utc.with_ymd_and_hms(2025, 3, 12, 8, 0, 0).unwrap();
        let (mut tracker, clock) = tracker_at(start);
        for name in ["Acme", "Globex"] {
            tracker
                .add_client(NewClient {
                    name: name.into(),
                    ..NewClient::default()
                })
                .unwrap();
        }
        tracker.start(StartRequest::new("Globex")).unwrap();
        clock.advance(Duration::seconds(83 * 60 + 5));

        let snapshot = Snapshot::read(&mut tracker).unwrap();
        let running = snapshot.running.clone().expect("running");
        assert_eq!(running.client, "Globex");
        assert_eq!(running.start_local, "09:00"); // Paris, UTC+1 in March
        assert_eq!(running.duration_seconds, 83 * 60 + 5);
        assert_eq!(snapshot.clients[0].name, "Globex", "most recent first");
        assert_eq!(snapshot.today.len(), 1);
        assert_eq!(snapshot.today_seconds, 83 * 60 + 5);
        assert_eq!(snapshot.timezone, "Europe/Paris");
    }

    #[test]
    fn every_launch_view_is_a_desktop_action() {
        let desktop = include_str!("../gardefou-desktop.desktop");
        let conf: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).expect("conf");
        assert_eq!(
            conf["bundle"]["linux"]["deb"]["desktopTemplate"],
            "gardefou-desktop.desktop"
        );
        for name in ["timer", "sessions", "clients", "settings"] {
            let view = LaunchView::parse(name).expect(name);
            let json = serde_json::to_value(view).expect("json");
            assert_eq!(json, name, "the window receives the same name");
            assert!(
                desktop.contains(&format!("Exec={{{{exec}}}} {name}\n")),
                "no Desktop Action for {name}"
            );
        }
        assert_eq!(LaunchView::parse("summary"), None, "a window of its own");
        assert!(
            desktop.contains("Exec={{exec}} summary\n"),
            "no Desktop Action for summary"
        );
        assert!(desktop.contains("Actions=timer;sessions;clients;settings;summary;\n"));
    }

    #[test]
    fn idle_snapshot_says_so() {
        let (mut tracker, _) = tracker_at(Utc.with_ymd_and_hms(2025, 3, 12, 8, 0, 0).unwrap());
        let snapshot = Snapshot::read(&mut tracker).unwrap();
        assert_eq!(snapshot.running, None);
        assert!(snapshot.today.is_empty());
    }

    #[test]
    fn today_counts_only_today_of_a_night_session() {
        // Paris: 2025-03-11 22:00 to 2025-03-12 02:00, seen at 10:00 on the 12th.
        let (mut tracker, _) = tracker_at(Utc.with_ymd_and_hms(2025, 3, 12, 9, 0, 0).unwrap());
        tracker
            .add_client(NewClient {
                name: "Acme".into(),
                ..NewClient::default()
            })
            .unwrap();
        tracker
            .add_session(gardefou::tracker::NewSession {
                client: "Acme".into(),
                start: Utc.with_ymd_and_hms(2025, 3, 11, 21, 0, 0).unwrap(),
                end: Utc.with_ymd_and_hms(2025, 3, 12, 1, 0, 0).unwrap(),
                note: String::new(),
                tags: vec![],
                billable: true,
                allow_long: false,
                source: gardefou::model::Source::Manual,
            })
            .unwrap();
        let snapshot = Snapshot::read(&mut tracker).unwrap();
        assert_eq!(snapshot.today.len(), 1, "the night session shows today");
        assert_eq!(snapshot.today[0].duration_seconds, 4 * 3600);
        assert_eq!(
            snapshot.today_seconds,
            2 * 3600,
            "only 00:00-02:00 is today"
        );
    }
}
