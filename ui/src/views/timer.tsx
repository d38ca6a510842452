// The timer: who, what, Start/Stop (Ctrl+Enter), the boundaries in view and
// today's sessions. The form's fields are drafts that survive every push.
import { useEffect, useRef, useState } from "preact/hooks";
import { asCommandError, type CapView, type DaySession } from "../api";
import { clock, human } from "../format";
import { t, weekdayShort } from "../i18n";
import { runningSeconds, sinceSnapshot, useStore } from "../store";
import { OverrideDialog } from "./override";

/** Tags as typed: words separated by spaces or commas. */
export function splitTags(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

function Elapsed() {
  const store = useStore();
  return (
    <p id="elapsed" class="elapsed" role="timer" aria-label={t("timer-elapsed")}>
      {clock(runningSeconds(store))}
    </p>
  );
}

function Meter({ id, label, cap }: { id: string; label: string; cap: CapView }) {
  const level = cap.level === "reached" ? "crossed" : cap.level === "warning" ? "approaching" : "";
  return (
    <div class={`meter ${level}`} id={id}>
      <div class="meter-label">
        <span>{label}</span>
        {level && <span class="meter-level">{t(level === "crossed" ? "meter-crossed" : "meter-approaching")}</span>}
      </div>
      <meter
        min={0}
        max={cap.cap_seconds}
        low={cap.cap_seconds * 0.8}
        high={cap.cap_seconds - 1}
        optimum={0}
        value={Math.min(cap.tracked_seconds, cap.cap_seconds)}
        aria-label={label}
      />
    </div>
  );
}

function Boundaries() {
  const store = useStore();
  const s = store.snapshot.value;
  if (!s) return null;
  const m = s.meters;
  const grow = sinceSnapshot(store);
  const week = m.week_tracked_seconds + grow;
  return (
    <section class="boundaries" aria-labelledby="meters-heading">
      <h2 id="meters-heading" class="visually-hidden">
        {t("meters-heading")}
      </h2>
      {m.weekly_cap ? (
        <Meter
          id="meter-week"
          label={t("meter-week-cap", { tracked: human(week), cap: human(m.weekly_cap.cap_seconds) })}
          cap={{ ...m.weekly_cap, tracked_seconds: week }}
        />
      ) : (
        <p id="meter-week" class="hint num">
          {t("meter-week", { tracked: human(week) })}
        </p>
      )}
      {m.client_cap && m.client_name && (
        <Meter
          id="meter-client"
          label={t("meter-client-cap", {
            client: m.client_name,
            tracked: human(m.client_cap.tracked_seconds + grow),
            cap: human(m.client_cap.cap_seconds),
          })}
          cap={{ ...m.client_cap, tracked_seconds: m.client_cap.tracked_seconds + grow }}
        />
      )}
      {m.off_hours_now && <p class="flag amber">{t("off-hours-now")}</p>}
      {m.client_cap_reached_at && m.client_name && (
        <p class="hint">{t("projection-client", { client: m.client_name, time: m.client_cap_reached_at })}</p>
      )}
      {m.weekly_cap_reached_at && <p class="hint">{t("projection-week", { time: m.weekly_cap_reached_at })}</p>}
      {m.weekend_streak !== null && (
        <p class={m.weekend_streak >= m.weekend_streak_limit ? "flag red" : "hint"}>
          {t("weekend-streak", { count: m.weekend_streak, limit: m.weekend_streak_limit })}
        </p>
      )}
    </section>
  );
}

function TodayRow({ s }: { s: DaySession }) {
  const store = useStore();
  const running = s.end === null;
  const seconds = running ? s.duration_seconds + sinceSnapshot(store) : s.duration_seconds;
  return (
    <li class="session" data-running={String(running)} style={{ "--client-color": s.color }}>
      <span class="dot" aria-hidden="true" />
      <span class="name">{s.client}</span>
      <span class="span num">
        {s.start_local}–{s.end_local ?? t("session-now")}
      </span>
      <span class="duration num">{human(seconds)}</span>
    </li>
  );
}

function Today() {
  const store = useStore();
  const s = store.snapshot.value;
  if (!s) return null;
  return (
    <section class="today" aria-labelledby="today-heading">
      <div class="today-head">
        <h2 id="today-heading">{t("today-heading")}</h2>
        <span id="today-total" class="num" aria-label={t("today-total")}>
          {human(s.today_seconds + sinceSnapshot(store))}
        </span>
      </div>
      <ol id="today-list" class="sessions">
        {s.today.map((session) => (
          <TodayRow key={session.id} s={session} />
        ))}
      </ol>
      {s.today.length === 0 && <p class="hint">{t("today-empty")}</p>}
    </section>
  );
}

export function TimerView() {
  const store = useStore();
  const s = store.snapshot.value;
  const running = s?.running ?? null;
  const clients = s?.clients ?? [];
  const [clientId, setClientId] = useState("");
  const [note, setNote] = useState("");
  const [tags, setTags] = useState("");
  const [billable, setBillable] = useState(true);
  const [planned, setPlanned] = useState("");
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // The picked client, or the most recently used one when none is picked.
  const picked = clients.some((c) => c.id === clientId) ? clientId : (clients[0]?.id ?? "");
  const refusal = store.refusal.value;
  // A refusal picks the refused client.
  useEffect(() => {
    if (refusal) setClientId(refusal.clientId);
  }, [refusal]);

  async function act(action: () => Promise<unknown>) {
    setBusy(true);
    try {
      const snapshot = await action();
      if (snapshot && typeof snapshot === "object" && "clients" in snapshot) store.show(snapshot as never);
      store.error.value = null;
      store.refusal.value = null;
    } catch (e) {
      const error = asCommandError(e);
      if (error.kind === "refused")
        store.refusal.value = { clientId: picked, error, details: { note, tags: splitTags(tags), billable, planned } };
      else store.error.value = error;
    } finally {
      setBusy(false);
    }
  }

  const start = (overrideReason: string | null = null) =>
    act(() =>
      store.api.startTimer({
        client_id: refusal?.clientId ?? picked,
        note,
        tags: splitTags(tags),
        billable,
        planned,
        override_reason: overrideReason,
      }),
    );
  const stop = () => act(() => store.api.stopTimer());

  // Ctrl+Enter (or Cmd+Enter) starts or stops from anywhere in the view.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || busy || store.refusal.value) return;
      e.preventDefault();
      if (store.snapshot.value?.running) void stop();
      else if (picked) void start();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const flags = s?.running_flags ?? null;
  const since = running
    ? flags?.started_on
      ? t("timer-since-day", { day: weekdayShort(flags.started_on), time: running.start_local })
      : t("timer-since", { time: running.start_local })
    : "";

  return (
    <>
      <section class="timer" aria-labelledby="timer-heading">
        <h1 id="timer-heading" class="visually-hidden">
          {t("timer-heading")}
        </h1>
        <p
          id="timer-client"
          class={running ? "timer-client" : "timer-client idle"}
          style={running ? { "--client-color": running.color } : undefined}
        >
          {running ? running.client : t("timer-idle")}
        </p>
        <Elapsed />
        <p id="timer-since" class="timer-since num">
          {since}
        </p>
        {flags?.across_midnight && <p class="flag amber" id="flag-midnight">{t("timer-across-midnight")}</p>}
        {flags?.over_12h && <p class="flag red" id="flag-long">{t("timer-over-12h")}</p>}
      </section>

      <form
        ref={form}
        id="start-form"
        class="controls"
        aria-labelledby="timer-heading"
        onSubmit={(e) => {
          e.preventDefault();
          if (picked) void start();
        }}
      >
        {clients.length > 0 ? (
          <>
            <label for="client-picker">{t("timer-client")}</label>
            <select id="client-picker" value={picked} onChange={(e) => setClientId(e.currentTarget.value)}>
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <div class="grid2">
              <div class="field">
                <label for="timer-note">{t("timer-note")}</label>
                <input id="timer-note" value={note} onInput={(e) => setNote(e.currentTarget.value)} />
              </div>
              <div class="field">
                <label for="timer-tags">{t("timer-tags")}</label>
                <input
                  id="timer-tags"
                  value={tags}
                  title={t("timer-tags-hint")}
                  onInput={(e) => setTags(e.currentTarget.value)}
                />
              </div>
              <div class="field">
                <label for="timer-planned">{t("timer-planned")}</label>
                <input
                  id="timer-planned"
                  value={planned}
                  placeholder="30m"
                  title={t("timer-planned-hint")}
                  onInput={(e) => setPlanned(e.currentTarget.value)}
                />
              </div>
              <div class="field check">
                <input
                  id="timer-billable"
                  type="checkbox"
                  checked={billable}
                  onChange={(e) => setBillable(e.currentTarget.checked)}
                />
                <label for="timer-billable">{t("timer-billable")}</label>
              </div>
            </div>
            <div class="row">
              <button id="start" type="submit" class="primary" disabled={busy || !picked}>
                {t("timer-start")}
              </button>
              <button id="stop" type="button" disabled={busy || !running} onClick={() => void stop()}>
                {running ? t("timer-stop-client", { client: running.client }) : t("timer-stop")}
              </button>
            </div>
            <p class="hint">{t("timer-shortcut")}</p>
          </>
        ) : (
          <div class="empty">
            <p id="no-clients" class="hint">
              {t("timer-no-clients")}
            </p>
            <button type="button" class="primary" onClick={() => (store.view.value = "clients")}>
              {t("timer-add-client")}
            </button>
          </div>
        )}
      </form>

      <Boundaries />
      <Today />
      {refusal && (
        <OverrideDialog
          refusal={refusal}
          busy={busy}
          onStart={(reason) => void start(reason)}
          onCancel={() => (store.refusal.value = null)}
        />
      )}
    </>
  );
}
