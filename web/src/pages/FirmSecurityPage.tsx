// /app/admin/security, for the firm's admins: whether two-step verification is required of the
// staff (GET/PUT /tenant/security). Staff without it are then kept on the set-up page at their
// next login until it is on; customers are not concerned.
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { api, ProblemError } from "../api";
import type { TenantSecurity } from "../api/types";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";
import { TWO_FACTOR_PATH } from "../session/mfaGate";

export function FirmSecurityPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state } = useSession();
  const [saved, setSaved] = useState<TenantSecurity | null>(null);
  const [draft, setDraft] = useState(false);
  const [loadError, setLoadError] = useState<ProblemError | null>(null);
  const [saveError, setSaveError] = useState<ProblemError | null>(null);
  const [flash, setFlash] = useState<"" | "on" | "off">("");
  const [busy, setBusy] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);

  const load = useCallback(async (signal?: AbortSignal) => {
    setLoadError(null);
    try {
      const answer = await api.get<TenantSecurity>("/tenant/security", { signal });
      setSaved(answer);
      setDraft(answer.require_staff_mfa);
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
  }, [load]);

  useEffect(() => {
    if (saveError) errorRef.current?.focus();
  }, [saveError]);

  if (state.status !== "authenticated") return null;
  const me = state.me;

  async function save(event: FormEvent) {
    event.preventDefault();
    setFlash("");
    setSaveError(null);
    setBusy(true);
    try {
      const answer = await api.put<TenantSecurity>("/tenant/security", { require_staff_mfa: draft });
      setSaved(answer);
      setDraft(answer.require_staff_mfa);
      setFlash(answer.require_staff_mfa ? "on" : "off");
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setSaveError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("firmSecurity.title")}</PageTitle>
        <p className="lead">{t("firmSecurity.intro", { firm: me.tenant.name })}</p>
      </div>
      <section className="card card--form-wide" aria-labelledby="firm-mfa-title" aria-busy={saved === null && !loadError}>
        <h2 id="firm-mfa-title">{t("firmSecurity.staffMfa")}</h2>
        {loadError ? (
          <Notice tone="error">
            {problemMessage(loadError, i18n)}{" "}
            <button type="button" className="button button--small" onClick={() => { void load(); }}>{t("app.retry")}</button>
          </Notice>
        ) : null}
        {saved === null && !loadError ? <p className="loading" role="status">{t("app.loading")}</p> : null}
        {saved !== null ? (
          <form className="form" noValidate onSubmit={(e) => { void save(e); }}>
            {saveError ? (
              <div ref={errorRef} tabIndex={-1} className="focus-target">
                <Notice tone="error">{problemMessage(saveError, i18n)}</Notice>
              </div>
            ) : null}
            <div className="field">
              <div className="checkbox checkbox--top">
                <input id="firm-require-mfa" type="checkbox" checked={draft} aria-describedby="firm-require-mfa-hint"
                  onChange={(e) => { setDraft(e.target.checked); setFlash(""); }} />
                <label htmlFor="firm-require-mfa">{t("firmSecurity.requireMfa")}</label>
              </div>
              <p id="firm-require-mfa-hint" className="field__hint">{t("firmSecurity.requireMfaHint")}</p>
            </div>
            {draft && !me.mfa_enabled ? (
              <Notice tone="info">
                <p>{t("firmSecurity.ownMfaOff")} <Link to={TWO_FACTOR_PATH}>{t("firmSecurity.setUpOwn")}</Link></p>
              </Notice>
            ) : null}
            <div className="form-actions">
              <button type="submit" className="button button--primary" disabled={busy}>
                {busy ? t("firmSecurity.saving") : t("firmSecurity.save")}
              </button>
            </div>
            <div role="status" aria-live="polite">
              {flash ? <p className="saved-status">
                <span aria-hidden="true">✓ </span>{flash === "on" ? t("firmSecurity.savedOn") : t("firmSecurity.savedOff")}
              </p> : null}
            </div>
          </form>
        ) : null}
      </section>
    </div>
  );
}
