// Clients: rate, currency, cap, colour, rounding and this week's hours; add,
// edit (rename included), archive and unarchive. Rows are keyed by id, and an
// open editor keeps its draft while the list refreshes underneath it.
import { useEffect, useState } from "preact/hooks";
import { asCommandError, type ClientForm, type ClientRow, type CommandError } from "../api";
import { human } from "../format";
import { t } from "../i18n";
import { useStore } from "../store";

const EMPTY: ClientForm = { name: "", rate: "", currency: "", cap: "", color: "", rounding: "" };

function formOf(c: ClientRow): ClientForm {
  return { name: c.name, rate: c.rate, currency: c.currency, cap: c.cap, color: c.color, rounding: c.rounding };
}

export function ClientEditor(props: {
  id: string;
  initial: ClientForm;
  submitLabel: string;
  onSubmit(form: ClientForm): Promise<void>;
  onCancel?: () => void;
  /** The first run asks only for what matters first. */
  short?: boolean;
}) {
  const [form, setForm] = useState<ClientForm>(props.initial);
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const field = (key: keyof ClientForm, label: string, extra: Record<string, string> = {}) => {
    const id = `${props.id}-${key}`;
    return (
      <div class="field">
        <label for={id}>{label}</label>
        <input
          id={id}
          name={key}
          value={form[key]}
          aria-invalid={error && (error.field === key || !error.field) ? "true" : undefined}
          aria-describedby={error ? `${props.id}-error` : undefined}
          onInput={(e) => {
              const value = e.currentTarget.value;
              setForm((prev) => ({ ...prev, [key]: value }));
            }}
          {...extra}
        />
      </div>
    );
  };
  return (
    <form
      class="editor"
      id={props.id}
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          await props.onSubmit(form);
          setError(null);
        } catch (err) {
          setError(asCommandError(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <div class="grid2">
        {field("name", t("client-name"), { required: "" })}
        {field("rate", t("client-rate"), { inputmode: "decimal", placeholder: "45.50" })}
        {field("currency", t("client-currency"), { placeholder: "EUR" })}
        {field("cap", t("client-cap"), { placeholder: "10h", title: t("client-cap-hint") })}
        {!props.short && field("rounding", t("client-rounding"), { placeholder: "15m:up", title: t("client-rounding-hint") })}
        {!props.short && (
          <div class="field">
            <label for={`${props.id}-color`}>{t("client-color")}</label>
            <input
              id={`${props.id}-color`}
              type="color"
              value={form.color || "#3a8f7a"}
              onInput={(e) => {
              const value = e.currentTarget.value;
              setForm((prev) => ({ ...prev, color: value }));
            }}
            />
          </div>
        )}
      </div>
      {error && (
        <p class="field-error" role="alert" id={`${props.id}-error`}>
          {error.message}
        </p>
      )}
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" onClick={props.onCancel}>
            {t("client-cancel")}
          </button>
        )}
      </div>
    </form>
  );
}

function ClientItem({ c }: { c: ClientRow }) {
  const store = useStore();
  const [editing, setEditing] = useState(false);
  return (
    <li class="client" data-id={c.id} data-archived={String(c.archived)} style={{ "--client-color": c.color }}>
      {editing ? (
        <ClientEditor
          id={`edit-${c.id}`}
          initial={formOf(c)}
          submitLabel={t("client-save")}
          onCancel={() => setEditing(false)}
          onSubmit={async (form) => {
            store.show(await store.api.editClient({ id: c.id, form }));
            setEditing(false);
          }}
        />
      ) : (
        <div class="client-row">
          <span class="dot" aria-hidden="true" />
          <span class="name">
            {c.name}
            {c.archived && <span class="badge">{t("client-archived")}</span>}
          </span>
          <span class="num muted">{t("client-rate-value", { rate: c.rate_text })}</span>
          <span class="num muted">{c.cap_text || t("client-no-cap")}</span>
          <span class="num" title={t("client-week")}>
            {human(c.week_seconds)}
          </span>
          <span class="actions">
            <button type="button" aria-label={`${t("client-edit")} ${c.name}`} onClick={() => setEditing(true)}>
              {t("client-edit")}
            </button>
            <button
              type="button"
              aria-label={`${t(c.archived ? "client-unarchive" : "client-archive")} ${c.name}`}
              onClick={async () => {
                try {
                  store.show(await store.api.setClientArchived({ id: c.id, archived: !c.archived }));
                } catch (e) {
                  store.fail(e);
                }
              }}
            >
              {t(c.archived ? "client-unarchive" : "client-archive")}
            </button>
          </span>
        </div>
      )}
    </li>
  );
}

export function ClientsView() {
  const store = useStore();
  const [rows, setRows] = useState<ClientRow[] | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [adding, setAdding] = useState(false);
  const changes = store.changes.value;
  useEffect(() => {
    store.api.listClients().then(setRows, (e) => store.fail(e));
  }, [changes]);
  const shown = (rows ?? []).filter((c) => showArchived || !c.archived);
  return (
    <section class="view" aria-labelledby="clients-heading">
      <h1 id="clients-heading">{t("clients-heading")}</h1>
      <div class="row between">
        <div class="field check">
          <input
            id="show-archived"
            type="checkbox"
            checked={showArchived}
            onChange={(e) => setShowArchived(e.currentTarget.checked)}
          />
          <label for="show-archived">{t("clients-show-archived")}</label>
        </div>
        {!adding && (
          <button type="button" id="client-add" onClick={() => setAdding(true)}>
            {t("client-add")}
          </button>
        )}
      </div>
      {adding && (
        <ClientEditor
          id="new-client"
          initial={EMPTY}
          submitLabel={t("client-add")}
          onCancel={() => setAdding(false)}
          onSubmit={async (form) => {
            store.show(await store.api.addClient(form));
            setAdding(false);
          }}
        />
      )}
      <ul id="client-list" class="clients">
        {shown.map((c) => (
          <ClientItem key={c.id} c={c} />
        ))}
      </ul>
      {rows && shown.length === 0 && <p class="hint">{t("clients-empty")}</p>}
    </section>
  );
}
