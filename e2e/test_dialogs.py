"""End-to-end tests of the two file dialogs of the main window: the Export
dialog (sessions view) and the import wizard (settings view).

The native dialogs are stubbed the way the debug build allows: with
GARDEFOU_E2E_DIALOG=FILE the app answers each save or open dialog with FILE's
content (a path; a folder ending in `/` gets the file name the core suggests).
Everything else is real: the window's buttons call the same commands as with
the real dialogs, and the core writes the file or the sessions."""

import os
import tempfile
from datetime import date, timedelta
from pathlib import Path

from harness import ROOT, WindowBase, cli, cli_json
from webdriver import wait_for

FIXTURES = ROOT / "tests/fixtures/import"
STUB = "GARDEFOU_E2E_DIALOG"


def last_month(today=None):
    first = (today or date.today()).replace(day=1)
    end = first - timedelta(days=1)
    return end.replace(day=1), end


class Dialogs:
    """(A mixin, so that only the language × theme classes below run.) Acme (45.50 EUR) and Globex with three sessions last month; the
    dialogs answer from a file the test writes before each pick."""

    clients = ("Acme", "Globex")
    locale = "en"

    @classmethod
    def setUpClass(cls):
        cls.answers = Path(tempfile.mkdtemp(prefix="gardefou-dialogs-"))
        cls.answer_file = cls.answers / "answer"
        cls.answer_file.write_text("")
        os.environ[STUB] = str(cls.answer_file)
        try:
            super().setUpClass()
        finally:
            os.environ.pop(STUB, None)
        cli(cls.db, "settings", "set", "timezone", "Europe/Paris")
        cli(cls.db, "client", "edit", "Acme", "--rate", "45.50", "--currency", "EUR")
        cli(cls.db, "client", "edit", "Globex", "--rate", "80", "--currency", "USD")
        cls.first, cls.last = last_month()
        day = cls.first.isoformat()
        for client, start, end, note in [
            ("Acme", "09:00", "09:50", "Maquette, v2"),
            ("Acme", "14:00", "15:35", "=SUM(A1) \"quoted\""),
            ("Globex", "16:00", "16:30", "call"),
        ]:
            cli(cls.db, "add", client, "--from", f"{day} {start}", "--to", f"{day} {end}", "--note", note)
        cli(cls.db, "settings", "set", "locale", cls.locale)
        wait_for(lambda: cls.wd.script("return document.documentElement.lang") == cls.locale, 10, cls.locale)

    def answer(self, text):
        self.answer_file.write_text(text)

    def name(self, what):
        theme = "dark" if self.theme else "light"
        return f"{what}-{self.locale}-{theme}"

    def checked(self, css):
        return self.wd.script("return document.querySelector(arguments[0]).checked", css)

    def scroll_to(self, css):
        self.wd.script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", css)

    def open_export(self):
        self.view("sessions")
        self.wd.click("#sessions-export")
        wait_for(lambda: self.exists("#export-save"), 5, "the export dialog")

    def test_1_export_writes_what_the_cli_writes(self):
        acme = [c for c in cli_json(self.db, "client", "list") if c["name"] == "Acme"][0]
        self.open_export()
        self.choose("#export-range", "last_month")
        self.assertEqual(self.wd.script("return document.querySelector('#export-from').value"), self.first.isoformat())
        self.wd.click(f"#export-client-{acme['id']}")
        self.choose("#export-rounding", "15m:up")
        # The Excel variant is preselected in French (European spreadsheets); not this time.
        self.assertEqual(self.checked("#export-excel"), self.locale == "fr")
        if self.checked("#export-excel"):
            self.wd.click("#export-excel")
        self.axe("the export dialog")
        self.scroll_to("#export-heading")
        self.shot(self.name("export"))
        out = self.answers / f"out-{self.locale}"
        out.mkdir()
        self.answer(f"{out}/")
        self.wd.click("#export-save")
        wait_for(lambda: self.exists("#export-done"), 10, "the export written")
        month = self.first.strftime("%Y-%m")
        written = out / f"gardefou-{month}-acme.csv"
        self.assertTrue(written.exists(), f"{list(out.iterdir())}")
        by_cli = self.answers / f"cli-{self.locale}.csv"
        cli(self.db, "export", "csv", "--from", self.first.isoformat(), "--to", self.last.isoformat(),
            "--client", "Acme", "--round", "15m:up", "--out", str(by_cli))
        self.assertEqual(written.read_bytes(), by_cli.read_bytes())
        self.assertEqual(len(written.read_bytes().splitlines()), 3, "a header and two sessions")
        said = self.text_of("#export-done")
        self.assertIn(str(written), said)
        # 50 min and 1 h 35, each up to the quarter hour: 1 h + 1 h 45 at 45.50.
        if self.locale == "en":
            self.assertIn("2 rows, 2 h 45 min.", said)
            self.assertIn("125.13 EUR", said)
        else:
            self.assertIn("2 lignes, 2\u202fh\u202f45.", said.replace("\u00a0", "\u202f"))
            self.assertIn("125,13", said)
        self.axe("the export written")
        self.scroll_to("#export-heading")
        self.shot(self.name("export-done"))

        # The Excel variant, one line per client, every client: still the CLI's bytes.
        self.wd.click(f"#export-client-{acme['id']}")
        self.wd.click("#export-layout-client")
        if not self.checked("#export-excel"):
            self.wd.click("#export-excel")
        mine = self.answers / f"mine-{self.locale}.csv"
        self.answer(str(mine))
        self.wd.script("document.querySelector('#export-done').remove()")
        self.wd.click("#export-save")
        wait_for(lambda: mine.exists() and self.exists("#export-done"), 10, "the invoice lines")
        by_cli = self.answers / f"cli-excel-{self.locale}.csv"
        cli(self.db, "export", "csv", "--from", self.first.isoformat(), "--to", self.last.isoformat(),
            "--round", "15m:up", "--excel", "--by", "client", "--out", str(by_cli))
        self.assertEqual(mine.read_bytes(), by_cli.read_bytes())
        self.assertTrue(mine.read_bytes().startswith(b"\xef\xbb\xbf"), "Excel's BOM")

    def open_import(self):
        self.view("settings")
        self.wd.click("#settings-import")
        wait_for(lambda: self.exists("#import-format"), 5, "the import wizard")

    def test_2_a_bad_file_names_its_line_and_writes_nothing(self):
        before = cli_json(self.db, "client", "list")
        self.open_import()
        self.answer(str(FIXTURES / "toggl_bad_date.csv"))
        self.wd.click("#import-choose")
        wait_for(lambda: self.wd.script("return document.querySelector('#import-path').value").endswith("toggl_bad_date.csv"),
                 5, "the chosen file")
        self.wd.click("#import-preview")
        wait_for(lambda: self.exists("#import-error"), 10, "the error")
        error = self.text_of("#import-error")
        self.assertIn("toggl_bad_date.csv", error)
        self.assertIn("2025-13-45", error)
        self.assertIn("4", error)
        self.assertEqual(cli_json(self.db, "client", "list"), before)
        self.axe("the import error")
        self.wd.script("document.querySelector('#import-error').scrollIntoView({block: 'end'})")
        self.shot(self.name("import-error"))

    def test_3_import_previews_then_imports(self):
        self.view("timer")
        self.open_import()
        self.answer(str(FIXTURES / "toggl_detailed.csv"))
        self.wd.click("#import-choose")
        wait_for(lambda: self.wd.script("return document.querySelector('#import-path').value").endswith("toggl_detailed.csv"),
                 5, "the chosen file")
        self.wd.script("document.querySelector('#import-timezone').scrollIntoView()")
        self.wd.replace("#import-timezone", "Europe/Paris")
        self.axe("the import options")
        self.scroll_to("#import-heading")
        self.shot(self.name("import"))
        self.wd.click("#import-preview")
        wait_for(lambda: self.exists("#import-run"), 10, "the preview")
        preview = self.text_of(".import-wizard")
        dry = cli_json(self.db, "import", "toggl", str(FIXTURES / "toggl_detailed.csv"), "--dry-run",
                       "--timezone", "Europe/Paris")
        # The core's dry run, as the CLI prints it: 4 sessions, 2 clients to create, line 5 left out.
        self.assertEqual((dry["imported"], len(dry["clients"]), dry["skipped"][0]["line"]), (4, 2, 5))
        for figure in ["2024-03-04 09:00", "2024-03-06 00:45", "Acme", "Bôulangerie Dupré", "Projet perso"]:
            self.assertIn(figure, preview)
        self.assertEqual(self.text_of("#import-run").strip(),
                         "Import 4 sessions" if self.locale == "en" else "Importer 4 séances")
        self.assertIn("3 h 52 min" if self.locale == "en" else "3 h 52", preview.replace(" ", " "))
        self.assertEqual(cli_json(self.db, "log", "--from", "2024-03-01", "--to", "2024-03-31"), [],
                         "the preview wrote nothing")
        self.axe("the import preview")
        self.scroll_to("#import-heading")
        self.shot(self.name("import-preview"))
        self.wd.click("#import-run")
        wait_for(lambda: self.exists("#import-done"), 20, "the import")
        log = cli_json(self.db, "log", "--from", "2024-03-01", "--to", "2024-03-31")
        self.assertEqual(len(log), 4)
        self.assertEqual(log[0]["start"], "2024-03-04T09:00:00+01:00")
        totals = cli_json(self.db, "report", "totals", "--from", "2024-03-01", "--to", "2024-03-31")
        self.assertEqual(totals["total_seconds"], 5400 + 433 + 3600 + 4500, totals)
        self.assertEqual(sorted(c["name"] for c in totals["clients"]), ["Acme", "Bôulangerie Dupré"])
        self.axe("the import done")
        self.scroll_to("#import-heading")
        self.shot(self.name("import-done"))


class DialogsEnglishLight(Dialogs, WindowBase):
    locale = "en"


class DialogsFrenchDark(Dialogs, WindowBase):
    locale = "fr"
    theme = "Adwaita:dark"
