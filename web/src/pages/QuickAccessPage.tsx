// /quick-access: "Consulta rápida" (seed 003). The firm, the process number and the access key
// e-mailed when the case was opened (the e-mail's link fills in the first two) open a limited
// session that shows only that case and the firm's news (/quick-access/case, /quick-access/news).
import { useState, type FormEvent } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { api, ProblemError } from "../api";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import type { Key } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import {
  formatKeyInput, missingFields, prefill, QUICK_ACCESS_FIELDS, QUICK_CASE_PATH,
  type QuickAccessField, type QuickAccessValues,
} from "../quickAccess/quickAccess";
import { rememberTenant, rememberedTenant } from "../session/tenant";

interface LocationState {
  expired?: boolean;
  loggedOut?: boolean;
}

export function QuickAccessPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const navigate = useNavigate();
  const incoming = (location.state ?? {}) as LocationState;
  const [values, setValues] = useState<QuickAccessValues>(() => {
    const fromLink = prefill(location.search);
    return { tenant: fromLink.tenant || rememberedTenant(location.search), process_number: fromLink.process_number,
      access_key: "" };
  });
  const [errors, setErrors] = useState<Partial<Record<QuickAccessField, string>>>({});
  const [general, setGeneral] = useState("");
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);

  function showProblem(error: ProblemError) {
    const byField: Partial<Record<QuickAccessField, string>> = {};
    for (const fe of error.errors) {
      const name = fieldName(fe) as QuickAccessField;
      if (QUICK_ACCESS_FIELDS.includes(name)) byField[name] = fieldMessage(fe, i18n);
    }
    setErrors(byField);
    setGeneral(Object.keys(byField).length ? "" : problemMessage(error, i18n));
    setFocusKey((k) => k + 1);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = missingFields(values);
    setGeneral("");
    setErrors(Object.fromEntries(missing.map((f) => [f, t(`quick.required.${f}` as Key)])));
    if (missing.length) {
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      await api.post("/auth/quick-access", {
        tenant: values.tenant.trim(), process_number: values.process_number.trim(), access_key: values.access_key,
      }, { quiet401: true });
      rememberTenant(values.tenant.trim());
      navigate(QUICK_CASE_PATH, { replace: true });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      showProblem(error);
      setValues((v) => ({ ...v, access_key: "" }));
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = general
    ? [{ message: general }]
    : QUICK_ACCESS_FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: `quick-${f}`, message: errors[f] ?? "" }));
  const quiet = !items.length;
  const set = (field: QuickAccessField) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: field === "access_key" ? formatKeyInput(event.target.value) : event.target.value }));
  const tenantQuery = values.tenant.trim() ? `?tenant=${encodeURIComponent(values.tenant.trim())}` : "";

  return (
    <section className="card card--form" aria-labelledby="quick-title">
      <PageTitle id="quick-title">{t("quick.title")}</PageTitle>
      <p>{t("quick.intro")}</p>
      {incoming.expired && quiet ? <Notice tone="info">{t("quick.expired")}</Notice> : null}
      {incoming.loggedOut && quiet ? <Notice tone="success">{t("app.loggedOut")}</Notice> : null}
      <ErrorSummary title={t("quick.errorTitle")} items={items} focusKey={focusKey} />
      <form onSubmit={(e) => { void submit(e); }} noValidate className="form" data-testid="quick-access-form">
        <Field id="quick-tenant" name="tenant" label={t("login.tenant")} hint={t("login.tenantHint")}
          error={errors.tenant} required>
          {(props) => <input {...props} type="text" autoComplete="organization" autoCapitalize="none"
            spellCheck={false} value={values.tenant} onChange={set("tenant")} />}
        </Field>
        <Field id="quick-process_number" name="process_number" label={t("quick.processNumber")}
          hint={t("quick.processNumberHint")} error={errors.process_number} required>
          {(props) => <input {...props} type="text" autoComplete="off" autoCapitalize="characters"
            spellCheck={false} value={values.process_number} onChange={set("process_number")} />}
        </Field>
        <Field id="quick-access_key" name="access_key" label={t("quick.accessKey")} hint={t("quick.accessKeyHint")}
          error={errors.access_key} required>
          {(props) => <input {...props} type="text" autoComplete="off" autoCapitalize="characters"
            spellCheck={false} className="input--recovery" value={values.access_key} onChange={set("access_key")} />}
        </Field>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("quick.submitting") : t("quick.submit")}
        </button>
      </form>
      <section className="card__aside" aria-labelledby="quick-login-title">
        <h2 id="quick-login-title" className="card__aside-title">{t("quick.fullAccessTitle")}</h2>
        <p>{t("quick.fullAccessText")}</p>
        <Link className="button" to={`/login${tenantQuery}`}>{t("quick.toLogin")}</Link>
      </section>
    </section>
  );
}
