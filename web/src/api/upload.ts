// Forms with files (multipart/form-data): tickets with attachments, support materials, offers with
// an image. The same session cookie, CSRF header and problem+json handling as the JSON client; the
// browser sets the multipart boundary itself, so no Content-Type is given here.
import { CSRF_COOKIE, CSRF_HEADER, ProblemError, parseRetryAfter, readCookie, toProblem } from "./client";

export interface UploadOptions {
  base?: string;
  fetch?: typeof fetch;
  cookies?: () => string;
  language?: () => string;
}

/** A FormData from text fields (booleans as "true"/"false") and files under their field names. */
export function formData(fields: Record<string, string | boolean>, files: Record<string, File[]> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, typeof value === "boolean" ? String(value) : value);
  for (const [name, list] of Object.entries(files)) for (const file of list) form.append(name, file, file.name);
  return form;
}

export async function sendForm<T>(method: "POST" | "PUT", path: string, form: FormData,
  options: UploadOptions = {}): Promise<T> {
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const cookies = options.cookies ?? (() => (typeof document === "undefined" ? "" : document.cookie));
  const language = options.language?.() ?? (typeof document === "undefined" ? "" : document.documentElement.lang);
  const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
  if (language) headers["Accept-Language"] = language;
  const csrf = readCookie(CSRF_COOKIE, cookies());
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await doFetch(`${options.base ?? "/api/v1"}${path}`,
      { method, headers, body: form, credentials: "same-origin" });
  } catch {
    throw new ProblemError(toProblem(0, { code: "network", title: "Network error" }));
  }
  const isJson = (response.headers.get("Content-Type") ?? "").includes("json");
  let data: unknown = null;
  if (isJson) {
    try {
      data = await response.json();
    } catch {
      data = null;
    }
  }
  if (response.ok) return data as T;
  throw new ProblemError(toProblem(response.status, data, parseRetryAfter(response.headers.get("Retry-After"))));
}
