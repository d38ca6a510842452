// The end-of-week summary window: the week told honestly (the grid, the
// bars against the cap's daily share, the boundaries, client health and the
// 8-week trend), one decision per flagged client, the recent decisions.
// It draws the core's `WeekSummary` and computes nothing: every figure and
// sentence arrives written in the user's language.
import { render, type ComponentChildren } from "preact";
import { useEffect, useLayoutEffect, useReducer, useState } from "preact/hooks";
import { asCommandError } from "../api";
import { AlertBanners, createBannerModel, followLocale } from "../banner";
import type { CapLine, CommandError, SummaryClient, WeekSummary } from "../bindings";
import { locale, setLocale, t } from "../i18n";
import { signal, type Signal } from "../signal";
import type { SummaryApi } from "../summary_api";
import { Question } from "./decision";
import { DayBars, TrendBars } from "./summary_charts";

export interface SummaryOptions {
  /** A day of the week to open on (`YYYY-MM-DD`); null: the week under review. */
  week: string | null;
  /** The Export dialog, on the week shown (summary_main.tsx passes
   * views/export_dialog.tsx); without it the window shows no Export button. */
  exportPanel?: ExportPanel;
}

/** Renders the Export dialog for `summary`'s week; `close` hides it. */
export type ExportPanel = (summary: WeekSummary, close: () => void) => ComponentChildren;

function levelClass(cap: CapLine | null): string {
  if (!cap) return "";
  return cap.level === "reached" ? "crossed" : cap.level === "warning" ? "approaching" : "";
}

function CapMeter({ cap, id, label }: { cap: CapLine; id: string; label: string }) {
  const level = levelClass(cap);
  return (
    <div class={`meter ${level}`} id={id} data-level={cap.level}>
      <div class="meter-label">
        <span id={`${id}-label`}>{label}</span>
        <span class="num">
          {t("review-cap-of", { tracked: cap.tracked_text, cap: cap.cap_text, percent: cap.percent_text })}
          {level && <span class="meter-level"> · {t(level === "crossed" ? "review-crossed" : "review-approaching")}</span>}
        </span>
      </div>
      <meter
        min={0}
        max={cap.cap_seconds}
        value={Math.min(cap.tracked_seconds, cap.cap_seconds)}
        aria-labelledby={`${id}-label`}
      />
    </div>
  );
}

function Totals({ s }: { s: WeekSummary }) {
  return (
    <section class="card" aria-labelledby="totals-heading">
      <h2 id="totals-heading">{t("review-totals")}</h2>
      <dl class="figures">
        <div>
          <dt>{t("review-tracked")}</dt>
          <dd class="num" id="summary-total" data-seconds={s.total_seconds}>
            {s.total_text}
          </dd>
        </div>
        <div>
          <dt>{t("review-billable")}</dt>
          <dd class="num" id="summary-billable" data-seconds={s.billable_seconds}>
            {s.billable_text}
          </dd>
        </div>
        <div>
          <dt>{t("review-amount")}</dt>
          <dd class="num" id="summary-amounts">
            {s.amounts.length ? s.amounts.map((a) => <span key={a}>{a}</span>) : t("review-no-amount")}
          </dd>
        </div>
      </dl>
      {s.weekly_cap ? (
        <CapMeter cap={s.weekly_cap} id="summary-weekly-cap" label={t("review-weekly-cap")} />
      ) : (
        <p class="hint">{t("review-no-weekly-cap")}</p>
      )}
    </section>
  );
}

function ClientName({ c }: { c: { name: string; color: string } }) {
  return (
    <span class="client-name" style={{ "--client-color": c.color }}>
      <span class="dot" aria-hidden="true" />
      {c.name}
    </span>
  );
}

function CapCell({ c }: { c: SummaryClient }) {
  if (!c.cap) return <td class="num muted">—</td>;
  const level = levelClass(c.cap);
  return (
    <td class={`num cap ${level}`} data-level={c.cap.level} data-percent={c.cap.percent}>
      {t("review-cap-cell", { percent: c.cap.percent_text, cap: c.cap.cap_text })}
      {level && <span class="visually-hidden"> ({t(level === "crossed" ? "review-crossed" : "review-approaching")})</span>}
    </td>
  );
}

