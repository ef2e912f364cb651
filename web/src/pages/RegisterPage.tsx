// /register: self-registration in three steps on one route (seed 003). 1. the e-mail the firm
// has on file; 2. the six-digit code e-mailed to it (a validation code, not the password), with
// "send a new code" once the API allows it; 3. the password twice, after which the user is
// logged in and taken to the home page. Each step change moves the focus to its heading.
import { useEffect, useReducer, useState, type FormEvent } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { api, ProblemError } from "../api";
import type { RegistrationStatus } from "../api/types";
import { checkNewPassword, passwordProblems, passwordSummary, type PasswordErrors } from "../account/newPassword";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { NewPasswordFields, type NewPasswordValues } from "../components/NewPasswordFields";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useFocusOnChange } from "../components/useFocusOnChange";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";
import { rememberTenant, rememberedTenant } from "../session/tenant";
import {
  CODE_PATTERN, REGISTER_STEPS, cleanCode, initialRegisterState, registerReducer, secondsUntil, stepNumber,
  type RegisterStep,
} from "./registerFlow";

const STEP_TITLES = {
  email: "register.step.email",
  code: "register.step.code",
  password: "register.step.password",
} as const;

function StepList({ current }: { current: RegisterStep }) {
  const { t } = useI18n();
  const currentIndex = REGISTER_STEPS.indexOf(current);
  return (
    <ol className="steps" aria-label={t("register.stepsLabel")}>
      {REGISTER_STEPS.map((step, index) => (
        <li key={step} className={`steps__item${index === currentIndex ? " steps__item--current" : ""}${index < currentIndex ? " steps__item--done" : ""}`}
          aria-current={index === currentIndex ? "step" : undefined}>
          <span className="steps__number" aria-hidden="true">{index < currentIndex ? "✓" : index + 1}</span>
          <span>{t(STEP_TITLES[step])}{index < currentIndex ? <span className="visually-hidden"> ({t("register.stepDone")})</span> : null}</span>
        </li>
      ))}
    </ol>
  );
}

