// Pure helpers of the customer dashboard (tested without a DOM): labels for the codes the API
// sends, and what each section shows while loading, when loaded, empty or unavailable.
import type { Balance, Dashboard, Money } from "../api/types";
import type { Key, Translator } from "../i18n/catalogue";

export type CodeGroup = "policyLine" | "policyStatus" | "casePhase";

/** The translated label of a code ("active" → "En vigor"), or the code itself when the
 * catalogue does not know it yet (a new status must not break the page). */
export function codeLabel(i18n: Pick<Translator, "t" | "has">, group: CodeGroup, code: string): string {
  const key = `${group}.${code}`;
  return i18n.has(key) ? i18n.t(key as Key) : code;
}

export type SectionName = "policies" | "open_cases" | "balance";

/** What a section shows: "loading" until the answer, "unavailable" when the API could not load
 * it (null, or the whole request failed), otherwise its value. */
export type Section<T> = { state: "loading" } | { state: "unavailable" } | { state: "ready"; value: T };

export type DashboardLoad = { status: "loading" } | { status: "failed" } | { status: "ready"; data: Dashboard };

export function section<N extends SectionName>(load: DashboardLoad, name: N): Section<NonNullable<Dashboard[N]>> {
  if (load.status === "loading") return { state: "loading" };
  if (load.status === "failed") return { state: "unavailable" };
  const value = load.data[name];
  return value === null || value === undefined ? { state: "unavailable" } : { state: "ready", value: value as NonNullable<Dashboard[N]> };
}

/** Amounts worth showing: one per currency, zeros left out. */
export function nonZero(amounts: Money[]): Money[] {
  return amounts.filter((m) => m.minor_units !== 0);
}

/** True when the customer owes nothing in any currency. */
export function nothingOwed(balance: Balance): boolean {
  return nonZero(balance.owed).length === 0 && nonZero(balance.overdue).length === 0;
}
