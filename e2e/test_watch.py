"""Watching over the user (#11), end to end on the real app: a crash with a
timer running (kill -9) and the recovery question at the next launch; idle
input seen through X11's XScreenSaver with input sent by XTEST (xdotool);
GNOME's Mutter IdleMonitor and logind's PrepareForSleep as stand-in services
on D-Bus; "still working?" asked in the window when no notification server
can show a Stop button. Each question is answered in the window and the CLI
checks what was stored.

The app reads its sources every GARDEFOU_DEBUG_WATCH_SECONDS seconds here
(a debug-build switch) instead of once a minute."""

import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest
from datetime import datetime, timedelta, timezone
from pathlib import Path


from harness import APP, WindowBase, cli, cli_json, fresh_db, start_driver
from standin import StandIn
from webdriver import Session, wait_for

LOGIND = "org.freedesktop.login1"
NOTIFICATIONS = "org.freedesktop.Notifications"
MUTTER = "org.gnome.Mutter.IdleMonitor"


BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>system</type>
  <listen>unix:dir={dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


def private_bus(folder):
    """A dbus-daemon of our own (the machine's system bus stand-in): (process, address)."""
    conf = Path(folder) / "system-bus.conf"
    conf.write_text(BUS_CONFIG.format(dir=folder))
    daemon = subprocess.Popen(["dbus-daemon", f"--config-file={conf}", "--nofork", "--print-address=1"],
                              stdout=subprocess.PIPE, text=True)
    address = daemon.stdout.readline().strip()
    if not address:
        raise RuntimeError("dbus-daemon gave no address")
    return daemon, address


def app_pid(db):
    """The gardefou-desktop process that runs on `db` (the one this test started)."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if Path(entry, "exe").resolve() != APP.resolve():
                continue
            env = Path(entry, "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"GARDEFOU_DB={db}".encode() in env:
            return int(entry.name)
    return None


def rfc3339(at):
    return at.astimezone(timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def instant(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


class WatchWindow(WindowBase):
    """One app per class, launched with `extra_env()`, on a database the class prepares."""

    clients = ("Acme", "Globex")
    settings = {}

    @classmethod
    def extra_env(cls):
        return {"GARDEFOU_DEBUG_WATCH_SECONDS": "1"}

    @classmethod
    def prepare(cls):
        """Before the first launch (the database exists)."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gardefou-e2e-watch-")
        cls.db = fresh_db(cls.tmp, *cls.clients)
        for key, value in cls.settings.items():
            cli(cls.db, "settings", "set", key, value)
        cls.prepare()
        cls.log = open(Path(cls.tmp) / "tauri-driver.log", "w")
        cls.launch()

    @classmethod
    def launch(cls, theme=None):
        env = {**os.environ, "GARDEFOU_DB": str(cls.db), **cls.extra_env()}
        if theme:
            env["GTK_THEME"] = theme
        cls.driver, port = start_driver(env, cls.log)
        cls.wd = Session(str(APP), port=port)
        wait_for(lambda: cls.wd.script("return document.querySelector('#app').children.length > 0"),
                 15, "the first content")

    @classmethod
    def close_app(cls):
        try:
            cls.wd.quit()
        except Exception:  # the app may be gone already (kill -9)
            pass
        cls.driver.terminate()
        cls.driver.wait(timeout=10)

    @classmethod
    def tearDownClass(cls):
        cls.close_app()
        cls.log.close()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def open_dialog(self, css, what, timeout=15):
        wait_for(lambda: self.exists(f"dialog{css}[open]"), timeout, what)

    def in_french(self, css, french):
        cli(self.db, "settings", "set", "locale", "fr")
        wait_for(lambda: french in (self.text_of(css) or ""), 10, f"the question in French ({french})")

    def back_to_english(self, css, english):
        cli(self.db, "settings", "set", "locale", "en")
        wait_for(lambda: english in (self.text_of(css) or ""), 10, "the question in English")

    def sessions(self):
        return sorted(cli_json(self.db, "log"), key=lambda s: s["start"])


