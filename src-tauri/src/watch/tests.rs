//! The glue through Tauri's mock runtime, with fake sources: what the app
//! observes becomes the window's questions, and each answer stores what the
//! core says (Europe/Paris; the clock is fixed and moved by hand).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, TimeZone, Utc};
use gardefou::Tracker;
use gardefou::clock::FixedClock;
use gardefou::tracker::{NewClient, StartRequest};
use serde_json::{Value, json};
use tauri::Manager;
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

use super::*;
use crate::platform::idle::IdleSource;
use crate::platform::sleep::{SleepSource, Slept};
use crate::{AppState, MAIN_WINDOW, with_commands};

/// "Seconds since the last input", set by the test.
struct FakeIdle(Arc<AtomicU64>);

impl IdleSource for FakeIdle {
    fn idle_seconds(&mut self) -> Option<u64> {
        Some(self.0.load(Ordering::SeqCst))
    }
}

/// A sleep the test hands over once.
struct FakeSleep(Arc<Mutex<Option<Slept>>>);

impl SleepSource for FakeSleep {
    fn poll(&mut self) -> Option<Slept> {
        self.0.lock().unwrap().take()
    }
}

/// A session as the assertions read it: start, end, client, billable.
type Piece = (DateTime<Utc>, Option<DateTime<Utc>>, String, bool);

struct Rig {
    app: tauri::App<MockRuntime>,
    window: tauri::WebviewWindow<MockRuntime>,
    clock: Arc<FixedClock>,
    idle: Arc<AtomicU64>,
    slept: Arc<Mutex<Option<Slept>>>,
    /// What the notification was asked, and whether it can ask.
    asked: Arc<Mutex<Vec<String>>>,
}

fn paris(d: u32, h: u32, m: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Paris
        .with_ymd_and_hms(2026, 11, d, h, m, 0)
        .unwrap()
        .to_utc()
}

/// Acme and Globex; `idle`: whether an idle backend answers; `actions`:
/// whether the notification server shows actions (and then answers Stop).
fn rig(dir: &tempfile::TempDir, idle: bool, actions: bool) -> Rig {
    let clock = Arc::new(FixedClock::new(paris(30, 9, 0)));
    let mut tracker = Tracker::open(&dir.path().join("g.sqlite3"), clock.clone()).expect("open");
    tracker.set_system_locale(gardefou::i18n::Locale::En);
    tracker.set_setting("timezone", "Europe/Paris").unwrap();
    tracker
        .set_setting("working_hours", "mon-sun 00:00-24:00")
        .unwrap();
    for name in ["Acme", "Globex"] {
        tracker
            .add_client(NewClient {
                name: name.into(),
                ..NewClient::default()
            })
            .unwrap();
    }
    let app = with_commands(mock_builder(), AppState::new(tracker))
        .build(tauri::generate_context!())
        .expect("app");
    let window = app.get_webview_window(MAIN_WINDOW).unwrap_or_else(|| {
        tauri::WebviewWindowBuilder::new(&app, MAIN_WINDOW, Default::default())
            .build()
            .expect("window")
    });
    let reading = Arc::new(AtomicU64::new(0));
    let slept = Arc::new(Mutex::new(None));
    let asked = Arc::new(Mutex::new(Vec::new()));
    let source = reading.clone();
    let open_idle: OpenIdle =
        Box::new(move || idle.then(|| Box::new(FakeIdle(source.clone())) as Box<dyn IdleSource>));
    let log = asked.clone();
    let asker: Asker = Arc::new(move |question: Question, on_reply| {
        log.lock().unwrap().push(question.summary.clone());
        if !actions {
            return Err(CannotAsk::NoActions);
        }
        on_reply(Reply::Act);
        Ok(())
    });
    app.state::<Watch>()
        .set_sources(open_idle, Box::new(FakeSleep(slept.clone())), asker);
    Rig {
        app,
        window,
        clock,
        idle: reading,
        slept,
        asked,
    }
}

