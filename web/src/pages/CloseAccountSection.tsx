// "Close my account" (customers only; seed 000: everything contracted must be closed first): the
// current password, a confirmation dialog, then POST /me/close. Closed: the gateway has ended the
// session and the login page says the account is closed. Refused with 409 `active_products`: the
// list of what is still active (policies, cases, invoices), with "close these first or contact
// your firm"; the account stays as it was.
import { useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, ProblemError } from "../api";
import type { Closure, Me } from "../api/types";
import { ActiveProductsNotice } from "../components/ActiveProductsNotice";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { useI18n } from "../i18n/I18nProvider";
import { activeProducts, fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";

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
  const [activeKey, setActiveKey] = useState(0);

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
      <ActiveProductsNotice items={active} title={t("closure.activeTitle")} text={t("closure.activeText")}
        focusKey={activeKey} />
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
      {confirming ? (
        <ConfirmDialog id="close-account-confirm" title={t("closure.confirmTitle")} busy={busy}
          confirmLabel={t("closure.confirmYes")} busyLabel={t("closure.closing")} cancelLabel={t("clientForm.cancel")}
          onConfirm={() => { void close(); }} onCancel={cancel}>
          <p>{t("closure.confirmText")}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
