// The client's tasks (seed 002, "Tareas"): internal work assigned to a colleague with a due date;
// created here, opened to change their status and comment.
import { useCallback, useRef, useState, type FormEvent } from "react";
import { api, ProblemError } from "../../api";
import type { Colleague, Page, Task } from "../../api/types";
import { ErrorSummary } from "../../components/ErrorSummary";
import { Field } from "../../components/Field";
import { LoadFailed, LoadMoreButton } from "../../components/LoadMore";
import { Notice } from "../../components/Notice";
import { useCursorPages } from "../../components/useCursorPages";
import { useI18n } from "../../i18n/I18nProvider";
import { formErrors, NO_ERRORS, type FormErrors } from "./formErrors";
import { TaskList } from "./TaskList";
import { todayIso } from "./tasksView";

const KEYS = ["title", "description", "assignee_id", "due_on"];

function TaskForm({ clientId, colleagues, onCreated, onCancel }: {
  clientId: string; colleagues: Colleague[]; onCreated: (task: Task) => void; onCancel: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [values, setValues] = useState({ title: "", description: "", assignee_id: "", due_on: todayIso() });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [focusKey, setFocusKey] = useState(0);
  const set = (field: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      onCreated(await api.post<Task>(`/clients/${encodeURIComponent(clientId)}/tasks`, values));
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      setErrors(formErrors(error, i18n, (key) => KEYS.includes(key)));
      setFocusKey((k) => k + 1);
      setBusy(false);
    }
  }

  const items = [...errors.general.map((message) => ({ message })),
    ...Object.entries(errors.byKey).map(([key, message]) => ({ fieldId: `task-${key}`, message }))];
  return (
    <form className="form card card--muted" noValidate onSubmit={(e) => { void submit(e); }} aria-labelledby="task-form-title">
      <h3 id="task-form-title">{t("tasks.add")}</h3>
      <ErrorSummary id="task-errors" title={t("problem.validation_failed")} items={items} focusKey={focusKey} />
      <Field id="task-title" label={t("tasks.title")} error={errors.byKey.title} required>
        {(props) => <input {...props} type="text" autoComplete="off" value={values.title} onChange={set("title")} />}
      </Field>
      <Field id="task-description" label={t("tasks.description")} error={errors.byKey.description}>
        {(props) => <textarea {...props} rows={3} value={values.description} onChange={set("description")} />}
      </Field>
      <div className="form-row">
        <Field id="task-assignee_id" label={t("tasks.assignee")} error={errors.byKey.assignee_id} required>
          {(props) => (
            <select {...props} value={values.assignee_id} onChange={set("assignee_id")}>
              <option value="">{t("tasks.chooseAssignee")}</option>
              {colleagues.map((c) => <option key={c.id} value={c.id}>{c.display_name}</option>)}
            </select>
          )}
        </Field>
        <Field id="task-due_on" label={t("tasks.due")} error={errors.byKey.due_on} required>
          {(props) => <input {...props} type="date" value={values.due_on} onChange={set("due_on")} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>{t("tasks.create")}</button>
        <button type="button" className="button button--ghost-dark" onClick={onCancel}>{t("tasks.cancel")}</button>
      </div>
    </form>
  );
}

export function TasksTab({ clientId, colleagues, onChanged }: {
  clientId: string; colleagues: Colleague[]; onChanged?: () => void;
}) {
  const { t } = useI18n();
  const fetchPage = useCallback((cursor: string | undefined, signal?: AbortSignal) =>
    api.get<Page<Task>>(`/clients/${encodeURIComponent(clientId)}/tasks`, { query: { cursor, limit: 25 }, signal }),
  [clientId]);
  const { items, setItems, cursor, status, loadError, reload, loadMore } = useCursorPages(fetchPage);
  const [adding, setAdding] = useState(false);
  const [flash, setFlash] = useState("");
  const addButton = useRef<HTMLButtonElement>(null);

  function changed(task: Task) {
    setItems((list) => list.map((x) => (x.id === task.id ? { ...task, comments: [] } : x)));
    setFlash(t("tasks.saved"));
    onChanged?.();
  }

  return (
    <div className="stack">
      {flash ? <Notice tone="success">{flash}</Notice> : null}
      {adding ? (
        <TaskForm clientId={clientId} colleagues={colleagues} onCancel={() => { setAdding(false); addButton.current?.focus(); }}
          onCreated={(task) => { setItems((list) => [...list, task]); setAdding(false); setFlash(t("tasks.created")); onChanged?.(); }} />
      ) : (
        <p><button ref={addButton} type="button" className="button button--primary" onClick={() => { setFlash(""); setAdding(true); }}>
          <span className="button__icon" aria-hidden="true">+</span>{t("tasks.add")}
        </button></p>
      )}
      <LoadFailed problem={loadError} onRetry={reload} />
      {status === "loading" ? <p className="loading" role="status">{t("app.loading")}</p> : null}
      {status !== "loading" && !loadError && !items.length ? <p className="empty-state">{t("tasks.empty")}</p> : null}
      {items.length ? <TaskList tasks={items} showClient={false} onChanged={changed} /> : null}
      <LoadMoreButton cursor={cursor} status={status} onMore={loadMore} />
    </div>
  );
}
