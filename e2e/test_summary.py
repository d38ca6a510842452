"""End-to-end tests of the week summary window: a week seeded through the
CLI in the past (three clients, a crossed cap, off-hours, a worked weekend,
an override and a call that drifted), opened by `gardefou-desktop summary
--week DATE`; the window shows the figures of `gardefou report week --json`,
a decision made in it is listed by `gardefou decisions --json`, axe-core
finds nothing serious, and screenshots in both languages and themes."""

import os
import subprocess
import tempfile
import time
import unittest
from pathlib import Path

from harness import APP, CLI, WindowBase, cli, cli_json, start_driver
from tray import FakeWatcher, TrayClient
from webdriver import Session, wait_for

WEEK = "2026-11-18"  # Wednesday: the week of Mon 16 – Sun 22 November 2026


def cli_at(db, now, *args):
    """The CLI as if it were `now` (RFC 3339): the past, replayed."""
    env = {**os.environ, "GARDEFOU_DB": str(db), "GARDEFOU_NOW": now}
    done = subprocess.run([str(CLI), *args], env=env, capture_output=True, text=True, timeout=30)
    if done.returncode != 0:
        raise AssertionError(f"gardefou {' '.join(args)} at {now} failed: {done.stderr}")
    return done


def seed(folder):
    db = Path(folder) / "gardefou.sqlite3"
    for key, value in (("timezone", "Europe/Paris"), ("locale", "en"), ("weekly_cap", "40h"),
                       ("working_hours", "mon-fri 09:00-18:00; sat-sun off"), ("rest_days", "sat,sun"),
                       # Opened by hand here: a summary due by the real clock must not take over.
                       ("summary_auto_open", "off")):
        cli(db, "settings", "set", key, value)
    cli(db, "client", "add", "Infopreneur SAS", "--rate", "50", "--cap", "20h", "--color", "#c4572e")
    cli(db, "client", "add", "Acme", "--rate", "40", "--color", "#3a8f7a")
    cli(db, "client", "add", "Globex", "--rate", "60", "--color", "#5b6fd6")
    # Globex: a 30 min call started out of hours on purpose, that lasts 50 min
    # (first: a timer cannot start before sessions that come after it).
    cli_at(db, "2026-11-19T20:00:00+01:00", "start", "Globex", "--planned", "30m",
           "--override", "release night, agreed with Globex")
    cli_at(db, "2026-11-19T20:45:00+01:00", "check")
    cli_at(db, "2026-11-19T20:50:00+01:00", "stop")
    # Infopreneur: 5 h 30 a day Monday to Thursday, 22 h against a 20 h cap.
    for day in ("16", "17", "18", "19"):
        cli(db, "add", "Infopreneur SAS", "--from", f"2026-11-{day} 09:00", "--to", f"2026-11-{day} 14:30")
    # Acme: an evening and the weekend.
    cli(db, "add", "Acme", "--from", "2026-11-17 19:00", "--to", "2026-11-17 22:00", "--tag", "rework")
    cli(db, "add", "Acme", "--from", "2026-11-21 10:00", "--to", "2026-11-21 12:00")
    cli(db, "add", "Acme", "--from", "2026-11-22 10:00", "--to", "2026-11-22 11:00")
    return db


