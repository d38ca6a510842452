//! The one API both front ends call: each method is one user action, run in one
//! transaction, with every rule of the data checked before anything is written.

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use crate::clock::Clock;
use crate::error::Result;
use crate::settings::{Settings, system_zone};
use crate::store::{self, Store};
use crate::when::{parse_instant, parse_past_instant};

mod boundaries;
mod clients;
mod desk;
mod sessions;
mod timer;

pub use boundaries::{CheckOutcome, Notice, OverridesOutcome};
pub use clients::{ClientChanges, NewClient, find_client};
pub use desk::{ClientWeek, LONG_RUNNING_SECONDS, Meters, RunningFlags, WeekLog};
pub use sessions::{NewSession, SessionChanges, find_session};
pub use timer::{StartOutcome, StartRequest, Status};

/// Gardefou's core: a store and a clock.
pub struct Tracker {
    store: Store,
    clock: Arc<dyn Clock>,
    system_zone: Tz,
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
    pub fn open(path: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        Ok(Self::with_store(Store::open(path)?, clock, system_zone()))
    }

    /// A tracker over an existing store and an explicit default zone (tests).
    pub fn with_store(store: Store, clock: Arc<dyn Clock>, system_zone: Tz) -> Self {
        Self {
            store,
            clock,
            system_zone,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    pub fn store_mut(&mut self) -> &mut Store {
        &mut self.store
    }

    // ---- settings -------------------------------------------------------

    pub fn settings(&mut self) -> Result<Settings> {
        let zone = self.system_zone;
        self.store.read(|conn| load_settings(conn, zone))
    }

    /// Validates and stores one setting; returns its canonical value.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<String> {
        let (zone, now) = (self.system_zone, self.now());
        self.store.write(|conn| {
            let mut settings = load_settings(conn, zone)?;
            let canonical = settings.set(key, value)?;
            store::put_setting(conn, key, &canonical, now)?;
            Ok(canonical)
        })
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
pub fn load_settings(conn: &Connection, system_zone: Tz) -> Result<Settings> {
    Settings::from_pairs(&store::stored_settings(conn)?, system_zone)
}
