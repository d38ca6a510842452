// The main window opens the week summary (a window of its own, opened by Rust).
import { fireEvent, screen } from "@testing-library/preact";
import { expect, test } from "vitest";
import { flush, lastArgs, mount, snapshot, state } from "./fixtures";

test("the Week summary button asks Rust to open the summary window", async () => {
  await mount((cmd) => (cmd === "get_state" ? snapshot() : null));
  fireEvent.click(screen.getByRole("button", { name: "Week summary" }));
  await flush();
  expect(state.calls.map((c) => c.cmd)).toContain("open_summary");
  expect(lastArgs("open_summary")).toEqual({ date: null });
});
