//! The commands driven through Tauri's mock runtime, with the app's real
//! config and capabilities: what the window can call, and what it gets back.

use std::sync::Arc;

use chrono::{Duration, NaiveDate, TimeZone, Utc};
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::tracker::NewClient;
use serde_json::{Value, json};
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

use crate::summary::SUMMARY_WINDOW;
use crate::{AppState, MAIN_WINDOW, with_commands};

pub(crate) fn invoke(
    webview: &tauri::WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().expect("json"))
}

/// The window the config declares (the mock runtime does not open it by itself).
pub(crate) fn main_window(app: &tauri::App<MockRuntime>) -> tauri::WebviewWindow<MockRuntime> {
    app.get_webview_window(MAIN_WINDOW).unwrap_or_else(|| {
        tauri::WebviewWindowBuilder::new(app, MAIN_WINDOW, Default::default())
            .build()
            .expect("main window")
    })
}

pub(crate) fn app_at(
    dir: &tempfile::TempDir,
    clients: &[&str],
) -> (tauri::App<MockRuntime>, Arc<FixedClock>, std::path::PathBuf) {
    let clock = Arc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2025, 3, 12, 10, 0, 0).unwrap(),
    ));
    let path = dir.path().join("g.sqlite3");
    let mut tracker = Tracker::open(&path, clock.clone()).expect("open");
    tracker.set_system_locale(gardefou::i18n::Locale::En);
    // Inside working hours whatever the day, so starts are not refused.
    tracker
        .set_setting("working_hours", "mon-sun 00:00-24:00")
        .expect("hours");
    tracker.set_setting("timezone", "Europe/Paris").expect("tz");
    for name in clients {
        tracker
            .add_client(NewClient {
                name: (*name).into(),
                ..NewClient::default()
            })
            .expect("client");
    }
    // The file dialogs answer from `dialog-answer` in the folder (see `dialogs`).
    let state = AppState::new(tracker).with_dialog_stub(Some(dir.path().join("dialog-answer")));
    let app = with_commands(mock_builder(), state)
        .build(tauri::generate_context!())
        .expect("app");
    (app, clock, path)
}

/// What the CLI would see: a second tracker on the same file.
pub(crate) fn reopen(path: &std::path::Path) -> Tracker {
    Tracker::open(
        path,
        Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2025, 3, 12, 10, 0, 0).unwrap(),
        )),
    )
    .expect("reopen")
}

#[test]
fn start_and_stop_through_the_mock_runtime() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, clock, _) = app_at(&dir, &["Acme"]);
    let window = main_window(&app);

    let idle = invoke(&window, "get_state", json!({})).expect("get_state");
    assert_eq!(idle["running"], Value::Null);
    assert_eq!(idle["clients"][0]["name"], "Acme");
    assert_eq!(idle["first_run"], false);
    let id = idle["clients"][0]["id"].as_str().expect("id").to_string();

    let started = invoke(
        &window,
        "start_timer",
        json!({ "args": { "client_id": id, "note": "call", "tags": ["Meeting"], "planned": "30m" } }),
    )
    .expect("start");
    assert_eq!(started["running"]["client"], "Acme");
    assert_eq!(started["running"]["tags"], json!(["meeting"]));

    clock.advance(Duration::minutes(25));
    let stopped = invoke(&window, "stop_timer", json!({})).expect("stop");
    assert_eq!(stopped["running"], Value::Null);
    assert_eq!(stopped["today"][0]["duration_seconds"], 25 * 60);
    assert_eq!(stopped["today_seconds"], 25 * 60);
    assert_eq!(stopped["meters"]["week_tracked_seconds"], 25 * 60);

    // Errors reach the window as {kind, message, ...}: a kind to switch on.
    let error = invoke(&window, "stop_timer", json!({})).expect_err("nothing runs");
    assert_eq!(error["kind"], "nothing_running");
    assert_eq!(error["message"], "no timer is running");
    let error = invoke(
        &window,
        "start_timer",
        json!({ "args": { "client_id": "Nobody" } }),
    )
    .expect_err("unknown");
    assert_eq!(error["kind"], "unknown_client");
    // ... in the user's language.
    app.state::<AppState>()
        .with_tracker(|t| t.set_setting("locale", "fr"))
        .expect("locale");
    let error = invoke(&window, "stop_timer", json!({})).expect_err("nothing runs");
    assert_eq!(error["kind"], "nothing_running");
    assert_eq!(error["message"], "aucun chrono ne tourne");
}

