// The client's change history (seed 002, "Historial de cambios"): newest first, each entry with
// what changed (the client, a contact, a task...), who and when, and field by field the value
// before and after. Pages by cursor.
import { useCallback } from "react";
import { api } from "../../api";
import type { ChangeEntry, Page } from "../../api/types";
import { LoadFailed, LoadMoreButton } from "../../components/LoadMore";
import { useCursorPages } from "../../components/useCursorPages";
import { useI18n } from "../../i18n/I18nProvider";
import { actorLabel, displayValue, entryTitle, fieldLabel } from "./historyView";

const PAGE_SIZE = 20;

export function HistoryTab({ clientId }: { clientId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const fetchPage = useCallback((cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<ChangeEntry>>(`/clients/${encodeURIComponent(clientId)}/history`,
      { query: { cursor, limit: PAGE_SIZE }, signal }), [clientId]);
  const { items, cursor, status, loadError, reload, loadMore } = useCursorPages(fetchPage);
  const shown = (field: string, value: string) => displayValue(field, value, i18n) || t("record.none");
  return (
    <div className="stack" data-testid="history">
      <LoadFailed problem={loadError} onRetry={reload} />
      {status === "loading" ? <p className="loading" role="status">{t("app.loading")}</p> : null}
      {status !== "loading" && !loadError && !items.length ? <p className="empty-state">{t("history.empty")}</p> : null}
      <ol className="history">
        {items.map((entry) => {
          const title = entryTitle(entry, i18n);
          return (
            <li key={entry.id} className="history__entry">
              <h3 className="history__title">{title}</h3>
              <p className="history__meta">
                {t("history.by", { who: actorLabel(entry, i18n), when: i18n.formatDateTime(entry.occurred_at) })}
              </p>
              <table className="responsive-table history__changes" role="table">
                <caption className="visually-hidden">{t("history.changesOf", { title })}</caption>
                <thead role="rowgroup"><tr role="row">
                  <th scope="col" role="columnheader">{t("history.col.field")}</th>
                  <th scope="col" role="columnheader">{t("history.col.old")}</th>
                  <th scope="col" role="columnheader">{t("history.col.new")}</th>
                </tr></thead>
                <tbody role="rowgroup">
                  {entry.changes.map((change) => (
                    <tr key={change.field} role="row">
                      <th scope="row" role="rowheader" data-label={t("history.col.field")}>{fieldLabel(change.field, i18n)}</th>
                      <td role="cell" data-label={t("history.col.old")} className="cell--wrap cell--lines">{shown(change.field, change.old)}</td>
                      <td role="cell" data-label={t("history.col.new")} className="cell--wrap cell--lines">{shown(change.field, change.new)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </li>
          );
        })}
      </ol>
      <LoadMoreButton cursor={cursor} status={status} onMore={loadMore} />
    </div>
  );
}
