// The import wizard: the source (Toggl, Clockify, Watson, Timewarrior) and
// its file or folder (native open dialog, or typed), the options, then a
// dry-run preview from the core, then the import with a progress bar, then
// what was imported. An error names the file and the line; nothing is written.
import { useEffect, useRef, useState } from "preact/hooks";
import { api as defaultApi, asCommandError, type Api, type CommandError, type ImportArgs, type ImportView, type SkippedView } from "../api";
import { t } from "../i18n";

const FORMATS = ["toggl", "clockify", "watson", "timewarrior"] as const;
type Format = (typeof FORMATS)[number];

export interface ImportWizardProps {
  onClose?: () => void;
  /** Called once sessions were imported (the window reloads what it shows). */
  onImported?: (view: ImportView) => void;
  api?: Pick<Api, "chooseImportSource" | "previewImport" | "runImport" | "onImportProgress">;
}

type Step = "source" | "preview" | "importing" | "done";

function skippedText(k: SkippedView): string {
  const where = { file: k.file, line: k.line, client: k.client, start: k.start };
  if (k.reason === "zero_length") return t("import-skipped-zero", where);
  if (k.reason === "running") return t("import-skipped-running", where);
  if (k.other_line !== null) return t("import-skipped-overlap-imported", { ...where, other_line: k.other_line });
  return t("import-skipped-overlap-stored", {
    ...where,
    number: k.other_number ?? 0,
    other: k.other_client ?? "",
    other_start: k.other_start ?? "",
  });
}