export function RegisterPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state: session, reload } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [flow, dispatch] = useReducer(registerReducer, location.search,
    (search: string) => initialRegisterState(rememberedTenant(search)));
  const [tenant, setTenant] = useState(flow.tenant);
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [passwords, setPasswords] = useState<NewPasswordValues>({ password: "", repeat: "" });
  const [errors, setErrors] = useState<Partial<Record<"tenant" | "email" | "code", string>> & PasswordErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [mustRestart, setMustRestart] = useState(false);
  const [accountExists, setAccountExists] = useState(false);
  const [flash, setFlash] = useState("");
  const [busy, setBusy] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const headingRef = useFocusOnChange<HTMLHeadingElement>(flow.step);

  // The "new code" countdown: a tick a second while it runs.
  const waiting = flow.step === "code" && flow.resendAt > now;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [waiting]);

  if (session.status === "authenticated" && !busy && !finishing) return <Navigate to="/app" replace />;

  function clearMessages() {
    setErrors({});
    setGeneral([]);
    setFlash("");
    setMustRestart(false);
    setAccountExists(false);
  }

  function fail(found: typeof errors, messages: string[] = []) {
    setErrors(found);
    setGeneral(messages);
    setFocusKey((k) => k + 1);
  }

  /** Messages for the API's errors; a registration that expired can only start again. */
  function handle(error: unknown, fields: string[]) {
    if (!(error instanceof ProblemError)) throw error;
    const found: typeof errors = {};
    const messages: string[] = [];
    for (const fe of error.errors) {
      const name = fieldName(fe);
      if (name === "registration_id") setMustRestart(true);
      if (fields.includes(name)) found[name as "email"] = fieldMessage(fe, i18n);
      else messages.push(fieldMessage(fe, i18n));
    }
    if (!error.errors.length) messages.push(problemMessage(error, i18n));
    if (error.code === "too_many_codes") setMustRestart(true);
    fail(found, messages);
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    clearMessages();
    const found: typeof errors = {};
    if (!tenant.trim()) found.tenant = t("login.required.tenant");
    if (!email.trim()) found.email = t("register.emailRequired");
    if (Object.keys(found).length) return fail(found);
    setBusy(true);
    try {
      const status = await api.post<RegistrationStatus>("/auth/registrations",
        { tenant: tenant.trim(), email: email.trim(), locale: i18n.language }, { quiet401: true });
      rememberTenant(tenant.trim());
      setCode("");
      setNow(Date.now());
      dispatch({ type: "started", tenant: tenant.trim(), email: email.trim(), status, now: Date.now() });
    } catch (error) {
      handle(error, ["tenant", "email"]);
    } finally {
      setBusy(false);
    }
  }

  async function resend() {
    clearMessages();
    setBusy(true);
    try {
      const status = await api.post<RegistrationStatus>(
        `/auth/registrations/${encodeURIComponent(flow.registrationId)}/resend`, {}, { quiet401: true });
      setNow(Date.now());
      dispatch({ type: "resent", status, now: Date.now() });
      setCode("");
      setFlash(t("register.codeResent", { email: flow.email }));
      // The button just became disabled (the countdown restarts): continue in the code field.
      document.getElementById("register-code")?.focus();
    } catch (error) {
      if (error instanceof ProblemError && error.code === "resend_too_soon" && error.retryAfter) {
        setNow(Date.now());
        dispatch({ type: "resendRefused", retryAfter: error.retryAfter, now: Date.now() });
      }
      handle(error, []);
    } finally {
      setBusy(false);
    }
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    clearMessages();
    const typed = cleanCode(code);
    if (!typed) return fail({ code: t("register.codeRequired") });
    if (!CODE_PATTERN.test(typed)) return fail({ code: t("register.codeShape") });
    setBusy(true);
    try {
      const status = await api.post<RegistrationStatus>(
        `/auth/registrations/${encodeURIComponent(flow.registrationId)}/verify`, { code: typed }, { quiet401: true });
      if (status.verified) dispatch({ type: "verified" });
    } catch (error) {
      handle(error, ["code"]);
    } finally {
      setBusy(false);
    }
  }

  async function complete(event: FormEvent) {
    event.preventDefault();
    clearMessages();
    const found = checkNewPassword(passwords, t);
    if (Object.keys(found).length) return fail(found);
    setBusy(true);
    try {
      await api.post(`/auth/registrations/${encodeURIComponent(flow.registrationId)}/complete`,
        { password: passwords.password, password_confirmation: passwords.repeat }, { quiet401: true });
      setFinishing(true);
      await reload();
      navigate("/app", { replace: true });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const split = passwordProblems(error, i18n);
      if (split.other.includes("registration_id")) setMustRestart(true);
      if (error.code === "account_exists") setAccountExists(true);
      fail(split.fields, split.general);
    } finally {
      setBusy(false);
    }
  }

  function restart() {
    clearMessages();
    setEmail(flow.email);
    setCode("");
    setPasswords({ password: "", repeat: "" });
    dispatch({ type: "restart" });
  }

  const fieldItems = (fields: string[], prefix: string): SummaryItem[] => fields
    .filter((f) => errors[f as keyof typeof errors])
    .map((f) => ({ fieldId: `${prefix}-${f}`, message: errors[f as keyof typeof errors] ?? "" }));
  const items: SummaryItem[] = flow.step === "password"
    ? passwordSummary(general, errors, "register")
    : [...general.map((message) => ({ message })),
      ...fieldItems(flow.step === "email" ? ["tenant", "email"] : ["code"], "register")];
  const resendIn = secondsUntil(flow.resendAt, now);
  const heading = t("register.stepHeading", {
    number: stepNumber(flow.step), total: REGISTER_STEPS.length, title: t(STEP_TITLES[flow.step]),
  });

  return (
    <section className="card card--form" aria-labelledby="register-title">
      <PageTitle id="register-title">{t("register.title")}</PageTitle>
      <StepList current={flow.step} />
      <h2 ref={headingRef} tabIndex={-1} className="step-title" id="register-step-title">{heading}</h2>
      {flash ? <Notice tone="success">{flash}</Notice> : null}
      <ErrorSummary title={t("register.errorTitle")} items={items} focusKey={focusKey} />
      {mustRestart || accountExists ? (
        <p className="form-actions">
          {mustRestart ? <button type="button" className="button" onClick={restart}>{t("register.restart")}</button> : null}
          {accountExists ? <>
            <Link className="button" to="/login">{t("forgot.backToLogin")}</Link>
            <Link to="/forgot-password">{t("login.forgotPassword")}</Link>
          </> : null}
        </p>
      ) : null}

      {flow.step === "email" ? (
        <>
          <p>{t("register.emailIntro")}</p>
          <form onSubmit={(e) => { void start(e); }} noValidate className="form">
            <Field id="register-tenant" name="tenant" label={t("login.tenant")} hint={t("login.tenantHint")}
              error={errors.tenant} required>
              {(props) => <input {...props} type="text" autoComplete="organization" autoCapitalize="none"
                spellCheck={false} value={tenant} onChange={(e) => setTenant(e.target.value)} />}
            </Field>
            <Field id="register-email" name="email" label={t("field.email")} hint={t("register.emailHint")}
              error={errors.email} required>
              {(props) => <input {...props} type="email" autoComplete="email" autoCapitalize="none"
                spellCheck={false} value={email} onChange={(e) => setEmail(e.target.value)} />}
            </Field>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("register.sending") : t("register.sendCode")}
            </button>
            <p className="form-link">{t("register.haveAccount")} <Link to="/login">{t("setPassword.goToLogin")}</Link></p>
          </form>
        </>
      ) : null}

      {flow.step === "code" ? (
        <>
          <p>{t("register.codeIntro", { email: flow.email })}</p>
          <p>{t("register.codeNotPassword", { wait: i18n.formatWait(flow.codeValidFor) })}</p>
          <form onSubmit={(e) => { void verify(e); }} noValidate className="form">
            <Field id="register-code" name="code" label={t("register.code")} hint={t("register.codeHint")}
              error={errors.code} required>
              {(props) => <input {...props} type="text" inputMode="numeric" autoComplete="one-time-code"
                className="input--code" value={code} onChange={(e) => setCode(e.target.value)} />}
            </Field>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("register.checking") : t("register.checkCode")}
            </button>
          </form>
          <div className="resend">
            <h3 className="resend__title">{t("register.noCode")}</h3>
            <p className="field__hint">{t("register.noCodeText")}</p>
            <div className="form-actions">
              <button type="button" className="button" disabled={busy || resendIn > 0} aria-describedby="register-resend-wait"
                onClick={() => { void resend(); }}>
                {t("register.resend")}
              </button>
              <button type="button" className="button button--link" onClick={restart}>{t("register.changeEmail")}</button>
            </div>
            <p id="register-resend-wait" className="field__hint">
              {resendIn > 0 ? t("register.resendIn", { wait: i18n.formatWait(resendIn) }) : ""}
            </p>
          </div>
        </>
      ) : null}

      {flow.step === "password" ? (
        <>
          <p>{t("register.passwordIntro", { email: flow.email })}</p>
          <form onSubmit={(e) => { void complete(e); }} noValidate className="form">
            <input type="email" name="username" autoComplete="username" value={flow.email} readOnly hidden />
            <NewPasswordFields idPrefix="register" values={passwords} errors={errors}
              onChange={(field, value) => setPasswords((v) => ({ ...v, [field]: value }))}
              username={flow.email} email={flow.email} />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("register.creating") : t("register.create")}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}
