// The client list's filters as a form: free text, salesperson, kind, birthdays between two days
// (with "this week" / "this month" shortcuts), categories, has / lacks a policy line, portal user
// and alerts. The page applies them to the URL on "Buscar"; the API's field errors on a filter
// (`filter.birthday_to` …) show beside the control they are about.
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import type { FieldProblem } from "../../api/client";
import type { CategoryRef, Colleague } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { fieldMessage, fieldName } from "../../i18n/problems";
import { codeLabel } from "../client/labels";
import { EMPTY_FILTER, isEmptyFilter, type ClientFilter } from "./clientFilter";
import { birthdayRange } from "./listView";

export type FilterOptions = { colleagues: Colleague[]; categories: CategoryRef[]; lines: string[] };

type TextKey = "q" | "salesperson_id" | "birthday_from" | "birthday_to" | "has_policy_line" | "lacks_policy_line"
  | "portal_user" | "alerts" | "kind";

/** The id of the control of a filter field (`clients-filter-birthday_to`; the text box keeps its
 * old id, clients-q, for links and tests). */
export function filterControlId(field: string): string {
  return field === "q" ? "clients-q" : `clients-filter-${field}`;
}

export function FilterPanel({ filter, options, errors, onApply }: {
  filter: ClientFilter;
  options: FilterOptions;
  errors: FieldProblem[];
  onApply: (filter: ClientFilter) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState<ClientFilter>(filter);
  const filterKey = JSON.stringify(filter);
  // The form shows the URL's filter again after back/forward or a saved filter.
  useEffect(() => setDraft(JSON.parse(filterKey) as ClientFilter), [filterKey]);

  const set = (key: TextKey) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));
  const errorOf = (field: string) => {
    const found = errors.find((e) => fieldName(e) === field);
    return found ? fieldMessage(found, i18n) : "";
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim() });
  }

  function shortcut(period: "week" | "month") {
    const { from, to } = birthdayRange(period, new Date());
    const next = { ...draft, birthday_from: from, birthday_to: to };
    setDraft(next);
    onApply(next);
  }

  function toggleCategory(id: string, on: boolean) {
    setDraft((d) => ({
      ...d, category_ids: on ? [...d.category_ids, id] : d.category_ids.filter((c) => c !== id),
    }));
  }

  // A field with its label, error and control (the select/input is given its ids here).
  function control(field: TextKey, label: string, input: (props: ControlAttrs) => ReactNode, hint?: string) {
    const id = filterControlId(field);
    const error = errorOf(field);
    const describedBy = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ");
    return (
      <div className={`field${error ? " field--invalid" : ""}`}>
        <label htmlFor={id}>{label}</label>
        {hint ? <p id={`${id}-hint`} className="field__hint">{hint}</p> : null}
        {error ? <p id={`${id}-error`} className="field__error"><span aria-hidden="true">⚠ </span>{error}</p> : null}
        {input({ id, name: field, value: draft[field], onChange: set(field),
          "aria-describedby": describedBy || undefined, "aria-invalid": error ? true : undefined })}
      </div>
    );
  }

  const any = <option value="">{t("clientsList.any")}</option>;
  const lineOptions = options.lines.map((line) => (
    <option key={line} value={line}>{codeLabel(i18n, "policyLine", line)}</option>
  ));
  const categoriesError = errorOf("category_ids");

  return (
    <form role="search" className="filters" onSubmit={submit} aria-labelledby="clients-filters-title" noValidate>
      <h2 id="clients-filters-title" className="filters__title">{t("clientsList.filters")}</h2>
      <div className="search__field">
        {control("q", t("clients.search"), (props) => (
          <div className="search__row">
            <input {...props} type="search" autoComplete="off" />
            <button type="submit" className="button">{t("clients.searchSubmit")}</button>
          </div>
        ), t("clients.searchHint"))}
      </div>
      <div className="filters__grid">
        {control("salesperson_id", t("clientsList.salesperson"), (props) => (
          <select {...props}>
            {any}
            {options.colleagues.map((c) => <option key={c.id} value={c.id}>{c.display_name}</option>)}
          </select>
        ))}
        {control("kind", t("field.kind"), (props) => (
          <select {...props}>
            {any}
            {(["person", "company", "consortium"] as const).map((k) => <option key={k} value={k}>{t(`kind.${k}`)}</option>)}
          </select>
        ))}
        {control("portal_user", t("field.portalUser"), (props) => (
          <select {...props}>
            {any}
            <option value="yes">{t("clients.portalYes")}</option>
            <option value="no">{t("clients.portalNo")}</option>
          </select>
        ))}
        {control("alerts", t("clientsList.alerts"), (props) => (
          <select {...props}>
            {any}
            <option value="on">{t("clientsList.alertsSomeOn")}</option>
            <option value="off">{t("clientsList.alertsAllOff")}</option>
          </select>
        ))}
        {control("has_policy_line", t("clientsList.hasLine"), (props) => <select {...props}>{any}{lineOptions}</select>)}
        {control("lacks_policy_line", t("clientsList.lacksLine"), (props) => <select {...props}>{any}{lineOptions}</select>)}
      </div>

      <fieldset className="repeat" aria-describedby="clients-birthday-hint">
        <legend>{t("clientsList.birthday")}</legend>
        <p id="clients-birthday-hint" className="field__hint">{t("clientsList.birthdayHint")}</p>
        <div className="filters__grid">
          {control("birthday_from", t("clientsList.birthdayFrom"), (props) => <input {...props} type="date" />)}
          {control("birthday_to", t("clientsList.birthdayTo"), (props) => <input {...props} type="date" />)}
        </div>
        <div className="form-actions">
          <button type="button" className="button button--small" onClick={() => shortcut("week")}>
            {t("clientsList.thisWeek")}
          </button>
          <button type="button" className="button button--small" onClick={() => shortcut("month")}>
            {t("clientsList.thisMonth")}
          </button>
        </div>
      </fieldset>

      {options.categories.length ? (
        <fieldset className={`repeat${categoriesError ? " field--invalid" : ""}`}
          aria-describedby={categoriesError ? "clients-filter-category_ids-error" : undefined}>
          <legend>{t("clientsList.categories")}</legend>
          {categoriesError ? (
            <p id="clients-filter-category_ids-error" className="field__error">
              <span aria-hidden="true">⚠ </span>{categoriesError}
            </p>
          ) : null}
          <div className="checkbox-grid">
            {options.categories.map((category, index) => (
              <div key={category.id} className="checkbox">
                <input type="checkbox" id={index ? `clients-filter-category-${category.id}` : filterControlId("category_ids")}
                  checked={draft.category_ids.includes(category.id)}
                  onChange={(e) => toggleCategory(category.id, e.target.checked)} />
                <label htmlFor={index ? `clients-filter-category-${category.id}` : filterControlId("category_ids")}>
                  {category.name}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      ) : null}

      <div className="form-actions">
        <button type="submit" className="button button--primary">{t("clientsList.apply")}</button>
        {!isEmptyFilter(filter) || !isEmptyFilter(draft) ? (
          <button type="button" className="button button--ghost-dark" onClick={() => { setDraft(EMPTY_FILTER); onApply(EMPTY_FILTER); }}>
            {t("clientsList.clear")}
          </button>
        ) : null}
      </div>
    </form>
  );
}

type ControlAttrs = {
  id: string;
  name: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
};
