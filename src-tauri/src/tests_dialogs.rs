//! The export and import dialogs' commands through the mock runtime, the file
//! dialogs answered by the stub (`dialogs`): what they write, and what not.

use std::sync::{Arc, Mutex};

use chrono::{TimeZone, Utc};
use gardefou::export::{Dialect, ExportRequest, Layout, RoundingChoice};
use gardefou::model::Source;
use gardefou::tracker::{ClientChanges, NewSession};
use serde_json::{Value, json};
use tauri::{Listener, Manager};

use crate::AppState;
use crate::tests::{app_at, invoke, main_window, reopen};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/import");

/// Acme at 45.50 EUR and Globex at 80 USD, three sessions in February 2025.
fn february(app: &tauri::App<tauri::test::MockRuntime>) -> (String, String) {
    let state = app.state::<AppState>();
    state
        .with_tracker(|t| {
            let acme = t.edit_client(
                "Acme",
                ClientChanges {
                    rate: Some("45.50".into()),
                    currency: Some("EUR".into()),
                    ..ClientChanges::default()
                },
            )?;
            let globex = t.edit_client(
                "Globex",
                ClientChanges {
                    rate: Some("80".into()),
                    currency: Some("USD".into()),
                    ..ClientChanges::default()
                },
            )?;
            for (client, day, hour, minutes, note) in [
                ("Acme", 3, 9, 50, "Maquette, v2"),
                ("Acme", 4, 14, 95, "=SUM(A1)"),
                ("Globex", 5, 10, 30, "call"),
            ] {
                let start = Utc.with_ymd_and_hms(2025, 2, day, hour, 0, 0).unwrap();
                t.add_session(NewSession {
                    client: client.into(),
                    start,
                    end: start + chrono::Duration::minutes(minutes),
                    note: note.into(),
                    tags: vec![],
                    billable: true,
                    allow_long: false,
                    source: Source::Manual,
                })?;
            }
            Ok((acme.id.to_string(), globex.id.to_string()))
        })
        .expect("february")
}

#[test]
fn the_export_dialog_writes_what_the_core_exporter_writes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, db) = app_at(&dir, &["Acme", "Globex"]);
    let window = main_window(&app);
    let (acme, _) = february(&app);

    // The ranges as of Wednesday 12 March 2025 in Paris (weeks start on Monday).
    let options = invoke(&window, "export_options", json!({})).expect("options");
    assert_eq!(
        options["this_week"],
        json!({"from": "2025-03-10", "to": "2025-03-16"})
    );
    assert_eq!(
        options["last_month"],
        json!({"from": "2025-02-01", "to": "2025-02-28"})
    );
    assert_eq!(options["clients"][0]["name"], "Acme");
    assert_eq!(options["default_rounding"], "none");

    // The save dialog is offered the core's name; the stub answers with the folder.
    let out = dir.path().join("out");
    std::fs::create_dir(&out).expect("mkdir");
    std::fs::write(
        dir.path().join("dialog-answer"),
        format!("{}/", out.display()),
    )
    .expect("answer");
    let export = json!({
        "from": "2025-02-01", "to": "2025-02-28", "client_ids": [acme],
        "rounding": "15m:up", "excel": false, "by_client": false,
    });
    let path = invoke(
        &window,
        "choose_export_file",
        json!({ "args": export.clone() }),
    )
    .expect("save dialog");
    let expected_path = out.join("gardefou-2025-02-acme.csv");
    assert_eq!(path, json!(expected_path.display().to_string()));

    let done = invoke(
        &window,
        "export_csv",
        json!({ "args": { "export": export, "path": path } }),
    )
    .expect("export");
    // 50 min and 95 min, each rounded up to the quarter hour: 1 h + 1 h 45.
    assert_eq!(done["rows"], 2);
    assert_eq!(done["rounded_seconds"], 9900);
    assert_eq!(done["hours"], "2 h 45 min");
    assert_eq!(done["amounts"], json!(["125.13 EUR"]));

    // Byte for byte what the exporter gives for the same request.
    let mut cli = reopen(&db);
    let request = ExportRequest {
        clients: vec!["Acme".into()],
        rounding: RoundingChoice::parse("15m:up").expect("rule"),
        ..ExportRequest::new(
            chrono::NaiveDate::from_ymd_opt(2025, 2, 1).unwrap(),
            chrono::NaiveDate::from_ymd_opt(2025, 2, 28).unwrap(),
        )
    };
    let (expected, _) = gardefou::export::export_csv(&mut cli, &request, Vec::new()).expect("csv");
    let written = std::fs::read(&expected_path).expect("written");
    assert_eq!(
        String::from_utf8_lossy(&written),
        String::from_utf8_lossy(&expected)
    );
    assert!(String::from_utf8_lossy(&written).contains("'=SUM(A1)"));

    // The Excel variant, one line per client, every client, to a path of the person's choice.
    let mine = dir.path().join("mine.csv");
    std::fs::write(dir.path().join("dialog-answer"), mine.display().to_string()).expect("answer");
    let export = json!({
        "from": "2025-02-01", "to": "2025-02-28", "client_ids": [],
        "rounding": "", "excel": true, "by_client": true,
    });
    let path = invoke(
        &window,
        "choose_export_file",
        json!({ "args": export.clone() }),
    )
    .expect("save");
    assert_eq!(path, json!(mine.display().to_string()));
    let done = invoke(
        &window,
        "export_csv",
        json!({ "args": { "export": export, "path": path } }),
    )
    .expect("export");
    assert_eq!(done["rows"], 2, "one invoice line per client");
    assert_eq!(done["amounts"], json!(["109.96 EUR", "40.00 USD"]));
    let request = ExportRequest {
        dialect: Dialect::Excel,
        layout: Layout::ByClient,
        ..request
    };
    let request = ExportRequest {
        clients: vec![],
        rounding: RoundingChoice::Default,
        ..request
    };
    let (expected, _) = gardefou::export::export_csv(&mut cli, &request, Vec::new()).expect("csv");
    assert_eq!(std::fs::read(&mine).expect("written"), expected);

    // A cancelled dialog gives no path.
    std::fs::write(dir.path().join("dialog-answer"), "").expect("answer");
    let cancelled = invoke(
        &window,
        "choose_export_file",
        json!({ "args": export.clone() }),
    );
    assert_eq!(cancelled.expect("cancelled"), Value::Null);
}

