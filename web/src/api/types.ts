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
  notices: string[];
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
