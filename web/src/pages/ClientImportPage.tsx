// Staff: import clients from a CSV or .xlsx file (seed 002, issue 4). Upload → preview (the first
// rows as read, invalid rows marked with their problems, the counts) → import everything (refused
// if any row is invalid) or only the valid rows → the report. POST /client-imports, then
// POST /client-imports/{id}/confirm. Nothing is written until the user confirms.
import { useRef, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { api, ProblemError } from "../api";
import { formData, sendForm } from "../api/upload";
import { FilePicker } from "../components/FilePicker";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import type { Key } from "../i18n/catalogue";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../i18n/problems";

type RowError = { row: number; field: string; code: string; message: string };
type ImportBatch = {
  id: string; file_name: string; status: string; row_count: number; valid_count: number; invalid_count: number;
  columns: string[]; rows: { row: number; values: Record<string, string>; valid: boolean }[]; errors: RowError[];
};
type Report = { id: string; created: number; client_ids: string[]; skipped: RowError[] };
const MAX_LISTED_ERRORS = 200;

export function ClientImportPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const [inputKey, setInputKey] = useState(0);
  const result = useRef<HTMLHeadingElement>(null);

  function columnName(field: string): string {
    const key = `clientImport.column.${field}`;
    return i18n.has(key) ? t(key as Key) : field;
  }

  function rowErrorText(error: RowError): string {
    return `${columnName(error.field)}: ${fieldMessage({ field: error.field, code: error.code, message: error.message }, i18n)}`;
  }

  function showProblem(e: unknown) {
    if (!(e instanceof ProblemError)) throw e;
    if (e.errors.length) {
      setProblems(e.errors.map((f) => fieldMessage(f, i18n)));
    } else {
      setProblems([problemMessage(e, i18n)]);
    }
  }

  async function upload(event: FormEvent) {
    event.preventDefault();
    if (!files.length) {
      setFileError(t("clientImport.chooseFile"));
      return;
    }
    setBusy(true);
    setFileError("");
    setProblems([]);
    setBatch(null);
    setReport(null);
    try {
      setBatch(await sendForm<ImportBatch>("POST", "/client-imports", formData({}, { file: files })));
      window.setTimeout(() => result.current?.focus(), 0);
    } catch (e) {
      showProblem(e);
    } finally {
      setBusy(false);
    }
  }

  async function confirm(mode: "all" | "valid_only") {
    if (!batch) return;
    setBusy(true);
    setProblems([]);
    try {
      setReport(await api.post<Report>(`/client-imports/${encodeURIComponent(batch.id)}/confirm`, { mode }));
      setBatch(null);
      setFiles([]);
      setInputKey((k) => k + 1);
      window.setTimeout(() => result.current?.focus(), 0);
    } catch (e) {
      showProblem(e);
    } finally {
      setBusy(false);
    }
  }

  const errorsByRow = new Map<number, RowError[]>();
  for (const error of batch?.errors ?? []) errorsByRow.set(error.row, [...(errorsByRow.get(error.row) ?? []), error]);

  return (
    <section className="page client-import">
      <PageTitle>{t("clientImport.title")}</PageTitle>
      <p>{t("clientImport.intro")}</p>
      <p>
        <a href="/api/v1/client-imports/template.xlsx" download>{t("clientImport.template")}</a>
        {" · "}
        <Link to="/app/clients">{t("clientImport.backToClients")}</Link>
      </p>
      <form onSubmit={upload} noValidate>
        <FilePicker id="import-file" name="file" label={t("clientImport.file")} hint={t("clientImport.fileHint")}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          files={files} onChange={setFiles} error={fileError} required inputKey={inputKey} />
        <button type="submit" className="button" disabled={busy}>{t("clientImport.preview")}</button>
      </form>
      {problems.length ? (
        <Notice tone="error" title={t("clientImport.problems")}>
          <ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
        </Notice>
      ) : null}
      {batch ? (
        <section aria-labelledby="import-preview-title">
          <h2 id="import-preview-title" tabIndex={-1} ref={result}>{t("clientImport.previewTitle", { file: batch.file_name })}</h2>
          <p data-testid="import-counts">{t("clientImport.counts", {
            rows: i18n.formatNumber(batch.row_count), valid: i18n.formatNumber(batch.valid_count),
            invalid: i18n.formatNumber(batch.invalid_count),
          })}</p>
          <table className="responsive-table import-preview" data-testid="import-preview">
            <caption className="visually-hidden">{t("clientImport.previewCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("clientImport.row")}</th>
                {batch.columns.map((c) => <th scope="col" key={c}>{columnName(c)}</th>)}
                <th scope="col">{t("clientImport.rowProblems")}</th>
              </tr>
            </thead>
            <tbody>
              {batch.rows.map((row) => (
                <tr key={row.row} className={row.valid ? "" : "row--invalid"} data-valid={row.valid}>
                  <th scope="row" data-label={t("clientImport.row")}>{row.row}</th>
                  {batch.columns.map((c) => <td key={c} data-label={columnName(c)}>{row.values[c] ?? ""}</td>)}
                  <td data-label={t("clientImport.rowProblems")}>
                    {row.valid ? <span className="pill pill--yes">{t("clientImport.valid")}</span> : (
                      <ul className="import-row-errors">
                        {(errorsByRow.get(row.row) ?? []).map((e, i) => <li key={i}>{rowErrorText(e)}</li>)}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {batch.rows.length < batch.row_count ? <p>{t("clientImport.previewShort", { shown: batch.rows.length })}</p> : null}
          {batch.errors.length ? (
            <details>
              <summary>{t("clientImport.allProblems", { count: batch.errors.length })}</summary>
              <ul>
                {batch.errors.slice(0, MAX_LISTED_ERRORS).map((e, i) => (
                  <li key={i}>{t("clientImport.rowLabel", { row: e.row })} {rowErrorText(e)}</li>
                ))}
              </ul>
            </details>
          ) : null}
          <div className="actions">
            <button type="button" className="button" disabled={busy || batch.invalid_count > 0} onClick={() => confirm("all")}>
              {t("clientImport.importAll")}
            </button>
            <button type="button" className="button button--secondary" disabled={busy || batch.valid_count === 0}
              onClick={() => confirm("valid_only")}>
              {t("clientImport.importValid", { count: batch.valid_count })}
            </button>
          </div>
          {batch.invalid_count > 0 ? <p className="hint">{t("clientImport.allBlocked")}</p> : null}
        </section>
      ) : null}
      {report ? (
        <section aria-labelledby="import-report-title" data-testid="import-report">
          <h2 id="import-report-title" tabIndex={-1} ref={result}>{t("clientImport.reportTitle")}</h2>
          <Notice tone="success">{t("clientImport.created", { count: report.created })}</Notice>
          {report.skipped.length ? (
            <>
              <p>{t("clientImport.skipped", { count: report.skipped.length })}</p>
              <ul>
                {report.skipped.slice(0, MAX_LISTED_ERRORS).map((e, i) => (
                  <li key={i}>{t("clientImport.rowLabel", { row: e.row })} {rowErrorText(e)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
    </section>
  );
}
