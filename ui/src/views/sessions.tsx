// Sessions: a week at a time (this week first, earlier ones by navigation),
// grouped by day. Edit client, start, end, note, tags, billable; delete with
// undo; add a past session. An overlap highlights the session it collides
// with; a local time that does not exist or happens twice asks which instant.
import { useEffect, useState } from "preact/hooks";
import { asCommandError, type CommandError, type SessionForm, type SessionView, type WeekView } from "../api";
import { human } from "../format";
import { longDate, t } from "../i18n";
import { useStore } from "../store";
import { splitTags } from "./timer";
import { ExportDialog } from "./export_dialog";

type ErrorData = CommandError;

interface Draft {
  client_id: string;
  start: string;
  end: string;
  note: string;
  tags: string;
  billable: boolean;
}

function draftOf(s: SessionView): Draft {
  return {
    client_id: s.client_id,
    start: `${s.start_date} ${s.start_local}`,
    end: s.end_date && s.end_local ? `${s.end_date} ${s.end_local}` : "",
    note: s.note,
    tags: s.tags.join(" "),
    billable: s.billable,
  };
}

/** `02:30 (UTC+02:00)`: the local time and its offset, which tell two instants apart. */
function instantLabel(rfc3339: string): string {
  const offset = rfc3339.slice(19);
  return `${rfc3339.slice(11, 16)} (UTC${offset === "Z" ? "+00:00" : offset})`;
}

