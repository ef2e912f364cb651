import { expect, test } from "vitest";
import { dueTone, filtersFrom, filtersToParams, myTasksQuery, nextStatuses, todayIso } from "./tasksView";

test("the filters of my tasks come from the URL and go back to it", () => {
  const filters = filtersFrom(new URLSearchParams("status=in_progress&overdue=1"));
  expect(filters).toEqual({ status: "in_progress", overdue: true });
  expect(filtersToParams(filters).toString()).toBe("status=in_progress&overdue=1");
  expect(filtersFrom(new URLSearchParams("status=nonsense"))).toEqual({ status: "", overdue: false });
  expect(myTasksQuery({ status: "", overdue: true })).toEqual({ overdue: "true" });
  expect(myTasksQuery({ status: "done", overdue: false })).toEqual({ status: "done" });
});

test("a task moves to any other status and shows its due date's tone", () => {
  expect(nextStatuses({ status: "open" })).toEqual(["in_progress", "done", "cancelled"]);
  expect(dueTone({ overdue: true, status: "open" })).toBe("overdue");
  expect(dueTone({ overdue: false, status: "done" })).toBe("finished");
  expect(dueTone({ overdue: false, status: "open" })).toBe("pending");
});

test("today is the local date", () => {
  expect(todayIso(new Date(2026, 2, 5, 23, 30))).toBe("2026-03-05");
});
