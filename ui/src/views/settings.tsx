// Settings: every key with a real editor. Each field keeps its draft, saves
// on its own and shows the core's refusal under itself; what is saved is
// what `gardefou settings show` prints (the view shows the canonical value).
import { useEffect, useRef, useState } from "preact/hooks";
import { asCommandError, type BlockView, type CommandError, type SettingsView as Model } from "../api";
import { has, t } from "../i18n";
import { ImportWizard } from "./import_wizard";

/** A key's label; a key the catalogue does not know yet shows its name. */
const labelOf = (key: string) => (has(`label-${key}`) ? t(`label-${key}`) : t("label-other", { key }));

/** The settings table's help line for a key (locales/{en,fr}/settings.ftl), if any. */
function helpOf(key: string): string | null {
  const id = `setting-${key.replace(/_/g, "-")}`;
  return has(id) ? t(id) : null;
}
import { useStore } from "../store";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** `mon 09:00-12:30,13:30-18:00; tue off; …`: one clause per day (the core canonicalises). */
export function workingHoursText(days: BlockView[][]): string {
  return days
    .map((blocks, i) => `${DAYS[i]} ${blocks.length ? blocks.map((b) => `${b.from}-${b.to}`).join(",") : "off"}`)
    .join("; ");
}

export function restDaysText(days: boolean[]): string {
  const picked = DAYS.filter((_, i) => days[i]);
  return picked.length ? picked.join(",") : "none";
}

function Field(props: {
  k: string;
  value: string;
  save(key: string, value: string): Promise<void>;
  children: (draft: string, set: (v: string) => void, id: string, describedBy?: string) => preact.ComponentChildren;
  /** Editors that save as soon as they change (selects, checkboxes). */
  instant?: boolean;
}) {
  const [draft, setDraft] = useState(props.value);
  const [error, setError] = useState<CommandError | null>(null);
  const [saved, setSaved] = useState(false);
  // A change made elsewhere (the CLI) shows, unless the field holds an unsaved draft.
  const base = useRef(props.value);
  useEffect(() => {
    if (props.value === base.current) return;
    setDraft((d) => (d === base.current ? props.value : d));
    base.current = props.value;
  }, [props.value]);
  const id = `setting-${props.k}`;
  const save = async (value: string) => {
    try {
      // What is saved comes back in its canonical form: adopt it then.
      base.current = value;
      await props.save(props.k, value);
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(asCommandError(e));
      setSaved(false);
    }
  };
  const set = (v: string) => {
    setDraft(v);
    setSaved(false);
    if (props.instant) void save(v);
  };
  return (
    <form
      class="setting"
      data-key={props.k}
      onSubmit={(e) => {
        e.preventDefault();
        void save(draft);
      }}
    >
      <label for={id} class="setting-label">
        {labelOf(props.k)}
      </label>
      <div class="row">
        {props.children(draft, set, id, error ? `${id}-error` : undefined)}
        {!props.instant && (
          <button type="submit" aria-label={`${t("settings-save")}: ${labelOf(props.k)}`}>
            {t("settings-save")}
          </button>
        )}
      </div>
      {helpOf(props.k) && (
        <p class="hint" id={`${id}-help`}>
          {helpOf(props.k)}
        </p>
      )}
      {error && (
        <p class="field-error" role="alert" id={`${id}-error`}>
          {error.message}
        </p>
      )}
      {saved && !error && (
        <p class="hint" role="status">
          {t("settings-saved")}
        </p>
      )}
    </form>
  );
}

function text(draft: string, set: (v: string) => void, id: string, describedBy?: string) {
  return (
    <input
      id={id}
      value={draft}
      aria-describedby={describedBy}
      aria-invalid={describedBy ? "true" : undefined}
      onInput={(e) => set(e.currentTarget.value)}
    />
  );
}

