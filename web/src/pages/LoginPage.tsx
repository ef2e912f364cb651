// /login: the firm, the user name or e-mail and the password; then, for a user with two-step
// verification, a second step on the same page: the authenticator app's code, a recovery code or
// a passkey (POST /auth/login/mfa with the first answer's ticket). Instead of the password: a code
// by e-mail (EmailCodeStep) or a passkey, which is complete by itself. The steps' state is
// loginFlow.ts.
import { useReducer, useState, type FormEvent } from "react";
import { Link, Navigate, useLocation, useNavigate } from "react-router";
import { api, ProblemError } from "../api";
import type { CodeLoginStatus } from "../api/types";
import { passkeyFailure, passkeysSupported } from "../account/webauthn";
import { cleanSecondFactorCode, secondFactorCodeProblem } from "../account/twoFactor";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useFocusOnChange } from "../components/useFocusOnChange";
import type { Key } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";
import { rememberTenant, rememberedTenant } from "../session/tenant";
import { EmailCodeStep } from "./EmailCodeStep";
import { initialLoginFlow, loginReducer, ticketSpent } from "./loginFlow";
import { passkeySecondStep, signInWithPasskey } from "./passkeyCalls";

type LoginField = "tenant" | "username" | "password" | "code";
const PASSWORD_FIELDS: LoginField[] = ["tenant", "username", "password"];

interface LocationState {
  from?: string;
  expired?: boolean;
  loggedOut?: boolean;
  closed?: boolean;
}

