// Staff: create a client (person, company or consortium). The API validates; its problem+json
// field errors are shown beside each field (aria-describedby, aria-invalid) and in a summary.
import { useState, type FormEvent, type InputHTMLAttributes } from "react";
import { Link, useNavigate } from "react-router";
import { api, ProblemError } from "../api";
import type { Client, ClientIn, ClientKind } from "../api/types";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field, type ControlProps } from "../components/Field";
import { PageTitle } from "../components/PageTitle";
import { LANGUAGES, LANGUAGE_NAMES, type Key } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";

const KINDS: ClientKind[] = ["person", "company", "consortium"];
type FormField = keyof ClientIn;
const FIELD_ORDER: FormField[] = ["kind", "first_name", "last_name", "legal_name", "tax_id", "email",
  "phone", "birth_date", "locale"];

const EMPTY: ClientIn = {
  kind: "person", first_name: "", last_name: "", legal_name: "", tax_id: "", email: "", phone: "",
  birth_date: "", locale: "es",
};

/** What is sent: only the name fields of the chosen kind. */
export function payloadFor(values: ClientIn): ClientIn {
  const person = values.kind === "person";
  return {
    ...values,
    first_name: person ? values.first_name.trim() : "",
    last_name: person ? values.last_name.trim() : "",
    legal_name: person ? "" : values.legal_name.trim(),
    tax_id: values.tax_id.trim(),
    email: values.email.trim(),
    phone: values.phone.trim(),
  };
}

/** Required fields left empty, in form order. */
export function requiredMissing(values: ClientIn): FormField[] {
  const required: FormField[] = values.kind === "person" ? ["first_name", "last_name", "tax_id"] : ["legal_name", "tax_id"];
  return required.filter((f) => !values[f].trim());
}

export function ClientFormPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [values, setValues] = useState<ClientIn>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const person = values.kind === "person";

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The API checks everything at once, but an empty document number stops it at the first
    // gate (the request's shape), so the required fields are checked here first.
    const missing = requiredMissing(values);
    if (missing.length) {
      setErrors(Object.fromEntries(missing.map((f) => [f, t("fieldError.required")])));
      setGeneral([]);
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      const created = await api.post<Client>("/clients", payloadFor(values));
      navigate("/app/clients", { state: { created: created.display_name } });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const byField: Partial<Record<FormField, string>> = {};
      const rest: string[] = [];
      for (const fe of error.errors) {
        const name = fieldName(fe) as FormField;
        if (FIELD_ORDER.includes(name) && !byField[name]) byField[name] = fieldMessage(fe, i18n);
        else if (!FIELD_ORDER.includes(name)) rest.push(fieldMessage(fe, i18n));
      }
      if (!error.errors.length) rest.push(problemMessage(error, i18n));
      setErrors(byField);
      setGeneral(rest);
      setFocusKey((k) => k + 1);
      setBusy(false);
    }
  }

  const set = (field: FormField) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const fieldCount = FIELD_ORDER.filter((f) => errors[f]).length;
  const items: SummaryItem[] = [
    ...general.map((message) => ({ message })),
    ...FIELD_ORDER.filter((f) => errors[f]).map((f) => ({
      fieldId: f === "kind" ? `client-kind-${values.kind}` : `client-${f}`, message: errors[f] ?? "",
    })),
  ];
  const summaryTitle = fieldCount
    ? i18n.plural("clientForm.errorSummary", fieldCount)
    : t("problem.generic");

  const text = (field: FormField, label: Key, extra: InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string, required = false) => (
    <Field id={`client-${field}`} name={field} label={t(label)} error={errors[field]} hint={hint} required={required}>
      {(props: ControlProps) => <input {...props} {...extra} value={values[field]} onChange={set(field)} />}
    </Field>
  );

  return (
    <div className="stack">
      <p className="breadcrumb"><Link to="/app/clients">← {t("clients.title")}</Link></p>
      <section className="card card--form-wide" aria-labelledby="client-form-title">
        <PageTitle id="client-form-title">{t("clientForm.title")}</PageTitle>
        <p>{t("clientForm.intro")}</p>
        <ErrorSummary title={summaryTitle} items={items} focusKey={focusKey} />
        <form className="form" noValidate onSubmit={(e) => { void submit(e); }} data-testid="client-form">
          <fieldset className={`kind-switch${errors.kind ? " field--invalid" : ""}`}
            aria-describedby={errors.kind ? "client-kind-error" : undefined}>
            <legend>{t("clientForm.kind")}</legend>
            {errors.kind ? <p id="client-kind-error" className="field__error">{errors.kind}</p> : null}
            <div className="segmented">
              {KINDS.map((kind) => (
                <div key={kind} className="segmented__option">
                  <input type="radio" id={`client-kind-${kind}`} name="kind" value={kind}
                    checked={values.kind === kind} onChange={() => setValues((v) => ({ ...v, kind }))} />
                  <label htmlFor={`client-kind-${kind}`}>{t(`kind.${kind}`)}</label>
                </div>
              ))}
            </div>
          </fieldset>

          {person ? (
            <div className="form-row">
              {text("first_name", "field.firstName", { type: "text", autoComplete: "off" }, undefined, true)}
              {text("last_name", "field.lastName", { type: "text", autoComplete: "off" }, undefined, true)}
            </div>
          ) : (
            text("legal_name", "field.legalName", { type: "text", autoComplete: "off" }, undefined, true)
          )}
          {text("tax_id", "field.taxId", { type: "text", autoComplete: "off", autoCapitalize: "characters", spellCheck: false },
            t("clientForm.taxIdHint"), true)}
          <div className="form-row">
            {text("email", "field.email", { type: "email", autoComplete: "off", inputMode: "email" })}
            {text("phone", "field.phone", { type: "tel", autoComplete: "off", inputMode: "tel" }, t("clientForm.phoneHint"))}
          </div>
          <div className="form-row">
            {text("birth_date", person ? "field.birthDate" : "field.foundedDate", { type: "date" })}
            <Field id="client-locale" name="locale" label={t("field.locale")} error={errors.locale}>
              {(props) => (
                <select {...props} value={values.locale} onChange={set("locale")}>
                  {LANGUAGES.map((code) => <option key={code} value={code} lang={code}>{LANGUAGE_NAMES[code]}</option>)}
                </select>
              )}
            </Field>
          </div>
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? t("clientForm.submitting") : t("clientForm.submit")}
            </button>
            <Link className="button button--ghost-dark" to="/app/clients">{t("clientForm.cancel")}</Link>
          </div>
        </form>
      </section>
    </div>
  );
}
