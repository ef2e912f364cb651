// The in-app notices' API calls and the pure bits of their page (tested without a DOM).
import { api } from "../api";
import type { Page } from "../api/types";

export interface Notice {
  id: string;
  title: string;
  body: string;
  created_at: string;
  read: boolean;
}

export type NoticesPage = Page<Notice> & { unread: number };

export const NOTICES_PAGE_SIZE = 20;
/** Dispatched on `window` when notices were marked read: the header's link counts again. */
export const NOTICES_CHANGED = "clientarea:notices-changed";

export function fetchNotices(cursor?: string, signal?: AbortSignal, limit = NOTICES_PAGE_SIZE): Promise<NoticesPage> {
  return api.get<NoticesPage>("/me/notifications", { query: { limit, cursor }, signal });
}

/** Marks them read on the server; answers how many of all the caller's notices stay unread. */
export async function markRead(which: { ids: string[] } | { all: true }): Promise<number> {
  return (await api.post<{ unread: number }>("/me/notifications/read", which)).unread;
}

/** The list after marking `ids` (or every notice, with "all") read, without asking again. */
export function withRead(items: Notice[], ids: string[] | "all"): Notice[] {
  return items.map((n) => (ids === "all" || ids.includes(n.id) ? { ...n, read: true } : n));
}

/** A notice's body as paragraphs (plain text from the server, never HTML). */
export function noticeParagraphs(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}
