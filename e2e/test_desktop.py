"""End-to-end tests of the real app: the window through tauri-driver and
WebKitWebDriver, the tray through a stand-in tray host on D-Bus, and the CLI
on the same database. Run by scripts/e2e under Xvfb and dbus-run-session."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from tray import FakeWatcher, TrayClient
from webdriver import Session, wait_for

ROOT = Path(__file__).resolve().parent.parent
APP = Path(os.environ.get("GARDEFOU_APP", ROOT / "target/debug/gardefou-desktop"))
CLI = Path(os.environ.get("GARDEFOU_CLI", ROOT / "target/debug/gardefou"))
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS", ROOT / "e2e/artifacts"))


def free_port():
    """A port nobody listens on now: the integrator runs these tests on main
    at the same time, so fixed ports (4444/4445) would collide."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cli(db, *args, check=True):
    env = {**os.environ, "GARDEFOU_DB": str(db)}
    env.pop("GARDEFOU_NOW", None)
    done = subprocess.run([str(CLI), *args], env=env, capture_output=True, text=True, timeout=30)
    if check and done.returncode != 0:
        raise AssertionError(f"gardefou {' '.join(args)} failed: {done.stderr}")
    return done


def cli_json(db, *args):
    return json.loads(cli(db, "--json", *args).stdout)


def fresh_db(folder, *clients):
    db = Path(folder) / "gardefou.sqlite3"
    for name in clients:
        cli(db, "client", "add", name)
    # Once boundaries exist, keep the clock's real "now" inside working hours
    # (ignored while these settings do not exist).
    cli(db, "settings", "set", "rest_days", "none", check=False)
    cli(db, "settings", "set", "working_hours", "mon-sun 00:00-24:00", check=False)
    return db


def wait_port(port, timeout=15.0):
    def up():
        with socket.socket() as s:
            s.settimeout(0.5)
            return s.connect_ex(("127.0.0.1", port)) == 0

    wait_for(up, timeout, f"port {port}")


