//! Reads: one read transaction that sees the data, the settings and `now` as
//! of one instant. The tracker reads on its own connection; a [`Reader`] reads
//! on a connection of its own, from any thread, so that a long read (the week
//! report, an export) never holds the lock the tray and the ticker wait on.
//! In WAL mode a reader never blocks a writer, nor a writer a reader.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use rusqlite::Connection;

use crate::clock::Clock;
use crate::error::Result;
use crate::settings::Settings;
use crate::store::Store;

use super::{System, Tracker, load_settings};

/// What one read transaction sees. The connection stays inside the core:
/// only the core's own queries run on it.
#[derive(Debug)]
pub struct ReadTx<'a> {
    conn: &'a Connection,
    /// The settings as stored when the transaction began.
    pub settings: Settings,
    /// The instant the read is made at.
    pub now: DateTime<Utc>,
}

impl<'a> ReadTx<'a> {
    pub(crate) fn conn(&self) -> &'a Connection {
        self.conn
    }
}

/// Something to read from: the [`Tracker`] itself, or a [`Reader`].
pub trait Reads {
    /// Runs `f` inside one read transaction: every query in it sees the same data.
    fn read<T>(&mut self, f: impl FnOnce(&ReadTx<'_>) -> Result<T>) -> Result<T>;
}

/// A read-only handle on the tracker's database, on a connection of its own.
/// It can move to another thread; it cannot write.
pub struct Reader {
    store: Store,
    clock: Arc<dyn Clock>,
    system: System,
}

impl std::fmt::Debug for Reader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Reader")
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

fn read_in<T>(
    store: &mut Store,
    system: System,
    now: DateTime<Utc>,
    f: impl FnOnce(&ReadTx<'_>) -> Result<T>,
) -> Result<T> {
    store.read(|conn| {
        let tx = ReadTx {
            conn,
            settings: load_settings(conn, system)?,
            now,
        };
        f(&tx)
    })
}

impl Reads for Tracker {
    fn read<T>(&mut self, f: impl FnOnce(&ReadTx<'_>) -> Result<T>) -> Result<T> {
        let now = self.now();
        read_in(&mut self.store, self.system, now, f)
    }
}

impl Reads for Reader {
    fn read<T>(&mut self, f: impl FnOnce(&ReadTx<'_>) -> Result<T>) -> Result<T> {
        let now = self.clock.now();
        read_in(&mut self.store, self.system, now, f)
    }
}

impl Tracker {
    /// A read-only handle on a connection of its own (same file, same clock).
    /// A database in memory has no second connection: that is an error.
    pub fn reader(&self) -> Result<Reader> {
        Ok(Reader {
            store: self.store.open_reader()?,
            clock: self.clock.clone(),
            system: self.system,
        })
    }

    /// A second tracker on the same file (a connection of its own, the same
    /// clock and defaults): a long write such as an import runs on it from a
    /// worker thread, so the app's tracker stays free for the tray and the
    /// window meanwhile. A database in memory has no second connection.
    pub fn sibling(&self) -> Result<Tracker> {
        let Some(path) = self.store.path() else {
            return Err(crate::error::DatabaseError::InMemoryNoReader.into());
        };
        Ok(Tracker {
            store: Store::open(path)?,
            clock: self.clock.clone(),
            system: self.system,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    use chrono::TimeZone;
    use chrono_tz::Tz;

    use super::*;
    use crate::clock::FixedClock;
    use crate::model::Source;
    use crate::store;
    use crate::tracker::{NewClient, NewSession};

    fn assert_send<T: Send>() {}

    fn tracker_on_file(dir: &tempfile::TempDir) -> Tracker {
        let now = Utc.with_ymd_and_hms(2026, 11, 25, 12, 0, 0).unwrap();
        let clock = Arc::new(FixedClock::new(now));
        let store = Store::open(&dir.path().join("g.sqlite3")).unwrap();
        let mut tracker = Tracker::with_store(store, clock, chrono_tz::Europe::Paris);
        tracker
            .add_client(NewClient {
                name: "Acme".into(),
                ..NewClient::default()
            })
            .unwrap();
        tracker
    }

    fn hour_at(tracker: &Tracker, hours_ago: i64) -> NewSession {
        let start = tracker.now() - chrono::Duration::hours(hours_ago);
        NewSession {
            client: "Acme".into(),
            start,
            end: start + chrono::Duration::minutes(30),
            note: String::new(),
            tags: Vec::new(),
            billable: true,
            allow_long: false,
            source: Source::Manual,
        }
    }

    #[test]
    fn a_long_read_on_its_own_connection_does_not_hold_up_a_write() {
        assert_send::<Reader>();
        let dir = tempfile::tempdir().unwrap();
        let mut tracker = tracker_on_file(&dir);
        let mut reader = tracker.reader().unwrap();
        let (to_main, reading) = mpsc::channel();
        let (to_reader, written) = mpsc::channel::<()>();
        let long_read = std::thread::spawn(move || {
            let seen = reader.read(|tx| {
                let before = store::count_live_sessions(tx.conn())?;
                to_main.send(()).unwrap();
                // The transaction stays open until the write has committed.
                written.recv_timeout(Duration::from_secs(30)).unwrap();
                let after = store::count_live_sessions(tx.conn())?;
                Ok((before, after))
            });
            (seen, reader)
        });
        reading.recv_timeout(Duration::from_secs(30)).unwrap();
        let started = Instant::now();
        let written_session = tracker.add_session(hour_at(&tracker, 3));
        let took = started.elapsed();
        to_reader.send(()).unwrap();
        let (seen, mut reader) = long_read.join().unwrap();

        assert!(written_session.is_ok(), "{written_session:?}");
        // A blocked writer would wait out the 10 s busy timeout, then fail.
        assert!(took < Duration::from_secs(2), "the write waited {took:?}");
        // The read saw one consistent snapshot: the write is not in it ...
        assert_eq!(seen.unwrap(), (0, 0));
        // ... and the next read sees it.
        let now = reader
            .read(|tx| store::count_live_sessions(tx.conn()))
            .unwrap();
        assert_eq!(now, 1);
    }

    #[test]
    fn a_reader_gives_the_same_reports_as_the_tracker_and_cannot_write() {
        let dir = tempfile::tempdir().unwrap();
        let mut tracker = tracker_on_file(&dir);
        tracker.add_session(hour_at(&tracker, 2)).unwrap();
        let mut reader = tracker.reader().unwrap();
        let json = |report: &crate::report::WeekReport| serde_json::to_value(report).unwrap();
        let from_tracker = crate::report::week_report(&mut tracker, None).unwrap();
        let from_reader = crate::report::week_report(&mut reader, None).unwrap();
        assert_eq!(json(&from_tracker), json(&from_reader));
        assert_eq!(from_reader.total_seconds, 1800);
        let refused = reader
            .store
            .write(|conn| Ok(conn.execute("DELETE FROM sessions", [])?));
        assert!(refused.is_err(), "a reader's connection is read-only");
    }

    #[test]
    fn a_database_in_memory_has_no_reader() {
        let clock = Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        ));
        let tracker = Tracker::with_store(Store::open_in_memory().unwrap(), clock, Tz::UTC);
        assert!(tracker.reader().is_err());
    }

    #[test]
    fn a_sibling_writes_on_its_own_connection_while_the_tracker_reads() {
        let dir = tempfile::tempdir().unwrap();
        let mut tracker = tracker_on_file(&dir);
        let mut sibling = tracker.sibling().unwrap();
        let session = hour_at(&tracker, 2);
        let worker = std::thread::spawn(move || sibling.add_session(session).map(|_| ()));
        worker.join().unwrap().unwrap();
        let seen = tracker
            .read(|tx| store::count_live_sessions(tx.conn()))
            .unwrap();
        assert_eq!(seen, 1, "the tracker sees what its sibling wrote");
        let clock = Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
        ));
        let in_memory = Tracker::with_store(Store::open_in_memory().unwrap(), clock, Tz::UTC);
        assert!(in_memory.sibling().is_err());
    }
}
