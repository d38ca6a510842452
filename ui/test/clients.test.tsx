import { emit } from "@tauri-apps/api/event";
import { fireEvent, screen, waitFor, within } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { EVENTS } from "../src/bindings";
import type { ClientRow } from "../src/bindings";
import { clientRow, flush, lastArgs, mount, snapshot } from "./fixtures";

async function openClients(rows: ClientRow[], extra: (cmd: string, args: Record<string, unknown>) => unknown = () => undefined) {
  let current = rows;
  await mount((cmd, args) => {
    const answer = extra(cmd, args);
    if (answer !== undefined) {
      // Writes answer with the new snapshot; the list is read again.
      if (Array.isArray(answer)) current = answer as ClientRow[];
      return snapshot();
    }
    if (cmd === "list_clients") return current;
    return snapshot();
  });
  fireEvent.click(screen.getByRole("button", { name: "Clients" }));
  await screen.findByRole("heading", { name: "Clients" });
  await flush();
}

describe("clients", () => {
  const globexArchived = clientRow({ id: "c2", name: "Globex", archived: true, cap: "", cap_text: "", week_seconds: 0 });

  test("lists rate, currency, cap and this week's hours; archived ones only when asked", async () => {
    await openClients([clientRow(), globexArchived]);
    const list = screen.getByRole("list");
    expect(within(list).getAllByRole("listitem")).toHaveLength(1);
    const row = within(list).getByRole("listitem");
    expect(row.textContent).toContain("Acme");
    // The rate and cap as the core wrote them for the user's language.
    expect(row.textContent).toContain("45.50 EUR/h");
    expect(row.textContent).toContain("10 h");
    expect(row.textContent).toContain("1 h");
    fireEvent.click(screen.getByLabelText("Show archived clients"));
    await flush();
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    expect(screen.getByRole("button", { name: "Unarchive Globex" })).toBeTruthy();
  });

  test("adds a client; a wrong value is refused on the form with the core's message", async () => {
    await openClients([], (cmd, args) => {
      if (cmd !== "add_client") return undefined;
      const form = args.args as { name: string; rate: string };
      if (form.rate === "abc")
        throw {
          kind: "invalid_value",
          message: "'abc' is not an amount like 45.50",
          boundaries: [],
          field: "rate",
          session_id: null,
          client_id: null,
          candidates: [],
        };
      return [clientRow({ name: form.name })];
    });
    fireEvent.click(screen.getByRole("button", { name: "Add a client" }));
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Initech" } });
    fireEvent.input(screen.getByLabelText("Hourly rate"), { target: { value: "abc" } });
    fireEvent.click(screen.getByRole("button", { name: "Add a client" }));
    expect((await screen.findByRole("alert")).textContent).toBe("'abc' is not an amount like 45.50");
    // The core names the field: only it is marked.
    expect(screen.getByLabelText("Hourly rate").getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByLabelText("Name").getAttribute("aria-invalid")).toBeNull();
    expect(screen.getByLabelText<HTMLInputElement>("Name").value).toBe("Initech");
    fireEvent.input(screen.getByLabelText("Hourly rate"), { target: { value: "60" } });
    fireEvent.click(screen.getByRole("button", { name: "Add a client" }));
    await waitFor(() => expect(screen.getByRole("listitem").textContent).toContain("Initech"));
    expect(lastArgs("add_client")).toMatchObject({ name: "Initech", rate: "60" });
  });

  test("edits and renames by id; the draft survives a push from the CLI", async () => {
    await openClients([clientRow()], (cmd, args) => {
      if (cmd !== "edit_client") return undefined;
      const a = args.args as { id: string; form: { name: string } };
      return [clientRow({ id: a.id, name: a.form.name })];
    });
    fireEvent.click(screen.getByRole("button", { name: "Edit Acme" }));
    fireEvent.input(screen.getByLabelText("Name"), { target: { value: "Acme Co" } });
    // The CLI changes something meanwhile: the list reloads, the draft stays.
    await emit(EVENTS.stateChanged, snapshot());
    await flush();
    expect(screen.getByLabelText<HTMLInputElement>("Name").value).toBe("Acme Co");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByRole("listitem").textContent).toContain("Acme Co"));
    expect(lastArgs("edit_client")).toMatchObject({ id: "c1", form: { name: "Acme Co", rate: "45.50", cap: "10h" } });
  });

  test("archives by id", async () => {
    await openClients([clientRow()], (cmd, args) => {
      if (cmd !== "set_client_archived") return undefined;
      return [clientRow({ archived: (args.args as { archived: boolean }).archived })];
    });
    fireEvent.click(screen.getByRole("button", { name: "Archive Acme" }));
    await waitFor(() => expect(screen.queryAllByRole("listitem")).toHaveLength(0));
    expect(lastArgs("set_client_archived")).toEqual({ id: "c1", archived: true });
  });
});