class WindowTest(unittest.TestCase):
    """The window, driven like a person would: clicks and what shows."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gardefou-e2e-")
        cls.db = fresh_db(cls.tmp, "Acme", "Globex")
        env = {**os.environ, "GARDEFOU_DB": str(cls.db)}
        cls.log = open(Path(cls.tmp) / "tauri-driver.log", "w")
        port, native_port = free_port(), free_port()
        while native_port == port:
            native_port = free_port()
        cls.driver = subprocess.Popen(
            [shutil.which("tauri-driver") or "tauri-driver", "--port", str(port),
             "--native-port", str(native_port), "--native-driver", "/usr/bin/WebKitWebDriver"],
            env=env, stdout=cls.log, stderr=subprocess.STDOUT,
        )
        wait_port(port)
        started = time.monotonic()
        cls.wd = Session(str(APP), port=port)
        # The page has rendered the first snapshot once clients are listed.
        wait_for(lambda: cls.wd.script("return document.getElementById('client-picker').options.length") == 2,
                 15, "the first snapshot")
        print(f"\nwindow ready {time.monotonic() - started:.2f} s after the session request")

    @classmethod
    def tearDownClass(cls):
        cls.wd.quit()
        cls.driver.terminate()
        cls.driver.wait(timeout=10)
        cls.log.close()

    def timer_client(self):
        return self.wd.text("#timer-client")

    def test_1_start_tick_stop_from_the_window(self):
        wd = self.wd
        self.assertEqual(self.timer_client(), "No timer running")
        wd.script("document.getElementById('client-picker').value = 'Acme'")
        wd.click("#start")
        wait_for(lambda: self.timer_client() == "Acme", 5, "Acme running in the window")
        self.assertEqual(cli_json(self.db, "status")["client"], "Acme")

        first = wd.text("#elapsed")
        wait_for(lambda: wd.text("#elapsed") != first, 4, "the timer to tick")
        ticked = wd.text("#elapsed")
        self.assertRegex(ticked, r"^0:00:0[1-4]$")

        wd.click("#stop")
        wait_for(lambda: self.timer_client() == "No timer running", 5, "the timer to stop")
        rows = wait_for(lambda: wd.script(
            "return [...document.querySelectorAll('#today-list li')].map(li => li.textContent)"), 5, "today's rows")
        self.assertEqual(len(rows), 1)
        self.assertTrue(rows[0].startswith("Acme"), rows)
        self.assertNotIn("now", rows[0])
        sessions = cli_json(self.db, "log")
        self.assertEqual([(s["client"], s["end"] is not None) for s in sessions], [("Acme", True)])

    def test_2_the_window_follows_the_cli(self):
        wd = self.wd
        cli(self.db, "start", "Globex", "--note", "started from a terminal")
        wait_for(lambda: self.timer_client() == "Globex", 5, "the window to show the CLI's timer")
        wait_for(lambda: wd.text("#elapsed") not in ("", "0:00:00"), 4, "the CLI's timer to tick")
        self.assertEqual(wd.text("#stop"), "Stop Globex")

        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        wd.screenshot(ARTIFACTS / "window.png")

        cli(self.db, "stop")
        wait_for(lambda: self.timer_client() == "No timer running", 5, "the window to show the stop")
        rows = wd.script("return document.querySelectorAll('#today-list li').length")
        self.assertEqual(rows, 2)

    def test_3_a_refused_start_says_why_and_takes_a_reason(self):
        wd = self.wd
        # Every hour off: any start now crosses the off-hours boundary.
        cli(self.db, "settings", "set", "working_hours", "mon-sun off")
        try:
            wd.script("document.getElementById('client-picker').value = 'Acme'")
            wd.click("#start")
            wait_for(lambda: wd.script("return !document.getElementById('notice').hidden"), 5, "the refusal")
            message = wd.text("#notice-message")
            self.assertIn("outside your working hours", message)
            self.assertEqual(self.timer_client(), "No timer running")
            self.assertFalse(cli_json(self.db, "status")["running"], "nothing started")
            wd.screenshot(ARTIFACTS / "refusal.png")

            wd.type("#override-reason", "client launch, agreed")
            wd.click("#override-start")
            wait_for(lambda: self.timer_client() == "Acme", 5, "Acme running after the override")
            overrides = cli_json(self.db, "overrides")["overrides"]
            self.assertEqual([o["reason"] for o in overrides], ["client launch, agreed"])
            self.assertIn("off_hours", overrides[0]["boundaries"])
            # A stop in the very second of the start would make a zero-length session.
            wait_for(lambda: cli_json(self.db, "status")["elapsed_seconds"] >= 1, 3, "one second of work")
            cli(self.db, "stop")
            wait_for(lambda: self.timer_client() == "No timer running", 5, "the timer to stop")
        finally:
            cli(self.db, "settings", "set", "working_hours", "mon-sun 00:00-24:00")


class TrayTest(unittest.TestCase):
    """The tray menu over D-Bus: Start and Stop, as a tray host would click them."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gardefou-tray-")
        self.db = fresh_db(self.tmp, "Acme", "Globex")
        # Globex becomes the most recently used client.
        cli(self.db, "add", "Globex", "--from", "-20m", "--to", "-10m")
        self.watcher = FakeWatcher()
        self.log = open(Path(self.tmp) / "app.log", "w")
        self.app = subprocess.Popen([str(APP)], env={**os.environ, "GARDEFOU_DB": str(self.db)},
                                    stdout=self.log, stderr=subprocess.STDOUT)
        service, path = wait_for(lambda: self.watcher.items and self.watcher.items[0], 20,
                                 "the app's tray item to register")
        self.tray = TrayClient(service, path)

    def tearDown(self):
        self.tray.close()
        if self.app.poll() is None:
            self.app.terminate()
            self.app.wait(timeout=10)
        self.watcher.close()
        self.log.close()

    def labels(self):
        return list(self.tray.menu())

    def test_start_and_stop_from_the_tray(self):
        wait_for(lambda: self.labels()[:2] == ["Start Globex", "Start Acme"], 10, "clients, most recent first")
        self.assertEqual(self.labels()[-2:], ["Open Gardefou", "Quit"])
        self.assertEqual(self.tray.label(), "")

        self.tray.click("Start Acme")
        status = wait_for(lambda: (s := cli_json(self.db, "status"))["running"] and s, 5, "Acme running in the DB")
        self.assertEqual(status["client"], "Acme")
        wait_for(lambda: self.labels()[0] == "Stop Acme (0:00)", 5, "the Stop item")
        self.assertEqual(self.tray.label(), "Acme 0:00")

        # A stop in the very second of the start would make a zero-length session.
        wait_for(lambda: cli_json(self.db, "status")["elapsed_seconds"] >= 1, 3, "one second of work")
        self.tray.click("Stop Acme (0:00)")
        wait_for(lambda: not cli_json(self.db, "status")["running"], 5, "the timer to stop in the DB")
        sessions = cli_json(self.db, "log")
        acme = [s for s in sessions if s["client"] == "Acme"]
        self.assertEqual(len(acme), 1)
        self.assertIsNotNone(acme[0]["end"])
        self.assertEqual(acme[0]["source"], "tray")
        wait_for(lambda: self.labels()[0] == "Start Acme", 5, "the menu back to idle")

    def test_menu_follows_the_cli_and_quit_quits(self):
        wait_for(lambda: "Start Acme" in self.labels(), 10, "the first menu")
        cli(self.db, "start", "Acme")
        wait_for(lambda: self.labels()[0].startswith("Stop Acme"), 5, "the tray to follow the CLI")
        self.tray.click("Quit")
        self.assertEqual(self.app.wait(timeout=10), 0)
        # Quitting leaves the timer recorded.
        self.assertTrue(cli_json(self.db, "status")["running"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
