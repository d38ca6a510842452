// The summary window's entry (summary.html): the week named in the address
// (`?week=YYYY-MM-DD`, else the week under review), then the view.
import { render } from "preact";
import { summaryApi } from "./summary_api";
import { startSummary } from "./views/summary";

const root = document.getElementById("summary") as HTMLElement;
const week = new URLSearchParams(location.search).get("week");
startSummary(root, summaryApi(), { week }).catch((e: unknown) => {
  render(
    <section class="notice refused" role="alert">
      <p id="summary-failed">{String(e instanceof Error ? e.message : e)}</p>
    </section>,
    root,
  );
});
