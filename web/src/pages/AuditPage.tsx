// /app/admin/audit, for the firm's admins: the authentication audit trail, newest first, with
// filters kept in the URL (action, outcome, from/to days, user), a table that becomes cards on
// phones, and "load more" by cursor (focus moves to the first new row).
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { api } from "../api";
import type { AuditEvent, Page } from "../api/types";
import { describeDevice } from "../account/userAgent";
import { pageSizeFrom } from "../components/cursorPages";
import { LoadFailed, LoadMoreButton } from "../components/LoadMore";
import { PageTitle } from "../components/PageTitle";
import { useCursorPages } from "../components/useCursorPages";
import { useI18n } from "../i18n/I18nProvider";
import {
  AUDIT_ACTIONS, AUDIT_OUTCOMES, FILTER_NAMES, auditLabel, auditQuery, datesReversed, detailPairs, filtersFrom,
  outcomeTone, type AuditFilters,
} from "./auditView";

const PAGE_SIZE = 50;

export function AuditPage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const limit = pageSizeFrom(params.get("limit"), PAGE_SIZE, 200);
  const [draft, setDraft] = useState<AuditFilters>(() => filtersFrom(params));
  const [draftError, setDraftError] = useState("");
  const fetchPage = useCallback((cursor: string | undefined, signal?: AbortSignal) => {
    const filters = filtersFrom(new URLSearchParams(paramsKey));
    return api.get<Page<AuditEvent>>("/audit-events", { query: { ...auditQuery(filters), limit, cursor }, signal });
  }, [paramsKey, limit]);
  const { items, cursor, status, loadError, tableRef, reload, loadMore } = useCursorPages(fetchPage);

  useEffect(() => {
    setDraft(filtersFrom(new URLSearchParams(paramsKey)));
  }, [paramsKey]);

  function apply(event: FormEvent) {
    event.preventDefault();
    if (datesReversed(draft)) {
      setDraftError(t("audit.datesReversed"));
      document.getElementById("audit-from")?.focus();
      return;
    }
    setDraftError("");
    const next = new URLSearchParams();
    for (const name of FILTER_NAMES) {
      const value = draft[name].trim();
      if (value) next.set(name, value);
    }
    if (params.get("limit")) next.set("limit", String(limit));
    setParams(next);
  }

  const set = (name: keyof AuditFilters) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [name]: event.target.value }));
  const filtered = FILTER_NAMES.some((name) => params.get(name));

  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("audit.title")}</PageTitle>
        <p className="lead">{t("audit.intro")}</p>
      </div>

      <form className="filters" onSubmit={apply} aria-labelledby="audit-filters-title" noValidate>
        <h2 id="audit-filters-title" className="filters__title">{t("audit.filters")}</h2>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="audit-action">{t("audit.action")}</label>
            <select id="audit-action" name="action" value={draft.action} onChange={set("action")}>
              <option value="">{t("audit.any")}</option>
              {AUDIT_ACTIONS.map((code) => <option key={code} value={code}>{auditLabel(i18n, "auditAction", code)}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="audit-outcome">{t("audit.outcome")}</label>
            <select id="audit-outcome" name="outcome" value={draft.outcome} onChange={set("outcome")}>
              <option value="">{t("audit.any")}</option>
              {AUDIT_OUTCOMES.map((code) => <option key={code} value={code}>{auditLabel(i18n, "auditOutcome", code)}</option>)}
            </select>
          </div>
          <div className={`field${draftError ? " field--invalid" : ""}`}>
            <label htmlFor="audit-from">{t("audit.from")}</label>
            {draftError ? <p id="audit-from-error" className="field__error"><span aria-hidden="true">⚠ </span>{draftError}</p> : null}
            <input id="audit-from" name="from" type="date" value={draft.from} onChange={set("from")}
              aria-invalid={draftError ? true : undefined} aria-describedby={draftError ? "audit-from-error" : undefined} />
          </div>
          <div className="field">
            <label htmlFor="audit-to">{t("audit.to")}</label>
            <input id="audit-to" name="to" type="date" value={draft.to} onChange={set("to")} />
          </div>
          <div className="field">
            <label htmlFor="audit-user">{t("audit.userId")}</label>
            <input id="audit-user" name="user_id" type="text" value={draft.user_id} onChange={set("user_id")}
              autoComplete="off" spellCheck={false} autoCapitalize="none" />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">{t("audit.apply")}</button>
          {filtered ? <Link className="button" to="/app/admin/audit">{t("audit.clear")}</Link> : null}
        </div>
      </form>

      <LoadFailed problem={loadError} onRetry={reload} />

      <p className="result-count" role="status" aria-live="polite">
        {status === "loading" ? t("app.loading") : status === "error" ? "" :
          items.length ? i18n.plural("audit.count", items.length, { count: i18n.formatNumber(items.length) }) : t("audit.empty")}
      </p>

      {items.length ? (
        <table className="responsive-table audit-table" ref={tableRef} role="table" data-testid="audit-table">
          <caption className="visually-hidden">{t("audit.tableCaption")}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t("audit.time")}</th>
              <th scope="col" role="columnheader">{t("audit.action")}</th>
              <th scope="col" role="columnheader">{t("audit.outcome")}</th>
              <th scope="col" role="columnheader">{t("audit.user")}</th>
              <th scope="col" role="columnheader">{t("security.address")}</th>
              <th scope="col" role="columnheader">{t("security.device")}</th>
              <th scope="col" role="columnheader">{t("audit.detail")}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {items.map((event) => {
              const tone = outcomeTone(event.outcome);
              const pairs = detailPairs(i18n, event.detail);
              return (
                <tr key={event.id} role="row" tabIndex={-1} data-event-id={event.id}>
                  <th scope="row" role="rowheader" data-label={t("audit.time")}>
                    <time dateTime={event.created_at}>{formatDateTime(event.created_at)}</time>
                  </th>
                  <td role="cell" data-label={t("audit.action")}>{auditLabel(i18n, "auditAction", event.action)}</td>
                  <td role="cell" data-label={t("audit.outcome")}>
                    <span className={`pill pill--${tone}`}>
                      {tone === "neutral" ? null : <span aria-hidden="true">{tone === "yes" ? "✓ " : "✗ "}</span>}
                      {auditLabel(i18n, "auditOutcome", event.outcome)}
                    </span>
                  </td>
                  <td role="cell" data-label={t("audit.user")} className="cell--wrap cell--code">
                    {event.user_id ? (
                      <Link to={`/app/admin/audit?user_id=${encodeURIComponent(event.user_id)}`}
                        aria-label={t("audit.filterByUser", { user: event.user_id })}>{event.user_id}</Link>
                    ) : <span className="empty-state">{t("audit.noUser")}</span>}
                  </td>
                  <td role="cell" data-label={t("security.address")} className="cell--wrap">{event.source_address}</td>
                  <td role="cell" data-label={t("security.device")}>{event.user_agent ? describeDevice(event.user_agent, t) : ""}</td>
                  <td role="cell" data-label={t("audit.detail")} className="cell--wrap">
                    {pairs.length ? (
                      <dl className="detail-list">
                        {pairs.map(([label, value]) => (
                          <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
                        ))}
                      </dl>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}

      <LoadMoreButton cursor={cursor} status={status} onMore={loadMore} />
    </div>
  );
}
