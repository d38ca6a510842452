// The one module that talks to the Rust side: it hands Tauri's `invoke` to
// the generated typed callers (bindings.ts) and wraps the event listeners.
// Views call `api.*`; they never write a command name.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import {
  commands,
  EVENTS,
  type AlertBanner,
  type Commands,
  type CommandError,
  type LaunchView,
  type ErrorKind,
  type ImportProgress,
  type Refusal,
  type Snapshot,
  type WatchView,
} from "./bindings";

export type * from "./bindings";

export interface Api extends Commands {
  onStateChanged(handler: (snapshot: Snapshot) => void): Promise<UnlistenFn>;
  onStartRefused(handler: (refusal: Refusal) => void): Promise<UnlistenFn>;
  /** A later launch named a view (`gardefou-desktop clients`), or none. */
  onOpenView(handler: (view: LaunchView | null) => void): Promise<UnlistenFn>;
  /** A boundary's alert, shown as a banner (and, where possible, a desktop notification). */
  onAlert(handler: (alert: AlertBanner) => void): Promise<UnlistenFn>;
  /** The first desktop notification that could not be shown. */
  onNotificationsUnavailable(handler: () => void): Promise<UnlistenFn>;
  /** Today's automatic backup failed: why, in the user's language. */
  onBackupFailed(handler: (reason: string) => void): Promise<UnlistenFn>;
  /** The watch's questions changed (views/watch.tsx). */
  onWatchChanged(handler: (view: WatchView) => void): Promise<UnlistenFn>;
  /** How far a running import (or its preview) has read its source. */
  onImportProgress(handler: (progress: ImportProgress) => void): Promise<UnlistenFn>;
}

export const api: Api = {
  ...commands((cmd, args) => invoke(cmd, args)),
  onStateChanged: (handler) => listen<Snapshot>(EVENTS.stateChanged, (e) => handler(e.payload)),
  onStartRefused: (handler) => listen<Refusal>(EVENTS.startRefused, (e) => handler(e.payload)),
  onOpenView: (handler) => listen<LaunchView | null>(EVENTS.openView, (e) => handler(e.payload)),
  onAlert: (handler) => listen<AlertBanner>(EVENTS.alert, (e) => handler(e.payload)),
  onNotificationsUnavailable: (handler) => listen(EVENTS.notificationsUnavailable, () => handler()),
  onBackupFailed: (handler) => listen<string>(EVENTS.backupFailed, (e) => handler(e.payload)),
  onWatchChanged: (handler) => listen<WatchView>(EVENTS.watchChanged, (e) => handler(e.payload)),
  onImportProgress: (handler) => listen<ImportProgress>(EVENTS.importProgress, (e) => handler(e.payload)),
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
