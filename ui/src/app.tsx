// The window: a navigation between four views, the error on screen, and the
// welcome on a fresh database. It renders whatever snapshot Rust sends.
import { render } from "preact";
import { useEffect, useLayoutEffect, useReducer } from "preact/hooks";
import type { Api } from "./api";
import { locale, t } from "./i18n";
import { createStore, StoreContext, useStore, VIEWS, type Store, type View } from "./store";
import { TimerView } from "./views/timer";
import { SessionsView } from "./views/sessions";
import { ClientsView } from "./views/clients";
import { SettingsView } from "./views/settings";
import { FirstRun } from "./views/first_run";
import { AlertBanners, createBannerModel, followLocale, type BannerModel } from "./banner";
import { WatchQuestions } from "./views/watch";

export interface AppOptions {
  /** Milliseconds from a monotonic clock (tests pass a fake one). */
  now?: () => number;
}

export interface AppHandle {
  store: Store;
  banners: BannerModel;
  /** Stops the ticking and the event listeners. */
  dispose(): void;
}

function Nav() {
  const store = useStore();
  return (
    <nav class="nav" aria-label={t("nav-label")}>
      {VIEWS.map((v) => (
        <button
          key={v}
          id={`nav-${v}`}
          type="button"
          class="tab"
          aria-current={store.view.value === v ? "page" : undefined}
          onClick={() => (store.view.value = v)}
        >
          {t(`nav-${v}`)}
        </button>
      ))}
    </nav>
  );
}

export function ErrorNotice() {
  const store = useStore();
  const error = store.error.value;
  if (!error || error.kind === "refused") return null;
  return (
    <section class="notice" role="alert">
      <p id="notice-message">{error.message}</p>
      <div class="row">
        <button type="button" onClick={() => (store.error.value = null)}>
          {t("dismiss")}
        </button>
      </div>
    </section>
  );
}

function Shell() {
  const store = useStore();
  const snapshot = store.snapshot.value;
  if (snapshot && store.welcome.value) return <FirstRun />;
  const view: View = store.view.value;
  return (
    <>
      <WatchQuestions />
      <Nav />
      <ErrorNotice />
      {view === "timer" && <TimerView />}
      {view === "sessions" && <SessionsView />}
      {view === "clients" && <ClientsView />}
      {view === "settings" && <SettingsView />}
      <footer class="footer">
        <button
          type="button"
          id="open-summary"
          class="quiet"
          onClick={() => store.api.openSummary({ date: null }).catch((e: unknown) => store.fail(e))}
        >
          {t("review-open")}
        </button>
        <button type="button" class="quiet" onClick={() => void store.api.quit()}>
          {t("quit")}
        </button>
      </footer>
    </>
  );
}

/** Ticks once a second while a timer runs and the window is visible: a
 * hidden window (closed to the tray) costs no repaints. */
function useTicker(store: Store, page: Document) {
  const running = Boolean(store.snapshot.value?.running);
  useEffect(() => {
    let timer: ReturnType<typeof setInterval> | null = null;
    const sync = () => {
      const wanted = running && !page.hidden;
      if (wanted && timer === null) timer = setInterval(() => store.tick.value++, 1000);
      if (!wanted && timer !== null) {
        clearInterval(timer);
        timer = null;
      }
      if (!page.hidden) store.tick.value++;
    };
    sync();
    page.addEventListener("visibilitychange", sync);
    return () => {
      page.removeEventListener("visibilitychange", sync);
      if (timer !== null) clearInterval(timer);
    };
  }, [running]);
}

/** Re-renders the tree when any shared value changes. Components keep their
 * own state (drafts) across these renders: they are not re-mounted. */
function useShared(store: Store) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const shared = [store.snapshot, store.tick, store.view, store.welcome, store.error, store.refusal, store.changes, locale];
    const offs = shared.map((s) => (s as { subscribe(f: () => void): () => void }).subscribe(() => rerender(0)));
    rerender(0);
    return () => offs.forEach((off) => off());
  }, [store]);
}

function Root({ store, page, banners }: { store: Store; page: Document; banners: BannerModel }) {
  useShared(store);
  useTicker(store, page);
  return (
    <StoreContext.Provider value={store}>
      <AlertBanners model={banners} />
      <Shell />
    </StoreContext.Provider>
  );
}

export async function startApp(root: HTMLElement, api: Api, options: AppOptions = {}): Promise<AppHandle> {
  const store = createStore(api, options.now);
  const banners = createBannerModel();
  const page = root.ownerDocument;
  const unlisten = await Promise.all([
    api.onStateChanged((snapshot) => store.show(snapshot)),
    api.onStartRefused((refusal) => {
      store.view.value = "timer";
      store.refusal.value = { clientId: refusal.client_id, error: refusal.error };
    }),
    api.onOpenView((view) => {
      if (view) {
        store.welcome.value = false;
        store.view.value = view;
      }
    }),
    api.onAlert((alert) => banners.add(alert)),
    api.onNotificationsUnavailable(() => (banners.unavailable.value = true)),
    api.onBackupFailed((reason) => (banners.backupFailed.value = reason)),
  ]);
  render(<Root store={store} page={page} banners={banners} />, root);
  try {
    const launch = await api.takeLaunchView();
    if (launch) store.view.value = launch;
    store.show(await api.getState());
  } catch (e) {
    store.fail(e);
  }
  // Alerts sent before the window listened.
  await api.getBanners().then(
    (b) => banners.load(b),
    () => {},
  );
  // Told again in the new language when it changes.
  unlisten.push(followLocale(banners, () => api.getBanners()));
  return {
    store,
    banners,
    dispose() {
      render(null, root);
      unlisten.forEach((u) => u());
    },
  };
}
