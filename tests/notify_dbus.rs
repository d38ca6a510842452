//! End to end on a real D-Bus session: `gardefou watch` sends each alert as a
//! native notification exactly once, says once when no server is there, and
//! sends nothing twice after a restart.
//!
//! The test re-runs itself under `dbus-run-session` with a private bus whose
//! configuration has no service directories (no real notification daemon can
//! be auto-started), and plays the notification server itself, recording each
//! `Notify` call.

// D-Bus notifications are notify-rust's Linux backend; Windows and macOS have
// no session bus to run this on.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod support;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};

use support::TestDb;
use zbus::OwnedVariant;

const CHILD_ENV: &str = "GARDEFOU_DBUS_TEST_CHILD";
const NOW: &str = "2026-11-27T19:00:00+01:00";

const BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

/// One recorded `Notify` call.
#[derive(Debug, Clone)]
struct Call {
    app_name: String,
    summary: String,
    body: String,
    urgency: Option<u8>,
}

#[test]
fn watch_notifies_over_dbus_once_per_alert() {
    if std::env::var_os(CHILD_ENV).is_none() {
        rerun_under_private_bus("watch_notifies_over_dbus_once_per_alert");
        return;
    }

    // 8 h tracked against a 8 h weekly cap (reached), Acme at 80 % of 10 h (warning).
    let db = TestDb::new(NOW);
    db.ok(&["settings", "set", "weekly_cap", "8h"]);
    db.ok(&["client", "add", "Acme", "--cap", "10h"]);
    db.ok(&[
        "add",
        "Acme",
        "--from",
        "2026-11-27 09:00",
        "--to",
        "2026-11-27 17:00",
    ]);

    // 1. No notification server: said once on stderr, no crash, keeps watching.
    let mut watch = Watch::start(&db);
    watch.wait_for_stderr("notifications cannot be shown", Duration::from_secs(15));
    std::thread::sleep(Duration::from_millis(500));
    let stderr = watch.stop();
    assert_eq!(
        stderr.matches("notifications cannot be shown").count(),
        1,
        "{stderr}"
    );

    // 2. A server appears: both alerts (held back while it was missing) are sent once.
    let calls = serve_notifications();
    let watch = Watch::start(&db);
    wait_until(Duration::from_secs(15), || calls.lock().unwrap().len() >= 2);
    std::thread::sleep(Duration::from_millis(500));
    let stderr = watch.stop();
    assert!(!stderr.contains("cannot be shown"), "{stderr}");
    let recorded = calls.lock().unwrap().clone();
    assert_eq!(recorded.len(), 2, "{recorded:?}");
    let reached = recorded
        .iter()
        .find(|c| c.summary == "Weekly cap reached")
        .expect("the cap notification");
    assert_eq!(reached.app_name, "Gardefou");
    assert_eq!(
        reached.body,
        "You reached your 8 h cap for the week — 8 h tracked. Stop here, or give a reason to go on."
    );
    assert_eq!(reached.urgency, Some(2), "critical");
    let warning = recorded
        .iter()
        .find(|c| c.summary == "Approaching a client's cap")
        .expect("the client warning");
    assert!(
        warning
            .body
            .starts_with("You have tracked 8 h for Acme this week, 80 %")
    );
    assert_eq!(warning.urgency, Some(1), "normal");

    // 3. Restart the watcher: nothing is sent twice.
    let mut watch = Watch::start(&db);
    watch.wait_for_stderr("Watching your boundaries", Duration::from_secs(15));
    std::thread::sleep(Duration::from_secs(2));
    watch.stop();
    assert_eq!(calls.lock().unwrap().len(), 2);
    // And `check` agrees: nothing new, both still active.
    let check = db.json(&["check"]);
    assert_eq!(check["alerts"], serde_json::json!([]));
    assert_eq!(check["active"].as_array().unwrap().len(), 2);
}

