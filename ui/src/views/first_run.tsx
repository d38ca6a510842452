// A fresh database: a short welcome, the first client, then the week with
// the defaults filled in. Every step can be skipped; it ends on the timer.
import { useEffect, useState } from "preact/hooks";
import type { SettingsView as Model } from "../api";
import { t } from "../i18n";
import { useStore } from "../store";
import { ClientEditor } from "./clients";
import { RestDaysEditor, WorkingHoursEditor } from "./settings";

type Step = "welcome" | "client" | "week";

export function FirstRun() {
  const store = useStore();
  const [step, setStep] = useState<Step>("welcome");
  const [model, setModel] = useState<Model | null>(null);
  const [cap, setCap] = useState<string>("");
  const [atLogin, setAtLogin] = useState(false);
  useEffect(() => {
    if (step === "week")
      store.api.getSettings().then((m) => {
        setModel(m);
        setCap(m.entries.find((e) => e.key === "weekly_cap")?.value ?? "");
      }, (e) => store.fail(e));
  }, [step]);
  const finish = () => {
    store.welcome.value = false;
    store.view.value = "timer";
  };
  const save = async (key: string, value: string) => store.show(await store.api.setSetting({ key, value }));
  return (
    <section class="view first-run" aria-labelledby="first-run-heading">
      {step === "welcome" && (
        <>
          <h1 id="first-run-heading">{t("welcome-title")}</h1>
          <p>{t("welcome-body")}</p>
          <p class="hint">{t("welcome-import")}</p>
          <div class="field check">
            <input
              id="welcome-autostart"
              type="checkbox"
              checked={atLogin}
              aria-describedby="welcome-autostart-hint"
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setAtLogin(on);
                void save("autostart", on ? "on" : "off").catch((err) => {
                  setAtLogin(!on);
                  store.fail(err);
                });
              }}
            />
            <label for="welcome-autostart">{t("welcome-autostart")}</label>
          </div>
          <p class="hint" id="welcome-autostart-hint">
            {t("welcome-autostart-hint")}
          </p>
          <div class="row">
            <button type="button" class="primary" onClick={() => setStep("client")}>
              {t("welcome-start")}
            </button>
            <button type="button" onClick={finish}>
              {t("welcome-skip")}
            </button>
          </div>
        </>
      )}
      {step === "client" && (
        <>
          <h1 id="first-run-heading">{t("first-client-title")}</h1>
          <p>{t("first-client-body")}</p>
          <ClientEditor
            id="first-client"
            short
            initial={{ name: "", rate: "", currency: "", cap: "", color: "", rounding: "" }}
            submitLabel={t("step-next")}
            onSubmit={async (form) => {
              store.show(await store.api.addClient(form));
              setStep("week");
            }}
          />
          <button type="button" class="quiet" onClick={() => setStep("week")}>
            {t("step-skip")}
          </button>
        </>
      )}
      {step === "week" && (
        <>
          <h1 id="first-run-heading">{t("first-week-title")}</h1>
          <p>{t("first-week-body")}</p>
          {model && (
            <>
              <form
                class="setting"
                onSubmit={(e) => {
                  e.preventDefault();
                  void save("weekly_cap", cap || "none").catch((err) => store.fail(err));
                }}
              >
                <label for="first-weekly-cap" class="setting-label">
                  {t("label-weekly_cap")}
                </label>
                <div class="row">
                  <input id="first-weekly-cap" value={cap} placeholder="40h" onInput={(e) => setCap(e.currentTarget.value)} />
                  <button type="submit">{t("settings-save")}</button>
                </div>
              </form>
              <WorkingHoursEditor initial={model.working_hours} save={(v) => save("working_hours", v)} />
              <RestDaysEditor initial={model.rest_days} save={(v) => save("rest_days", v)} />
            </>
          )}
          <div class="row">
            <button type="button" class="primary" id="first-run-finish" onClick={finish}>
              {t("step-finish")}
            </button>
            <button type="button" class="quiet" onClick={finish}>
              {t("step-skip")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
