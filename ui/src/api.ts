// The one module that talks to the Rust side. Views call these typed
// functions; command and event names come from the generated bindings.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import {
  COMMANDS,
  EVENTS,
  type CommandError,
  type ErrorKind,
  type Refusal,
  type Snapshot,
} from "./bindings";

export type {
  Boundary,
  CommandError,
  Day,
  DayClient,
  DaySession,
  ErrorKind,
  Refusal,
  Snapshot,
} from "./bindings";

export interface Api {
  getState(): Promise<Snapshot>;
  startTimer(client: string, overrideReason?: string): Promise<Snapshot>;
  stopTimer(): Promise<Snapshot>;
  quit(): Promise<void>;
  onStateChanged(handler: (snapshot: Snapshot) => void): Promise<UnlistenFn>;
  onStartRefused(handler: (refusal: Refusal) => void): Promise<UnlistenFn>;
}

export const api: Api = {
  getState: () => invoke<Snapshot>(COMMANDS.getState),
  startTimer: (client, overrideReason) =>
    invoke<Snapshot>(COMMANDS.startTimer, { client, overrideReason: overrideReason ?? null }),
  stopTimer: () => invoke<Snapshot>(COMMANDS.stopTimer),
  quit: () => invoke<void>(COMMANDS.quit),
  onStateChanged: (handler) => listen<Snapshot>(EVENTS.stateChanged, (e) => handler(e.payload)),
  onStartRefused: (handler) => listen<Refusal>(EVENTS.startRefused, (e) => handler(e.payload)),
};

/** Any rejection as the `CommandError` the commands send (`app` for anything else). */
export function asCommandError(error: unknown): CommandError {
  if (error && typeof error === "object" && "kind" in error && "message" in error) {
    const e = error as Partial<CommandError>;
    return {
      kind: (e.kind ?? "app") as ErrorKind,
      message: String(e.message),
      boundaries: Array.isArray(e.boundaries) ? e.boundaries : [],
      field: e.field ?? null,
      session_id: e.session_id ?? null,
      client_id: e.client_id ?? null,
      candidates: Array.isArray(e.candidates) ? e.candidates : [],
    };
  }
  return {
    kind: "app",
    message: String(error),
    boundaries: [],
    field: null,
    session_id: null,
    client_id: null,
    candidates: [],
  };
}
