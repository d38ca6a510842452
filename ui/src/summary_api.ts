// What the summary window may call (its own capability grants exactly
// these): the week's summary, the week's decisions and the alerts' banners,
// through the generated callers; and the events it follows.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { commands, EVENTS, type AlertBanner, type Banners, type DecisionArgs, type WeekSummary } from "./bindings";

export type * from "./bindings";

export interface SummaryApi {
  weekSummary(date: string | null): Promise<WeekSummary>;
  recordDecision(args: DecisionArgs): Promise<WeekSummary>;
  /** Another week asked for while the window is open (tray, launch), or null. */
  onWeek(handler: (week: string | null) => void): Promise<UnlistenFn>;
  /** Something changed in the database (here or in the CLI): read again. */
  onChanged(handler: () => void): Promise<UnlistenFn>;
  /** The alerts shown before this window opened (banners, as in the main window). */
  getBanners(): Promise<Banners>;
  /** A boundary's alert while the window is open. */
  onAlert(handler: (alert: AlertBanner) => void): Promise<UnlistenFn>;
  /** The first desktop notification that could not be shown. */
  onNotificationsUnavailable(handler: () => void): Promise<UnlistenFn>;
  /** Today's automatic backup failed: why, in the user's language. */
  onBackupFailed(handler: (reason: string) => void): Promise<UnlistenFn>;
}

export function summaryApi(): SummaryApi {
  const c = commands((cmd, args) => invoke(cmd, args));
  return {
    weekSummary: (date) => c.weekSummary({ date }),
    recordDecision: (args) => c.recordDecision(args),
    onWeek: (handler) => listen<string | null>(EVENTS.summaryWeek, (e) => handler(e.payload)),
    onChanged: (handler) => listen(EVENTS.stateChanged, () => handler()),
    getBanners: () => c.getBanners(),
    onAlert: (handler) => listen<AlertBanner>(EVENTS.alert, (e) => handler(e.payload)),
    onNotificationsUnavailable: (handler) => listen(EVENTS.notificationsUnavailable, () => handler()),
    onBackupFailed: (handler) => listen<string>(EVENTS.backupFailed, (e) => handler(e.payload)),
  };
}
