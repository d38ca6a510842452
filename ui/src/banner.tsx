// The boundaries' alerts as banners at the top of the window, each one
// dismissible; and, once, the word that desktop notifications cannot be
// shown here (the banner is then the only place alerts appear). The latest
// banners come with the window (`getBanners`), later ones as events
// (`startApp` listens and feeds the model).
import { useLayoutEffect, useReducer } from "preact/hooks";
import type { AlertBanner, Banners } from "./api";
import { locale, t } from "./i18n";
import { signal, type Signal } from "./signal";
import "./banner.css";

export interface BannerModel {
  alerts: Signal<AlertBanner[]>;
  unavailable: Signal<boolean>;
  /** Why today's automatic backup was not written (the core's sentence), if it failed. */
  backupFailed: Signal<string | null>;
  /** A new alert in front; a reminder replaces its alert's banner. */
  add(alert: AlertBanner): void;
  /** What was sent before the window listened (kept behind newer ones). */
  load(banners: Banners): void;
  /** The same alerts told again (another language): new texts, same places. */
  retell(banners: Banners): void;
  dismiss(id: string): void;
}

export function createBannerModel(): BannerModel {
  const model: BannerModel = {
    alerts: signal([]),
    unavailable: signal(false),
    backupFailed: signal(null),
    add(alert) {
      model.alerts.value = [alert, ...model.alerts.value.filter((a) => a.id !== alert.id)];
    },
    load(banners) {
      if (!Array.isArray(banners?.alerts)) return;
      const known = new Set(model.alerts.value.map((a) => a.id));
      const older = [...banners.alerts].reverse().filter((a) => !known.has(a.id));
      model.alerts.value = [...model.alerts.value, ...older];
      if (banners.notifications_unavailable) model.unavailable.value = true;
      if (banners.backup_failed) model.backupFailed.value = banners.backup_failed;
    },
    retell(banners) {
      if (!Array.isArray(banners?.alerts)) return;
      const told = new Map(banners.alerts.map((a) => [a.id, a]));
      model.alerts.value = model.alerts.value.map((a) => told.get(a.id) ?? a);
      // A dismissed backup notice stays dismissed.
      if (model.backupFailed.value && banners.backup_failed) model.backupFailed.value = banners.backup_failed;
    },
    dismiss(id) {
      model.alerts.value = model.alerts.value.filter((a) => a.id !== id);
    },
  };
  return model;
}

/** When the language changes, asks the core for the banners again (it tells
 * each alert in the user's language now) and retells those shown. Returns
 * the way to stop. */
export function followLocale(model: BannerModel, getBanners: () => Promise<Banners>): () => void {
  let shown = locale.value;
  return locale.subscribe(() => {
    if (locale.value === shown) return;
    shown = locale.value;
    getBanners().then(
      (b) => model.retell(b),
      () => {},
    );
  });
}

/** Warnings are amber (approaching); every other alert is a crossing (red). */
function tone(kind: AlertBanner["kind"]): "approaching" | "crossed" {
  return kind === "weekly_cap_warning" || kind === "client_cap_warning" ? "approaching" : "crossed";
}

export function AlertBanners({ model }: { model: BannerModel }) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const offs = [model.alerts, model.unavailable, model.backupFailed].map((s) => s.subscribe(() => rerender(0)));
    return () => offs.forEach((off) => off());
  }, [model]);
  const alerts = model.alerts.value;
  const unavailable = model.unavailable.value;
  const backupFailed = model.backupFailed.value;
  if (!alerts.length && !unavailable && !backupFailed) return null;
  return (
    <section class="banners" aria-label={t("banner-label")}>
      {unavailable && (
        <div class="banner note" id="notifications-unavailable" role="status">
          <p>{t("notifications-unavailable")}</p>
          <button
            type="button"
            class="quiet"
            aria-label={t("notifications-unavailable-dismiss")}
            onClick={() => (model.unavailable.value = false)}
          >
            {t("banner-dismiss")}
          </button>
        </div>
      )}
      {backupFailed && (
        <div class="banner note" id="backup-failed" role="alert">
          <div>
            <p class="banner-summary">{t("backup-failed-title")}</p>
            <p class="banner-body">{t("backup-failed-body", { reason: backupFailed })}</p>
          </div>
          <button
            type="button"
            class="quiet"
            aria-label={t("backup-failed-dismiss")}
            onClick={() => (model.backupFailed.value = null)}
          >
            {t("banner-dismiss")}
          </button>
        </div>
      )}
      {alerts.map((alert) => (
        <div key={alert.id} class={`banner ${tone(alert.kind)}`} role="alert" data-kind={alert.kind}>
          <div>
            <p class="banner-summary">{alert.summary}</p>
            <p class="banner-body num">{alert.body}</p>
          </div>
          <button
            type="button"
            class="quiet"
            aria-label={t("banner-dismiss-alert", { summary: alert.summary })}
            onClick={() => model.dismiss(alert.id)}
          >
            {t("banner-dismiss")}
          </button>
        </div>
      ))}
    </section>
  );
}
