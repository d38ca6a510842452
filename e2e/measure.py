"""Figures for the desktop app (run under Xvfb + dbus-run-session, see
scripts/measure): start to window shown (median of 5), RSS of the app and of
its WebKit processes with a timer running, CPU and wake-ups while idle."""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from harness import APP, cli, fresh_db
from webdriver import wait_for

IDLE_SECONDS = int(os.environ.get("IDLE_SECONDS", "300"))
TICK = os.sysconf("SC_CLK_TCK")


def window_shown():
    out = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True).stdout
    for line in out.splitlines():
        if '"Gardefou"' in line:
            wid = line.split()[0]
            info = subprocess.run(["xwininfo", "-id", wid], capture_output=True, text=True).stdout
            if "IsViewable" in info:
                return True
    return False


def descendants(pid):
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        children = Path(f"/proc/{p}/task/{p}/children")
        kids = [int(k) for k in children.read_text().split()] if children.exists() else []
        found += kids
        todo += kids
    return found


def name(pid):
    return Path(f"/proc/{pid}/comm").read_text().strip()


def rss_mib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_and_switches(pid):
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    cpu = (int(fields[11]) + int(fields[12])) / TICK
    switches = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        for line in (task / "status").read_text().splitlines():
            if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                switches += int(line.split()[1])
    return cpu, switches


def main():
    tmp = tempfile.mkdtemp(prefix="gardefou-measure-")
    db = fresh_db(tmp, "Acme", "Globex")
    env = {**os.environ, "GARDEFOU_DB": str(db)}
    starts = []
    for _ in range(5):
        t0 = time.monotonic()
        app = subprocess.Popen([str(APP)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(window_shown, 30, "the window", interval=0.01)
        starts.append(time.monotonic() - t0)
        app.terminate()
        app.wait(timeout=10)
        wait_for(lambda: not window_shown(), 10, "the window to go")
    print(f"start to window shown: median {statistics.median(starts) * 1000:.0f} ms "
          f"(runs: {', '.join(f'{s * 1000:.0f}' for s in starts)} ms)")

    cli(db, "start", "Acme")
    app = subprocess.Popen([str(APP)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for(window_shown, 30, "the window")
    time.sleep(5)  # let the page settle before measuring memory
    procs = [app.pid] + descendants(app.pid)
    for pid in procs:
        print(f"RSS {name(pid):<20} {rss_mib(pid):7.1f} MiB")
    before = {pid: cpu_and_switches(pid) for pid in procs}
    time.sleep(IDLE_SECONDS)
    minutes = IDLE_SECONDS / 60
    for pid in procs:
        cpu0, sw0 = before[pid]
        cpu1, sw1 = cpu_and_switches(pid)
        print(f"idle {IDLE_SECONDS} s, timer running: {name(pid):<20} CPU {cpu1 - cpu0:6.2f} s "
              f"({(cpu1 - cpu0) / IDLE_SECONDS * 100:.2f} %), {(sw1 - sw0) / minutes:.0f} wake-ups/min")
    app.terminate()
    app.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
