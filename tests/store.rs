//! The store: migrations, the upgrade path, the schema's own guarantees.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

use std::sync::Arc;

use chrono::{DateTime, Utc};
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::store::{MIGRATIONS, SCHEMA_VERSION, Store};
use rusqlite::Connection;

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-27T16:00:00+01:00")
        .unwrap()
        .to_utc()
}

/// A small stable hash (FNV-1a) to pin the text of released migrations.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn released_migrations_are_never_edited() {
    // Append a new migration instead of changing one of these.
    let released: [u64; 2] = [fnv1a(MIGRATIONS[0]), fnv1a(MIGRATIONS[1])];
    assert_eq!(
        released,
        [2078528873347224295, 10098442964104475854],
        "released migrations changed: append a new one instead"
    );
}

#[test]
fn a_version_1_database_with_data_opens_after_later_migrations() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.sqlite3");
    {
        // Built the way the first release left it: schema 1 only, with data.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, rate_minor, currency, cap_seconds, rounding, color, archived, created_at, updated_at)
             VALUES ('0190a000-0000-7000-8000-000000000001', 'Acme', 'acme', 4550, 'EUR', 36000, '15m:up', '#3b82f6', 0, 1795132800, 1795132800);
             INSERT INTO sessions (id, client_id, start_at, end_at, billable, note, tags, source, rate_minor, currency, zone, created_at, updated_at)
             VALUES ('0190a000-0000-7000-8000-000000000002', '0190a000-0000-7000-8000-000000000001',
                     1795766400, 1795770000, 1, 'old note', 'meeting,rework', 'timer', 4550, 'EUR', 'Europe/Paris', 1795766400, 1795770000);
             INSERT INTO sessions (id, client_id, start_at, end_at, billable, note, tags, source, rate_minor, currency, zone, created_at, updated_at)
             VALUES ('0190a000-0000-7000-8000-000000000003', '0190a000-0000-7000-8000-000000000001',
                     1795784400, NULL, 1, '', '', 'timer', 4550, 'EUR', 'Europe/Paris', 1795784400, 1795784400);
             INSERT INTO settings (key, value, updated_at) VALUES ('timezone', 'Europe/Paris', 1795132800);",
        )
        .unwrap();
    }
    let mut tracker = Tracker::open(&path, Arc::new(FixedClock::new(now()))).unwrap();
    let clients = tracker.clients().unwrap();
    assert_eq!(clients.len(), 1);
    assert_eq!(
        (
            clients[0].name.as_str(),
            clients[0].rate_minor,
            clients[0].cap_seconds
        ),
        ("Acme", 4550, Some(36000))
    );
    let status = tracker.status().unwrap();
    let running = status.running.expect("the running session survived");
    assert_eq!(running.planned_seconds, None);
    let log = tracker
        .log(
            Some("2026-11-27".parse().unwrap()),
            Some("2026-11-27".parse().unwrap()),
            None,
        )
        .unwrap();
    assert_eq!(log.len(), 2);
    assert_eq!(log[0].note, "old note");
    assert_eq!(log[0].tags, vec!["meeting", "rework"]);
    // And it works on: stop, and the new tables exist.
    tracker.stop(None).unwrap();
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, SCHEMA_VERSION);
    let alerts: i64 = conn
        .query_row("SELECT count(*) FROM alerts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(alerts, 0);
}

#[test]
fn a_database_from_a_newer_gardefou_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.sqlite3");
    Store::open(&path).unwrap();
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .unwrap();
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains("newer Gardefou"), "{err}");
}

