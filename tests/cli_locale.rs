//! One voice in two languages: the same requests in French and English give
//! the same exit codes and the same JSON, and every sentence in the user's
//! language. The settings choose it; without one, the system's (LC_ALL, then
//! LC_MESSAGES, then LANG).

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use serde_json::Value;
use support::TestDb;

const NOW: &str = "2026-11-27T16:00:00+01:00";
const NB: char = '\u{a0}';

fn seeded(locale: &str) -> TestDb {
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--rate", "45.50", "--cap", "6h"]);
    db.ok(&["client", "add", "Old"]);
    db.ok(&["client", "archive", "Old"]);
    db.ok(&["add", "Acme", "--from", "09:00", "--to", "10:00"]);
    db.ok(&["settings", "set", "locale", locale]);
    db
}

/// (exit code, arguments, what the English and the French messages contain)
const CASES: &[(i32, &[&str], &str, &str)] = &[
    (
        1,
        &["client", "add", ""],
        "cannot be empty",
        "ne peut pas être vide",
    ),
    (
        1,
        &["client", "add", "ACME"],
        "already exists",
        "existe déjà",
    ),
    (
        1,
        &["client", "add", "Beta", "--rate", "-5"],
        "negative",
        "négatif",
    ),
    (
        1,
        &["client", "add", "Beta", "--rate", "1.234"],
        "2 decimals",
        "2 décimales",
    ),
    (
        1,
        &["client", "add", "Beta", "--color", "red"],
        "colour",
        "couleur",
    ),
    (
        2,
        &["client", "add", "Beta", "--cap", "ten hours"],
        "duration",
        "durée",
    ),
    (
        1,
        &["add", "Acme", "--from", "12:00", "--to", "11:00"],
        "comes before",
        "précède le début",
    ),
    (
        1,
        &["add", "Acme", "--from", "12:00", "--to", "12:00"],
        "zero-length",
        "zéro seconde",
    ),
    (
        1,
        &[
            "add",
            "Acme",
            "--from",
            "2026-11-20 09:00",
            "--to",
            "2026-11-21 12:00",
        ],
        "--allow-long",
        "--allow-long",
    ),
    (
        1,
        &[
            "add",
            "Acme",
            "--from",
            "1970-01-01 09:00",
            "--to",
            "1970-01-01 10:00",
        ],
        "before 1971",
        "antérieur à 1971",
    ),
    (
        1,
        &["add", "Acme", "--from", "09:30", "--to", "10:30"],
        "overlaps session 1",
        "chevauche la séance 1",
    ),
    (
        1,
        &["stop"],
        "no timer is running",
        "aucun chrono ne tourne",
    ),
    (
        1,
        &["start", "Old"],
        "client unarchive \"Old\"",
        "client unarchive \"Old\"",
    ),
    (
        1,
        &["start", "Acmee"],
        "did you mean 'Acme'",
        "vouliez-vous dire",
    ),
    (
        1,
        &["start", "Acme", "--at", "2026-03-29 02:30"],
        "does not exist",
        "n’existe pas",
    ),
    (
        1,
        &["log", "--from", "2026-11-28", "--to", "2026-11-01"],
        "comes after",
        "vient après le dernier",
    ),
    (
        1,
        &["edit", "99", "--note", "x"],
        "no session number 99",
        "aucune séance numéro 99",
    ),
    (
        1,
        &["settings", "set", "week_start", "wednesday"],
        "monday or sunday",
        "monday ou sunday",
    ),
    (
        1,
        &["settings", "set", "locale", "de"],
        "en or fr",
        "en ou fr",
    ),
    (
        1,
        &["settings", "set", "colour", "blue"],
        "unknown setting",
        "réglage inconnu",
    ),
];

#[test]
fn errors_say_the_same_thing_in_both_languages_with_the_same_exit_codes() {
    let en = seeded("en");
    let fr = seeded("fr");
    for (code, args, english, french) in CASES {
        let said = en.fails(*code, args);
        assert!(said.contains(english), "{args:?} en: {said}");
        // Usage errors come before the database opens: the system's language.
        let dit = if *code == 2 {
            String::from_utf8(
                fr.cmd()
                    .env("LC_ALL", "fr_FR.UTF-8")
                    .args(*args)
                    .assert()
                    .code(2)
                    .get_output()
                    .stderr
                    .clone(),
            )
            .unwrap()
        } else {
            fr.fails(*code, args)
        };
        assert!(dit.contains(french), "{args:?} fr: {dit}");
        if english != french {
            assert!(
                !dit.contains(english),
                "{args:?} fr is still English: {dit}"
            );
        }
    }
}

#[test]
fn a_boundary_refusal_speaks_french_and_says_how_to_go_on() {
    let db = seeded("fr");
    db.ok(&["add", "Acme", "--from", "10:00", "--to", "15:30"]);
    let err = db.fails(3, &["start", "Acme"]);
    assert!(
        err.contains(&format!(
            "Vous avez atteint le plafond de 6{}h de Acme",
            '\u{202f}'
        )),
        "{err}"
    );
    assert!(err.contains("Le chrono n’a pas démarré."), "{err}");
    assert!(
        err.contains("gardefou start \"Acme\" --override \"RAISON\""),
        "{err}"
    );
    // The same refusal in English, with its way out.
    let db = seeded("en");
    db.ok(&["add", "Acme", "--from", "10:00", "--to", "15:30"]);
    let err = db.fails(3, &["start", "Acme"]);
    assert!(err.contains("You reached Acme's 6 h cap"), "{err}");
    assert!(
        err.contains("gardefou start \"Acme\" --override \"REASON\""),
        "{err}"
    );
}

