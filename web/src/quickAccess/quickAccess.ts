// Quick access by process number (seed 003): the visitor types the firm, the process number and
// the access key e-mailed when the case was opened, and gets a limited session that shows that
// one case and the firm's news (the API refuses everything else with 403 `quick_access_forbidden`).
// The pure parts of its pages: the form's values and checks, the key as it is typed, the e-mail
// link's prefill, and how news bodies break into paragraphs.

export const QUICK_ACCESS_PATH = "/quick-access";
export const QUICK_CASE_PATH = "/quick-access/case";
export const QUICK_NEWS_PATH = "/quick-access/news";

export type QuickAccessField = "tenant" | "process_number" | "access_key";
export const QUICK_ACCESS_FIELDS: QuickAccessField[] = ["tenant", "process_number", "access_key"];
export type QuickAccessValues = Record<QuickAccessField, string>;

/** The fields left empty, in the form's order. */
export function missingFields(values: QuickAccessValues): QuickAccessField[] {
  return QUICK_ACCESS_FIELDS.filter((field) => !values[field].trim());
}

const KEY_GROUPS = [4, 4, 2];
const KEY_LENGTH = KEY_GROUPS.reduce((a, b) => a + b, 0);

/** The access key as the visitor types it, shown as in the e-mail: upper case, grouped 4-4-2
 * (`k7qf3m` → `K7QF-3M`). Anything but letters and digits is dropped; extra characters are kept
 * (not cut), so a mistyped key is sent as typed and answered as wrong. */
export function formatKeyInput(typed: string): string {
  const compact = typed.replace(/[^0-9a-z]/gi, "").toUpperCase();
  if (compact.length > KEY_LENGTH) return compact;
  const parts: string[] = [];
  let start = 0;
  for (const size of KEY_GROUPS) {
    const part = compact.slice(start, start + size);
    if (part) parts.push(part);
    start += size;
  }
  return parts.join("-");
}

/** What the e-mailed link fills in: `?tenant=demo&process=EXP-2026-00311` (never the key). */
export function prefill(search: string): { tenant: string | null; process_number: string } {
  const params = new URLSearchParams(search);
  return { tenant: params.get("tenant"), process_number: (params.get("process") ?? "").trim().slice(0, 40) };
}

/** Whether an API problem means the quick-access session is over (expired or logged out): the
 * visitor types the key again. */
export function sessionOver(problem: { status: number }): boolean {
  return problem.status === 401;
}

/** A news body's paragraphs (blank lines separate them; single line breaks stay inside). */
export function newsParagraphs(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}
