// The client's contacts (seed 002, "Contactos"): a person's family, a company's manager, legal
// representative or accountant, with their own phones and e-mails. Added, edited and removed here;
// each change goes to the history.
import { useRef, useState, type FormEvent } from "react";
import { api, ProblemError } from "../../api";
import { CONTACT_ROLES, type Contact, type ContactIn } from "../../api/types";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { useI18n } from "../../i18n/I18nProvider";
import { problemMessage } from "../../i18n/problems";
import { controlId, emptyPhone } from "./clientFormView";
import { formErrors, NO_ERRORS, type FormErrors } from "./formErrors";
import { codeLabel } from "./labels";
import { PhonesEditor } from "./PhonesEditor";
import { TabState } from "./TabState";
import { useLoad } from "./useLoad";

const EMPTY: ContactIn = { role: "family", first_name: "", last_name: "", phones: [emptyPhone()], emails: [], notes: "" };
const KEYS = ["role", "first_name", "last_name", "phones", "emails", "notes"];

function toInput(contact: Contact): ContactIn {
  return { role: contact.role, first_name: contact.first_name, last_name: contact.last_name,
    phones: contact.phones.map(({ label, number }) => ({ label, number })), emails: contact.emails, notes: contact.notes };
}

function payload(values: ContactIn): ContactIn {
  return { ...values, first_name: values.first_name.trim(), last_name: values.last_name.trim(),
    phones: values.phones.filter((p) => p.number.trim()), emails: values.emails.map((e) => e.trim()).filter(Boolean) };
}

function ContactForm({ clientId, editing, onSaved, onCancel }: {
  clientId: string; editing: Contact | null; onSaved: (contact: Contact) => void; onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState<ContactIn>(editing ? toInput(editing) : EMPTY);
  const [emailsText, setEmailsText] = useState((editing?.emails ?? []).join("\n"));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const body = payload({ ...values, emails: emailsText.split("\n") });
    try {
      const saved = editing
        ? await api.put<Contact>(`/contacts/${encodeURIComponent(editing.id)}`, { ...body, version: editing.version })
        : await api.post<Contact>(`/clients/${encodeURIComponent(clientId)}/contacts`, body);
      onSaved(saved);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setErrors(formErrors(error, i18n, (key) => KEYS.includes(key.split(".")[0] ?? key)));
      setFocusKey((k) => k + 1);
      setBusy(false);
    }
  }

  const emailError = Object.entries(errors.byKey).find(([key]) => key.startsWith("emails"))?.[1];
  const items = [...errors.general.map((message) => ({ message })),
    ...Object.entries(errors.byKey).map(([key, message]) => ({
      fieldId: key.startsWith("emails") ? "contact-emails" : controlId(key, "contact"), message }))];
  return (
    <form className="form card card--muted" noValidate onSubmit={(e) => { void submit(e); }} aria-labelledby="contact-form-title">
      <h3 id="contact-form-title">{editing ? t("contacts.editTitle") : t("contacts.newTitle")}</h3>
      <ErrorSummary id="contact-errors" title={t("problem.validation_failed")} items={items} focusKey={focusKey} />
      <div className="form-row">
        <Field id="contact-role" label={t("contacts.role")} error={errors.byKey.role} required>
          {(props) => (
            <select {...props} value={values.role} onChange={(e) => setValues((v) => ({ ...v, role: e.target.value }))}>
              {CONTACT_ROLES.map((role) => <option key={role} value={role}>{codeLabel(i18n, "contactRole", role)}</option>)}
            </select>
          )}
        </Field>
        <Field id="contact-first_name" label={t("field.firstName")} error={errors.byKey.first_name} required>
          {(props) => <input {...props} type="text" autoComplete="off" value={values.first_name}
            onChange={(e) => setValues((v) => ({ ...v, first_name: e.target.value }))} />}
        </Field>
        <Field id="contact-last_name" label={t("field.lastName")} error={errors.byKey.last_name}>
          {(props) => <input {...props} type="text" autoComplete="off" value={values.last_name}
            onChange={(e) => setValues((v) => ({ ...v, last_name: e.target.value }))} />}
        </Field>
      </div>
      <PhonesEditor idPrefix="contact" phones={values.phones} errors={errors.byKey}
        onChange={(phones) => setValues((v) => ({ ...v, phones }))} />
      <Field id="contact-emails" label={t("contacts.emails")} hint={t("contacts.emailsHint")} error={emailError}>
        {(props) => <textarea {...props} rows={2} value={emailsText} onChange={(e) => setEmailsText(e.target.value)} />}
      </Field>
      <Field id="contact-notes" label={t("contacts.notes")} error={errors.byKey.notes}>
        {(props) => <textarea {...props} rows={2} value={values.notes}
          onChange={(e) => setValues((v) => ({ ...v, notes: e.target.value }))} />}
      </Field>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>{t("contacts.save")}</button>
        <button type="button" className="button button--ghost-dark" onClick={onCancel}>{t("contacts.cancel")}</button>
      </div>
    </form>
  );
}