class Crash(WatchWindow):
    """kill -9 with a timer running; the heartbeat is older at the next launch."""

    clients = ("Acme",)

    def test_crash_then_recovery_stop_at_last_seen(self):
        # A start 9 min 55 s ago: the timer's minute moves 5 s from now, and
        # the app records its first "last seen" then.
        start = datetime.now(timezone.utc) - timedelta(seconds=595)
        cli(self.db, "start", "Acme", "--at", rfc3339(start))
        wait_for(lambda: self.text_of("#timer-client") == "Acme", 10, "the timer in the window")
        with sqlite3.connect(self.db) as db:
            beat = lambda: db.execute("SELECT seen_at FROM heartbeat").fetchone()
            wait_for(beat, 70, "a heartbeat")
        pid = app_pid(self.db)
        self.assertIsNotNone(pid, "the app's process")
        os.kill(pid, signal.SIGKILL)
        wait_for(lambda: app_pid(self.db) is None, 10, "the app gone")
        self.close_app()
        # The app died 5 minutes ago, as far as the database can tell.
        with sqlite3.connect(self.db) as db:
            db.execute("UPDATE heartbeat SET seen_at = seen_at - 300")
        status = cli_json(self.db, "status")
        self.assertTrue(status["running"], "the timer still runs in the database")
        last_seen = status["recovery"]["last_seen"]
        hhmm = last_seen[11:16]
        # Restarted: the question, naming the client and the last-seen time.
        type(self).launch()
        self.open_dialog("#watch-recovery", "the recovery question")
        text = self.text_of("#watch-recovery-text")
        self.assertIn("Acme", text)
        self.assertIn(f"at {hhmm}", text)
        self.assertEqual(self.text_of("#watch-recovery-last-seen"), f"Stop at {hhmm}")
        self.assertTrue(cli_json(self.db, "status")["running"], "nothing changed before the answer")
        self.axe("the recovery question")
        self.shot("watch-recovery-en-light")
        self.in_french("#watch-recovery-text", "vu pour la dernière fois")
        self.axe("the recovery question in French")
        self.shot("watch-recovery-fr-light")
        self.back_to_english("#watch-recovery-text", "last seen")
        # Dark, as the system says: the question is still there after a restart.
        self.close_app()
        type(self).launch(theme="Adwaita:dark")
        self.open_dialog("#watch-recovery", "the recovery question again")
        self.shot("watch-recovery-en-dark")
        self.in_french("#watch-recovery-text", "vu pour la dernière fois")
        self.shot("watch-recovery-fr-dark")
        self.back_to_english("#watch-recovery-text", "last seen")
        self.wd.click("#watch-recovery-last-seen")
        wait_for(lambda: not self.exists("dialog#watch-recovery"), 10, "the question answered")
        [session] = self.sessions()
        self.assertEqual(instant(session["end"]), instant(last_seen), "stopped at the last-seen instant")
        self.assertFalse(cli_json(self.db, "status")["running"])


class SleepThroughLogind(WatchWindow):
    """logind's stand-in on a private system bus: PrepareForSleep(true), a
    minute, PrepareForSleep(false): the away question; discard, and restart."""

    @classmethod
    def prepare(cls):
        cls.bus, cls.address = private_bus(cls.tmp)
        cls.logind = StandIn(cls.address, LOGIND)

    @classmethod
    def extra_env(cls):
        return {"DBUS_SYSTEM_BUS_ADDRESS": cls.address}

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.logind.close()
        cls.bus.terminate()
        cls.bus.wait(timeout=10)

    def sleep_signal(self, going):
        self.logind.signal("/org/freedesktop/login1", "org.freedesktop.login1.Manager",
                           "PrepareForSleep", "b", (going,))

    def test_a_suspend_is_asked_about_on_resume(self):
        cli(self.db, "start", "Acme", "--at", "-10m")
        wait_for(lambda: self.text_of("#timer-client") == "Acme", 10, "the timer in the window")
        time.sleep(1)  # the app subscribed at launch; the start shows it is up
        asleep = datetime.now(timezone.utc)
        self.sleep_signal(True)
        time.sleep(62)  # a suspend shorter than a minute is not asked about
        self.assertFalse(self.exists("dialog#watch-away"), "nothing asked while asleep")
        self.sleep_signal(False)
        self.open_dialog("#watch-away", "the away question on resume", timeout=10)
        self.assertEqual(self.wd.script("return document.getElementById('watch-away-text').dataset.cause"), "sleep")
        self.assertIn("The computer slept", self.text_of("#watch-away-text"))
        frm = instant(self.wd.script("return document.getElementById('watch-away-text').dataset.from"))
        to = instant(self.wd.script("return document.getElementById('watch-away-text').dataset.to"))
        self.assertLess(abs((frm - asleep).total_seconds()), 3, f"away from the suspend ({frm} vs {asleep})")
        self.assertGreaterEqual((to - frm).total_seconds(), 60)
        self.assertEqual(len(self.sessions()), 1, "nothing changed before the answer")
        self.axe("the away question")
        self.shot("watch-away-sleep-en-light")
        self.in_french("#watch-away-text", "en veille")
        self.axe("the away question in French")
        self.shot("watch-away-sleep-fr-light")
        self.back_to_english("#watch-away-text", "The computer slept")
        self.wd.click("#watch-away-restart")
        self.wd.click("#watch-away-discard")
        wait_for(lambda: not self.exists("dialog#watch-away"), 10, "the question answered")
        first, restarted = self.sessions()
        self.assertEqual(instant(first["end"]), frm, "the session ends where the away time began")
        self.assertEqual((instant(restarted["start"]), restarted["end"], restarted["client"]), (to, None, "Acme"))
        week = cli_json(self.db, "report", "week")
        self.assertEqual(week["discarded_seconds"], int((to - frm).total_seconds()))


