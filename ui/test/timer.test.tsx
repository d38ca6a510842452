import { emit } from "@tauri-apps/api/event";
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, test, vi } from "vitest";
import { EVENTS } from "../src/bindings";
import { acme, flush, globex, lastArgs, meters, mount, session, snapshot, state } from "./fixtures";

const tick = (ms: number) => {
  state.fakeNow += ms;
  vi.advanceTimersByTime(ms);
};

describe("the timer", () => {
  test("idle: the clients by id, most recent first; Stop disabled; an empty day", async () => {
    await mount(() => snapshot());
    expect(screen.getByText("No timer running")).toBeTruthy();
    expect(screen.getByRole("timer", { name: "Elapsed time" }).textContent).toBe("0:00:00");
    const picker = screen.getByLabelText<HTMLSelectElement>("Client");
    expect([...picker.options].map((o) => [o.value, o.text])).toEqual([
      ["c1", "Acme"],
      ["c2", "Globex"],
    ]);
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Stop" }).disabled).toBe(true);
    expect(screen.getByText("Nothing tracked today.")).toBeTruthy();
  });

  test("the running timer ticks every second without re-reading", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const running = session();
    await mount(() => snapshot({ running, today: [running], today_seconds: 83 }));
    expect(screen.getByText("since 09:00")).toBeTruthy();
    expect(screen.getByRole("timer").textContent).toBe("0:01:23");
    tick(2000);
    await flush();
    expect(screen.getByRole("timer").textContent).toBe("0:01:25");
    expect(screen.getByRole("button", { name: "Stop Acme" })).toBeTruthy();
    expect(state.calls.filter((c) => c.cmd === "get_state")).toHaveLength(1);
  });

  test("a hidden window stops ticking and catches up when shown", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let hidden = false;
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hidden });
    try {
      const running = session();
      await mount(() => snapshot({ running, today: [running], today_seconds: 83 }));
      hidden = true;
      document.dispatchEvent(new Event("visibilitychange"));
      expect(vi.getTimerCount()).toBe(0);
      tick(5000);
      hidden = false;
      document.dispatchEvent(new Event("visibilitychange"));
      await flush();
      expect(screen.getByRole("timer").textContent).toBe("0:01:28");
      expect(vi.getTimerCount()).toBe(1);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
  });

  test("a timer started on another day says which, and is flagged across midnight and past 12 h", async () => {
    const running = session({ start_date: "2025-03-07", start_local: "13:30", duration_seconds: 13 * 3600 });
    await mount(() =>
      snapshot({
        running,
        today: [running],
        running_flags: { started_on: "2025-03-07", across_midnight: true, over_12h: true },
      }),
    );
    expect(screen.getByText("since Fri 13:30")).toBeTruthy();
    expect(screen.getByText("This timer has been running since before midnight.")).toBeTruthy();
    expect(screen.getByText("This timer has been running for more than 12 hours.")).toBeTruthy();
  });

  test("Start sends the client's id and the details; Stop stops", async () => {
    let current = snapshot();
    await mount((cmd, args) => {
      if (cmd === "start_timer") {
        const a = args.args as { client_id: string };
        const c = [acme, globex].find((x) => x.id === a.client_id)!;
        const running = session({ client_id: c.id, client: c.name, duration_seconds: 0 });
        current = snapshot({ running, today: [running] });
      }
      if (cmd === "stop_timer" && current.running) {
        const done = { ...current.running, end: "x", end_local: "09:25", duration_seconds: 1500 };
        current = snapshot({ today: [done], today_seconds: 1500 });
      }
      return current;
    });
    fireEvent.change(screen.getByLabelText("Client"), { target: { value: "c2" } });
    fireEvent.input(screen.getByLabelText("Note"), { target: { value: "kick-off call" } });
    fireEvent.input(screen.getByLabelText("Tags"), { target: { value: "meeting, Call" } });
    fireEvent.input(screen.getByLabelText("Planned length"), { target: { value: "30m" } });
    fireEvent.click(screen.getByLabelText("Billable"));
    fireEvent.click(screen.getByRole("button", { name: "Start" }));
    await waitFor(() => expect(screen.getByRole("button", { name: "Stop Globex" })).toBeTruthy());
    expect(lastArgs("start_timer")).toEqual({
      client_id: "c2",
      note: "kick-off call",
      tags: ["meeting", "Call"],
      billable: false,
      planned: "30m",
      override_reason: null,
    });
    fireEvent.click(screen.getByRole("button", { name: "Stop Globex" }));
    await waitFor(() => expect(screen.getByText("No timer running")).toBeTruthy());
    const rows = within(screen.getByRole("list")).getAllByRole("listitem");
    expect(rows.map((li) => li.textContent)).toEqual(["Globex09:00–09:2525 min"]);
  });

  test("Ctrl+Enter starts, and stops", async () => {
    let current = snapshot();
    await mount((cmd) => {
      if (cmd === "start_timer") current = snapshot({ running: session(), today: [session()] });
      if (cmd === "stop_timer") current = snapshot();
      return current;
    });
    // Preact runs effects (the key listener) after the next paint.
    await new Promise((resolve) => setTimeout(resolve, 150));
    fireEvent.keyDown(window, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(screen.getByRole("button", { name: "Stop Acme" })).toBeTruthy());
    await new Promise((resolve) => setTimeout(resolve, 150));
    fireEvent.keyDown(window, { key: "Enter", ctrlKey: true });
    await waitFor(() => expect(screen.getByText("No timer running")).toBeTruthy());
    expect(state.calls.map((c) => c.cmd).filter((c) => c.endsWith("_timer"))).toEqual(["start_timer", "stop_timer"]);
  });

  test("boundaries in view: meters amber and red, off-hours, the projection, the streak", async () => {
    const running = session({ client: "Acme" });
    await mount(() =>
      snapshot({
        running,
        today: [running],
        meters: meters({
          week_tracked_seconds: 34 * 3600,
          weekly_cap: { tracked_seconds: 34 * 3600, cap_seconds: 40 * 3600, percent: 85, level: "warning" },
          client_cap: { tracked_seconds: 11 * 3600, cap_seconds: 10 * 3600, percent: 110, level: "reached" },
          client_name: "Acme",
          off_hours_now: true,
          weekly_cap_reached_at: "16:40",
          weekend_streak: 3,
          weekend_streak_limit: 2,
        }),
      }),
    );
    const week = screen.getByLabelText("This week: 34 h of 40 h");
    expect(week.closest(".meter")!.className).toContain("approaching");
    const client = screen.getByLabelText("Acme: 11 h of 10 h");
    expect(client.closest(".meter")!.className).toContain("crossed");
    expect(screen.getByText("crossed")).toBeTruthy();
    expect(screen.getByText("You are working outside your working hours.")).toBeTruthy();
    expect(screen.getByText("At this pace you reach your weekly cap at 16:40.")).toBeTruthy();
    expect(screen.getByText("You have worked 3 weekends in a row (your limit is 2).")).toBeTruthy();
  });

  test("a refused start opens the dialog: each boundary named, Start disabled until a reason", async () => {
    await mount((cmd, args) => {
      const a = args.args as { override_reason: string | null } | undefined;
      if (cmd === "start_timer" && !a?.override_reason)
        throw {
          kind: "refused",
          message: "Your weekly cap of 40 h is reached (40 h 10 min this week).",
          boundaries: ["weekly_cap_reached", "off_hours"],
        };
      return snapshot();
    });
    fireEvent.click(screen.getByRole("button", { name: "Start" }));
    const dialog = await screen.findByRole("dialog", { name: "Start anyway?" });
    const items = within(dialog).getAllByRole("listitem").map((li) => li.textContent);
    expect(items).toEqual(["Weekly cap reached", "Outside working hours"]);
    expect(within(dialog).getByText("Your weekly cap of 40 h is reached (40 h 10 min this week).")).toBeTruthy();
    const go = within(dialog).getByRole<HTMLButtonElement>("button", { name: "Start anyway" });
    expect(go.disabled).toBe(true);
    fireEvent.input(within(dialog).getByLabelText("Reason to go on anyway"), {
      target: { value: "invoice due Friday" },
    });
    expect(go.disabled).toBe(false);
    fireEvent.click(go);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(lastArgs("start_timer")).toMatchObject({ client_id: "c1", override_reason: "invoice due Friday" });
  });

  test("Not now closes the dialog; other errors show with a working Dismiss", async () => {
    await mount((cmd) => {
      if (cmd === "start_timer") throw { kind: "refused", message: "Off hours.", boundaries: ["off_hours"] };
      if (cmd === "stop_timer") throw { kind: "conflict", message: "no timer is running", boundaries: [] };
      return snapshot({ running: session(), today: [session()] });
    });
    fireEvent.click(screen.getByRole("button", { name: "Start" }));
    await screen.findByRole("dialog");
    fireEvent.click(screen.getByRole("button", { name: "Not now" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Stop Acme" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("no timer is running");
    fireEvent.click(within(alert).getByRole("button", { name: "Dismiss" }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
  });

  test("follows state-changed (the tray, the CLI) without losing a half-typed note", async () => {
    await mount(() => snapshot());
    fireEvent.input(screen.getByLabelText("Note"), { target: { value: "half-typ" } });
    const running = session({ client_id: globex.id, client: "Globex", color: globex.color, duration_seconds: 5 });
    await emit(EVENTS.stateChanged, snapshot({ running, today: [running], today_seconds: 5 }));
    await flush();
    expect(screen.getByText("Globex", { selector: "#timer-client" })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>("Note").value).toBe("half-typ");
  });

  test("a refusal from the tray opens the dialog on that client", async () => {
    await mount(() => snapshot());
    await emit(EVENTS.startRefused, {
      client_id: "c2",
      error: { kind: "refused", message: "It is 22:10, outside your working hours.", boundaries: ["off_hours"] },
    });
    await flush();
    expect(screen.getByRole("dialog")).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>("Client").value).toBe("c2");
  });

  test("without clients: a button to add one, never a terminal", async () => {
    await mount((cmd) => (cmd === "list_clients" ? [] : snapshot({ clients: [] })));
    expect(screen.getByText("No clients yet.")).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/terminal|gardefou client/);
    fireEvent.click(screen.getByRole("button", { name: "Add a client" }));
    await flush();
    expect(screen.getByRole("heading", { name: "Clients" })).toBeTruthy();
  });

  test("the window follows the locale setting at once", async () => {
    await mount(() => snapshot());
    expect(screen.getByRole("button", { name: "Start" })).toBeTruthy();
    await emit(EVENTS.stateChanged, snapshot({ locale: "fr" }));
    await flush();
    expect(screen.getByRole("button", { name: "Démarrer" })).toBeTruthy();
    expect(screen.getByText("Aucun chrono en cours")).toBeTruthy();
    expect(document.documentElement.lang).toBe("fr");
  });

  test("every control has a label", async () => {
    await mount(() => snapshot({ running: session(), today: [session()] }));
    for (const control of document.querySelectorAll("select, input")) {
      expect(document.querySelector(`label[for="${control.id}"]`) ?? control.getAttribute("aria-label"), control.id).toBeTruthy();
    }
  });
});

describe("launches", () => {
  test("a later launch's view (gardefou-desktop clients) opens in this window", async () => {
    await mount((cmd) => (cmd === "list_clients" ? [] : snapshot()));
    await emit(EVENTS.openView, "clients");
    await flush();
    expect(screen.getByRole("heading", { name: "Clients" })).toBeTruthy();
    await emit(EVENTS.openView, null);
    await flush();
    expect(screen.getByRole("heading", { name: "Clients" })).toBeTruthy();
  });
});
