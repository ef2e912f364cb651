import { expect, test } from "vitest";
import { translator } from "../i18n/catalogue";
import {
  AUDIT_ACTIONS, AUDIT_OUTCOMES, auditLabel, auditQuery, datesReversed, dayStart, detailPairs, filtersFrom, outcomeTone,
} from "./auditView";

test("filters come from the URL; malformed days are dropped", () => {
  const filters = filtersFrom(new URLSearchParams("action=login&outcome=failure&from=2026-03-01&to=03/05/2026&user_id= u1 "));
  expect(filters).toEqual({ action: "login", outcome: "failure", from: "2026-03-01", to: "", user_id: "u1" });
});

test("days become instants in the browser's zone: from inclusive, to as a whole day", () => {
  const query = auditQuery({ action: "login", outcome: "", from: "2026-03-01", to: "2026-03-05", user_id: "" });
  expect(query).toEqual({
    action: "login",
    since: new Date(2026, 2, 1).toISOString(),
    until: new Date(2026, 2, 6).toISOString(),
  });
  expect(auditQuery({ action: "", outcome: "", from: "", to: "", user_id: "" })).toEqual({});
  // The day after the last of a month.
  expect(dayStart("2026-02-28", 1)?.getDate()).toBe(1);
  expect(dayStart("nope")).toBeNull();
});

test("from after to is refused", () => {
  expect(datesReversed({ from: "2026-03-05", to: "2026-03-01" })).toBe(true);
  expect(datesReversed({ from: "2026-03-01", to: "2026-03-01" })).toBe(false);
  expect(datesReversed({ from: "", to: "2026-03-01" })).toBe(false);
});

test("every action and outcome the API names has words in every language; new codes show raw", () => {
  for (const language of ["es", "ca", "en", "pt"] as const) {
    const i18n = translator(language);
    for (const code of AUDIT_ACTIONS) expect(i18n.has(`auditAction.${code}`)).toBe(true);
    for (const code of AUDIT_OUTCOMES) expect(i18n.has(`auditOutcome.${code}`)).toBe(true);
  }
  const es = translator("es");
  expect(auditLabel(es, "auditAction", "login")).toBe("Inicio de sesión");
  expect(auditLabel(es, "auditOutcome", "throttled")).toBe("Frenado por exceso de intentos");
  expect(auditLabel(es, "auditAction", "mfa_enrolled")).toBe("mfa_enrolled");
});

test("outcomes in words carry a tone too (never colour only: the words stay)", () => {
  expect(outcomeTone("success")).toBe("yes");
  expect(outcomeTone("failure")).toBe("no");
  expect(outcomeTone("throttled")).toBe("no");
  expect(outcomeTone("code_sent")).toBe("neutral");
});

test("detail pairs are labelled and sorted", () => {
  expect(detailPairs(translator("en"), { login: "an***@x.test", count: "2", shiny: "new" })).toEqual([
    ["Sessions ended", "2"], ["Typed user name", "an***@x.test"], ["shiny", "new"],
  ]);
});
