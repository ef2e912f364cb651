// The login by e-mailed code, once the code was asked for (LoginPage): the six digits, "send a new
// code" after the minute identity asks for, and back to the password. The ticket that binds the
// code to this browser travels in an HttpOnly cookie: nothing here holds it. A right code answers
// like a right password: logged in, or the second step of two-factor authentication.
import { useEffect, useState, type FormEvent } from "react";
import { api, ProblemError } from "../api";
import type { CodeLoginStatus, LoginAnswer } from "../api/types";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import { useFocusOnChange } from "../components/useFocusOnChange";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { loginOutcome } from "./loginFlow";

const SIX_DIGITS = /^\d{6}$/;

export function EmailCodeStep({ status, tenant, login, onSecondStep, onLoggedIn, onRestart }: {
  status: CodeLoginStatus;
  tenant: string;
  login: string;
  onSecondStep: (answer: LoginAnswer) => void;
  onLoggedIn: () => Promise<void>;
  /** Back to the password step; with a message when the sign-in expired. */
  onRestart: (message?: string) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [code, setCode] = useState("");
  const [error, setError] = useState("");
  const [general, setGeneral] = useState("");
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const [resendAt, setResendAt] = useState(() => Date.now() + status.resend_after * 1000);
  const [now, setNow] = useState(() => Date.now());
  const codeRef = useFocusOnChange<HTMLInputElement>(resendAt);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  useEffect(() => {
    codeRef.current?.focus();
  }, [codeRef]);

  const wait = Math.max(0, Math.ceil((resendAt - now) / 1000));

  function show(problem: ProblemError) {
    if (problem.code === "login_ticket_invalid") {
      onRestart(t("login.emailCodeExpired"));
      return;
    }
    const onCode = problem.errors.find((e) => fieldName(e) === "code");
    setError(onCode ? fieldMessage(onCode, i18n) : "");
    setGeneral(onCode ? "" : problem.code === "too_many_codes" ? t("login.emailCodeTooMany") : problemMessage(problem, i18n));
    setFocusKey((k) => k + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral("");
    setResent(false);
    const typed = code.replace(/\s/g, "");
    if (!SIX_DIGITS.test(typed)) {
      setError(t(typed ? "login.emailCodeFormat" : "login.emailCodeRequired"));
      setFocusKey((k) => k + 1);
      return;
    }
    setError("");
    setBusy(true);
    try {
      const answer = await api.post<LoginAnswer>("/auth/login/code/verify", { code: typed }, { quiet401: true });
      if (loginOutcome(answer) === "second_step") {
        onSecondStep(answer);
        return;
      }
      await onLoggedIn();
    } catch (problem) {
      if (!(problem instanceof ProblemError)) throw problem;
      setCode("");
      show(problem);
    } finally {
      setBusy(false);
    }
  }

  async function resend() {
    setGeneral("");
    setError("");
    setBusy(true);
    try {
      const answer = await api.post<CodeLoginStatus>("/auth/login/code/resend", {}, { quiet401: true });
      setResendAt(Date.now() + answer.resend_after * 1000);
      setNow(Date.now());
      setCode("");
      setResent(true);
    } catch (problem) {
      if (!(problem instanceof ProblemError)) throw problem;
      if (problem.retryAfter) setResendAt(Date.now() + problem.retryAfter * 1000);
      show(problem);
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = general ? [{ message: general }]
    : error ? [{ fieldId: "login-email-code", message: error }] : [];

  return (
    <>
      <h2 className="step-title">{t("login.emailCodeTitle")}</h2>
      <p>{t("login.emailCodeIntro", { login, tenant })}</p>
      {resent ? <Notice tone="success">{t("login.emailCodeResent")}</Notice> : null}
      <ErrorSummary id="login-email-code-errors" title={t("login.errorTitle")} items={items} focusKey={focusKey} />
      <form onSubmit={(e) => { void submit(e); }} noValidate className="form" data-testid="login-email-code-form">
        <Field id="login-email-code" name="code" label={t("login.emailCodeField")} hint={t("login.emailCodeHint")}
          error={error} required>
          {(props) => <input {...props} ref={codeRef} type="text" autoComplete="one-time-code" inputMode="numeric"
            className="input--code" maxLength={12} value={code} onChange={(e) => setCode(e.target.value)} />}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("login.verifying") : t("login.verify")}
        </button>
      </form>
      <p className="form-link">
        <button type="button" className="button button--link" disabled={busy || wait > 0}
          onClick={() => { void resend(); }}>{t("login.emailCodeResend")}</button>
      </p>
      {wait > 0 ? <p className="field__hint" aria-live="off">{t("login.emailCodeResendIn", { seconds: String(wait) })}</p> : null}
      <p className="form-link">
        <button type="button" className="button button--link" onClick={() => onRestart()}>{t("login.emailCodeBack")}</button>
      </p>
    </>
  );
}