#[test]
fn clients_are_addressed_by_id_so_a_rename_breaks_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, clock, path) = app_at(&dir, &[]);
    let window = main_window(&app);
    assert_eq!(
        invoke(&window, "get_state", json!({})).expect("state")["first_run"],
        true
    );

    let added = invoke(
        &window,
        "add_client",
        json!({ "args": { "name": "Acme", "rate": "45.50", "currency": "EUR", "cap": "10h" } }),
    )
    .expect("add");
    assert_eq!(added["first_run"], false, "writes return the new snapshot");
    let rows = invoke(&window, "list_clients", json!({})).expect("list");
    assert_eq!(rows[0]["rate"], "45.50");
    assert_eq!(rows[0]["cap"], "10h");
    let id = rows[0]["id"].as_str().expect("id").to_string();

    invoke(
        &window,
        "edit_client",
        json!({ "args": { "id": id, "form": { "name": "Acme Corp", "rate": "50", "cap": "" } } }),
    )
    .expect("edit");
    let rows = invoke(&window, "list_clients", json!({})).expect("list");
    assert_eq!(rows[0]["name"], "Acme Corp");
    assert_eq!(rows[0]["cap"], "", "an empty cap is none");
    let started = invoke(
        &window,
        "start_timer",
        json!({ "args": { "client_id": id } }),
    )
    .expect("start by id after the rename");
    assert_eq!(started["running"]["client"], "Acme Corp");
    clock.advance(Duration::minutes(5));
    invoke(&window, "stop_timer", json!({})).expect("stop");

    let state = invoke(
        &window,
        "set_client_archived",
        json!({ "args": { "id": id, "archived": true } }),
    )
    .expect("archive");
    assert_eq!(state["clients"], json!([]), "archived: out of the picker");
    let rows = invoke(&window, "list_clients", json!({})).expect("list");
    assert_eq!(rows[0]["archived"], true);
    let cli = reopen(&path).clients().expect("clients");
    assert_eq!((cli[0].name.as_str(), cli[0].archived), ("Acme Corp", true));
}

#[test]
fn sessions_can_be_added_edited_deleted_and_restored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, path) = app_at(&dir, &["Acme"]);
    let window = main_window(&app);
    let id = invoke(&window, "get_state", json!({})).expect("state")["clients"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let form = |start: &str, end: &str| json!({ "client_id": id, "start": start, "end": end, "note": "n", "tags": [], "billable": true });
    let today = invoke(
        &window,
        "add_session",
        json!({ "args": form("2025-03-12 08:00", "2025-03-12 09:00") }),
    )
    .expect("add");
    assert_eq!(today["today"][0]["start_local"], "08:00");
    invoke(
        &window,
        "add_session",
        json!({ "args": form("2025-03-11 08:00", "2025-03-11 09:30") }),
    )
    .expect("add");
    let week = invoke(&window, "week_sessions", json!({ "args": {} })).expect("week");
    let (second, first) = (week["sessions"][0].clone(), week["sessions"][1].clone());
    assert_eq!(first["start_local"], "08:00");
    assert_eq!(first["start_date"], "2025-03-12");

    // An overlap is refused and nothing changes.
    let error = invoke(
        &window,
        "edit_session",
        json!({ "args": { "id": second["id"], "form": form("2025-03-12 08:30", "2025-03-12 09:30") } }),
    )
    .expect_err("overlap");
    assert!(error["kind"].is_string(), "{error}");
    let week = invoke(&window, "week_sessions", json!({ "args": {} })).expect("week");
    assert_eq!(week["first_day"], "2025-03-10");
    assert_eq!(week["next"], Value::Null, "this week has no next");
    assert_eq!(week["sessions"][0]["start"], "2025-03-11T08:00:00+01:00");

    invoke(
        &window,
        "edit_session",
        json!({ "args": { "id": second["id"], "form": form("2025-03-11 10:00", "2025-03-11 11:00") } }),
    )
    .expect("edit");
    let week = invoke(&window, "week_sessions", json!({ "args": {} })).expect("week");
    assert_eq!(week["sessions"][0]["start_local"], "10:00");
    assert_eq!(week["sessions"][0]["color"], first["color"]);

    invoke(
        &window,
        "delete_session",
        json!({ "args": { "id": first["id"] } }),
    )
    .expect("delete");
    let week = invoke(
        &window,
        "week_sessions",
        json!({ "args": { "date": "2025-03-12" } }),
    )
    .expect("week");
    assert_eq!(week["sessions"].as_array().expect("list").len(), 1);
    invoke(
        &window,
        "restore_session",
        json!({ "args": { "id": first["id"] } }),
    )
    .expect("undo");
    assert_eq!(reopen(&path).log(None, None, None).expect("log").len(), 2);

    let earlier = invoke(
        &window,
        "week_sessions",
        json!({ "args": { "date": "2025-03-03" } }),
    )
    .expect("an earlier week");
    assert_eq!(earlier["next"], "2025-03-10");
    assert_eq!(earlier["sessions"].as_array().expect("list").len(), 0);
}

