// Tasks' logic for the pages, free of React: the query of "my tasks" from its filters (kept in
// the URL), the statuses a task can move to, and the due-date tone of a row.
import { TASK_STATUSES, type Task, type TaskStatus } from "../../api/types";

export interface TaskFilters {
  status: TaskStatus | "";
  overdue: boolean;
}

export function filtersFrom(params: URLSearchParams): TaskFilters {
  const status = params.get("status") ?? "";
  return {
    status: (TASK_STATUSES as readonly string[]).includes(status) ? (status as TaskStatus) : "",
    overdue: params.get("overdue") === "1",
  };
}

export function filtersToParams(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.status) params.set("status", filters.status);
  if (filters.overdue) params.set("overdue", "1");
  return params;
}

/** GET /me/tasks's query (the API's "true"/absent for the overdue switch). */
export function myTasksQuery(filters: TaskFilters): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.status) query.status = filters.status;
  if (filters.overdue) query.overdue = "true";
  return query;
}

/** Where a task may go next: any other status (staff also reopen a finished one). */
export function nextStatuses(task: Pick<Task, "status">): TaskStatus[] {
  return TASK_STATUSES.filter((s) => s !== task.status);
}

export function dueTone(task: Pick<Task, "overdue" | "status">): "overdue" | "finished" | "pending" {
  if (task.overdue) return "overdue";
  return task.status === "done" || task.status === "cancelled" ? "finished" : "pending";
}

/** Today in the user's zone as YYYY-MM-DD (the date input's value), for a new task's default. */
export function todayIso(now: Date = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
