// The summary window on a fake api: it shows the core's figures as sent
// (nothing recomputed), navigates between weeks, draws the charts with their
// text alternative, and asks one decision per flagged client: the answer is
// sent as the core expects it, a refusal is shown on the form, and an
// answered question is not asked again.
import { act, cleanup, fireEvent, screen, within } from "@testing-library/preact";
import { afterEach, expect, test, vi } from "vitest";
import type { AlertBanner, Banners, DecisionArgs, QuestionView, SummaryClient, WeekSummary } from "../src/bindings";
import { setLocale } from "../src/i18n";
import type { SummaryApi } from "../src/summary_api";
import { startSummary, type ExportPanel, type SummaryHandle } from "../src/views/summary";
import { barHeight } from "../src/views/summary_charts";

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function cells(seconds: number[]) {
  return seconds.map((s) => ({ seconds: s, text: s ? `${Math.floor(s / 3600)}:${String((s % 3600) / 60).padStart(2, "0")}` : "" }));
}

function client(over: Partial<SummaryClient> = {}): SummaryClient {
  return {
    id: "c1",
    name: "Infopreneur SAS",
    color: "#c4572e",
    days: cells([19800, 19800, 19800, 19800, 0, 0, 0]),
    total_seconds: 79200,
    total_text: "22:00",
    billable_seconds: 79200,
    billable_text: "22:00",
    amounts: ["1100.00 EUR"],
    cap: {
      tracked_seconds: 79200,
      cap_seconds: 72000,
      percent: 110,
      level: "reached",
      tracked_text: "22 h",
      cap_text: "20 h",
      percent_text: "110",
    },
    off_hours_seconds: 0,
    off_hours_text: "0 min",
    rest_day_seconds: 0,
    rest_day_text: "0 min",
    discarded_seconds: 0,
    discarded_text: "0 min",
    ...over,
  };
}

function question(over: Partial<QuestionView> = {}): QuestionView {
  return {
    client_id: "c1",
    client: "Infopreneur SAS",
    color: "#c4572e",
    reasons: ["22 h this week against its 20 h cap."],
    answered: null,
    rate: "50.00",
    rate_text: "50.00 EUR",
    currency: "EUR",
    frees_text: "Ending it frees about 5 h 30 min a week (the average of the last 4 weeks).",
    frees_seconds_per_week: 19800,
    ...over,
  };
}

