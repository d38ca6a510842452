import { emit } from "@tauri-apps/api/event";
import { render, fireEvent, screen, waitFor } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { EVENTS, type ImportArgs, type ImportProgress, type ImportView } from "../src/bindings";
import { setLocale } from "../src/i18n";
import { ImportWizard, type ImportWizardProps } from "../src/views/import_wizard";
import { flush, lastArgs, mount, settingsModel, snapshot } from "./fixtures";

function view(over: Partial<ImportView> = {}): ImportView {
  return {
    dry_run: true,
    timezone: "Europe/Paris",
    files: ["/data/toggl.csv"],
    sessions: 4,
    seconds: 13933,
    hours: "3 h 52",
    from: "2024-03-04 09:00",
    to: "2024-03-06 00:45",
    clients: [
      { name: "Acme", created: true, rate: "45.00 EUR", sessions: 3, hours: "2 h 52", },
      { name: "Bôulangerie Dupré", created: true, rate: "", sessions: 1, hours: "1 h" },
    ],
    clients_created: 2,
    already_imported: 0,
    skipped: [
      {
        file: "/data/toggl.csv",
        line: 5,
        client: "Projet perso",
        start: "2024-03-05 08:00",
        reason: "zero_length",
        other_number: null,
        other_client: null,
        other_start: null,
        other_line: null,
      },
    ],
    overlaps: 0,
    would_stop: false,
    ...over,
  };
}

type Bridge = NonNullable<ImportWizardProps["api"]>;

function bridge(over: Partial<Bridge> = {}) {
  const calls: { cmd: string; args?: ImportArgs | { format: string } }[] = [];
  let progress: ((p: ImportProgress) => void) | null = null;
  let finish: ((v: ImportView) => void) | null = null;
  const api: Bridge = {
    chooseImportSource: async (args) => {
      calls.push({ cmd: "choose", args });
      return "/data/toggl.csv";
    },
    previewImport: async (args) => {
      calls.push({ cmd: "preview", args });
      return view();
    },
    runImport: (args) => {
      calls.push({ cmd: "run", args });
      return new Promise((resolve) => (finish = resolve));
    },
    onImportProgress: async (handler) => {
      progress = handler;
      return () => (progress = null);
    },
    ...over,
  };
  return { api, calls, progress: (p: ImportProgress) => progress?.(p), finish: (v: ImportView) => finish?.(v) };
}

