// /reset-password?token=…, the forgotten-password e-mail's link (valid 30 minutes): the new
// password twice with the strength meter; then a link to log in with it.
import { useState, type FormEvent } from "react";
import { Link, useLocation } from "react-router";
import { api, ProblemError } from "../api";
import { checkNewPassword, passwordProblems, passwordSummary, type PasswordErrors } from "../account/newPassword";
import { ErrorSummary } from "../components/ErrorSummary";
import { NewPasswordFields, type NewPasswordValues } from "../components/NewPasswordFields";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useFocusOnChange } from "../components/useFocusOnChange";
import { useI18n } from "../i18n/I18nProvider";

export function ResetPasswordPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const token = new URLSearchParams(location.search).get("token") ?? "";
  const [values, setValues] = useState<NewPasswordValues>({ password: "", repeat: "" });
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [linkExpired, setLinkExpired] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const doneRef = useFocusOnChange<HTMLDivElement>(done);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewPassword(values, t);
    setErrors(found);
    setGeneral([]);
    setLinkExpired(false);
    if (Object.keys(found).length) {
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      const answer = await api.post<{ username: string }>("/auth/password-reset/confirm",
        { token, password: values.password, password_confirmation: values.repeat }, { quiet401: true });
      setDone(answer.username);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const split = passwordProblems(error, i18n);
      const expired = split.other.includes("token");
      setLinkExpired(expired);
      setErrors(split.fields);
      setGeneral(expired ? [t("resetPassword.linkExpired"), ...split.general.filter((_, i) => split.other[i] !== "token")]
        : split.general);
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card--form" aria-labelledby="reset-password-title">
      <PageTitle id="reset-password-title">{t("resetPassword.title")}</PageTitle>
      {done !== null ? (
        <div ref={doneRef} tabIndex={-1} className="focus-target">
          <Notice tone="success">{t("resetPassword.done", { username: done })}</Notice>
          <p><Link className="button button--primary" to="/login">{t("setPassword.goToLogin")}</Link></p>
        </div>
      ) : !token ? (
        <>
          <Notice tone="error">{t("resetPassword.missingToken")}</Notice>
          <p><Link to="/forgot-password">{t("resetPassword.askAgain")}</Link></p>
        </>
      ) : (
        <>
          <p>{t("resetPassword.intro")}</p>
          <ErrorSummary title={t("setPassword.errorTitle")} items={passwordSummary(general, errors, "reset-password")}
            focusKey={focusKey} />
          {linkExpired ? <p><Link to="/forgot-password">{t("resetPassword.askAgain")}</Link></p> : null}
          <form onSubmit={(e) => { void submit(e); }} noValidate className="form">
            <NewPasswordFields idPrefix="reset-password" values={values} errors={errors}
              onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))} />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("setPassword.submitting") : t("resetPassword.submit")}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