impl Rig {
    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        get_ipc_response(
            &self.window,
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

    fn questions(&self) -> Value {
        self.invoke("watch_questions", json!({}))
            .expect("questions")
    }

    fn tracker<T>(&self, f: impl FnOnce(&mut Tracker) -> gardefou::Result<T>) -> T {
        self.app
            .state::<AppState>()
            .with_tracker(f)
            .expect("tracker")
    }

    fn start(&self, client: &str) {
        self.tracker(|t| t.start(StartRequest::new(client.to_string())));
    }

    /// A reading at `at`, the last input `idle` seconds before.
    fn minute_at(&self, at: DateTime<Utc>, idle: u64) {
        self.clock.set(at);
        self.idle.store(idle, Ordering::SeqCst);
        minute(self.app.handle());
    }

    /// (start, end, client, billable) of every session, oldest first.
    fn sessions(&self) -> Vec<Piece> {
        self.tracker(|t| t.week_log(None))
            .sessions
            .iter()
            .map(|s| (s.start, s.end, s.client_name.clone(), s.billable))
            .collect()
    }
}

fn away_args(question: &Value, choice: &str) -> Value {
    json!({ "args": {
        "session_id": question["session_id"],
        "from": question["from"],
        "to": question["to"],
        "cause": question["cause"],
        "choice": choice,
    } })
}

#[test]
fn a_stale_heartbeat_at_launch_is_asked_about_and_stop_at_last_seen_stores_that_end() {
    let dir = tempfile::tempdir().unwrap();
    let rig = rig(&dir, true, true);
    rig.start("Acme");
    rig.clock.set(paris(30, 11, 2));
    assert!(rig.tracker(|t| t.heartbeat()));
    // The app died; it starts again at 14:00.
    rig.clock.set(paris(30, 14, 0));
    let view = rig.questions();
    let q = &view["recovery"];
    assert_eq!(q["client"], "Acme");
    assert_eq!(q["last_seen_time"], "11:02");
    let text = q["question"].as_str().unwrap();
    assert!(
        text.contains("Acme") && text.contains("Mon 30 Nov") && text.contains("11:02"),
        "{text}"
    );
    // Nothing changed before the answer.
    assert_eq!(rig.sessions()[0].1, None);
    let bad = rig
        .invoke("answer_recovery", json!({ "args": { "answer": "later" } }))
        .expect_err("not an answer");
    assert_eq!(bad["kind"], "invalid_value");
    rig.invoke(
        "answer_recovery",
        json!({ "args": { "answer": "last-seen" } }),
    )
    .expect("answer");
    assert_eq!(
        rig.sessions(),
        [(paris(30, 9, 0), Some(paris(30, 11, 2)), "Acme".into(), true)]
    );
    assert_eq!(rig.questions()["recovery"], Value::Null);
}

#[test]
fn idle_input_becomes_an_away_question_and_discard_ends_the_session_where_it_began() {
    let dir = tempfile::tempdir().unwrap();
    let rig = rig(&dir, true, true);
    rig.tracker(|t| t.set_setting("idle_after", "10m"));
    rig.start("Acme");
    rig.minute_at(paris(30, 10, 5), 300);
    rig.minute_at(paris(30, 10, 20), 600 + 300);
    assert_eq!(
        rig.questions()["away"],
        json!([]),
        "still away: no question yet"
    );
    // Input again at 10:39, read at 10:40.
    rig.minute_at(paris(30, 10, 40), 60);
    let view = rig.questions();
    let away = view["away"].as_array().unwrap();
    assert_eq!(away.len(), 1, "{view}");
    let q = &away[0];
    assert_eq!(
        (q["cause"].as_str(), q["from_time"].as_str()),
        (Some("idle"), Some("10:05"))
    );
    assert_eq!(q["from"], "2026-11-30T09:05:00Z");
    assert_eq!(q["to"], "2026-11-30T09:39:00Z");
    assert!(
        q["question"]
            .as_str()
            .unwrap()
            .contains("from 10:05 to 10:39"),
        "{q}"
    );
    assert_eq!(rig.sessions().len(), 1, "nothing changes until the answer");
    let mut args = away_args(q, "discard");
    args["args"]["restart"] = json!(true);
    rig.invoke("answer_away", args).expect("discard");
    assert_eq!(
        rig.sessions(),
        [
            (paris(30, 9, 0), Some(paris(30, 10, 5)), "Acme".into(), true),
            (paris(30, 10, 39), None, "Acme".into(), true),
        ]
    );
    assert_eq!(
        rig.questions()["away"],
        json!([]),
        "answered: not asked again"
    );
    // The same answer twice is refused by the core.
    let again = rig
        .invoke("answer_away", away_args(q, "keep"))
        .expect_err("answered");
    assert_ne!(again["kind"], Value::Null);
}

#[test]
fn idle_after_zero_reads_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let rig = rig(&dir, true, true);
    rig.tracker(|t| t.set_setting("idle_after", "0"));
    rig.start("Acme");
    rig.minute_at(paris(30, 10, 0), 3000);
    rig.minute_at(paris(30, 11, 0), 0);
    assert_eq!(rig.questions()["away"], json!([]));
}