function summary(over: Partial<WeekSummary> = {}): WeekSummary {
  const acme = client({
    id: "c2",
    name: "Acme",
    color: "#3a8f7a",
    days: cells([0, 10800, 0, 0, 0, 7200, 0]),
    total_seconds: 18000,
    total_text: "5:00",
    billable_text: "5:00",
    billable_seconds: 18000,
    amounts: ["200.00 EUR"],
    cap: null,
    off_hours_seconds: 18000,
    off_hours_text: "5 h",
    rest_day_seconds: 7200,
    rest_day_text: "2 h",
  });
  const dates = ["23", "24", "25", "26", "27", "28", "29"];
  const labels = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  const info = client();
  const totals = [19800, 30600, 19800, 19800, 3000, 7200, 0];
  return {
    locale: "en",
    week: "2026-W48",
    first_day: "2026-11-23",
    last_day: "2026-11-29",
    start_text: "Mon 23 Nov",
    end_text: "Sun 29 Nov 2026",
    timezone: "Europe/Paris",
    previous: "2026-11-16",
    next: null,
    today: "2026-11-29",
    tomorrow: "2026-11-30",
    days: dates.map((d, i) => ({
      date: `2026-11-${d}`,
      label: `${labels[i]} ${d}`,
      total_seconds: totals[i],
      total_text: cells([totals[i]])[0].text,
      rest_day: i >= 5,
      segments: [acme, info]
        .filter((c) => c.days[i].seconds > 0)
        .map((c) => ({ client: c.name, color: c.color, seconds: c.days[i].seconds, text: c.days[i].text })),
    })),
    clients: [acme, info],
    total_seconds: 100200,
    total_text: "27 h 50 min",
    billable_seconds: 100200,
    billable_text: "27 h 50 min",
    total_cell: "27:50",
    billable_cell: "27:50",
    amounts: ["2328.75 EUR"],
    weekly_cap: {
      tracked_seconds: 100200,
      cap_seconds: 144000,
      percent: 69,
      level: "below",
      tracked_text: "27 h 50 min",
      cap_text: "40 h",
      percent_text: "69",
    },
    daily_guide_seconds: 28800,
    daily_guide_text: "8 h",
    chart_max_seconds: 30600,
    off_hours_seconds: 18000,
    off_hours_text: "5 h",
    rest_day_seconds: 7200,
    rest_day_text: "2 h",
    weekend_streak: 1,
    weekend_streak_limit: 2,
    discarded_seconds: 0,
    discarded_text: "0 min",
    overrides: [{ when: "Sat 28 Nov 10:00", client: "Acme", boundaries: ["off_hours"], reason: "release day" }],
    alerts: [{ when: "Thu 26 Nov 14:30", kind: "client_cap_reached", client: "Infopreneur SAS", message: "Infopreneur SAS: 20 h reached." }],
    calls: [
      {
        client: "Globex",
        color: "#5566aa",
        when: "Fri 27 Nov 10:00",
        planned_text: "30 min",
        actual_text: "50 min",
        over_seconds: 1200,
        over_text: "20 min",
      },
    ],
    health: [
      {
        client: "Acme",
        color: "#3a8f7a",
        tracked_text: "5 h",
        rate_sentence: "Acme paid 40.00 EUR/h for all the time it took, for 40.00 EUR/h agreed.",
        under_rate: false,
        shares: [
          { kind: "off_hours", tag: null, percent: 100, percent_text: "100", flagged: true },
          { kind: "non_billable", tag: null, percent: 0, percent_text: "0", flagged: false },
          { kind: "tag", tag: "meeting", percent: 0, percent_text: "0", flagged: false },
        ],
        flags: ["100 % of your Acme time was outside your working hours."],
      },
    ],
    trend: {
      weeks: ["W41", "W42", "W43", "W44", "W45", "W46", "W47", "W48"],
      clients: [{ client: "Acme", color: "#3a8f7a", weeks: cells([0, 0, 0, 0, 0, 0, 3600, 18000]), max_seconds: 18000 }],
    },
    questions: [question(), question({ client_id: "c2", client: "Acme", color: "#3a8f7a", reasons: ["100 % of its time over 4 weeks was outside your working hours."], rate: "40.00", rate_text: "40.00 EUR" })],
    recent: [],
    ...over,
  };
}

let handle: SummaryHandle | null = null;
const handlers: { week: (w: string | null) => void; changed: () => void; alert: (a: AlertBanner) => void } = {
  week: () => {},
  changed: () => {},
  alert: () => {},
};
// What `get_banners` answers in these tests (the alerts sent before the window opened).
let earlier: Banners = { alerts: [], notifications_unavailable: false, backup_failed: null };

function fakeApi(weeks: Record<string, WeekSummary>, record?: (args: DecisionArgs) => WeekSummary) {
  const calls: { weekSummary: (string | null)[]; recordDecision: DecisionArgs[] } = { weekSummary: [], recordDecision: [] };
  const api: SummaryApi = {
    weekSummary: vi.fn(async (date: string | null) => {
      calls.weekSummary.push(date);
      return weeks[date ?? "review"] ?? weeks.review;
    }),
    recordDecision: vi.fn(async (args: DecisionArgs) => {
      calls.recordDecision.push(args);
      if (!record) throw new Error("no record");
      return record(args);
    }),
    onWeek: async (handler) => {
      handlers.week = handler;
      return () => {};
    },
    onChanged: async (handler) => {
      handlers.changed = handler;
      return () => {};
    },
    getBanners: async () => earlier,
    onAlert: async (handler) => {
      handlers.alert = handler;
      return () => {};
    },
    onNotificationsUnavailable: async () => () => {},
    onBackupFailed: async () => () => {},
  };
  return { api, calls };
}

async function mount(api: SummaryApi, week: string | null = null, exportPanel?: ExportPanel) {
  const root = document.createElement("main");
  document.body.replaceChildren(root);
  handle = await startSummary(root, api, { week, exportPanel });
  await flush();
  await flush();
  return root;
}

afterEach(() => {
  earlier = { alerts: [], notifications_unavailable: false, backup_failed: null };
  handle?.dispose();
  handle = null;
  cleanup();
  setLocale("en");
});