#[test]
fn settings_are_saved_as_the_cli_shows_them() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, path) = app_at(&dir, &[]);
    let window = main_window(&app);
    let model = invoke(&window, "get_settings", json!({})).expect("settings");
    assert!(
        model["timezones"]
            .as_array()
            .expect("zones")
            .iter()
            .any(|z| z == "Europe/Paris")
    );
    invoke(
        &window,
        "set_setting",
        json!({ "args": { "key": "working_hours", "value": "mon 09:00-12:00,13:00-18:00; tue 09:00-12:00,13:00-18:00; wed off; thu off; fri off; sat off; sun off" } }),
    )
    .expect("hours");
    let model = invoke(&window, "get_settings", json!({})).expect("settings");
    assert_eq!(
        model["working_hours"][0],
        json!([{ "from": "09:00", "to": "12:00" }, { "from": "13:00", "to": "18:00" }])
    );
    let shown = reopen(&path).settings().expect("settings");
    assert_eq!(
        shown.get("working_hours").as_deref(),
        Some("mon-tue 09:00-12:00,13:00-18:00; wed-sun off")
    );
    invoke(
        &window,
        "set_setting",
        json!({ "args": { "key": "locale", "value": "fr" } }),
    )
    .expect("locale");
    assert_eq!(
        invoke(&window, "get_state", json!({})).expect("state")["locale"],
        "fr"
    );
}