#[test]
fn the_schema_allows_one_running_session_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    Store::open(&path).unwrap();
    let conn = Connection::open(&path).unwrap();
    let c1 = "X'0190a000000070008000000000000001'";
    conn.execute_batch(&format!(
        "INSERT INTO zones (code, name) VALUES (1, 'UTC');
         INSERT INTO currencies (code, name) VALUES (1, 'EUR');
         INSERT INTO clients (id, name, name_key, rate_minor, currency, color, created_at, updated_at)
         VALUES ({c1}, 'A', 'a', 0, 'EUR', '#000000', 0, 0);
         INSERT INTO sessions (id, client_id, start_at, source, rate_minor, currency, zone)
         VALUES (X'0190a000000070008000000000000002', {c1}, 100, 0, 0, 1, 1);"
    ))
    .unwrap();
    let insert_running = |id: &str| {
        conn.execute(
            &format!(
                "INSERT INTO sessions (id, client_id, start_at, source, rate_minor, currency, zone)
                 VALUES ({id}, {c1}, 200, 0, 0, 1, 1)"
            ),
            [],
        )
    };
    assert!(
        insert_running("X'0190a000000070008000000000000003'").is_err(),
        "a second running session must violate the schema"
    );
    // A deleted running row does not count.
    conn.execute(
        "UPDATE sessions SET deleted_at = 1 WHERE id = X'0190a000000070008000000000000002'",
        [],
    )
    .unwrap();
    insert_running("X'0190a000000070008000000000000003'").unwrap();
    // An id written as text (a binding left unconverted) is refused, not stored.
    conn.execute("UPDATE sessions SET deleted_at = 1", [])
        .unwrap();
    let text = insert_running("'0190a000-0000-7000-8000-000000000004'");
    assert!(text.is_err(), "a text id must violate the schema");
}

#[test]
fn pragmas_are_set() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let store = Store::open(&path).unwrap();
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
}

#[test]
fn a_version_2_database_with_data_gets_its_bounds_and_day_figures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.sqlite3");
    {
        // Schema 2 (the release before imports) with a long session, a
        // non-billable one, a deleted one and a running one.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(MIGRATIONS[0]).unwrap();
        conn.execute_batch(MIGRATIONS[1]).unwrap();
        conn.pragma_update(None, "user_version", 2).unwrap();
        conn.execute_batch(
            "INSERT INTO clients (id, name, name_key, rate_minor, currency, color, created_at, updated_at)
             VALUES ('0190a000-0000-7000-8000-000000000001', 'Acme', 'acme', 4550, 'EUR', '#3b82f6', 1795132800, 1795132800);
             INSERT INTO sessions (id, client_id, start_at, end_at, billable, source, rate_minor, currency, zone, created_at, updated_at)
             VALUES ('0190a000-0000-7000-8000-000000000002', '0190a000-0000-7000-8000-000000000001',
                     1795600000, 1795690000, 1, 'manual', 4550, 'EUR', 'Europe/Paris', 1795600000, 1795690000),
                    ('0190a000-0000-7000-8000-000000000003', '0190a000-0000-7000-8000-000000000001',
                     1795700000, 1795701800, 0, 'timer', 4550, 'EUR', 'Europe/Paris', 1795700000, 1795701800);
             INSERT INTO sessions (id, client_id, start_at, end_at, billable, source, rate_minor, currency, zone, deleted_at, created_at, updated_at)
             VALUES ('0190a000-0000-7000-8000-000000000004', '0190a000-0000-7000-8000-000000000001',
                     1795710000, 1795719000, 1, 'timer', 4550, 'EUR', 'Europe/Paris', 1795720000, 1795710000, 1795720000);
             INSERT INTO sessions (id, client_id, start_at, end_at, billable, source, rate_minor, currency, zone, created_at, updated_at)
             VALUES ('0190a000-0000-7000-8000-000000000005', '0190a000-0000-7000-8000-000000000001',
                     1795784400, NULL, 1, 'timer', 4550, 'EUR', 'Europe/Paris', 1795784400, 1795784400);
             INSERT INTO settings (key, value, updated_at) VALUES ('timezone', 'Europe/Paris', 1795132800);",
        )
        .unwrap();
    }
    let mut tracker = Tracker::open(&path, Arc::new(FixedClock::new(now()))).unwrap();
    let conn = Connection::open(&path).unwrap();
    let longest: i64 = conn
        .query_row("SELECT max_seconds FROM session_bounds", [], |r| r.get(0))
        .unwrap();
    // The 25 h session is the longest: windows reach back that far.
    assert_eq!(longest, 90_000);
    assert_eq!(tracker.session_buckets_mismatches().unwrap(), 0);
    // Whole-history totals: 25 h billable + 30 min not + the running timer up to now.
    let totals = gardefou::report::totals_report(&mut tracker, None, None).unwrap();
    let running = now().timestamp() - 1795784400;
    assert_eq!(totals.total_seconds, 90_000 + 1800 + running);
    assert_eq!(totals.billable_seconds, 90_000 + running);
    assert_eq!(
        totals.clients[0].amount_minor,
        gardefou::money::amount_for(90_000, 4550) + gardefou::money::amount_for(running, 4550)
    );
    // The long session still shows in a window it reaches into, and blocks an overlap.
    let log = tracker
        .log(
            Some("2026-11-25".parse().unwrap()),
            Some("2026-11-25".parse().unwrap()),
            None,
        )
        .unwrap();
    assert!(log.iter().any(|s| s.number == 1), "{log:?}");
    assert_eq!(tracker.clients_by_recent_use().unwrap()[0].name, "Acme");
}

