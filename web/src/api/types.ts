// Shapes of the gateway's answers (gateway/gateway/routes/*.py), kept by hand: few and small.

export type ClientKind = "person" | "company" | "consortium";

export interface Client {
  id: string;
  kind: ClientKind;
  display_name: string;
  first_name: string;
  last_name: string;
  legal_name: string;
  tax_id_type: string;
  tax_id: string;
  email: string;
  phone: string;
  birth_date: string | null;
  has_portal_user: boolean;
  created_at: string;
}

export interface ClientIn {
  kind: ClientKind;
  first_name: string;
  last_name: string;
  legal_name: string;
  tax_id: string;
  email: string;
  phone: string;
  birth_date: string;
  locale: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Tenant {
  id: string;
  slug: string;
  name: string;
}

export interface Me {
  user_id: string;
  username: string;
  display_name: string;
  email: string;
  tenant: Tenant;
  roles: string[];
  client_id: string | null;
  client: Client | null;
  locale: string;
  /** Two-factor authentication (an authenticator app) is on. */
  mfa_enabled: boolean;
  /** The firm requires two-factor of its staff and this user has not set it up: every other
   * API call answers 403 `mfa_enrolment_required` until they do. */
  mfa_enrolment_required: boolean;
  notices: string[];
}

/** POST /auth/login: the tokens, or (two-factor on) `mfa_required` with a ticket for
 * POST /auth/login/mfa and no session yet. */
export interface LoginAnswer {
  access_token: string | null;
  mfa_required?: boolean;
  mfa_ticket?: string | null;
  mfa_methods?: string[];
}

/** POST /me/mfa/totp: the authenticator app's secret (base32), its otpauth:// URI and the URI
 * as an inline SVG QR code. */
export interface TotpEnrolment {
  secret: string;
  otpauth_uri: string;
  qr_svg: string;
}

/** POST /me/mfa/totp/confirm: the recovery codes, shown once. */
export interface RecoveryCodes {
  codes: string[];
}

/** GET/PUT /tenant/security (admins). */
export interface TenantSecurity {
  require_staff_mfa: boolean;
}

/** POST /me/close and /users/{id}/close (a refusal is a 409 problem). */
export interface Closure {
  closed: boolean;
}

export interface PortalUser {
  user_id: string;
  username: string;
}

/** An amount: integer minor units (cents) plus an ISO 4217 currency, never a float. */
export interface Money {
  minor_units: number;
  currency: string;
}

/** Known codes get translated labels (policyLine.*, policyStatus.*, casePhase.*); a code the
 * catalogue does not know yet is shown as it comes. */
export type PolicyLine = "credit" | "surety" | "home";
export type PolicyStatus = "active" | "suspended" | "expired" | "cancelled";
export type CasePhase = "amicable" | "court_filing" | "recovered";

export interface PolicySummary {
  id: string;
  number: string;
  line: PolicyLine | (string & {});
  status: PolicyStatus | (string & {});
  premium: Money;
  ends_on: string | null;
}

export interface CaseSummary {
  id: string;
  number: string;
  kind: string;
  phase: CasePhase | (string & {});
  debtor_name: string;
  amount: Money;
  opened_on: string;
}

/** Totals per currency: what is still to be paid, and the part of it already past due. */
export interface Balance {
  owed: Money[];
  overdue: Money[];
}

/** GET /dashboard (customers only). A section the API could not load is null and named in
 * `notices` as "<section>_unavailable"; the others still come. */
export interface Dashboard {
  display_name: string;
  tenant: Tenant;
  client: Client | null;
  policies: PolicySummary[] | null;
  open_cases: CaseSummary[] | null;
  balance: Balance | null;
  notices: string[];
}

export const STAFF_ROLES = ["admin", "agent", "salesperson"] as const;

export function isStaff(me: Pick<Me, "roles">): boolean {
  return me.roles.some((role) => (STAFF_ROLES as readonly string[]).includes(role));
}

export function isAdmin(me: Pick<Me, "roles">): boolean {
  return me.roles.includes("admin");
}

/** POST /auth/registrations (and …/resend, …/verify): where a self-registration stands. Times
 * are seconds from now. */
export interface RegistrationStatus {
  registration_id: string;
  code_expires_in: number;
  resend_after: number;
  verified: boolean;
}

/** POST /auth/password-check: zxcvbn's score 0-4 and the policy rules the password breaks
 * (`too_short`, `too_common`…). `warning` and `suggestions` are English only. */
export interface PasswordVerdict {
  acceptable: boolean;
  score: number;
  warning: string;
  suggestions: string[];
  problems: string[];
}

/** GET /me/sessions: one of the user's live sessions (devices). */
export interface LoginSession {
  id: string;
  created_at: string;
  last_used_at: string;
  user_agent: string;
  source_address: string;
  current: boolean;
}

/** GET /audit-events (admins): one entry of the firm's authentication audit trail. */
export interface AuditEvent {
  id: string;
  user_id: string | null;
  action: string;
  outcome: string;
  source_address: string;
  user_agent: string;
  created_at: string;
  detail: Record<string, string>;
}