class SummaryWindow(WindowBase):
    """`gardefou-desktop summary --week DATE` on the seeded week."""

    theme = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gardefou-e2e-summary-")
        cls.db = seed(cls.tmp)
        # The debug build answers the save dialog with this file's path (see test_dialogs.py).
        cls.answer = Path(cls.tmp) / "dialog-answer"
        cls.out = Path(cls.tmp) / "exported"
        cls.out.mkdir()
        cls.answer.write_text(f"{cls.out}/")
        env = {**os.environ, "GARDEFOU_DB": str(cls.db), "GARDEFOU_E2E_DIALOG": str(cls.answer)}
        if cls.theme:
            env["GTK_THEME"] = cls.theme
        cls.log = open(Path(cls.tmp) / "tauri-driver.log", "w")
        cls.driver, port = start_driver(env, cls.log)
        cls.wd = Session(str(APP), port=port, args=["summary", "--week", WEEK])
        cls.to_summary_window()

    @classmethod
    def to_summary_window(cls):
        """Switches the session to the summary window (the main one opens too)."""
        def find():
            for handle in cls.wd._session("GET", "/window/handles"):
                cls.wd._session("POST", "/window", {"handle": handle})
                if cls.wd.script("return location.pathname").endswith("summary.html"):
                    return handle
            return None
        wait_for(find, 15, "the summary window")
        wait_for(lambda: cls.wd.script("return document.getElementById('summary-heading') !== null"),
                 15, "the summary to render")

    def report(self):
        return cli_json(self.db, "report", "week", "--date", WEEK)

    def seconds(self, css):
        return self.wd.script(
            "return [...document.querySelectorAll(arguments[0])].map(e => Number(e.dataset.seconds))", css)

    def shots(self, name):
        """The top of the window, then the decisions and the rest, scrolled."""
        self.wd.script("window.scrollTo(0, 0)")
        self.shot(name)
        for part in ("decisions", "boundaries", "health"):
            self.wd.script("document.getElementById(arguments[0]).scrollIntoView({block: 'start'})", f"{part}-heading")
            self.shot(f"{name}-{part}")
        self.wd.script("window.scrollTo(0, 0)")

    def wait_locale(self, locale):
        wait_for(lambda: self.wd.script("return document.documentElement.lang") == locale, 10, locale)

    def test_1_the_window_shows_the_reports_figures(self):
        r = self.report()
        wd = self.wd
        self.assertEqual(wd.script("return document.getElementById('summary-heading').dataset.week"), r["start"])
        self.assertEqual(self.text_of("#summary-heading"), f"Week {r['week']}")
        self.assertEqual(self.seconds("#summary-total"), [r["total_seconds"]])
        self.assertEqual(self.seconds("#summary-billable"), [r["billable_seconds"]])
        # The grid, cell by cell, and its totals row.
        names = wd.script("return [...document.querySelectorAll('#summary-grid tbody tr')].map(r => r.dataset.client)")
        self.assertEqual(names, [c["name"] for c in r["clients"]])
        self.assertEqual(len(names), 3)
        for c in r["clients"]:
            row = f'#summary-grid tbody tr[data-client="{c["name"]}"]'
            self.assertEqual(self.seconds(f"{row} td[data-day]"), c["days"], c["name"])
            self.assertEqual(self.seconds(f"{row} td.total"), [c["total_seconds"]], c["name"])
            amount = " + ".join(f"{a['minor'] / 100:.2f} {a['currency']}" for a in c["amounts"] if a["minor"])
            cells = wd.script(f"return [...document.querySelectorAll('{row} td')].map(e => e.textContent)")
            self.assertIn(amount, cells, c["name"])
            level = wd.script(f"const e = document.querySelector('{row} td.cap'); return e && e.dataset.level")
            self.assertEqual(level, c["cap_level"], c["name"])
        self.assertEqual(self.seconds("#summary-grid tfoot td[data-day]"), r["day_totals"])
        info = [c for c in r["clients"] if c["name"] == "Infopreneur SAS"][0]
        self.assertEqual(info["cap_level"], "reached")
        self.assertIn("crossed", wd.script(
            "return document.querySelector('#summary-grid tr[data-client=\"Infopreneur SAS\"] td.cap').className"))
        # The weekly cap, off-hours and rest days per client, the weekend streak.
        self.assertEqual(wd.script("return document.getElementById('summary-weekly-cap').dataset.level"),
                         r["weekly_cap_level"])
        self.assertEqual(self.seconds("#summary-off-hours"), [r["off_hours_seconds"]])
        self.assertEqual(self.seconds("#summary-rest-days"), [r["rest_day_seconds"]])
        self.assertGreater(r["off_hours_seconds"], 0)
        self.assertGreater(r["rest_day_seconds"], 0)
        for c in r["clients"]:
            row = f'#summary-boundaries tr[data-client="{c["name"]}"]'
            self.assertEqual(self.seconds(f'{row} [data-kind="off_hours"]'), [c["off_hours_seconds"]], c["name"])
            self.assertEqual(self.seconds(f'{row} [data-kind="rest_days"]'), [c["rest_day_seconds"]], c["name"])
        self.assertEqual(wd.script("return Number(document.getElementById('summary-streak').dataset.count)"),
                         r["weekend_streak"])
        self.assertEqual(r["weekend_streak"], 1)
        # The override with its reason, the alerts, the call that drifted.
        self.assertEqual([o["reason"] for o in r["overrides"]], ["release night, agreed with Globex"])
        self.assertIn("Outside working hours", self.text_of("#summary-overrides"))
        self.assertIn("release night, agreed with Globex", self.text_of("#summary-overrides q.reason"))
        self.assertEqual(wd.script("return document.querySelectorAll('#summary-alerts li').length"), len(r["alerts"]))
        self.assertIn("planned_exceeded", [a["kind"] for a in r["alerts"]])
        self.assertIn("Globex", self.text_of("#summary-calls"))
        self.assertIn("50 min for 30 min planned (20 min over)", self.text_of("#summary-calls"))
        # Health and the 8-week trend per client: one card each, eight bars.
        self.assertEqual(wd.script("return document.querySelectorAll('#summary-health > li').length"), len(r["health"]))
        self.assertEqual(wd.script("return document.querySelectorAll('#summary-health .trend rect').length"),
                         8 * len(r["trend"]["clients"]))
        # The day chart: a bar segment per client and day with time, the guide line.
        segments = sum(1 for c in r["clients"] for s in c["days"] if s > 0)
        self.assertEqual(wd.script("return document.querySelectorAll('#day-chart rect').length"), segments)
        self.assertTrue(self.exists("#day-chart-guide-line"))
        self.axe("the summary")
        self.shots("summary-en-light")

    def test_2_a_decision_made_in_the_window_is_listed_by_the_cli(self):
        wd = self.wd
        question = '.question[data-client="Infopreneur SAS"]'
        wait_for(lambda: self.exists(f"{question} form"), 5, "the question about Infopreneur SAS")
        self.assertIn("22 h this week against its 20 h cap.", self.text_of(question))
        wd.click(f'{question} input[value="renegotiate"]')
        wd.type(f"{question} textarea", "fewer calls, a fixed scope")
        wd.click(f"{question} button[type=submit]")
        wait_for(lambda: not self.exists(f"{question} form"), 5, "the question answered")
        decisions = cli_json(self.db, "decisions")["decisions"]
        self.assertEqual([(d["client"], d["week"], d["choice"], d["note"]) for d in decisions],
                         [("Infopreneur SAS", "2026-11-16", "renegotiate", "fewer calls, a fixed scope")])
        self.assertIn("renegotiate", self.text_of(question))
        # Raise the rate: the client's rate, prefilled, becomes the new one.
        acme = '.question[data-client="Acme"]'
        if self.exists(f"{acme} form"):
            wd.click(f'{acme} input[value="raise_rate"]')
            wait_for(lambda: self.exists(f"{acme} input[inputmode=decimal]"), 5, "the rate field")
            self.assertEqual(wd.script(f"return document.querySelector('{acme} input[inputmode=decimal]').value"),
                             "40.00")
            wd.replace(f"{acme} input[inputmode=decimal]", "48")
            wd.click(f"{acme} button[type=submit]")
            wait_for(lambda: not self.exists(f"{acme} form"), 5, "the rate raised")
            rate = [c for c in cli_json(self.db, "client", "list") if c["name"] == "Acme"][0]["rate_minor"]
            self.assertEqual(rate, 4800)

    def test_3_the_weeks_around_and_french(self):
        wd = self.wd
        wd.click("#summary-previous")
        wait_for(lambda: wd.script("return document.getElementById('summary-heading').dataset.week") == "2026-11-09",
                 5, "the previous week")
        wd.click("#summary-next")
        wait_for(lambda: wd.script("return document.getElementById('summary-heading').dataset.week") == "2026-11-16",
                 5, "back to the seeded week")
        cli(self.db, "settings", "set", "locale", "fr")
        self.wait_locale("fr")
        wait_for(lambda: self.text_of("#summary-heading").startswith("Semaine"), 5, "the window in French")
        self.assertIn("lun. 16 nov.", self.text_of("#summary-dates"))
        self.axe("the summary in French")
        self.shots("summary-fr-light")
        cli(self.db, "settings", "set", "locale", "en")
        self.wait_locale("en")

    def test_4_keyboard_alone_moves_between_weeks_and_answers(self):
        wd = self.wd
        wd.script("document.getElementById('summary-previous').focus()")
        reached = []
        for _ in range(40):
            wd.press("TAB")
            reached.append(wd.script("const e = document.activeElement; return e.id || e.getAttribute('name') || e.tagName"))
        for control in ("summary-date", "summary-next"):
            self.assertIn(control, reached, f"Tab never reaches {control}: {reached}")
        self.assertTrue(any(r.endswith("-choice") or r.endswith("-note") for r in reached),
                        f"Tab never reaches a question: {reached}")
        # Space on a focused button, like a click.
        wd.script("document.getElementById('summary-previous').focus()")
        wd.press("SPACE")
        wait_for(lambda: wd.script("return document.getElementById('summary-heading').dataset.week") == "2026-11-09",
                 5, "the previous week, from the keyboard")
        wd.script("document.getElementById('summary-next').focus()")
        wd.press("SPACE")
        wait_for(lambda: wd.script("return document.getElementById('summary-heading').dataset.week") == "2026-11-16",
                 5, "back, from the keyboard")

    def test_5_export_from_the_summary_writes_what_the_cli_writes(self):
        wd = self.wd
        wd.click("#summary-export")
        wait_for(lambda: self.exists("#export-save"), 5, "the export dialog")
        # On the week shown.
        self.assertEqual(wd.script("return document.getElementById('export-from').value"), "2026-11-16")
        self.assertEqual(wd.script("return document.getElementById('export-to').value"), "2026-11-22")
        self.axe("the export dialog in the summary")
        self.shot("summary-export-en-light")
        wd.click("#export-save")
        wait_for(lambda: self.exists("#export-done"), 10, "the export written")
        written = list(self.out.glob("*.csv"))
        self.assertEqual(len(written), 1, written)
        by_cli = Path(self.tmp) / "cli.csv"
        cli(self.db, "export", "csv", "--from", "2026-11-16", "--to", "2026-11-22", "--out", str(by_cli))
        self.assertEqual(written[0].read_bytes(), by_cli.read_bytes())
        self.assertIn(str(written[0]), self.text_of("#export-done"))


