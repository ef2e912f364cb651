// Customers: their profile (seed 004, "Perfil personal"). They see their client's data and change
// how the firm reaches them (phones, addresses) and which of the virtual assistant's notices they
// get; not their name or document. Only what changed is sent, with the version read; the firm's
// staff see the change in the client's history under the customer's name. A company's people who
// are not its admin only read.
import { useEffect, useState, type FormEvent } from "react";
import { api, ProblemError } from "../api";
import type { Address, Alerts, ClientRecord, PhoneIn } from "../api/types";
import { ErrorSummary } from "../components/ErrorSummary";
import { LoadFailed } from "../components/LoadMore";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { can } from "../session/permissions";
import { useSession } from "../session/SessionProvider";
import { AddressesEditor } from "./client/AddressesEditor";
import { AlertsEditor } from "./client/AlertsEditor";
import { controlId, emptyAddress, emptyPhone } from "./client/clientFormView";
import { formErrors, NO_ERRORS, type FormErrors } from "./client/formErrors";
import { PhonesEditor } from "./client/PhonesEditor";
import { profilePatch, type ProfileValues } from "./client/profileView";

function valuesOf(client: ClientRecord): ProfileValues {
  return {
    phones: client.phones.length ? client.phones.map(({ label, number }) => ({ label, number })) : [emptyPhone()],
    addresses: client.addresses.length ? client.addresses.map((a) => ({ ...a })) : [emptyAddress(true)],
    alerts: { ...client.alerts },
  };
}

export function ProfilePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { state } = useSession();
  const mayEdit = state.status === "authenticated" && can(state.me, "own-profile:write");
  const [client, setClient] = useState<ClientRecord | null>(null);
  const [values, setValues] = useState<ProfileValues | null>(null);
  const [loadError, setLoadError] = useState<ProblemError | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [flash, setFlash] = useState<{ tone: "success" | "info" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);

  async function load() {
    setLoadError(null);
    try {
      const mine = await api.get<ClientRecord>("/me/profile");
      setClient(mine);
      setValues(valuesOf(mine));
    } catch (e) {
      if (e instanceof ProblemError) setLoadError(e); else throw e;
    }
  }
  useEffect(() => { void load(); }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!client || !values) return;
    const patch = profilePatch(valuesOf(client), values, client.version);
    if (Object.keys(patch).length === 1) {
      setFlash({ tone: "info", text: t("profile.nothingChanged") });
      return;
    }
    setBusy(true);
    setFlash(null);
    try {
      const saved = await api.patch<ClientRecord>("/me/profile", patch);
      setClient(saved);
      setValues(valuesOf(saved));
      setErrors(NO_ERRORS);
      setFlash({ tone: "success", text: t("profile.saved") });
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      if (e.status === 409) setFlash({ tone: "error", text: t("clientForm.conflict") });
      setErrors(formErrors(e, i18n, (key) => ["phones", "addresses", "alerts"].includes(key.split(".")[0] ?? key)));
      setFocusKey((k) => k + 1);
    } finally {
      setBusy(false);
    }
  }

  if (loadError) return <div className="stack"><PageTitle>{t("profile.title")}</PageTitle><LoadFailed problem={loadError} onRetry={() => { void load(); }} /></div>;
  if (!client || !values) return <p className="loading" role="status">{t("app.loading")}</p>;
  const items = [...errors.general.map((message) => ({ message })),
    ...Object.entries(errors.byKey).map(([key, message]) => ({ fieldId: controlId(key, "profile"), message }))];
  const set = (change: Partial<ProfileValues>) => setValues((v) => (v ? { ...v, ...change } : v));
  return (
    <div className="stack">
      <PageTitle>{t("profile.title")}</PageTitle>
      <p className="lead">{t("profile.intro")}</p>
      <section className="card" aria-labelledby="profile-identity">
        <h2 id="profile-identity">{t("profile.identity")}</h2>
        <dl className="summary-list summary-list--compact">
          <div className="summary-list__row"><dt>{t("field.name")}</dt><dd>{client.display_name}</dd></div>
          <div className="summary-list__row"><dt>{t("field.taxIdShort")}</dt><dd>{client.tax_id}</dd></div>
          <div className="summary-list__row"><dt>{t("field.email")}</dt><dd>{client.email || t("record.none")}</dd></div>
        </dl>
      </section>
      {flash ? <Notice tone={flash.tone}>{flash.text}</Notice> : null}
      {mayEdit ? (
        <form className="form card card--form-wide" noValidate onSubmit={(e) => { void submit(e); }} aria-labelledby="profile-contact">
          <h2 id="profile-contact">{t("profile.contact")}</h2>
          <ErrorSummary id="profile-errors" title={t("problem.validation_failed")} items={items} focusKey={focusKey} />
          <PhonesEditor idPrefix="profile" phones={values.phones} errors={errors.byKey}
            onChange={(phones: PhoneIn[]) => set({ phones })} />
          <AddressesEditor idPrefix="profile" personal addresses={values.addresses} errors={errors.byKey}
            onChange={(addresses: Address[]) => set({ addresses })} />
          <AlertsEditor idPrefix="profile" alerts={values.alerts} legend={t("profile.preferences")}
            hint={t("profile.preferencesHint")} onChange={(alerts: Alerts) => set({ alerts })} />
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("profile.saving") : t("profile.save")}
            </button>
          </div>
        </form>
      ) : <Notice tone="info">{t("profile.readOnly")}</Notice>}
    </div>
  );
}
