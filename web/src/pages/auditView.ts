// Pure helpers of the admins' audit page (tested without a DOM): the filters as they live in the
// URL and as the API wants them (calendar days in the browser's zone → instants), and labels for
// the codes with the raw code as the fallback for ones the catalogue does not know yet.
import type { Key, Translator } from "../i18n/catalogue";

export const AUDIT_ACTIONS = [
  "login", "lockout", "logout", "password_set", "password_reset", "password_reset_requested",
  "password_change", "session_revoked", "sessions_revoked", "account_created", "registration_started",
  "refresh_token_reuse", "login_second_factor", "mfa_enrolment", "mfa_enabled", "mfa_disabled",
  "tenant_security_changed", "account_closure", "account_closed",
  "login_code_requested", "passkey_added", "passkey_removed", "passkey_renamed", // passwordless and passkeys
  "client_role_changed", // client members
  "email_change", "email_change_requested", "email_changed", "staff_updated", "quick_access_login",
  "second_factors_reset",
] as const;

export const AUDIT_OUTCOMES = [
  "success", "failure", "throttled", "revoked", "sent", "unknown_account", "code_sent", "no_client",
  "existing_account", "account", "address", "mfa_required", "refused",
  "counter_regressed", "no_email", // passwordless and passkeys
  "link_sent", "process",
] as const;

/** Outcomes that are bad news for the account (shown with ✗ and in red, besides the words). */
const ALARMING = new Set(["failure", "throttled", "revoked", "account", "address", "process", "counter_regressed"]);

export type AuditGroup = "auditAction" | "auditOutcome" | "auditDetail";

export function auditLabel(i18n: Pick<Translator, "t" | "has">, group: AuditGroup, code: string): string {
  const key = `${group}.${code}`;
  return i18n.has(key) ? i18n.t(key as Key) : code;
}

export function outcomeTone(outcome: string): "yes" | "no" | "neutral" {
  if (outcome === "success") return "yes";
  return ALARMING.has(outcome) ? "no" : "neutral";
}

export interface AuditFilters {
  action: string;
  outcome: string;
  from: string; // YYYY-MM-DD, a calendar day in the browser's zone, inclusive
  to: string; // YYYY-MM-DD, inclusive
  user_id: string;
}

export const FILTER_NAMES = ["action", "outcome", "from", "to", "user_id"] as const;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function filtersFrom(params: URLSearchParams): AuditFilters {
  const day = (name: string) => {
    const value = params.get(name) ?? "";
    return DAY.test(value) ? value : "";
  };
  return {
    action: params.get("action") ?? "", outcome: params.get("outcome") ?? "",
    from: day("from"), to: day("to"), user_id: (params.get("user_id") ?? "").trim(),
  };
}

/** Midnight at the start of a calendar day in the browser's zone; `plusDays` moves it. */
export function dayStart(day: string, plusDays = 0): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The API's query: `since` inclusive at the start of "from", `until` exclusive at the start of
 * the day after "to" (so "to" is a whole day), both as ISO instants with their zone (UTC). */
export function auditQuery(filters: AuditFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.action) query.action = filters.action;
  if (filters.outcome) query.outcome = filters.outcome;
  if (filters.user_id) query.user_id = filters.user_id;
  const since = dayStart(filters.from);
  const until = dayStart(filters.to, 1);
  if (since) query.since = since.toISOString();
  if (until) query.until = until.toISOString();
  return query;
}

/** "from" after "to" cannot match anything: said before asking. */
export function datesReversed(filters: Pick<AuditFilters, "from" | "to">): boolean {
  return !!filters.from && !!filters.to && filters.from > filters.to;
}

/** The detail of an event as label/value pairs, in a stable order. */
export function detailPairs(i18n: Pick<Translator, "t" | "has">, detail: Record<string, string>): [string, string][] {
  return Object.keys(detail).sort().map((key) => [auditLabel(i18n, "auditDetail", key), detail[key] ?? ""]);
}
