// Words for the API's problems: the stable `code` picks a translated message; the server's own
// English `detail`/`message` is the fallback for codes the catalogue does not know yet.
import type { FieldProblem, Problem } from "../api/client";
import type { Key, Translator } from "./catalogue";
import { formatWait } from "./format";

function byStatus(status: number): Key {
  if (status === 0) return "problem.network";
  if (status === 401) return "problem.unauthenticated";
  if (status === 403) return "problem.forbidden";
  if (status === 404) return "problem.not_found";
  if (status === 409) return "problem.conflict";
  if (status === 422 || status === 400) return "problem.validation_failed";
  if (status === 429) return "problem.rate_limited";
  if (status === 503 || status === 502 || status === 504) return "problem.unavailable";
  if (status >= 500) return "problem.internal";
  return "problem.generic";
}

/** One sentence for the user about a failed request. A 429 with a Retry-After says how long to
 * wait, in words (`problemWait.<code>` with {wait}: "15 minutos"), when the catalogue has it. */
export function problemMessage(problem: Pick<Problem, "status" | "code" | "detail"> & { retryAfter?: number | null },
  i18n: Translator): string {
  if (problem.retryAfter !== undefined && problem.retryAfter !== null && problem.retryAfter > 0) {
    const waitKey = `problemWait.${problem.code}`;
    const wait = formatWait(problem.retryAfter, i18n.language);
    if (i18n.has(waitKey)) return i18n.t(waitKey, { wait });
    if (problem.status === 429) return i18n.t("problemWait.rate_limited", { wait });
  }
  const key = `problem.${problem.code}`;
  if (i18n.has(key)) return i18n.t(key);
  const fallback = byStatus(problem.status);
  if (fallback === "problem.generic" && problem.detail) return problem.detail;
  return i18n.t(fallback);
}

/** The form field an API error names: "body.tax_id" → "tax_id". */
export function fieldName(problem: FieldProblem): string {
  const parts = problem.field.split(".");
  return parts[parts.length - 1] ?? problem.field;
}

// identity says how many tries of a registration code are left only in its English message.
const TRIES_LEFT = /\((\d+) tr(?:y|ies) left\)/;

/** One sentence for an error on a field, most specific first. */
export function fieldMessage(problem: FieldProblem, i18n: Translator): string {
  const name = fieldName(problem);
  if (problem.code === "wrong_code") {
    const left = TRIES_LEFT.exec(problem.message)?.[1];
    if (left !== undefined) return i18n.plural("fieldError.wrongCodeTriesLeft", Number(left));
  }
  const specific = `fieldError.${name}.${problem.code}`;
  if (i18n.has(specific)) return i18n.t(specific);
  const general = `fieldError.${problem.code}`;
  if (i18n.has(general)) return i18n.t(general);
  return problem.message || i18n.t("fieldError.invalid");
}

// identity names what keeps an account open as "<kind> <number>" ("policy CR-2025-000117").
const ACTIVE_PRODUCT = /^(policy|case|invoice)\s+(\S.*)$/;

/** What a 409 `active_products` lists, one translated line each ("Póliza CR-2025-000117");
 * an item of a kind the catalogue does not know is shown as it came. */
export function activeProducts(problem: Pick<Problem, "code" | "errors">, i18n: Translator): string[] {
  if (problem.code !== "active_products") return [];
  return problem.errors
    .filter((error) => fieldName(error) === "active_products" && error.message.trim())
    .map((error) => {
      const match = ACTIVE_PRODUCT.exec(error.message.trim());
      const key = match ? `closure.item.${match[1]}` : "";
      return match && i18n.has(key) ? i18n.t(key, { number: match[2] ?? "" }) : error.message.trim();
    });
}
