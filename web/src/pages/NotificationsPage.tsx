// The caller's in-app notices (/app/notifications): newest first, unread ones marked "New", each
// marked read on request or all at once. The header's link shows the unread count.
import { useCallback, useState } from "react";
import { ProblemError } from "../api";
import { LoadMoreButton } from "../components/LoadMore";
import { Notice as MessageBox } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useCursorPages } from "../components/useCursorPages";
import { useI18n } from "../i18n/I18nProvider";
import { problemMessage } from "../i18n/problems";
import { fetchNotices, markRead, NOTICES_CHANGED, noticeParagraphs, withRead, type Notice } from "./notices";

export function NotificationsPage() {
  const i18n = useI18n();
  const { t, formatDateTime } = i18n;
  const fetchPage = useCallback((cursor?: string, signal?: AbortSignal) => fetchNotices(cursor, signal), []);
  const { items, setItems, cursor, status, loadError, reload, loadMore } = useCursorPages<Notice>(fetchPage);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [allRead, setAllRead] = useState(false);

  async function mark(ids: string[] | "all") {
    setProblem(null);
    try {
      await markRead(ids === "all" ? { all: true } : { ids });
      setItems((list) => withRead(list, ids));
      setAllRead(ids === "all");
      window.dispatchEvent(new Event(NOTICES_CHANGED));
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setProblem(error);
    }
  }

  const unread = items.some((n) => !n.read);
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("notices.title")}</PageTitle>
        <p className="lead">{t("notices.intro")}</p>
      </div>
      {loadError ? (
        <MessageBox tone="error">
          {problemMessage(loadError, i18n)}{" "}
          <button type="button" className="button button--small" onClick={reload}>{t("app.retry")}</button>
        </MessageBox>
      ) : null}
      {problem ? <MessageBox tone="error">{problemMessage(problem, i18n)}</MessageBox> : null}
      {allRead ? <MessageBox tone="success">{t("notices.allRead")}</MessageBox> : null}
      {unread ? (
        <p>
          <button type="button" className="button" onClick={() => { void mark("all"); }}>{t("notices.markAllRead")}</button>
        </p>
      ) : null}
      {status === "ready" && items.length === 0 ? <p className="empty-state">{t("notices.empty")}</p> : null}
      <ul className="item-list" aria-busy={status === "loading"} data-testid="notices">
        {items.map((notice) => (
          <li key={notice.id} className="card item-list__item">
            <article aria-labelledby={`notice-${notice.id}`}>
              <h2 id={`notice-${notice.id}`} className="item-list__title">
                {notice.read ? null : <><span className="pill pill--yes">{t("notices.new")}</span>{" "}</>}
                {notice.title}
              </h2>
              <p className="field__hint"><time dateTime={notice.created_at}>{formatDateTime(notice.created_at)}</time></p>
              {noticeParagraphs(notice.body).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
              {notice.read ? null : (
                <button type="button" className="button button--small"
                  aria-label={t("notices.markReadFor", { title: notice.title })}
                  onClick={() => { void mark([notice.id]); }}>{t("notices.markRead")}</button>
              )}
            </article>
          </li>
        ))}
      </ul>
      {status === "loading" ? <p className="loading" role="status">{t("app.loading")}</p> : null}
      <LoadMoreButton cursor={cursor} status={status} onMore={loadMore} />
    </div>
  );
}