#[test]
fn a_suspend_seen_by_logind_is_one_away_question_and_keep_also_answers_the_silent_heartbeat() {
    let dir = tempfile::tempdir().unwrap();
    let rig = rig(&dir, true, true);
    rig.start("Acme");
    rig.clock.set(paris(30, 11, 59));
    assert!(rig.tracker(|t| t.heartbeat()));
    let watch = rig.app.state::<Watch>();
    rig.clock.set(paris(30, 12, 0));
    assert!(!watch.on_sleep_signal(true));
    // The clocks measured it too (a few seconds less: placed at the resume).
    *rig.slept.lock().unwrap() = Some(Slept {
        from: paris(30, 12, 1),
        to: paris(30, 12, 30),
    });
    rig.clock.set(paris(30, 12, 30));
    assert!(watch.on_sleep_signal(false));
    let view = rig.questions();
    let away = view["away"].as_array().unwrap();
    assert_eq!(away.len(), 1, "{view}");
    assert_eq!(
        (away[0]["cause"].as_str(), away[0]["from_time"].as_str()),
        (Some("sleep"), Some("12:00"))
    );
    // The heartbeat went silent too, but the suspend is the question asked.
    assert!(rig.tracker(|t| t.recovery()).is_some());
    assert_eq!(view["recovery"], Value::Null);
    rig.invoke("answer_away", away_args(&away[0], "keep"))
        .expect("keep");
    assert!(
        rig.tracker(|t| t.recovery()).is_none(),
        "the silent stretch is answered"
    );
    assert!(rig.tracker(|t| t.heartbeat()), "beats again");
    let view = rig.questions();
    assert_eq!(
        (view["away"].clone(), view["recovery"].clone()),
        (json!([]), Value::Null)
    );
    assert_eq!(rig.sessions()[0].1, None, "kept: still running");
}