function Grid({ s }: { s: WeekSummary }) {
  const nothing = t("review-nothing");
  const cell = (text: string) => (text ? text : <span aria-label={nothing}>·</span>);
  return (
    <section class="card wide" aria-labelledby="grid-heading">
      <h2 id="grid-heading">{t("review-grid")}</h2>
      <div class="scroll" tabIndex={0} role="region" aria-labelledby="grid-heading">
        <table id="summary-grid" class="grid">
          <thead>
            <tr>
              <th scope="col">{t("review-col-client")}</th>
              {s.days.map((d) => (
                <th scope="col" key={d.date} class={d.rest_day ? "num rest" : "num"}>
                  {d.label}
                </th>
              ))}
              <th scope="col" class="num">{t("review-col-total")}</th>
              <th scope="col" class="num">{t("review-col-billable")}</th>
              <th scope="col" class="num">{t("review-col-amount")}</th>
              <th scope="col" class="num">{t("review-col-cap")}</th>
            </tr>
          </thead>
          <tbody>
            {s.clients.map((c) => (
              <tr key={c.id} data-client={c.name}>
                <th scope="row">
                  <ClientName c={c} />
                </th>
                {c.days.map((d, i) => (
                  <td key={i} class="num" data-day={i} data-seconds={d.seconds}>
                    {cell(d.text)}
                  </td>
                ))}
                <td class="num total" data-seconds={c.total_seconds}>{c.total_text}</td>
                <td class="num" data-seconds={c.billable_seconds}>{cell(c.billable_text)}</td>
                <td class="num">{c.amounts.length ? c.amounts.join(" + ") : cell("")}</td>
                <CapCell c={c} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-client="">
              <th scope="row">{t("review-total-row")}</th>
              {s.days.map((d, i) => (
                <td key={d.date} class="num" data-day={i} data-seconds={d.total_seconds}>
                  {cell(d.total_text)}
                </td>
              ))}
              <td class="num total" data-seconds={s.total_seconds}>{cell(s.total_cell)}</td>
              <td class="num" data-seconds={s.billable_seconds}>{cell(s.billable_cell)}</td>
              <td class="num">{s.amounts.length ? s.amounts.join(" + ") : cell("")}</td>
              <td class={`num cap ${levelClass(s.weekly_cap)}`}>
                {s.weekly_cap ? t("review-cap-cell", { percent: s.weekly_cap.percent_text, cap: s.weekly_cap.cap_text }) : "—"}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {s.clients.length === 0 && <p class="hint">{t("review-empty")}</p>}
    </section>
  );
}

function Boundaries({ s }: { s: WeekSummary }) {
  return (
    <section class="card wide" aria-labelledby="boundaries-heading">
      <h2 id="boundaries-heading">{t("review-boundaries")}</h2>
      <p id="summary-off-hours" data-seconds={s.off_hours_seconds}>
        {t("review-off-hours-total", { duration: s.off_hours_text })}
      </p>
      <p id="summary-rest-days" data-seconds={s.rest_day_seconds}>
        {t("review-rest-days-total", { duration: s.rest_day_text })}
      </p>
      {s.discarded_seconds > 0 && (
        <p id="summary-discarded" data-seconds={s.discarded_seconds}>
          {t("review-discarded-total", { duration: s.discarded_text })}
        </p>
      )}
      <p id="summary-streak" data-count={s.weekend_streak} class={s.weekend_streak >= s.weekend_streak_limit ? "flag red" : undefined}>
        {t("review-streak", { count: s.weekend_streak, limit: s.weekend_streak_limit })}
      </p>
      {s.clients.some((c) => c.off_hours_seconds || c.rest_day_seconds || c.discarded_seconds) && (
        <div class="scroll" tabIndex={0} role="region" aria-labelledby="boundaries-heading">
          <table id="summary-boundaries" class="grid">
            <thead>
              <tr>
                <th scope="col">{t("review-col-client")}</th>
                <th scope="col" class="num">{t("review-col-off-hours")}</th>
                <th scope="col" class="num">{t("review-col-rest-days")}</th>
                <th scope="col" class="num">{t("review-col-discarded")}</th>
              </tr>
            </thead>
            <tbody>
              {s.clients.map((c) => (
                <tr key={c.id} data-client={c.name}>
                  <th scope="row">
                    <ClientName c={c} />
                  </th>
                  <td class="num" data-kind="off_hours" data-seconds={c.off_hours_seconds}>{c.off_hours_text}</td>
                  <td class="num" data-kind="rest_days" data-seconds={c.rest_day_seconds}>{c.rest_day_text}</td>
                  <td class="num" data-kind="discarded" data-seconds={c.discarded_seconds}>{c.discarded_text}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t("review-overrides")}</h3>
      {s.overrides.length === 0 ? (
        <p class="hint">{t("review-overrides-none")}</p>
      ) : (
        <ul id="summary-overrides" class="lines">
          {s.overrides.map((o, i) => (
            <li key={i}>
              <span class="num muted">{o.when}</span> <strong>{o.client ?? t("review-no-client")}</strong>{" "}
              <span>{o.boundaries.map((k) => t(`boundary-${k}`)).join(", ")}</span> <q class="reason">{o.reason}</q>
            </li>
          ))}
        </ul>
      )}
      <h3>{t("review-calls")}</h3>
      {s.calls.length === 0 ? (
        <p class="hint">{t("review-calls-none")}</p>
      ) : (
        <ul id="summary-calls" class="lines">
          {s.calls.map((c, i) => (
            <li key={i} data-over={c.over_seconds}>
              {t("review-call", { client: c.client, when: c.when, actual: c.actual_text, planned: c.planned_text, over: c.over_text })}
            </li>
          ))}
        </ul>
      )}
      <h3>{t("review-alerts")}</h3>
      {s.alerts.length === 0 ? (
        <p class="hint">{t("review-alerts-none")}</p>
      ) : (
        <ul id="summary-alerts" class="lines">
          {s.alerts.map((a, i) => (
            <li key={i} data-kind={a.kind}>
              <span class="num muted">{a.when}</span> {a.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Health({ s }: { s: WeekSummary }) {
  const trendOf = (client: string) => s.trend.clients.find((c) => c.client === client);
  return (
    <section class="card wide" aria-labelledby="health-heading">
      <h2 id="health-heading">{t("review-health")}</h2>
      {s.health.length === 0 && <p class="hint">{t("review-health-none")}</p>}
      <ul id="summary-health" class="health">
        {s.health.map((h) => {
          const trend = trendOf(h.client);
          return (
            <li key={h.client} data-client={h.client} style={{ "--client-color": h.color }}>
              <div class="health-head">
                <h3>
                  <ClientName c={{ name: h.client, color: h.color }} />
                </h3>
                <span class="num muted">{t("review-tracked-4w", { duration: h.tracked_text })}</span>
              </div>
              <p class={h.under_rate ? "flag amber" : undefined}>{h.rate_sentence}</p>
              <dl class="shares">
                {h.shares.map((share) => (
                  <div key={`${share.kind}-${share.tag ?? ""}`} class={share.flagged ? "flagged" : undefined}>
                    <dt>{share.tag ? t("review-share-tag", { tag: share.tag }) : t(`review-share-${share.kind}`)}</dt>
                    <dd class="num">{t("review-share-value", { percent: share.percent_text })}</dd>
                  </div>
                ))}
              </dl>
              {h.flags.map((f) => (
                <p key={f} class="flag amber">
                  {f}
                </p>
              ))}
              {trend && (
                <div class="trend-row">
                  <span class="muted">{t("review-trend")}</span>
                  <TrendBars client={trend} weeks={s.trend.weeks} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Decisions(props: { s: WeekSummary; api: SummaryApi; onRecorded(s: WeekSummary): void }) {
  const { s } = props;
  return (
    <section class="card wide" aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t("review-decisions")}</h2>
      {s.questions.length === 0 ? (
        <p class="hint">{t("review-decisions-none")}</p>
      ) : (
        <ul id="summary-questions" class="questions">
          {s.questions.map((q) => (
            <Question key={`${s.first_day}-${q.client_id}`} q={q} week={s.first_day} tomorrow={s.tomorrow} api={props.api} onRecorded={props.onRecorded} />
          ))}
        </ul>
      )}
      <h3>{t("review-recent")}</h3>
      {s.recent.length === 0 ? (
        <p class="hint">{t("review-recent-none")}</p>
      ) : (
        <ul id="summary-recent" class="lines">
          {s.recent.map((r) => (
            <li key={r.client} data-client={r.client} data-choice={r.choice}>
              {r.message}
              {r.notice_message && <p class="hint">{r.notice_message}</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SummaryView(props: {
  api: SummaryApi;
  week: Signal<string | null>;
  changes: Signal<number>;
  exportPanel?: ExportPanel;
}) {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  useLayoutEffect(() => {
    const offs = [props.week, props.changes, locale].map((s) => (s as Signal<unknown>).subscribe(() => rerender(0)));
    return () => offs.forEach((off) => off());
  }, []);
  const [data, setData] = useState<WeekSummary | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [exporting, setExporting] = useState(false);
  const [draft, setDraft] = useState("");
  const week = props.week.value;
  const changes = props.changes.value;
  const show = (s: WeekSummary) => {
    setLocale(s.locale);
    setData(s);
    setDraft(s.first_day);
    setError(null);
    document.title = `${t("review-open")} · ${s.week}`;
  };
  useEffect(() => {
    props.api.weekSummary(week).then(show, (e) => setError(asCommandError(e)));
  }, [week, changes]);
  const go = (date: string | null) => {
    if (date) props.week.value = date;
  };
  if (!data) {
    return error ? (
      <p class="field-error" role="alert">
        {error.message}
      </p>
    ) : (
      <p class="hint">{t("review-loading")}</p>
    );
  }
  const s = data;
  return (
    <>
      <header class="summary-head">
        <div>
          <h1 id="summary-heading" data-week={s.first_day}>
            {t("review-heading", { week: s.week })}
          </h1>
          <p class="muted num" id="summary-dates">
            {t("review-dates", { start: s.start_text, end: s.end_text })}
          </p>
        </div>
        <nav class="row week-nav" aria-label={t("review-nav")}>
          <button type="button" id="summary-previous" onClick={() => go(s.previous)}>
            {t("review-previous")}
          </button>
          <form
            class="row pick"
            onSubmit={(e) => {
              e.preventDefault();
              go(draft.trim());
            }}
          >
            <label for="summary-date" class="visually-hidden">
              {t("review-pick")}
            </label>
            {/* Typed as YYYY-MM-DD: WebKit's date field writes the system's format, not the window's. */}
            <input
              id="summary-date"
              class="num"
              inputMode="numeric"
              placeholder={t("review-date-placeholder")}
              title={t("review-pick")}
              value={draft}
              onInput={(e) => setDraft(e.currentTarget.value)}
            />
            <button type="submit" id="summary-go">
              {t("review-pick-go")}
            </button>
          </form>
          <button type="button" id="summary-next" disabled={!s.next} onClick={() => go(s.next)}>
            {t("review-next")}
          </button>
          {props.exportPanel && !exporting && (
            <button type="button" id="summary-export" class="primary" onClick={() => setExporting(true)}>
              {t("review-export")}
            </button>
          )}
        </nav>
      </header>
      {props.exportPanel && exporting && (
        <div class="summary-export" key={s.first_day}>
          {props.exportPanel(s, () => setExporting(false))}
        </div>
      )}
      {error && (
        <p class="field-error" role="alert" id="summary-error">
          {error.message}
        </p>
      )}
      <div class="summary-grid">
        <Totals s={s} />
        <section class="card" aria-labelledby="chart-heading">
          <h2 id="chart-heading">{t("review-chart")}</h2>
          <DayBars days={s.days} max={s.chart_max_seconds} guideSeconds={s.daily_guide_seconds} guideText={s.daily_guide_text} />
        </section>
        <Grid s={s} />
        <Decisions s={s} api={props.api} onRecorded={show} />
        <Boundaries s={s} />
        <Health s={s} />
      </div>
    </>
  );
}

export interface SummaryHandle {
  week: Signal<string | null>;
  dispose(): void;
}

/** Mounts the summary on `root` and follows the app's events. */
export async function startSummary(root: HTMLElement, api: SummaryApi, options: SummaryOptions): Promise<SummaryHandle> {
  const week = signal<string | null>(options.week);
  const changes = signal(0);
  // Alerts appear here too, as in the main window (a banner above the week).
  const banners = createBannerModel();
  const unlisten = await Promise.all([
    api.onAlert((alert) => banners.add(alert)),
    api.onNotificationsUnavailable(() => (banners.unavailable.value = true)),
    api.onBackupFailed((reason) => (banners.backupFailed.value = reason)),
    // Asked again (tray, launch): that week, or the week under review.
    api.onWeek((next) => {
      week.value = next;
      changes.value++;
    }),
    api.onChanged(() => changes.value++),
  ]);
  render(
    <>
      <AlertBanners model={banners} />
      <SummaryView api={api} week={week} changes={changes} exportPanel={options.exportPanel} />
    </>,
    root,
  );
  // Alerts sent before the window listened.
  await api.getBanners().then(
    (b) => banners.load(b),
    () => {},
  );
  // Told again in the new language when it changes.
  unlisten.push(followLocale(banners, () => api.getBanners()));
  return {
    week,
    dispose() {
      render(null, root);
      unlisten.forEach((u) => u());
    },
  };
}