#[test]
fn a_broken_reference_stops_the_compact_storage_migration_and_the_file_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v7.sqlite3");
    {
        // Schema 7 with a session whose client does not exist (a file edited
        // by hand with foreign keys off).
        let conn = Connection::open(&path).unwrap();
        for sql in &MIGRATIONS[..7] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 7).unwrap();
        conn.pragma_update(None, "foreign_keys", "OFF").unwrap();
        conn.execute_batch(
            "INSERT INTO sessions (id, client_id, start_at, end_at, billable, source, rate_minor, currency, zone, created_at, updated_at)
             VALUES ('0190a000-0000-7000-8000-000000000002', '0190a000-0000-7000-8000-00000000dead',
                     1795600000, 1795603600, 1, 'manual', 0, 'EUR', 'Europe/Paris', 1795600000, 1795600000);",
        )
        .unwrap();
    }
    let err = Store::open(&path).unwrap_err().to_string();
    assert!(err.contains("damaged"), "{err}");
    assert!(err.contains("broken references after migration 8"), "{err}");
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 7, "the migration was rolled back");
    let id: String = conn
        .query_row("SELECT id FROM sessions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, "0190a000-0000-7000-8000-000000000002");
}

#[test]
fn a_version_8_database_keeps_its_alerts_sentences_and_then_stores_facts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.sqlite3");
    let told = "You reached your 40 h cap for the week — 41 h tracked. Stop here, or give a reason to go on.";
    {
        // Schema 8 (the release before alerts kept their facts), French, with
        // an alert told in English when it fired.
        let conn = Connection::open(&path).unwrap();
        for sql in &MIGRATIONS[..8] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", 8).unwrap();
        conn.execute(
            "INSERT INTO alerts (id, kind, client_id, period, fired_at, message, notified_at,
                                 last_nag_at, deleted_at, created_at, updated_at)
             VALUES (X'0190a000000070008000000000000009', 'weekly_cap_reached', NULL,
                     'week:2026-11-23', ?1, ?2, ?1, NULL, NULL, ?1, ?1)",
            rusqlite::params![now().timestamp() - 3600, told],
        )
        .unwrap();
        conn.execute_batch(
            "INSERT INTO settings (key, value, updated_at) VALUES ('timezone', 'Europe/Paris', 0),
                                                                  ('locale', 'fr', 0);",
        )
        .unwrap();
    }
    let mut tracker = Tracker::open(&path, Arc::new(FixedClock::new(now()))).unwrap();
    let week = gardefou::report::week_report(&mut tracker, None).unwrap();
    assert_eq!(week.alerts.len(), 1);
    assert_eq!(week.alerts[0].kind, "weekly_cap_reached");
    assert_eq!(
        week.alerts[0].message, told,
        "no facts: its sentence as told"
    );
    drop(tracker);
    let conn = Connection::open(&path).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 9);
    let facts: Option<String> = conn
        .query_row("SELECT facts FROM alerts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(facts, None);
    // The schema keeps the facts readable: JSON or nothing.
    let err = conn
        .execute("UPDATE alerts SET facts = 'forty hours'", [])
        .unwrap_err()
        .to_string();
    assert!(err.contains("CHECK"), "{err}");
}
