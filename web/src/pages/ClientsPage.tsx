// Staff: the firm's clients. Filters (free text, salesperson, birthdays, categories, policy lines,
// portal user, alerts, kind) kept in the URL so back/forward and shared links work, saved filters,
// two tabs (clients, and the contacts of those clients), sorting, the total matching, pages of
// results with "load more" (cursor paging), a table that becomes cards on phones, picking clients
// (or all that match) for bulk actions, creating a client's portal user and, for those allowed
// (`customer-accounts:close`: admins and agents), closing it.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { api, ProblemError } from "../api";
import type { CategoryRef, Client, ClientRecord, Colleague, Page, PortalUser } from "../api/types";
import { pageSizeFrom } from "../components/cursorPages";
import { ErrorSummary } from "../components/ErrorSummary";
import { LoadFailed, LoadMoreButton } from "../components/LoadMore";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useCursorPages } from "../components/useCursorPages";
import { useI18n, type I18n } from "../i18n/I18nProvider";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";
import { can } from "../session/permissions";
import { useSession } from "../session/SessionProvider";
import { ClosePortalAccessDialog } from "./ClosePortalAccessDialog";
import { useLoad } from "./client/useLoad";
import { ClientsTable } from "./clients/ClientsTable";
import { ContactsList } from "./clients/ContactsList";
import { filterFromParams, type ClientFilter } from "./clients/clientFilter";
import { FilterPanel, filterControlId } from "./clients/FilterPanel";
import {
  LIST_TABS, NOTHING_PICKED, SORTS, listQuery, listTabFrom, paramsWithFilter, sortFrom, toggleOne, togglePage,
  type ListTab, type Picked, type Sort,
} from "./clients/listView";
import { SavedFilters } from "./clients/SavedFilters";
import { SelectionBar } from "./clients/SelectionBar";

const PAGE_SIZE = 20;
// While crm knows no policy yet (or GET /policy-lines fails), the lines the catalogue names.
const KNOWN_LINES = ["credit", "surety", "home"];

// Messages are kept as functions of the translator so they follow a change of language.
type Flash = { tone: "success" | "error"; text: (i18n: I18n) => string } | null;

type ClosableClient = Client & { portal_user_id: string };
type ClientList = Page<ClientRecord> & { total?: number | null };

function closable(client: Client): client is ClosableClient {
  return client.has_portal_user && !!client.portal_user_id;
}

function useFilterOptions() {
  const { data: directory } = useLoad<{ items: Colleague[] }>("/staff-directory");
  const { data: categories } = useLoad<{ items: CategoryRef[] }>("/categories");
  const { data: lines } = useLoad<{ lines: string[] }>("/policy-lines");
  return {
    colleagues: directory?.items ?? [],
    categories: categories?.items ?? [],
    lines: lines?.lines.length ? lines.lines : KNOWN_LINES,
  };
}

