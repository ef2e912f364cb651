// Staff: "my tasks", the tasks assigned to the logged-in user by due date, filtered by status and
// to the overdue ones (the filters are kept in the URL). A task opens below the list to change its
// status or comment.
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { api } from "../api";
import { TASK_STATUSES, type Page, type Task, type TaskStatus } from "../api/types";
import { LoadFailed, LoadMoreButton } from "../components/LoadMore";
import { PageTitle } from "../components/PageTitle";
import { useCursorPages } from "../components/useCursorPages";
import { useI18n } from "../i18n/I18nProvider";
import { codeLabel } from "./client/labels";
import { TaskList } from "./client/TaskList";
import { filtersFrom, filtersToParams, myTasksQuery, type TaskFilters } from "./client/tasksView";

export function MyTasksPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const [draft, setDraft] = useState<TaskFilters>(filters);
  const key = JSON.stringify(myTasksQuery(filters));
  const fetchPage = useCallback((cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<Task>>("/me/tasks", { query: { ...(JSON.parse(key) as Record<string, string>), cursor, limit: 50 }, signal }),
  [key]);
  const { items, setItems, cursor, status, loadError, reload, loadMore } = useCursorPages(fetchPage);

  useEffect(() => setDraft(filtersFrom(params)), [params]);

  function apply(event: FormEvent) {
    event.preventDefault();
    setParams(filtersToParams(draft));
  }

  return (
    <div className="stack">
      <PageTitle>{t("myTasks.title")}</PageTitle>
      <p className="lead">{t("myTasks.intro")}</p>
      <form className="search form-row" onSubmit={apply} aria-label={t("myTasks.filters")}>
        <div className="field">
          <label htmlFor="tasks-status">{t("tasks.status")}</label>
          <select id="tasks-status" value={draft.status}
            onChange={(e) => setDraft((d) => ({ ...d, status: e.target.value as TaskStatus | "" }))}>
            <option value="">{t("myTasks.anyStatus")}</option>
            {TASK_STATUSES.map((s) => <option key={s} value={s}>{codeLabel(i18n, "taskStatus", s)}</option>)}
          </select>
        </div>
        <div className="checkbox">
          <input type="checkbox" id="tasks-overdue" checked={draft.overdue}
            onChange={(e) => setDraft((d) => ({ ...d, overdue: e.target.checked }))} />
          <label htmlFor="tasks-overdue">{t("myTasks.overdueOnly")}</label>
        </div>
        <div><button type="submit" className="button">{t("myTasks.apply")}</button></div>
      </form>
      <LoadFailed problem={loadError} onRetry={reload} />
      <p className="result-count" role="status" aria-live="polite">
        {status === "loading" ? t("app.loading") : !loadError && !items.length ? t("myTasks.empty") : ""}
      </p>
      {items.length ? (
        <TaskList tasks={items} showClient
          onChanged={(task) => setItems((list) => list.map((x) => (x.id === task.id ? task : x)))} />
      ) : null}
      <LoadMoreButton cursor={cursor} status={status} onMore={loadMore} />
    </div>
  );
}
