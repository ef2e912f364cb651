// The page of the "access granted" e-mail's link: /set-password?token=…; the password twice.
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router";
import { api, ProblemError } from "../api";
import { checkNewPassword, passwordProblems, passwordSummary, type PasswordErrors } from "../account/newPassword";
import { ErrorSummary } from "../components/ErrorSummary";
import { NewPasswordFields, type NewPasswordValues } from "../components/NewPasswordFields";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";

export { PASSWORD_MIN_LENGTH } from "../account/newPassword";

export function SetPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const token = new URLSearchParams(location.search).get("token") ?? "";
  const [values, setValues] = useState<NewPasswordValues>({ password: "", repeat: "" });
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewPassword(values, t);
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
      const split = passwordProblems(error, i18n);
      setErrors(split.fields);
      setGeneral(split.general);
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

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
          <ErrorSummary title={t("setPassword.errorTitle")} items={passwordSummary(general, errors, "set-password")}
            focusKey={focusKey} />
          <form onSubmit={(e) => { void submit(e); }} noValidate className="form">
            <NewPasswordFields idPrefix="set-password" values={values} errors={errors}
              onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))} />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("setPassword.submitting") : t("setPassword.submit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
