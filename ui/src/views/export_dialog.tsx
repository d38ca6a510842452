// The Export dialog: a range (this week, last month, or any dates), clients,
// rounding, one line per session or per client, the Excel variant; then the
// native save dialog on the name the core suggests; the core writes the file
// and the dialog says where it went and what it holds. Reusable: the summary
// window opens it on "this week" with `initial`.
import { useEffect, useRef, useState } from "preact/hooks";
import { api as defaultApi, asCommandError, type Api, type CommandError, type ExportArgs, type ExportDone, type ExportOptions } from "../api";
import { has, t } from "../i18n";

export type Preset = "this_week" | "last_week" | "this_month" | "last_month";
const PRESETS: Preset[] = ["this_week", "last_week", "this_month", "last_month"];
/** The rounding rules offered; "" is each client's own rule (else the setting). */
const ROUNDINGS = ["", "none", "6m:up", "15m:up", "30m:up", "15m:nearest", "15m:down"];

/** `15m:up` → `export-rounding-15m-up` (Fluent ids have no colon). */
export const ruleId = (rule: string) => `export-rounding-${rule.replace(":", "-")}`;

export interface ExportInitial {
  /** A range the dialog offers (default: last month, the invoicing month). */
  preset?: Preset;
  /** Or explicit dates, `YYYY-MM-DD` (both included). */
  from?: string;
  to?: string;
  clientIds?: string[];
}

export interface ExportDialogProps {
  initial?: ExportInitial;
  /** Shows a Close button. */
  onClose?: () => void;
  /** The bridge (tests and other windows may pass their own). */
  api?: Pick<Api, "exportOptions" | "chooseExportFile" | "exportCsv">;
}

interface Draft {
  preset: Preset | "custom";
  from: string;
  to: string;
  clientIds: string[];
  rounding: string;
  excel: boolean;
  byClient: boolean;
}

function initialDraft(options: ExportOptions, initial: ExportInitial): Draft {
  const explicit = initial.from && initial.to;
  const preset = explicit ? "custom" : (initial.preset ?? "last_month");
  const range = preset === "custom" ? { from: initial.from!, to: initial.to! } : options[preset];
  return {
    preset,
    from: range.from,
    to: range.to,
    clientIds: initial.clientIds ?? [],
    rounding: "",
    excel: options.excel,
    byClient: false,
  };
}

