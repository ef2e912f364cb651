import { describe, expect, test } from "vitest";
import { formatKeyInput, missingFields, newsParagraphs, prefill, sessionOver } from "./quickAccess";

describe("quick access form", () => {
  test("names the empty fields in the form's order", () => {
    expect(missingFields({ tenant: "demo", process_number: " ", access_key: "" }))
      .toEqual(["process_number", "access_key"]);
    expect(missingFields({ tenant: "demo", process_number: "EXP-2026-00311", access_key: "K7QF" })).toEqual([]);
  });

  test("shows the key as in the e-mail while it is typed", () => {
    expect(formatKeyInput("k7qf")).toBe("K7QF");
    expect(formatKeyInput("k7qf3")).toBe("K7QF-3");
    expect(formatKeyInput("k7qf 3m9p xa")).toBe("K7QF-3M9P-XA");
    expect(formatKeyInput("K7QF-3M9P-XA")).toBe("K7QF-3M9P-XA");
    expect(formatKeyInput("")).toBe("");
    // Too long: kept as typed (compact) rather than silently cut to something else.
    expect(formatKeyInput("K7QF-3M9P-XAZ")).toBe("K7QF3M9PXAZ");
  });

  test("the e-mailed link fills in the firm and the process number only", () => {
    expect(prefill("?tenant=demo&process=EXP-2026-00311")).toEqual({ tenant: "demo", process_number: "EXP-2026-00311" });
    expect(prefill("")).toEqual({ tenant: null, process_number: "" });
  });

  test("a 401 ends the quick-access session; a 403 does not", () => {
    expect(sessionOver({ status: 401 })).toBe(true);
    expect(sessionOver({ status: 403 })).toBe(false);
  });
});

describe("news", () => {
  test("bodies break into paragraphs at blank lines", () => {
    expect(newsParagraphs("Uno.\n\nDos,\nsigue.\n \n\nTres.")).toEqual(["Uno.", "Dos,\nsigue.", "Tres."]);
    expect(newsParagraphs("  ")).toEqual([]);
  });
});
