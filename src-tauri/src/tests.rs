//! The commands driven through Tauri's mock runtime, with the app's real
//! config and capabilities: what the window can call, and what it gets back.

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::tracker::NewClient;
use serde_json::{Value, json};
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

use crate::{AppState, MAIN_WINDOW, with_commands};

fn invoke(
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
fn main_window(app: &tauri::App<MockRuntime>) -> tauri::WebviewWindow<MockRuntime> {
    app.get_webview_window(MAIN_WINDOW).unwrap_or_else(|| {
        tauri::WebviewWindowBuilder::new(app, MAIN_WINDOW, Default::default())
            .build()
            .expect("main window")
    })
}

#[test]
fn start_and_stop_through_the_mock_runtime() {
    let dir = tempfile::tempdir().expect("tempdir");
    let clock = Arc::new(FixedClock::new(
        Utc.with_ymd_and_hms(2025, 3, 12, 10, 0, 0).unwrap(),
    ));
    let mut tracker = Tracker::open(&dir.path().join("g.sqlite3"), clock.clone()).expect("open");
    tracker.set_system_locale(gardefou::i18n::Locale::En);
    tracker
        .add_client(NewClient {
            name: "Acme".into(),
            ..NewClient::default()
        })
        .expect("client");

    let app = with_commands(mock_builder(), AppState::new(tracker))
        .build(tauri::generate_context!())
        .expect("app");
    let window = main_window(&app);

    let idle = invoke(&window, "get_state", json!({})).expect("get_state");
    assert_eq!(idle["running"], Value::Null);
    assert_eq!(idle["clients"][0]["name"], "Acme");

    let started = invoke(&window, "start_timer", json!({ "client": "acme" })).expect("start");
    assert_eq!(started["running"]["client"], "Acme");

    clock.advance(Duration::minutes(25));
    let stopped = invoke(&window, "stop_timer", json!({})).expect("stop");
    assert_eq!(stopped["running"], Value::Null);
    assert_eq!(stopped["today"][0]["duration_seconds"], 25 * 60);
    assert_eq!(stopped["today_seconds"], 25 * 60);

    // Errors reach the window as {kind, message, ...}: a kind to switch on.
    let error = invoke(&window, "stop_timer", json!({})).expect_err("nothing runs");
    assert_eq!(error["kind"], "nothing_running");
    assert_eq!(error["message"], "no timer is running");
    let error = invoke(&window, "start_timer", json!({ "client": "Nobody" })).expect_err("unknown");
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
fn commands_outside_the_capability_are_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tracker = Tracker::open(
        &dir.path().join("g.sqlite3"),
        Arc::new(FixedClock::new(
            Utc.with_ymd_and_hms(2025, 3, 12, 10, 0, 0).unwrap(),
        )),
    )
    .expect("open");
    let app = with_commands(mock_builder(), AppState::new(tracker))
        .build(tauri::generate_context!())
        .expect("app");
    let window = main_window(&app);
    // A core command the window was never granted.
    assert!(invoke(&window, "plugin:window|close", json!({})).is_err());
    assert!(invoke(&window, "delete_everything", json!({})).is_err());
}
