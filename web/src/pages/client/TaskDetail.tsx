// One task opened: its details, a status switch and its comments thread (staff only). Shared by
// the client page's tasks tab and "my tasks".
import { useEffect, useState, type FormEvent } from "react";
import { api, ProblemError } from "../../api";
import type { Task, TaskComment } from "../../api/types";
import { Field } from "../../components/Field";
import { Notice } from "../../components/Notice";
import { useI18n } from "../../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../../i18n/problems";
import { codeLabel } from "./labels";
import { nextStatuses } from "./tasksView";

export function TaskDetail({ taskId, onChanged, onClose }: {
  taskId: string; onChanged: (task: Task) => void; onClose: () => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [task, setTask] = useState<Task | null>(null);
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState("");
  const [problem, setProblem] = useState("");
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api.get<Task>(`/tasks/${encodeURIComponent(taskId)}`, { signal: controller.signal }).then(setTask)
      .catch((e: unknown) => { if (e instanceof ProblemError) setProblem(problemMessage(e, i18n)); });
    return () => controller.abort();
  }, [taskId]); // the language may change while open; the task is the same

  async function move(status: string) {
    if (!task) return;
    setBusy(true);
    setProblem("");
    try {
      const saved = await api.patch<Task>(`/tasks/${encodeURIComponent(task.id)}`, { version: task.version, status });
      setTask(saved);
      onChanged(saved);
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      setProblem(problemMessage(e, i18n));
    } finally {
      setBusy(false);
    }
  }

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!task) return;
    setBusy(true);
    setCommentError("");
    try {
      const added = await api.post<TaskComment>(`/tasks/${encodeURIComponent(task.id)}/comments`, { body: comment });
      setTask({ ...task, comments: [...task.comments, added] });
      setComment("");
    } catch (e) {
      if (!(e instanceof ProblemError)) throw e;
      setCommentError(e.errors.length ? fieldMessage(e.errors[0]!, i18n) : problemMessage(e, i18n));
    } finally {
      setBusy(false);
    }
  }

  if (!task) return problem ? <Notice tone="error">{problem}</Notice> : <p className="loading" role="status">{t("app.loading")}</p>;
  return (
    <section className="card card--muted stack" aria-labelledby={`task-${task.id}-title`}>
      <h3 id={`task-${task.id}-title`}>{task.title}</h3>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      <dl className="summary-list summary-list--compact">
        <div className="summary-list__row"><dt>{t("tasks.client")}</dt><dd>{task.client_name}</dd></div>
        <div className="summary-list__row"><dt>{t("tasks.assignee")}</dt><dd>{task.assignee_name}</dd></div>
        <div className="summary-list__row"><dt>{t("tasks.due")}</dt>
          <dd>{i18n.formatDate(task.due_on)}{task.overdue ? <> <span className="pill pill--no">{t("tasks.overdue")}</span></> : null}</dd></div>
        <div className="summary-list__row"><dt>{t("tasks.status")}</dt><dd>{codeLabel(i18n, "taskStatus", task.status)}</dd></div>
      </dl>
      {task.description ? <p className="cell--lines">{task.description}</p> : null}
      <p className="field__hint">{t("tasks.createdBy", { name: task.created_by_name, date: i18n.formatDate(task.created_at) })}</p>
      <div className="row-actions" role="group" aria-label={t("tasks.changeStatus")}>
        {nextStatuses(task).map((status) => (
          <button key={status} type="button" className="button button--small" disabled={busy} onClick={() => { void move(status); }}>
            {codeLabel(i18n, "taskStatus", status)}
          </button>
        ))}
      </div>
      <h4>{t("tasks.comments")}</h4>
      {task.comments.length ? (
        <ol className="comments">
          {task.comments.map((c) => (
            <li key={c.id}><p className="history__meta">{c.author_name} · {i18n.formatDateTime(c.created_at)}</p>
              <p className="cell--lines">{c.body}</p></li>
          ))}
        </ol>
      ) : <p className="field__hint">{t("tasks.noComments")}</p>}
      <form className="form" noValidate onSubmit={(e) => { void send(e); }}>
        <Field id={`task-${task.id}-comment`} label={t("tasks.comment")} error={commentError}>
          {(props) => <textarea {...props} rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />}
        </Field>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>{t("tasks.send")}</button>
          <button type="button" className="button button--ghost-dark" onClick={onClose}>{t("tasks.close")}</button>
        </div>
      </form>
    </section>
  );
}