class IdleThroughX11(WatchWindow):
    """XScreenSaver on the test's X server; the "user" comes back by XTEST."""

    settings = {"idle_after": "5s"}

    @classmethod
    def prepare(cls):
        cli(cls.db, "start", "Acme", "--at", "-10m")

    def test_idle_input_is_asked_about_on_return(self):
        # The X server must have seen no input for over a minute (it usually
        # has: WebDriver's clicks never reach it).
        idle_ms = int(subprocess.run(["xprintidle"], capture_output=True, text=True, check=True).stdout)
        if idle_ms < 65_000:
            time.sleep((65_000 - idle_ms) / 1000)
        time.sleep(2)  # a reading while away
        self.assertFalse(self.exists("dialog#watch-away"), "nothing asked while away")
        back = datetime.now(timezone.utc)
        subprocess.run(["xdotool", "mousemove_relative", "--", "7", "7"], check=True)
        self.open_dialog("#watch-away", "the away question on return", timeout=10)
        self.assertEqual(self.wd.script("return document.getElementById('watch-away-text').dataset.cause"), "idle")
        self.assertIn("You were away", self.text_of("#watch-away-text"))
        frm = instant(self.wd.script("return document.getElementById('watch-away-text').dataset.from"))
        to = instant(self.wd.script("return document.getElementById('watch-away-text').dataset.to"))
        self.assertLess(abs((to - back).total_seconds()), 3, f"back at the XTEST input ({to} vs {back})")
        self.assertGreaterEqual((to - frm).total_seconds(), 60)
        self.axe("the idle question")
        self.shot("watch-away-idle-en-light")
        self.wd.click("#watch-away-discard")
        wait_for(lambda: not self.exists("dialog#watch-away"), 10, "the question answered")
        [session] = self.sessions()
        self.assertEqual(instant(session["end"]), frm, "the session ends at the last input")
        week = cli_json(self.db, "report", "week")
        self.assertEqual(week["discarded_seconds"], int((to - frm).total_seconds()))


class IdleThroughMutter(WatchWindow):
    """An X server without XScreenSaver: nothing answers, and the window says
    so; then Mutter's stand-in on the session bus answers."""

    settings = {"idle_after": "5m"}
    idle_ms = 0

    @classmethod
    def prepare(cls):
        cls.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-extension", "MIT-SCREEN-SAVER",
             "-nolisten", "tcp"], stdout=subprocess.PIPE, text=True)
        cls.display = ":" + cls.xvfb.stdout.readline().strip()
        cli(cls.db, "start", "Acme", "--at", "-30m")

    @classmethod
    def extra_env(cls):
        return {"GARDEFOU_DEBUG_WATCH_SECONDS": "1", "DISPLAY": cls.display}

    @classmethod
    def setUpClass(cls):
        super().setUpClass()

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        if getattr(cls, "mutter", None):
            cls.mutter.close()
        cls.xvfb.terminate()
        cls.xvfb.wait(timeout=10)

    def test_1_no_backend_is_said_once(self):
        wait_for(lambda: self.exists("#watch-idle-unavailable"), 10, "the notice")
        self.assertIn("cannot tell here", self.text_of("#watch-idle-unavailable"))
        self.axe("the idle notice")
        self.shot("watch-idle-unavailable-en-light")

    def test_2_mutter_answers_and_non_billable_splits_the_session(self):
        cls = type(self)
        cls.idle_ms = 20 * 60 * 1000
        cls.mutter = StandIn("SESSION", MUTTER, {"GetIdletime": ("t", lambda: (cls.idle_ms,))})
        wait_for(lambda: not self.exists("#watch-idle-unavailable"), 10, "the notice gone with a backend")
        time.sleep(2)  # readings while away
        self.assertFalse(self.exists("dialog#watch-away"), "nothing asked while away")
        back = datetime.now(timezone.utc)
        cls.idle_ms = 0
        self.open_dialog("#watch-away", "the away question on return", timeout=10)
        frm = instant(self.wd.script("return document.getElementById('watch-away-text').dataset.from"))
        to = instant(self.wd.script("return document.getElementById('watch-away-text').dataset.to"))
        self.assertLess(abs((frm - (back - timedelta(minutes=20))).total_seconds()), 4, f"{frm}")
        self.axe("the idle question")
        self.shot("watch-away-mutter-en-light")
        self.in_french("#watch-away-text", "Vous étiez absent")
        self.shot("watch-away-idle-fr-light")
        self.back_to_english("#watch-away-text", "You were away")
        self.wd.click("#watch-away-non-billable")
        wait_for(lambda: not self.exists("dialog#watch-away"), 10, "the question answered")
        before, away, after = self.sessions()
        self.assertEqual((instant(before["end"]), before["billable"]), (frm, True))
        self.assertEqual((instant(away["start"]), instant(away["end"]), away["billable"]), (frm, to, False))
        self.assertEqual((instant(after["start"]), after["end"], after["billable"]), (to, None, True))