class SummaryWindowDark(SummaryWindow):
    """The same window in the dark theme, both languages."""

    theme = "Adwaita:dark"

    def test_1_the_window_shows_the_reports_figures(self):
        self.assertTrue(self.wd.script("return matchMedia('(prefers-color-scheme: dark)').matches"))
        for locale in ("en", "fr"):
            cli(self.db, "settings", "set", "locale", locale)
            self.wait_locale(locale)
            time.sleep(0.3)
            self.axe(f"the summary, dark, {locale}")
            self.shots(f"summary-{locale}-dark")

    test_2_a_decision_made_in_the_window_is_listed_by_the_cli = None
    test_3_the_weeks_around_and_french = None
    test_4_keyboard_alone_moves_between_weeks_and_answers = None
    test_5_export_from_the_summary_writes_what_the_cli_writes = None


class SummaryFromTheTray(unittest.TestCase):
    """The tray's "Week summary" opens the summary window (a window of its own)."""

    def test_the_tray_item_opens_the_window(self):
        tmp = tempfile.mkdtemp(prefix="gardefou-e2e-summary-tray-")
        db = seed(tmp)
        watcher = FakeWatcher()
        with open(Path(tmp) / "app.log", "w") as log:
            app = subprocess.Popen([str(APP)], env={**os.environ, "GARDEFOU_DB": str(db)},
                                   stdout=log, stderr=subprocess.STDOUT)
            try:
                service, path = wait_for(lambda: watcher.item_of(app.pid), 20, "the tray item")
                tray = TrayClient(service, path)
                try:
                    wait_for(lambda: list(tray.menu())[-3:] == ["Week summary", "Open Gardefou", "Quit"], 10,
                             "the Week summary item")
                    titles = lambda: subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True,
                                                    text=True).stdout
                    self.assertNotIn('"Week summary"', titles())
                    tray.click("Week summary")
                    wait_for(lambda: '"Week summary"' in titles(), 10, "the summary window")
                finally:
                    tray.close()
            finally:
                app.terminate()
                app.wait(timeout=10)
                watcher.close()


if __name__ == "__main__":
    unittest.main(verbosity=2)
