// Staff's "My exports" (/app/clients/exports): the client exports they started in the background,
// newest first, with their state, how many clients and, while the file is kept (three days), its
// download. Asked again every few seconds while one is still being written; the in-app notice of
// a finished export links here.
import { useEffect } from "react";
import { Link } from "react-router";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { TabState } from "./client/TabState";
import { useLoad } from "./client/useLoad";
import {
  EXPORTS_POLL_MS, availableUntil, downloadUrl, exportState, rowsShown, shouldPoll, stateKey, type ExportJob,
} from "./exportsView";

const PILL: Record<string, string> = { done: "pill pill--yes", failed: "pill pill--no", expired: "pill pill--neutral" };

function ExportRow({ job }: { job: ExportJob }) {
  const i18n = useI18n();
  const { t } = i18n;
  const url = downloadUrl(job);
  const until = availableUntil(job);
  const rows = rowsShown(job);
  const requested = i18n.formatDateTime(job.created_at);
  return (
    <tr role="row" data-testid="export-row">
      <th scope="row" role="rowheader" data-label={t("clientExports.col.requested")}>{requested}</th>
      <td role="cell" data-label={t("clientExports.col.status")}>
        <span className={PILL[exportState(job.status)] ?? "pill"}>{t(stateKey(job.status))}</span>
      </td>
      <td role="cell" data-label={t("clientExports.col.rows")}>{rows === null ? "—" : i18n.formatNumber(rows)}</td>
      <td role="cell" data-label={t("clientExports.col.available")}>{until ? i18n.formatDateTime(until) : "—"}</td>
      <td role="cell" data-label={t("field.actions")}>
        {url ? (
          <a className="button button--small" href={url} download={job.file_name ?? undefined}
            aria-label={t("clientExports.downloadFor", { when: requested })}>{t("clientExports.download")}</a>
        ) : null}
      </td>
    </tr>
  );
}

export function ExportsPage() {
  const { t } = useI18n();
  const { data, error, reload, loading } = useLoad<{ items: ExportJob[] }>("/client-exports");
  const jobs = data?.items ?? [];
  const polling = shouldPoll(jobs);

  useEffect(() => {
    if (!polling) return undefined;
    const timer = window.setTimeout(reload, EXPORTS_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [polling, data, reload]);

  return (
    <>
      <PageTitle>{t("clientExports.title")}</PageTitle>
      <p className="lead">{t("clientExports.intro")}</p>
      <p><Link to="/app/clients">{t("clientExports.backToClients")}</Link></p>
      {polling ? <p className="field__hint" role="status">{t("clientExports.refreshing")}</p> : null}
      <TabState loading={loading} error={error} onRetry={reload} empty={!jobs.length} emptyText={t("clientExports.empty")}>
        <table className="responsive-table" role="table" data-testid="exports-table">
          <caption className="visually-hidden">{t("clientExports.caption")}</caption>
          <thead role="rowgroup"><tr role="row">
            <th scope="col" role="columnheader">{t("clientExports.col.requested")}</th>
            <th scope="col" role="columnheader">{t("clientExports.col.status")}</th>
            <th scope="col" role="columnheader">{t("clientExports.col.rows")}</th>
            <th scope="col" role="columnheader">{t("clientExports.col.available")}</th>
            <th scope="col" role="columnheader"><span className="visually-hidden">{t("field.actions")}</span></th>
          </tr></thead>
          <tbody role="rowgroup">
            {jobs.map((job) => <ExportRow key={job.id} job={job} />)}
          </tbody>
        </table>
      </TabState>
    </>
  );
}
