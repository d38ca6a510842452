import { render } from "preact";
import { api } from "./api";
import { startApp } from "./app";
import { setLocale, t } from "./i18n";

const root = document.getElementById("app") as HTMLElement;
const failed = new URLSearchParams(location.search);
const reason = failed.get("startup-failed");
if (reason !== null) {
  // The database could not be opened: say why and where (no command can run),
  // in the system's language (the settings cannot be read).
  setLocale(failed.get("locale") ?? "en");
  render(
    <section class="notice refused" role="alert">
      <h1>{t("startup-failed")}</h1>
      <p id="startup-reason">{reason}</p>
      <p class="num">{t("startup-path", { path: failed.get("path") ?? "" })}</p>
    </section>,
    root,
  );
} else {
  startApp(root, api).catch((e: unknown) => {
    // A window that cannot start still says why.
    render(
      <section class="notice refused" role="alert">
        <p id="startup-reason">{String(e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : e)}</p>
      </section>,
      root,
    );
  });
}