#[test]
fn a_suspend_given_to_another_client_or_non_billable_splits_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let rig = rig(&dir, true, true);
    rig.start("Acme");
    rig.minute_at(paris(30, 10, 0), 0);
    *rig.slept.lock().unwrap() = Some(Slept {
        from: paris(30, 10, 0),
        to: paris(30, 10, 30),
    });
    rig.minute_at(paris(30, 10, 30), 0);
    let q = rig.questions()["away"][0].clone();
    let globex = rig.tracker(|t| t.clients_this_week())[1]
        .client
        .id
        .to_string();
    let mut args = away_args(&q, "reassign");
    args["args"]["client_id"] = json!(globex);
    rig.invoke("answer_away", args).expect("reassign");
    assert_eq!(
        rig.sessions(),
        [
            (paris(30, 9, 0), Some(paris(30, 10, 0)), "Acme".into(), true),
            (
                paris(30, 10, 0),
                Some(paris(30, 10, 30)),
                "Globex".into(),
                true
            ),
            (paris(30, 10, 30), None, "Acme".into(), true),
        ]
    );
    *rig.slept.lock().unwrap() = Some(Slept {
        from: paris(30, 11, 0),
        to: paris(30, 11, 20),
    });
    rig.minute_at(paris(30, 11, 20), 0);
    let q = rig.questions()["away"][0].clone();
    rig.invoke("answer_away", away_args(&q, "non_billable"))
        .expect("non-billable");
    let sessions = rig.sessions();
    assert_eq!(sessions.len(), 5, "{q} {sessions:?}");
    assert_eq!(
        sessions[3],
        (
            paris(30, 11, 0),
            Some(paris(30, 11, 20)),
            "Acme".into(),
            false
        )
    );
    assert_eq!(sessions[4].1, None);
}

#[test]
fn no_idle_backend_is_said_once() {
    let dir = tempfile::tempdir().unwrap();
    let rig = rig(&dir, false, true);
    rig.start("Acme");
    rig.minute_at(paris(30, 9, 1), 0);
    assert_eq!(rig.questions()["idle_unavailable"], true);
    rig.invoke("dismiss_idle_notice", json!({}))
        .expect("dismiss");
    rig.minute_at(paris(30, 9, 2), 0);
    assert_eq!(rig.questions()["idle_unavailable"], false);
}

#[test]
fn still_working_is_a_notification_with_stop_where_actions_exist() {
    let dir = tempfile::tempdir().unwrap();
    let rig = rig(&dir, true, true);
    rig.start("Acme");
    // More than 12 h.
    rig.minute_at(paris(30, 21, 1), 0);
    assert_eq!(*rig.asked.lock().unwrap(), ["Still working for Acme?"]);
    // The fake server answered Stop.
    assert_eq!(rig.sessions()[0].1, Some(paris(30, 21, 1)));
    assert_eq!(rig.questions()["still_working"], Value::Null);
}

#[test]
fn still_working_is_asked_in_the_window_without_actions_and_once() {
    let dir = tempfile::tempdir().unwrap();
    let rig = rig(&dir, true, false);
    rig.tracker(|t| t.set_setting("working_hours", "mon-sun 09:00-18:00"));
    rig.tracker(|t| t.set_setting("nag_every", "30m"));
    rig.start("Acme");
    rig.minute_at(paris(30, 18, 29), 0);
    assert_eq!(rig.questions()["still_working"], Value::Null);
    rig.minute_at(paris(30, 18, 30), 0);
    let q = rig.questions()["still_working"].clone();
    assert_eq!(q["question"], "Still working for Acme?");
    assert_eq!(
        rig.sessions()[0].1,
        None,
        "nothing changes until the answer"
    );
    rig.invoke(
        "answer_still_working",
        json!({ "args": { "key": q["key"], "stop": false } }),
    )
    .expect("keep going");
    rig.minute_at(paris(30, 18, 45), 0);
    assert_eq!(rig.questions()["still_working"], Value::Null, "asked once");
    assert_eq!(rig.asked.lock().unwrap().len(), 1);
    assert_eq!(rig.sessions()[0].1, None);
}

#[test]
fn still_working_stop_in_the_window_stops_the_timer() {
    let dir = tempfile::tempdir().unwrap();
    let rig = rig(&dir, true, false);
    rig.start("Acme");
    rig.minute_at(paris(30, 21, 5), 0);
    let q = rig.questions()["still_working"].clone();
    rig.invoke(
        "answer_still_working",
        json!({ "args": { "key": q["key"], "stop": true } }),
    )
    .expect("stop");
    assert_eq!(rig.sessions()[0].1, Some(paris(30, 21, 5)));
}
