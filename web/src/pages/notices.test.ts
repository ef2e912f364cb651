import { describe, expect, test } from "vitest";
import { noticeParagraphs, withRead, type Notice } from "./notices";

const notice = (id: string, read = false): Notice => ({ id, title: id, body: "", created_at: "2026-11-23T10:00:00Z", read });

describe("in-app notices", () => {
  test("marking some read leaves the others as they were", () => {
    const marked = withRead([notice("a"), notice("b"), notice("c", true)], ["b"]);
    expect(marked.map((n) => n.read)).toEqual([false, true, true]);
  });

  test("marking all read", () => {
    expect(withRead([notice("a"), notice("b")], "all").every((n) => n.read)).toBe(true);
  });

  test("a body becomes its paragraphs, blank lines between them, no empty ones", () => {
    expect(noticeParagraphs("Primera línea.\n\n  Segunda.\n\n\n")).toEqual(["Primera línea.", "Segunda."]);
    expect(noticeParagraphs("")).toEqual([]);
  });
});
