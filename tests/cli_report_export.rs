//! `gardefou report week|totals` and `gardefou export csv`, black-box: golden
//! files, the CSV read back and checked against the report, formula
//! neutralising, notes that survive a round trip, a DST week, clipping.
//!
//! Golden files live in tests/golden/; regenerate them with
//! `GARDEFOU_BLESS=1 cargo test --test cli_report_export` and review the diff.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use std::collections::BTreeMap;

use serde_json::Value;
use support::{TestDb, golden};

/// Sunday evening at the end of week 2026-W48 (Mon 23 – Sun 29 Nov), Paris.
const NOW: &str = "2026-11-29T20:00:00+01:00";

const HEADER: &str = "Date,Start,End,Duration,Duration (h),Rounded (h),Client,Description,Tags,Billable,Rate,Amount,Currency";

/// Three clients (EUR, EUR with its own rounding, JPY), a cap, sessions across
/// the week start, midnight and a weekend, awkward notes.
fn seeded() -> TestDb {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "45", "--cap", "10h"]);
    db.ok(&[
        "client",
        "add",
        "Globex Überstunden",
        "--rate",
        "60.50",
        "--round",
        "15m:up",
    ]);
    db.ok(&[
        "client",
        "add",
        "Initech",
        "--rate",
        "5000",
        "--currency",
        "JPY",
    ]);
    db.ok(&["settings", "set", "weekly_cap", "20h"]);
    let add = |client: &str, from: &str, to: &str, extra: &[&str]| {
        let mut args = vec!["add", client, "--from", from, "--to", to];
        args.extend_from_slice(extra);
        db.ok(&args);
    };
    // Previous weeks (trend, health, the weekend streak).
    add("Acme", "2026-11-10 09:00", "2026-11-10 17:00", &[]);
    add(
        "Acme",
        "2026-11-21 10:00",
        "2026-11-21 12:00",
        &["--tag", "meeting"],
    );
    add("Initech", "2026-11-18 14:00", "2026-11-18 16:30", &[]);
    // Sunday night into Monday: one hour each side of the week start.
    add(
        "Globex Überstunden",
        "2026-11-22 23:00",
        "2026-11-23 01:00",
        &[],
    );
    // The reported week.
    add(
        "Acme",
        "2026-11-23 09:00",
        "2026-11-23 11:00",
        &[
            "--note",
            "=HYPERLINK(\"http://x.example\",\"pay\")",
            "--tag",
            "meeting",
        ],
    );
    add(
        "Acme",
        "2026-11-24T14:00:00+01:00",
        "2026-11-24T15:07:31+01:00",
        &[
            "--note",
            "Réunion, \"v2\"\nsecond line; ça marche",
            "--tag",
            "rework",
        ],
    );
    add(
        "Acme",
        "2026-11-24 18:30",
        "2026-11-24 21:07",
        &["--note=-2h pairing"],
    );
    add(
        "Globex Überstunden",
        "2026-11-25 23:00",
        "2026-11-26 01:20",
        &["--note=+33 6 12 34 56 78"],
    );
    add(
        "Initech",
        "2026-11-26 10:00",
        "2026-11-26 11:45",
        &["--note", "@SUM(A1:A9)"],
    );
    add(
        "Acme",
        "2026-11-28 10:00",
        "2026-11-28 11:15",
        &["--non-billable", "--note", "\tcall"],
    );
    db
}

