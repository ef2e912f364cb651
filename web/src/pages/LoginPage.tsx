import { useState, type FormEvent } from "react";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ProblemError } from "../api";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import type { Key } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";

const TENANT_KEY = "clientarea.tenant";
const DEFAULT_TENANT = "demo";
type LoginField = "tenant" | "username" | "password";
const FIELDS: LoginField[] = ["tenant", "username", "password"];

function rememberedTenant(search: string): string {
  const fromUrl = new URLSearchParams(search).get("tenant");
  if (fromUrl) return fromUrl;
  try {
    return localStorage.getItem(TENANT_KEY) || DEFAULT_TENANT;
  } catch {
    return DEFAULT_TENANT;
  }
}

interface LocationState {
  from?: string;
  expired?: boolean;
  loggedOut?: boolean;
}

export function LoginPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state, login } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const incoming = (location.state ?? {}) as LocationState;
  const [values, setValues] = useState<Record<LoginField, string>>(() => ({
    tenant: rememberedTenant(location.search), username: "", password: "",
  }));
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<LoginField, string>>>({});
  const [general, setGeneral] = useState("");
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);

  if (state.status === "authenticated" && !busy) return <Navigate to="/app" replace />;

  const target = incoming.from && incoming.from.startsWith("/app") ? incoming.from : "/app";

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<LoginField, string>> = {};
    for (const field of FIELDS) {
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
      await login(values.tenant.trim(), values.username.trim(), values.password);
      try {
        localStorage.setItem(TENANT_KEY, values.tenant.trim());
      } catch {
        // not remembered in private mode
      }
      navigate(target, { replace: true });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const byField: Partial<Record<LoginField, string>> = {};
      for (const fe of error.errors) {
        const name = fieldName(fe) as LoginField;
        if (FIELDS.includes(name)) byField[name] = fieldMessage(fe, i18n);
      }
      setErrors(byField);
      setGeneral(Object.keys(byField).length ? "" : problemMessage(error, i18n));
      setValues((v) => ({ ...v, password: "" }));
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = general
    ? [{ message: general }]
    : FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: `login-${f}`, message: errors[f] ?? "" }));

  const set = (field: LoginField) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  return (
    <section className="card card--form" aria-labelledby="login-title">
      <PageTitle id="login-title">{t("login.title")}</PageTitle>
      <p>{t("login.intro")}</p>
      {incoming.expired && !items.length ? <Notice tone="info">{t("app.sessionExpired")}</Notice> : null}
      {incoming.loggedOut && !items.length ? <Notice tone="success">{t("app.loggedOut")}</Notice> : null}
      <ErrorSummary title={t("login.errorTitle")} items={items} focusKey={focusKey} />
      <form onSubmit={(e) => { void submit(e); }} noValidate className="form" data-testid="login-form">
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
      </form>
    </section>
  );
}
