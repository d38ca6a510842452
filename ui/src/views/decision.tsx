// One question per client the week flags: keep, renegotiate, raise the rate
// (the client's rate, prefilled) or end the engagement (now, or after a
// notice period the user picks), with an optional note; or skip. Once
// answered, the question is not asked again for that week. The core
// validates and records (`record_decision`); the answer returns the week.
import { useState } from "preact/hooks";
import { asCommandError } from "../api";
import type { ChoiceArg, CommandError, QuestionView, WeekSummary } from "../bindings";
import { t } from "../i18n";
import type { SummaryApi } from "../summary_api";

const CHOICES: ChoiceArg[] = ["keep", "renegotiate", "raise_rate", "end_engagement"];

export function Question(props: {
  q: QuestionView;
  /** The week's first day. */
  week: string;
  /** The earliest last day of a notice period. */
  tomorrow: string;
  api: SummaryApi;
  onRecorded(summary: WeekSummary): void;
}) {
  const { q } = props;
  const [choice, setChoice] = useState<ChoiceArg | null>(null);
  const [rate, setRate] = useState(q.rate);
  const [notice, setNotice] = useState(false);
  const [until, setUntil] = useState("");
  const [note, setNote] = useState("");
  const [error, setError] = useState<CommandError | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `q-${q.client_id}`;

  if (q.answered) {
    return (
      <li class="question answered" data-client={q.client} style={{ "--client-color": q.color }}>
        <p>
          <span class="dot" aria-hidden="true" /> {t("review-answered", { choice: q.answered, client: q.client })}
        </p>
      </li>
    );
  }

  const send = async (answer: ChoiceArg) => {
    setBusy(true);
    try {
      const summary = await props.api.recordDecision({
        client_id: q.client_id,
        week: props.week,
        choice: answer,
        note,
        rate: answer === "raise_rate" ? rate : "",
        notice_until: answer === "end_engagement" && notice ? until : "",
      });
      setError(null);
      props.onRecorded(summary);
    } catch (e) {
      setError(asCommandError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="question" data-client={q.client} style={{ "--client-color": q.color }}>
      <form
        id={id}
        onSubmit={(e) => {
          e.preventDefault();
          if (choice) void send(choice);
        }}
      >
        <fieldset>
          <legend>
            <span class="dot" aria-hidden="true" /> {t("review-question", { client: q.client })}
          </legend>
          <ul class="reasons">
            {q.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
          <div class="choices" role="radiogroup" aria-label={t("review-question", { client: q.client })}>
            {CHOICES.map((c) => (
              <div class="field check" key={c}>
                <input
                  type="radio"
                  id={`${id}-${c}`}
                  name={`${id}-choice`}
                  value={c}
                  checked={choice === c}
                  onChange={() => setChoice(c)}
                />
                <label for={`${id}-${c}`}>{t(`review-choice-${c}`)}</label>
              </div>
            ))}
          </div>
          {choice === "raise_rate" && (
            <div class="field">
              <label for={`${id}-rate`}>{t("review-new-rate", { currency: q.currency })}</label>
              <input
                id={`${id}-rate`}
                inputmode="decimal"
                value={rate}
                aria-describedby={`${id}-rate-hint`}
                aria-invalid={error?.field === "rate" ? "true" : undefined}
                onInput={(e) => setRate(e.currentTarget.value)}
              />
              <p class="hint" id={`${id}-rate-hint`}>
                {t("review-new-rate-hint", { rate: q.rate_text })}
              </p>
            </div>
          )}
          {choice === "end_engagement" && (
            <fieldset class="end-when">
              <legend>{t("review-end-when")}</legend>
              <div class="field check">
                <input type="radio" id={`${id}-now`} name={`${id}-end`} checked={!notice} onChange={() => setNotice(false)} />
                <label for={`${id}-now`}>{t("review-end-now")}</label>
              </div>
              <div class="field check">
                <input type="radio" id={`${id}-notice`} name={`${id}-end`} checked={notice} onChange={() => setNotice(true)} />
                <label for={`${id}-notice`}>{t("review-end-notice")}</label>
              </div>
              {notice && (
                <div class="field">
                  <label for={`${id}-until`}>{t("review-notice-until")}</label>
                  <input
                    id={`${id}-until`}
                    class="num"
                    inputMode="numeric"
                    placeholder={t("review-date-placeholder")}
                    aria-describedby={`${id}-until-hint`}
                    value={until}
                    aria-invalid={error?.field === "notice_until" ? "true" : undefined}
                    onInput={(e) => setUntil(e.currentTarget.value)}
                  />
                  <p class="hint" id={`${id}-until-hint`}>
                    {t("review-notice-hint", { date: props.tomorrow })}
                  </p>
                </div>
              )}
              <p class="hint" id={`${id}-frees`}>
                {q.frees_text}
              </p>
            </fieldset>
          )}
          <div class="field">
            <label for={`${id}-note`}>{t("review-note")}</label>
            <textarea id={`${id}-note`} rows={2} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </div>
          {error && (
            <p class="field-error" role="alert" id={`${id}-error`}>
              {error.message}
            </p>
          )}
          <div class="row">
            <button type="submit" class="primary" id={`${id}-record`} disabled={busy || choice === null}>
              {t("review-record")}
            </button>
            <button type="button" id={`${id}-skip`} disabled={busy} onClick={() => void send("skip")}>
              {t("review-skip")}
            </button>
          </div>
        </fieldset>
      </form>
    </li>
  );
}
