// Staff: create a client (person, company or consortium; /app/clients/new?kind=company) or edit
// one (/app/clients/:clientId/edit). The API validates; its problem+json field errors are shown
// beside each control (aria-describedby, aria-invalid) and in a summary that links to them. An
// edit sends only what changed with the version read: when someone else saved in between, the
// API refuses (409) and the page offers to reload instead of overwriting their work.
import { useEffect, useState, type FormEvent, type InputHTMLAttributes } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { api, ProblemError } from "../api";
import type { Category, ClientKind, ClientRecord, ClientRecordIn, Colleague, Page } from "../api/types";
import { ErrorSummary, type SummaryItem } from "../components/ErrorSummary";
import { Field, type ControlProps } from "../components/Field";
import { LoadFailed } from "../components/LoadMore";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { LANGUAGES, LANGUAGE_NAMES, type Key } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";
import { AddressesEditor } from "./client/AddressesEditor";
import { AlertsEditor } from "./client/AlertsEditor";
import { controlId, emptyClient, fromRecord, patchFor, payloadFor, requiredMissing, sharesTotal } from "./client/clientFormView";
import { formErrors, NO_ERRORS, type FormErrors } from "./client/formErrors";
import { PhonesEditor } from "./client/PhonesEditor";

const KINDS: ClientKind[] = ["person", "company", "consortium"];
type TextField = "first_name" | "last_name" | "legal_name" | "trade_name" | "tax_id" | "tax_id_type" | "email"
  | "birth_date";
// The order of the error summary: the form's own order.
const ORDER = ["kind", "first_name", "last_name", "legal_name", "trade_name", "tax_id", "tax_id_type", "email",
  "phone", "phones", "addresses", "birth_date", "locale", "members", "category_ids", "salesperson_id"];

function orderOf(key: string): number {
  const index = ORDER.indexOf(key.split(".")[0] ?? key);
  return index < 0 ? ORDER.length : index;
}

/** Where an error key's control is: its id, or the list's first control. */
function errorTarget(key: string, values: ClientRecordIn): string {
  if (key === "kind") return `client-kind-${values.kind}`;
  if (key === "phone") return "client-phones-0-number";
  if (key === "members" || key === "category_ids") return `client-${key}-start`;
  return controlId(key);
}

interface Options {
  colleagues: Colleague[];
  categories: Category[];
}

function useOptions(): { options: Options; error: ProblemError | null } {
  const [options, setOptions] = useState<Options>({ colleagues: [], categories: [] });
  const [error, setError] = useState<ProblemError | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    Promise.all([
      api.get<{ items: Colleague[] }>("/staff-directory", { signal: controller.signal }),
      api.get<{ items: Category[] }>("/categories", { signal: controller.signal }),
    ]).then(([colleagues, categories]) => setOptions({ colleagues: colleagues.items, categories: categories.items }))
      .catch((e: unknown) => { if (e instanceof ProblemError) setError(e); });
    return () => controller.abort();
  }, []);
  return { options, error };
}