function SessionEditor(props: {
  id: string;
  initial: Draft;
  /** The session's own client, offered even when archived (never swapped silently). */
  current?: { id: string; name: string };
  submitLabel: string;
  onSubmit(form: SessionForm): Promise<void>;
  onCancel(): void;
  onOverlap(sessionId: string | null): void;
}) {
  const store = useStore();
  const [d, setD] = useState<Draft>(props.initial);
  const [error, setError] = useState<ErrorData | null>(null);
  const clients = store.snapshot.value?.clients ?? [];
  const current = props.current;
  const options = current && !clients.some((c) => c.id === current.id) ? [...clients, current] : clients;
  const client_id = d.client_id || clients[0]?.id || "";
  const submit = async (draft: Draft) => {
    try {
      await props.onSubmit({
        client_id: draft.client_id || client_id,
        start: draft.start,
        end: draft.end,
        note: draft.note,
        tags: splitTags(draft.tags),
        billable: draft.billable,
      });
      setError(null);
      props.onOverlap(null);
    } catch (e) {
      const err = asCommandError(e) as ErrorData;
      setError(err);
      props.onOverlap(err.kind === "overlap" ? err.session_id : null);
    }
  };
  const input = (key: "start" | "end" | "note" | "tags", label: string, placeholder = "") => (
    <div class="field">
      <label for={`${props.id}-${key}`}>{label}</label>
      <input
        id={`${props.id}-${key}`}
        value={d[key]}
        placeholder={placeholder}
        aria-describedby={error ? `${props.id}-error` : undefined}
        onInput={(e) => {
              const value = e.currentTarget.value;
              setD((prev) => ({ ...prev, [key]: value }));
            }}
      />
    </div>
  );
  // A DST question: which instant the typed local time means (the error
  // names the field and gives the candidate instants).
  const dst = error && (error.kind === "local_time_gap" || error.kind === "local_time_ambiguous") ? error : null;
  const which: "start" | "end" = dst?.field === "end" ? "end" : "start";
  const choose = (instant: string) => {
    const next = { ...d, [which]: instant };
    setD(next);
    void submit(next);
  };
  return (
    <form
      class="editor"
      id={props.id}
      onSubmit={(e) => {
        e.preventDefault();
        void submit(d);
      }}
    >
      <div class="grid2">
        <div class="field">
          <label for={`${props.id}-client`}>{t("session-client")}</label>
          <select
            id={`${props.id}-client`}
            value={client_id}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setD((prev) => ({ ...prev, client_id: value }));
            }}
          >
            {options.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {input("start", t("session-start"), "2025-03-12 09:00")}
        {input("end", t("session-end"), "2025-03-12 10:30")}
        {input("note", t("session-note"))}
        {input("tags", t("session-tags"))}
        <div class="field check">
          <input
            id={`${props.id}-billable`}
            type="checkbox"
            checked={d.billable}
            onChange={(e) => {
              const value = e.currentTarget.checked;
              setD((prev) => ({ ...prev, billable: value }));
            }}
          />
          <label for={`${props.id}-billable`}>{t("session-billable")}</label>
        </div>
      </div>
      {error && !dst && (
        <p class="field-error" role="alert" id={`${props.id}-error`}>
          {error.message}
          {error.kind === "overlap" && error.session_id && <> {t("session-overlap")}</>}
        </p>
      )}
      {dst && (
        <fieldset class="dst" aria-live="assertive">
          <legend>{t("dst-title")}</legend>
          <p>{dst.message}</p>
          <p>{t(dst.kind === "local_time_gap" ? "dst-gap" : "dst-ambiguous", { input: d[which] })}</p>
          <div class="row">
            {dst.candidates.map((instant, i) => (
              <button key={instant} type="button" onClick={() => choose(instant)}>
                {t(dst.kind === "local_time_gap" ? "dst-after" : i === 0 ? "dst-earlier" : "dst-later", {
                  time: instantLabel(instant),
                })}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      <div class="row">
        <button type="submit" class="primary">
          {props.submitLabel}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t("session-cancel")}
        </button>
      </div>
    </form>
  );
}

function SessionItem(props: {
  s: SessionView;
  highlighted: boolean;
  onOverlap(id: string | null): void;
  onDeleted(s: SessionView): void;
  reload(): void;
}) {
  const store = useStore();
  const { s } = props;
  const [editing, setEditing] = useState(false);
  const running = s.end === null;
  return (
    <li
      class="session-item"
      data-id={s.id}
      data-highlight={props.highlighted ? "true" : undefined}
      style={{ "--client-color": s.color }}
    >
      {editing ? (
        <SessionEditor
          id={`edit-${s.id}`}
          initial={draftOf(s)}
          current={{ id: s.client_id, name: s.client }}
          submitLabel={t("session-save")}
          onCancel={() => {
            setEditing(false);
            props.onOverlap(null);
          }}
          onOverlap={props.onOverlap}
          onSubmit={async (form) => {
            store.show(await store.api.editSession({ id: s.id, form }));
            setEditing(false);
            props.reload();
          }}
        />
      ) : (
        <div class="session">
          <span class="dot" aria-hidden="true" />
          <span class="name">
            {s.client}
            {s.note && <span class="muted"> · {s.note}</span>}
            {!s.billable && <span class="badge">{t("session-non-billable")}</span>}
          </span>
          <span class="span num">
            {s.start_local}–{s.end_local ?? t("session-running")}
          </span>
          <span class="duration num">{human(s.duration_seconds)}</span>
          <span class="actions">
            <button type="button" aria-label={`${t("session-edit")} #${s.number}`} onClick={() => setEditing(true)}>
              {t("session-edit")}
            </button>
            {!running && (
              <button
                type="button"
                aria-label={`${t("session-delete")} #${s.number}`}
                onClick={async () => {
                  try {
                    store.show(await store.api.deleteSession({ id: s.id }));
                    props.onDeleted(s);
                  } catch (e) {
                    store.fail(e);
                  }
                }}
              >
                {t("session-delete")}
              </button>
            )}
          </span>
        </div>
      )}
    </li>
  );
}

export function SessionsView() {
  const store = useStore();
  const [date, setDate] = useState<string | null>(null);
  const [week, setWeek] = useState<WeekView | null>(null);
  const [adding, setAdding] = useState(false);
  const [highlight, setHighlight] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<SessionView | null>(null);
  const [exporting, setExporting] = useState(false);
  const changes = store.changes.value;
  const reload = () => store.api.weekSessions({ date }).then(setWeek, (e) => store.fail(e));
  useEffect(() => {
    void reload();
  }, [date, changes]);

  const days = new Map<string, SessionView[]>();
  for (const s of week?.sessions ?? []) days.set(s.start_date, [...(days.get(s.start_date) ?? []), s]);
  // "Now" in the configured zone, as the start/end fields take it.
  const now = (store.snapshot.value?.now ?? "").slice(0, 16).replace("T", " ");

  return (
    <section class="view" aria-labelledby="sessions-heading">
      <h1 id="sessions-heading">{t("sessions-heading")}</h1>
      {week && (
        <div class="row between week-nav">
          <button type="button" onClick={() => setDate(week.previous)}>
            {t("sessions-previous")}
          </button>
          <h2 id="week-title" class="num">
            {t("sessions-week", { date: longDate(week.first_day) })}
          </h2>
          <button type="button" disabled={!week.next} onClick={() => setDate(week.next)}>
            {t("sessions-next")}
          </button>
        </div>
      )}
      {deleted && (
        <div class="notice" role="status">
          <p>{t("session-deleted")}</p>
          <div class="row">
            <button
              type="button"
              id="undo-delete"
              onClick={async () => {
                try {
                  store.show(await store.api.restoreSession({ id: deleted.id }));
                  setDeleted(null);
                  void reload();
                } catch (e) {
                  store.fail(e);
                }
              }}
            >
              {t("session-undo")}
            </button>
            <button type="button" onClick={() => setDeleted(null)}>
              {t("dismiss")}
            </button>
          </div>
        </div>
      )}
      {adding ? (
        <SessionEditor
          id="new-session"
          initial={{ client_id: "", start: now, end: now, note: "", tags: "", billable: true }}
          submitLabel={t("sessions-add")}
          onCancel={() => {
            setAdding(false);
            setHighlight(null);
          }}
          onOverlap={setHighlight}
          onSubmit={async (form) => {
            store.show(await store.api.addSession(form));
            setAdding(false);
            void reload();
          }}
        />
      ) : (
        <div class="row">
          <button type="button" id="session-add" onClick={() => setAdding(true)}>
            {t("sessions-add")}
          </button>
          {!exporting && (
            <button type="button" id="sessions-export" onClick={() => setExporting(true)}>
              {t("sessions-export")}
            </button>
          )}
        </div>
      )}
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
      {[...days.entries()].map(([day, sessions]) => (
        <section key={day} class="day" aria-label={longDate(day)}>
          <h3>{longDate(day)}</h3>
          <ol class="sessions">
            {sessions.map((s) => (
              <SessionItem
                key={s.id}
                s={s}
                highlighted={highlight === s.id}
                onOverlap={setHighlight}
                onDeleted={(gone) => {
                  setDeleted(gone);
                  void reload();
                }}
                reload={() => void reload()}
              />
            ))}
          </ol>
        </section>
      ))}
      {week && week.sessions.length === 0 && <p class="hint">{t("sessions-empty")}</p>}
    </section>
  );
}
