// The contacts tab of the client list: the people linked to the clients that match the filter
// (GET /clients/contacts), with their client, role, phones and e-mails; "load more" by cursor and
// a table that becomes cards on phones.
import { useCallback } from "react";
import { Link } from "react-router";
import { api } from "../../api";
import type { Page, Phone } from "../../api/types";
import { LoadFailed, LoadMoreButton } from "../../components/LoadMore";
import { useCursorPages } from "../../components/useCursorPages";
import { useI18n } from "../../i18n/I18nProvider";
import { codeLabel } from "../client/labels";
import type { ClientFilter } from "./clientFilter";
import { listQuery } from "./listView";

export interface ListedContact {
  id: string;
  client_id: string;
  client_display_name: string;
  role: string;
  first_name: string;
  last_name: string;
  phones: Phone[];
  emails: string[];
}

export function ContactsList({ filter, limit }: { filter: ClientFilter; limit: number }) {
  const i18n = useI18n();
  const { t } = i18n;
  const filterKey = JSON.stringify(filter);
  const fetchPage = useCallback((cursor: string | undefined, signal?: AbortSignal) => {
    const query = listQuery(JSON.parse(filterKey) as ClientFilter, { limit, cursor });
    return api.get<Page<ListedContact>>(`/clients/contacts?${query}`, { signal });
  }, [filterKey, limit]);
  const { items, cursor, status, loadError, tableRef, reload, loadMore } = useCursorPages(fetchPage);

  return (
    <>
      <LoadFailed problem={loadError} onRetry={reload} />
      <p className="result-count" role="status" aria-live="polite">
        {status === "loading" ? t("app.loading") : status === "error" ? "" : items.length
          ? i18n.plural("clientsList.contactsShown", items.length, { count: i18n.formatNumber(items.length) })
          : t("clientsList.noContacts")}
      </p>
      {items.length ? (
        <table className="responsive-table" ref={tableRef} data-testid="contacts-table" role="table">
          <caption className="visually-hidden">{t("clientsList.contactsCaption")}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t("field.name")}</th>
              <th scope="col" role="columnheader">{t("clientsList.client")}</th>
              <th scope="col" role="columnheader">{t("contacts.role")}</th>
              <th scope="col" role="columnheader">{t("field.phone")}</th>
              <th scope="col" role="columnheader">{t("field.email")}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {items.map((contact) => (
              <tr key={contact.id} role="row" tabIndex={-1}>
                <th scope="row" role="rowheader" data-label={t("field.name")}>
                  {`${contact.first_name} ${contact.last_name}`.trim()}
                </th>
                <td role="cell" data-label={t("clientsList.client")}>
                  <Link to={`/app/clients/${encodeURIComponent(contact.client_id)}?tab=contacts`}>{contact.client_display_name}</Link>
                </td>
                <td role="cell" data-label={t("contacts.role")}>{codeLabel(i18n, "contactRole", contact.role)}</td>
                <td role="cell" data-label={t("field.phone")}>
                  {contact.phones.map((p) => `${codeLabel(i18n, "phoneLabel", p.label)}: ${p.formatted}`).join(" · ")}
                </td>
                <td role="cell" data-label={t("field.email")} className="cell--wrap">{contact.emails.join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <LoadMoreButton cursor={cursor} status={status} onMore={loadMore} />
    </>
  );
}
