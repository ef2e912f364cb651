// Staff: one client's page with the nine tabs of seed 002 (data, files, policies, tasks, contacts,
// collection log, account statement, change history, claims). The open tab is in the URL
// (?tab=history) so it survives a reload and can be linked; tabs follow the WAI-ARIA tabs pattern
// (arrow keys, Home, End). Each tab loads its own data when opened; a tab whose service fails
// says so alone.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { Link, useLocation, useParams, useSearchParams } from "react-router";
import type { ClientRecord, Colleague } from "../../api/types";
import { LoadFailed } from "../../components/LoadMore";
import { Notice } from "../../components/Notice";
import { PageTitle } from "../../components/PageTitle";
import { useI18n } from "../../i18n/I18nProvider";
import { can } from "../../session/permissions";
import { useSession } from "../../session/SessionProvider";
import { AccountStatementTab } from "./AccountStatementTab";
import { ClaimsTab } from "./ClaimsTab";
import { CollectionLogTab } from "./CollectionLogTab";
import { ContactsTab } from "./ContactsTab";
import { DataTab } from "./DataTab";
import { FilesTab } from "./FilesTab";
import { HistoryTab } from "./HistoryTab";
import { PoliciesTab } from "./PoliciesTab";
import { TasksTab } from "./TasksTab";
import { useLoad } from "./useLoad";

export const TABS = ["data", "files", "policies", "tasks", "contacts", "collections", "statements", "history",
  "claims"] as const;
export type Tab = (typeof TABS)[number];

export function tabFrom(value: string | null): Tab {
  return (TABS as readonly string[]).includes(value ?? "") ? (value as Tab) : "data";
}

export function ClientPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { clientId = "" } = useParams();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const tab = tabFrom(params.get("tab"));
  const { state } = useSession();
  const mayEdit = state.status === "authenticated" && can(state.me, "clients:write");
  const { data: client, error, reload } = useLoad<ClientRecord>(`/clients/${encodeURIComponent(clientId)}`);
  const { data: directory } = useLoad<{ items: Colleague[] }>("/staff-directory");
  const [saved] = useState(() => (location.state as { saved?: boolean } | null)?.saved ?? false);
  const tabRefs = useRef<Record<string, HTMLButtonElement | null>>({});
  const [focusTab, setFocusTab] = useState(false);

  useEffect(() => {
    if (focusTab) { tabRefs.current[tab]?.focus(); setFocusTab(false); }
  }, [tab, focusTab]);

  function open(next: Tab, focus = false) {
    const nextParams = new URLSearchParams(params);
    if (next === "data") nextParams.delete("tab"); else nextParams.set("tab", next);
    setParams(nextParams, { replace: true });
    setFocusTab(focus);
  }

  function onKey(event: KeyboardEvent) {
    const index = TABS.indexOf(tab);
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    open(TABS[(moves[event.key]! + TABS.length) % TABS.length]!, true);
  }

  if (error) {
    return <div className="stack"><PageTitle>{t("clients.title")}</PageTitle><LoadFailed problem={error} onRetry={reload} /></div>;
  }
  if (!client) return <p className="loading" role="status">{t("app.loading")}</p>;
  const colleagues = directory?.items ?? [];
  return (
    <div className="stack">
      <p className="breadcrumb"><Link to="/app/clients">← {t("clients.title")}</Link></p>
      <div className="page-head page-head--actions">
        <PageTitle>{client.display_name}</PageTitle>
        {mayEdit ? (
          <Link className="button button--primary" to={`/app/clients/${encodeURIComponent(client.id)}/edit`}
            aria-label={t("record.editClient", { name: client.display_name })}>{t("record.edit")}</Link>
        ) : null}
      </div>
      <p className="lead">{t(`kind.${client.kind}`)} · {client.tax_id}</p>
      {saved ? <Notice tone="success">{t("clientForm.updated")}</Notice> : null}
      <div className="tabs">
        <div role="tablist" aria-label={t("record.tabs")} className="tabs__list" onKeyDown={onKey}>
          {TABS.map((name) => (
            <button key={name} type="button" role="tab" id={`tab-${name}`} aria-controls={`panel-${name}`}
              aria-selected={tab === name} tabIndex={tab === name ? 0 : -1} className="tabs__tab"
              ref={(el) => { tabRefs.current[name] = el; }} onClick={() => open(name)}>
              {t(`record.tab.${name}`)}
            </button>
          ))}
        </div>
        <section role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} tabIndex={0} className="tabs__panel">
          <h2 className="visually-hidden">{t(`record.tab.${tab}`)}</h2>
          {tab === "data" ? <DataTab client={client} /> : null}
          {tab === "files" ? <FilesTab clientId={client.id} /> : null}
          {tab === "policies" ? <PoliciesTab clientId={client.id} /> : null}
          {tab === "tasks" ? <TasksTab clientId={client.id} colleagues={colleagues} /> : null}
          {tab === "contacts" ? <ContactsTab clientId={client.id} /> : null}
          {tab === "collections" ? <CollectionLogTab clientId={client.id} /> : null}
          {tab === "statements" ? <AccountStatementTab clientId={client.id} /> : null}
          {tab === "history" ? <HistoryTab clientId={client.id} /> : null}
          {tab === "claims" ? <ClaimsTab clientId={client.id} /> : null}
        </section>
      </div>
    </div>
  );
}
