"""End-to-end tests of the real app: the window through tauri-driver and
WebKitWebDriver, the tray through a stand-in tray host on D-Bus, and the CLI
on the same database: the first run, every view, dark screens, launching on a
view, a startup failure and the tray."""

import os
from datetime import datetime, timedelta
import subprocess
import tempfile
import unittest
from pathlib import Path

from harness import APP, ARTIFACTS, CLI, WindowBase, cli, cli_json, fresh_db, start_driver
from tray import FakeWatcher, TrayClient
from webdriver import Session, wait_for


class FirstRunToEverything(WindowBase):
    """A fresh database, set up and used only through the window; the CLI sees each change."""

    def test_1_first_run_creates_the_client_and_the_week(self):
        wd = self.wd
        wait_for(lambda: self.exists("#first-run-heading"), 10, "the welcome")
        body = self.text_of("body")
        self.assertIn("Welcome to Gardefou", body)
        self.assertNotIn("terminal", body.lower())
        self.axe("the welcome")
        self.shot("welcome-en-light")
        self.click_text("Set up")
        wait_for(lambda: self.exists("#first-client-name"), 5, "the first client step")
        wd.type("#first-client-name", "Acme")
        wd.type("#first-client-rate", "45.50")
        wd.type("#first-client-cap", "10h")
        self.axe("the first client step")
        self.click_text("Continue")
        wait_for(lambda: self.exists("#first-weekly-cap"), 5, "the week step")
        clients = cli_json(self.db, "client", "list")
        self.assertEqual([(c["name"], c["rate_minor"], c["cap_seconds"]) for c in clients],
                         [("Acme", 4550, 36000)])
        # The defaults are filled in: Monday has its hours.
        self.assertTrue(self.exists("#wh-mon-0-from"))
        wd.replace("#first-weekly-cap", "35h")
        self.click_text("Save")
        wait_for(lambda: cli_json(self.db, "settings", "show")["weekly_cap"] == "35h", 5, "the weekly cap in the DB")
        self.axe("the week step")
        self.click_text("Go to the timer")
        wait_for(lambda: self.exists("#timer-heading"), 5, "the timer")

    def test_2_timer_started_and_stopped(self):
        wd = self.wd
        self.assertEqual(self.text_of("#timer-client"), "No timer running")
        wd.type("#timer-note", "brief")
        wd.click("#start")
        wait_for(lambda: self.text_of("#timer-client") == "Acme", 5, "Acme running")
        status = cli_json(self.db, "status")
        self.assertEqual((status["client"], status["note"]), ("Acme", "brief"))
        boxes = ("return ['#elapsed', '#timer-client', '#start', '#stop', '#today-total', '#meter-week']"
                 ".map(s => document.querySelector(s)).filter(Boolean)"
                 ".map(e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })")
        first, before = self.text_of("#elapsed"), wd.script(boxes)
        wait_for(lambda: self.text_of("#elapsed") != first, 4, "the timer to tick")
        # Nothing jumps when the timer ticks (tabular figures, fixed rows).
        self.assertEqual(wd.script(boxes), before)
        self.axe("the running timer")
        self.shot("timer-en-light")
        wait_for(lambda: cli_json(self.db, "status")["elapsed_seconds"] >= 1, 3, "one second of work")
        wd.click("#stop")
        wait_for(lambda: self.text_of("#timer-client") == "No timer running", 5, "the stop")
        sessions = cli_json(self.db, "log")
        self.assertEqual([(s["client"], s["end"] is not None) for s in sessions], [("Acme", True)])

    def test_3_a_session_edited_overlap_refused_then_fixed(self):
        wd = self.wd
        cli(self.db, "add", "Acme", "--from", "-3h", "--to", "-2h", "--note", "from the CLI")
        self.view("sessions")
        rows = wait_for(lambda: (n := wd.script("return document.querySelectorAll('.session-item').length")) == 2 and n,
                        5, "both sessions")
        self.assertEqual(rows, 2)
        mine = [s for s in cli_json(self.db, "log") if s["note"] == "brief"][0]
        other = [s for s in cli_json(self.db, "log") if s["note"] == "from the CLI"][0]
        sid = mine["id"]
        wd.click(f'[data-id="{sid}"] button')
        wait_for(lambda: self.exists(f"#edit-{sid}-start"), 5, "the editor")
        # Onto the CLI's session: refused.
        start_local = other["start"][:16].replace("T", " ")
        end_local = other["end"][:16].replace("T", " ")
        wd.replace(f"#edit-{sid}-start", start_local)
        wd.replace(f"#edit-{sid}-end", end_local)
        wd.click(f"#edit-{sid} button[type=submit]")
        wait_for(lambda: self.exists(f"#edit-{sid}-error"), 5, "the overlap refusal")
        # The session it collides with is highlighted (the error names it by id).
        self.assertTrue(self.exists(f'[data-id="{other["id"]}"][data-highlight="true"]'),
                        self.text_of(f"#edit-{sid}-error"))
        self.shot("sessions-overlap-en-light")
        after = [s for s in cli_json(self.db, "log") if s["id"] == sid][0]
        self.assertEqual(after["start"], mine["start"], "nothing written")
        # Fixed: two hours to one hour before the CLI's session (in its zone's offset).
        other_start = datetime.fromisoformat(other["start"])
        hour_before = (other_start - timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")
        hour_before_end = (other_start - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
        wd.replace(f"#edit-{sid}-start", hour_before)
        wd.replace(f"#edit-{sid}-end", hour_before_end)
        wd.click(f"#edit-{sid} button[type=submit]")
        values = "return [...document.querySelectorAll(arguments[0])].map(i => i.value)"
        wait_for(lambda: not self.exists(f"#edit-{sid}"), 5,
                 f"the edit saved ({hour_before}–{hour_before_end}; {self.text_of(f'#edit-{sid}')}; "
                 f"{wd.script(values, f'#edit-{sid} input')})")
        after = [s for s in cli_json(self.db, "log") if s["id"] == sid][0]
        self.assertEqual(after["start"][:16].replace("T", " "), hour_before)
        self.axe("the sessions")
        self.shot("sessions-en-light")

    def test_4_a_setting_changed_and_the_language(self):
        wd = self.wd
        self.view("settings")
        wait_for(lambda: self.exists("#setting-warn_at"), 5, "the settings")
        wd.replace("#setting-warn_at", "150")
        wd.click('form[data-key="warn_at"] button[type=submit]')
        wait_for(lambda: self.exists("#setting-warn_at-error"), 5, "the refusal on its field")
        self.assertEqual(cli_json(self.db, "settings", "show")["warn_at"], "80")
        wd.replace("#setting-warn_at", "90")
        wd.click('form[data-key="warn_at"] button[type=submit]')
        wait_for(lambda: cli_json(self.db, "settings", "show")["warn_at"] == "90", 5, "warn_at in the DB")
        self.axe("the settings")
        self.shot("settings-en-light")
        self.choose("#setting-locale", "fr")
        wait_for(lambda: self.text_of("#settings-heading") == "Réglages", 5, "the window in French")
        self.assertEqual(cli_json(self.db, "settings", "show")["locale"], "fr")
        self.shot("settings-fr-light")
        for name in ("timer", "sessions", "clients"):
            self.view(name)
            self.axe(f"the {name} view in French")
            self.shot(f"{name}-fr-light")
        cli(self.db, "settings", "set", "locale", "en")
        wait_for(lambda: self.text_of("#nav-timer") == "Timer", 5, "the window back in English")

    def test_5_a_cli_change_while_editing_keeps_the_half_typed_value(self):
        wd = self.wd
        self.view("clients")
        acme = cli_json(self.db, "client", "list")[0]["id"]
        wd.click(f'[data-id="{acme}"] button')
        wait_for(lambda: self.exists(f"#edit-{acme}-name"), 5, "the client editor")
        wd.replace(f"#edit-{acme}-name", "Acme Co")
        cli(self.db, "client", "add", "Globex")
        wait_for(lambda: wd.script("return document.querySelectorAll('#client-list > li').length") == 2, 5,
                 "the list to follow the CLI")
        self.assertEqual(wd.script(f"return document.getElementById('edit-{acme}-name').value"), "Acme Co")
        self.axe("the clients")
        self.shot("clients-en-light")
        wd.click(f"#edit-{acme} button[type=submit]")
        wait_for(lambda: any(c["name"] == "Acme Co" for c in cli_json(self.db, "client", "list")), 5, "the rename")
        # The rename did not break the timer's picker: clients are picked by id.
        self.view("timer")
        self.assertEqual(wd.script("return document.getElementById('client-picker').value"), acme)

    def test_7_every_control_is_reachable_by_keyboard_with_visible_focus(self):
        wd = self.wd
        self.view("timer")
        wd.script("document.getElementById('nav-timer').focus()")
        reached, invisible, window_focused = [], [], True
        for _ in range(20):
            wd.press("TAB")
            focused = wd.script(
                "const e = document.activeElement; const s = getComputedStyle(e);"
                "return [e.id || e.textContent.trim(), s.outlineStyle !== 'none' && s.outlineWidth !== '0px',"
                " document.hasFocus()]")
            reached.append(focused[0])
            window_focused = window_focused and focused[2]
            if focused[2] and not focused[1]:
                invisible.append(focused[0])
        for control in ("nav-sessions", "nav-clients", "nav-settings", "client-picker", "timer-note",
                        "timer-tags", "timer-planned", "timer-billable", "start"):
            self.assertIn(control, reached, f"Tab never reaches {control}: {reached}")
        self.assertEqual(invisible, [], "focus must be visible")
        if not window_focused:
            # Xvfb without a window manager never focuses the window, so
            # :focus-visible cannot match here: check the rule itself.
            rule = wd.script(
                "for (const sheet of document.styleSheets) for (const r of sheet.cssRules)"
                " if (r.selectorText === ':focus-visible') return r.style.cssText;"
                "return null")
            self.assertRegex(rule or "", r"outline: 3px solid", "a visible focus ring for every control")
        # Space on the focused Start starts, like a click.
        wd.script("document.getElementById('start').focus()")
        wd.press("SPACE")
        wait_for(lambda: cli_json(self.db, "status")["running"], 5, "a start from the keyboard")
        wait_for(lambda: cli_json(self.db, "status")["elapsed_seconds"] >= 1, 3, "one second of work")
        cli(self.db, "stop")
        wait_for(lambda: self.text_of("#timer-client") == "No timer running", 5, "the stop")

    def test_6_a_refused_start_asks_a_reason(self):
        wd = self.wd
        self.view("timer")
        cli(self.db, "settings", "set", "working_hours", "mon-sun off")
        try:
            wd.click("#start")
            wait_for(lambda: self.exists("dialog#override[open]"), 5, "the override dialog")
            self.assertIn("Outside working hours", self.text_of("#override-boundaries"))
            self.assertTrue(wd.script("return document.getElementById('override-start').disabled"))
            self.assertFalse(cli_json(self.db, "status")["running"], "nothing started")
            self.axe("the override dialog")
            self.shot("override-en-light")
            wd.type("#override-reason", "client launch, agreed")
            wd.click("#override-start")
            wait_for(lambda: self.text_of("#timer-client") in ("Acme Co", "Globex"), 5, "running after the override")
            overrides = cli_json(self.db, "overrides")["overrides"]
            self.assertEqual([o["reason"] for o in overrides], ["client launch, agreed"])
            self.assertIn("off_hours", overrides[0]["boundaries"])
            wait_for(lambda: cli_json(self.db, "status")["elapsed_seconds"] >= 1, 3, "one second of work")
            cli(self.db, "stop")
            wait_for(lambda: self.text_of("#timer-client") == "No timer running", 5, "the stop")
        finally:
            cli(self.db, "settings", "set", "working_hours", "mon-sun 00:00-24:00")


class DarkScreens(WindowBase):
    """The same views in the dark theme (GTK_THEME drives prefers-color-scheme)."""

    clients = ("Acme", "Globex")
    theme = "Adwaita:dark"

    def test_dark_views_in_both_languages(self):
        dark = self.wd.script("return matchMedia('(prefers-color-scheme: dark)').matches")
        print(f"\nprefers-color-scheme: dark = {dark}")
        self.assertTrue(dark, "GTK_THEME=Adwaita:dark did not reach the webview")
        cli(self.db, "start", "Acme", "--note", "dark screenshots")
        wait_for(lambda: self.text_of("#timer-client") == "Acme", 5, "the CLI's timer")
        for locale in ("en", "fr"):
            cli(self.db, "settings", "set", "locale", locale)
            wait_for(lambda: self.wd.script("return document.documentElement.lang") == locale, 5, locale)
            for name in ("timer", "sessions", "clients", "settings"):
                self.view(name)
                self.axe(f"the {name} view, dark, {locale}")
                self.shot(f"{name}-{locale}-dark")


class LaunchedOnAView(unittest.TestCase):
    """`gardefou-desktop sessions` opens the sessions view; a second launch
    on the same database hands its view to the first."""

    def test_the_argument_names_the_view(self):
        tmp = tempfile.mkdtemp(prefix="gardefou-e2e-view-")
        db = fresh_db(tmp, "Acme")
        with open(Path(tmp) / "tauri-driver.log", "w") as log:
            driver, port = start_driver({**os.environ, "GARDEFOU_DB": str(db)}, log)
            try:
                wd = Session(str(APP), port=port, args=["sessions"])
                try:
                    wait_for(lambda: wd.script("return document.getElementById('sessions-heading') !== null"),
                             10, "the sessions view")
                    # A second launch (a Desktop Action) hands its view to this one and exits.
                    second = subprocess.run([str(APP), "clients"], env={**os.environ, "GARDEFOU_DB": str(db)},
                                            capture_output=True, text=True, timeout=20)
                    self.assertEqual(second.returncode, 0, second.stderr)
                    wait_for(lambda: wd.script("return document.getElementById('clients-heading') !== null"),
                             10, "the clients view, opened by the second launch")
                finally:
                    wd.quit()
            finally:
                driver.terminate()
                driver.wait(timeout=10)


class StartupFailure(unittest.TestCase):
    """A database that cannot be opened shows a window with the reason and the path."""

    def test_reason_and_path_in_a_window(self):
        tmp = tempfile.mkdtemp(prefix="gardefou-e2e-bad-")
        db = Path(tmp) / "not-a-database.sqlite3"
        db.write_text("this is not SQLite, and it is long enough to have a header")
        with open(Path(tmp) / "tauri-driver.log", "w") as log:
            driver, port = start_driver({**os.environ, "GARDEFOU_DB": str(db)}, log)
            try:
                wd = Session(str(APP), port=port)
                try:
                    text = wait_for(lambda: wd.script(
                        "const e = document.getElementById('startup-reason'); return e && document.body.textContent"),
                        10, "the failure page")
                    self.assertIn("cannot open its database", text)
                    self.assertIn(str(db), text)
                    ARTIFACTS.mkdir(parents=True, exist_ok=True)
                    wd.screenshot(ARTIFACTS / "startup-failure-en-light.png")
                finally:
                    wd.quit()
            finally:
                driver.terminate()
                driver.wait(timeout=10)


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
        service, path = wait_for(lambda: self.watcher.item_of(self.app.pid), 20,
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