export function ExportDialog(props: ExportDialogProps) {
  const api = props.api ?? defaultApi;
  const [options, setOptions] = useState<ExportOptions | null>(null);
  const [d, setD] = useState<Draft | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ExportDone | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const first = useRef<HTMLSelectElement>(null);
  // Opened from a button: the keyboard lands on the dialog's first field.
  useEffect(() => first.current?.focus(), [options !== null]);
  useEffect(() => {
    api.exportOptions().then(
      (o) => {
        setOptions(o);
        setD(initialDraft(o, props.initial ?? {}));
      },
      (e) => setError(asCommandError(e)),
    );
  }, []);
  const update = (change: Partial<Draft>) => setD((prev) => (prev ? { ...prev, ...change } : prev));
  const args = (draft: Draft): ExportArgs => ({
    from: draft.from,
    to: draft.to,
    client_ids: draft.clientIds,
    rounding: draft.rounding,
    excel: draft.excel,
    by_client: draft.byClient,
  });
  const run = async (draft: Draft) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const path = await api.chooseExportFile(args(draft));
      if (path) setDone(await api.exportCsv({ export: args(draft), path }));
    } catch (e) {
      setError(asCommandError(e));
    } finally {
      setBusy(false);
    }
  };
  // A rule the list does not name (`20m:up`, set with the CLI) shows as written.
  const ruleText = (rule: string) => (has(ruleId(rule)) ? t(ruleId(rule)) : rule);
  const roundingLabel = (rule: string) =>
    rule === "" ? t("export-rounding-default", { rule: ruleText(options?.default_rounding ?? "none") }) : ruleText(rule);
  return (
    <section class="panel export-dialog" aria-labelledby="export-heading" aria-busy={busy ? "true" : undefined}>
      <h2 id="export-heading">{t("export-heading")}</h2>
      {options && d && (
        <form
          class="grid-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(d);
          }}
        >
          <div class="field">
            <label for="export-range">{t("export-range")}</label>
            <select
              id="export-range"
              ref={first}
              value={d.preset}
              onChange={(e) => {
                const preset = e.currentTarget.value as Draft["preset"];
                update(preset === "custom" ? { preset } : { preset, ...options[preset] });
              }}
            >
              {PRESETS.map((p) => (
                <option key={p} value={p}>
                  {t(`export-range-${p}`)}
                </option>
              ))}
              <option value="custom">{t("export-range-custom")}</option>
            </select>
          </div>
          <div class="grid2">
            <div class="field">
              <label for="export-from">{t("export-from")}</label>
              <input
                id="export-from"
                class="num"
                inputMode="numeric"
                placeholder={t("export-date-placeholder")}
                aria-describedby="export-dates-hint"
                value={d.from}
                onInput={(e) => update({ preset: "custom", from: e.currentTarget.value })}
              />
            </div>
            <div class="field">
              <label for="export-to">{t("export-to")}</label>
              <input
                id="export-to"
                class="num"
                inputMode="numeric"
                placeholder={t("export-date-placeholder")}
                aria-describedby="export-dates-hint"
                value={d.to}
                onInput={(e) => update({ preset: "custom", to: e.currentTarget.value })}
              />
            </div>
          </div>
          <p class="hint" id="export-dates-hint">
            {t("export-dates-hint")}
          </p>
          <fieldset class="setting">
            <legend>{t("export-clients")}</legend>
            <p class="hint" id="export-clients-hint">{t("export-clients-hint")}</p>
            <div class="choices">
              {options.clients.map((c) => (
                <div class="field check" key={c.id}>
                  <input
                    id={`export-client-${c.id}`}
                    type="checkbox"
                    aria-describedby="export-clients-hint"
                    checked={d.clientIds.includes(c.id)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      update({ clientIds: on ? [...d.clientIds, c.id] : d.clientIds.filter((id) => id !== c.id) });
                    }}
                  />
                  <label for={`export-client-${c.id}`}>
                    {c.archived ? t("export-client-archived", { name: c.name }) : c.name}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div class="field">
            <label for="export-rounding">{t("export-rounding")}</label>
            <select id="export-rounding" value={d.rounding} onChange={(e) => update({ rounding: e.currentTarget.value })}>
              {ROUNDINGS.map((r) => (
                <option key={r} value={r}>
                  {roundingLabel(r)}
                </option>
              ))}
            </select>
          </div>
          <fieldset class="setting">
            <legend>{t("export-layout")}</legend>
            <div class="choices">
              {[false, true].map((byClient) => (
                <div class="field check" key={String(byClient)}>
                  <input
                    id={`export-layout-${byClient ? "client" : "session"}`}
                    type="radio"
                    name="export-layout"
                    checked={d.byClient === byClient}
                    onChange={() => update({ byClient })}
                  />
                  <label for={`export-layout-${byClient ? "client" : "session"}`}>
                    {t(byClient ? "export-layout-client" : "export-layout-session")}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
          <div class="field check">
            <input id="export-excel" type="checkbox" checked={d.excel} onChange={(e) => update({ excel: e.currentTarget.checked })} />
            <label for="export-excel">{t("export-excel")}</label>
          </div>
          <div class="row">
            <button type="submit" class="primary" id="export-save" disabled={busy}>
              {t("export-save")}
            </button>
            {props.onClose && (
              <button type="button" onClick={props.onClose}>
                {t("export-close")}
              </button>
            )}
          </div>
        </form>
      )}
      {error && (
        <p class="field-error" role="alert" id="export-error">
          {error.message}
        </p>
      )}
      {done && (
        <div class="notice done" role="status" id="export-done">
          <p>{t("export-done-where", { path: done.path })}</p>
          <p class="num">{t("export-done-what", { rows: done.rows, hours: done.hours })}</p>
          <p class="num">
            {done.amounts.length
              ? t("export-done-amounts", { amounts: done.amounts.join(" + ") })
              : t("export-done-no-amount")}
          </p>
        </div>
      )}
    </section>
  );
}
