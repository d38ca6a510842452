//! Schema migrations. Append-only: a released migration is never edited; a
//! change is a new entry at the end. `PRAGMA user_version` records how many ran.

use std::path::Path;

use rusqlite::Connection;

use crate::error::{DatabaseError, Result};

pub const MIGRATIONS: &[&str] = &[
    // 1: clients, sessions, settings.
    r#"
    CREATE TABLE clients (
        id           TEXT PRIMARY KEY NOT NULL,          -- UUIDv7
        name         TEXT NOT NULL,
        name_key     TEXT NOT NULL UNIQUE,               -- lowercased name
        rate_minor   INTEGER NOT NULL CHECK (rate_minor >= 0),
        currency     TEXT NOT NULL CHECK (length(currency) = 3),
        cap_seconds  INTEGER CHECK (cap_seconds IS NULL OR cap_seconds > 0),
        rounding     TEXT,
        color        TEXT NOT NULL,
        archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
    );
    CREATE TABLE sessions (
        seq          INTEGER PRIMARY KEY,                -- local handle shown by the CLI
        id           TEXT NOT NULL UNIQUE,               -- UUIDv7
        client_id    TEXT NOT NULL REFERENCES clients(id),
        start_at     INTEGER NOT NULL,                   -- UTC seconds
        end_at       INTEGER,                            -- NULL while running
        billable     INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1)),
        note         TEXT NOT NULL DEFAULT '',
        tags         TEXT NOT NULL DEFAULT '',           -- comma-separated lowercase words
        source       TEXT NOT NULL CHECK (source IN ('timer', 'tray', 'manual', 'import')),
        rate_minor   INTEGER NOT NULL CHECK (rate_minor >= 0),
        currency     TEXT NOT NULL CHECK (length(currency) = 3),
        zone         TEXT NOT NULL,
        deleted_at   INTEGER,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        CHECK (end_at IS NULL OR end_at > start_at)
    );
    -- At most one running session, whatever the number of processes.
    CREATE UNIQUE INDEX sessions_one_running ON sessions ((end_at IS NULL))
        WHERE end_at IS NULL AND deleted_at IS NULL;
    CREATE INDEX sessions_by_start ON sessions (start_at) WHERE deleted_at IS NULL;
    CREATE INDEX sessions_by_client ON sessions (client_id, start_at);
    CREATE TABLE settings (
        key          TEXT PRIMARY KEY NOT NULL,
        value        TEXT NOT NULL,
        updated_at   INTEGER NOT NULL
    );
    "#,
    // 2: planned lengths (calls), overrides, alerts, heartbeat.
    r#"
    ALTER TABLE sessions ADD COLUMN planned_seconds INTEGER
        CHECK (planned_seconds IS NULL OR planned_seconds > 0);
    CREATE TABLE overrides (
        id           TEXT PRIMARY KEY NOT NULL,          -- UUIDv7
        at           INTEGER NOT NULL,
        session_id   TEXT REFERENCES sessions(id),
        client_id    TEXT REFERENCES clients(id),
        boundaries   TEXT NOT NULL,                      -- comma-separated alert kinds
        reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        deleted_at   INTEGER,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
    );
    CREATE INDEX overrides_by_at ON overrides (at);
    CREATE TABLE alerts (
        id           TEXT PRIMARY KEY NOT NULL,          -- UUIDv7
        kind         TEXT NOT NULL,
        client_id    TEXT REFERENCES clients(id),
        period       TEXT NOT NULL,                      -- week, weekend or session it belongs to
        fired_at     INTEGER NOT NULL,
        message      TEXT NOT NULL,
        notified_at  INTEGER,
        last_nag_at  INTEGER,
        deleted_at   INTEGER,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
    );
    -- Once per crossing: (kind, client, period) is unique.
    CREATE UNIQUE INDEX alerts_once ON alerts (kind, ifnull(client_id, ''), period);
    CREATE INDEX alerts_by_fired ON alerts (fired_at);
    CREATE TABLE heartbeat (
        session_id   TEXT PRIMARY KEY NOT NULL REFERENCES sessions(id),
        seen_at      INTEGER NOT NULL
    );
    "#,
    // 3: imports and bounded range queries. A fingerprint per imported entry
    // (a re-import adds nothing); the longest finished session ever stored, so
    // that a range query can start its index scan at `from - max_seconds`
    // instead of at the first session of the history.
    r#"
    CREATE TABLE import_fingerprints (
        hash         INTEGER PRIMARY KEY NOT NULL        -- FNV-1a of (source, start, end, client, note)
    );
    CREATE TABLE session_bounds (
        id           INTEGER PRIMARY KEY CHECK (id = 1),
        max_seconds  INTEGER NOT NULL CHECK (max_seconds >= 0)
    );
    INSERT INTO session_bounds (id, max_seconds)
        SELECT 1, coalesce(max(end_at - start_at), 0) FROM sessions WHERE end_at IS NOT NULL;
    -- Kept by the schema itself, whatever code writes: it only ever grows.
    CREATE TRIGGER sessions_bound_on_insert AFTER INSERT ON sessions
        WHEN NEW.end_at IS NOT NULL
    BEGIN
        UPDATE session_bounds SET max_seconds = NEW.end_at - NEW.start_at
            WHERE id = 1 AND max_seconds < NEW.end_at - NEW.start_at;
    END;
    CREATE TRIGGER sessions_bound_on_update AFTER UPDATE OF start_at, end_at ON sessions
        WHEN NEW.end_at IS NOT NULL
    BEGIN
        UPDATE session_bounds SET max_seconds = NEW.end_at - NEW.start_at
            WHERE id = 1 AND max_seconds < NEW.end_at - NEW.start_at;
    END;
    "#,
    // 4: figures per client × day of the start (UTC day: `start_at / 604800`),
    // per currency, of every finished live session: whole-history totals add
    // up days, not sessions. Kept by the schema's triggers in the writing
    // transaction, whatever code writes; UTC days do not move when the
    // `timezone` setting changes. `store::rebuild_session_buckets` recomputes them.
    r#"
    CREATE TABLE session_buckets (
        client_id         TEXT NOT NULL,
        bucket            INTEGER NOT NULL,      -- start_at / 604800: the UTC week of the start
        currency          TEXT NOT NULL,
        sessions          INTEGER NOT NULL,
        seconds           INTEGER NOT NULL,
        billable_seconds  INTEGER NOT NULL,
        amount_minor      INTEGER NOT NULL,
        PRIMARY KEY (client_id, bucket, currency)
    ) WITHOUT ROWID;
    INSERT INTO session_buckets
        SELECT client_id, start_at / 604800, currency, count(*), sum(end_at - start_at),
               sum(CASE WHEN billable THEN end_at - start_at ELSE 0 END),
               sum(CASE WHEN billable THEN ((end_at - start_at) * rate_minor + 1800) / 3600 ELSE 0 END)
        FROM sessions WHERE end_at IS NOT NULL AND deleted_at IS NULL
        GROUP BY 1, 2, 3;
    CREATE TRIGGER session_buckets_on_insert AFTER INSERT ON sessions
        WHEN NEW.end_at IS NOT NULL AND NEW.deleted_at IS NULL
    BEGIN
        INSERT INTO session_buckets VALUES (
            NEW.client_id, NEW.start_at / 604800, NEW.currency, 1, NEW.end_at - NEW.start_at,
            CASE WHEN NEW.billable THEN NEW.end_at - NEW.start_at ELSE 0 END,
            CASE WHEN NEW.billable THEN ((NEW.end_at - NEW.start_at) * NEW.rate_minor + 1800) / 3600 ELSE 0 END)
        ON CONFLICT (client_id, bucket, currency) DO UPDATE SET
            sessions = sessions + 1, seconds = seconds + excluded.seconds,
            billable_seconds = billable_seconds + excluded.billable_seconds,
            amount_minor = amount_minor + excluded.amount_minor;
    END;
    CREATE TRIGGER session_buckets_on_update_old
        AFTER UPDATE OF client_id, start_at, end_at, billable, rate_minor, currency, deleted_at ON sessions
        WHEN OLD.end_at IS NOT NULL AND OLD.deleted_at IS NULL
    BEGIN
        UPDATE session_buckets SET
            sessions = sessions - 1, seconds = seconds - (OLD.end_at - OLD.start_at),
            billable_seconds = billable_seconds - CASE WHEN OLD.billable THEN OLD.end_at - OLD.start_at ELSE 0 END,
            amount_minor = amount_minor - CASE WHEN OLD.billable THEN ((OLD.end_at - OLD.start_at) * OLD.rate_minor + 1800) / 3600 ELSE 0 END
        WHERE client_id = OLD.client_id AND bucket = OLD.start_at / 604800 AND currency = OLD.currency;
        DELETE FROM session_buckets
        WHERE client_id = OLD.client_id AND bucket = OLD.start_at / 604800 AND currency = OLD.currency AND sessions = 0;
    END;
    CREATE TRIGGER session_buckets_on_update_new
        AFTER UPDATE OF client_id, start_at, end_at, billable, rate_minor, currency, deleted_at ON sessions
        WHEN NEW.end_at IS NOT NULL AND NEW.deleted_at IS NULL
    BEGIN
        INSERT INTO session_buckets VALUES (
            NEW.client_id, NEW.start_at / 604800, NEW.currency, 1, NEW.end_at - NEW.start_at,
            CASE WHEN NEW.billable THEN NEW.end_at - NEW.start_at ELSE 0 END,
            CASE WHEN NEW.billable THEN ((NEW.end_at - NEW.start_at) * NEW.rate_minor + 1800) / 3600 ELSE 0 END)
        ON CONFLICT (client_id, bucket, currency) DO UPDATE SET
            sessions = sessions + 1, seconds = seconds + excluded.seconds,
            billable_seconds = billable_seconds + excluded.billable_seconds,
            amount_minor = amount_minor + excluded.amount_minor;
    END;
    CREATE TRIGGER session_buckets_on_delete AFTER DELETE ON sessions
        WHEN OLD.end_at IS NOT NULL AND OLD.deleted_at IS NULL
    BEGIN
        UPDATE session_buckets SET
            sessions = sessions - 1, seconds = seconds - (OLD.end_at - OLD.start_at),
            billable_seconds = billable_seconds - CASE WHEN OLD.billable THEN OLD.end_at - OLD.start_at ELSE 0 END,
            amount_minor = amount_minor - CASE WHEN OLD.billable THEN ((OLD.end_at - OLD.start_at) * OLD.rate_minor + 1800) / 3600 ELSE 0 END
        WHERE client_id = OLD.client_id AND bucket = OLD.start_at / 604800 AND currency = OLD.currency;
        DELETE FROM session_buckets
        WHERE client_id = OLD.client_id AND bucket = OLD.start_at / 604800 AND currency = OLD.currency AND sessions = 0;
    END;
    "#,
    // 5: without the per-client index. Each session paid ~50 bytes for it
    // (a 36-character id and the start); the last use of a client now comes
    // from `session_buckets` and one week of `sessions_by_start`, and a client
    // filter reads the window's range of `sessions_by_start`.
    r#"
    DROP INDEX sessions_by_client;
    "#,
    // 6: the weekly review's decisions, and the weeks whose summary was shown.
    r#"
    CREATE TABLE decisions (
        id             TEXT PRIMARY KEY NOT NULL,        -- UUIDv7
        client_id      TEXT NOT NULL REFERENCES clients(id),
        week           TEXT NOT NULL,                    -- first local day, YYYY-MM-DD
        choice         TEXT NOT NULL CHECK (choice IN
                           ('keep', 'renegotiate', 'raise_rate', 'end_engagement', 'skip')),
        note           TEXT NOT NULL DEFAULT '',
        notice_until   TEXT,                             -- YYYY-MM-DD, end_engagement only
        new_rate_minor INTEGER CHECK (new_rate_minor IS NULL OR new_rate_minor >= 0),
        currency       TEXT CHECK (currency IS NULL OR length(currency) = 3),
        ended_at       INTEGER,                          -- when the notice's end archived it
        deleted_at     INTEGER,
        created_at     INTEGER NOT NULL,
        updated_at     INTEGER NOT NULL,
        CHECK (notice_until IS NULL OR choice = 'end_engagement'),
        CHECK ((new_rate_minor IS NULL) = (choice <> 'raise_rate'))
    );
    -- One question per client per week.
    CREATE UNIQUE INDEX decisions_once ON decisions (client_id, week) WHERE deleted_at IS NULL;
    CREATE INDEX decisions_by_week ON decisions (week);
    -- This device's record of the summaries it opened (not user data: not synced).
    CREATE TABLE summaries_shown (
        week           TEXT PRIMARY KEY NOT NULL,        -- first local day, YYYY-MM-DD
        shown_at       INTEGER NOT NULL
    );
    "#,
    // 7: away periods (idle, sleep, unwatched time) and the user's answers.
    r#"
    CREATE TABLE away_periods (
        id               TEXT PRIMARY KEY NOT NULL,      -- UUIDv7
        session_id       TEXT NOT NULL REFERENCES sessions(id),
        client_id        TEXT NOT NULL REFERENCES clients(id),
        from_at          INTEGER NOT NULL,               -- UTC seconds
        to_at            INTEGER NOT NULL,
        cause            TEXT NOT NULL CHECK (cause IN ('idle', 'sleep', 'stale')),
        answer           TEXT NOT NULL
                         CHECK (answer IN ('keep', 'discard', 'reassign', 'non_billable')),
        split_session_id TEXT REFERENCES sessions(id),   -- the away part's own session
        answered_at      INTEGER NOT NULL,
        deleted_at       INTEGER,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        CHECK (to_at > from_at)
    );
    CREATE INDEX away_periods_by_session ON away_periods (session_id, from_at);
    CREATE INDEX away_periods_by_from ON away_periods (from_at);
    "#,
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations not yet applied, each in its own transaction. When
/// `path` is a file whose schema is about to change, a copy of it as it was is
/// written first into its backups folder and kept (see `crate::backup`).
pub fn apply(conn: &mut Connection, path: Option<&Path>) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if current > SCHEMA_VERSION {
        return Err(DatabaseError::NewerSchema {
            found: current,
            known: SCHEMA_VERSION,
        }
        .into());
    }
    if current == 0 {
        let tables: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )?;
        if tables > 0 {
            return Err(DatabaseError::NotGardefou {
                path: path.map(Path::to_path_buf).unwrap_or_default(),
            }
            .into());
        }
    }
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have migrated while we waited for the lock.
        let now_at: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if now_at > index as i64 {
            tx.commit()?;
            continue;
        }
        // Only the process that migrates copies, under the write lock, from a
        // second connection (WAL readers are not blocked by the lock we hold).
        if let Some(path) = path
            && now_at > 0
            && now_at == current
        {
            crate::backup::before_migration(path, now_at, SCHEMA_VERSION)?;
        }
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
