import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { api } from "../src/api";
import { startApp, type AppHandle } from "../src/app";
import { COMMANDS, EVENTS, type DayClient, type DaySession, type Snapshot } from "../src/bindings";

// vitest runs from ui/.
const page = readFileSync(join(process.cwd(), "index.html"), "utf8");
const body = page.slice(page.indexOf("<body>") + 6, page.indexOf("</body>"));

const acme: DayClient = { id: "c1", name: "Acme", color: "#3a8f7a", archived: false, cap: null };
const globex: DayClient = { id: "c2", name: "Globex", color: "#c4572e", archived: false, cap: null };

function session(over: Partial<DaySession> = {}): DaySession {
  return {
    id: "s1",
    number: 1,
    client_id: acme.id,
    client: "Acme",
    color: acme.color,
    start: "2025-03-12T09:00:00+01:00",
    end: null,
    start_local: "09:00",
    end_local: null,
    duration_seconds: 83,
    today_seconds: 83,
    planned_seconds: null,
    billable: true,
    note: "",
    tags: [],
    ...over,
  };
}

function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    now: "2025-03-12T09:01:23+01:00",
    timezone: "Europe/Paris",
    date: "2025-03-12",
    running: null,
    clients: [acme, globex],
    archived_clients: [],
    today: [],
    today_seconds: 0,
    week_first_day: "2025-03-10",
    week_seconds: 0,
    weekly_cap: null,
    ...over,
  };
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

let fakeNow = 0;
let app: AppHandle | null = null;
let calls: { cmd: string; args: unknown }[] = [];

beforeEach(() => {
  document.body.innerHTML = body;
  fakeNow = 0;
  calls = [];
});

afterEach(() => {
  app?.dispose();
  app = null;
  clearMocks();
  vi.useRealTimers();
});

async function mount(handler: (cmd: string, args: Record<string, unknown>) => unknown) {
  mockIPC(
    (cmd, args) => {
      calls.push({ cmd, args });
      return handler(cmd, (args ?? {}) as Record<string, unknown>);
    },
    { shouldMockEvents: true },
  );
  app = await startApp(document, api, { now: () => fakeNow });
  await flush();
}

