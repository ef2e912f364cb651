// The page of the "access granted" e-mail's link: /set-password?token=…; the password twice.
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router";
import { api, ProblemError } from "../api";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";

export const PASSWORD_MIN_LENGTH = 12; // identity's policy (services/identity domain.py)
type PasswordField = "password" | "repeat";

export function SetPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const token = new URLSearchParams(location.search).get("token") ?? "";
  const [values, setValues] = useState<Record<PasswordField, string>>({ password: "", repeat: "" });
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: Partial<Record<PasswordField, string>> = {};
    if (!values.password) found.password = t("setPassword.required");
    else if (values.password.length < PASSWORD_MIN_LENGTH) {
      found.password = t("setPassword.tooShort", { min: PASSWORD_MIN_LENGTH });
    }
    if (!values.repeat) found.repeat = t("setPassword.required");
    else if (values.password && values.repeat !== values.password) found.repeat = t("setPassword.mismatch");
    setErrors(found);
    setGeneral([]);
    if (Object.keys(found).length) {
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      const answer = await api.post<{ username: string }>("/auth/set-password",
        { token, password: values.password, password_confirmation: values.repeat }, { quiet401: true });
      setDone(answer.username);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const byField: Partial<Record<PasswordField, string>> = {};
      const rest: string[] = [];
      for (const fe of error.errors) {
        if (fieldName(fe) === "password") byField.password = fieldMessage(fe, i18n);
        else rest.push(fieldMessage(fe, i18n));
      }
      if (!error.errors.length) rest.push(problemMessage(error, i18n));
      setErrors(byField);
      setGeneral(rest);
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...(["password", "repeat"] as const).filter((f) => errors[f])
      .map((f) => ({ fieldId: `set-password-${f}`, message: errors[f] ?? "" })),
  ];
  const set = (field: PasswordField) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  return (
    <section className="card card--form" aria-labelledby="set-password-title">
      <PageTitle id="set-password-title">{t("setPassword.title")}</PageTitle>
      {done !== null ? (
        <>
          <Notice tone="success">{t("setPassword.done", { username: done })}</Notice>
          <p><Link className="button button--primary" to="/login">{t("setPassword.goToLogin")}</Link></p>
        </>
      ) : !token ? (
        <Notice tone="error">{t("setPassword.missingToken")}</Notice>
      ) : (
        <>
          <p>{t("setPassword.intro")}</p>
          <ErrorSummary title={t("setPassword.errorTitle")} items={items} focusKey={focusKey} />
          <form onSubmit={(e) => { void submit(e); }} noValidate className="form">
            <Field id="set-password-password" name="password" label={t("setPassword.password")}
              hint={t("setPassword.passwordHint", { min: PASSWORD_MIN_LENGTH })} error={errors.password} required>
              {(props) => <input {...props} type="password" autoComplete="new-password"
                value={values.password} onChange={set("password")} />}
            </Field>
            <Field id="set-password-repeat" name="repeat" label={t("setPassword.repeat")} error={errors.repeat} required>
              {(props) => <input {...props} type="password" autoComplete="new-password"
                value={values.repeat} onChange={set("repeat")} />}
            </Field>
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("setPassword.submitting") : t("setPassword.submit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