class DarkAwayQuestion(IdleThroughMutter):
    """The same away question in the dark theme (the system's), for the screenshots."""

    @classmethod
    def launch(cls, theme=None):
        super().launch(theme="Adwaita:dark")

    def test_1_no_backend_is_said_once(self):
        wait_for(lambda: self.exists("#watch-idle-unavailable"), 10, "the notice")
        self.shot("watch-idle-unavailable-en-dark")

    def test_2_mutter_answers_and_non_billable_splits_the_session(self):
        cls = type(self)
        cls.idle_ms = 20 * 60 * 1000
        cls.mutter = StandIn("SESSION", MUTTER, {"GetIdletime": ("t", lambda: (cls.idle_ms,))})
        time.sleep(2)
        cls.idle_ms = 0
        self.open_dialog("#watch-away", "the away question on return", timeout=10)
        self.axe("the idle question, dark")
        self.shot("watch-away-idle-en-dark")
        self.in_french("#watch-away-text", "Vous étiez absent")
        self.shot("watch-away-idle-fr-dark")


class StillWorkingInTheWindow(WatchWindow):
    """A timer over 12 h, and no notification server that shows actions: the window asks."""

    @classmethod
    def prepare(cls):
        cli(cls.db, "start", "Acme", "--at", "-13h")

    def test_still_working_stop(self):
        self.open_dialog("#watch-still", "the still-working question")
        self.assertEqual(self.text_of("#watch-still-text"), "Still working for Acme?")
        self.axe("the still-working question")
        self.shot("watch-still-en-light")
        self.in_french("#watch-still-text", "Vous travaillez toujours pour Acme")
        self.shot("watch-still-fr-light")
        self.back_to_english("#watch-still-text", "Still working for Acme?")
        self.assertTrue(cli_json(self.db, "status")["running"], "nothing changed before the answer")
        self.wd.click("#watch-still-stop")
        wait_for(lambda: not cli_json(self.db, "status")["running"], 10, "the timer stopped")


class StillWorkingNotification(WatchWindow):
    """A notification server that shows actions (a stand-in on the session
    bus): "Still working?" comes as a notification with Stop, and Stop stops."""

    @classmethod
    def prepare(cls):
        cls.notified = []

        def notify(app, replaces, icon, summary, body, actions, hints, timeout):
            cls.notified.append({"summary": summary, "actions": list(actions)})
            return (len(cls.notified),)

        cls.server = StandIn("SESSION", NOTIFICATIONS, {
            "GetCapabilities": ("as", lambda: (["actions", "body"],)),
            "Notify": ("u", notify),
            "GetServerInformation": ("ssss", lambda: ("stand-in", "gardefou", "1", "1.2")),
        })
        cli(cls.db, "start", "Acme", "--at", "-13h")

    @classmethod
    def tearDownClass(cls):
        super().tearDownClass()
        cls.server.close()

    def test_stop_from_the_notification(self):
        asked = lambda: [n for n in self.notified if n["summary"] == "Still working for Acme?"]
        wait_for(asked, 15, "the still-working notification")
        [note] = asked()
        self.assertEqual(note["actions"], ["stop", "Stop", "keep", "Keep going"])
        self.assertFalse(self.exists("dialog#watch-still"), "the notification asks, not the window")
        self.assertTrue(cli_json(self.db, "status")["running"], "nothing changed before the answer")
        time.sleep(1)  # the app listens for the answer once the notification is shown
        nid = self.notified.index(note) + 1
        self.server.signal("/org/freedesktop/Notifications", NOTIFICATIONS, "ActionInvoked", "us", (nid, "stop"))
        wait_for(lambda: not cli_json(self.db, "status")["running"], 10, "the timer stopped from the notification")
        time.sleep(2)
        self.assertEqual(len(asked()), 1, "asked once")


if __name__ == "__main__":
    unittest.main()
