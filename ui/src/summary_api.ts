// What the summary window may call (its own capability grants exactly
// these): the week's summary and the week's decisions, through the
// generated callers; and the events it follows.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { commands, EVENTS, type DecisionArgs, type WeekSummary } from "./bindings";

export type * from "./bindings";

export interface SummaryApi {
  weekSummary(date: string | null): Promise<WeekSummary>;
  recordDecision(args: DecisionArgs): Promise<WeekSummary>;
  /** Another week asked for while the window is open (tray, launch), or null. */
  onWeek(handler: (week: string | null) => void): Promise<UnlistenFn>;
  /** Something changed in the database (here or in the CLI): read again. */
  onChanged(handler: () => void): Promise<UnlistenFn>;
}

export function summaryApi(): SummaryApi {
  const c = commands((cmd, args) => invoke(cmd, args));
  return {
    weekSummary: (date) => c.weekSummary({ date }),
    recordDecision: (args) => c.recordDecision(args),
    onWeek: (handler) => listen<string | null>(EVENTS.summaryWeek, (e) => handler(e.payload)),
    onChanged: (handler) => listen(EVENTS.stateChanged, () => handler()),
  };
}