/// Removes the human-readable fields, which follow the locale.
fn without_messages(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("message");
            map.remove("reminder");
            map.values_mut().for_each(without_messages);
        }
        Value::Array(items) => items.iter_mut().for_each(without_messages),
        _ => {}
    }
}

#[test]
fn json_has_the_same_keys_and_numbers_whatever_the_locale() {
    let (en, fr) = (seeded("en"), seeded("fr"));
    for db in [&en, &fr] {
        db.ok(&[
            "add",
            "Acme",
            "--from",
            "2026-11-24 19:00",
            "--to",
            "2026-11-24 21:00",
            "--tag",
            "meeting",
        ]);
    }
    for args in [
        &["report", "week"][..],
        &["report", "totals"],
        &["log"],
        &["client", "list"],
        &["status"],
        &["check"],
    ] {
        let (mut a, mut b) = (en.json(args), fr.json(args));
        // Ids differ between the two databases; the figures must not.
        for v in [&mut a, &mut b] {
            strip_ids(v);
            without_messages(v);
        }
        assert_eq!(a, b, "{args:?}");
    }
    let flags = fr.json(&["report", "week"]);
    let message = flags["health"][0]["flags"][0]["message"].as_str().unwrap();
    assert!(message.contains("de votre temps pour Acme"), "{message}");
}

fn strip_ids(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.remove("id");
            map.remove("session");
            map.remove("locale");
            map.values_mut().for_each(strip_ids);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_ids),
        _ => {}
    }
}

#[test]
fn without_a_setting_the_system_language_is_used() {
    let db = TestDb::new(NOW);
    let run = |vars: &[(&str, &str)]| {
        let mut cmd = db.cmd();
        for (k, v) in vars {
            cmd.env(k, v);
        }
        let out = cmd.arg("status").assert().success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    assert_eq!(run(&[]), "No timer running.\n");
    assert_eq!(
        run(&[("LC_ALL", ""), ("LANG", "fr_FR.UTF-8")]),
        "Aucun chrono ne tourne.\n"
    );
    assert_eq!(
        run(&[
            ("LC_ALL", ""),
            ("LC_MESSAGES", "en_US.UTF-8"),
            ("LANG", "fr_FR.UTF-8")
        ]),
        "No timer running.\n"
    );
    db.ok(&["settings", "set", "locale", "fr"]);
    assert_eq!(run(&[]), "Aucun chrono ne tourne.\n", "the setting wins");
}

#[test]
fn french_amounts_durations_and_dates() {
    let db = seeded("fr");
    let text = db.ok(&["client", "list"]);
    assert!(text.contains(&format!("45,50{}€/h", '\u{202f}')), "{text}");
    let text = db.ok(&["log"]);
    assert!(text.contains("ven. 2026-11-27"), "{text}");
    assert!(
        text.contains(&format!("Total{NB}: 1{}h en 1 séance.", '\u{202f}')),
        "{text}"
    );
}

/// Acme's cap reached on Friday (6 h 30 against 6 h), told in French.
const REACHED_FR: &str = "Vous avez atteint le plafond de 6\u{202f}h de Acme pour la semaine — \
                          6\u{202f}h\u{202f}30 suivies. Arrêtez-vous ici, ou convenez de plus de \
                          temps avec Acme.";

#[test]
fn an_alert_fired_in_english_is_read_in_french_once_the_locale_changes() {
    let db = seeded("en");
    db.ok(&["add", "Acme", "--from", "10:00", "--to", "15:30"]);
    let checked = db.json(&["check"]);
    let fired = checked["alerts"].as_array().unwrap();
    let reached = |alerts: &[Value]| {
        alerts
            .iter()
            .find(|a| a["kind"] == "client_cap_reached")
            .unwrap()["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let english = reached(fired);
    assert!(
        english.starts_with("You reached Acme's 6 h cap"),
        "{english}"
    );
    db.ok(&["settings", "set", "locale", "fr"]);
    let week = db.json(&["report", "week"]);
    assert_eq!(reached(week["alerts"].as_array().unwrap()), REACHED_FR);
    let text = db.ok(&["report", "week"]);
    assert!(text.contains(REACHED_FR), "{text}");
    assert!(!text.contains(&english), "{text}");
    // And back to English: the reader's language, whoever wrote it.
    db.ok(&["settings", "set", "locale", "en"]);
    let week = db.json(&["report", "week"]);
    assert_eq!(reached(week["alerts"].as_array().unwrap()), english);
}

#[test]
fn without_a_setting_an_alert_speaks_the_language_of_the_cli_that_reads_it() {
    // The app fired it in English; a CLI running in French reads it.
    let db = TestDb::new(NOW);
    db.ok(&["client", "add", "Acme", "--cap", "6h"]);
    db.ok(&["add", "Acme", "--from", "09:00", "--to", "15:30"]);
    db.ok(&["check"]);
    let french = |args: &[&str]| {
        let out = db
            .cmd()
            .env("LC_ALL", "fr_FR.UTF-8")
            .args(args)
            .assert()
            .success();
        String::from_utf8(out.get_output().stdout.clone()).unwrap()
    };
    let week: Value = serde_json::from_str(&french(&["--json", "report", "week"])).unwrap();
    let messages: Vec<&str> = week["alerts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["message"].as_str().unwrap())
        .collect();
    assert!(messages.contains(&REACHED_FR), "{messages:?}");
    assert!(
        messages.iter().all(|m| m.starts_with("Vous")),
        "{messages:?}"
    );
    let english = db.json(&["report", "week"]);
    assert!(
        english["alerts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["message"].as_str().unwrap().starts_with("You")),
        "{english}"
    );
}
