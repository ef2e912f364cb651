// The clients tab's table (cards on phones): a box per row to pick clients (the page's box is in
// the selection bar, where phones show it too), the name linking to the client's page, and icons
// for the alert and portal-user states whose meaning is also in words (a tooltip and visually
// hidden text), never in colour alone. The row's actions (portal user) come from the page.
import type { ReactNode, Ref } from "react";
import { Link } from "react-router";
import type { ClientRecord } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { alertText, alertsOn, isPicked, type Picked } from "./listView";

export function ClientsTable({ items, tableRef, picked, onToggle, sortedByName, actions }: {
  items: ClientRecord[];
  tableRef: Ref<HTMLTableElement>;
  picked: Picked;
  onToggle: (id: string) => void;
  /** "ascending"/"descending" when the list is sorted by name (aria-sort of that column). */
  sortedByName: "ascending" | "descending" | null;
  actions: (client: ClientRecord) => ReactNode;
}) {
  const i18n = useI18n();
  const { t } = i18n;

  return (
    <table className="responsive-table clients-table" ref={tableRef} data-testid="clients-table" role="table">
      <caption className="visually-hidden">{t("clients.tableCaption")}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader" className="cell--pick">
            <span className="visually-hidden">{t("clientsList.pick")}</span>
          </th>
          <th scope="col" role="columnheader" aria-sort={sortedByName ?? undefined}>{t("field.name")}</th>
          <th scope="col" role="columnheader">{t("field.kind")}</th>
          <th scope="col" role="columnheader">{t("field.taxIdShort")}</th>
          <th scope="col" role="columnheader">{t("field.email")}</th>
          <th scope="col" role="columnheader">{t("field.phone")}</th>
          <th scope="col" role="columnheader">{t("clientsList.alerts")}</th>
          <th scope="col" role="columnheader">{t("field.portalUser")}</th>
          <th scope="col" role="columnheader">{t("field.actions")}</th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {items.map((client) => {
          const alerts = alertText(client.alerts, i18n);
          const anyOn = alertsOn(client.alerts).length > 0;
          return (
            <tr key={client.id} role="row" tabIndex={-1} data-client-id={client.id}>
              <td role="cell" className="cell--pick" data-label={t("clientsList.pick")}>
                <input type="checkbox" id={`clients-pick-${client.id}`} checked={isPicked(picked, client.id)}
                  aria-label={t("clientsList.pickOne", { name: client.display_name })}
                  onChange={() => onToggle(client.id)} />
              </td>
              <th scope="row" role="rowheader" data-label={t("field.name")}>
                <Link to={`/app/clients/${encodeURIComponent(client.id)}`}>{client.display_name}</Link>
              </th>
              <td role="cell" data-label={t("field.kind")}>{t(`kind.${client.kind}`)}</td>
              <td role="cell" data-label={t("field.taxIdShort")}>{client.tax_id}</td>
              <td role="cell" data-label={t("field.email")} className="cell--wrap">{client.email}</td>
              <td role="cell" data-label={t("field.phone")}>{client.phone}</td>
              <td role="cell" data-label={t("clientsList.alerts")}>
                <span className={`pill ${anyOn ? "pill--yes" : "pill--neutral"}`} title={alerts}
                  data-testid="alert-state">
                  <span aria-hidden="true">{anyOn ? "🔔 " : "🔕 "}</span>
                  <span aria-hidden="true">{anyOn ? t("clientsList.alertsOnShort") : t("clientsList.alertsOffShort")}</span>
                  <span className="visually-hidden">{alerts}</span>
                </span>
              </td>
              <td role="cell" data-label={t("field.portalUser")}>
                <span className={`pill ${client.has_portal_user ? "pill--yes" : "pill--no"}`}>
                  <span aria-hidden="true">{client.has_portal_user ? "✓ " : "✗ "}</span>
                  {client.has_portal_user ? t("clients.portalYes") : t("clients.portalNo")}
                </span>
              </td>
              <td role="cell" data-label={t("field.actions")}>{actions(client)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
