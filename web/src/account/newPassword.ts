// The rules every new-password form shares (set, reset, registration, change): what is checked
// before asking the API, and where the API's field errors go.
import type { Problem } from "../api/client";
import type { SummaryItem } from "../components/ErrorSummary";
import type { Translator } from "../i18n/catalogue";
import { fieldMessage, fieldName, problemMessage } from "../i18n/problems";

export const PASSWORD_MIN_LENGTH = 12; // identity's policy (services/identity domain/passwords.py)

export type PasswordField = "current" | "password" | "repeat";
export type PasswordErrors = Partial<Record<PasswordField, string>>;

/** Empty, too short, or typed differently twice: found before calling the API. */
export function checkNewPassword(values: { password: string; repeat: string; current?: string },
  t: Translator["t"], options: { current?: boolean } = {}): PasswordErrors {
  const found: PasswordErrors = {};
  if (options.current && !values.current) found.current = t("security.currentRequired");
  if (!values.password) found.password = t("setPassword.required");
  else if (values.password.length < PASSWORD_MIN_LENGTH) {
    found.password = t("setPassword.tooShort", { min: PASSWORD_MIN_LENGTH });
  }
  if (!values.repeat) found.repeat = t("setPassword.required");
  else if (values.password && values.repeat !== values.password) found.repeat = t("setPassword.mismatch");
  return found;
}

const API_FIELDS: Record<string, PasswordField> = {
  password: "password",
  password_confirmation: "repeat",
  current_password: "current",
};

/** The API's answer split into messages beside the password fields and the rest (a link that
 * expired, a registration to start again, a wait…), all translated. */
export function passwordProblems(problem: Pick<Problem, "status" | "code" | "detail" | "errors" | "retryAfter">,
  i18n: Translator): { fields: PasswordErrors; general: string[]; other: string[] } {
  const fields: PasswordErrors = {};
  const general: string[] = [];
  const other: string[] = [];
  for (const error of problem.errors) {
    const field = API_FIELDS[fieldName(error)];
    if (field && !fields[field]) fields[field] = fieldMessage(error, i18n);
    else if (!field) {
      general.push(fieldMessage(error, i18n));
      other.push(fieldName(error));
    }
  }
  if (!problem.errors.length) general.push(problemMessage(problem, i18n));
  return { fields, general, other };
}

/** The error summary of a new-password form: general messages first, then the fields'. */
export function passwordSummary(general: string[], errors: PasswordErrors, idPrefix: string): SummaryItem[] {
  return [
    ...general.map((message) => ({ message })),
    ...(["current", "password", "repeat"] as const).filter((f) => errors[f])
      .map((f) => ({ fieldId: `${idPrefix}-${f}`, message: errors[f] ?? "" })),
  ];
}
