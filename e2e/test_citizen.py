"""The app as a desktop citizen (issue #11): one instance per database (a
second launch hands its view over and exits 0), start at login (the XDG
autostart entry follows the setting), the tray's three icons and its text
and items over D-Bus, the alerts' banner, and the word that desktop
notifications are unavailable when no server is on the bus."""

import os
import re
import shutil
import struct
import subprocess
import tempfile
import time
import unittest
import zlib
from pathlib import Path


from harness import APP, ARTIFACTS, ROOT, WindowBase, cli, cli_json, fresh_db, start_driver
from standin import StandIn
from tray import FakeWatcher, TrayClient
from webdriver import Session, wait_for


def png_pixels(path):
    """(width, height, RGBA bytes) of an 8-bit RGBA, non-interlaced PNG
    (what tray-icon writes and what icons/ holds)."""
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert (depth, color, interlace) == (8, 6, 0), f"{path}: not 8-bit RGBA"
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride, bpp = zlib.decompress(idat), width * 4, 4
    out, prev = bytearray(), bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        prev = line
    return width, height, bytes(out)


ICONS = {name: png_pixels(ROOT / f"icons/tray-{name}.png") for name in ("idle", "running", "over")}


def shown_icon(tray):
    """Which of icons/tray-*.png the tray item shows now (by its pixels)."""
    name = tray.icon_name()
    path = name if name.endswith(".png") else f"{name}.png"
    if not path.startswith("/"):
        path = os.path.join(tray._prop("IconThemePath"), path)
    pixels = png_pixels(path)
    return next((k for k, v in ICONS.items() if v == pixels), f"unknown icon {path}")


def app_processes(db):
    """The pids of gardefou-desktop processes running on `db`."""
    pids = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if os.path.realpath(proc / "exe") != os.path.realpath(APP):
                continue
            env = (proc / "environ").read_bytes().split(b"\0")
        except OSError:
            continue
        if f"GARDEFOU_DB={db}".encode() in env:
            pids.append(int(proc.name))
    return pids


def gardefou_windows():
    out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    return sum(1 for line in out.splitlines() if '"Gardefou"' in line and "gardefou-desktop" in line)


class FakeNotifications(StandIn):
    """Owns org.freedesktop.Notifications and records each Notify call."""

    NAME = "org.freedesktop.Notifications"

    def __init__(self):
        self.notified = []
        super().__init__("SESSION", self.NAME, {
            "Notify": ("u", self._notify),
            "GetServerInformation": ("ssss", lambda: ("fake", "gardefou-e2e", "1", "1.2")),
            "GetCapabilities": ("as", lambda: (["body"],)),
        })

    def _notify(self, *body):
        self.notified.append((body[3], body[4]))  # summary, body
        return (len(self.notified),)


class DriverBase(unittest.TestCase):
    """The app under tauri-driver (the window driven), on a fresh database,
    optionally beside a tray host and a notification server."""

    clients = ("Acme",)
    with_tray = False
    with_notifications = False
    theme = None

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="gardefou-citizen-")
        self.db = fresh_db(self.tmp, *self.clients)
        self.prepare()
        self.watcher = FakeWatcher() if self.with_tray else None
        self.server = FakeNotifications() if self.with_notifications else None
        # A home of its own: the autostart entry and the log file stay in the test's folder.
        home = Path(self.tmp) / "home"
        (home / ".config").mkdir(parents=True)
        self.home = home
        self.env = {**os.environ, "GARDEFOU_DB": str(self.db), "HOME": str(home),
                    "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share")}
        if self.theme:
            self.env["GTK_THEME"] = self.theme
        self.log = open(Path(self.tmp) / "tauri-driver.log", "w")
        self.driver, port = start_driver(self.env, self.log)
        self.wd = Session(str(APP), port=port)
        wait_for(lambda: self.wd.script("return document.querySelector('#app').children.length > 0"),
                 15, "the first content")

    def prepare(self):
        """Database set-up before the app starts."""

    def tearDown(self):
        self.wd.quit()
        self.driver.terminate()
        self.driver.wait(timeout=10)
        self.log.close()
        for fake in (self.watcher, self.server):
            if fake:
                fake.close()

    def exists(self, css):
        return self.wd.script("return document.querySelector(arguments[0]) !== null", css)

    axe = WindowBase.axe

    def shot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.wd.screenshot(ARTIFACTS / f"{name}.png")

    def text_of(self, css):
        return self.wd.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null", css)

    def tray(self):
        pid = wait_for(lambda: app_processes(self.db), 10, "the app's process")[0]
        service, path = wait_for(lambda: self.watcher.item_of(pid), 20, "the tray item")
        client = TrayClient(service, path)
        self.addCleanup(client.close)
        return client