/** A consortium's members: each company with its share, and a search to add companies. */
function MembersEditor({ members, names, errors, onChange }: {
  members: ClientRecordIn["members"];
  /** The member companies' names (the form sends only their ids). */
  names: Record<string, string>;
  errors: Record<string, string>;
  onChange: (members: ClientRecordIn["members"], names: Record<string, string>) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [q, setQ] = useState("");
  const [found, setFound] = useState<ClientRecord[] | null>(null);
  const total = sharesTotal(members);

  async function search() {
    const page = await api.get<Page<ClientRecord>>("/clients", { query: { q: q.trim(), limit: 20 } });
    setFound(page.items.filter((c) => c.kind === "company" && !members.some((m) => m.client_id === c.id)));
  }

  function add(company: ClientRecord) {
    setFound((list) => list?.filter((c) => c.id !== company.id) ?? null);
    onChange([...members, { client_id: company.id, share: "" }], { ...names, [company.id]: company.display_name });
  }

  return (
    <fieldset className="repeat" aria-describedby="client-members-hint">
      <legend id="client-members-start" tabIndex={-1}>{t("field.members")}</legend>
      <p id="client-members-hint" className="field__hint">{t("clientForm.membersHint")}</p>
      {errors.members ? <p className="field__error" role="status">{errors.members}</p> : null}
      {members.map((member, index) => {
        const n = index + 1;
        return (
          <div key={member.client_id} className="repeat__row" role="group" aria-label={t("clientForm.member", { n })}>
            <p className="repeat__name">
              {names[member.client_id] ?? member.client_id}
              {errors[`members.${index}.client_id`] ? (
                <span className="field__error"> {errors[`members.${index}.client_id`]}</span>
              ) : null}
            </p>
            <Field id={controlId(`members.${index}.share`)} label={`${t("field.share")} · ${names[member.client_id] ?? n}`}
              error={errors[`members.${index}.share`]}>
              {(props) => (
                <input {...props} type="text" inputMode="decimal" value={member.share}
                  onChange={(e) => onChange(members.map((m, i) => (i === index ? { ...m, share: e.target.value } : m)), names)} />
              )}
            </Field>
            <button type="button" className="button button--small button--ghost-dark repeat__remove"
              aria-label={t("clientForm.removeMember", { n })}
              onClick={() => onChange(members.filter((_, i) => i !== index), names)}>✕</button>
          </div>
        );
      })}
      {members.length ? (
        <p className="field__hint" aria-live="polite">
          {t("clientForm.sharesTotal", { total: total === null ? "?" : i18n.formatNumber(total / 100) })}
        </p>
      ) : null}
      <div className="search__row">
        <label className="visually-hidden" htmlFor="client-members-search">{t("clientForm.chooseCompany")}</label>
        <input id="client-members-search" type="search" value={q} placeholder={t("clientForm.chooseCompany")}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={(e) => { if (e.key === "Enter") { e.preventDefault(); void search(); } }} />
        <button type="button" className="button button--small" onClick={() => { void search(); }}>
          {t("clients.searchSubmit")}
        </button>
      </div>
      {found ? (
        <ul className="plain-list" aria-live="polite">
          {found.length ? found.map((company) => (
            <li key={company.id}>
              <button type="button" className="button button--small" onClick={() => add(company)}>
                <span className="button__icon" aria-hidden="true">+</span>
                {t("clientForm.addMember")}: {company.display_name} ({company.tax_id})
              </button>
            </li>
          )) : <li>{t("clients.empty")}</li>}
        </ul>
      ) : null}
    </fieldset>
  );
}

export function ClientFormPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const { clientId } = useParams();
  const [params] = useSearchParams();
  const editing = !!clientId;
  const requestedKind = params.get("kind") as ClientKind | null;
  const [values, setValues] = useState<ClientRecordIn>(() =>
    emptyClient(requestedKind && KINDS.includes(requestedKind) ? requestedKind : "person"));
  const [original, setOriginal] = useState<{ values: ClientRecordIn; record: ClientRecord } | null>(null);
  const [memberNames, setMemberNames] = useState<Record<string, string>>({});
  const [loadError, setLoadError] = useState<ProblemError | null>(null);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const { options, error: optionsError } = useOptions();
  const person = values.kind === "person";

  async function load() {
    if (!clientId) return;
    setLoadError(null);
    try {
      const record = await api.get<ClientRecord>(`/clients/${encodeURIComponent(clientId)}`);
      const loaded = fromRecord(record);
      setOriginal({ values: loaded, record });
      setValues(loaded);
      setMemberNames(Object.fromEntries(record.members.map((m) => [m.client_id, m.display_name])));
      setConflict(false);
      setErrors(NO_ERRORS);
    } catch (error) {
      if (error instanceof ProblemError) setLoadError(error);
      else throw error;
    }
  }

  // Loads again only when another client is opened (load reads nothing else that changes).
  useEffect(() => { void load(); }, [clientId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // An empty document number stops the API at its first gate (the request's shape), so the
    // required fields are checked here first and shown all together.
    const missing = requiredMissing(values);
    if (missing.length) {
      setErrors({ byKey: Object.fromEntries(missing.map((f) => [f, t("fieldError.required")])), general: [] });
      setFocusKey((k) => k + 1);
      return;
    }
    setBusy(true);
    try {
      if (editing && original && clientId) {
        const saved = await api.patch<ClientRecord>(`/clients/${encodeURIComponent(clientId)}`,
          patchFor(original.values, values, original.record.version));
        navigate(`/app/clients/${encodeURIComponent(saved.id)}`, { state: { saved: true } });
      } else {
        const created = await api.post<ClientRecord>("/clients", payloadFor(values));
        navigate("/app/clients", { state: { created: created.display_name } });
      }
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setConflict(error.status === 409 && error.code === "edit_conflict");
      setErrors(formErrors(error, i18n, (key) => orderOf(key) < ORDER.length));
      setFocusKey((k) => k + 1);
      setBusy(false);
    }
  }

  const set = (field: TextField | "locale" | "salesperson_id") => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const keys = Object.keys(errors.byKey).sort((a, b) => orderOf(a) - orderOf(b));
  const items: SummaryItem[] = [
    ...errors.general.map((message) => ({ message })),
    ...keys.map((key) => ({ fieldId: errorTarget(key, values), message: errors.byKey[key] ?? "" })),
  ];
  const summaryTitle = keys.length ? i18n.plural("clientForm.errorSummary", keys.length) : t("problem.generic");

  const text = (field: TextField, label: Key, extra: InputHTMLAttributes<HTMLInputElement> = {},
    hint?: string, required = false) => (
    <Field id={`client-${field}`} name={field} label={t(label)} error={errors.byKey[field]} hint={hint} required={required}>
      {(props: ControlProps) => <input {...props} {...extra} value={values[field]} onChange={set(field)} />}
    </Field>
  );

  const title = editing ? t("clientForm.editTitle") : t("clientForm.title");
  if (editing && loadError) {
    return <div className="stack"><PageTitle>{title}</PageTitle><LoadFailed problem={loadError} onRetry={() => { void load(); }} /></div>;
  }
  if (editing && !original) return <p className="loading" role="status">{t("app.loading")}</p>;

  return (
    <div className="stack">
      <p className="breadcrumb">
        {editing && clientId
          ? <Link to={`/app/clients/${encodeURIComponent(clientId)}`}>← {original?.record.display_name}</Link>
          : <Link to="/app/clients">← {t("clients.title")}</Link>}
      </p>
      <section className="card card--form-wide" aria-labelledby="client-form-title">
        <PageTitle id="client-form-title" title={editing ? `${title}: ${original?.record.display_name}` : title}>{title}</PageTitle>
        <p>{t("clientForm.intro")}</p>
        {conflict ? (
          <Notice tone="error">
            {t("clientForm.conflict")}{" "}
            <button type="button" className="button button--small" onClick={() => { void load(); }}>{t("clientForm.reload")}</button>
          </Notice>
        ) : <ErrorSummary title={summaryTitle} items={items} focusKey={focusKey} />}
        <LoadFailed problem={optionsError} onRetry={() => window.location.reload()} />
        <form className="form" noValidate onSubmit={(e) => { void submit(e); }} data-testid="client-form">
          {editing ? null : (
            <fieldset className={`kind-switch${errors.byKey.kind ? " field--invalid" : ""}`}>
              <legend>{t("clientForm.kind")}</legend>
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
          )}

          <h2 className="form-section">{t("clientForm.names")}</h2>
          {person ? (
            <div className="form-row">
              {text("first_name", "field.firstName", { type: "text", autoComplete: "off" }, undefined, true)}
              {text("last_name", "field.lastName", { type: "text", autoComplete: "off" }, undefined, true)}
            </div>
          ) : (
            <div className="form-row">
              {text("legal_name", "field.legalName", { type: "text", autoComplete: "off" }, undefined, true)}
              {text("trade_name", "field.tradeName", { type: "text", autoComplete: "off" })}
            </div>
          )}
          <div className="form-row">
            {text("tax_id", "field.taxId", { type: "text", autoComplete: "off", autoCapitalize: "characters", spellCheck: false },
              t("clientForm.taxIdHint"), true)}
            {text("tax_id_type", "field.taxIdType", { type: "text", autoComplete: "off", spellCheck: false },
              t("clientForm.taxIdTypeHint"))}
          </div>
          <div className="form-row">
            {text("birth_date", person ? "field.birthDate" : "field.foundedDate", { type: "date" })}
            <Field id="client-locale" name="locale" label={t("field.locale")} error={errors.byKey.locale}>
              {(props) => (
                <select {...props} value={values.locale} onChange={set("locale")}>
                  {LANGUAGES.map((code) => <option key={code} value={code} lang={code}>{LANGUAGE_NAMES[code]}</option>)}
                </select>
              )}
            </Field>
          </div>
          {values.kind === "consortium" ? (
            <MembersEditor members={values.members} names={memberNames} errors={errors.byKey}
              onChange={(members, names) => { setMemberNames(names); setValues((v) => ({ ...v, members })); }} />
          ) : null}

          <h2 className="form-section">{t("clientForm.contact")}</h2>
          {text("email", "field.email", { type: "email", autoComplete: "off", inputMode: "email" })}
          <PhonesEditor idPrefix="client" phones={values.phones} errors={{ ...errors.byKey,
            ...(errors.byKey.phone ? { "phones.0.number": errors.byKey.phone } : {}) }}
            onChange={(phones) => setValues((v) => ({ ...v, phones }))} />
          <AddressesEditor idPrefix="client" addresses={values.addresses} errors={errors.byKey}
            onChange={(addresses) => setValues((v) => ({ ...v, addresses }))} />

          <h2 className="form-section">{t("clientForm.management")}</h2>
          <Field id="client-salesperson_id" name="salesperson_id" label={t("field.salesperson")}
            error={errors.byKey.salesperson_id}>
            {(props) => (
              <select {...props} value={values.salesperson_id} onChange={set("salesperson_id")}>
                <option value="">{t("clientForm.noSalesperson")}</option>
                {original?.record.salesperson_id && !options.colleagues.some((c) => c.id === original.record.salesperson_id) ? (
                  <option value={original.record.salesperson_id}>{original.record.salesperson_name}</option>
                ) : null}
                {options.colleagues.map((c) => <option key={c.id} value={c.id}>{c.display_name}</option>)}
              </select>
            )}
          </Field>
          <fieldset className="repeat" aria-describedby={errors.byKey.category_ids ? "client-category_ids-error" : undefined}>
            <legend id="client-category_ids-start" tabIndex={-1}>{t("field.categories")}</legend>
            {errors.byKey.category_ids ? <p id="client-category_ids-error" className="field__error">{errors.byKey.category_ids}</p> : null}
            {options.categories.length ? (
              <div className="checkbox-grid">
                {options.categories.map((category) => (
                  <div key={category.id} className="checkbox">
                    <input type="checkbox" id={`client-category-${category.id}`}
                      checked={values.category_ids.includes(category.id)}
                      onChange={(e) => setValues((v) => ({ ...v, category_ids: e.target.checked
                        ? [...v.category_ids, category.id] : v.category_ids.filter((c) => c !== category.id) }))} />
                    <label htmlFor={`client-category-${category.id}`}>{category.name}</label>
                  </div>
                ))}
              </div>
            ) : <p className="field__hint">{t("clientForm.noCategories")}</p>}
          </fieldset>
          <AlertsEditor idPrefix="client" alerts={values.alerts} legend={t("field.alerts")} hint={t("clientForm.alertsHint")}
            onChange={(alerts) => setValues((v) => ({ ...v, alerts }))} />

          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={busy}>
              {editing ? (busy ? t("clientForm.saving") : t("clientForm.save"))
                : (busy ? t("clientForm.submitting") : t("clientForm.submit"))}
            </button>
            <Link className="button button--ghost-dark" to={editing && clientId ? `/app/clients/${encodeURIComponent(clientId)}` : "/app/clients"}>
              {t("clientForm.cancel")}
            </Link>
          </div>
        </form>
      </section>
    </div>
  );
}
