// Snapshots and rows as the Rust side sends them, and a mounted window on
// mocked IPC (the real api.ts and bindings, Tauri's mockIPC underneath).
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup } from "@testing-library/preact";
import { afterEach, vi } from "vitest";
import { api } from "../src/api";
import { startApp, type AppHandle } from "../src/app";
import type {
  ClientRow,
  DayClient,
  DaySession,
  MetersView,
  SessionView,
  SettingsView,
  Snapshot,
  WeekView,
} from "../src/bindings";
import { setLocale } from "../src/i18n";

export const acme: DayClient = { id: "c1", name: "Acme", color: "#3a8f7a", archived: false, cap: null };
export const globex: DayClient = { id: "c2", name: "Globex", color: "#c4572e", archived: false, cap: null };

/** A session as both the day (timer) and the week (sessions view) send it. */
export function session(over: Partial<SessionView & DaySession> = {}): SessionView & DaySession {
  return {
    id: "s1",
    number: 1,
    client_id: acme.id,
    client: "Acme",
    color: acme.color,
    start: "2025-03-12T09:00:00+01:00",
    end: null,
    start_date: "2025-03-12",
    start_local: "09:00",
    end_date: null,
    end_local: null,
    duration_seconds: 83,
    today_seconds: 83,
    planned_seconds: null,
    note: "",
    tags: [],
    billable: true,
    ...over,
  };
}

export function meters(over: Partial<MetersView> = {}): MetersView {
  return {
    week_tracked_seconds: 0,
    weekly_cap: null,
    client_cap: null,
    client_name: null,
    off_hours_now: false,
    weekly_cap_reached_at: null,
    client_cap_reached_at: null,
    weekend_streak: null,
    weekend_streak_limit: 2,
    standing: "idle",
    ...over,
  };
}

export function snapshot(over: Partial<Snapshot> = {}): Snapshot {
  return {
    now: "2025-03-12T09:01:23+01:00",
    timezone: "Europe/Paris",
    running: null,
    clients: [acme, globex],
    archived_clients: [],
    today: [],
    today_seconds: 0,
    date: "2025-03-12",
    week_first_day: "2025-03-10",
    week_seconds: 0,
    weekly_cap: null,
    locale: "en",
    first_run: false,
    running_flags: null,
    meters: meters(),
    ...over,
  };
}

export function clientRow(over: Partial<ClientRow> = {}): ClientRow {
  return {
    id: acme.id,
    name: "Acme",
    rate: "45.50",
    rate_minor: 4550,
    currency: "EUR",
    cap: "10h",
    rate_text: "45.50 EUR",
    cap_text: "10 h",
    color: acme.color,
    rounding: "",
    archived: false,
    week_seconds: 3600,
    ...over,
  };
}

export function week(sessions: SessionView[], over: Partial<WeekView> = {}): WeekView {
  return { first_day: "2025-03-10", previous: "2025-03-03", next: null, today: "2025-03-12", sessions, ...over };
}

export function settingsModel(entries: Record<string, string> = {}): SettingsView {
  const values: Record<string, string> = {
    timezone: "Europe/Paris",
    week_start: "monday",
    currency: "EUR",
    weekly_cap: "none",
    warn_at: "80",
    working_hours: "mon-fri 09:00-18:00; sat-sun off",
    rest_days: "sat,sun",
    weekend_min: "15m",
    weekend_streak_limit: "2",
    nag_every: "30m",
    rounding: "none",
    locale: "en",
    notifications: "on",
    ...entries,
  };
  const day = [{ from: "09:00", to: "18:00" }];
  return {
    entries: Object.entries(values).map(([key, value]) => ({ key, value })),
    working_hours: [day, day, day, day, day, [], []],
    rest_days: [false, false, false, false, false, true, true],
    timezones: ["Europe/Paris", "Europe/Berlin", "America/New_York", "Asia/Tokyo"],
  };
}

export const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

export type Handler = (cmd: string, args: Record<string, unknown>) => unknown;

export const state = { fakeNow: 0, calls: [] as { cmd: string; args: Record<string, unknown> }[] };
let app: AppHandle | null = null;

export async function mount(handler: Handler) {
  state.fakeNow = 0;
  state.calls = [];
  mockIPC(
    (cmd, args) => {
      const a = (args ?? {}) as Record<string, unknown>;
      state.calls.push({ cmd, args: a });
      if (cmd === "take_launch_view") return null;
      if (cmd === "get_banners") return handler(cmd, a) ?? { alerts: [], notifications_unavailable: false };
      return handler(cmd, a);
    },
    { shouldMockEvents: true },
  );
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  app = await startApp(root, api, { now: () => state.fakeNow });
  await flush();
  return app;
}

/** The `args` of the last call of `cmd`. */
export function lastArgs(cmd: string): unknown {
  return [...state.calls].reverse().find((c) => c.cmd === cmd)?.args.args;
}

afterEach(() => {
  app?.dispose();
  app = null;
  cleanup();
  clearMocks();
  setLocale("en");
  vi.useRealTimers();
});