#[test]
fn bad_input_is_refused_with_a_typed_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, path) = app_at(&dir, &["Acme"]);
    let window = main_window(&app);
    let id = invoke(&window, "get_state", json!({})).expect("state")["clients"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let typed = |error: Value, kind: &str, field: &str| {
        assert_eq!(
            (error["kind"].as_str(), error["field"].as_str()),
            (Some(kind), Some(field)),
            "{error}"
        );
        assert!(error["message"].is_string(), "{error}");
    };
    // Out of range and malformed values, each refused by the core.
    typed(
        invoke(
            &window,
            "add_client",
            json!({ "args": { "name": "Big", "rate": "-5" } }),
        )
        .expect_err("rate"),
        "invalid_value",
        "rate",
    );
    typed(
        invoke(
            &window,
            "add_client",
            json!({ "args": { "name": "Big", "cap": "900h" } }),
        )
        .expect_err("cap"),
        "invalid_value",
        "cap",
    );
    typed(
        invoke(&window, "add_client", json!({ "args": { "name": "  " } })).expect_err("name"),
        "invalid_value",
        "name",
    );
    typed(
        invoke(
            &window,
            "add_client",
            json!({ "args": { "name": "Big", "color": "red" } }),
        )
        .expect_err("color"),
        "invalid_value",
        "color",
    );
    let future = json!({ "client_id": id, "start": "2030-01-01 09:00", "end": "2030-01-01 10:00" });
    typed(
        invoke(&window, "add_session", json!({ "args": future })).expect_err("future"),
        "out_of_range",
        "start",
    );
    let old = json!({ "client_id": id, "start": "1960-01-01 09:00", "end": "1960-01-01 10:00" });
    typed(
        invoke(&window, "add_session", json!({ "args": old })).expect_err("before 1971"),
        "out_of_range",
        "start",
    );
    typed(
        invoke(
            &window,
            "start_timer",
            json!({ "args": { "client_id": id, "planned": "soon" } }),
        )
        .expect_err("planned"),
        "invalid_value",
        "planned",
    );
    typed(
        invoke(
            &window,
            "set_setting",
            json!({ "args": { "key": "warn_at", "value": "150" } }),
        )
        .expect_err("warn_at"),
        "invalid_value",
        "warn_at",
    );
    typed(
        invoke(
            &window,
            "week_sessions",
            json!({ "args": { "date": "2025-13-45" } }),
        )
        .expect_err("date"),
        "invalid_value",
        "date",
    );
    // Missing or mistyped arguments never reach the core.
    assert!(invoke(&window, "start_timer", json!({})).is_err());
    assert!(invoke(&window, "add_client", json!({ "args": { "name": 5 } })).is_err());

    let mut cli = reopen(&path);
    assert_eq!(cli.clients().expect("clients").len(), 1, "no client added");
    assert!(
        cli.log(None, None, None).expect("log").is_empty(),
        "no session added"
    );
    assert!(
        cli.status().expect("status").running.is_none(),
        "nothing started"
    );
    assert_eq!(cli.settings().expect("settings").warn_at, 80);
}

#[test]
fn every_command_is_granted_to_its_windows_only() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, _) = app_at(&dir, &["Acme"]);
    let main = main_window(&app);
    let summary = tauri::WebviewWindowBuilder::new(&app, SUMMARY_WINDOW, Default::default())
        .build()
        .expect("summary window");
    // A window no capability names: every command of the list is refused.
    let intruder = tauri::WebviewWindowBuilder::new(&app, "intruder", Default::default())
        .build()
        .expect("second window");
    let not_allowed = |answer: &Result<Value, Value>| matches!(answer, Err(e) if e.as_str().is_some_and(|m| m.contains("not allowed")));
    for (name, windows) in crate::commands::GRANTS.iter().filter(|(n, _)| *n != "quit") {
        let refused = invoke(&intruder, name, json!({ "args": {} }));
        assert!(
            not_allowed(&refused),
            "{name} from an ungranted window: {refused:?}"
        );
        for (label, window) in [(MAIN_WINDOW, &main), (SUMMARY_WINDOW, &summary)] {
            // `open_summary` opens a window: the mock runtime can, but it is
            // tested on its own below.
            if *name == "open_summary" && windows.contains(&label) {
                continue;
            }
            let answer = invoke(window, name, json!({ "args": {} }));
            assert_eq!(
                not_allowed(&answer),
                !windows.contains(&label),
                "{name} from the {label} window: {answer:?}"
            );
        }
    }
}

