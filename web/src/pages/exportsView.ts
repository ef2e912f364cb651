// "My exports", free of React: the export jobs as the API answers them (GET /client-exports, the
// caller's newest first), what each row shows and whether the page should ask again.
import type { Key } from "../i18n/catalogue";

export interface ExportJob {
  id: string;
  status: string; // queued | running | done | failed | expired
  rows: number;
  error: string;
  created_at: string;
  finished_at: string | null;
  expires_at: string;
  file_name: string | null;
}

export const EXPORT_STATES = ["queued", "running", "done", "failed", "expired"] as const;
export type ExportState = (typeof EXPORT_STATES)[number];
/** How often the page asks again while a job is waiting or running (the jobs take seconds). */
export const EXPORTS_POLL_MS = 3000;

/** A state the page knows; anything newer from the server reads as failed (not downloadable). */
export function exportState(status: string): ExportState {
  return (EXPORT_STATES as readonly string[]).includes(status) ? (status as ExportState) : "failed";
}

export function stateKey(status: string): Key {
  return `clientExports.state.${exportState(status)}` as Key;
}

export function isPending(job: ExportJob): boolean {
  const state = exportState(job.status);
  return state === "queued" || state === "running";
}

/** Ask again while any job may still change on its own (its file is being written). */
export function shouldPoll(jobs: readonly ExportJob[]): boolean {
  return jobs.some(isPending);
}

/** The file's address (the gateway streams it from crm), only while it can be downloaded. */
export function downloadUrl(job: ExportJob): string | null {
  return exportState(job.status) === "done" ? `/api/v1/client-exports/${encodeURIComponent(job.id)}/file` : null;
}

/** Until when the file can be downloaded: only a finished job's expiry means anything. */
export function availableUntil(job: ExportJob): string | null {
  return exportState(job.status) === "done" ? job.expires_at : null;
}

/** The row's client count: unknown (null) until the job has written its file. */
export function rowsShown(job: ExportJob): number | null {
  const state = exportState(job.status);
  return state === "done" || state === "expired" ? job.rows : null;
}
