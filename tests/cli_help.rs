//! The help pages speak the user's language: every line of a French page
//! comes from the catalogue (descriptions, headings, placeholders, clap's own
//! `--help`/`--version` lines); the English pages keep today's wording.

#![allow(clippy::unwrap_used)] // tests fail loudly by design

mod support;

use support::TestDb;

const NOW: &str = "2026-11-27T16:00:00+01:00";

/// The help page of `args`, with the system language `lang`: exit 0, on stdout only.
fn page(db: &TestDb, lang: &str, args: &[&str]) -> String {
    let out = db.cmd().env("LC_ALL", lang).args(args).assert().success();
    let output = out.get_output();
    assert!(output.stderr.is_empty(), "{args:?}: stderr on help");
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// (arguments, English lines of today's page, what the French page says instead)
const PAGES: &[(&[&str], &[&str], &[&str])] = &[
    (
        &["--help"],
        &[
            "Usage: gardefou [OPTIONS] <COMMAND>",
            "Commands:",
            "Options:",
            "Start a timer for a client (stops the running one)",
            "Answer the week's question about a client: keep, renegotiate, raise the rate or end",
            "Print machine-readable JSON on stdout (seconds and minor units)",
            "Print this message or the help of the given subcommand(s)",
            "Print help\n",
            "Print version\n",
        ],
        &[
            "Utilisation\u{a0}: gardefou [OPTIONS] <COMMANDE>",
            "Commandes\u{a0}:",
            "Options\u{a0}:",
            "Démarrer un chrono pour un client (arrête celui qui tourne)",
            "--db <CHEMIN>",
            "Afficher l’aide",
            "Afficher la version",
        ],
    ),
    (
        &["edit", "--help"],
        &[
            "Usage: gardefou edit [OPTIONS] <ID>",
            "Arguments:",
            "<ID>  Session number (as `log` shows it) or id prefix",
            "--from <FROM>      New start (TIME)",
            "Move the session to this client (it takes the client's current rate)",
            "Accept a session longer than 24 h",
        ],
        &[
            "Utilisation\u{a0}: gardefou edit [OPTIONS] <SÉANCE>",
            "Arguments\u{a0}:",
            "--from <DÉBUT>",
            "Nouvelle fin (HEURE)",
            "Accepter une séance de plus de 24\u{202f}h",
        ],
    ),
    (
        &["import", "--help"],
        &[
            "Which column names the client in CSV exports",
            "Possible values:",
            "- toggl:       Toggl Track's detailed CSV export",
            "[default: stop]",
            "Print help (see a summary with '-h')",
        ],
        &[
            "Valeurs possibles\u{a0}:",
            "- toggl:       L’export CSV détaillé de Toggl Track",
            "[par défaut\u{a0}: stop]",
            "Afficher l’aide (un résumé avec «\u{a0}-h\u{a0}»)",
        ],
    ),
    (
        &["client", "add", "-h"],
        &[
            "Weekly cap for this client, e.g. 10h",
            "--cap <CAP>",
            "Print help",
        ],
        &[
            "Plafond hebdomadaire pour ce client, par exemple 10h",
            "--cap <PLAFOND>",
        ],
    ),
];

#[test]
fn a_french_page_has_no_english_line_left() {
    let db = TestDb::new(NOW);
    for (args, english, french) in PAGES {
        let en = page(&db, "C", args);
        let fr = page(&db, "fr_FR.UTF-8", args);
        for line in *english {
            assert!(en.contains(line), "{args:?} en lost {line:?}:\n{en}");
            assert!(!fr.contains(line), "{args:?} fr still says {line:?}:\n{fr}");
        }
        for line in *french {
            assert!(fr.contains(line), "{args:?} fr lacks {line:?}:\n{fr}");
        }
    }
}

#[test]
fn the_help_subcommand_and_the_short_flag_speak_french_too() {
    let db = TestDb::new(NOW);
    let fr = page(&db, "fr_FR.UTF-8", &["help", "report", "week"]);
    assert!(fr.contains("Le bilan de la semaine"), "{fr}");
    assert!(fr.contains("santé des clients"), "{fr}");
    let fr = page(&db, "fr_FR.UTF-8", &["export", "csv", "-h"]);
    assert!(fr.contains("[valeurs possibles\u{a0}: client]"), "{fr}");
    assert!(fr.contains("Pour les tableurs européens"), "{fr}");
    assert!(!fr.contains("Usage"), "{fr}");
}

#[test]
fn the_version_is_the_same_in_both_languages() {
    let db = TestDb::new(NOW);
    assert_eq!(
        page(&db, "C", &["--version"]),
        page(&db, "fr_FR.UTF-8", &["--version"])
    );
}

/// (arguments, clap's English sentence, the French one)
const MISTAKES: &[(&[&str], &str, &str)] = &[
    (
        &["--bogus"],
        "unexpected argument '--bogus' found",
        "argument «\u{a0}--bogus\u{a0}» inattendu",
    ),
    (
        &["clinet", "add", "x"],
        "tip: a similar subcommand exists: 'client'",
        "astuce\u{a0}: une sous-commande proche existe\u{a0}: «\u{a0}client\u{a0}»",
    ),
    (
        &["export", "csv", "--from", "2026-01-01"],
        "the following required arguments were not provided:\n  --to <TO>",
        "ces arguments obligatoires manquent\u{a0}:\n  --to <FIN>",
    ),
    (
        &["decide", "Acme", "maybe"],
        "[possible values: keep, renegotiate, raise-rate, end, skip]",
        "[valeurs possibles\u{a0}: keep, renegotiate, raise-rate, end, skip]",
    ),
    (
        &["edit", "1", "--billable", "--non-billable"],
        "the argument '--billable' cannot be used with '--non-billable'",
        "l’argument «\u{a0}--billable\u{a0}» ne peut pas être utilisé avec «\u{a0}--non-billable\u{a0}»",
    ),
];

#[test]
fn a_wrong_command_line_is_told_in_the_user_s_language_with_exit_2() {
    let db = TestDb::new(NOW);
    for (args, english, french) in MISTAKES {
        let said = |lang: &str| {
            let out = db.cmd().env("LC_ALL", lang).args(*args).assert().code(2);
            let output = out.get_output();
            assert!(
                output.stdout.is_empty(),
                "{args:?}: stdout on a usage error"
            );
            String::from_utf8(output.stderr.clone()).unwrap()
        };
        let (en, fr) = (said("C"), said("fr_FR.UTF-8"));
        assert!(en.contains(english), "{args:?} en: {en}");
        assert!(en.contains("For more information, try '--help'."), "{en}");
        assert!(fr.contains(french), "{args:?} fr: {fr}");
        assert!(!fr.contains(english), "{args:?} fr is still English: {fr}");
        for clap_s in ["error:", "Usage:", "For more information", "tip:"] {
            assert!(
                !fr.contains(clap_s),
                "{args:?} fr still says {clap_s:?}: {fr}"
            );
        }
    }
}
