//! `gardefou decide` and `gardefou decisions`, black-box: golden text in both
//! languages and golden JSON (ids masked), refusals and their exit codes.
//!
//! Regenerate the golden files with `GARDEFOU_BLESS=1 cargo test --test
//! cli_decisions` and review the diff.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use serde_json::Value;
use support::{TestDb, golden};

/// Saturday after week 2026-W48 (Mon 23 – Sun 29 Nov), Paris.
const NOW: &str = "2026-11-28T12:00:00+01:00";

/// Four clients with a week of work; `locale` set before anything is decided.
fn seeded(locale: &str) -> TestDb {
    let db = TestDb::new(NOW);
    db.ok(&["settings", "set", "locale", locale]);
    db.ok(&[
        "client",
        "add",
        "Infopreneur SAS",
        "--rate",
        "50",
        "--cap",
        "20h",
    ]);
    db.ok(&["client", "add", "Acme", "--rate", "40"]);
    db.ok(&["client", "add", "Initech", "--rate", "80"]);
    db.ok(&["client", "add", "Quiet", "--rate", "50"]);
    for day in 23..=27 {
        let (from, to) = (
            format!("2026-11-{day} 09:00"),
            format!("2026-11-{day} 15:54"),
        );
        db.ok(&["add", "Infopreneur SAS", "--from", &from, "--to", &to]);
    }
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-10 09:00",
        "--to",
        "2026-11-10 17:00",
    ]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-24 19:00",
        "--to",
        "2026-11-24 22:00",
    ]);
    db.ok(&[
        "add",
        "Initech",
        "--from",
        "2026-11-23 16:00",
        "--to",
        "2026-11-23 18:00",
    ]);
    db.ok(&[
        "add",
        "Quiet",
        "--from",
        "2026-11-25 16:00",
        "--to",
        "2026-11-25 18:00",
    ]);
    db
}

/// Every kind of answer, as typed; returns what `decide` printed.
fn decide_all(db: &TestDb) -> String {
    let mut out = String::new();
    for args in [
        &[
            "decide",
            "infopreneur sas",
            "renegotiate",
            "--note",
            "fewer calls, a 20 h scope",
        ][..],
        &["decide", "Initech", "raise-rate", "--rate", "100"],
        &["decide", "Quiet", "end", "--notice-until", "2026-12-04"],
        &["decide", "Acme", "end", "--note", "-2 clients this year"],
        &["decide", "Quiet", "keep", "--week", "2026-11-18"],
        &["decide", "Initech", "skip", "--week", "2026-11-16"],
    ] {
        out.push_str(&db.ok(args));
    }
    out
}

