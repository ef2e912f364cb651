// /confirm-email?token=…, the link e-mailed to a new address (valid 24 hours, once): a button
// confirms it (POST /auth/email-change/confirm) and the page says the account's address now.
// A button rather than confirming on load, because mail scanners open links to check them and
// some run the page's scripts: the change is made only by the person who clicks. The page is
// public, as the link may be opened on another device; the token alone proves the address.
import { useState } from "react";
import { Link, useLocation } from "react-router";
import { api, ProblemError } from "../api";
import type { EmailConfirmed } from "../api/types";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useFocusOnChange } from "../components/useFocusOnChange";
import { useI18n, type I18n } from "../i18n/I18nProvider";
import { fieldName, problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";

const SECURITY_PATH = "/app/account/security";

type Outcome =
  | { kind: "idle" }
  | { kind: "done"; email: string }
  | { kind: "failed"; problem: ProblemError };

/** The link is spent, expired or replaced by a newer one: trying again cannot help. */
function linkSpent(problem: ProblemError): boolean {
  return problem.errors.some((e) => fieldName(e) === "token");
}

/** A spent link says so in its own words; the rest (the address taken meanwhile, a wait…) as
 * any problem. */
function failureMessage(problem: ProblemError, i18n: I18n): string {
  return linkSpent(problem) ? i18n.t("confirmEmail.linkExpired") : problemMessage(problem, i18n);
}

export function ConfirmEmailPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const { state, reload } = useSession();
  const token = new URLSearchParams(location.search).get("token") ?? "";
  const [outcome, setOutcome] = useState<Outcome>({ kind: "idle" });
  const [busy, setBusy] = useState(false);
  const outcomeRef = useFocusOnChange<HTMLDivElement>(outcome);
  const loggedIn = state.status === "authenticated";
  const spent = outcome.kind === "failed" && linkSpent(outcome.problem);

  async function confirm() {
    setBusy(true);
    try {
      const answer = await api.post<EmailConfirmed>("/auth/email-change/confirm", { token }, { quiet401: true });
      setOutcome({ kind: "done", email: answer.email });
      if (loggedIn) await reload(); // the app shows the new address at once
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setOutcome({ kind: "failed", problem: error });
    } finally {
      setBusy(false);
    }
  }

  const askAgain = <p><Link to={SECURITY_PATH}>{t("confirmEmail.askAgain")}</Link></p>;
  return (
    <section className="card card--form" aria-labelledby="confirm-email-title">
      <PageTitle id="confirm-email-title">{t("confirmEmail.title")}</PageTitle>
      {!token ? (
        <>
          <Notice tone="error">{t("confirmEmail.missingToken")}</Notice>
          {askAgain}
        </>
      ) : outcome.kind === "done" ? (
        <div ref={outcomeRef} tabIndex={-1} className="focus-target">
          <Notice tone="success" title={t("confirmEmail.doneTitle")}>
            <p>{t("confirmEmail.done", { email: outcome.email })}</p>
            <p>{t("confirmEmail.doneLogin", { email: outcome.email })}</p>
          </Notice>
          <p>
            <Link className="button button--primary" to={loggedIn ? SECURITY_PATH : "/login"}>
              {loggedIn ? t("confirmEmail.backToAccount") : t("setPassword.goToLogin")}
            </Link>
          </p>
        </div>
      ) : (
        <>
          {outcome.kind === "failed" ? (
            <div ref={outcomeRef} tabIndex={-1} className="focus-target">
              <Notice tone="error">{failureMessage(outcome.problem, i18n)}</Notice>
              {askAgain}
            </div>
          ) : <p>{t("confirmEmail.intro")}</p>}
          {spent ? null : (
            <p>
              <button type="button" className="button button--primary" disabled={busy} onClick={() => { void confirm(); }}>
                {busy ? t("confirmEmail.confirming") : t("confirmEmail.submit")}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
