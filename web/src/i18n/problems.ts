// Words for the API's problems: the stable `code` picks a translated message; the server's own
// English `detail`/`message` is the fallback for codes the catalogue does not know yet.
import type { FieldProblem, Problem } from "../api/client";
import type { Key, Translator } from "./catalogue";

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

/** One sentence for the user about a failed request. */
export function problemMessage(problem: Pick<Problem, "status" | "code" | "detail">, i18n: Translator): string {
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

/** One sentence for an error on a field, most specific first. */
export function fieldMessage(problem: FieldProblem, i18n: Translator): string {
  const name = fieldName(problem);
  const specific = `fieldError.${name}.${problem.code}`;
  if (i18n.has(specific)) return i18n.t(specific);
  const general = `fieldError.${problem.code}`;
  if (i18n.has(general)) return i18n.t(general);
  return problem.message || i18n.t("fieldError.invalid");
}