/// The JSON with its random ids masked (UUIDv7: checked, then replaced).
fn masked(mut value: Value) -> Vec<u8> {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for (key, item) in map.iter_mut() {
                    if (key == "id" || key == "client_id")
                        && let Some(text) = item.as_str()
                    {
                        let id = uuid::Uuid::parse_str(text).unwrap();
                        assert_eq!(id.get_version_num(), 7, "{text}");
                        *item = Value::String("<uuid>".into());
                    } else {
                        walk(item);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut value);
    let mut text = serde_json::to_vec_pretty(&value).unwrap();
    text.push(b'\n');
    text
}

#[test]
fn decide_and_list_in_english() {
    let db = seeded("en");
    golden("decide.txt", decide_all(&db).as_bytes());
    golden("decisions.txt", db.ok(&["decisions"]).as_bytes());
    golden(
        "decisions-quiet.txt",
        db.ok(&["decisions", "--client", "QUIET"]).as_bytes(),
    );
    // What the decisions did.
    let clients = db.json(&["client", "list"]);
    let client = |name: &str| {
        clients
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(client("Acme")["archived"], true);
    assert_eq!(client("Quiet")["archived"], false);
    assert_eq!(client("Initech")["rate_minor"], 10_000);
    db.ok(&[
        "start",
        "Quiet",
        "--at",
        "2026-11-28 11:00",
        "--override",
        "notice period",
    ]);
}

#[test]
fn decide_and_list_in_french() {
    let db = seeded("fr");
    golden("decide.fr.txt", decide_all(&db).as_bytes());
    golden("decisions.fr.txt", db.ok(&["decisions"]).as_bytes());
    let stderr = db.fails(1, &["decide", "Infopreneur SAS", "keep"]);
    assert!(
        stderr.contains("une seule décision par client et par semaine"),
        "{stderr}"
    );
}

#[test]
fn decisions_as_json() {
    let db = seeded("en");
    assert_eq!(db.json(&["decisions"])["decisions"], Value::Array(vec![]));
    let answer = db.json(&["decide", "Quiet", "end", "--notice-until", "2026-12-04"]);
    golden("decide-end.json", &masked(answer));
    decide_all_but_quiet(&db);
    golden("decisions.json", &masked(db.json(&["decisions"])));
    let initech = db.json(&["decisions", "--client", "initech"]);
    let weeks: Vec<&str> = initech["decisions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["week"].as_str().unwrap())
        .collect();
    assert_eq!(weeks, ["2026-11-23"]);
}

fn decide_all_but_quiet(db: &TestDb) {
    db.ok(&[
        "decide",
        "Infopreneur SAS",
        "renegotiate",
        "--note",
        "fewer calls",
    ]);
    db.ok(&["decide", "Initech", "raise-rate", "--rate", "100"]);
}

#[test]
fn refusals_say_why_and_write_nothing() {
    let db = seeded("en");
    db.ok(&["decide", "Acme", "keep"]);
    let again = db.fails(1, &["decide", "acme", "renegotiate"]);
    assert_eq!(
        again.trim_end(),
        "gardefou: You already answered for Acme for the week of Mon 23 Nov 2026 (keep as is); there is one decision per client per week"
    );
    let no_rate = db.fails(1, &["decide", "Initech", "raise-rate"]);
    assert!(
        no_rate.contains("raising the rate needs the new rate"),
        "{no_rate}"
    );
    let rate_for_keep = db.fails(1, &["decide", "Initech", "keep", "--rate", "90"]);
    assert!(
        rate_for_keep.contains("rate does not go with keeping as is"),
        "{rate_for_keep}"
    );
    let past_notice = db.fails(
        1,
        &["decide", "Quiet", "end", "--notice-until", "2026-11-28"],
    );
    assert!(
        past_notice.contains("a notice period ends after today"),
        "{past_notice}"
    );
    let unknown = db.fails(1, &["decide", "Acmee", "keep"]);
    assert!(unknown.contains("Acme"), "{unknown}");
    db.fails(2, &["decide", "Acme", "maybe"]);
    db.fails(2, &["decide", "Acme", "keep", "--week", "2026-13-45"]);
    let listed = db.json(&["decisions"]);
    assert_eq!(listed["decisions"].as_array().unwrap().len(), 1);
    assert_eq!(db.json(&["client", "list"])[2]["rate_minor"], 8000);
    let none = db.ok(&["decisions", "--client", "quiet"]);
    assert_eq!(none, "No decision recorded for Quiet yet.\n");
}

#[test]
fn a_notice_period_ends_at_the_first_open_after_its_last_day() {
    let db = seeded("en");
    db.ok(&["decide", "Quiet", "end", "--notice-until", "2026-12-04"]);
    let quiet_archived = |now: &str| {
        let out = db
            .cmd_at(now)
            .args(["--json", "client", "list"])
            .assert()
            .success();
        let clients: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        clients
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"] == "Quiet")
            .unwrap()["archived"]
            .as_bool()
            .unwrap()
    };
    assert!(!quiet_archived("2026-12-04T23:00:00+01:00"));
    assert!(quiet_archived("2026-12-05T08:00:00+01:00"));
    let listed = db.json(&["decisions", "--client", "Quiet"]);
    assert_eq!(listed["decisions"][0]["ended"], true);
}
