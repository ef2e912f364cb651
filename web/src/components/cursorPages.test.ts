import { expect, test } from "vitest";
import { pageSizeFrom, withPage } from "./cursorPages";

test("the URL's page size is taken when it is a whole number in range", () => {
  expect(pageSizeFrom("2", 20, 100)).toBe(2);
  expect(pageSizeFrom("100", 20, 100)).toBe(100);
  for (const raw of [null, "", " ", "0", "-1", "101", "2.5", "abc"]) expect(pageSizeFrom(raw, 20, 100)).toBe(20);
});

test("a first page replaces the rows; the next ones are appended and say where they start", () => {
  expect(withPage(["a", "b"], { items: ["c"], next_cursor: "x" }, false)).toEqual({ items: ["c"], firstNew: null });
  expect(withPage(["a", "b"], { items: ["c", "d"], next_cursor: null }, true))
    .toEqual({ items: ["a", "b", "c", "d"], firstNew: 2 });
  // An empty last page adds nothing and moves no focus.
  expect(withPage(["a"], { items: [], next_cursor: null }, true)).toEqual({ items: ["a"], firstNew: null });
});
