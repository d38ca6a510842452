import { emit } from "@tauri-apps/api/event";
import { fireEvent, screen, waitFor } from "@testing-library/preact";
import { describe, expect, test } from "vitest";
import { EVENTS, type AlertBanner } from "../src/bindings";
import { setLocale } from "../src/i18n";
import { flush, mount, snapshot } from "./fixtures";

const warning: AlertBanner = {
  id: "a1",
  kind: "weekly_cap_warning",
  summary: "Weekly cap: 80 % reached",
  body: "32 h this week, your cap is 40 h.",
};
const reached: AlertBanner = {
  id: "a2",
  kind: "weekly_cap_reached",
  summary: "Weekly cap reached",
  body: "40 h this week, your cap is 40 h. Stop here, or give a reason to go on.",
};

describe("alert banners", () => {
  test("a failed daily backup is told with the core's reason, before or after the window opened", async () => {
    const reason = "cannot write /home/a/gardefou-backups: not a directory";
    await mount((cmd) =>
      cmd === "get_banners"
        ? { alerts: [], notifications_unavailable: false, backup_failed: reason }
        : snapshot(),
    );
    const notice = await waitFor(() => {
      const e = document.getElementById("backup-failed");
      if (!e) throw new Error("no backup notice yet");
      return e;
    });
    expect(notice.textContent).toContain("Today’s automatic backup was not written");
    expect(notice.textContent).toContain(reason);
    fireEvent.click(screen.getByRole("button", { name: "Dismiss the notice about the backup" }));
    await flush();
    expect(document.getElementById("backup-failed")).toBeNull();
    // Told again later (another day's failure): it comes back.
    await emit(EVENTS.backupFailed, "disk full");
    await waitFor(() => expect(document.getElementById("backup-failed")?.textContent).toContain("disk full"));
  });

  test("alerts sent before the window opened show, newer ones on top, each dismissible", async () => {
    await mount((cmd) =>
      cmd === "get_banners" ? { alerts: [warning], notifications_unavailable: false } : snapshot(),
    );
    const first = await screen.findByRole("alert");
    expect(first.textContent).toContain("Weekly cap: 80 % reached");
    expect(first.className).toContain("approaching");
    expect(document.getElementById("notifications-unavailable")).toBeNull();

    await emit(EVENTS.alert, reached);
    await waitFor(() => expect(screen.getAllByRole("alert")).toHaveLength(2));
    const [top, below] = screen.getAllByRole("alert");
    expect(top.textContent).toContain("Weekly cap reached");
    expect(top.className).toContain("crossed");
    expect(below.textContent).toContain("80 %");

    // A reminder of the same alert replaces its banner.
    await emit(EVENTS.alert, { ...warning, body: "33 h this week, your cap is 40 h." });
    await waitFor(() => expect(screen.getAllByRole("alert")[0].textContent).toContain("33 h"));
    expect(screen.getAllByRole("alert")).toHaveLength(2);

    fireEvent.click(screen.getByRole("button", { name: "Dismiss the alert: Weekly cap reached" }));
    await flush();
    expect(screen.getAllByRole("alert")).toHaveLength(1);
  });

  test("banners already shown are told again in the new language, in their places", async () => {
    let lang = "en";
    const french: AlertBanner = {
      ...warning,
      summary: "Plafond de la semaine bientôt atteint",
      body: "32 h cette semaine, votre plafond est de 40 h.",
    };
    await mount((cmd) =>
      cmd === "get_banners"
        ? {
            alerts: [lang === "fr" ? french : warning, reached],
            notifications_unavailable: false,
            backup_failed: lang === "fr" ? "le disque est plein" : "the disk is full",
          }
        : snapshot({ locale: lang }),
    );
    await waitFor(() => expect(screen.getAllByRole("alert")).toHaveLength(3));
    expect(document.getElementById("backup-failed")?.textContent).toContain("the disk is full");
    fireEvent.click(screen.getByRole("button", { name: "Dismiss the alert: Weekly cap reached" }));
    await flush();
    // The user switches to French: the core tells the kept alerts again.
    lang = "fr";
    await emit(EVENTS.stateChanged, snapshot({ locale: "fr" }));
    const banner = () => screen.getAllByRole("alert").find((e) => e.id !== "backup-failed")!;
    await waitFor(() => expect(banner().textContent).toContain("Plafond de la semaine bientôt atteint"));
    expect(banner().textContent).toContain("votre plafond est de 40 h");
    await waitFor(() => expect(document.getElementById("backup-failed")?.textContent).toContain("le disque est plein"));
    // A dismissed banner stays dismissed (the backup notice is an alert too).
    expect(screen.getAllByRole("alert")).toHaveLength(2);
  });

  test("without a notification server the window says so once, in French too", async () => {
    setLocale("fr");
    await mount((cmd) => (cmd === "get_banners" ? { alerts: [], notifications_unavailable: false } : snapshot({ locale: "fr" })));
    expect(document.getElementById("notifications-unavailable")).toBeNull();
    await emit(EVENTS.notificationsUnavailable, null);
    const notice = await waitFor(() => {
      const e = document.getElementById("notifications-unavailable");
      if (!e) throw new Error("no notice yet");
      return e;
    });
    expect(notice.textContent).toContain("Les notifications du bureau ne sont pas disponibles");
    fireEvent.click(screen.getByRole("button", { name: "Fermer le message sur les notifications" }));
    await flush();
    expect(document.getElementById("notifications-unavailable")).toBeNull();
  });
});
