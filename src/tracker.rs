//! The one API both front ends call: each method is one user action, run in one
//! transaction, with every rule of the data checked before anything is written.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use crate::clock::Clock;
use crate::error::Result;
use crate::i18n::Locale;
use crate::settings::{Settings, system_zone};
use crate::store::{self, Store};
use crate::when::{parse_instant, parse_past_instant};

mod boundaries;
mod clients;
mod decisions;
mod desk;
mod import;
mod reader;
mod sessions;
mod timer;
mod watching;

pub(crate) use boundaries::sessions_with_rest_days;
pub use boundaries::{ActiveCrossing, CheckOutcome, Notice, OverridesOutcome};
pub use clients::{ClientChanges, NewClient, find_client};
pub use desk::{
    ClientWeek, LONG_RUNNING_SECONDS, Meters, RunningFlags, Standing, WeekLog, WindowState,
};
pub use reader::{ReadTx, Reader, Reads};
pub use sessions::{NewSession, SessionChanges, find_session};
pub use timer::{StartOutcome, StartRequest, Status};
pub use watching::{AwayChoice, AwayOutcome, AwayRequest, Recovered};

/// Gardefou's core: a store and a clock.
pub struct Tracker {
    store: Store,
    clock: Arc<dyn Clock>,
    system: System,
}

/// What the system decides when the user has not: the zone and the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct System {
    pub zone: Tz,
    pub locale: Locale,
}

impl std::fmt::Debug for Tracker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tracker")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

impl Tracker {
    /// Opens the database at `path`; the default zone is the system's.
    /// Daily backups are on (the `backups` setting can turn them off).
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        let zone = system_zone();
        let mut store = Store::open(path)?;
        store.enable_daily_backups(crate::backup::Daily::new(clock.clone(), zone));
        let mut tracker = Self::with_store(store, clock, zone);
        tracker.system.locale = Locale::from_env();
        // An engagement whose notice period is over ends at the next open.
        tracker.end_due_engagements()?;
        Ok(tracker)
    }

    /// A tracker over an existing store and an explicit default zone (tests);
    /// the default language is English.
    pub fn with_store(store: Store, clock: Arc<dyn Clock>, system_zone: Tz) -> Self {
        Self {
            store,
            clock,
            system: System {
                zone: system_zone,
                locale: Locale::En,
            },
        }
    }

    /// Sets the language used when the `locale` setting is unset.
    pub fn set_system_locale(&mut self, locale: Locale) {
        self.system.locale = locale;
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// Writes a consistent copy of the database to `dest`, a new file, while
    /// others may be writing (see `crate::backup`). Returns what it holds.
    pub fn backup_to(&mut self, dest: &Path) -> Result<crate::store::Contents> {
        crate::backup::snapshot(&mut self.store, dest)
    }

    /// Today's automatic backup, if it failed since the last call: the
    /// change went on, the user should still be told.
    pub fn take_backup_warning(&mut self) -> Option<crate::Error> {
        self.store.take_backup_warning()
    }

    /// A number that changes when another connection (the CLI, a second app)
    /// commits: a cheap "did anything change?" for front ends that poll.
    /// The database file, when there is one (a watcher follows its changes).
    pub fn db_path(&self) -> Option<&Path> {
        self.store.path()
    }

    pub fn data_version(&self) -> Result<i64> {
        self.store.data_version()
    }

    // ---- settings -------------------------------------------------------

    pub fn settings(&mut self) -> Result<Settings> {
        let system = self.system;
        self.store.read(|conn| load_settings(conn, system))
    }

    /// Validates and stores one setting; returns its canonical value.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<String> {
        let (system, now) = (self.system, self.now());
        self.store.write(|conn| {
            let mut settings = load_settings(conn, system)?;
            let canonical = settings.set(key, value)?;
            store::put_setting(conn, key, &canonical, now)?;
            Ok(canonical)
        })
    }

    /// Recomputes the figures kept per client × week from the sessions (they
    /// are kept by the schema; this is for a database edited by hand).
    /// Returns how many rows there are.
    pub fn rebuild_session_buckets(&mut self) -> Result<i64> {
        self.store.write(store::rebuild_session_buckets)
    }

    /// How many rows of the kept figures differ from a recount of the
    /// sessions (a full scan): 0 when they are right.
    pub fn session_buckets_mismatches(&mut self) -> Result<i64> {
        self.store.read(store::session_buckets_mismatches)
    }

    /// Parses a TIME argument in the configured zone (any instant).
    pub fn parse_time(&mut self, input: &str) -> Result<DateTime<Utc>> {
        let tz = self.settings()?.timezone;
        parse_instant(input, tz, self.now())
    }

    /// Parses a TIME argument and checks it is between 1971 and now.
    pub fn parse_past_time(&mut self, input: &str) -> Result<DateTime<Utc>> {
        let tz = self.settings()?.timezone;
        parse_past_instant(input, tz, self.now())
    }
}

/// Reads the settings inside a transaction.
pub fn load_settings(conn: &Connection, system: System) -> Result<Settings> {
    let pairs = store::stored_settings(conn)?;
    let mut settings = Settings::from_pairs(&pairs, system.zone)?;
    if !pairs.iter().any(|(key, _)| key == "locale") {
        settings.locale = system.locale;
    }
    Ok(settings)
}
