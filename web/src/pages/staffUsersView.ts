// Pure helpers of the admins' staff page (tested without a DOM): the role checkboxes as the API
// wants them, labels for roles and statuses (the raw code for ones the catalogue does not know
// yet), the invitation's checks before asking the API, where the API's errors go, and the
// filters, which are kept in the URL and applied to the rows loaded so far (the API lists every
// colleague by pages, with no filters of its own; a firm's staff is a few dozen people).
import type { Problem } from "../api/client";
import {
  STAFF_ROLES, type StaffInvite, type StaffRole, type StaffStatus, type StaffUpdate, type StaffUser,
} from "../api/types";
import type { Key, Translator } from "../i18n/catalogue";
import { intlLocale } from "../i18n/format";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";

export const STAFF_STATUSES: StaffStatus[] = ["active", "disabled"];

/** Which role boxes are ticked. */
export type RoleChoice = Record<StaffRole, boolean>;

export function choiceOf(roles: readonly string[]): RoleChoice {
  return { admin: roles.includes("admin"), agent: roles.includes("agent"), salesperson: roles.includes("salesperson") };
}

/** The ticked roles in the API's order (the server keeps them sorted the same way). */
export function chosenRoles(choice: RoleChoice): StaffRole[] {
  return STAFF_ROLES.filter((role) => choice[role]);
}

export function rolesChanged(user: Pick<StaffUser, "roles">, choice: RoleChoice): boolean {
  return chosenRoles(choice).join() !== [...user.roles].sort().join();
}

function label(i18n: Pick<Translator, "t" | "has">, group: string, code: string): string {
  const key = `${group}.${code}`;
  return i18n.has(key) ? i18n.t(key as Key) : code;
}

export function roleLabel(i18n: Pick<Translator, "t" | "has">, role: string): string {
  return label(i18n, "staffRole", role);
}

/** "Administrador/a y Agente": the roles in the API's order, whatever order they came in,
 * joined as the reader's language lists things. */
export function rolesText(i18n: Pick<Translator, "t" | "has" | "language">, roles: readonly string[]): string {
  const known = STAFF_ROLES.filter((role) => roles.includes(role));
  const unknown = roles.filter((role) => !(STAFF_ROLES as readonly string[]).includes(role));
  const names = [...known, ...unknown].map((role) => roleLabel(i18n, role));
  return new Intl.ListFormat(intlLocale(i18n.language), { type: "conjunction" }).format(names);
}

export function statusLabel(i18n: Pick<Translator, "t" | "has">, status: string): string {
  return label(i18n, "staffStatus", status);
}

/** Shown with ✓/✗ and words, never colour only. */
export function statusTone(status: string): "yes" | "no" | "neutral" {
  if (status === "active") return "yes";
  return status === "disabled" ? "no" : "neutral";
}

/** The one button of a row: disable an active colleague, enable a disabled one. */
export function statusChange(user: Pick<StaffUser, "status">): StaffUpdate {
  return { status: user.status === "disabled" ? "active" : "disabled" };
}

export function replaceUser(items: StaffUser[], updated: StaffUser): StaffUser[] {
  return items.map((user) => (user.id === updated.id ? updated : user));
}

// --- the invitation ---

export interface InviteValues {
  display_name: string;
  email: string;
  roles: RoleChoice;
  locale: string;
}

export type InviteField = "display_name" | "email" | "roles" | "locale";
export const INVITE_FIELDS: InviteField[] = ["display_name", "email", "roles", "locale"];
export type InviteErrors = Partial<Record<InviteField, string>>;

export const EMPTY_INVITE: InviteValues = {
  display_name: "", email: "", roles: choiceOf([]), locale: "es",
};

// Only the shape a typing slip breaks; identity validates the address for real.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Empty name, e-mail without its shape, no role: found before asking the API. */
export function checkInvite(values: InviteValues, t: Translator["t"]): InviteErrors {
  const found: InviteErrors = {};
  if (!values.display_name.trim()) found.display_name = t("staff.nameRequired");
  const email = values.email.trim();
  if (!email) found.email = t("staff.emailRequired");
  else if (!EMAIL_SHAPE.test(email)) found.email = t("fieldError.email.invalid");
  if (!chosenRoles(values.roles).length) found.roles = t("staff.rolesRequired");
  return found;
}

export function invitePayload(values: InviteValues): StaffInvite {
  return {
    display_name: values.display_name.trim(), email: values.email.trim(),
    roles: chosenRoles(values.roles), locale: values.locale,
  };
}

/** The API's problem split into messages beside the invitation's fields and the rest. */
export function inviteProblems(problem: Pick<Problem, "status" | "code" | "detail" | "errors" | "retryAfter">,
  i18n: Translator): { fields: InviteErrors; general: string[] } {
  const fields: InviteErrors = {};
  const general: string[] = [];
  for (const error of problem.errors) {
    const name = fieldName(error) as InviteField;
    if (INVITE_FIELDS.includes(name)) fields[name] ??= fieldMessage(error, i18n);
    else general.push(fieldMessage(error, i18n));
  }
  if (!problem.errors.length) general.push(problemMessage(problem, i18n));
  return { fields, general };
}

// --- filters ---

export interface StaffFilters {
  q: string;
  role: StaffRole | "";
  status: StaffStatus | "";
}

export const STAFF_FILTER_NAMES = ["q", "role", "status"] as const;

export function staffFiltersFrom(params: URLSearchParams): StaffFilters {
  const role = params.get("role") ?? "";
  const status = params.get("status") ?? "";
  return {
    q: (params.get("q") ?? "").trim(),
    role: (STAFF_ROLES as readonly string[]).includes(role) ? role as StaffRole : "",
    status: (STAFF_STATUSES as string[]).includes(status) ? status as StaffStatus : "",
  };
}

export function filtersActive(filters: StaffFilters): boolean {
  return !!(filters.q || filters.role || filters.status);
}

// Accents and case do not matter: "jose" finds "José".
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{Diacritic}/gu, "").toLowerCase();
}

export function matchesFilters(user: StaffUser, filters: StaffFilters): boolean {
  if (filters.role && !user.roles.includes(filters.role)) return false;
  if (filters.status && user.status !== filters.status) return false;
  if (!filters.q) return true;
  const needle = fold(filters.q);
  return [user.display_name, user.email, user.username].some((text) => fold(text).includes(needle));
}
