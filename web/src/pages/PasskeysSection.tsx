// The caller's passkeys (WebAuthn), on the security page and, for staff whose firm requires a
// second factor, on the two-step set-up page: the list (name, added, last used, synced), adding
// one with a name (the browser asks the user's device; the current password only when the login
// is older than a few minutes), renaming, and removing one after a confirmation.
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { api, ProblemError } from "../api";
import type { Me, Passkey } from "../api/types";
import { passkeyFailure, passkeysSupported } from "../account/webauthn";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field } from "../components/Field";
import { Notice } from "../components/Notice";
import type { Key } from "../i18n/catalogue";
import { useI18n, type I18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";
import { addPasskey } from "./passkeyCalls";

type Errors = Partial<Record<"name" | "current", string>>;
type Flash = { tone: "success" | "error"; text: (i18n: I18n) => string } | null;

/** Field errors of a failed call (the name, the current password) and anything else. */
function explain(error: unknown, i18n: I18n): { fields: Errors; general: string; needPassword: boolean } {
  if (!(error instanceof ProblemError)) {
    return { fields: {}, general: i18n.t(`passkeys.failure.${passkeyFailure(error)}` as Key), needPassword: false };
  }
  const fields: Errors = {};
  let needPassword = false;
  for (const problem of error.errors) {
    const name = fieldName(problem);
    if (name === "current_password") {
      needPassword = true;
      fields.current = problem.code === "reauthentication_required" ? i18n.t("passkeys.confirmIdentity")
        : fieldMessage(problem, i18n);
    } else if (name === "name") {
      fields.name = i18n.t("passkeys.nameInvalid");
    }
  }
  if (Object.keys(fields).length) return { fields, general: "", needPassword };
  const key = `passkeys.problem.${error.code}`;
  return { fields, general: i18n.has(key) ? i18n.t(key as Key) : problemMessage(error, i18n), needPassword };
}

function AddPasskey({ onAdded }: { onAdded: (passkey: Passkey) => Promise<void> }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [name, setName] = useState("");
  const [current, setCurrent] = useState("");
  const [needPassword, setNeedPassword] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [general, setGeneral] = useState("");
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setGeneral("");
    if (!name.trim()) {
      setErrors({ name: t("passkeys.nameRequired") });
      setFocusKey((k) => k + 1);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const added = await addPasskey(name.trim(), current);
      setName("");
      setCurrent("");
      setNeedPassword(false);
      await onAdded(added);
    } catch (error) {
      const found = explain(error, i18n);
      setErrors(found.fields);
      setGeneral(found.general);
      if (found.needPassword) setNeedPassword(true);
      setCurrent("");
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  const items: SummaryItem[] = [
    ...(general ? [{ message: general }] : []),
    ...(errors.name ? [{ fieldId: "passkey-name", message: errors.name }] : []),
    ...(errors.current ? [{ fieldId: "passkey-current", message: errors.current }] : []),
  ];
  return (
    <form className="form" noValidate onSubmit={(e) => { void submit(e); }} data-testid="passkey-add">
      <h3 id="passkey-add-title">{t("passkeys.addTitle")}</h3>
      <ErrorSummary id="passkey-add-errors" title={t("passkeys.errorTitle")} items={items} focusKey={focusKey} />
      <Field id="passkey-name" name="name" label={t("passkeys.name")} hint={t("passkeys.nameHint")} error={errors.name}
        required>
        {(props) => <input {...props} type="text" maxLength={60} autoComplete="off" value={name}
          onChange={(e) => setName(e.target.value)} />}
      </Field>
      {needPassword ? (
        <Field id="passkey-current" name="current_password" label={t("security.currentPassword")}
          hint={t("passkeys.currentHint")} error={errors.current} required>
          {(props) => <input {...props} type="password" autoComplete="current-password" value={current}
            onChange={(e) => setCurrent(e.target.value)} />}
        </Field>
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t("passkeys.adding") : t("passkeys.add")}
        </button>
      </div>
    </form>
  );
}

function PasskeyRow({ passkey, busy, onRename, onRemove }: {
  passkey: Passkey; busy: boolean;
  onRename: (name: string) => Promise<string>;
  onRemove: (password: string) => Promise<{ needPassword: boolean; error: string } | null>;
}) {
  const i18n = useI18n();
  const { t, formatDateTime, formatRelative } = i18n;
  const [mode, setMode] = useState<"view" | "rename" | "remove">("view");
  const [name, setName] = useState(passkey.name);
  const [password, setPassword] = useState("");
  const [needPassword, setNeedPassword] = useState(false);
  const [error, setError] = useState("");
  const focusRef = useRef<HTMLInputElement & HTMLParagraphElement>(null);

  useEffect(() => {
    if (mode !== "view") focusRef.current?.focus();
  }, [mode, needPassword]);

  async function rename(event: FormEvent) {
    event.preventDefault();
    const problem = await onRename(name);
    setError(problem);
    if (!problem) setMode("view");
  }

  async function remove(event: FormEvent) {
    event.preventDefault();
    const problem = await onRemove(password);
    setPassword("");
    if (problem) {
      setNeedPassword(needPassword || problem.needPassword);
      setError(problem.error);
    }
  }

  const labelled = { name: passkey.name };
  return (
    <li className="passkey" data-passkey-id={passkey.id}>
      <p className="passkey__name"><strong>{passkey.name}</strong>{" "}
        {passkey.backed_up ? <span className="pill pill--yes">{t("passkeys.synced")}</span> : null}</p>
      <p className="passkey__meta">
        {t("passkeys.created", { date: formatDateTime(passkey.created_at) })}{" · "}
        {passkey.last_used_at
          ? <time dateTime={passkey.last_used_at}>{t("passkeys.lastUsed", { when: formatRelative(passkey.last_used_at) })}</time>
          : t("passkeys.neverUsed")}
      </p>
      {mode === "view" ? (
        <div className="form-actions">
          <button type="button" className="button button--small" disabled={busy}
            aria-label={t("passkeys.renameFor", labelled)} onClick={() => { setError(""); setName(passkey.name); setMode("rename"); }}>
            {t("passkeys.rename")}
          </button>
          <button type="button" className="button button--small button--danger" disabled={busy}
            aria-label={t("passkeys.removeFor", labelled)} onClick={() => { setError(""); setMode("remove"); }}>
            {t("passkeys.remove")}
          </button>
        </div>
      ) : null}
      {mode === "rename" ? (
        <form className="form" noValidate onSubmit={(e) => { void rename(e); }}>
          <Field id={`passkey-rename-${passkey.id}`} name="name" label={t("passkeys.newName")} error={error} required>
            {(props) => <input {...props} ref={focusRef} type="text" maxLength={60} value={name}
              onChange={(e) => setName(e.target.value)} />}
          </Field>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>{t("passkeys.save")}</button>
            <button type="button" className="button" onClick={() => setMode("view")}>{t("clientForm.cancel")}</button>
          </div>
        </form>
      ) : null}
      {mode === "remove" ? (
        <form className="confirm" noValidate onSubmit={(e) => { void remove(e); }} aria-labelledby={`remove-${passkey.id}`}>
          <p id={`remove-${passkey.id}`} className="confirm__question" ref={needPassword ? undefined : focusRef} tabIndex={-1}>
            {t("passkeys.confirmRemove", labelled)}
          </p>
          {error && !needPassword ? <p className="field__error" role="alert">{error}</p> : null}
          {needPassword ? (
            <Field id={`passkey-remove-current-${passkey.id}`} name="current_password" label={t("security.currentPassword")}
              hint={t("passkeys.currentHint")} error={error} required>
              {(props) => <input {...props} ref={focusRef} type="password" autoComplete="current-password" value={password}
                onChange={(e) => setPassword(e.target.value)} />}
            </Field>
          ) : null}
          <div className="form-actions">
            <button type="submit" className="button button--danger" disabled={busy}>{t("passkeys.confirmRemoveYes")}</button>
            <button type="button" className="button" onClick={() => setMode("view")}>{t("clientForm.cancel")}</button>
          </div>
        </form>
      ) : null}
    </li>
  );
}

export function PasskeysSection({ me, forced = false }: {
  me: Me;
  /** On the set-up page of staff whose firm requires a second factor: a passkey completes it. */
  forced?: boolean;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const { refreshAndReload } = useSession();
  const navigate = useNavigate();
  const [items, setItems] = useState<Passkey[] | null>(null);
  const [loadError, setLoadError] = useState<ProblemError | null>(null);
  const [flash, setFlash] = useState<Flash>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const supported = passkeysSupported();

  const load = useCallback(async (signal?: AbortSignal) => {
    setLoadError(null);
    try {
      setItems((await api.get<{ items: Passkey[] }>("/me/mfa/passkeys", { signal })).items);
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
  }, [load, me.user_id]);

  async function added(passkey: Passkey) {
    if (forced) {
      // The session's token keeps its set-up-only scope until it is refreshed.
      await refreshAndReload();
      navigate("/app", { replace: true });
      return;
    }
    await load();
    setFlash({ tone: "success", text: (i) => i.t("passkeys.added", { name: passkey.name }) });
    headingRef.current?.focus();
  }

  async function rename(passkey: Passkey, name: string): Promise<string> {
    if (!name.trim()) return t("passkeys.nameRequired");
    setBusy(true);
    try {
      const renamed = await api.patch<Passkey>(`/me/mfa/passkeys/${encodeURIComponent(passkey.id)}`, { name: name.trim() });
      setItems((list) => (list ?? []).map((p) => (p.id === renamed.id ? renamed : p)));
      setFlash({ tone: "success", text: (i) => i.t("passkeys.renamed", { name: renamed.name }) });
      return "";
    } catch (error) {
      const found = explain(error, i18n);
      return found.fields.name ?? found.general;
    } finally {
      setBusy(false);
    }
  }

  async function remove(passkey: Passkey, password: string) {
    setBusy(true);
    try {
      await api.post(`/me/mfa/passkeys/${encodeURIComponent(passkey.id)}/remove`, { current_password: password });
      setItems((list) => (list ?? []).filter((p) => p.id !== passkey.id));
      setFlash({ tone: "success", text: (i) => i.t("passkeys.removed", { name: passkey.name }) });
      headingRef.current?.focus();
      return null;
    } catch (error) {
      const found = explain(error, i18n);
      return { needPassword: found.needPassword, error: found.fields.current ?? found.general };
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card card--form-wide" aria-labelledby="passkeys-title" data-testid="passkeys">
      <h2 id="passkeys-title" ref={headingRef} tabIndex={-1}>{t("passkeys.title")}</h2>
      <p>{t(forced ? "passkeys.introForced" : "passkeys.intro")}</p>
      {flash ? <Notice tone={flash.tone}>{flash.text(i18n)}</Notice> : null}
      {loadError ? (
        <Notice tone="error">
          {problemMessage(loadError, i18n)}{" "}
          <button type="button" className="button button--small" onClick={() => { void load(); }}>{t("app.retry")}</button>
        </Notice>
      ) : null}
      {items === null && !loadError ? <p className="loading" role="status">{t("app.loading")}</p> : null}
      {items?.length ? (
        <ul className="passkey-list" aria-labelledby="passkeys-title">
          {items.map((passkey) => (
            <PasskeyRow key={passkey.id} passkey={passkey} busy={busy}
              onRename={(name) => rename(passkey, name)} onRemove={(password) => remove(passkey, password)} />
          ))}
        </ul>
      ) : null}
      {items && !items.length ? <p className="empty-state">{t("passkeys.none")}</p> : null}
      {supported ? <AddPasskey onAdded={added} /> : <Notice tone="info">{t("passkeys.unsupported")}</Notice>}
    </section>
  );
}
