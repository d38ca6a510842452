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

/// The sessions' UUIDv7s for one import, made at its instant. An import's
/// ids share their time (the first 13 hex digits with the version): so
/// that a short prefix still tells them apart, each id's 74 random bits
/// begin with the entry's index in an order-keeping code ([`index_code`]),
/// then the random bits of one id made for the import. The first 128 ids
/// differ within their first 16 hex digits (`xxxxxxxx-xxxx-7xxx`), a
/// million within 20; they are unique and in the entries' order (the id
/// index grows at its end), with one call for randomness per import
/// instead of one per session. (RFC 9562 §6.2 lets a counter take the
/// leading random bits.)
struct Ids {
    /// The time and version of the import's first id, its random bits cleared.
    time: u128,
    /// The 74 random bits of that id (rand_a, then rand_b).
    random: u128,
    /// How many ids were made.
    made: u64,
}

impl Ids {
    /// rand_b: the low 62 bits of a UUIDv7, below the variant.
    const RAND_B: u128 = (1 << 62) - 1;
    /// rand_a: the 12 bits below the version.
    const RAND_A: u128 = 0xfff << 64;
    /// The random bits of a UUIDv7: rand_a (12) and rand_b (62).
    const RANDOM_BITS: u32 = 74;
    /// The 48-bit time and the version: the top 52 bits.
    const TIME_AND_VERSION: u128 = !((1 << 76) - 1);
    /// The RFC 4122 variant (`10`), above rand_b.
    const VARIANT: u128 = 0b10 << 62;

    fn new(now: DateTime<Utc>) -> Self {
        let id = crate::ids::new_id(now).as_u128();
        Self {
            time: id & Self::TIME_AND_VERSION,
            random: ((id & Self::RAND_A) >> 2) | (id & Self::RAND_B),
            made: 0,
        }
    }

    fn next(&mut self) -> Uuid {
        // 2^64 entries cannot be read in one import: saturating is never reached.
        self.made = self.made.saturating_add(1);
        let (code, width) = index_code(self.made);
        let rest = Self::RANDOM_BITS - width;
        let random = (code << rest) | (self.random & ((1 << rest) - 1));
        Uuid::from_u128(
            self.time | ((random << 2) & Self::RAND_A) | Self::VARIANT | (random & Self::RAND_B),
        )
    }
}

/// `n ≥ 1` in a prefix-free code that keeps the order of numbers: its bit
/// length less one in 5 bits, then its bits after the leading one (from
/// 2^31 on: the code 31, then all 64 bits of `n`). Small numbers take few
/// bits: 1 takes 5, 128 takes 12, a million 24. Returns (code, width in bits).
fn index_code(n: u64) -> (u128, u32) {
    let k = 63 - n.leading_zeros();
    if k < 31 {
        ((u128::from(k) << k) | u128::from(n - (1 << k)), 5 + k)
    } else {
        ((31 << 64) | u128::from(n), 69)
    }
}

#[cfg(test)]
mod tests {
    use chrono::DateTime;
    use uuid::Uuid;

    use super::{Ids, index_code};

    /// How many hex digits of `b` it takes to tell it from `a`.
    fn digits_to_tell(a: Uuid, b: Uuid) -> usize {
        let (a, b) = (a.simple().to_string(), b.simple().to_string());
        a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count() + 1
    }

    fn ids() -> Ids {
        Ids::new(DateTime::from_timestamp_millis(1_795_000_000_123).unwrap())
    }

    #[test]
    fn import_ids_are_distinct_ordered_version_7_uuids_of_the_import_instant() {
        let mut ids = ids();
        let all: Vec<Uuid> = (0..100_000).map(|_| ids.next()).collect();
        for id in &all {
            assert_eq!(id.get_version_num(), 7, "{id}");
            assert_eq!(id.get_variant(), uuid::Variant::RFC4122, "{id}");
            let (seconds, nanos) = id.get_timestamp().unwrap().to_unix();
            assert_eq!((seconds, nanos / 1_000_000), (1_795_000_000, 123), "{id}");
        }
        assert!(all.windows(2).all(|w| w[0] < w[1]), "in the entries' order");
    }

    #[test]
    fn an_import_s_ids_differ_early_so_a_short_prefix_tells_them_apart() {
        let mut made = ids();
        let all: Vec<Uuid> = (0..1_000_000).map(|_| made.next()).collect();
        // Sorted, the most digits any id needs is what it takes to tell it from its neighbours.
        let needed = |n: usize| {
            all[..n]
                .windows(2)
                .map(|w| digits_to_tell(w[0], w[1]))
                .max()
                .unwrap()
        };
        assert!(needed(128) <= 16, "{}", needed(128));
        assert!(needed(4096) <= 18, "{}", needed(4096));
        assert!(needed(1_000_000) <= 20, "{}", needed(1_000_000));
        // The rest are the import's random bits: two imports at one instant differ.
        let (mut a, mut b) = (ids(), ids());
        assert_ne!(a.next(), b.next());
    }

    #[test]
    fn the_index_code_keeps_the_order_past_its_short_forms() {
        let mut ids = ids();
        ids.made = (1 << 31) - 3;
        let all: Vec<Uuid> = (0..6).map(|_| ids.next()).collect();
        assert!(all.windows(2).all(|w| w[0] < w[1]), "{all:?}");
        for id in &all {
            assert_eq!(id.get_version_num(), 7, "{id}");
            assert_eq!(id.get_variant(), uuid::Variant::RFC4122, "{id}");
        }
        let widths: Vec<u32> = [1, 2, 3, 128, 1 << 20, u64::MAX]
            .map(|n| index_code(n).1)
            .to_vec();
        assert_eq!(widths, vec![5, 6, 6, 12, 25, 69]);
    }
}