test("the week's figures are shown as the core wrote them", async () => {
  const { api, calls } = fakeApi({ review: summary() });
  const root = await mount(api);
  expect(calls.weekSummary).toEqual([null]);
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Week 2026-W48");
  expect(root.querySelector("#summary-dates")?.textContent).toBe("Mon 23 Nov – Sun 29 Nov 2026");
  expect(root.querySelector("#summary-total")?.textContent).toBe("27 h 50 min");
  expect(root.querySelector("#summary-amounts")?.textContent).toBe("2328.75 EUR");
  // The grid: a row per client, seven days, totals; the crossed cap in red.
  const grid = root.querySelector("#summary-grid") as HTMLTableElement;
  const info = grid.querySelector('tbody tr[data-client="Infopreneur SAS"]') as HTMLElement;
  expect(info.querySelector('[data-day="0"]')?.textContent).toBe("5:30");
  expect(info.querySelector('[data-day="4"]')?.textContent).toBe("·");
  expect(info.querySelector(".cap")?.className).toContain("crossed");
  expect(info.querySelector(".cap")?.textContent).toContain("110 % of 20 h");
  expect(grid.querySelector("tfoot .total")?.textContent).toBe("27:50");
  expect(grid.querySelector('tfoot [data-day="1"]')?.getAttribute("data-seconds")).toBe("30600");
  // The weekly cap's meter, below its warning.
  expect(root.querySelector("#summary-weekly-cap")?.className).not.toMatch(/approaching|crossed/);
  expect(root.querySelector("#summary-weekly-cap")?.textContent).toContain("27 h 50 min of 40 h (69 %)");
  // Boundaries: per client, overrides with their reasons, calls, alerts, streak.
  expect(root.querySelector('#summary-boundaries tr[data-client="Acme"] [data-kind="rest_days"]')?.textContent).toBe("2 h");
  expect(root.querySelector("#summary-overrides")?.textContent).toContain("release day");
  expect(root.querySelector("#summary-overrides")?.textContent).toContain("Outside working hours");
  expect(root.querySelector("#summary-calls")?.textContent).toBe("Globex, Fri 27 Nov 10:00: 50 min for 30 min planned (20 min over).");
  expect(root.querySelector("#summary-alerts")?.textContent).toContain("20 h reached");
  expect(root.querySelector("#summary-streak")?.textContent).toContain("1 worked weekend in a row");
  // Health in plain words, the flagged share marked.
  const health = root.querySelector('#summary-health [data-client="Acme"]') as HTMLElement;
  expect(health.textContent).toContain("Acme paid 40.00 EUR/h");
  expect(health.querySelector(".flagged")?.textContent).toContain("Outside working hours");
  // No Export button without the dialog to open.
  expect(root.querySelector("#summary-export")).toBeNull();
});

test("the charts are drawn to the core's scale and have a text alternative", async () => {
  const { api } = fakeApi({ review: summary() });
  const root = await mount(api);
  const svg = root.querySelector("#day-chart svg") as SVGElement;
  expect(svg.getAttribute("role")).toBe("img");
  // Tuesday: Acme 3 h under Infopreneur 5 h 30, the highest day fills the plot.
  const tuesday = svg.querySelectorAll('g[data-date="2026-11-24"] rect');
  expect([...tuesday].map((r) => r.getAttribute("data-client"))).toEqual(["Acme", "Infopreneur SAS"]);
  const heights = [...tuesday].map((r) => Number(r.getAttribute("height")));
  expect(heights.reduce((a, b) => a + b, 0)).toBe(162);
  expect(tuesday[0].getAttribute("fill")).toBe("#3a8f7a");
  // The guide at 8 h of a 8 h 30 scale.
  const guide = svg.querySelector("#day-chart-guide-line") as SVGLineElement;
  expect(Number(guide.getAttribute("y1"))).toBe(200 - 26 - barHeight(28800, 30600, 162));
  expect(root.querySelector("#day-chart-guide")?.textContent).toContain("8 h a day");
  const text = root.querySelector("#day-chart-text") as HTMLElement;
  expect(text.textContent).toContain("Tue 24: 8:30");
  expect(text.textContent).toContain("Sun 29: nothing");
  // The trend: 8 bars, the text alternative names each week.
  const trend = root.querySelector('#summary-health [data-client="Acme"] .trend') as HTMLElement;
  expect(trend.querySelectorAll("rect")).toHaveLength(8);
  // On the client's own scale: its largest week fills the chart.
  expect(trend.querySelectorAll("rect")[7].getAttribute("height")).toBe("30");
  expect(trend.textContent).toContain("W48: 5:00");
  expect(barHeight(0, 0, 10)).toBe(0);
});

