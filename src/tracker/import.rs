//! Imports: the readers' entries written as sessions, in one transaction
//! (or rehearsed and rolled back for a dry run).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use rusqlite::Connection;
use uuid::Uuid;

use crate::error::{Error, Result};
use crate::import::{
    self, ClientTally, Entry, ImportError, ImportRequest, ImportSummary, OnOverlap, OverlapWith,
    SkipReason, Skipped,
};
use crate::model::{
    Client, Color, Session, Source, normalize_client_name, normalize_tags, validate_note,
};
use crate::money::Currency;
use crate::store;
use crate::when::check_accepted;

use super::{Tracker, load_settings};

/// Sources larger than this get [`IMPORT_CACHE_KIB`] of page cache.
const IMPORT_CACHE_FROM_BYTES: u64 = 8 << 20;
/// SQLite's `cache_size` for large imports (negative: KiB), 64 MiB.
const IMPORT_CACHE_KIB: i64 = -65_536;

/// Pages of changes held in memory before SQLite writes some to the log in
/// the middle of the transaction (512 MiB). It writes the oldest changed pages
/// first, so pages changed again and again (the fingerprints, every index's
/// last pages) were written to the log ~14 times each: 585 000 writes for a
/// 300 000-session import whose database holds 20 000 pages.
const IMPORT_SPILL_PAGES: i64 = 131_072;

/// An import of at least this many sessions that makes at least half of the
/// history is followed by a compaction: indexes filled in order by a bulk load
/// are left ~87 % full (SQLite splits index pages evenly); rebuilt, ~99 %.
const COMPACT_FROM_SESSIONS: i64 = 10_000;

/// How often (in entries) the progress callback is called.
const PROGRESS_EVERY: u64 = 2048;

impl Tracker {
    /// Imports a file or folder of another tracker's data. Everything is
    /// written in one transaction: an error leaves the database as it was.
    /// `progress(done, total)` counts bytes of the source.
    pub fn import(
        &mut self,
        request: &ImportRequest,
        progress: &mut dyn FnMut(u64, u64),
    ) -> Result<ImportSummary> {
        let (system, now) = (self.system, self.now());
        let (files, total) = import::source_files(request.format, &request.path)?;
        let mut body = |conn: &Connection| -> Result<ImportSummary> {
            // A large history's fingerprints land all over their index: a
            // bigger page cache for this connection keeps those pages in memory.
            if total > IMPORT_CACHE_FROM_BYTES {
                conn.pragma_update(None, "cache_size", IMPORT_CACHE_KIB)?;
                conn.pragma_update(None, "cache_spill", IMPORT_SPILL_PAGES)?;
            }
            let settings = load_settings(conn, system)?;
            let tz = request.timezone.unwrap_or(settings.timezone);
            let mut run = Run::new(conn, request, tz, now, settings.currency, files.clone())?;
            let mut seen = 0u64;
            for entry in import::read_entries(request, files.clone(), tz) {
                let entry = entry?;
                seen += 1;
                if seen.is_multiple_of(PROGRESS_EVERY) {
                    progress(entry.progress, total);
                }
                run.add(entry)?;
            }
            progress(total, total);
            Ok(run.summary)
        };
        if request.dry_run {
            return self.store.rehearse(body);
        }
        let (summary, live) = self.store.write(|conn| {
            let summary = body(conn)?;
            Ok((summary, store::count_live_sessions(conn)?))
        })?;
        let imported = i64::try_from(summary.imported).unwrap_or(i64::MAX);
        if imported >= COMPACT_FROM_SESSIONS && imported.saturating_mul(2) >= live {
            // Best effort: the import is committed. A failed compaction (VACUUM
            // needs room for a copy of the file) only leaves the file larger.
            let _ = self.store.compact();
        } else if total > IMPORT_CACHE_FROM_BYTES && self.store.path().is_some() {
            self.store.checkpoint()?;
        }
        Ok(summary)
    }
}

/// A client as the import knows it.
struct Slot {
    client: Client,
    /// Index in the summary's tallies, once a session went to it.
    tally: Option<usize>,
}

struct Run<'a> {
    conn: &'a Connection,
    request: &'a ImportRequest,
    tz: Tz,
    now: DateTime<Utc>,
    currency: Currency,
    clients: HashMap<String, Slot>,
    /// The running timer when the import began (imports never change it).
    running: Option<Session>,
    /// The longest finished session stored: read once, then kept as this
    /// import writes (the schema's trigger keeps the stored one).
    max_seconds: i64,
    ids: Ids,
    /// Number of the first session this import wrote.
    first_number: Option<i64>,
    /// (file index, line) of each session this import wrote, by number - first.
    origins: Vec<(u32, u64)>,
    files: Vec<Arc<Path>>,
    summary: ImportSummary,
}

