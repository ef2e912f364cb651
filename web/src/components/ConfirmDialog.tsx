// A modal confirmation (native <dialog>: the focus stays inside, Escape cancels unless busy).
// "Cancel" has the focus when it opens; the caller gives the focus back where it was when it
// closes. Without `onConfirm` only the cancel button is left (e.g. to close after a refusal).
import { useEffect, useRef, type ReactNode } from "react";

export function ConfirmDialog({
  id, title, children, busy, confirmLabel, busyLabel, cancelLabel, onConfirm, onCancel, tone = "danger",
  describedByBody = true,
}: {
  /** Prefix of the ids of the title and the text (`<id>-title`, `<id>-text`). */
  id: string;
  title: string;
  children: ReactNode;
  busy: boolean;
  confirmLabel?: string;
  busyLabel?: string;
  cancelLabel: string;
  onConfirm?: () => void;
  onCancel: () => void;
  tone?: "danger" | "plain";
  /** The body is the dialog's description (a question's explanation); not when it is a form,
   * whose controls have their own labels and hints. */
  describedByBody?: boolean;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className={tone === "danger" ? "dialog" : "dialog dialog--plain"}
      aria-labelledby={`${id}-title`} aria-describedby={describedByBody ? `${id}-text` : undefined}
      onCancel={(event) => { event.preventDefault(); if (!busy) onCancel(); }}>
      <h3 id={`${id}-title`} className="dialog__title">{title}</h3>
      <div id={`${id}-text`} className="dialog__body">{children}</div>
      <div className="form-actions">
        {onConfirm ? (
          <button type="button" className={tone === "danger" ? "button button--danger" : "button button--primary"}
            disabled={busy} onClick={onConfirm}>
            {busy ? busyLabel ?? confirmLabel : confirmLabel}
          </button>
        ) : null}
        <button ref={cancelRef} type="button" className="button" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </dialog>
  );
}
