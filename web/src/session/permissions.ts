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
  | "client-members:manage"
  // --- client records ---
  | "clients:write"
  | "categories:manage"
  | "own-profile:write"
  // --- support, requests and content ---
  | "support:use"
  | "support:manage"
  | "content:read"
  | "content:publish"
  | "feedback:give"
  | "feedback:read"
  | "campaigns:manage"; // campaigns: admins, agents and salespeople

// Support and content: every staff member works the inbox; admins and agents edit the content.
const SUPPORT_STAFF: Permission[] = ["support:manage", "content:read"];
const CONTENT_EDITORS: Permission[] = ["content:publish", "feedback:read"];

// Staff roles → permissions, as in the server's map (only what the web client asks about).
const STAFF_BASE: Permission[] = ["clients:read", "clients:write", "portal-users:manage",
  "campaigns:manage"]; // campaigns: every staff role
const BY_ROLE: Record<string, Permission[]> = {
  salesperson: [...STAFF_BASE, ...SUPPORT_STAFF],
  agent: [...STAFF_BASE, "customer-accounts:close", "categories:manage", ...SUPPORT_STAFF, ...CONTENT_EDITORS],
  admin: [...STAFF_BASE, "customer-accounts:close", "staff-users:manage", "firm-security:manage", "audit:read",
    "categories:manage", ...SUPPORT_STAFF, ...CONTENT_EDITORS],
};

export type WhoCan = Pick<Me, "roles"> & { permissions?: readonly string[] | null };

/** Whether the user holds `permission`: `me.permissions` when the gateway sends it (the server
 * decides), otherwise what their roles grant. The server checks again on every call. */
export function can(me: WhoCan, permission: Permission): boolean {
  if (Array.isArray(me.permissions)) return me.permissions.includes(permission);
  return me.roles.some((role) => BY_ROLE[role]?.includes(permission) ?? false);
}
