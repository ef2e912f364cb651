// The client's claims (siniestros, from policy; it keeps none yet, so this is an empty state until
// it does).
import type { Claim, Page } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { TabState } from "./TabState";
import { useLoad } from "./useLoad";

export function ClaimsTab({ clientId }: { clientId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload, loading } = useLoad<Page<Claim>>(`/clients/${encodeURIComponent(clientId)}/claims`,
    { limit: 100 });
  return (
    <TabState loading={loading} error={error} onRetry={reload} empty={!data?.items.length} emptyText={t("record.claimsEmpty")}>
      <table className="responsive-table" role="table">
        <caption className="visually-hidden">{t("record.tab.claims")}</caption>
        <thead role="rowgroup"><tr role="row">
          <th scope="col" role="columnheader">{t("record.col.number")}</th>
          <th scope="col" role="columnheader">{t("record.col.occurredOn")}</th>
          <th scope="col" role="columnheader">{t("record.col.status")}</th>
          <th scope="col" role="columnheader">{t("record.col.description")}</th>
          <th scope="col" role="columnheader">{t("record.col.claimed")}</th>
        </tr></thead>
        <tbody role="rowgroup">
          {data?.items.map((c) => (
            <tr key={c.id} role="row">
              <th scope="row" role="rowheader" data-label={t("record.col.number")}>{c.number}</th>
              <td role="cell" data-label={t("record.col.occurredOn")}>{i18n.formatDate(c.occurred_on)}</td>
              <td role="cell" data-label={t("record.col.status")}>{c.status}</td>
              <td role="cell" data-label={t("record.col.description")} className="cell--wrap">{c.description}</td>
              <td role="cell" data-label={t("record.col.claimed")}>{i18n.formatMoney(c.claimed.minor_units, c.claimed.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabState>
  );
}
