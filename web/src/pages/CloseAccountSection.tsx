// "Close my account" (customers only; seed 000: everything contracted must be closed first): the
// current password, a confirmation dialog, then POST /me/close. Closed: the gateway has ended the
// session and the login page says the account is closed. Refused with 409 `active_products`: the
// list of what is still active (policies, cases, invoices), with "close these first or contact
// your firm"; the account stays as it was.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, ProblemError } from "../api";
import type { Closure, Me } from "../api/types";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import { useI18n } from "../i18n/I18nProvider";
import { activeProducts, fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";

/** A modal confirmation (native <dialog>: focus kept inside, Escape cancels); "Cancel" has the
 * focus when it opens, and the caller gets the focus back when it closes. */
function ConfirmDialog({ busy, onConfirm, onCancel }: { busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    cancelRef.current?.focus();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="close-account-confirm-title"
      aria-describedby="close-account-confirm-text"
      onCancel={(event) => { event.preventDefault(); if (!busy) onCancel(); }}>
      <h3 id="close-account-confirm-title" className="dialog__title">{t("closure.confirmTitle")}</h3>
      <p id="close-account-confirm-text">{t("closure.confirmText")}</p>
      <div className="form-actions">
        <button type="button" className="button button--danger" disabled={busy} onClick={onConfirm}>
          {busy ? t("closure.closing") : t("closure.confirmYes")}
        </button>
        <button ref={cancelRef} type="button" className="button" disabled={busy} onClick={onCancel}>
          {t("clientForm.cancel")}
        </button>
      </div>
    </dialog>
  );
}

export function CloseAccountSection({ me }: { me: Me }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { accountClosed } = useSession();
  const navigate = useNavigate();
  const [current, setCurrent] = useState("");
  const [error, setError] = useState("");
  const [general, setGeneral] = useState("");
  const [active, setActive] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const submitRef = useRef<HTMLButtonElement>(null);
  const activeRef = useRef<HTMLDivElement>(null);
  const [activeKey, setActiveKey] = useState(0);

  useEffect(() => {
    if (activeKey) activeRef.current?.focus();
  }, [activeKey]);

  function ask(event: FormEvent) {
    event.preventDefault();
    setGeneral("");
    setActive([]);
    if (!current) {
      setError(t("security.currentRequired"));
      setFocusKey((k) => k + 1);
      return;
    }
    setError("");
    setConfirming(true);
  }

  function cancel() {
    setConfirming(false);
    window.setTimeout(() => submitRef.current?.focus(), 0);
  }

  async function close() {
    setBusy(true);
    try {
      await api.post<Closure>("/me/close", { current_password: current });
      // The gateway has cleared the session cookie: the login page says why the user is there.
      accountClosed();
      navigate("/login", { replace: true, state: { closed: true } });
    } catch (problem) {
      if (!(problem instanceof ProblemError)) throw problem;
      setConfirming(false);
      setCurrent("");
      const items = activeProducts(problem, i18n);
      if (items.length) {
        setActive(items);
        setActiveKey((k) => k + 1);
        return;
      }
      const wrong = problem.errors.find((e) => fieldName(e) === "current_password");
      setError(wrong ? fieldMessage(wrong, i18n) : "");
      setGeneral(wrong ? "" : problemMessage(problem, i18n));
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = general ? [{ message: general }]
    : error ? [{ fieldId: "close-account-current", message: error }] : [];

  return (
    <section className="card card--form-wide card--danger" aria-labelledby="close-account-title" data-testid="close-account">
      <h2 id="close-account-title">{t("closure.title")}</h2>
      <p>{t("closure.intro")}</p>
      <p className="danger-text"><span aria-hidden="true">⚠ </span>{t("closure.warning")}</p>
      {active.length ? (
        <div ref={activeRef} tabIndex={-1} className="focus-target" data-testid="active-products">
          <Notice tone="error" title={t("closure.activeTitle")}>
            <p>{t("closure.activeText")}</p>
            <ul className="active-products">
              {active.map((item) => <li key={item}>{item}</li>)}
            </ul>
          </Notice>
        </div>
      ) : null}
      <ErrorSummary id="close-account-errors" title={t("closure.errorTitle")} items={items} focusKey={focusKey} />
      <form className="form" noValidate onSubmit={ask}>
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <Field id="close-account-current" name="current_password" label={t("security.currentPassword")} error={error} required>
          {(props) => <input {...props} type="password" autoComplete="current-password" value={current}
            onChange={(e) => setCurrent(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button ref={submitRef} type="submit" className="button button--danger" disabled={busy}>{t("closure.submit")}</button>
        </div>
      </form>
      {confirming ? <ConfirmDialog busy={busy} onConfirm={() => { void close(); }} onCancel={cancel} /> : null}
    </section>
  );
}