export function ClientsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const { state } = useSession();
  const mayClose = state.status === "authenticated" && can(state.me, "customer-accounts:close");
  const mayWrite = state.status === "authenticated" && can(state.me, "clients:write");
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const filterKey = JSON.stringify(filter);
  const tab = listTabFrom(params);
  const sort = sortFrom(params);
  const limit = pageSizeFrom(params.get("limit"), PAGE_SIZE, 100);
  const options = useFilterOptions();
  const [flash, setFlash] = useState<Flash>(() => {
    const created = (location.state as { created?: string } | null)?.created;
    return created ? { tone: "success", text: (i) => i.t("clients.created", { name: created }) } : null;
  });
  const [creating, setCreating] = useState<string | null>(null);
  const [closing, setClosing] = useState<ClosableClient | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [picked, setPicked] = useState<Picked>(NOTHING_PICKED);
  const closeButton = useRef<HTMLButtonElement | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const [focusTab, setFocusTab] = useState(false);

  const fetchPage = useCallback(async (cursor: string | undefined, signal?: AbortSignal) => {
    const query = listQuery(JSON.parse(filterKey) as ClientFilter, { sort, limit, cursor });
    const page = await api.get<ClientList>(`/clients?${query}`, { signal });
    if (!cursor) setTotal(typeof page.total === "number" ? page.total : null);
    return page;
  }, [filterKey, sort, limit]);
  const { items, setItems, cursor, status, loadError, tableRef, reload, loadMore } = useCursorPages(fetchPage);

  // Another filter is another set of clients: what was picked no longer applies.
  useEffect(() => setPicked(NOTHING_PICKED), [filterKey]);
  useEffect(() => {
    if (focusTab) { tabRefs.current[tab]?.focus(); setFocusTab(false); }
  }, [tab, focusTab]);

  function applyFilter(next: ClientFilter) {
    setFlash(null);
    setParams(paramsWithFilter(params, next));
  }

  function setParam(name: string, value: string, fallback: string) {
    const next = new URLSearchParams(params);
    if (value === fallback) next.delete(name); else next.set(name, value);
    setParams(next, { replace: true });
  }

  function openTab(next: ListTab, focus = false) {
    setParam("tab", next, "clients");
    setFocusTab(focus);
  }

  function onTabKey(event: KeyboardEvent) {
    const index = LIST_TABS.indexOf(tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: LIST_TABS.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    openTab(LIST_TABS[(moves[event.key]! + LIST_TABS.length) % LIST_TABS.length]!, true);
  }

  async function createPortalUser(client: Client) {
    setCreating(client.id);
    setFlash(null);
    try {
      const user = await api.post<PortalUser>(`/clients/${encodeURIComponent(client.id)}/portal-user`, {});
      setItems((list) => list.map((c) => (c.id === client.id ? { ...c, has_portal_user: true, portal_user_id: user.user_id } : c)));
      setFlash({ tone: "success", text: (i) => i.t("clients.portalUserCreated", { name: client.display_name, username: user.username }) });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const problem = error;
      setFlash({ tone: "error", text: (i) => {
        const fields = problem.errors.map((fe) => fieldMessage(fe, i)).join(" ");
        return `${client.display_name}: ${fields || problemMessage(problem, i)}`;
      } });
    } finally {
      setCreating(null);
    }
  }

  function askToClose(client: ClosableClient, button: HTMLButtonElement) {
    closeButton.current = button;
    setFlash(null);
    setClosing(client);
  }

  function cancelClosing() {
    setClosing(null);
    window.setTimeout(() => closeButton.current?.focus(), 0);
  }

  function portalClosed(client: Client) {
    setClosing(null);
    // crm forgets the portal user when it hears of the closure; until the next load, say it here.
    setItems((list) => list.map((c) => (c.id === client.id ? { ...c, has_portal_user: false, portal_user_id: null } : c)));
    setFlash({ tone: "success", text: (i) => i.t("clients.portalClosed", { name: client.display_name }) });
    window.setTimeout(() => flashRef.current?.focus(), 0);
  }

  function rowActions(client: ClientRecord) {
    return (
      <>
        {client.has_portal_user ? null : (
          <button type="button" className="button button--small"
            aria-label={t("clients.createPortalUserFor", { name: client.display_name })}
            disabled={creating === client.id}
            onClick={() => { void createPortalUser(client); }}>
            {creating === client.id ? t("clients.creatingPortalUser") : t("clients.createPortalUser")}
          </button>
        )}
        {mayClose && closable(client) ? (
          <button type="button" className="button button--small button--danger-quiet"
            aria-label={t("clients.closePortalFor", { name: client.display_name })}
            onClick={(event) => askToClose(client, event.currentTarget)}>
            {t("clients.closePortal")}
          </button>
        ) : null}
      </>
    );
  }

  // A filter the API refused (an impossible date range…) is said beside its control.
  // The list takes nothing else but the page's cursor and size, so its field errors are the filter's.
  const filterErrors = loadError?.errors ?? [];
  const shown = items.map((c) => c.id);

  return (
    <div className="stack">
      <div className="page-head page-head--actions">
        <PageTitle>{t("clients.title")}</PageTitle>
        <div className="form-actions">
          {mayWrite ? <Link className="button" to="/app/clients/import">{t("clientImport.link")}</Link> : null}
          <Link className="button button--primary" to="/app/clients/new">
            <span className="button__icon" aria-hidden="true">+</span>{t("clients.new")}
          </Link>
        </div>
      </div>

      <ErrorSummary id="clients-filter-errors" title={t("clientsList.filterErrors")} focusKey={filterErrors.length}
        items={filterErrors.map((e) => ({ fieldId: filterControlId(fieldName(e)), message: fieldMessage(e, i18n) }))} />
      <FilterPanel filter={filter} options={options} errors={filterErrors} onApply={applyFilter} />
      <SavedFilters filter={filter} onApply={applyFilter} />

      {flash ? (
        <div ref={flashRef} tabIndex={-1} className="focus-target">
          <Notice tone={flash.tone}>{flash.text(i18n)}</Notice>
        </div>
      ) : null}

      <div className="tabs">
        <div role="tablist" aria-label={t("clientsList.tabs")} className="tabs__list" onKeyDown={onTabKey}>
          {LIST_TABS.map((name) => (
            <button key={name} type="button" role="tab" id={`list-tab-${name}`} aria-controls={`list-panel-${name}`}
              aria-selected={tab === name} tabIndex={tab === name ? 0 : -1} className="tabs__tab"
              ref={(el) => { tabRefs.current[name] = el; }} onClick={() => openTab(name)}>
              {t(`clientsList.tab.${name}`)}
            </button>
          ))}
        </div>
        <section role="tabpanel" id={`list-panel-${tab}`} aria-labelledby={`list-tab-${tab}`} className="tabs__panel stack">
          {tab === "contacts" ? <ContactsList filter={filter} limit={limit} /> : (
            <>
              {filterErrors.length ? null : <LoadFailed problem={loadError} onRetry={reload} />}
              <div className="list-head">
                <p className="result-total" role="status" data-testid="clients-total">
                  {status !== "loading" && total !== null
                    ? i18n.plural("clientsList.total", total, { count: i18n.formatNumber(total) }) : ""}
                </p>
                <div className="field field--inline">
                  <label htmlFor="clients-sort">{t("clientsList.sort")}</label>
                  <select id="clients-sort" value={sort} onChange={(e) => setParam("sort", e.target.value as Sort, "name")}>
                    {SORTS.map((s) => <option key={s} value={s}>{t(`clientsList.sortBy.${s}`)}</option>)}
                  </select>
                </div>
              </div>
              <p className="result-count" role="status" aria-live="polite">
                {status === "loading" ? t("app.loading") : status === "error" ? "" :
                  items.length ? i18n.plural("clients.count", items.length, { count: i18n.formatNumber(items.length) }) : t("clients.empty")}
              </p>
              {items.length ? (
                <>
                  <SelectionBar picked={picked} shown={shown} total={total} filter={filter}
                    onTogglePage={() => setPicked((p) => togglePage(p, shown))}
                    onPickAll={() => setPicked({ all: true })}
                    onClear={() => setPicked(NOTHING_PICKED)}
                    onChanged={reload} />
                  <ClientsTable items={items} tableRef={tableRef} picked={picked}
                    onToggle={(id) => setPicked((p) => toggleOne(p, id, shown))}
                    sortedByName={sort === "name" ? "ascending" : sort === "-name" ? "descending" : null}
                    actions={rowActions} />
                </>
              ) : null}
              <LoadMoreButton cursor={cursor} status={status} onMore={loadMore} />
            </>
          )}
        </section>
      </div>

      {closing ? (
        <ClosePortalAccessDialog client={closing} onCancel={cancelClosing} onClosed={() => portalClosed(closing)} />
      ) : null}
    </div>
  );
}
