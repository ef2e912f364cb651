// Staff: the firm's clients. Search (kept in the URL, ?q=), pages of results with "load more"
// (cursor paging), a table that becomes cards on phones, creating a client's portal user and,
// for those allowed (`customer-accounts:close`: admins and agents), closing it.
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { api, ProblemError } from "../api";
import type { Client, Page, PortalUser } from "../api/types";
import { pageSizeFrom } from "../components/cursorPages";
import { LoadFailed, LoadMoreButton } from "../components/LoadMore";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useCursorPages } from "../components/useCursorPages";
import { useI18n, type I18n } from "../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../i18n/problems";
import { can } from "../session/permissions";
import { useSession } from "../session/SessionProvider";
import { ClosePortalAccessDialog } from "./ClosePortalAccessDialog";

const PAGE_SIZE = 20;

// Messages are kept as functions of the translator so they follow a change of language.
type Flash = { tone: "success" | "error"; text: (i18n: I18n) => string } | null;

type ClosableClient = Client & { portal_user_id: string };

function closable(client: Client): client is ClosableClient {
  return client.has_portal_user && !!client.portal_user_id;
}

export function ClientsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const { state } = useSession();
  const mayClose = state.status === "authenticated" && can(state.me, "customer-accounts:close");
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const limit = pageSizeFrom(params.get("limit"), PAGE_SIZE, 100);
  const [draft, setDraft] = useState(q);
  const [flash, setFlash] = useState<Flash>(() => {
    const created = (location.state as { created?: string } | null)?.created;
    return created ? { tone: "success", text: (i) => i.t("clients.created", { name: created }) } : null;
  });
  const [creating, setCreating] = useState<string | null>(null);
  const [closing, setClosing] = useState<ClosableClient | null>(null);
  const closeButton = useRef<HTMLButtonElement | null>(null);
  const flashRef = useRef<HTMLDivElement>(null);
  const fetchPage = useCallback((cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<Client>>("/clients", { query: { q, limit, cursor }, signal }), [q, limit]);
  const { items, setItems, cursor, status, loadError, tableRef, reload, loadMore } = useCursorPages(fetchPage);

  // The search box shows the URL's search again after back/forward.
  useEffect(() => setDraft(q), [q]);

  function search(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams(params);
    if (draft.trim()) next.set("q", draft.trim());
    else next.delete("q");
    setFlash(null);
    setParams(next);
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

  return (
    <div className="stack">
      <div className="page-head page-head--actions">
        <PageTitle>{t("clients.title")}</PageTitle>
        <Link className="button button--primary" to="/app/clients/new">
          <span className="button__icon" aria-hidden="true">+</span>{t("clients.new")}
        </Link>
      </div>

      <form role="search" className="search" onSubmit={search} aria-label={t("clients.search")}>
        <div className="search__field">
          <label htmlFor="clients-q">{t("clients.search")}</label>
          <p id="clients-q-hint" className="field__hint">{t("clients.searchHint")}</p>
          <div className="search__row">
            <input id="clients-q" name="q" type="search" value={draft} aria-describedby="clients-q-hint"
              onChange={(e) => setDraft(e.target.value)} autoComplete="off" />
            <button type="submit" className="button">{t("clients.searchSubmit")}</button>
          </div>
        </div>
      </form>

      {flash ? (
        <div ref={flashRef} tabIndex={-1} className="focus-target">
          <Notice tone={flash.tone}>{flash.text(i18n)}</Notice>
        </div>
      ) : null}
      <LoadFailed problem={loadError} onRetry={reload} />

      <p className="result-count" role="status" aria-live="polite">
        {status === "loading" ? t("app.loading") : status === "error" ? "" :
          items.length ? i18n.plural("clients.count", items.length, { count: i18n.formatNumber(items.length) }) : t("clients.empty")}
      </p>

      {items.length ? (
        <table className="responsive-table" ref={tableRef} data-testid="clients-table" role="table">
          <caption className="visually-hidden">{t("clients.tableCaption")}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t("field.name")}</th>
              <th scope="col" role="columnheader">{t("field.kind")}</th>
              <th scope="col" role="columnheader">{t("field.taxIdShort")}</th>
              <th scope="col" role="columnheader">{t("field.email")}</th>
              <th scope="col" role="columnheader">{t("field.phone")}</th>
              <th scope="col" role="columnheader">{t("field.portalUser")}</th>
              <th scope="col" role="columnheader">{t("field.actions")}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {items.map((client) => (
              <tr key={client.id} role="row" tabIndex={-1} data-client-id={client.id}>
                <th scope="row" role="rowheader" data-label={t("field.name")}>
                  <Link to={`/app/clients/${encodeURIComponent(client.id)}`}>{client.display_name}</Link>{/* client records */}
                </th>
                <td role="cell" data-label={t("field.kind")}>{t(`kind.${client.kind}`)}</td>
                <td role="cell" data-label={t("field.taxIdShort")}>{client.tax_id}</td>
                <td role="cell" data-label={t("field.email")} className="cell--wrap">{client.email}</td>
                <td role="cell" data-label={t("field.phone")}>{client.phone}</td>
                <td role="cell" data-label={t("field.portalUser")}>
                  <span className={`pill ${client.has_portal_user ? "pill--yes" : "pill--no"}`}>
                    <span aria-hidden="true">{client.has_portal_user ? "✓ " : "✗ "}</span>
                    {client.has_portal_user ? t("clients.portalYes") : t("clients.portalNo")}
                  </span>
                </td>
                <td role="cell" data-label={t("field.actions")}>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      <LoadMoreButton cursor={cursor} status={status} onMore={loadMore} />
      {closing ? (
        <ClosePortalAccessDialog client={closing} onCancel={cancelClosing} onClosed={() => portalClosed(closing)} />
      ) : null}
    </div>
  );
}