/// Runs this test again inside `dbus-run-session` with a private bus.
fn rerun_under_private_bus(test_name: &str) {
    let in_ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    let available = Command::new("dbus-run-session")
        .arg("--version")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !available {
        assert!(
            !in_ci,
            "dbus-run-session is missing: install the `dbus` package (scripts/install-deps does)"
        );
        eprintln!(
            "SKIPPED {test_name}: dbus-run-session is not installed (install the `dbus` package)"
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("bus.conf");
    std::fs::write(&config, BUS_CONFIG).unwrap();
    let status = Command::new("dbus-run-session")
        .arg(format!("--config-file={}", config.display()))
        .arg("--")
        .arg(std::env::current_exe().unwrap())
        .args(["--exact", test_name, "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, "1")
        .status()
        .unwrap();
    assert!(status.success(), "the test failed on the private bus");
}

/// A fake `org.freedesktop.Notifications` on the session bus, recording calls.
fn serve_notifications() -> Arc<Mutex<Vec<Call>>> {
    let calls = Arc::new(Mutex::new(Vec::new()));
    let recorded = Arc::clone(&calls);
    let (ready_tx, ready_rx) = mpsc::channel();
    std::thread::spawn(move || {
        zbus::block_on(async move {
            let connection = zbus::Connection::session().await.unwrap();
            connection
                .request_name("org.freedesktop.Notifications")
                .await
                .unwrap();
            ready_tx.send(()).unwrap();
            let mut stream = zbus::MessageStream::from(&connection);
            let mut next_id = 1u32;
            loop {
                let next = std::future::poll_fn(|cx| {
                    use zbus::export::futures_core::Stream;
                    std::pin::Pin::new(&mut stream).poll_next(cx)
                })
                .await;
                let Some(Ok(message)) = next else { break };
                let header = message.header();
                if header.message_type() != zbus::message::Type::MethodCall
                    || header.interface().map(|i| i.as_str())
                        != Some("org.freedesktop.Notifications")
                {
                    continue;
                }
                match header.member().map(|m| m.as_str()) {
                    Some("Notify") => {
                        type Args = (
                            String,
                            u32,
                            String,
                            String,
                            String,
                            Vec<String>,
                            HashMap<String, OwnedVariant>,
                            i32,
                        );
                        let (app_name, _, _, summary, body, _, hints, _): Args =
                            message.body().deserialize().unwrap();
                        let urgency = hints
                            .get("urgency")
                            .and_then(|v| u8::try_from(v.clone()).ok());
                        recorded.lock().unwrap().push(Call {
                            app_name,
                            summary,
                            body,
                            urgency,
                        });
                        connection.reply(&header, &next_id).await.unwrap();
                        next_id += 1;
                    }
                    Some("GetCapabilities") => {
                        connection
                            .reply(&header, &vec!["body".to_string()])
                            .await
                            .unwrap();
                    }
                    Some("GetServerInformation") => {
                        connection
                            .reply(&header, &("fake", "gardefou-tests", "1", "1.2"))
                            .await
                            .unwrap();
                    }
                    _ => {}
                }
            }
        });
    });
    ready_rx
        .recv_timeout(Duration::from_secs(10))
        .expect("the fake notification server is on the bus");
    calls
}

/// A running `gardefou watch`, its stderr collected line by line.
struct Watch {
    child: Child,
    lines: mpsc::Receiver<String>,
    seen: Vec<String>,
}

impl Watch {
    fn start(db: &TestDb) -> Self {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_gardefou"))
            .env_remove("GARDEFOU_DB")
            .env("GARDEFOU_NOW", &db.now)
            .arg("--db")
            .arg(&db.path)
            .arg("watch")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Self {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    fn wait_for_stderr(&mut self, needle: &str, timeout: Duration) {
        let deadline = Instant::now() + timeout;
        while !self.seen.iter().any(|l| l.contains(needle)) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => self.seen.push(line),
                Err(_) => panic!("no '{needle}' on watch's stderr: {:?}", self.seen),
            }
        }
    }

    /// SIGTERM, then checks the clean exit; returns all of stderr.
    fn stop(mut self) -> String {
        let pid = self.child.id().to_string();
        assert!(
            Command::new("kill")
                .args(["-TERM", &pid])
                .status()
                .unwrap()
                .success()
        );
        let deadline = Instant::now() + Duration::from_secs(10);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(Instant::now() < deadline, "watch did not stop on SIGTERM");
            std::thread::sleep(Duration::from_millis(50));
        };
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(2)) {
            self.seen.push(line);
        }
        assert!(
            status.success(),
            "watch exit: {status:?}, stderr: {:?}",
            self.seen
        );
        let text = self.seen.join("\n");
        assert!(text.contains("Stopped watching."), "{text}");
        text
    }
}

fn wait_until(timeout: Duration, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !done() {
        assert!(Instant::now() < deadline, "timed out");
        std::thread::sleep(Duration::from_millis(50));
    }
}
