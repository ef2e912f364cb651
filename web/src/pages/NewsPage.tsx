// News of the firm (seed 003, "Noticias"), newest first, in pages of ten with "show more": for
// customers in the app (/app/news) and for quick-access visitors (/quick-access/news). Bodies are
// plain text shown as paragraphs (never as HTML).
import { useCallback, useEffect, useState } from "react";
import { useOutletContext } from "react-router";
import { api, ProblemError } from "../api";
import type { QuickAccessOutlet } from "../components/QuickAccessLayout";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { problemMessage } from "../i18n/problems";
import { newsParagraphs, sessionOver } from "../quickAccess/quickAccess";
import type { NewsItem, NewsPage as NewsPageAnswer } from "../quickAccess/types";

const PAGE_SIZE = 10;

export function NewsPage() {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  // Inside the quick-access frame a 401 sends the visitor back to type the key; in the app, the
  // session's own handler sends the user to /login.
  const outlet = useOutletContext<QuickAccessOutlet | undefined>();
  const [items, setItems] = useState<NewsItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ProblemError | null>(null);

  const load = useCallback(async (after: string | null, signal?: AbortSignal) => {
    setLoading(true);
    setProblem(null);
    try {
      const page = await api.get<NewsPageAnswer>("/news", {
        query: { limit: PAGE_SIZE, cursor: after ?? undefined }, signal, quiet401: !!outlet?.sessionOver });
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setCursor(page.next_cursor);
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") return;
      if (!(error instanceof ProblemError)) throw error;
      if (sessionOver(error) && outlet?.sessionOver) outlet.sessionOver();
      else setProblem(error);
    } finally {
      setLoading(false);
    }
  }, [outlet]);

  useEffect(() => {
    const controller = new AbortController();
    void load(null, controller.signal);
    return () => controller.abort();
  }, [load]);

  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("news.title")}</PageTitle>
        <p className="lead">{t("news.intro")}</p>
      </div>
      {problem ? <Notice tone="error">{problemMessage(problem, i18n)}</Notice> : null}
      {!loading && !problem && items.length === 0 ? <p className="empty-state">{t("news.empty")}</p> : null}
      <ul className="item-list news-list" aria-busy={loading}>
        {items.map((item) => (
          <li key={item.id} className="card item-list__item">
            <article aria-labelledby={`news-${item.id}`}>
              <h2 id={`news-${item.id}`} className="item-list__title">{item.title}</h2>
              <p className="field__hint">
                <time dateTime={item.published_at}>{t("news.published", { date: formatDate(item.published_at) })}</time>
              </p>
              {newsParagraphs(item.body).map((paragraph, index) => (
                <p key={index} className="news-body">{paragraph}</p>
              ))}
            </article>
          </li>
        ))}
      </ul>
      {loading ? <p className="loading" role="status">{t("app.loading")}</p> : null}
      {cursor && !loading ? (
        <button type="button" className="button" onClick={() => { void load(cursor); }}>{t("news.more")}</button>
      ) : null}
    </div>
  );
}
