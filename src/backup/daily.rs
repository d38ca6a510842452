//! The daily backup: before the first write of each local day, a copy of the
//! database into its backups folder, then the old ones pruned.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;

use super::files::{self, Publish};
use super::retention;
use crate::calendar::local_date;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::settings::Settings;
use crate::store;

/// Set on a store by `Tracker::open`; the store calls it before each write.
pub struct Daily {
    clock: Arc<dyn Clock>,
    system_zone: Tz,
    /// The local day already handled by this process, in the zone it was read in.
    done: Option<(NaiveDate, Tz)>,
    /// A failure the front end has not shown yet (it never blocks the write).
    warning: Option<Error>,
}

impl std::fmt::Debug for Daily {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Daily")
            .field("done", &self.done)
            .field("warning", &self.warning)
            .finish_non_exhaustive()
    }
}

impl Daily {
    pub fn new(clock: Arc<dyn Clock>, system_zone: Tz) -> Self {
        Self {
            clock,
            system_zone,
            done: None,
            warning: None,
        }
    }

    /// Called before a write transaction begins. Cheap once the day is done;
    /// a failure (a full disk) is kept as a warning and the write goes on.
    pub fn before_write(&mut self, conn: &Connection, db: &Path) {
        let now = self.clock.now();
        if let Some((day, tz)) = self.done
            && local_date(now, tz) == day
        {
            return;
        }
        if let Err(error) = self.run(conn, db, now) {
            self.warning = Some(error);
        }
    }

    /// The last failure, once.
    pub fn take_warning(&mut self) -> Option<Error> {
        self.warning.take()
    }

    fn run(&mut self, conn: &Connection, db: &Path, now: DateTime<Utc>) -> Result<()> {
        let settings = Settings::from_pairs(&store::stored_settings(conn)?, self.system_zone)?;
        let tz = settings.timezone;
        let today = local_date(now, tz);
        // Once a day per process, even if it fails: a full disk must not slow every write.
        self.done = Some((today, tz));
        if !settings.backups {
            return Ok(());
        }
        let folder = files::ensure_folder(db)?;
        let dest = folder.join(files::daily_name(today));
        if !dest.exists() {
            // Another process may publish the same day's copy: either is whole.
            files::publish(&dest, Publish::Replace, |tmp| {
                store::copy_connection_into(conn, tmp)
            })?;
            // The log stays when a process closes (see `Store::configure`):
            // once a day, the file itself is brought up to date.
            store::fold_log_in(conn)?;
        }
        prune(&folder, today)
    }
}

/// Removes the daily backups the retention rule no longer keeps, and the
/// temporary files of daily backups interrupted before today.
pub(crate) fn prune(folder: &Path, today: NaiveDate) -> Result<()> {
    let mut daily = Vec::new();
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(date) = files::daily_date(&name) else {
            continue;
        };
        if files::is_temporary(&name) {
            if date < today {
                remove(&entry.path())?;
            }
        } else {
            daily.push((date, entry.path()));
        }
    }
    let dates: Vec<NaiveDate> = daily.iter().map(|(d, _)| *d).collect();
    let kept = retention::keep(&dates, today);
    for (date, path) in daily {
        if !kept.contains(&date) {
            remove(&path)?;
        }
    }
    Ok(())
}

/// Removes a file another process may have removed first.
fn remove(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e.into()),
        _ => Ok(()),
    }
}
