// /app/account/security, for anyone logged in: change the password (the current one is asked
// again; every other session ends, this one stays), two-step verification (TwoFactorSection),
// passkeys (PasskeysSection),
// the open sessions, one per device, with "sign out" for each other one and "sign out everywhere
// else" after a confirmation, and, for customers, closing the account (CloseAccountSection).
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { api, ProblemError } from "../api";
import { isStaff, type LoginSession, type Me } from "../api/types";
import { describeDevice } from "../account/userAgent";
import { checkNewPassword, passwordProblems, passwordSummary, type PasswordErrors } from "../account/newPassword";
import { ErrorSummary } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { NewPasswordFields } from "../components/NewPasswordFields";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n, type I18n } from "../i18n/I18nProvider";
import { problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";
import { CloseAccountSection } from "./CloseAccountSection";
import { EmailChangeSection } from "./EmailChangeSection";
import { PasskeysSection } from "./PasskeysSection";
import { TwoFactorSection } from "./TwoFactorSection";

type Flash = { tone: "success" | "error"; text: (i18n: I18n) => string } | null;

function ChangePassword({ me, onChanged }: { me: Me; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState({ current: "", password: "", repeat: "" });
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkNewPassword(values, t, { current: true });
    setErrors(found);
    setGeneral([]);
    setDone(false);
    if (Object.keys(found).length) {
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      await api.post("/me/password", {
        current_password: values.current, password: values.password, password_confirmation: values.repeat,
      });
      setValues({ current: "", password: "", repeat: "" });
      setDone(true);
      onChanged();
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const split = passwordProblems(error, i18n);
      setErrors(split.fields);
      setGeneral(split.general);
      setValues((v) => ({ ...v, current: "" }));
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card--form-wide" aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t("security.changePassword")}</h2>
      <p>{t("security.changePasswordIntro")}</p>
      {done ? (
        <div ref={doneRef} tabIndex={-1} className="focus-target">
          <Notice tone="success">{t("security.passwordChanged")}</Notice>
        </div>
      ) : null}
      <ErrorSummary id="change-password-errors" title={t("setPassword.errorTitle")} items={passwordSummary(general, errors, "change-password")}
        focusKey={focusKey} />
      <form onSubmit={(e) => { void submit(e); }} noValidate className="form">
        <input type="text" name="username" autoComplete="username" value={me.username} readOnly hidden />
        <Field id="change-password-current" name="current_password" label={t("security.currentPassword")}
          error={errors.current} required>
          {(props) => <input {...props} type="password" autoComplete="current-password"
            value={values.current} onChange={(e) => setValues((v) => ({ ...v, current: e.target.value }))} />}
        </Field>
        <NewPasswordFields idPrefix="change-password" values={values} errors={errors}
          onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
          username={me.username} email={me.email} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t("setPassword.submitting") : t("security.changePasswordSubmit")}
          </button>
        </div>
      </form>
    </section>
  );
}

function Sessions({ reloadKey }: { reloadKey: number }) {
  const i18n = useI18n();
  const { t, formatDateTime, formatRelative } = i18n;
  const [items, setItems] = useState<LoginSession[] | null>(null);
  const [loadError, setLoadError] = useState<ProblemError | null>(null);
  const [flash, setFlash] = useState<Flash>(null);
  const [working, setWorking] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const everywhereRef = useRef<HTMLButtonElement>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    setLoadError(null);
    try {
      const answer = await api.get<{ items: LoginSession[] }>("/me/sessions", { signal });
      // This device first, then the most recently used.
      setItems([...answer.items].sort((a, b) => Number(b.current) - Number(a.current)
        || b.last_used_at.localeCompare(a.last_used_at)));
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      if (!(error instanceof ProblemError)) throw error;
      setLoadError(error);
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load, reloadKey]);

  useEffect(() => {
    if (confirming) questionRef.current?.focus();
  }, [confirming]);

  async function signOut(session: LoginSession) {
    const device = describeDevice(session.user_agent, t);
    setWorking(session.id);
    setFlash(null);
    try {
      await api.del(`/me/sessions/${encodeURIComponent(session.id)}`);
      setItems((list) => (list ?? []).filter((s) => s.id !== session.id));
      setFlash({ tone: "success", text: (i) => i.t("security.signedOut", { device: describeDevice(session.user_agent, i.t) }) });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const problem = error;
      setFlash({ tone: "error", text: (i) => `${device}: ${problemMessage(problem, i)}` });
      void load();
    } finally {
      setWorking(null);
      headingRef.current?.focus();
    }
  }

  async function signOutOthers() {
    setWorking("others");
    setFlash(null);
    try {
      const answer = await api.post<{ revoked: number }>("/me/sessions/revoke-others", {});
      setFlash({ tone: "success", text: (i) => i.plural("security.signedOutOthers", answer.revoked) });
      await load();
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const problem = error;
      setFlash({ tone: "error", text: (i) => problemMessage(problem, i) });
    } finally {
      setWorking(null);
      setConfirming(false);
      headingRef.current?.focus();
    }
  }

  const others = (items ?? []).filter((s) => !s.current);
  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title" ref={headingRef} tabIndex={-1}>{t("security.sessions")}</h2>
      <p>{t("security.sessionsIntro")}</p>
      {flash ? <Notice tone={flash.tone}>{flash.text(i18n)}</Notice> : null}
      {loadError ? (
        <Notice tone="error">
          {problemMessage(loadError, i18n)}{" "}
          <button type="button" className="button button--small" onClick={() => { void load(); }}>{t("app.retry")}</button>
        </Notice>
      ) : null}
      {items === null && !loadError ? <p className="loading" role="status">{t("app.loading")}</p> : null}
      {items?.length ? (
        <table className="responsive-table" role="table" data-testid="sessions-table">
          <caption className="visually-hidden">{t("security.sessions")}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t("security.device")}</th>
              <th scope="col" role="columnheader">{t("security.address")}</th>
              <th scope="col" role="columnheader">{t("security.started")}</th>
              <th scope="col" role="columnheader">{t("security.lastUsed")}</th>
              <th scope="col" role="columnheader">{t("field.actions")}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {items.map((session) => {
              const device = describeDevice(session.user_agent, t);
              return (
                <tr key={session.id} role="row" data-session-id={session.id}>
                  <th scope="row" role="rowheader" data-label={t("security.device")}>
                    <span className="session-device">{device}</span>
                    {session.current ? (
                      <span className="pill pill--yes"><span aria-hidden="true">● </span>{t("security.thisDevice")}</span>
                    ) : null}
                  </th>
                  <td role="cell" data-label={t("security.address")}>{session.source_address || t("security.unknownAddress")}</td>
                  <td role="cell" data-label={t("security.started")}>
                    <time dateTime={session.created_at}>{formatDateTime(session.created_at)}</time>
                  </td>
                  <td role="cell" data-label={t("security.lastUsed")}>
                    <time dateTime={session.last_used_at} title={formatDateTime(session.last_used_at)}>
                      {formatRelative(session.last_used_at)}
                    </time>
                  </td>
                  <td role="cell" data-label={t("field.actions")}>
                    {session.current ? null : (
                      <button type="button" className="button button--small" disabled={working !== null}
                        aria-label={t("security.signOutFor", { device, started: formatDateTime(session.created_at) })}
                        onClick={() => { void signOut(session); }}>
                        {working === session.id ? t("security.signingOut") : t("security.signOut")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {items && !others.length ? <p className="empty-state">{t("security.noOtherSessions")}</p> : null}
      {others.length ? (
        confirming ? (
          <div className="confirm" role="group" aria-labelledby="confirm-others-question">
            <p id="confirm-others-question" ref={questionRef} tabIndex={-1} className="confirm__question">
              {i18n.plural("security.confirmOthers", others.length)}
            </p>
            <div className="form-actions">
              <button type="button" className="button button--danger" disabled={working !== null}
                onClick={() => { void signOutOthers(); }}>
                {working === "others" ? t("security.signingOut") : t("security.confirmOthersYes")}
              </button>
              <button type="button" className="button" disabled={working !== null}
                onClick={() => { setConfirming(false); window.setTimeout(() => everywhereRef.current?.focus(), 0); }}>
                {t("clientForm.cancel")}
              </button>
            </div>
          </div>
        ) : (
          <p>
            <button ref={everywhereRef} type="button" className="button" disabled={working !== null}
              onClick={() => { setFlash(null); setConfirming(true); }}>
              {t("security.signOutOthers")}
            </button>
          </p>
        )
      ) : null}
    </section>
  );
}

export function SecurityPage() {
  const { t } = useI18n();
  const { state } = useSession();
  const [reloadKey, setReloadKey] = useState(0);
  if (state.status !== "authenticated") return null;
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("security.title")}</PageTitle>
        <p className="lead">{t("security.intro", { username: state.me.username })}</p>
      </div>
      <ChangePassword me={state.me} onChanged={() => setReloadKey((k) => k + 1)} />
      <TwoFactorSection me={state.me} />
      <PasskeysSection me={state.me} />
      <EmailChangeSection me={state.me} />
      <Sessions reloadKey={reloadKey} />
      {isStaff(state.me) ? null : <CloseAccountSection me={state.me} />}
    </div>
  );
}
