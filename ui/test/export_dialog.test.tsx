import { render, fireEvent, screen, waitFor } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import type { ExportArgs, ExportDone, ExportOptions } from "../src/bindings";
import { setLocale } from "../src/i18n";
import { ExportDialog, ruleId, type ExportDialogProps } from "../src/views/export_dialog";
import { flush, lastArgs, mount, snapshot, week } from "./fixtures";

const options: ExportOptions = {
  this_week: { from: "2026-11-30", to: "2026-12-06" },
  last_week: { from: "2026-11-23", to: "2026-11-29" },
  this_month: { from: "2026-12-01", to: "2026-12-31" },
  last_month: { from: "2026-11-01", to: "2026-11-30" },
  clients: [
    { id: "c1", name: "Acme", archived: false },
    { id: "c2", name: "Globex", archived: false },
    { id: "c3", name: "Initech", archived: true },
  ],
  default_rounding: "15m:up",
  excel: false,
};

const written: ExportDone = {
  path: "/home/camille/gardefou-2026-11-acme.csv",
  rows: 3,
  rounded_seconds: 9000,
  hours: "2 h 30",
  amounts: ["112.50 EUR", "40.00 USD"],
};

/** A fake bridge that records what the dialog sends. */
function bridge(over: { path?: string | null; fail?: unknown } = {}) {
  const calls: { cmd: string; args?: unknown }[] = [];
  const api: NonNullable<ExportDialogProps["api"]> = {
    exportOptions: async () => options,
    chooseExportFile: async (args: ExportArgs) => {
      calls.push({ cmd: "choose", args });
      return over.path === undefined ? written.path : over.path;
    },
    exportCsv: async (args) => {
      calls.push({ cmd: "export", args });
      if (over.fail) throw over.fail;
      return written;
    },
  };
  return { api, calls };
}

describe("export dialog", () => {
  test("opens on the range and client it is given, then saves where the save dialog says", async () => {
    const { api, calls } = bridge();
    render(<ExportDialog api={api} initial={{ preset: "this_week", clientIds: ["c1"] }} />);
    const from = await screen.findByLabelText<HTMLInputElement>("From");
    expect(from.value).toBe("2026-11-30");
    expect(screen.getByLabelText<HTMLInputElement>("To (included)").value).toBe("2026-12-06");
    expect(screen.getByLabelText<HTMLSelectElement>("Range").value).toBe("this_week");
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Range")));
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Acme" }).checked).toBe(true);
    expect(screen.getByRole<HTMLInputElement>("checkbox", { name: "Globex" }).checked).toBe(false);
    expect(screen.getByRole("checkbox", { name: "Initech (archived)" })).toBeTruthy();
    // The default rounding names the setting it falls back to.
    expect(screen.getByRole("option", { name: "Each client's own rule (else Up to the next quarter hour)" })).toBeTruthy();

    // Last month fills the dates; typing a date makes the range "your choice".
    fireEvent.change(screen.getByLabelText("Range"), { target: { value: "last_month" } });
    expect(from.value).toBe("2026-11-01");
    fireEvent.input(screen.getByLabelText("To (included)"), { target: { value: "2026-11-15" } });
    expect(screen.getByLabelText<HTMLSelectElement>("Range").value).toBe("custom");
    fireEvent.click(screen.getByRole("checkbox", { name: "Globex" }));
    fireEvent.change(screen.getByLabelText("Rounding"), { target: { value: "none" } });
    fireEvent.click(screen.getByRole("radio", { name: "One line per client (invoice lines)" }));
    fireEvent.click(screen.getByRole("checkbox", { name: "For Excel (semicolons, decimal comma)" }));
    fireEvent.click(screen.getByRole("button", { name: "Save as…" }));

    const status = await screen.findByRole("status");
    const sent = { from: "2026-11-01", to: "2026-11-15", client_ids: ["c1", "c2"], rounding: "none", excel: true, by_client: true };
    expect(calls).toEqual([
      { cmd: "choose", args: sent },
      { cmd: "export", args: { export: sent, path: written.path } },
    ]);
    expect(status.textContent).toContain("Saved to /home/camille/gardefou-2026-11-acme.csv");
    expect(status.textContent).toContain("3 rows, 2 h 30.");
    expect(status.textContent).toContain("Amount: 112.50 EUR + 40.00 USD");
  });

  test("a cancelled save dialog writes nothing and says nothing", async () => {
    const { api, calls } = bridge({ path: null });
    render(<ExportDialog api={api} />);
    fireEvent.click(await screen.findByRole("button", { name: "Save as…" }));
    await flush();
    await flush();
    expect(calls.map((c) => c.cmd)).toEqual(["choose"]);
    // Last month by default: the invoicing month.
    expect((calls[0].args as ExportArgs).from).toBe("2026-11-01");
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  test("the core's refusal shows on the dialog", async () => {
    const { api } = bridge({
      fail: { kind: "io", message: "cannot write /nope/x.csv: permission denied", boundaries: [], candidates: [] },
    });
    render(<ExportDialog api={api} onClose={() => undefined} />);
    fireEvent.click(await screen.findByRole("button", { name: "Save as…" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("cannot write /nope/x.csv: permission denied");
    expect(screen.getByRole("button", { name: "Close" })).toBeTruthy();
  });

  test("in French, and every rounding the list offers has its words", async () => {
    setLocale("fr");
    const { api } = bridge();
    render(<ExportDialog api={api} />);
    expect(await screen.findByLabelText("Période")).toBeTruthy();
    expect(screen.getByRole("option", { name: "Le mois dernier" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Enregistrer sous…" })).toBeTruthy();
    const rounding = screen.getByLabelText<HTMLSelectElement>("Arrondi");
    const labels = [...rounding.options].map((o) => o.textContent ?? "");
    expect(labels).not.toContain("");
    expect(labels.filter((l) => l.startsWith("export-"))).toEqual([]);
    expect(ruleId("15m:up")).toBe("export-rounding-15m-up");
  });

  test("the sessions view offers it; it goes through the real bridge", async () => {
    await mount((cmd) => {
      if (cmd === "week_sessions") return week([]);
      if (cmd === "export_options") return options;
      if (cmd === "choose_export_file") return "/tmp/out.csv";
      if (cmd === "export_csv") return { ...written, path: "/tmp/out.csv" };
      return snapshot();
    });
    fireEvent.click(screen.getByRole("button", { name: "Sessions" }));
    fireEvent.click(await screen.findByRole("button", { name: "Export for invoicing…" }));
    expect(await screen.findByRole("heading", { name: "Export for invoicing" })).toBeTruthy();
    fireEvent.click(await screen.findByRole("button", { name: "Save as…" }));
    await waitFor(() => expect(screen.getByRole("status").textContent).toContain("Saved to /tmp/out.csv"));
    expect(lastArgs("export_csv")).toEqual({
      export: { from: "2026-11-01", to: "2026-11-30", client_ids: [], rounding: "", excel: false, by_client: false },
      path: "/tmp/out.csv",
    });
    fireEvent.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("heading", { name: "Export for invoicing" })).toBeNull();
  });
});
