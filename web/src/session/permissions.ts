// What the logged-in user may do, asked by permission ("may this user close a customer's
// account?") as services and the gateway do (shared/clientarea_shared/permissions.py), never by
// a list of roles spread over the pages. GET /me's `permissions` is the answer when it is there;
// a gateway that does not send it yet is covered by the same table of roles, copied below.
import type { Me } from "../api/types";

/** The permissions the web client asks about (the server's names). */
export type Permission =
  | "clients:read"
  | "portal-users:manage"
  | "customer-accounts:close"
  | "staff-users:manage"
  | "firm-security:manage"
  | "audit:read"
  // --- client members: a customer's rights within their client (only /me's list says them) ---
  | "own-data:read"
  | "cases:create"
  | "invoices:pay"
  | "client-members:manage";

// Staff roles → permissions, as in the server's map (only what the web client asks about).
const STAFF_BASE: Permission[] = ["clients:read", "portal-users:manage"];
const BY_ROLE: Record<string, Permission[]> = {
  salesperson: STAFF_BASE,
  agent: [...STAFF_BASE, "customer-accounts:close"],
  admin: [...STAFF_BASE, "customer-accounts:close", "staff-users:manage", "firm-security:manage", "audit:read"],
};

export type WhoCan = Pick<Me, "roles"> & { permissions?: readonly string[] | null };

/** Whether the user holds `permission`: `me.permissions` when the gateway sends it (the server
 * decides), otherwise what their roles grant. The server checks again on every call. */
export function can(me: WhoCan, permission: Permission): boolean {
  if (Array.isArray(me.permissions)) return me.permissions.includes(permission);
  return me.roles.some((role) => BY_ROLE[role]?.includes(permission) ?? false);
}
