// The page of an e-mailed one-time link to choose a password (`?token=…`): the first password
// of an invited user (/set-password) and a forgotten one (/reset-password). The password twice
// with the strength meter, checked here first, then posted with the token; afterwards the user
// name the password is for and a link to log in (the message takes the focus). A link without
// its token, or one the API says is spent or expired, says so and offers what the caller gives.
import { useState, type FormEvent, type ReactNode } from "react";
import { Link, useLocation } from "react-router";
import { api, ProblemError } from "../api";
import { checkNewPassword, passwordProblems, passwordSummary, type PasswordErrors } from "../account/newPassword";
import { useI18n } from "../i18n/I18nProvider";
import { ErrorSummary } from "./ErrorSummary";
import { NewPasswordFields, type NewPasswordValues } from "./NewPasswordFields";
import { Notice } from "./Notice";
import { PageTitle } from "./PageTitle";
import { useFocusOnChange } from "./useFocusOnChange";

export interface PasswordLinkTexts {
  title: string;
  intro: string;
  submit: string;
  done: (username: string) => string;
  missingToken: string;
}

export function PasswordLinkForm({ idPrefix, endpoint, texts, askAgain, expiredMessage }: {
  /** Ids of the fields (`<idPrefix>-password`, `<idPrefix>-repeat`) and of the title. */
  idPrefix: string;
  /** POST {token, password, password_confirmation} → {username}. */
  endpoint: string;
  texts: PasswordLinkTexts;
  /** Where to get a new link (shown without a token and when the link is spent), if anywhere. */
  askAgain?: ReactNode;
  /** Said instead of the API's words when the token is spent or expired. */
  expiredMessage?: string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const token = new URLSearchParams(location.search).get("token") ?? "";
  const [values, setValues] = useState<NewPasswordValues>({ password: "", repeat: "" });
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [linkSpent, setLinkSpent] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const doneRef = useFocusOnChange<HTMLDivElement>(done);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewPassword(values, t);
    setErrors(found);
    setGeneral([]);
    setLinkSpent(false);
    if (Object.keys(found).length) {
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      const answer = await api.post<{ username: string }>(endpoint,
        { token, password: values.password, password_confirmation: values.repeat }, { quiet401: true });
      setDone(answer.username);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const split = passwordProblems(error, i18n);
      const spent = split.other.includes("token");
      setLinkSpent(spent);
      setErrors(split.fields);
      setGeneral(spent && expiredMessage
        ? [expiredMessage, ...split.general.filter((_, i) => split.other[i] !== "token")]
        : split.general);
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card--form" aria-labelledby={`${idPrefix}-title`}>
      <PageTitle id={`${idPrefix}-title`}>{texts.title}</PageTitle>
      {done !== null ? (
        <div ref={doneRef} tabIndex={-1} className="focus-target">
          <Notice tone="success">{texts.done(done)}</Notice>
          <p><Link className="button button--primary" to="/login">{t("setPassword.goToLogin")}</Link></p>
        </div>
      ) : !token ? (
        <>
          <Notice tone="error">{texts.missingToken}</Notice>
          {askAgain ? <p>{askAgain}</p> : null}
        </>
      ) : (
        <>
          <p>{texts.intro}</p>
          <ErrorSummary title={t("setPassword.errorTitle")} items={passwordSummary(general, errors, idPrefix)}
            focusKey={focusKey} />
          {linkSpent && askAgain ? <p>{askAgain}</p> : null}
          <form onSubmit={(e) => { void submit(e); }} noValidate className="form">
            <NewPasswordFields idPrefix={idPrefix} values={values} errors={errors}
              onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))} />
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("setPassword.submitting") : texts.submit}
            </button>
          </form>
        </>
      )}
    </section>
  );
}
