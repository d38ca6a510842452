import { fireEvent, screen, waitFor } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { clientRow, flush, lastArgs, mount, settingsModel, snapshot } from "./fixtures";

describe("the first run", () => {
  test("welcome → first client → the week with defaults → the timer", async () => {
    await mount((cmd, args) => {
      if (cmd === "get_state") return snapshot({ clients: [], first_run: true });
      if (cmd === "add_client") return snapshot({ clients: [{ id: clientRow().id, name: (args.args as { name: string }).name, color: "#3a8f7a", archived: false, cap: null }] });
      if (cmd === "get_settings") return settingsModel();
      if (cmd === "set_setting") return snapshot({ clients: [], first_run: true });
      return undefined;
    });
    expect(screen.getByRole("heading", { name: "Welcome to Gardefou" })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/terminal/i);
    fireEvent.click(screen.getByRole("button", { name: "Set up" }));
    await screen.findByRole("heading", { name: "Your first client" });
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Acme" } });
    fireEvent.input(screen.getByLabelText("Hourly rate"), { target: { value: "45.50" } });
    fireEvent.input(screen.getByLabelText("Weekly cap"), { target: { value: "10h" } });
    fireEvent.click(screen.getByRole("button", { name: "Continue" }));
    await screen.findByRole("heading", { name: "Your week" });
    expect(lastArgs("add_client")).toMatchObject({ name: "Acme", rate: "45.50", cap: "10h" });
    // The defaults are filled in.
    await waitFor(() => expect(screen.getByRole("group", { name: "Monday" })).toBeTruthy());
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Saturday" }).checked).toBe(true);
    fireEvent.input(screen.getByLabelText("Weekly cap"), { target: { value: "35h" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(lastArgs("set_setting")).toEqual({ key: "weekly_cap", value: "35h" }));
    fireEvent.click(screen.getByRole("button", { name: "Go to the timer" }));
    await flush();
    expect(screen.getByRole("heading", { name: "Timer" })).toBeTruthy();
  });

  test("every step can be skipped", async () => {
    await mount((cmd) =>
      cmd === "get_settings" ? settingsModel() : cmd === "list_clients" ? [] : snapshot({ clients: [], first_run: true }),
    );
    fireEvent.click(screen.getByRole("button", { name: "Set up" }));
    fireEvent.click(await screen.findByRole("button", { name: "Skip this step" }));
    await screen.findByRole("heading", { name: "Your week" });
    fireEvent.click(screen.getByRole("button", { name: "Skip this step" }));
    await flush();
    expect(screen.getByText("No clients yet.")).toBeTruthy();
  });

  test("skipping the whole setup lands on the timer", async () => {
    await mount(() => snapshot({ clients: [], first_run: true }));
    fireEvent.click(screen.getByRole("button", { name: "Skip setup" }));
    await flush();
    expect(screen.getByRole("heading", { name: "Timer" })).toBeTruthy();
  });

  test("the welcome offers to start at login", async () => {
    await mount((cmd) => (cmd === "get_settings" ? settingsModel() : snapshot({ clients: [], first_run: true })));
    const box = screen.getByRole<HTMLInputElement>("checkbox", { name: "Start Gardefou when I log in" });
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(lastArgs("set_setting")).toEqual({ key: "autostart", value: "on" }));
    fireEvent.click(box);
    await waitFor(() => expect(lastArgs("set_setting")).toEqual({ key: "autostart", value: "off" }));
  });
});
