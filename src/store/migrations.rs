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
    // 4: figures per client × week of the start (UTC week: `start_at / 604800`),
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
    // 8: compact storage, for long histories (≤ 150 bytes a session). Every
    // id and reference as its 16 bytes instead of 36 characters; a session's
    // zone and currency as codes of two small tables and its source as a
    // number; its end as a length (`end_at` is computed from it); `created_at`
    // left NULL when it is the second of the id's own timestamp (UUIDv7) and
    // `updated_at` when it equals `created_at`; rarely set columns last, where
    // SQLite stores nothing for NULLs. A re-import is now recognised from the
    // imported sessions themselves (same start, end and note); `import_edits`
    // keeps what an edit or a delete moved away, `import_fingerprints` the
    // entries of imports before this migration. Tables are rebuilt with
    // foreign keys off (see `apply`), then the file is vacuumed.
    r#"
    CREATE TABLE zones (
        code         INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE                -- IANA name
    );
    CREATE TABLE currencies (
        code         INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE CHECK (length(name) = 3)
    );
    -- The most used first: codes 1 take no space in a row.
    INSERT INTO zones (name) SELECT zone FROM sessions GROUP BY zone ORDER BY count(*) DESC, zone;
    INSERT INTO currencies (name)
        SELECT currency FROM sessions GROUP BY currency ORDER BY count(*) DESC, currency;

    CREATE TABLE new_clients (
        id           BLOB PRIMARY KEY NOT NULL CHECK (typeof(id) = 'blob' AND length(id) = 16),
        name         TEXT NOT NULL,
        name_key     TEXT NOT NULL UNIQUE,
        rate_minor   INTEGER NOT NULL CHECK (rate_minor >= 0),
        currency     TEXT NOT NULL CHECK (length(currency) = 3),
        cap_seconds  INTEGER CHECK (cap_seconds IS NULL OR cap_seconds > 0),
        rounding     TEXT,
        color        TEXT NOT NULL,
        archived     INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
    );
    INSERT INTO new_clients
        SELECT unhex(replace(id, '-', '')), name, name_key, rate_minor, currency, cap_seconds,
               rounding, color, archived, created_at, updated_at
        FROM clients;

    CREATE TABLE new_sessions (
        seq          INTEGER PRIMARY KEY,                -- local handle shown by the CLI
        id           BLOB NOT NULL UNIQUE CHECK (typeof(id) = 'blob' AND length(id) = 16),
        client_id    BLOB NOT NULL REFERENCES clients(id),
        start_at     INTEGER NOT NULL,                   -- UTC seconds
        seconds      INTEGER CHECK (seconds IS NULL OR seconds > 0), -- NULL while running
        end_at       INTEGER GENERATED ALWAYS AS (start_at + seconds) VIRTUAL,
        billable     INTEGER NOT NULL DEFAULT 1 CHECK (billable IN (0, 1)),
        note         TEXT NOT NULL DEFAULT '',
        tags         TEXT NOT NULL DEFAULT '',           -- comma-separated lowercase words
        rate_minor   INTEGER NOT NULL CHECK (rate_minor >= 0),
        source       INTEGER NOT NULL CHECK (source BETWEEN 0 AND 3), -- timer, tray, manual, import
        currency     INTEGER NOT NULL REFERENCES currencies(code),
        zone         INTEGER NOT NULL REFERENCES zones(code),
        planned_seconds INTEGER CHECK (planned_seconds IS NULL OR planned_seconds > 0),
        deleted_at   INTEGER,
        created_at   INTEGER,                            -- NULL: the second of the id's timestamp
        updated_at   INTEGER                             -- NULL: created_at
    );
    INSERT INTO new_sessions (seq, id, client_id, start_at, seconds, billable, note, tags, rate_minor,
                              source, currency, zone, planned_seconds, deleted_at, created_at, updated_at)
        SELECT seq, unhex(h), unhex(replace(client_id, '-', '')), start_at, end_at - start_at,
               billable, note, tags, rate_minor,
               CASE source WHEN 'timer' THEN 0 WHEN 'tray' THEN 1 WHEN 'manual' THEN 2
                           WHEN 'import' THEN 3 END,
               (SELECT code FROM currencies WHERE name = currency),
               (SELECT code FROM zones WHERE name = zone),
               planned_seconds, deleted_at,
               CASE WHEN substr(h, 13, 1) = '7' AND created_at = ms / 1000 THEN NULL ELSE created_at END,
               CASE WHEN updated_at = created_at THEN NULL ELSE updated_at END
        FROM (SELECT *,
                 (instr('0123456789abcdef', substr(h, 1, 1)) - 1) * 17592186044416 +
                 (instr('0123456789abcdef', substr(h, 2, 1)) - 1) * 1099511627776 +
                 (instr('0123456789abcdef', substr(h, 3, 1)) - 1) * 68719476736 +
                 (instr('0123456789abcdef', substr(h, 4, 1)) - 1) * 4294967296 +
                 (instr('0123456789abcdef', substr(h, 5, 1)) - 1) * 268435456 +
                 (instr('0123456789abcdef', substr(h, 6, 1)) - 1) * 16777216 +
                 (instr('0123456789abcdef', substr(h, 7, 1)) - 1) * 1048576 +
                 (instr('0123456789abcdef', substr(h, 8, 1)) - 1) * 65536 +
                 (instr('0123456789abcdef', substr(h, 9, 1)) - 1) * 4096 +
                 (instr('0123456789abcdef', substr(h, 10, 1)) - 1) * 256 +
                 (instr('0123456789abcdef', substr(h, 11, 1)) - 1) * 16 +
                 (instr('0123456789abcdef', substr(h, 12, 1)) - 1) * 1 AS ms
              FROM (SELECT *, lower(replace(id, '-', '')) AS h FROM sessions));

    CREATE TABLE new_overrides (
        id           BLOB PRIMARY KEY NOT NULL CHECK (typeof(id) = 'blob' AND length(id) = 16),
        at           INTEGER NOT NULL,
        session_id   BLOB REFERENCES sessions(id),
        client_id    BLOB REFERENCES clients(id),
        boundaries   TEXT NOT NULL,                      -- comma-separated alert kinds
        reason       TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        deleted_at   INTEGER,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
    );
    INSERT INTO new_overrides
        SELECT unhex(replace(id, '-', '')), at, unhex(replace(session_id, '-', '')),
               unhex(replace(client_id, '-', '')), boundaries, reason, deleted_at, created_at, updated_at
        FROM overrides;

    CREATE TABLE new_alerts (
        id           BLOB PRIMARY KEY NOT NULL CHECK (typeof(id) = 'blob' AND length(id) = 16),
        kind         TEXT NOT NULL,
        client_id    BLOB REFERENCES clients(id),
        period       TEXT NOT NULL,                      -- week, weekend or session it belongs to
        fired_at     INTEGER NOT NULL,
        message      TEXT NOT NULL,
        notified_at  INTEGER,
        last_nag_at  INTEGER,
        deleted_at   INTEGER,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL
    );
    INSERT INTO new_alerts
        SELECT unhex(replace(id, '-', '')), kind, unhex(replace(client_id, '-', '')), period, fired_at,
               message, notified_at, last_nag_at, deleted_at, created_at, updated_at
        FROM alerts;

    CREATE TABLE new_heartbeat (
        session_id   BLOB PRIMARY KEY NOT NULL REFERENCES sessions(id),
        seen_at      INTEGER NOT NULL
    );
    INSERT INTO new_heartbeat SELECT unhex(replace(session_id, '-', '')), seen_at FROM heartbeat;

    CREATE TABLE new_session_buckets (
        client_id         BLOB NOT NULL,
        bucket            INTEGER NOT NULL,      -- start_at / 604800: the UTC week of the start
        currency          TEXT NOT NULL,
        sessions          INTEGER NOT NULL,
        seconds           INTEGER NOT NULL,
        billable_seconds  INTEGER NOT NULL,
        amount_minor      INTEGER NOT NULL,
        PRIMARY KEY (client_id, bucket, currency)
    ) WITHOUT ROWID;
    INSERT INTO new_session_buckets
        SELECT unhex(replace(client_id, '-', '')), bucket, currency, sessions, seconds,
               billable_seconds, amount_minor
        FROM session_buckets;

    CREATE TABLE new_decisions (
        id             BLOB PRIMARY KEY NOT NULL CHECK (typeof(id) = 'blob' AND length(id) = 16),
        client_id      BLOB NOT NULL REFERENCES clients(id),
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
    INSERT INTO new_decisions
        SELECT unhex(replace(id, '-', '')), unhex(replace(client_id, '-', '')), week, choice, note,
               notice_until, new_rate_minor, currency, ended_at, deleted_at, created_at, updated_at
        FROM decisions;

    CREATE TABLE new_away_periods (
        id               BLOB PRIMARY KEY NOT NULL CHECK (typeof(id) = 'blob' AND length(id) = 16),
        session_id       BLOB NOT NULL REFERENCES sessions(id),
        client_id        BLOB NOT NULL REFERENCES clients(id),
        from_at          INTEGER NOT NULL,               -- UTC seconds
        to_at            INTEGER NOT NULL,
        cause            TEXT NOT NULL CHECK (cause IN ('idle', 'sleep', 'stale')),
        answer           TEXT NOT NULL
                         CHECK (answer IN ('keep', 'discard', 'reassign', 'non_billable')),
        split_session_id BLOB REFERENCES sessions(id),   -- the away part's own session
        answered_at      INTEGER NOT NULL,
        deleted_at       INTEGER,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        CHECK (to_at > from_at)
    );
    INSERT INTO new_away_periods
        SELECT unhex(replace(id, '-', '')), unhex(replace(session_id, '-', '')),
               unhex(replace(client_id, '-', '')), from_at, to_at, cause, answer,
               unhex(replace(split_session_id, '-', '')), answered_at, deleted_at, created_at, updated_at
        FROM away_periods;

    DROP TABLE away_periods;
    DROP TABLE decisions;
    DROP TABLE session_buckets;
    DROP TABLE heartbeat;
    DROP TABLE alerts;
    DROP TABLE overrides;
    DROP TABLE sessions;
    DROP TABLE clients;
    ALTER TABLE new_clients RENAME TO clients;
    ALTER TABLE new_sessions RENAME TO sessions;
    ALTER TABLE new_overrides RENAME TO overrides;
    ALTER TABLE new_alerts RENAME TO alerts;
    ALTER TABLE new_heartbeat RENAME TO heartbeat;
    ALTER TABLE new_session_buckets RENAME TO session_buckets;
    ALTER TABLE new_decisions RENAME TO decisions;
    ALTER TABLE new_away_periods RENAME TO away_periods;

    CREATE UNIQUE INDEX sessions_one_running ON sessions ((seconds IS NULL))
        WHERE seconds IS NULL AND deleted_at IS NULL;
    CREATE INDEX sessions_by_start ON sessions (start_at) WHERE deleted_at IS NULL;
    CREATE INDEX overrides_by_at ON overrides (at);
    CREATE UNIQUE INDEX alerts_once ON alerts (kind, ifnull(client_id, X''), period);
    CREATE INDEX alerts_by_fired ON alerts (fired_at);
    CREATE UNIQUE INDEX decisions_once ON decisions (client_id, week) WHERE deleted_at IS NULL;
    CREATE INDEX decisions_by_week ON decisions (week);
    CREATE INDEX away_periods_by_session ON away_periods (session_id, from_at);
    CREATE INDEX away_periods_by_from ON away_periods (from_at);

    -- What an imported session was before an edit moved it, or before it was
    -- deleted: a later import of the same entry still adds nothing.
    CREATE TABLE import_edits (
        start_at     INTEGER NOT NULL,
        end_at       INTEGER NOT NULL,
        note         TEXT NOT NULL,
        PRIMARY KEY (start_at, end_at, note)
    ) WITHOUT ROWID;
    CREATE TRIGGER sessions_import_edit AFTER UPDATE OF start_at, seconds, note, deleted_at ON sessions
        WHEN OLD.source = 3 AND OLD.seconds IS NOT NULL AND OLD.deleted_at IS NULL
         AND (NEW.start_at IS NOT OLD.start_at OR NEW.seconds IS NOT OLD.seconds
              OR NEW.note IS NOT OLD.note OR NEW.deleted_at IS NOT NULL)
    BEGIN
        INSERT OR IGNORE INTO import_edits VALUES (OLD.start_at, OLD.end_at, OLD.note);
    END;

    CREATE TRIGGER sessions_bound_on_insert AFTER INSERT ON sessions
        WHEN NEW.seconds IS NOT NULL
    BEGIN
        UPDATE session_bounds SET max_seconds = NEW.seconds
            WHERE id = 1 AND max_seconds < NEW.seconds;
    END;
    CREATE TRIGGER sessions_bound_on_update AFTER UPDATE OF start_at, seconds ON sessions
        WHEN NEW.seconds IS NOT NULL
    BEGIN
        UPDATE session_bounds SET max_seconds = NEW.seconds
            WHERE id = 1 AND max_seconds < NEW.seconds;
    END;
    -- The figures per client × week, as in migration 4, from the length.
    CREATE TRIGGER session_buckets_on_insert AFTER INSERT ON sessions
        WHEN NEW.seconds IS NOT NULL AND NEW.deleted_at IS NULL
    BEGIN
        INSERT INTO session_buckets VALUES (
            NEW.client_id, NEW.start_at / 604800, (SELECT name FROM currencies WHERE code = NEW.currency),
            1, NEW.seconds, CASE WHEN NEW.billable THEN NEW.seconds ELSE 0 END,
            CASE WHEN NEW.billable THEN (NEW.seconds * NEW.rate_minor + 1800) / 3600 ELSE 0 END)
        ON CONFLICT (client_id, bucket, currency) DO UPDATE SET
            sessions = sessions + 1, seconds = seconds + excluded.seconds,
            billable_seconds = billable_seconds + excluded.billable_seconds,
            amount_minor = amount_minor + excluded.amount_minor;
    END;
    CREATE TRIGGER session_buckets_on_update_old
        AFTER UPDATE OF client_id, start_at, seconds, billable, rate_minor, currency, deleted_at ON sessions
        WHEN OLD.seconds IS NOT NULL AND OLD.deleted_at IS NULL
    BEGIN
        UPDATE session_buckets SET
            sessions = sessions - 1, seconds = seconds - OLD.seconds,
            billable_seconds = billable_seconds - CASE WHEN OLD.billable THEN OLD.seconds ELSE 0 END,
            amount_minor = amount_minor - CASE WHEN OLD.billable THEN (OLD.seconds * OLD.rate_minor + 1800) / 3600 ELSE 0 END
        WHERE client_id = OLD.client_id AND bucket = OLD.start_at / 604800
          AND currency = (SELECT name FROM currencies WHERE code = OLD.currency);
        DELETE FROM session_buckets
        WHERE client_id = OLD.client_id AND bucket = OLD.start_at / 604800
          AND currency = (SELECT name FROM currencies WHERE code = OLD.currency) AND sessions = 0;
    END;
    CREATE TRIGGER session_buckets_on_update_new
        AFTER UPDATE OF client_id, start_at, seconds, billable, rate_minor, currency, deleted_at ON sessions
        WHEN NEW.seconds IS NOT NULL AND NEW.deleted_at IS NULL
    BEGIN
        INSERT INTO session_buckets VALUES (
            NEW.client_id, NEW.start_at / 604800, (SELECT name FROM currencies WHERE code = NEW.currency),
            1, NEW.seconds, CASE WHEN NEW.billable THEN NEW.seconds ELSE 0 END,
            CASE WHEN NEW.billable THEN (NEW.seconds * NEW.rate_minor + 1800) / 3600 ELSE 0 END)
        ON CONFLICT (client_id, bucket, currency) DO UPDATE SET
            sessions = sessions + 1, seconds = seconds + excluded.seconds,
            billable_seconds = billable_seconds + excluded.billable_seconds,
            amount_minor = amount_minor + excluded.amount_minor;
    END;
    CREATE TRIGGER session_buckets_on_delete AFTER DELETE ON sessions
        WHEN OLD.seconds IS NOT NULL AND OLD.deleted_at IS NULL
    BEGIN
        UPDATE session_buckets SET
            sessions = sessions - 1, seconds = seconds - OLD.seconds,
            billable_seconds = billable_seconds - CASE WHEN OLD.billable THEN OLD.seconds ELSE 0 END,
            amount_minor = amount_minor - CASE WHEN OLD.billable THEN (OLD.seconds * OLD.rate_minor + 1800) / 3600 ELSE 0 END
        WHERE client_id = OLD.client_id AND bucket = OLD.start_at / 604800
          AND currency = (SELECT name FROM currencies WHERE code = OLD.currency);
        DELETE FROM session_buckets
        WHERE client_id = OLD.client_id AND bucket = OLD.start_at / 604800
          AND currency = (SELECT name FROM currencies WHERE code = OLD.currency) AND sessions = 0;
    END;
    "#,
    // 9: an alert's facts (the figures its sentence tells, as JSON), so that
    // it is told in the reader's language, not in the one in force when it
    // fired. `message` stays: the sentence as first told, what alerts stored
    // before this migration (facts NULL) still show.
    r#"
    ALTER TABLE alerts ADD COLUMN facts TEXT CHECK (facts IS NULL OR json_valid(facts));
    "#,
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Migrations (by the version they bring) that rebuild tables: they run with
/// foreign keys off (dropping a parent table would otherwise fail), are checked
/// with `foreign_key_check` before their commit, and the file is vacuumed after.
const REBUILDS_TABLES: &[i64] = &[8];

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
    let mut vacuum = false;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        let version = index as i64 + 1;
        let rebuilds = REBUILDS_TABLES.contains(&version);
        if rebuilds {
            conn.pragma_update(None, "foreign_keys", "OFF")?;
        }
        let applied = apply_one(conn, path, current, index, sql, rebuilds);
        if rebuilds {
            conn.pragma_update(None, "foreign_keys", "ON")?;
        }
        vacuum |= applied? && rebuilds;
    }
    if vacuum {
        // The rebuilt tables' old pages are free: give them back to the disk.
        super::compact(conn)?;
    }
    Ok(())
}

/// Applies migration `index` in its own transaction; `false` when another
/// process had applied it meanwhile.
fn apply_one(
    conn: &mut Connection,
    path: Option<&Path>,
    current: i64,
    index: usize,
    sql: &str,
    rebuilds: bool,
) -> Result<bool> {
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    // Another process may have migrated while we waited for the lock.
    let now_at: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if now_at > index as i64 {
        tx.commit()?;
        return Ok(false);
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
    if rebuilds {
        let broken: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
                r.get(0)
            })?;
        if broken > 0 {
            return Err(DatabaseError::Damaged {
                path: path.map(Path::to_path_buf).unwrap_or_default(),
                detail: format!("{broken} broken references after migration {}", index + 1),
            }
            .into());
        }
    }
    tx.pragma_update(None, "user_version", index as i64 + 1)?;
    tx.commit()?;
    Ok(true)
}
