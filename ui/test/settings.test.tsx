import { emit } from "@tauri-apps/api/event";
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { EVENTS } from "../src/bindings";
import { restDaysText, workingHoursText } from "../src/views/settings";
import { flush, lastArgs, mount, settingsModel, snapshot } from "./fixtures";

async function openSettings(
  handler: (cmd: string, args: Record<string, unknown>) => unknown = () => undefined,
  canonical: (value: string) => string = (v) => v,
) {
  let model = settingsModel();
  await mount((cmd, args) => {
    const answer = handler(cmd, args);
    if (answer !== undefined) return answer;
    if (cmd === "get_settings") return model;
    if (cmd === "set_setting") {
      const { key, value } = args.args as { key: string; value: string };
      model = settingsModel({ ...Object.fromEntries(model.entries.map((e) => [e.key, e.value])), [key]: canonical(value) });
      return snapshot();
    }
    return snapshot();
  });
  fireEvent.click(screen.getByRole("button", { name: "Settings" }));
  await screen.findByRole("heading", { name: "Settings" });
  await flush();
}

describe("settings", () => {
  test("every key has an editor with a label, showing what the CLI shows", async () => {
    await openSettings();
    for (const [label, value] of [
      ["Weekly cap", "none"],
      ["Warn at (% of a cap)", "80"],
      ["Time that makes a weekend worked", "15m"],
      ["Worked weekends in a row before an alert", "2"],
      ["Remind every (0 for never)", "30m"],
      ["Rounding for exports", "none"],
      ["Default currency", "EUR"],
    ]) {
      expect(screen.getByLabelText<HTMLInputElement>(label).value, label).toBe(value);
    }
    expect(screen.getByLabelText<HTMLSelectElement>("Week starts on").value).toBe("monday");
    expect(screen.getByLabelText<HTMLSelectElement>("Language").value).toBe("en");
    expect(screen.getByLabelText<HTMLSelectElement>("Notifications").value).toBe("on");
    expect(screen.getByLabelText<HTMLSelectElement>("Time zone").value).toBe("Europe/Paris");
    expect(screen.getByRole("checkbox", { name: "Saturday" })).toBeTruthy();
  });

  test("a wrong value is refused on its field with the core's message; a right one is saved", async () => {
    await openSettings((cmd, args) => {
      const a = args.args as { key: string; value: string } | undefined;
      if (cmd === "set_setting" && a?.value === "150")
        throw { kind: "invalid", message: "warn_at is a percentage from 1 to 100 (like 80), not '150'", boundaries: [] };
      return undefined;
    });
    const field = screen.getByLabelText<HTMLInputElement>("Warn at (% of a cap)");
    fireEvent.input(field, { target: { value: "150" } });
    fireEvent.click(screen.getByRole("button", { name: "Save: Warn at (% of a cap)" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("warn_at is a percentage from 1 to 100 (like 80), not '150'");
    expect(field.getAttribute("aria-describedby")).toBe(alert.id);
    expect(field.value).toBe("150");
    fireEvent.input(field, { target: { value: "90" } });
    fireEvent.click(screen.getByRole("button", { name: "Save: Warn at (% of a cap)" }));
    await screen.findByText("Saved.");
    expect(lastArgs("set_setting")).toEqual({ key: "warn_at", value: "90" });
  });

  test("working hours: several blocks a day and days off", async () => {
    await openSettings();
    const monday = screen.getByRole("group", { name: "Monday" });
    fireEvent.input(within(monday).getByLabelText("To"), { target: { value: "12:30" } });
    fireEvent.click(within(monday).getByRole("button", { name: "Add hours (Monday)" }));
    fireEvent.input(within(monday).getAllByLabelText("From")[1], { target: { value: "13:30" } });
    fireEvent.click(within(screen.getByRole("group", { name: "Friday" })).getByLabelText("Day off"));
    fireEvent.click(screen.getByRole("button", { name: "Save: Working hours" }));
    await waitFor(() =>
      expect(lastArgs("set_setting")).toEqual({
        key: "working_hours",
        value:
          "mon 09:00-12:30,13:30-18:00; tue 09:00-18:00; wed 09:00-18:00; thu 09:00-18:00; fri off; sat off; sun off",
      }),
    );
  });

  test("rest days save at once; a searchable time zone list", async () => {
    await openSettings();
    fireEvent.click(screen.getByRole("checkbox", { name: "Sunday" }));
    await waitFor(() => expect(lastArgs("set_setting")).toEqual({ key: "rest_days", value: "sat" }));
    fireEvent.input(screen.getByRole("searchbox", { name: "Search time zones" }), { target: { value: "new york" } });
    await flush();
    const zones = screen.getByLabelText<HTMLSelectElement>("Time zone");
    expect([...zones.options].map((o) => o.value)).toEqual(["Europe/Paris", "America/New_York"]);
    fireEvent.change(zones, { target: { value: "America/New_York" } });
    fireEvent.click(screen.getByRole("button", { name: "Save: Time zone" }));
    await waitFor(() => expect(lastArgs("set_setting")).toEqual({ key: "timezone", value: "America/New_York" }));
  });

  test("the language switches the window at once", async () => {
    await openSettings((cmd) => (cmd === "get_state" ? snapshot() : undefined));
    fireEvent.change(screen.getByLabelText("Language"), { target: { value: "fr" } });
    await waitFor(() => expect(lastArgs("set_setting")).toEqual({ key: "locale", value: "fr" }));
    await emit(EVENTS.stateChanged, snapshot({ locale: "fr" }));
    await flush();
    expect(screen.getByRole("heading", { name: "Réglages" })).toBeTruthy();
    expect(screen.getByLabelText("Plafond par semaine")).toBeTruthy();
  });

  test("what is saved shows in its canonical form", async () => {
    // The core stores `90 min` as `1h30m`.
    await openSettings(undefined, (v) => (v === "90 min" ? "1h30m" : v));
    const field = screen.getByLabelText<HTMLInputElement>("Weekly cap");
    fireEvent.input(field, { target: { value: "90 min" } });
    fireEvent.click(screen.getByRole("button", { name: "Save: Weekly cap" }));
    await screen.findByText("Saved.");
    await waitFor(() => expect(field.value).toBe("1h30m"));
  });

  test("a CLI change shows unless the field holds an unsaved draft", async () => {
    await openSettings();
    fireEvent.input(screen.getByLabelText("Weekly cap"), { target: { value: "3" } });
    // The CLI sets two keys meanwhile.
    await emit(EVENTS.stateChanged, snapshot());
    await flush();
    expect(screen.getByLabelText<HTMLInputElement>("Weekly cap").value).toBe("3");
  });

  test("the texts the core parses", () => {
    const day = [{ from: "09:00", to: "18:00" }];
    expect(workingHoursText([day, [], day, day, day, [], []])).toBe(
      "mon 09:00-18:00; tue off; wed 09:00-18:00; thu 09:00-18:00; fri 09:00-18:00; sat off; sun off",
    );
    expect(restDaysText([false, false, false, false, false, true, true])).toBe("sat,sun");
    expect(restDaysText([false, false, false, false, false, false, false])).toBe("none");
  });
});
