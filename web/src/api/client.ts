// The one way the web client talks to the gateway: JSON over fetch with the session cookie,
// the CSRF header on every unsafe request, and RFC 9457 problem+json turned into ProblemError.
import type { Dashboard } from "./types";

export const CSRF_COOKIE = "csrf_token";
export const CSRF_HEADER = "X-CSRF-Token";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  errors: FieldProblem[];
  /** Seconds to wait before trying again (the answer's Retry-After), or null. */
  retryAfter: number | null;
}

/** An answer that was not a success, as problem+json or made up from what we got. */
export class ProblemError extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly errors: FieldProblem[];
  readonly retryAfter: number | null;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || problem.code);
    this.name = "ProblemError";
    this.type = problem.type;
    this.title = problem.title;
    this.status = problem.status;
    this.code = problem.code;
    this.detail = problem.detail;
    this.errors = problem.errors;
    this.retryAfter = problem.retryAfter;
  }

  /** The errors of one field (`tax_id`), also matching nested names (`body.tax_id`). */
  fieldErrors(field: string): FieldProblem[] {
    return this.errors.filter((e) => e.field === field || e.field.endsWith(`.${field}`));
  }
}

/** The value of a cookie in a `document.cookie` string, or "" when absent. */
export function readCookie(name: string, cookies: string): string {
  for (const part of cookies.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const raw = part.slice(index + 1).trim();
      try {
        return decodeURIComponent(raw);
      } catch {
        return raw;
      }
    }
  }
  return "";
}

function asString(value: unknown, fallback = ""): string {
  return typeof value === "string" ? value : fallback;
}

/** Seconds from a Retry-After header: delta-seconds ("900") or an HTTP date; null when absent
 * or unreadable. A date in the past is 0. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | null {
  const value = header?.trim();
  if (!value) return null;
  if (/^\d+$/.test(value)) return Number(value);
  const at = Date.parse(value);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/** Build a Problem from whatever body an error answer had (problem+json, JSON or nothing). */
export function toProblem(status: number, body: unknown, retryAfter: number | null = null): Problem {
  const data = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const rawErrors = Array.isArray(data.errors) ? data.errors : [];
  const errors: FieldProblem[] = rawErrors
    .filter((e): e is Record<string, unknown> => !!e && typeof e === "object")
    .map((e) => ({
      field: asString(e.field),
      code: asString(e.code, "invalid"),
      message: asString(e.message),
    }));
  return {
    type: asString(data.type, "about:blank"),
    title: asString(data.title),
    status: typeof data.status === "number" ? data.status : status,
    code: asString(data.code, status ? `http_${status}` : "network"),
    detail: asString(data.detail),
    errors,
    retryAfter,
  };
}

export interface ApiOptions {
  /** Base of the API, "/api/v1" in the browser. */
  base?: string;
  fetch?: typeof fetch;
  /** The browser's cookies (document.cookie), read at each request. */
  cookies?: () => string;
  /** The language the user chose, sent as Accept-Language. */
  language?: () => string;
  /** Called when an authenticated request answers 401 (the session has ended). */
  onUnauthenticated?: (problem: ProblemError) => void;
  /** Called with every problem before it is thrown (e.g. to hear a 403 `mfa_enrolment_required`
   * from whichever page asked). */
  onProblem?: (problem: ProblemError) => void;
}

export interface RequestOptions {
  query?: Record<string, string | number | undefined>;
  /** Do not call onUnauthenticated on 401 (login, /me probe). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export type Api = ReturnType<typeof createApi>;

export function createApi(options: ApiOptions = {}) {
  const base = options.base ?? "/api/v1";
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const cookies = options.cookies ?? (() => (typeof document === "undefined" ? "" : document.cookie));

  async function request<T>(method: string, path: string, body?: unknown,
    opts: RequestOptions = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(opts.query ?? {})) {
      if (value !== undefined && value !== "") params.set(key, String(value));
    }
    const search = params.toString();
    const url = `${base}${path}${search ? `?${search}` : ""}`;
    const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
    const language = options.language?.();
    if (language) headers["Accept-Language"] = language;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (UNSAFE.has(method)) {
      const csrf = readCookie(CSRF_COOKIE, cookies());
      if (csrf) headers[CSRF_HEADER] = csrf;
    }
    let response: Response;
    try {
      response = await doFetch(url, {
        method, headers, credentials: "same-origin",
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: opts.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") throw error;
      throw new ProblemError(toProblem(0, { code: "network", title: "Network error" }));
    }
    const type = response.headers.get("Content-Type") ?? "";
    const isJson = type.includes("json");
    if (response.ok) {
      if (response.status === 204 || !isJson) return undefined as T;
      return (await response.json()) as T;
    }
    let data: unknown = null;
    if (isJson) {
      try {
        data = await response.json();
      } catch {
        data = null;
      }
    }
    const problem = new ProblemError(toProblem(response.status, data,
      parseRetryAfter(response.headers.get("Retry-After"))));
    if (problem.status === 401 && !opts.quiet401) options.onUnauthenticated?.(problem);
    options.onProblem?.(problem);
    throw problem;
  }

  return {
    request,
    get: <T>(path: string, opts?: RequestOptions) => request<T>("GET", path, undefined, opts),
    post: <T>(path: string, body: unknown = {}, opts?: RequestOptions) =>
      request<T>("POST", path, body, opts),
    patch: <T>(path: string, body: unknown, opts?: RequestOptions) =>
      request<T>("PATCH", path, body, opts),
    put: <T>(path: string, body: unknown, opts?: RequestOptions) =>
      request<T>("PUT", path, body, opts),
    del: <T>(path: string, opts?: RequestOptions) => request<T>("DELETE", path, undefined, opts),
    /** The customer's dashboard: profile, policies, open cases and balance in one answer. */
    dashboard: (opts?: RequestOptions) => request<Dashboard>("GET", "/dashboard", undefined, opts),
  };
}