class SecondLaunch(DriverBase):
    def test_a_second_launch_opens_its_view_in_the_first_and_exits_0(self):
        wait_for(lambda: self.exists("#nav-timer"), 10, "the timer view")
        self.assertEqual(len(app_processes(self.db)), 1)
        windows = gardefou_windows()
        self.assertGreaterEqual(windows, 1, "the first app's window is on the screen")
        started = time.monotonic()
        second = subprocess.run([str(APP), "sessions"], env=self.env, capture_output=True, text=True, timeout=30)
        print(f"\nsecond launch exited {second.returncode} in {time.monotonic() - started:.2f} s")
        self.assertEqual(second.returncode, 0, second.stderr)
        wait_for(lambda: self.exists("#sessions-heading"), 10, "the sessions view, opened by the second launch")
        # No second process or window is left behind.
        self.assertEqual(len(app_processes(self.db)), 1, "one app on this database")
        self.assertEqual(gardefou_windows(), windows, "no second window")
        # Another database is another app: it does not hand off to this one.
        other = fresh_db(tempfile.mkdtemp(prefix="gardefou-citizen-other-"))
        proc = subprocess.Popen([str(APP)], env={**os.environ, "GARDEFOU_DB": str(other)},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(3)
            self.assertIsNone(proc.poll(), "an app on another database keeps running")
        finally:
            proc.terminate()
            proc.wait(timeout=10)


class StartAtLogin(unittest.TestCase):
    """`autostart` on writes the XDG autostart entry, off removes it; the app
    applies the CLI's change while running. The log file is in the log folder."""

    def test_the_entry_follows_the_setting(self):
        tmp = Path(tempfile.mkdtemp(prefix="gardefou-citizen-login-"))
        db = fresh_db(tmp, "Acme")
        home = tmp / "home"
        (home / ".config").mkdir(parents=True)
        env = {**os.environ, "GARDEFOU_DB": str(db), "HOME": str(home),
               "XDG_CONFIG_HOME": str(home / ".config"), "XDG_DATA_HOME": str(home / ".local/share")}
        entry = home / ".config/autostart/Gardefou.desktop"
        cli(db, "settings", "set", "autostart", "on")
        with open(tmp / "app.log", "w") as log:
            app = subprocess.Popen([str(APP)], env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                text = wait_for(lambda: entry.exists() and entry.read_text(), 20, "the autostart entry")
                self.assertRegex(text, rf"(?m)^Exec={re.escape(str(APP))} --autostart$")
                self.assertIn("Type=Application", text)
                cli(db, "settings", "set", "autostart", "off")
                wait_for(lambda: not entry.exists(), 10, "the entry removed")
                cli(db, "settings", "set", "autostart", "on")
                wait_for(entry.exists, 10, "the entry back")
            finally:
                app.terminate()
                app.wait(timeout=10)
        logfile = home / ".local/share/app.gardefou.desktop/logs/gardefou-desktop.log"
        self.assertTrue(logfile.exists(), f"no log file at {logfile}")
        logged = logfile.read_text()
        self.assertIn("start at login turned off", logged)
        self.assertIn("start at login turned on", logged)


class TrayStates(unittest.TestCase):
    """The icon says idle, running or over a boundary; the label gives the
    timer and the week against the cap; Settings is in the menu."""

    def test_three_icons_and_the_week_against_the_cap(self):
        tmp = tempfile.mkdtemp(prefix="gardefou-citizen-tray-")
        db = fresh_db(tmp, "Acme")
        cli(db, "settings", "set", "weekly_cap", "40h")
        cli(db, "add", "Acme", "--from", "-40m", "--to", "-10m")
        watcher = FakeWatcher()
        log = open(Path(tmp) / "app.log", "w")
        app = subprocess.Popen([str(APP)], env={**os.environ, "GARDEFOU_DB": str(db)},
                               stdout=log, stderr=subprocess.STDOUT)
        try:
            service, path = wait_for(lambda: watcher.item_of(app.pid), 20, "the tray item")
            tray = TrayClient(service, path)
            try:
                wait_for(lambda: "Start Acme" in tray.menu(), 10, "the menu")
                labels = list(tray.menu())
                self.assertEqual(labels[-4:], ["Settings", "Week summary", "Open Gardefou", "Quit"])
                self.assertEqual(shown_icon(tray), "idle")
                self.assertEqual(tray.label(), "", "nothing beside the icon when idle")
                props = {p: tray._prop(p) for p in ("Title", "Status")}
                print(f"\nStatusNotifierItem: {props}")

                cli(db, "start", "Acme")
                wait_for(lambda: shown_icon(tray) == "running", 10, "the running icon")
                label = wait_for(lambda: tray.label() or None, 5, "the label")
                self.assertRegex(label, r"^Acme 0:0\d · 0:[34]\d / 40:00$")

                # Outside working hours now: over a boundary.
                cli(db, "settings", "set", "working_hours", "mon-sun off")
                wait_for(lambda: shown_icon(tray) == "over", 10, "the over-a-boundary icon")
                cli(db, "settings", "set", "working_hours", "mon-sun 00:00-24:00")
                wait_for(lambda: shown_icon(tray) == "running", 10, "back to running")
                # A stop in the very second of the start would make a zero-length session.
                wait_for(lambda: cli_json(db, "status")["elapsed_seconds"] >= 1, 3, "one second of work")
                cli(db, "stop")
                wait_for(lambda: shown_icon(tray) == "idle", 10, "back to idle")
            finally:
                tray.close()
        finally:
            if app.poll() is None:
                app.terminate()
                app.wait(timeout=10)
            watcher.close()
            log.close()


class TrayOpensTheWindow(DriverBase):
    """The tray's Settings opens the window on the settings; a start the
    boundaries refuse opens the override dialog."""

    with_tray = True

    def test_settings_and_a_refused_start(self):
        tray = self.tray()
        wait_for(lambda: "Settings" in tray.menu(), 10, "the Settings item")
        tray.click("Settings")
        wait_for(lambda: self.exists("#settings-heading"), 10, "the settings view")

        cli(self.db, "settings", "set", "working_hours", "mon-sun off")
        tray.click("Start Acme")
        wait_for(lambda: self.exists("dialog#override[open]"), 10, "the override dialog")
        self.assertIn("Outside working hours", self.text_of("#override-boundaries"))
        self.assertFalse(cli_json(self.db, "status")["running"], "nothing started")


class BannerWithoutServer(DriverBase):
    """No notification server on the bus: the banner shows the alert and the
    window says, once, that desktop notifications are unavailable."""

    shot_name = "en-light"
    expect_alert = "Weekly cap"
    expect_unavailable = "Desktop notifications are unavailable"

    def prepare(self):
        cli(self.db, "settings", "set", "weekly_cap", "1h")
        cli(self.db, "add", "Acme", "--from", "-100m", "--to", "-10m")

    def test_the_banner_and_the_notice(self):
        wait_for(lambda: self.exists(".banner.crossed"), 15, "the alert's banner")
        self.assertIn(self.expect_alert, self.text_of(".banners"))
        self.assertTrue(self.exists("#notifications-unavailable"))
        self.assertIn(self.expect_unavailable, self.text_of("#notifications-unavailable"))
        self.assertEqual(self.wd.script("return document.querySelectorAll('#notifications-unavailable').length"), 1)
        self.axe("the banners")
        self.shot(f"banner-unavailable-{self.shot_name}")
        # Dismissed, it stays dismissed while alerts are retried.
        self.wd.click("#notifications-unavailable button")
        time.sleep(2)
        self.assertFalse(self.exists("#notifications-unavailable"))
        self.wd.script("document.querySelector('.banner.crossed button').click()")
        wait_for(lambda: not self.exists(".banner.crossed"), 5, "the banner dismissed")


class BannerDarkFrench(BannerWithoutServer):
    """The same in French, in the dark theme."""

    theme = "Adwaita:dark"
    shot_name = "fr-dark"

    def prepare(self):
        super().prepare()
        cli(self.db, "settings", "set", "locale", "fr")

    expect_alert = "Plafond de la semaine"
    expect_unavailable = "Les notifications du bureau ne sont pas disponibles"


class BackupFailureBanner(DriverBase):
    """Today's automatic backup cannot be written (a file stands where its
    folder goes): the start goes on, and the window says why in a banner."""

    def prepare(self):
        folder = Path(self.tmp) / "gardefou-backups"
        shutil.rmtree(folder, ignore_errors=True)
        folder.write_text("not a folder")

    def test_the_start_goes_on_and_the_window_says_why(self):
        wait_for(lambda: self.exists("#start"), 10, "the timer")
        self.wd.click("#start")
        wait_for(lambda: self.exists("#backup-failed"), 15, "the backup banner")
        self.assertTrue(cli_json(self.db, "status")["running"], "the change went on")
        text = self.text_of("#backup-failed")
        self.assertIn("automatic backup was not written", text)
        self.assertIn("gardefou-backups", text)
        self.axe("the backup banner")
        self.shot("banner-backup-en-light")
        self.wd.click("#backup-failed button")
        wait_for(lambda: not self.exists("#backup-failed"), 5, "the banner dismissed")


class WelcomeOffersTheLogin(DriverBase):
    """The welcome's box turns on the start at login: the entry appears."""

    clients = ()

    def test_the_box_writes_the_entry(self):
        wait_for(lambda: self.exists("#welcome-autostart"), 10, "the welcome")
        self.axe("the welcome with the login box")
        self.shot("welcome-autostart-en-light")
        self.wd.click("#welcome-autostart")
        wait_for(lambda: cli_json(self.db, "settings", "show").get("autostart") == "on", 5, "the setting on")
        entry = self.home / ".config/autostart/Gardefou.desktop"
        wait_for(entry.exists, 10, "the autostart entry")
        self.wd.click("#welcome-autostart")
        wait_for(lambda: not entry.exists(), 10, "the entry removed")


class BannerWithServer(DriverBase):
    """A notification server answers: the alert is a notification and a
    banner, and nothing is said about notifications."""

    with_notifications = True

    def prepare(self):
        cli(self.db, "settings", "set", "weekly_cap", "1h")
        cli(self.db, "add", "Acme", "--from", "-100m", "--to", "-10m")

    def test_a_notification_and_a_banner(self):
        wait_for(lambda: self.exists(".banner.crossed"), 15, "the alert's banner")
        wait_for(lambda: self.server.notified, 10, "the desktop notification")
        summaries = [s for s, _ in self.server.notified]
        self.assertTrue(any(s in self.text_of(".banners") for s in summaries), summaries)
        self.assertFalse(self.exists("#notifications-unavailable"))


if __name__ == "__main__":
    unittest.main(verbosity=2)