impl<'a> Run<'a> {
    fn new(
        conn: &'a Connection,
        request: &'a ImportRequest,
        tz: Tz,
        now: DateTime<Utc>,
        currency: Currency,
        files: Vec<std::path::PathBuf>,
    ) -> Result<Self> {
        Ok(Self {
            conn,
            request,
            tz,
            now,
            currency,
            clients: HashMap::new(),
            running: store::running_session(conn)?,
            max_seconds: store::max_session_seconds(conn)?,
            ids: Ids::new(now),
            first_number: None,
            origins: Vec::new(),
            files: Vec::new(),
            summary: ImportSummary {
                format: request.format,
                dry_run: request.dry_run,
                on_overlap: request.on_overlap,
                timezone: tz,
                files,
                clients: Vec::new(),
                imported: 0,
                already_imported: 0,
                skipped: Vec::new(),
                first_start: None,
                last_end: None,
                seconds: 0,
            },
        })
    }

    fn rejected(entry: &Entry, error: Error) -> Error {
        Error::from(ImportError::Rejected {
            file: entry.origin.file.to_path_buf(),
            line: entry.origin.line,
            error: Box::new(error),
        })
    }

    fn skip(&mut self, entry: &Entry, reason: SkipReason) {
        self.summary.skipped.push(Skipped {
            file: entry.origin.file.to_path_buf(),
            line: entry.origin.line,
            client: entry.client.clone(),
            start: entry.start,
            end: entry.end,
            reason,
        });
    }

    fn add(&mut self, entry: Entry) -> Result<()> {
        let Some(end) = entry.end else {
            self.skip(&entry, SkipReason::Running);
            return Ok(());
        };
        let start = entry.start;
        if end < start {
            return Err(Error::from(ImportError::EndBeforeStart {
                file: entry.origin.file.to_path_buf(),
                line: entry.origin.line,
                start,
                end,
                zone: self.tz,
            }));
        }
        if end == start {
            self.skip(&entry, SkipReason::ZeroLength);
            return Ok(());
        }
        for at in [start, end] {
            check_accepted(at, self.now, self.tz).map_err(|e| Self::rejected(&entry, e))?;
        }
        let (name, key) =
            normalize_client_name(&entry.client).map_err(|e| Self::rejected(&entry, e))?;
        let note = validate_note(&entry.note).map_err(|e| Self::rejected(&entry, e))?;
        let tags = normalize_tags(&import::gardefou_tags(&entry.tags))
            .map_err(|e| Self::rejected(&entry, e))?;
        // Entries written earlier in this import count too (a file that
        // lists one twice): they are in the sessions already.
        let hash = import::fingerprint(self.request.format, start, end, &key, &note);
        if store::already_imported(self.conn, hash, start, end, &note)? {
            self.summary.already_imported += 1;
            return Ok(());
        }
        let other = match store::first_finished_overlapping_within(
            self.conn,
            start,
            end,
            self.max_seconds,
        )? {
            Some(other) => Some(other),
            // An import never touches the running timer: read once.
            None => self.running.as_ref().filter(|r| r.start < end).cloned(),
        };
        if let Some(other) = other {
            let with = self.overlap_with(&other);
            if self.request.on_overlap == OnOverlap::Stop && !self.request.dry_run {
                return Err(Error::from(ImportError::Overlap {
                    file: entry.origin.file.to_path_buf(),
                    line: entry.origin.line,
                    start,
                    end,
                    zone: self.tz,
                    other: with,
                }));
            }
            self.skip(&entry, SkipReason::Overlap(with));
            return Ok(());
        }
        let client = self.client(&name, &key, &entry)?;
        let (rate_minor, currency) = match entry.rate {
            Some(rate) => (rate.minor, rate.currency),
            None => (client.rate_minor, client.currency),
        };
        let session = Session {
            id: self.ids.next(),
            number: 0,
            client_id: client.id,
            client_name: client.name.clone(),
            start,
            end: Some(end),
            billable: entry.billable.unwrap_or(true),
            note,
            tags,
            source: Source::Import,
            rate_minor,
            currency,
            zone: self.tz.name().to_string(),
            planned_seconds: None,
            deleted: false,
            created_at: self.now,
            updated_at: self.now,
        };
        let number = store::insert_session(self.conn, &session)?;
        self.max_seconds = self.max_seconds.max((end - start).num_seconds());
        let first = *self.first_number.get_or_insert(number);
        let file = self.file_index(&entry.origin.file);
        let offset = usize::try_from(number - first).unwrap_or(usize::MAX);
        if offset >= self.origins.len() && offset < usize::MAX / 2 {
            self.origins.resize(offset + 1, (u32::MAX, 0));
        }
        if let Some(slot) = self.origins.get_mut(offset) {
            *slot = (file, entry.origin.line);
        }
        self.tally(&key, (end - start).num_seconds(), start, end);
        Ok(())
    }

