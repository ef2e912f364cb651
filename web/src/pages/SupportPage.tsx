// /app/support: a customer's requests (their client's tickets, with "New request" and "Request a
// review" — seed 003's "¿Falta algún proceso o expediente? Solicite una revisión"), or the staff's
// tickets inbox with its filters (status, type, mine or unassigned) kept in the URL. Both list the
// most recent activity first, 20 at a time with "show more".
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { api, ProblemError } from "../api";
import { isStaff, type Page } from "../api/types";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { problemMessage } from "../i18n/problems";
import { useSession } from "../session/SessionProvider";
import {
  INBOX_FILTER_NAMES, TICKET_STATUSES, TICKET_TYPES, inboxFiltersFrom, statusLabel, statusTone, typeLabel,
  type InboxFilters, type Ticket,
} from "./supportView";

const PAGE_SIZE = 20;

export function StatusBadge({ status }: { status: string }) {
  const i18n = useI18n();
  return <span className={`pill pill--${statusTone(status)}`}>{statusLabel(i18n, status)}</span>;
}

/** "¿Falta algún proceso o expediente? Solicite una revisión": the link to a review request. */
export function ReviewRequestLink() {
  const { t } = useI18n();
  return (
    <p className="review-request">
      {t("support.reviewQuestion")}{" "}
      <Link to="/app/support/new?type=request_review">{t("support.reviewLink")}</Link>
    </p>
  );
}

function InboxFiltersForm({ filters, onApply }: { filters: InboxFilters; onApply: (next: InboxFilters) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [draft, setDraft] = useState(filters);
  useEffect(() => setDraft(filters), [filters]);
  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(draft);
  }
  const set = (name: keyof InboxFilters) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [name]: event.target.value }));
  return (
    <form className="filters" onSubmit={submit} aria-labelledby="inbox-filters-title" noValidate>
      <h2 id="inbox-filters-title" className="filters__title">{t("support.filters")}</h2>
      <div className="filters__grid">
        <div className="field">
          <label htmlFor="inbox-status">{t("support.status")}</label>
          <select id="inbox-status" value={draft.status} onChange={set("status")}>
            <option value="">{t("support.any")}</option>
            <option value="active">{t("support.activeOnly")}</option>
            {TICKET_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(i18n, s)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-type">{t("support.type")}</label>
          <select id="inbox-type" value={draft.type} onChange={set("type")}>
            <option value="">{t("support.any")}</option>
            {TICKET_TYPES.map((type) => <option key={type} value={type}>{typeLabel(i18n, type)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="inbox-assigned">{t("support.assigned")}</label>
          <select id="inbox-assigned" value={draft.assigned} onChange={set("assigned")}>
            <option value="">{t("support.anyone")}</option>
            <option value="me">{t("support.assignedMe")}</option>
            <option value="none">{t("support.assignedNone")}</option>
          </select>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary">{t("support.apply")}</button>
      </div>
    </form>
  );
}

export function SupportPage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const { state } = useSession();
  const staff = state.status === "authenticated" && isStaff(state.me);
  const [params, setParams] = useSearchParams();
  const filters = inboxFiltersFrom(params, staff);
  const filterKey = INBOX_FILTER_NAMES.map((name) => filters[name]).join("|");
  const [items, setItems] = useState<Ticket[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ProblemError | null>(null);

  const load = useCallback(async (after: string | null, signal?: AbortSignal) => {
    setLoading(true);
    setProblem(null);
    const [status, type, assigned] = filterKey.split("|");
    try {
      const page = await api.get<Page<Ticket>>("/tickets", {
        query: { limit: PAGE_SIZE, cursor: after ?? undefined, status, type, assigned }, signal });
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.next_cursor);
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      if (!(error instanceof ProblemError)) throw error;
      setProblem(error);
    } finally {
      setLoading(false);
    }
  }, [filterKey]);

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load]);

  function apply(next: InboxFilters) {
    const search = new URLSearchParams();
    for (const name of INBOX_FILTER_NAMES) search.set(name, next[name]);
    setParams(search);
  }

  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{staff ? t("support.inboxTitle") : t("support.title")}</PageTitle>
        <p className="lead">{staff ? t("support.inboxIntro") : t("support.intro")}</p>
      </div>
      {!staff ? (
        <div className="form-actions">
          <Link className="button button--primary" to="/app/support/new">{t("support.new")}</Link>
          <Link className="button" to="/app/support/new?type=request_review">{t("support.reviewLink")}</Link>
        </div>
      ) : <InboxFiltersForm filters={filters} onApply={apply} />}
      {problem ? <Notice tone="error">{problemMessage(problem, i18n)}</Notice> : null}
      {!loading && !problem && items.length === 0 ? <p className="empty-state">{t("support.empty")}</p> : null}
      <ul className="item-list ticket-list" aria-busy={loading} data-testid="ticket-list">
        {items.map((ticket) => (
          <li key={ticket.id} className="card item-list__item">
            <h2 className="item-list__title">
              <Link to={`/app/support/tickets/${ticket.id}`}>#{ticket.number} · {ticket.subject}</Link>
            </h2>
            <p className="ticket-meta">
              <StatusBadge status={ticket.status} /> {typeLabel(i18n, ticket.type)}
              {staff ? <> · {ticket.client_name}</> : null}
              {" · "}{ticket.assignee_name ? t("support.handledBy", { name: ticket.assignee_name })
                : t("support.unassigned")}
            </p>
            <p className="field__hint">
              {t("support.lastActivity", { date: formatDateTime(ticket.last_message_at) })}
              {" · "}{i18n.plural("support.messages", ticket.message_count)}
            </p>
          </li>
        ))}
      </ul>
      {loading ? <p className="loading" role="status">{t("app.loading")}</p> : null}
      {cursor && !loading ? (
        <button type="button" className="button" onClick={() => { void load(cursor); }}>{t("support.more")}</button>
      ) : null}
    </div>
  );
}
