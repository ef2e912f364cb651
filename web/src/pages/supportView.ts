// Pure helpers of the support and content pages (tested without a DOM): the API's shapes, labels
// of types and statuses, the conversation's events in words, the files a form may send (the
// server checks again, by content), the inbox's filters kept in the URL, and the dates of offers.
import type { Key, Translator } from "../i18n/catalogue";
import { intlLocale } from "../i18n/format";

export const TICKET_TYPES = ["question", "complaint", "request_review", "other"] as const;
export type TicketType = (typeof TICKET_TYPES)[number];
export const TICKET_STATUSES = ["open", "awaiting_staff", "awaiting_customer", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export interface Attachment { id: string; file_name: string; content_type: string; size: number }

export interface Ticket {
  id: string;
  number: number;
  type: string;
  subject: string;
  status: string;
  client_id: string;
  client_name: string;
  opened_by_name: string;
  assignee_id: string | null;
  assignee_name: string | null;
  created_at: string;
  updated_at: string;
  last_message_at: string;
  message_count: number;
}

export interface TicketMessage {
  id: string;
  kind: "message" | "note" | "event";
  author_side: "customer" | "staff";
  author_name: string;
  body: string;
  created_at: string;
  attachments: Attachment[];
}

export interface Thread { ticket: Ticket; messages: TicketMessage[] }

export interface FeedbackEntry {
  id: string;
  rating: number;
  comment: string;
  page: string;
  author_kind: string;
  author_name: string;
  client_id: string | null;
  client_name: string | null;
  created_at: string;
}

export interface FeedbackPage { items: FeedbackEntry[]; next_cursor: string | null; average_rating: number; total: number }

export interface EditableNews {
  id: string; title: string; body: string; language: string | null; published_at: string; published: boolean;
}

export interface Material {
  id: string; title: string; description: string; category: string; published: boolean; file_name: string;
  content_type: string; size: number; created_at: string; updated_at: string;
}

export interface MaterialPage { items: Material[]; next_cursor: string | null; categories: string[] }

export interface Advantage {
  id: string; title: string; description: string; valid_from: string; valid_until: string | null;
  link_url: string | null; published: boolean; has_image: boolean; active: boolean; created_at: string;
  updated_at: string;
}

type Labels = Pick<Translator, "t" | "has">;

function label(i18n: Labels, group: string, code: string): string {
  const key = `${group}.${code}`;
  return i18n.has(key) ? i18n.t(key as Key) : code;
}

// "other" has a key of its own: the catalogue reads any key ending in ".other" as a plural form.
const TYPE_KEYS: Record<TicketType, Key> = {
  question: "ticketType.question", complaint: "ticketType.complaint", request_review: "ticketType.request_review",
  other: "ticketType.something_else",
};

export function typeLabel(i18n: Labels, type: string): string {
  return (TICKET_TYPES as readonly string[]).includes(type) ? i18n.t(TYPE_KEYS[type as TicketType]) : type;
}

export function statusLabel(i18n: Labels, status: string): string {
  return label(i18n, "ticketStatus", status);
}

/** Whose move it is, for the badge's colour (always shown with its words too). */
export function statusTone(status: string): "yes" | "no" | "neutral" {
  if (status === "resolved" || status === "closed") return "yes";
  if (status === "awaiting_customer") return "neutral";
  return "no";
}

/** An event of the conversation in words: "status:resolved", "assigned:Marta", "unassigned". */
export function eventText(i18n: Labels, body: string, author: string): string {
  const [what, ...rest] = body.split(":");
  const value = rest.join(":");
  if (what === "status") return i18n.t("ticket.event.status", { author, status: statusLabel(i18n, value) });
  if (what === "assigned" && value === author) return i18n.t("ticket.event.selfAssigned", { author });
  if (what === "assigned") return i18n.t("ticket.event.assigned", { author, assignee: value });
  if (what === "unassigned") return i18n.t("ticket.event.unassigned", { author });
  return body;
}

/** "2,4 MB", "830 kB": a file's size as people read it. */
export function formatSize(bytes: number, language: Parameters<typeof intlLocale>[0]): string {
  const units: [number, string][] = [[1024 * 1024, "megabyte"], [1024, "kilobyte"]];
  for (const [size, unit] of units) {
    if (bytes >= size) {
      return new Intl.NumberFormat(intlLocale(language), {
        style: "unit", unit, unitDisplay: "short", maximumFractionDigits: 1,
      }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(intlLocale(language), { style: "unit", unit: "byte", unitDisplay: "short" })
    .format(bytes);
}

export const ATTACHMENTS_MAX = 3;
export const ATTACHMENT_MAX_BYTES = 4 * 1024 * 1024;
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_MAX_BYTES = 2 * 1024 * 1024;
const DOCUMENT_EXTENSIONS = [".pdf", ".png", ".jpg", ".jpeg", ".webp", ".docx", ".xlsx", ".odt", ".txt", ".csv"];
export const DOCUMENT_ACCEPT = DOCUMENT_EXTENSIONS.join(",");
export const IMAGE_ACCEPT = ".png,.jpg,.jpeg,.webp";

/** What is wrong with the chosen files before sending them, as a catalogue key (null: nothing).
 * The server decides by content; this only spares the user a useless upload. */
export function filesProblem(files: readonly { name: string; size: number }[],
  { max = ATTACHMENTS_MAX, maxBytes = ATTACHMENT_MAX_BYTES, accept = DOCUMENT_ACCEPT } = {}): Key | null {
  if (files.length > max) return "files.tooMany";
  const extensions = accept.split(",");
  for (const file of files) {
    if (file.size === 0) return "files.empty";
    if (file.size > maxBytes) return "files.tooLarge";
    const dot = file.name.lastIndexOf(".");
    if (dot < 0 || !extensions.includes(file.name.slice(dot).toLowerCase())) return "files.forbiddenType";
  }
  return null;
}

export interface InboxFilters { status: string; type: string; assigned: string }

export const INBOX_FILTER_NAMES: (keyof InboxFilters)[] = ["status", "type", "assigned"];

/** The inbox's filters from the URL; unknown values are dropped. Staff land on the active tickets. */
export function inboxFiltersFrom(params: URLSearchParams, staff: boolean): InboxFilters {
  const status = params.get("status") ?? (staff ? "active" : "");
  const type = params.get("type") ?? "";
  const assigned = params.get("assigned") ?? "";
  return {
    status: status === "active" || (TICKET_STATUSES as readonly string[]).includes(status) ? status : "",
    type: (TICKET_TYPES as readonly string[]).includes(type) ? type : "",
    assigned: staff && (assigned === "me" || assigned === "none") ? assigned : "",
  };
}

/** "1 de enero de 2026 – 31 de mayo de 2026", or "Desde el 1 de enero de 2026" when open-ended. */
export function offerPeriod(i18n: Labels & { formatDate: (v: string) => string }, advantage: Pick<Advantage,
  "valid_from" | "valid_until">): string {
  const from = i18n.formatDate(advantage.valid_from);
  return advantage.valid_until
    ? i18n.t("advantages.period", { from, until: i18n.formatDate(advantage.valid_until) })
    : i18n.t("advantages.since", { from });
}

/** The feedback box's page: the path only (a query string may hold a token). */
export function feedbackPage(pathname: string): string {
  return pathname.split("?")[0]?.split("#")[0] ?? "/";
}

/** "4,3" for an average rating, or "—" when there is none. */
export function formatAverage(average: number, total: number, language: Parameters<typeof intlLocale>[0]): string {
  if (!total) return "—";
  return new Intl.NumberFormat(intlLocale(language), { maximumFractionDigits: 1 }).format(average);
}

/** Paragraphs of a plain-text body (blank lines between them). */
export function paragraphsOf(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}
