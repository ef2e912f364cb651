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
  /** The portal user's id (to close that account, staff), or null without one. */
  portal_user_id: string | null;
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
  /** What the user may do (`customer-accounts:close`…), when the gateway says it; see
   * session/permissions.ts `can()`, which falls back to the roles without it. */
  permissions?: string[];
  /** A customer's role within their client (viewer, cases, payer, admin); null for staff. */
  client_role?: string | null;
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

// --- e-mail change and staff users (issue 3's web pages) ---

/** POST /me/email: the link went to the new address and works this many minutes. */
export interface EmailChangeAnswer {
  valid_minutes: number;
}

/** POST /auth/email-change/confirm: the account's address now. */
export interface EmailConfirmed {
  email: string;
}

export type StaffRole = (typeof STAFF_ROLES)[number];
export type StaffStatus = "active" | "disabled";

/** GET/POST /staff-users, PATCH /staff-users/{id} (admins): a colleague of the firm. */
export interface StaffUser {
  id: string;
  username: string;
  email: string;
  display_name: string;
  roles: string[];
  status: StaffStatus | (string & {});
  mfa_enabled: boolean;
}

/** POST /staff-users: the invitation (the colleague chooses a password from the e-mail). */
export interface StaffInvite {
  email: string;
  display_name: string;
  roles: StaffRole[];
  locale: string;
}

/** PATCH /staff-users/{id}: what changes (absent: unchanged). */
export interface StaffUpdate {
  roles?: StaffRole[];
  status?: StaffStatus;
}
// --- end e-mail change and staff users ---

// --- passwordless and passkeys ---
/** POST /auth/login/code (202): the code went to the account's e-mail if there is one. The
 * ticket also lives in an HttpOnly cookie; the web client never needs to send it. */
export interface CodeLoginStatus {
  login_ticket: string;
  code_expires_in: number;
  resend_after: number;
}

/** GET /me/mfa/passkeys: one of the caller's passkeys. */
export interface Passkey {
  id: string;
  name: string;
  created_at: string;
  /** The last login with it; null when never used. */
  last_used_at: string | null;
  /** Synced by a passkey provider (usable on the user's other devices). */
  backed_up: boolean;
  transports: string[];
}

/** The options of a WebAuthn ceremony, for navigator.credentials (account/webauthn.ts). */
export interface PasskeyOptions<T> {
  options: T;
}
// --- end passwordless and passkeys ---

// --- client members (a company customer's people, issue 3 journey 9) ---
/** A customer's role within their client (the server's CLIENT_ROLES, in this order). */
export const CLIENT_ROLES = ["viewer", "cases", "payer", "admin"] as const;
export type ClientRole = (typeof CLIENT_ROLES)[number];

/** GET/POST /me/client/members, PATCH /me/client/members/{id} (the client's admins): one person. */
export interface ClientMember {
  id: string;
  display_name: string;
  email: string;
  client_role: ClientRole | (string & {});
  /** "invited": has not chosen a password yet. */
  status: "active" | "invited" | (string & {});
  last_login_at: string | null;
  added_at: string;
  invited_by: string | null;
  invited_by_name: string | null;
}

/** POST /me/client/members: the invitation (the colleague chooses a password from the e-mail). */
export interface ClientMemberInvite {
  email: string;
  display_name: string;
  client_role: ClientRole;
  locale: string;
}
// --- end client members ---

// --- client records (issue 4: clients, the client page's tabs, tasks, the customer's profile) ---
export const PHONE_LABELS = ["mobile", "home", "work", "other"] as const;
export type PhoneLabel = (typeof PHONE_LABELS)[number];
export const ALERT_KEYS = ["email_collections", "email_renewals", "sms_collections", "sms_renewals"] as const;
export type AlertKey = (typeof ALERT_KEYS)[number];
export type Alerts = Record<AlertKey, boolean>;

/** A phone as the API takes it (the number as typed; without a prefix it is Spanish). */
export interface PhoneIn {
  label: PhoneLabel | (string & {});
  number: string;
}