#[test]
fn the_summary_window_reads_the_week_and_records_a_decision() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, clock, path) = app_at(&dir, &["Acme"]);
    let state = app.state::<AppState>();
    state
        .with_tracker(|t| {
            t.edit_client(
                "Acme",
                gardefou::tracker::ClientChanges {
                    rate: Some("40".into()),
                    cap_seconds: Some(Some(3600)),
                    ..Default::default()
                },
            )
        })
        .expect("cap");
    let main = main_window(&app);
    let id = invoke(&main, "get_state", json!({})).expect("state")["clients"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let form = json!({ "client_id": id, "start": "2025-03-11 08:00", "end": "2025-03-11 10:30" });
    invoke(&main, "add_session", json!({ "args": form })).expect("add");
    let summary = tauri::WebviewWindowBuilder::new(&app, SUMMARY_WINDOW, Default::default())
        .build()
        .expect("summary window");

    let week = invoke(
        &summary,
        "week_summary",
        json!({ "args": { "date": "2025-03-12" } }),
    )
    .expect("summary");
    assert_eq!(week["first_day"], "2025-03-10");
    assert_eq!(week["total_seconds"], 9000);
    assert_eq!(week["clients"][0]["days"][1]["text"], "2:30");
    assert_eq!(week["clients"][0]["cap"]["level"], "reached");
    assert_eq!(week["questions"][0]["client"], "Acme");
    assert_eq!(week["questions"][0]["rate"], "40.00");
    assert_eq!(week["questions"][0]["answered"], Value::Null);
    // A bad date is the core's typed refusal.
    let error = invoke(
        &summary,
        "week_summary",
        json!({ "args": { "date": "2025-13-45" } }),
    )
    .expect_err("bad date");
    assert_eq!(error["kind"], "invalid_value");

    // Raise the rate: answered for that week, the rate is the client's now.
    let args = json!({ "client_id": id, "week": "2025-03-10", "choice": "raise_rate", "rate": "55", "note": "scope grew" });
    let after = invoke(&summary, "record_decision", json!({ "args": args })).expect("decide");
    assert_eq!(after["questions"][0]["answered"], "raise_rate");
    assert_eq!(after["questions"][0]["rate"], "55.00");
    let mut cli = reopen(&path);
    let decisions = cli.decisions(None).expect("decisions");
    assert_eq!(decisions.len(), 1);
    assert_eq!(decisions[0].note, "scope grew");
    assert_eq!(decisions[0].new_rate_minor, Some(5500));
    // Never asked twice for that week.
    let again = json!({ "client_id": id, "week": "2025-03-12", "choice": "skip" });
    let error = invoke(&summary, "record_decision", json!({ "args": again })).expect_err("twice");
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("already answered")),
        "{error}"
    );
    // An unknown choice never reaches the core; a notice that is not a date is named.
    let bad = json!({ "client_id": id, "week": "2025-03-03", "choice": "fire" });
    assert!(invoke(&summary, "record_decision", json!({ "args": bad })).is_err());
    let bad = json!({ "client_id": id, "week": "2025-03-03", "choice": "end_engagement", "notice_until": "soon" });
    let error = invoke(&summary, "record_decision", json!({ "args": bad })).expect_err("notice");
    assert_eq!(error["field"], "notice_until", "{error}");
    // End after a notice: startable until then, archived by the minute's work after it.
    let end = json!({ "client_id": id, "week": "2025-03-03", "choice": "end_engagement", "notice_until": "2025-03-14" });
    invoke(&summary, "record_decision", json!({ "args": end })).expect("notice");
    crate::summary::every_minute(app.handle(), &state);
    assert!(
        !reopen(&path).clients().expect("clients")[0].archived,
        "still in notice"
    );
    clock.set(Utc.with_ymd_and_hms(2025, 3, 15, 9, 0, 0).unwrap());
    crate::summary::every_minute(app.handle(), &state);
    assert!(
        reopen(&path).clients().expect("clients")[0].archived,
        "the notice is over"
    );
}

#[test]
fn a_summary_open_by_hand_is_left_alone_when_another_is_due() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, clock, _) = app_at(&dir, &["Acme"]);
    let state = app.state::<AppState>();
    // Monday morning: last week's summary is due, but the user has a summary
    // open (another week): it is not switched, and the due one stays due.
    clock.set(Utc.with_ymd_and_hms(2025, 3, 17, 8, 0, 0).unwrap());
    let open = tauri::WebviewWindowBuilder::new(&app, SUMMARY_WINDOW, Default::default())
        .build()
        .expect("a summary open by hand");
    let url = open.url().expect("url");
    crate::summary::every_minute(app.handle(), &state);
    assert_eq!(open.url().expect("url"), url);
    assert_eq!(
        state
            .with_tracker(|t| t.last_summary_shown())
            .expect("shown"),
        None
    );
    assert_eq!(
        state.with_tracker(|t| t.summary_due()).expect("due"),
        NaiveDate::from_ymd_opt(2025, 3, 10)
    );
}