/** The figures of a preview or of a finished import. */
function Figures(props: { view: ImportView }) {
  const v = props.view;
  return (
    <div class="import-figures">
      <p class="num" id="import-total">
        {v.sessions > 0 && v.from && v.to
          ? t(v.dry_run ? "import-preview-total" : "import-done-total", { sessions: v.sessions, from: v.from, to: v.to, hours: v.hours })
          : t(v.dry_run ? "import-preview-nothing" : "import-done-nothing")}
      </p>
      {v.clients.length > 0 && (
        <table class="import-clients">
          <caption>{t(v.dry_run ? "import-clients-preview" : "import-clients-done", { created: v.clients_created })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("import-col-client")}</th>
              <th scope="col">{t("import-col-sessions")}</th>
              <th scope="col">{t("import-col-hours")}</th>
              <th scope="col">{t("import-col-rate")}</th>
            </tr>
          </thead>
          <tbody>
            {v.clients.map((c) => (
              <tr key={c.name}>
                <th scope="row">
                  {c.name}
                  {c.created && <span class="badge">{t("import-client-new")}</span>}
                </th>
                <td class="num">{c.sessions}</td>
                <td class="num">{c.hours}</td>
                <td class="num">{c.rate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {v.already_imported > 0 && <p>{t("import-already", { count: v.already_imported })}</p>}
      {v.overlaps > 0 && <p class="flag amber">{t("import-overlaps", { count: v.overlaps })}</p>}
      {v.would_stop && (
        <p class="flag red" id="import-would-stop">
          {t("import-would-stop")}
        </p>
      )}
      {v.skipped.length > 0 && (
        <section aria-labelledby="import-skipped-heading">
          <h3 id="import-skipped-heading">{t("import-skipped", { count: v.skipped.length })}</h3>
          <ul class="import-skipped">
            {v.skipped.map((k) => (
              <li key={`${k.file}:${k.line}`}>{skippedText(k)}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export function ImportWizard(props: ImportWizardProps) {
  const api = props.api ?? defaultApi;
  const [format, setFormat] = useState<Format>("toggl");
  const [path, setPath] = useState("");
  const [clientFrom, setClientFrom] = useState("client");
  const [timezone, setTimezone] = useState("");
  const [clientTag, setClientTag] = useState("");
  const [onOverlap, setOnOverlap] = useState("stop");
  const [step, setStep] = useState<Step>("source");
  const [view, setView] = useState<ImportView | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  // Each step puts the keyboard on its start: the first field, or the step's heading.
  const formatField = useRef<HTMLSelectElement>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const finishButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const target = { source: formatField, preview: previewHeading, done: finishButton, importing: null }[step];
    target?.current?.focus();
  }, [step]);
  useEffect(() => {
    // Stop listening when the wizard closes (at once once the listener is up).
    let unlisten: (() => void) | null = null;
    let closed = false;
    void api.onImportProgress((p) => setProgress(p)).then((off) => {
      if (closed) off();
      else unlisten = off;
    });
    return () => {
      closed = true;
      // Tauri's unlisten is async; a bridge already gone (the window
      // closing) has nothing left to stop.
      void Promise.resolve(unlisten?.()).catch(() => undefined);
    };
  }, []);
  const args = (): ImportArgs => ({
    format,
    path,
    client_from: clientFrom,
    timezone,
    client_tag: clientTag,
    on_overlap: onOverlap,
  });
  const attempt = async (f: () => Promise<void>, back: Step) => {
    setBusy(true);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError(asCommandError(e));
      setStep(back);
    } finally {
      setBusy(false);
    }
  };
  const choose = () =>
    attempt(async () => {
      const chosen = await api.chooseImportSource({ format });
      if (chosen) setPath(chosen);
    }, "source");
  const preview = () =>
    attempt(async () => {
      setView(null);
      setView(await api.previewImport(args()));
      setStep("preview");
    }, "source");
  const run = () =>
    attempt(async () => {
      setProgress({ done: 0, total: 0 });
      setStep("importing");
      const done = await api.runImport(args());
      setView(done);
      setStep("done");
      props.onImported?.(done);
    }, "preview");
  const csv = format === "toggl" || format === "clockify";
  return (
    <section class="panel import-wizard" aria-labelledby="import-heading" aria-busy={busy ? "true" : undefined}>
      <h2 id="import-heading">{t("import-heading")}</h2>
      {step === "source" && (
        <form
          class="grid-form"
          onSubmit={(e) => {
            e.preventDefault();
            void preview();
          }}
        >
          <p class="hint">{t("import-intro")}</p>
          <div class="field">
            <label for="import-format">{t("import-format")}</label>
            <select id="import-format" ref={formatField} value={format} onChange={(e) => setFormat(e.currentTarget.value as Format)}>
              {FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t(`import-format-${f}`)}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for="import-path">{t(format === "timewarrior" ? "import-folder" : "import-file")}</label>
            <div class="row">
              <input
                id="import-path"
                value={path}
                aria-describedby="import-path-hint"
                onInput={(e) => setPath(e.currentTarget.value)}
              />
              <button type="button" id="import-choose" onClick={() => void choose()} disabled={busy}>
                {t("import-choose")}
              </button>
            </div>
            <p class="hint" id="import-path-hint">
              {t(`import-path-hint-${format}`)}
            </p>
          </div>
          <div class="grid-form">
            {csv && (
              <div class="field">
                <label for="import-client-from">{t("import-client-from")}</label>
                <select id="import-client-from" value={clientFrom} onChange={(e) => setClientFrom(e.currentTarget.value)}>
                  <option value="client">{t("import-client-from-client")}</option>
                  <option value="project">{t("import-client-from-project")}</option>
                </select>
              </div>
            )}
            {format === "timewarrior" && (
              <div class="field">
                <label for="import-client-tag">{t("import-client-tag")}</label>
                <input
                  id="import-client-tag"
                  value={clientTag}
                  placeholder="client:"
                  aria-describedby="import-client-tag-hint"
                  onInput={(e) => setClientTag(e.currentTarget.value)}
                />
                <p class="hint" id="import-client-tag-hint">
                  {t("import-client-tag-hint")}
                </p>
              </div>
            )}
            <div class="field">
              <label for="import-timezone">{t("import-timezone")}</label>
              <input
                id="import-timezone"
                value={timezone}
                placeholder="Europe/Paris"
                aria-describedby="import-timezone-hint"
                onInput={(e) => setTimezone(e.currentTarget.value)}
              />
              <p class="hint" id="import-timezone-hint">
                {t("import-timezone-hint")}
              </p>
            </div>
            <div class="field">
              <label for="import-on-overlap">{t("import-on-overlap")}</label>
              <select id="import-on-overlap" value={onOverlap} onChange={(e) => setOnOverlap(e.currentTarget.value)}>
                <option value="stop">{t("import-on-overlap-stop")}</option>
                <option value="skip">{t("import-on-overlap-skip")}</option>
              </select>
            </div>
          </div>
          <div class="row">
            <button type="submit" class="primary" id="import-preview" disabled={busy || !path.trim()}>
              {t("import-preview")}
            </button>
            {props.onClose && (
              <button type="button" onClick={props.onClose}>
                {t("import-close")}
              </button>
            )}
          </div>
        </form>
      )}
      {step === "preview" && view && (
        <>
          <h3 tabIndex={-1} ref={previewHeading}>
            {t("import-preview-heading")}
          </h3>
          <Figures view={view} />
          <div class="row">
            <button
              type="button"
              class="primary"
              id="import-run"
              disabled={busy || view.sessions === 0 || view.would_stop}
              onClick={() => void run()}
            >
              {t("import-run", { sessions: view.sessions })}
            </button>
            <button type="button" onClick={() => setStep("source")}>
              {t("import-back")}
            </button>
          </div>
        </>
      )}
      {step === "importing" && (
        <div class="field" role="status">
          <label for="import-progress">{t("import-progress")}</label>
          <progress
            id="import-progress"
            max={progress.total || 1}
            value={progress.total ? progress.done : undefined}
          />
        </div>
      )}
      {step === "done" && view && (
        <div class="notice done" role="status" id="import-done">
          <Figures view={view} />
          <div class="row">
            <button type="button" class="primary" ref={finishButton} onClick={props.onClose ?? (() => setStep("source"))}>
              {t("import-finish")}
            </button>
          </div>
        </div>
      )}
      {error && (
        <div class="notice refused" role="alert" id="import-error">
          <p>{error.message}</p>
          <p>{t("import-nothing-written")}</p>
        </div>
      )}
    </section>
  );
}
