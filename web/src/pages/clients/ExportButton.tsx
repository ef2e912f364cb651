// "Exportar a Excel" for the clients picked (or all that match the filter). Up to the direct limit
// the .xlsx downloads at once (POST /client-exports/file); a larger selection becomes a background
// job (POST /client-exports) whose state is shown, polled, until its file can be downloaded
// (GET /client-exports/{id}/file). Announced politely (role=status) as it goes, with a link to
// "My exports" (ExportsPage), where the job stays listed while its file is kept.
import { useEffect, useRef, useState } from "react";
import { Link } from "react-router";
import { api, ProblemError } from "../../api";
import { CSRF_COOKIE, CSRF_HEADER, readCookie, toProblem } from "../../api/client";
import type { Key } from "../../i18n/catalogue";
import { useI18n } from "../../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../../i18n/problems";
import type { ClientSelection } from "./clientFilter";

type Job = { id: string; status: string; rows: number; error: string; file_name: string | null };
const POLL_MS = 2000;

async function downloadDirect(selection: ClientSelection, language: string): Promise<void> {
  const headers: Record<string, string> = { "Content-Type": "application/json", "Accept-Language": language };
  const csrf = readCookie(CSRF_COOKIE, document.cookie);
  if (csrf) headers[CSRF_HEADER] = csrf;
  const response = await fetch("/api/v1/client-exports/file", {
    method: "POST", headers, credentials: "same-origin", body: JSON.stringify(selection),
  });
  if (!response.ok) {
    const data = (response.headers.get("Content-Type") ?? "").includes("json") ? await response.json() : null;
    throw new ProblemError(toProblem(response.status, data));
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "clientes.xlsx";
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportButton({ selection, count }: { selection: ClientSelection; count: number | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState("");
  const [job, setJob] = useState<Job | null>(null);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  function poll(id: string) {
    timer.current = window.setTimeout(async () => {
      try {
        const latest = await api.get<Job>(`/client-exports/${encodeURIComponent(id)}`);
        setJob(latest);
        if (latest.status === "queued" || latest.status === "running") poll(id);
      } catch (e) {
        if (e instanceof ProblemError) setError(problemMessage(e, i18n));
      }
    }, POLL_MS);
  }

  async function start() {
    setBusy(true);
    setError("");
    setStatus("");
    setJob(null);
    try {
      const counted = await api.post<{ count: number; direct_limit: number }>("/client-exports/count", selection);
      if ((count ?? counted.count) <= counted.direct_limit) {
        setStatus(t("clientExport.preparing"));
        await downloadDirect(selection, i18n.language);
        setStatus(t("clientExport.downloaded", { count: counted.count }));
      } else {
        const started = await api.post<Job>("/client-exports", selection);
        setJob(started);
        poll(started.id);
      }
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      setError(e.errors.length ? fieldMessage(e.errors[0]!, i18n) : problemMessage(e, i18n));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="export-button">
      <button type="button" className="button button--secondary" onClick={start} disabled={busy}>
        {t("clientExport.button")}
      </button>
      <div role="status" aria-live="polite">
        {status ? <span>{status}</span> : null}
        {job ? (
          <span data-testid="export-job">
            {t(`clientExport.status.${job.status}` as Key)}
            {job.status === "done" ? (
              <>
                {" "}
                <a href={`/api/v1/client-exports/${encodeURIComponent(job.id)}/file`} download>
                  {t("clientExport.download", { count: job.rows })}
                </a>
              </>
            ) : null}
            {" "}
            <Link to="/app/clients/exports">{t("clientExports.link")}</Link>
          </span>
        ) : null}
      </div>
      {error ? <p className="field-error" role="alert">{error}</p> : null}
    </div>
  );
}