#[test]
fn the_summary_opens_by_itself_once_when_due() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, clock, _) = app_at(&dir, &["Acme"]);
    let state = app.state::<AppState>();
    let shown = |state: &AppState| {
        state
            .with_tracker(|t| t.last_summary_shown())
            .expect("shown")
    };
    // Wednesday: the working week (every day until Sunday midnight) has not ended.
    crate::summary::every_minute(app.handle(), &state);
    assert!(app.get_webview_window(SUMMARY_WINDOW).is_none());
    // Monday morning: last week's summary is due, opens and counts as shown.
    clock.set(Utc.with_ymd_and_hms(2025, 3, 17, 8, 0, 0).unwrap());
    crate::summary::every_minute(app.handle(), &state);
    let window = app
        .get_webview_window(SUMMARY_WINDOW)
        .expect("opened by itself");
    assert!(
        window
            .url()
            .expect("url")
            .as_str()
            .contains("summary.html?week=2025-03-10")
    );
    assert_eq!(shown(&state), NaiveDate::from_ymd_opt(2025, 3, 10));
    // Shown: the core says it is due no more, however many minutes pass.
    clock.set(Utc.with_ymd_and_hms(2025, 3, 17, 8, 5, 0).unwrap());
    assert_eq!(state.with_tracker(|t| t.summary_due()).expect("due"), None);
    // Off by setting: nothing opens either.
    state
        .with_tracker(|t| t.set_setting("summary_auto_open", "off"))
        .expect("off");
    assert_eq!(state.with_tracker(|t| t.summary_due()).expect("due"), None);
}

#[test]
fn commands_outside_the_capability_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, _) = app_at(&dir, &[]);
    let window = main_window(&app);
    // A core command the window was never granted.
    assert!(invoke(&window, "plugin:window|close", json!({})).is_err());
    assert!(invoke(&window, "delete_everything", json!({})).is_err());
}

#[test]
fn the_ticker_beats_each_minute_of_a_running_timer() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, clock, _) = app_at(&dir, &["Acme"]);
    let state = app.state::<AppState>();
    state
        .with_tracker(|t| t.start(gardefou::tracker::StartRequest::new("Acme")))
        .expect("start");
    let mut seen = None;
    crate::ticker::tick(app.handle(), &state, &mut seen); // publishes: minute 0
    let unwatched = |state: &AppState| {
        state
            .with_tracker(|t| t.recovery())
            .expect("recovery")
            .is_some()
    };
    // Never watched yet: a timer the app never beat for is not asked about.
    clock.advance(Duration::minutes(10));
    assert!(!unwatched(&state));
    // The minute moved: the tick records the last-seen instant ...
    crate::ticker::tick(app.handle(), &state, &mut seen);
    clock.advance(Duration::seconds(90));
    assert!(!unwatched(&state), "seen 90 s ago");
    // ... so an app that stops ticking (a crash) is asked about after 2 minutes.
    clock.advance(Duration::seconds(60));
    assert!(unwatched(&state), "seen 150 s ago");
}

/// Collects the payloads of `event` emitted to the app.
fn record(app: &tauri::App<MockRuntime>, event: &str) -> std::sync::mpsc::Receiver<Value> {
    use tauri::Listener;
    let (tx, rx) = std::sync::mpsc::channel();
    app.listen(event, move |e| {
        let _ = tx.send(serde_json::from_str(e.payload()).expect("json"));
    });
    rx
}

#[test]
fn a_second_launch_opens_its_view_in_the_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, _, _) = app_at(&dir, &["Acme"]);
    let _window = main_window(&app);
    let opened = record(&app, crate::OPEN_VIEW);
    // What the single-instance plugin passes: the second process's arguments.
    crate::single_instance::on_second_launch(app.handle(), &["sessions".to_string()]);
    let got = opened
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("open-view");
    assert_eq!(got, "sessions");
    // A bare second launch only shows the window.
    crate::single_instance::on_second_launch(app.handle(), &[]);
    let got = opened
        .recv_timeout(std::time::Duration::from_secs(5))
        .expect("open-view");
    assert_eq!(got, Value::Null);
}