export function ContactsTab({ clientId, onChanged }: { clientId: string; onChanged?: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, setData, error, reload, loading } = useLoad<{ items: Contact[] }>(
    `/clients/${encodeURIComponent(clientId)}/contacts`);
  const [form, setForm] = useState<{ editing: Contact | null } | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const contacts = data?.items ?? [];
  const name = (c: Contact) => [c.first_name, c.last_name].filter(Boolean).join(" ");

  function saved(contact: Contact) {
    setData({ items: [...contacts.filter((c) => c.id !== contact.id), contact] });
    setForm(null);
    setFlash({ tone: "success", text: t("contacts.saved") });
    onChanged?.();
  }

  async function remove(contact: Contact) {
    setBusy(true);
    try {
      await api.del(`/contacts/${encodeURIComponent(contact.id)}`);
      setData({ items: contacts.filter((c) => c.id !== contact.id) });
      setFlash({ tone: "success", text: t("contacts.deleted") });
      onChanged?.();
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      setFlash({ tone: "error", text: problemMessage(e, i18n) });
    } finally {
      setBusy(false);
      setRemoving(null);
      addButton.current?.focus();
    }
  }

  return (
    <div className="stack">
      {flash ? <Notice tone={flash.tone}>{flash.text}</Notice> : null}
      {form ? (
        <ContactForm clientId={clientId} editing={form.editing} onSaved={saved}
          onCancel={() => { setForm(null); addButton.current?.focus(); }} />
      ) : (
        <p><button ref={addButton} type="button" className="button button--primary" onClick={() => { setFlash(null); setForm({ editing: null }); }}>
          <span className="button__icon" aria-hidden="true">+</span>{t("contacts.add")}
        </button></p>
      )}
      <TabState loading={loading} error={error} onRetry={reload} empty={!contacts.length} emptyText={t("contacts.empty")}>
        <ul className="item-list" aria-label={t("contacts.caption")}>
          {contacts.map((c) => (
            <li key={c.id} className="item-list__item contact">
              <p className="item-list__title">{name(c)} <span className="pill pill--neutral">{codeLabel(i18n, "contactRole", c.role)}</span></p>
              {c.phones.length ? <p>{c.phones.map((p) => `${codeLabel(i18n, "phoneLabel", p.label)}: ${p.formatted}`).join(" · ")}</p> : null}
              {c.emails.length ? <p className="cell--wrap">{c.emails.join(" · ")}</p> : null}
              {c.notes ? <p className="field__hint">{c.notes}</p> : null}
              <p className="row-actions">
                <button type="button" className="button button--small" aria-label={t("contacts.editFor", { name: name(c) })}
                  onClick={() => { setFlash(null); setForm({ editing: c }); }}>{t("contacts.edit")}</button>
                <button type="button" className="button button--small button--danger-quiet"
                  aria-label={t("contacts.deleteFor", { name: name(c) })} onClick={() => setRemoving(c)}>{t("contacts.delete")}</button>
              </p>
            </li>
          ))}
        </ul>
      </TabState>
      {removing ? (
        <ConfirmDialog id="contact-remove" title={t("contacts.confirmDelete", { name: name(removing) })} busy={busy}
          confirmLabel={t("contacts.delete")} cancelLabel={t("contacts.cancel")}
          onConfirm={() => { void remove(removing); }} onCancel={() => setRemoving(null)}>
          <p>{name(removing)}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