test("previous, next and the date picker read the week asked for", async () => {
  const earlier = summary({ week: "2026-W47", first_day: "2026-11-16", previous: "2026-11-09", next: "2026-11-23" });
  const { api, calls } = fakeApi({ "2026-11-20": summary(), review: summary(), "2026-11-16": earlier, "2026-11-23": summary() });
  const root = await mount(api, "2026-11-20");
  expect(calls.weekSummary).toEqual(["2026-11-20"]);
  expect((root.querySelector("#summary-next") as HTMLButtonElement).disabled).toBe(true);
  fireEvent.click(screen.getByRole("button", { name: "Previous week" }));
  await flush();
  expect(calls.weekSummary.at(-1)).toBe("2026-11-16");
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Week 2026-W47");
  fireEvent.click(screen.getByRole("button", { name: "Next week" }));
  await flush();
  expect(calls.weekSummary.at(-1)).toBe("2026-11-23");
  const picker = screen.getByLabelText("Go to the week of") as HTMLInputElement;
  expect(picker.value).toBe("2026-11-23");
  fireEvent.input(picker, { target: { value: "2026-11-18" } });
  fireEvent.click(screen.getByRole("button", { name: "Show" }));
  await flush();
  expect(calls.weekSummary.at(-1)).toBe("2026-11-18");
});

test("a decision is sent as the core takes it, then not asked again", async () => {
  const answered = summary();
  answered.questions = [question({ answered: "raise_rate" }), answered.questions[1]];
  const { api, calls } = fakeApi({ review: summary() }, () => answered);
  const root = await mount(api);
  const form = root.querySelector('.question[data-client="Infopreneur SAS"]') as HTMLElement;
  const ui = within(form);
  expect(ui.getByText("22 h this week against its 20 h cap.")).toBeTruthy();
  const record = ui.getByRole("button", { name: "Record the decision" }) as HTMLButtonElement;
  expect(record.disabled).toBe(true);
  fireEvent.click(ui.getByLabelText("Raise the rate"));
  await flush();
  // The client's rate, prefilled: the user types the new one.
  const rate = ui.getByLabelText("New hourly rate (EUR)") as HTMLInputElement;
  expect(rate.value).toBe("50.00");
  expect(ui.getByText(/Today 50.00 EUR/)).toBeTruthy();
  fireEvent.input(rate, { target: { value: "65" } });
  fireEvent.input(ui.getByLabelText("Note (optional)"), { target: { value: "scope grew" } });
  fireEvent.click(record);
  await flush();
  expect(calls.recordDecision).toEqual([
    { client_id: "c1", week: "2026-11-23", choice: "raise_rate", note: "scope grew", rate: "65", notice_until: "" },
  ]);
  const done = root.querySelector('.question[data-client="Infopreneur SAS"]') as HTMLElement;
  expect(done.textContent).toContain("You chose to raise Infopreneur SAS's rate");
  expect(done.querySelector("form")).toBeNull();
  // The other question is still asked.
  expect(root.querySelector('.question[data-client="Acme"] form')).not.toBeNull();
});

