// The client's collection log (from collections): each collection case, open or closed, with its
// debtor, phase and amount.
import type { CollectionCase, Page } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { codeLabel } from "./labels";
import { TabState } from "./TabState";
import { useLoad } from "./useLoad";

export function CollectionLogTab({ clientId }: { clientId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload, loading } = useLoad<Page<CollectionCase>>(
    `/clients/${encodeURIComponent(clientId)}/collection-log`, { limit: 100 });
  const label = (prefix: string, code: string) => codeLabel(i18n, prefix, code);
  return (
    <TabState loading={loading} error={error} onRetry={reload} empty={!data?.items.length} emptyText={t("record.collectionsEmpty")}>
      <table className="responsive-table" role="table">
        <caption className="visually-hidden">{t("record.tab.collections")}</caption>
        <thead role="rowgroup"><tr role="row">
          <th scope="col" role="columnheader">{t("record.col.number")}</th>
          <th scope="col" role="columnheader">{t("record.col.debtor")}</th>
          <th scope="col" role="columnheader">{t("record.col.phase")}</th>
          <th scope="col" role="columnheader">{t("record.col.status")}</th>
          <th scope="col" role="columnheader">{t("record.col.amount")}</th>
          <th scope="col" role="columnheader">{t("record.col.openedOn")}</th>
        </tr></thead>
        <tbody role="rowgroup">
          {data?.items.map((c) => (
            <tr key={c.id} role="row">
              <th scope="row" role="rowheader" data-label={t("record.col.number")}>{c.number}</th>
              <td role="cell" data-label={t("record.col.debtor")}>{c.debtor_name}</td>
              <td role="cell" data-label={t("record.col.phase")}>{label("casePhase", c.phase)}</td>
              <td role="cell" data-label={t("record.col.status")}>{label("caseStatus", c.status)}</td>
              <td role="cell" data-label={t("record.col.amount")}>{i18n.formatMoney(c.amount.minor_units, c.amount.currency)}</td>
              <td role="cell" data-label={t("record.col.openedOn")}>{i18n.formatDate(c.opened_on)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabState>
  );
}
