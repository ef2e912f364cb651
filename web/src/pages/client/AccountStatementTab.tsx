// The client's account statement (from payments): what is owed and overdue, and the invoices.
import type { AccountStatement, Money } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { codeLabel } from "./labels";
import { TabState } from "./TabState";
import { useLoad } from "./useLoad";

export function AccountStatementTab({ clientId }: { clientId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload, loading } = useLoad<AccountStatement>(
    `/clients/${encodeURIComponent(clientId)}/account-statement`, { limit: 100 });
  const money = (list: Money[]) => list.length
    ? list.map((m) => i18n.formatMoney(m.minor_units, m.currency)).join(" · ") : i18n.formatMoney(0, "EUR");
  const label = (code: string) => codeLabel(i18n, "invoiceStatus", code);
  return (
    <TabState loading={loading} error={error} onRetry={reload} empty={false} emptyText="">
      {data ? (
        <div className="stack">
          <dl className="summary-list summary-list--compact balance">
            <div className="summary-list__row"><dt>{t("dashboard.owed")}</dt><dd className="amount">{money(data.balance.owed)}</dd></div>
            <div className="summary-list__row"><dt>{t("dashboard.overdue")}</dt>
              <dd className={data.balance.overdue.length ? "amount amount--overdue" : "amount"}>{money(data.balance.overdue)}</dd></div>
          </dl>
          {data.invoices.length ? (
            <table className="responsive-table" role="table">
              <caption className="visually-hidden">{t("record.tab.statements")}</caption>
              <thead role="rowgroup"><tr role="row">
                <th scope="col" role="columnheader">{t("record.col.number")}</th>
                <th scope="col" role="columnheader">{t("record.col.status")}</th>
                <th scope="col" role="columnheader">{t("record.col.total")}</th>
                <th scope="col" role="columnheader">{t("record.col.amountDue")}</th>
                <th scope="col" role="columnheader">{t("record.col.issuedOn")}</th>
                <th scope="col" role="columnheader">{t("record.col.dueOn")}</th>
              </tr></thead>
              <tbody role="rowgroup">
                {data.invoices.map((inv) => (
                  <tr key={inv.id} role="row">
                    <th scope="row" role="rowheader" data-label={t("record.col.number")}>{inv.number}</th>
                    <td role="cell" data-label={t("record.col.status")}>{label(inv.status)}</td>
                    <td role="cell" data-label={t("record.col.total")}>{i18n.formatMoney(inv.total.minor_units, inv.total.currency)}</td>
                    <td role="cell" data-label={t("record.col.amountDue")}>{i18n.formatMoney(inv.amount_due.minor_units, inv.amount_due.currency)}</td>
                    <td role="cell" data-label={t("record.col.issuedOn")}>{i18n.formatDate(inv.issued_on)}</td>
                    <td role="cell" data-label={t("record.col.dueOn")}>{i18n.formatDate(inv.due_on)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : <p className="empty-state">{t("record.statementEmpty")}</p>}
        </div>
      ) : null}
    </TabState>
  );
}
