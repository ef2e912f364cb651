// A list read by cursor, page by page: the first page whenever `fetchPage` changes (a new search,
// new filters; memoise it with its query), "load more" after it, the error to show with a retry,
// and, after "load more", the focus on the first new row of `tableRef`'s body so keyboard users
// continue there (the rows need tabIndex={-1}; a page showing only some of them gives each its
// index in `items` as data-row-index). Shared by the client list, the audit trail and
// the staff users.
import { useCallback, useEffect, useRef, useState } from "react";
import { ProblemError } from "../api";
import type { Page } from "../api/types";
import { withPage } from "./cursorPages";

export type PagingStatus = "loading" | "ready" | "more" | "error";
export type FetchPage<T> = (cursor: string | undefined, signal?: AbortSignal) => Promise<Page<T>>;

export function useCursorPages<T>(fetchPage: FetchPage<T>) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [status, setStatus] = useState<PagingStatus>("loading");
  const [loadError, setLoadError] = useState<ProblemError | null>(null);
  const firstNewRow = useRef<number | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);

  const load = useCallback(async (after: string | null, signal?: AbortSignal) => {
    setStatus(after ? "more" : "loading");
    setLoadError(null);
    try {
      const page = await fetchPage(after ?? undefined, signal);
      setItems((previous) => {
        const next = withPage(previous, page, after !== null);
        firstNewRow.current = next.firstNew;
        return next.items;
      });
      setCursor(page.next_cursor);
      setStatus("ready");
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      if (!(error instanceof ProblemError)) throw error;
      setLoadError(error);
      setStatus("error");
    }
  }, [fetchPage]);

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load]);

  useEffect(() => {
    const first = firstNewRow.current;
    if (first === null || status !== "ready") return;
    firstNewRow.current = null;
    // A page that shows only some rows (filtered) numbers them with data-row-index.
    const rows = [...(tableRef.current?.querySelectorAll<HTMLElement>("tbody tr") ?? [])];
    rows.find((row, index) => Number(row.dataset.rowIndex ?? index) >= first)?.focus();
  }, [items, status]);

  const reload = useCallback(() => { void load(null); }, [load]);
  const loadMore = useCallback(() => { if (cursor) void load(cursor); }, [load, cursor]);
  return { items, setItems, cursor, status, loadError, tableRef, reload, loadMore };
}

export type CursorPages<T> = ReturnType<typeof useCursorPages<T>>;
