import { emit } from "@tauri-apps/api/event";
import { fireEvent, screen, waitFor } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import axe from "axe-core";
import { EVENTS, type AwayQuestion, type WatchView } from "../src/bindings";
import { setLocale } from "../src/i18n";
import { flush, lastArgs, mount, session, snapshot, state } from "./fixtures";

const none: WatchView = { recovery: null, away: [], still_working: null, idle_unavailable: false };

const recovery: WatchView = {
  ...none,
  recovery: {
    session_id: "s1",
    client: "Acme",
    question:
      "The timer for Acme was last seen on Mon 30 Nov at 11:02, 2 h 58 min ago: stop it at 11:02, keep it running, or stop it now?",
    last_seen_time: "11:02",
  },
};

const away: AwayQuestion = {
  session_id: "s1",
  client: "Acme",
  cause: "sleep",
  from: "2026-11-30T11:00:00Z",
  to: "2026-11-30T11:30:00Z",
  from_time: "12:00",
  question: "The computer slept on Mon 30 Nov from 12:00 to 12:30 (30 min) while the timer for Acme ran: …",
};

function app(view: WatchView) {
  return mount((cmd) => {
    if (cmd === "watch_questions") return view;
    return snapshot({ running: session() });
  });
}

async function noSeriousViolations() {
  const result = await axe.run(document.body, { resultTypes: ["violations"] });
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => v.id)).toEqual([]);
}

describe("the watch's questions", () => {
  test("nothing standing: no dialog", async () => {
    await app(none);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  test("recovery: the core's question and three answers; nothing is sent before a click", async () => {
    await app(recovery);
    const dialog = await screen.findByRole("dialog", { name: "The timer ran with nobody watching" });
    expect(dialog.textContent).toContain("last seen on Mon 30 Nov at 11:02");
    expect(state.calls.some((c) => c.cmd === "answer_recovery")).toBe(false);
    // Escape does not answer.
    fireEvent(dialog, new Event("cancel", { cancelable: true }));
    expect(screen.getByRole("dialog")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Stop at 11:02" }));
    await flush();
    expect(lastArgs("answer_recovery")).toEqual({ answer: "last-seen" });
    expect(screen.getByRole("button", { name: "Keep it running" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Stop now" })).toBeTruthy();
    await noSeriousViolations();
  });

  test("away: keep, non-billable, discard with a restart, or another client", async () => {
    await app({ ...none, away: [away] });
    await screen.findByRole("dialog", { name: "The computer slept" });
    fireEvent.click(screen.getByLabelText("Start the timer for Acme again from your return"));
    fireEvent.click(screen.getByRole("button", { name: "Discard this time" }));
    await flush();
    expect(lastArgs("answer_away")).toEqual({
      session_id: "s1",
      from: away.from,
      to: away.to,
      cause: "sleep",
      choice: "discard",
      restart: true,
      client_id: null,
    });
    // The other clients only: Globex.
    const picker = screen.getByLabelText<HTMLSelectElement>("Client", { selector: "#watch-away-client" });
    expect([...picker.options].map((o) => o.text)).toEqual(["Globex"]);
    fireEvent.click(screen.getByRole("button", { name: "Give it to this client" }));
    await flush();
    expect(lastArgs("answer_away")).toMatchObject({ choice: "reassign", client_id: "c2" });
    fireEvent.click(screen.getByRole("button", { name: "Mark it non-billable" }));
    await flush();
    expect(lastArgs("answer_away")).toMatchObject({ choice: "non_billable" });
    await noSeriousViolations();
  });

  test("a pushed change shows the next question; the core's refusal shows in the dialog", async () => {
    const view = { current: none };
    await mount((cmd) => {
      if (cmd === "watch_questions") return view.current;
      if (cmd === "answer_away") throw { kind: "away_already_answered", message: "already answered" };
      return snapshot();
    });
    expect(screen.queryByRole("dialog")).toBeNull();
    await emit(EVENTS.watchChanged, { ...none, away: [away] });
    await screen.findByRole("dialog", { name: "The computer slept" });
    // Not running any more: no restart offered.
    expect(screen.queryByLabelText("Start the timer for Acme again from your return")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Keep this time" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("already answered"));
    await emit(EVENTS.watchChanged, none);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  test("still working, in the window, and the idle notice in French", async () => {
    await app({
      ...none,
      idle_unavailable: true,
      still_working: { session_id: "s1", client: "Acme", key: "k1", question: "Still working for Acme?" },
    });
    await screen.findByRole("dialog", { name: "Still working?" });
    fireEvent.click(screen.getByRole("button", { name: "Stop the timer" }));
    await flush();
    expect(lastArgs("answer_still_working")).toEqual({ key: "k1", stop: true });
    expect(screen.getByRole("status").textContent).toContain("cannot tell here");
    setLocale("fr");
    await flush();
    expect(screen.getByRole("button", { name: "Arrêter le chrono" })).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Fermer" }));
    await flush();
    expect(state.calls.some((c) => c.cmd === "dismiss_idle_notice")).toBe(true);
  });
});