describe("import wizard", () => {
  test("source and file, a dry-run preview, then the import with its progress, then the summary", async () => {
    const b = bridge();
    const imported: ImportView[] = [];
    render(<ImportWizard api={b.api} onImported={(v) => imported.push(v)} />);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText("Tracker")));
    // Nothing to preview before a file is chosen.
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Preview" }).disabled).toBe(true);
    expect(screen.getByLabelText<HTMLSelectElement>("Tracker").value).toBe("toggl");
    fireEvent.click(screen.getByRole("button", { name: "Choose…" }));
    await waitFor(() => expect(screen.getByLabelText<HTMLInputElement>("File").value).toBe("/data/toggl.csv"));
    fireEvent.change(screen.getByLabelText("Client from"), { target: { value: "project" } });
    fireEvent.input(screen.getByLabelText("Time zone of the times"), { target: { value: "America/New_York" } });
    fireEvent.change(screen.getByLabelText("If an entry overlaps a session"), { target: { value: "skip" } });
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));

    const heading = await screen.findByRole("heading", { name: "What would be imported" });
    // The keyboard follows the steps: the preview's heading, then the Done button.
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const sent: ImportArgs = {
      format: "toggl",
      path: "/data/toggl.csv",
      client_from: "project",
      timezone: "America/New_York",
      client_tag: "",
      on_overlap: "skip",
    };
    expect(b.calls).toEqual([
      { cmd: "choose", args: { format: "toggl" } },
      { cmd: "preview", args: sent },
    ]);
    expect(screen.getByText("4 sessions from 2024-03-04 09:00 to 2024-03-06 00:45, 3 h 52 in all.")).toBeTruthy();
    const table = screen.getByRole("table", { name: "Clients (2 to create)" });
    expect(table.textContent).toContain("Acme");
    expect(table.textContent).toContain("45.00 EUR");
    expect(table.textContent).toContain("new");
    expect(screen.getByRole("heading", { name: "1 entry left out" })).toBeTruthy();
    expect(screen.getByText("/data/toggl.csv, line 5: Projet perso at 2024-03-05 08:00 lasts no time.")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "Import 4 sessions" }));
    const bar = await screen.findByRole<HTMLProgressElement>("progressbar", { name: "Importing…" });
    expect(b.calls.at(-1)).toEqual({ cmd: "run", args: sent });
    b.progress({ done: 300, total: 1200 });
    await waitFor(() => expect(bar.value).toBe(300));
    expect(bar.max).toBe(1200);
    b.finish(view({ dry_run: false }));
    const done = await screen.findByText("Imported 4 sessions from 2024-03-04 09:00 to 2024-03-06 00:45, 3 h 52 in all.");
    expect(done).toBeTruthy();
    expect(screen.getByRole("table", { name: "Clients (2 created)" })).toBeTruthy();
    expect(imported.map((v) => v.dry_run)).toEqual([false]);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Done" })));
  });

  test("overlaps with 'import nothing' chosen: the preview says so and Import stays off", async () => {
    const b = bridge({
      previewImport: async () =>
        view({
          overlaps: 1,
          would_stop: true,
          skipped: [
            {
              file: "/data/toggl.csv",
              line: 3,
              client: "Acme",
              start: "2024-03-04 09:30",
              reason: "overlap",
              other_number: 7,
              other_client: "Acme",
              other_start: "2024-03-04 09:00",
              other_line: null,
            },
          ],
        }),
    });
    render(<ImportWizard api={b.api} />);
    fireEvent.input(screen.getByLabelText("File"), { target: { value: "/data/toggl.csv" } });
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    expect(await screen.findByText("1 entry overlaps a session.")).toBeTruthy();
    expect(screen.getByText(/these overlaps stop the import/)).toBeTruthy();
    expect(
      screen.getByText("/data/toggl.csv, line 3: Acme at 2024-03-04 09:30 overlaps session 7 (Acme, 2024-03-04 09:00)."),
    ).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>("button", { name: "Import 4 sessions" }).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Back" }));
    expect(screen.getByLabelText<HTMLInputElement>("File").value).toBe("/data/toggl.csv");
  });

  test("a bad file: the core's message with the file and line, and nothing written", async () => {
    const b = bridge({
      previewImport: async () => {
        throw {
          kind: "invalid_value",
          message: "/data/bad.csv, line 4: the Start date column holds '2025-13-45', which is not a date.",
          boundaries: [],
          candidates: [],
        };
      },
    });
    render(<ImportWizard api={b.api} />);
    fireEvent.input(screen.getByLabelText("File"), { target: { value: "/data/bad.csv" } });
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("/data/bad.csv, line 4");
    expect(alert.textContent).toContain("Nothing was imported: your data is as it was.");
    // Still on the first step, ready for another file.
    expect(screen.getByLabelText("Tracker")).toBeTruthy();
  });

  test("Timewarrior asks for a folder and a client tag; French", async () => {
    setLocale("fr");
    const b = bridge();
    render(<ImportWizard api={b.api} />);
    fireEvent.change(screen.getByLabelText("Outil"), { target: { value: "timewarrior" } });
    expect(screen.getByLabelText("Dossier")).toBeTruthy();
    expect(screen.getByLabelText("Étiquette du client")).toBeTruthy();
    expect(screen.queryByLabelText("Client d’après")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Choisir…" }));
    await flush();
    expect(b.calls[0]).toEqual({ cmd: "choose", args: { format: "timewarrior" } });
  });

  test("settings open it; progress arrives as the app's event", async () => {
    await mount((cmd) => {
      if (cmd === "get_settings") return settingsModel();
      if (cmd === "preview_import") return view();
      if (cmd === "run_import") return new Promise(() => undefined);
      return snapshot();
    });
    fireEvent.click(screen.getByRole("button", { name: "Settings" }));
    fireEvent.click(await screen.findByRole("button", { name: "Import from another tracker…" }));
    fireEvent.input(screen.getByLabelText("File"), { target: { value: "/data/toggl.csv" } });
    fireEvent.click(screen.getByRole("button", { name: "Preview" }));
    fireEvent.click(await screen.findByRole("button", { name: "Import 4 sessions" }));
    const bar = await screen.findByRole<HTMLProgressElement>("progressbar");
    await emit(EVENTS.importProgress, { done: 5, total: 10 });
    await waitFor(() => expect(bar.value).toBe(5));
    expect(lastArgs("run_import")).toMatchObject({ format: "toggl", path: "/data/toggl.csv", on_overlap: "stop" });
  });

  test("every message built from a name exists", async () => {
    for (const locale of ["en", "fr"]) {
      setLocale(locale);
      const { has } = await import("../src/i18n");
      for (const id of [
        ...["toggl", "clockify", "watson", "timewarrior"].flatMap((f) => [`import-format-${f}`, `import-path-hint-${f}`]),
        ...["this_week", "last_week", "this_month", "last_month", "custom"].map((r) => `export-range-${r}`),
        ...["none", "6m-up", "15m-up", "30m-up", "15m-nearest", "15m-down"].map((r) => `export-rounding-${r}`),
      ])
        expect(has(id), `${locale}: ${id}`).toBe(true);
    }
  });
});
