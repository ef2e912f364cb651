// Pure helpers of a company customer's "People" page (tested without a DOM): the roles within the
// client with what each allows, the invitation's checks before asking the API, where the API's
// errors go, the rows after a change, and the rule the server enforces (a client keeps an admin),
// said before the admin tries.
import type { Problem } from "../api/client";
import { CLIENT_ROLES, type ClientMember, type ClientMemberInvite, type ClientRole } from "../api/types";
import type { Key, Translator } from "../i18n/catalogue";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";

export function isClientRole(value: string): value is ClientRole {
  return (CLIENT_ROLES as readonly string[]).includes(value);
}

function label(i18n: Pick<Translator, "t" | "has">, group: string, code: string): string {
  const key = `${group}.${code}`;
  return i18n.has(key) ? i18n.t(key as Key) : code;
}

/** "Solo consulta"; a role the catalogue does not know yet shows as the server's code. */
export function roleLabel(i18n: Pick<Translator, "t" | "has">, role: string): string {
  return label(i18n, "memberRole", role);
}

/** What the role allows, in a sentence ("" for an unknown role). */
export function roleHelp(i18n: Pick<Translator, "t" | "has">, role: string): string {
  const key = `memberRoleHelp.${role}`;
  return i18n.has(key) ? i18n.t(key as Key) : "";
}

export function statusLabel(i18n: Pick<Translator, "t" | "has">, status: string): string {
  return label(i18n, "memberStatus", status);
}

/** The admins of the client among the people listed. */
export function adminCount(people: readonly Pick<ClientMember, "client_role">[]): number {
  return people.filter((person) => person.client_role === "admin").length;
}

/** Whether `person` is the client's only admin: their role cannot change and they cannot be
 * removed (the server refuses with 409 `last_client_admin`; the page says so first). */
export function isLastAdmin(people: readonly Pick<ClientMember, "client_role">[],
  person: Pick<ClientMember, "client_role">): boolean {
  return person.client_role === "admin" && adminCount(people) <= 1;
}

/** Admins first, then by name, as the server lists them (for a row added or changed here). */
export function sortMembers(people: readonly ClientMember[], language: string): ClientMember[] {
  const collator = new Intl.Collator(language, { sensitivity: "base" });
  return [...people].sort((a, b) =>
    Number(a.client_role !== "admin") - Number(b.client_role !== "admin") || collator.compare(a.display_name, b.display_name));
}

export function replaceMember(people: readonly ClientMember[], updated: ClientMember, language: string): ClientMember[] {
  return sortMembers(people.map((person) => (person.id === updated.id ? updated : person)), language);
}

export function withoutMember(people: readonly ClientMember[], id: string): ClientMember[] {
  return people.filter((person) => person.id !== id);
}

// --- the invitation ---

export interface InviteValues {
  display_name: string;
  email: string;
  client_role: ClientRole | "";
  locale: string;
}

export type InviteField = "display_name" | "email" | "client_role" | "locale";
export const INVITE_FIELDS: InviteField[] = ["display_name", "email", "client_role", "locale"];
export type InviteErrors = Partial<Record<InviteField, string>>;

export function emptyInvite(locale: string): InviteValues {
  return { display_name: "", email: "", client_role: "", locale };
}

// Only the shape a typing slip breaks; identity validates the address for real.
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Empty name, e-mail without its shape, no role chosen: found before asking the API. */
export function checkInvite(values: InviteValues, t: Translator["t"]): InviteErrors {
  const found: InviteErrors = {};
  if (!values.display_name.trim()) found.display_name = t("members.nameRequired");
  const email = values.email.trim();
  if (!email) found.email = t("members.emailRequired");
  else if (!EMAIL_SHAPE.test(email)) found.email = t("fieldError.email.invalid");
  if (!values.client_role) found.client_role = t("members.roleRequired");
  return found;
}

export function invitePayload(values: InviteValues): ClientMemberInvite {
  if (!values.client_role) throw new Error("checkInvite first: no role chosen");
  return {
    display_name: values.display_name.trim(), email: values.email.trim(), client_role: values.client_role,
    locale: values.locale,
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
