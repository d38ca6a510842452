"""What every end-to-end test file shares: the app and CLI paths, a fresh
database, tauri-driver on free ports, and `WindowBase` (one app window driven
like a person would). Each area has its own `test_*.py` file; scripts/e2e runs
them all under Xvfb and dbus-run-session."""

import json
import os
from datetime import datetime, timedelta
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


AXE = ROOT / "ui/node_modules/axe-core/axe.min.js"


def start_driver(env, log):
    """tauri-driver on free ports; returns (process, port)."""
    port, native_port = free_port(), free_port()
    while native_port == port:
        native_port = free_port()
    driver = subprocess.Popen(
        [shutil.which("tauri-driver") or "tauri-driver", "--port", str(port),
         "--native-port", str(native_port), "--native-driver", "/usr/bin/WebKitWebDriver"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    # tauri-driver listens at once; WebKitWebDriver (which it starts) a moment later.
    wait_port(port)
    wait_port(native_port)
    return driver, port


class WindowBase(unittest.TestCase):
    """One app on one database, driven like a person would: clicks, typing, what shows."""

    clients = ()
    theme = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="gardefou-e2e-")
        cls.db = fresh_db(cls.tmp, *cls.clients)
        env = {**os.environ, "GARDEFOU_DB": str(cls.db)}
        if cls.theme:
            env["GTK_THEME"] = cls.theme
        cls.log = open(Path(cls.tmp) / "tauri-driver.log", "w")
        cls.driver, port = start_driver(env, cls.log)
        started = time.monotonic()
        cls.wd = Session(str(APP), port=port)
        # First content: the navigation or the welcome has rendered.
        wait_for(lambda: cls.wd.script("return document.querySelector('#app').children.length > 0"),
                 15, "the first content")
        cls.cold_start = time.monotonic() - started
        print(f"\nfirst content {cls.cold_start:.2f} s after the session request")

    @classmethod
    def tearDownClass(cls):
        cls.wd.quit()
        cls.driver.terminate()
        cls.driver.wait(timeout=10)
        cls.log.close()

    def text_of(self, css):
        return self.wd.script("const e = document.querySelector(arguments[0]); return e ? e.textContent : null", css)

    def exists(self, css):
        return self.wd.script("return document.querySelector(arguments[0]) !== null", css)

    def click_text(self, text, scope="button"):
        """Clicks the first `scope` element whose text is exactly `text`."""
        found = self.wd.script(
            "const b = [...document.querySelectorAll(arguments[0])].find(e => e.textContent.trim() === arguments[1]);"
            "if (b) { b.click(); return true; } return false;", scope, text)
        self.assertTrue(found, f"no {scope} reads {text!r}")

    def choose(self, css, value):
        """Picks an option of a <select> as a person would (a change event)."""
        self.wd.script("const e = document.querySelector(arguments[0]); e.value = arguments[1];"
                       "e.dispatchEvent(new Event('change', {bubbles: true}));", css, value)

    def view(self, name):
        self.wd.click(f"#nav-{name}")
        wait_for(lambda: self.wd.script(
            "return document.getElementById(arguments[0]) !== null", f"{name}-heading"), 5, f"the {name} view")

    def axe(self, what):
        """axe-core on what shows: no serious or critical violation."""
        self.wd.script(AXE.read_text() + "\nwindow.__axe = axe;")
        result = self.wd.async_script(
            "const done = arguments[arguments.length - 1];"
            "window.__axe.run(document, {resultTypes: ['violations']})"
            ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
            " target: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))))"
            ".catch(e => done([{id: 'axe-error', impact: 'critical', target: [String(e)]}]));")
        bad = [v for v in result if v["impact"] in ("serious", "critical")]
        self.assertEqual(bad, [], f"axe on {what}")
        return result

    def shot(self, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        self.wd.screenshot(ARTIFACTS / f"{name}.png")
