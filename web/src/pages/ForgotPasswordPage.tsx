// /forgot-password: the firm and the user name or e-mail; identity e-mails a link valid 30
// minutes. The answer is the same whether or not the account exists, and so is the page.
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router";
import { api, ProblemError } from "../api";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useFocusOnChange } from "../components/useFocusOnChange";
import type { Key } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { rememberTenant, rememberedTenant } from "../session/tenant";

type ForgotField = "tenant" | "login";
const FIELDS: ForgotField[] = ["tenant", "login"];
const RESET_LINK_MINUTES = 30; // identity's RESET_PASSWORD_TTL

export function ForgotPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const [values, setValues] = useState<Record<ForgotField, string>>(() => ({
    tenant: rememberedTenant(location.search), login: "",
  }));
  const [errors, setErrors] = useState<Partial<Record<ForgotField, string>>>({});
  const [general, setGeneral] = useState("");
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const sentRef = useFocusOnChange<HTMLDivElement>(sent);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing: Partial<Record<ForgotField, string>> = {};
    for (const field of FIELDS) {
      if (!values[field].trim()) missing[field] = t(`forgot.required.${field}` as Key);
    }
    setGeneral("");
    setErrors(missing);
    if (Object.keys(missing).length) {
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      await api.post("/auth/password-reset", { tenant: values.tenant.trim(), login: values.login.trim() },
        { quiet401: true });
      rememberTenant(values.tenant.trim());
      setSent(true);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const byField: Partial<Record<ForgotField, string>> = {};
      for (const fe of error.errors) {
        const name = fieldName(fe) as ForgotField;
        if (FIELDS.includes(name)) byField[name] = fieldMessage(fe, i18n);
      }
      setErrors(byField);
      setGeneral(Object.keys(byField).length ? "" : problemMessage(error, i18n));
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = general
    ? [{ message: general }]
    : FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: `forgot-${f}`, message: errors[f] ?? "" }));
  const set = (field: ForgotField) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));
  const loginLink = `/login?tenant=${encodeURIComponent(values.tenant.trim() || "demo")}`;

  return (
    <section className="card card--form" aria-labelledby="forgot-title">
      <PageTitle id="forgot-title">{t("forgot.title")}</PageTitle>
      {sent ? (
        <div ref={sentRef} tabIndex={-1} className="focus-target">
          <Notice tone="success" title={t("forgot.sentTitle")}>
            <p>{t("forgot.sent", { minutes: RESET_LINK_MINUTES })}</p>
            <p>{t("forgot.sentSpam")}</p>
          </Notice>
          <p className="form-actions">
            <Link className="button button--primary" to={loginLink}>{t("forgot.backToLogin")}</Link>
            <button type="button" className="button" onClick={() => { setSent(false); setValues((v) => ({ ...v, login: "" })); }}>
              {t("forgot.again")}
            </button>
          </p>
        </div>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          <ErrorSummary title={t("forgot.errorTitle")} items={items} focusKey={focusKey} />
          <form onSubmit={(e) => { void submit(e); }} noValidate className="form">
            <Field id="forgot-tenant" name="tenant" label={t("login.tenant")} hint={t("login.tenantHint")}
              error={errors.tenant} required>
              {(props) => <input {...props} type="text" autoComplete="organization" autoCapitalize="none"
                spellCheck={false} value={values.tenant} onChange={set("tenant")} />}
            </Field>
            <Field id="forgot-login" name="login" label={t("login.username")} error={errors.login} required>
              {(props) => <input {...props} type="text" autoComplete="username" autoCapitalize="none"
                spellCheck={false} inputMode="email" value={values.login} onChange={set("login")} />}
            </Field>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("forgot.submitting") : t("forgot.submit")}
            </button>
            <p className="form-link"><Link to={loginLink}>{t("forgot.backToLogin")}</Link></p>
          </form>
        </>
      )}
    </section>
  );
}
