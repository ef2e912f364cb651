import { describe, expect, test } from "vitest";
import type { Dashboard } from "../api/types";
import { translator } from "../i18n/catalogue";
import { formatMoney } from "../i18n/format";
import { codeLabel, nonZero, nothingOwed, section } from "./dashboardView";

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

const data: Dashboard = {
  display_name: "Lucía Fernández Ruiz",
  tenant: { id: "t", slug: "demo", name: "Demo" },
  client: null,
  policies: [{ id: "p1", number: "CR-2025-000117", line: "credit", status: "active",
    premium: { minor_units: 184000, currency: "EUR" }, ends_on: "2027-12-31" }],
  open_cases: [],
  balance: null,
  notices: ["balance_unavailable"],
};

describe("code labels", () => {
  test("known codes are translated in every language", () => {
    expect(codeLabel(translator("es"), "policyStatus", "active")).toBe("En vigor");
    expect(codeLabel(translator("en"), "policyLine", "surety")).toBe("Surety insurance");
    expect(codeLabel(translator("ca"), "casePhase", "court_filing")).toBe("Reclamació judicial");
    expect(codeLabel(translator("pt"), "policyStatus", "cancelled")).toBe("Anulada");
  });

  test.each([
    ["policyStatus", ["active", "suspended", "expired", "cancelled"]],
    ["policyLine", ["credit", "surety", "home"]],
    ["casePhase", ["amicable", "court_filing", "recovered"]],
  ] as const)("every known %s code has a label", (group, codes) => {
    for (const code of codes) expect(translator("es").has(`${group}.${code}`)).toBe(true);
  });

  test("an unknown code is shown as it comes", () => {
    expect(codeLabel(translator("es"), "policyStatus", "pending_review")).toBe("pending_review");
    expect(codeLabel(translator("es"), "casePhase", "")).toBe("");
  });
});

describe("sections", () => {
  test("loading, then each section on its own: ready, empty or unavailable", () => {
    expect(section({ status: "loading" }, "policies")).toEqual({ state: "loading" });
    const ready = { status: "ready", data } as const;
    expect(section(ready, "policies")).toEqual({ state: "ready", value: data.policies });
    expect(section(ready, "open_cases")).toEqual({ state: "ready", value: [] });
    expect(section(ready, "balance")).toEqual({ state: "unavailable" });
  });

  test("a failed request leaves every section unavailable", () => {
    for (const name of ["policies", "open_cases", "balance"] as const) {
      expect(section({ status: "failed" }, name)).toEqual({ state: "unavailable" });
    }
  });
});

describe("balance", () => {
  test("nothing owed when there are no amounts or only zeros", () => {
    expect(nothingOwed({ owed: [], overdue: [] })).toBe(true);
    expect(nothingOwed({ owed: [{ minor_units: 0, currency: "EUR" }], overdue: [] })).toBe(true);
    expect(nothingOwed({ owed: [{ minor_units: 92000, currency: "EUR" }], overdue: [] })).toBe(false);
  });

  test("amounts per currency, zeros left out, formatted from minor units", () => {
    const owed = nonZero([{ minor_units: 92000, currency: "EUR" }, { minor_units: 0, currency: "USD" },
      { minor_units: 46000, currency: "GBP" }]);
    expect(owed.map((m) => plain(formatMoney(m.minor_units, m.currency, "es")))).toEqual(["920,00 €", "460,00 GBP"]);
    expect(plain(formatMoney(184000, "EUR", "es"))).toBe("1.840,00 €");
  });
});
