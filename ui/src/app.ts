// The window: the running timer, the client picker, today's sessions.
// It renders whatever snapshot the Rust side sends; the only local state is
// the one-second tick of the running timer between two snapshots.
import { asCommandError, type Api, type CommandError, type Snapshot } from "./api";
import { clock, human } from "./format";

export interface AppOptions {
  /** Milliseconds from a monotonic clock (tests pass a fake one). */
  now?: () => number;
}

export interface AppHandle {
  render(snapshot: Snapshot): void;
  /** Stops the ticking and the event listeners. */
  dispose(): void;
}

function el<T extends HTMLElement>(root: ParentNode, id: string): T {
  const found = root.querySelector<T>(`#${id}`);
  if (!found) throw new Error(`missing #${id}`);
  return found;
}

export async function startApp(root: ParentNode, api: Api, options: AppOptions = {}): Promise<AppHandle> {
  const now = options.now ?? (() => performance.now());
  const ui = {
    client: el<HTMLParagraphElement>(root, "timer-client"),
    elapsed: el<HTMLParagraphElement>(root, "elapsed"),
    since: el<HTMLParagraphElement>(root, "timer-since"),
    form: el<HTMLFormElement>(root, "start-form"),
    picker: el<HTMLSelectElement>(root, "client-picker"),
    start: el<HTMLButtonElement>(root, "start"),
    stop: el<HTMLButtonElement>(root, "stop"),
    noClients: el<HTMLParagraphElement>(root, "no-clients"),
    notice: el<HTMLElement>(root, "notice"),
    noticeMessage: el<HTMLParagraphElement>(root, "notice-message"),
    overrideForm: el<HTMLFormElement>(root, "override-form"),
    overrideReason: el<HTMLInputElement>(root, "override-reason"),
    dismiss: el<HTMLButtonElement>(root, "notice-dismiss"),
    todayTotal: el<HTMLSpanElement>(root, "today-total"),
    todayList: el<HTMLOListElement>(root, "today-list"),
    todayEmpty: el<HTMLParagraphElement>(root, "today-empty"),
    quit: el<HTMLButtonElement>(root, "quit"),
  };

  // The document the window lives in (root is the document itself in the app).
  const page: Document = (root as Node).ownerDocument ?? (root as Document);
  let current: Snapshot | null = null;
  let receivedAt = now();
  let ticker: ReturnType<typeof setInterval> | null = null;
  let refusedClient: string | null = null;
  let busy = false;

  const runningSeconds = () =>
    current?.running ? current.running.duration_seconds + Math.floor((now() - receivedAt) / 1000) : 0;

  function tick() {
    ui.elapsed.textContent = clock(runningSeconds());
    if (current?.running) {
      // Today's total grows with the running timer (today_seconds already holds
      // only today's part of a session that began before midnight).
      const sinceSnapshot = Math.floor((now() - receivedAt) / 1000);
      ui.todayTotal.textContent = human(current.today_seconds + sinceSnapshot);
      const row = ui.todayList.querySelector<HTMLElement>('[data-running="true"] .duration');
      if (row) row.textContent = human(runningSeconds());
    }
  }

  function render(snapshot: Snapshot) {
    current = snapshot;
    receivedAt = now();
    const running = snapshot.running;

    ui.client.textContent = running ? running.client : "No timer running";
    ui.client.classList.toggle("idle", !running);
    ui.since.textContent = running ? `since ${running.start_local}` : "";
    if (running) ui.client.style.setProperty("--client-color", running.color);

    // Keep the user's pick across refreshes when it still exists.
    const picked = ui.picker.value;
    ui.picker.replaceChildren(
      ...snapshot.clients.map((c) => {
        const option = document.createElement("option");
        option.value = c.name;
        option.textContent = c.name;
        return option;
      }),
    );
    if (snapshot.clients.some((c) => c.name === picked)) ui.picker.value = picked;
    const hasClients = snapshot.clients.length > 0;
    ui.picker.disabled = !hasClients;
    ui.start.disabled = !hasClients || busy;
    ui.noClients.hidden = hasClients;
    ui.stop.disabled = !running || busy;
    ui.stop.textContent = running ? `Stop ${running.client}` : "Stop";

    ui.todayList.replaceChildren(
      ...snapshot.today.map((s) => {
        const li = document.createElement("li");
        li.className = "session";
        li.dataset.running = String(s.end === null);
        li.style.setProperty("--client-color", s.color);
        const dot = document.createElement("span");
        dot.className = "dot";
        dot.setAttribute("aria-hidden", "true");
        const name = document.createElement("span");
        name.className = "name";
        name.textContent = s.client;
        const span = document.createElement("span");
        span.className = "span num";
        span.textContent = `${s.start_local}–${s.end_local ?? "now"}`;
        const duration = document.createElement("span");
        duration.className = "duration num";
        duration.textContent = human(s.duration_seconds);
        li.append(dot, name, span, duration);
        return li;
      }),
    );
    ui.todayEmpty.hidden = snapshot.today.length > 0;
    ui.todayTotal.textContent = human(snapshot.today_seconds);

    syncTicker();
    tick();
  }

  /** Ticks once a second while a timer runs and the window is visible: a
   * hidden window (closed to the tray) costs no repaints. */
  function syncTicker() {
    const wanted = Boolean(current?.running) && !page.hidden;
    if (wanted && ticker === null) ticker = setInterval(tick, 1000);
    if (!wanted && ticker !== null) {
      clearInterval(ticker);
      ticker = null;
    }
  }

  const onVisibility = () => {
    syncTicker();
    if (!page.hidden) tick();
  };
  page.addEventListener("visibilitychange", onVisibility);

  function showError(error: CommandError, client: string | null) {
    ui.notice.hidden = false;
    ui.notice.classList.toggle("refused", error.kind === "refused");
    if (error.kind === "refused" && client) {
      refusedClient = client;
      // The core's refusal is whole sentences (translatable); the picker names the client.
      ui.noticeMessage.textContent = error.message;
      if ([...ui.picker.options].some((o) => o.value === client)) ui.picker.value = client;
      ui.overrideForm.hidden = false;
      ui.overrideReason.value = "";
      ui.overrideReason.focus();
    } else {
      refusedClient = null;
      ui.noticeMessage.textContent = error.message;
      ui.overrideForm.hidden = true;
    }
  }

  function clearNotice() {
    ui.notice.hidden = true;
    ui.overrideForm.hidden = true;
    refusedClient = null;
  }

  async function act(action: () => Promise<Snapshot>, client: string | null) {
    busy = true;
    ui.start.disabled = ui.stop.disabled = true;
    try {
      const snapshot = await action();
      clearNotice();
      busy = false;
      render(snapshot);
    } catch (e) {
      busy = false;
      if (current) render(current);
      showError(asCommandError(e), client);
    }
  }

  ui.form.addEventListener("submit", (event) => {
    event.preventDefault();
    const client = ui.picker.value;
    if (client) void act(() => api.startTimer(client), client);
  });
  ui.stop.addEventListener("click", () => void act(() => api.stopTimer(), null));
  ui.overrideForm.addEventListener("submit", (event) => {
    event.preventDefault();
    const reason = ui.overrideReason.value.trim();
    const client = refusedClient;
    if (client && reason) void act(() => api.startTimer(client, reason), client);
  });
  ui.dismiss.addEventListener("click", () => {
    clearNotice();
    ui.picker.focus();
  });
  ui.quit.addEventListener("click", () => void api.quit());

  const unlisten = await Promise.all([
    api.onStateChanged((snapshot) => render(snapshot)),
    api.onStartRefused((refusal) => showError(refusal.error, refusal.client)),
  ]);

  try {
    render(await api.getState());
  } catch (e) {
    showError(asCommandError(e), null);
  }

  return {
    render,
    dispose() {
      if (ticker !== null) clearInterval(ticker);
      ticker = null;
      page.removeEventListener("visibilitychange", onVisibility);
      unlisten.forEach((u) => u());
    },
  };
}