fn stdout(db: &TestDb, args: &[&str]) -> Vec<u8> {
    db.cmd()
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

/// Parses a CSV export (either dialect) into header → cells maps.
/// `gardefou export csv --from FROM --to TO EXTRA…` on stdout.
fn export(db: &TestDb, from: &str, to: &str, extra: &[&str]) -> Vec<u8> {
    stdout(
        db,
        &[&["export", "csv", "--from", from, "--to", to][..], extra].concat(),
    )
}

fn read_csv(bytes: &[u8]) -> Vec<BTreeMap<String, String>> {
    let (delimiter, bytes) = match bytes.strip_prefix("\u{feff}".as_bytes()) {
        Some(rest) => (b';', rest),
        None => (b',', bytes),
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(bytes);
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    reader
        .records()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

/// `1575.00` or `1575,00` → 157500 (given the currency's decimals).
fn minor(text: &str, digits: usize) -> i64 {
    let text = text.replace(',', ".");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    assert_eq!(fraction.len(), digits, "{text}");
    format!("{whole}{fraction}").parse().unwrap()
}

fn digits(currency: &str) -> usize {
    if currency == "JPY" { 0 } else { 2 }
}

#[test]
fn week_report_text_and_json_match_the_golden_files() {
    let db = seeded();
    golden("week.txt", &stdout(&db, &["report", "week"]));
    golden("week.json", &stdout(&db, &["--json", "report", "week"]));
    // The same week in French: its own text, the very same JSON but for sentences.
    db.ok(&["settings", "set", "locale", "fr"]);
    golden("week.fr.txt", &stdout(&db, &["report", "week"]));
    // Any date of the week gives the same week.
    assert_eq!(
        stdout(&db, &["--json", "report", "week", "--date", "2026-11-25"]),
        stdout(&db, &["--json", "report", "week"])
    );
}

#[test]
fn week_json_has_the_documented_keys_and_the_grid_adds_up() {
    let db = seeded();
    let w = db.json(&["report", "week"]);
    for key in [
        "week",
        "start",
        "end",
        "timezone",
        "total_seconds",
        "billable_seconds",
        "amounts",
        "clients",
        "off_hours_seconds",
        "rest_day_seconds",
        "weekend_streak",
        "overrides",
        "alerts",
        "previous_week",
        "health",
    ] {
        assert!(w.get(key).is_some(), "missing key {key}");
    }
    assert_eq!(w["week"], "2026-W48");
    assert_eq!(
        (w["start"].as_str(), w["end"].as_str()),
        (Some("2026-11-23"), Some("2026-11-29"))
    );
    assert_eq!(w["timezone"], "Europe/Paris");
    let clients = w["clients"].as_array().unwrap();
    let mut total = 0;
    for c in clients {
        for key in [
            "name",
            "days",
            "total_seconds",
            "billable_seconds",
            "amount_minor",
            "currency",
            "cap_seconds",
        ] {
            assert!(c.get(key).is_some(), "client without {key}");
        }
        let days: Vec<i64> = c["days"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d.as_i64().unwrap())
            .collect();
        assert_eq!(days.len(), 7);
        assert_eq!(
            days.iter().sum::<i64>(),
            c["total_seconds"].as_i64().unwrap()
        );
        total += c["total_seconds"].as_i64().unwrap();
    }
    assert_eq!(total, w["total_seconds"].as_i64().unwrap());
    // The Sunday-night session is split at the week start: one hour this week.
    let globex = clients
        .iter()
        .find(|c| c["name"] == "Globex Überstunden")
        .unwrap();
    assert_eq!(globex["days"][0], 3600);
    assert_eq!(globex["days"][2], 3600); // Wed 23:00–24:00
    assert_eq!(globex["days"][3], 4800); // Thu 00:00–01:20
    // Off-hours and rest-day time are reported separately and may overlap.
    assert_eq!(w["rest_day_seconds"], 4500);
    assert_eq!(w["weekend_streak"], 2);
    assert!(w["off_hours_seconds"].as_i64().unwrap() >= 4500);
    assert_eq!(w["previous_week"]["week"], "2026-W47");
    assert_eq!(w["trend"]["weeks"].as_array().unwrap().len(), 8);
}

#[test]
fn csv_exports_match_the_golden_files() {
    let db = seeded();
    let month = |extra: &[&str]| export(&db, "2026-11-01", "2026-11-30", extra);
    golden("export.csv", &month(&[]));
    golden("export-excel.csv", &month(&["--excel"]));
    golden("export-by-client.csv", &month(&["--by", "client"]));
    golden(
        "export-by-client-excel.csv",
        &month(&["--by", "client", "--excel", "--round", "6m:up"]),
    );
}

#[test]
fn csv_read_back_sums_to_the_week_report_with_round_none() {
    let db = seeded();
    let week = db.json(&["report", "week"]);
    for excel in [false, true] {
        let excel_flag: &[&str] = if excel { &["--excel"] } else { &[] };
        let extra = [&["--round", "none"][..], excel_flag].concat();
        let rows = read_csv(&export(&db, "2026-11-23", "2026-11-29", &extra));
        let mut amounts: BTreeMap<String, i64> = BTreeMap::new();
        for row in &rows {
            let currency = row["Currency"].clone();
            *amounts.entry(currency.clone()).or_default() +=
                minor(&row["Amount"], digits(&currency));
            assert_eq!(row["Duration (h)"], row["Rounded (h)"]);
        }
        let reported: BTreeMap<String, i64> = week["amounts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| {
                (
                    a["currency"].as_str().unwrap().to_string(),
                    a["minor"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(amounts, reported, "excel: {excel}");
        // Hours: each row is rounded to 1/100 h, so the sum is within half a
        // hundredth per row of the report's seconds.
        let hundredths: i64 = rows.iter().map(|r| minor(&r["Duration (h)"], 2)).sum();
        let exact = week["total_seconds"].as_i64().unwrap() * 100;
        assert!((hundredths * 3600 - exact).abs() <= rows.len() as i64 * 1800);
    }
}

#[test]
fn rounding_comes_from_the_flag_the_client_or_the_settings() {
    let db = seeded();
    let export = |extra: &[&str]| read_csv(&export(&db, "2026-11-24", "2026-11-26", extra));
    let rounded = |rows: &[BTreeMap<String, String>], client: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r["Client"] == client)
            .map(|r| r["Rounded (h)"].clone())
            .collect()
    };
    // Globex has its own 15m:up; Acme has none and the setting is none.
    let rows = export(&[]);
    assert_eq!(rounded(&rows, "Globex Überstunden"), vec!["2.50"]); // 2:20 → 2:30
    assert_eq!(rounded(&rows, "Acme"), vec!["1.13", "2.62"]);
    db.ok(&["settings", "set", "rounding", "30m:down"]);
    let rows = export(&[]);
    assert_eq!(rounded(&rows, "Acme"), vec!["1.00", "2.50"]);
    assert_eq!(rounded(&rows, "Globex Überstunden"), vec!["2.50"]);
    let rows = export(&["--round", "6m:nearest"]);
    assert_eq!(rounded(&rows, "Acme"), vec!["1.10", "2.60"]);
    assert_eq!(rounded(&rows, "Globex Überstunden"), vec!["2.30"]);
    // Amount = rounded time × rate: 1.10 h × 45 = 49.50.
    assert_eq!(
        rows.iter().find(|r| r["Rounded (h)"] == "1.10").unwrap()["Amount"],
        "49.50"
    );
}

#[test]
fn formulas_are_neutralised_and_notes_survive_a_round_trip() {
    let db = seeded();
    for excel in [false, true] {
        let excel_flag: &[&str] = if excel { &["--excel"] } else { &[] };
        let rows = read_csv(&export(&db, "2026-11-23", "2026-11-29", excel_flag));
        let notes: Vec<&str> = rows.iter().map(|r| r["Description"].as_str()).collect();
        assert_eq!(
            notes,
            vec![
                "", // the Sunday-night Globex session, clipped to the week
                "'=HYPERLINK(\"http://x.example\",\"pay\")",
                "Réunion, \"v2\"\nsecond line; ça marche",
                "'-2h pairing",
                "'+33 6 12 34 56 78",
                "'@SUM(A1:A9)",
                "call", // notes are trimmed when stored; a leading tab is covered in export::cells
            ],
            "excel: {excel}"
        );
        // Numeric cells are never prefixed.
        for row in &rows {
            for key in ["Duration (h)", "Rounded (h)", "Rate", "Amount"] {
                assert!(
                    row[key]
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == '.' || c == ','),
                    "{key}: {}",
                    row[key]
                );
            }
        }
    }
}

#[test]
fn excel_variant_has_a_bom_semicolons_and_decimal_commas() {
    let db = seeded();
    let bytes = export(&db, "2026-11-23", "2026-11-23", &["--excel"]);
    let text = String::from_utf8(bytes).unwrap();
    assert!(text.starts_with("\u{feff}Date;Start;End;Duration;Duration (h);"));
    assert!(text.contains(";2,00;2,00;Acme;"), "{text}");
    assert!(text.contains(";45,00;90,00;EUR\r\n"), "{text}");
    let plain = String::from_utf8(export(&db, "2026-11-23", "2026-11-23", &[])).unwrap();
    assert!(plain.starts_with(&format!("{HEADER}\r\n")));
}

#[test]
fn a_session_crossing_the_export_range_is_clipped() {
    let db = seeded();
    // The Globex session runs 2026-11-22 23:00 → 2026-11-23 01:00.
    let rows = read_csv(&export(
        &db,
        "2026-11-23",
        "2026-11-23",
        &["--client", "globex überstunden"],
    ));
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    assert_eq!(
        (r["Date"].as_str(), r["Start"].as_str(), r["End"].as_str()),
        ("2026-11-23", "00:00", "01:00")
    );
    assert_eq!(r["Duration"], "1:00");
    let rows = read_csv(&export(
        &db,
        "2026-11-22",
        "2026-11-22",
        &["--client", "Globex Überstunden"],
    ));
    assert_eq!(
        (rows[0]["Start"].as_str(), rows[0]["End"].as_str()),
        ("23:00", "00:00")
    );
    // Several --client flags.
    let rows = read_csv(&export(
        &db,
        "2026-11-01",
        "2026-11-30",
        &["--client", "Acme", "--client", "Initech"],
    ));
    assert!(rows.iter().all(|r| r["Client"] != "Globex Überstunden"));
    assert_eq!(rows.len(), 8);
}

#[test]
fn out_writes_atomically_and_errors_leave_nothing() {
    let db = seeded();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("november.csv");
    let path_text = path.to_str().unwrap();
    let said = db.ok(&[
        "export",
        "csv",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        path_text,
    ]);
    assert!(said.starts_with("Wrote 10 rows to "), "{said}");
    let written = std::fs::read(&path).unwrap();
    assert_eq!(written, export(&db, "2026-11-01", "2026-11-30", &[]));
    // A refused export leaves the previous file untouched and no temporary file.
    let err = db.fails(
        1,
        &[
            "export",
            "csv",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--client",
            "Nobody",
            "--out",
            path_text,
        ],
    );
    assert!(err.contains("no client named 'Nobody'"), "{err}");
    let err = db.fails(
        1,
        &[
            "export",
            "csv",
            "--from",
            "2026-11-30",
            "--to",
            "2026-11-01",
            "--out",
            path_text,
        ],
    );
    assert!(err.contains("comes after"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), written);
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // A missing folder is an error, not a partial file.
    let missing = dir.path().join("nope/out.csv");
    db.fails(
        1,
        &[
            "export",
            "csv",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--out",
            missing.to_str().unwrap(),
        ],
    );
    assert!(!missing.exists());
    // --json with --out describes what was written.
    let summary = db.json(&[
        "export",
        "csv",
        "--from",
        "2026-11-01",
        "--to",
        "2026-11-30",
        "--out",
        path_text,
    ]);
    assert_eq!(summary["rows"], 10);
    // Bad arguments are usage errors.
    db.fails(2, &["export", "csv", "--from", "2026-11-01"]);
    db.fails(
        2,
        &[
            "export",
            "csv",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--round",
            "15m:sideways",
        ],
    );
    db.fails(
        2,
        &[
            "export",
            "csv",
            "--from",
            "2026-11-01",
            "--to",
            "2026-11-30",
            "--by",
            "project",
        ],
    );
}

#[test]
fn a_week_with_a_dst_change_adds_up() {
    let db = TestDb::new("2026-10-26T12:00:00+01:00");
    db.ok(&["client", "add", "Acme", "--rate", "36"]);
    // Saturday 22:00 → Sunday 03:30 local across the fall-back: 6.5 h of real time.
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-10-24T22:00:00+02:00",
        "--to",
        "2026-10-25T03:30:00+01:00",
    ]);
    let w = db.json(&["report", "week", "--date", "2026-10-25"]);
    assert_eq!(w["week"], "2026-W43");
    let days: Vec<i64> = w["clients"][0]["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_i64().unwrap())
        .collect();
    assert_eq!(days, vec![0, 0, 0, 0, 0, 7200, 16200]); // Sunday 00:00–03:30 is 4 h 30 min
    assert_eq!(w["total_seconds"], 23400);
    assert_eq!(w["amounts"][0]["minor"], 23400); // 6.5 h × 36.00
    let rows = read_csv(&export(&db, "2026-10-19", "2026-10-25", &[]));
    assert_eq!(rows[0]["Duration"], "6:30");
    assert_eq!(rows[0]["Amount"], "234.00");
}

#[test]
fn totals_cover_the_history_by_default_and_a_range_on_request() {
    let db = seeded();
    let all = db.json(&["report", "totals"]);
    assert!(all["from"].is_null());
    let acme = &all["clients"][0];
    assert_eq!(acme["name"], "Acme");
    assert_eq!(acme["sessions"], 6);
    let week = db.json(&[
        "report",
        "totals",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-29",
    ]);
    let report = db.json(&["report", "week"]);
    assert_eq!(week["total_seconds"], report["total_seconds"]);
    assert_eq!(week["amounts"], report["amounts"]);
    let text = db.ok(&[
        "report",
        "totals",
        "--from",
        "2026-11-23",
        "--to",
        "2026-11-29",
    ]);
    assert!(text.contains("Globex Überstunden"), "{text}");
    db.fails(
        1,
        &[
            "report",
            "totals",
            "--from",
            "2026-11-29",
            "--to",
            "2026-11-01",
        ],
    );
}

#[test]
fn an_empty_week_says_so() {
    let db = TestDb::new(NOW);
    let text = db.ok(&["report", "week"]);
    assert!(text.contains("No time tracked this week."), "{text}");
    let w = db.json(&["report", "week"]);
    assert_eq!(w["clients"], Value::Array(vec![]));
    assert_eq!(w["amounts"], Value::Array(vec![]));
}

#[test]
fn the_week_shows_its_overrides_with_reasons_and_its_alerts() {
    let db = seeded();
    let clients = db.json(&["client", "list"]);
    let acme = clients
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Acme")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    // Recorded through the store's own write functions (the boundaries work).
    let at = |text: &str| {
        chrono::DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&chrono::Utc)
    };
    let acme = uuid::Uuid::parse_str(&acme).unwrap();
    let mut store = gardefou::store::Store::open(&db.path).unwrap();
    store
        .write(|conn| {
            for (when, reason) in [
                (
                    "2026-11-24T18:30:00+01:00",
                    "launch tomorrow, agreed with Marie",
                ),
                ("2026-11-20T19:00:00+01:00", "last week"),
            ] {
                let o = gardefou::store::Override {
                    id: uuid::Uuid::now_v7(),
                    at: at(when),
                    session_id: None,
                    client_id: Some(acme),
                    client_name: None,
                    boundaries: vec!["off_hours".into()],
                    reason: reason.into(),
                };
                gardefou::store::insert_override(conn, &o, at(when))?;
            }
            let fired = at("2026-11-28T10:15:00+01:00");
            let alert = gardefou::store::StoredAlert {
                id: uuid::Uuid::now_v7(),
                kind: "weekend_streak".into(),
                client_id: None,
                client_name: None,
                period: "weekend:2026-11-28".into(),
                fired_at: fired,
                fired_message: "Second weekend in a row with work.".into(),
                facts: None,
                notified_at: None,
                last_nag_at: None,
            };
            gardefou::store::insert_alert_if_new(conn, &alert, fired)?;
            Ok(())
        })
        .unwrap();
    drop(store);
    let w = db.json(&["report", "week"]);
    assert_eq!(w["overrides"].as_array().unwrap().len(), 1);
    assert_eq!(
        w["overrides"][0]["reason"],
        "launch tomorrow, agreed with Marie"
    );
    assert_eq!(w["overrides"][0]["client"], "Acme");
    assert_eq!(w["overrides"][0]["at"], "2026-11-24T18:30:00+01:00");
    assert_eq!(w["alerts"][0]["kind"], "weekend_streak");
    assert!(w["alerts"][0]["client"].is_null());
    let text = db.ok(&["report", "week"]);
    assert!(
        text.contains("Overrides this week (1), with your reasons:"),
        "{text}"
    );
    assert!(
        text.contains("2026-11-24 18:30  Acme  off_hours  “launch tomorrow, agreed with Marie”"),
        "{text}"
    );
    assert!(
        text.contains("2026-11-28 10:15  Second weekend in a row with work."),
        "{text}"
    );
}
