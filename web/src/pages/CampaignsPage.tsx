// /app/campaigns, for staff: the firm's campaigns, newest first, with their channel, how many
// clients they reach (and skip) and notification's count of sent and failed messages. Campaigns are
// created from the client list (its selection's "Crear campaña"); a draft can be launched here.
import { useCallback, useState } from "react";
import { Link } from "react-router";
import { api, ProblemError } from "../api";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useCursorPages } from "../components/useCursorPages";
import { useI18n } from "../i18n/I18nProvider";
import { problemMessage } from "../i18n/problems";

export type CampaignRow = {
  id: string; name: string; channel: "email" | "sms" | "voice"; status: "draft" | "launched";
  recipient_count: number; skipped_count: number; created_by_name: string; created_at: string;
  launched_at: string | null; stats: { queued: number; sent: number; failed: number } | null;
};

export function CampaignsPage() {
  const i18n = useI18n();
  const { t, formatNumber, formatDateTime } = i18n;
  const fetchPage = useCallback((cursor: string | undefined, signal?: AbortSignal) =>
    api.get<{ items: CampaignRow[]; next_cursor: string | null }>("/campaigns",
      { query: { limit: 25, cursor }, signal }), []);
  const { items, cursor, status, loadError, reload, loadMore, tableRef } = useCursorPages<CampaignRow>(fetchPage);
  const [launching, setLaunching] = useState<CampaignRow | null>(null);
  const [busy, setBusy] = useState(false);
  const [flash, setFlash] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  async function launch(campaign: CampaignRow) {
    setBusy(true);
    try {
      await api.post(`/campaigns/${encodeURIComponent(campaign.id)}/launch`, {});
      setFlash({ tone: "success", text: t("campaigns.launchedNamed", { name: campaign.name }) });
      reload();
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setFlash({ tone: "error", text: problemMessage(error, i18n) });
    } finally {
      setBusy(false);
      setLaunching(null);
    }
  }

  const stat = (row: CampaignRow, key: "sent" | "failed" | "queued") =>
    row.status === "draft" ? "—" : row.stats ? formatNumber(row.stats[key]) : t("campaigns.statsUnavailable");

  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("campaigns.title")}</PageTitle>
        <p className="lead">{t("campaigns.pageIntro")} <Link to="/app/clients">{t("campaigns.toClients")}</Link></p>
      </div>
      {flash ? <Notice tone={flash.tone}>{flash.text}</Notice> : null}
      {loadError ? (
        <Notice tone="error">
          {problemMessage(loadError, i18n)}{" "}
          <button type="button" className="button button--small" onClick={reload}>
            {t("app.retry")}</button>
        </Notice>
      ) : null}
      {status === "ready" && !items.length ? <p className="empty-state">{t("campaigns.empty")}</p> : null}
      {items.length ? (
        <table className="responsive-table" ref={tableRef} role="table" data-testid="campaigns-table">
          <caption className="visually-hidden">{t("campaigns.title")}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">{t("campaigns.col.name")}</th>
              <th scope="col" role="columnheader">{t("campaigns.channel")}</th>
              <th scope="col" role="columnheader">{t("campaigns.col.status")}</th>
              <th scope="col" role="columnheader">{t("campaigns.col.recipients")}</th>
              <th scope="col" role="columnheader">{t("campaigns.col.skipped")}</th>
              <th scope="col" role="columnheader">{t("campaigns.col.sent")}</th>
              <th scope="col" role="columnheader">{t("campaigns.col.failed")}</th>
              <th scope="col" role="columnheader">{t("campaigns.col.queued")}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {items.map((row, index) => (
              <tr key={row.id} role="row" tabIndex={-1} data-row-index={index} data-campaign-id={row.id}>
                <th scope="row" role="rowheader" data-label={t("campaigns.col.name")}>
                  {row.name}
                  <span className="field__hint"> · {row.created_by_name} · <time dateTime={row.created_at}>
                    {formatDateTime(row.created_at)}</time></span>
                </th>
                <td role="cell" data-label={t("campaigns.channel")}>{t(`campaigns.channel.${row.channel}`)}</td>
                <td role="cell" data-label={t("campaigns.col.status")}>
                  <span className={`pill pill--${row.status === "launched" ? "yes" : "neutral"}`}>
                    {t(`campaigns.status.${row.status}`)}</span>
                  {row.status === "draft" && row.recipient_count > 0 ? (
                    <> <button type="button" className="button button--small"
                      aria-label={t("campaigns.launchNamed", { name: row.name })}
                      onClick={() => setLaunching(row)}>{t("campaigns.launch")}</button></>
                  ) : null}
                </td>
                <td role="cell" data-label={t("campaigns.col.recipients")}>{formatNumber(row.recipient_count)}</td>
                <td role="cell" data-label={t("campaigns.col.skipped")}>{formatNumber(row.skipped_count)}</td>
                <td role="cell" data-label={t("campaigns.col.sent")}>{stat(row, "sent")}</td>
                <td role="cell" data-label={t("campaigns.col.failed")}>{stat(row, "failed")}</td>
                <td role="cell" data-label={t("campaigns.col.queued")}>{stat(row, "queued")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {cursor && status === "ready" ? (
        <button type="button" className="button" onClick={loadMore}>{t("campaigns.more")}</button>
      ) : null}
      {launching ? (
        <ConfirmDialog id="launch-campaign" tone="plain" title={t("campaigns.launch")} busy={busy}
          confirmLabel={t("campaigns.launchNow")} busyLabel={t("campaigns.launching")} cancelLabel={t("campaigns.cancel")}
          onConfirm={() => { void launch(launching); }} onCancel={() => setLaunching(null)}>
          <p>{t("campaigns.confirmLaunch", { recipients: formatNumber(launching.recipient_count),
            skipped: formatNumber(launching.skipped_count) })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
