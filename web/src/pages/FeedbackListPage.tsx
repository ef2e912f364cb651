// /app/feedback, for staff: the feedback box's entries, newest first, filtered by rating and days,
// with the average rating of everything the filters match.
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { api, ProblemError } from "../api";
import { Notice } from "../components/Notice";
import { PageTitle } from "../components/PageTitle";
import { useI18n } from "../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../i18n/problems";
import { formatAverage, type FeedbackEntry, type FeedbackPage } from "./supportView";

interface Filters { rating: string; since: string; until: string }
const NO_FILTERS: Filters = { rating: "", since: "", until: "" };

export function FeedbackListPage() {
  const i18n = useI18n();
  const { t, formatDateTime, language } = i18n;
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [items, setItems] = useState<FeedbackEntry[]>([]);
  const [summary, setSummary] = useState<{ average: number; total: number } | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async (after: string | null) => {
    setLoading(true);
    setProblem(null);
    try {
      const page = await api.get<FeedbackPage>("/feedback", { query: {
        limit: 20, cursor: after ?? undefined, rating: filters.rating || undefined, since: filters.since || undefined,
        until: filters.until || undefined } });
      setItems((previous) => (after ? [...previous, ...page.items] : page.items));
      setSummary({ average: page.average_rating, total: page.total });
      setCursor(page.next_cursor);
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setProblem(error.errors.length ? fieldMessage(error.errors[0]!, i18n) : problemMessage(error, i18n));
    } finally {
      setLoading(false);
    }
  }, [filters, i18n]);
  useEffect(() => { void load(null); }, [load]);

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
  }
  const set = (name: keyof Filters) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [name]: event.target.value }));

  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t("feedbackList.title")}</PageTitle>
        <p className="lead">{t("feedbackList.intro")}</p>
      </div>
      <form className="filters" onSubmit={apply} aria-labelledby="feedback-filters-title" noValidate>
        <h2 id="feedback-filters-title" className="filters__title">{t("support.filters")}</h2>
        <div className="filters__grid">
          <div className="field">
            <label htmlFor="feedback-rating">{t("feedback.rating")}</label>
            <select id="feedback-rating" value={draft.rating} onChange={set("rating")}>
              <option value="">{t("support.any")}</option>
              {[5, 4, 3, 2, 1].map((r) => <option key={r} value={r}>{t("feedback.stars", { count: r })}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="feedback-since">{t("feedbackList.since")}</label>
            <input id="feedback-since" type="date" value={draft.since} onChange={set("since")} />
          </div>
          <div className="field">
            <label htmlFor="feedback-until">{t("feedbackList.until")}</label>
            <input id="feedback-until" type="date" value={draft.until} onChange={set("until")} />
          </div>
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary">{t("support.apply")}</button>
        </div>
      </form>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {summary ? (
        <p className="result-count" role="status" data-testid="feedback-summary">
          {t("feedbackList.summary", { average: formatAverage(summary.average, summary.total, language),
            total: summary.total })}
        </p>
      ) : null}
      {!loading && !items.length && !problem ? <p className="empty-state">{t("feedbackList.empty")}</p> : null}
      <ul className="item-list" data-testid="feedback-list">
        {items.map((entry) => (
          <li key={entry.id} className="card item-list__item">
            <p className="item-list__title">
              <span aria-hidden="true">{"★".repeat(entry.rating)}{"☆".repeat(5 - entry.rating)}</span>{" "}
              <span className="visually-hidden">{t("feedback.stars", { count: entry.rating })}</span>
            </p>
            {entry.comment ? <p className="news-body">{entry.comment}</p> : null}
            <p className="field__hint">
              {entry.author_kind === "quick_access" ? t("feedbackList.quickAccess") : entry.client_name ?? entry.author_name}
              {" · "}{entry.page || "—"}{" · "}<time dateTime={entry.created_at}>{formatDateTime(entry.created_at)}</time>
            </p>
          </li>
        ))}
      </ul>
      {cursor && !loading ? <button type="button" className="button" onClick={() => { void load(cursor); }}>
        {t("support.more")}</button> : null}
    </div>
  );
}
