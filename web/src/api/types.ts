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

export const STAFF_ROLES = ["admin", "agent", "salesperson"] as const;

export function isStaff(me: Pick<Me, "roles">): boolean {
  return me.roles.some((role) => (STAFF_ROLES as readonly string[]).includes(role));
}
