// The browser's API instance: same-origin /api/v1, the language of <html lang>, and hooks the
// session sets to hear that the session ended (a 401 on an authenticated call) or that the firm
// now requires two-factor set-up first (a 403 `mfa_enrolment_required` from any call).
import { isEnrolmentRequired } from "../session/mfaGate";
import { createApi, type ProblemError } from "./client";

let unauthenticatedHandler: (problem: ProblemError) => void = () => {};
let enrolmentHandler: () => void = () => {};

export function onUnauthenticated(handler: (problem: ProblemError) => void): void {
  unauthenticatedHandler = handler;
}

export function onEnrolmentRequired(handler: () => void): void {
  enrolmentHandler = handler;
}

export const api = createApi({
  language: () => document.documentElement.lang || "es",
  onUnauthenticated: (problem) => unauthenticatedHandler(problem),
  onProblem: (problem) => {
    if (isEnrolmentRequired(problem)) enrolmentHandler();
  },
});

export { ProblemError } from "./client";
export type { FieldProblem, Problem } from "./client";
