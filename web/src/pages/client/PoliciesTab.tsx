// The client's policies (from policy): number, line, status, premium and end date.
import type { Page, PolicySummary } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { codeLabel } from "./labels";
import { TabState } from "./TabState";
import { useLoad } from "./useLoad";

export function PoliciesTab({ clientId }: { clientId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload, loading } = useLoad<Page<PolicySummary>>(`/clients/${encodeURIComponent(clientId)}/policies`,
    { limit: 100 });
  const label = (prefix: string, code: string) => codeLabel(i18n, prefix, code);
  return (
    <TabState loading={loading} error={error} onRetry={reload} empty={!data?.items.length} emptyText={t("record.policiesEmpty")}>
      <table className="responsive-table" role="table">
        <caption className="visually-hidden">{t("record.tab.policies")}</caption>
        <thead role="rowgroup"><tr role="row">
          <th scope="col" role="columnheader">{t("record.col.number")}</th>
          <th scope="col" role="columnheader">{t("record.col.line")}</th>
          <th scope="col" role="columnheader">{t("record.col.status")}</th>
          <th scope="col" role="columnheader">{t("record.col.premium")}</th>
          <th scope="col" role="columnheader">{t("record.col.endsOn")}</th>
        </tr></thead>
        <tbody role="rowgroup">
          {data?.items.map((p) => (
            <tr key={p.id} role="row">
              <th scope="row" role="rowheader" data-label={t("record.col.number")}>{p.number}</th>
              <td role="cell" data-label={t("record.col.line")}>{label("policyLine", p.line)}</td>
              <td role="cell" data-label={t("record.col.status")}>{label("policyStatus", p.status)}</td>
              <td role="cell" data-label={t("record.col.premium")}>{i18n.formatMoney(p.premium.minor_units, p.premium.currency)}</td>
              <td role="cell" data-label={t("record.col.endsOn")}>{p.ends_on ? i18n.formatDate(p.ends_on) : t("record.none")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TabState>
  );
}
