// A table of tasks (a client's, or the caller's own) with one opened below it.
import { useState } from "react";
import type { Task } from "../../api/types";
import { useI18n } from "../../i18n/I18nProvider";
import { codeLabel } from "./labels";
import { TaskDetail } from "./TaskDetail";

export function TaskList({ tasks, showClient, onChanged }: {
  tasks: Task[]; showClient: boolean; onChanged: (task: Task) => void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <table className="responsive-table" role="table" data-testid="tasks-table">
        <caption className="visually-hidden">{t("tasks.caption")}</caption>
        <thead role="rowgroup"><tr role="row">
          <th scope="col" role="columnheader">{t("tasks.title")}</th>
          {showClient ? <th scope="col" role="columnheader">{t("tasks.client")}</th> : null}
          <th scope="col" role="columnheader">{t("tasks.assignee")}</th>
          <th scope="col" role="columnheader">{t("tasks.due")}</th>
          <th scope="col" role="columnheader">{t("tasks.status")}</th>
          <th scope="col" role="columnheader"><span className="visually-hidden">{t("field.actions")}</span></th>
        </tr></thead>
        <tbody role="rowgroup">
          {tasks.map((task) => (
            <tr key={task.id} role="row">
              <th scope="row" role="rowheader" data-label={t("tasks.title")}>{task.title}</th>
              {showClient ? <td role="cell" data-label={t("tasks.client")}>{task.client_name}</td> : null}
              <td role="cell" data-label={t("tasks.assignee")}>{task.assignee_name}</td>
              <td role="cell" data-label={t("tasks.due")}>
                {i18n.formatDate(task.due_on)}{task.overdue ? <> <span className="pill pill--no">{t("tasks.overdue")}</span></> : null}
              </td>
              <td role="cell" data-label={t("tasks.status")}>{codeLabel(i18n, "taskStatus", task.status)}</td>
              <td role="cell" data-label={t("field.actions")}>
                <button type="button" className="button button--small" aria-expanded={open === task.id}
                  aria-label={t("tasks.openFor", { title: task.title })} onClick={() => setOpen(open === task.id ? null : task.id)}>
                  {t("tasks.open")}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open ? <TaskDetail key={open} taskId={open} onChanged={onChanged} onClose={() => setOpen(null)} /> : null}
    </>
  );
}
