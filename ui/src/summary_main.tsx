// The summary window's entry (summary.html): the week named in the address
// (`?week=YYYY-MM-DD`, else the week under review), then the view.
import { render } from "preact";
import { summaryApi } from "./summary_api";
import { ExportDialog } from "./views/export_dialog";
import { startSummary } from "./views/summary";

const root = document.getElementById("summary") as HTMLElement;
const week = new URLSearchParams(location.search).get("week");
// Export: the main window's dialog, on the week shown.
const exportPanel = (s: { first_day: string; last_day: string }, close: () => void) => (
  <ExportDialog initial={{ from: s.first_day, to: s.last_day }} onClose={close} />
);
startSummary(root, summaryApi(), { week, exportPanel }).catch((e: unknown) => {
  render(
    <section class="notice refused" role="alert">
      <p id="summary-failed">{String(e instanceof Error ? e.message : e)}</p>
    </section>,
    root,
  );
});
