// Staff: the firm's clients. Search (kept in the URL, ?q=), pages of results with "load more"
// (cursor paging), a table that becomes cards on phones, and creating a client's portal user.
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useLocation, useSearchParams } from "react-router";
import { api, ProblemError } from "../api";
import type { Client, Page, PortalUser } from "../api/types";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n, type I18n } from "../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../i18n/problems";

const PAGE_SIZE = 20;

function pageSize(raw: string | null): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 && value <= 100 ? value : PAGE_SIZE;
}

// Messages are kept as functions of the translator so they follow a change of language.
type Flash = { tone: "success" | "error"; text: (i18n: I18n) => string } | null;

export function ClientsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const limit = pageSize(params.get("limit"));
  const [draft, setDraft] = useState(q);
  const [items, setItems] = useState<Client[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<"loading" | "ready" | "more" | "error">("loading");
  const [loadError, setLoadError] = useState<ProblemError | null>(null);
  const [flash, setFlash] = useState<Flash>(() => {
    const created = (location.state as { created?: string } | null)?.created;
    return created ? { tone: "success", text: (i) => i.t("clients.created", { name: created }) } : null;
  });
  const [creating, setCreating] = useState<string | null>(null);
  const firstNewRow = useRef<number | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const load = useCallback(async (after: string | null, signal?: AbortSignal) => {
    setStatus(after ? "more" : "loading");
    setLoadError(null);
    try {
      const page = await api.get<Page<Client>>("/clients", { query: { q, limit, cursor: after ?? undefined }, signal });
      setItems((previous) => {
        firstNewRow.current = after ? previous.length : null;
        return after ? [...previous, ...page.items] : page.items;
      });
      setCursor(page.next_cursor);
      setStatus("ready");
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      if (!(error instanceof ProblemError)) throw error;
      setLoadError(error);
      setStatus("error");
    }
  }, [q, limit]);

  useEffect(() => {
    setDraft(q);
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [q, load]);

  // After "load more", move the focus to the first new row so keyboard users continue there.
  useEffect(() => {
    if (firstNewRow.current === null || status !== "ready") return;
    const row = tableRef.current?.querySelectorAll<HTMLElement>("tbody tr")[firstNewRow.current];
    firstNewRow.current = null;
    row?.focus();
  }, [items, status]);

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
      setItems((list) => list.map((c) => (c.id === client.id ? { ...c, has_portal_user: true } : c)));
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

      {flash ? <Notice tone={flash.tone}>{flash.text(i18n)}</Notice> : null}
      {status === "error" && loadError ? (
        <Notice tone="error">
          {problemMessage(loadError, i18n)}{" "}
          <button type="button" className="button button--small" onClick={() => { void load(null); }}>{t("app.retry")}</button>
        </Notice>
      ) : null}

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
                <th scope="row" role="rowheader" data-label={t("field.name")}>{client.display_name}</th>
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}

      {cursor ? (
        <p>
          <button type="button" className="button" disabled={status === "more"}
            onClick={() => { void load(cursor); }}>
            {status === "more" ? t("clients.loadingMore") : t("clients.loadMore")}
          </button>
        </p>
      ) : null}
    </div>
  );
}