    fn file_index(&mut self, file: &Arc<Path>) -> u32 {
        if let Some(i) = self
            .files
            .iter()
            .rposition(|f| Arc::ptr_eq(f, file) || f == file)
        {
            return i as u32;
        }
        self.files.push(file.clone());
        (self.files.len() - 1) as u32
    }

    fn overlap_with(&self, other: &Session) -> OverlapWith {
        if let Some(first) = self.first_number
            && other.number >= first
            && let Some((file, line)) = usize::try_from(other.number - first)
                .ok()
                .and_then(|i| self.origins.get(i))
            && let Some(path) = self.files.get(*file as usize)
        {
            return OverlapWith::Imported {
                file: path.to_path_buf(),
                line: *line,
            };
        }
        OverlapWith::Stored {
            number: other.number,
            client: other.client_name.clone(),
            start: other.start,
            end: other.end,
        }
    }

    /// The client named `key`: stored, or created with the entry's rate.
    fn client(&mut self, name: &str, key: &str, entry: &Entry) -> Result<Client> {
        if let Some(slot) = self.clients.get(key) {
            return Ok(slot.client.clone());
        }
        let (client, created) = match store::client_by_key(self.conn, key)? {
            Some(client) => (client, false),
            None => {
                let (rate_minor, currency) = entry
                    .rate
                    .map_or((0, self.currency), |r| (r.minor, r.currency));
                let client = Client {
                    id: crate::ids::new_id(self.now),
                    name: name.to_string(),
                    rate_minor,
                    currency,
                    cap_seconds: None,
                    rounding: None,
                    color: Color::from_palette(store::count_clients(self.conn)? as usize),
                    archived: false,
                    created_at: self.now,
                    updated_at: self.now,
                };
                store::insert_client(self.conn, &client, key)?;
                (client, true)
            }
        };
        self.summary.clients.push(ClientTally {
            name: client.name.clone(),
            created,
            rate_minor: client.rate_minor,
            currency: client.currency,
            sessions: 0,
            seconds: 0,
        });
        let tally = Some(self.summary.clients.len() - 1);
        self.clients.insert(
            key.to_string(),
            Slot {
                client: client.clone(),
                tally,
            },
        );
        Ok(client)
    }

    fn tally(&mut self, key: &str, seconds: i64, start: DateTime<Utc>, end: DateTime<Utc>) {
        if let Some(i) = self.clients.get(key).and_then(|s| s.tally)
            && let Some(t) = self.summary.clients.get_mut(i)
        {
            t.sessions += 1;
            t.seconds += seconds;
        }
        let s = &mut self.summary;
        s.imported += 1;
        s.seconds += seconds;
        s.first_start = Some(s.first_start.map_or(start, |f| f.min(start)));
        s.last_end = Some(s.last_end.map_or(end, |l| l.max(end)));
    }
}

/// The sessions' UUIDv7s for one import: the first from the system (its time
/// and randomness), each next one its successor in the 62 random low bits.
/// Unique and ordered (the id index grows at its end), with one call for
/// randomness per import instead of one per session.
struct Ids {
    first: u128,
    next: u128,
}

impl Ids {
    const LOW: u128 = (1 << 62) - 1;

    fn new(now: DateTime<Utc>) -> Self {
        Self {
            first: crate::ids::new_id(now).as_u128(),
            next: 0,
        }
    }

    fn next(&mut self) -> Uuid {
        let low = ((self.first & Self::LOW) + self.next) & Self::LOW;
        self.next += 1;
        Uuid::from_u128((self.first & !Self::LOW) | low)
    }
}

#[cfg(test)]
mod tests {
    use super::Ids;

    #[test]
    fn import_ids_are_distinct_version_7_uuids() {
        let mut ids = Ids::new(chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap());
        // Start next to the wrap of the random bits: still distinct and well-formed.
        ids.first |= Ids::LOW - 2;
        let all: Vec<_> = (0..10).map(|_| ids.next()).collect();
        for id in &all {
            assert_eq!(id.get_version_num(), 7, "{id}");
            assert_eq!(id.get_variant(), uuid::Variant::RFC4122, "{id}");
            assert_eq!(id.get_timestamp(), all[0].get_timestamp());
        }
        let distinct: std::collections::HashSet<_> = all.iter().collect();
        assert_eq!(distinct.len(), all.len());
        let mut ids = Ids::new(chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap());
        ids.first &= !Ids::LOW;
        let (a, b) = (ids.next(), ids.next());
        assert!(a < b, "in order away from the wrap");
    }
}
