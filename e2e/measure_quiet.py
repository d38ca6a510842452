"""How quiet the app is with a timer running (issue #11, "quiet when idle"):
wake-ups per minute (voluntary + involuntary context switches, summed over
every thread) of the app and of its WebKit processes, CPU and RSS, over
MEASURE_SECONDS (default 60), with the window hidden and with it shown.

Run under Xvfb + dbus-run-session, like the E2E tests:
  GARDEFOU_APP=path/to/gardefou-desktop python measure_quiet.py
The window is hidden by unmapping it once shown (xdotool), the same for every
build; HIDE=login starts the app as the login entry does (`--autostart`, a
tray host on the bus), which hides it before it was ever shown."""

import os
import subprocess
import sys
import tempfile
import time

from harness import APP, cli, fresh_db
from pathlib import Path

from measure import cpu_and_switches, descendants, name, rss_mib, window_shown
from tray import FakeWatcher
from webdriver import wait_for

SECONDS = int(os.environ.get("MEASURE_SECONDS", "60"))


def thread_switches(pid):
    """{tid: voluntary + involuntary context switches} of every thread now."""
    found = {}
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            lines = (task / "status").read_text().splitlines()
        except OSError:
            continue  # the thread just ended
        found[task.name] = sum(int(l.split()[1]) for l in lines
                               if l.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")))
    return found


def measure(label, procs, seconds):
    """Samples every thread once a second (threads come and go: a thread's
    count is its last sample minus its first, 0 for one born meanwhile) and
    prints wake-ups per minute, CPU and RSS per process."""
    cpu0 = {pid: cpu_and_switches(pid)[0] for pid in procs}
    first = {pid: thread_switches(pid) for pid in procs}
    last = {pid: dict(first[pid]) for pid in procs}
    born = {pid: set() for pid in procs}
    for _ in range(seconds):
        time.sleep(1)
        for pid in procs:
            for tid, n in thread_switches(pid).items():
                if tid not in first[pid] and tid not in born[pid]:
                    born[pid].add(tid)
                    first[pid][tid] = 0
                last[pid][tid] = n
    minutes = seconds / 60
    for pid in procs:
        woke = sum(last[pid][t] - first[pid].get(t, 0) for t in last[pid])
        cpu = cpu_and_switches(pid)[0] - cpu0[pid]
        print(f"{label:<8} {name(pid):<20} {woke / minutes:8.1f} wake-ups/min  CPU {cpu:5.2f} s  "
              f"RSS {rss_mib(pid):6.1f} MiB  threads {len(last[pid])} ({len(born[pid])} born)")


def main():
    tmp = tempfile.mkdtemp(prefix="gardefou-quiet-")
    db = fresh_db(tmp, "Acme")
    cli(db, "start", "Acme")
    watcher = FakeWatcher()
    env = {**os.environ, "GARDEFOU_DB": str(db)}
    login = os.environ.get("HIDE") == "login"
    app = subprocess.Popen([str(APP)] + (["--autostart"] if login else []), env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: watcher.item_of(app.pid), 20, "the tray item")
        time.sleep(5)  # the page loaded, the first publish done
        if window_shown():
            subprocess.run(["xdotool", "search", "--name", "^Gardefou$", "windowunmap"], check=False)
            time.sleep(2)
        hidden = not window_shown()
        procs = [app.pid] + descendants(app.pid)
        measure("hidden" if hidden else "SHOWN?", procs, SECONDS)

        subprocess.run([str(APP)], env=env, timeout=30)  # a second launch shows the window
        if not window_shown():
            subprocess.run(["xdotool", "search", "--name", "^Gardefou$", "windowmap"], check=False)
        wait_for(window_shown, 10, "the window shown")
        time.sleep(3)
        procs = [app.pid] + descendants(app.pid)
        measure("shown", procs, SECONDS)
    finally:
        app.terminate()
        app.wait(timeout=10)
        watcher.close()


if __name__ == "__main__":
    sys.exit(main())
