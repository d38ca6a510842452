import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import type { SessionView } from "../src/bindings";
import { flush, lastArgs, mount, session, snapshot, week } from "./fixtures";

const monday = session({
  id: "s1",
  number: 1,
  start_date: "2025-03-10",
  start_local: "09:00",
  end: "2025-03-10T10:00:00+01:00",
  end_date: "2025-03-10",
  end_local: "10:00",
  duration_seconds: 3600,
  note: "design",
});
const tuesday = session({
  id: "s2",
  number: 2,
  start_date: "2025-03-11",
  start_local: "14:00",
  end: "2025-03-11T15:30:00+01:00",
  end_date: "2025-03-11",
  end_local: "15:30",
  duration_seconds: 5400,
  tags: ["meeting"],
});

async function openSessions(handler: (cmd: string, args: Record<string, unknown>) => unknown) {
  await mount((cmd, args) => handler(cmd, args) ?? snapshot());
  fireEvent.click(screen.getByRole("button", { name: "Sessions" }));
  await screen.findByRole("heading", { name: "Sessions" });
  await flush();
}

describe("sessions", () => {
  test("this week by day, and earlier weeks by navigation", async () => {
    await openSessions((cmd, args) => {
      if (cmd !== "week_sessions") return undefined;
      const date = (args.args as { date: string | null }).date;
      return date === "2025-03-03"
        ? week([], { first_day: "2025-03-03", previous: "2025-02-24", next: "2025-03-10" })
        : week([monday, tuesday]);
    });
    expect(screen.getByRole("heading", { name: "Week of Monday, March 10" })).toBeTruthy();
    expect(screen.getByRole("region", { name: "Monday, March 10" }).textContent).toContain("design");
    expect(screen.getByRole("region", { name: "Tuesday, March 11" }).textContent).toContain("14:00–15:30");
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Next week" }).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Previous week" }));
    await screen.findByText("Nothing tracked this week.");
    expect(lastArgs("week_sessions")).toEqual({ date: "2025-03-03" });
  });

  test("an edit that overlaps is refused, the other session highlighted; then fixed", async () => {
    let sessions: SessionView[] = [monday, tuesday];
    await openSessions((cmd, args) => {
      if (cmd === "week_sessions") return week(sessions);
      if (cmd === "edit_session") {
        const a = args.args as { id: string; form: { start: string; end: string; note: string } };
        if (a.form.start === "2025-03-10 09:30")
          throw {
            kind: "overlap",
            message: "This overlaps session 1 (09:00–10:00).",
            boundaries: [],
            field: null,
            session_id: "s1",
            client_id: null,
            candidates: [],
          };
        sessions = [monday, { ...tuesday, start_local: a.form.start.slice(11), note: a.form.note }];
        return snapshot();
      }
      return undefined;
    });
    fireEvent.click(screen.getByRole("button", { name: "Edit #2" }));
    const start = screen.getByLabelText<HTMLInputElement>("Start");
    expect(start.value).toBe("2025-03-11 14:00");
    expect(screen.getByLabelText<HTMLInputElement>("Tags").value).toBe("meeting");
    fireEvent.input(start, { target: { value: "2025-03-10 09:30" } });
    fireEvent.input(screen.getByLabelText("End"), { target: { value: "2025-03-10 11:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("This overlaps session 1 (09:00–10:00).");
    const first = document.querySelector('[data-id="s1"]')!;
    expect(first.getAttribute("data-highlight")).toBe("true");

    fireEvent.input(screen.getByLabelText("Start"), { target: { value: "2025-03-11 16:00" } });
    fireEvent.input(screen.getByLabelText("End"), { target: { value: "2025-03-11 17:00" } });
    fireEvent.input(screen.getByLabelText("Note"), { target: { value: "fixed" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("alert")).toBeNull());
    expect(first.getAttribute("data-highlight")).toBeNull();
    expect(lastArgs("edit_session")).toMatchObject({
      id: "s2",
      form: { client_id: "c1", start: "2025-03-11 16:00", end: "2025-03-11 17:00", note: "fixed", tags: ["meeting"] },
    });
  });

  test("a local time that happens twice asks which instant, and sends the one picked", async () => {
    await openSessions((cmd, args) => {
      if (cmd === "week_sessions") return week([]);
      if (cmd === "add_session") {
        const form = args.args as { start: string };
        if (form.start === "2025-10-26 02:30")
          throw {
            kind: "local_time_ambiguous",
            message: "2025-10-26 02:30 happens twice in Europe/Paris.",
            boundaries: [],
            field: "start",
            session_id: null,
            client_id: null,
            candidates: ["2025-10-26T02:30:00+02:00", "2025-10-26T02:30:00+01:00"],
          };
        return snapshot();
      }
      return undefined;
    });
    fireEvent.click(screen.getByRole("button", { name: "Add a past session" }));
    fireEvent.input(screen.getByLabelText("Start"), { target: { value: "2025-10-26 02:30" } });
    fireEvent.input(screen.getByLabelText("End"), { target: { value: "2025-10-26 04:00" } });
    fireEvent.click(screen.getByRole("button", { name: "Add a past session" }));
    const group = await screen.findByRole("group", { name: "Which time did you mean?" });
    expect(group.textContent).toContain("2025-10-26 02:30 happens twice in Europe/Paris.");
    expect(group.textContent).toContain("2025-10-26 02:30 happens twice on that day");
    fireEvent.click(within(group).getByRole("button", { name: "The second one (02:30 (UTC+01:00))" }));
    await waitFor(() => expect(lastArgs("add_session")).toMatchObject({ start: "2025-10-26T02:30:00+01:00" }));
  });

  test("delete with undo", async () => {
    let sessions: SessionView[] = [monday];
    await openSessions((cmd) => {
      if (cmd === "week_sessions") return week(sessions);
      if (cmd === "delete_session") {
        sessions = [];
        return snapshot();
      }
      if (cmd === "restore_session") {
        sessions = [monday];
        return snapshot();
      }
      return undefined;
    });
    fireEvent.click(screen.getByRole("button", { name: "Delete #1" }));
    await screen.findByText("Session deleted.");
    await waitFor(() => expect(document.querySelector('[data-id="s1"]')).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Undo" }));
    await waitFor(() => expect(document.querySelector('[data-id="s1"]')).not.toBeNull());
    expect(lastArgs("restore_session")).toEqual({ id: "s1" });
  });
});

describe("sessions of an archived client", () => {
  test("keep their client in the editor (never swapped for another)", async () => {
    const old = session({ ...monday, id: "s9", number: 9, client_id: "c9", client: "Initech" });
    await openSessions((cmd) => (cmd === "week_sessions" ? week([old]) : undefined));
    fireEvent.click(screen.getByRole("button", { name: "Edit #9" }));
    const picker = screen.getByLabelText<HTMLSelectElement>("Client");
    expect(picker.value).toBe("c9");
    expect([...picker.options].map((o) => o.text)).toEqual(["Acme", "Globex", "Initech"]);
  });
});

describe("a local time that does not exist", () => {
  test("offers the instant just after the change, for the field concerned", async () => {
    await openSessions((cmd, args) => {
      if (cmd === "week_sessions") return week([]);
      if (cmd === "add_session" && (args.args as { end: string }).end === "2025-03-30 02:30")
        throw {
          kind: "local_time_gap",
          message: "2025-03-30 02:30 does not exist in Europe/Paris.",
          boundaries: [],
          field: "end",
          session_id: null,
          client_id: null,
          candidates: ["2025-03-30T03:30:00+02:00"],
        };
      return cmd === "add_session" ? snapshot() : undefined;
    });
    fireEvent.click(screen.getByRole("button", { name: "Add a past session" }));
    fireEvent.input(screen.getByLabelText("Start"), { target: { value: "2025-03-30 01:00" } });
    fireEvent.input(screen.getByLabelText("End"), { target: { value: "2025-03-30 02:30" } });
    fireEvent.click(screen.getByRole("button", { name: "Add a past session" }));
    const group = await screen.findByRole("group", { name: "Which time did you mean?" });
    expect(group.textContent).toContain("2025-03-30 02:30 does not exist on that day");
    fireEvent.click(within(group).getByRole("button", { name: "Just after the change (03:30 (UTC+02:00))" }));
    await waitFor(() =>
      expect(lastArgs("add_session")).toMatchObject({ start: "2025-03-30 01:00", end: "2025-03-30T03:30:00+02:00" }),
    );
  });
});
