// The feedback box (seed 003, "Danos tu opinión"): a small button in the bottom right corner of
// every page of a customer or a quick-access visitor, opening a dialog with a 1–5 rating and an
// optional comment. The page's path (never its query) goes with it.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLocation } from "react-router";
import { api, ProblemError } from "../api";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../i18n/problems";
import { feedbackPage } from "../pages/supportView";
import { Notice } from "./Notice";

const RATINGS = [1, 2, 3, 4, 5] as const;

function FeedbackForm({ onClose }: { onClose: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const ref = useRef<HTMLDialogElement>(null);
  const [rating, setRating] = useState(0);
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!rating) return setError(t("feedback.required.rating"));
    setBusy(true);
    setError(null);
    try {
      await api.post("/feedback", { rating, comment, page: feedbackPage(location.pathname) });
      setSent(true);
    } catch (problem) {
      if (!(problem instanceof ProblemError)) throw problem;
      setError(problem.errors.length ? fieldMessage(problem.errors[0]!, i18n) : problemMessage(problem, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <dialog ref={ref} className="dialog dialog--plain feedback-dialog" aria-labelledby="feedback-title"
      onCancel={(event) => { event.preventDefault(); onClose(); }}>
      <h3 id="feedback-title" className="dialog__title">{t("feedback.title")}</h3>
      {sent ? (
        <>
          <Notice tone="success">{t("feedback.thanks")}</Notice>
          <div className="form-actions">
            <button type="button" className="button" onClick={onClose}>{t("feedback.close")}</button>
          </div>
        </>
      ) : (
        <form className="form" noValidate onSubmit={(e) => { void submit(e); }}>
          <p>{t("feedback.intro")}</p>
          {error ? <Notice tone="error">{error}</Notice> : null}
          <fieldset className="field rating">
            <legend>{t("feedback.rating")}</legend>
            <div className="rating__options">
              {RATINGS.map((value) => (
                <label key={value} className="rating__option">
                  <input type="radio" name="rating" value={value} checked={rating === value}
                    onChange={() => setRating(value)} />
                  <span>{t("feedback.stars", { count: value })}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor="feedback-comment">{t("feedback.comment")} {t("app.optional")}</label>
            <textarea id="feedback-comment" rows={4} maxLength={2000} value={comment}
              onChange={(e) => setComment(e.target.value)} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>{t("feedback.send")}</button>
            <button type="button" className="button" onClick={onClose}>{t("feedback.cancel")}</button>
          </div>
        </form>
      )}
    </dialog>
  );
}

export function FeedbackButton() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button ref={buttonRef} type="button" className="button feedback-button" onClick={() => setOpen(true)}>
        {t("feedback.button")}
      </button>
      {open ? <FeedbackForm onClose={() => { setOpen(false); buttonRef.current?.focus(); }} /> : null}
    </>
  );
}