#[test]
fn a_refused_export_writes_no_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, _) = app_at(&dir, &["Acme"]);
    let window = main_window(&app);
    let target = dir.path().join("never.csv");
    let export = |from: &str, to: &str, rounding: &str| {
        json!({ "args": { "export": {
            "from": from, "to": to, "client_ids": [], "rounding": rounding,
            "excel": false, "by_client": false,
        }, "path": target.display().to_string() } })
    };
    let reversed = invoke(
        &window,
        "export_csv",
        export("2025-03-01", "2025-02-01", ""),
    )
    .expect_err("reversed");
    assert_eq!(reversed["kind"], "invalid_value");
    let bad_rule = invoke(
        &window,
        "export_csv",
        export("2025-02-01", "2025-02-28", "7m:sideways"),
    )
    .expect_err("rule");
    assert_eq!(bad_rule["kind"], "invalid_value");
    let bad_date = invoke(
        &window,
        "export_csv",
        export("2025-02-30", "2025-03-01", ""),
    )
    .expect_err("date");
    assert_eq!(bad_date["kind"], "invalid_value");
    assert!(!target.exists());
    // A folder that does not exist: an I/O error, nothing left behind.
    let missing = dir.path().join("nope/x.csv");
    let refused = invoke(
        &window,
        "export_csv",
        json!({ "args": { "export": {
            "from": "2025-02-01", "to": "2025-02-28", "client_ids": [], "rounding": "",
            "excel": false, "by_client": false,
        }, "path": missing.display().to_string() } }),
    )
    .expect_err("missing folder");
    assert_eq!(refused["kind"], "io");
    assert!(!missing.exists());
}

fn import_args(file: &str, on_overlap: &str) -> Value {
    json!({ "args": {
        "format": "toggl",
        "path": format!("{FIXTURES}/{file}"),
        "client_from": "client",
        "timezone": "",
        "client_tag": "",
        "on_overlap": on_overlap,
    } })
}

