// "Change my e-mail" on the security page, for anyone logged in: the current password (counted by
// the login throttle) and the new address, then POST /me/email. Nothing changes yet: identity
// e-mails a link to the new address (valid `valid_minutes`), and only opening it (the public
// /confirm-email page) makes the change, so nobody can move an account to an address they do not
// own. The current address keeps working until then, and is warned once the change is made.
import { useState, type FormEvent } from "react";
import { api, ProblemError } from "../api";
import type { EmailChangeAnswer, Me } from "../api/types";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import { useFocusOnChange } from "../components/useFocusOnChange";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";

type Errors = Partial<Record<"current" | "email", string>>;
const API_FIELDS: Record<string, keyof Errors> = { current_password: "current", new_email: "email" };
const FIELD_IDS: Record<keyof Errors, string> = { current: "email-change-current", email: "email-change-email" };

interface Sent {
  email: string;
  validMinutes: number;
}

export function EmailChangeSection({ me }: { me: Me }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [current, setCurrent] = useState("");
  const [email, setEmail] = useState("");
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [sent, setSent] = useState<Sent | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const sentRef = useFocusOnChange<HTMLDivElement>(sent);

  function fail(found: Errors, messages: string[] = []) {
    setErrors(found);
    setGeneral(messages);
    setFocusKey((k) => k + 1);
  }

  /** Empty fields and the address already in use: said before asking the API. */
  function check(): Errors {
    const found: Errors = {};
    if (!current) found.current = t("security.currentRequired");
    const wanted = email.trim();
    if (!wanted) found.email = t("emailChange.emailRequired");
    else if (me.email && wanted.toLowerCase() === me.email.toLowerCase()) found.email = t("fieldError.new_email.unchanged");
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(null);
    const found = check();
    if (Object.keys(found).length) return fail(found);
    setBusy(true);
    try {
      const answer = await api.post<EmailChangeAnswer>("/me/email", { current_password: current, new_email: email.trim() });
      setErrors({});
      setGeneral([]);
      setCurrent("");
      setEmail("");
      setSent({ email: email.trim(), validMinutes: answer.valid_minutes });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const byField: Errors = {};
      const rest: string[] = [];
      for (const fe of error.errors) {
        const field = API_FIELDS[fieldName(fe)];
        if (field) byField[field] ??= fieldMessage(fe, i18n);
        else rest.push(fieldMessage(fe, i18n));
      }
      if (!error.errors.length) rest.push(problemMessage(error, i18n));
      setCurrent("");
      fail(byField, rest);
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...(["current", "email"] as const).filter((f) => errors[f]).map((f) => ({ fieldId: FIELD_IDS[f], message: errors[f] ?? "" })),
  ];

  return (
    <section className="card card--form-wide" aria-labelledby="email-change-title" data-testid="email-change">
      <h2 id="email-change-title">{t("emailChange.title")}</h2>
      <p>{me.email ? t("emailChange.current", { email: me.email }) : t("emailChange.noCurrent")}</p>
      <p>{t("emailChange.intro")}</p>
      {sent ? (
        <div ref={sentRef} tabIndex={-1} className="focus-target">
          <Notice tone="success" title={t("emailChange.sentTitle")}>
            <p>{t("emailChange.sent", { email: sent.email, wait: i18n.formatWait(sent.validMinutes * 60) })}</p>
            <p>{me.email ? t("emailChange.sentOldWarned", { old: me.email }) : t("emailChange.sentNoOld")}</p>
          </Notice>
        </div>
      ) : null}
      <ErrorSummary id="email-change-errors" title={t("emailChange.errorTitle")} items={items} focusKey={focusKey} />
      <form className="form" noValidate onSubmit={(e) => { void submit(e); }}>
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <Field id={FIELD_IDS.current} name="current_password" label={t("security.currentPassword")} error={errors.current}
          required>
          {(props) => <input {...props} type="password" autoComplete="current-password" value={current}
            onChange={(e) => setCurrent(e.target.value)} />}
        </Field>
        <Field id={FIELD_IDS.email} name="new_email" label={t("emailChange.newEmail")} hint={t("emailChange.newEmailHint")}
          error={errors.email} required>
          {(props) => <input {...props} type="email" inputMode="email" autoComplete="email" spellCheck={false}
            value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t("emailChange.sending") : t("emailChange.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
