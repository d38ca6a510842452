// The watch's questions (issue #11): a timer that ran unwatched (at launch),
// time tracked while the user was away (idle input, a suspend), and "Still
// working?" when the notification could not ask. One modal question at a
// time; the core's sentence names the client and the instants; nothing
// changes until a button is pressed. Also the one-time notice that idle
// detection is unavailable here.
import { useEffect, useRef, useState } from "preact/hooks";
import type { ComponentChildren } from "preact";
import { asCommandError, type AwayQuestion, type WatchView } from "../api";
import { locale, t } from "../i18n";
import { useStore } from "../store";

/** A modal <dialog> that opens itself; Escape does not answer for the user. */
function Question(props: { id: string; title: string; children: ComponentChildren }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) {
      if (typeof d.showModal === "function") d.showModal();
      else d.setAttribute("open", "");
    }
    return () => {
      if (d?.open && typeof d.close === "function") d.close();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      id={props.id}
      class="watch-question"
      aria-labelledby={`${props.id}-title`}
      aria-describedby={`${props.id}-text`}
      onCancel={(e) => e.preventDefault()}
    >
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      {props.children}
    </dialog>
  );
}

function Failure({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} class="watch-error" role="alert">
      {message}
    </p>
  );
}

/** Runs one answer; the error (if any) shows in the dialog. */
function useAnswer() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (call: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
    } catch (e) {
      setError(asCommandError(e).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

function RecoveryDialog({ view }: { view: NonNullable<WatchView["recovery"]> }) {
  const store = useStore();
  const { busy, error, run } = useAnswer();
  const answer = (value: string) => run(() => store.api.answerRecovery({ answer: value }));
  return (
    <Question id="watch-recovery" title={t("watch-recovery-title")}>
      <p id="watch-recovery-text">{view.question}</p>
      <div class="row">
        <button id="watch-recovery-last-seen" type="button" class="primary" disabled={busy} onClick={() => void answer("last-seen")}>
          {t("watch-recovery-last-seen", { time: view.last_seen_time })}
        </button>
        <button id="watch-recovery-keep" type="button" disabled={busy} onClick={() => void answer("keep")}>
          {t("watch-recovery-keep")}
        </button>
        <button id="watch-recovery-now" type="button" disabled={busy} onClick={() => void answer("now")}>
          {t("watch-recovery-now")}
        </button>
      </div>
      <Failure id="watch-recovery-error" message={error} />
    </Question>
  );
}

function AwayDialog({ question }: { question: AwayQuestion }) {
  const store = useStore();
  const snapshot = store.snapshot.value;
  const { busy, error, run } = useAnswer();
  const running = snapshot?.running?.id === question.session_id;
  const others = (snapshot?.clients ?? []).filter((c) => c.name !== question.client && !c.archived);
  const [restart, setRestart] = useState(false);
  const [other, setOther] = useState("");
  const target = other || others[0]?.id || "";
  const answer = (choice: string, extra: { restart?: boolean; client_id?: string } = {}) =>
    run(() =>
      store.api.answerAway({
        session_id: question.session_id,
        from: question.from,
        to: question.to,
        cause: question.cause,
        choice,
        restart: extra.restart ?? false,
        client_id: extra.client_id ?? null,
      }),
    );
  return (
    <Question id="watch-away" title={t(`watch-away-title-${question.cause}`)}>
      <p id="watch-away-text" data-cause={question.cause} data-from={question.from} data-to={question.to}>
        {question.question}
      </p>
      <div class="row">
        <button id="watch-away-keep" type="button" class="primary" disabled={busy} onClick={() => void answer("keep")}>
          {t("watch-away-keep")}
        </button>
        <button id="watch-away-non-billable" type="button" disabled={busy} onClick={() => void answer("non_billable")}>
          {t("watch-away-non-billable")}
        </button>
      </div>
      <fieldset class="watch-choice">
        <legend>{t("watch-away-discard-legend", { from: question.from_time })}</legend>
        {running && (
          <label class="field check">
            <input
              id="watch-away-restart"
              type="checkbox"
              checked={restart}
              onChange={(e) => setRestart(e.currentTarget.checked)}
            />
            {t("watch-away-restart", { client: question.client })}
          </label>
        )}
        <div class="row">
          <button id="watch-away-discard" type="button" disabled={busy} onClick={() => void answer("discard", { restart })}>
            {t("watch-away-discard")}
          </button>
        </div>
      </fieldset>
      {others.length > 0 && (
        <fieldset class="watch-choice">
          <legend>{t("watch-away-reassign-legend")}</legend>
          <div class="row">
            <label for="watch-away-client">
              {t("watch-away-reassign-client")}
            </label>
            <select id="watch-away-client" value={target} onChange={(e) => setOther(e.currentTarget.value)}>
              {others.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            <button
              id="watch-away-reassign"
              type="button"
              disabled={busy || !target}
              onClick={() => void answer("reassign", { client_id: target })}
            >
              {t("watch-away-reassign")}
            </button>
          </div>
        </fieldset>
      )}
      <Failure id="watch-away-error" message={error} />
    </Question>
  );
}

function StillWorkingDialog({ view }: { view: NonNullable<WatchView["still_working"]> }) {
  const store = useStore();
  const { busy, error, run } = useAnswer();
  const answer = (stop: boolean) => run(() => store.api.answerStillWorking({ key: view.key, stop }));
  return (
    <Question id="watch-still" title={t("watch-still-title")}>
      <p id="watch-still-text">{view.question}</p>
      <div class="row">
        <button id="watch-still-stop" type="button" class="primary" disabled={busy} onClick={() => void answer(true)}>
          {t("watch-still-stop")}
        </button>
        <button id="watch-still-keep" type="button" disabled={busy} onClick={() => void answer(false)}>
          {t("watch-still-keep")}
        </button>
      </div>
      <Failure id="watch-still-error" message={error} />
    </Question>
  );
}

function IdleUnavailable() {
  const store = useStore();
  return (
    <section id="watch-idle-unavailable" class="notice" role="status">
      <p>{t("watch-idle-unavailable")}</p>
      <div class="row">
        <button type="button" onClick={() => void store.api.dismissIdleNotice()}>
          {t("watch-dismiss")}
        </button>
      </div>
    </section>
  );
}

/** A view as sent, or an empty one (an older app, a test that answers null). */
function normalize(view: Partial<WatchView> | null | undefined): WatchView {
  return {
    recovery: view?.recovery ?? null,
    away: Array.isArray(view?.away) ? view.away : [],
    still_working: view?.still_working ?? null,
    idle_unavailable: view?.idle_unavailable === true,
  };
}

/** The questions standing: read once, then followed through `watch-changed`. */
export function WatchQuestions() {
  const store = useStore();
  const [view, setView] = useState<WatchView>(normalize(null));
  // The questions are the core's sentences: read them again in a new language.
  const language = locale.value;
  useEffect(() => {
    let live = true;
    const off = store.api.onWatchChanged((next) => live && setView(normalize(next)));
    store.api
      .watchQuestions()
      .then((next) => live && setView(normalize(next)))
      .catch(() => {});
    return () => {
      live = false;
      // The page may be gone already (tests clear the IPC mocks first).
      void off.then((unlisten) => unlisten()).catch(() => {});
    };
  }, [store, language]);
  // One question at a time: the oldest fact first.
  const first = view.away[0];
  return (
    <>
      {view.idle_unavailable && <IdleUnavailable />}
      {view.recovery ? (
        <RecoveryDialog key={`r-${view.recovery.session_id}`} view={view.recovery} />
      ) : first ? (
        <AwayDialog key={`a-${first.session_id}-${first.from}`} question={first} />
      ) : view.still_working ? (
        <StillWorkingDialog key={`s-${view.still_working.key}`} view={view.still_working} />
      ) : null}
    </>
  );
}