describe("the window", () => {
  test("shows the idle state, the clients most recent first, and an empty day", async () => {
    await mount((cmd) => (cmd === COMMANDS.getState ? snapshot() : undefined));
    expect($("timer-client").textContent).toBe("No timer running");
    expect($("elapsed").textContent).toBe("0:00:00");
    const options = [...$<HTMLSelectElement>("client-picker").options].map((o) => o.value);
    expect(options).toEqual(["Acme", "Globex"]);
    expect($<HTMLButtonElement>("stop").disabled).toBe(true);
    expect($("today-empty").hidden).toBe(false);
  });

  test("the running timer ticks every second", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const running = session();
    await mount(() => snapshot({ running, today: [running], today_seconds: 83 }));
    expect($("timer-client").textContent).toBe("Acme");
    expect($("timer-since").textContent).toBe("since 09:00");
    expect($("elapsed").textContent).toBe("0:01:23");
    fakeNow += 2000;
    vi.advanceTimersByTime(2000);
    expect($("elapsed").textContent).toBe("0:01:25");
    expect($<HTMLButtonElement>("stop").textContent).toBe("Stop Acme");
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
      fakeNow += 5000;
      vi.advanceTimersByTime(5000);
      expect($("elapsed").textContent).toBe("0:01:23");
      hidden = false;
      document.dispatchEvent(new Event("visibilitychange"));
      expect($("elapsed").textContent).toBe("0:01:28");
      expect($("today-total").textContent).toBe("1 min");
      expect(vi.getTimerCount()).toBe(1);
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
  });

  test("today's total grows from the snapshot's figure (a night session counts from midnight)", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    // Running since 22:00 yesterday: 11 h in all, 9 h of it today.
    const running = session({ start_local: "22:00", duration_seconds: 11 * 3600 });
    await mount(() => snapshot({ running, today: [running], today_seconds: 9 * 3600 }));
    expect($("today-total").textContent).toBe("9 h");
    fakeNow += 60_000;
    vi.advanceTimersByTime(60_000);
    expect($("today-total").textContent).toBe("9 h 01 min");
  });

  test("Start calls start_timer with the picked client; Stop calls stop_timer", async () => {
    let state = snapshot();
    await mount((cmd, args) => {
      if (cmd === COMMANDS.startTimer) {
        const running = session({ client: String(args.client), duration_seconds: 0 });
        state = snapshot({ running, today: [running] });
      }
      if (cmd === COMMANDS.stopTimer && state.running) {
        const done = { ...state.running, end: "x", end_local: "09:25", duration_seconds: 1500 };
        state = snapshot({ today: [done], today_seconds: 1500 });
      }
      return state;
    });
    $<HTMLSelectElement>("client-picker").value = "Globex";
    $<HTMLFormElement>("start-form").requestSubmit();
    await flush();
    expect(calls.at(-1)).toEqual({ cmd: "start_timer", args: { client: "Globex", overrideReason: null } });
    expect($("timer-client").textContent).toBe("Globex");

    $<HTMLButtonElement>("stop").click();
    await flush();
    expect(calls.at(-1)?.cmd).toBe("stop_timer");
    expect($("timer-client").textContent).toBe("No timer running");
    const rows = [...$("today-list").querySelectorAll("li")].map((li) => li.textContent);
    expect(rows).toEqual(["Globex09:00–09:2525 min"]);
    expect($("today-total").textContent).toBe("25 min");
  });

  test("a refused start says why and retries with the reason given", async () => {
    await mount((cmd, args) => {
      if (cmd === COMMANDS.startTimer && !args.overrideReason) {
        throw { kind: "refused", message: "Your weekly cap of 40 h is reached.", boundaries: ["weekly_cap_reached"] };
      }
      return snapshot();
    });
    $<HTMLFormElement>("start-form").requestSubmit();
    await flush();
    expect($("notice").hidden).toBe(false);
    expect($("notice-message").textContent).toBe("Your weekly cap of 40 h is reached.");
    expect($("override-form").hidden).toBe(false);
    expect(document.activeElement).toBe($("override-reason"));

    $<HTMLInputElement>("override-reason").value = "invoice due Friday";
    $<HTMLFormElement>("override-form").requestSubmit();
    await flush();
    expect(calls.at(-1)).toEqual({
      cmd: "start_timer",
      args: { client: "Acme", overrideReason: "invoice due Friday" },
    });
    expect($("notice").hidden).toBe(true);
  });

  test("other errors are shown without an override", async () => {
    await mount((cmd) => {
      if (cmd === COMMANDS.stopTimer) throw { kind: "nothing_running", message: "no timer is running", boundaries: [] };
      return snapshot({ running: session(), today: [session()] });
    });
    $<HTMLButtonElement>("stop").click();
    await flush();
    expect($("notice-message").textContent).toBe("no timer is running");
    expect($("override-form").hidden).toBe(true);
  });

  test("follows state-changed events (the tray, the CLI)", async () => {
    await mount(() => snapshot());
    const running = session({ client: "Globex", color: globex.color, duration_seconds: 5 });
    await emit(EVENTS.stateChanged, snapshot({ running, today: [running], today_seconds: 5 }));
    await flush();
    expect($("timer-client").textContent).toBe("Globex");
    expect($("elapsed").textContent).toBe("0:00:05");
  });

  test("a refusal from the tray opens the reason form", async () => {
    await mount(() => snapshot());
    await emit(EVENTS.startRefused, {
      client: "Globex",
      error: { kind: "refused", message: "It is 22:10, outside your working hours.", boundaries: ["off_hours"] },
    });
    await flush();
    expect($("notice-message").textContent).toBe("It is 22:10, outside your working hours.");
    expect($<HTMLSelectElement>("client-picker").value).toBe("Globex");
    expect($("override-form").hidden).toBe(false);
  });

  test("without clients, says how to add one", async () => {
    await mount(() => snapshot({ clients: [] }));
    expect($("no-clients").hidden).toBe(false);
    expect($<HTMLButtonElement>("start").disabled).toBe(true);
  });

  test("every control has a label", () => {
    for (const control of document.querySelectorAll("select, input")) {
      expect(document.querySelector(`label[for="${control.id}"]`), control.id).not.toBeNull();
    }
  });
});