test("ending after a notice says what it frees; a refusal stays on the form; skip is an answer", async () => {
  let fail = true;
  const { api, calls } = fakeApi({ review: summary() }, (args) => {
    if (fail) {
      fail = false;
      throw { kind: "invalid_value", message: "a notice period ends after today", field: "notice_until" };
    }
    const s = summary();
    s.questions = s.questions.map((q) => (q.client_id === args.client_id ? { ...q, answered: args.choice } : q));
    return s;
  });
  const root = await mount(api);
  const ui = within(root.querySelector('.question[data-client="Infopreneur SAS"]') as HTMLElement);
  fireEvent.click(ui.getByLabelText("End the engagement"));
  await flush();
  expect(ui.getByText(/frees about 5 h 30 min a week/)).toBeTruthy();
  fireEvent.click(ui.getByLabelText("After a notice period"));
  await flush();
  const until = ui.getByLabelText("Last day of the notice period") as HTMLInputElement;
  expect(ui.getByText("2026-11-30 at the earliest, written YYYY-MM-DD.")).toBeTruthy();
  fireEvent.input(until, { target: { value: "2026-11-29" } });
  fireEvent.click(ui.getByRole("button", { name: "Record the decision" }));
  await flush();
  expect(ui.getByRole("alert").textContent).toBe("a notice period ends after today");
  expect(until.getAttribute("aria-invalid")).toBe("true");
  fireEvent.input(until, { target: { value: "2026-12-18" } });
  fireEvent.click(ui.getByRole("button", { name: "Record the decision" }));
  await flush();
  expect(calls.recordDecision.at(-1)).toMatchObject({ choice: "end_engagement", notice_until: "2026-12-18", rate: "" });
  // Acme: skipped, never asked again for that week.
  fireEvent.click(within(root.querySelector('.question[data-client="Acme"]') as HTMLElement).getByRole("button", { name: "Skip this week" }));
  await flush();
  expect(calls.recordDecision.at(-1)).toMatchObject({ client_id: "c2", choice: "skip", note: "" });
  expect(root.querySelector('.question[data-client="Acme"]')?.textContent).toContain("you will not be asked again");
});

test("the window speaks the language the core wrote in, and Export opens the dialog on the week", async () => {
  const fr = summary({ locale: "fr", start_text: "lun. 23 nov.", end_text: "dim. 29 nov. 2026" });
  const { api } = fakeApi({ review: fr });
  const panel = vi.fn((s: WeekSummary, close: () => void) => (
    <p id="panel">
      {s.first_day}…{s.last_day}
      <button type="button" onClick={close}>
        close
      </button>
    </p>
  ));
  const root = await mount(api, null, panel);
  expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("Semaine 2026-W48");
  expect(root.querySelector("#summary-dates")?.textContent).toBe("lun. 23 nov. – dim. 29 nov. 2026");
  expect(root.querySelector("#panel")).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "Exporter…" }));
  await flush();
  expect(root.querySelector("#panel")?.textContent).toContain("2026-11-23…2026-11-29");
  expect(root.querySelector("#summary-export")).toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "close" }));
  await flush();
  expect(root.querySelector("#panel")).toBeNull();
  expect(root.querySelector("#summary-export")).not.toBeNull();
});

test("the app's events: another week asked for, the week under review, a change in the database", async () => {
  const { api, calls } = fakeApi({ review: summary() });
  await mount(api, "2026-11-20");
  await act(() => handlers.week("2026-11-09"));
  await flush();
  await flush();
  expect(calls.weekSummary.at(-1)).toBe("2026-11-09");
  await act(() => handlers.week(null));
  await flush();
  await flush();
  expect(calls.weekSummary.at(-1)).toBe(null);
  const before = calls.weekSummary.length;
  await act(() => handlers.changed());
  await flush();
  await flush();
  expect(calls.weekSummary.length).toBe(before + 1);
});

test("alerts show as banners in the summary window too, earlier ones and new ones", async () => {
  earlier = {
    alerts: [{ id: "a1", kind: "weekly_cap_warning", summary: "Approaching your weekly cap", body: "32 h of 40 h" }],
    notifications_unavailable: true,
    backup_failed: null,
  };
  const { api } = fakeApi({ review: summary() });
  const root = await mount(api);
  expect(root.querySelector("#notifications-unavailable")).not.toBeNull();
  let shown = screen.getAllByRole("alert");
  expect(shown.map((b) => b.getAttribute("data-kind"))).toEqual(["weekly_cap_warning"]);
  expect(shown[0].className).toContain("approaching");
  handlers.alert({ id: "a2", kind: "weekly_cap_reached", summary: "Weekly cap reached", body: "40 h of 40 h" });
  await flush();
  shown = screen.getAllByRole("alert");
  expect(shown.map((b) => b.getAttribute("data-kind"))).toEqual(["weekly_cap_reached", "weekly_cap_warning"]);
  expect(shown[0].className).toContain("crossed");
  // The week itself is still there below them.
  expect(root.querySelector("#summary-total")?.textContent).toBe("27 h 50 min");
});
