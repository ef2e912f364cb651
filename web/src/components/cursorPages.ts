// Pure helpers of lists read by cursor ("load more"): the page size asked in the URL, and a page
// added to what is shown (remembering where the new rows start, to move the focus there).
import type { Page } from "../api/types";

/** `?limit=` when it is a whole number from 1 to `max`, else `fallback` (handy in tests). */
export function pageSizeFrom(raw: string | null, fallback: number, max: number): number {
  const value = Number(raw);
  return raw !== null && raw.trim() !== "" && Number.isInteger(value) && value >= 1 && value <= max ? value : fallback;
}

/** The rows after a page came: appended after "load more", instead of them for a first page.
 * `firstNew` is the index of the first appended row (null for a first page). */
export function withPage<T>(previous: readonly T[], page: Page<T>, appended: boolean): { items: T[]; firstNew: number | null } {
  return appended
    ? { items: [...previous, ...page.items], firstNew: page.items.length ? previous.length : null }
    : { items: page.items, firstNew: null };
}