#[test]
fn the_import_previews_then_imports_with_progress() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, db) = app_at(&dir, &[]);
    let window = main_window(&app);
    let progress: Arc<Mutex<Vec<Value>>> = Arc::default();
    let seen = progress.clone();
    app.listen_any(crate::IMPORT_PROGRESS, move |event| {
        let payload: Value = serde_json::from_str(event.payload()).expect("json");
        seen.lock().expect("lock").push(payload);
    });

    // The open dialog (stubbed) gives the file.
    std::fs::write(
        dir.path().join("dialog-answer"),
        format!("{FIXTURES}/toggl_detailed.csv"),
    )
    .expect("answer");
    let chosen = invoke(
        &window,
        "choose_import_source",
        json!({ "args": { "format": "toggl" } }),
    )
    .expect("open dialog");
    assert_eq!(chosen, json!(format!("{FIXTURES}/toggl_detailed.csv")));
    let unknown = invoke(
        &window,
        "choose_import_source",
        json!({ "args": { "format": "harvest" } }),
    )
    .expect_err("unknown format");
    assert_eq!(unknown["kind"], "invalid_value");

    let preview = invoke(
        &window,
        "preview_import",
        import_args("toggl_detailed.csv", "stop"),
    )
    .expect("preview");
    assert_eq!(preview["dry_run"], true);
    assert_eq!(preview["sessions"], 4);
    assert_eq!(preview["seconds"], 5400 + 433 + 3600 + 4500);
    assert_eq!(preview["hours"], "3 h 52 min");
    assert_eq!(preview["from"], "2024-03-04 09:00");
    assert_eq!(preview["to"], "2024-03-06 00:45");
    assert_eq!(preview["clients_created"], 2);
    assert_eq!(preview["clients"][0]["name"], "Acme");
    assert_eq!(preview["clients"][0]["rate"], "45.00 EUR");
    assert_eq!(preview["skipped"][0]["line"], 5);
    assert_eq!(preview["skipped"][0]["reason"], "zero_length");
    assert_eq!(preview["would_stop"], false);
    // The preview wrote nothing.
    let mut cli = reopen(&db);
    assert!(cli.clients().expect("clients").is_empty());

    let done = invoke(
        &window,
        "run_import",
        import_args("toggl_detailed.csv", "stop"),
    )
    .expect("import");
    assert_eq!(
        (done["dry_run"].clone(), done["sessions"].clone()),
        (json!(false), json!(4))
    );
    let clients: Vec<String> = cli
        .clients()
        .expect("clients")
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(clients, ["Acme", "Bôulangerie Dupré"]);
    let log = cli
        .week_log(Some(chrono::NaiveDate::from_ymd_opt(2024, 3, 4).unwrap()))
        .expect("log");
    assert_eq!(log.sessions.len(), 4);
    // Progress came as events, ending with everything read.
    let events = progress.lock().expect("lock").clone();
    let last = events.last().expect("a progress event");
    assert!(last["total"].as_u64().is_some_and(|t| t > 0), "{events:?}");
    assert_eq!(last["done"], last["total"]);

    // Again: nothing new, and an overlap preview says it would stop.
    let again = invoke(
        &window,
        "preview_import",
        import_args("toggl_detailed.csv", "stop"),
    )
    .expect("again");
    assert_eq!(
        (again["sessions"].clone(), again["already_imported"].clone()),
        (json!(0), json!(4))
    );
}

#[test]
fn a_bad_file_names_its_line_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, db) = app_at(&dir, &["Acme"]);
    let window = main_window(&app);
    for command in ["preview_import", "run_import"] {
        let error =
            invoke(&window, command, import_args("toggl_bad_date.csv", "stop")).expect_err(command);
        assert_eq!(error["kind"], "invalid_value", "{error}");
        let message = error["message"].as_str().expect("message");
        assert!(
            message.contains("toggl_bad_date.csv")
                && message.contains('4')
                && message.contains("2025-13-45"),
            "{message}"
        );
    }
    let mut cli = reopen(&db);
    let log = cli
        .week_log(Some(chrono::NaiveDate::from_ymd_opt(2024, 3, 4).unwrap()))
        .expect("log");
    assert!(
        log.sessions.is_empty(),
        "the good lines were not written either"
    );
    // In the user's language.
    app.state::<AppState>()
        .with_tracker(|t| t.set_setting("locale", "fr"))
        .expect("locale");
    let error = invoke(
        &window,
        "run_import",
        import_args("toggl_bad_date.csv", "stop"),
    )
    .expect_err("fr");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("ligne")),
        "{error}"
    );
}

#[test]
fn the_window_cannot_open_a_dialog_itself() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, _) = app_at(&dir, &[]);
    let window = main_window(&app);
    // The plugin is there for the commands; the window has none of its permissions.
    for cmd in [
        "plugin:dialog|open",
        "plugin:dialog|save",
        "plugin:dialog|message",
    ] {
        let refused = invoke(&window, cmd, json!({ "options": {} })).expect_err(cmd);
        assert!(
            refused.as_str().is_some_and(|m| m.contains("not allowed")),
            "{cmd}: {refused}"
        );
    }
}