export function LoginPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, login, completeLogin, reload } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const incoming = (location.state ?? {}) as LocationState;
  const [flow, dispatch] = useReducer(loginReducer, initialLoginFlow);
  const [values, setValues] = useState<Record<LoginField, string>>(() => ({
    tenant: rememberedTenant(location.search), username: "", password: "", code: "",
  }));
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<LoginField, string>>>({});
  const [general, setGeneral] = useState("");
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const [codeStatus, setCodeStatus] = useState<CodeLoginStatus | null>(null);
  // The code field takes the focus when the second step appears and when its hint changes.
  const codeRef = useFocusOnChange<HTMLInputElement>(`${flow.step}:${flow.method}`);

  if (state.status === "authenticated" && !busy) return <Navigate to="/app" replace />;

  const target = incoming.from && incoming.from.startsWith("/app") ? incoming.from : "/app";

  function done() {
    rememberTenant(values.tenant.trim());
    navigate(target, { replace: true });
  }

  function showProblem(error: ProblemError, fields: LoginField[]) {
    const byField: Partial<Record<LoginField, string>> = {};
    for (const fe of error.errors) {
      const name = fieldName(fe) as LoginField;
      if (fields.includes(name)) byField[name] = fieldMessage(fe, i18n);
    }
    setErrors(byField);
    setGeneral(Object.keys(byField).length ? "" : problemMessage(error, i18n));
    setFocusKey((k) => k + 1);
  }

  async function submitPassword(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<LoginField, string>> = {};
    for (const field of PASSWORD_FIELDS) {
      if (!values[field].trim()) missing[field] = t(`login.required.${field}` as Key);
    }
    setGeneral("");
    setErrors(missing);
    if (Object.keys(missing).length) {
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      const result = await login(values.tenant.trim(), values.username.trim(), values.password);
      if (result.status === "done") {
        done();
        return;
      }
      // The password was right; the code comes next. The password is not kept.
      setValues((v) => ({ ...v, password: "", code: "" }));
      dispatch({ type: "answered", answer: result.answer });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      showProblem(error, PASSWORD_FIELDS);
      setValues((v) => ({ ...v, password: "" }));
    } finally {
      setBusy(false);
    }
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    setGeneral("");
    const wrong = secondFactorCodeProblem(values.code, flow.method);
    if (wrong) {
      setErrors({ code: t(wrong) });
      setFocusKey((k) => k + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await completeLogin(flow.ticket, cleanSecondFactorCode(values.code));
      done();
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      if (ticketSpent(error)) {
        // Expired, already used or five wrong codes: back to the password, saying why.
        dispatch({ type: "ticketInvalid" });
        setValues((v) => ({ ...v, password: "", code: "" }));
        setErrors({});
        setGeneral(t("problem.mfa_ticket_invalid"));
        setFocusKey((k) => k + 1);
      } else {
        showProblem(error, ["code"]);
        setValues((v) => ({ ...v, code: "" }));
      }
    } finally {
      setBusy(false);
    }
  }

  function backToPassword(message = "") {
    dispatch({ type: "back" });
    setValues((v) => ({ ...v, password: "", code: "" }));
    setErrors({});
    setGeneral(message);
    if (message) setFocusKey((k) => k + 1);
    else window.setTimeout(() => document.getElementById("login-password")?.focus(), 0);
  }

  /** The firm (and, for a code by e-mail, the user name) must be there before another way in. */
  function missingFor(needed: LoginField[]): boolean {
    const missing: Partial<Record<LoginField, string>> = {};
    for (const field of needed) {
      if (!values[field].trim()) missing[field] = t(`login.required.${field}` as Key);
    }
    setGeneral("");
    setErrors(missing);
    if (Object.keys(missing).length) setFocusKey((k) => k + 1);
    return Object.keys(missing).length > 0;
  }

  async function sendEmailCode() {
    if (missingFor(["tenant", "username"])) return;
    setBusy(true);
    try {
      const status = await api.post<CodeLoginStatus>("/auth/login/code",
        { tenant: values.tenant.trim(), login: values.username.trim() }, { quiet401: true });
      setCodeStatus(status);
      setValues((v) => ({ ...v, password: "", code: "" }));
      dispatch({ type: "emailCodeSent" });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      showProblem(error, ["tenant", "username"]);
    } finally {
      setBusy(false);
    }
  }

  /** A passkey ceremony (first factor or second step), then the session as after a password. */
  async function withPasskey(ceremony: () => Promise<void>, fields: LoginField[]) {
    setGeneral("");
    setErrors({});
    setBusy(true);
    try {
      await ceremony();
      await reload();
      done();
    } catch (error) {
      if (error instanceof ProblemError) {
        const onCredential = error.errors.find((e) => fieldName(e) === "credential");
        if (flow.step === "code" && ticketSpent(error) && error.code === "mfa_ticket_invalid") {
          backToPassword(t("problem.mfa_ticket_invalid"));
        } else if (onCredential) {
          setGeneral(fieldMessage(onCredential, i18n));
          setFocusKey((k) => k + 1);
        } else {
          showProblem(error, fields);
        }
      } else {
        setGeneral(t(`login.passkey.${passkeyFailure(error)}` as Key));
        setFocusKey((k) => k + 1);
      }
    } finally {
      setBusy(false);
    }
  }

  function signInPasskey() {
    if (missingFor(["tenant"])) return;
    void withPasskey(() => signInWithPasskey(values.tenant.trim(), values.username.trim()), ["tenant", "username"]);
  }

  const fields = flow.step === "code" ? (["code"] as LoginField[]) : PASSWORD_FIELDS;
  const items: SummaryItem[] = general
    ? [{ message: general }]
    : fields.filter((f) => errors[f]).map((f) => ({ fieldId: `login-${f}`, message: errors[f] ?? "" }));

  const tenantQuery = values.tenant.trim() ? `?tenant=${encodeURIComponent(values.tenant.trim())}` : "";
  const set = (field: LoginField) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));
  const quiet = !items.length && flow.step === "password";
  // The account was just closed in this tab (whichever navigation brought the user here).
  const closedNow = state.status === "anonymous" && state.reason === "closed";

  return (
    <section className="card card--form" aria-labelledby="login-title">
      <PageTitle id="login-title">{t("login.title")}</PageTitle>
      {flow.step === "password" ? <p>{t("login.intro")}</p> : null}
      {incoming.expired && quiet ? <Notice tone="info">{t("app.sessionExpired")}</Notice> : null}
      {incoming.loggedOut && quiet ? <Notice tone="success">{t("app.loggedOut")}</Notice> : null}
      {(incoming.closed || closedNow) && quiet ? <Notice tone="info">{t("app.accountClosed")}</Notice> : null}

      {flow.step === "emailCode" && codeStatus ? (
        <EmailCodeStep status={codeStatus} tenant={values.tenant.trim()} login={values.username.trim()}
          onSecondStep={(answer) => dispatch({ type: "answered", answer })}
          onLoggedIn={async () => { await reload(); done(); }}
          onRestart={(message) => backToPassword(message ?? "")} />
      ) : flow.step === "code" ? (
        <>
          <h2 className="step-title">{t("login.mfaTitle")}</h2>
          <p>{t(flow.methods.length ? "login.mfaIntro" : "login.mfaIntroPasskey")}</p>
          <ErrorSummary title={t("login.errorTitle")} items={items} focusKey={focusKey} />
          {flow.passkey ? (
            <p>
              <button type="button" className={flow.methods.length ? "button" : "button button--primary"}
                disabled={busy} onClick={() => { void withPasskey(() => passkeySecondStep(flow.ticket), []); }}>
                {t("login.usePasskey")}
              </button>
            </p>
          ) : null}
          {flow.methods.length ? (
          <form onSubmit={(e) => { void submitCode(e); }} noValidate className="form" data-testid="login-code-form">
            <Field id="login-code" name="code" label={t("login.code")}
              hint={t(flow.method === "totp" ? "login.codeHint.totp" : "login.codeHint.recovery_code")}
              error={errors.code} required>
              {(props) => <input {...props} ref={codeRef} type="text" autoComplete="one-time-code"
                inputMode={flow.method === "totp" ? "numeric" : "text"} autoCapitalize="none" spellCheck={false}
                className={flow.method === "totp" ? "input--code" : "input--recovery"}
                value={values.code} onChange={set("code")} />}
            </Field>
            {flow.methods.length > 1 ? (
              <p className="form-link">
                <button type="button" className="button button--link" onClick={() => dispatch({ type: "switchMethod" })}>
                  {flow.method === "totp" ? t("login.useRecovery") : t("login.useApp")}
                </button>
              </p>
            ) : null}
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("login.verifying") : t("login.verify")}
            </button>
            <p className="field__hint">{t("login.mfaLost")}</p>
            <p className="form-link">
              <button type="button" className="button button--link" onClick={() => backToPassword()}>{t("login.mfaBack")}</button>
            </p>
          </form>
          ) : (
            <p className="form-link">
              <button type="button" className="button button--link" onClick={() => backToPassword()}>{t("login.mfaBack")}</button>
            </p>
          )}
        </>
      ) : (
        <>
          <ErrorSummary title={t("login.errorTitle")} items={items} focusKey={focusKey} />
          <form onSubmit={(e) => { void submitPassword(e); }} noValidate className="form" data-testid="login-form">
            <Field id="login-tenant" name="tenant" label={t("login.tenant")} hint={t("login.tenantHint")}
              error={errors.tenant} required>
              {(props) => <input {...props} type="text" autoComplete="organization" autoCapitalize="none"
                spellCheck={false} value={values.tenant} onChange={set("tenant")} />}
            </Field>
            <Field id="login-username" name="username" label={t("login.username")} error={errors.username} required>
              {(props) => <input {...props} type="text" autoComplete="username" autoCapitalize="none"
                spellCheck={false} inputMode="email" value={values.username} onChange={set("username")} />}
            </Field>
            <Field id="login-password" name="password" label={t("login.password")} error={errors.password} required>
              {(props) => <input {...props} type={showPassword ? "text" : "password"} autoComplete="current-password"
                value={values.password} onChange={set("password")} />}
            </Field>
            <div className="checkbox">
              <input id="login-show-password" type="checkbox" checked={showPassword}
                onChange={(e) => setShowPassword(e.target.checked)} />
              <label htmlFor="login-show-password">{t("login.showPassword")}</label>
            </div>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("login.submitting") : t("login.submit")}
            </button>
            <p className="form-link"><Link to={`/forgot-password${tenantQuery}`}>{t("login.forgotPassword")}</Link></p>
          </form>
          <section className="card__aside" aria-labelledby="login-other-title" data-testid="login-other-ways">
            <h2 id="login-other-title" className="card__aside-title">{t("login.otherWays")}</h2>
            <p>{t("login.otherWaysText")}</p>
            <div className="form-actions">
              <button type="button" className="button" disabled={busy} onClick={() => { void sendEmailCode(); }}>
                {t("login.emailCode")}
              </button>
              {passkeysSupported() ? (
                <button type="button" className="button" disabled={busy} onClick={signInPasskey}>
                  {t("login.passkeySignIn")}
                </button>
              ) : null}
            </div>
          </section>
          <section className="card__aside" aria-labelledby="login-register-title">
            <h2 id="login-register-title" className="card__aside-title">{t("login.registerTitle")}</h2>
            <p>{t("login.registerText")}</p>
            <Link className="button" to={`/register${tenantQuery}`}>{t("login.register")}</Link>
          </section>
          <section className="card__aside" aria-labelledby="login-quick-title">
            <h2 id="login-quick-title" className="card__aside-title">{t("login.quickAccessTitle")}</h2>
            <p>{t("login.quickAccessText")}</p>
            <Link className="button" to={`/quick-access${tenantQuery}`}>{t("login.quickAccess")}</Link>
          </section>
        </>
      )}
    </section>
  );
}
