// An API refusal as a form shows it: one message per control (keyed by the API's field path,
// "phones.1.number") and the rest for the error summary. Shared by the client, contact, task and
// profile forms.
import type { ProblemError } from "../../api";
import type { I18n } from "../../i18n/I18nProvider";
import { fieldMessage, problemMessage } from "../../i18n/problems";
import { errorKey } from "./clientFormView";

export interface FormErrors {
  byKey: Record<string, string>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { byKey: {}, general: [] };

export function formErrors(error: ProblemError, i18n: I18n, known: (key: string) => boolean): FormErrors {
  const byKey: Record<string, string> = {};
  const general: string[] = [];
  for (const problem of error.errors) {
    const key = errorKey(problem.field);
    if (known(key)) byKey[key] ??= fieldMessage(problem, i18n);
    else general.push(fieldMessage(problem, i18n));
  }
  if (!error.errors.length) general.push(problemMessage(error, i18n));
  return { byKey, general };
}