function TimezoneEditor(props: { zones: string[]; draft: string; set(v: string): void; id: string }) {
  const [query, setQuery] = useState("");
  const q = query.trim().toLowerCase().replace(/ /g, "_");
  const matches = props.zones.filter((z) => !q || z.toLowerCase().includes(q)).slice(0, 200);
  return (
    <div class="tz">
      <input
        type="search"
        aria-label={t("timezone-search")}
        value={query}
        placeholder="Paris"
        onInput={(e) => setQuery(e.currentTarget.value)}
      />
      <select id={props.id} size={5} value={props.draft} onChange={(e) => props.set(e.currentTarget.value)}>
        {!matches.includes(props.draft) && <option value={props.draft}>{props.draft}</option>}
        {matches.map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
    </div>
  );
}

export function WorkingHoursEditor(props: {
  initial: BlockView[][];
  save(value: string): Promise<void>;
}) {
  const [days, setDays] = useState<BlockView[][]>(props.initial);
  const [error, setError] = useState<CommandError | null>(null);
  const [saved, setSaved] = useState(false);
  const update = (i: number, blocks: BlockView[]) => {
    setDays(days.map((b, j) => (j === i ? blocks : b)));
    setSaved(false);
  };
  return (
    <form
      class="setting"
      data-key="working_hours"
      aria-labelledby="wh-label"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await props.save(workingHoursText(days));
          setError(null);
          setSaved(true);
        } catch (err) {
          setError(asCommandError(err));
        }
      }}
    >
      <p id="wh-label" class="setting-label">
        {t("label-working_hours")}
      </p>
      {days.map((blocks, i) => {
        const day = t(`day-${DAYS[i]}`);
        return (
          <fieldset key={DAYS[i]} class="day-hours">
            <legend>{day}</legend>
            <div class="field check">
              <input
                id={`wh-${DAYS[i]}-off`}
                type="checkbox"
                checked={blocks.length === 0}
                onChange={(e) => update(i, e.currentTarget.checked ? [] : [{ from: "09:00", to: "18:00" }])}
              />
              <label for={`wh-${DAYS[i]}-off`}>{t("day-off")}</label>
            </div>
            {blocks.map((b, k) => (
              <div class="row block" key={k}>
                <label for={`wh-${DAYS[i]}-${k}-from`}>{t("block-from")}</label>
                <input
                  id={`wh-${DAYS[i]}-${k}-from`}
                  class="time num"
                  value={b.from}
                  onInput={(e) => update(i, blocks.map((x, j) => (j === k ? { ...x, from: e.currentTarget.value } : x)))}
                />
                <label for={`wh-${DAYS[i]}-${k}-to`}>{t("block-to")}</label>
                <input
                  id={`wh-${DAYS[i]}-${k}-to`}
                  class="time num"
                  value={b.to}
                  onInput={(e) => update(i, blocks.map((x, j) => (j === k ? { ...x, to: e.currentTarget.value } : x)))}
                />
                <button
                  type="button"
                  aria-label={`${t("block-remove")} (${day})`}
                  onClick={() => update(i, blocks.filter((_, j) => j !== k))}
                >
                  −
                </button>
              </div>
            ))}
            {blocks.length > 0 && (
              <button
                type="button"
                class="quiet"
                aria-label={`${t("block-add")} (${day})`}
                onClick={() => update(i, [...blocks, { from: "14:00", to: "18:00" }])}
              >
                + {t("block-add")}
              </button>
            )}
          </fieldset>
        );
      })}
      {error && (
        <p class="field-error" role="alert">
          {error.message}
        </p>
      )}
      {saved && !error && (
        <p class="hint" role="status">
          {t("settings-saved")}
        </p>
      )}
      <button type="submit" class="primary">
        {t("settings-save")}: {t("label-working_hours")}
      </button>
    </form>
  );
}

export function RestDaysEditor(props: { initial: boolean[]; save(value: string): Promise<void> }) {
  const [days, setDays] = useState(props.initial);
  const [error, setError] = useState<CommandError | null>(null);
  return (
    <fieldset class="setting" data-key="rest_days">
      <legend class="setting-label">{t("label-rest_days")}</legend>
      <div class="row">
        {DAYS.map((d, i) => (
          <div class="field check" key={d}>
            <input
              id={`rest-${d}`}
              type="checkbox"
              checked={days[i]}
              onChange={async (e) => {
                const next = days.map((v, j) => (j === i ? e.currentTarget.checked : v));
                setDays(next);
                try {
                  await props.save(restDaysText(next));
                  setError(null);
                } catch (err) {
                  setError(asCommandError(err));
                }
              }}
            />
            <label for={`rest-${d}`}>{t(`day-${d}`)}</label>
          </div>
        ))}
      </div>
      {error && (
        <p class="field-error" role="alert">
          {error.message}
        </p>
      )}
    </fieldset>
  );
}

export function SettingsView() {
  const store = useStore();
  const [model, setModel] = useState<Model | null>(null);
  const [importing, setImporting] = useState(false);
  const changes = store.changes.value;
  useEffect(() => {
    store.api.getSettings().then(setModel, (e) => store.fail(e));
  }, [changes]);
  if (!model) return <section class="view" aria-busy="true" />;
  // The saved value comes back through the reload on `changes` (canonical form).
  const save = async (key: string, value: string) => store.show(await store.api.setSetting({ key, value }));
  return (
    <section class="view settings" aria-labelledby="settings-heading">
      <h1 id="settings-heading">{t("settings-heading")}</h1>
      {importing ? (
        <ImportWizard onClose={() => setImporting(false)} />
      ) : (
        <div class="row between">
          <p class="hint">{t("settings-import-hint")}</p>
          <button type="button" id="settings-import" onClick={() => setImporting(true)}>
            {t("settings-import")}
          </button>
        </div>
      )}
      {model.entries.map(({ key, value: v }) => {
        switch (key) {
          case "working_hours":
            return <WorkingHoursEditor key={`${key}:${v}`} initial={model.working_hours} save={(x) => save(key, x)} />;
          case "rest_days":
            return <RestDaysEditor key={`${key}:${v}`} initial={model.rest_days} save={(x) => save(key, x)} />;
          case "timezone":
            return (
              <Field key={key} k={key} value={v} save={save}>
                {(draft, set, id) => <TimezoneEditor zones={model.timezones} draft={draft} set={set} id={id} />}
              </Field>
            );
          case "week_start":
          case "locale":
            return (
              <Field key={key} k={key} value={v} save={save} instant>
                {(draft, set, id) => (
                  <select id={id} value={draft} onChange={(e) => set(e.currentTarget.value)}>
                    {(key === "locale" ? ["en", "fr"] : ["monday", "sunday"]).map((o) => (
                      <option key={o} value={o}>
                        {t(key === "locale" ? `locale-${o}` : `week-start-${o}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            );
          case "notifications":
          case "autostart":
            return (
              <Field key={key} k={key} value={v} save={save} instant>
                {(draft, set, id) => (
                  <select id={id} value={draft} onChange={(e) => set(e.currentTarget.value)}>
                    <option value="on">{t("on")}</option>
                    <option value="off">{t("off")}</option>
                  </select>
                )}
              </Field>
            );
          default:
            return (
              <Field key={key} k={key} value={v} save={save}>
                {text}
              </Field>
            );
        }
      })}
    </section>
  );
}