/** A phone as the API answers it: E.164 and formatted for reading. */
export interface Phone extends PhoneIn {
  formatted: string;
}

export interface Address {
  street: string;
  number: string;
  floor_door: string;
  postal_code: string;
  city: string;
  province: string;
  /** ISO 3166-1 alpha-2 ("ES"). */
  country: string;
  is_main: boolean;
}

export interface ConsortiumMember {
  client_id: string;
  display_name: string;
  /** Percent as text, at most two decimals ("33.34"). */
  share: string;
}

export interface CategoryRef {
  id: string;
  name: string;
}

/** GET /clients/{id}, /me/profile: a client with all its parts (the list's items carry them too). */
export interface ClientRecord extends Client {
  trade_name: string;
  phones: Phone[];
  addresses: Address[];
  /** The firm's tags; empty for customers. */
  categories: CategoryRef[];
  salesperson_id: string | null;
  salesperson_name: string | null;
  alerts: Alerts;
  members: ConsortiumMember[];
  locale: string;
  /** Sent back on edits: a save by someone else in between answers 409 `edit_conflict`. */
  version: number;
  updated_at: string;
}

/** POST /clients (and the fields of PATCH /clients/{id}). */
export interface ClientRecordIn {
  kind: ClientKind;
  first_name: string;
  last_name: string;
  legal_name: string;
  trade_name: string;
  tax_id: string;
  tax_id_type: string;
  email: string;
  phones: PhoneIn[];
  addresses: Address[];
  birth_date: string;
  locale: string;
  category_ids: string[];
  salesperson_id: string;
  alerts: Alerts;
  members: { client_id: string; share: string }[];
}

/** GET /categories. */
export interface Category extends CategoryRef {
  client_count: number;
}

/** GET /staff-directory: a colleague to pick as salesperson or assignee. */
export interface Colleague {
  id: string;
  display_name: string;
  roles: string[];
}

/** GET /clients/{id}/history: one saved change, field by field. */
export interface ChangeEntry {
  id: string;
  entity: "client" | "contact" | "task" | "file" | (string & {});
  entity_id: string;
  entity_label: string;
  action: "created" | "updated" | "deleted" | "commented" | (string & {});
  changes: { field: string; old: string; new: string }[];
  actor_id: string | null;
  actor_name: string;
  actor_kind: "staff" | "customer" | "system" | (string & {});
  occurred_at: string;
}

export const CONTACT_ROLES = ["family", "manager", "legal_representative", "accountant", "other"] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export interface Contact {
  id: string;
  client_id: string;
  role: ContactRole | (string & {});
  first_name: string;
  last_name: string;
  phones: Phone[];
  emails: string[];
  notes: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ContactIn {
  role: string;
  first_name: string;
  last_name: string;
  phones: PhoneIn[];
  emails: string[];
  notes: string;
}

export const TASK_STATUSES = ["open", "in_progress", "done", "cancelled"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export interface TaskComment {
  id: string;
  author_id: string;
  author_name: string;
  body: string;
  created_at: string;
}

export interface Task {
  id: string;
  client_id: string;
  client_name: string;
  title: string;
  description: string;
  assignee_id: string;
  assignee_name: string;
  due_on: string;
  status: TaskStatus | (string & {});
  overdue: boolean;
  created_by_id: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  version: number;
  comments: TaskComment[];
}

export interface Claim {
  id: string;
  policy_id: string;
  number: string;
  status: string;
  occurred_on: string;
  description: string;
  claimed: Money;
}

export interface CollectionCase extends CaseSummary {
  status: "open" | "closed" | (string & {});
}

export interface Invoice {
  id: string;
  number: string;
  status: "open" | "paid" | "void" | (string & {});
  total: Money;
  amount_due: Money;
  issued_on: string;
  due_on: string;
}

export interface AccountStatement {
  balance: Balance;
  invoices: Invoice[];
  next_cursor: string | null;
}
// --- end client records ---