#[test]
fn alerts_reach_the_window_as_banners_and_a_failing_server_is_said_once() {
    use gardefou::notify::RecordingNotifier;
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, clock, _) = app_at(&dir, &["Acme"]);
    let window = main_window(&app);
    let state = app.state::<AppState>();
    state
        .with_tracker(|t| t.set_setting("weekly_cap", "1h"))
        .expect("cap");
    state
        .with_tracker(|t| t.start(gardefou::tracker::StartRequest::new("Acme")))
        .expect("start");
    clock.advance(Duration::minutes(70));
    let (alerts, unavailable) = (
        record(&app, crate::notices::ALERT),
        record(&app, crate::notices::NOTIFICATIONS_UNAVAILABLE),
    );
    let notifier = RecordingNotifier::new();
    notifier.set_failing(true); // no notification server on the bus
    for _ in 0..2 {
        let delivery = crate::notices::deliver_due(&state, &notifier).expect("deliver");
        crate::notices::announce(app.handle(), &state, &delivery);
    }
    let wait = std::time::Duration::from_secs(5);
    let mut kinds = Vec::new();
    while let Ok(banner) = alerts.recv_timeout(std::time::Duration::from_millis(300)) {
        assert!(banner["summary"].as_str().is_some_and(|s| !s.is_empty()));
        kinds.push(banner["kind"].as_str().expect("kind").to_string());
    }
    assert!(
        kinds.contains(&"weekly_cap_reached".to_string()),
        "{kinds:?}"
    );
    let mut unique = kinds.clone();
    unique.dedup();
    assert_eq!(kinds, unique, "a retried alert is bannered once");
    unavailable.recv_timeout(wait).expect("said once");
    assert!(
        unavailable
            .recv_timeout(std::time::Duration::from_millis(300))
            .is_err(),
        "not twice"
    );
    // A window that opens now gets the same.
    let banners = invoke(&window, "get_banners", json!({})).expect("banners");
    assert_eq!(banners["notifications_unavailable"], true);
    assert_eq!(
        banners["alerts"].as_array().expect("alerts").len(),
        kinds.len()
    );
}

#[test]
fn the_snapshot_says_where_the_user_stands_for_the_tray() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, clock, _) = app_at(&dir, &["Acme"]);
    let window = main_window(&app);
    let standing = |w: &tauri::WebviewWindow<MockRuntime>| {
        invoke(w, "get_state", json!({})).expect("state")["meters"]["standing"].clone()
    };
    assert_eq!(standing(&window), "idle");
    let id = invoke(&window, "get_state", json!({})).expect("state")["clients"][0]["id"]
        .as_str()
        .expect("id")
        .to_string();
    invoke(
        &window,
        "start_timer",
        json!({ "args": { "client_id": id } }),
    )
    .expect("start");
    assert_eq!(standing(&window), "running");
    invoke(
        &window,
        "set_setting",
        json!({ "args": { "key": "weekly_cap", "value": "1h" } }),
    )
    .expect("cap");
    clock.advance(Duration::minutes(61));
    let snapshot = app.state::<AppState>().snapshot().expect("snapshot");
    assert_eq!(
        serde_json::to_value(snapshot.meters.standing).expect("json"),
        "over_boundary"
    );
    // The tray's text: the timer and the week against the cap.
    let facts = crate::tray_labels::TrayFacts::of(&snapshot);
    assert_eq!(
        crate::tray_labels::panel(&facts, gardefou::i18n::Locale::En),
        "Acme 1:01 · 1:01 / 1:00"
    );
}

#[test]
fn the_ticker_wakes_at_most_once_a_minute_on_its_own() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (app, clock, _) = app_at(&dir, &["Acme"]);
    let state = app.state::<AppState>();
    state
        .with_tracker(|t| t.start(gardefou::tracker::StartRequest::new("Acme")))
        .expect("start");
    let mut seen = None;
    crate::ticker::tick(app.handle(), &state, &mut seen);
    clock.advance(Duration::seconds(10));
    let now = state.clock.now();
    let running = state.published_running_start();
    assert!(running.is_some());
    let minute = crate::ticker::next_minute(now, running);
    assert_eq!((minute - now).num_seconds(), 50, "the timer's next minute");
    // No boundary set: nothing sooner than the minute.
    let crossing = state
        .with_tracker(|t| t.next_crossing_at())
        .expect("crossing");
    assert_eq!(crate::ticker::next_wake(now, minute, crossing), minute);
}
