// A start the core refused: a modal <dialog> naming each boundary (the core's
// sentence carries the figures); Start stays disabled until a reason is typed.
import { useEffect, useRef, useState } from "preact/hooks";
import { t } from "../i18n";
import type { Refused } from "../store";

/** A boundary's alert kind, whether sent as a name or as `{kind, …figures}`. */
function kindOf(boundary: unknown): string {
  if (typeof boundary === "string") return boundary;
  if (boundary && typeof boundary === "object" && "kind" in boundary) return String(boundary.kind);
  return String(boundary);
}

export function OverrideDialog(props: {
  refusal: Refused;
  busy: boolean;
  onStart(reason: string): void;
  onCancel(): void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
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
  const boundaries = (props.refusal.error.boundaries as unknown[]).map(kindOf);
  return (
    <dialog
      ref={dialog}
      id="override"
      class="override"
      aria-labelledby="override-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (reason.trim()) props.onStart(reason.trim());
        }}
      >
        <h2 id="override-title">{t("override-title")}</h2>
        <p>{t("override-intro")}</p>
        <ul id="override-boundaries">
          {boundaries.map((kind) => (
            <li key={kind} data-kind={kind}>
              {t(`boundary-${kind}`)}
            </li>
          ))}
        </ul>
        <p id="notice-message">{props.refusal.error.message}</p>
        <label for="override-reason">{t("override-reason")}</label>
        <input
          id="override-reason"
          autocomplete="off"
          value={reason}
          autofocus
          onInput={(e) => setReason(e.currentTarget.value)}
        />
        <div class="row">
          <button id="override-start" type="submit" class="primary" disabled={props.busy || !reason.trim()}>
            {t("override-start")}
          </button>
          <button id="override-cancel" type="button" onClick={props.onCancel}>
            {t("override-cancel")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
