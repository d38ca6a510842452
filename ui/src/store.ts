// The window's shared state: the last snapshot, the view shown, the error
// on screen, and a one-second tick while a timer runs. Views keep their own
// drafts (form fields) in component state, so a `state-changed` push while
// the user types never resets what they typed.
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { signal, type Signal } from "./signal";
import { asCommandError, type Api, type CommandError, type Snapshot } from "./api";
import { setLocale } from "./i18n";

export type View = "timer" | "sessions" | "clients" | "settings";
export const VIEWS: View[] = ["timer", "sessions", "clients", "settings"];

export interface Refused {
  clientId: string;
  error: CommandError;
  /** The start as asked, sent again with the reason. */
  details?: { note: string; tags: string[]; billable: boolean; planned: string };
}

export interface Store {
  api: Api;
  now: () => number;
  snapshot: Signal<Snapshot | null>;
  /** `now()` when the snapshot arrived: the running timer grows from there. */
  receivedAt: Signal<number>;
  /** Bumped every second while a timer runs and the window is visible. */
  tick: Signal<number>;
  view: Signal<View>;
  /** The welcome is shown (a fresh database) until finished or skipped. */
  welcome: Signal<boolean>;
  error: Signal<CommandError | null>;
  /** A start the core refused (from the window or the tray): the override dialog. */
  refusal: Signal<Refused | null>;
  /** Bumped on every state change: views that read more than the snapshot reload. */
  changes: Signal<number>;
  show(snapshot: Snapshot): void;
  fail(error: unknown): void;
}

export function createStore(api: Api, now: () => number = () => performance.now()): Store {
  const store: Store = {
    api,
    now,
    snapshot: signal(null),
    receivedAt: signal(now()),
    tick: signal(0),
    view: signal("timer"),
    welcome: signal(false),
    error: signal(null),
    refusal: signal(null),
    changes: signal(0),
    show(snapshot) {
      const first = store.snapshot.value === null;
      setLocale(snapshot.locale);
      store.receivedAt.value = now();
      store.snapshot.value = snapshot;
      if (first && snapshot.first_run) store.welcome.value = true;
      store.changes.value++;
    },
    fail(error) {
      store.error.value = asCommandError(error);
    },
  };
  return store;
}

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error("no store");
  return store;
}

/** Seconds the running timer has run, as of the last tick. */
export function runningSeconds(store: Store): number {
  const running = store.snapshot.value?.running;
  void store.tick.value;
  if (!running) return 0;
  return running.duration_seconds + Math.floor((store.now() - store.receivedAt.value) / 1000);
}

/** Seconds since the snapshot arrived, as of the last tick (0 when idle). */
export function sinceSnapshot(store: Store): number {
  void store.tick.value;
  if (!store.snapshot.value?.running) return 0;
  return Math.floor((store.now() - store.receivedAt.value) / 1000);
}
